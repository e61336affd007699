//! The architecture as tests: the layers of `src/` depend only downward, the top
//! of `src/` stays small, and every claim is checked by the check module named
//! for its transcription file.

mod support;

use cogenesis::audit::checks::{REGISTRY, check_for};
use cogenesis::transcript::claims::load_dir;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers from the bottom up; a layer may use the ones below it (and
/// `prec`, the tolerances), never one above or beside it.
const LAYERS: [(&str, u32); 10] = [
    ("prec", 0),
    ("cas", 1),
    ("transcript", 2),
    ("derive", 3),
    ("numerics", 3),
    ("cosmo", 4),
    ("audit", 5),
    ("render", 6),
    ("bench", 7),
    ("error", 7),
];

fn rank(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `crate::NAME` references in the code of a file (comments left out).
fn references(text: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(k) = rest.find("crate::") {
            let name: String = rest[k + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            out.push((n + 1, name));
            rest = &rest[k + 7..];
        }
    }
    out
}

#[test]
fn layers_depend_only_downward() {
    let mut files = vec![];
    rust_files(&src(), &mut files);
    let mut violations = vec![];
    for f in &files {
        let rel = f.strip_prefix(src()).unwrap();
        let top = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        let Some(mine) = rank(&top) else { continue }; // lib.rs, main.rs, cli/
        for (line, used) in references(&std::fs::read_to_string(f).unwrap()) {
            if used == top {
                continue;
            }
            if let Some(theirs) = rank(&used)
                && theirs >= mine
            {
                violations.push(format!("src/{}:{line}: {top} uses {used}", rel.display()));
            }
        }
    }
    assert!(violations.is_empty(), "dependencies against the layers:\n{}", violations.join("\n"));
    // the scan sees real references: the audit uses every layer below it
    let audit = std::fs::read_to_string(src().join("audit/context.rs")).unwrap();
    let used: Vec<String> = references(&audit).into_iter().map(|(_, m)| m).collect();
    for m in ["transcript", "derive", "cosmo"] {
        assert!(used.iter().any(|u| u == m), "audit/context.rs should use {m}");
    }
}

#[test]
fn the_top_of_src_shows_the_layers() {
    let mut top_files = vec![];
    let mut dirs = vec![];
    for e in std::fs::read_dir(src()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            dirs.push(name);
        } else if name.ends_with(".rs") {
            top_files.push(name);
        }
    }
    assert!(top_files.len() <= 8, "{} .rs files at the top of src/: {top_files:?}", top_files.len());
    for layer in ["cas", "transcript", "derive", "numerics", "cosmo", "audit", "render", "cli"] {
        assert!(dirs.iter().any(|d| d == layer), "src/{layer}/ is missing");
    }
}

#[test]
fn every_claim_is_checked_in_the_module_of_its_file() {
    let set = load_dir(&support::derivations());
    assert!(set.errors.is_empty(), "{:?}", set.errors);
    let mut wrong = vec![];
    for c in &set.claims {
        let stem = c.location.file.file_stem().unwrap().to_string_lossy().to_string();
        match check_for(&c.id) {
            None => wrong.push(format!("{}: no check", c.id)),
            Some(check) if check.module() != stem => {
                wrong.push(format!("{} (derivations/{stem}.toml) is checked by {}", c.id, check.name()))
            }
            Some(check) => assert!(check.name().starts_with(&format!("audit::checks::{stem}::"))),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_check_table_names_claims_of_its_own_file_once() {
    let set = load_dir(&support::derivations());
    let mut files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &set.claims {
        files.entry(c.location.file.file_stem().unwrap().to_string_lossy().to_string()).or_default().push(c.id.clone());
    }
    let mut deciders: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (stem, table) in REGISTRY {
        let ids = files.get(*stem).unwrap_or_else(|| panic!("check module {stem} has no transcription file derivations/{stem}.toml"));
        for check in table.iter() {
            assert_eq!(check.module(), *stem, "{} is listed under {stem}", check.name());
            for pattern in check.claims {
                assert!(
                    ids.iter().any(|id| check.decides(id)),
                    "{}: `{pattern}` matches no claim of derivations/{stem}.toml",
                    check.name()
                );
            }
            for id in ids.iter().filter(|id| check.decides(id)) {
                deciders.entry(id.clone()).or_default().push(check.name());
            }
        }
    }
    let twice: Vec<String> = deciders.iter().filter(|(_, v)| v.len() > 1).map(|(id, v)| format!("{id}: {v:?}")).collect();
    assert!(twice.is_empty(), "claims decided by more than one check: {twice:?}");
}

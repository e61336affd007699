//! The audit's cache of derived results (issue 19): a warm run gives the
//! reports a cold run gives, byte for byte; after an edit of one claim only
//! that claim and the claims whose checks read it are checked again, and the
//! reports equal those of a cold run (`--no-cache`) on the edited inputs.
//!
//! Like `tests/cli.rs`, this binary only spawns the CLI (one Symbolica process
//! at a time).

use std::path::{Path, PathBuf};
use std::process::Command;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cogenesis-cache-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// One full audit of `derivations` into `out` (JSON, Markdown, HTML and stdout);
/// its stderr.
fn audit(derivations: &Path, cache: &Path, out: &Path, extra: &[&str]) -> String {
    std::fs::create_dir_all(out).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_cogenesis"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COGENESIS_CACHE_DIR", cache)
        .env("SYMBOLICA_HIDE_BANNER", "1")
        .arg("--derivations")
        .arg(derivations)
        .arg("audit")
        .arg("--json")
        .arg(out.join("audit.json"))
        .arg("--markdown")
        .arg(out.join("audit.md"))
        .arg("--html")
        .arg(out.join("audit.html"))
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.code().is_some_and(|c| c <= 1), "audit failed: {stderr}");
    std::fs::write(out.join("stdout"), &o.stdout).unwrap();
    stderr
}

fn same_reports(a: &Path, b: &Path) {
    for f in ["audit.json", "audit.md", "audit.html", "stdout"] {
        let (x, y) = (std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap());
        assert!(x == y, "{f} differs between {} and {}", a.display(), b.display());
    }
}

/// The "cache: R verdicts reused, C checked; ..." line of a run.
fn counts(stderr: &str) -> (usize, usize) {
    let line = stderr.lines().find(|l| l.starts_with("cache: ")).unwrap_or_else(|| panic!("no cache line in {stderr}"));
    let n: Vec<usize> = line.split(|c: char| !c.is_ascii_digit()).filter_map(|w| w.parse().ok()).collect();
    (n[0], n[1])
}

#[test]
fn warm_runs_equal_cold_runs_and_re_check_only_what_changed() {
    let root = tmp("run");
    let (derivations, cache) = (root.join("derivations"), root.join("cache"));
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations"), &derivations);
    let n = std::fs::read_dir(&derivations)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap().matches("[[claim]]").count())
        .sum::<usize>();

    // cold, then warm: every verdict and explanation from the cache, the same bytes
    let cold = audit(&derivations, &cache, &root.join("cold"), &[]);
    assert_eq!(counts(&cold), (0, n), "{cold}");
    let warm = audit(&derivations, &cache, &root.join("warm"), &[]);
    assert_eq!(counts(&warm), (n, 0), "{warm}");
    assert!(warm.contains("0 run"), "the explainer ran again: {warm}");
    same_reports(&root.join("cold"), &root.join("warm"));

    // edit Eq. (48)'s normalisation: Eq. (48) and Eq. (58), whose check reads it, are checked again
    let file = derivations.join("sec4_benchmarks.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let printed = "printed = \"12/pi^4*D2_chiphi_chiphibar*(1 - xi^8)*T^8\"";
    assert!(text.contains(printed), "Eq. (48) as transcribed changed: update this test");
    std::fs::write(&file, text.replace(printed, "printed = \"13/pi^4*D2_chiphi_chiphibar*(1 - xi^8)*T^8\"")).unwrap();
    let edited = audit(&derivations, &cache, &root.join("edited"), &[]);
    assert_eq!(counts(&edited), (n - 2, 2), "{edited}");
    let json = std::fs::read_to_string(root.join("edited").join("audit.json")).unwrap();
    assert!(json.contains("\"id\": \"eq48\"") || json.contains("\"id\":\"eq48\""));
    // and the result is what a cold run on the edited inputs gives
    let fresh = audit(&derivations, &cache, &root.join("fresh"), &["--no-cache"]);
    assert!(!fresh.contains("cache: "), "--no-cache used the cache: {fresh}");
    same_reports(&root.join("edited"), &root.join("fresh"));
    // the edit changed the report (the test can fail)
    let before = std::fs::read(root.join("cold").join("audit.json")).unwrap();
    assert_ne!(before, std::fs::read(root.join("edited").join("audit.json")).unwrap());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_damaged_cache_file_is_a_cold_run() {
    let root = tmp("damaged");
    let cache = root.join("cache");
    std::fs::create_dir_all(&cache).unwrap();
    let derivations = Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations");
    // every cache file of this build and directory damaged: the claims are checked, and the file replaced
    let one = audit(&derivations, &cache, &root.join("a"), &["--only", "eq50", "--no-explain", "--no-impact"]);
    assert_eq!(counts(&one), (0, 1), "{one}");
    for e in std::fs::read_dir(&cache).unwrap() {
        std::fs::write(e.unwrap().path(), "{\"format\": 1, \"entries\": [").unwrap();
    }
    let again = audit(&derivations, &cache, &root.join("b"), &["--only", "eq50", "--no-explain", "--no-impact"]);
    assert_eq!(counts(&again), (0, 1), "{again}");
    let third = audit(&derivations, &cache, &root.join("c"), &["--only", "eq50", "--no-explain", "--no-impact"]);
    assert_eq!(counts(&third), (1, 0), "{third}");
    same_reports(&root.join("a"), &root.join("c"));
    let _ = std::fs::remove_dir_all(&root);
}

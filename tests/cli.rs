//! The command-line interface, run as a separate process. This test binary must
//! not touch Symbolica itself (restricted mode allows one Symbolica process at a
//! time), so it only spawns the CLI, one command at a time.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cogenesis"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env_remove("SYMBOLICA_HIDE_BANNER");
    c
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cogenesis-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The per-user Symbolica lock file (as `src/cli/lock.rs` names it).
fn lock_path() -> PathBuf {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "user".into());
    let safe: String = user.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    std::env::temp_dir().join(format!("cogenesis-{safe}.lock"))
}

fn audit_into(dir: &Path, extra: &[&str]) -> std::process::Output {
    let explain = extra.contains(&"--explain");
    let extra: Vec<&str> = extra.iter().copied().filter(|x| *x != "--explain").collect();
    bin()
        .args(["audit", "--json"])
        .arg(dir.join("audit.json"))
        .arg("--markdown")
        .arg(dir.join("audit.md"))
        .args(&extra)
        .args(if explain { vec![] } else { vec!["--no-explain"] })
        .output()
        .unwrap()
}

#[test]
fn audit_writes_reports_in_the_agreed_shape() {
    let d = tmp("shape");
    let out = audit_into(&d, &["--explain"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("eq17") && stdout.contains("total:"), "{stdout}");
    assert!(!stdout.contains("Symbolica"), "banner leaked into stdout");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(d.join("audit.json")).unwrap()).unwrap();
    assert_eq!(json["tool"], "cogenesis");
    assert!(json["version"].is_string());
    let claims = json["claims"].as_array().unwrap();
    for c in claims {
        for key in ["id", "section", "status", "printed", "derived", "detail"] {
            assert!(c[key].is_string(), "{key} missing in {c}");
        }
        assert!(
            ["confirmed", "discrepancy", "ambiguous", "unchecked", "definition", "agrees", "differs"]
                .contains(&c["status"].as_str().unwrap())
        );
        // the talk's statements say which of talk and paper the derivation supports; definitions name their users
        match c["status"].as_str().unwrap() {
            "agrees" | "differs" => assert!(c["supports"].is_string(), "{c}"),
            "definition" => assert!(c["used_by"].as_array().is_some_and(|u| !u.is_empty()), "{c}"),
            _ => {}
        }
    }
    // the coverage of every numbered item of the paper
    let coverage = json["coverage"].as_array().expect("coverage");
    assert_eq!(coverage.len(), 99);
    assert!(coverage.iter().all(|r| r["claims"].as_array().is_some_and(|c| !c.is_empty())));
    let ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in [
        "eq4", "eq17", "eq18", "eq19", "eq20", "eq21", "eq22", "eq23", "eq56", "eq57", "eq58", "eq59.B1", "eq59.B2", "eq59.B3", "eq59.B4",
        "eq78.A", "eq79", "eq80", "eq81", "eq82",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let md = std::fs::read_to_string(d.join("audit.md")).unwrap();
    assert!(md.contains("## eq18") && md.contains("discrepancy"));
    // a discrepancy the slip space explains (the overall sign of Eq. 80) carries its explanation
    let eq80 = claims.iter().find(|c| c["id"] == "eq80").unwrap();
    assert!(eq80["explanations"].as_array().is_some_and(|e| !e.is_empty()), "{eq80}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn strict_fails_when_verdicts_change() {
    let d = tmp("strict");
    // the committed report is the baseline: no change
    let out = audit_into(&d, &["--strict", "--baseline", "reports/audit.json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // a baseline that disagrees on one verdict
    let text = std::fs::read_to_string(d.join("audit.json")).unwrap();
    let changed = text.replacen("\"status\": \"discrepancy\"", "\"status\": \"confirmed\"", 1);
    std::fs::write(d.join("baseline.json"), changed).unwrap();
    let out = audit_into(&d, &["--strict", "--baseline", d.join("baseline.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("confirmed -> discrepancy"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn audit_refuses_a_missing_directory() {
    let d = tmp("missing");
    let out = audit_into(&d, &["--derivations", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn audit_survives_a_broken_transcription_file() {
    let d = tmp("broken");
    let src = d.join("derivations");
    std::fs::create_dir_all(&src).unwrap();
    for f in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&f, src.join(f.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(src.join("zz_broken.toml"), "[[claim]\nid = \"eq99\"\n").unwrap();
    let out = audit_into(&d, &["--derivations", src.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("zz_broken.toml:1:"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(d.join("audit.json")).unwrap()).unwrap();
    assert!(json["errors"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(json["claims"].as_array().unwrap().len() > 30);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn derive_d2_formats() {
    let out = bin().args(["derive", "d2", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("clean JSON on stdout");
    assert_eq!(v["rows"].as_array().unwrap().len(), 4);
    let latex = bin().args(["derive", "d2", "--format", "latex"]).output().unwrap();
    assert!(String::from_utf8_lossy(&latex.stdout).contains("\\begin{align}"));
    let mma = bin().args(["derive", "d2", "--format", "mathematica"]).output().unwrap();
    assert!(String::from_utf8_lossy(&mma.stdout).contains("Conjugate[A]"));
    let bad = bin().args(["derive", "d2", "--format", "pdf"]).output().unwrap();
    assert!(!bad.status.success());
    let bench = bin().args(["derive", "benchmarks", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&bench.stdout).unwrap();
    assert_eq!(v[0]["sin(alpha - beta)"], "2/3");
}

/// Issue 19: `--only` checks a subset (ids, sections, files), compares it with
/// the baseline under --strict, and writes no report unless one is named; an
/// unknown name is a clear error.
#[test]
fn audit_only_checks_a_subset() {
    let out = bin().args(["audit", "--only", "eq50,4.1", "--strict", "--no-impact"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("eq50 ") && stdout.contains("eq41 ") && !stdout.contains("eq17 "), "{stdout}");
    assert!(stdout.contains("printed:") && stdout.contains("derived:"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("reports/ left as they are"));
    let bad = bin().args(["audit", "--only", "eq999"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no claim has this id"));
}

/// Issue 15: `derive statistics` in CSV and JSON; Mathematica is refused for a table of numbers.
#[test]
fn derive_statistics_formats() {
    let csv = bin().args(["derive", "statistics", "--format", "csv", "--digits", "8"]).output().unwrap();
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(text.starts_with("assignment,reactions,k,moment,treatment,t1,t2,t_final,ratio,digits\n"));
    assert_eq!(text.lines().count(), 1 + 72);
    let json = bin().args(["derive", "statistics", "--format", "json", "--digits", "8"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("clean JSON on stdout");
    assert_eq!(v.as_array().unwrap().len(), 72);
    let bad = bin().args(["derive", "statistics", "--format", "mathematica"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("text, latex, json, csv"));
}

/// A second process does not abort: while another holds the per-user Symbolica
/// lock, `--no-wait` exits 2 with a clear message and nothing on stdout, and
/// without it the command waits (saying so on stderr) and then succeeds.
#[test]
fn a_second_process_waits_or_fails_clearly() {
    // hold the lock from this (Symbolica-free) test process, as a running audit would
    let path = lock_path();
    let held = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).unwrap();
    held.lock().unwrap();
    let out = bin().args(["derive", "d2", "--format", "json", "--no-wait"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-wait"), "{}", String::from_utf8_lossy(&out.stderr));
    // without --no-wait it waits until the lock is released
    let mut child = bin()
        .args(["derive", "d2", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(child.try_wait().unwrap().is_none(), "the second process did not wait");
    held.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("waiting for"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is clean JSON");
    assert!(json.is_array() || json.is_object());
}

/// Issue 18: the commands that need no Symbolica once their derived inputs are
/// cached (evolve, scan, relic) and collide (MPFR only) run while an audit
/// holds the Symbolica slot: with `--no-wait` they would exit 2 if they wanted
/// the lock, and abort if they used Symbolica without it. With a cold cache the
/// same evolve needs Symbolica once, and says so.
#[test]
fn plain_rust_commands_run_beside_an_audit() {
    let dir = tmp("beside");
    let cache = dir.join("cache");
    let with_cache = |args: &[&str]| {
        let mut c = bin();
        c.env("COGENESIS_CACHE_DIR", &cache).args(args);
        c
    };
    // warm the cache (takes the lock once, derives, writes the cache)
    let warm = with_cache(&["evolve", "--m1", "1e10"]).output().unwrap();
    assert!(warm.status.success(), "{}", String::from_utf8_lossy(&warm.stderr));
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
    // a real audit holds the Symbolica slot
    let mut audit = with_cache(&["audit", "--no-explain", "--json"])
        .arg(dir.join("audit.json"))
        .arg("--markdown")
        .arg(dir.join("audit.md"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lock = lock_path();
    let pid = audit.id().to_string();
    let t0 = std::time::Instant::now();
    while std::fs::read_to_string(&lock).map(|s| s.trim() != pid).unwrap_or(true) {
        assert!(t0.elapsed().as_secs() < 30, "the audit never took the lock");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let scan_out = dir.join("scan");
    let scan_out = scan_out.to_str().unwrap();
    for args in [
        vec!["--no-wait", "evolve", "--m1", "1e10"],
        vec!["--no-wait", "scan", "--figure", "5", "--n", "4", "--quiet", "--out", scan_out],
        vec!["--no-wait", "relic", "--m1", "1e10", "--json"],
        vec!["--no-wait", "collide", "--k", "2", "--digits", "20"],
    ] {
        let out = with_cache(&args).output().unwrap();
        assert!(out.status.success(), "{args:?} beside an audit: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stdout).contains("Symbolica"), "{args:?}");
    }
    assert_eq!(
        with_cache(&["--no-wait", "evolve", "--m1", "1e10"]).output().unwrap().stdout,
        warm.stdout,
        "the cached inputs give the same evolution"
    );
    // the audit was still running all along, and ends well
    assert!(audit.try_wait().unwrap().is_none(), "the audit ended before the check (make the commands above slower?)");
    // a cold cache needs Symbolica, which the audit holds
    let cold = bin().env("COGENESIS_CACHE_DIR", dir.join("cold")).args(["--no-wait", "evolve", "--m1", "1e10"]).output().unwrap();
    assert_eq!(cold.status.code(), Some(2), "{}", String::from_utf8_lossy(&cold.stderr));
    let status = audit.wait().unwrap();
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `derive all --out DIR` writes every table in every format; without --out it
/// is refused with a message (exit 2), and --out with a single table too.
#[test]
fn derive_all_writes_every_table_in_every_format() {
    let dir = tmp("derive-all");
    let out = bin().args(["derive", "all", "--out"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for stem in cogenesis::render::exports::TABLES {
        for ext in ["txt", "tex", "m", "json"] {
            let p = dir.join(format!("{stem}.{ext}"));
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert!(!text.trim().is_empty(), "{} is empty", p.display());
            if ext == "json" {
                serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            }
        }
    }
    for ext in ["txt", "tex", "json", "csv"] {
        let p = dir.join(format!("statistics.{ext}"));
        assert!(std::fs::metadata(&p).is_ok_and(|m| m.len() > 0), "{} missing or empty", p.display());
    }
    let no_dir = bin().args(["derive", "all"]).output().unwrap();
    assert_eq!(no_dir.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_dir.stderr).contains("--out"));
    let single = bin().args(["derive", "d2", "--out"]).arg(&dir).output().unwrap();
    assert_eq!(single.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cogenesis show` reads the committed report: one claim as JSON, as LaTeX,
/// and an unknown id is an error that names similar ids (never a panic).
#[test]
fn show_prints_one_claim_of_the_report() {
    let report = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("reports").join("audit.json");
    let out = bin().args(["show", "eq80", "--format", "json", "--report"]).arg(&report).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "eq80");
    assert!(v["printed_latex"].is_string());
    let out = bin().args(["show", "eq80", "--format", "latex", "--report"]).arg(&report).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\\[") && text.contains("\\paragraph{impact}"), "{text}");
    let out = bin().args(["show", "eq8000", "--report"]).arg(&report).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no claim `eq8000`") && err.contains("eq80"), "{err}");
}

/// Issue 19: the cluster example (examples/cluster/fig5_slurm.sh) run as a job
/// array of three tasks, one of them interrupted and re-run: the merge fails
/// while a shard is missing, then gives exactly the points of an unsharded scan.
#[test]
fn slurm_array_shards_merge_to_the_unsharded_scan() {
    let dir = tmp("slurm");
    let (sharded, whole) = (dir.join("sharded"), dir.join("whole"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cluster/fig5_slurm.sh");
    let run = |arg: &str, task: Option<usize>, out: &Path| {
        let mut c = Command::new("bash");
        c.arg(&script).arg(arg).current_dir(env!("CARGO_MANIFEST_DIR"));
        c.env("COGENESIS", env!("CARGO_BIN_EXE_cogenesis")).env("FIGURE", "7").env("N", "5").env("OUT", out);
        c.env("SYMBOLICA_HIDE_BANNER", "1").env_remove("SLURM_CPUS_PER_TASK");
        if let Some(i) = task {
            c.env("SLURM_ARRAY_TASK_ID", i.to_string()).env("SLURM_ARRAY_TASK_COUNT", "3");
        }
        c.output().unwrap()
    };
    assert!(run("prepare", None, &sharded).status.success());
    for i in [0, 2] {
        let o = run("shard", Some(i), &sharded);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    // task 1 missing: the merge names its points and fails
    let o = run("merge", None, &sharded);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("8 of 25 points are in no shard (indices 1, 4, 7"), "{err}");
    // task 1 interrupted after two points (its last line cut), then re-run: it finishes the rest
    let o = run("shard", Some(1), &sharded);
    assert!(o.status.success());
    let csv = sharded.join("fig7_n5.shard-1-of-3.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&csv, format!("{}\n{}\n{}\n{}", lines[0], lines[1], lines[2], &lines[3][..lines[3].len() / 2])).unwrap();
    assert!(run("shard", Some(1), &sharded).status.success());
    let o = run("merge", None, &sharded);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("merged 25 points"));
    // the same points as one unsharded scan, number for number
    let o = bin()
        .env("SYMBOLICA_HIDE_BANNER", "1")
        .args(["scan", "--figure", "7", "--n", "5", "--quiet", "--out"])
        .arg(&whole)
        .output()
        .unwrap();
    assert!(o.status.success());
    let rows = |d: &Path| {
        let mut r: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .flat_map(|p| std::fs::read_to_string(p).unwrap().lines().skip(1).map(str::to_string).collect::<Vec<_>>())
            .filter(|l| cogenesis::cosmo::scan::Sample::parse(l).is_some())
            .collect();
        r.sort_by_key(|l| cogenesis::cosmo::scan::Sample::parse(l).unwrap().index);
        r
    };
    let (a, b) = (rows(&sharded), rows(&whole));
    assert_eq!(a.len(), 25);
    assert_eq!(a, b);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A whole cold audit without the numerics sections computes the scans its
/// checks ask for ahead, on a second thread (`audit::pipeline`); the same claims
/// selected by section compute them on demand, in the checks: the verdicts are
/// the same, byte for byte.
#[test]
fn scans_computed_ahead_give_the_verdicts_computed_on_demand() {
    let d = tmp("ahead");
    let run = |name: &str, extra: &[String]| -> serde_json::Value {
        let out =
            bin().args(["audit", "--no-cache", "--no-impact", "--no-explain", "--json"]).arg(d.join(name)).args(extra).output().unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_str(&std::fs::read_to_string(d.join(name)).unwrap()).unwrap()
    };
    let whole = run("whole.json", &[]);
    let claims = whole["claims"].as_array().unwrap();
    assert!(claims.len() > 100, "{} claims", claims.len());
    let sections: std::collections::BTreeSet<String> = claims.iter().map(|c| c["section"].as_str().unwrap().to_string()).collect();
    let only: Vec<String> = sections.into_iter().flat_map(|s| ["--only".to_string(), s]).collect();
    let by_section = run("sections.json", &only);
    assert_eq!(whole["claims"], by_section["claims"]);
    let _ = std::fs::remove_dir_all(&d);
}

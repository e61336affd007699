//! Timing of the symbolic work (used by `cogenesis bench` and `cargo bench`).

use crate::cas::couplings::Setup;
use crate::cosmo::error::CosmoError;
use crate::cosmo::point::Chem;
use crate::derive::asymmetry::{d2_table, unitarity_failures};
use crate::derive::benchmarks::Benchmark;
use crate::numerics::collision::CollisionError;
use crate::transcript::claims::ClaimSet;
use crate::transcript::inputs::Inputs;
use std::time::{Duration, Instant};

/// Goal for all the symbolic work of the asymmetry audit (issue 19: under 20 ms),
/// judged on the cold audit (every per-thread memo emptied before the run).
pub const SYMBOLIC_GOAL: Duration = Duration::from_millis(20);

/// The claims of the asymmetry sector (the symbolic work whose goal is 20 ms).
pub fn is_asymmetry_claim(id: &str) -> bool {
    let head = id.split('.').next().unwrap_or(id);
    let eq = head.strip_prefix("eq").and_then(|n| n.parse::<u32>().ok());
    matches!(eq, Some(4 | 17..=23 | 56..=59 | 78..=82))
        || id.starts_with("fig2.")
        || matches!(
            id,
            "text.single-neutrino" | "text.y-lambda-symmetry" | "text.y1-sqrt-m1" | "text.y1-inverse-sqrt-m1" | "text.footnote9"
        )
}

fn stats(mut t: Vec<Duration>) -> (Duration, Duration) {
    t.sort();
    (t[0], t[t.len() / 2])
}

/// Time the derivation stages and the whole asymmetry audit, warm (the memos of
/// earlier runs kept) and cold ([`crate::cas::memo::forget`] before each run);
/// returns a report.
pub fn symbolic(inputs: &Inputs, iterations: usize) -> String {
    let set = &inputs.claims;
    let asymmetry = Inputs::from_claims(ClaimSet {
        claims: set.claims.iter().filter(|c| is_asymmetry_claim(&c.id)).cloned().collect(),
        errors: vec![],
    });
    /// A derivation alone, or the asymmetry audit with the per-thread memos of
    /// earlier runs kept (warm) or forgotten before each run (cold).
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Derivation,
        AuditWarm,
        AuditCold,
    }
    type Stage<'a> = (&'static str, Kind, Box<dyn Fn() + 'a>);
    let stages: Vec<Stage> = vec![
        (
            "[D2] table (Eqs. 17-20, universal)",
            Kind::Derivation,
            Box::new(|| {
                d2_table(&Setup::PAPER);
            }),
        ),
        (
            "sum rules Eq. 21 (universal + 3 flavours)",
            Kind::Derivation,
            Box::new(|| {
                unitarity_failures(&Setup::PAPER);
                unitarity_failures(&Setup::flavoured(2, 3));
            }),
        ),
        (
            "Table 3 from tree amplitudes (10 reactions)",
            Kind::Derivation,
            Box::new(|| {
                if let Ok(rs) = inputs.table2_reactions() {
                    let processes: Vec<_> = rs.iter().map(|r| r.process).collect();
                    let _ = crate::derive::kernels::table3(&processes);
                }
            }),
        ),
        (
            "audit of the asymmetry-sector claims, warm",
            Kind::AuditWarm,
            Box::new(|| {
                crate::audit::run(&asymmetry);
            }),
        ),
        (
            "audit of the asymmetry-sector claims, cold",
            Kind::AuditCold,
            Box::new(|| {
                crate::audit::run(&asymmetry);
            }),
        ),
    ];
    // the first run of each stage fills the per-thread memos (cut constructions, tree
    // amplitudes, letter definitions, phase-space integrals, Im[...]) that later runs in the
    // same process reuse; a cold stage forgets them before each run (untimed), so that it
    // derives as a fresh process does (Symbolica's symbol table is kept)
    let mut out = String::from("stage                                         first        min     median\n");
    let (mut warm, mut cold) = (Duration::ZERO, Duration::ZERO);
    for (name, kind, f) in &stages {
        let run = || {
            if *kind == Kind::AuditCold {
                crate::cas::memo::forget();
            }
            let t = Instant::now();
            f();
            t.elapsed()
        };
        let first = run(); // warm-up (symbol table, allocations, the per-thread memos)
        let (min, med) = stats((0..iterations).map(|_| run()).collect());
        match kind {
            Kind::AuditWarm => warm = med,
            Kind::AuditCold => cold = med,
            Kind::Derivation => {}
        }
        out.push_str(&format!(
            "{name:<45} {:>8.2}ms {:>8.2}ms {:>8.2}ms\n",
            first.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            med.as_secs_f64() * 1e3
        ));
    }
    out.push_str(&format!(
        "goal: asymmetry-sector audit (Eqs. 4, 17-23, 56-59, 78-82) under {} ms, cold (median {:.1} ms; warm {:.1} ms): {}\n",
        SYMBOLIC_GOAL.as_millis(),
        cold.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e3,
        if cold <= SYMBOLIC_GOAL { "met" } else { "NOT met" }
    ));
    out
}

/// Goals of issue 19 for the whole audit (median wall time on the 2-core reference machine).
pub const AUDIT_GOAL: Duration = Duration::from_secs(2);
/// Goal for the audit without the explainer (`--no-explain`).
pub const AUDIT_NO_EXPLAIN_GOAL: Duration = Duration::from_secs(1);

/// A scratch copy of a derivations directory and a cache directory for it.
struct Scratch {
    root: std::path::PathBuf,
}

impl Scratch {
    fn new(from: &std::path::Path) -> std::io::Result<Scratch> {
        let root = std::env::temp_dir().join(format!("cogenesis-bench-audit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let mut files = vec![];
        crate::cosmo::prepared::collect(from, &mut files)?;
        for f in files {
            let dest = root.join("derivations").join(f.strip_prefix(from).unwrap_or(&f));
            std::fs::create_dir_all(dest.parent().unwrap_or(&root))?;
            std::fs::copy(&f, &dest)?;
        }
        std::fs::create_dir_all(root.join("cache"))?;
        Ok(Scratch { root })
    }
    fn derivations(&self) -> std::path::PathBuf {
        self.root.join("derivations")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// One audit as `cogenesis audit` runs it (the pipeline; with a cache directory,
/// read before and written after, as the CLI does).
fn audit_once(inputs: &Inputs, explain: bool, numerics: bool, cache_dir: Option<&std::path::Path>) {
    let threads = crate::numerics::pool::all_cores();
    let options = crate::audit::pipeline::Options { selection: crate::audit::Selection::All, explain, numerics, threads };
    let mut cache = cache_dir.and_then(|d| crate::audit::cache::Cache::open(d, inputs));
    crate::audit::pipeline::run(inputs, &options, cache.as_mut());
    if let Some(k) = cache {
        let _ = std::fs::write(k.path(), k.to_json());
    }
}

/// Time the whole audit as `cogenesis audit` runs it (`cogenesis bench audit`):
/// cold (every claim derived, `--no-cache`) with and without the explainer;
/// warm (nothing changed: everything from the cache); after an edit of one
/// claim (Eq. 51's printed coefficient, changed in a scratch copy of the
/// derivations before each run: loading the inputs, that claim re-checked and
/// explained, the rest from the cache); one claim alone (`--only eq50`,
/// cold); and the verdicts alone (`--no-impact`, with and without the
/// explainer, cold). Min and median of `iterations` runs, against the goals of
/// issue 19.
///
/// # Errors
/// The scratch copy of the derivations cannot be written.
pub fn audit(inputs: &Inputs, iterations: usize) -> Result<String, CosmoError> {
    let dir = inputs.dir.clone().unwrap_or_else(|| std::path::PathBuf::from("derivations"));
    let io = |e: std::io::Error| CosmoError::Io { path: dir.clone(), message: e.to_string() };
    let scratch = Scratch::new(&dir).map_err(io)?;
    let cache = scratch.root.join("cache");
    let edited_file = scratch.derivations().join("sec4_washout.toml");
    let original = std::fs::read_to_string(&edited_file).map_err(io)?;
    let one = crate::audit::Selection::Only(vec!["eq50".into()]);
    let cold = |f: &dyn Fn()| {
        // the scans and integrals shared across threads, and the checks' per-thread memos
        crate::cosmo::shared::forget();
        crate::cas::memo::forget();
        f()
    };
    let timed = |f: &dyn Fn()| {
        let t = Instant::now();
        f();
        t.elapsed()
    };
    let scratch_inputs = Inputs::load(&scratch.derivations()).map_err(|e| CosmoError::Io { path: dir.clone(), message: e.to_string() })?;
    audit_once(&scratch_inputs, true, true, Some(&cache)); // fill the cache
    let edits = std::cell::Cell::new(0usize);
    type Stage<'a> = (&'static str, Box<dyn Fn() -> Duration + 'a>);
    let stages: Vec<Stage> = vec![
        // a cold run starts without the scans, integrals and derivations an earlier run of this process shared
        ("cold: every claim derived (--no-cache)", Box::new(|| timed(&|| cold(&|| audit_once(inputs, true, true, None))))),
        ("cold, --no-explain", Box::new(|| timed(&|| cold(&|| audit_once(inputs, false, true, None))))),
        ("warm: nothing changed (the cache)", Box::new(|| timed(&|| audit_once(&scratch_inputs, true, true, Some(&cache))))),
        (
            "warm after editing one claim (eq51)",
            Box::new(|| {
                let k = edits.get() + 1;
                edits.set(k);
                let edited = original.replacen("printed = \"-3*M(1)^2/pi^4", &format!("printed = \"-{}*M(1)^2/pi^4", 3 + k), 1);
                if std::fs::write(&edited_file, edited).is_err() {
                    return Duration::MAX;
                }
                timed(&|| {
                    if let Ok(i) = Inputs::load(&scratch.derivations()) {
                        audit_once(&i, true, true, Some(&cache));
                    }
                })
            }),
        ),
        (
            "one claim, cold (--only eq50)",
            Box::new(|| {
                timed(&|| {
                    cold(&|| {
                        crate::audit::run_selected(inputs, &one);
                    })
                })
            }),
        ),
        // the verdicts alone (no impact or conventions sections): the checks' scans still computed ahead
        ("cold, --no-impact", Box::new(|| timed(&|| cold(&|| audit_once(inputs, true, false, None))))),
        ("cold, --no-impact --no-explain", Box::new(|| timed(&|| cold(&|| audit_once(inputs, false, false, None))))),
    ];
    let mut out = String::from("audit (as cogenesis audit runs it)              min        median\n");
    let mut medians = vec![];
    for (name, f) in &stages {
        let (min, med) = stats((0..iterations).map(|_| f()).collect());
        medians.push(med);
        out.push_str(&format!("{name:<45} {:>9.3}s {:>9.3}s\n", min.as_secs_f64(), med.as_secs_f64()));
    }
    let verdict = |d: Duration, goal: Duration| if d <= goal { "met" } else { "NOT met" };
    out.push_str(&format!(
        "goals (median): full audit under {} s: cold {}, warm {}, after one edit {}; --no-explain under {} s: cold {}\n",
        AUDIT_GOAL.as_secs(),
        verdict(medians[0], AUDIT_GOAL),
        verdict(medians[2], AUDIT_GOAL),
        verdict(medians[3], AUDIT_GOAL),
        AUDIT_NO_EXPLAIN_GOAL.as_secs(),
        verdict(medians[1], AUDIT_NO_EXPLAIN_GOAL)
    ));
    Ok(out)
}

/// Goal for the six reference integrals of App. A at 50 digits.
pub const COLLIDE_GOAL: Duration = Duration::from_millis(500);

/// The reference suite: `int_0^inf z^(2k+2) K_1` and `z^(2k+3) K_2` for k = 1, 2, 3
/// at 50 significant digits against their closed forms (Eq. 74), in one
/// quadrature that shares the Bessel evaluations. Single core.
pub fn collide(iterations: usize) -> Result<String, CollisionError> {
    let specs: Vec<(u32, u32)> = (1..=3).flat_map(|k| [(1, 2 * k + 2), (2, 2 * k + 3)]).collect();
    let mut times = vec![];
    let mut last = vec![];
    for _ in 0..iterations {
        let t = Instant::now();
        last = crate::numerics::collision::bessel_moments(&specs, 50)?;
        times.push(t.elapsed());
    }
    let (min, med) = stats(times);
    let mut out = String::from("App. A reference suite at 50 digits (one core)\n");
    for ((n, p), r) in specs.iter().zip(&last) {
        out.push_str(&format!("  int z^{p} K_{n}(z) dz: {:.1} digits of agreement\n", r.digits));
    }
    let worst = last.iter().map(|r| r.digits).fold(f64::INFINITY, f64::min);
    out.push_str(&format!(
        "all six: min {:.1} ms, median {:.1} ms; worst agreement {worst:.1} digits; goal (>= 48 digits in < {} ms): {}\n",
        min.as_secs_f64() * 1e3,
        med.as_secs_f64() * 1e3,
        COLLIDE_GOAL.as_millis(),
        if worst >= 48.0 && med <= COLLIDE_GOAL { "met" } else { "NOT met" }
    ));
    Ok(out)
}

/// Goals for the evolution: one Fig. 3 point, and a 64 x 64 Fig. 5 scan on 2 cores.
pub const EVOLVE_POINT_GOAL: Duration = Duration::from_millis(5);
pub const SCAN_GOAL: Duration = Duration::from_secs(30);

/// Time one point in the Fig. 3 setting (M1 = 1e10 GeV, x_RH = 30, B1,
/// |lambda1| = 1) run to freeze-out, and a 64 x 64 Fig. 5 scan on 2 threads.
pub fn evolve(inputs: &Inputs, iterations: usize) -> Result<String, CosmoError> {
    let chem = Chem::from_inputs(inputs)?;
    let (alpha, beta) = Benchmark::B1.phases();
    let p = crate::cosmo::point::Point::benchmark(1e10, 1.0, alpha, beta, None)?;
    let settings = crate::cosmo::evolution::Settings { x_rh: 30.0, u_max: 1e6, ..Default::default() };
    let mut times = vec![];
    let mut last = None;
    for _ in 0..iterations.max(3) {
        let t = Instant::now();
        last = Some(crate::cosmo::evolution::evolve(&p, &chem, &settings)?);
        times.push(t.elapsed());
    }
    let (min, med) = stats(times);
    let frozen = last.map(|t| t.frozen_change()).unwrap_or(f64::NAN);
    let t = Instant::now();
    let grid = crate::cosmo::scan::evaluate_grid(crate::cosmo::scan::Figure::Fig5, 64, &chem, 2);
    let scan = t.elapsed();
    let failed = grid.iter().filter(|s| !s.ok).count();
    Ok(format!(
        "evolution, Fig. 3 point to u = 1e6 (change over the last decade {frozen:.1e}): min {:.2} ms, median {:.2} ms; goal < {} ms: {}\n\
         Fig. 5 scan, 64 x 64 points on 2 threads: {:.2} s ({failed} failed); goal < {} s: {}\n",
        min.as_secs_f64() * 1e3,
        med.as_secs_f64() * 1e3,
        EVOLVE_POINT_GOAL.as_millis(),
        if med <= EVOLVE_POINT_GOAL { "met" } else { "NOT met" },
        scan.as_secs_f64(),
        SCAN_GOAL.as_secs(),
        if scan <= SCAN_GOAL { "met" } else { "NOT met" }
    ))
}

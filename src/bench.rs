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
/// issue 19; and where the CPU time of the median cold run went, with and without
/// the explainer ([`Breakdown`]).
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
    // the two cold runs of the goals, each with where its CPU went
    let broken_down: [std::cell::RefCell<Vec<Breakdown>>; 2] = Default::default();
    let measured = |explain: bool, into: &std::cell::RefCell<Vec<Breakdown>>| {
        let b = breakdown_of(&|| cold(&|| audit_once(inputs, explain, true, None)));
        into.borrow_mut().push(b);
        b.wall
    };
    type Stage<'a> = (&'static str, Box<dyn Fn() -> Duration + 'a>);
    let stages: Vec<Stage> = vec![
        // a cold run starts without the scans, integrals and derivations an earlier run of this process shared
        ("cold: every claim derived (--no-cache)", Box::new(|| measured(true, &broken_down[0]))),
        ("cold, --no-explain", Box::new(|| measured(false, &broken_down[1]))),
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
    for ((name, goal), runs) in
        [("cold, every claim derived", AUDIT_GOAL), ("cold, --no-explain", AUDIT_NO_EXPLAIN_GOAL)].into_iter().zip(&broken_down)
    {
        let mut runs = runs.borrow().clone();
        runs.sort_by_key(|b| b.wall);
        if let Some(b) = runs.get(runs.len() / 2) {
            out.push_str(&b.render(name, goal));
        }
    }
    Ok(out)
}

/// Where the CPU time of one run went: wall and CPU time, the CPU time of the
/// calling thread (for an audit: the checks and the explainer, the thread that
/// holds Symbolica) and the numerical kernels' calls and CPU time
/// ([`crate::numerics::workload`]).
#[derive(Clone, Copy, Debug)]
pub struct Breakdown {
    /// Wall time of the run.
    pub wall: Duration,
    /// CPU time of the whole process during the run, every thread.
    pub cpu: Duration,
    /// CPU time of the calling thread during the run.
    pub this_thread: Duration,
    /// The kernels' calls and CPU time during the run, every thread.
    pub kernels: crate::numerics::workload::Workload,
    /// The kernels the calling thread ran itself.
    pub this_thread_kernels: crate::numerics::workload::Workload,
    /// The cores the process may use.
    pub cores: usize,
}

/// Run `f` once on the calling thread and measure its [`Breakdown`] (what else
/// the process runs meanwhile is counted too). Without CPU clocks (not a Unix)
/// the CPU times are zero.
pub fn breakdown_of(f: &dyn Fn()) -> Breakdown {
    use crate::numerics::workload::{Workload, process_cpu, thread_cpu};
    let (t0, p0, k0, m0, w0) = (thread_cpu(), process_cpu(), Workload::now(), Workload::now_this_thread(), Instant::now());
    f();
    let wall = w0.elapsed();
    let (kernels, this_thread_kernels) = (Workload::now().since(&k0), Workload::now_this_thread().since(&m0));
    let delta = |a: Option<Duration>, b: Option<Duration>| a.zip(b).map_or(Duration::ZERO, |(a, b)| b.saturating_sub(a));
    Breakdown {
        wall,
        cpu: delta(p0, process_cpu()),
        this_thread: delta(t0, thread_cpu()),
        kernels,
        this_thread_kernels,
        cores: crate::numerics::pool::all_cores(),
    }
}

impl Breakdown {
    /// The least wall time this work allows on `cores` cores: the calling
    /// thread's own CPU time, or the whole CPU time shared by every core, whichever
    /// is larger (the calling thread cannot be split; the rest can at best keep every core busy).
    pub fn floor(&self) -> Duration {
        self.this_thread.max(self.cpu / self.cores.max(1) as u32)
    }

    /// A few lines for `bench audit`: the kernels, the rest, and what a goal of
    /// `goal` wall seconds asks of the CPU time on these cores.
    pub fn render(&self, name: &str, goal: Duration) -> String {
        use crate::numerics::workload::Kernel;
        let s = |d: Duration| d.as_secs_f64();
        let mut out = format!(
            "where the CPU goes, the median run ({name}): {:.2} s wall, {:.2} CPU-s on {} cores\n",
            s(self.wall),
            s(self.cpu),
            self.cores
        );
        for k in Kernel::ALL {
            let (calls, cpu) = self.kernels.of(k);
            let each = if calls > 0 { format!(" ({:.3} ms each)", s(cpu) * 1e3 / calls as f64) } else { String::new() };
            out.push_str(&format!("  {:<36} {calls:>7} calls {:>7.2} CPU-s{each}\n", k.label(), s(cpu)));
        }
        out.push_str(&format!(
            "  {:<36} {:>13} {:>7.2} CPU-s\n",
            "the rest (algebra, comparisons, ...)",
            "",
            s(self.cpu.saturating_sub(self.kernels.total()))
        ));
        let mine: Vec<String> = Kernel::ALL
            .iter()
            .filter_map(|&k| {
                let (calls, cpu) = self.this_thread_kernels.of(k);
                (calls > 0).then(|| format!("{calls} {} {:.2}", k.name(), s(cpu)))
            })
            .collect();
        let mine = if mine.is_empty() { String::new() } else { format!(" (of them {})", mine.join(", ")) };
        out.push_str(&format!(
            "  the checks' thread (checks and explainer, Symbolica): {:.2} CPU-s{mine}; the least wall time this work allows: {:.2} s; under {} s needs at most {:.1} CPU-s and the checks' thread under {} s\n",
            s(self.this_thread),
            s(self.floor()),
            goal.as_secs(),
            s(goal) * self.cores as f64,
            goal.as_secs()
        ));
        out
    }
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

/// Goals for the evolution: one Fig. 3 point, a 64 x 64 Fig. 5 scan and (issue 19)
/// a 256 x 256 one on 2 cores.
pub const EVOLVE_POINT_GOAL: Duration = Duration::from_millis(5);
pub const SCAN_GOAL: Duration = Duration::from_secs(30);
pub const SCAN_256_GOAL: Duration = Duration::from_secs(15);

/// Time one point in the Fig. 3 setting (M1 = 1e10 GeV, x_RH = 30, B1,
/// |lambda1| = 1) run to freeze-out, a 64 x 64 Fig. 5 scan on 2 threads and
/// (once) a 256 x 256 one.
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
    let t = Instant::now();
    let grid = crate::cosmo::scan::evaluate_grid(crate::cosmo::scan::Figure::Fig5, 256, &chem, 2);
    let scan_256 = t.elapsed();
    let failed_256 = grid.iter().filter(|s| !s.ok).count();
    Ok(format!(
        "evolution, Fig. 3 point to u = 1e6 (change over the last decade {frozen:.1e}): min {:.2} ms, median {:.2} ms; goal < {} ms: {}\n\
         Fig. 5 scan, 64 x 64 points on 2 threads: {:.2} s ({failed} failed); goal < {} s: {}\n\
         Fig. 5 scan, 256 x 256 points on 2 threads: {:.2} s ({failed_256} failed); goal < {} s: {}\n",
        min.as_secs_f64() * 1e3,
        med.as_secs_f64() * 1e3,
        EVOLVE_POINT_GOAL.as_millis(),
        if med <= EVOLVE_POINT_GOAL { "met" } else { "NOT met" },
        scan.as_secs_f64(),
        SCAN_GOAL.as_secs(),
        if scan <= SCAN_GOAL { "met" } else { "NOT met" },
        scan_256.as_secs_f64(),
        SCAN_256_GOAL.as_secs(),
        if scan_256 <= SCAN_256_GOAL { "met" } else { "NOT met" }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::workload::{Kernel, Workload};

    fn breakdown(this_thread: f64, cpu: f64, cores: usize) -> Breakdown {
        let d = Duration::from_secs_f64;
        Breakdown {
            wall: d(cpu),
            cpu: d(cpu),
            this_thread: d(this_thread),
            kernels: Workload::default(),
            this_thread_kernels: Workload::default(),
            cores,
        }
    }

    #[test]
    fn the_floor_is_the_calling_thread_or_the_cpu_shared_by_the_cores() {
        // shared CPU time the larger: 5 CPU-s on 2 cores
        assert_eq!(breakdown(1.5, 5.0, 2).floor(), Duration::from_secs_f64(2.5));
        // the calling thread the larger: it cannot be split
        assert_eq!(breakdown(3.0, 5.0, 2).floor(), Duration::from_secs(3));
        // one core: all of it
        assert_eq!(breakdown(1.0, 5.0, 1).floor(), Duration::from_secs(5));
        let text = breakdown(1.5, 5.0, 2).render("a run", AUDIT_GOAL);
        assert!(text.contains("5.00 CPU-s on 2 cores") && text.contains("needs at most 4.0 CPU-s"), "{text}");
        for k in Kernel::ALL {
            assert!(text.contains(k.label()), "{text}");
        }
    }

    /// A real kernel (freeze-outs, no Symbolica) run on the calling thread once and
    /// on another four times: every call counted, the calling thread's time only its own.
    #[test]
    fn a_breakdown_counts_the_kernels_of_every_thread() {
        let p = crate::cosmo::relic::DarkParams::paper(3.0, 0.3, 1e-11, 106.75, 7.25, 1.75);
        let b = breakdown_of(&|| {
            let q = p.clone();
            let worker = std::thread::spawn(move || (0..4).all(|_| crate::cosmo::relic::freeze_out(&q).is_ok()));
            assert!(crate::cosmo::relic::freeze_out(&p).is_ok());
            assert!(worker.join().unwrap());
        });
        let (calls, cpu) = b.kernels.of(Kernel::FreezeOut);
        assert_eq!(calls, 5);
        assert!(cpu > Duration::ZERO);
        // the calling thread ran one of the five: less than all of them, and the process at least all
        assert!(b.this_thread < cpu, "{b:?}");
        assert_eq!(b.this_thread_kernels.of(Kernel::FreezeOut).0, 1);
        assert!(b.this_thread_kernels.of(Kernel::FreezeOut).1 <= b.this_thread, "{b:?}");
        assert!(b.cpu + Duration::from_millis(1) >= cpu, "{b:?}");
        assert_eq!(b.kernels.of(Kernel::Evolution).0, 0);
    }
}

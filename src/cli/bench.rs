//! `cogenesis bench`: timings of the symbolic derivations (performance targets
//! live here and in `cargo bench`, not in tests).

use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum, PartialEq)]
enum Suite {
    All,
    Symbolic,
    Collide,
    Evolve,
    /// The whole audit by stage, and where a cold run's CPU goes (about 15 s per iteration; not part of `all`).
    Audit,
}

#[derive(clap::Args)]
pub struct Args {
    /// Which benchmark: symbolic (the asymmetry audit), collide (App. A integrals), evolve (one point, a 64 x 64 and a 256 x 256 scan), all of these, or audit (the whole audit by stage, --iterations capped at 5).
    #[arg(value_enum, default_value = "all")]
    suite: Suite,
    /// Number of timed repetitions.
    #[arg(long, default_value_t = 20)]
    iterations: usize,
    /// With `collide`: the full accuracy sweep of the quadrature's error estimate
    /// (k = 0..6, number and energy, 5-300 digits, T2/T1 = 1e-2..1e2) on all cores;
    /// exits 1 if any request misses its digits.
    #[arg(long)]
    sweep: bool,
    /// Threads for --sweep (0: all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    if args.sweep {
        if args.suite != Suite::Collide {
            return Err("--sweep belongs to `cogenesis bench collide`".into());
        }
        let records = cogenesis::numerics::accuracy_sweep::run(&cogenesis::numerics::accuracy_sweep::full(), args.threads);
        print!("{}", cogenesis::numerics::accuracy_sweep::summary(&records));
        let missed = cogenesis::numerics::accuracy_sweep::tally(&records).missed;
        return Ok(if missed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    if matches!(args.suite, Suite::All | Suite::Symbolic) {
        print!("{}", cogenesis::bench::symbolic(state.inputs()?, args.iterations.max(1)));
    }
    if matches!(args.suite, Suite::All | Suite::Collide) {
        print!("{}", cogenesis::bench::collide(args.iterations.clamp(1, 5)).map_err(|e| e.to_string())?);
    }
    if args.suite == Suite::Audit {
        print!("{}", cogenesis::bench::audit(state.inputs()?, args.iterations.clamp(1, 5)).map_err(|e| e.to_string())?);
    }
    if matches!(args.suite, Suite::All | Suite::Evolve) {
        print!("{}", cogenesis::bench::evolve(state.inputs()?, args.iterations).map_err(|e| e.to_string())?);
    }
    Ok(ExitCode::SUCCESS)
}

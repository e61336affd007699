//! `cogenesis bench`: timings of the symbolic derivations (performance targets
//! live here and in `cargo bench`, not in tests).

use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum, PartialEq)]
enum Suite {
    All,
    Symbolic,
    Collide,
    Evolve,
}

#[derive(clap::Args)]
pub struct Args {
    /// Which benchmark: symbolic (the asymmetry audit), collide (App. A integrals), evolve (one point, a 64 x 64 scan), or all.
    #[arg(value_enum, default_value = "all")]
    suite: Suite,
    /// Number of timed repetitions.
    #[arg(long, default_value_t = 20)]
    iterations: usize,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    if matches!(args.suite, Suite::All | Suite::Symbolic) {
        print!("{}", cogenesis::bench::symbolic(state.inputs()?, args.iterations.max(1)));
    }
    if matches!(args.suite, Suite::All | Suite::Collide) {
        print!("{}", cogenesis::bench::collide(args.iterations.clamp(1, 5)).map_err(|e| e.to_string())?);
    }
    if matches!(args.suite, Suite::All | Suite::Evolve) {
        print!("{}", cogenesis::bench::evolve(state.inputs()?, args.iterations).map_err(|e| e.to_string())?);
    }
    Ok(ExitCode::SUCCESS)
}

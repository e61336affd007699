//! `cogenesis bench`: timings of the symbolic derivations (performance targets
//! live here and in `cargo bench`, not in tests).

use std::path::PathBuf;
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
    /// Directory of transcribed claims.
    #[arg(long, default_value = "derivations")]
    derivations: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    if matches!(args.suite, Suite::All | Suite::Symbolic) {
        print!("{}", cogenesis::bench::symbolic(&args.derivations, args.iterations.max(1))?);
    }
    if matches!(args.suite, Suite::All | Suite::Collide) {
        print!("{}", cogenesis::bench::collide(args.iterations.clamp(1, 5))?);
    }
    if matches!(args.suite, Suite::All | Suite::Evolve) {
        print!("{}", cogenesis::bench::evolve(&args.derivations, args.iterations)?);
    }
    Ok(ExitCode::SUCCESS)
}

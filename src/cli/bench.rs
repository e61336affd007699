//! `cogenesis bench`: timings of the symbolic derivations (performance targets
//! live here and in `cargo bench`, not in tests).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Number of timed repetitions.
    #[arg(long, default_value_t = 20)]
    iterations: usize,
    /// Directory of transcribed claims.
    #[arg(long, default_value = "derivations")]
    derivations: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let report = cogenesis::bench::symbolic(&args.derivations, args.iterations.max(1))?;
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}

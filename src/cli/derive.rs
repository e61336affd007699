//! `cogenesis derive TABLE --format FORMAT`.

use cogenesis::asymmetry::d2_table;
use cogenesis::benchmarks::{source_coefficients, substitutions};
use cogenesis::claims::load_dir;
use cogenesis::couplings::Setup;
use cogenesis::tables::{self, Format};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
enum Table {
    /// [D2] coefficients of Eqs. (17)-(20).
    D2,
    /// Sine coefficients of sigma_{B-L}, sigma_{L_x} at the benchmark ratios (Eqs. 57-58).
    Benchmarks,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    table: Table,
    /// text, latex, mathematica or json.
    #[arg(long, default_value = "text")]
    format: Format,
    /// Directory of transcribed claims (the benchmark ratios come from eq56).
    #[arg(long, default_value = "derivations")]
    derivations: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let text = match args.table {
        Table::D2 => tables::d2_table(&d2_table(&Setup::PAPER), args.format),
        Table::Benchmarks => {
            let set = load_dir(&args.derivations);
            let eq56 = set.get("eq56").ok_or_else(|| format!("no claim eq56 in {}", args.derivations.display()))?;
            let map = substitutions(eq56).map_err(|e| e.to_string())?;
            tables::benchmark_table(&source_coefficients(&map)?, args.format)
        }
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

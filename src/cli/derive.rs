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
    /// Chemical potentials in units of the charge potentials (Sec. 4.1; derivations/chemistry/*.toml).
    Chemistry,
    /// Wash-out matrices omega^(1), omega^(2) of Eq. (49) from all Table 2 reactions.
    Washout,
    /// Table 2 as derived: charge changes and leading-order asymmetry of each reaction.
    Table2,
    /// Table 3 as transcribed, in couplings, with the L+L_x (spurion) classification of each row.
    Table3,
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
        Table::Chemistry => {
            let dir = args.derivations.join("chemistry");
            let mut systems = vec![];
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            for f in files {
                let sys = cogenesis::chemistry::System::load(&f).map_err(|e| e.to_string())?;
                let name = f.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
                systems.push((name, sys.solve().map_err(|e| e.to_string())?));
            }
            tables::chemistry_table(&systems, args.format)
        }
        Table::Table3 => {
            let set = load_dir(&args.derivations);
            tables::table3(&set, args.format)?
        }
        Table::Washout | Table::Table2 => {
            let set = load_dir(&args.derivations);
            let any = set.claims.iter().find(|c| c.id.starts_with("tab2.")).ok_or_else(|| format!("no Table 2 rows (tab2.*) in {}", args.derivations.display()))?;
            let rs = cogenesis::checks::washout::reactions(&set, any).map_err(|e| e.to_string())?;
            if matches!(args.table, Table::Table2) {
                tables::table2(&rs, args.format)
            } else {
                let mu = cogenesis::checks::washout::potentials(any).map_err(|e| e.to_string())?;
                let w = [cogenesis::washout::omega(&rs, &mu, 1), cogenesis::washout::omega(&rs, &mu, 2)];
                tables::washout_table(&w, args.format)
            }
        }
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

//! `cogenesis derive TABLE --format FORMAT`.

use cogenesis::cas::couplings::Setup;
use cogenesis::derive::asymmetry::d2_table;
use cogenesis::derive::benchmarks::{source_coefficients, substitutions};
use cogenesis::derive::chemistry::solve;
use cogenesis::derive::kernels::table3;
use cogenesis::derive::washout::{Potentials, omega};
use cogenesis::render::tables::{self, Format, NumberFormat};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
enum Table {
    /// \[D2\] coefficients of Eqs. (17)-(20).
    D2,
    /// Sine coefficients of sigma_{B-L}, sigma_{L_x} at the benchmark ratios (Eqs. 57-58).
    Benchmarks,
    /// Chemical potentials in units of the charge potentials (Sec. 4.1; derivations/chemistry/*.toml).
    Chemistry,
    /// Wash-out matrices omega^(1), omega^(2) of Eq. (49) from all Table 2 reactions.
    Washout,
    /// Table 2 as derived: charge changes and leading-order asymmetry of each reaction.
    Table2,
    /// The one-loop cuts of the asymmetric reactions (App. B): intermediate states, loop factor, weights.
    Cuts,
    /// Table 3 as derived from the Feynman rules of Eq. (2): \[S1\], \[S2\] of every Table 2 reaction.
    Table3,
    /// Quantum statistics against MB: quantum/MB ratios of the collision terms of W = s^k (issue 15; text, latex, json, csv).
    Statistics,
    /// Every table above in every format, written to --out DIR as TABLE.{txt,tex,m,json} (statistics.{txt,tex,json,csv}).
    All,
}

const EVERY: [Table; 7] = [Table::D2, Table::Benchmarks, Table::Chemistry, Table::Washout, Table::Table2, Table::Cuts, Table::Table3];

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    table: Table,
    /// text, latex, mathematica or json (`statistics`: text, latex, json or csv).
    #[arg(long, default_value = "text")]
    format: String,
    /// `statistics`: the decimal digits of the quadratures (each ratio carries its own error estimate).
    #[arg(long, default_value_t = 20)]
    digits: u32,
    /// With `all`: the directory the files are written to.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    if matches!(args.table, Table::All) {
        let dir = args.out.ok_or("`derive all` needs --out DIR")?;
        for (table, stem) in EVERY.iter().zip(cogenesis::render::exports::TABLES) {
            for format in [Format::Text, Format::Latex, Format::Mathematica, Format::Json] {
                let text = table_text(*table, format, state)?;
                let path = dir.join(format!("{stem}.{}", cogenesis::render::exports::extension(format)));
                super::write(&path, &text)?;
            }
        }
        let rows = statistics(args.digits)?;
        for format in [NumberFormat::Text, NumberFormat::Latex, NumberFormat::Json, NumberFormat::Csv] {
            super::write(&dir.join(format!("statistics.{}", format.extension())), &tables::statistics_table(&rows, format))?;
        }
        println!("wrote {} tables in 4 formats to {}", EVERY.len() + 1, dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    if args.out.is_some() {
        return Err("--out belongs to `derive all`; a single table is printed on stdout".into());
    }
    if matches!(args.table, Table::Statistics) {
        let format: NumberFormat = args.format.parse()?;
        print!("{}", tables::statistics_table(&statistics(args.digits)?, format));
        return Ok(ExitCode::SUCCESS);
    }
    let format: Format = args.format.parse()?;
    print!("{}", table_text(args.table, format, state)?);
    Ok(ExitCode::SUCCESS)
}

/// The quantum/MB ratios for k = 1, 2, 3, the final pair of the two-sector case at half the initial temperature
/// (on every core).
fn statistics(digits: u32) -> Result<Vec<cogenesis::numerics::quantum::Ratio>, String> {
    let threads = cogenesis::numerics::pool::all_cores();
    cogenesis::numerics::quantum::table(&[1, 2, 3], 0.5, digits, threads).map_err(|e| e.to_string())
}

/// One table in one format.
fn table_text(table: Table, format: Format, state: &super::State) -> Result<String, String> {
    let args = (table, format);
    let text = match args.0 {
        Table::D2 => tables::d2_table(&d2_table(&Setup::PAPER), args.1),
        Table::Cuts => {
            use cogenesis::cas::couplings::Flavour;
            use cogenesis::transcript::vocabulary::Named;
            let u = [Flavour::Universal, Flavour::Universal];
            let mut rows = vec![];
            for named in [Named::LhToLhBar, Named::LhToChiPhiBar, Named::LhToChiPhi, Named::ChiPhiToChiPhiBar] {
                let p = named.process(&u);
                let m = cogenesis::derive::amplitude::asymmetric_squared(&p, &Setup::PAPER).map_err(|e| e.to_string())?;
                rows.push(m.ok_or_else(|| format!("{p}: no leading-order asymmetry"))?);
            }
            tables::cuts_table(&rows, args.1)
        }
        Table::Benchmarks => {
            let inputs = state.inputs()?;
            let eq56 = inputs.claims.get("eq56").ok_or_else(|| format!("no claim eq56 in {}", state.derivations.display()))?;
            let map = substitutions(eq56).map_err(|e| e.to_string())?;
            tables::benchmark_table(&source_coefficients(&map).map_err(|e| e.to_string())?, args.1)
        }
        Table::Chemistry => {
            let mut systems = vec![];
            for (name, system) in state.inputs()?.chemistry_systems() {
                let system = system.map_err(|e| e.to_string())?;
                systems.push((name, solve(system).map_err(|e| e.to_string())?));
            }
            tables::chemistry_table(&systems, args.1)
        }
        Table::Table3 => {
            let reactions = state.inputs()?.table2_reactions().map_err(|e| e.to_string())?;
            let processes: Vec<_> = reactions.iter().map(|r| r.process).collect();
            tables::table3(&table3(&processes).map_err(|e| e.to_string())?, args.1)
        }
        Table::Washout | Table::Table2 => {
            let inputs = state.inputs()?;
            let rs = inputs.table2_reactions().map_err(|e| e.to_string())?;
            if matches!(args.0, Table::Table2) {
                tables::table2(rs, args.1).map_err(|e| e.to_string())?
            } else {
                let mu = Potentials::from_inputs(inputs).map_err(|e| e.to_string())?;
                let w = [omega(rs, &mu, 1), omega(rs, &mu, 2)];
                let names: Vec<_> = rs.iter().map(|r| (r.symbol.clone(), r.process)).collect();
                tables::washout_table(&w, &names, args.1)
            }
        }
        Table::All | Table::Statistics => return Err("`all` and `statistics` are not symbolic tables".into()),
    };
    Ok(text)
}

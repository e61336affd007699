//! `cogenesis evolve`: one parameter point (CSV + SVG), or Figs. 3-4.

use cogenesis::cosmo::card::Card;
use cogenesis::cosmo::evolution::{Settings, evolve};
use cogenesis::cosmo::point::Point;
use cogenesis::render::figures::{charges_plot, fig3, fig4, trajectory_csv, xi_plot};
use cogenesis::render::plot::Format;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Parameter card (TOML); flags override it.
    #[arg(long)]
    card: Option<PathBuf>,
    #[arg(long)]
    m1: Option<f64>,
    #[arg(long)]
    x_rh: Option<f64>,
    #[arg(long)]
    lambda1: Option<f64>,
    /// B1, B2, B3 or B4 (Eq. 59).
    #[arg(long)]
    benchmark: Option<String>,
    #[arg(long)]
    y1: Option<f64>,
    /// Regenerate a figure (3 or 4) instead of one point.
    #[arg(long)]
    figure: Option<u32>,
    /// CSV output (one point).
    #[arg(long)]
    csv: Option<PathBuf>,
    /// Plot of the charge yields (one point), SVG or PNG by the extension; a
    /// file name containing "xi" plots xi instead.
    #[arg(long, alias = "svg")]
    plot: Option<PathBuf>,
    /// Output directory for --figure.
    #[arg(long, default_value = "reports/figures")]
    out: PathBuf,
    /// Statistics of the collision terms: `mb` (the paper's Maxwell-Boltzmann),
    /// `quantum` (Fermi-Dirac / Bose-Einstein with Pauli blocking and Bose
    /// enhancement) or `quantum-initial` (quantum initial-state distributions only).
    #[arg(long, value_enum, default_value = "mb")]
    statistics: Statistics,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Statistics {
    Mb,
    Quantum,
    QuantumInitial,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    use cogenesis::cosmo::statistics::{QuantumFactors, Treatment};
    let mut chem = state.chem()?;
    let treatment = match args.statistics {
        Statistics::Mb => None,
        Statistics::Quantum => Some(Treatment::FinalState),
        Statistics::QuantumInitial => Some(Treatment::InitialState),
    };
    if let Some(t) = treatment {
        chem.alternative.quantum = Some(QuantumFactors::new(&chem, t).map_err(|e| e.to_string())?);
    }
    let bbl = chem.b_over_bl;
    if let Some(f) = args.figure {
        let files = match f {
            3 => fig3(&chem, bbl).map_err(|e| e.to_string())?,
            4 => fig4(&chem, bbl).map_err(|e| e.to_string())?,
            other => return Err(format!("evolve --figure takes 3 or 4 (Figs. 5-7 come from `cogenesis scan`), got {other}")),
        };
        for (name, bytes) in files {
            let p = args.out.join(&name);
            super::write_bytes(&p, &bytes)?;
            println!("wrote {}", p.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut card = match &args.card {
        Some(p) => Card::load(p).map_err(|e| e.to_string())?,
        None => Card::default(),
    };
    if let Some(v) = args.m1 {
        card.m1_gev = v;
    }
    if let Some(v) = args.x_rh {
        card.x_rh = v;
    }
    if let Some(v) = args.lambda1 {
        card.lambda1 = v;
    }
    if let Some(v) = &args.benchmark {
        card.benchmark = v.clone();
    }
    if args.y1.is_some() {
        card.y1 = args.y1;
    }
    for w in card.validate().map_err(|e| e.to_string())? {
        eprintln!("warning: {w}");
    }
    let (alpha, beta) = card.phases().map_err(|e| e.to_string())?;
    let point = Point::benchmark(card.m1_gev, card.lambda1, alpha, beta, card.y1).map_err(|e| e.to_string())?;
    let tr = evolve(&point, &chem, &Settings { x_rh: card.x_rh, u_max: card.u_max, ..Settings::default() }).map_err(|e| e.to_string())?;
    let last = tr.last();
    println!(
        "M1 = {:.4e} GeV, T_RH = {:.4e} GeV, |y1| = {:.4e}, |lambda1| = {}, {}",
        card.m1_gev,
        tr.t_rh,
        point.y[0].norm(),
        card.lambda1,
        card.benchmark
    );
    if let Some(q) = &chem.alternative.quantum {
        println!(
            "statistics: {} (factors quantum/MB: source {:.4}, C_E {:.4} / {:.4} for k = 1 / 2)",
            if q.treatment == Treatment::FinalState {
                "quantum, with Pauli blocking and Bose enhancement"
            } else {
                "quantum initial-state distributions"
            },
            q.source,
            q.energy[0],
            q.energy[1]
        );
    }
    println!("xi = {:.5}", last.xi);
    println!("Y_B-L = {:.6e}, Y_Lx = {:.6e}, Y_B = {:.6e} (observed 8.7e-11)", last.y_bl, last.y_lx, tr.y_b(bbl));
    println!(
        "(the paper takes Y_Dchi = Y_Lx; with the L_x charges of Table 1 the Dirac chi asymmetry is 2 Y_Lx: see text.final-yields in the audit)"
    );
    let change = tr.frozen_change();
    if change > 1e-3 {
        eprintln!("warning: the charges still change by {:.2e} over the last decade of u; raise u_max", change);
    }
    if let Some(p) = &args.csv {
        super::write(p, &trajectory_csv(&tr))?;
    }
    if let Some(p) = &args.plot {
        let runs = vec![(format!("|lambda1| = {}", card.lambda1), tr.clone())];
        let plot = if p.to_string_lossy().contains("xi") { xi_plot("xi", &runs) } else { charges_plot("charge yields", &runs, bbl) };
        let format = match p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => Format::Png,
            Some("svg") | None => Format::Svg,
            Some(other) => return Err(format!("--plot {}: unknown extension .{other} (use .svg or .png)", p.display())),
        };
        super::write_bytes(p, &plot.render(format).map_err(|e| e.to_string())?)?;
    }
    Ok(ExitCode::SUCCESS)
}

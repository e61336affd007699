//! `cogenesis relic`: the dark-matter freeze-out of Sec. 5.2 for one point, or Fig. 8.

use cogenesis::cosmo::relic::{DarkParams, asymmetric_mass_bound, freeze_out, max_mass};
use cogenesis::cosmo::relic_scan::fig8;
use cogenesis::cosmo::scan::{Figure, evaluate, evaluate_grid};
use cogenesis::render::figures::{fig8_csv, fig8_figures};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// xi = T_x/T after freeze-in (with --y-delta; otherwise from the evolution of --m1, --lambda1, --x-rh).
    #[arg(long)]
    xi: Option<f64>,
    /// Y_Delta chi after freeze-in.
    #[arg(long)]
    y_delta: Option<f64>,
    /// M1 in GeV: evolve this B1 point (maximal |y1|) to get xi and Y_Delta chi.
    #[arg(long)]
    m1: Option<f64>,
    #[arg(long, default_value_t = 1.0)]
    lambda1: f64,
    #[arg(long, default_value_t = 30.0)]
    x_rh: f64,
    /// Freeze out at this m_chi (GeV) instead of solving for the largest mass.
    #[arg(long)]
    m_chi: Option<f64>,
    /// m_phi/m_chi.
    #[arg(long, default_value_t = 1.5)]
    phi_ratio: f64,
    #[arg(long, default_value_t = 1.0)]
    y_chi: f64,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Regenerate Fig. 8 (CSV and SVG) from a Fig. 5 grid of n x n points.
    #[arg(long)]
    figure: Option<u32>,
    #[arg(long, default_value_t = 64)]
    n: usize,
    #[arg(long, default_value = "reports/figures")]
    out: PathBuf,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    let dof = state.prepared()?.dof;
    let threads = cogenesis::numerics::pool::all_cores();
    if let Some(f) = args.figure {
        if f != 8 {
            return Err(format!("relic --figure takes 8, got {f}"));
        }
        if args.n == 0 || args.n > 1024 {
            return Err(format!("--n must be between 1 and 1024, got {}", args.n));
        }
        let chem = state.chem()?;
        let bbl = chem.b_over_bl;
        let start = std::time::Instant::now();
        let samples = evaluate_grid(Figure::Fig5, args.n, &chem, threads);
        let pts = fig8(&samples, bbl, dof, threads);
        std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
        let mut files = vec![(format!("fig8_n{}.csv", args.n), fig8_csv(&pts).into_bytes())];
        files.extend(fig8_figures(&pts).map_err(|e| e.to_string())?);
        for (name, body) in files {
            let p = args.out.join(&name);
            super::write_bytes(&p, &body)?;
            println!("wrote {}", p.display());
        }
        println!(
            "{} points in {:.1} s ({} without a solution)",
            pts.len(),
            start.elapsed().as_secs_f64(),
            pts.iter().filter(|p| p.m_max.is_none()).count()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (xi, y_delta, source) = match (args.xi, args.y_delta, args.m1) {
        (Some(x), Some(y), None) => (x, y, "given".to_string()),
        (None, None, Some(m1)) => {
            let chem = state.chem()?;
            let s = evaluate(0, m1, args.lambda1, args.x_rh, &chem);
            if !s.ok {
                return Err(format!(
                    "the evolution of M1 = {m1} GeV, |lambda1| = {}, x_RH = {} failed (bad parameters or xi reached 1)",
                    args.lambda1, args.x_rh
                ));
            }
            (s.xi, s.y_lx.abs(), format!("evolution of B1, M1 = {m1:e} GeV, |lambda1| = {}, x_RH = {}", args.lambda1, args.x_rh))
        }
        _ => return Err("give either --xi and --y-delta, or --m1 (with --lambda1, --x-rh)".into()),
    };
    let mut p = DarkParams { phi_ratio: args.phi_ratio, y_chi: args.y_chi, ..dof.params(xi, y_delta) };
    let (m, r) = match args.m_chi {
        Some(m) => {
            p.m_chi = m;
            (m, freeze_out(&p).map_err(|e| e.to_string())?)
        }
        None => max_mass(&p).map_err(|e| e.to_string())?,
    };
    let bound = if y_delta > 0.0 { asymmetric_mass_bound(y_delta) } else { f64::INFINITY };
    if args.json {
        let v = serde_json::json!({
            "source": source, "xi": xi, "Y_Dchi": y_delta, "m_chi_GeV": m, "m_chi_is_max": args.m_chi.is_none(),
            "m_phi_over_m_chi": args.phi_ratio, "y_chi": args.y_chi, "sigma_v_GeV-2": DarkParams { m_chi: m, ..p.clone() }.sigma_v(),
            "Y_chi": r.y_chi, "Y_chibar": r.y_chibar, "Y_Sigmachi": r.y_sigma, "Omega_h2": r.omega_h2,
            "Y_Dchi_over_Y_Sigmachi": r.asymmetric_fraction(), "x_freeze_out": r.x_freeze_out,
            "asymmetric_bound_GeV": if bound.is_finite() { serde_json::json!(bound) } else { serde_json::Value::Null },
        });
        println!("{}", serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?);
    } else {
        println!("freeze-in ({source}): xi = {xi:.6}, Y_Dchi = {y_delta:.6e}");
        println!(
            "{} m_chi = {m:.6e} GeV (m_phi = {} m_chi, y_chi = {})",
            if args.m_chi.is_none() { "largest" } else { "at" },
            args.phi_ratio,
            args.y_chi
        );
        println!(
            "Y_chi = {:.6e}, Y_chibar = {:.6e}, Y_Dchi/Y_Sigmachi = {:.4}, Omega h^2 = {:.5}",
            r.y_chi,
            r.y_chibar,
            r.asymmetric_fraction(),
            r.omega_h2
        );
        if bound.is_finite() {
            println!("asymmetric bound m_n (Omega_DM/Omega_B)(Y_B/Y_Dchi) = {bound:.6e} GeV");
        }
    }
    Ok(ExitCode::SUCCESS)
}

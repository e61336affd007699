//! Figures 3-7 regenerated from the evolution and the scans: CSV data and SVG
//! plots in the style of the paper (log axes, the observed-Y_B line).

use crate::evolution::{Settings, Trajectory, evolve};
use crate::plot::{COLORS, HeatMap, LinePlot, Series};
use crate::point::{Chem, Point, Y_B_OBSERVED};
use crate::scan::{Figure, Sample, benchmark_phases};

/// A generated file: name and contents.
pub type Output = (String, String);

/// CSV of a trajectory: u, T, xi, Y_{B-L}, Y_{L_x}.
pub fn trajectory_csv(tr: &Trajectory) -> String {
    let mut s = String::from("u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for r in &tr.rows {
        s.push_str(&format!("{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
    }
    s
}

/// Charge yields against u - 1 for several trajectories (Figs. 3-4 right panels).
pub fn charges_plot(title: &str, runs: &[(String, Trajectory)], b_over_bl: f64) -> String {
    let mut series = vec![];
    for (k, (name, tr)) in runs.iter().enumerate() {
        let c = COLORS[k % COLORS.len()];
        let pts = |f: &dyn Fn(&crate::evolution::Row) -> f64| tr.rows.iter().filter(|r| r.u > 1.0).map(|r| (r.u - 1.0, f(r).abs())).collect::<Vec<_>>();
        series.push(Series { name: format!("B-L, {name}"), points: pts(&|r| r.y_bl), dashed: false, color: c });
        series.push(Series { name: format!("L_x, {name}"), points: pts(&|r| r.y_lx), dashed: true, color: c });
    }
    LinePlot {
        title: title.into(),
        x_label: "T_RH/T - 1".into(),
        y_label: "|Y|".into(),
        log_x: true,
        log_y: true,
        series,
        hlines: vec![(Y_B_OBSERVED / b_over_bl, "observed Y_B".into())],
    }
    .svg()
}

/// xi against u - 1 (Fig. 3 left).
pub fn xi_plot(title: &str, runs: &[(String, Trajectory)]) -> String {
    let series = runs
        .iter()
        .enumerate()
        .map(|(k, (name, tr))| Series {
            name: name.clone(),
            points: tr.rows.iter().filter(|r| r.u > 1.0).map(|r| (r.u - 1.0, r.xi)).collect(),
            dashed: false,
            color: COLORS[k % COLORS.len()],
        })
        .collect();
    LinePlot { title: title.into(), x_label: "T_RH/T - 1".into(), y_label: "xi = T_x/T".into(), log_x: true, log_y: false, series, hlines: vec![] }.svg()
}

fn run(m1: f64, lambda1: f64, bench: &str, x_rh: f64, chem: &Chem) -> Result<Trajectory, String> {
    let (a, b) = benchmark_phases(bench).ok_or_else(|| format!("unknown benchmark {bench}"))?;
    let pi = std::f64::consts::PI;
    let p = Point::benchmark(m1, lambda1, a * pi, b * pi, None).map_err(|e| e.to_string())?;
    evolve(&p, chem, &Settings { x_rh, u_max: 1e4, samples: 200, ..Settings::default() }).map_err(|e| e.to_string())
}

/// Fig. 3: B1, M1 = 1e10 GeV, x_RH = 30, |lambda1| = 1, 0.3, 0.1.
pub fn fig3(chem: &Chem, b_over_bl: f64) -> Result<Vec<Output>, String> {
    let mut runs = vec![];
    let mut csv = String::from("lambda1,u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for l in [1.0, 0.3, 0.1] {
        let tr = run(1e10, l, "B1", 30.0, chem)?;
        for r in &tr.rows {
            csv.push_str(&format!("{l},{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
        }
        runs.push((format!("lambda1 = {l}"), tr));
    }
    Ok(vec![
        ("fig3.csv".into(), csv),
        ("fig3_xi.svg".into(), xi_plot("Fig. 3 (left): xi, B1, M1 = 1e10 GeV, x_RH = 30", &runs)),
        ("fig3_charges.svg".into(), charges_plot("Fig. 3 (right): charge yields, B1, M1 = 1e10 GeV", &runs, b_over_bl)),
    ])
}

/// Fig. 4: left M1 = 1e8..1e14 (B1), right B1-B4 (M1 = 1e10); |lambda1| = 1, x_RH = 30.
pub fn fig4(chem: &Chem, b_over_bl: f64) -> Result<Vec<Output>, String> {
    let mut left = vec![];
    let mut csv = String::from("panel,label,u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for e in [8, 10, 12, 14] {
        let tr = run(10f64.powi(e), 1.0, "B1", 30.0, chem)?;
        for r in &tr.rows {
            csv.push_str(&format!("left,M1=1e{e},{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
        }
        left.push((format!("M1 = 1e{e}"), tr));
    }
    let mut right = vec![];
    for b in ["B1", "B2", "B3", "B4"] {
        let tr = run(1e10, 1.0, b, 30.0, chem)?;
        for r in &tr.rows {
            csv.push_str(&format!("right,{b},{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
        }
        right.push((b.to_string(), tr));
    }
    Ok(vec![
        ("fig4.csv".into(), csv),
        ("fig4_m1.svg".into(), charges_plot("Fig. 4 (left): B1, |lambda1| = 1, x_RH = 30", &left, b_over_bl)),
        ("fig4_benchmarks.svg".into(), charges_plot("Fig. 4 (right): M1 = 1e10 GeV, |lambda1| = 1", &right, b_over_bl)),
    ])
}

/// SVG maps of a scan (Figs. 5-7).
pub fn maps(fig: Figure, samples: &[Sample], b_over_bl: f64) -> Vec<Output> {
    let ok: Vec<&Sample> = samples.iter().filter(|s| s.ok).collect();
    let strong_line: Vec<(f64, f64)> = ok.iter().filter(|s| (0.5..2.0).contains(&s.strong_washout)).map(|s| (s.m1, if fig == Figure::Fig5 { s.lambda1 } else { s.x_rh })).collect();
    match fig {
        Figure::Fig5 | Figure::Fig6 => {
            let (y_of, ylab, logy, stem) = if fig == Figure::Fig5 {
                (Box::new(|s: &Sample| s.lambda1) as Box<dyn Fn(&Sample) -> f64>, "|lambda1|", true, "fig5")
            } else {
                (Box::new(|s: &Sample| s.x_rh) as Box<dyn Fn(&Sample) -> f64>, "x_RH = M1/T_RH", false, "fig6")
            };
            let shaded: Vec<(f64, f64)> = ok.iter().filter(|s| b_over_bl * s.y_bl.abs() < Y_B_OBSERVED).map(|s| (s.m1, y_of(s))).collect();
            let map = |title: &str, f: &dyn Fn(&Sample) -> f64, label: &str| HeatMap {
                title: title.into(),
                x_label: "M1 [GeV]".into(),
                y_label: ylab.into(),
                log_x: true,
                log_y: logy,
                cells: ok.iter().map(|s| (s.m1, y_of(s), f(s).abs())).collect(),
                value_label: label.into(),
                shaded: shaded.clone(),
                line: strong_line.clone(),
            }
            .svg();
            vec![
                (format!("{stem}_YB.svg"), map(&format!("{} (left): Y_B, B1; shaded: Y_B below observed; white: Eq. (61) ~ 1", stem.replace("fig", "Fig. ")), &|s| b_over_bl * s.y_bl, "|Y_B|")),
                (format!("{stem}_YDchi.svg"), map(&format!("{} (right): Y_Dchi = Y_Lx, B1", stem.replace("fig", "Fig. ")), &|s| s.y_lx, "|Y_Dchi|")),
            ]
        }
        Figure::Fig7 => vec![(
            "fig7_xi.svg".into(),
            HeatMap {
                title: "Fig. 7: xi, B1, M1 = 1e10 GeV".into(),
                x_label: "|lambda1|".into(),
                y_label: "x_RH = M1/T_RH".into(),
                log_x: true,
                log_y: false,
                cells: ok.iter().map(|s| (s.lambda1, s.x_rh, s.xi)).collect(),
                value_label: "xi".into(),
                shaded: ok.iter().filter(|s| s.xi >= 1.0).map(|s| (s.lambda1, s.x_rh)).collect(),
                line: vec![],
            }
            .svg(),
        )],
    }
}

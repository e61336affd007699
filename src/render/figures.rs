//! Figures 3-7 regenerated from the evolution and the scans: CSV data and SVG
//! plots in the style of the paper (log axes, the observed-Y_B line).

use crate::cosmo::constants::Y_B_OBSERVED;
use crate::cosmo::error::CosmoError;
use crate::cosmo::evolution::{Settings, Trajectory, evolve};
use crate::cosmo::point::{Chem, Point};
use crate::cosmo::relic_scan::Fig8Point;
use crate::cosmo::scan::{Figure, Sample};
use crate::derive::benchmarks::Benchmark;
use crate::render::plot::{COLORS, HeatMap, LinePlot, Series};

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
        let pts = |f: &dyn Fn(&crate::cosmo::evolution::Row) -> f64| {
            tr.rows.iter().filter(|r| r.u > 1.0).map(|r| (r.u - 1.0, f(r).abs())).collect::<Vec<_>>()
        };
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
    LinePlot {
        title: title.into(),
        x_label: "T_RH/T - 1".into(),
        y_label: "xi = T_x/T".into(),
        log_x: true,
        log_y: false,
        series,
        hlines: vec![],
    }
    .svg()
}

fn run(m1: f64, lambda1: f64, bench: Benchmark, x_rh: f64, chem: &Chem) -> Result<Trajectory, CosmoError> {
    let (a, b) = bench.phases();
    let p = Point::benchmark(m1, lambda1, a, b, None)?;
    Ok(evolve(&p, chem, &Settings { x_rh, u_max: 1e4, samples: 200, ..Settings::default() })?)
}

/// Fig. 3: B1, M1 = 1e10 GeV, x_RH = 30, |lambda1| = 1, 0.3, 0.1.
pub fn fig3(chem: &Chem, b_over_bl: f64) -> Result<Vec<Output>, CosmoError> {
    let mut runs = vec![];
    let mut csv = String::from("lambda1,u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for l in [1.0, 0.3, 0.1] {
        let tr = run(1e10, l, Benchmark::B1, 30.0, chem)?;
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
pub fn fig4(chem: &Chem, b_over_bl: f64) -> Result<Vec<Output>, CosmoError> {
    let mut left = vec![];
    let mut csv = String::from("panel,label,u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for e in [8, 10, 12, 14] {
        let tr = run(10f64.powi(e), 1.0, Benchmark::B1, 30.0, chem)?;
        for r in &tr.rows {
            csv.push_str(&format!("left,M1=1e{e},{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
        }
        left.push((format!("M1 = 1e{e}"), tr));
    }
    let mut right = vec![];
    for bench in Benchmark::ALL {
        let b = bench.name();
        let tr = run(1e10, 1.0, bench, 30.0, chem)?;
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
    let strong_line: Vec<(f64, f64)> = ok
        .iter()
        .filter(|s| (0.5..2.0).contains(&s.strong_washout))
        .map(|s| (s.m1, if fig == Figure::Fig5 { s.lambda1 } else { s.x_rh }))
        .collect();
    match fig {
        Figure::Fig5 | Figure::Fig6 => {
            let (y_of, ylab, logy, stem) = if fig == Figure::Fig5 {
                (Box::new(|s: &Sample| s.lambda1) as Box<dyn Fn(&Sample) -> f64>, "|lambda1|", true, "fig5")
            } else {
                (Box::new(|s: &Sample| s.x_rh) as Box<dyn Fn(&Sample) -> f64>, "x_RH = M1/T_RH", false, "fig6")
            };
            let shaded: Vec<(f64, f64)> = ok.iter().filter(|s| b_over_bl * s.y_bl.abs() < Y_B_OBSERVED).map(|s| (s.m1, y_of(s))).collect();
            let map = |title: &str, f: &dyn Fn(&Sample) -> f64, label: &str| {
                HeatMap {
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
                .svg()
            };
            vec![
                (
                    format!("{stem}_YB.svg"),
                    map(
                        &format!("{} (left): Y_B, B1; shaded: Y_B below observed; white: Eq. (61) ~ 1", stem.replace("fig", "Fig. ")),
                        &|s| b_over_bl * s.y_bl,
                        "|Y_B|",
                    ),
                ),
                (
                    format!("{stem}_YDchi.svg"),
                    map(&format!("{} (right): Y_Dchi = Y_Lx, B1", stem.replace("fig", "Fig. ")), &|s| s.y_lx, "|Y_Dchi|"),
                ),
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

/// CSV of Fig. 8 points.
pub fn fig8_csv(points: &[Fig8Point]) -> String {
    let mut s = String::from(
        "M1_GeV,lambda1,xi,Y_B,Y_Dchi_used,m_chi_max_GeV,asymmetric_bound_GeV,Y_Dchi_over_Y_Sigmachi,Y_chibar_over_Y_chi,Omega_h2\n",
    );
    for p in points {
        match &p.relic {
            Some(r) => s.push_str(&format!(
                "{:.6e},{:.6e},{:.8e},{:.8e},{:.8e},{:.8e},{:.8e},{:.6},{:.6e},{:.6}\n",
                p.m1,
                p.lambda1,
                p.xi,
                p.y_b,
                p.y_delta,
                p.m_max.unwrap_or(f64::NAN),
                p.bound,
                r.asymmetric_fraction(),
                r.y_chibar / r.y_chi,
                r.omega_h2
            )),
            None => s.push_str(&format!("{:.6e},{:.6e},{:.8e},{:.8e},{:.8e},,,,,\n", p.m1, p.lambda1, p.xi, p.y_b, p.y_delta)),
        }
    }
    s
}

/// SVG map of Fig. 8: m_chi^max in the (M1, |lambda1|) plane, Y_B < Y_B^obs shaded,
/// and the cells on the boundary of the mostly asymmetric region (Y_Dchi >= 0.8 Y_Sigmachi) marked.
pub fn fig8_svg(points: &[Fig8Point]) -> String {
    let asym = |p: &Fig8Point| p.relic.as_ref().is_some_and(|r| r.asymmetric_fraction() >= 0.8);
    // boundary cells: mostly asymmetric with a grid neighbour that is not
    let mut ms: Vec<f64> = points.iter().map(|p| p.m1).collect();
    let mut ls: Vec<f64> = points.iter().map(|p| p.lambda1).collect();
    ms.sort_by(f64::total_cmp);
    ms.dedup();
    ls.sort_by(f64::total_cmp);
    ls.dedup();
    let find = |m: f64, l: f64| points.iter().find(|p| p.m1 == m && p.lambda1 == l);
    let mut line = vec![];
    for p in points.iter().filter(|p| asym(p)) {
        let (i, j) = (ms.partition_point(|v| *v < p.m1), ls.partition_point(|v| *v < p.lambda1));
        let nb = [(i.wrapping_sub(1), j), (i + 1, j), (i, j.wrapping_sub(1)), (i, j + 1)];
        if nb.iter().any(|&(a, b)| a < ms.len() && b < ls.len() && find(ms[a], ls[b]).is_some_and(|q| !asym(q))) {
            line.push((p.m1, p.lambda1));
        }
    }
    crate::render::plot::HeatMap {
        title: "Fig. 8: largest m_chi, B1, y_chi = 1, m_phi = 1.5 m_chi; shaded: Y_B < obs.; white: edge of Y_D >= 0.8 Y_Sigma".into(),
        x_label: "M1 [GeV]".into(),
        y_label: "|lambda1|".into(),
        log_x: true,
        log_y: true,
        cells: points.iter().map(|p| (p.m1, p.lambda1, p.m_max.unwrap_or(f64::NAN))).collect(),
        value_label: "m_chi^max [GeV]".into(),
        shaded: points.iter().filter(|p| p.y_b.abs() < crate::cosmo::constants::Y_B_OBSERVED).map(|p| (p.m1, p.lambda1)).collect(),
        line,
    }
    .svg()
}

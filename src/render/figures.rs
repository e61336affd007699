//! Figures 3-8 regenerated from the evolution and the scans: the CSV data of
//! every figure, and each plot in SVG and PNG ([`crate::render::plot`]: log
//! axes labelled 10^n, the observed-Y_B line labelled, the boundaries of
//! Figs. 5, 6 and 8 as labelled contour lines).

use crate::cosmo::constants::Y_B_OBSERVED;
use crate::cosmo::error::CosmoError;
use crate::cosmo::evolution::{Settings, Trajectory, evolve};
use crate::cosmo::point::{Chem, Point};
use crate::cosmo::relic_scan::Fig8Point;
use crate::cosmo::scan::{Figure, Sample};
use crate::derive::benchmarks::Benchmark;
use crate::render::plot::{Boundary, COLORS, FORMATS, Field, Format, LinePlot, MapPlot, PlotError, Series};
use plotters::style::{RGBColor, WHITE};
use thiserror::Error;

/// A generated file: name and contents.
pub type Output = (String, Vec<u8>);

/// A figure could not be made.
#[derive(Debug, Error)]
pub enum FigureError {
    #[error(transparent)]
    Cosmo(#[from] CosmoError),
    #[error(transparent)]
    Plot(#[from] PlotError),
}

/// `stem.svg` and `stem.png` of one plot.
///
/// # Errors
/// The plot cannot be drawn or encoded.
pub fn both(stem: &str, render: impl Fn(Format) -> Result<Vec<u8>, PlotError>) -> Result<Vec<Output>, PlotError> {
    FORMATS.iter().map(|f| Ok((format!("{stem}.{}", f.extension()), render(*f)?))).collect()
}

/// CSV of a trajectory: u, T, xi, Y_{B-L}, Y_{L_x}.
pub fn trajectory_csv(tr: &Trajectory) -> String {
    let mut s = String::from("u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for r in &tr.rows {
        s.push_str(&format!("{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
    }
    s
}

/// Charge yields against u - 1 for several trajectories (Figs. 3-4 right panels).
pub fn charges_plot(title: &str, runs: &[(String, Trajectory)], b_over_bl: f64) -> LinePlot {
    let mut series = vec![];
    for (k, (name, tr)) in runs.iter().enumerate() {
        let c = COLORS[k % COLORS.len()];
        let pts = |f: &dyn Fn(&crate::cosmo::evolution::Row) -> f64| {
            tr.rows.iter().filter(|r| r.u > 1.0).map(|r| (r.u - 1.0, f(r).abs())).collect::<Vec<_>>()
        };
        series.push(Series { name: format!("|Y_B-L|, {name}"), points: pts(&|r| r.y_bl), dashed: false, color: c });
        series.push(Series { name: format!("|Y_Lx|, {name}"), points: pts(&|r| r.y_lx), dashed: true, color: c });
    }
    LinePlot {
        title: title.into(),
        x_label: "T_RH/T - 1".into(),
        y_label: "|Y|".into(),
        log_x: true,
        log_y: true,
        series,
        hlines: vec![(Y_B_OBSERVED / b_over_bl, "Y_B-L giving the observed Y_B".into())],
    }
}

/// xi against u - 1 (Fig. 3 left).
pub fn xi_plot(title: &str, runs: &[(String, Trajectory)]) -> LinePlot {
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
}

fn run(m1: f64, lambda1: f64, bench: Benchmark, x_rh: f64, chem: &Chem) -> Result<Trajectory, CosmoError> {
    let (a, b) = bench.phases();
    let p = Point::benchmark(m1, lambda1, a, b, None)?;
    Ok(evolve(&p, chem, &Settings { x_rh, u_max: 1e4, samples: 200, ..Settings::default() })?)
}

/// Fig. 3: B1, M1 = 1e10 GeV, x_RH = 30, |lambda1| = 1, 0.3, 0.1.
pub fn fig3(chem: &Chem, b_over_bl: f64) -> Result<Vec<Output>, FigureError> {
    let mut runs = vec![];
    let mut csv = String::from("lambda1,u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for l in [1.0, 0.3, 0.1] {
        let tr = run(1e10, l, Benchmark::B1, 30.0, chem)?;
        for r in &tr.rows {
            csv.push_str(&format!("{l},{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
        }
        runs.push((format!("|\u{03BB}\u{2081}| = {l}"), tr));
    }
    let mut out = vec![("fig3.csv".into(), csv.into_bytes())];
    let xi = xi_plot("Fig. 3 (left): xi, B1, M1 = 1e10 GeV, x_RH = 30", &runs);
    out.extend(both("fig3_xi", |f| xi.render(f))?);
    let ch = charges_plot("Fig. 3 (right): charge yields, B1, M1 = 1e10 GeV", &runs, b_over_bl);
    out.extend(both("fig3_charges", |f| ch.render(f))?);
    Ok(out)
}

/// Fig. 4: left M1 = 1e8..1e14 (B1), right B1-B4 (M1 = 1e10); |lambda1| = 1, x_RH = 30.
pub fn fig4(chem: &Chem, b_over_bl: f64) -> Result<Vec<Output>, FigureError> {
    let mut left = vec![];
    let mut csv = String::from("panel,label,u,T_GeV,xi,Y_BminusL,Y_Lx\n");
    for e in [8, 10, 12, 14] {
        let tr = run(10f64.powi(e), 1.0, Benchmark::B1, 30.0, chem)?;
        for r in &tr.rows {
            csv.push_str(&format!("left,M1=1e{e},{:.10e},{:.10e},{:.10e},{:.10e},{:.10e}\n", r.u, r.t, r.xi, r.y_bl, r.y_lx));
        }
        left.push((format!("M\u{2081} = 10{} GeV", crate::render::plot::superscript(e.into())), tr));
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
    let mut out = vec![("fig4.csv".into(), csv.into_bytes())];
    let l = charges_plot("Fig. 4 (left): B1, |lambda1| = 1, x_RH = 30", &left, b_over_bl);
    out.extend(both("fig4_m1", |f| l.render(f))?);
    let r = charges_plot("Fig. 4 (right): M1 = 1e10 GeV, |lambda1| = 1", &right, b_over_bl);
    out.extend(both("fig4_benchmarks", |f| r.render(f))?);
    Ok(out)
}

/// The maps of a scan (Figs. 5-7) in SVG and PNG. Figs. 5-6: the Y_B < Y_B^obs
/// region shaded and bounded by the contour Y_B = Y_B^obs, the strong wash-out
/// boundary (Eq. 61 = 1 at u - 1 = 1) dashed; Fig. 7: xi.
///
/// # Errors
/// A plot cannot be drawn or encoded.
pub fn maps(fig: Figure, samples: &[Sample], b_over_bl: f64) -> Result<Vec<Output>, PlotError> {
    let ok: Vec<&Sample> = samples.iter().filter(|s| s.ok).collect();
    let field = |x: &dyn Fn(&Sample) -> f64, y: &dyn Fn(&Sample) -> f64, v: &dyn Fn(&Sample) -> f64| {
        Field::from_samples(&ok.iter().map(|s| (x(s), y(s), v(s))).collect::<Vec<_>>())
    };
    let log_ratio = |v: f64, r: f64| if v != 0.0 && v.is_finite() { (v.abs() / r).log10() } else { f64::NAN };
    match fig {
        Figure::Fig5 | Figure::Fig6 => {
            let m1 = |s: &Sample| s.m1;
            type Axis<'a> = &'a dyn Fn(&Sample) -> f64;
            let (y_of, ylab, logy, stem): (Axis, &str, bool, &str) = if fig == Figure::Fig5 {
                (&|s: &Sample| s.lambda1, "|\u{03BB}\u{2081}|", true, "fig5")
            } else {
                (&|s: &Sample| s.x_rh, "x_RH = M\u{2081}/T_RH", false, "fig6")
            };
            let shaded: Vec<(f64, f64)> = ok.iter().filter(|s| b_over_bl * s.y_bl.abs() < Y_B_OBSERVED).map(|s| (s.m1, y_of(s))).collect();
            let boundaries = vec![
                Boundary {
                    field: field(&m1, y_of, &|s| log_ratio(b_over_bl * s.y_bl, Y_B_OBSERVED)),
                    level: 0.0,
                    label: "Y_B = Y_B^obs".into(),
                    dashed: false,
                    color: WHITE,
                },
                Boundary {
                    field: field(&m1, y_of, &|s| log_ratio(s.strong_washout, 1.0)),
                    level: 0.0,
                    label: "Eq. (61) = 1".into(),
                    dashed: true,
                    color: RGBColor(255, 200, 60),
                },
            ];
            let name = stem.replace("fig", "Fig. ");
            let map = |title: String, v: &dyn Fn(&Sample) -> f64, label: &str| MapPlot {
                title,
                x_label: "M\u{2081} [GeV]".into(),
                y_label: ylab.into(),
                log_x: true,
                log_y: logy,
                field: field(&m1, y_of, v),
                log_values: true,
                value_label: label.into(),
                shaded: shaded.clone(),
                boundaries: boundaries.clone(),
            };
            let yb = map(format!("{name} (left): |Y_B|, B1; shaded: Y_B below observed"), &|s| b_over_bl * s.y_bl, "|Y_B|");
            let yd = map(format!("{name} (right): |Y_Lx| (the paper's Y_\u{0394}\u{03C7}), B1"), &|s| s.y_lx, "|Y_Lx|");
            let mut out = both(&format!("{stem}_YB"), |f| yb.render(f))?;
            out.extend(both(&format!("{stem}_YDchi"), |f| yd.render(f))?);
            Ok(out)
        }
        Figure::Fig7 => {
            let l = |s: &Sample| s.lambda1;
            let x = |s: &Sample| s.x_rh;
            let map = MapPlot {
                title: "Fig. 7: \u{03BE} = T_x/T, B1, M\u{2081} = 10\u{00B9}\u{2070} GeV".into(),
                x_label: "|\u{03BB}\u{2081}|".into(),
                y_label: "x_RH = M\u{2081}/T_RH".into(),
                log_x: true,
                log_y: false,
                field: field(&l, &x, &|s| s.xi),
                log_values: false,
                value_label: "\u{03BE}".into(),
                shaded: ok.iter().filter(|s| s.xi >= 1.0).map(|s| (s.lambda1, s.x_rh)).collect(),
                boundaries: vec![Boundary {
                    field: field(&l, &x, &|s| s.xi),
                    level: 0.66,
                    label: "\u{03BE} = 0.66 (\u{0394}N_eff = 0.06, Eq. 64)".into(),
                    dashed: true,
                    color: WHITE,
                }],
            };
            both("fig7_xi", |f| map.render(f))
        }
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

/// The map of Fig. 8 in SVG and PNG: m_chi^max in the (M1, |lambda1|) plane,
/// Y_B < Y_B^obs shaded and bounded by its contour, and the contour of the
/// mostly asymmetric region (Y_Dchi = 0.8 Y_Sigmachi).
///
/// # Errors
/// The plot cannot be drawn or encoded.
pub fn fig8_figures(points: &[Fig8Point]) -> Result<Vec<Output>, PlotError> {
    let field = |v: &dyn Fn(&Fig8Point) -> f64| Field::from_samples(&points.iter().map(|p| (p.m1, p.lambda1, v(p))).collect::<Vec<_>>());
    let asym = |p: &Fig8Point| p.relic.as_ref().map(|r| r.asymmetric_fraction() - 0.8).unwrap_or(f64::NAN);
    let yb = |p: &Fig8Point| if p.y_b != 0.0 && p.y_b.is_finite() { (p.y_b.abs() / Y_B_OBSERVED).log10() } else { f64::NAN };
    let map = MapPlot {
        title: "Fig. 8: largest m_\u{03C7}, B1, y_\u{03C7} = 1, m_\u{03C6} = 1.5 m_\u{03C7}; shaded: Y_B below observed".into(),
        x_label: "M\u{2081} [GeV]".into(),
        y_label: "|\u{03BB}\u{2081}|".into(),
        log_x: true,
        log_y: true,
        field: field(&|p| p.m_max.unwrap_or(f64::NAN)),
        log_values: true,
        value_label: "m_\u{03C7}^max [GeV]".into(),
        shaded: points.iter().filter(|p| p.y_b.abs() < Y_B_OBSERVED).map(|p| (p.m1, p.lambda1)).collect(),
        boundaries: vec![
            Boundary { field: field(&yb), level: 0.0, label: "Y_B = Y_B^obs".into(), dashed: false, color: WHITE },
            Boundary {
                field: field(&asym),
                level: 0.0,
                label: "Y_\u{0394}\u{03C7} = 0.8 Y_\u{03A3}\u{03C7}".into(),
                dashed: true,
                color: RGBColor(255, 200, 60),
            },
        ],
    };
    both("fig8_mchi_max", |f| map.render(f))
}

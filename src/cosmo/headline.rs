//! The headline results of the paper at one glance, for comparing readings of
//! its formulas (issue 16): at the B1 point of Fig. 3 (M1 = 1e10 GeV,
//! |lambda1| = 1, x_RH = 30, maximal |y1|) the final xi, Y_B and Y_Dchi and the
//! largest asymmetric dark-matter mass (Sec. 5.2, with the phase rescaling of
//! Sec. 4.3 where Y_B exceeds the observed value), and the lowest T_RH that
//! gives the observed Y_B over the Fig. 5 and Fig. 6 grids (Sec. 4.4).

use crate::cosmo::constants::Y_B_OBSERVED;
use crate::cosmo::error::CosmoError;
use crate::cosmo::evolution::{Settings, evolve};
use crate::cosmo::point::{Chem, Point};
use crate::cosmo::relic::{DarkDof, max_mass};
use crate::cosmo::scan::{TRH_BOUND_FIGURES, lowest_trh, lowest_trh_ascending};
use crate::derive::benchmarks::Benchmark;

/// M1, |lambda1| and x_RH of the B1 point of Fig. 3.
pub const FIG3_POINT: (f64, f64, f64) = (1e10, 1.0, 30.0);

/// The headline numbers under one reading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Headline {
    pub xi: f64,
    pub y_b: f64,
    pub y_dchi: f64,
    /// The largest m_chi giving the observed relic (GeV), if one exists.
    pub m_chi_max: Option<f64>,
    /// The lowest T_RH = M1/x_RH with |Y_B| >= Y_B^obs on the grids (GeV), if any.
    pub t_rh_min: Option<f64>,
}

/// How [`headline`] finds the lowest T_RH on its Fig. 5 and Fig. 6 grids (the same value either way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrhSearch {
    /// From the process's shared grids ([`crate::cosmo::shared::grid`]): for a
    /// reading whose whole grids are evaluated anyway (the audit's checks scan
    /// them under the derived reading).
    SharedGrids,
    /// By [`crate::cosmo::scan::lowest_trh_ascending`]: only the points up to the
    /// lowest one that reaches the observed Y_B are evolved.
    Ascending,
}

/// The headline numbers for `chem` (which carries the reading), with
/// `Y_Dchi = yd_per_ylx |Y_Lx|`, the T_RH bound on `grid` x `grid` scans found as `search` says.
///
/// # Errors
/// The B1 point cannot be built or evolved.
pub fn headline(
    chem: &Chem,
    dof: DarkDof,
    yd_per_ylx: f64,
    grid: usize,
    search: TrhSearch,
    threads: usize,
) -> Result<Headline, CosmoError> {
    let (m1, lambda1, x_rh) = FIG3_POINT;
    let (a, b) = Benchmark::B1.phases();
    let p = Point::benchmark(m1, lambda1, a, b, None)?;
    let tr = evolve(&p, chem, &Settings { x_rh, u_max: 1e6, samples: 60, ..Settings::default() })?;
    let last = tr.last();
    let y_b = chem.b_over_bl * last.y_bl;
    let y_dchi = yd_per_ylx * last.y_lx.abs();
    let scale = if y_b.abs() > Y_B_OBSERVED { Y_B_OBSERVED / y_b.abs() } else { 1.0 };
    let m_chi_max = max_mass(&dof.params(last.xi, y_dchi * scale)).ok().map(|r| r.0);
    let figs = TRH_BOUND_FIGURES;
    let t_rh_min = match search {
        TrhSearch::SharedGrids => {
            let grids: Vec<_> = figs.into_iter().flat_map(|fig| crate::cosmo::shared::grid(fig, grid, chem, threads)).collect();
            lowest_trh(&grids, chem.b_over_bl)
        }
        TrhSearch::Ascending => lowest_trh_ascending(&figs, grid, chem, threads),
    };
    Ok(Headline { xi: last.xi, y_b, y_dchi, m_chi_max, t_rh_min })
}

/// How one headline differs from another, in a sentence: the largest relative
/// change ("changes Y_B by a factor 105", "no effect above 1%").
pub fn change(base: &Headline, alt: &Headline) -> String {
    let mut parts = vec![];
    let ratio = |a: f64, b: f64| if a == 0.0 { f64::INFINITY } else { b / a };
    let mut one = |name: &str, a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => {
            let r = ratio(a, b);
            if r < 0.0 {
                parts.push(format!(
                    "flips the sign of {name}{}",
                    if (r.abs() - 1.0).abs() > 0.01 { format!(" (|{name}| x {:.3})", r.abs()) } else { String::new() }
                ));
            } else if (r - 1.0).abs() > 0.01 {
                let f = if r >= 1.0 { r } else { 1.0 / r };
                let dir = if r >= 1.0 { "raises" } else { "lowers" };
                parts.push(if f >= 1.5 {
                    format!("{dir} {name} by a factor {f:.3}")
                } else {
                    format!("{dir} {name} by {:.1}%", 100.0 * (f - 1.0))
                });
            }
        }
        (Some(_), None) => parts.push(format!("leaves no {name}")),
        (None, Some(_)) => parts.push(format!("gives a {name} where the derivation has none")),
        (None, None) => {}
    };
    one("xi", Some(base.xi), Some(alt.xi));
    one("Y_B", Some(base.y_b), Some(alt.y_b));
    one("Y_Dchi", Some(base.y_dchi), Some(alt.y_dchi));
    one("the lowest T_RH", base.t_rh_min, alt.t_rh_min);
    one("m_chi^max", base.m_chi_max, alt.m_chi_max);
    if parts.is_empty() { "no effect above 1% on the headline results".into() } else { parts.join("; ") }
}

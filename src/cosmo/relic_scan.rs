//! The freeze-out of Sec. 5.2 at every point of a freeze-in scan (Fig. 8):
//! xi and Y_Delta chi of each Fig. 5 point, the largest chi mass with the
//! observed relic density, and the asymmetric bound. Plain f64 on a rayon pool
//! (no Symbolica).

use crate::cosmo::relic::{DarkDof, Relic, asymmetric_mass_bound, max_mass};

/// One point of Fig. 8: the freeze-in result of a scan point and the relic at the
/// largest chi mass.
#[derive(Clone, Debug, PartialEq)]
pub struct Fig8Point {
    pub m1: f64,
    pub lambda1: f64,
    pub xi: f64,
    /// Y_B of the scan point (benchmark phases).
    pub y_b: f64,
    /// Y_Delta chi used: |Y_Lx| of the scan point, rescaled by Y_B^obs/Y_B where Y_B
    /// exceeds the observed value (the weak-phase rescaling of Sec. 4.3).
    pub y_delta: f64,
    /// Largest m_chi (GeV) and the relic there (None when the solver failed).
    pub m_max: Option<f64>,
    pub relic: Option<Relic>,
    /// The asymmetric bound Omega_DM rho_c/(s0 Y_Delta chi).
    pub bound: f64,
}

/// Fig. 8 from Fig. 5 scan points (plain f64 on a rayon pool: no Symbolica).
pub fn fig8(samples: &[crate::cosmo::scan::Sample], b_over_bl: f64, dof: DarkDof, threads: usize) -> Vec<Fig8Point> {
    use rayon::prelude::*;
    let y_obs = crate::cosmo::constants::Y_B_OBSERVED;
    let one = |s: &crate::cosmo::scan::Sample| {
        let y_b = b_over_bl * s.y_bl;
        let scale = if y_b.abs() > y_obs { y_obs / y_b.abs() } else { 1.0 };
        let y_delta = s.y_lx.abs() * scale;
        let found = max_mass(&dof.params(s.xi, y_delta)).ok();
        Fig8Point {
            m1: s.m1,
            lambda1: s.lambda1,
            xi: s.xi,
            y_b,
            y_delta,
            m_max: found.as_ref().map(|f| f.0),
            relic: found.map(|f| f.1),
            bound: if y_delta > 0.0 { asymmetric_mass_bound(y_delta) } else { f64::INFINITY },
        }
    };
    let ok: Vec<&crate::cosmo::scan::Sample> = samples.iter().filter(|s| s.ok).collect();
    crate::numerics::pool::install(threads, || ok.par_iter().map(|s| one(s)).collect())
}

//! The evolution equations of Secs. 3-4: energy transfer (Eqs. 29-30, 31) and
//! the charge Boltzmann equations (Eqs. 45-49), integrated with the BDF method
//! of `diffsol` (the washout of the dark charge is stiff: its rate exceeds the
//! Hubble rate by orders of magnitude in the strong wash-out regime).
//!
//! Variables: `N = ln(a/a_RH)`; `x0 = rho a^4/rho_RH`, `x1 = rho_x a^4/rho_RH`,
//! `x2,3 = K n_Q a^3/s_RH` (Q = B-L, L_x; K = 1e10 keeps them of order one).
//! Start at T_RH with xi = xi_RH (0 unless set, as in the paper) and zero charges.

use crate::cosmo::constants::{G_STAR, G_STAR_S, G_STAR_X, M_PL};
use crate::cosmo::point::{Chem, OmegaPoly, OmegaTerms, Point, energy_transfer_with};
use diffsol::{MatrixCommon, NalgebraLU, NalgebraMat, OdeBuilder, OdeSolverMethod};
use std::f64::consts::PI;
use thiserror::Error;

const K: f64 = 1e10;

/// Failures of an evolution.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum EvolveError {
    #[error("the ODE solver failed: {0}")]
    Solver(String),
    #[error(
        "the dark sector reaches the visible temperature (xi = {xi:.3} at u = {u:.3}): the sectors equilibrate and the freeze-in assumptions fail"
    )]
    Thermalised { xi: f64, u: f64 },
    #[error("the solution is not finite at u = {0}")]
    NotFinite(f64),
    #[error("invalid settings: {0}")]
    Settings(String),
}

/// Integration settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// x_RH = M1/T_RH.
    pub x_rh: f64,
    /// Integrate up to u = a/a_RH = u_max.
    pub u_max: f64,
    /// Number of output rows (log-spaced in u - 1).
    pub samples: usize,
    /// Relative tolerance of the BDF solver.
    pub rtol: f64,
    /// Absolute tolerance on the state (the energy fractions and K Y with K = 1e10):
    /// the default 1e-12 resolves a yield down to about 1e-20 only to per cent; a
    /// tighter one (1e-14) resolves it better but fails at the strongest couplings
    /// (|lambda1| = 3 of Fig. 5).
    pub atol: f64,
    /// The dark temperature ratio at reheating, T_x/T at T_RH (0: an empty
    /// dark sector, the paper's choice; Sec. 3.3 discusses a small non-zero value).
    pub xi_rh: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { x_rh: 30.0, u_max: 1e3, samples: 120, rtol: 1e-8, atol: 1e-12, xi_rh: 0.0 }
    }
}

/// One output row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// u = T_RH/T (visible temperature).
    pub u: f64,
    /// Visible temperature (GeV).
    pub t: f64,
    /// Scale factor a/a_RH.
    pub a: f64,
    pub xi: f64,
    pub y_bl: f64,
    pub y_lx: f64,
}

/// A solved evolution.
#[derive(Clone, Debug)]
pub struct Trajectory {
    pub rows: Vec<Row>,
    pub t_rh: f64,
}

impl Trajectory {
    pub fn last(&self) -> Row {
        *self.rows.last().expect("at least one row")
    }
    /// Y_B = (28/79) Y_{B-L} (Eq. 42) with the coefficient from the chemistry.
    pub fn y_b(&self, b_over_bl: f64) -> f64 {
        b_over_bl * self.last().y_bl
    }
    /// Relative change of the charges over the last decade of u (freeze-out check).
    pub fn frozen_change(&self) -> f64 {
        let last = self.last();
        let earlier = self.rows.iter().rev().find(|r| r.u <= last.u / 10.0).copied().unwrap_or(self.rows[0]);
        let rel = |a: f64, b: f64| if a == 0.0 { 0.0 } else { ((a - b) / a).abs() };
        rel(last.y_bl, earlier.y_bl).max(rel(last.y_lx, earlier.y_lx))
    }
}

/// The last right-hand side the Jacobian evaluated: (t, x, f(t, x)).
type LastRhs = (f64, [f64; 4], [f64; 4]);

/// Everything the right-hand side needs, precomputed.
#[derive(Clone, Copy)]
struct Model<'a> {
    chem: &'a Chem,
    s1: [f64; 10],
    s2: [f64; 10],
    sigma: [f64; 2],
    m1: f64,
    /// omega^(1), omega^(2) of this point as polynomials in xi.
    omega: [OmegaPoly; 2],
    rho_rh: f64,
    s_rh: f64,
}

impl Model<'_> {
    fn rhs(&self, n: f64, x: &[f64], dx: &mut [f64]) {
        let a = n.exp();
        let a4 = a.powi(4);
        let rho = x[0].max(0.0) * self.rho_rh / a4;
        let rhox = x[1].max(0.0) * self.rho_rh / a4;
        // fourth roots as two square roots (faster than powf, and correctly rounded at each step)
        let t = (30.0 * rho / (PI * PI * G_STAR)).sqrt().sqrt();
        let tx = (30.0 * rhox / (PI * PI * G_STAR_X)).sqrt().sqrt();
        let xi = tx / t;
        let h = ((rho + rhox) / 3.0).sqrt() / M_PL;
        let ce = energy_transfer_with(&self.s1, &self.s2, t, tx, &self.chem.alternative);
        dx[0] = -ce * a4 / (h * self.rho_rh);
        dx[1] = -dx[0];
        let s_over = self.s_rh / a.powi(3);
        let nq = [x[2] / K * s_over, x[3] / K * s_over];
        let w1 = self.omega[0].eval(xi);
        let w2 = self.omega[1].eval(xi);
        let (t3, t5, t8) = (t.powi(3) / self.m1.powi(2), t.powi(5) / self.m1.powi(4), t.powi(8) / self.m1.powi(4));
        let swap = self.chem.alternative.omega2_lx_swap;
        for q in 0..2 {
            let source = self.sigma[q] * (1.0 - xi.powi(8)) * t8;
            // Eq. (55) as printed: the L_x row takes omega^(2)_{B-L,L_x} in place of omega^(2)_{L_x,L_x}
            let w2qr = |r: usize| if swap && q == 1 && r == 1 { w2[0][1] } else { w2[q][r] };
            let wash = (0..2).map(|r| (t3 * w1[q][r] + t5 * w2qr(r)) * nq[r]).sum::<f64>();
            dx[2 + q] = K * a.powi(3) / (h * self.s_rh) * (source - wash);
        }
    }

    fn state(&self, n: f64, x: &[f64]) -> (f64, f64) {
        let a4 = (4.0 * n).exp();
        let t = (30.0 * x[0].max(0.0) * self.rho_rh / a4 / (PI * PI * G_STAR)).powf(0.25);
        let tx = (30.0 * x[1].max(0.0) * self.rho_rh / a4 / (PI * PI * G_STAR_X)).powf(0.25);
        (t, tx / t)
    }
}

/// Visible entropy density at temperature T.
pub fn entropy(t: f64) -> f64 {
    2.0 * PI * PI * G_STAR_S * t.powi(3) / 45.0
}

/// Hubble rate of the visible radiation alone at temperature T (Eq. 55's H(T)).
pub fn hubble(t: f64) -> f64 {
    (PI * PI * G_STAR * t.powi(4) / 90.0).sqrt() / M_PL
}

/// Integrate a point from T_RH = M1/x_RH to u_max (one call of
/// [`Kernel::Evolution`](crate::numerics::workload::Kernel::Evolution) in the process's workload).
///
/// # Errors
/// [`EvolveError`]: invalid settings, a failure of the solver, a solution that is not
/// finite, or a dark sector that reaches the visible temperature.
pub fn evolve(point: &Point, chem: &Chem, settings: &Settings) -> Result<Trajectory, EvolveError> {
    crate::numerics::workload::time(crate::numerics::workload::Kernel::Evolution, || integrate(point, chem, settings))
}

/// [`evolve`], untallied.
fn integrate(point: &Point, chem: &Chem, settings: &Settings) -> Result<Trajectory, EvolveError> {
    let x_rh_ok = settings.x_rh.is_finite() && settings.x_rh > 0.0;
    let u_max_ok = settings.u_max > 1.0; // false for NaN
    let xi_rh_ok = (0.0..1.0).contains(&settings.xi_rh);
    if !x_rh_ok || !u_max_ok || settings.samples < 2 || !xi_rh_ok {
        return Err(EvolveError::Settings(format!(
            "x_RH = {}, u_max = {}, samples = {}, xi_RH = {}",
            settings.x_rh, settings.u_max, settings.samples, settings.xi_rh
        )));
    }
    let rho_x_rh = (settings.xi_rh.powi(4) * G_STAR_X / G_STAR).max(1e-40);
    let m1 = point.m[0];
    let t_rh = m1 / settings.x_rh;
    let (s1, s2) = (point.s(1, chem), point.s(2, chem));
    let omega = [OmegaPoly::new(&OmegaTerms::new(1, chem), &s1, m1), OmegaPoly::new(&OmegaTerms::new(2, chem), &s2, m1)];
    let model = Model {
        chem,
        s1,
        s2,
        sigma: {
            let s = point.sigma();
            let q = chem.alternative.quantum.map_or(1.0, |q| q.source);
            [s[0] * chem.alternative.sigma_factor[0] * q, s[1] * chem.alternative.sigma_factor[1] * q]
        },
        m1,
        omega,
        rho_rh: PI * PI * G_STAR * t_rh.powi(4) / 30.0,
        s_rh: entropy(t_rh),
    };
    let m = model;
    let rhs = move |x: &[f64], _p: &[f64], t: f64, y: &mut [f64]| m.rhs(t, x, y);
    let f0_memo: std::cell::RefCell<Option<LastRhs>> = std::cell::RefCell::new(None);
    let jac = move |x: &[f64], _p: &[f64], t: f64, v: &[f64], y: &mut [f64]| {
        // finite-difference Jacobian-vector product
        let norm_x = x.iter().fold(0.0f64, |a, b| a.max(b.abs())).max(1.0);
        let norm_v = v.iter().fold(0.0f64, |a, b| a.max(b.abs()));
        if norm_v == 0.0 {
            y.iter_mut().for_each(|z| *z = 0.0);
            return;
        }
        let eps = 1e-7 * norm_x / norm_v;
        let mut xp = [0.0; 4];
        for (p, (a, b)) in xp.iter_mut().zip(x.iter().zip(v)) {
            *p = a + eps * b;
        }
        // f(t, x) is the same for every column of one Jacobian: computed once
        let f0 = {
            let mut last = f0_memo.borrow_mut();
            match &*last {
                Some((t0, x0, f)) if *t0 == t && x0[..] == x[..] => *f,
                _ => {
                    let mut f = [0.0; 4];
                    m.rhs(t, x, &mut f);
                    *last = Some((t, [x[0], x[1], x[2], x[3]], f));
                    f
                }
            }
        };
        let mut f1 = [0.0; 4];
        m.rhs(t, &xp, &mut f1);
        for i in 0..4 {
            y[i] = (f1[i] - f0[i]) / eps;
        }
    };
    let problem = OdeBuilder::<NalgebraMat<f64>>::new()
        .rtol(settings.rtol)
        .atol([settings.atol; 4])
        .rhs_implicit(rhs, jac)
        .init(
            |_p, _t, y| {
                y[0] = 1.0;
                y[1] = rho_x_rh;
                y[2] = 0.0;
                y[3] = 0.0;
            },
            4,
        )
        .build()
        .map_err(|e| EvolveError::Solver(e.to_string()))?;
    let mut solver = problem.bdf::<NalgebraLU<f64>>().map_err(|e| EvolveError::Solver(e.to_string()))?;
    // output times: N = ln(1 + (u_max - 1) q^..) log-spaced in u - 1 from 1e-3 to u_max - 1
    let (lo, hi) = (1e-3f64.ln(), (settings.u_max - 1.0).ln());
    let mut ts: Vec<f64> = vec![0.0];
    for k in 0..settings.samples {
        let um1 = (lo + (hi - lo) * k as f64 / (settings.samples - 1) as f64).exp();
        ts.push((1.0 + um1).ln());
    }
    let (sol, _) = solver.solve_dense(&ts).map_err(|e| EvolveError::Solver(e.to_string()))?;
    let mut rows = Vec::with_capacity(ts.len());
    for (j, n) in ts.iter().enumerate() {
        let x: Vec<f64> = (0..4).map(|i| sol.inner()[(i, j)]).collect();
        let (t, xi) = model.state(*n, &x);
        let s = entropy(t);
        let a3 = (3.0 * n).exp();
        let row = Row { u: t_rh / t, t, a: n.exp(), xi, y_bl: x[2] / K * model.s_rh / a3 / s, y_lx: x[3] / K * model.s_rh / a3 / s };
        if ![row.u, row.t, row.xi, row.y_bl, row.y_lx].iter().all(|v| v.is_finite()) {
            return Err(EvolveError::NotFinite(n.exp()));
        }
        if row.xi >= 1.0 {
            return Err(EvolveError::Thermalised { xi: row.xi, u: row.u });
        }
        rows.push(row);
    }
    Ok(Trajectory { rows, t_rh })
}

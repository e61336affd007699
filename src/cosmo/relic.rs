//! Asymmetric freeze-out of chi into the dark sink eta (Sec. 5.2, Eqs. 65-68):
//! the relic yields, Omega_chi h^2, and the largest chi mass that gives the
//! observed dark-matter density (Fig. 8).
//!
//! The equations, as derived in the audit (eq65-eq68):
//! - Z = n/T_x^3 in x = m_chi/T_x (Eq. 66); with separate entropy conservation and a
//!   constant g_*s,x, Z_Delta = Z_chi - Z_chibar is constant (Eq. 65);
//! - dZbar/dx = -(m^3 &lt;sigma v&gt;/(x^4 H)) (Zbar^2 + Zbar Z_Delta - Z_eq^2),
//!   Z_eq = g_chi x^(3/2) e^-x/(2 pi)^(3/2) (Eq. 67);
//! - Z = (2 pi^2/45) g_*s(T) xi(T)^-3 Y (Eq. 68). By Eq. (63), g_*s(T) xi(T)^-3 =
//!   g_*s(T) T^3/T_x^3 = K is a constant, K = g_*s(T_FI) g_*s,x/(g_*s,x(T_FI) xi_FI^3),
//!   so the "implicit" relations of the paper become the inversion of g_*s(T) T^3 = K T_x^3
//!   ([`crate::cosmo::gstar::temperature_for_entropy`]).
//!
//! &lt;sigma v&gt; is the s-wave term of Eq. (28) (as derived from Eq. 27 in the audit) at the
//! dark temperature; H includes the dark radiation (eta, g = 1.75 at T_x).
//! Eq. (67) is stiff while Zbar tracks equilibrium: it is integrated in ln x with BDF2,
//! whose implicit step is a quadratic in Zbar solved in closed form (positive root), then
//! continued analytically beyond `x_end` (where Z_eq is negligible and the Bernoulli
//! equation has an exact solution for lambda ~ x^-2).

use crate::cosmo::constants::{K_B_GEV_PER_K, M_PL, OMEGA_DM_H2, RHO_CRIT_OVER_H2, T_CMB_K};
use crate::cosmo::error::CosmoError;
use crate::cosmo::gstar::{g_star, temperature_for_entropy};
use crate::derive::dark::Dof;
use crate::transcript::inputs::{Inputs, SPECIES};
use std::f64::consts::PI;
use thiserror::Error;

/// Errors of the relic calculation.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum RelicError {
    #[error("invalid parameter: {0}")]
    Parameter(String),
    #[error("no chi mass in [{lo:.1e}, {hi:.1e}] GeV gives Omega h^2 = {target}")]
    NoMass { lo: f64, hi: f64, target: f64 },
    #[error("the integration lost positivity at x_x = {0:.3e}")]
    Unstable(f64),
    #[error("the field content has no sector {0:?}")]
    MissingSector(String),
}

/// The inputs of one freeze-out.
#[derive(Clone, Debug, PartialEq)]
pub struct DarkParams {
    /// m_chi in GeV.
    pub m_chi: f64,
    /// m_phi/m_chi (the paper: 1.5).
    pub phi_ratio: f64,
    /// y_chi (the paper: 1).
    pub y_chi: f64,
    /// Spin states of chi (and of chibar): 2.
    pub g_chi: f64,
    /// xi = T_x/T after freeze-in.
    pub xi_fi: f64,
    /// Y_Delta chi after freeze-in (>= 0, footnote 11).
    pub y_delta: f64,
    /// g_*s and g_*s,x at freeze-in, and g_*s,x during freeze-out (eta only): from the field content.
    pub gs_fi: f64,
    pub gsx_fi: f64,
    pub gsx_late: f64,
    /// Integration range in x_x = m_chi/T_x and the number of BDF2 steps.
    pub x_start: f64,
    pub x_end: f64,
    pub steps: usize,
    /// The temperature relation: separate entropy conservation (Eq. 63), or one
    /// common temperature (T_x = T: the textbook freeze-out, used to test the solver).
    pub common_temperature: bool,
    /// Start from this Y_chibar instead of equilibrium (tests of the integrator).
    pub initial_chibar_yield: Option<f64>,
}

impl DarkParams {
    /// The paper's choices: y_chi = 1, m_phi = 1.5 m_chi, g_chi = 2; the degrees of
    /// freedom are arguments (from `derivations/species/dof.toml`).
    pub fn paper(m_chi: f64, xi_fi: f64, y_delta: f64, gs_fi: f64, gsx_fi: f64, gsx_late: f64) -> DarkParams {
        DarkParams {
            m_chi,
            phi_ratio: 1.5,
            y_chi: 1.0,
            g_chi: 2.0,
            xi_fi,
            y_delta,
            gs_fi,
            gsx_fi,
            gsx_late,
            x_start: 3.0,
            x_end: 1e4,
            steps: 4000,
            common_temperature: false,
            initial_chibar_yield: None,
        }
    }

    fn validate(&self) -> Result<(), RelicError> {
        let pos = [
            ("m_chi", self.m_chi),
            ("y_chi", self.y_chi),
            ("g_chi", self.g_chi),
            ("xi", self.xi_fi),
            ("g_*s(T_FI)", self.gs_fi),
            ("g_*s,x(T_FI)", self.gsx_fi),
            ("g_*s,x", self.gsx_late),
        ];
        for (n, v) in pos {
            if !(v.is_finite() && v > 0.0) {
                return Err(RelicError::Parameter(format!("{n} = {v} must be positive")));
            }
        }
        if !(self.phi_ratio.is_finite() && self.phi_ratio > 1.0) {
            return Err(RelicError::Parameter(format!("m_phi/m_chi = {} must exceed 1 (Sec. 2.5 assumes m_phi > m_chi)", self.phi_ratio)));
        }
        if !(self.y_delta.is_finite() && self.y_delta >= 0.0) {
            return Err(RelicError::Parameter(format!("Y_Delta chi = {} must be >= 0 (footnote 11)", self.y_delta)));
        }
        if !(self.x_start > 0.0 && self.x_end > self.x_start && self.steps >= 10) {
            return Err(RelicError::Parameter(format!("x range [{}, {}] with {} steps", self.x_start, self.x_end, self.steps)));
        }
        Ok(())
    }

    /// &lt;sigma v&gt; of Eq. (28), s-wave term: y^4 m^2/(32 pi (m_phi^2 + m^2)^2).
    pub fn sigma_v(&self) -> f64 {
        let m = self.m_chi;
        let mphi = self.phi_ratio * m;
        self.y_chi.powi(4) * m * m / (32.0 * PI * (mphi * mphi + m * m).powi(2))
    }

    /// K = g_*s(T) T^3 / T_x^3 (Eq. 63), the factor of Eq. (68) up to 2 pi^2/45.
    fn entropy_ratio(&self) -> Option<f64> {
        (!self.common_temperature).then(|| self.gs_fi * self.gsx_late / (self.gsx_fi * self.xi_fi.powi(3)))
    }

    /// Visible temperature at dark temperature T_x.
    pub fn visible_temperature(&self, tx: f64) -> f64 {
        match self.entropy_ratio() {
            Some(k) => temperature_for_entropy(k * tx.powi(3)),
            None => tx,
        }
    }

    /// Hubble rate at dark temperature T_x: visible radiation with g_*(T) plus eta.
    pub fn hubble(&self, tx: f64) -> f64 {
        let t = self.visible_temperature(tx);
        let dark = if self.common_temperature { 0.0 } else { self.gsx_late * tx.powi(4) };
        (PI * PI * (g_star(t) * t.powi(4) + dark) / 90.0).sqrt() / M_PL
    }

    /// Z per Y (Eq. 68): (2 pi^2/45) g_*s(T) xi(T)^-3, constant for separate entropy
    /// conservation; at a common temperature it is (2 pi^2/45) g_*s(T) at T = m/x.
    pub fn z_per_y(&self, x: f64) -> f64 {
        let k = self.entropy_ratio().unwrap_or_else(|| crate::cosmo::gstar::g_star_s(self.m_chi / x));
        2.0 * PI * PI / 45.0 * k
    }

    /// lambda(x) = m^3 &lt;sigma v&gt;/(x^4 H) of Eq. (67).
    pub fn lambda(&self, x: f64) -> f64 {
        self.m_chi.powi(3) * self.sigma_v() / (x.powi(4) * self.hubble(self.m_chi / x))
    }

    /// Z_eq of Eq. (67).
    pub fn z_eq(&self, x: f64) -> f64 {
        self.g_chi * x.powf(1.5) * (-x).exp() / (2.0 * PI).powf(1.5)
    }

    /// The rate and the equilibrium value of the integrated variable W = c0 Y_chibar
    /// (c0 = Z/Y at x_start): dW/dx = -rate (W^2 + W W_Delta - W_eq^2).
    /// Separate entropy conservation: W = Zbar and this is Eq. (67). Common temperature:
    /// the textbook dY/dx = -(s &lt;sigma v&gt;/(x H)) (1 + dln g_*s/(3 dln T)) (Y Ybar - Y_eq^2).
    fn rate_and_eq(&self, x: f64, c0: f64) -> (f64, f64) {
        if !self.common_temperature {
            return (self.lambda(x), self.z_eq(x));
        }
        let t = self.m_chi / x;
        let gs = crate::cosmo::gstar::g_star_s(t);
        let h = 1e-3;
        let dlng = (crate::cosmo::gstar::g_star_s(t * (1.0 + h)).ln() - crate::cosmo::gstar::g_star_s(t * (1.0 - h)).ln()) / (2.0 * h);
        let s = 2.0 * PI * PI / 45.0 * gs * t.powi(3);
        let rate = s * self.sigma_v() / (x * self.hubble(t)) * (1.0 + dlng / 3.0) / c0;
        let y_eq = self.z_eq(x) * t.powi(3) / s;
        (rate, c0 * y_eq)
    }
}

/// The coefficients of Eq. (67) along the integration, with everything that does not
/// depend on x computed once: the freeze-out asks for them at each of its steps.
/// Separate entropy conservation works in logarithms (ln T from ln(g_*s T^3) = ln K +
/// 3 ln T_x), which spares a logarithm and an exponential per lookup; it equals
/// [`DarkParams::lambda`] and [`DarkParams::z_eq`] to round-off (tested).
struct Rates<'a> {
    p: &'a DarkParams,
    c0: f64,
    /// `m^3 <sigma v>`, ln K, ln m, g_chi/(2 pi)^(3/2), and m^4 g_*s,x.
    m3_sigma_v: f64,
    ln_k: f64,
    ln_m: f64,
    eq_norm: f64,
    dark4: f64,
}

impl<'a> Rates<'a> {
    fn new(p: &'a DarkParams, c0: f64) -> Rates<'a> {
        Rates {
            p,
            c0,
            m3_sigma_v: p.m_chi.powi(3) * p.sigma_v(),
            ln_k: p.entropy_ratio().map_or(f64::NAN, f64::ln),
            ln_m: p.m_chi.ln(),
            eq_norm: p.g_chi / (2.0 * PI).powf(1.5),
            dark4: p.gsx_late * p.m_chi.powi(4),
        }
    }

    /// (rate, W_eq) at a node, with its functions of x taken from it.
    fn at_node(&self, n: &Node) -> (f64, f64) {
        if self.p.common_temperature {
            return self.p.rate_and_eq(n.x, self.c0);
        }
        let ln_t = crate::cosmo::gstar::ln_temperature_for_ln_entropy(self.ln_k + 3.0 * (self.ln_m - n.u));
        let t4 = (4.0 * ln_t).exp();
        let rho = crate::cosmo::gstar::g_star_of_ln(ln_t) * t4 + self.dark4 / n.x4;
        let hubble = (PI * PI * rho / 90.0).sqrt() / M_PL;
        (self.m3_sigma_v / (n.x4 * hubble), self.eq_norm * n.x * n.sqrt_x * n.exp_neg_x)
    }

    /// (rate, W_eq) at x = e^u (see [`DarkParams::rate_and_eq`]), off the grid.
    fn at(&self, x: f64, u: f64) -> (f64, f64) {
        self.at_node(&Node::new(u, x))
    }
}

/// A step of the freeze-out's grid, u_k = ln x_start + k h (k = 0..=steps), with
/// the functions of x alone that [`Rates::at_node`] takes there: the same for every
/// freeze-out over the same range and steps (every mass of [`max_mass`], every
/// point of Fig. 8), so they are computed once per process ([`Node::grid`]).
struct Node {
    u: f64,
    x: f64,
    sqrt_x: f64,
    exp_neg_x: f64,
    /// x^4 as `(x x)(x x)`.
    x4: f64,
}

impl Node {
    /// The node at u, x = e^u.
    fn new(u: f64, x: f64) -> Node {
        Node { u, x, sqrt_x: x.sqrt(), exp_neg_x: (-x).exp(), x4: (x * x) * (x * x) }
    }

    /// The grid of `steps` steps from x_start to x_end (index k = step k), shared.
    fn grid(x_start: f64, x_end: f64, steps: usize) -> std::sync::Arc<[Node]> {
        type Grids = std::sync::Mutex<std::collections::HashMap<(u64, u64, usize), std::sync::Arc<[Node]>>>;
        static GRIDS: std::sync::LazyLock<Grids> = std::sync::LazyLock::new(Default::default);
        let key = (x_start.to_bits(), x_end.to_bits(), steps);
        if let Some(g) = GRIDS.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return g.clone();
        }
        let (u0, u1) = (x_start.ln(), x_end.ln());
        let h = (u1 - u0) / steps as f64;
        let grid: std::sync::Arc<[Node]> = (0..=steps)
            .map(|k| {
                let u = u0 + k as f64 * h;
                Node::new(u, u.exp())
            })
            .collect();
        GRIDS.lock().unwrap_or_else(|e| e.into_inner()).insert(key, grid.clone());
        grid
    }
}

/// The outcome of one freeze-out.
#[derive(Clone, Debug, PartialEq)]
pub struct Relic {
    /// Final yields (per visible entropy): chibar, chi, sum and difference.
    pub y_chibar: f64,
    pub y_chi: f64,
    pub y_sigma: f64,
    pub y_delta: f64,
    /// Omega_chi h^2 (chi plus chibar).
    pub omega_h2: f64,
    /// x_x where Zbar first exceeds twice its equilibrium value (freeze-out).
    pub x_freeze_out: f64,
}

impl Relic {
    /// Y_Delta/Y_Sigma: 1 for purely asymmetric dark matter.
    pub fn asymmetric_fraction(&self) -> f64 {
        if self.y_sigma > 0.0 { self.y_delta / self.y_sigma } else { 0.0 }
    }
}

/// Entropy density today (cm^-3): (2 pi^2/45) g_*s0 T0^3 with g_*s0 = g_*s(T -> 0).
pub fn entropy_today() -> f64 {
    let t0 = T_CMB_K * K_B_GEV_PER_K;
    let gs0 = crate::cosmo::gstar::g_star_s(crate::cosmo::gstar::T_MIN);
    let per_gev3 = 2.0 * PI * PI / 45.0 * gs0 * t0.powi(3);
    per_gev3 / crate::cosmo::constants::HBAR_C_GEV_CM.powi(3)
}

/// Omega h^2 of a yield Y of particles of mass m (GeV).
pub fn omega_h2(m: f64, y: f64) -> f64 {
    m * y * entropy_today() / RHO_CRIT_OVER_H2
}

/// Solve Eq. (67) from x_start (Zbar in equilibrium with the asymmetry,
/// Zbar (Zbar + Z_Delta) = Z_eq^2) to x_end and beyond (one call of
/// [`Kernel::FreezeOut`](crate::numerics::workload::Kernel::FreezeOut) in the process's workload).
///
/// # Errors
/// [`RelicError::Parameter`] for invalid parameters, [`RelicError::Unstable`] when a
/// step leaves the positive finite numbers.
pub fn freeze_out(p: &DarkParams) -> Result<Relic, RelicError> {
    crate::numerics::workload::time(crate::numerics::workload::Kernel::FreezeOut, || solve_freeze_out(p))
}

/// [`freeze_out`], untallied.
fn solve_freeze_out(p: &DarkParams) -> Result<Relic, RelicError> {
    p.validate()?;
    let c0 = p.z_per_y(p.x_start);
    let w_delta = p.y_delta * c0;
    // positive root of W^2 + W_Delta W - e^2 = 0, written without cancellation
    let tracking = |e: f64| 2.0 * e * e / (w_delta + (w_delta * w_delta + 4.0 * e * e).sqrt());
    let (u0, u1) = (p.x_start.ln(), p.x_end.ln());
    let h = (u1 - u0) / p.steps as f64;
    // in u = ln x: dW/du = -a(u) (W^2 + W_D W - e(u)^2), a = x rate(x);
    // implicit step W + c (W^2 + W_D W - e^2) = r  ->  c W^2 + (1 + c W_D) W - (r + c e^2) = 0
    let solve = |c: f64, r: f64, e: f64| {
        let q = r + c * e * e;
        let b = 1.0 + c * w_delta;
        2.0 * q / (b + (b * b + 4.0 * c * q).sqrt())
    };
    let rates = Rates::new(p, c0);
    let nodes = Node::grid(p.x_start, p.x_end, p.steps);
    let mut w_prev = match p.initial_chibar_yield {
        Some(y) => y * c0,
        None => tracking(rates.at(p.x_start, u0).1),
    };
    let mut x_fo = f64::NAN;
    // first step backward Euler, then BDF2
    let x1 = nodes[1].x;
    let (r1, e1) = rates.at_node(&nodes[1]);
    let mut w = solve(h * x1 * r1, w_prev, e1);
    for node in &nodes[2..] {
        let x = node.x;
        let (rate, e) = rates.at_node(node);
        // BDF2; where the solution falls by more than a factor 4 in one step (late,
        // strongly asymmetric decay) its extrapolation would turn negative, and the
        // step is backward Euler instead (L-stable and positivity preserving)
        let r = (4.0 * w - w_prev) / 3.0;
        let wn = if r + 2.0 / 3.0 * h * x * rate * e * e > 0.0 { solve(2.0 / 3.0 * h * x * rate, r, e) } else { solve(h * x * rate, w, e) };
        if !(wn.is_finite() && wn >= 0.0) {
            return Err(RelicError::Unstable(x));
        }
        if x_fo.is_nan() && wn > 2.0 * tracking(e) {
            x_fo = x;
        }
        w_prev = w;
        w = wn;
    }
    // beyond x_end: W_eq ~ 0 and rate ~ rate_end (x_end/x)^2 (H ~ T^2, T ~ 1/x away
    // from thresholds): dW/dx = -rate W (W + W_D) has the exact solution with
    // I = int rate dx = rate_end x_end.
    let i_tail = rates.at(p.x_end, u1).0 * p.x_end;
    let w_final = if w_delta > 0.0 { w_delta / ((1.0 + w_delta / w) * (w_delta * i_tail).exp() - 1.0) } else { w / (1.0 + w * i_tail) };
    let y_chibar = w_final / c0;
    let y_delta = p.y_delta;
    let y_sigma = 2.0 * y_chibar + y_delta;
    Ok(Relic { y_chibar, y_chi: y_chibar + y_delta, y_sigma, y_delta, omega_h2: omega_h2(p.m_chi, y_sigma), x_freeze_out: x_fo })
}

/// The asymmetric upper bound m_chi <= Omega_DM rho_c/(s0 Y_Delta chi)
/// = m_n (Omega_DM/Omega_B)(Y_B/Y_Delta chi) (Sec. 5.2).
pub fn asymmetric_mass_bound(y_delta: f64) -> f64 {
    OMEGA_DM_H2 * RHO_CRIT_OVER_H2 / (entropy_today() * y_delta)
}

/// The largest chi mass with Omega_chi h^2 = Omega_DM h^2 for the given freeze-in
/// (the root of Omega_chi(m) = Omega_DM, which increases with m), and the relic there.
///
/// # Method
/// The bracket's upper end is the asymmetric bound m_Delta =
/// [`asymmetric_mass_bound`]`(Y_Delta)`: Omega_chi >= m Y_Delta s0/rho_c, so
/// Omega_chi(m_Delta) >= Omega_DM, with equality (the root itself) for a purely
/// asymmetric relic. The lower end is the secant step of Omega ~ m from there,
/// m_Delta Omega_DM/Omega_chi(m_Delta), widened by decades if it is not below
/// the root. Without an asymmetry (or above 1e9 GeV) the bracket starts at
/// 1e3 GeV and the same secant step gives its other end. Then
/// g(ln m) = ln(Omega_chi/Omega_DM) is solved by the Illinois variant of regula
/// falsi, which keeps the bracket (so it converges wherever bisection does) and
/// converges superlinearly: g is close to linear in ln m (exactly, Omega ~ m, where
/// the relic is asymmetric), so a root to |g| < [`crate::prec::MASS_ROOT`] takes a few
/// freeze-outs instead of the ~25 of a bisection to the same precision. The mass
/// returned is the one of the relic returned (the last freeze-out evaluated).
///
/// # Errors
/// [`RelicError::NoMass`] when no mass in [1e-7, 1e9] GeV is bracketed; the
/// freeze-out's own errors.
pub fn max_mass(template: &DarkParams) -> Result<(f64, Relic), RelicError> {
    let at = |m: f64| -> Result<Relic, RelicError> { freeze_out(&DarkParams { m_chi: m, ..template.clone() }) };
    let (lo_lim, hi_lim) = (1e-7, 1e9);
    let target = OMEGA_DM_H2;
    let g = |r: &Relic| (r.omega_h2 / target).ln();
    let no_mass = || RelicError::NoMass { lo: lo_lim, hi: hi_lim, target };
    let m_delta = asymmetric_mass_bound(template.y_delta);
    let (mut lo, mut hi) =
        if m_delta.is_finite() && m_delta > lo_lim && m_delta <= hi_lim { (m_delta / 10.0, m_delta) } else { (1e-3f64, 1e3f64) };
    let mut r_hi = at(hi)?;
    let g_hi = g(&r_hi);
    if hi == m_delta && g_hi.abs() < crate::prec::MASS_ROOT {
        return Ok((hi, r_hi));
    }
    // the secant step of Omega ~ m (exact for an asymmetric relic; Omega grows at
    // least as fast as m, faster where chibar survives, so the step does not pass
    // the root): from above the root it gives the lower end ...
    let step = |m: f64| (m * (-g_hi).exp()).clamp(lo_lim, hi_lim);
    let mut r_lo = if g_hi > 0.0 {
        lo = step(hi);
        at(lo)?
    } else if g_hi < 0.0 && hi != m_delta {
        // ... and from below (without an asymmetry) the upper end
        (lo, hi) = (hi, step(hi));
        std::mem::replace(&mut r_hi, at(hi)?)
    } else {
        at(lo)?
    };
    while g(&r_lo) > 0.0 {
        lo /= 10.0;
        if lo < lo_lim {
            return Err(no_mass());
        }
        r_lo = at(lo)?;
    }
    while g(&r_hi) < 0.0 {
        hi *= 10.0;
        if hi > hi_lim {
            return Err(no_mass());
        }
        r_hi = at(hi)?;
    }
    // Illinois: (a, ga) <= 0 <= (b, gb) in ln m; the end kept twice in a row has its g halved
    let (mut a, mut ga, mut b, mut gb) = (lo.ln(), g(&r_lo), hi.ln(), g(&r_hi));
    if ga == 0.0 {
        return Ok((lo, r_lo));
    }
    if gb == 0.0 {
        return Ok((hi, r_hi));
    }
    let mut side = 0i8;
    for _ in 0..200 {
        // the secant point, or the midpoint where rounding puts it outside the bracket
        let mut c = (a * gb - b * ga) / (gb - ga);
        if !(c > a && c < b) {
            c = 0.5 * (a + b);
        }
        let m = c.exp();
        let r = at(m)?;
        let gc = g(&r);
        if gc.abs() < crate::prec::MASS_ROOT || b - a < crate::prec::MASS_ROOT {
            return Ok((m, r));
        }
        if gc < 0.0 {
            (a, ga) = (c, gc);
            if side == -1 {
                gb *= 0.5;
            }
            side = -1;
        } else {
            (b, gb) = (c, gc);
            if side == 1 {
                ga *= 0.5;
            }
            side = 1;
        }
    }
    Err(no_mass())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equilibrium_start_solves_the_quadratic() {
        let p = DarkParams::paper(1.0, 0.3, 1e-10, 106.75, 7.25, 1.75);
        let zd = p.y_delta * p.z_per_y(3.0);
        let e = p.rate_and_eq(3.0, p.z_per_y(3.0)).1;
        let z = 2.0 * e * e / (zd + (zd * zd + 4.0 * e * e).sqrt());
        assert!(((z * (z + zd) - e * e) / (e * e)).abs() < 1e-12);
    }

    /// The freeze-out's log-space coefficients are Eq. (67)'s lambda(x) and Z_eq(x)
    /// (through H(T_x) and T(T_x) of `hubble` and `visible_temperature`), across the
    /// x range and the g_* steps, for separate entropy conservation and one temperature.
    #[test]
    fn log_space_rates_are_lambda_and_z_eq() {
        for common in [false, true] {
            for (m, xi) in [(1e-2, 0.05), (1.0, 0.3), (30.0, 0.8), (2e3, 0.5)] {
                let mut p = DarkParams::paper(m, xi, 1e-11, 106.75, 7.25, 1.75);
                p.common_temperature = common;
                let c0 = p.z_per_y(p.x_start);
                let rates = Rates::new(&p, c0);
                for k in 0..=400 {
                    let u = p.x_start.ln() + (p.x_end.ln() - p.x_start.ln()) * k as f64 / 400.0;
                    let x = u.exp();
                    let (rate, e) = rates.at(x, u);
                    let (rate0, e0) = p.rate_and_eq(x, c0);
                    assert!((rate / rate0 - 1.0).abs() < 1e-12, "m = {m}, x = {x}: {rate} vs {rate0}");
                    assert!((e - e0).abs() <= 1e-13 * e0, "m = {m}, x = {x}: {e} vs {e0}");
                }
            }
        }
    }

    /// The shared grid's nodes are those of the u the integration forms, and give
    /// the coefficients a node computed afresh at that u gives, bit for bit (the
    /// coefficients themselves are Eq. 67's: `log_space_rates_are_lambda_and_z_eq`).
    #[test]
    fn grid_nodes_give_the_rates_bit_for_bit() {
        for common in [false, true] {
            let mut p = DarkParams::paper(3.0, 0.3, 1e-11, 106.75, 7.25, 1.75);
            p.common_temperature = common;
            let rates = Rates::new(&p, p.z_per_y(p.x_start));
            let (u0, h) = (p.x_start.ln(), (p.x_end.ln() - p.x_start.ln()) / p.steps as f64);
            let nodes = Node::grid(p.x_start, p.x_end, p.steps);
            assert_eq!(nodes.len(), p.steps + 1);
            for (k, n) in nodes.iter().enumerate().skip(1) {
                let u = u0 + k as f64 * h;
                assert_eq!(n.u.to_bits(), u.to_bits());
                let (a, b) = (rates.at_node(n), rates.at(u.exp(), u));
                assert_eq!((a.0.to_bits(), a.1.to_bits()), (b.0.to_bits(), b.1.to_bits()), "k = {k}");
            }
        }
    }

    #[test]
    fn bad_parameters_are_errors() {
        let mut p = DarkParams::paper(1.0, 0.3, 1e-10, 106.75, 7.25, 1.75);
        p.phi_ratio = 0.9;
        assert!(matches!(freeze_out(&p), Err(RelicError::Parameter(_))));
        p.phi_ratio = 1.5;
        p.y_delta = -1.0;
        assert!(matches!(freeze_out(&p), Err(RelicError::Parameter(_))));
    }
}

/// The degrees of freedom the freeze-out needs, read from the field content.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DarkDof {
    pub gs_fi: f64,
    pub gsx_fi: f64,
    pub gsx_late: f64,
}

impl DarkDof {
    /// g_*s (visible), g_*s,x (dark) at freeze-in and g_*s,x at late times ("dark at
    /// recombination", eta only) from the degrees of freedom of the field content
    /// (`derivations/species/dof.toml`).
    pub fn from_dof(dof: &[Dof]) -> Result<DarkDof, RelicError> {
        let get =
            |n: &str| dof.iter().find(|x| x.name == n).map(|x| x.g_star_s.to_f64()).ok_or_else(|| RelicError::MissingSector(n.to_string()));
        Ok(DarkDof { gs_fi: get("visible")?, gsx_fi: get("dark")?, gsx_late: get("dark at recombination")? })
    }

    /// The degrees of freedom of the inputs' field content (`species/dof.toml`).
    pub fn from_inputs(inputs: &Inputs) -> Result<DarkDof, CosmoError> {
        Ok(DarkDof::from_dof(&crate::derive::dark::dof(inputs.species(SPECIES)?))?)
    }

    /// The paper's freeze-out parameters (y_chi = 1, m_phi = 1.5 m_chi) for a freeze-in result.
    pub fn params(&self, xi: f64, y_delta: f64) -> DarkParams {
        DarkParams::paper(1.0, xi, y_delta, self.gs_fi, self.gsx_fi, self.gsx_late)
    }
}

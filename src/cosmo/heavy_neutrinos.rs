//! The heavy neutrinos after reheating (Sec. 3.2): Eqs. (34)-(36) solved for
//! the yield Y_a = n_a/s from n_a = 0 at T_RH, with the equilibrium bound of
//! Eq. (37), the energy the decays N_a -> chi phi bring to the dark sector, and
//! the number of decays (the most lepton number the N_a could carry).
//!
//! # Formula
//! With z = M_1/T (visible radiation, T a = const, dt = dz/(z H)):
//! `dY_a/dz = [2 <1/gamma>_T Gamma_lH (Y_a^eq(T) - Y_a) + 2 <1/gamma>_Tx Gamma_chiphi (n_a^eq(T_x)/s - Y_a)] / (z H(T))`,
//! `n^eq(T) = g_N M^2 T K_2(M/T)/(2 pi^2)` (g_N = 2), `<1/gamma>_T = K_1/K_2 (M/T)`,
//! Gamma from Eq. (36) with universal couplings (sum_i |y_ia|^2 = n_g |y_a|^2).
//! The equation is linear in Y_a and stiff (rates up to 1e8 H): each step is
//! solved exactly for rates and targets frozen at its midpoint (exponential integrator).

use crate::cosmo::constants::{G_STAR, G_STAR_S, N_G};
use crate::cosmo::evolution::{entropy, hubble};
use crate::cosmo::point::Point;
use crate::numerics::bessel::{Order, k_f64};
use std::f64::consts::PI;

/// Internal states of a Majorana neutrino.
pub const G_N: f64 = 2.0;

/// The evolution of the heavy-neutrino yields after reheating.
#[derive(Clone, Debug, PartialEq)]
pub struct HeavyNeutrinoYield {
    /// Largest yield of N_1 + N_2 reached after reheating.
    pub max_yield: f64,
    /// Largest Y_a / Y_a^eq(T) over the evolution, for a = 1, 2 (1 means: the yield reaches
    /// equilibrium; above 1: it lags behind a falling equilibrium value).
    pub max_ratio: [f64; 2],
    /// The equilibrium bound of Eq. (37) at reheating, Y_1^eq(T_RH) + Y_2^eq(T_RH) (exact MB).
    pub bound_at_rh: f64,
    /// Number of N_a decays per entropy after reheating (into l H and chi phi, both
    /// charge-conjugate channels).
    pub decays: f64,
    /// Energy the decays N_a -> chi phi bring to the dark sector, rho_x a^4 in units of rho(T_RH) a_RH^4.
    pub dark_energy: f64,
    /// Ratio Gamma_{N_1}/H at T = T_RH and at T = M_1.
    pub decay_over_hubble: [f64; 2],
}

/// Equilibrium number density of a Majorana neutrino of mass `m` at temperature `t` (MB).
pub fn n_eq(m: f64, t: f64) -> f64 {
    if t <= 0.0 || m / t > 700.0 {
        return 0.0;
    }
    G_N * m * m * t * k_f64(Order::integer(2), m / t) / (2.0 * PI * PI)
}

/// `<1/gamma>_T = <m/E> = K_1(z)/K_2(z)`, z = m/T (its asymptotic series beyond f64's range).
pub fn inverse_gamma(z: f64) -> f64 {
    if z > 600.0 {
        return 1.0 - 1.5 / z + 15.0 / (8.0 * z * z);
    }
    k_f64(Order::integer(1), z) / k_f64(Order::integer(2), z)
}

/// Widths of Eq. (36) for neutrino `a` of a benchmark point (universal y).
pub fn widths(p: &Point, a: usize) -> (f64, f64) {
    (N_G * p.y[a].norm_sqr() * p.m[a] / (16.0 * PI), p.lam[a].norm_sqr() * p.m[a] / (32.0 * PI))
}

/// Solve Eqs. (34)-(36) from T_RH = M_1/x_rh (n_a = 0) to z = x_rh + span, with the dark
/// sector at T_x = xi T (xi constant: its value after reheating; the T_x terms are
/// suppressed by exp(-M_a/T_x) and barely matter).
pub fn after_reheating(p: &Point, x_rh: f64, xi: f64, span: f64, steps: usize) -> HeavyNeutrinoYield {
    let m1 = p.m[0];
    let t_rh = m1 / x_rh;
    let rho_rh = PI * PI * G_STAR * t_rh.powi(4) / 30.0;
    let mut y = [0.0f64; 2];
    let (mut max_yield, mut max_ratio, mut decays, mut dark_energy) = (0.0f64, [0.0f64; 2], 0.0, 0.0);
    let dz = span / steps as f64;
    for k in 0..steps {
        let z = x_rh + (k as f64 + 0.5) * dz;
        let t = m1 / z;
        let tx = xi * t;
        let (s, h) = (entropy(t), hubble(t));
        let a_over = z / x_rh; // a/a_RH
        for (a, ya) in y.iter_mut().enumerate() {
            let m = p.m[a];
            let (g_lh, g_x) = widths(p, a);
            let r_vis = 2.0 * inverse_gamma(m / t) * g_lh;
            let r_dark = if tx > 0.0 { 2.0 * inverse_gamma(m / tx) * g_x } else { 2.0 * g_x };
            let rate = (r_vis + r_dark) / (z * h);
            let target = (r_vis * n_eq(m, t) + r_dark * n_eq(m, tx)) / s / (r_vis + r_dark);
            let y_old = *ya;
            *ya = target + (y_old - target) * (-rate * dz).exp();
            let y_mid = 0.5 * (y_old + *ya);
            decays += (r_vis + r_dark) * y_mid * dz / (z * h);
            // energy per decay M (at rest, T << M), times the comoving factor a^4
            dark_energy += r_dark * y_mid * s * m * a_over.powi(4) * dz / (z * h) / rho_rh;
            let y_eq = n_eq(m, t) / s;
            if y_eq > 0.0 && *ya > 1e-300 {
                max_ratio[a] = max_ratio[a].max(*ya / y_eq);
            }
        }
        max_yield = max_yield.max(y[0] + y[1]);
    }
    let bound_at_rh = (n_eq(p.m[0], t_rh) + n_eq(p.m[1], t_rh)) / entropy(t_rh);
    let g1 = {
        let (a, b) = widths(p, 0);
        2.0 * (a + b)
    };
    HeavyNeutrinoYield { max_yield, max_ratio, bound_at_rh, decays, dark_energy, decay_over_hubble: [g1 / hubble(t_rh), g1 / hubble(m1)] }
}

/// The yield bound of Eq. (37) as printed: `45/(pi^2 (2 pi)^(3/2) g_*s) x^(3/2) e^(-x)`.
pub fn eq37_bound(x: f64) -> f64 {
    45.0 / (PI * PI * (2.0 * PI).powf(1.5) * G_STAR_S) * x.powf(1.5) * (-x).exp()
}

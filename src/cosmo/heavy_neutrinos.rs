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
//! solved exactly for rates and targets frozen at its midpoint (exponential integrator),
//! on steps that grow quadratically from T_RH (the yield rises within a tiny step there).

use crate::cosmo::constants::{G_STAR, G_STAR_S, N_G};
use crate::cosmo::evolution::{entropy, hubble};
use crate::cosmo::point::Point;
use crate::numerics::bessel::k1_k2_scaled;
use std::f64::consts::PI;

/// Steps over 40 units of z that the audit uses (converged to 1e-3, see the tests).
pub const STEPS: usize = 4_000;

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

/// Equilibrium number density (MB) of a Majorana neutrino of mass `m` at
/// temperature `t`, with `<1/gamma>_T = <m/E> = K_1(m/T)/K_2(m/T)`: (n_eq, <1/gamma>).
pub fn thermal(m: f64, t: f64) -> (f64, f64) {
    if t <= 0.0 {
        return (0.0, 1.0);
    }
    let z = m / t;
    let (k1, k2) = k1_k2_scaled(z);
    (G_N * m * m * t * k2 * (-z).exp() / (2.0 * PI * PI), k1 / k2)
}

/// Equilibrium number density of a Majorana neutrino of mass `m` at temperature `t` (MB).
pub fn n_eq(m: f64, t: f64) -> f64 {
    thermal(m, t).0
}

/// Widths of Eq. (36) for neutrino `a` of a benchmark point (universal y).
pub fn widths(p: &Point, a: usize) -> (f64, f64) {
    (N_G * p.y[a].norm_sqr() * p.m[a] / (16.0 * PI), p.lam[a].norm_sqr() * p.m[a] / (32.0 * PI))
}

/// Solve Eqs. (34)-(36) from T_RH = M_1/x_rh (n_a = 0) to z = x_rh + span, with the dark
/// sector at T_x = xi T (xi constant: its value after reheating; the T_x terms are
/// suppressed by exp(-M_a/T_x) and barely matter). One call of
/// [`Kernel::HeavyNeutrinos`](crate::numerics::workload::Kernel::HeavyNeutrinos) in the process's workload.
pub fn after_reheating(p: &Point, x_rh: f64, xi: f64, span: f64, steps: usize) -> HeavyNeutrinoYield {
    crate::numerics::workload::time(crate::numerics::workload::Kernel::HeavyNeutrinos, || integrate(p, x_rh, xi, span, steps))
}

/// [`after_reheating`], untallied.
fn integrate(p: &Point, x_rh: f64, xi: f64, span: f64, steps: usize) -> HeavyNeutrinoYield {
    let m1 = p.m[0];
    let t_rh = m1 / x_rh;
    let rho_rh = PI * PI * G_STAR * t_rh.powi(4) / 30.0;
    let mut y = [0.0f64; 2];
    let (mut max_yield, mut max_ratio, mut decays, mut dark_energy) = (0.0f64, [0.0f64; 2], 0.0, 0.0);
    // steps quadratic in k: fine where the yield rises from zero at T_RH, coarser as it decays
    let z_at = |k: usize| x_rh + span * (k as f64 / steps as f64).powi(2);
    for k in 0..steps {
        let (z0, z1) = (z_at(k), z_at(k + 1));
        let (z, dz) = (0.5 * (z0 + z1), z1 - z0);
        let t = m1 / z;
        let tx = xi * t;
        let (s, h) = (entropy(t), hubble(t));
        let a_over = z / x_rh; // a/a_RH
        for (a, ya) in y.iter_mut().enumerate() {
            let m = p.m[a];
            let (g_lh, g_x) = widths(p, a);
            let ((neq_t, ig_t), (neq_x, ig_x)) = (thermal(m, t), thermal(m, tx));
            let r_vis = 2.0 * ig_t * g_lh;
            let r_dark = 2.0 * ig_x * g_x;
            let rate = (r_vis + r_dark) / (z * h);
            let target = (r_vis * neq_t + r_dark * neq_x) / s / (r_vis + r_dark);
            let y_old = *ya;
            *ya = target + (y_old - target) * (-rate * dz).exp();
            // int Y dz over the step, exact for the frozen rate and target
            let y_int = target * dz + (y_old - target) * (-(-rate * dz).exp_m1()) / rate;
            decays += (r_vis + r_dark) * y_int / (z * h);
            // energy per decay M (at rest, T << M), times the comoving factor a^4
            dark_energy += r_dark * y_int * s * m * a_over.powi(4) / (z * h) / rho_rh;
            let y_eq = neq_t / s;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// 4,000 steps over 40 units of z agree with 40,000 to 1e-3 (the audit uses 4,000).
    #[test]
    fn steps_converge() {
        let p = Point::benchmark(1e10, 0.3, -2.0 * PI / 3.0, PI / 4.0, None).unwrap();
        let (a, b) = (after_reheating(&p, 25.0, 0.3, 40.0, 4_000), after_reheating(&p, 25.0, 0.3, 40.0, 40_000));
        for (x, y) in [(a.max_yield, b.max_yield), (a.decays, b.decays), (a.dark_energy, b.dark_energy)] {
            assert!((x / y - 1.0).abs() < 1e-3, "{x} vs {y}");
        }
        // the closed form of Eq. (37) is the leading term of the exact MB value at T_RH
        let exact = n_eq(p.m[0], p.m[0] / 25.0) / crate::cosmo::evolution::entropy(p.m[0] / 25.0);
        assert!((exact / eq37_bound(25.0) - 1.0 - 15.0 / (8.0 * 25.0)).abs() < 0.01);
    }
}

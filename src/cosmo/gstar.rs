//! Effective relativistic degrees of freedom of the visible (Standard Model)
//! plasma as functions of the temperature, g_*(T) and g_*s(T), needed by the
//! dark-matter freeze-out of Sec. 5.2 (Eqs. 63, 67, 68) which happens anywhere
//! from T ~ 100 GeV down to the MeV era.
//!
//! Every species is an ideal Bose or Fermi gas with its mass (PDG 2024 values):
//! rho = g T^4/(2 pi^2) int q^2 E/(e^E -+ 1) dq and p = g T^4/(6 pi^2) int q^4/E/(e^E -+ 1) dq
//! (E = sqrt(q^2 + (m/T)^2)), so g_* = 30 rho/(pi^2 T^4) and g_*s = 45 (rho + p)/(2 pi^2 T^4).
//!
//! Two places need a model, stated here because they set the accuracy:
//! - **QCD crossover**: free quarks and gluons above, a gas of the lightest hadrons
//!   (pi, K, eta, rho, omega, nucleons) below, blended with a tanh of centre
//!   [`T_QCD`](crate::cosmo::gstar::T_QCD) and width [`QCD_WIDTH`](crate::cosmo::gstar::QCD_WIDTH). This is not lattice QCD; between about 100 and
//!   300 MeV the g_* of lattice equations of state differs from it by up to about 20%.
//! - **Neutrino decoupling**: instantaneous while e+e- are still relativistic, so that
//!   (T_nu/T)^3 = g_*s,(gamma+e)(T)/(11/2); this tends to the 4/11 of
//!   `derivations/species/dof.toml` at late times.
//!
//! The high- and low-temperature limits reproduce the counts from the field
//! content (106.75 and 43/11 = 3.909 for g_*s), which the tests check.

use std::f64::consts::PI;
use std::sync::LazyLock;

/// Centre of the QCD crossover blend (GeV).
pub const T_QCD: f64 = 0.155;
/// Width of the QCD crossover blend (GeV).
pub const QCD_WIDTH: f64 = 0.02;
/// Range of the tabulated functions (GeV); outside it the end values are used.
pub const T_MIN: f64 = 1e-5;
pub const T_MAX: f64 = 1e5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Present at all temperatures.
    Always,
    /// Quarks and gluons (above the crossover).
    Partonic,
    /// Hadrons (below the crossover).
    Hadronic,
    /// Photon and electrons: the bath that heats up at e+e- annihilation.
    PhotonElectron,
    /// Neutrinos at T_nu.
    Neutrino,
}

/// A species: name, internal states (particle and antiparticle counted), mass in GeV, fermion?, phase.
struct Species(&'static str, f64, f64, bool, Phase);

/// The species table: (name, internal states, mass in GeV, fermion).
pub fn species() -> Vec<(&'static str, f64, f64, bool)> {
    SPECIES.iter().map(|s| (s.0, s.1, s.2, s.3)).collect()
}

/// The Standard Model plasma (masses: PDG 2024; MSbar light-quark masses).
const SPECIES: &[Species] = &[
    Species("photon", 2.0, 0.0, false, Phase::PhotonElectron),
    Species("electron", 4.0, 0.000_510_999, true, Phase::PhotonElectron),
    Species("neutrinos", 6.0, 0.0, true, Phase::Neutrino),
    Species("muon", 4.0, 0.105_658, true, Phase::Always),
    Species("tau", 4.0, 1.776_86, true, Phase::Always),
    Species("W", 6.0, 80.369, false, Phase::Always),
    Species("Z", 3.0, 91.188, false, Phase::Always),
    Species("Higgs", 1.0, 125.20, false, Phase::Always),
    Species("top", 12.0, 172.57, true, Phase::Always),
    Species("gluons", 16.0, 0.0, false, Phase::Partonic),
    Species("up", 12.0, 0.002_16, true, Phase::Partonic),
    Species("down", 12.0, 0.004_70, true, Phase::Partonic),
    Species("strange", 12.0, 0.093_5, true, Phase::Partonic),
    Species("charm", 12.0, 1.273, true, Phase::Partonic),
    Species("bottom", 12.0, 4.183, true, Phase::Partonic),
    Species("pi+-", 2.0, 0.139_570, false, Phase::Hadronic),
    Species("pi0", 1.0, 0.134_977, false, Phase::Hadronic),
    Species("K+-", 2.0, 0.493_677, false, Phase::Hadronic),
    Species("K0", 2.0, 0.497_611, false, Phase::Hadronic),
    Species("eta", 1.0, 0.547_862, false, Phase::Hadronic),
    Species("rho", 9.0, 0.775_26, false, Phase::Hadronic),
    Species("omega", 3.0, 0.782_66, false, Phase::Hadronic),
    Species("nucleons", 8.0, 0.938_9, true, Phase::Hadronic),
];

/// (g_* contribution, g_*s contribution) of one species of `g` states at x = m/T.
pub fn species_dof(g: f64, x: f64, fermion: bool) -> (f64, f64) {
    let (stat, sign) = if fermion { (7.0 / 8.0, 1.0) } else { (1.0, -1.0) };
    if x == 0.0 {
        return (g * stat, g * stat);
    }
    if x > 60.0 {
        return (0.0, 0.0);
    }
    let occ = |e: f64| 1.0 / (e.exp() + sign);
    let qmax = x + 70.0;
    let rho = quadrature::double_exponential::integrate(
        |q| {
            let e = (q * q + x * x).sqrt();
            q * q * e * occ(e)
        },
        0.0,
        qmax,
        1e-13,
    )
    .integral;
    let p3 = quadrature::double_exponential::integrate(
        |q| {
            let e = (q * q + x * x).sqrt();
            q.powi(4) / e * occ(e)
        },
        0.0,
        qmax,
        1e-13,
    )
    .integral;
    let rho = g * rho / (2.0 * PI * PI);
    let p = g * p3 / (6.0 * PI * PI);
    (30.0 * rho / (PI * PI), 45.0 * (rho + p) / (2.0 * PI * PI))
}

/// g_* and g_*s of the visible plasma at temperature T (GeV), computed directly
/// (no table): the species sums with the QCD blend and the neutrino temperature.
pub fn direct(t: f64) -> (f64, f64) {
    let w = 0.5 * (1.0 + ((t - T_QCD) / QCD_WIDTH).tanh());
    let (mut g, mut gs) = (0.0, 0.0);
    let (mut g_ge, mut gs_ge) = (0.0, 0.0);
    let mut nu = (0.0, 0.0);
    for Species(_, dof, m, fermion, phase) in SPECIES {
        let (a, b) = species_dof(*dof, m / t, *fermion);
        match phase {
            Phase::Always => (g, gs) = (g + a, gs + b),
            Phase::Partonic => (g, gs) = (g + w * a, gs + w * b),
            Phase::Hadronic => (g, gs) = (g + (1.0 - w) * a, gs + (1.0 - w) * b),
            Phase::PhotonElectron => (g_ge, gs_ge) = (g_ge + a, gs_ge + b),
            Phase::Neutrino => nu = (a, b),
        }
    }
    let r3 = gs_ge / 5.5;
    (g + g_ge + nu.0 * r3.powf(4.0 / 3.0), gs + gs_ge + nu.1 * r3)
}

const PER_DECADE: usize = 40;

struct Table {
    ln_t: Vec<f64>,
    g: Vec<f64>,
    gs: Vec<f64>,
    /// ln(g_*s T^3), increasing in T: inverted by [`temperature_for_entropy`].
    ln_s: Vec<f64>,
    /// Where to start looking for the interval of an abscissa, in each grid.
    t_buckets: Buckets,
    s_buckets: Buckets,
}

/// A lookup for the interval of an increasing grid: the grid's range cut into
/// four times as many equal buckets as it has points, each with the interval of
/// its lower edge. [`Buckets::interval`] starts there and steps to the interval
/// (at most a step or two), so it finds what a binary search finds, in O(1):
/// the freeze-out asks for g_*(T) and T(g_*s T^3) at every step.
struct Buckets {
    x0: f64,
    scale: f64,
    start: Vec<usize>,
}

impl Buckets {
    fn new(xs: &[f64]) -> Buckets {
        let (n, x0) = (xs.len(), xs[0]);
        let m = 4 * n;
        let scale = m as f64 / (xs[n - 1] - x0);
        let start = (0..m).map(|b| xs.partition_point(|v| *v <= x0 + b as f64 / scale).saturating_sub(1).min(n - 2)).collect();
        Buckets { x0, scale, start }
    }

    /// The largest i with xs[i] <= x, for xs[0] < x < xs[last] (as a binary search finds it).
    fn interval(&self, xs: &[f64], x: f64) -> usize {
        let b = ((x - self.x0) * self.scale).floor();
        let b = if b.is_finite() && b > 0.0 { (b as usize).min(self.start.len() - 1) } else { 0 };
        let mut i = self.start[b];
        while i > 0 && xs[i] > x {
            i -= 1;
        }
        while i + 2 < xs.len() && xs[i + 1] <= x {
            i += 1;
        }
        i
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let n = ((T_MAX / T_MIN).log10() * PER_DECADE as f64).round() as usize + 1;
    let (a, b) = (T_MIN.ln(), T_MAX.ln());
    let ln_t: Vec<f64> = (0..n).map(|i| a + (b - a) * i as f64 / (n - 1) as f64).collect();
    let (g, gs): (Vec<f64>, Vec<f64>) = ln_t.iter().map(|l| direct(l.exp())).unzip();
    let ln_s: Vec<f64> = ln_t.iter().zip(&gs).map(|(l, s)| s.ln() + 3.0 * l).collect();
    let (t_buckets, s_buckets) = (Buckets::new(&ln_t), Buckets::new(&ln_s));
    Table { ln_t, g, gs, ln_s, t_buckets, s_buckets }
});

fn interp(xs: &[f64], buckets: &Buckets, ys: &[f64], x: f64) -> f64 {
    if x <= xs[0] {
        return ys[0];
    }
    if x >= xs[xs.len() - 1] {
        return ys[ys.len() - 1];
    }
    let i = buckets.interval(xs, x);
    let f = (x - xs[i]) / (xs[i + 1] - xs[i]);
    ys[i] + f * (ys[i + 1] - ys[i])
}

/// g_*(T) (energy density), interpolated in ln T from a table of [`direct`].
pub fn g_star(t: f64) -> f64 {
    g_star_of_ln(t.ln())
}

/// g_*(T) as a function of ln T (no logarithm taken: the freeze-out works in logs).
pub fn g_star_of_ln(ln_t: f64) -> f64 {
    let tb = &*TABLE;
    interp(&tb.ln_t, &tb.t_buckets, &tb.g, ln_t)
}

/// g_*s(T) (entropy density), interpolated in ln T from a table of [`direct`].
pub fn g_star_s(t: f64) -> f64 {
    let tb = &*TABLE;
    interp(&tb.ln_t, &tb.t_buckets, &tb.gs, t.ln())
}

/// The temperature T at which g_*s(T) T^3 = `s` (a monotone inversion; outside the
/// table g_*s is held at its end value).
pub fn temperature_for_entropy(s: f64) -> f64 {
    ln_temperature_for_ln_entropy(s.ln()).exp()
}

/// ln T at which ln(g_*s(T) T^3) = `ls`: [`temperature_for_entropy`] in logs.
pub fn ln_temperature_for_ln_entropy(ls: f64) -> f64 {
    let tb = &*TABLE;
    let n = tb.ln_s.len();
    if ls <= tb.ln_s[0] {
        return (ls - tb.gs[0].ln()) / 3.0;
    }
    if ls >= tb.ln_s[n - 1] {
        return (ls - tb.gs[n - 1].ln()) / 3.0;
    }
    interp(&tb.ln_s, &tb.s_buckets, &tb.ln_t, ls)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn massless_and_heavy_limits() {
        assert_eq!(species_dof(2.0, 0.0, false), (2.0, 2.0));
        let (g, gs) = species_dof(4.0, 1e-6, true);
        assert!((g - 3.5).abs() < 1e-9 && (gs - 3.5).abs() < 1e-9);
        // Boltzmann tail at large x: rho + p = g m^3 T K_3(m/T)/(2 pi^2) (Bose corrections
        // ~ e^-x), with the asymptotic series of K_3 (mu = 4 nu^2 = 36)
        let x = 30.0f64;
        let (_, gs) = species_dof(1.0, x, false);
        let mu = 36.0;
        let t = 8.0 * x;
        let series =
            1.0 + (mu - 1.0) / t + (mu - 1.0) * (mu - 9.0) / (2.0 * t * t) + (mu - 1.0) * (mu - 9.0) * (mu - 25.0) / (6.0 * t * t * t);
        let k3 = (PI / (2.0 * x)).sqrt() * (-x).exp() * series;
        let approx = 45.0 / (2.0 * PI * PI) * x.powi(3) * k3 / (2.0 * PI * PI);
        assert!((gs / approx - 1.0).abs() < 1e-5, "{gs} vs {approx}");
    }

    #[test]
    fn inversion_round_trips() {
        for t in [1e-4, 3e-3, 0.15, 2.0, 500.0] {
            let s = g_star_s(t) * t.powi(3);
            let back = temperature_for_entropy(s);
            assert!((back / t - 1.0).abs() < 1e-3, "{t} -> {back}");
        }
    }
}

#[cfg(test)]
mod interval_tests {
    use super::*;

    /// The bucketed interval is the binary search's, on the uniform ln T grid and
    /// the non-uniform ln(g_*s T^3) grid, at the nodes, between them, next to
    /// them and at random points.
    #[test]
    fn the_guessed_interval_is_the_binary_searchs() {
        let tb = &*TABLE;
        for (xs, buckets) in [(&tb.ln_t, &tb.t_buckets), (&tb.ln_s, &tb.s_buckets)] {
            let n = xs.len();
            let mut xs_probe = vec![];
            for i in 0..n - 1 {
                let (a, b) = (xs[i], xs[i + 1]);
                xs_probe.extend([
                    a,
                    b,
                    0.5 * (a + b),
                    a + 1e-12 * (b - a),
                    b - 1e-12 * (b - a),
                    f64::from_bits(a.to_bits() + 1),
                    f64::from_bits(b.to_bits() - 1),
                ]);
            }
            let mut state = 0x9e37_79b9_7f4a_7c15u64;
            for _ in 0..20_000 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let u = (state >> 11) as f64 / (1u64 << 53) as f64;
                xs_probe.push(xs[0] + u * (xs[n - 1] - xs[0]));
            }
            for x in xs_probe.into_iter().filter(|x| *x > xs[0] && *x < xs[n - 1]) {
                assert_eq!(buckets.interval(xs, x), xs.partition_point(|v| *v <= x) - 1, "x = {x}");
            }
        }
    }
}

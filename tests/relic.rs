//! The freeze-out solver of Sec. 5.2 (Eqs. 65-68) and the g_*(T) it uses, against
//! limits it must reproduce: exact solutions of Eq. (67) without inverse
//! annihilation, the textbook symmetric freeze-out, the asymmetric bound, and the
//! degrees of freedom of the field content at high and low temperature.

mod support;

use cogenesis::cosmo::gstar::{g_star, g_star_s};
use cogenesis::cosmo::relic::{DarkDof, DarkParams, asymmetric_mass_bound, freeze_out, max_mass};
use cogenesis::derive::dark::{Dof, dof as dof_of};
use cogenesis::transcript::species;
use std::f64::consts::PI;

/// The degrees of freedom of the committed field content.
fn load_dof() -> Vec<Dof> {
    dof_of(&species::load(&support::derivations().join("species/dof.toml")).unwrap())
}

fn dof() -> DarkDof {
    DarkDof::from_dof(&load_dof()).unwrap()
}

fn paper(m: f64, xi: f64, y_delta: f64) -> DarkParams {
    DarkParams { m_chi: m, ..dof().params(xi, y_delta) }
}

#[test]
fn gstar_limits_are_the_field_content_counts() {
    let d = load_dof();
    let get = |n: &str| d.iter().find(|x| x.name == n).unwrap().g_star_s.to_f64();
    let (visible, recombination) = (get("visible"), get("visible at recombination"));
    // T >> m_top: every SM species relativistic (106.75); T << m_e: photons and
    // neutrinos at T_nu = (4/11)^(1/3) T (43/11)
    assert!((g_star_s(1e5) / visible - 1.0).abs() < 1e-4, "{}", g_star_s(1e5));
    assert!((g_star(1e5) / visible - 1.0).abs() < 1e-4);
    assert!((g_star_s(1e-5) / recombination - 1.0).abs() < 1e-3, "{} vs {recombination}", g_star_s(1e-5));
    // between the thresholds: g_*s non-decreasing in T (entropy can only be released)
    let mut prev = 0.0;
    for k in 0..=400 {
        let t = 10f64.powf(-5.0 + 10.0 * k as f64 / 400.0);
        let g = g_star_s(t);
        assert!(g >= prev * (1.0 - 1e-9), "g_*s falls at T = {t}");
        prev = g;
    }
    // plateaus between thresholds: 10.75 between the muon and the electron (counting
    // photons, e+-, neutrinos), 17.25 + pions ~ 17-21 just below the QCD crossover
    assert!((g_star_s(3e-3) - 10.75).abs() < 0.05);
}

/// Eq. (67) with Z_eq = 0 (x >= 200) is a Bernoulli equation with the exact solution
/// Zbar(x) = Z_D / ((1 + Z_D/Zbar0) exp(Z_D I) - 1), I = int lambda dx (Z_D -> 0:
/// Zbar0/(1 + Zbar0 I)); I is integrated here by the trapezoid rule out to x = 1e10 (the solver
/// integrates to 1e8 and continues analytically).
#[test]
fn late_annihilation_matches_the_exact_bernoulli_solution() {
    for (y_delta, y0) in [(0.0, 2e-14), (2e-15, 2e-14), (5e-14, 1e-14)] {
        let mut p = paper(100.0, 0.4, y_delta);
        p.y_chi = 3.0;
        p.x_start = 200.0;
        p.x_end = 1e8;
        p.steps = 40_000;
        p.initial_chibar_yield = Some(y0);
        let r = freeze_out(&p).unwrap();
        let c0 = p.z_per_y(p.x_start);
        // composite trapezoid in ln x (g_* is tabulated piecewise linearly, so the integrand
        // has kinks that defeat double-exponential quadrature at the 1e-6 level)
        let (a, b, n) = (200f64.ln(), 1e10f64.ln(), 400_000);
        let f = |u: f64| u.exp() * p.lambda(u.exp());
        let h = (b - a) / n as f64;
        let integral = h * (0.5 * (f(a) + f(b)) + (1..n).map(|i| f(a + i as f64 * h)).sum::<f64>());
        let (zd, z0) = (y_delta * c0, y0 * c0);
        let exact = if zd > 0.0 { zd / ((1.0 + zd / z0) * (zd * integral).exp() - 1.0) } else { z0 / (1.0 + z0 * integral) } / c0;
        // 1e-5: in the third case exp(-Z_D I) ~ 1e-4 amplifies any error of I tenfold
        assert!((r.y_chibar / exact - 1.0).abs() < 1e-5, "Y_D = {y_delta}: {} vs exact {exact}", r.y_chibar);
        assert!(r.y_chibar < y0);
    }
}

/// With a common temperature and no asymmetry the solver is the textbook freeze-out:
/// a Dirac fermion with <sigma v> = 4.4e-26 cm^3/s (twice the Majorana 2.2e-26) has
/// Omega h^2 = 0.11 at m = 100 GeV (Steigman, Dasgupta, Beacom, PRD 86 (2012) 023506).
#[test]
fn symmetric_textbook_freeze_out() {
    let m = 100.0;
    let sv = 4.4e-26 / cogenesis::cosmo::constants::inverse_gev2_in_cm3_per_s();
    let mut p = paper(m, 1.0, 0.0);
    p.common_temperature = true;
    // y_chi such that the s-wave of Eq. (28) is sv
    p.y_chi = (sv * 32.0 * PI * (p.phi_ratio.powi(2) + 1.0).powi(2) * m * m).powf(0.25);
    assert!((p.sigma_v() / sv - 1.0).abs() < 1e-12);
    let r = freeze_out(&p).unwrap();
    assert!((r.omega_h2 / 0.11 - 1.0).abs() < 0.05, "Omega h^2 = {}", r.omega_h2);
    assert!((20.0..28.0).contains(&r.x_freeze_out), "x_f = {}", r.x_freeze_out);
    assert_eq!(r.y_chi, r.y_chibar);
}

#[test]
fn integration_converges() {
    for y_delta in [0.0, 3e-12] {
        let mut p = paper(30.0, 0.35, y_delta);
        let a = freeze_out(&p).unwrap().y_sigma;
        p.steps *= 8;
        let b = freeze_out(&p).unwrap().y_sigma;
        assert!((a / b - 1.0).abs() < 1e-4, "{a} vs {b}");
    }
}

/// Strong annihilation leaves only the asymmetry: m_max -> Omega_DM rho_c/(s0 Y_D);
/// a vanishing asymmetry is continuous with the symmetric freeze-out.
#[test]
fn asymmetric_and_symmetric_limits() {
    let y_delta = 1e-11;
    let (m, r) = max_mass(&paper(1.0, 0.3, y_delta)).unwrap();
    let bound = asymmetric_mass_bound(y_delta);
    assert!(m <= bound * (1.0 + 1e-6));
    assert!((m / bound - 1.0).abs() < 1e-3 && r.asymmetric_fraction() > 0.999, "{m} vs {bound}");
    // weak annihilation (heavier phi): far below the bound, mostly symmetric
    let mut weak = paper(1.0, 0.3, 1e-14);
    weak.phi_ratio = 20.0;
    let (m_weak, r_weak) = max_mass(&weak).unwrap();
    assert!(m_weak < 0.1 * asymmetric_mass_bound(1e-14) && r_weak.asymmetric_fraction() < 0.1);
    let a = freeze_out(&paper(50.0, 0.3, 0.0)).unwrap();
    let b = freeze_out(&paper(50.0, 0.3, 1e-22)).unwrap();
    assert!((a.y_sigma / b.y_sigma - 1.0).abs() < 1e-6);
    // Omega at the root is the observed value
    assert!((r.omega_h2 / cogenesis::cosmo::constants::OMEGA_DM_H2 - 1.0).abs() < 2.0 * cogenesis::prec::MASS_ROOT);
}

/// The root finder of `max_mass` (Illinois regula falsi) against a plain bisection
/// in ln m written here, for an asymmetric, a mixed and a symmetric relic: the same
/// mass, and the relic returned is the one at the mass returned. The cases take the
/// three ways of `max_mass`'s bracket: the asymmetric bound is the root itself
/// (Y_D = 1e-11 at xi = 0.3), it is the upper end (the mixed relics), and no
/// asymmetry (Y_D = 0: from 1e3 GeV, the secant step giving the upper end).
#[test]
fn max_mass_agrees_with_a_bisection() {
    let target = cogenesis::cosmo::constants::OMEGA_DM_H2;
    for (xi, y_delta) in [(0.3, 1e-11), (0.5, 1e-12), (0.05, 1e-13), (0.8, 0.0)] {
        let p = paper(1.0, xi, y_delta);
        let omega = |m: f64| freeze_out(&DarkParams { m_chi: m, ..p.clone() }).unwrap().omega_h2;
        let (mut lo, mut hi) = (1e-4f64, 1e5f64);
        assert!(omega(lo) < target && omega(hi) > target);
        while hi / lo > 1.0 + 1e-9 {
            let mid = (lo * hi).sqrt();
            if omega(mid) > target { hi = mid } else { lo = mid }
        }
        let (m, r) = max_mass(&p).unwrap();
        assert!((m / lo - 1.0).abs() < 1e-6, "xi = {xi}, Y_D = {y_delta}: {m} vs {lo}");
        assert_eq!(r, freeze_out(&DarkParams { m_chi: m, ..p.clone() }).unwrap());
    }
}

/// The observed baryon yield and Omega_B h^2 give back the nucleon mass: the two forms
/// of the bound in Sec. 5.2 agree with m_n = Omega_B rho_c/(s0 Y_B).
#[test]
fn nucleon_mass_from_the_cosmological_inputs() {
    let m_n = cogenesis::cosmo::constants::OMEGA_B_H2 / cogenesis::cosmo::relic::omega_h2(1.0, cogenesis::cosmo::constants::Y_B_OBSERVED);
    assert!((m_n - 0.939).abs() < 0.01, "m_n = {m_n}");
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    for f in [|p: &mut DarkParams| p.m_chi = -1.0, |p: &mut DarkParams| p.xi_fi = f64::NAN, |p: &mut DarkParams| p.steps = 1] {
        let mut p = paper(1.0, 0.3, 1e-11);
        f(&mut p);
        assert!(freeze_out(&p).is_err());
    }
}

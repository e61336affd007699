//! Every physical constant and observed value the calculations use, each with
//! where it comes from. Where the paper quotes a value it is cited by equation
//! or section; the audit derives some of them independently (the degrees of
//! freedom from `derivations/species/dof.toml`, claim `text.gstar`), and these
//! constants are only the inputs of the numerical evolution.

/// Reduced Planck mass (GeV): "M_Pl ~ 2.435e18 GeV" below Eq. (29).
pub const M_PL: f64 = 2.435e18;
/// Visible relativistic degrees of freedom g_* (energy) at freeze-in, after Eq. (30);
/// the field content gives the same (claim `text.gstar`).
pub const G_STAR: f64 = 106.75;
/// Dark relativistic degrees of freedom g_*x (phi, chi, eta), after Eq. (30).
pub const G_STAR_X: f64 = 7.25;
/// Visible entropy degrees of freedom g_*s at freeze-in, before Eq. (62).
pub const G_STAR_S: f64 = 106.75;
/// Number of lepton generations n_g.
pub const N_G: f64 = 3.0;
/// Higgs vacuum expectation value (GeV): "v ~ 246 GeV" after Eq. (4).
pub const V_HIGGS: f64 = 246.0;
/// Bound on the active-neutrino mass contribution (eV), Eq. (5).
pub const NU_MASS_BOUND_EV: f64 = 0.07;
/// Observed baryon yield "Y_B ~ 8.7e-11", Sec. 4.4 (Planck 2018, ref. 14).
pub const Y_B_OBSERVED: f64 = 8.7e-11;

/// Planck 2018 (TT,TE,EE+lowE+lensing+BAO, ref. 14): Omega_DM h^2 = 0.120.
pub const OMEGA_DM_H2: f64 = 0.120;
/// Planck 2018 (ref. 14): Omega_B h^2 = 0.0224.
pub const OMEGA_B_H2: f64 = 0.0224;
/// Critical density over h^2 in GeV/cm^3 (PDG 2024: 1.053 672(24) x 10^-5).
pub const RHO_CRIT_OVER_H2: f64 = 1.053_672e-5;
/// CMB temperature today, K (Fixsen 2009).
pub const T_CMB_K: f64 = 2.7255;
/// Boltzmann constant in GeV/K (exact SI value).
pub const K_B_GEV_PER_K: f64 = 8.617_333_262e-14;

/// hbar c in GeV cm (CODATA 2018: 197.3269804 MeV fm).
pub const HBAR_C_GEV_CM: f64 = 1.973269804e-14;
/// Speed of light in cm/s (exact SI value).
pub const C_CM_PER_S: f64 = 2.99792458e10;

/// 1 GeV^-2 in cm^3/s (for sigma v): (hbar c)^2 c.
pub fn inverse_gev2_in_cm3_per_s() -> f64 {
    HBAR_C_GEV_CM * HBAR_C_GEV_CM * C_CM_PER_S
}

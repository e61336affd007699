//! Dark-sector numbers by independent routes (no Symbolica here).

use cogenesis::cosmo::constants::inverse_gev2_in_cm3_per_s;
use cogenesis::derive::dark::{delta_n_eff, xi_cmb_bound, xi_evolved};
use cogenesis::transcript::species;
use std::path::PathBuf;

fn dof() -> Vec<cogenesis::derive::dark::Dof> {
    cogenesis::derive::dark::dof(&species::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("derivations/species/dof.toml")).unwrap())
}

#[test]
fn degrees_of_freedom() {
    let d = dof();
    let g = |n: &str| d.iter().find(|x| x.name == n).unwrap();
    // SM: 28 bosonic and 90 fermionic states
    assert_eq!(g("visible").g_star, 28.0 + 7.0 / 8.0 * 90.0);
    assert_eq!(g("dark").g_star, 2.0 + 7.0 / 8.0 * 6.0);
    assert_eq!(g("dark at recombination").g_star_s.to_f64(), 1.75);
    // today's entropy degrees of freedom: 2 + (7/8) 6 (4/11) = 43/11
    assert_eq!(g("visible at recombination").g_star_s, cogenesis::cas::rational::Q::new(43, 11));
}

#[test]
fn delta_n_eff_relations() {
    // one extra Weyl fermion at the neutrino temperature is one neutrino species
    let xi_nu = (4.0f64 / 11.0).powf(1.0 / 3.0);
    assert!((delta_n_eff(xi_nu) - 1.0).abs() < 1e-12);
    assert!((delta_n_eff(xi_cmb_bound(0.3)) - 0.3).abs() < 1e-12);
    // entropy conservation is a no-op without change of degrees of freedom
    assert!((xi_evolved(0.4, 10.0, 3.0, 10.0, 3.0) - 0.4).abs() < 1e-15);
}

#[test]
fn unit_conversion() {
    // independent: 1 GeV^-2 = 0.389379 mb = 0.389379e-27 cm^2, times c
    let via_mb = 0.3893793721e-27 * 2.99792458e10;
    assert!((inverse_gev2_in_cm3_per_s() / via_mb - 1.0).abs() < 1e-8);
}

#[test]
fn degrees_of_freedom_snapshot() {
    // backed by `degrees_of_freedom` above (28 + 7/8 90, 2 + 7/8 6, 43/11 counted by hand)
    let mut out = String::from("# sector: g_* (energy), g_*s (entropy); fields (g, boson?)\n");
    for d in dof() {
        out.push_str(&format!("{}: g_* = {}, g_*s = {}\n", d.name, d.g_star, d.g_star_s));
        for (n, g, b) in &d.fields {
            out.push_str(&format!("    {n}: {g}{}\n", if *b { " (boson)" } else { " (fermion)" }));
        }
    }
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("degrees_of_freedom", out);
    });
}

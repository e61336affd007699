//! The chemical-equilibrium solver (Sec. 4.1): the paper's relations, an
//! independent closed form, and a variant of the fast-process list.

use cogenesis::cas::rational::Q;
use cogenesis::derive::chemistry::{EquilibriumError, solve};
use cogenesis::transcript::chemistry::System;
use std::path::{Path, PathBuf};

fn file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations/chemistry").join(name)
}

#[test]
fn visible_sector_relations_and_harvey_turner_closed_form() {
    let sys = System::load(&file("visible.toml")).unwrap();
    let eq = solve(&sys).unwrap();
    assert_eq!(eq.mu("l1"), Some(Q::new(-7, 79)));
    assert_eq!(eq.mu("H"), Some(Q::new(-4, 79)));
    // independent: B = (8 n_g + 4)/(22 n_g + 13) (B - L) for one Higgs doublet
    let ng = 3;
    assert_eq!(eq.mu("B"), Some(Q::new(8 * ng + 4, 22 * ng + 13)));
    // the solution satisfies every listed equation
    let mu: Vec<Q> = eq.species.iter().map(|(_, q)| *q).collect();
    for (name, row) in &sys.fast {
        let r = row.iter().zip(&mu).fold(Q::zero(), |a, (c, m)| a + *c * *m);
        assert!(r.is_zero(), "{name} violated");
    }
    assert!(sys.charge_row("Y").unwrap().iter().zip(&mu).fold(Q::zero(), |a, (c, m)| a + *c * *m).is_zero());
}

#[test]
fn dark_sector_relations() {
    let hi = solve(&System::load(&file("dark_high.toml")).unwrap()).unwrap();
    assert_eq!((hi.mu("chi"), hi.mu("phi"), hi.mu("eta")), (Some(Q::new(1, 2)), Some(Q::new(1, 2)), Some(Q::zero())));
    let lo = solve(&System::load(&file("dark_low.toml")).unwrap()).unwrap();
    assert_eq!((lo.mu("chi"), lo.mu("eta"), lo.mu("chic")), (Some(Q::int(1)), Some(Q::int(1)), Some(Q::int(-1))));
}

#[test]
fn electron_yukawa_out_of_equilibrium_gives_new_coefficients() {
    let text = std::fs::read_to_string(file("visible.toml")).unwrap();
    // drop the electron Yukawa: the system no longer fixes mu_e1
    let without = text.replace("[[fast]]\nname = \"lepton Yukawa 1\"\nreaction = \"l1 -> e1 + H\"\n", "");
    assert_ne!(without, text, "the electron Yukawa block was found");
    let err = solve(&System::from_str(Path::new("variant.toml"), &without).unwrap()).unwrap_err();
    assert!(matches!(err, EquilibriumError::Underdetermined { .. }), "{err}");
    // the right-handed electron number is then conserved, and zero
    let variant = format!("{without}\n[[constraint]]\nname = \"no right-handed electron asymmetry\"\ncharge = \"eR1\"\nvalue = \"0\"\n");
    let eq = solve(&System::from_str(Path::new("variant.toml"), &variant).unwrap()).unwrap();
    assert_eq!(eq.mu("e1"), Some(Q::zero()));
    assert_ne!(eq.mu("l1"), Some(Q::new(-7, 79)));
    assert_ne!(eq.mu("H"), Some(Q::new(-4, 79)));
    assert_ne!(eq.mu("B"), Some(Q::new(28, 79)));
}

#[test]
fn malformed_systems_are_reported() {
    let text = std::fs::read_to_string(file("dark_high.toml")).unwrap();
    let bad = text.replace("reaction = \"phi -> chi + eta\"", "reaction = \"phi -> chi + zeta\"");
    let e = System::from_str(Path::new("bad.toml"), &bad).unwrap_err();
    assert!(e.to_string().contains("unknown species `zeta`"), "{e}");
    let e = System::from_str(Path::new("bad.toml"), "description = 1").unwrap_err();
    assert!(e.to_string().starts_with("bad.toml:1:"), "{e}");
    let contradict = format!("{text}\n[[constraint]]\nname = \"x\"\ncharge = \"Lx\"\nvalue = \"0\"\n");
    assert!(matches!(solve(&System::from_str(Path::new("c.toml"), &contradict).unwrap()), Err(EquilibriumError::Inconsistent { .. })));
}

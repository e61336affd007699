//! Checks of Eq. (4) and of the statements on the largest |y_1| (Sec. 4.3,
//! footnote 9).

use super::{Check, Context, lower_claim, printed_text};
use crate::audit::compare::{Relation, describe_factor, relate};
use crate::audit::error::CheckError;
use crate::audit::verdict::{Status, Verdict};
use crate::cas::couplings::Setup;
use crate::cas::print::plain;
use crate::cosmo::constants::{NU_MASS_BOUND_EV, V_HIGGS};
use crate::derive::couplings::EQ78;
use crate::derive::neutrino_mass::universal_spectrum;
use crate::transcript::claims::Claim;
use crate::transcript::lower::{Letters, Scope, modulus};
use symbolica::atom::{Atom, AtomCore};

/// The checks of `derivations/sec2_model.toml`: claim ids -> check function.
pub const CHECKS: &[Check] = &[check!(eq4, ["eq4"])];

/// Eq. (4).
pub fn eq4(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let setup = Setup::PAPER;
    let (eigen, spectrum_ok) = universal_spectrum(&setup);
    let derived = modulus(&eigen);
    let printed = lower_claim(c, &Scope::new(setup, Letters::Defined(&EQ78)))?;
    let rel = relate(&printed.pow(Atom::num(2)).expand(), &derived.pow(Atom::num(2)).expand());
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(format!(
        "|{}| on (1,1,1)/sqrt(3); (1,-1,0) and (1,1,-2) massless: {}",
        plain(&eigen),
        spectrum_ok
    ));
    let v = match &c.latex {
        Some(p) => v.latex(
            p.clone(),
            format!(
                "\\Delta m_{{\\nu}} = \\left| {} \\right| \\qquad \\text{{on }} (1,1,1)/\\sqrt{{3}}",
                crate::cas::notation::latex(&eigen, &crate::cas::notation::no_names)
            ),
        ),
        None => v,
    };
    let sign_ok = super::same_sign(c, &printed, &derived)?;
    // the constants the numerics use (cosmo::constants) against the values quoted with Eqs. (4)-(5)
    let mut constants = vec![];
    for (key, used, what) in [("v_GeV", V_HIGGS, "v"), ("bound_eV", NU_MASS_BOUND_EV, "the bound of Eq. (5)")] {
        let (q, decimals) = c.quoted_decimal(key)?;
        if (q - used).abs() > crate::prec::printed_half_ulp(decimals) {
            constants.push(format!("{what}: quoted {q}, the numerics use {used}"));
        }
    }
    let how = "Heavy neutrinos integrated out at tree level from the seesaw mass matrix [[0, m_D],[m_D^T, M]] with m_D = y v/sqrt(2); \
        light matrix diagonalised for y_ia = y_a; moduli compared through their squares, and their signs at sample couplings. \
        The quoted v = 246 GeV and bound 0.07 eV are the constants the evolution uses (cosmo::constants).";
    if !sign_ok {
        return Ok(v
            .status(Status::Discrepancy)
            .detail(format!("The printed mass is negative where the derived modulus is positive. {how}")));
    }
    if !constants.is_empty() {
        return Ok(v.status(Status::Discrepancy).detail(format!("{}. {how}", constants.join("; "))));
    }
    Ok(match (rel, spectrum_ok) {
        (Relation::Equal, true) => v.status(Status::Confirmed).detail(how),
        (Relation::Factor(f), _) => v.status(Status::Discrepancy).detail(format!("{} (of the squares). {how}", describe_factor(&f))),
        _ => v.status(Status::Discrepancy).detail(format!("The derived light spectrum differs. {how}")),
    })
}

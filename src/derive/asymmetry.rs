//! The asymmetry coefficients \[D2\] (Eqs. 14, 17-20) and the CPT/unitarity sum
//! rules (Eqs. 21-23), derived from the cut-built asymmetric squared matrix
//! elements of [`crate::derive::amplitude`] and the two-body phase space of
//! [`crate::derive::phase_space`].

use crate::cas::algebra::{int, is_zero, power_if_changed, rebuilt_if_changed, var};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::Setup;
use crate::cas::symbols::S;
use crate::derive::amplitude::asymmetric_squared;
use crate::derive::couplings::{substitute_letters, transfer_states};
use crate::derive::error::DeriveError;
use crate::derive::phase_space::integrate_two_body;
use crate::transcript::particles::{Field, Particle, Process, State};
use crate::transcript::vocabulary::Named;
use symbolica::atom::{Atom, AtomCore};

/// `Delta W(s)` of a reaction in letters of Eq. (78): the phase-space integral
/// (Eq. 11, symmetry factor 1: no identical final particles) of `|Delta M|^2`.
/// Only the kinematic factor depends on the angle; its integral is computed
/// once per factor (`-s t` or `-s u`) and reused.
///
/// # Errors
/// A failing cut construction ([`crate::derive::amplitude::asymmetric_squared`]).
pub fn try_delta_w(p: &Process, setup: &Setup) -> Result<Atom, DeriveError> {
    Ok(match asymmetric_squared(p, setup)? {
        Some(m) => {
            let integral = integrated_kinematics(&m.kinematics);
            (integral / (int(4) * var(S.pi)) * m.im_bracket).expand()
        }
        None => int(0),
    })
}

/// `int dPhi_2 k(s, t, u)` for a kinematic factor, memoised per thread.
pub fn integrated_kinematics(k: &Atom) -> Atom {
    thread_local! {
        static TABLE: crate::cas::memo::Table<Atom, Atom> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, k.clone(), None, || integrate_two_body(k).expect("kinematic factors are polynomial in t, u"))
}

/// \[D2\] of a reaction in letters: the coefficient of s^2 in `Delta W(s)`
/// (Eq. 14). Panics if `Delta W` has a part that is not proportional to s^2,
/// which the construction excludes.
///
/// # Errors
/// As [`try_delta_w`], and a `Delta W` that is not proportional to s^2.
pub fn try_d2_letters(p: &Process, setup: &Setup) -> Result<Atom, DeriveError> {
    let w = try_delta_w(p, setup)?;
    let d2 = (w / var(S.s).pow(int(2))).expand();
    if d2.contains_symbol(S.s) {
        return Err(DeriveError::structure(format!("[D2] of {p}"), format!("Delta W(s) is not proportional to s^2: {d2}")));
    }
    Ok(d2)
}

/// `Delta W(s)` of a transfer reaction ([`try_delta_w`]).
///
/// # Panics
/// If the cut construction fails for a reaction between the transfer states
/// of Table 2, which the tests exclude (`tests/cuts_crosscheck.rs`, the sum
/// rules): an internal invariant, not an input error.
pub fn delta_w(p: &Process, setup: &Setup) -> Atom {
    try_delta_w(p, setup).unwrap_or_else(|e| panic!("cut construction of a transfer reaction: {e}"))
}

/// \[D2\] of a transfer reaction in letters ([`try_d2_letters`]).
///
/// # Panics
/// As [`delta_w`].
pub fn d2_letters(p: &Process, setup: &Setup) -> Atom {
    try_d2_letters(p, setup).unwrap_or_else(|e| panic!("cut construction of a transfer reaction: {e}"))
}

/// \[D2\] of a reaction in couplings y, lambda, M.
pub fn d2_couplings(p: &Process, setup: &Setup) -> Atom {
    substitute_letters(&d2_letters(p, setup), setup).expand()
}

/// One row of the derived \[D2\] table.
#[derive(Clone, Debug)]
pub struct D2Row {
    pub named: Named,
    /// Claim id of the printed counterpart (eq17 ... eq20).
    pub claim: &'static str,
    pub letters: Atom,
    pub couplings: Atom,
}

/// The \[D2\] table of Eqs. (17)-(20) for `setup` (the paper's: two heavy
/// neutrinos, y_ia = y_a, n_g symbolic).
pub fn d2_table(setup: &Setup) -> Vec<D2Row> {
    let rows =
        [(Named::LhToLhBar, "eq17"), (Named::LhToChiPhiBar, "eq18"), (Named::LhToChiPhi, "eq19"), (Named::ChiPhiToChiPhiBar, "eq20")];
    let fl = representative_flavours(setup);
    rows.into_iter()
        .map(|(named, claim)| {
            let p = named.process(&fl);
            D2Row { named, claim, letters: d2_letters(&p, setup), couplings: d2_couplings(&p, setup) }
        })
        .collect()
}

/// External flavours used for the table: universal, or (1, 2) when explicit.
pub fn representative_flavours(setup: &Setup) -> Vec<Flavour> {
    match setup.flavours {
        crate::cas::couplings::FlavourMode::Universal => vec![Flavour::Universal, Flavour::Universal],
        crate::cas::couplings::FlavourMode::Explicit(n) => vec![Flavour::Index(1), Flavour::Index(n.min(2) as i64)],
    }
}

/// Eq. (21): `sum_beta Delta W^alpha_beta(s)` over every final state connected
/// by a transfer reaction, for the initial state `alpha`, in letters of Eq. (78)
/// with `A_ij = A_ji` made explicit (both orders of the flavours are one letter).
pub fn unitarity_sum_letters(alpha: State, setup: &Setup) -> Atom {
    let mut total = int(0);
    for (beta, mult) in transfer_states(setup) {
        total += mult * d2_letters(&Process::new(alpha, beta), setup);
    }
    symmetrise_a(&total).expand()
}

/// Eq. (21) in couplings y, lambda, M.
pub fn unitarity_sum(alpha: State, setup: &Setup) -> Atom {
    substitute_letters(&unitarity_sum_letters(alpha, setup), setup).expand()
}

/// Write every `A(i,j)` (and conjugate) with `i <= j`: the product of Eq. (78)
/// is symmetric in its flavours (the same two y vertices).
pub fn symmetrise_a(e: &Atom) -> Atom {
    use symbolica::atom::{AtomView, FunctionBuilder};
    /// The rewritten atom, or None where nothing changes (the input is kept).
    fn walk(v: AtomView<'_>) -> Option<Atom> {
        match v {
            AtomView::Fun(f) if f.get_symbol() == S.la || f.get_symbol() == S.lab => {
                let mut args: Vec<Atom> = f.iter().map(|a| a.to_owned()).collect();
                let key = |a: &Atom| i64::try_from(a.as_view()).unwrap_or(0);
                if args.len() != 2 || key(&args[0]) <= key(&args[1]) {
                    return None;
                }
                args.swap(0, 1);
                Some(args.into_iter().fold(FunctionBuilder::new(f.get_symbol()), |b, a| b.add_arg(a)).finish())
            }
            AtomView::Pow(p) => power_if_changed(p.get_base(), p.get_exp(), &walk),
            AtomView::Mul(m) => rebuilt_if_changed(m.iter(), true, &walk),
            AtomView::Add(a) => rebuilt_if_changed(a.iter(), false, &walk),
            _ => None,
        }
    }
    walk(e.as_view()).unwrap_or_else(|| e.clone())
}

/// Whether Eq. (21) holds for every initial state of `setup` (lepton-Higgs of
/// each flavour, chi phi, and their conjugates). Returns the failing states.
pub fn unitarity_failures(setup: &Setup) -> Vec<String> {
    let mut bad = vec![];
    for (alpha, _) in transfer_states(setup) {
        // letters first (cheap); couplings only if the letters do not cancel
        if !is_zero(&unitarity_sum_letters(alpha, setup)) && !is_zero(&unitarity_sum(alpha, setup)) {
            bad.push(format!("{} {}", alpha[0], alpha[1]));
        }
    }
    bad
}

/// Whether a reaction has a non-zero asymmetry at leading order (general flavours).
pub fn has_asymmetry(p: &Process) -> Result<bool, DeriveError> {
    let setup = Setup::flavoured(2, 3);
    let fl = |x: Particle, i: i64| if x.field == Field::Lepton { Particle { flavour: Some(Flavour::Index(i)), ..x } } else { x };
    let q = Process::new([fl(p.initial[0], 1), fl(p.initial[1], 2)], [fl(p.fin[0], 3), fl(p.fin[1], 2)]);
    let q2 = Process::new([fl(p.initial[0], 1), fl(p.initial[1], 1)], [fl(p.fin[0], 2), fl(p.fin[1], 1)]);
    for x in [q, q2] {
        if !is_zero(&substitute_letters(&try_d2_letters(&x, &setup)?, &setup)) {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbolica::atom::FunctionBuilder;

    fn a(sym: symbolica::atom::Symbol, i: i64, j: i64) -> Atom {
        FunctionBuilder::new(sym).add_arg(int(i)).add_arg(int(j)).finish()
    }

    /// Flavour pairs of A and its conjugate are put in order inside products,
    /// powers and sums; what holds no A, or only ordered ones, comes back as it was.
    #[test]
    fn symmetrise_a_orders_the_flavours_everywhere() {
        let x = var(S.s);
        let e = (a(S.la, 2, 1) * a(S.lab, 3, 1).pow(int(2)) + int(5) * a(S.la, 1, 2) + x.clone() * a(S.lab, 2, 2)).expand();
        let want = (a(S.la, 1, 2) * a(S.lab, 1, 3).pow(int(2)) + int(5) * a(S.la, 1, 2) + x.clone() * a(S.lab, 2, 2)).expand();
        assert_eq!(symmetrise_a(&e).expand(), want);
        // the two orders are one letter: A(2,1) - A(1,2) vanishes
        assert!(is_zero(&symmetrise_a(&(a(S.la, 2, 1) - a(S.la, 1, 2)))));
        for unchanged in [want.clone(), x.clone() * int(3) + int(1), a(S.lab, 1, 3)] {
            assert_eq!(symmetrise_a(&unchanged), unchanged);
        }
    }
}

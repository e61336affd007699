//! Asymmetric squared matrix elements at leading order (Eq. 16, App. B,
//! Eqs. 79-82), derived from the one-loop cuts of [`crate::derive::cuts`].
//!
//! `|Delta M|^2 = sum_terms kinematics(s, t) Im[conj(c0) c1]` with the
//! kinematic factors, SU(2)_L weights and intermediate states all derived from
//! the Lagrangian of Eq. (2). The result is kept at leading order in s/M^2 (the
//! s^2 terms that give \[D2\]); the terms of the next order (s^3, from two
//! momentum propagators in the cut) are dropped. For the comparison with the
//! printed form the kinematic factors are written as one factor times a
//! bracket of coupling products, `(kinematics/(4 pi)) Im[bracket]`, when they are
//! proportional (they are for every reaction of Table 2).

use crate::cas::algebra::{int, var};
use crate::cas::couplings::{Flavour, Setup};
use crate::cas::forms::split_coefficient;
use crate::cas::symbols::S;
use crate::derive::cuts::{Cuts, cuts, letter_terms};
use crate::derive::error::DeriveError;
use crate::transcript::particles::{Field, Particle, Process};
use std::rc::Rc;
use symbolica::atom::{Atom, AtomCore};

/// One asymmetric squared matrix element.
#[derive(Clone, Debug)]
pub struct AsymmetricSquared {
    pub process: Process,
    /// The kinematic factor, a polynomial in s and t with unit leading coefficient
    /// (`s*t`, `-s*t - s^2`, ...), so that `squared = kinematics/(4 pi) Im[bracket]`.
    pub kinematics: Atom,
    /// The argument of Im[...]: the coupling products with their relative weights.
    pub bracket: Atom,
    /// `Im[bracket]`, expanded.
    pub im_bracket: Atom,
    /// The cut construction it comes from.
    pub cuts: Rc<Cuts>,
}

impl AsymmetricSquared {
    /// `kinematics / (4 pi) Im[bracket]` (letters of Eq. 78 kept opaque), expanded.
    pub fn squared(&self) -> Atom {
        (self.kinematics.clone() / (int(4) * var(S.pi)) * self.im_bracket.clone()).expand()
    }
}

/// The cut construction of a reaction, computed once per reaction (lepton
/// flavours do not enter the kinematics).
pub fn cuts_of(p: &Process) -> Result<Rc<Cuts>, DeriveError> {
    thread_local! {
        static TABLE: crate::cas::memo::Table<Process, Rc<Cuts>> = Default::default();
    }
    let strip = |x: Particle| if x.field == Field::Lepton { Particle { flavour: Some(Flavour::Universal), ..x } } else { x };
    let key = Process::new(p.initial.map(strip), p.fin.map(strip));
    crate::cas::memo::try_get_or_insert(&TABLE, key, None, || cuts(&key).map(Rc::new))
}

/// The external lepton flavours of a reaction, its leptons in leg order (`i`, `j`).
fn external_flavours(p: &Process) -> [Flavour; 2] {
    let mut f = p.initial.iter().chain(p.fin.iter()).filter_map(|x| x.flavour);
    let i = f.next().unwrap_or(Flavour::Universal);
    [i, f.next().unwrap_or(i)]
}

/// The asymmetric squared matrix element of a reaction at leading order, or
/// `None` if it has no tree amplitude or no leading-order cut; memoised per
/// thread (the sum rules of Eq. 21, the \[D2\] table and App. B ask for the
/// same reactions).
///
/// # Errors
/// A failing cut construction, or kinematic factors that are not proportional.
pub fn asymmetric_squared(p: &Process, setup: &Setup) -> Result<Option<AsymmetricSquared>, DeriveError> {
    thread_local! {
        static TABLE: crate::cas::memo::Table<(Process, Setup), Option<AsymmetricSquared>> = Default::default();
    }
    crate::cas::memo::try_get_or_insert(&TABLE, (*p, *setup), None, || derive_asymmetric_squared(p, setup))
}

/// [`asymmetric_squared`] derived.
fn derive_asymmetric_squared(p: &Process, setup: &Setup) -> Result<Option<AsymmetricSquared>, DeriveError> {
    if crate::derive::tree::diagrams(p).is_empty() {
        return Ok(None);
    }
    let c = cuts_of(p)?;
    let terms: Vec<_> = letter_terms(&c, external_flavours(p), setup).into_iter().filter(|t| t.order == 2).collect();
    // each term's Im[...] once: the filter's, and (times a real ratio) the whole bracket's;
    // memoised, as the reactions share their brackets
    let terms: Vec<_> = terms.into_iter().map(|t| (crate::cas::algebra::im_memo(&t.bracket), t)).filter(|(im, _)| !im.is_zero()).collect();
    let Some((_, first)) = terms.first() else { return Ok(None) };
    // one kinematic factor: the first term's polynomial in s, t without its constant
    let lead = first.kinematics.expand();
    let head = lead.terms().next().map(|t| crate::cas::forms::split_term(t).0).unwrap_or_else(|| int(1));
    let (r, ng, pi) =
        split_coefficient(&head).ok_or_else(|| DeriveError::structure(format!("|Delta M|^2 of {p}"), format!("coefficient {head}")))?;
    let constant = Atom::num(r) * var(S.ng).pow(int(ng)) * var(S.pi).pow(int(pi));
    let kinematics = (lead / constant).expand();
    let mut bracket = int(0);
    // Im[bracket] as the sum of ratio Im[term] (the ratios are real: numbers, n_g, pi);
    // None once a ratio is not real, and then Im of the whole bracket
    let mut im_bracket = Some(int(0));
    for (im_t, t) in &terms {
        let ratio = (t.kinematics.clone() * int(4) * var(S.pi) / kinematics.clone()).expand();
        let ratio = symbolica::atom::AtomCore::together(&ratio);
        if ratio.contains_symbol(S.s) || ratio.contains_symbol(S.t) {
            return Err(DeriveError::structure(
                format!("|Delta M|^2 of {p}"),
                format!("kinematic factors {} and {} are not proportional", kinematics, t.kinematics),
            ));
        }
        let real = crate::cas::algebra::conj(&ratio) == ratio;
        im_bracket = im_bracket.filter(|_| real).map(|acc| acc + ratio.clone() * im_t.clone());
        bracket += ratio * t.bracket.clone();
    }
    let im_bracket = im_bracket.map(|a| a.expand()).unwrap_or_else(|| crate::cas::algebra::im(&bracket));
    Ok(Some(AsymmetricSquared { process: *p, kinematics, bracket: bracket.expand(), im_bracket, cuts: c }))
}

//! The Feynman rules of the heavy-neutrino interactions of Eq. (2) in
//! two-component notation: vertices, external fermion wave functions and the
//! N_a propagators, with their low-energy expansion.
//!
//! # Conventions (Dreiner, Haber, Martin, Phys. Rept. 494 (2010) 1)
//!
//! - **Vertices.** `-L ⊃ y_ia eps^{bc} H_b l_{ic} N_a + lambda_a phi chi N_a + h.c.`
//!   with `l N = l^alpha N_alpha` (undotted) and `eps^{12} = -eps^{21} = 1` for the
//!   antisymmetric SU(2)_L contraction of Eq. (2). The term itself gives the
//!   vertex factor `-i y_ia eps^{bc}` (or `-i lambda_a`) with undotted spinor
//!   indices; its hermitian conjugate `y_ia^* eps^{bc} H^dag_b l^dag_{ic} N^dag_a`
//!   gives `-i y_ia^* eps^{bc}` (eps is real) with dotted indices. Which term a
//!   pair of external legs attaches to is [`crate::derive::model::vertex_for`].
//! - **External fermions.** At an undotted vertex the field `psi` annihilates an
//!   incoming particle (wave function `x`) or creates an outgoing antiparticle
//!   (`y`); at a dotted vertex `psi^dag` creates an outgoing particle (`x^dag`) or
//!   annihilates an incoming antiparticle (`y^dag`). For massless fermions `x` and
//!   `y` are the same spinor ([`crate::derive::spinors::massless_spinor`]) and
//!   only one helicity survives, so the spin sum has one term per leg.
//! - **N_a propagators** (Majorana, real mass M_a > 0): between two undotted (or
//!   two dotted) vertices the mass insertion `<N_alpha N^beta> = i M_a delta_alpha^beta / (p^2 - M_a^2)`;
//!   between an undotted and a dotted vertex `<N_alpha N^dag_beta-dot> = i p.sigma_{alpha beta-dot} / (p^2 - M_a^2)`
//!   with p flowing from the dotted (N^dag) end to the undotted (N) end.
//!   For `p^2 << M_a^2` their scalar parts are expanded by a Symbolica series
//!   ([`propagator_series`](crate::derive::feynman::propagator_series)): `M_a/(p^2 - M_a^2) = -1/M_a - p^2/M_a^3 - ...`,
//!   `1/(p^2 - M_a^2) = -1/M_a^2 - ...`.
//! - **Common factors.** Every N-exchange diagram has two vertices and one
//!   propagator, `(-i)^2 i = -i`: a phase common to all diagrams of a reaction,
//!   dropped (it cancels in |M|^2).
//! - **Fermion order.** Every N-exchange diagram of a 2 -> 2 reaction joins the
//!   same two external fermions (each vertex has one fermion and one scalar leg),
//!   so the spinor chain is written in one orientation (lower leg index first)
//!   for all of them and the relative sign of the diagrams is +1.

use crate::cas::algebra::{int, var};
use crate::cas::rational::Q;
use crate::derive::error::DeriveError;
use crate::derive::model::{Vertex, Yukawa};
use crate::derive::spinors::Vec2;
use crate::transcript::particles::{Field, Particle};
use symbolica::atom::{Atom, AtomCore, AtomView};

/// The two parts of the N_a propagator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Propagator {
    /// `i M_a / (p^2 - M_a^2)`: both ends undotted or both dotted (an odd
    /// number of Majorana mass insertions, L + L_x violated).
    MassInsertion,
    /// `i p.sigma / (p^2 - M_a^2)`: one undotted and one dotted end.
    Momentum,
}

impl Propagator {
    /// The propagator between two vertices.
    pub fn between(a: &Vertex, b: &Vertex) -> Propagator {
        if a.hc == b.hc { Propagator::MassInsertion } else { Propagator::Momentum }
    }
}

/// One term `coefficient (p^2)^order M_a^(-inverse_mass_power)` of the
/// expansion of a propagator's scalar part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesTerm {
    pub order: u32,
    pub coefficient: Q,
    pub inverse_mass_power: u32,
}

/// The scalar part of a propagator (`M/(p^2 - M^2)` or `1/(p^2 - M^2)`)
/// expanded in `p^2` up to `(p^2)^max_order`, by a Symbolica series; memoised
/// per thread (every tree amplitude asks for both kinds).
///
/// # Errors
/// A series coefficient that is not a rational multiple of a power of `1/M`.
pub fn propagator_series(kind: Propagator, max_order: u32) -> Result<Vec<SeriesTerm>, DeriveError> {
    thread_local! {
        static TABLE: crate::cas::memo::Table<(Propagator, u32), Vec<SeriesTerm>> = Default::default();
    }
    crate::cas::memo::try_get_or_insert(&TABLE, (kind, max_order), None, || derive_propagator_series(kind, max_order))
}

/// [`propagator_series`] derived.
fn derive_propagator_series(kind: Propagator, max_order: u32) -> Result<Vec<SeriesTerm>, DeriveError> {
    let m = var(symbolica::symbol!("m_heavy"));
    let p2 = symbolica::symbol!("p_squared");
    let num = match kind {
        Propagator::MassInsertion => m.clone(),
        Propagator::Momentum => int(1),
    };
    let f = num / (var(p2) - m.clone().pow(int(2)));
    let err = |msg: String| DeriveError::structure("N propagator series", msg);
    let series = f.series(p2, 0, max_order as i64).map_err(|e| err(format!("{e:?}")))?.to_atom().expand();
    let mut out = vec![];
    for k in 0..=max_order {
        let c = if k == 0 {
            // the p^2-independent part
            let mut c0 = int(0);
            for t in series.terms() {
                if !t.to_owned().contains_symbol(p2) {
                    c0 += t.to_owned();
                }
            }
            c0
        } else {
            series.coefficient(var(p2).pow(int(k as i64)))
        };
        let (q, n) = rational_times_inverse_power(&c, &m).ok_or_else(|| err(format!("coefficient of (p^2)^{k}: {c}")))?;
        out.push(SeriesTerm { order: k, coefficient: q, inverse_mass_power: n });
    }
    Ok(out)
}

/// `q m^(-n)` read off an atom.
fn rational_times_inverse_power(c: &Atom, m: &Atom) -> Option<(Q, u32)> {
    use symbolica::domains::rational::Rational;
    let mut q = Rational::from(1);
    let mut n: i64 = 0;
    let factors: Vec<AtomView<'_>> = match c.as_view() {
        AtomView::Mul(f) => f.iter().collect(),
        other => vec![other],
    };
    for f in factors {
        match f {
            AtomView::Num(_) => q = &q * &Rational::try_from(f).ok()?,
            AtomView::Var(_) if f.to_owned() == *m => n -= 1,
            AtomView::Pow(p) if p.get_base().to_owned() == *m => n -= i64::try_from(p.get_exp()).ok()?,
            _ => return None,
        }
    }
    let q = Q::from_rational(&q)?;
    (n >= 0).then_some((q, n as u32))
}

/// The SU(2)_L factor of a vertex for given SU(2) indices (0 or 1) of its
/// Higgs and lepton legs: `eps^{bc}` for the lepton Yukawa (the term and its
/// hermitian conjugate alike), 1 for the dark Yukawa.
pub fn su2_factor(v: &Vertex, higgs: Option<usize>, lepton: Option<usize>) -> i64 {
    match (v.yukawa, higgs, lepton) {
        (Yukawa::Lepton, Some(b), Some(c)) => epsilon(b, c),
        _ => 1,
    }
}

/// `eps^{bc}` with `eps^{12} = 1`.
pub fn epsilon(b: usize, c: usize) -> i64 {
    match (b, c) {
        (0, 1) => 1,
        (1, 0) => -1,
        _ => 0,
    }
}

/// The external wave function of a Dirac or Weyl fermion leg, given its
/// spinors `x` and `y` (DHM): a particle takes `x` (annihilated by `psi` when
/// incoming, created by `psi^dag` as `x^dag` when outgoing), an antiparticle
/// takes `y` (created by `psi` when outgoing, annihilated by `psi^dag` as
/// `y^dag` when incoming). Whether the index is dotted follows from the vertex;
/// the components used here are real, so the dotted spinor has the same ones.
pub fn wave_function<'a>(p: &Particle, x: &'a Vec2, y: &'a Vec2) -> &'a Vec2 {
    if p.dagger { y } else { x }
}

/// Whether a field is a fermion (its leg carries a spinor).
pub fn is_fermion(f: Field) -> bool {
    matches!(f, Field::Lepton | Field::Chi | Field::ChiC | Field::HeavyN | Field::Eta)
}

/// Whether a field is an SU(2)_L doublet (its leg carries an SU(2) index).
pub fn is_doublet(f: Field) -> bool {
    matches!(f, Field::Lepton | Field::Higgs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn propagator_expansions() {
        let mi = propagator_series(Propagator::MassInsertion, 2).unwrap();
        let expect = [(0, -1, 1), (1, -1, 3), (2, -1, 5)];
        for (t, (k, c, n)) in mi.iter().zip(expect) {
            assert_eq!((t.order, t.coefficient, t.inverse_mass_power), (k, Q::int(c), n));
        }
        let mo = propagator_series(Propagator::Momentum, 1).unwrap();
        assert_eq!((mo[0].coefficient, mo[0].inverse_mass_power), (Q::int(-1), 2));
        assert_eq!((mo[1].coefficient, mo[1].inverse_mass_power), (Q::int(-1), 4));
    }
}

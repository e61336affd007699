//! Asymmetric squared matrix elements at leading order (App. B, Eqs. 79-82),
//! assembled from unitarity cuts.
//!
//! By Eq. (16), `|Delta M|^2 = -4 sum Im(P0* P1) Im(c0* c1)`: the coupling
//! structure is `Im[conj(c0) c1]`, where `c0` is the weighted tree coupling of the
//! reaction and `c1` the sum over on-shell two-particle intermediate states X of
//! the product of the tree couplings of `alpha -> X` and `X -> beta` (the cut of
//! the one-loop diagrams). Intermediate states are those connected by the
//! transfer reactions of Table 2. The tree couplings come from
//! [`crate::derive::couplings`]; the SU(2)_L weights and the loop-kinematic factor
//! `-s t / (4 pi)` (`-s u / (4 pi)` for reactions that conserve L + L_x) are the
//! paper's (a one-loop calculation, not redone here).

use crate::cas::algebra::{im, int, var};
use crate::cas::couplings::Setup;
use crate::cas::symbols::S;
use crate::derive::couplings::{transfer_states, weighted_tree};
use crate::transcript::particles::Process;
use symbolica::atom::Atom;

/// One asymmetric squared matrix element.
#[derive(Clone, Debug)]
pub struct AsymmetricSquared {
    pub process: Process,
    /// `-s t` or `-s u`.
    pub kinematics: Atom,
    /// The argument of Im[...]: conj(weighted tree) x sum over cuts.
    pub bracket: Atom,
    /// `kinematics / (4 pi) Im[bracket]` (letters of Eq. 78 kept opaque).
    pub squared: Atom,
}

/// The loop-kinematic factor of a reaction: `-s t` if it violates L + L_x
/// (odd number of mass insertions), `-s u` if it conserves it.
pub fn kinematics(p: &Process) -> Atom {
    let s = var(S.s);
    if p.twice_delta_l_plus_lx() != 0 { int(-1) * s * var(S.t) } else { int(-1) * s * var(S.u) }
}

/// The cut sum `c1 = sum_X mult(X) W(alpha -> X) W(X -> beta)`.
pub fn cut_sum(p: &Process, setup: &Setup) -> Atom {
    let mut c1 = int(0);
    for (x, mult) in transfer_states(setup) {
        let first = weighted_tree(&Process::new(p.initial, x));
        let second = weighted_tree(&Process::new(x, p.fin));
        if let (Some((w1, _)), Some((w2, _))) = (first, second) {
            c1 += mult * w1 * w2;
        }
    }
    c1
}

/// The asymmetric squared matrix element of a reaction, or `None` if the
/// reaction has no tree-level transfer amplitude.
pub fn asymmetric_squared(p: &Process, setup: &Setup) -> Option<AsymmetricSquared> {
    let (w0, _) = weighted_tree(p)?;
    let bracket = crate::cas::algebra::conj(&w0) * cut_sum(p, setup);
    let kin = kinematics(p);
    let squared = kin.clone() / (int(4) * var(S.pi)) * im(&bracket);
    Some(AsymmetricSquared { process: *p, kinematics: kin, bracket, squared })
}

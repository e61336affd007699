//! The coupling symbols of Eq. (2) as indexed atoms (`y(i,a)`, `yu(a)`,
//! `lam(a)`, `M(a)`), the coupling products A, B, C, D of Eq. (78) as opaque
//! letters, and the index ranges of a derivation (how many heavy neutrinos,
//! universal or explicit lepton flavours). What the symbols *mean* is derived
//! in [`crate::derive::couplings`].

use crate::cas::algebra::{indexed, int, var};
use crate::cas::symbols::S;
use symbolica::atom::Atom;

/// Lepton flavour of an external or intermediate state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Flavour {
    /// A definite flavour 1..=n_g.
    Index(i64),
    /// A representative flavour when couplings are universal (y_ia = y_a).
    Universal,
}

/// How lepton flavours are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlavourMode {
    /// y_ia = y_a for all i; flavour sums give a symbolic factor n_g.
    Universal,
    /// General y_ia with n_g explicit flavours.
    Explicit(usize),
}

/// Heavy-neutrino content and flavour treatment of a derivation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Setup {
    /// Number of heavy neutrinos n_N.
    pub n_heavy: usize,
    pub flavours: FlavourMode,
}

impl Setup {
    pub const PAPER: Setup = Setup { n_heavy: 2, flavours: FlavourMode::Universal };
    pub fn flavoured(n_heavy: usize, n_g: usize) -> Setup {
        Setup { n_heavy, flavours: FlavourMode::Explicit(n_g) }
    }
    /// The lepton flavours summed over for an intermediate state, with the
    /// multiplicity each one carries (n_g symbolic in the universal case).
    pub fn flavour_sum(&self) -> Vec<(Flavour, Atom)> {
        match self.flavours {
            FlavourMode::Universal => vec![(Flavour::Universal, var(S.ng))],
            FlavourMode::Explicit(n) => (1..=n as i64).map(|k| (Flavour::Index(k), int(1))).collect(),
        }
    }
}

/// The lepton Yukawa y_ia (or y_a when universal) as an atom.
pub fn y(f: Flavour, a: i64) -> Atom {
    match f {
        Flavour::Index(i) => indexed(S.y, &[i, a]),
        Flavour::Universal => indexed(S.yu, &[a]),
    }
}

/// The dark Yukawa lambda_a.
pub fn lambda(a: i64) -> Atom {
    indexed(S.lam, &[a])
}

/// The heavy-neutrino mass M_a.
pub fn mass(a: i64) -> Atom {
    indexed(S.mass, &[a])
}

/// Which of the four coupling products of Eq. (78) a tree amplitude carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Letter {
    /// A_{ij}: two lepton vertices, mass insertion.
    A,
    /// B: two dark vertices, mass insertion.
    B,
    /// C_i: lepton and dark vertex, mass insertion.
    C,
    /// D_i: lepton vertex and conjugated dark vertex, momentum propagator.
    D,
}

/// Build a letter atom from its symbol and flavours.
pub fn letter_atom(s: symbolica::atom::Symbol, flavours: &[Option<Flavour>]) -> Atom {
    let idx: Vec<i64> = flavours
        .iter()
        .filter_map(|f| match f {
            Some(Flavour::Index(i)) => Some(*i),
            _ => None,
        })
        .collect();
    let universal = flavours.iter().any(|f| matches!(f, Some(Flavour::Universal)));
    if idx.is_empty() && (universal || flavours.iter().all(|f| f.is_none())) { var(s) } else { indexed(s, &idx) }
}

//! The interactions of the model: the Yukawa terms of Eqs. (2)-(3) as data,
//! and which term a pair of external legs attaches to. The fields and charges
//! of Table 1 are in [`crate::transcript::particles`]; the Feynman rules built on
//! these terms are in [`crate::derive::feynman`].

use crate::cas::couplings::Flavour;
use crate::transcript::particles::{Field, Particle};

/// The two heavy-neutrino Yukawa terms of Eq. (2): `y_ia H.l_i N_a` and
/// `lambda_a phi chi N_a` (plus their hermitian conjugates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Yukawa {
    /// y_ia H . l_i N_a
    Lepton,
    /// lambda_a phi chi N_a
    Dark,
}

impl Yukawa {
    /// The non-N fields of the term.
    pub fn fields(self) -> [Field; 2] {
        match self {
            Yukawa::Lepton => [Field::Higgs, Field::Lepton],
            Yukawa::Dark => [Field::Phi, Field::Chi],
        }
    }
    pub const ALL: [Yukawa; 2] = [Yukawa::Lepton, Yukawa::Dark];
}

/// A cubic interaction term of Eqs. (2)-(3), each with its hermitian conjugate:
/// the coupling and the three fields, undaggered as they appear in the term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interaction {
    pub coupling: &'static str,
    pub fields: [Field; 3],
}

/// Every cubic interaction term: `y_ia H . l_i N_a`, `lambda_a phi chi N_a` (Eq. 2)
/// and the sink coupling `y_chi phi^* chi eta` (Eq. 3; written with `phi^*`, so
/// the term contains the conjugate of phi: see [`SINK_CONJUGATED`]). The mass
/// terms of Eq. (2) enter through the propagators and external wave functions.
pub const INTERACTIONS: [Interaction; 3] = [
    Interaction { coupling: "y_ia", fields: [Field::Higgs, Field::Lepton, Field::HeavyN] },
    Interaction { coupling: "lambda_a", fields: [Field::Phi, Field::Chi, Field::HeavyN] },
    Interaction { coupling: "y_chi", fields: [Field::Phi, Field::Chi, Field::Eta] },
];

/// In the sink term `y_chi phi^* chi eta` the scalar appears conjugated.
pub const SINK_CONJUGATED: [bool; 3] = [true, false, false];

/// A vertex attached to one end of the heavy-neutrino line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vertex {
    pub yukawa: Yukawa,
    /// `true` for the hermitian-conjugate term (coupling conjugated, N^dagger).
    pub hc: bool,
    /// Lepton flavour at the vertex (lepton Yukawa only).
    pub flavour: Option<Flavour>,
}

/// One leg at a vertex: the particle and whether it is incoming.
#[derive(Clone, Copy, Debug)]
pub struct Leg {
    pub particle: Particle,
    pub incoming: bool,
}

/// The vertex that two external legs attach to, if any.
///
/// Field-operator rule: an incoming particle is annihilated by its field, an
/// incoming antiparticle by the conjugate field; an outgoing particle is created
/// by the conjugate field, an outgoing antiparticle by the field itself. Both legs
/// must need undaggered fields (the term of Eq. 2) or both daggered (its h.c.).
pub fn vertex_for(legs: [Leg; 2]) -> Option<Vertex> {
    let d0 = needs_dagger(&legs[0]);
    if d0 != needs_dagger(&legs[1]) {
        return None;
    }
    let mut fields = [legs[0].particle.field, legs[1].particle.field];
    fields.sort();
    for yk in Yukawa::ALL {
        let mut want = yk.fields();
        want.sort();
        if want == fields {
            let flavour = legs.iter().find_map(|l| l.particle.flavour);
            return Some(Vertex { yukawa: yk, hc: d0, flavour });
        }
    }
    None
}

/// Field-operator rule: whether a leg needs the conjugate field (an outgoing
/// particle or an incoming antiparticle) rather than the field itself.
pub fn needs_dagger(l: &Leg) -> bool {
    l.particle.dagger == l.incoming
}

/// Whether the fermion legs chi and eta (in either order) attach to the sink
/// term of Eq. (3), with phi internal or external: `Some(false)` for the term
/// `y_chi phi^* chi eta` (both need their fields), `Some(true)` for its
/// hermitian conjugate `y_chi phi chi^dag eta^dag`, `None` otherwise.
pub fn sink_vertex_for(legs: [Leg; 2]) -> Option<bool> {
    let mut fields = [legs[0].particle.field, legs[1].particle.field];
    fields.sort();
    let mut want = [INTERACTIONS[2].fields[1], INTERACTIONS[2].fields[2]];
    want.sort();
    let d = needs_dagger(&legs[0]);
    (fields == want && d == needs_dagger(&legs[1])).then_some(d)
}

//! The interactions of the model: the heavy-neutrino Yukawa terms of Eq. (2)
//! and which term a pair of external legs attaches to. The fields and charges
//! of Table 1 are in [`crate::transcript::particles`].

use crate::cas::couplings::Flavour;
use crate::transcript::particles::{Field, Particle};

/// The two heavy-neutrino Yukawa terms of Eq. (2): `y_ia H.l_i N_a` and
/// `lambda_a phi chi N_a` (plus their hermitian conjugates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    let needs_dagger = |l: &Leg| l.particle.dagger == l.incoming;
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

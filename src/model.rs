//! The particle content and interactions of the model: Table 1 (fields and
//! charges) and the heavy-neutrino couplings of Eq. (2).
//!
//! Only what the asymmetry derivations need lives here: which external states
//! exist, which Lagrangian term a pair of external legs attaches to, and the
//! charges L and L_x that decide whether a reaction conserves L + L_x.

use std::fmt;

/// The fields of Table 1 (two-component notation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Higgs,
    Lepton,
    Phi,
    Chi,
    ChiC,
    HeavyN,
    Eta,
}

/// Charges of a field under U(1)_Y, U(1)_D, U(1)_L and U(1)_{L_x} (Table 1),
/// as (numerator, denominator) pairs over 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Charges {
    /// Each charge times two (so that all are integers).
    pub twice_y: i64,
    pub twice_d: i64,
    pub twice_l: i64,
    pub twice_lx: i64,
}

impl Field {
    /// Table 1 as transcribed (charges times two).
    pub fn charges(self) -> Charges {
        let c = |y, d, l, lx| Charges { twice_y: y, twice_d: d, twice_l: l, twice_lx: lx };
        match self {
            Field::Higgs => c(1, 0, 0, 0),
            Field::Lepton => c(-1, 0, 2, 0),
            Field::Phi => c(0, -1, 0, 1),
            Field::Chi => c(0, 1, 0, 1),
            Field::ChiC => c(0, -1, 0, -1),
            Field::HeavyN => c(0, 0, -2, 0),
            Field::Eta => c(0, -2, 0, 0),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Field::Higgs => "H",
            Field::Lepton => "l",
            Field::Phi => "phi",
            Field::Chi => "chi",
            Field::ChiC => "chic",
            Field::HeavyN => "N",
            Field::Eta => "eta",
        }
    }
}

/// Lepton flavour of an external or intermediate state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flavour {
    /// A definite flavour 1..=n_g.
    Index(i64),
    /// A representative flavour when couplings are universal (y_ia = y_a).
    Universal,
}

/// A particle (or antiparticle, `dagger = true`) in an external state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Particle {
    pub field: Field,
    pub dagger: bool,
    /// Only leptons carry a flavour.
    pub flavour: Option<Flavour>,
}

impl Particle {
    pub fn new(field: Field) -> Self {
        Particle { field, dagger: false, flavour: None }
    }
    pub fn lepton(f: Flavour) -> Self {
        Particle { field: Field::Lepton, dagger: false, flavour: Some(f) }
    }
    /// The antiparticle.
    pub fn bar(self) -> Self {
        Particle { dagger: !self.dagger, ..self }
    }
    /// Lepton number L times two carried by the particle.
    pub fn twice_l(self) -> i64 {
        let q = self.field.charges().twice_l;
        if self.dagger { -q } else { q }
    }
    /// Dark lepton number L_x times two.
    pub fn twice_lx(self) -> i64 {
        let q = self.field.charges().twice_lx;
        if self.dagger { -q } else { q }
    }
}

impl fmt::Display for Particle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.field.label())?;
        if let Some(Flavour::Index(i)) = self.flavour {
            write!(f, "{i}")?;
        }
        if self.dagger {
            write!(f, "^dag")?;
        }
        Ok(())
    }
}

/// A two-particle state.
pub type State = [Particle; 2];

/// A 2 -> 2 reaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Process {
    pub initial: State,
    pub fin: State,
}

impl Process {
    pub fn new(initial: State, fin: State) -> Self {
        Process { initial, fin }
    }
    /// Change of L + L_x (times two) in the reaction.
    pub fn twice_delta_l_plus_lx(&self) -> i64 {
        let tot = |s: &State| s.iter().map(|p| p.twice_l() + p.twice_lx()).sum::<i64>();
        tot(&self.fin) - tot(&self.initial)
    }
    /// The CP-conjugate reaction (every particle replaced by its antiparticle).
    pub fn cp(&self) -> Process {
        Process { initial: self.initial.map(Particle::bar), fin: self.fin.map(Particle::bar) }
    }
}

impl fmt::Display for Process {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} -> {} {}", self.initial[0], self.initial[1], self.fin[0], self.fin[1])
    }
}

/// The two heavy-neutrino Yukawa terms of Eq. (2): `y_ia H.l_i N_a` and
/// `lambda_a phi chi N_a` (plus their hermitian conjugates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// Parse a reaction written as `l H -> l^dag H^dag` (fields `l`, `H`, `chi`,
/// `phi`, `chic`, `eta`, `N`, with `^dag` for antiparticles; leptons get the
/// universal flavour). Returns `None` for anything else.
pub fn parse_process(s: &str) -> Option<Process> {
    let (lhs, rhs) = s.split_once("->")?;
    let side = |t: &str| -> Option<State> {
        let ps: Vec<Particle> = t
            .split_whitespace()
            .map(|tok| {
                let (name, dag) = match tok.strip_suffix("^dag") {
                    Some(n) => (n, true),
                    None => (tok, false),
                };
                let field = match name {
                    "l" => Field::Lepton,
                    "H" => Field::Higgs,
                    "chi" => Field::Chi,
                    "phi" => Field::Phi,
                    "chic" => Field::ChiC,
                    "eta" => Field::Eta,
                    "N" => Field::HeavyN,
                    _ => return None,
                };
                let mut p = if field == Field::Lepton { Particle::lepton(Flavour::Universal) } else { Particle::new(field) };
                p.dagger = dag;
                Some(p)
            })
            .collect::<Option<Vec<_>>>()?;
        (ps.len() == 2).then(|| [ps[0], ps[1]])
    };
    Some(Process::new(side(lhs)?, side(rhs)?))
}

impl Process {
    /// The time-reversed reaction.
    pub fn reverse(&self) -> Process {
        Process { initial: self.fin, fin: self.initial }
    }
}

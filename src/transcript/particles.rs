//! The particles and reactions the transcription names: the fields of Table 1
//! with their charges, particles and antiparticles, two-particle states and
//! 2 -> 2 reactions, and their notation in the claim files (`l H -> l^dag H^dag`).

use crate::cas::couplings::Flavour;
use std::fmt;

/// The fields of Table 1 (two-component notation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
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
    /// A field by the name the transcription files use for it in Table 1 and
    /// Eqs. (2)-(3): `H`, `l`, `phi`, `chi`, `chic` (chi^c), `N`, `eta`.
    pub fn from_name(name: &str) -> Option<Field> {
        Some(match name {
            "H" => Field::Higgs,
            "l" => Field::Lepton,
            "phi" => Field::Phi,
            "chi" => Field::Chi,
            "chic" => Field::ChiC,
            "N" => Field::HeavyN,
            "eta" => Field::Eta,
            _ => return None,
        })
    }

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

    pub fn label(self) -> &'static str {
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

/// A particle (or antiparticle, `dagger = true`) in an external state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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

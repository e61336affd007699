//! Chemistry systems of Sec. 4.1 as input data (Eqs. 38-44); solved in
//! [`crate::derive::chemistry`].
//!
//! A system (one TOML file in `derivations/chemistry/`) lists the species with
//! their internal degrees of freedom g, statistics (k = 1 fermion, 2 boson,
//! Eq. 38) and charges; the fast processes (each sets sum mu_in = sum mu_out,
//! Eq. 39); the constraints on charge densities (zero hypercharge, conserved
//! charges); and the charge whose `mu_Q = 6 n_Q / T^2 = sum_i Q_i g_i k_i mu_i`
//! (Eqs. 38, 40) normalises the solution. Editing the list of fast processes
//! gives the relations for other assumptions.

use crate::cas::rational::Q;
use crate::transcript::error::Location;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A charge combination (`B - L`) that cannot be read as one.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ChargeError {
    #[error("cannot read the charge combination {0:?}")]
    Unreadable(String),
    #[error("no species carries the charge `{0}`")]
    NoCarrier(String),
}

/// Errors of a chemistry system.
#[derive(Debug, Error, Clone)]
pub enum ChemistryError {
    #[error("{0}: cannot read: {1}")]
    Io(PathBuf, String),
    #[error("{location}: malformed chemistry file: {message}")]
    Toml { location: Location, message: String },
    #[error("{file}: {what}: {message}")]
    Bad { file: PathBuf, what: String, message: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    description: String,
    normalise: String,
    #[serde(default)]
    report_charges: Vec<String>,
    species: Vec<SpeciesRaw>,
    #[serde(default)]
    fast: Vec<FastRaw>,
    #[serde(default)]
    constraint: Vec<ConstraintRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeciesRaw {
    name: String,
    g: i64,
    boson: bool,
    #[serde(default)]
    charges: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FastRaw {
    name: String,
    reaction: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConstraintRaw {
    name: String,
    charge: String,
    value: String,
}

/// A species.
#[derive(Clone, Debug)]
pub struct Species {
    pub name: String,
    pub g: i64,
    pub boson: bool,
    pub charges: BTreeMap<String, Q>,
}

impl Species {
    /// g k of Eq. (38).
    pub fn weight(&self) -> Q {
        Q::int((self.g * if self.boson { 2 } else { 1 }) as i128)
    }
}

/// A chemistry system read from a file.
#[derive(Clone, Debug)]
pub struct System {
    pub file: PathBuf,
    pub description: String,
    pub species: Vec<Species>,
    /// (name, coefficients of mu per species)
    pub fast: Vec<(String, Vec<Q>)>,
    /// (name, charge combination, value)
    pub constraints: Vec<(String, String, Q)>,
    pub normalise: String,
    pub report_charges: Vec<String>,
}

/// Parse a linear combination `a - 2 b + 1/3 c` into (coefficient, name) pairs.
pub fn linear_terms(s: &str) -> Option<Vec<(Q, String)>> {
    let mut out = vec![];
    let t = s.replace('-', "+-");
    for raw in t.split('+') {
        let term = raw.trim();
        if term.is_empty() {
            continue;
        }
        let (sign, body) = match term.strip_prefix('-') {
            Some(b) => (Q::int(-1), b.trim()),
            None => (Q::int(1), term),
        };
        let mut parts = body.split_whitespace().collect::<Vec<_>>();
        let coef = if parts.len() == 2 {
            let c = Q::parse(parts[0])?;
            parts.remove(0);
            c
        } else if let Some((c, n)) = body.split_once('*') {
            parts = vec![n.trim()];
            Q::parse(c)?
        } else {
            Q::int(1)
        };
        if parts.len() != 1 || parts[0].is_empty() {
            return None;
        }
        out.push((sign * coef, parts[0].to_string()));
    }
    Some(out)
}

impl System {
    /// Read a system from TOML text.
    pub fn from_str(file: &Path, text: &str) -> Result<System, ChemistryError> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|sp| {
                    let before = &text[..sp.start.min(text.len())];
                    (Some(before.matches('\n').count() + 1), Some(before.rsplit('\n').next().map(|l| l.len()).unwrap_or(0) + 1))
                })
                .unwrap_or((None, None));
            ChemistryError::Toml { location: Location { file: file.to_path_buf(), line, column }, message: e.message().to_string() }
        })?;
        let bad = |what: String, message: String| ChemistryError::Bad { file: file.to_path_buf(), what, message };
        let mut species = vec![];
        for s in raw.species {
            let mut charges = BTreeMap::new();
            for (k, v) in &s.charges {
                charges.insert(
                    k.clone(),
                    Q::parse(v)
                        .ok_or_else(|| bad(format!("species {}", s.name), format!("charge {k} = {v:?} is not a rational number")))?,
                );
            }
            if s.g <= 0 {
                return Err(bad(format!("species {}", s.name), "g must be positive".into()));
            }
            species.push(Species { name: s.name, g: s.g, boson: s.boson, charges });
        }
        let index = |name: &str| species.iter().position(|s| s.name == name);
        let mut fast = vec![];
        for f in raw.fast {
            let (lhs, rhs) =
                f.reaction.split_once("->").ok_or_else(|| bad(format!("fast process {}", f.name), "reaction needs `->`".into()))?;
            let mut coeffs = vec![Q::zero(); species.len()];
            for (side, sign) in [(lhs, 1), (rhs, -1)] {
                for (c, name) in
                    linear_terms(side).ok_or_else(|| bad(format!("fast process {}", f.name), format!("cannot read {side:?}")))?
                {
                    let (base, dag) = match name.strip_suffix("^dag") {
                        Some(b) => (b, -1),
                        None => (name.as_str(), 1),
                    };
                    let i = index(base).ok_or_else(|| bad(format!("fast process {}", f.name), format!("unknown species `{base}`")))?;
                    coeffs[i] = coeffs[i] + c * Q::int(sign * dag);
                }
            }
            fast.push((f.name, coeffs));
        }
        let mut constraints = vec![];
        for c in raw.constraint {
            let v =
                Q::parse(&c.value).ok_or_else(|| bad(format!("constraint {}", c.name), format!("value {:?} is not rational", c.value)))?;
            constraints.push((c.name, c.charge, v));
        }
        let sys = System {
            file: file.to_path_buf(),
            description: raw.description,
            species,
            fast,
            constraints,
            normalise: raw.normalise,
            report_charges: raw.report_charges,
        };
        // validate charge expressions
        for (n, ch, _) in &sys.constraints {
            sys.charge_row(ch).map_err(|m| bad(format!("constraint {n}"), m.to_string()))?;
        }
        sys.charge_row(&sys.normalise).map_err(|m| bad("normalise".into(), m.to_string()))?;
        Ok(sys)
    }

    /// Read a system file.
    pub fn load(path: &Path) -> Result<System, ChemistryError> {
        let text = std::fs::read_to_string(path).map_err(|e| ChemistryError::Io(path.to_path_buf(), e.to_string()))?;
        System::from_str(path, &text)
    }

    /// `mu_Q = sum_i Q_i g_i k_i mu_i` as coefficients, for a combination of charges.
    pub fn charge_row(&self, combination: &str) -> Result<Vec<Q>, ChargeError> {
        let terms = linear_terms(combination).ok_or_else(|| ChargeError::Unreadable(combination.to_string()))?;
        let mut row = vec![Q::zero(); self.species.len()];
        for (c, name) in terms {
            if !self.species.iter().any(|s| s.charges.contains_key(&name)) {
                return Err(ChargeError::NoCarrier(name));
            }
            for (i, s) in self.species.iter().enumerate() {
                let q = s.charges.get(&name).copied().unwrap_or(Q::zero());
                row[i] = row[i] + c * q * s.weight();
            }
        }
        Ok(row)
    }

    /// Remove a fast process by name (for variants); returns whether it existed.
    pub fn without_fast(&self, name: &str) -> Option<System> {
        let mut s = self.clone();
        let before = s.fast.len();
        s.fast.retain(|(n, _)| n != name);
        (s.fast.len() < before).then_some(s)
    }
}

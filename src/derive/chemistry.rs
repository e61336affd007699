//! Chemical equilibrium as exact rational linear algebra (Sec. 4.1, Eqs. 38-44):
//! every fast process of a system sets sum mu_in = sum mu_out (Eq. 39), every
//! constraint fixes a charge density, and the normalising charge has
//! `mu_Q = 6 n_Q / T^2 = sum_i Q_i g_i k_i mu_i` = 1 (Eqs. 38, 40). The systems
//! themselves are input data ([`crate::transcript::chemistry`]).

use crate::cas::rational::{Q, Solution, solve as gauss};
use crate::transcript::chemistry::System;
use std::path::PathBuf;
use thiserror::Error;

/// A system whose equations do not fix every chemical potential exactly once.
#[derive(Debug, Error)]
pub enum EquilibriumError {
    #[error(
        "{file}: the chemical potentials of {species} are not fixed by the fast processes and constraints; add a fast process or a conserved-charge constraint"
    )]
    Underdetermined { file: PathBuf, species: String },
    #[error("{file}: the fast processes and constraints contradict each other (no solution)")]
    Inconsistent { file: PathBuf },
}

/// The solution: mu of every species and of the reported charges, in units of
/// mu of the normalising charge.
#[derive(Clone, Debug)]
pub struct Equilibrium {
    pub normalise: String,
    pub species: Vec<(String, Q)>,
    pub charges: Vec<(String, Q)>,
}

impl Equilibrium {
    pub fn mu(&self, name: &str) -> Option<Q> {
        self.species.iter().chain(&self.charges).find(|(n, _)| n == name).map(|(_, q)| *q)
    }
}

/// Solve for every chemical potential in units of mu of the normalising charge.
pub fn solve(system: &System) -> Result<Equilibrium, EquilibriumError> {
    let n = system.species.len();
    let mut rows: Vec<Vec<Q>> = vec![];
    for (_, c) in &system.fast {
        let mut r = c.clone();
        r.push(Q::zero());
        rows.push(r);
    }
    for (_, ch, v) in &system.constraints {
        let mut r = system.charge_row(ch).expect("validated");
        r.push(*v);
        rows.push(r);
    }
    let mut r = system.charge_row(&system.normalise).expect("validated");
    r.push(Q::int(1));
    rows.push(r);
    match gauss(&rows, n) {
        Solution::Unique(x) => {
            let species: Vec<(String, Q)> = system.species.iter().zip(&x).map(|(s, v)| (s.name.clone(), *v)).collect();
            let charges = system
                .report_charges
                .iter()
                .map(|ch| {
                    let row = system.charge_row(ch).unwrap_or_else(|_| vec![Q::zero(); n]);
                    (ch.clone(), row.iter().zip(&x).fold(Q::zero(), |a, (c, v)| a + *c * *v))
                })
                .collect();
            Ok(Equilibrium { normalise: system.normalise.clone(), species, charges })
        }
        Solution::Underdetermined(free) => Err(EquilibriumError::Underdetermined {
            file: system.file.clone(),
            species: free.iter().map(|i| system.species[*i].name.clone()).collect::<Vec<_>>().join(", "),
        }),
        Solution::Inconsistent => Err(EquilibriumError::Inconsistent { file: system.file.clone() }),
    }
}

//! The wash-out terms of Eq. (49), derived from the general collision terms
//! (Eqs. 85-86) summed over every transfer reaction of Table 2 with its
//! conjugate and reverse reactions.
//!
//! The chemical-potential part of `C_Q = sum_{alpha->beta} Delta Q W(alpha->beta) f_alpha`
//! with `f = (1 + mu_1/T_1 + mu_2/T_2) f^0` and `W = Sigma W / 2` at this order is
//! `sum over distinct ordered reactions of Delta Q (Sigma W/2) (mu_alpha/T_alpha) f^0_alpha`;
//! with `Sigma W = [S_k] s^k` the phase-space integral is `c_k (T_1 T_2)^(k+2)` (Eq. 75).
//! Chemical potentials come from the chemistry solver: a visible species has
//! `mu = a mu_{B-L}`, `mu_{B-L} = 6 n_{B-L}/T^2`; a dark one `mu = a mu_{L_x}`,
//! `mu_{L_x} = 6 n_{L_x}/T_x^2` (Eqs. 41, 43). `W_Q = -(that)`, and
//! `omega^(1)_{QR} = (M_1^2/T^3) dW_Q/dn_R` (k = 1), `omega^(2) = (M_1^4/T^5) dW_Q/dn_R` (k = 2).

use crate::cas::algebra::{int, rat, var};
use crate::cas::couplings::mass;
use crate::cas::symbols::S;
use crate::derive::chemistry::{self, Equilibrium};
use crate::derive::error::DeriveError;
use crate::derive::sources::{Charge, delta_charge, number_coefficient};
use crate::transcript::inputs::{DARK_CHEMISTRY, Inputs, Reaction, VISIBLE_CHEMISTRY};
use crate::transcript::particles::{Field, Particle, Process};
use symbolica::atom::{Atom, AtomCore};

/// Symbols for the charge densities n_{B-L}, n_{L_x}.
pub fn density(q: Charge) -> Atom {
    match q {
        Charge::BMinusL => var(symbolica::symbol!("n_BL")),
        Charge::Lx => var(symbolica::symbol!("n_Lx")),
    }
}

/// The \[S_k\] symbol of a reaction.
pub fn s_symbol(k: u32, r: &Reaction) -> Atom {
    var(symbolica::symbol!(&format!("S{k}_{}", r.symbol)))
}

/// Chemical potentials per unit charge, from the two equilibria.
pub struct Potentials {
    pub visible: Equilibrium,
    pub dark: Equilibrium,
}

fn visible(p: &Particle) -> bool {
    matches!(p.field, Field::Higgs | Field::Lepton)
}

impl Potentials {
    /// Solve the visible and dark chemistry systems of the inputs (Eqs. 41, 43).
    pub fn from_inputs(inputs: &Inputs) -> Result<Potentials, DeriveError> {
        let solve = |rel: &str| -> Result<Equilibrium, DeriveError> { Ok(chemistry::solve(inputs.chemistry(rel)?)?) };
        Ok(Potentials { visible: solve(VISIBLE_CHEMISTRY)?, dark: solve(DARK_CHEMISTRY)? })
    }

    /// mu_i / T_i of a particle, in terms of n_{B-L}, n_{L_x}, T and xi.
    pub fn mu_over_t(&self, p: &Particle) -> Atom {
        let (eq, name, q, t) = if visible(p) {
            let name = match p.field {
                Field::Lepton => "l1",
                _ => "H",
            };
            (&self.visible, name, Charge::BMinusL, var(S.temp))
        } else {
            let name = match p.field {
                Field::Chi => "chi",
                Field::ChiC => "chic",
                Field::Phi => "phi",
                _ => "eta",
            };
            (&self.dark, name, Charge::Lx, var(S.xi) * var(S.temp))
        };
        let a = eq.mu(name).unwrap_or(crate::cas::rational::Q::zero());
        let sign = if p.dagger { -1 } else { 1 };
        int(sign) * rat(a.n as i64, a.d as i64) * int(6) * density(q) / t.pow(int(3))
    }
}

/// Temperature of a particle's sector.
fn temperature(p: &Particle) -> Atom {
    if visible(p) { var(S.temp) } else { var(S.xi) * var(S.temp) }
}

/// The distinct reactions of a family: the reaction, its CP conjugate, and the reverses.
pub fn family(p: &Process) -> Vec<Process> {
    let mut out: Vec<Process> = vec![];
    for q in [*p, p.cp(), p.reverse(), p.reverse().cp()] {
        if !out.contains(&q) {
            out.push(q);
        }
    }
    out
}

/// Number of lepton-flavour choices of a reaction with universal couplings: n_g per lepton.
fn flavour_multiplicity(p: &Process) -> Atom {
    let n = p.initial.iter().chain(&p.fin).filter(|x| x.field == Field::Lepton).count();
    var(S.ng).pow(int(n as i64))
}

/// W_Q (its k-th order part) as an expression linear in n_{B-L}, n_{L_x}.
pub fn washout(reactions: &[Reaction], mu: &Potentials, q: Charge, k: u32) -> Atom {
    let mut total = int(0);
    for r in reactions {
        for p in family(&r.process) {
            let dq = delta_charge(&p, q);
            if dq == 0 {
                continue;
            }
            let mu_alpha = mu.mu_over_t(&p.initial[0]) + mu.mu_over_t(&p.initial[1]);
            let temps = (temperature(&p.initial[0]) * temperature(&p.initial[1])).pow(int(k as i64 + 2));
            total += int(-dq) * rat(1, 2) * s_symbol(k, r) * mu_alpha * number_coefficient(k) * temps * flavour_multiplicity(&p);
        }
    }
    total.expand()
}

/// The matrix omega^(k) (rows Q, columns R in the order B-L, L_x).
pub fn omega(reactions: &[Reaction], mu: &Potentials, k: u32) -> [[Atom; 2]; 2] {
    let charges = [Charge::BMinusL, Charge::Lx];
    let norm = if k == 1 { mass(1).pow(int(2)) / var(S.temp).pow(int(3)) } else { mass(1).pow(int(4)) / var(S.temp).pow(int(5)) };
    let entry = |qi: usize, ri: usize| {
        let w = washout(reactions, mu, charges[qi], k);
        let n = density(charges[ri]);
        let s = match n.as_view() {
            symbolica::atom::AtomView::Var(v) => v.get_symbol(),
            _ => unreachable!("densities are symbols"),
        };
        (w.derivative(s) * norm.clone()).expand()
    };
    [[entry(0, 0), entry(0, 1)], [entry(1, 0), entry(1, 1)]]
}

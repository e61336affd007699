//! Source and energy-transfer terms assembled from the collision integrals of
//! App. A with the temperature of each initial state (visible sector at T, dark
//! sector at T_x = xi T).
//!
//! Source of a charge Q (Eqs. 45-48, 85-87): linearising `sum W(alpha->beta) f_alpha`
//! in the asymmetries, every ordered transfer reaction alpha -> beta and its CP
//! conjugate contribute together, so
//! `S_Q = 1/2 sum_{alpha, beta} Delta Q(alpha->beta) int dPi dPi Delta W(alpha->beta) f_alpha`,
//! the sum running over all two-particle states connected by Table 2 reactions
//! (reverse and conjugate reactions included). With `Delta W = [D2] s^2` the
//! phase-space integral is the k = 2 closed form of Eq. (75), `c_2 T_alpha^8`.

use crate::cas::algebra::{int, rat, var};
use crate::cas::couplings::Setup;
use crate::cas::symbols::S;
use crate::derive::asymmetry::d2_letters;
use crate::derive::couplings::{substitute_letters, transfer_states};
use crate::transcript::particles::{Field, Process, State};
use symbolica::atom::{Atom, AtomCore};

/// The charges whose Boltzmann equations the paper writes (Eq. 45).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    BMinusL,
    Lx,
}

/// Change of a charge in a reaction, from Table 1 (B - L = -L for these fields).
pub fn delta_charge(p: &Process, q: Charge) -> i64 {
    let sum = |s: &State, f: &dyn Fn(crate::transcript::particles::Particle) -> i64| s.iter().map(|x| f(*x)).sum::<i64>();
    let twice = match q {
        Charge::BMinusL => -(sum(&p.fin, &|x| x.twice_l()) - sum(&p.initial, &|x| x.twice_l())),
        Charge::Lx => sum(&p.fin, &|x| x.twice_lx()) - sum(&p.initial, &|x| x.twice_lx()),
    };
    twice / 2
}

fn factorial(n: u32) -> i64 {
    (1..=n as i64).product()
}

/// Coefficient of Eq. (75) without (2 pi)^4: `int dPi dPi s^k f1 f2 = c_k (T1 T2)^(k+2)`,
/// `c_k = k! (k+1)! 2^(2k) / (16 pi^4)`.
pub fn number_coefficient(k: u32) -> Atom {
    rat(factorial(k) * factorial(k + 1) * (1i64 << (2 * k)), 16) / var(S.pi).pow(int(4))
}

/// Coefficient of Eq. (77): `int dPi dPi s^k (E1+E2) f1 f2 = e_k T^(2k+5)`.
pub fn energy_coefficient(k: u32) -> Atom {
    rat(factorial(k) * factorial(k + 2) * (1i64 << (2 * k + 1)), 16) / var(S.pi).pow(int(4))
}

/// Whether a state belongs to the visible sector.
pub fn visible(s: &State) -> bool {
    s.iter().all(|p| matches!(p.field, Field::Higgs | Field::Lepton))
}

/// Temperature of a two-particle state of one sector: T or xi T.
pub fn temperature(s: &State) -> Atom {
    if visible(s) { var(S.temp) } else { var(S.xi) * var(S.temp) }
}

/// The source term S_Q in couplings (universal couplings, two heavy neutrinos).
pub fn source(q: Charge, setup: &Setup) -> Atom {
    substitute_letters(&source_letters(q, setup), setup).expand()
}

/// The source term S_Q in the letters of Eq. (78).
pub fn source_letters(q: Charge, setup: &Setup) -> Atom {
    let states = transfer_states(setup);
    let mut total = int(0);
    for (alpha, ma) in &states {
        for (beta, mb) in &states {
            if alpha == beta {
                continue;
            }
            let p = Process::new(*alpha, *beta);
            let dq = delta_charge(&p, q);
            if dq == 0 {
                continue;
            }
            let d2 = d2_letters(&p, setup);
            total += rat(dq, 2) * ma.clone() * mb.clone() * d2 * number_coefficient(2) * temperature(alpha).pow(int(8));
        }
    }
    crate::derive::asymmetry::symmetrise_a(&total).expand()
}

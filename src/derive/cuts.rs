//! Absorptive parts of the one-loop amplitudes by Cutkosky cuts, and the
//! asymmetric squared matrix elements of Eq. (16) and App. B (Eqs. 79-82) built
//! from them, with no input from the paper beyond the Lagrangian of Eq. (2).
//!
//! # Formula
//!
//! With `M = sum_x K_x P0_x + sum_{y,z} K_y K_z P1_yz + ...` (Eq. 15: coupling
//! sums `K` times kinematic parts), the leading asymmetry is (Eq. 16)
//! `|Delta M|^2 = -4 sum Im(conj(K_x) K_y K_z) Im(conj(P0_x) P1_yz)`, summed over
//! spins and SU(2)_L components. The absorptive part of the loop comes from the
//! two-particle cut (unitarity at this order, real couplings stripped):
//! `A1_yz = (1/2) sum_gamma S_gamma int dPhi_gamma P(alpha -> gamma)_y P(gamma -> beta)_z`,
//! the intermediate state `gamma` summed over every two-particle state that both
//! tree amplitudes allow (found from the vertices, not listed), over its spins,
//! SU(2)_L components and lepton flavour `k`, and integrated over its solid
//! angle (azimuth and polar angle). Writing the loop kinematic part as a real
//! loop function times a spinor structure, `sum Im(conj(P0) P1) = sum conj(P0) A1`
//! (the spin sum of two structures is real for 2 -> 2; checked, not assumed).
//!
//! # Conventions
//!
//! Tree amplitudes from [`crate::derive::tree`] (`M = -K R`: two vertices `-i c`
//! and the propagator `i (...)`), the intermediate legs with the spinors of
//! [`crate::derive::spinors::cut_leg`]; the external reaction in the
//! centre-of-mass frame of [`crate::derive::spinors`]. Flavour labels: the
//! external leptons in leg order `i` (0), `j` (1); the intermediate leptons `k` (2), `m` (3).
//! The sign convention is fixed by the optical theorem (forward elastic
//! scattering: `A1 = (1/2) sum int |M(alpha -> gamma)|^2 >= 0`, tested).

use crate::cas::algebra::{conj, int, var};
use crate::cas::couplings::{Flavour, FlavourMode, Letter, Setup};
use crate::cas::symbols::S;
use crate::derive::couplings::TreeCoupling;
use crate::derive::error::DeriveError;
use crate::derive::model::Yukawa;
use crate::derive::phase_space::{integrate_polynomial, measure_per_solid_angle};
use crate::derive::spinors::{azimuthal_average, cut_cos, cut_cos_half, cut_leg, cut_sin_half, to_cos, to_cos_sin_in};
use crate::derive::tree::{Config, CouplingSum, FlavourLabels, Kinematics, amplitudes_in, diagrams};
use crate::transcript::particles::{Field, Particle, Process, State};
use std::collections::BTreeMap;
use std::rc::Rc;
use symbolica::atom::{Atom, AtomCore};

/// One term of `|Delta M|^2`: `kinematics x Im(conj(K_tree) K_first K_second)`.
#[derive(Clone, Debug)]
pub struct CutTerm {
    /// The tree coupling sum (Eq. 15's c0).
    pub tree: CouplingSum,
    /// The coupling sums of `alpha -> gamma` and `gamma -> beta` (c1 = their product).
    pub first: CouplingSum,
    pub second: CouplingSum,
    /// The intermediate state (its lepton carries the label k).
    pub intermediate: State,
    /// The factor multiplying `Im(conj(K_tree) K_first K_second)`: a polynomial
    /// in `s` and `cos theta` (the external scattering angle).
    pub kinematics: Atom,
    /// `kinematics` in `s` and `t` (`cos theta = 1 + 2 t/s`), expanded.
    pub in_s_t: Atom,
    /// The power of s of `in_s_t` (homogeneous in s, t; -1 if it is not homogeneous of power 0-5).
    pub order: i64,
}

/// A kinematic factor in `s` and `t` (`cos theta = 1 + 2 t/s`), expanded, and its power of s.
fn in_s_t(kinematics: &Atom) -> (Atom, i64) {
    use crate::cas::algebra::subs;
    let kin = subs(kinematics, &var(S.cos_theta), &(int(1) + int(2) * var(S.t) / var(S.s))).expand();
    // the power of s: kinematics is homogeneous in s, t
    let scaled = subs(&subs(&kin, &var(S.s), &int(2)), &var(S.t), &int(2));
    let unit = subs(&subs(&kin, &var(S.s), &int(1)), &var(S.t), &int(1));
    let order = (0..6).find(|n| (scaled.clone() - unit.clone() * int(1 << n)).expand().is_zero()).unwrap_or(-1);
    (kin, order)
}

/// The cut construction of one reaction.
#[derive(Clone, Debug)]
pub struct Cuts {
    pub process: Process,
    /// The intermediate states that contribute (both trees exist).
    pub intermediate: Vec<State>,
    pub terms: Vec<CutTerm>,
}

/// Every particle that can appear in an intermediate state: the fields of the
/// N_a vertices of Eq. (2), particles and antiparticles.
fn candidates() -> Vec<Particle> {
    let mut out = vec![];
    for f in [Field::Lepton, Field::Higgs, Field::Chi, Field::Phi] {
        let p = if f == Field::Lepton { Particle::lepton(Flavour::Universal) } else { Particle::new(f) };
        out.push(p);
        out.push(p.bar());
    }
    out
}

/// The two-particle states `gamma` with tree amplitudes `alpha -> gamma` and
/// `gamma -> beta` (unordered pairs of the fields of Eq. 2).
pub fn intermediate_states(p: &Process) -> Vec<State> {
    let c = candidates();
    let mut out = vec![];
    for (n, a) in c.iter().enumerate() {
        for b in &c[n..] {
            let g = [*a, *b];
            if !diagrams(&Process::new(p.initial, g)).is_empty() && !diagrams(&Process::new(g, p.fin)).is_empty() {
                out.push(g);
            }
        }
    }
    out
}

/// The flavour labels of the external leptons of a reaction, in leg order:
/// the first lepton is `i` (0), the second `j` (1).
fn external_labels(p: &Process) -> FlavourLabels {
    let mut out = [None; 4];
    let mut next = 0u8;
    for (k, x) in p.initial.iter().chain(p.fin.iter()).enumerate() {
        if x.field == Field::Lepton {
            out[k] = Some(next);
            next += 1;
        }
    }
    out
}

/// The labels of an intermediate state's leptons: `k` (2), then `m` (3).
fn intermediate_labels(g: &State) -> [Option<u8>; 2] {
    let mut out = [None; 2];
    let mut next = 2u8;
    for (k, x) in g.iter().enumerate() {
        if x.field == Field::Lepton {
            out[k] = Some(next);
            next += 1;
        }
    }
    out
}

/// Index key of a configuration restricted to some legs.
fn key(c: &Config, legs: [usize; 2]) -> [Option<usize>; 2] {
    [c.index[legs[0]], c.index[legs[1]]]
}

/// The cut construction of a reaction: every term of `|Delta M|^2` at leading order.
///
/// # Errors
/// A reaction without a tree amplitude, a cut that is not polynomial in the
/// intermediate angles, or a spin sum `conj(P0) A1` with an imaginary part.
/// The absorptive part `A1_yz` of the one-loop amplitude of a reaction, for
/// every external SU(2)_L configuration (indices of legs 0-3), pair of coupling
/// sums and intermediate state (an index into [`intermediate_states`]): a
/// function of `s` and the external half angles.
pub type Absorptive = BTreeMap<([Option<usize>; 4], CouplingSum, CouplingSum, usize), Atom>;

/// The absorptive parts of the one-loop amplitude of a reaction from the
/// two-particle cuts (see the module doc).
///
/// # Errors
/// As [`cuts`].
pub fn absorptive(p: &Process) -> Result<(Vec<State>, Absorptive), DeriveError> {
    let what = format!("cuts of {p}");
    let err = |m: String| DeriveError::structure(what.clone(), m);
    let ext = external_labels(p);
    let cm = Kinematics::centre_of_mass();
    let (q1, z1) = cut_leg(true);
    let (q2, z2) = cut_leg(false);
    let states = intermediate_states(p);
    // sum over gamma of (1/2) S_gamma int dPhi P(alpha -> gamma) P(gamma -> beta), by external configuration
    let mut absorptive: Absorptive = BTreeMap::new();
    for (g_index, g) in states.iter().enumerate() {
        let first = Process::new(p.initial, *g);
        let second = Process::new(*g, p.fin);
        let k1 = Kinematics {
            momenta: [cm.momenta[0].clone(), cm.momenta[1].clone(), q1.clone(), q2.clone()],
            spinors: [cm.spinors[0].clone(), cm.spinors[1].clone(), z1.clone(), z2.clone()],
        };
        let k2 = Kinematics {
            momenta: [q1.clone(), q2.clone(), cm.momenta[2].clone(), cm.momenta[3].clone()],
            spinors: [z1.clone(), z2.clone(), cm.spinors[2].clone(), cm.spinors[3].clone()],
        };
        let gl = intermediate_labels(g);
        let a1 = cut_amplitudes(&first, &k1, [ext[0], ext[1], gl[0], gl[1]], CutSide::Before)?;
        let a2 = cut_amplitudes(&second, &k2, [gl[0], gl[1], ext[2], ext[3]], CutSide::After)?;
        // S_gamma: 1/2 for identical intermediate particles
        let s_gamma = if g[0] == g[1] { crate::cas::rational::Q::new(1, 2) } else { crate::cas::rational::Q::int(1) };
        let mut integrand: BTreeMap<([Option<usize>; 4], CouplingSum, CouplingSum), Atom> = BTreeMap::new();
        for c1 in a1.iter() {
            for c2 in a2.iter() {
                if key(c1, [2, 3]) != key(c2, [0, 1]) {
                    continue;
                }
                let ext = [c1.index[0], c1.index[1], c2.index[2], c2.index[3]];
                for (y, ry) in &c1.terms {
                    for (z, rz) in &c2.terms {
                        let e = integrand.entry((ext, *y, *z)).or_insert_with(|| int(0));
                        *e = e.clone() + ry.clone() * rz.clone();
                    }
                }
            }
        }
        for ((ext, y, z), f) in integrand {
            let avg = azimuthal_average(&f);
            let (even, odd) = to_cos_sin_in(&avg, cut_cos_half(), cut_sin_half(), cut_cos())?;
            let integrate = |e: &Atom| integrate_polynomial(e, cut_cos(), &int(-1), &int(1));
            // int dOmega' = 2 pi int dcos(theta') of the azimuthal average; a sin(theta') part would not be
            // polynomial in cos(theta') and does not arise: required to vanish
            if !odd.is_zero() {
                return Err(err(format!("a sin(theta') part survives the cut through {} {}: {odd}", g[0], g[1])));
            }
            let polar = integrate(&even).ok_or_else(|| err(format!("the cut through {} {} is not polynomial", g[0], g[1])))?;
            let q = int(s_gamma.n as i64) / int(s_gamma.d as i64);
            let value = (q * measure_per_solid_angle() * int(2) * var(S.pi) * polar / int(2)).expand();
            if !value.is_zero() {
                absorptive.insert((ext, y, z, g_index), value);
            }
        }
    }
    Ok((states, absorptive))
}

/// Which side of a two-particle cut a tree amplitude is on: the cut legs are
/// its outgoing (`Before`) or its incoming (`After`) pair, and with them its
/// kinematics are fixed ([`cut_leg`] and the centre-of-mass frame).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum CutSide {
    Before,
    After,
}

/// The tree amplitudes of one side of a cut ([`amplitudes_in`] at leading
/// order), memoised per thread: the reactions of one initial (final) state
/// share the amplitudes into (out of) each intermediate state. `kin` must be
/// the kinematics of `side` (the key holds the side, not the kinematics).
fn cut_amplitudes(p: &Process, kin: &Kinematics, labels: FlavourLabels, side: CutSide) -> Result<Rc<Vec<Config>>, DeriveError> {
    thread_local! {
        static TABLE: crate::cas::memo::Table<(Process, FlavourLabels, CutSide), Rc<Vec<Config>>> = Default::default();
    }
    crate::cas::memo::try_get_or_insert(&TABLE, (*p, labels, side), None, || amplitudes_in(p, kin, &labels, 0).map(Rc::new))
}

pub fn cuts(p: &Process) -> Result<Cuts, DeriveError> {
    let what = format!("cuts of {p}");
    let err = |m: String| DeriveError::structure(what.clone(), m);
    let (states, absorptive) = absorptive(p)?;
    let tree = amplitudes_in(p, &Kinematics::centre_of_mass(), &external_labels(p), 0)?;
    // |Delta M|^2 = -4 sum Im(conj K_x K_y K_z) sum_config conj(P0_x) A1_yz with P0 = -R
    let mut kin: BTreeMap<(CouplingSum, CouplingSum, CouplingSum, usize), Atom> = BTreeMap::new();
    for config in &tree {
        for (x, rx) in &config.terms {
            for ((ext, y, z, g), a) in &absorptive {
                if *ext != config.index {
                    continue;
                }
                let e = kin.entry((*x, *y, *z, *g)).or_insert_with(|| int(0));
                *e = e.clone() + int(-4) * int(-1) * conj(rx) * a.clone();
            }
        }
    }
    let mut terms = vec![];
    for ((x, y, z, g), k) in kin {
        let k = k.expand();
        let imaginary = crate::cas::algebra::im(&k);
        if !imaginary.is_zero() {
            return Err(err(format!("the spin sum conj(P0) A1 has an imaginary part {imaginary}")));
        }
        let k = to_cos(&k)?;
        if !k.is_zero() {
            let (in_s_t, order) = in_s_t(&k);
            terms.push(CutTerm { tree: x, first: y, second: z, intermediate: states[g], kinematics: k, in_s_t, order });
        }
    }
    let used: Vec<State> = states.iter().copied().filter(|s| terms.iter().any(|t| t.intermediate == *s)).collect();
    Ok(Cuts { process: *p, intermediate: used, terms })
}

/// The letter of Eq. (78) a coupling sum is, if any, with its flavours.
pub fn letter(k: &CouplingSum, flavours: &[Flavour]) -> Option<TreeCoupling> {
    use Yukawa::*;
    let [a, b] = k.couplings;
    let f = |c: &crate::derive::tree::VertexCoupling| c.flavour.map(|l| flavours[(l as usize).min(flavours.len() - 1)]);
    let (letter, conjugated, fl) = match (a.yukawa, b.yukawa, k.inverse_mass_power) {
        (Lepton, Lepton, 1) if a.conjugated == b.conjugated => (Letter::A, a.conjugated, [f(&a), f(&b)]),
        (Dark, Dark, 1) if a.conjugated == b.conjugated => (Letter::B, a.conjugated, [None, None]),
        (Lepton, Dark, 1) if a.conjugated == b.conjugated => (Letter::C, a.conjugated, [f(&a), None]),
        (Lepton, Dark, 2) if a.conjugated != b.conjugated => (Letter::D, a.conjugated, [f(&a), None]),
        _ => return None,
    };
    Some(TreeCoupling { letter, conjugated, flavours: fl })
}

/// A coupling sum as a letter atom where it is one, else as explicit couplings.
fn letter_or_sum(k: &CouplingSum, flavours: &[Flavour], setup: &Setup) -> Atom {
    match letter(k, flavours) {
        Some(t) => t.atom(),
        None => k.atom(setup, flavours),
    }
}

/// [`letter_or_sum`] for the four flavour labels of a cut term, conjugated or
/// not, memoised per thread (the same coupling sums recur in every reaction
/// between the transfer states; the result depends on the setup only through
/// the number of heavy neutrinos).
fn letter_or_sum_memo(k: &CouplingSum, flavours: [Flavour; 4], setup: &Setup, conjugate: bool) -> Atom {
    thread_local! {
        static TABLE: crate::cas::memo::Table<(CouplingSum, [Flavour; 4], usize, bool), Atom> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, (*k, flavours, setup.n_heavy, conjugate), None, || {
        let a = letter_or_sum(k, &flavours, setup);
        if conjugate { conj(&a) } else { a }
    })
}

/// One term of `|Delta M|^2` in letters: `kinematics x Im(bracket)`.
#[derive(Clone, Debug)]
pub struct LetterTerm {
    /// A polynomial in `s` and `t` (`cos theta = 1 + 2 t/s`).
    pub kinematics: Atom,
    /// `conj(L_tree) L_first L_second` in the letters of Eq. (78) (explicit
    /// coupling sums where a sum is not one of them), times its flavour multiplicity.
    pub bracket: Atom,
    /// The power of s of the term (2 at leading order of \[D2\]).
    pub order: i64,
}

/// The terms of `|Delta M|^2` of a reaction in the letters of Eq. (78), with the
/// external flavours `i`, `j` (the reaction's leptons in leg order) and the
/// intermediate flavours `k`, `m` summed over the flavours of `setup` (`n_g`
/// for universal couplings).
pub fn letter_terms(cuts: &Cuts, external: [Flavour; 2], setup: &Setup) -> Vec<LetterTerm> {
    let mut out = vec![];
    for term in &cuts.terms {
        let has = |l: u8| [term.tree, term.first, term.second].iter().any(|k| k.couplings.iter().any(|v| v.flavour == Some(l)));
        let sum =
            |present: bool| -> Vec<(Flavour, Atom)> { if present { setup.flavour_sum() } else { vec![(Flavour::Universal, int(1))] } };
        let mut bracket = int(0);
        for (k, mk) in sum(has(2)) {
            for (m, mm) in sum(has(3)) {
                let fl = [external[0], external[1], k, m];
                let of = |k: &CouplingSum, conjugate: bool| letter_or_sum_memo(k, fl, setup, conjugate);
                bracket += mk.clone() * mm * of(&term.tree, true) * of(&term.first, false) * of(&term.second, false);
            }
        }
        out.push(LetterTerm { kinematics: term.in_s_t.clone(), bracket, order: term.order });
    }
    out
}

/// `|Delta M|^2` of a reaction in letters: the sum of [`letter_terms`] of power `order` of s.
pub fn squared_in_letters(cuts: &Cuts, external: [Flavour; 2], setup: &Setup, order: i64) -> Atom {
    letter_terms(cuts, external, setup)
        .into_iter()
        .filter(|t| t.order == order)
        .fold(int(0), |acc, t| acc + t.kinematics * crate::cas::algebra::im(&t.bracket))
        .expand()
}

/// Eq. (16) from Eq. (15): with `M = c0 P0 + c1 P1` and the conjugate process
/// `Mbar = c0^* P0 + c1^* P1`, the part of `|M|^2 - |Mbar|^2` of first order in
/// the loop (`c1 P1`), for complex `c0, c1, P0, P1` written as real and imaginary
/// parts (real symbols `<name>_re`, `<name>_im`).
pub fn eq16_leading_asymmetry() -> Atom {
    let i = crate::cas::algebra::imag_unit();
    let z = |n: &str| var(symbolica::symbol!(&format!("{n}_re"))) + i.clone() * var(symbolica::symbol!(&format!("{n}_im")));
    let (c0, c1, p0, p1) = (z("c0"), z("c1"), z("P0"), z("P1"));
    let m = c0.clone() * p0.clone() + c1.clone() * p1.clone();
    let mbar = conj(&c0) * p0 + conj(&c1) * p1;
    let delta = (m.clone() * conj(&m) - mbar.clone() * conj(&mbar)).expand();
    // keep the terms linear in the loop couplings c1 (drop |c1 P1|^2)
    let (r, im) = (symbolica::symbol!("c1_re"), symbolica::symbol!("c1_im"));
    let mut out = int(0);
    for t in delta.terms() {
        let deg: i64 = [r, im]
            .iter()
            .map(|s| {
                let o = t.to_owned();
                (0..3).rev().find(|n| *n == 0 || !o.coefficient(var(*s).pow(int(*n))).is_zero()).unwrap_or(0)
            })
            .sum();
        if deg == 1 {
            out += t.to_owned();
        }
    }
    out.expand()
}

/// Whether a setup uses explicit flavours.
pub fn explicit(setup: &Setup) -> bool {
    matches!(setup.flavours, FlavourMode::Explicit(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cas::eval::{Values, eval};
    use crate::transcript::particles::parse_process;
    use num_complex::Complex64;

    fn couplings() -> Values {
        let mut v = Values::new();
        // a small LCG in [-1, 1) (the sampling helpers live in a layer above)
        let mut state = 0xC0FFEEu64;
        let mut r = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        };
        for a in 1..=2 {
            for i in 1..=3 {
                v.set(&format!("y({i},{a})"), Complex64::new(r(), r()));
            }
            v.set(&format!("lam({a})"), Complex64::new(r(), r()));
            v.set(&format!("M({a})"), Complex64::new(1.5 + r(), 0.0));
        }
        v.set("s", Complex64::new(1.3, 0.0));
        v
    }

    /// The cut constructions whose tree amplitudes come from the per-thread
    /// memo (filled by the reactions before) are those built from fresh ones:
    /// a key that forgot the side of the cut, a label or the reaction would
    /// hand one reaction's amplitudes to another.
    #[test]
    fn shared_cut_amplitudes_give_the_fresh_constructions() {
        let reactions = [
            "l H -> l^dag H^dag",
            "l H -> chi phi",
            "l H -> chi^dag phi^dag",
            "chi phi -> chi^dag phi^dag",
            "chi phi -> l^dag H^dag",
            "l^dag H^dag -> chi phi",
            "l l -> H^dag H^dag",
        ];
        let fresh: Vec<String> = reactions
            .iter()
            .map(|r| {
                crate::cas::memo::forget();
                format!("{:?}", cuts(&parse_process(r).unwrap()).map(|c| c.terms))
            })
            .collect();
        crate::cas::memo::forget();
        for (r, want) in reactions.iter().zip(&fresh) {
            assert_eq!(&format!("{:?}", cuts(&parse_process(r).unwrap()).map(|c| c.terms)), want, "{r}");
        }
    }

    /// The memoised letters of a coupling sum are the direct ones, for setups
    /// that differ in the number of heavy neutrinos and in flavours, asked in
    /// turn (a key that forgot the setup would hand one setup's sums to another).
    #[test]
    fn memoised_letters_are_the_direct_ones() {
        let setups = [Setup::PAPER, Setup::flavoured(2, 3), Setup::flavoured(3, 3), Setup { n_heavy: 3, ..Setup::PAPER }];
        for reaction in ["l H -> l^dag H^dag", "l H -> chi phi", "chi phi -> chi^dag phi^dag"] {
            let c = cuts(&parse_process(reaction).unwrap()).unwrap();
            for _ in 0..2 {
                for setup in &setups {
                    let f = if explicit(setup) { [1, 2, 3, 1].map(Flavour::Index) } else { [Flavour::Universal; 4] };
                    for term in &c.terms {
                        for k in [term.tree, term.first, term.second] {
                            for conjugate in [false, true] {
                                let direct = letter_or_sum(&k, &f, setup);
                                let direct = if conjugate { conj(&direct) } else { direct };
                                assert_eq!(letter_or_sum_memo(&k, f, setup, conjugate), direct, "{reaction} {setup:?} {k:?}");
                            }
                        }
                    }
                }
            }
            // each term's kinematics in s, t is homogeneous of its power of s
            for term in &c.terms {
                let (kin, order) = (&term.in_s_t, term.order);
                assert!(order >= 0, "{reaction}: {kin}");
                let scaled = crate::cas::algebra::subs(
                    &crate::cas::algebra::subs(kin, &var(S.s), &(int(3) * var(S.s))),
                    &var(S.t),
                    &(int(3) * var(S.t)),
                );
                assert!(crate::cas::algebra::is_zero(&(scaled - kin.clone() * int(3i64.pow(order as u32)))));
            }
        }
    }

    /// The sign convention from a physical check: for forward elastic
    /// scattering the absorptive part is Im M(alpha -> alpha) =
    /// (1/2) sum_gamma W(alpha -> gamma) >= 0 (the optical theorem), with the
    /// right-hand side from the tree kernels of Eq. (11) (no cut code).
    #[test]
    fn optical_theorem_forward_elastic() {
        let setup = Setup::flavoured(2, 3);
        let vals = couplings();
        for reaction in ["l H -> l H", "chi phi -> chi phi", "l^dag H^dag -> l^dag H^dag"] {
            let p = parse_process(reaction).unwrap();
            let (states, a) = absorptive(&p).unwrap();
            let forward = |e: &Atom| {
                let e = crate::cas::algebra::subs(e, &var(crate::derive::spinors::cos_half()), &int(1));
                crate::cas::algebra::subs(&e, &var(crate::derive::spinors::sin_half()), &int(0))
            };
            let mut lhs = Complex64::new(0.0, 0.0);
            for ((ext, y, z, _), value) in &a {
                if ext[0] != ext[2] || ext[1] != ext[3] {
                    continue;
                }
                for k in 1..=3 {
                    let fl = [Flavour::Index(1), Flavour::Index(1), Flavour::Index(k)];
                    let e = forward(value) * y.atom(&setup, &fl) * z.atom(&setup, &fl);
                    lhs += eval(&e.expand(), &vals).unwrap();
                }
            }
            let mut rhs = Complex64::new(0.0, 0.0);
            for g in &states {
                let w = crate::derive::kernels::kernel_to_order(&Process::new(p.initial, *g), 0).unwrap();
                for ((x, y), f) in w {
                    for k in 1..=3 {
                        // the kernel labels the first lepton leg 0: the initial lepton if any, else gamma's
                        let has_lepton = p.initial.iter().any(|q| q.field == Field::Lepton);
                        let fl = if has_lepton { [Flavour::Index(1), Flavour::Index(k)] } else { [Flavour::Index(k), Flavour::Index(k)] };
                        let e = f.clone() * x.atom(&setup, &fl) * conj(&y.atom(&setup, &fl));
                        rhs += eval(&e.expand(), &vals).unwrap() / 2.0;
                    }
                }
            }
            assert!(rhs.re > 0.0 && rhs.im.abs() < 1e-12 * rhs.re, "{reaction}: rates {rhs}");
            assert!((lhs - rhs).norm() < 1e-10 * rhs.re, "{reaction}: Im M_forward = {lhs}, (1/2) sum W = {rhs}");
        }
    }
}

//! Tree-level coupling products of heavy-neutrino exchange: the products
//! A, B, C, D of Eq. (78), derived from the vertices of Eq. (2) and the
//! low-energy expansion of the N_a propagator.
//!
//! A tree amplitude `1 2 -> 3 4` by N_a exchange in a channel pairs the four legs
//! into two vertices ([`crate::derive::model::vertex_for`]). If both vertices carry N (or
//! both N^dagger) the Weyl propagator is the mass insertion `M_a / (M_a^2 - s)`,
//! whose leading term is `M_a / M_a^2`; an N-N^dagger line is the momentum
//! propagator `sigma.p / (M_a^2 - s)`, leading term `1 / M_a^2` (times momentum).

use crate::cas::algebra::{conj, int, var};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::{Letter, Setup, lambda, letter_atom, mass, y};
use crate::cas::symbols::S;
use crate::derive::model::{Leg, Vertex, Yukawa, vertex_for};
use crate::transcript::particles::{Field, Particle, Process, State};
use crate::transcript::vocabulary::LetterMeaning;
use symbolica::atom::{Atom, AtomCore};

/// A tree-level coupling product: a letter of Eq. (78), possibly conjugated,
/// with its lepton flavours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeCoupling {
    pub letter: Letter,
    pub conjugated: bool,
    pub flavours: [Option<Flavour>; 2],
}

/// The two vertices and the propagator of one exchange channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exchange {
    pub left: Vertex,
    pub right: Vertex,
    /// Mass insertion (N-N or N^dag-N^dag) rather than momentum propagator.
    pub mass_insertion: bool,
}

/// Exchange channels of a 2 -> 2 reaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    S,
    T,
    U,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::S, Channel::T, Channel::U];
    /// The pairing of legs (initial 0, 1; final 2, 3) into the two vertices.
    fn legs(self, p: &Process) -> [[Leg; 2]; 2] {
        let i = |k: usize| Leg { particle: p.initial[k], incoming: true };
        let f = |k: usize| Leg { particle: p.fin[k], incoming: false };
        match self {
            Channel::S => [[i(0), i(1)], [f(0), f(1)]],
            Channel::T => [[i(0), f(0)], [i(1), f(1)]],
            Channel::U => [[i(0), f(1)], [i(1), f(0)]],
        }
    }
}

/// The heavy-neutrino exchange in a channel, if the legs attach to Eq. (2) vertices.
pub fn exchange(p: &Process, ch: Channel) -> Option<Exchange> {
    let [l, r] = ch.legs(p);
    let left = vertex_for(l)?;
    let right = vertex_for(r)?;
    Some(Exchange { left, right, mass_insertion: left.hc == right.hc })
}

impl Exchange {
    /// The coupling product `sum_a c_left c_right P_a` with the leading term
    /// of the propagator, `M_a/M_a^2` or `1/M_a^2` (see the module doc).
    pub fn couplings(&self, setup: &Setup) -> Atom {
        let mut sum = int(0);
        for a in 1..=setup.n_heavy as i64 {
            let c = |v: &Vertex| {
                let c = match v.yukawa {
                    Yukawa::Lepton => y(v.flavour.expect("lepton vertex has a flavour"), a),
                    Yukawa::Dark => lambda(a),
                };
                if v.hc { conj(&c) } else { c }
            };
            let prop = leading_propagator(a, self.mass_insertion);
            sum += c(&self.left) * c(&self.right) * prop;
        }
        sum
    }

    /// Identify the exchange as one of the products of Eq. (78) (or none: the
    /// L- and L_x-conserving lH -> lH and chi phi -> chi phi exchanges are not
    /// transfer reactions of Table 2).
    pub fn letter(&self) -> Option<TreeCoupling> {
        use Yukawa::*;
        let (l, r) = (self.left, self.right);
        let fl = |v: &Vertex| v.flavour;
        match (l.yukawa, r.yukawa, self.mass_insertion) {
            (Lepton, Lepton, true) => Some(TreeCoupling { letter: Letter::A, conjugated: l.hc, flavours: [fl(&l), fl(&r)] }),
            (Dark, Dark, true) => Some(TreeCoupling { letter: Letter::B, conjugated: l.hc, flavours: [None, None] }),
            (Lepton, Dark, true) => Some(TreeCoupling { letter: Letter::C, conjugated: l.hc, flavours: [fl(&l), None] }),
            (Dark, Lepton, true) => Some(TreeCoupling { letter: Letter::C, conjugated: l.hc, flavours: [fl(&r), None] }),
            // D_i = sum y_ia lambda_a^* / M_a^2: the lepton vertex undaggered
            (Lepton, Dark, false) => Some(TreeCoupling { letter: Letter::D, conjugated: l.hc, flavours: [fl(&l), None] }),
            (Dark, Lepton, false) => Some(TreeCoupling { letter: Letter::D, conjugated: r.hc, flavours: [fl(&r), None] }),
            _ => None,
        }
    }
}

/// Leading low-energy term of the N_a propagator, obtained by a series
/// expansion in s of `M_a/(M_a^2 - s)` (mass insertion) or `1/(M_a^2 - s)`.
pub fn leading_propagator(a: i64, mass_insertion: bool) -> Atom {
    let m = mass(a);
    let num = if mass_insertion { m.clone() } else { int(1) };
    let full = num / (m.clone().pow(int(2)) - var(S.s));
    let series = full.series(S.s, 0, 0).expect("propagator is regular at s = 0");
    series.to_atom().expand()
}

impl TreeCoupling {
    /// The letter as an opaque complex atom: `A(i,j)`, `B`, `C(i)`, `D(i)` (or
    /// conjugates); universal letters carry no flavour arguments.
    pub fn atom(&self) -> Atom {
        let (sym, sym_b) = match self.letter {
            Letter::A => (S.la, S.lab),
            Letter::B => (S.lb, S.lbb),
            Letter::C => (S.lc, S.lcb),
            Letter::D => (S.ld, S.ldb),
        };
        let s = if self.conjugated { sym_b } else { sym };
        letter_atom(s, &self.flavours)
    }
}

/// The definition of a letter in terms of couplings (Eq. 78 as derived):
/// the coupling product of a reaction that carries it.
///
/// Memoised per thread: the letters recur in every expression that is rewritten
/// in couplings, and each definition derives a tree amplitude.
pub fn letter_definition(letter: Letter, flavours: [Option<Flavour>; 2], setup: &Setup) -> Atom {
    thread_local! {
        static TABLE: crate::cas::memo::Table<(Letter, [Option<Flavour>; 2], Setup), Atom> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, (letter, flavours, *setup), None, || derive_letter_definition(letter, flavours, setup))
}

/// [`letter_definition`], derived.
fn derive_letter_definition(letter: Letter, flavours: [Option<Flavour>; 2], setup: &Setup) -> Atom {
    let l = |f: Option<Flavour>| Particle::lepton(f.unwrap_or(Flavour::Universal));
    let h = Particle::new(Field::Higgs);
    let (chi, phi) = (Particle::new(Field::Chi), Particle::new(Field::Phi));
    let p = match letter {
        Letter::A => Process::new([l(flavours[0]), h], [l(flavours[1]).bar(), h.bar()]),
        Letter::B => Process::new([chi, phi], [chi.bar(), phi.bar()]),
        Letter::C => Process::new([l(flavours[0]), h], [chi.bar(), phi.bar()]),
        Letter::D => Process::new([l(flavours[0]), h], [chi, phi]),
    };
    exchange(&p, Channel::S).expect("defining reactions have an s-channel").couplings(setup)
}

/// Replace every letter atom (A(i,j), Ab(i,j), B, ..., D(i), Db(i)) in an
/// expression by its coupling definition.
pub fn substitute_letters(e: &Atom, setup: &Setup) -> Atom {
    use symbolica::atom::AtomView;
    /// A letter's definition (or its conjugate), derived once per call for each letter and flavours.
    type Memo = std::collections::HashMap<(Letter, [Option<Flavour>; 2], bool), Atom>;
    fn walk(v: AtomView<'_>, setup: &Setup, memo: &mut Memo) -> Atom {
        let letter_of = |s| {
            [
                (S.la, Letter::A, false),
                (S.lab, Letter::A, true),
                (S.lb, Letter::B, false),
                (S.lbb, Letter::B, true),
                (S.lc, Letter::C, false),
                (S.lcb, Letter::C, true),
                (S.ld, Letter::D, false),
                (S.ldb, Letter::D, true),
            ]
            .into_iter()
            .find(|(sym, _, _)| *sym == s)
            .map(|(_, l, c)| (l, c))
        };
        let universal = |letter: Letter| match letter {
            Letter::B => [None, None],
            Letter::A => [Some(Flavour::Universal), Some(Flavour::Universal)],
            _ => [Some(Flavour::Universal), None],
        };
        let mut definition = |l: Letter, fl: [Option<Flavour>; 2], c: bool| {
            memo.entry((l, fl, c))
                .or_insert_with(|| {
                    let d = letter_definition(l, fl, setup);
                    if c { conj(&d) } else { d }
                })
                .clone()
        };
        match v {
            AtomView::Var(x) => match letter_of(x.get_symbol()) {
                Some((l, c)) => definition(l, universal(l), c),
                None => v.to_owned(),
            },
            AtomView::Fun(f) => match letter_of(f.get_symbol()) {
                Some((l, c)) => {
                    let mut fl = [None, None];
                    for (k, arg) in f.iter().enumerate().take(2) {
                        if let Ok(i) = i64::try_from(arg) {
                            fl[k] = Some(Flavour::Index(i));
                        }
                    }
                    definition(l, fl, c)
                }
                None => v.to_owned(),
            },
            AtomView::Num(_) => v.to_owned(),
            AtomView::Pow(p) => walk(p.get_base(), setup, memo).pow(walk(p.get_exp(), setup, memo)),
            // one normalisation for the whole product or sum
            AtomView::Mul(m) => Atom::mul_many(m.iter().map(|f| walk(f, setup, memo)).collect::<Vec<_>>().iter()),
            AtomView::Add(a) => Atom::add_many(a.iter().map(|t| walk(t, setup, memo)).collect::<Vec<_>>().iter()),
        }
    }
    walk(e.as_view(), setup, &mut Memo::new())
}

/// The two-particle states connected by Table 2 transfer reactions, with the
/// flavour multiplicities of `setup`.
pub fn transfer_states(setup: &Setup) -> Vec<(State, Atom)> {
    let h = Particle::new(Field::Higgs);
    let (chi, phi) = (Particle::new(Field::Chi), Particle::new(Field::Phi));
    let mut out = vec![];
    for (f, mult) in setup.flavour_sum() {
        let l = Particle::lepton(f);
        out.push(([l, h], mult.clone()));
        out.push(([l.bar(), h.bar()], mult));
    }
    out.push(([chi, phi], int(1)));
    out.push(([chi.bar(), phi.bar()], int(1)));
    out
}

/// The coupling products of Eq. (78) as derived here, for the lowering of
/// transcribed expressions (`Letters::Defined(&EQ78)`).
pub struct Eq78;

/// The derived meaning of A, B, C, D.
pub static EQ78: Eq78 = Eq78;

impl LetterMeaning for Eq78 {
    fn definition(&self, letter: Letter, flavours: [Option<Flavour>; 2], setup: &Setup) -> Atom {
        substitute_letters(&letter_definition(letter, flavours, setup), setup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memoised definitions are the derived ones, for setups asked in turn
    /// (two and three heavy neutrinos, universal and explicit flavours).
    #[test]
    fn memoised_letter_definitions_are_the_derived_ones() {
        let setups = [Setup::PAPER, Setup::flavoured(2, 3), Setup::flavoured(3, 3), Setup { n_heavy: 3, ..Setup::PAPER }];
        let fl = |i: i64| Some(Flavour::Index(i));
        let letters = [
            (Letter::A, [fl(1), fl(2)]),
            (Letter::A, [Some(Flavour::Universal), Some(Flavour::Universal)]),
            (Letter::B, [None, None]),
            (Letter::C, [fl(2), None]),
            (Letter::D, [Some(Flavour::Universal), None]),
        ];
        for _ in 0..2 {
            for setup in &setups {
                for (l, f) in letters {
                    assert_eq!(letter_definition(l, f, setup), derive_letter_definition(l, f, setup), "{l:?} {f:?} {setup:?}");
                }
            }
        }
        // two and three heavy neutrinos give different sums: the key holds the setup
        let b = |n| letter_definition(Letter::B, [None, None], &Setup { n_heavy: n, ..Setup::PAPER });
        assert_ne!(b(2), b(3));
    }
}

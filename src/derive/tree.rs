//! Tree amplitudes of the 2 -> 2 transfer reactions (Table 2) by N_a exchange,
//! built from the Feynman rules of Eq. (2) ([`crate::derive::feynman`]) with
//! explicit massless spinors in the centre-of-mass frame
//! ([`crate::derive::spinors`]), expanded in `p^2/M_a^2`, and their squares
//! summed over spins and SU(2)_L components.
//!
//! # Signs of different reactions
//!
//! The relative sign of the amplitudes of different reactions matters where
//! amplitudes are multiplied (the unitarity cuts of [`crate::derive::cuts`]);
//! it cancels in every |M|^2. With one incoming and one outgoing fermion (all
//! the reactions the cuts multiply), Wick's theorem fixes it: moving the N
//! fields together and the external fermion fields next to their states gives
//! `-(z_in z_out)` for the undotted mass insertion, `+(z_in z_out)` with dotted
//! spinors for the dotted one (`<N N> = i M delta`, `<N^dag N^dag> = i M delta`),
//! and `-/+ (z_u p.sigma z_d^dag)` for the momentum propagator when the undotted
//! end is the incoming/outgoing fermion: -1 exactly when the incoming fermion's
//! field at its vertex is undotted (an incoming particle). Reactions with two
//! incoming or two outgoing fermions keep the leg-order convention (their sign
//! depends on how the two-fermion state is ordered and enters no product here).
//!
//! An amplitude is a sum of terms `K_x R_x`: `K_x` a coupling sum
//! `sum_a c_L(a) c_R(a) M_a^(-n)` ([`CouplingSum`](crate::derive::tree::CouplingSum), complex, kept as data so that
//! the result holds for any number n_N of heavy neutrinos and any complex
//! couplings) times `R_x`, a real function of `s` and the scattering angle (the
//! spinor chain, the SU(2)_L factors, the propagator coefficient and `(p^2)^k`).
//! The spin- and SU(2)-summed square is then `sum_{x,y} K_x conj(K_y) sum R_x R_y`.

use crate::cas::algebra::{conj, int};
use crate::cas::couplings::{Flavour, Setup, lambda, mass, y};
use crate::cas::rational::Q;
use crate::derive::couplings::Channel;
use crate::derive::error::DeriveError;
use crate::derive::feynman::{Propagator, is_doublet, is_fermion, propagator_series, su2_factor};
use crate::derive::model::{Leg, Vertex, Yukawa, vertex_for};
use crate::derive::spinors::{FourVector, Vec2, combine, contract, massless_spinor, momentum, raise, sandwich, sigma_dot, square, to_cos};
use crate::transcript::particles::{Field, Process};
use num_complex::Complex64;
use std::collections::BTreeMap;
use std::fmt;
use symbolica::atom::{Atom, AtomCore};

/// The coupling at one vertex of an N_a line: `y_ia` (lepton flavour slot `i` or
/// `j`), `lambda_a`, or their conjugates (the hermitian-conjugate term).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct VertexCoupling {
    pub yukawa: Yukawa,
    pub conjugated: bool,
    /// Lepton-flavour label: 0 (`i`), 1 (`j`) or 2 (`k`, an intermediate
    /// state's lepton), as the caller assigns them to legs ([`FlavourLabels`]);
    /// `None` for the dark Yukawa.
    pub flavour: Option<u8>,
}

/// How a coupling is written (see [`VertexCoupling`]'s printers).
#[derive(Clone, Copy)]
enum Style {
    Text,
    Latex,
    Plain,
    Mathematica,
}

/// The letter a flavour label prints as.
fn label_name(l: Option<u8>) -> &'static str {
    match l {
        Some(1) => "j",
        Some(2) => "k",
        _ => "i",
    }
}

impl VertexCoupling {
    /// The coupling of heavy neutrino `a` as an atom, with the labels bound to
    /// flavours (`flavours[label]`; a missing label takes the last flavour given).
    pub fn atom(&self, a: i64, flavours: &[Flavour]) -> Atom {
        let c = match self.yukawa {
            Yukawa::Lepton => {
                let l = self.flavour.unwrap_or(0) as usize;
                y(flavours[l.min(flavours.len().saturating_sub(1))], a)
            }
            Yukawa::Dark => lambda(a),
        };
        if self.conjugated { conj(&c) } else { c }
    }

    fn conj(self) -> Self {
        VertexCoupling { conjugated: !self.conjugated, ..self }
    }

    /// The coupling written in one style: `y_ia`, `lambda_a^*` (text); `y_{ia}`,
    /// `\lambda_{a}^{*}` (LaTeX); `y(i,a)`, `conj(lambda(a))` (the transcription
    /// language); `y[i, a]`, `Conjugate[lambda[a]]` (Mathematica).
    fn written(&self, index: &str, style: Style) -> String {
        let l = label_name(self.flavour);
        let base = match (self.yukawa, style) {
            (Yukawa::Lepton, Style::Text) => format!("y_{l}{index}"),
            (Yukawa::Lepton, Style::Latex) => format!("y_{{{l}{index}}}"),
            (Yukawa::Lepton, Style::Plain) => format!("y({l},{index})"),
            (Yukawa::Lepton, Style::Mathematica) => format!("y[{l}, {index}]"),
            (Yukawa::Dark, Style::Text) => format!("lambda_{index}"),
            (Yukawa::Dark, Style::Latex) => format!("\\lambda_{{{index}}}"),
            (Yukawa::Dark, Style::Plain) => format!("lambda({index})"),
            (Yukawa::Dark, Style::Mathematica) => format!("lambda[{index}]"),
        };
        match (self.conjugated, style) {
            (false, _) => base,
            (true, Style::Text) => format!("{base}^*"),
            (true, Style::Latex) => format!("{base}^{{*}}"),
            (true, Style::Plain) => format!("conj({base})"),
            (true, Style::Mathematica) => format!("Conjugate[{base}]"),
        }
    }

    fn value(&self, a: usize, y: &[Complex64], lam: &[Complex64]) -> Complex64 {
        let c = match self.yukawa {
            Yukawa::Lepton => y[a],
            Yukawa::Dark => lam[a],
        };
        if self.conjugated { c.conj() } else { c }
    }
}

/// A coupling sum `sum_a c_1(a) c_2(a) M_a^(-n)` of N_a exchange at one order
/// of the propagator expansion (`n` = 1, 3, ... for the mass insertion, 2, 4, ...
/// for the momentum propagator). The two couplings are kept sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct CouplingSum {
    pub couplings: [VertexCoupling; 2],
    pub inverse_mass_power: u32,
}

impl CouplingSum {
    pub fn new(a: VertexCoupling, b: VertexCoupling, inverse_mass_power: u32) -> Self {
        let mut couplings = [a, b];
        couplings.sort();
        CouplingSum { couplings, inverse_mass_power }
    }

    /// The complex conjugate sum.
    pub fn conj(&self) -> Self {
        CouplingSum::new(self.couplings[0].conj(), self.couplings[1].conj(), self.inverse_mass_power)
    }

    /// Number of conjugated couplings (for choosing a representative).
    pub fn conjugations(&self) -> usize {
        self.couplings.iter().filter(|c| c.conjugated).count()
    }

    /// The sum as an atom for `setup.n_heavy` heavy neutrinos and the flavour labels bound to `flavours`.
    pub fn atom(&self, setup: &Setup, flavours: &[Flavour]) -> Atom {
        let mut sum = int(0);
        for a in 1..=setup.n_heavy as i64 {
            sum += self.couplings[0].atom(a, flavours)
                * self.couplings[1].atom(a, flavours)
                * mass(a).pow(int(-(self.inverse_mass_power as i64)));
        }
        sum
    }

    /// The sum for universal lepton couplings `y_ia = y_a` (plain Rust, no Symbolica).
    pub fn value(&self, y: &[Complex64], lam: &[Complex64], m: &[f64]) -> Complex64 {
        (0..m.len())
            .map(|a| self.couplings[0].value(a, y, lam) * self.couplings[1].value(a, y, lam) / m[a].powi(self.inverse_mass_power as i32))
            .sum()
    }

    /// `sum_a y_ia M_a^-1 y_ja`-style text with summation index `index`.
    pub fn text(&self, index: &str) -> String {
        format!(
            "sum_{index} {} M_{index}^-{} {}",
            self.couplings[0].written(index, Style::Text),
            self.inverse_mass_power,
            self.couplings[1].written(index, Style::Text)
        )
    }

    /// LaTeX: `\sum_a y_{ia} M_a^{-1} y_{ja}`.
    pub fn latex(&self, index: &str) -> String {
        format!(
            "\\sum_{{{index}}} {} M_{{{index}}}^{{-{}}} {}",
            self.couplings[0].written(index, Style::Latex),
            self.inverse_mass_power,
            self.couplings[1].written(index, Style::Latex)
        )
    }

    /// In the transcription language (as the claims of `derivations/` write it):
    /// `sum(a, y(i,a)*M(a)^(-1)*y(j,a))`.
    pub fn plain(&self, index: &str) -> String {
        format!(
            "sum({index}, {}*M({index})^(-{})*{})",
            self.couplings[0].written(index, Style::Plain),
            self.inverse_mass_power,
            self.couplings[1].written(index, Style::Plain)
        )
    }

    /// Mathematica: `Sum[y[i, a] M[a]^-1 y[j, a], {a, nN}]`.
    pub fn mathematica(&self, index: &str) -> String {
        format!(
            "Sum[{} M[{index}]^(-{}) {}, {{{index}, 1, nN}}]",
            self.couplings[0].written(index, Style::Mathematica),
            self.inverse_mass_power,
            self.couplings[1].written(index, Style::Mathematica)
        )
    }
}

impl fmt::Display for CouplingSum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text("a"))
    }
}

/// One N-exchange diagram of a reaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Diagram {
    pub channel: Channel,
    /// Leg indices (0, 1 incoming; 2, 3 outgoing) at the two vertices.
    pub legs: [[usize; 2]; 2],
    pub vertices: [Vertex; 2],
    pub propagator: Propagator,
}

/// The leg indices at the two vertices of a channel.
fn channel_legs(ch: Channel) -> [[usize; 2]; 2] {
    match ch {
        Channel::S => [[0, 1], [2, 3]],
        Channel::T => [[0, 2], [1, 3]],
        Channel::U => [[0, 3], [1, 2]],
    }
}

/// Leg `k` of a reaction.
fn leg(p: &Process, k: usize) -> Leg {
    if k < 2 { Leg { particle: p.initial[k], incoming: true } } else { Leg { particle: p.fin[k - 2], incoming: false } }
}

/// Every N-exchange diagram of a reaction: the channels whose two leg pairs
/// attach to vertices of Eq. (2).
pub fn diagrams(p: &Process) -> Vec<Diagram> {
    let mut out = vec![];
    for ch in Channel::ALL {
        let legs = channel_legs(ch);
        let v = |pair: [usize; 2]| vertex_for([leg(p, pair[0]), leg(p, pair[1])]);
        if let (Some(l), Some(r)) = (v(legs[0]), v(legs[1])) {
            out.push(Diagram { channel: ch, legs, vertices: [l, r], propagator: Propagator::between(&l, &r) });
        }
    }
    out
}

/// The flavour label of each leg's lepton (see [`VertexCoupling::flavour`]).
pub type FlavourLabels = [Option<u8>; 4];

/// The default labels: the first lepton leg is `i` (0), the second `j` (1).
pub fn flavour_slots(p: &Process) -> FlavourLabels {
    let mut slots = [None; 4];
    let mut next = 0u8;
    for (k, slot) in slots.iter_mut().enumerate() {
        if leg(p, k).particle.field == Field::Lepton {
            *slot = Some(next);
            next += 1;
        }
    }
    slots
}

/// The symmetry factor S of Eq. (11): 1/2 for identical initial particles and
/// 1/2 for identical final ones (a universal lepton flavour counts as
/// identical: the i = j convention of footnote 4).
pub fn symmetry_factor(p: &Process) -> Q {
    let half = |s: &[crate::transcript::particles::Particle; 2]| if s[0] == s[1] { 2 } else { 1 };
    Q::new(1, half(&p.initial) * half(&p.fin))
}

/// The terms `(K_x, R_x)` of an amplitude (terms with equal coupling sums merged).
pub type Terms = Vec<(CouplingSum, Atom)>;

/// The amplitude for one assignment of SU(2)_L indices (0, 1) to the doublet legs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SU(2)_L index of each leg (`None` for singlets).
    pub index: [Option<usize>; 4],
    pub terms: Terms,
}

/// The four-momenta and massless spinors of the legs (0, 1 incoming, 2, 3
/// outgoing). The spinor is the undotted `x = y` of
/// [`crate::derive::spinors`]; a dotted wave function is its complex conjugate.
#[derive(Clone, Debug)]
pub struct Kinematics {
    pub momenta: [FourVector; 4],
    pub spinors: [Vec2; 4],
}

impl Kinematics {
    /// The centre-of-mass frame of [`crate::derive::spinors`] (legs along +z, -z
    /// and at the scattering angle theta in the x-z plane; real spinors).
    pub fn centre_of_mass() -> Kinematics {
        // memoised per thread: every tree amplitude and cut construction starts from it
        thread_local! {
            static TABLE: crate::cas::memo::Table<(), Kinematics> = Default::default();
        }
        crate::cas::memo::get_or_insert(&TABLE, (), None, || Kinematics {
            momenta: [0, 1, 2, 3].map(momentum),
            spinors: [0, 1, 2, 3].map(massless_spinor),
        })
    }
}

/// The amplitude of a reaction for every assignment of SU(2)_L indices to its
/// doublet legs (massless fermions have one helicity each), up to
/// `(p^2)^max_order` in the propagator expansion.
///
/// # Errors
/// A reaction with no N-exchange diagram (the model cannot produce it), a
/// vertex without one fermion and one scalar leg, or diagrams joining
/// different fermion pairs (not possible with the vertices of Eq. 2).
pub fn amplitudes(p: &Process, max_order: u32) -> Result<Vec<Config>, DeriveError> {
    amplitudes_in(p, &Kinematics::centre_of_mass(), &flavour_slots(p), max_order)
}

/// [`amplitudes`] with given kinematics and flavour labels.
///
/// # Errors
/// As [`amplitudes`].
pub fn amplitudes_in(p: &Process, kin: &Kinematics, labels: &FlavourLabels, max_order: u32) -> Result<Vec<Config>, DeriveError> {
    let ds = diagrams(p);
    let what = format!("tree amplitude of {p}");
    if ds.is_empty() {
        return Err(DeriveError::structure(
            what,
            "no heavy-neutrino exchange diagram: the legs do not pair into vertices of Eq. (2) in any channel (unknown field, or charge not conserved)",
        ));
    }
    let slots = labels;
    let fermion = |pair: [usize; 2]| -> Result<(usize, usize), DeriveError> {
        let f: Vec<usize> = pair.iter().copied().filter(|&k| is_fermion(leg(p, k).particle.field)).collect();
        match f[..] {
            [k] => Ok((k, if pair[0] == k { pair[1] } else { pair[0] })),
            _ => Err(DeriveError::structure(what.clone(), "a vertex without exactly one fermion leg")),
        }
    };
    // the fermion legs joined by every diagram
    let mut pairs = vec![];
    for d in &ds {
        let mut fs = [fermion(d.legs[0])?.0, fermion(d.legs[1])?.0];
        fs.sort();
        pairs.push(fs);
    }
    if pairs.iter().any(|f| *f != pairs[0]) {
        return Err(DeriveError::structure(what, "diagrams join different fermion pairs: the relative Fermi sign is not implemented"));
    }
    let series = [propagator_series(Propagator::MassInsertion, max_order)?, propagator_series(Propagator::Momentum, max_order)?];
    let doublets: Vec<usize> = (0..4).filter(|&k| is_doublet(leg(p, k).particle.field)).collect();
    let mut configs = vec![];
    for code in 0..(1usize << doublets.len()) {
        let mut index = [None; 4];
        for (bit, &k) in doublets.iter().enumerate() {
            index[k] = Some((code >> bit) & 1);
        }
        let mut terms: BTreeMap<CouplingSum, Atom> = BTreeMap::new();
        for d in &ds {
            let mut su2 = 1;
            let mut couplings = vec![];
            let mut fermions = vec![];
            for (v, pair) in d.vertices.iter().zip(d.legs) {
                let (f, b) = fermion(pair)?;
                let (h, l) = if leg(p, f).particle.field == Field::Lepton { (index[b], index[f]) } else { (None, None) };
                su2 *= su2_factor(v, h, l);
                couplings.push(VertexCoupling { yukawa: v.yukawa, conjugated: v.hc, flavour: slots[f] });
                fermions.push((f, v.hc));
            }
            if su2 == 0 {
                continue;
            }
            let (fa, fb) = (fermions[0], fermions[1]);
            // the wave function of a fermion leg: undotted, or the conjugate at a dotted vertex
            let wave = |k: usize, dotted: bool| -> Vec2 {
                let z = &kin.spinors[k];
                if dotted { [conj(&z[0]), conj(&z[1])] } else { z.clone() }
            };
            let chain = match d.propagator {
                Propagator::MassInsertion => {
                    let (a, b) = if fa.0 < fb.0 { (fa, fb) } else { (fb, fa) };
                    contract(&raise(&wave(a.0, a.1)), &wave(b.0, b.1))
                }
                Propagator::Momentum => {
                    // undotted end u, dotted end d; p flows from the dotted vertex into the undotted one
                    let (u, dv) = if !fa.1 { (0, 1) } else { (1, 0) };
                    let into_dotted: Vec<(i64, FourVector)> =
                        d.legs[dv].iter().map(|&k| (if k < 2 { 1 } else { -1 }, kin.momenta[k].clone())).collect();
                    let pmat = sigma_dot(&combine(&into_dotted));
                    let (zu, zd) = (wave(fermions[u].0, false), wave(fermions[dv].0, true));
                    sandwich(&raise(&zu), &pmat, &raise(&zd))
                }
            };
            // Wick sign with one incoming and one outgoing fermion (see the module doc):
            // -1 when the incoming fermion's field at its vertex is undotted
            let incoming: Vec<&(usize, bool)> = fermions.iter().filter(|(k, _)| *k < 2).collect();
            let chain = if incoming.len() == 1 && !incoming[0].1 { int(-1) * chain } else { chain };
            let pvec: Vec<(i64, FourVector)> = d.legs[0].iter().map(|&k| (if k < 2 { 1 } else { -1 }, kin.momenta[k].clone())).collect();
            let p2 = square(&combine(&pvec));
            let which = if d.propagator == Propagator::MassInsertion { 0 } else { 1 };
            for t in &series[which] {
                let k = CouplingSum::new(couplings[0], couplings[1], t.inverse_mass_power);
                let coefficient = int(t.coefficient.n as i64) / int(t.coefficient.d as i64);
                let r = coefficient * p2.clone().pow(int(t.order as i64)) * int(su2) * chain.clone();
                let e = terms.entry(k).or_insert_with(|| int(0));
                *e = e.clone() + r;
            }
        }
        configs.push(Config { index, terms: terms.into_iter().map(|(k, r)| (k, r.expand())).collect() });
    }
    Ok(configs)
}

/// The squared amplitude summed over spins and SU(2)_L components, as
/// `sum_{x,y} K_x conj(K_y) F_xy(s, cos theta)`: the map `(x, y) -> F_xy`.
///
/// # Errors
/// As [`amplitudes`], and a spin sum that is not a polynomial in `cos theta`.
pub fn squared(p: &Process, max_order: u32) -> Result<BTreeMap<(CouplingSum, CouplingSum), Atom>, DeriveError> {
    let mut acc: BTreeMap<(CouplingSum, CouplingSum), Atom> = BTreeMap::new();
    for config in amplitudes(p, max_order)? {
        for (x, rx) in &config.terms {
            for (y, ry) in &config.terms {
                let e = acc.entry((*x, *y)).or_insert_with(|| int(0));
                *e = e.clone() + rx.clone() * conj(ry);
            }
        }
    }
    let mut out = BTreeMap::new();
    for (k, v) in acc {
        let f = to_cos(&v)?;
        if !f.is_zero() {
            out.insert(k, f);
        }
    }
    Ok(out)
}

//! The symmetric scattering kernels of Eq. (13): \[S1\] and \[S2\] of Table 3,
//! derived from the tree amplitudes of [`crate::derive::tree`].
//!
//! # Formula
//!
//! `W(alpha -> beta)(s) = S int dPi_3 dPi_4 (2 pi)^4 delta^4 |M|^2` (Eq. 11) with
//! the massless two-body measure of [`crate::derive::phase_space`] integrated
//! over `cos theta` (not quoted), and
//! `Sigma W = W(alpha -> beta) + W(alpha^dag -> beta^dag) = \[S1\] s + \[S2\] s^2 + O(s^3)`
//! (Eq. 13), the conjugate reaction computed from its own diagrams. Each
//! coefficient comes out as `(1/(4 pi)) sum_classes q Re[K_x conj(K_y)]` with
//! rational `q` and coupling sums `K` ([`Bilinear`](crate::derive::kernels::Bilinear)). The `s^3` and `s^4` terms
//! would need the next order of the propagator expansion and are not kept.
//!
//! The symmetry factor S is 1/2 for identical initial and 1/2 for identical
//! final particles; a reaction with two leptons of the universal flavour is
//! taken with i = j, the convention footnote 4 states for Table 3.

use crate::cas::algebra::{int, var};
use crate::cas::couplings::{Flavour, Setup};
use crate::cas::forms::split_coefficient;
use crate::cas::rational::Q;
use crate::cas::symbols::S;
use crate::derive::error::DeriveError;
use crate::derive::phase_space::{integrate_polynomial, measure_per_solid_angle};
use crate::derive::tree::{CouplingSum, squared, symmetry_factor};
use crate::transcript::particles::Process;
use num_complex::Complex64;
use std::collections::BTreeMap;
use symbolica::atom::{Atom, AtomCore};

/// `coefficient Re[K_x conj(K_y)]` (`coefficient |K_x|^2` when `x == y`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Bilinear {
    pub coefficient: Q,
    pub x: CouplingSum,
    pub y: CouplingSum,
}

impl Bilinear {
    /// As an atom with `setup.n_heavy` heavy neutrinos and the flavour slots bound.
    pub fn atom(&self, setup: &Setup, flavours: [Flavour; 2]) -> Atom {
        let (x, y) = (self.x.atom(setup, &flavours), self.y.atom(setup, &flavours));
        let q = int(self.coefficient.n as i64) / int(self.coefficient.d as i64);
        let prod = x * crate::cas::algebra::conj(&y);
        q * crate::cas::algebra::re(&prod)
    }

    /// Its value for universal couplings `y_ia = y_a` (plain Rust).
    pub fn value(&self, y: &[Complex64], lam: &[Complex64], m: &[f64]) -> f64 {
        self.coefficient.to_f64() * (self.x.value(y, lam, m) * self.y.value(y, lam, m).conj()).re
    }

    fn coefficient_text(&self, first: bool) -> String {
        let q = self.coefficient;
        let sign = match (q.n < 0, first) {
            (true, true) => "-",
            (true, false) => "- ",
            (false, true) => "",
            (false, false) => "+ ",
        };
        let a = Q::new(q.n.abs(), q.d);
        if a == Q::int(1) { sign.to_string() } else { format!("{sign}{a} ") }
    }

    /// Text in the paper's notation: `6 |sum_a y_ia M_a^-1 y_ja|^2`,
    /// `4 Re[sum_a ... sum_b (...)^*]`.
    pub fn text(&self, first: bool) -> String {
        let c = self.coefficient_text(first);
        if self.x == self.y {
            format!("{c}|{}|^2", self.x.text("a"))
        } else {
            format!("{c}Re[{} ({})^*]", self.x.text("a"), self.y.text("b"))
        }
    }

    /// LaTeX in the paper's notation.
    pub fn latex(&self, first: bool) -> String {
        let q = self.coefficient;
        let sign = if q.n < 0 {
            "-"
        } else if first {
            ""
        } else {
            "+"
        };
        let a = Q::new(q.n.abs(), q.d);
        let c = if a == Q::int(1) {
            sign.to_string()
        } else if a.d == 1 {
            format!("{sign}{}", a.n)
        } else {
            format!("{sign}\\tfrac{{{}}}{{{}}}", a.n, a.d)
        };
        if self.x == self.y {
            format!("{c}\\left|{}\\right|^{{2}}", self.x.latex("a"))
        } else {
            format!("{c}\\,\\mathrm{{Re}}\\left[{} \\left({}\\right)^{{*}}\\right]", self.x.latex("a"), self.y.latex("b"))
        }
    }

    /// In the transcription language: `6*abs(sum(a, ...))^2`, `4*re(sum(a, ...)*conj(sum(b, ...)))`.
    pub fn plain(&self) -> String {
        let q = self.coefficient;
        let c = if q.d == 1 { format!("{}", q.n) } else { format!("({}/{})", q.n, q.d) };
        if self.x == self.y {
            format!("{c}*abs({})^2", self.x.plain("a"))
        } else {
            format!("{c}*re({}*conj({}))", self.x.plain("a"), self.y.plain("b"))
        }
    }

    /// Mathematica.
    pub fn mathematica(&self) -> String {
        let q = self.coefficient;
        let c = if q.d == 1 { format!("{}", q.n) } else { format!("({}/{})", q.n, q.d) };
        if self.x == self.y {
            format!("{c} Abs[{}]^2", self.x.mathematica("a"))
        } else {
            format!("{c} Re[{} Conjugate[{}]]", self.x.mathematica("a"), self.y.mathematica("b"))
        }
    }
}

/// \[S1\] and \[S2\] of one reaction: `4 pi [S_k]` as a sum of [`Bilinear`]s.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SymmetricKernel {
    pub process: Process,
    /// `four_pi_s[k - 1]` = `4 pi [S_k]`.
    pub four_pi_s: [Vec<Bilinear>; 2],
}

impl SymmetricKernel {
    /// `[S_k]` (k = 1, 2) for universal couplings (plain Rust).
    ///
    /// # Panics
    /// If `k` is not 1 or 2.
    pub fn value(&self, k: u32, y: &[Complex64], lam: &[Complex64], m: &[f64]) -> f64 {
        let terms = &self.four_pi_s[(k as usize).checked_sub(1).filter(|i| *i < 2).expect("[S_k] has k = 1 or 2")];
        terms.iter().map(|b| b.value(y, lam, m)).sum::<f64>() / (4.0 * std::f64::consts::PI)
    }

    /// `4 pi [S_k]` as an atom (general flavours bound to `flavours`).
    pub fn atom(&self, k: u32, setup: &Setup, flavours: [Flavour; 2]) -> Atom {
        self.four_pi_s[k as usize - 1].iter().fold(int(0), |acc, b| acc + b.atom(setup, flavours))
    }

    /// `4 pi [S_k]` as text (`0` when empty).
    pub fn text(&self, k: u32) -> String {
        join(&self.four_pi_s[k as usize - 1], |b, first| b.text(first), " ", "0")
    }

    /// `4 pi [S_k]` in LaTeX.
    pub fn latex(&self, k: u32) -> String {
        join(&self.four_pi_s[k as usize - 1], |b, first| b.latex(first), " ", "0")
    }

    /// `4 pi [S_k]` in the transcription language.
    pub fn plain(&self, k: u32) -> String {
        join(&self.four_pi_s[k as usize - 1], |b, _| b.plain(), " + ", "0")
    }

    /// `4 pi [S_k]` in Mathematica.
    pub fn mathematica(&self, k: u32) -> String {
        join(&self.four_pi_s[k as usize - 1], |b, _| b.mathematica(), " + ", "0")
    }
}

fn join(v: &[Bilinear], f: impl Fn(&Bilinear, bool) -> String, sep: &str, empty: &str) -> String {
    if v.is_empty() {
        return empty.to_string();
    }
    v.iter().enumerate().map(|(i, b)| f(b, i == 0)).collect::<Vec<_>>().join(sep)
}

/// `W(alpha -> beta)(s)` of Eq. (11) as `sum_{x,y} K_x conj(K_y) W_xy(s)`, to
/// first order beyond the leading term of the propagator expansion.
///
/// # Errors
/// As [`crate::derive::tree::squared`]; a squared amplitude that is not a
/// polynomial in `cos theta`.
pub fn kernel(p: &Process) -> Result<BTreeMap<(CouplingSum, CouplingSum), Atom>, DeriveError> {
    kernel_to_order(p, 1)
}

/// [`kernel`] with the propagators expanded to `(p^2)^max_order`.
///
/// # Errors
/// As [`kernel`].
pub fn kernel_to_order(p: &Process, max_order: u32) -> Result<BTreeMap<(CouplingSum, CouplingSum), Atom>, DeriveError> {
    let sym = symmetry_factor(p);
    let norm = measure_per_solid_angle() * int(2) * var(S.pi) * int(sym.n as i64) / int(sym.d as i64);
    let mut out = BTreeMap::new();
    for (k, f) in squared(p, max_order)? {
        let polar = integrate_polynomial(&f, S.cos_theta, &int(-1), &int(1))
            .ok_or_else(|| DeriveError::structure(format!("kernel of {p}"), "|M|^2 is not a polynomial in cos(theta)"))?;
        out.insert(k, (norm.clone() * polar).expand());
    }
    Ok(out)
}

/// \[S1\] and \[S2\] of a reaction (Eq. 13).
///
/// # Errors
/// As [`kernel`]; a coefficient that is not rational over pi, a power of s
/// other than 1 to 4 (the square of the first-order term reaches s^4), or an
/// imaginary part that does not cancel.
pub fn symmetric_kernel(p: &Process) -> Result<SymmetricKernel, DeriveError> {
    let what = format!("[S1], [S2] of {p}");
    let err = |m: String| DeriveError::structure(what.clone(), m);
    let mut total: BTreeMap<(CouplingSum, CouplingSum), Atom> = BTreeMap::new();
    for q in [*p, p.cp()] {
        for (k, w) in kernel(&q)? {
            let e = total.entry(k).or_insert_with(|| int(0));
            *e = (e.clone() + w).expand();
        }
    }
    let s = var(S.s);
    let mut four_pi_s: [Vec<Bilinear>; 2] = [vec![], vec![]];
    for order in 1..=2u32 {
        // coefficients c_xy of s^order, times 4 pi
        let mut c: BTreeMap<(CouplingSum, CouplingSum), Q> = BTreeMap::new();
        for (k, w) in &total {
            let mut rest = w.clone();
            for n in 1..=4 {
                rest = (rest - w.coefficient(s.clone().pow(int(n))) * s.clone().pow(int(n))).expand();
            }
            if !rest.is_zero() {
                return Err(err(format!("W has terms other than s, ..., s^4: {rest}")));
            }
            let coefficient = (w.coefficient(s.clone().pow(int(order as i64))) * int(4) * var(S.pi)).expand();
            if coefficient.is_zero() {
                continue;
            }
            let q = rational(&coefficient).ok_or_else(|| err(format!("4 pi x coefficient of s^{order} is not rational: {coefficient}")))?;
            c.insert(*k, q);
        }
        // group into classes {(x,y), (y,x), (x*,y*), (y*,x*)}: Re part = sum, Im part must vanish
        let mut done: Vec<(CouplingSum, CouplingSum)> = vec![];
        let mut out = vec![];
        for &(x, y) in c.keys() {
            if done.contains(&(x, y)) {
                continue;
            }
            let members = [(x, y), (y, x), (x.conj(), y.conj()), (y.conj(), x.conj())];
            let mut unique: Vec<(CouplingSum, CouplingSum)> = vec![];
            for m in members {
                if !unique.contains(&m) {
                    unique.push(m);
                }
            }
            let get = |m: &(CouplingSum, CouplingSum)| c.get(m).copied().unwrap_or(Q::zero());
            let re = unique.iter().fold(Q::zero(), |acc, m| acc + get(m));
            // Im[K_x conj K_y] changes sign under (x,y) -> (y,x) and under conjugation
            let im =
                if x == y || x == y.conj() { Q::zero() } else { get(&members[0]) - get(&members[1]) - get(&members[2]) + get(&members[3]) };
            if !im.is_zero() {
                return Err(err(format!("an imaginary part {im} Im[K_x conj(K_y)] does not cancel for x = {x}, y = {y}")));
            }
            done.extend(unique.iter().copied());
            if re.is_zero() {
                continue;
            }
            // representative: fewest conjugated couplings in K_x, then the higher power of 1/M first
            let rep = *unique
                .iter()
                .min_by_key(|(a, b)| (a.conjugations(), std::cmp::Reverse(a.inverse_mass_power), b.conjugations(), *a, *b))
                .expect("a class has members");
            out.push(Bilinear { coefficient: re, x: rep.0, y: rep.1 });
        }
        out.sort_by_key(|b| (std::cmp::Reverse(b.x == b.y), b.x, b.y));
        four_pi_s[order as usize - 1] = out;
    }
    Ok(SymmetricKernel { process: *p, four_pi_s })
}

/// A rational constant read off an atom.
fn rational(a: &Atom) -> Option<Q> {
    let (r, ng, pi) = split_coefficient(a)?;
    if ng != 0 || pi != 0 {
        return None;
    }
    Q::from_rational(&r)
}

/// Table 3: \[S1\] and \[S2\] of each reaction, in the order given.
///
/// # Errors
/// The first reaction whose kernel cannot be derived.
pub fn table3(reactions: &[Process]) -> Result<Vec<SymmetricKernel>, DeriveError> {
    reactions.iter().map(symmetric_kernel).collect()
}

//! Explicit two-component spinors and four-momenta: the centre-of-mass frame of
//! a 2 -> 2 reaction of massless particles, and the rest frame of a decaying
//! particle, written as Symbolica atoms.
//!
//! # Conventions
//!
//! Dreiner, Haber and Martin, Phys. Rept. 494 (2010) 1 (DHM): metric
//! (+, -, -, -), `sigma^mu = (1, sigma_vec)`, `epsilon^{12} = -epsilon^{21} = 1`,
//! `psi^alpha = epsilon^{alpha beta} psi_beta`, so `(psi^1, psi^2) = (psi_2, -psi_1)`.
//!
//! A massless fermion of momentum `p = E (1, sin th cos ph, sin th sin ph, cos th)`
//! has one helicity per field: `x(p, -1/2)_alpha = y(p, +1/2)_alpha = sqrt(2E) chi_-(th, ph)`
//! with `chi_- = (-e^{-i ph} sin(th/2), cos(th/2))`, so that `x x^dagger = p.sigma`
//! (checked in the tests). The dotted spinors `x^dagger`, `y^dagger` are the
//! complex conjugates; every component used here is real (`ph = 0` or `pi`).
//!
//! # Kinematics
//!
//! Legs 0, 1 incoming, 2, 3 outgoing: `p0 = E (1, 0, 0, 1)`, `p1 = E (1, 0, 0, -1)`,
//! `p2 = E (1, sin th, 0, cos th)`, `p3 = E (1, -sin th, 0, -cos th)`, `E = sqrt(s)/2`,
//! so `t = (p0 - p2)^2 = -s (1 - cos th)/2` and `u = (p0 - p3)^2 = -s (1 + cos th)/2`.
//! Spinors are written with the half-angle symbols `ch = cos(th/2)`, `sh = sin(th/2)`;
//! [`to_cos`](crate::derive::spinors::to_cos) rewrites a spin-summed expression as a polynomial in `cos th`.

use crate::cas::algebra::{int, rat, var};
use crate::cas::symbols::S;
use crate::derive::error::DeriveError;
use symbolica::atom::{Atom, AtomCore, AtomView, Symbol};

/// A two-component spinor (lower or upper index, as stated where used).
pub type Vec2 = [Atom; 2];
/// A 2 x 2 matrix such as `(p.sigma)_{alpha beta-dot}`.
pub type Mat2 = [[Atom; 2]; 2];
/// A four-vector (upper index).
pub type FourVector = [Atom; 4];

/// `cos(theta/2)`.
pub fn cos_half() -> Symbol {
    symbolica::symbol!("cos_half")
}

/// `sin(theta/2)`.
pub fn sin_half() -> Symbol {
    symbolica::symbol!("sin_half")
}

/// `sqrt(s)`, kept as a power of `s` so that products simplify.
fn sqrt_s() -> Atom {
    var(S.s).pow(rat(1, 2))
}

/// The four-momentum of leg `k` (0, 1 incoming along +z, -z; 2, 3 outgoing) in
/// the centre-of-mass frame of massless particles.
///
/// # Panics
/// If `k > 3`.
pub fn momentum(k: usize) -> FourVector {
    let e = sqrt_s() / int(2);
    let (ch, sh) = (var(cos_half()), var(sin_half()));
    let sin = int(2) * sh.clone() * ch.clone();
    let cos = ch.clone().pow(int(2)) - sh.pow(int(2));
    let dir: [Atom; 3] = match k {
        0 => [int(0), int(0), int(1)],
        1 => [int(0), int(0), int(-1)],
        2 => [sin, int(0), cos],
        3 => [-sin, int(0), -cos],
        _ => panic!("a 2 -> 2 reaction has legs 0..=3"),
    };
    [e.clone(), e.clone() * dir[0].clone(), e.clone() * dir[1].clone(), e * dir[2].clone()]
}

/// The massless spinor `x(p, -1/2) = y(p, +1/2)` of leg `k` (lower undotted index).
///
/// # Panics
/// If `k > 3`.
pub fn massless_spinor(k: usize) -> Vec2 {
    let norm = var(S.s).pow(rat(1, 4));
    let (ch, sh) = (var(cos_half()), var(sin_half()));
    let chi: Vec2 = match k {
        0 => [int(0), int(1)],
        1 => [int(-1), int(0)],
        2 => [int(-1) * sh, ch],
        3 => [ch, sh],
        _ => panic!("a 2 -> 2 reaction has legs 0..=3"),
    };
    chi.map(|c| c * norm.clone())
}

/// `cos(theta'/2)` of the direction of an intermediate (cut) state.
pub fn cut_cos_half() -> Symbol {
    symbolica::symbol!("cos_half_cut")
}

/// `sin(theta'/2)` of the direction of an intermediate (cut) state.
pub fn cut_sin_half() -> Symbol {
    symbolica::symbol!("sin_half_cut")
}

/// `cos(theta')` of the direction of an intermediate (cut) state.
pub fn cut_cos() -> Symbol {
    symbolica::symbol!("cos_theta_cut")
}

/// The momentum and massless spinor of one particle of an intermediate
/// two-particle state in the centre-of-mass frame (energy `sqrt(s)/2`), along
/// `n' = (sin th' cos ph', sin th' sin ph', cos th')` (`forward`) or `-n'`. The
/// azimuth enters through the unit phase `e^{i ph'}` ([`crate::cas::symbols::Symbols::azimuth`]):
/// `chi_-(n') = (-e^{-i ph'} sin(th'/2), cos(th'/2))`, `chi_-(-n') = (e^{-i ph'} cos(th'/2), sin(th'/2))`.
pub fn cut_leg(forward: bool) -> (FourVector, Vec2) {
    // memoised per thread: every cut construction asks for both legs
    thread_local! {
        static TABLE: crate::cas::memo::Table<bool, (FourVector, Vec2)> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, forward, None, || derive_cut_leg(forward))
}

/// [`cut_leg`] derived.
fn derive_cut_leg(forward: bool) -> (FourVector, Vec2) {
    let (ch, sh) = (var(cut_cos_half()), var(cut_sin_half()));
    let w = var(S.azimuth);
    let winv = int(1) / w.clone();
    let e = sqrt_s() / int(2);
    let sin = int(2) * sh.clone() * ch.clone();
    let cos = ch.clone().pow(int(2)) - sh.clone().pow(int(2));
    let i = crate::cas::algebra::imag_unit();
    let cos_ph = (w.clone() + winv.clone()) / int(2);
    let sin_ph = (w - winv.clone()) / (int(2) * i);
    let sign = if forward { int(1) } else { int(-1) };
    let p = [e.clone(), sign.clone() * e.clone() * sin.clone() * cos_ph, sign.clone() * e.clone() * sin * sin_ph, sign * e * cos];
    let norm = var(S.s).pow(rat(1, 4));
    let chi: Vec2 = if forward { [int(-1) * winv * sh, ch] } else { [winv * ch, sh] };
    (p, chi.map(|c| c * norm.clone()))
}

/// The average over the azimuth of the cut state: the part of a Laurent
/// polynomial in `e^{i ph'}` that does not depend on it.
pub fn azimuthal_average(e: &Atom) -> Atom {
    let w = S.azimuth;
    let mut out = int(0);
    for term in e.expand().terms() {
        let t = term.to_owned();
        if !t.contains_symbol(w) {
            out += t;
        }
    }
    out
}

/// Helicity eigenspinors `chi_+`, `chi_-` for the direction of leg `k`
/// (`chi_+(th, ph) = (cos(th/2), e^{i ph} sin(th/2))`, `chi_- = (-e^{-i ph} sin(th/2), cos(th/2))`).
///
/// # Panics
/// If `k > 3`.
pub fn helicity_spinors(k: usize) -> [Vec2; 2] {
    let (ch, sh) = (var(cos_half()), var(sin_half()));
    match k {
        0 => [[int(1), int(0)], [int(0), int(1)]],
        1 => [[int(0), int(1)], [int(-1), int(0)]],
        2 => [[ch.clone(), sh.clone()], [int(-1) * sh, ch]],
        3 => [[sh.clone(), int(-1) * ch.clone()], [ch, sh]],
        _ => panic!("a 2 -> 2 reaction has legs 0..=3"),
    }
}

/// The spinors of a massive fermion moving in the direction of leg `k`, for
/// helicity +1/2 and -1/2 (DHM (3.1.x)): `x(p, lambda) = sqrt(E - 2 lambda |p|) chi_lambda`,
/// `y(p, lambda) = 2 lambda sqrt(E + 2 lambda |p|) chi_{-lambda}`, with
/// `wp = sqrt(E + |p|)` and `wm = sqrt(E - |p|)` given as atoms. Returns
/// `[(x, y) for lambda = +1/2, (x, y) for lambda = -1/2]`.
pub fn massive_spinors(k: usize, wp: &Atom, wm: &Atom) -> [(Vec2, Vec2); 2] {
    let [plus, minus] = helicity_spinors(k);
    let scale = |v: &Vec2, f: &Atom| [v[0].clone() * f.clone(), v[1].clone() * f.clone()];
    [(scale(&plus, wm), scale(&minus, wp)), (scale(&minus, wp), scale(&plus, &(int(-1) * wm.clone())))]
}

/// `(p.sigma)_{alpha beta-dot} = p^0 - p_vec . sigma_vec`
/// `= [[p0 - pz, -(px - i py)], [-(px + i py), p0 + pz]]`.
pub fn sigma_dot(p: &FourVector) -> Mat2 {
    let [p0, px, py, pz] = p.clone();
    let i = crate::cas::algebra::imag_unit();
    [[p0.clone() - pz.clone(), int(-1) * (px.clone() - i.clone() * py.clone())], [int(-1) * (px + i * py), p0 + pz]]
}

/// Sum of four-vectors with signs.
pub fn combine(parts: &[(i64, FourVector)]) -> FourVector {
    let mut out: FourVector = [int(0), int(0), int(0), int(0)];
    for (sign, p) in parts {
        for (o, c) in out.iter_mut().zip(p.iter()) {
            *o = o.clone() + int(*sign) * c.clone();
        }
    }
    out
}

/// Minkowski square `p^2`.
pub fn square(p: &FourVector) -> Atom {
    (p[0].clone().pow(int(2)) - p[1].clone().pow(int(2)) - p[2].clone().pow(int(2)) - p[3].clone().pow(int(2))).expand()
}

/// Raise an undotted (or dotted) index: `psi^alpha = epsilon^{alpha beta} psi_beta`.
pub fn raise(z: &Vec2) -> Vec2 {
    [z[1].clone(), int(-1) * z[0].clone()]
}

/// `a^alpha b_alpha` for `a` with an upper and `b` with a lower index.
pub fn contract(upper: &Vec2, lower: &Vec2) -> Atom {
    upper[0].clone() * lower[0].clone() + upper[1].clone() * lower[1].clone()
}

/// `a^alpha M_{alpha beta-dot} b^beta-dot`.
pub fn sandwich(a: &Vec2, m: &Mat2, b: &Vec2) -> Atom {
    let mut out = int(0);
    for i in 0..2 {
        for j in 0..2 {
            out += a[i].clone() * m[i][j].clone() * b[j].clone();
        }
    }
    out
}

/// Powers of the half-angle symbols `c` and `s` in a monomial.
fn half_angle_powers(term: AtomView<'_>, c: Symbol, s: Symbol) -> Result<(i64, i64), String> {
    let one = |v: AtomView<'_>| -> Result<(i64, i64), String> {
        match v {
            AtomView::Var(x) if x.get_symbol() == c => Ok((1, 0)),
            AtomView::Var(x) if x.get_symbol() == s => Ok((0, 1)),
            AtomView::Pow(p) => match p.get_base().get_symbol() {
                Some(b) if b == c || b == s => {
                    let n = i64::try_from(p.get_exp()).map_err(|_| "a non-integer power of a half angle".to_string())?;
                    Ok(if b == c { (n, 0) } else { (0, n) })
                }
                _ => Ok((0, 0)),
            },
            other => {
                let o = other.to_owned();
                if o.contains_symbol(c) || o.contains_symbol(s) { Err(format!("a half angle inside {o}")) } else { Ok((0, 0)) }
            }
        }
    };
    match term {
        AtomView::Mul(m) => {
            let mut acc = (0, 0);
            for f in m.iter() {
                let (a, b) = one(f)?;
                acc = (acc.0 + a, acc.1 + b);
            }
            Ok(acc)
        }
        other => one(other),
    }
}

/// Rewrite an expression in the half angles as `even + sin(theta) odd`, with
/// `even` and `odd` polynomials in `cos theta` (`cos^2(th/2) = (1 + c)/2`,
/// `sin^2(th/2) = (1 - c)/2`, `cos(th/2) sin(th/2) = sin(th)/2`).
///
/// # Errors
/// A half angle appearing other than in integer powers, or a monomial with
/// one odd and one even power (not a function of the full angle).
pub fn to_cos_sin(e: &Atom) -> Result<(Atom, Atom), DeriveError> {
    to_cos_sin_in(e, cos_half(), sin_half(), S.cos_theta)
}

/// [`to_cos_sin`] for the half-angle symbols `ch`, `sh` of another angle, with
/// its cosine written as the symbol `cos`.
///
/// # Errors
/// As [`to_cos_sin`].
pub fn to_cos_sin_in(e: &Atom, ch_symbol: Symbol, sh_symbol: Symbol, cos: Symbol) -> Result<(Atom, Atom), DeriveError> {
    let (ch, sh) = (var(ch_symbol), var(sh_symbol));
    let c = var(cos);
    let mut even = int(0);
    let mut odd = int(0);
    // a product of square roots of one sum normalises to the sum itself only
    // after the first expansion: expand until nothing changes
    let mut expanded = e.expand();
    for _ in 0..4 {
        let again = expanded.expand();
        if again == expanded {
            break;
        }
        expanded = again;
    }
    for term in expanded.terms() {
        let (m, n) = half_angle_powers(term, ch_symbol, sh_symbol).map_err(|msg| DeriveError::structure("half-angle reduction", msg))?;
        let rest = term.to_owned() / (ch.clone().pow(int(m)) * sh.clone().pow(int(n)));
        let cos2 = (int(1) + c.clone()) / int(2);
        let sin2 = (int(1) - c.clone()) / int(2);
        match (m % 2, n % 2) {
            (0, 0) => even += rest * cos2.pow(int(m / 2)) * sin2.pow(int(n / 2)),
            (1, 1) => odd += rest * cos2.pow(int((m - 1) / 2)) * sin2.pow(int((n - 1) / 2)) / int(2),
            _ => {
                return Err(DeriveError::structure(
                    "half-angle reduction",
                    format!("the monomial {} is not a function of the full angle", term.to_owned()),
                ));
            }
        }
    }
    Ok((even.expand(), odd.expand()))
}

/// A spin-summed expression as a polynomial in `cos theta`.
///
/// # Errors
/// As [`to_cos_sin`], and when a `sin(theta)` part survives (a spin-summed
/// squared amplitude of a 2 -> 2 reaction depends on s and t only).
pub fn to_cos(e: &Atom) -> Result<Atom, DeriveError> {
    let (even, odd) = to_cos_sin(e)?;
    if !odd.is_zero() {
        return Err(DeriveError::structure("half-angle reduction", format!("a sin(theta) part survives: {odd}")));
    }
    Ok(even)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// x x^dagger = p.sigma for every leg (DHM (3.1.x)), after the half-angle reduction.
    #[test]
    fn spinors_square_to_p_sigma() {
        for k in 0..4 {
            let x = massless_spinor(k);
            let m = sigma_dot(&momentum(k));
            for i in 0..2 {
                for j in 0..2 {
                    let d = x[i].clone() * x[j].clone() - m[i][j].clone();
                    let (even, odd) = to_cos_sin(&d).unwrap();
                    assert!(even.is_zero() && odd.is_zero(), "leg {k}, entry ({i},{j}): {d}");
                }
            }
        }
    }

    /// Massive spin sums: sum_lambda x x^dagger = sum_lambda y y^dagger = p.sigma
    /// (DHM) for a fermion along z and along the direction of leg 2.
    #[test]
    fn massive_spin_sums() {
        let (e, p) = (var(symbolica::symbol!("e_test")), var(symbolica::symbol!("p_test")));
        let wp = (e.clone() + p.clone()).pow(rat(1, 2));
        let wm = (e.clone() - p.clone()).pow(rat(1, 2));
        let (ch, sh) = (var(cos_half()), var(sin_half()));
        for k in [0usize, 2] {
            let dir: [Atom; 3] = if k == 0 {
                [int(0), int(0), int(1)]
            } else {
                [int(2) * sh.clone() * ch.clone(), int(0), ch.clone().pow(int(2)) - sh.clone().pow(int(2))]
            };
            let mom: FourVector = [e.clone(), p.clone() * dir[0].clone(), int(0), p.clone() * dir[2].clone()];
            let m = sigma_dot(&mom);
            let spins = massive_spinors(k, &wp, &wm);
            for which in 0..2 {
                for i in 0..2 {
                    for j in 0..2 {
                        let mut sum = int(0);
                        for (x, y) in &spins {
                            let z = if which == 0 { x } else { y };
                            sum += z[i].clone() * z[j].clone();
                        }
                        let (even, odd) = to_cos_sin(&(sum - m[i][j].clone())).unwrap();
                        assert!(even.is_zero() && odd.is_zero(), "leg {k}, {} ({i},{j})", if which == 0 { "x" } else { "y" });
                    }
                }
            }
        }
    }

    /// The cut legs: x x^dagger = p.sigma with the azimuth as a unit phase.
    #[test]
    fn cut_legs_square_to_p_sigma() {
        for forward in [true, false] {
            let (p, x) = cut_leg(forward);
            let m = sigma_dot(&p);
            for i in 0..2 {
                for j in 0..2 {
                    let d = (x[i].clone() * crate::cas::algebra::conj(&x[j]) - m[i][j].clone()).expand();
                    let (even, odd) = to_cos_sin_in(&d, cut_cos_half(), cut_sin_half(), cut_cos()).unwrap();
                    assert!(even.is_zero() && odd.is_zero(), "forward {forward}, ({i},{j}): {d}");
                }
            }
            assert!(to_cos_sin_in(&square(&p), cut_cos_half(), cut_sin_half(), cut_cos()).unwrap().0.is_zero());
        }
    }

    /// The momenta are light-like and t, u have their textbook forms.
    #[test]
    fn mandelstam_variables() {
        let c = var(S.cos_theta);
        for k in 0..4 {
            assert!(to_cos(&square(&momentum(k))).unwrap().is_zero());
        }
        let t = to_cos(&square(&combine(&[(1, momentum(0)), (-1, momentum(2))]))).unwrap();
        let u = to_cos(&square(&combine(&[(1, momentum(0)), (-1, momentum(3))]))).unwrap();
        let s = to_cos(&square(&combine(&[(1, momentum(0)), (1, momentum(1))]))).unwrap();
        assert!((t + var(S.s) * (int(1) - c.clone()) / int(2)).expand().is_zero());
        assert!((u + var(S.s) * (int(1) + c) / int(2)).expand().is_zero());
        assert!((s - var(S.s)).expand().is_zero());
    }
}

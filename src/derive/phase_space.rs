//! Massless two-body phase space (Eq. 11) by explicit integration over the
//! scattering angle.
//!
//! For massless final states, `int dPi_3 dPi_4 (2 pi)^4 delta^4 = |p_f| / (16 pi^2 sqrt(s)) int dOmega`
//! with `|p_f| = sqrt(s)/2`; `t = -s (1 - cos theta)/2` and `u = -s (1 + cos theta)/2`.
//! The integrand is a polynomial in `cos theta`, integrated term by term.

use crate::cas::algebra::{int, rat, subs, var};
use crate::cas::symbols::S;
use symbolica::atom::{Atom, AtomCore, AtomView};

/// `int_lo^hi dx p(x)` for an expression polynomial in `x` (after expansion).
/// Returns `None` if some term is not a monomial in `x` with a non-negative
/// integer power.
pub fn integrate_polynomial(p: &Atom, x: symbolica::atom::Symbol, lo: &Atom, hi: &Atom) -> Option<Atom> {
    let expanded = p.expand();
    let mut out = int(0);
    let xv = var(x);
    for term in expanded.terms() {
        let n = power_of(term, x)?;
        let anti = term.to_owned() * xv.clone() / int(n + 1);
        out = out + subs(&anti, &xv, hi) - subs(&anti, &xv, lo);
    }
    Some(out.expand())
}

/// Power of `x` in a monomial term.
fn power_of(term: AtomView<'_>, x: symbolica::atom::Symbol) -> Option<i64> {
    match term {
        AtomView::Var(v) => Some(if v.get_symbol() == x { 1 } else { 0 }),
        AtomView::Num(_) => Some(0),
        AtomView::Pow(p) => {
            if p.get_base().get_symbol() == Some(x) {
                i64::try_from(p.get_exp()).ok().filter(|n| *n >= 0)
            } else if p.get_base().as_atom_view().to_owned().contains_symbol(x) {
                None
            } else {
                Some(0)
            }
        }
        AtomView::Mul(m) => {
            let mut n = 0;
            for f in m.iter() {
                n += power_of(f, x)?;
            }
            Some(n)
        }
        AtomView::Fun(_) | AtomView::Add(_) => {
            if term.to_owned().contains_symbol(x) {
                None
            } else {
                Some(0)
            }
        }
    }
}

/// The two-body phase-space measure per unit solid angle,
/// `int dPi_3 dPi_4 (2 pi)^4 delta^4(P - p_3 - p_4) = |p_f| / (16 pi^2 sqrt(s)) int dOmega`,
/// for a final-state momentum `|p_f|` in the rest frame of `P` (`P^2 = s`).
pub fn two_body_measure(p_final: &Atom, sqrt_s: &Atom) -> Atom {
    (p_final.clone() / (int(16) * var(S.pi).pow(int(2)) * sqrt_s.clone())).expand()
}

/// The massless two-body phase-space measure factor `|p_f| / (16 pi^2 sqrt(s))`
/// per unit solid angle, with `|p_f| = sqrt(s)/2`: equals `1/(32 pi^2)`.
pub fn measure_per_solid_angle() -> Atom {
    // memoised per thread: every cut of every reaction asks for it
    thread_local! {
        static TABLE: crate::cas::memo::Table<(), Atom> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, (), None, || {
        let sqrt_s = var(S.s).pow(rat(1, 2));
        two_body_measure(&(sqrt_s.clone() / int(2)), &sqrt_s)
    })
}

/// `int dPi_3 dPi_4 (2 pi)^4 delta^4(...) f(s, t, u)` for massless final states,
/// with `f` polynomial in t and u: azimuth gives 2 pi, the polar angle is
/// integrated over `cos theta` in [-1, 1].
pub fn integrate_two_body(f: &Atom) -> Option<Atom> {
    let c = var(S.cos_theta);
    let s = var(S.s);
    let t_of = int(-1) * s.clone() * (int(1) - c.clone()) / int(2);
    let u_of = int(-1) * s * (int(1) + c) / int(2);
    let g = subs(&subs(f, &var(S.t), &t_of), &var(S.u), &u_of);
    let polar = integrate_polynomial(&g, S.cos_theta, &int(-1), &int(1))?;
    Some((measure_per_solid_angle() * int(2) * var(S.pi) * polar).expand())
}

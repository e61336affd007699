//! Small helpers on Symbolica atoms: building, complex conjugation in the
//! holomorphic representation (see [`crate::cas::symbols`]), real and imaginary parts,
//! zero tests and plain printing.

use crate::cas::symbols::S;
use symbolica::atom::{Atom, AtomCore, AtomView, FunctionBuilder, Symbol};

/// An integer as an atom.
pub fn int(n: i64) -> Atom {
    Atom::num(n)
}

/// The rational n/d as an atom.
pub fn rat(n: i64, d: i64) -> Atom {
    Atom::num(n) / Atom::num(d)
}

/// A symbol as an atom.
pub fn var(s: Symbol) -> Atom {
    Atom::var(s)
}

/// `s(i1, i2, ...)` with integer arguments (indexed couplings such as `y(1,2)`).
pub fn indexed(s: Symbol, idx: &[i64]) -> Atom {
    // memoised per thread: the lowering asks for the same few couplings and masses
    // (y(1), M(2), ...) in every summand of every printed sum
    thread_local! {
        static TABLE: crate::cas::memo::Table<(Symbol, Vec<i64>), Atom> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, (s, idx.to_vec()), None, || {
        idx.iter().fold(FunctionBuilder::new(s), |f, &i| f.add_arg(Atom::num(i))).finish()
    })
}

/// The imaginary unit.
pub fn imag_unit() -> Atom {
    Atom::i()
}

/// Complex conjugation: swaps every complex symbol with its partner, inverts
/// unit-modulus phases and conjugates numerical coefficients.
pub fn conj(a: &Atom) -> Atom {
    conj_changed(a.as_view()).unwrap_or_else(|| a.clone())
}

/// The conjugate of `v`, or `None` where conjugation leaves it as it is (a real
/// parameter, a mass, a real number, or a product, sum or power of such): only
/// what changes is rebuilt, and a product or sum is normalised once.
fn conj_changed(v: AtomView<'_>) -> Option<Atom> {
    match v {
        AtomView::Num(_) => {
            let c = v.to_owned().conj();
            (c.as_view() != v).then_some(c)
        }
        AtomView::Var(x) => {
            let s = x.get_symbol();
            if S.is_unit_phase(s) { Some(Atom::num(1) / Atom::var(s)) } else { S.conjugate_partner(s).map(Atom::var) }
        }
        AtomView::Fun(f) => {
            let s = f.get_symbol();
            match S.conjugate_partner(s) {
                // indexed couplings: arguments are integer indices, left alone
                Some(p) => Some(f.iter().fold(FunctionBuilder::new(p), |b, arg| b.add_arg(arg)).finish()),
                None => {
                    let args: Vec<Option<Atom>> = f.iter().map(conj_changed).collect();
                    if args.iter().all(Option::is_none) {
                        return None;
                    }
                    Some(
                        f.iter()
                            .zip(args)
                            .fold(FunctionBuilder::new(s), |b, (a, c)| match c {
                                Some(c) => b.add_arg(&c),
                                None => b.add_arg(a),
                            })
                            .finish(),
                    )
                }
            }
        }
        AtomView::Pow(p) => power_if_changed(p.get_base(), p.get_exp(), &conj_changed),
        AtomView::Mul(m) => rebuilt_if_changed(m.iter(), true, &conj_changed),
        AtomView::Add(a) => rebuilt_if_changed(a.iter(), false, &conj_changed),
    }
}

/// A product (`product`) or sum with `f` applied to each factor or term
/// (`None`: that one is unchanged), rebuilt with one normalisation only if one
/// of them changes; `None` if none does. The step of a rewrite that leaves
/// untouched parts of an atom as they are ([`conj`], the flavour ordering of
/// the derivation layer).
pub fn rebuilt_if_changed<'a>(
    items: impl Iterator<Item = AtomView<'a>>,
    product: bool,
    f: &dyn Fn(AtomView<'a>) -> Option<Atom>,
) -> Option<Atom> {
    let items: Vec<AtomView<'a>> = items.collect();
    let new: Vec<Option<Atom>> = items.iter().map(|x| f(*x)).collect();
    if new.iter().all(Option::is_none) {
        return None;
    }
    let all: Vec<Atom> = items.iter().zip(new).map(|(x, n)| n.unwrap_or_else(|| x.to_owned())).collect();
    Some(if product { Atom::mul_many(all.iter()) } else { Atom::add_many(all.iter()) })
}

/// `base^exp` with `f` applied to both, as [`rebuilt_if_changed`]: `None` if
/// neither changes.
pub fn power_if_changed<'a>(base: AtomView<'a>, exp: AtomView<'a>, f: &dyn Fn(AtomView<'a>) -> Option<Atom>) -> Option<Atom> {
    let (b, e) = (f(base), f(exp));
    if b.is_none() && e.is_none() {
        return None;
    }
    Some(b.unwrap_or_else(|| base.to_owned()).pow(e.unwrap_or_else(|| exp.to_owned())))
}

/// Imaginary part `(z - conj z) / (2 i)`, expanded.
pub fn im(z: &Atom) -> Atom {
    ((z.clone() - conj(z)) * (Atom::num(-1) * imag_unit() / Atom::num(2))).expand()
}

/// How many Im[...] results [`im_memo`] keeps per thread before it starts afresh.
const IM_MEMO_SIZE: usize = 20_000;

/// [`im`] memoised per thread (its key is the argument; the result is the atom
/// [`im`] gives). The explainer lowers hundreds of variants of one printed
/// claim, and a variant that changes nothing inside an `Im[...]` (a slip
/// elsewhere, an overall sign) meets the same argument again, summand by summand
/// of every sum; the cut-built reactions of the derivation layer share their
/// coupling brackets (`conj(L_tree) L_first L_second`).
pub fn im_memo(z: &Atom) -> Atom {
    thread_local! {
        static TABLE: crate::cas::memo::Table<Atom, Atom> = Default::default();
    }
    crate::cas::memo::get_or_insert(&TABLE, z.clone(), Some(IM_MEMO_SIZE), || im(z))
}

/// Real part `(z + conj z) / 2`, expanded.
pub fn re(z: &Atom) -> Atom {
    ((z.clone() + conj(z)) / Atom::num(2)).expand()
}

/// Whether an expression is real: its conjugate is the same atom (a real
/// parameter, a modulus), or its imaginary part [`im`] vanishes after expansion.
pub fn is_real(z: &Atom) -> bool {
    conj_is_identity(z.as_view()) || conj(z) == *z || is_zero(&im(z))
}

/// Whether [`conj`] leaves `v` as it is, read off without building the
/// conjugate: no complex symbol, unit phase or complex number anywhere in it
/// (real parameters, masses, moduli and their products, sums and powers).
fn conj_is_identity(v: AtomView<'_>) -> bool {
    match v {
        AtomView::Num(_) => v.to_owned().conj().as_view() == v,
        AtomView::Var(x) => {
            let s = x.get_symbol();
            !S.is_unit_phase(s) && S.conjugate_partner(s).is_none()
        }
        AtomView::Fun(f) => S.conjugate_partner(f.get_symbol()).is_none() && f.iter().all(conj_is_identity),
        AtomView::Pow(p) => conj_is_identity(p.get_base()) && conj_is_identity(p.get_exp()),
        AtomView::Mul(m) => m.iter().all(conj_is_identity),
        AtomView::Add(a) => a.iter().all(conj_is_identity),
    }
}

/// Whether an expression vanishes identically (after full expansion).
pub fn is_zero(a: &Atom) -> bool {
    a.expand().is_zero()
}

/// Whether two expressions are identical after expansion of their difference
/// (at once when they are the same atom).
pub fn same(a: &Atom, b: &Atom) -> bool {
    a == b || is_zero(&(a.clone() - b))
}

/// Replace `from` by `to` everywhere (whole-symbol substitution).
pub fn subs(a: &Atom, from: &Atom, to: &Atom) -> Atom {
    a.replace(from.to_pattern()).with(to.to_pattern())
}

/// Apply `f(symbol, atom)` to every indexed coupling atom.
pub fn substitute_couplings(e: &Atom, f: &dyn Fn(Symbol, Atom) -> Option<Atom>) -> Atom {
    fn walk(v: AtomView<'_>, f: &dyn Fn(Symbol, Atom) -> Option<Atom>) -> Atom {
        match v {
            AtomView::Fun(g) => f(g.get_symbol(), v.to_owned()).unwrap_or_else(|| v.to_owned()),
            AtomView::Pow(p) => walk(p.get_base(), f).pow(walk(p.get_exp(), f)),
            AtomView::Mul(m) => m.iter().fold(int(1), |acc, x| acc * walk(x, f)),
            AtomView::Add(a) => a.iter().fold(int(0), |acc, x| acc + walk(x, f)),
            _ => v.to_owned(),
        }
    }
    walk(e.as_view(), f).expand()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memoised Im[...] is the computed one, asked for once and again, for
    /// a real, an imaginary and a mixed argument.
    #[test]
    fn memoised_im_is_im() {
        let y = indexed(S.yu, &[1]);
        let args =
            [(y.clone() * conj(&y)).expand(), imag_unit() * var(S.s), (y.clone() * indexed(S.lam, &[2]) + imag_unit() * int(3)).expand()];
        for _ in 0..2 {
            for z in &args {
                assert_eq!(im_memo(z), im(z));
            }
        }
        assert_eq!(im_memo(&args[1]), var(S.s));
    }

    /// Conjugation rebuilds only what changes: the conjugate of a mixed
    /// expression is the one written by hand, real factors and terms kept.
    #[test]
    fn conjugation_of_mixed_expressions() {
        let (y, l, m) = (indexed(S.yu, &[1]), indexed(S.lam, &[2]), indexed(S.mass, &[1]));
        let (yb, lb) = (indexed(S.yub, &[1]), indexed(S.lamb, &[2]));
        let z = (y.clone() * l.clone() * m.clone().pow(int(-2)) + imag_unit() * m.clone() * var(S.pi) + int(3)).expand();
        let want = (yb.clone() * lb.clone() * m.clone().pow(int(-2)) - imag_unit() * m.clone() * var(S.pi) + int(3)).expand();
        assert_eq!(conj(&z), want);
        assert_eq!(conj(&conj(&z)), z);
        let phase = var(S.e_alpha) * y.clone();
        assert_eq!(conj(&phase), (yb / var(S.e_alpha)).expand());
    }

    /// The structural shortcut of [`is_real`] answers only for what conjugation
    /// leaves alone, and agrees with the conjugate built in full.
    #[test]
    fn conj_is_identity_only_for_real_atoms() {
        let m = |a| indexed(S.mass, &[a]);
        let real = [m(1).pow(int(-2)) * var(S.pi) + int(3), (m(2) * var(S.s)).pow(int(1) / int(2)), int(-7) / int(3)];
        let complex = [indexed(S.yu, &[1]), imag_unit() * m(1), var(S.e_alpha), m(1) + indexed(S.lam, &[2]).pow(int(2))];
        for z in &real {
            assert!(conj_is_identity(z.as_view()) && conj(z) == *z && is_real(z), "{z}");
        }
        for z in &complex {
            assert!(!conj_is_identity(z.as_view()) && conj(z) != *z, "{z}");
        }
        // |y|^2 is real although y is not: the full test still says so
        let y = indexed(S.yu, &[1]);
        assert!(is_real(&(y.clone() * conj(&y))));
        // indexed atoms are the same whether built or recalled
        assert_eq!(indexed(S.mass, &[1]), m(1));
        assert_ne!(indexed(S.mass, &[1]), m(2));
    }
}

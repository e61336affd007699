//! Canonical forms of expressions the derivations produce: a term split into
//! its constant coefficient and monomial, a real expression as a sum of
//! `c Im(m)` (the form of Eqs. 17-20), a constant as `r n_g^a pi^b`.

use crate::cas::algebra::{imag_unit, int};
use crate::cas::print::plain;
use crate::cas::symbols::S;
use symbolica::atom::{Atom, AtomCore, AtomView};

/// Whether a factor of a term is a constant (numbers, pi, n_g, the imaginary unit).
fn is_constant(v: AtomView<'_>) -> bool {
    match v {
        AtomView::Num(_) => true,
        AtomView::Var(x) => x.get_symbol() == S.pi || x.get_symbol() == S.ng,
        AtomView::Pow(p) => is_constant(p.get_base()) && is_constant(p.get_exp()),
        _ => false,
    }
}

/// Split a term into (constant coefficient, remaining monomial).
pub fn split_term(term: AtomView<'_>) -> (Atom, Atom) {
    let factors: Vec<AtomView<'_>> = match term {
        AtomView::Mul(m) => m.iter().collect(),
        other => vec![other],
    };
    let (mut c, mut m) = (int(1), int(1));
    for f in factors {
        if is_constant(f) {
            c *= f.to_owned();
        } else {
            m *= f.to_owned();
        }
    }
    (c, m)
}

/// A real expression written as `sum_k c_k Im(m_k)` with constant `c_k` and
/// monomials `m_k` (letters or couplings), one representative per conjugate pair.
#[derive(Clone, Debug)]
pub struct ImForm {
    pub terms: Vec<(Atom, Atom)>,
    /// Part that is not of the form Im(...) (should be empty for \[D2\]).
    pub rest: Atom,
}

/// Number of conjugated symbols in a monomial (for choosing representatives).
fn conjugated_count(m: &Atom) -> usize {
    fn walk(v: AtomView<'_>) -> usize {
        match v {
            AtomView::Var(x) => S.is_conjugate(x.get_symbol()) as usize,
            AtomView::Fun(f) => S.is_conjugate(f.get_symbol()) as usize + f.iter().map(walk).sum::<usize>(),
            AtomView::Pow(p) => walk(p.get_base()) + walk(p.get_exp()),
            AtomView::Mul(x) => x.iter().map(walk).sum(),
            AtomView::Add(x) => x.iter().map(walk).sum(),
            AtomView::Num(_) => 0,
        }
    }
    walk(m.as_view())
}

/// Decompose a real expression `E = sum_m k_m m` into `sum c Im(m)`.
pub fn im_form(e: &Atom) -> ImForm {
    let e = e.expand();
    let mut reps: Vec<(Atom, Atom)> = vec![];
    // the monomials of one expanded expression and their conjugates are themselves
    // expanded, so two of them are the same monomial exactly when they are the same atom
    let mut index: std::collections::HashMap<Atom, usize> = std::collections::HashMap::new();
    for t in e.terms() {
        let (k, m) = split_term(t);
        let mb = crate::cas::algebra::conj(&m);
        // coefficient of m in c Im(m) is c/(2i): c = 2 i k
        let c = (int(2) * imag_unit() * k).expand();
        let (cm, cb) = (conjugated_count(&m), conjugated_count(&mb));
        let (rep, sign) = if cm < cb || (cm == cb && plain(&m) <= plain(&mb)) { (m, 1) } else { (mb, -1) };
        let contrib = (int(sign) * c / int(2)).expand();
        match index.get(&rep) {
            Some(&k) => reps[k].0 = (reps[k].0.clone() + contrib).expand(),
            None => {
                index.insert(rep.clone(), reps.len());
                reps.push((contrib, rep));
            }
        }
    }
    reps.retain(|(c, _)| !c.is_zero());
    // whatever is not reproduced by the Im terms
    let rebuilt = reps.iter().fold(int(0), |acc, (c, m)| acc + c.clone() * crate::cas::algebra::im(m));
    let rest = (e - rebuilt).expand();
    ImForm { terms: reps, rest }
}

/// A constant coefficient `r * n_g^a * pi^b` split into its parts, if it has that form.
pub fn split_coefficient(c: &Atom) -> Option<(symbolica::domains::rational::Rational, i64, i64)> {
    use symbolica::domains::rational::Rational;
    let mut r = Rational::from(1);
    let (mut ng, mut pi) = (0i64, 0i64);
    let factors: Vec<AtomView<'_>> = match c.as_view() {
        AtomView::Mul(m) => m.iter().collect(),
        other => vec![other],
    };
    for f in factors {
        match f {
            AtomView::Num(_) => r = &r * &Rational::try_from(f).ok()?,
            AtomView::Var(x) if x.get_symbol() == S.ng => ng += 1,
            AtomView::Var(x) if x.get_symbol() == S.pi => pi += 1,
            AtomView::Pow(p) => {
                let e = i64::try_from(p.get_exp()).ok()?;
                match p.get_base().get_symbol() {
                    Some(s) if s == S.ng => ng += e,
                    Some(s) if s == S.pi => pi += e,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some((r, ng, pi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cas::algebra::{conj, im, indexed, same, var};

    /// `im_form` recovers `sum c Im(m)` with one representative per conjugate
    /// pair: Im(m) and -Im(conj m) are one term, whichever order the factors
    /// were multiplied in, and nothing is left over.
    #[test]
    fn im_form_merges_a_monomial_and_its_conjugate() {
        let (y, l, m) = (indexed(S.yu, &[1]), indexed(S.lam, &[2]), indexed(S.mass, &[1]));
        let a = y.clone() * conj(&l) * m.clone().pow(int(-2));
        let b = indexed(S.yu, &[2]) * l.clone() * var(S.ng);
        let a_other_order = m.clone().pow(int(-2)) * conj(&l) * y.clone();
        let e = int(3) * im(&a) - im(&conj(&a_other_order)) + int(5) * im(&b) * var(S.pi);
        let f = im_form(&e);
        assert!(f.rest.is_zero(), "rest {}", f.rest);
        assert_eq!(f.terms.len(), 2, "{:?}", f.terms);
        let rebuilt = f.terms.iter().fold(int(0), |acc, (c, r)| acc + c.clone() * im(r));
        assert!(same(&rebuilt, &e));
        // the representative of each pair carries fewer conjugated couplings
        for (_, r) in &f.terms {
            assert!(conjugated_count(r) <= conjugated_count(&conj(r)), "{r}");
        }
        let coefficient_of = |x: &Atom| f.terms.iter().find(|(_, r)| same(r, x) || same(r, &conj(x))).map(|(c, r)| (c.clone(), same(r, x)));
        let (ca, direct) = coefficient_of(&a).expect("Im(a) found");
        assert!(same(&ca, &(if direct { int(4) } else { int(-4) })), "{ca}");
    }
}

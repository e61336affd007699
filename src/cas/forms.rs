//! Canonical forms of expressions the derivations produce: a term split into
//! its constant coefficient and monomial, a real expression as a sum of
//! `c Im(m)` (the form of Eqs. 17-20), a constant as `r n_g^a pi^b`.

use crate::cas::algebra::{imag_unit, int, same};
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
    for t in e.terms() {
        let (k, m) = split_term(t);
        let mb = crate::cas::algebra::conj(&m);
        // coefficient of m in c Im(m) is c/(2i): c = 2 i k
        let c = (int(2) * imag_unit() * k).expand();
        let (rep, sign) =
            if conjugated_count(&m) < conjugated_count(&mb) || (conjugated_count(&m) == conjugated_count(&mb) && plain(&m) <= plain(&mb)) {
                (m, 1)
            } else {
                (mb, -1)
            };
        let contrib = (int(sign) * c / int(2)).expand();
        match reps.iter_mut().find(|(_, r)| same(r, &rep)) {
            Some(entry) => entry.0 = (entry.0.clone() + contrib).expand(),
            None => reps.push((contrib, rep)),
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

//! Comparing a printed expression with a derived one, and saying how they
//! differ: equal, an overall factor (which), a sign, or term by term.

use crate::cas::algebra::{int, same};
use crate::cas::forms::{ImForm, split_term};
use crate::cas::print::{coefficient_string, letter_name, monomial_string, plain};
use symbolica::atom::{Atom, AtomCore, AtomView};

/// How a printed expression relates to the derived one.
#[derive(Clone, Debug)]
pub enum Relation {
    /// Identical after expansion.
    Equal,
    /// `printed = factor * derived` with a constant factor (numbers, pi, n_g).
    Factor(Atom),
    /// Not related by a constant: `printed - derived` is given.
    Different(Atom),
}

/// Whether [`relate`] finds the two [`Relation::Equal`], without its search for
/// a factor when they are not (what the explainer's status-only re-runs need).
pub fn equal(printed: &Atom, derived: &Atom) -> bool {
    (printed.clone() - derived).expand().is_zero()
}

/// Compare printed and derived expressions.
pub fn relate(printed: &Atom, derived: &Atom) -> Relation {
    let diff = (printed.clone() - derived).expand();
    if diff.is_zero() {
        return Relation::Equal;
    }
    let p = printed.expand();
    let d = derived.expand();
    if p.is_zero() || d.is_zero() {
        return Relation::Different(diff);
    }
    // candidate factor from the first derived term and its printed partner
    let first = d.terms().next().map(|t| split_term(t));
    if let Some((cd, md)) = first {
        for tp in p.terms() {
            let (cp, mp) = split_term(tp);
            if same(&mp, &md) {
                let r = (cp / cd).expand();
                if same(&p, &(r.clone() * d.clone())) {
                    return Relation::Factor(r);
                }
                break;
            }
        }
    }
    Relation::Different(diff)
}

/// Describe a factor in words.
pub fn describe_factor(r: &Atom) -> String {
    if same(r, &int(-1)) {
        "opposite sign: printed = -(derived)".into()
    } else {
        format!("overall factor: printed = ({}) x derived", plain(r))
    }
}

/// Explain, term by term, how two Im-forms differ.
pub fn explain_im_difference(printed: &ImForm, derived: &ImForm) -> Vec<String> {
    let mut out = vec![];
    let mut unmatched_p: Vec<&(Atom, Atom)> = vec![];
    let mut matched_d = vec![false; derived.terms.len()];
    for tp in &printed.terms {
        match derived.terms.iter().position(|td| same(&td.1, &tp.1)) {
            Some(k) => {
                matched_d[k] = true;
                let td = &derived.terms[k];
                if !same(&td.0, &tp.0) {
                    out.push(format!(
                        "coefficient of Im({}): printed {} vs derived {}",
                        monomial_string(&tp.1),
                        coefficient_string(&tp.0),
                        coefficient_string(&td.0)
                    ));
                }
            }
            None => unmatched_p.push(tp),
        }
    }
    let unmatched_d: Vec<&(Atom, Atom)> = derived.terms.iter().zip(matched_d).filter(|(_, m)| !m).map(|(t, _)| t).collect();
    let mut used_d = vec![false; unmatched_d.len()];
    for tp in unmatched_p {
        // a single conjugated factor?
        let mut explained = false;
        for (k, td) in unmatched_d.iter().enumerate() {
            if used_d[k] {
                continue;
            }
            // Im(m) = -Im(conj m): try the printed term in both orientations
            let flipped = (crate::cas::algebra::conj(&tp.1), (int(-1) * tp.0.clone()).expand());
            for (pm, pc) in [(tp.1.clone(), tp.0.clone()), flipped] {
                if let Some(f) = differs_by_one_conjugation(&pm, &td.1) {
                    let coeff = if same(&pc, &td.0) {
                        String::new()
                    } else {
                        format!(" (and coefficient {} vs {})", coefficient_string(&pc), coefficient_string(&td.0))
                    };
                    out.push(format!(
                        "complex conjugation on {f}: printed ({})*Im({}) where derived has ({})*Im({}){coeff}",
                        coefficient_string(&pc),
                        monomial_string(&pm),
                        coefficient_string(&td.0),
                        monomial_string(&td.1)
                    ));
                    used_d[k] = true;
                    explained = true;
                    break;
                }
            }
            if explained {
                break;
            }
        }
        if !explained {
            out.push(format!("term ({})*Im({}) is printed but not derived", coefficient_string(&tp.0), monomial_string(&tp.1)));
        }
    }
    for (k, td) in unmatched_d.iter().enumerate() {
        if !used_d[k] {
            out.push(format!("term ({})*Im({}) is derived but not printed", coefficient_string(&td.0), monomial_string(&td.1)));
        }
    }
    out
}

/// If `a` equals `b` with exactly one factor conjugated, name that factor (as in b).
fn differs_by_one_conjugation(a: &Atom, b: &Atom) -> Option<String> {
    let factors = |m: &Atom| -> Vec<Atom> {
        match m.as_view() {
            AtomView::Mul(mm) => mm.iter().flat_map(expand_power).collect(),
            other => expand_power(other),
        }
    };
    let fa = factors(a);
    let fb = factors(b);
    if fa.len() != fb.len() {
        return None;
    }
    for (k, f) in fb.iter().enumerate() {
        let mut rest = fb.clone();
        rest[k] = crate::cas::algebra::conj(f);
        let prod = rest.iter().fold(int(1), |acc, x| acc * x.clone());
        if same(&prod, a) && !same(f, &crate::cas::algebra::conj(f)) {
            return Some(letter_name(f));
        }
    }
    None
}

fn expand_power(v: AtomView<'_>) -> Vec<Atom> {
    if let AtomView::Pow(p) = v
        && let Ok(n) = i64::try_from(p.get_exp())
        && (1..=8).contains(&n)
    {
        return vec![p.get_base().to_owned(); n as usize];
    }
    vec![v.to_owned()]
}

//! Printed and derived forms as LaTeX in the paper's notation (issue 17), with
//! what differs highlighted: the terms of a sum that have no equal on the
//! other side, or, when a single term differs, its differing factors (a sign,
//! a loop factor, a conjugated coupling). Highlights are `{\color{red} ...}`,
//! which GitHub's Markdown math, KaTeX and the MathML converter of the HTML
//! report all read.

use crate::cas::notation::{latex, no_names};
use symbolica::atom::{Atom, AtomView};

fn parts(a: &Atom, add: bool) -> Vec<Atom> {
    match (a.as_view(), add) {
        (AtomView::Add(s), true) => s.iter().map(|t| t.to_owned()).collect(),
        (AtomView::Mul(m), false) => m.iter().map(|t| t.to_owned()).collect(),
        _ => vec![a.clone()],
    }
}

/// For each element of `a`, whether it has no equal in `b` (multiset matching).
fn unmatched(a: &[Atom], b: &[Atom]) -> Vec<bool> {
    let mut free: Vec<bool> = vec![true; b.len()];
    a.iter()
        .map(|x| match b.iter().enumerate().position(|(k, y)| free[k] && y == x) {
            Some(k) => {
                free[k] = false;
                false
            }
            None => true,
        })
        .collect()
}

/// Highlighted; a leading minus stays outside, so that sums still read `a - b`.
fn red(s: &str) -> String {
    match s.trim().strip_prefix('-') {
        Some(rest) => format!("-{{\\color{{red}} {}}}", rest.trim_start()),
        None => format!("{{\\color{{red}} {}}}", s.trim()),
    }
}

fn product(factors: &[Atom]) -> Atom {
    factors.iter().fold(Atom::num(1), |acc, f| acc * f)
}

/// A term with the factors flagged in `mark` highlighted.
fn term_latex(factors: &[Atom], mark: &[bool]) -> String {
    let keep: Vec<Atom> = factors.iter().zip(mark).filter(|(_, m)| !**m).map(|(f, _)| f.clone()).collect();
    let diff: Vec<Atom> = factors.iter().zip(mark).filter(|(_, m)| **m).map(|(f, _)| f.clone()).collect();
    if diff.is_empty() {
        return latex(&product(factors), &no_names);
    }
    // a differing factor keeps its sign inside the highlight (a flipped sign is the difference)
    let d = format!("{{\\color{{red}} {}}}", latex(&product(&diff), &no_names).trim());
    if keep.is_empty() { d } else { format!("{d} \\, {}", latex(&product(&keep), &no_names)) }
}

fn join(terms: &[String]) -> String {
    let mut out = String::new();
    for (k, t) in terms.iter().enumerate() {
        let t = t.trim();
        if k == 0 {
            out.push_str(t);
        } else if let Some(rest) = t.strip_prefix('-') {
            out.push_str(" - ");
            out.push_str(rest.trim_start());
        } else {
            out.push_str(" + ");
            out.push_str(t);
        }
    }
    out
}

/// A form given as text in LaTeX, if the whole text is one expression with at
/// least one symbol (not a number, not words).
pub fn expression_latex(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.contains([';', ':', '=', '<', '>', '~']) || t.split_whitespace().count() > 1 && !t.contains(['*', '+', '/', '(']) {
        return None;
    }
    let a = crate::transcript::claims::parse_expression(t).ok()?;
    let has_symbol = {
        fn any_symbol(v: AtomView<'_>) -> bool {
            match v {
                AtomView::Var(_) | AtomView::Fun(_) => true,
                AtomView::Num(_) => false,
                AtomView::Pow(p) => any_symbol(p.get_base()) || any_symbol(p.get_exp()),
                AtomView::Mul(m) => m.iter().any(any_symbol),
                AtomView::Add(s) => s.iter().any(any_symbol),
            }
        }
        any_symbol(a.as_view())
    };
    has_symbol.then(|| latex(&a, &no_names))
}

/// Two sums of c Im(monomial) (the [D2] and |Delta M|^2 forms) in LaTeX, the
/// differences highlighted; None if a form does not read back as an expression.
pub fn im_forms(printed: &crate::cas::forms::ImForm, derived: &crate::cas::forms::ImForm) -> Option<(String, String)> {
    let atom = |f| crate::transcript::claims::parse_expression(&crate::cas::print::im_form_string(f)).ok();
    Some(highlighted(&atom(printed)?, &atom(derived)?))
}

/// The printed and the derived expression in LaTeX, the differences highlighted.
pub fn highlighted(printed: &Atom, derived: &Atom) -> (String, String) {
    if printed == derived {
        return (latex(printed, &no_names), latex(derived, &no_names));
    }
    let (tp, td) = (parts(printed, true), parts(derived, true));
    let (up, ud) = (unmatched(&tp, &td), unmatched(&td, &tp));
    let single = up.iter().filter(|x| **x).count() == 1 && ud.iter().filter(|x| **x).count() == 1;
    let render = |terms: &[Atom], un: &[bool], other: Option<&Atom>| -> String {
        let pieces: Vec<String> = terms
            .iter()
            .zip(un)
            .map(|(t, u)| match (u, other) {
                (false, _) => latex(t, &no_names),
                // one term differs on each side: mark its differing factors
                (true, Some(o)) => {
                    let (f, g) = (parts(t, false), parts(o, false));
                    term_latex(&f, &unmatched(&f, &g))
                }
                (true, None) => red(&latex(t, &no_names)),
            })
            .collect();
        join(&pieces)
    };
    let pick = |terms: &[Atom], un: &[bool]| terms.iter().zip(un).find(|(_, u)| **u).map(|(t, _)| t.clone());
    let (op, od) = if single { (pick(&td, &ud), pick(&tp, &up)) } else { (None, None) };
    (render(&tp, &up, op.as_ref()), render(&td, &ud, od.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Atom {
        symbolica::parse!(s)
    }

    #[test]
    fn expressions_given_as_text() {
        assert!(expression_latex("(-3/(32*pi^2))*Im(conj(A)*C*D)").is_some_and(|l| l.contains("\\pi")));
        assert_eq!(expression_latex("7.257e-21"), None);
        assert_eq!(expression_latex("xi from 0.1 to 0.4"), None);
        assert_eq!(expression_latex("a; b"), None);
    }

    #[test]
    fn a_differing_term_is_highlighted_on_both_sides() {
        let (a, b) = highlighted(&p("x + y^2 + z"), &p("x + y^3 + z"));
        assert!(a.contains("\\color{red}") && b.contains("\\color{red}"), "{a} | {b}");
        assert!(a.contains("y^{2}") && b.contains("y^{3}"), "{a} | {b}");
        // the common terms are not red
        assert_eq!(a.matches("\\color{red}").count(), 1);
    }

    #[test]
    fn a_differing_factor_is_highlighted_not_the_term() {
        // the sign of Eq. (79)-(82): one factor -1
        let (a, b) = highlighted(&p("3/32*x*y"), &p("-3/32*x*y"));
        assert!(a.contains("\\color{red}") && b.contains("\\color{red}"), "{a} | {b}");
        assert!(!b.split("\\color{red}").nth(1).unwrap_or("").split('}').next().unwrap_or("").contains('x'), "{b}");
        let (a, b) = highlighted(&p("x"), &p("x"));
        assert!(!a.contains("color") && !b.contains("color"));
    }
}

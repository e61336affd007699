//! Printed and derived forms as LaTeX in the paper's notation (issue 17), with
//! what differs highlighted: the terms of a sum that have no equal on the
//! other side, or, when a single term differs, its differing factors (a sign,
//! a loop factor, a conjugated coupling). Highlights are `{\color{red} ...}`,
//! which GitHub's Markdown math, KaTeX and the MathML converter of the HTML
//! report all read.

use crate::cas::notation::{latex, no_names};
use symbolica::atom::{Atom, AtomCore, AtomView};

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
    // two words side by side ("33/79 and 3") are prose, not a product
    let words: Vec<&str> = t.split_whitespace().collect();
    let wordy = |w: &&str, last: bool| {
        let c = if last { w.chars().last() } else { w.chars().next() };
        c.is_some_and(|c| c.is_alphanumeric() || c == ')' && last || c == '(' && !last)
    };
    if words.windows(2).any(|p| wordy(&p[0], true) && wordy(&p[1], false)) {
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

/// `conj` pushed down to the couplings and `Re` read as `re`, so that two
/// spellings of one transcription-language form (`conj(sum(b, x))` and
/// `sum(b, conj(x))`) compare equal term by term. Masses `M(a)`, `pi` and the
/// real functions (`abs`, `re`, `im`) are real; sum indices are left alone.
fn conj_inward(v: AtomView<'_>, conjugated: bool) -> Atom {
    use symbolica::atom::FunctionBuilder;
    let rebuild =
        |name: &str, args: Vec<Atom>| args.into_iter().fold(FunctionBuilder::new(symbolica::symbol!(name)), |b, a| b.add_arg(a)).finish();
    let starred = |a: Atom| if conjugated { rebuild("conj", vec![a]) } else { a };
    match v {
        AtomView::Num(_) => {
            if conjugated {
                v.to_owned().conj()
            } else {
                v.to_owned()
            }
        }
        AtomView::Var(x) => match x.get_symbol().get_stripped_name() {
            "pi" | "\u{1d70b}" => v.to_owned(),
            _ => starred(v.to_owned()),
        },
        AtomView::Fun(f) => {
            let name = f.get_symbol().get_stripped_name().to_string();
            let args: Vec<AtomView<'_>> = f.iter().collect();
            match (name.as_str(), args.as_slice()) {
                ("conj", [x]) => conj_inward(*x, !conjugated),
                ("sum", [index, body]) => rebuild("sum", vec![index.to_owned(), conj_inward(*body, conjugated)]),
                ("abs" | "re" | "Re" | "im" | "Im", [x]) => rebuild(&name.to_lowercase(), vec![conj_inward(*x, false)]),
                ("M", _) => v.to_owned(),
                _ => starred(v.to_owned()),
            }
        }
        AtomView::Pow(p) => conj_inward(p.get_base(), conjugated).pow(p.get_exp().to_owned()),
        AtomView::Mul(m) => m.iter().fold(Atom::num(1), |acc, f| acc * conj_inward(f, conjugated)),
        AtomView::Add(a) => a.iter().fold(Atom::num(0), |acc, t| acc + conj_inward(t, conjugated)),
    }
}

/// A derived text that mixes formulas and words (`n_eq n-bar_eq = <expr>; d/dmu of it = 0`)
/// in LaTeX: each `; `-separated part that is an expression, or `words = expression`,
/// becomes mathematics, the other parts `\text{...}`. None when no part is a
/// formula, or when a part of words holds characters that text mode would need
/// escaped (the plain text then stays as it is).
pub fn mixed_latex(text: &str) -> Option<String> {
    let words = |w: &str| -> Option<String> {
        let plain = w.chars().all(|c| c.is_alphanumeric() || " .,:()[]-+/'=*|!?<>".contains(c));
        plain.then(|| format!("\\text{{{w}}}"))
    };
    // a formula, not a single word read as a symbol
    let formula = |t: &str| if t.contains(['*', '+', '/', '^', '(']) { expression_latex(t) } else { None };
    // the left side of `lhs = rhs`: an identifier, or `name^(k)` (a label such as omega^(1), not a power)
    let lhs_latex = |t: &str| -> Option<String> {
        if let Some((name, k)) = t.split_once("^(").and_then(|(n, r)| r.strip_suffix(')').map(|k| (n, k))) {
            let base = expression_latex(name)?;
            return Some(format!("{base}^{{({k})}}"));
        }
        if t.chars().all(|c| c.is_alphanumeric() || c == '_') { expression_latex(t) } else { words(t) }
    };
    let mut any = false;
    let mut parts = vec![];
    for seg in text.split("; ") {
        let seg = seg.trim();
        if let Some(m) = formula(seg) {
            any = true;
            parts.push(m);
            continue;
        }
        // `label: expression`
        if let Some((label, rest)) = seg.rsplit_once(": ")
            && let Some(m) = formula(rest)
        {
            any = true;
            parts.push(format!("{} \\; {m}", words(&format!("{label}:"))?));
            continue;
        }
        match seg.split_once(" = ") {
            Some((lhs, rhs)) if !rhs.contains(" = ") => match formula(rhs) {
                Some(r) => {
                    any = true;
                    let l = lhs_latex(lhs)?;
                    parts.push(format!("{l} = {r}"));
                }
                None => parts.push(words(seg)?),
            },
            _ => parts.push(words(seg)?),
        }
    }
    // code identifiers (`\mathrm{inv\_gamma\_T}`) are not the paper's notation: keep the text
    let out = parts.join(" ;\\quad ");
    (any && !out.contains("\\_")).then_some(out)
}

/// One form of the transcription language in LaTeX (None if it does not parse).
pub fn transcript_latex(text: &str) -> Option<String> {
    crate::transcript::claims::parse_expression(text).ok().map(|a| latex(&conj_inward(a.as_view(), false), &no_names))
}

/// Two forms of the transcription language (the printed text and the derived
/// form written in it) in LaTeX, what differs highlighted; None if either does
/// not parse. Forms equal up to the placement of `conj` show no highlight.
pub fn transcript_pair(printed: &str, derived: &str) -> Option<(String, String)> {
    let read = |t: &str| crate::transcript::claims::parse_expression(t).ok().map(|a| conj_inward(a.as_view(), false));
    Some(highlighted(&read(printed)?, &read(derived)?))
}

/// One sum of c Im(monomial) in LaTeX (None if it does not read back as an expression).
pub fn im_form_latex(form: &crate::cas::forms::ImForm) -> Option<String> {
    im_forms(form, form).map(|(_, d)| d)
}

/// Two sums of c Im(monomial) (the \[D2\] and |Delta M|^2 forms) in LaTeX, the
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
        assert_eq!(expression_latex("33/79/pi^4 and 3/pi^4"), None);
        assert!(expression_latex("sin(alpha - beta) + 2*x").is_some());
        // mixed text: formulas as mathematics, words as text, code identifiers refused
        let m = mixed_latex("with derived [D2]: 0; with printed: (-n_g/(16*pi^2))*Im(conj(B)*C*D)").unwrap();
        assert!(m.contains("\\text{with derived") && m.contains("\\pi"), "{m}");
        assert_eq!(mixed_latex("2*inv_gamma_T*x; words"), None);
        assert_eq!(mixed_latex("no formula here; none"), None);
        // omega^(1) is a label, not a power
        assert!(mixed_latex("omega^(1) = 3*x/pi^4").is_some_and(|m| m.starts_with("\\omega^{(1)} =")));
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
    fn transcription_forms_compare_after_moving_conj_inward() {
        // Table 3 row 5 as printed against the derived form written as Bilinear::plain does
        let printed = "3*Re(sum(a, y(i,a)*M(a)^(-3)*y(j,a))*sum(b, conj(y(i,b))/M(b)*conj(y(j,b))))";
        let derived = "-3*re(sum(a, y(i,a)*M(a)^-3*y(j,a))*conj(sum(b, y(i,b)*M(b)^-1*y(j,b))))";
        let (a, b) = transcript_pair(printed, derived).unwrap();
        // only the coefficient differs: one highlight each, the sums untouched
        assert_eq!((a.matches("\\color{red}").count(), b.matches("\\color{red}").count()), (1, 1), "{a} | {b}");
        assert!(b.contains("{\\color{red} -3}") && a.contains("{\\color{red} 3}"), "{a} | {b}");
        assert!(a.contains("\\sum_{a}") && a.contains("y_{ia}"), "{a}");
        let (a, b) = transcript_pair(&printed.replace("3*", "-3*"), derived).unwrap();
        assert!(!a.contains("color") && !b.contains("color"), "{a} | {b}");
        assert_eq!(a, b);
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

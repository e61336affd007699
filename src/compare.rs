//! Comparing a printed expression with a derived one, and saying how they
//! differ: equal, an overall factor (which), a sign, or term by term.

use crate::algebra::{imag_unit, int, plain, same};
use crate::symbols::S;
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
            c = c * f.to_owned();
        } else {
            m = m * f.to_owned();
        }
    }
    (c, m)
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

/// A real expression written as `sum_k c_k Im(m_k)` with constant `c_k` and
/// monomials `m_k` (letters or couplings), one representative per conjugate pair.
#[derive(Clone, Debug)]
pub struct ImForm {
    pub terms: Vec<(Atom, Atom)>,
    /// Part that is not of the form Im(...) (should be empty for [D2]).
    pub rest: Atom,
}

/// Number of conjugated symbols in a monomial (for choosing representatives).
fn conjugated_count(m: &Atom) -> usize {
    let s = plain(m);
    ["Ab", "Bb", "Cb", "Db", "yb", "yub", "lamb"]
        .iter()
        .map(|n| s.matches(n).count())
        .sum()
}

/// Decompose a real expression `E = sum_m k_m m` into `sum c Im(m)`.
pub fn im_form(e: &Atom) -> ImForm {
    let e = e.expand();
    let mut reps: Vec<(Atom, Atom)> = vec![];
    for t in e.terms() {
        let (k, m) = split_term(t);
        let mb = crate::algebra::conj(&m);
        // coefficient of m in c Im(m) is c/(2i): c = 2 i k
        let c = (int(2) * imag_unit() * k).expand();
        let (rep, sign) = if conjugated_count(&m) < conjugated_count(&mb)
            || (conjugated_count(&m) == conjugated_count(&mb) && plain(&m) <= plain(&mb))
        {
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
    let rebuilt = reps.iter().fold(int(0), |acc, (c, m)| acc + c.clone() * crate::algebra::im(m));
    let rest = (e - rebuilt).expand();
    ImForm { terms: reps, rest }
}

/// Human-readable form of a monomial in letters (`conj(A)*C*D`).
pub fn monomial_string(m: &Atom) -> String {
    let factors: Vec<AtomView<'_>> = match m.as_view() {
        AtomView::Mul(mm) => mm.iter().collect(),
        other => vec![other],
    };
    let mut parts = vec![];
    for f in factors {
        let (base, exp) = match f {
            AtomView::Pow(p) => (p.get_base().to_owned(), Some(plain(&p.get_exp().to_owned()))),
            other => (other.to_owned(), None),
        };
        let b = letter_name(&base);
        parts.push(match exp {
            Some(e) => format!("{b}^{e}"),
            None => b,
        });
    }
    // the paper's order: by letter, whether conjugated or not
    parts.sort_by_key(|p| p.trim_start_matches("conj(").to_string());
    parts.join("*")
}

fn letter_name(a: &Atom) -> String {
    let p = plain(a);
    let names = [("Ab", "A"), ("Bb", "B"), ("Cb", "C"), ("Db", "D"), ("yub", "yu"), ("yb", "y"), ("lamb", "lam")];
    for (bar, name) in names {
        if let Some(rest) = p.strip_prefix(bar) {
            if rest.is_empty() || rest.starts_with('(') {
                return format!("conj({name}{rest})");
            }
        }
    }
    p
}

/// `c1*Im(m1) + c2*Im(m2) ...` as a string.
pub fn im_form_string(f: &ImForm) -> String {
    if f.terms.is_empty() {
        return "0".into();
    }
    let mut s: Vec<String> = f.terms.iter().map(|(c, m)| format!("({})*Im({})", coefficient_string(c), monomial_string(m))).collect();
    if !f.rest.is_zero() {
        s.push(format!("({})", plain(&f.rest)));
    }
    s.join(" + ")
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
            let flipped = (crate::algebra::conj(&tp.1), (int(-1) * tp.0.clone()).expand());
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
        rest[k] = crate::algebra::conj(f);
        let prod = rest.iter().fold(int(1), |acc, x| acc * x.clone());
        if same(&prod, a) && !same(f, &crate::algebra::conj(f)) {
            return Some(letter_name(f));
        }
    }
    None
}

fn expand_power(v: AtomView<'_>) -> Vec<Atom> {
    if let AtomView::Pow(p) = v {
        if let Ok(n) = i64::try_from(p.get_exp()) {
            if (1..=8).contains(&n) {
                return vec![p.get_base().to_owned(); n as usize];
            }
        }
    }
    vec![v.to_owned()]
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

/// Numerator and denominator factors of `r * n_g^a * pi^b`, with a power
/// formatter `pow(name, exponent)`; returns (negative?, numerator, denominator).
fn coefficient_parts(c: &Atom, pi: &str, pow: &dyn Fn(&str, i64) -> String) -> Option<(bool, Vec<String>, Vec<String>)> {
    let (r, ng, p) = split_coefficient(c)?;
    let (num, den) = (r.numerator(), r.denominator());
    let one = symbolica::domains::integer::Integer::from(1);
    let (mut top, mut bottom) = (vec![], vec![]);
    if num.clone().abs() != one || (ng <= 0 && p <= 0) {
        top.push(num.clone().abs().to_string());
    }
    for (name, e) in [("n_g", ng), (pi, p)] {
        if e > 0 {
            top.push(pow(name, e));
        } else if e < 0 {
            bottom.push(pow(name, -e));
        }
    }
    if den != one {
        bottom.insert(0, den.to_string());
    }
    Some((num.is_negative(), top, bottom))
}

/// `3*n_g/(64*pi^2)`-style string of a constant coefficient.
pub fn coefficient_string(c: &Atom) -> String {
    let pow = |name: &str, e: i64| if e == 1 { name.to_string() } else { format!("{name}^{e}") };
    let Some((neg, top, bottom)) = coefficient_parts(c, "pi", &pow) else { return plain(c) };
    let sign = if neg { "-" } else { "" };
    let t = top.join("*");
    match bottom.len() {
        0 => format!("{sign}{t}"),
        1 => format!("{sign}{t}/{}", bottom[0]),
        _ => format!("{sign}{t}/({})", bottom.join("*")),
    }
}

/// LaTeX of a constant coefficient: `-\frac{3 n_g}{64 \pi^{2}}`.
pub fn coefficient_latex(c: &Atom) -> String {
    let pow = |name: &str, e: i64| if e == 1 { name.to_string() } else { format!("{name}^{{{e}}}") };
    let Some((neg, top, bottom)) = coefficient_parts(c, "\\pi", &pow) else { return crate::algebra::latex(c) };
    let sign = if neg { "-" } else { "" };
    if bottom.is_empty() { format!("{sign}{}", top.join(" ")) } else { format!("{sign}\\frac{{{}}}{{{}}}", top.join(" "), bottom.join(" ")) }
}

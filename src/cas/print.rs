//! All printing of atoms to text in one place: plain Symbolica syntax (the text
//! the transcription language reads back), the paper's coupling names, and
//! constant coefficients and monomials as text or LaTeX. LaTeX and Mathematica
//! of whole atoms, in the paper's notation: [`crate::cas::notation`].

use crate::cas::forms::{ImForm, split_coefficient};
use crate::cas::symbols::CONJUGATE_PAIRS;
use symbolica::atom::{Atom, AtomCore, AtomView};
use symbolica::printer::PrintOptions;

/// Printing options without colours and namespaces, in Symbolica syntax.
pub fn plain_options() -> PrintOptions {
    let mut o = PrintOptions::new();
    o.color_mode = symbolica::printer::ColorMode::Never;
    o.color_top_level_sum = false;
    o.color_builtin_symbols = false;
    o.bracket_level_colors = None;
    o.hide_all_namespaces = true;
    o.print_ring = false;
    o
}

/// Plain Symbolica-syntax string of an atom (no ANSI colours, no namespaces).
pub fn plain(a: &Atom) -> String {
    // spell the built-in constants the way the transcription language does
    format!("{}", a.printer(plain_options())).replace('\u{1d70b}', "pi").replace('\u{1d456}', "I")
}

/// Rewrite internal coupling names of a printed atom string in the notation of
/// the transcription language: `yu(1)` -> `y(1)`, `yub(1)` -> `conj(y(1))`,
/// `yb(i,a)` -> `conj(y(i,a))`, `lam(a)` -> `lambda(a)`, `lamb(a)` -> `conj(lambda(a))`.
pub fn pretty(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut k = 0;
    // (internal name with its bracket, paper name, conjugated?) for the couplings
    let table: Vec<(String, &str, bool)> = CONJUGATE_PAIRS
        .iter()
        .filter(|p| p.coupling)
        .flat_map(|p| [(format!("{}(", p.conjugate), p.paper, true), (format!("{}(", p.name), p.paper, false)])
        .collect();
    'outer: while k < s.len() {
        let boundary = k == 0 || !(bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'_');
        if boundary {
            for (from, to, conjugated) in &table {
                if s[k..].starts_with(from.as_str()) {
                    let rest = &s[k + from.len()..];
                    if let Some(close) = rest.find(')') {
                        let args = &rest[..close];
                        if *conjugated {
                            out.push_str(&format!("conj({to}({args}))"));
                        } else {
                            out.push_str(&format!("{to}({args})"));
                        }
                        k += from.len() + close + 1;
                        continue 'outer;
                    }
                }
            }
        }
        let ch = s[k..].chars().next().expect("in bounds");
        out.push(ch);
        k += ch.len_utf8();
    }
    out
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

pub fn letter_name(a: &Atom) -> String {
    let p = plain(a);
    for pair in &CONJUGATE_PAIRS {
        let (bar, name) = (pair.conjugate, pair.name);
        if let Some(rest) = p.strip_prefix(bar)
            && (rest.is_empty() || rest.starts_with('('))
        {
            return format!("conj({name}{rest})");
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
    let Some((neg, top, bottom)) = coefficient_parts(c, "\\pi", &pow) else {
        return crate::cas::notation::latex(c, &crate::cas::notation::no_names);
    };
    let sign = if neg { "-" } else { "" };
    if bottom.is_empty() {
        format!("{sign}{}", top.join(" "))
    } else {
        format!("{sign}\\frac{{{}}}{{{}}}", top.join(" "), bottom.join(" "))
    }
}

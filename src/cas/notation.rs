//! The paper's notation for every internal symbol, and the printers of atoms
//! to LaTeX and to Mathematica in it (the targets of `cogenesis derive` and
//! of the reports).
//!
//! - LaTeX: `y_{ia}`, `\lambda_{a}^{*}`, `M_{1}`, `\xi`, `n_g`, `\pi`, the
//!   letters `A`, `B`, `C`, `D` of Eq. (78) with `^{*}` for their conjugates,
//!   `|y_1|`, `e^{i\alpha}`; fractions as `\frac`, square roots as `\sqrt`.
//!   It renders in KaTeX (checked by `scripts/check_exports.sh`).
//! - Mathematica: valid symbols only (no underscores, which Mathematica reads
//!   as patterns): `y[i, a]`, `Conjugate[lambda[a]]`, `M[1]`, `xi`, `ng`, `Pi`,
//!   `Abs[y[1]]`, `Exp[I alpha]`; explicit `*` between factors.
//!
//! Symbols the cas layer does not know (the \[S1\], \[S2\], \[D2\] of a reaction)
//! are named by the caller through a [`Names`](crate::cas::notation::Names) function; any other name is
//! printed as `\mathrm{...}` in LaTeX and with its underscores removed in
//! Mathematica.

use crate::cas::eval::Key;
use symbolica::atom::{Atom, AtomCore, AtomView};
use symbolica::domains::rational::Rational;

/// The printing target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Latex,
    Mathematica,
}

/// Names for symbols the cas layer does not know: `(name, printed indices,
/// target) -> Some(printed)`; `None` falls back to the defaults.
pub type Names<'a> = &'a dyn Fn(&str, &[String], Target) -> Option<String>;

/// No extra names.
pub fn no_names(_: &str, _: &[String], _: Target) -> Option<String> {
    None
}

/// A Mathematica identifier from any name: letters and digits only.
pub fn mathematica_identifier(name: &str) -> String {
    let s: String = name.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    match s.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => s,
        _ => format!("x{s}"),
    }
}

fn greek(name: &str) -> Option<&'static str> {
    Some(match name {
        "xi" => "\\xi",
        "alpha" => "\\alpha",
        "beta" => "\\beta",
        "lambda" => "\\lambda",
        "theta" => "\\theta",
        "mu" => "\\mu",
        "nu" => "\\nu",
        "phi" => "\\phi",
        "chi" => "\\chi",
        "eta" => "\\eta",
        "omega" => "\\omega",
        "sigma" => "\\sigma",
        _ => return None,
    })
}

/// Particles of a reaction label in LaTeX (`chiphibar` -> `\chi\phi^{\dagger}`).
fn particles_latex(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        let (tok, n) = [
            ("chi", "\\chi"),
            ("Chi", "\\chi"),
            ("phi", "\\phi"),
            ("Phi", "\\phi"),
            ("eta", "\\eta"),
            ("bar", "^{\\dagger}"),
            ("l", "\\ell"),
            ("H", "H"),
            ("N", "N"),
        ]
        .iter()
        .find(|(p, _)| rest.starts_with(p))
        .map(|(p, l)| (*l, p.len()))
        .unwrap_or_else(|| {
            let n = rest.chars().next().map(char::len_utf8).unwrap_or(1);
            (&rest[..n], n)
        });
        out.push_str(tok);
        if !tok.ends_with('}') {
            out.push(' ');
        }
        rest = &rest[n..];
    }
    out.trim().to_string()
}

/// Compound names in LaTeX: a reaction's kernel (`S2_lH_chiphibar` ->
/// `[S_{2}]^{\ell H}_{\chi \phi^{\dagger}}`) and a letter or Greek name with a
/// subscript word (`xi_CMB` -> `\xi_{\mathrm{CMB}}`, `x_RH` -> `x_{\mathrm{RH}}`).
fn compound_latex(name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split('_').collect();
    match parts.as_slice() {
        [k, from, to] if matches!(*k, "S1" | "S2" | "D1" | "D2") && !from.is_empty() && !to.is_empty() => {
            let letter = if k.starts_with('S') { "S" } else { "\\mathcal{D}" };
            Some(format!("[{letter}_{{{}}}]^{{{}}}_{{{}}}", &k[1..], particles_latex(from), particles_latex(to)))
        }
        [base, sub] if !sub.is_empty() && sub.chars().all(|c| c.is_ascii_alphanumeric()) => {
            let b = greek(base).map(str::to_string).or_else(|| (base.chars().count() == 1).then(|| base.to_string()))?;
            // a Greek subscript (m_chi, y_chi) is the letter, a word (xi_CMB, x_RH) upright
            let s = greek(sub).map(str::to_string).unwrap_or_else(|| format!("\\mathrm{{{sub}}}"));
            Some(format!("{b}_{{{s}}}"))
        }
        _ => None,
    }
}

/// The printed form of a symbol (with its printed indices) in the paper's notation.
pub fn symbol(name: &str, idx: &[String], t: Target, names: Names<'_>) -> String {
    if let Some(s) = names(name, idx, t) {
        return s;
    }
    let sub = idx.join("");
    let args = idx.join(", ");
    let indexed = |latex_base: &str, m_base: &str| match t {
        Target::Latex if idx.is_empty() => latex_base.to_string(),
        Target::Latex => format!("{latex_base}_{{{sub}}}"),
        Target::Mathematica if idx.is_empty() => m_base.to_string(),
        Target::Mathematica => format!("{m_base}[{args}]"),
    };
    let conjugate = |x: String| match t {
        Target::Latex => format!("{x}^{{*}}"),
        Target::Mathematica => format!("Conjugate[{x}]"),
    };
    match name {
        "y" | "yu" => indexed("y", "y"),
        "yb" | "yub" => conjugate(indexed("y", "y")),
        "lam" => indexed("\\lambda", "lambda"),
        "lamb" => conjugate(indexed("\\lambda", "lambda")),
        "M" => indexed("M", "M"),
        "A" | "B" | "C" | "D" => indexed(name, name),
        "Ab" | "Bb" | "Cb" | "Db" => conjugate(indexed(&name[..1], &name[..1])),
        "pi" | "\u{1d70b}" => match t {
            Target::Latex => "\\pi".into(),
            Target::Mathematica => "Pi".into(),
        },
        "\u{1d456}" => match t {
            Target::Latex => "i".into(),
            Target::Mathematica => "I".into(),
        },
        "\u{1d452}" => match t {
            Target::Latex => "e".into(),
            Target::Mathematica => "E".into(),
        },
        "n_g" => indexed("n_g", "ng"),
        "cos_theta" => indexed("\\cos\\theta", "costheta"),
        "abs_y1" => match t {
            Target::Latex => "|y_{1}|".into(),
            Target::Mathematica => "Abs[y[1]]".into(),
        },
        "abs_l1" => match t {
            Target::Latex => "|\\lambda_{1}|".into(),
            Target::Mathematica => "Abs[lambda[1]]".into(),
        },
        "e_alpha" | "e_beta" => match t {
            Target::Latex => format!("e^{{i{}}}", greek(&name[2..]).unwrap_or("")),
            Target::Mathematica => format!("Exp[I {}]", &name[2..]),
        },
        other => {
            if let Some(g) = greek(other) {
                return indexed(g, other);
            }
            match t {
                Target::Latex if other.chars().count() == 1 => indexed(other, other),
                Target::Latex if compound_latex(other).is_some() => indexed(&compound_latex(other).unwrap_or_default(), other),
                Target::Latex => indexed(&format!("\\mathrm{{{}}}", other.replace('_', "\\_")), other),
                Target::Mathematica => indexed(other, &mathematica_identifier(other)),
            }
        }
    }
}

/// An atom in LaTeX, the paper's notation.
pub fn latex(a: &Atom, names: Names<'_>) -> String {
    print(a.as_view(), Target::Latex, names)
}

/// An atom in Mathematica InputForm, the paper's notation (valid symbols only).
pub fn mathematica(a: &Atom, names: Names<'_>) -> String {
    print(a.as_view(), Target::Mathematica, names)
}

fn rational_parts(v: AtomView<'_>) -> Option<Rational> {
    Rational::try_from(v).ok()
}

/// A numeric factor as `(r, imaginary)`: the rational `r` or `r i`; None for
/// other numbers (floats, general complex numbers) and non-numbers.
fn coefficient(v: AtomView<'_>) -> Option<(Rational, bool)> {
    if !matches!(v, AtomView::Num(_)) {
        return None;
    }
    if let Some(r) = rational_parts(v) {
        return Some((r, false));
    }
    let owned = v.to_owned();
    if !crate::cas::algebra::re(&owned).is_zero() {
        return None;
    }
    rational_parts(crate::cas::algebra::im(&owned).as_view()).map(|r| (r, true))
}

/// Whether a term prints with a leading minus (a negative numeric coefficient).
fn negative(v: AtomView<'_>) -> bool {
    match v {
        AtomView::Num(_) => coefficient(v).is_some_and(|(r, _)| r.is_negative()),
        AtomView::Mul(m) => m.iter().any(|f| coefficient(f).is_some_and(|(r, _)| r.is_negative())),
        _ => false,
    }
}

fn number(v: AtomView<'_>, t: Target) -> String {
    if let Some(r) = rational_parts(v) {
        let (n, d) = (r.numerator(), r.denominator());
        let one = symbolica::domains::integer::Integer::from(1);
        if d == one {
            return n.to_string();
        }
        return match t {
            Target::Latex => {
                let sign = if n.is_negative() { "-" } else { "" };
                format!("{sign}\\frac{{{}}}{{{d}}}", n.abs())
            }
            Target::Mathematica => format!("{n}/{d}"),
        };
    }
    // complex rationals and floats
    let owned = v.to_owned();
    let re = crate::cas::algebra::re(&owned);
    let im = crate::cas::algebra::im(&owned);
    if !im.is_zero() {
        let i = if t == Target::Latex { "i" } else { "I" };
        let imag = match t {
            Target::Latex => format!("{} \\, {i}", print(im.as_view(), t, &no_names)),
            Target::Mathematica => format!("{}*{i}", print(im.as_view(), t, &no_names)),
        };
        return if re.is_zero() { imag } else { format!("({} + {imag})", print(re.as_view(), t, &no_names)) };
    }
    crate::cas::print::plain(&owned)
}

/// Print with parentheses when the atom binds looser than a factor.
fn factor(v: AtomView<'_>, t: Target, names: Names<'_>) -> String {
    let s = print(v, t, names);
    let wrap = match v {
        AtomView::Add(_) => true,
        AtomView::Num(_) => s.starts_with('-') || s.contains('/') || s.contains("frac"),
        _ => false,
    };
    if wrap { paren(&s, t) } else { s }
}

fn paren(s: &str, t: Target) -> String {
    match t {
        Target::Latex => format!("\\left({s}\\right)"),
        Target::Mathematica => format!("({s})"),
    }
}

fn function(name: &str, args: &[String], t: Target) -> Option<String> {
    let one = || args.first().cloned().unwrap_or_default();
    Some(match (name, t) {
        ("conj", Target::Latex) => {
            let x = one();
            // a single symbol (y_{1}, \lambda_{a}, A) takes the star directly
            let simple = !x.contains('^') && x.chars().all(|c| c.is_ascii_alphanumeric() || "\\_{}".contains(c));
            if simple { format!("{x}^{{*}}") } else { format!("\\left({x}\\right)^{{*}}") }
        }
        ("conj", Target::Mathematica) => format!("Conjugate[{}]", one()),
        ("abs", Target::Latex) => format!("\\left|{}\\right|", one()),
        ("abs", Target::Mathematica) => format!("Abs[{}]", one()),
        ("re" | "Re", Target::Latex) => format!("\\mathrm{{Re}}\\left[{}\\right]", one()),
        ("re" | "Re", Target::Mathematica) => format!("Re[{}]", one()),
        ("im" | "Im", Target::Latex) => format!("\\mathrm{{Im}}\\left[{}\\right]", one()),
        ("im" | "Im", Target::Mathematica) => format!("Im[{}]", one()),
        ("sin" | "cos" | "exp" | "log", Target::Latex) => format!("\\{name}\\left({}\\right)", one()),
        ("sin", Target::Mathematica) => format!("Sin[{}]", one()),
        ("cos", Target::Mathematica) => format!("Cos[{}]", one()),
        ("exp", Target::Mathematica) => format!("Exp[{}]", one()),
        ("log", Target::Mathematica) => format!("Log[{}]", one()),
        // the index sums of the transcription language: sum(a, body)
        ("sum", Target::Latex) if args.len() == 2 => {
            let body = &args[1];
            let body = if body.contains(" + ") || body.contains(" - ") { format!("\\left({body}\\right)") } else { body.clone() };
            format!("\\sum_{{{}}} {body}", args[0])
        }
        ("sqrt", Target::Latex) => format!("\\sqrt{{{}}}", one()),
        ("sqrt", Target::Mathematica) => format!("Sqrt[{}]", one()),
        _ => return None,
    })
}

fn print(v: AtomView<'_>, t: Target, names: Names<'_>) -> String {
    match v {
        AtomView::Num(_) => number(v, t),
        AtomView::Var(x) => symbol(x.get_symbol().get_stripped_name(), &[], t, names),
        AtomView::Fun(f) => {
            let name = f.get_symbol().get_stripped_name().to_string();
            if Key::of(v).is_some() {
                let idx: Vec<String> = f.iter().map(|a| print(a, t, names)).collect();
                return symbol(&name, &idx, t, names);
            }
            let args: Vec<String> = f.iter().map(|a| print(a, t, names)).collect();
            if let Some(s) = function(&name, &args, t) {
                return s;
            }
            // an indexed symbol with symbolic indices (y(i,a)) or an unknown function
            match name.as_str() {
                "y" | "yb" | "yu" | "yub" | "lam" | "lamb" | "lambda" | "M" | "A" | "B" | "C" | "D" | "Ab" | "Bb" | "Cb" | "Db" => {
                    symbol(&name, &args, t, names)
                }
                _ => match t {
                    Target::Latex => format!("\\mathrm{{{}}}\\left({}\\right)", name.replace('_', "\\_"), args.join(", ")),
                    Target::Mathematica => format!("{}[{}]", mathematica_identifier(&name), args.join(", ")),
                },
            }
        }
        AtomView::Pow(p) => {
            let (b, e) = (p.get_base(), p.get_exp());
            if let Some(r) = rational_parts(e) {
                let half = Rational::from((1, 2));
                if r == half {
                    let inner = print(b, t, names);
                    return match t {
                        Target::Latex => format!("\\sqrt{{{inner}}}"),
                        Target::Mathematica => format!("Sqrt[{inner}]"),
                    };
                }
                if r.is_negative() {
                    let pos = b.to_owned().pow(Atom::num(r.clone().neg()));
                    let den = print(pos.as_view(), t, names);
                    return match t {
                        Target::Latex => format!("\\frac{{1}}{{{den}}}"),
                        Target::Mathematica => format!("1/({den})"),
                    };
                }
            }
            let base = print(b, t, names);
            // |x|^2 needs no parentheses
            let delimited = t == Target::Latex && base.starts_with("\\left|") && base.ends_with("\\right|");
            let needs = !delimited && matches!(b, AtomView::Add(_) | AtomView::Mul(_) | AtomView::Pow(_))
                || (matches!(b, AtomView::Num(_)) && (base.starts_with('-') || base.contains('/') || base.contains("frac")))
                || (!delimited
                    && t == Target::Latex
                    && (base.contains("^{") || base.ends_with('}') && base.contains("_{") && base.contains("^")));
            let base = if needs { paren(&base, t) } else { base };
            let exp = print(e, t, names);
            match t {
                Target::Latex => format!("{base}^{{{exp}}}"),
                Target::Mathematica => {
                    let exp =
                        if matches!(e, AtomView::Num(_)) && !exp.contains('/') && !exp.starts_with('-') { exp } else { format!("({exp})") };
                    format!("{base}^{exp}")
                }
            }
        }
        AtomView::Mul(m) => {
            // sign, numerator and denominator factors
            let mut sign = "";
            let mut num: Vec<String> = vec![];
            let mut den: Vec<String> = vec![];
            for f in m.iter() {
                // a rational coefficient, or a purely imaginary one (the rational, then i)
                if let Some((r, unit)) = coefficient(f) {
                    let r = if r.is_negative() {
                        sign = "-";
                        r.neg()
                    } else {
                        r
                    };
                    let (n, d) = (r.numerator(), r.denominator());
                    let one = symbolica::domains::integer::Integer::from(1);
                    if n != one {
                        num.insert(0, n.to_string());
                    }
                    if d != one {
                        den.insert(0, d.to_string());
                    }
                    if unit {
                        num.insert(usize::from(n != one), if t == Target::Latex { "i".into() } else { "I".into() });
                    }
                    continue;
                }
                if let AtomView::Pow(p) = f
                    && let Some(r) = rational_parts(p.get_exp())
                    && r.is_negative()
                {
                    let pos = p.get_base().to_owned().pow(Atom::num(r.neg()));
                    den.push(factor(pos.as_view(), t, names));
                    continue;
                }
                num.push(factor(f, t, names));
            }
            let join = |v: &[String]| match t {
                Target::Latex => v.join(" \\, "),
                Target::Mathematica => v.join("*"),
            };
            let top = if num.is_empty() { "1".to_string() } else { join(&num) };
            if den.is_empty() {
                return format!("{sign}{top}");
            }
            match t {
                Target::Latex => format!("{sign}\\frac{{{top}}}{{{}}}", join(&den)),
                Target::Mathematica => {
                    let top = if num.len() > 1 { format!("({top})") } else { top };
                    let bottom = if den.len() > 1 { format!("({})", join(&den)) } else { join(&den) };
                    format!("{sign}{top}/{bottom}")
                }
            }
        }
        AtomView::Add(a) => {
            let mut out = String::new();
            for (k, term) in a.iter().enumerate() {
                if negative(term) {
                    let flipped = (-term.to_owned()).expand();
                    let s = print(flipped.as_view(), t, names);
                    out.push_str(if k == 0 { "-" } else { " - " });
                    out.push_str(&s);
                } else {
                    if k > 0 {
                        out.push_str(" + ");
                    }
                    out.push_str(&print(term, t, names));
                }
            }
            out
        }
    }
}

/// A species or charge of the chemistry files in the paper's notation: `l1` -> `\ell_{1}`, `chic` -> `\chi^{c}`, `B-L`, `Lx` -> `L_x`.
pub fn species_latex(name: &str) -> String {
    match name {
        "chic" => "\\chi^{c}".into(),
        "Lx" => "L_x".into(),
        _ => match name.strip_prefix('l').filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit())) {
            Some(i) => format!("\\ell_{{{i}}}"),
            None => greek(name).map_or_else(|| name.to_string(), str::to_string),
        },
    }
}

/// An exact rational in LaTeX (`-\frac{4}{79}`, `0`, `1`).
pub fn rational_latex(q: crate::cas::rational::Q) -> String {
    let sign = if q.n < 0 { "-" } else { "" };
    if q.d == 1 { format!("{}", q.n) } else { format!("{sign}\\frac{{{}}}{{{}}}", q.n.abs(), q.d) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Atom {
        symbolica::try_parse!(s).unwrap()
    }

    #[test]
    fn paper_symbols() {
        let a = p("3/79*n_g*xi^3*M(1)^2/pi^4");
        assert_eq!(latex(&a, &no_names), "\\frac{3 \\, n_g \\, \\xi^{3} \\, M_{1}^{2}}{79 \\, \\pi^{4}}");
        assert_eq!(mathematica(&a, &no_names), "(3*ng*xi^3*M[1]^2)/(79*Pi^4)");
        assert_eq!(mathematica(&p("yub(1)*lam(2)"), &no_names), "Conjugate[y[1]]*lambda[2]");
        assert_eq!(latex(&p("yub(1)*lam(2)"), &no_names), "y_{1}^{*} \\, \\lambda_{2}");
        assert_eq!(mathematica(&p("a - 2*b"), &no_names), "a - 2*b");
        assert_eq!(mathematica(&p("foo_bar"), &no_names), "foobar");
        assert_eq!(latex(&p("sum(a, lambda(a)/M(a))"), &no_names), "\\sum_{a} \\frac{\\lambda_{a}}{M_{a}}");
        // a purely imaginary coefficient reads as a number times i
        let z = crate::cas::algebra::imag_unit() * crate::cas::algebra::rat(-9, 16);
        assert_eq!(latex(&(z.clone() * p("x")), &no_names), "-\\frac{9 \\, i \\, x}{16}");
        // (the order of the two terms is Symbolica's, set by the order in which the process first
        // met the symbols x and y, which depends on the tests that ran before)
        let sum = latex(&(p("y") + z * p("x")), &no_names);
        assert!(["-\\frac{9 \\, i \\, x}{16} + y", "y - \\frac{9 \\, i \\, x}{16}"].contains(&sum.as_str()), "{sum}");
    }
}

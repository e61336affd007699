//! What every exported table shares: the Mathematica file layout (a comment
//! header naming each symbol, then one rule per line), the paper's names of the
//! per-reaction symbols (\[S1\], \[S2\] of a Table 2 reaction) for the printers of
//! [`crate::cas::notation`], and the file names of `cogenesis derive all`.
//!
//! The layout is what `scripts/check_exports.py` reads: every Mathematica
//! export is a list `{"key" -> expression, ...}` with one rule per line, and the
//! JSON export of the same table carries, for every key, the plain expression
//! (transcription-language syntax) and its LaTeX.

use crate::cas::notation::Target;
use crate::transcript::particles::Process;

/// The Mathematica identifiers an export may use, with their meaning (the
/// header names those that occur). Built-in functions are not listed.
pub const GLOSSARY: &[(&str, &str)] = &[
    ("ng", "n_g, the number of lepton generations"),
    ("xi", "xi = T_x/T, the dark-to-visible temperature ratio"),
    ("M", "M[a] = M_a, the heavy-neutrino masses"),
    ("y", "y[a] = y_a (universal lepton Yukawa), y[i, a] = y_ia"),
    ("lambda", "lambda[a] = lambda_a, the dark Yukawa"),
    ("A", "A = sum_a y_a^2/M_a (Eq. 78, y_ia = y_a)"),
    ("B", "B = sum_a lambda_a^2/M_a (Eq. 78)"),
    ("C", "C = sum_a y_a lambda_a/M_a (Eq. 78)"),
    ("D", "D = sum_a y_a Conjugate[lambda_a]/M_a^2 (Eq. 78)"),
    ("S1", "S1[x, y] = [S1] of the Table 2 reaction x -> y (Eq. 13)"),
    ("S2", "S2[x, y] = [S2] of the Table 2 reaction x -> y (Eq. 13)"),
    ("s", "s, the Mandelstam variable"),
    ("t", "t, the Mandelstam variable"),
    ("costheta", "cos(theta), the scattering angle in the centre-of-mass frame"),
    ("nN", "the number of heavy neutrinos"),
    ("alpha", "alpha, the phase of y_1 (Eq. 56)"),
    ("beta", "beta, the phase of lambda_1 (Eq. 56)"),
    ("i", "i, the flavour of the reaction's first lepton"),
    ("j", "j, the flavour of the reaction's second lepton"),
    ("a", "a, b: heavy-neutrino indices summed over"),
];

/// Mathematica's built-in heads and constants the exports use.
pub const BUILTINS: &[&str] = &["Pi", "I", "E", "Conjugate", "Im", "Re", "Abs", "Sin", "Cos", "Exp", "Log", "Sqrt", "Sum", "True", "False"];

/// The identifiers of a Mathematica text outside comments and strings.
pub fn mathematica_identifiers(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = vec![];
    let mut k = 0;
    while k < b.len() {
        if b[k] == b'(' && b.get(k + 1) == Some(&b'*') {
            k = text[k + 2..].find("*)").map(|e| k + 2 + e + 2).unwrap_or(b.len());
            continue;
        }
        if b[k] == b'"' {
            k = text[k + 1..].find('"').map(|e| k + 1 + e + 1).unwrap_or(b.len());
            continue;
        }
        if b[k].is_ascii_alphabetic() || b[k] == b'$' || b[k] == b'_' {
            let start = k;
            while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'$' || b[k] == b'_') {
                k += 1;
            }
            out.push(text[start..k].to_string());
            continue;
        }
        if b[k].is_ascii_digit() {
            // a number, with its exponent or decimals
            while k < b.len() && (b[k].is_ascii_digit() || b[k] == b'.') {
                k += 1;
            }
            continue;
        }
        k += 1;
    }
    out
}

/// A Mathematica export: a header naming the symbols used, then
/// `{"key" -> expression, ...}` one rule per line.
pub fn mathematica_rules(title: &str, rules: &[(String, String)]) -> String {
    let body =
        format!("{{{}}}\n", rules.iter().map(|(k, e)| format!("\"{}\" -> {e}", k.replace('"', "'"))).collect::<Vec<_>>().join(",\n "));
    let used = mathematica_identifiers(&body);
    let mut lines = vec![format!("(* {title} (cogenesis, derived)")];
    for (id, meaning) in GLOSSARY {
        if used.iter().any(|u| u == id) {
            lines.push(format!("   {id}: {meaning}"));
        }
    }
    format!("{} *)\n{body}", lines.join("\n"))
}

/// The reaction a per-reaction symbol suffix (`lH_chiphibar`) names.
fn process_of<'r>(reactions: &'r [(String, Process)], suffix: &str) -> Option<&'r Process> {
    reactions.iter().find(|(s, _)| s == suffix).map(|(_, p)| p)
}

/// Names of the per-reaction symbols `S1_x`, `S2_x` of the Table 2 reactions
/// (`(symbol, process)` pairs): LaTeX `[\mathcal{S}_1]^{\ell_i H}_{\chi^\dagger \phi^\dagger}`,
/// Mathematica `S1[lH, chiphibar]`.
pub fn reaction_names(reactions: &[(String, Process)]) -> impl Fn(&str, &[String], Target) -> Option<String> + '_ {
    move |name: &str, idx: &[String], t: Target| {
        if !idx.is_empty() {
            return None;
        }
        let (k, suffix) = name.split_once('_')?;
        if !matches!(k, "S1" | "S2") {
            return None;
        }
        let p = process_of(reactions, suffix)?;
        Some(match t {
            Target::Latex => {
                let l = crate::render::tables::process_latex(p);
                let (a, b) = l.split_once(" \\to ")?;
                format!("[\\mathcal{{S}}_{}]^{{{a}}}_{{{b}}}", &k[1..])
            }
            Target::Mathematica => {
                let (a, b) = suffix.split_once('_')?;
                format!("{k}[{a}, {b}]")
            }
        })
    }
}

/// The tables of `cogenesis derive`, and the file name stem each is written to by `derive all`.
pub const TABLES: &[&str] = &["d2", "benchmarks", "chemistry", "washout", "table2", "cuts", "table3"];

/// The file extension of each format.
pub fn extension(f: crate::render::tables::Format) -> &'static str {
    use crate::render::tables::Format;
    match f {
        Format::Text => "txt",
        Format::Latex => "tex",
        Format::Mathematica => "m",
        Format::Json => "json",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_skip_comments_and_strings() {
        let ids = mathematica_identifiers("(* n_g here *) {\"a_b\" -> 3*ng*M[1]^2/Pi^4 + Conjugate[y[i, a]]}");
        assert_eq!(ids, ["ng", "M", "Pi", "Conjugate", "y", "i", "a"]);
    }
}

//! Derived tables in the output formats a physicist pastes elsewhere:
//! plain text, LaTeX, Mathematica and JSON.

use crate::algebra::{latex, mathematica, plain};
use crate::asymmetry::D2Row;
use crate::benchmarks::{SourceCoefficient, sine_name};
use crate::compare::{coefficient_latex, coefficient_string, im_form, monomial_string};
use serde::Serialize;
use symbolica::atom::Atom;

/// Output format of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Latex,
    Mathematica,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Format::Text),
            "latex" => Ok(Format::Latex),
            "mathematica" => Ok(Format::Mathematica),
            "json" => Ok(Format::Json),
            other => Err(format!("unknown format `{other}` (text, latex, mathematica, json)")),
        }
    }
}

/// Definitions of the letters (Eq. 78 as derived), for table footers.
pub const LETTERS_TEXT: &str = "A = sum_a y_a^2/M_a, B = sum_a lambda_a^2/M_a, C = sum_a y_a lambda_a/M_a, \
D = sum_a y_a conj(lambda_a)/M_a^2 (Eq. 78 with y_ia = y_a; M_a/M_a^2 = 1/M_a)";

fn monomial_latex(m: &Atom) -> String {
    monomial_string(m)
        .split('*')
        .map(|f| match f.strip_prefix("conj(").and_then(|r| r.strip_suffix(')')) {
            Some(inner) => format!("{inner}^*"),
            None => f.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn monomial_mathematica(m: &Atom) -> String {
    monomial_string(m)
        .split('*')
        .map(|f| match f.strip_prefix("conj(").and_then(|r| r.strip_suffix(')')) {
            Some(inner) => format!("Conjugate[{inner}]"),
            None => f.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Serialize)]
struct JsonTerm {
    coefficient: String,
    structure: String,
}

#[derive(Serialize)]
struct JsonRow {
    claim: String,
    name: String,
    process: String,
    terms: Vec<JsonTerm>,
    couplings: String,
}

#[derive(Serialize)]
struct JsonTable {
    quantity: String,
    letters: String,
    rows: Vec<JsonRow>,
}

/// The derived [D2] table (Eqs. 17-20).
pub fn d2_table(rows: &[D2Row], format: Format) -> String {
    match format {
        Format::Text => {
            let mut s = String::from("# [D2] coefficients of Delta W(s) = [D2] s^2 (derived; y_ia = y_a, two heavy neutrinos)\n");
            for r in rows {
                let f = im_form(&r.letters);
                let terms: Vec<String> = f.terms.iter().map(|(c, m)| format!("({})*Im({})", coefficient_string(c), monomial_string(m))).collect();
                s.push_str(&format!("{:<5} {:<20} {:<28} = {}\n", r.claim, r.named.name(), r.named.process(&[]).to_string(), terms.join(" + ")));
            }
            s.push_str(&format!("# {LETTERS_TEXT}\n"));
            s
        }
        Format::Latex => {
            let mut s = String::from("% [D2] coefficients (cogenesis, derived); A, B, C, D as in Eq. (78) with y_{ia} = y_a\n\\begin{align}\n");
            let n = rows.len();
            for (k, r) in rows.iter().enumerate() {
                let f = im_form(&r.letters);
                let terms: Vec<String> =
                    f.terms.iter().map(|(c, m)| format!("{} \\, \\mathrm{{Im}}\\left({}\\right)", coefficient_latex(c), monomial_latex(m))).collect();
                let body = terms.join(" + ").replace("+ -", "- ");
                s.push_str(&format!("  {} &= {}{}\n", r.named.latex(), body, if k + 1 < n { " \\\\" } else { "" }));
            }
            s.push_str("\\end{align}\n");
            s
        }
        Format::Mathematica => {
            let items: Vec<String> = rows
                .iter()
                .map(|r| {
                    let f = im_form(&r.letters);
                    let terms: Vec<String> = f.terms.iter().map(|(c, m)| format!("({}) Im[{}]", mathematica(c), monomial_mathematica(m))).collect();
                    format!("\"{}\" -> {}", r.named.name(), terms.join(" + "))
                })
                .collect();
            format!("(* [D2] coefficients, cogenesis; A, B, C, D of Eq. (78) *)\n{{{}}}\n", items.join(",\n "))
        }
        Format::Json => {
            let t = JsonTable {
                quantity: "[D2]: Delta W(s) = [D2] s^2".into(),
                letters: LETTERS_TEXT.into(),
                rows: rows
                    .iter()
                    .map(|r| JsonRow {
                        claim: r.claim.into(),
                        name: r.named.name().into(),
                        process: r.named.process(&[]).to_string(),
                        terms: im_form(&r.letters)
                            .terms
                            .iter()
                            .map(|(c, m)| JsonTerm { coefficient: coefficient_string(c), structure: monomial_string(m) })
                            .collect(),
                        couplings: plain(&r.couplings),
                    })
                    .collect(),
            };
            serde_json::to_string_pretty(&t).expect("serialisable") + "\n"
        }
    }
}

/// The benchmark coefficient table of Eqs. (57)-(58).
pub fn benchmark_table(coeffs: &[SourceCoefficient], format: Format) -> String {
    let sines = [(1, -1), (1, 1), (2, 0), (0, 2)];
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = coeffs
                .iter()
                .map(|c| {
                    let mut m = serde_json::Map::new();
                    m.insert("quantity".into(), c.name.into());
                    m.insert("prefactor".into(), plain(&c.prefactor).into());
                    m.insert("magnitude".into(), plain(&c.magnitude).into());
                    for (p, q) in sines {
                        m.insert(sine_name(p, q), c.coefficient(p, q).to_string().into());
                    }
                    serde_json::Value::Object(m)
                })
                .collect();
            serde_json::to_string_pretty(&rows).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from("\\begin{tabular}{lllllll}\n quantity & prefactor & couplings & $\\sin(\\alpha-\\beta)$ & $\\sin(\\alpha+\\beta)$ & $\\sin 2\\alpha$ & $\\sin 2\\beta$ \\\\\n\\hline\n");
            for c in coeffs {
                let cells: Vec<String> = sines.iter().map(|(p, q)| format!("${}$", c.coefficient(*p, *q))).collect();
                s.push_str(&format!(
                    " ${}$ & ${}$ & ${}$ & {} \\\\\n",
                    c.name.replace("sigma", "\\sigma"),
                    coefficient_latex(&c.prefactor),
                    latex(&c.magnitude),
                    cells.join(" & ")
                ));
            }
            s.push_str("\\end{tabular}\n");
            s
        }
        Format::Mathematica => {
            let items: Vec<String> = coeffs
                .iter()
                .map(|c| {
                    let sum: Vec<String> = c.sines.iter().map(|((p, q), r)| format!("({r}) Sin[{}]", sine_name(*p, *q).trim_start_matches("sin(").trim_end_matches(')').replace("alpha", "\\[Alpha]").replace("beta", "\\[Beta]"))).collect();
                    format!("\"{}\" -> ({}) ({}) ({}) (1 - \\[Xi]^8)", c.name, mathematica(&c.prefactor), mathematica(&c.magnitude), sum.join(" + "))
                })
                .collect();
            format!("{{{}}}\n", items.join(",\n "))
        }
        Format::Text => {
            let mut s = String::from("# sigma_Q = prefactor * couplings * [sum of sines] * (1 - xi^8) at the ratios of Eq. (56) (derived)\n");
            s.push_str(&format!("{:<12} {:<18} {:<20}", "quantity", "prefactor", "couplings"));
            for (p, q) in sines {
                s.push_str(&format!(" {:>16}", sine_name(p, q)));
            }
            s.push('\n');
            for c in coeffs {
                s.push_str(&format!("{:<12} {:<18} {:<20}", c.name, coefficient_string(&c.prefactor), plain(&c.magnitude)));
                for (p, q) in sines {
                    s.push_str(&format!(" {:>16}", c.coefficient(p, q).to_string()));
                }
                s.push('\n');
            }
            s
        }
    }
}

//! Derived tables in the output formats a physicist pastes elsewhere:
//! plain text, LaTeX, Mathematica and JSON.

use crate::cas::forms::im_form;
use crate::cas::print::{coefficient_latex, coefficient_string, monomial_string};
use crate::cas::print::{latex, mathematica, plain};
use crate::derive::asymmetry::D2Row;
use crate::derive::benchmarks::{SourceCoefficient, sine_name};
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

/// A monomial with each `conj(X)` written by `conjugate(X)`.
fn monomial_with(m: &Atom, conjugate: &dyn Fn(&str) -> String, sep: &str) -> String {
    monomial_string(m)
        .split('*')
        .map(|f| match f.strip_prefix("conj(").and_then(|r| r.strip_suffix(')')) {
            Some(inner) => conjugate(inner),
            None => f.to_string(),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn monomial_latex(m: &Atom) -> String {
    monomial_with(m, &|x| format!("{x}^*"), " ")
}

fn monomial_mathematica(m: &Atom) -> String {
    monomial_with(m, &|x| format!("Conjugate[{x}]"), " ")
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
                let terms: Vec<String> =
                    f.terms.iter().map(|(c, m)| format!("({})*Im({})", coefficient_string(c), monomial_string(m))).collect();
                s.push_str(&format!(
                    "{:<5} {:<20} {:<28} = {}\n",
                    r.claim,
                    r.named.name(),
                    r.named.process(&[]).to_string(),
                    terms.join(" + ")
                ));
            }
            s.push_str(&format!("# {LETTERS_TEXT}\n"));
            s
        }
        Format::Latex => {
            let mut s =
                String::from("% [D2] coefficients (cogenesis, derived); A, B, C, D as in Eq. (78) with y_{ia} = y_a\n\\begin{align}\n");
            let n = rows.len();
            for (k, r) in rows.iter().enumerate() {
                let f = im_form(&r.letters);
                let terms: Vec<String> = f
                    .terms
                    .iter()
                    .map(|(c, m)| format!("{} \\, \\mathrm{{Im}}\\left({}\\right)", coefficient_latex(c), monomial_latex(m)))
                    .collect();
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
                    let terms: Vec<String> =
                        f.terms.iter().map(|(c, m)| format!("({}) Im[{}]", mathematica(c), monomial_mathematica(m))).collect();
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
            let mut s = String::from(
                "\\begin{tabular}{lllllll}\n quantity & prefactor & couplings & $\\sin(\\alpha-\\beta)$ & $\\sin(\\alpha+\\beta)$ & $\\sin 2\\alpha$ & $\\sin 2\\beta$ \\\\\n\\hline\n",
            );
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
                    let sum: Vec<String> = c
                        .sines
                        .iter()
                        .map(|((p, q), r)| {
                            format!(
                                "({r}) Sin[{}]",
                                sine_name(*p, *q)
                                    .trim_start_matches("sin(")
                                    .trim_end_matches(')')
                                    .replace("alpha", "\\[Alpha]")
                                    .replace("beta", "\\[Beta]")
                            )
                        })
                        .collect();
                    format!(
                        "\"{}\" -> ({}) ({}) ({}) (1 - \\[Xi]^8)",
                        c.name,
                        mathematica(&c.prefactor),
                        mathematica(&c.magnitude),
                        sum.join(" + ")
                    )
                })
                .collect();
            format!("{{{}}}\n", items.join(",\n "))
        }
        Format::Text => {
            let mut s =
                String::from("# sigma_Q = prefactor * couplings * [sum of sines] * (1 - xi^8) at the ratios of Eq. (56) (derived)\n");
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

/// The chemical-potential table (Sec. 4.1) of one or more solved systems.
pub fn chemistry_table(systems: &[(String, crate::derive::chemistry::Equilibrium)], format: Format) -> String {
    match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = systems
                .iter()
                .map(|(name, e)| {
                    let mut m = serde_json::Map::new();
                    m.insert("system".into(), name.clone().into());
                    m.insert("unit".into(), format!("mu_{{{}}}", e.normalise).into());
                    for (s, q) in e.species.iter().chain(&e.charges) {
                        m.insert(s.clone(), q.to_string().into());
                    }
                    serde_json::Value::Object(m)
                })
                .collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::new();
            for (name, e) in systems {
                s.push_str(&format!("% {name}: chemical potentials in units of mu_{{{}}}\n\\begin{{align}}\n", e.normalise));
                let rows: Vec<String> = e
                    .species
                    .iter()
                    .chain(&e.charges)
                    .map(|(n, q)| {
                        let frac = if q.d == 1 {
                            q.n.to_string()
                        } else {
                            format!("{}\\frac{{{}}}{{{}}}", if q.n < 0 { "-" } else { "" }, q.n.abs(), q.d)
                        };
                        format!("  \\mu_{{{n}}} &= {frac} \\, \\mu_{{{}}}", e.normalise.replace(' ', ""))
                    })
                    .collect();
                s.push_str(&rows.join(" \\\\\n"));
                s.push_str("\n\\end{align}\n");
            }
            s
        }
        Format::Mathematica => {
            let items: Vec<String> = systems
                .iter()
                .map(|(name, e)| {
                    let r: Vec<String> = e.species.iter().chain(&e.charges).map(|(n, q)| format!("\"{n}\" -> {}", q)).collect();
                    format!("\"{name}\" -> {{{}}}", r.join(", "))
                })
                .collect();
            format!("{{{}}}\n", items.join(",\n "))
        }
        Format::Text => {
            let mut s = String::new();
            for (name, e) in systems {
                s.push_str(&format!("# {name}: mu_X / mu_{{{}}}\n", e.normalise));
                for (n, q) in e.species.iter().chain(&e.charges) {
                    s.push_str(&format!("{n:<8} {q}\n"));
                }
            }
            s
        }
    }
}

/// The wash-out matrices omega^(1), omega^(2) (derived).
pub fn washout_table(w: &[[[Atom; 2]; 2]; 2], format: Format) -> String {
    let names = ["B-L", "L_x"];
    let mut rows = vec![];
    for (k, m) in w.iter().enumerate() {
        for i in 0..2 {
            for j in 0..2 {
                rows.push((k + 1, names[i], names[j], &m[i][j]));
            }
        }
    }
    match format {
        Format::Json => {
            let v: Vec<serde_json::Value> =
                rows.iter().map(|(k, q, r, e)| serde_json::json!({"omega": k, "Q": q, "R": r, "entry": plain(e)})).collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from("\\begin{align}\n");
            let lines: Vec<String> = rows.iter().map(|(k, q, r, e)| format!("  \\omega^{{({k})}}_{{{q},{r}}} &= {}", latex(e))).collect();
            s.push_str(&lines.join(" \\\\\n"));
            s.push_str("\n\\end{align}\n");
            s
        }
        Format::Mathematica => {
            let items: Vec<String> = rows.iter().map(|(k, q, r, e)| format!("\"omega{k}[{q},{r}]\" -> {}", mathematica(e))).collect();
            format!("{{{}}}\n", items.join(",\n "))
        }
        Format::Text => {
            let mut s = String::from("# wash-out matrices of Eq. (49), derived; S1_x, S2_x = [S1], [S2] of the Table 2 reaction x\n");
            for (k, q, r, e) in rows {
                s.push_str(&format!("omega^({k})[{q},{r}] = {}\n", plain(e)));
            }
            s
        }
    }
}

/// Table 2 as derived: Delta L, Delta L_x, Delta(L+L_x) and the leading-order asymmetry.
///
/// # Errors
/// A reaction whose asymmetry the cut construction cannot derive.
pub fn table2(reactions: &[crate::transcript::inputs::Reaction], format: Format) -> Result<String, crate::derive::error::DeriveError> {
    use crate::derive::sources::{Charge, delta_charge};
    let rows: Vec<(String, i64, i64, i64, bool)> = reactions
        .iter()
        .map(|r| {
            let p = &r.process;
            let dl = -delta_charge(p, Charge::BMinusL);
            let dlx = delta_charge(p, Charge::Lx);
            Ok((p.to_string(), dl, dlx, dl + dlx, crate::derive::asymmetry::has_asymmetry(p)?))
        })
        .collect::<Result<_, crate::derive::error::DeriveError>>()?;
    Ok(match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|(p, a, b, c, y)| serde_json::json!({"reaction": p, "dL": a, "dLx": b, "dLLx": c, "asymmetry": if *y { "Y" } else { "N" }}))
                .collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from(
                "\\begin{tabular}{lcccc}\nReaction & $\\Delta L$ & $\\Delta L_x$ & $\\Delta(L+L_x)$ & Asymmetry? \\\\\n\\hline\n",
            );
            for (p, a, b, c, y) in &rows {
                s.push_str(&format!(
                    "{} & {a:+} & {b:+} & {c:+} & {} \\\\\n",
                    p.replace("^dag", "$^\\dagger$"),
                    if *y { "Y" } else { "N" }
                ));
            }
            s.push_str("\\end{tabular}\n");
            s
        }
        Format::Mathematica => {
            let items: Vec<String> =
                rows.iter().map(|(p, a, b, c, y)| format!("{{\"{p}\", {a}, {b}, {c}, \"{}\"}}", if *y { "Y" } else { "N" })).collect();
            format!("{{{}}}\n", items.join(",\n "))
        }
        Format::Text => {
            let mut s = String::from("# Table 2 as derived (charges of Table 1; asymmetry from the leading-order cut construction)\n");
            s.push_str(&format!("{:<28} {:>4} {:>5} {:>9} {:>5}\n", "reaction", "dL", "dLx", "d(L+Lx)", "asym"));
            for (p, a, b, c, y) in &rows {
                s.push_str(&format!("{p:<28} {a:>4} {b:>5} {c:>9} {:>5}\n", if *y { "Y" } else { "N" }));
            }
            s
        }
    })
}

/// A reaction in LaTeX, leptons labelled i, j in order (`\ell_i H \to \ell_j^\dagger H^\dagger`).
pub fn process_latex(p: &crate::transcript::particles::Process) -> String {
    use crate::transcript::particles::Field;
    let mut leptons = ["i", "j"].into_iter();
    let mut name = |x: &crate::transcript::particles::Particle| {
        let base = match x.field {
            Field::Lepton => format!("\\ell_{}", leptons.next().unwrap_or("k")),
            Field::Higgs => "H".into(),
            Field::Chi => "\\chi".into(),
            Field::Phi => "\\phi".into(),
            Field::ChiC => "\\chi^c".into(),
            Field::Eta => "\\eta".into(),
            Field::HeavyN => "N".into(),
        };
        if x.dagger { format!("{base}^\\dagger") } else { base }
    };
    let a: Vec<String> = p.initial.iter().map(&mut name).collect();
    let b: Vec<String> = p.fin.iter().map(&mut name).collect();
    format!("{} {} \\to {} {}", a[0], a[1], b[0], b[1])
}

/// Table 3 as derived from the Feynman rules of Eq. (2): `4 pi [S1]`,
/// `4 pi [S2]` of each reaction as exact rational coefficients times coupling
/// sums (general complex y_ia, lambda_a, any number of heavy neutrinos), and
/// whether the reaction conserves L + L_x.
pub fn table3(kernels: &[crate::derive::kernels::SymmetricKernel], format: Format) -> String {
    let conserves = |k: &crate::derive::kernels::SymmetricKernel| k.process.twice_delta_l_plus_lx() == 0;
    match format {
        Format::Json => {
            let terms = |k: &crate::derive::kernels::SymmetricKernel, n: usize| -> Vec<serde_json::Value> {
                k.four_pi_s[n]
                    .iter()
                    .map(|b| {
                        serde_json::json!({
                            "coefficient": b.coefficient.to_string(),
                            "form": if b.x == b.y { "abs_squared" } else { "re_x_conj_y" },
                            "x": b.x.text("a"),
                            "y": b.y.text("b"),
                        })
                    })
                    .collect()
            };
            let v: Vec<serde_json::Value> = kernels
                .iter()
                .map(|k| {
                    serde_json::json!({
                        "reaction": k.process.to_string(),
                        "conserves_L_plus_Lx": conserves(k),
                        "4pi_S1": k.text(1),
                        "4pi_S1_latex": k.latex(1),
                        "4pi_S1_terms": terms(k, 0),
                        "4pi_S2": k.text(2),
                        "4pi_S2_latex": k.latex(2),
                        "4pi_S2_terms": terms(k, 1),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from(
                "% Table 3 as derived from the Feynman rules of Eq. (2)\n\\[\n\\begin{array}{lll}\n\\text{Process} & 4\\pi[\\mathcal{S}_1] & 4\\pi[\\mathcal{S}_2] \\\\\n\\hline\n",
            );
            for k in kernels {
                s.push_str(&format!("{} & {} & {} \\\\\n", process_latex(&k.process), k.latex(1), k.latex(2)));
            }
            s.push_str("\\end{array}\n\\]\n");
            s
        }
        Format::Mathematica => {
            let mut s = String::from(
                "(* Table 3 as derived: reaction -> {4 Pi S1, 4 Pi S2}. y[i, a] = y_ia, y[j, a] = y_ja (the reaction's first and second \
                 lepton), lambda[a] = lambda_a, M[a] = M_a, nN = number of heavy neutrinos *)\n",
            );
            let items: Vec<String> =
                kernels.iter().map(|k| format!("\"{}\" -> {{{}, {}}}", k.process, k.mathematica(1), k.mathematica(2))).collect();
            s.push_str(&format!("{{{}}}\n", items.join(",\n ")));
            s
        }
        Format::Text => {
            let mut s = String::from(
                "# Table 3 as derived from the Feynman rules of Eq. (2): reaction | L+L_x conserved | 4 pi [S1] | 4 pi [S2]\n\
                 # (y_ia, y_ja: couplings of the reaction's first and second lepton; sums over the heavy neutrinos a, b)\n",
            );
            for k in kernels {
                s.push_str(&format!("{} | {} | {} | {}\n", k.process, if conserves(k) { "yes" } else { "no" }, k.text(1), k.text(2)));
            }
            s
        }
    }
}

/// The cut construction of the asymmetric reactions (`cogenesis derive cuts`):
/// per reaction, the intermediate states that contribute, each term
/// `kinematics x Im[conj(K_tree) K_first K_second]` with its coupling sums, and
/// the result for universal couplings as loop factor times bracket (Eqs. 79-82).
pub fn cuts_table(rows: &[crate::derive::amplitude::AsymmetricSquared], format: Format) -> String {
    use crate::cas::print::{latex as to_latex, plain as to_plain};
    let state = |g: &crate::transcript::particles::State| format!("{} {}", g[0], g[1]);
    match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "reaction": m.process.to_string(),
                        "intermediate_states": m.cuts.intermediate.iter().map(state).collect::<Vec<_>>(),
                        "loop_factor": to_plain(&m.kinematics),
                        "loop_factor_latex": to_latex(&m.kinematics),
                        "bracket_universal": to_plain(&m.bracket),
                        "squared_universal": to_plain(&m.squared),
                        "terms": m.cuts.terms.iter().map(|t| serde_json::json!({
                            "intermediate": state(&t.intermediate),
                            "tree": t.tree.text("a"),
                            "first": t.first.text("a"),
                            "second": t.second.text("a"),
                            "kinematics": to_plain(&t.kinematics),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from(
                "% |Delta M|^2 = (loop factor)/(4 pi) Im[bracket], derived from the one-loop cuts (y_ia = y_a)\n\\begin{align}\n",
            );
            for m in rows {
                s.push_str(&format!(
                    "|\\Delta\\mathcal{{M}}|^2_{{{}}} &= \\frac{{{}}}{{4\\pi}} \\operatorname{{Im}}\\left[{}\\right] \\\\\n",
                    process_latex(&m.process),
                    to_latex(&m.kinematics),
                    to_latex(&m.bracket)
                ));
            }
            s.push_str("\\end{align}\n");
            s
        }
        Format::Text | Format::Mathematica => {
            let mut s = String::from(
                "# One-loop cuts: |Delta M|^2 = sum kinematics x Im[conj(K_tree) K_first K_second] (cos_theta: scattering angle; k: intermediate lepton flavour)\n",
            );
            for m in rows {
                s.push_str(&format!("{}\n", m.process));
                s.push_str(&format!("  intermediate states: {}\n", m.cuts.intermediate.iter().map(state).collect::<Vec<_>>().join(", ")));
                for t in &m.cuts.terms {
                    s.push_str(&format!(
                        "  via {}: Im[conj({}) ({}) ({})] x {}\n",
                        state(&t.intermediate),
                        t.tree,
                        t.first,
                        t.second,
                        to_plain(&t.kinematics)
                    ));
                }
                s.push_str(&format!("  y_ia = y_a, leading order: ({})/(4 pi) Im[{}]\n", to_plain(&m.kinematics), to_plain(&m.bracket)));
            }
            s
        }
    }
}

//! Derived tables in the output formats a physicist pastes elsewhere:
//! plain text, LaTeX, Mathematica and JSON.

use crate::cas::forms::im_form;
use crate::cas::notation::{self, no_names};
use crate::cas::print::plain;
use crate::cas::print::{coefficient_latex, coefficient_string, monomial_string};
use crate::derive::asymmetry::D2Row;
use crate::derive::benchmarks::{SourceCoefficient, sine_name};
use crate::render::exports;
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

#[derive(Serialize)]
struct JsonTerm {
    coefficient: String,
    structure: String,
}

#[derive(Serialize)]
struct JsonRow {
    claim: String,
    name: String,
    /// The key of the Mathematica rule, and the plain expression and LaTeX of the whole row.
    key: String,
    process: String,
    plain: String,
    latex: String,
    terms: Vec<JsonTerm>,
    couplings: String,
}

#[derive(Serialize)]
struct JsonTable {
    quantity: String,
    letters: String,
    rows: Vec<JsonRow>,
}

/// The derived \[D2\] table (Eqs. 17-20).
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
            let rules: Vec<(String, String)> =
                rows.iter().map(|r| (r.named.name().to_string(), notation::mathematica(&d2_atom(r), &no_names))).collect();
            exports::mathematica_rules("[D2] coefficients of Delta W(s) = [D2] s^2 (Eqs. 17-20)", &rules)
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
                        key: r.named.name().into(),
                        process: r.named.process(&[]).to_string(),
                        plain: d2_plain(r),
                        latex: format!("{} = {}", r.named.latex(), notation::latex(&d2_atom(r), &no_names)),
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

/// A \[D2\] row as `c1*Im(m1) + ...` in the transcription language.
fn d2_plain(r: &D2Row) -> String {
    let f = im_form(&r.letters);
    if f.terms.is_empty() {
        return "0".into();
    }
    f.terms.iter().map(|(c, m)| format!("({})*Im({})", coefficient_string(c), monomial_string(m))).collect::<Vec<_>>().join(" + ")
}

/// A \[D2\] row as an atom of `Im(...)` terms (for the paper-notation printers).
fn d2_atom(r: &D2Row) -> Atom {
    parse_plain(&d2_plain(r))
}

/// Parse a plain expression this module printed (always valid).
fn parse_plain(s: &str) -> Atom {
    crate::transcript::claims::parse_expression(s).expect("the tables print valid expressions")
}

/// A benchmark coefficient sigma_Q as one expression in the transcription
/// language: prefactor * couplings * (sum of sines) * (1 - xi^8).
fn benchmark_plain(c: &SourceCoefficient) -> String {
    let sum: Vec<String> = c.sines.iter().map(|((p, q), r)| format!("({r})*{}", sine_name(*p, *q))).collect();
    let pretty = |a: &Atom| crate::cas::print::pretty(&plain(a));
    format!(
        "({})*({})*({})*(1 - xi^8)",
        pretty(&c.prefactor),
        pretty(&c.magnitude),
        if sum.is_empty() { "0".into() } else { sum.join(" + ") }
    )
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
                    m.insert("key".into(), c.name.into());
                    m.insert("plain".into(), benchmark_plain(c).into());
                    m.insert("latex".into(), notation::latex(&parse_plain(&benchmark_plain(c)), &no_names).into());
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
                "% sigma_Q at the ratios of Eq. (56) (cogenesis, derived): prefactor, couplings and the coefficients of the sines\n\\[\n\\begin{array}{lllllll}\n\\text{quantity} & \\text{prefactor} & \\text{couplings} & \\sin(\\alpha-\\beta) & \\sin(\\alpha+\\beta) & \\sin 2\\alpha & \\sin 2\\beta \\\\\n\\hline\n",
            );
            for c in coeffs {
                let cells: Vec<String> =
                    sines.iter().map(|(p, q)| notation::latex(&parse_plain(&c.coefficient(*p, *q).to_string()), &no_names)).collect();
                s.push_str(&format!(
                    "{} & {} & {} & {} \\\\\n",
                    c.name.replace("sigma", "\\sigma"),
                    coefficient_latex(&c.prefactor),
                    notation::latex(&c.magnitude, &no_names),
                    cells.join(" & ")
                ));
            }
            s.push_str("\\end{array}\n\\]\n");
            s
        }
        Format::Mathematica => {
            let rules: Vec<(String, String)> =
                coeffs.iter().map(|c| (c.name.to_string(), notation::mathematica(&parse_plain(&benchmark_plain(c)), &no_names))).collect();
            exports::mathematica_rules("sigma_{B-L}, sigma_{L_x} at the ratios of Eq. (56) (Eqs. 57-58)", &rules)
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
                    let values: Vec<serde_json::Value> = e
                        .species
                        .iter()
                        .chain(&e.charges)
                        .map(|(s, q)| serde_json::json!({"key": format!("{name}:{s}"), "plain": q.to_string()}))
                        .collect();
                    m.insert("values".into(), values.into());
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
            let rules: Vec<(String, String)> = systems
                .iter()
                .flat_map(|(name, e)| e.species.iter().chain(&e.charges).map(move |(n, q)| (format!("{name}:{n}"), q.to_string())))
                .collect();
            exports::mathematica_rules(
                "chemical potentials \"system:X\" -> mu_X / mu_(normalising charge) of each system (Sec. 4.1)",
                &rules,
            )
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

/// The wash-out matrices omega^(1), omega^(2) (derived), with the Table 2
/// reactions (`(symbol, process)`) that name their \[S1\], \[S2\].
pub fn washout_table(w: &[[[Atom; 2]; 2]; 2], reactions: &[(String, crate::transcript::particles::Process)], format: Format) -> String {
    let names = ["B-L", "L_x"];
    let latex_names = ["B-L", "L_x"];
    let mut rows = vec![];
    for (k, m) in w.iter().enumerate() {
        for (i, row) in m.iter().enumerate() {
            for (j, e) in row.iter().enumerate() {
                rows.push((k + 1, i, j, e));
            }
        }
    }
    let extra = exports::reaction_names(reactions);
    let key = |k: usize, i: usize, j: usize| format!("omega{k}[{},{}]", names[i], names[j]);
    let tex = |k: usize, i: usize, j: usize, e: &Atom| {
        format!("\\omega^{{({k})}}_{{{},{}}} = {}", latex_names[i], latex_names[j], notation::latex(e, &extra))
    };
    match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|(k, i, j, e)| {
                    serde_json::json!({
                        "omega": k, "Q": names[*i], "R": names[*j], "entry": plain(e),
                        "key": key(*k, *i, *j), "plain": plain(e), "latex": tex(*k, *i, *j, e),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from("% wash-out matrices of Eq. (49) (cogenesis, derived)\n\\begin{align}\n");
            let lines: Vec<String> = rows
                .iter()
                .map(|(k, i, j, e)| {
                    format!("  \\omega^{{({k})}}_{{{},{}}} &= {}", latex_names[*i], latex_names[*j], notation::latex(e, &extra))
                })
                .collect();
            s.push_str(&lines.join(" \\\\\n"));
            s.push_str("\n\\end{align}\n");
            s
        }
        Format::Mathematica => {
            let rules: Vec<(String, String)> =
                rows.iter().map(|(k, i, j, e)| (key(*k, *i, *j), notation::mathematica(e, &extra))).collect();
            exports::mathematica_rules("wash-out matrices omega^(1), omega^(2) of Eq. (49)", &rules)
        }
        Format::Text => {
            let mut s = String::from("# wash-out matrices of Eq. (49), derived; S1_x, S2_x = [S1], [S2] of the Table 2 reaction x\n");
            for (k, i, j, e) in rows {
                s.push_str(&format!("omega^({k})[{},{}] = {}\n", names[i], names[j], plain(e)));
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
                .map(|(p, a, b, c, y)| {
                    serde_json::json!({
                        "reaction": p, "dL": a, "dLx": b, "dLLx": c, "asymmetry": if *y { "Y" } else { "N" },
                        "key": p, "plain": [a.to_string(), b.to_string(), c.to_string(), if *y { "True" } else { "False" }],
                    })
                })
                .collect();
            serde_json::to_string_pretty(&v).expect("serialisable") + "\n"
        }
        Format::Latex => {
            let mut s = String::from(
                "% Table 2 as derived (cogenesis)\n\\[\n\\begin{array}{lcccc}\n\\text{Reaction} & \\Delta L & \\Delta L_x & \\Delta(L+L_x) & \\text{Asymmetry?} \\\\\n\\hline\n",
            );
            for (r, (_, a, b, c, y)) in reactions.iter().zip(&rows) {
                s.push_str(&format!(
                    "{} & {a:+} & {b:+} & {c:+} & \\text{{{}}} \\\\\n",
                    process_latex(&r.process),
                    if *y { "Y" } else { "N" }
                ));
            }
            s.push_str("\\end{array}\n\\]\n");
            s
        }
        Format::Mathematica => {
            let rules: Vec<(String, String)> = rows
                .iter()
                .map(|(p, a, b, c, y)| (p.clone(), format!("{{{a}, {b}, {c}, {}}}", if *y { "True" } else { "False" })))
                .collect();
            exports::mathematica_rules("Table 2: reaction -> {Delta L, Delta L_x, Delta(L+L_x), asymmetry at leading order?}", &rules)
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
                        "key": k.process.to_string(),
                        "plain": [k.plain(1), k.plain(2)],
                        "latex": [k.latex(1), k.latex(2)],
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
            let rules: Vec<(String, String)> =
                kernels.iter().map(|k| (k.process.to_string(), format!("{{{}, {}}}", k.mathematica(1), k.mathematica(2)))).collect();
            exports::mathematica_rules("Table 3 as derived from the Feynman rules of Eq. (2): reaction -> {4 Pi [S1], 4 Pi [S2]}", &rules)
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
    use crate::cas::print::plain as to_plain;
    // the whole |Delta M|^2 = kinematics/(4 pi) Im[bracket] as one atom
    let cut_atom = |m: &crate::derive::amplitude::AsymmetricSquared| {
        let im = symbolica::atom::FunctionBuilder::new(symbolica::symbol!("Im")).add_arg(m.bracket.clone()).finish();
        m.kinematics.clone() / (Atom::num(4) * Atom::var(crate::cas::symbols::S.pi)) * im
    };
    let state = |g: &crate::transcript::particles::State| format!("{} {}", g[0], g[1]);
    match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "reaction": m.process.to_string(),
                        "intermediate_states": m.cuts.intermediate.iter().map(state).collect::<Vec<_>>(),
                        "key": m.process.to_string(),
                        "plain": crate::cas::print::pretty(&to_plain(&cut_atom(m))),
                        "latex": notation::latex(&cut_atom(m), &no_names),
                        "loop_factor": to_plain(&m.kinematics),
                        "loop_factor_latex": notation::latex(&m.kinematics, &no_names),
                        "bracket_universal": to_plain(&m.bracket),
                        "squared_universal": to_plain(&m.squared()),
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
            let lines: Vec<String> = rows
                .iter()
                .map(|m| {
                    format!(
                        "|\\Delta\\mathcal{{M}}|^2_{{{}}} &= \\frac{{{}}}{{4\\pi}} \\, \\mathrm{{Im}}\\left[{}\\right]",
                        process_latex(&m.process),
                        notation::latex(&m.kinematics, &no_names),
                        notation::latex(&m.bracket, &no_names)
                    )
                })
                .collect();
            s.push_str(&lines.join(" \\\\\n"));
            s.push_str("\n\\end{align}\n");
            s
        }
        Format::Mathematica => {
            let rules: Vec<(String, String)> =
                rows.iter().map(|m| (m.process.to_string(), notation::mathematica(&cut_atom(m), &no_names))).collect();
            exports::mathematica_rules(
                "|Delta M|^2 from the one-loop cuts (App. B), y_ia = y_a, leading order: reaction -> expression",
                &rules,
            )
        }
        Format::Text => {
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

/// Output format of a table of numbers (`derive statistics`): no Mathematica
/// (nothing symbolic), CSV for spreadsheets and plotting tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberFormat {
    Text,
    Latex,
    Json,
    Csv,
}

impl std::str::FromStr for NumberFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(NumberFormat::Text),
            "latex" => Ok(NumberFormat::Latex),
            "json" => Ok(NumberFormat::Json),
            "csv" => Ok(NumberFormat::Csv),
            other => Err(format!("unknown format `{other}` for a table of numbers (text, latex, json, csv)")),
        }
    }
}

impl NumberFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            NumberFormat::Text => "txt",
            NumberFormat::Latex => "tex",
            NumberFormat::Json => "json",
            NumberFormat::Csv => "csv",
        }
    }
}

/// The ratios quantum/MB of the transfer collision terms (issue 15), one row
/// per reaction class, kernel power, moment, treatment and temperatures.
pub fn statistics_table(rows: &[crate::numerics::quantum::Ratio], format: NumberFormat) -> String {
    let temps = |r: &crate::numerics::quantum::Ratio| match r.t_final {
        Some(tf) => format!("T_i = {}, T_f = {}", r.t1, tf),
        None => format!("T_1 = {}, T_2 = {}", r.t1, r.t2),
    };
    let treatment = |r: &crate::numerics::quantum::Ratio| {
        if r.treatment == "initial" { "initial-state distributions" } else { "with Pauli blocking / Bose enhancement" }
    };
    match format {
        NumberFormat::Json => serde_json::to_string_pretty(rows).expect("serialisable") + "\n",
        NumberFormat::Csv => {
            let mut s = String::from("assignment,reactions,k,moment,treatment,t1,t2,t_final,ratio,digits\n");
            for r in rows {
                s.push_str(&format!(
                    "{},\"{}\",{},{},{},{},{},{},{},{:.1}\n",
                    r.assignment,
                    r.reaction,
                    r.k,
                    r.moment,
                    r.treatment,
                    r.t1,
                    r.t2,
                    r.t_final.map(|t| t.to_string()).unwrap_or_default(),
                    r.ratio,
                    r.digits
                ));
            }
            s
        }
        NumberFormat::Text => {
            let mut s = String::from(
                "Quantum statistics / Maxwell-Boltzmann for W(s) = s^k (massless, zero chemical potential; MB = Eqs. 75, 77)\n\
                 Final-state factors averaged over an isotropic centre-of-mass distribution.\n\n",
            );
            s.push_str(&format!(
                "{:<14} {:>2}  {:<6}  {:<40}  {:<22}  {:>28}  {}\n",
                "statistics", "k", "moment", "treatment", "temperatures", "ratio", "digits"
            ));
            for r in rows {
                s.push_str(&format!(
                    "{:<14} {:>2}  {:<6}  {:<40}  {:<22}  {:>28}  {:.1}\n",
                    r.assignment,
                    r.k,
                    r.moment,
                    treatment(r),
                    temps(r),
                    r.ratio,
                    r.digits
                ));
            }
            s.push_str(
                "\nThe rows with T_i, T_f have the initial pair in one sector and the final pair in the other (l H -> chi phi \
                 at T_f = xi T); a reaction with one particle of each sector on both sides (l chi -> H^dag phi^dag) is covered \
                 at one temperature and by the initial-state rows.\n",
            );
            s.push('\n');
            let mut seen = vec![];
            for r in rows {
                if !seen.contains(&r.assignment) {
                    s.push_str(&format!("{}: {}\n", r.assignment, r.reaction));
                    seen.push(r.assignment.clone());
                }
            }
            s
        }
        NumberFormat::Latex => {
            // an `array` in display math, like every LaTeX export (KaTeX renders it; scripts/check_exports.sh)
            let mut s = String::from(
                "% Quantum statistics / Maxwell-Boltzmann for W(s) = s^k (cogenesis derive statistics)\n\\[\n\\begin{array}{lrllll}\n\
                 \\text{statistics} & k & \\text{moment} & \\text{treatment} & \\text{temperatures} & \\text{quantum/MB} \\\\\n\\hline\n",
            );
            for r in rows {
                let t = match r.t_final {
                    Some(tf) => format!("T_i = {}, \\ T_f = {}", r.t1, tf),
                    None => format!("T_1 = {}, \\ T_2 = {}", r.t1, r.t2),
                };
                let a = r.assignment.replace(" -> ", " \\to ").replace(' ', "\\,");
                s.push_str(&format!(
                    "{a} & {} & \\text{{{}}} & \\text{{{}}} & {t} & {} \\\\\n",
                    r.k,
                    r.moment,
                    if r.treatment == "initial" { "initial state" } else { "final-state factors" },
                    match r.ratio.split_once('e') {
                        Some((m, e)) => format!("{m} \\times 10^{{{e}}}"),
                        None => r.ratio.clone(),
                    }
                ));
            }
            s.push_str("\\end{array}\n\\]\n");
            s
        }
    }
}

//! Issue 20: the exports other tools read. Every table of `cogenesis derive`
//! in Mathematica uses valid identifiers only (checked here against the
//! grammar; `scripts/check_exports.py` reads them with sympy's Mathematica
//! parser and compares them with the JSON), and every LaTeX export is in the
//! paper's notation (no internal identifier; `scripts/check_latex.js` renders
//! them with KaTeX). The Mathematica and LaTeX of the [D2] and wash-out tables
//! are locked as snapshots, backed by those two scripts (an independent parser
//! and renderer) and by the snapshots of the text forms.

#[macro_use]
mod support;

use cogenesis::cas::couplings::Setup;
use cogenesis::render::exports::{BUILTINS, GLOSSARY, mathematica_identifiers};
use cogenesis::render::tables::{self, Format};

/// Every table in the given format, as `derive all` writes them.
fn every_table(format: Format) -> Vec<(&'static str, String)> {
    let inputs = support::inputs();
    let rs = inputs.table2_reactions().unwrap();
    let names: Vec<_> = rs.iter().map(|r| (r.symbol.clone(), r.process)).collect();
    let mu = cogenesis::derive::washout::Potentials::from_inputs(&inputs).unwrap();
    let w = [cogenesis::derive::washout::omega(rs, &mu, 1), cogenesis::derive::washout::omega(rs, &mu, 2)];
    let map = cogenesis::derive::benchmarks::substitutions(inputs.claims.get("eq56").unwrap()).unwrap();
    let processes: Vec<_> = rs.iter().map(|r| r.process).collect();
    let kernels = cogenesis::derive::kernels::table3(&processes).unwrap();
    let mut systems = vec![];
    for (name, system) in inputs.chemistry_systems() {
        systems.push((name, cogenesis::derive::chemistry::solve(system.unwrap()).unwrap()));
    }
    let u = [cogenesis::cas::couplings::Flavour::Universal; 2];
    use cogenesis::transcript::vocabulary::Named;
    let cuts: Vec<_> = [Named::LhToLhBar, Named::LhToChiPhiBar, Named::LhToChiPhi, Named::ChiPhiToChiPhiBar]
        .iter()
        .map(|n| cogenesis::derive::amplitude::asymmetric_squared(&n.process(&u), &Setup::PAPER).unwrap().unwrap())
        .collect();
    vec![
        ("d2", tables::d2_table(&cogenesis::derive::asymmetry::d2_table(&Setup::PAPER), format)),
        ("benchmarks", tables::benchmark_table(&cogenesis::derive::benchmarks::source_coefficients(&map).unwrap(), format)),
        ("chemistry", tables::chemistry_table(&systems, format)),
        ("washout", tables::washout_table(&w, &names, format)),
        ("table2", tables::table2(rs, format).unwrap()),
        ("cuts", tables::cuts_table(&cuts, format)),
        ("table3", tables::table3(&kernels, format)),
    ]
}

#[test]
fn mathematica_exports_use_valid_symbols_named_in_their_header() {
    for (name, text) in every_table(Format::Mathematica) {
        assert!(text.starts_with("(*"), "{name}: no comment header");
        let header_end = text.find("*)").expect("closed header");
        let header = &text[..header_end];
        let ids = mathematica_identifiers(&text);
        assert!(!ids.is_empty() || name == "chemistry", "{name}: no identifiers");
        for id in &ids {
            // Mathematica grammar: a symbol is letters, digits and $, not starting with a digit;
            // `_` makes a pattern (n_g is Pattern[n, Blank[g]])
            assert!(
                id.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '$')
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '$'),
                "{name}: `{id}` is not a Mathematica symbol"
            );
            if let Some((_, meaning)) = GLOSSARY.iter().find(|(g, _)| g == id) {
                assert!(header.contains(meaning), "{name}: `{id}` is not named in the header");
            } else {
                // otherwise a built-in, or a reaction label inside S1[x, y]
                assert!(
                    BUILTINS.contains(&id.as_str()) || text.contains(&format!("S1[{id}")) || text.contains(&format!(", {id}]")),
                    "{name}: `{id}` unexplained"
                );
            }
        }
        // brackets balance outside strings
        let mut depth = 0i64;
        let mut in_str = false;
        for c in text[header_end + 2..].chars() {
            match c {
                '"' => in_str = !in_str,
                '[' | '{' | '(' if !in_str => depth += 1,
                ']' | '}' | ')' if !in_str => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "{name}: unbalanced brackets");
        }
        assert_eq!(depth, 0, "{name}: unbalanced brackets");
    }
}

#[test]
fn latex_exports_are_in_the_papers_notation() {
    for (name, text) in every_table(Format::Latex) {
        for internal in ["S1_", "S2_", "yu(", "yub(", "lamb(", "\\!\\left(", "abs_", "e_alpha", "\\begin{tabular}", "cos_theta"] {
            assert!(!text.contains(internal), "{name}: internal notation `{internal}` in\n{text}");
        }
        // unknown identifiers fall back to \mathrm{...}: none may remain
        for (k, _) in text.match_indices("\\mathrm{") {
            let rest = &text[k + 8..];
            assert!(
                rest.starts_with("Im}") || rest.starts_with("Re}"),
                "{name}: `{}` is not in the paper's notation",
                &rest[..rest.len().min(20)]
            );
        }
        // xi is the Greek letter
        assert!(!text.replace("\\xi", "").contains("xi"), "{name}: a bare `xi`");
    }
}

#[test]
fn json_exports_carry_plain_and_latex_side_by_side() {
    for (name, text) in every_table(Format::Json) {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut keyed = 0;
        fn walk(v: &serde_json::Value, keyed: &mut usize, with_latex: &mut usize) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.contains_key("key") && m.contains_key("plain") {
                        *keyed += 1;
                        if m.contains_key("latex") {
                            *with_latex += 1;
                        }
                    }
                    m.values().for_each(|x| walk(x, keyed, with_latex));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, keyed, with_latex)),
                _ => {}
            }
        }
        let mut with_latex = 0;
        walk(&v, &mut keyed, &mut with_latex);
        assert!(keyed > 0, "{name}: no key/plain entries");
        if !matches!(name, "chemistry" | "table2") {
            assert_eq!(with_latex, keyed, "{name}: an expression without its LaTeX");
        }
    }
}

#[test]
fn snapshots_of_the_mathematica_and_latex_exports() {
    let m = every_table(Format::Mathematica);
    let l = every_table(Format::Latex);
    for (name, text) in m.iter().chain(&l).filter(|(n, _)| matches!(*n, "d2" | "washout" | "benchmarks")) {
        let ext = if text.starts_with("(*") { "m" } else { "tex" };
        snap!(format!("export_{name}_{ext}").as_str(), text.as_str());
    }
}

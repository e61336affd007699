//! One claim of an audit report for the terminal (`cogenesis show CLAIM`): its
//! verdict, printed and derived forms, detail, class, explanation and impact,
//! as text, as a LaTeX fragment (the forms as display math, the rest as text),
//! or as the claim's JSON object from `reports/audit.json`.

use crate::audit::verdict::Verdict;

/// The output formats of `show`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Latex,
    Json,
}

fn lines(v: &Verdict) -> Vec<(&'static str, String)> {
    let mut out = vec![];
    if let Some(f) = &v.finding {
        out.push(("class", format!("{}: {}", f.class.as_str(), f.reason)));
    }
    if let Some(ex) = &v.explanations {
        out.push(("explanation", if ex.is_empty() { "none in the slip space".into() } else { ex.join("; ") }));
    }
    if let Some(i) = &v.impact {
        out.push(("impact", i.clone()));
    }
    if !v.used_by.is_empty() {
        out.push(("used by", v.used_by.join(", ")));
    }
    if let Some(s) = v.supports {
        out.push(("the derivation supports", s.as_str().to_string()));
    }
    if let Some(c) = &v.checked_by {
        out.push(("checked by", c.clone()));
    }
    out
}

/// Escape text for LaTeX's text mode.
fn latex_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\\' => "\\textbackslash{}".to_string(),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => format!("\\{c}"),
            '~' => "\\textasciitilde{}".into(),
            '^' => "\\textasciicircum{}".into(),
            '<' => "\\textless{}".into(),
            '>' => "\\textgreater{}".into(),
            c => c.to_string(),
        })
        .collect()
}

/// One claim in the requested format.
pub fn show(v: &Verdict, format: ShowFormat) -> String {
    match format {
        ShowFormat::Json => serde_json::to_string_pretty(v).unwrap_or_default() + "\n",
        ShowFormat::Text => {
            let mut s = format!("{} ({}; Sec. {})\n{}\n\n", v.id, v.status.as_str(), v.section, v.title);
            s.push_str(&format!("printed: {}\n", v.printed));
            if let Some(l) = &v.printed_latex {
                s.push_str(&format!("  LaTeX: {l}\n"));
            }
            s.push_str(&format!("derived: {}\n", v.derived));
            if let Some(l) = &v.derived_latex {
                s.push_str(&format!("  LaTeX: {l}\n"));
            }
            s.push_str(&format!("detail: {}\n", v.detail));
            for (k, t) in lines(v) {
                s.push_str(&format!("{k}: {t}\n"));
            }
            s
        }
        ShowFormat::Latex => {
            let form = |name: &str, text: &str, latex: &Option<String>| match latex {
                Some(l) => format!("\\paragraph{{{name}}}\n\\[\n{l}\n\\]\n"),
                None => format!("\\paragraph{{{name}}} {}\n", latex_text(text)),
            };
            let mut s = format!(
                "% cogenesis show {}: {}\n\\subsection*{{{} --- {}}}\n{} (Sec.~{})\n\n",
                v.id,
                v.status.as_str(),
                latex_text(&v.id),
                v.status.as_str(),
                latex_text(&v.title),
                latex_text(&v.section)
            );
            s.push_str(&form("printed", &v.printed, &v.printed_latex));
            s.push_str(&form("derived", &v.derived, &v.derived_latex));
            s.push_str(&format!("\\paragraph{{detail}} {}\n", latex_text(&v.detail)));
            for (k, t) in lines(v) {
                s.push_str(&format!("\\paragraph{{{k}}} {}\n", latex_text(&t)));
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::verdict::Status;

    #[test]
    fn the_three_formats() {
        let v = Verdict::new("eq80", "B", "|Delta M|^2 for chi phi")
            .status(Status::Discrepancy)
            .printed("x_1")
            .derived("-x_1")
            .latex("x_{1}", "-x_{1}");
        let t = show(&v, ShowFormat::Text);
        assert!(t.starts_with("eq80 (discrepancy; Sec. B)") && t.contains("derived: -x_1"));
        let l = show(&v, ShowFormat::Latex);
        assert!(l.contains("\\[\n-x_{1}\n\\]") && l.contains("eq80 --- discrepancy"), "{l}");
        let j: serde_json::Value = serde_json::from_str(&show(&v, ShowFormat::Json)).unwrap();
        assert_eq!(j["id"], "eq80");
        assert_eq!(latex_text("a_b & 50%"), "a\\_b \\& 50\\%");
    }
}

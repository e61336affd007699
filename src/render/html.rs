//! The audit as one self-contained HTML file (`reports/audit.html`): opens
//! offline in any browser, with no network request, no external script,
//! stylesheet or font. Equations are MathML converted from the LaTeX of each
//! verdict by `pulldown-latex`; the sections of the Markdown report (impact,
//! conventions) by `pulldown-cmark`; the figures are embedded as PNG data
//! URIs. One `<section>` per claim with its anchor (the Markdown report's),
//! verdict, class, explanation and impact, and a filter by verdict and by
//! section of the paper (a few lines of inline script).

use crate::audit::Audit;
use crate::audit::report::anchor;
use crate::audit::verdict::{Status, Verdict};
use base64::Engine;
use std::path::Path;

/// HTML-escape text.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// LaTeX as a MathML `<math>` element (display or inline), or None when the
/// LaTeX does not parse (the caller shows the source instead).
pub fn mathml(latex: &str, display: bool) -> Option<String> {
    use pulldown_latex::config::DisplayMode;
    use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};
    let storage = Storage::new();
    if Parser::new(latex, &storage).any(|e| e.is_err()) {
        return None;
    }
    let storage = Storage::new();
    let parser = Parser::new(latex, &storage);
    let config = RenderConfig {
        display_mode: if display { DisplayMode::Block } else { DisplayMode::Inline },
        // the LaTeX source goes in the title of the enclosing element instead:
        // pulldown-latex 0.7 does not escape `&` in an annotation
        annotation: None,
        ..RenderConfig::default()
    };
    let mut out = String::new();
    push_mathml(&mut out, parser, config).ok()?;
    // `\ ` becomes `&nbsp;`, an HTML entity that XML (MathML) does not define
    Some(escape_stray_lt(&separate_attributes(&out).replace("&nbsp;", "&#160;")))
}

/// pulldown-latex 0.7 writes the relation `<` unescaped (`<mo><</mo>`), which is
/// not well-formed XML: escape every `<` that does not open a tag.
fn escape_stray_lt(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && !chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || *n == '/') {
            out.push_str("&lt;");
        } else {
            out.push(c);
        }
    }
    out
}

/// pulldown-latex 0.7 writes some attributes without a space between them
/// (`stretchy="true"minsize="1.2em"` for `\big`), which is not well-formed
/// XML: put the space back inside tags.
fn separate_attributes(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let (mut in_tag, mut in_value) = (false, false);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '<' if !in_value => in_tag = true,
            '>' if !in_value => in_tag = false,
            '"' if in_tag => {
                in_value = !in_value;
                if !in_value && chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// A form of a claim: MathML when it has LaTeX that converts, else its text.
fn form(text: &str, latex: Option<&str>) -> String {
    match latex.and_then(|l| mathml(l, true).map(|m| (l, m))) {
        Some((l, m)) => format!("<div class=\"math\" title=\"{}\">{m}</div>", escape(l)),
        None => match latex {
            Some(l) => format!("<pre class=\"latex\" title=\"LaTeX that the MathML converter does not read\">{}</pre>", escape(l)),
            None => format!("<code>{}</code>", escape(text)),
        },
    }
}

/// Markdown (the report's extra sections) as HTML.
pub fn markdown(md: &str) -> String {
    let mut out = String::new();
    let opts = pulldown_cmark::Options::ENABLE_TABLES;
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new_ext(md, opts));
    out
}

fn claim_section(v: &Verdict) -> String {
    let class = v.finding.as_ref().map(|f| f.class.as_str()).unwrap_or("");
    let mut s = format!(
        "<section class=\"claim\" id=\"{a}\" data-verdict=\"{st}\" data-section=\"{sec}\">\n<h3><a href=\"#{a}\">{id}</a> <span class=\"badge {st}\">{label}</span>{cls}</h3>\n<p class=\"title\">{title} <span class=\"sec\">(Sec. {sec})</span></p>\n",
        a = escape(&anchor(&v.id)),
        id = escape(&v.id),
        st = v.status.slug(),
        sec = escape(&v.section),
        title = escape(&v.title),
        cls = if class.is_empty() { String::new() } else { format!(" <span class=\"class\">{class}</span>") },
        label = v.status.as_str(),
    );
    s.push_str(&format!(
        "<dl>\n<dt>printed</dt><dd>{}</dd>\n<dt>derived</dt><dd>{}</dd>\n<dt>detail</dt><dd>{}</dd>\n",
        form(&v.printed, v.printed_latex.as_deref()),
        form(&v.derived, v.derived_latex.as_deref()),
        escape(&v.detail)
    ));
    if let Some(f) = &v.finding {
        s.push_str(&format!("<dt>class</dt><dd><b>{}</b>: {}</dd>\n", f.class.as_str(), escape(&f.reason)));
    }
    if let Some(ex) = &v.explanations {
        let text = if ex.is_empty() {
            "none in the slip space".to_string()
        } else {
            ex.iter().map(|e| escape(e)).collect::<Vec<_>>().join("<br>")
        };
        s.push_str(&format!("<dt>explanation</dt><dd>{text}</dd>\n"));
    }
    if let Some(i) = &v.impact {
        s.push_str(&format!("<dt>impact</dt><dd>{}</dd>\n", escape(i)));
    }
    if !v.used_by.is_empty() {
        let links: Vec<String> = v.used_by.iter().map(|u| format!("<a href=\"#{}\">{}</a>", escape(&anchor(u)), escape(u))).collect();
        s.push_str(&format!("<dt>used by</dt><dd>{}</dd>\n", links.join(", ")));
    }
    if let Some(sup) = v.supports {
        s.push_str(&format!("<dt>supports</dt><dd>the derivation supports <b>{}</b></dd>\n", escape(sup.as_str())));
    }
    if let Some(c) = &v.checked_by {
        s.push_str(&format!("<dt>checked by</dt><dd><code>{}</code></dd>\n", escape(c)));
    }
    s.push_str("</dl>\n</section>\n");
    s
}

const STYLE: &str = "body{font-family:sans-serif;max-width:72em;margin:auto;padding:1em;line-height:1.4}\
table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}td:first-child{white-space:nowrap}\
.badge{font-size:70%;padding:2px 6px;border-radius:4px;color:white;margin-left:.5em}.confirmed{background:#2a7d2e}\
.discrepancy{background:#b22222}.ambiguous{background:#b8860b}.unchecked,.definition{background:#666}.agrees{background:#2a5d8d}.differs{background:#8d2a7d}\
.class{font-size:70%;border:1px solid #b22222;color:#b22222;padding:1px 5px;border-radius:4px;margin-left:.4em}\
section.claim{border-top:1px solid #ddd;padding-top:.3em}dt{font-weight:bold;float:left;width:7em;clear:left}\
dd{margin-left:8em;margin-bottom:.4em;overflow-x:auto}.math{overflow-x:auto}.sec{color:#666}\
pre.latex{white-space:pre-wrap;font-size:85%}figure{display:inline-block;margin:.5em;max-width:100%}\
figure img{max-width:100%;border:1px solid #eee}#filters{position:sticky;top:0;background:white;padding:.4em 0;border-bottom:1px solid #ccc}";

const SCRIPT: &str = "function applyFilter(){var v=document.getElementById('f-verdict').value,s=document.getElementById('f-section').value;\
document.querySelectorAll('[data-verdict]').forEach(function(e){var ok=(v===''||e.dataset.verdict===v)&&(s===''||e.dataset.section===s);\
e.style.display=ok?'':'none';});}";

/// The figures of a directory (`*.png`, sorted), embedded as data URIs.
pub fn figures(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "png")).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))))
        })
        .collect()
}

/// The HTML report: summary, filters, the extra sections (Markdown), the
/// figures of `figures_dir` (if any), and one section per claim.
pub fn report(a: &Audit, sections: &[String], figures_dir: Option<&Path>) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>cogenesis audit</title>\n");
    out.push_str(&format!("<style>{STYLE}</style>\n<script>{SCRIPT}</script>\n</head>\n<body>\n"));
    out.push_str(
        "<h1>cogenesis audit</h1>\n<p>Audit of \"Genesis of Baryon and Dark Matter Asymmetries through Ultraviolet Scattering Freeze-in\" \
         (Asadi, Moore, Morrissey, Shamma, 2025). Generated by <code>cogenesis audit</code> with <code>reports/audit.md</code> and \
         <code>reports/audit.json</code>; equations in MathML, differences in red.</p>\n",
    );
    let totals: Vec<String> = a.totals().iter().map(|(s, n)| format!("{n} {}", s.as_str())).collect();
    out.push_str(&format!("<p><b>Totals:</b> {}.</p>\n", totals.join(", ")));
    out.push_str(&format!("<p><b>Findings by class:</b> {}.</p>\n", crate::audit::report::class_counts(a).join(", ")));
    let talk: Vec<String> = a.talk_totals().iter().map(|(s, n)| format!("{n} {}", s.as_str())).collect();
    out.push_str(&format!("<p><b>The authors' talk against the paper:</b> {}.</p>\n", talk.join(", ")));
    // filters
    let mut secs: Vec<&str> = a.verdicts.iter().map(|v| v.section.as_str()).collect();
    secs.sort_by(|x, y| {
        let key = |s: &str| s.split('.').map(|p| p.parse::<u32>().unwrap_or(u32::MAX)).collect::<Vec<_>>();
        key(x).cmp(&key(y)).then(x.cmp(y))
    });
    secs.dedup();
    out.push_str("<div id=\"filters\">Verdict <select id=\"f-verdict\" onchange=\"applyFilter()\"><option value=\"\">all</option>");
    for st in Status::ALL {
        out.push_str(&format!("<option value=\"{}\">{}</option>", st.slug(), st.as_str()));
    }
    out.push_str("</select> Section <select id=\"f-section\" onchange=\"applyFilter()\"><option value=\"\">all</option>");
    for s in &secs {
        out.push_str(&format!("<option value=\"{0}\">{0}</option>", escape(s)));
    }
    out.push_str("</select> <a href=\"#coverage\">coverage</a> <a href=\"#claims\">claims</a> <a href=\"#talk\">talk</a> <a href=\"#figures\">figures</a></div>\n");
    let coverage = crate::audit::report::coverage_markdown(a);
    if !coverage.is_empty() {
        out.push_str("<div id=\"coverage\"></div>\n");
        out.push_str(&markdown(&coverage));
    }
    for s in sections {
        out.push_str(&markdown(s));
    }
    if let Some(dir) = figures_dir {
        let figs = figures(dir);
        if !figs.is_empty() {
            out.push_str("<h2 id=\"figures\">Figures</h2>\n");
            for (name, uri) in figs {
                out.push_str(&format!("<figure><img src=\"{uri}\" alt=\"{n}\"><figcaption>{n}</figcaption></figure>\n", n = escape(&name)));
            }
        }
    }
    out.push_str(
        "<h2 id=\"claims\">Claims</h2>\n<table>\n<tr><th>claim</th><th>section</th><th>verdict</th><th>class</th><th>title</th></tr>\n",
    );
    for v in a.verdicts.iter().filter(|v| !v.status.is_talk()) {
        out.push_str(&format!(
            "<tr data-verdict=\"{st}\" data-section=\"{sec}\"><td><a href=\"#{a}\">{id}</a></td><td>{sec}</td><td>{st}</td><td>{cls}</td><td>{t}</td></tr>\n",
            a = escape(&anchor(&v.id)),
            id = escape(&v.id),
            st = v.status.slug(),
            sec = escape(&v.section),
            cls = v.finding.as_ref().map(|f| f.class.as_str()).unwrap_or(""),
            t = escape(&v.title)
        ));
    }
    out.push_str("</table>\n");
    let talk = crate::audit::report::talk_markdown(a);
    if !talk.is_empty() {
        out.push_str("<div id=\"talk\"></div>\n");
        out.push_str(&markdown(&talk));
    }
    for v in &a.verdicts {
        out.push_str(&claim_section(v));
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_becomes_mathml_and_bad_latex_does_not() {
        let m = mathml("\\frac{3}{32 \\pi^{2}} {\\color{red} -1}", true).unwrap();
        assert!(m.starts_with("<math") && m.contains("<mfrac>") && m.ends_with("</math>"), "{m}");
        assert!(mathml("\\left( x", true).is_none());
        assert_eq!(separate_attributes("<mo a=\"1\"b=\"2\">x\"y</mo>"), "<mo a=\"1\" b=\"2\">x\"y</mo>");
        // the relation < (Eq. 5) is escaped, tags are kept
        let lt = mathml("a < b", true).unwrap();
        assert!(lt.contains("<mo>&lt;</mo>") && roxmltree::Document::parse(&lt).is_ok(), "{lt}");
    }
}

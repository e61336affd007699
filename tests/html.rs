//! Issue 17: the HTML report is one self-contained file. Parsed with a real
//! HTML parser (scraper / html5ever): every claim has its section with the
//! report's anchor, every MathML element is well-formed XML (roxmltree), and
//! nothing refers to anything outside the file.

mod support;

use cogenesis::audit;
use cogenesis::audit::report::anchor;
use cogenesis::render::html::report;
use scraper::{Html, Selector};
use std::path::PathBuf;

fn html() -> (audit::Audit, String) {
    let a = audit::run(&support::inputs());
    let figures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("reports").join("figures");
    let h = report(&a, &["## A section\n\n| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()], Some(&figures));
    (a, h)
}

#[test]
fn the_html_report_is_complete_well_formed_and_self_contained() {
    let (a, h) = html();
    let doc = Html::parse_document(&h);
    // every claim has its section, with the Markdown report's anchor, verdict and section
    let sel = Selector::parse("section.claim").unwrap();
    let sections: Vec<_> = doc.select(&sel).collect();
    assert_eq!(sections.len(), a.verdicts.len());
    for v in &a.verdicts {
        let s = sections.iter().find(|s| s.value().id() == Some(anchor(&v.id).as_str()));
        let s = s.unwrap_or_else(|| panic!("no section for {}", v.id));
        assert_eq!(s.value().attr("data-verdict"), Some(v.status.slug()));
        assert_eq!(s.value().attr("data-section"), Some(v.section.as_str()));
    }
    // the Markdown sections become HTML tables
    assert!(doc.select(&Selector::parse("table").unwrap()).count() >= 2);
    // every MathML element is well-formed XML, and there are some
    let mut n = 0;
    let mut rest = h.as_str();
    while let Some(start) = rest.find("<math") {
        let end = rest[start..].find("</math>").expect("a <math> element is closed") + start + "</math>".len();
        roxmltree::Document::parse(&rest[start..end]).unwrap_or_else(|e| panic!("malformed MathML ({e}): {}", &rest[start..end]));
        n += 1;
        rest = &rest[end..];
    }
    assert!(n > 50, "only {n} MathML equations");
    // nothing outside the file: no <link>, no external script, every src/href local or a data URI
    assert_eq!(doc.select(&Selector::parse("link").unwrap()).count(), 0);
    assert_eq!(doc.select(&Selector::parse("script[src]").unwrap()).count(), 0);
    for e in doc.select(&Selector::parse("[src], [href]").unwrap()) {
        for attr in ["src", "href"] {
            if let Some(v) = e.value().attr(attr) {
                assert!(v.starts_with('#') || v.starts_with("data:"), "external reference {attr}={v}");
            }
        }
    }
    assert!(!h.contains("url(") && !h.contains("@import"), "a stylesheet reference");
    // the figures are embedded
    assert!(doc.select(&Selector::parse("img[src^=\"data:image/png;base64,\"]").unwrap()).count() >= 10);
}

/// A highlighted difference reaches the MathML (mathcolor), so a reader sees it.
#[test]
fn highlighted_differences_survive_the_conversion() {
    let m = cogenesis::render::html::mathml("a + {\\color{red} b}", true).unwrap();
    assert!(m.contains("color: rgb(255 0 0)"), "{m}");
}

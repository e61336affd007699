//! Issue 16: every finding (non-confirmed verdict) has a class with a reason,
//! the classes name only findings, and the report counts them by class.

mod support;

use cogenesis::audit;
use cogenesis::audit::verdict::Status;

#[test]
fn every_finding_has_a_class_and_every_class_a_finding() {
    let inputs = support::inputs();
    let a = audit::run(&inputs);
    let unclassified: Vec<&str> =
        a.verdicts.iter().filter(|v| v.status.is_finding() && v.finding.is_none()).map(|v| v.id.as_str()).collect();
    assert!(unclassified.is_empty(), "findings without a class in derivations/findings/classes.toml: {unclassified:?}");
    let classes = inputs.findings().unwrap();
    for (id, f) in &classes {
        let v = a.verdicts.iter().find(|v| &v.id == id).unwrap_or_else(|| panic!("classes.toml names {id}, which is no claim"));
        assert!(v.status.is_finding(), "classes.toml classifies {id}, which is {} (not a finding)", v.status.as_str());
        assert!(!f.reason.trim().is_empty(), "{id}: a class needs its reason");
    }
    let (by_class, none) = a.classes();
    assert_eq!(none, 0);
    assert_eq!(by_class.iter().map(|(_, n)| n).sum::<usize>(), a.verdicts.iter().filter(|v| v.status.is_finding()).count());
    let md = audit::report::markdown(&a);
    assert!(md.contains("**Findings by class**"));
}

/// The referee policy (src/prec.rs) as the checks apply it: "≃ 7.2e-21" for
/// 7.257e-21 is a truncation a referee accepts, and the reading is stated.
#[test]
fn quoted_numbers_are_read_by_the_referee_policy() {
    let inputs = support::inputs();
    let a = audit::run(&inputs);
    let v = a.verdicts.iter().find(|v| v.id == "eq28").unwrap();
    assert_eq!(v.status, Status::Confirmed, "{}", v.detail);
    assert!(v.detail.contains("rounded or truncated"), "{}", v.detail);
    for id in ["text.trh-bound", "fig8.mass-range", "text.xi-range"] {
        let v = a.verdicts.iter().find(|v| v.id == id).unwrap();
        assert!(v.detail.contains("order-one") || v.detail.contains("order one"), "{id}: the reading is not stated: {}", v.detail);
    }
    // the range statements are checked on the paper's |lambda1| <= 1
    let v = a.verdicts.iter().find(|v| v.id == "text.xi-range").unwrap();
    assert!(v.derived.contains("|lambda1| <= 1"), "{}", v.derived);
}

/// Every finding says what it changes in the headline results, or why it does
/// not enter the numerics; and the machinery is checked on an exact case: the
/// charge equations are linear in the sources, so flipping the sign of both
/// sources flips Y_B and leaves xi, |Y_Dchi| unchanged.
#[test]
fn every_finding_has_its_impact() {
    use cogenesis::audit::impact::{YD_PER_YLX_DERIVED, annotate, impacts};
    use cogenesis::cosmo::headline::{TrhSearch, headline};
    use cogenesis::cosmo::point::{Alternative, Chem};
    let inputs = support::inputs();
    let mut a = audit::run(&inputs);
    let chem = Chem::from_inputs(&inputs).unwrap();
    let dof = cogenesis::cosmo::relic::DarkDof::from_inputs(&inputs).unwrap();
    let i = impacts(&chem, dof, 2).unwrap();
    annotate(&mut a, &i);
    let missing: Vec<&str> = a.verdicts.iter().filter(|v| v.status.is_finding() && v.impact.is_none()).map(|v| v.id.as_str()).collect();
    assert!(missing.is_empty(), "findings without an impact: {missing:?}");
    // exact: both sources with the opposite sign
    let flipped = Chem { alternative: Alternative { sigma_factor: [-1.0, -1.0], ..Alternative::default() }, ..chem.clone() };
    let h = headline(&flipped, dof, YD_PER_YLX_DERIVED, 4, TrhSearch::Ascending, 2).unwrap();
    assert!(((h.y_b + i.derived.y_b) / i.derived.y_b).abs() < 1e-6, "{} vs {}", h.y_b, i.derived.y_b);
    assert!(((h.y_dchi - i.derived.y_dchi) / i.derived.y_dchi).abs() < 1e-6);
    assert!((h.xi - i.derived.xi).abs() < 1e-6 * i.derived.xi, "{} vs {}", h.xi, i.derived.xi);
    // and the identity reading reproduces the derivation
    let same = headline(&chem, dof, YD_PER_YLX_DERIVED, 4, TrhSearch::SharedGrids, 2).unwrap();
    assert_eq!(same.y_b, i.derived.y_b);
}

/// The conventions the paper's numbers support: run with each reading of an
/// ambiguous or inconsistent point, the paper's statements tell the source
/// normalisations apart (Eqs. 47-48 with the derived [D2] reproduce T_RH >~ 4e8
/// GeV and the 0.1-1e3 GeV mass range; Eqs. 57-58 as printed do not).
#[test]
fn the_papers_numbers_decide_the_source_normalisation() {
    use cogenesis::audit::conventions::{markdown, support, verdict};
    let inputs = support::inputs();
    let chem = cogenesis::cosmo::point::Chem::from_inputs(&inputs).unwrap();
    let dof = cogenesis::cosmo::relic::DarkDof::from_inputs(&inputs).unwrap();
    let s = support(&chem, dof, 2);
    let (q, st) = s.rows.iter().find(|(q, _)| q.topic.starts_with("the sources")).expect("the sources question");
    let v = verdict(q, st);
    assert!(v.contains("support \"Eqs. (47)-(48)\""), "{v}");
    let trh = st[1].iter().find(|x| x.0 == "text.trh-bound").unwrap();
    assert!(!trh.1, "with Eqs. (57)-(58) as printed the lowest T_RH should be far below 4e8 GeV: {}", trh.2);
    assert!(markdown(&s).contains("## Conventions the paper's numbers support"));
}

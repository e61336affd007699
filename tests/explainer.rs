//! The discrepancy explainer names the slip that was seeded, for every kind of
//! slip in the space. Seeded claims are built here; the committed
//! `derivations/` is not modified.

mod support;

use cogenesis::audit::checks::{Context, check_for};
use cogenesis::audit::explain::explain;
use cogenesis::audit::verdict::Status;
use cogenesis::transcript::claims::{Claim, parse_expression};
use cogenesis::transcript::inputs::Inputs;
use cogenesis::transcript::slips::SlipSpace;
use support::derivations as dir;

fn set() -> Inputs {
    support::inputs()
}

fn seeded_printed(set: &Inputs, id: &str, printed: &str) -> Claim {
    let mut c = set.claims.get(id).unwrap().clone();
    c.printed = Some(printed.to_string());
    c.parsed = Some(parse_expression(printed));
    c
}

fn seeded_quoted(set: &Inputs, id: &str, key: &str, text: &str) -> Claim {
    let mut c = set.claims.get(id).unwrap().clone();
    c.quoted.get_mut(key).unwrap().text = text.to_string();
    c
}

/// The seeded claim must be a discrepancy, and the explainer must name `expect`.
fn assert_explained(set: &Inputs, c: &Claim, expect: &str) {
    let ctx = Context::new(set);
    let ov = ctx.with_overlay(c.clone());
    let v = (check_for(&c.id).unwrap().run)(c, &ov).unwrap();
    assert_eq!(v.status, Status::Discrepancy, "seeded {} should be discrepant: {}", c.id, v.detail);
    let space = SlipSpace::load(&dir()).unwrap();
    let s = explain(c, &ctx, &space);
    assert!(s.found.iter().any(|f| f.contains(expect)), "{}: expected `{expect}` in {:?}", c.id, s.found);
}

/// Eq. (80) with the derived overall sign (the form the check confirms).
const EQ80_DERIVED: &str = "s*t/(4*pi)*Im((conj(B_s) + conj(B_u))*sum(k, C(k)*conj(D(k)) + conj(D(k))*C(k)))";
/// Eq. (17) with the derived overall sign.
const EQ17_DERIVED: &str =
    "-3/(32*pi^2)*Im(sum(a,b,c, conj(y(a))^2*M(a)/M(a)^2 * y(b)*lambda(b)*M(b)/M(b)^2 * y(c)*conj(lambda(c))/M(c)^2))";

#[test]
fn derived_forms_are_confirmed() {
    let s = set();
    for (id, text) in [("eq80", EQ80_DERIVED), ("eq17", EQ17_DERIVED)] {
        let c = seeded_printed(&s, id, text);
        let ctx = Context::new(&s);
        let ov = ctx.with_overlay(c.clone());
        let v = (check_for(id).unwrap().run)(&c, &ov).unwrap();
        assert_eq!(v.status, Status::Confirmed, "{id}: {}", v.detail);
    }
}

#[test]
fn sign_of_a_term() {
    let s = set();
    let c = seeded_printed(&s, "eq80", &EQ80_DERIVED.replace("conj(B_s) + conj(B_u)", "conj(B_s) - conj(B_u)"));
    assert_explained(&s, &c, "sign of the term");
}

#[test]
fn sign_of_a_parameter() {
    let s = set();
    // an overall sign: named as such (the overall-factor kind comes first in the space;
    // the sign of `s`, linear here, gives the same variant and is checked once)
    let c = seeded_printed(&s, "eq80", &format!("-{EQ80_DERIVED}"));
    assert_explained(&s, &c, "the overall sign flipped");
}

#[test]
fn sign_of_a_quoted_phase() {
    let s = set();
    let c = seeded_quoted(&s, "eq59.B1", "alpha", "2*pi/3");
    assert_explained(&s, &c, "sign of quoted `alpha` flipped");
}

#[test]
fn conjugation_on_one_factor() {
    let s = set();
    let c = seeded_printed(&s, "eq17", &EQ17_DERIVED.replace("y(c)*conj(lambda(c))", "y(c)*lambda(c)"));
    assert_explained(&s, &c, "conjugation");
}

#[test]
fn overall_factor() {
    let s = set();
    let c = seeded_printed(&s, "eq17", &EQ17_DERIVED.replace("-3/(32*pi^2)", "-3/(16*pi^2)"));
    assert_explained(&s, &c, "extra overall factor 2");
}

#[test]
fn inverted_exponent() {
    let s = set();
    let c = seeded_printed(&s, "eq78.D", "sum(a, y(i,a)*conj(lambda(a))*M(a)^2)");
    assert_explained(&s, &c, "inverted");
}

#[test]
fn swapped_labels() {
    let s = set();
    // eq57 with the derived normalisation but alpha and beta exchanged
    let c = seeded_printed(
        &s,
        "eq57",
        "-9*n_g^2/(8*pi^6)*abs(y(1)^4*lambda(1)^2)*(2/3*sin(beta - alpha) - 10/27*sin(alpha + beta) + 32/27*sin(2*beta))*(1 - xi^8)",
    );
    assert_explained(&s, &c, "labels `alpha` and `beta` swapped");
}

#[test]
fn swapped_quoted_values() {
    let s = set();
    let mut c = seeded_quoted(&s, "eq59.B1", "bracket_BL", "0.76");
    c.quoted.get_mut("bracket_Lx").unwrap().text = "1.21".into();
    assert_explained(&s, &c, "quoted `bracket_BL` and `bracket_Lx` swapped");
}

#[test]
fn spurious_term() {
    let s = set();
    let c = seeded_printed(&s, "eq17", &format!("{EQ17_DERIVED} + Im(sum(a,b, y(a)*lambda(a)*conj(y(b))/M(b)))"));
    assert_explained(&s, &c, "spurious term");
}

#[test]
fn pair_of_slips_eq58_and_no_explanation_eq59_b2() {
    let s = set();
    let ctx = Context::new(&s);
    let space = SlipSpace::load(&dir()).unwrap();
    // eq58 as printed: the opposite overall sign and a dropped loop prefactor n_g/(16 pi^2), a pair of slips
    let e = explain(s.claims.get("eq58").unwrap(), &ctx, &space);
    assert!(e.found.iter().any(|f| f.contains("overall sign") && f.contains("n_g/(16*pi^2)")), "{:?}", e.found);
    let signed = seeded_printed(
        &s,
        "eq58",
        "-12/pi^4*abs(y(1)^2*lambda(1)^4)*(0*sin(alpha - beta) - 16/27*sin(alpha + beta) + 5/27*sin(2*beta))*(1 - xi^8)",
    );
    let e = explain(&signed, &ctx, &space);
    assert!(e.found.iter().any(|f| f.contains("16*pi^2") && f.contains("n_g")), "{:?}", e.found);
    // eq59.B3: alpha printed with the wrong sign
    let b3 = explain(s.claims.get("eq59.B3").unwrap(), &ctx, &space);
    assert!(b3.found.iter().any(|f| f.contains("sign of quoted `alpha`")), "{:?}", b3.found);
    // eq59.B2: nothing in the space reproduces 0.39
    let b2 = explain(s.claims.get("eq59.B2").unwrap(), &ctx, &space);
    assert!(b2.found.is_empty(), "{:?}", b2.found);
    assert!(b2.summary().starts_with("No variant in the slip space explains it"));
}

#[test]
fn malformed_space_is_reported() {
    let e = SlipSpace::from_str(std::path::Path::new("s.toml"), "max_pairs = 3\n[[slip]]\nkind = \"teleport\"\n").unwrap_err();
    assert!(e.to_string().contains("unknown slip kind"));
}

#[test]
fn inverted_ratio_with_fractional_power() {
    // Eq. (62) as printed has (4/11)^(4/3) where (11/4)^(4/3) is derived
    let s = set();
    let ctx = Context::new(&s);
    let space = SlipSpace::load(&dir()).unwrap();
    let e = explain(s.claims.get("eq62").unwrap(), &ctx, &space);
    assert!(e.found.iter().any(|f| f.contains("ratio `4/11` inverted")), "{:?}", e.found);
}

/// Eqs. (75) and (77) read their printed prefactor: a factor 2 or a wrong
/// factorial in it turns the verdict into a discrepancy.
#[test]
fn collision_prefactors_are_read_from_the_transcription() {
    let s = set();
    let ctx = Context::new(&s);
    for (id, wrong) in [("eq75", "2*k!*(k+1)!*2^(2*k)/(2*pi)^4"), ("eq77", "k!*(k+1)!*2^(2*k+1)/(2*pi)^4")] {
        let good = s.claims.get(id).unwrap();
        let v = (check_for(id).unwrap().run)(good, &ctx).unwrap();
        assert_eq!(v.status, Status::Confirmed, "{id}: {}", v.detail);
        let c = seeded_quoted(&s, id, "prefactor", wrong);
        let ov = ctx.with_overlay(c.clone());
        let v = (check_for(id).unwrap().run)(&c, &ov).unwrap();
        assert_eq!(v.status, Status::Discrepancy, "{id} with {wrong}: {}", v.detail);
    }
}

/// Derive once, compare many: the explainer in the context the checks ran in
/// (their shared derivations reused, as `cogenesis audit` runs it) finds what it
/// finds in a fresh context, for a coefficient, a sum rule, a normalisation and a
/// numerical statement; and running it leaves the checks' own verdicts as they were.
#[test]
fn explainer_in_the_checks_context_finds_what_a_fresh_one_finds() {
    let s = set();
    let space = SlipSpace::load(&dir()).unwrap();
    let ids = ["eq18", "eq23", "eq57", "text.washout-stability"];
    let selection = cogenesis::audit::Selection::Only(ids.iter().map(|x| x.to_string()).collect());
    let shared = Context::new(&s);
    let audit = cogenesis::audit::run_in(&shared, &selection, None);
    for id in ids {
        let c = s.claims.get(id).unwrap();
        let v = audit.verdicts.iter().find(|v| v.id == id).unwrap();
        assert_eq!(v.status, Status::Discrepancy, "{id}");
        let (a, b) = (explain(c, &shared, &space), explain(c, &Context::new(&s), &space));
        assert_eq!((a.found, a.tried_single, a.tried_pairs, a.truncated), (b.found, b.tried_single, b.tried_pairs, b.truncated), "{id}");
    }
    let again = cogenesis::audit::run_in(&shared, &selection, None);
    let show = |a: &cogenesis::audit::Audit| a.verdicts.iter().map(|v| (v.id.clone(), v.status, v.detail.clone())).collect::<Vec<_>>();
    assert_eq!(show(&audit), show(&again));
}

/// A derivation shared within a run that reads Eq. (56) (its substitutions) is
/// derived afresh when an explainer variant replaces Eq. (56), and the run's
/// shared value is left as it was.
#[test]
fn shared_reads_of_eq56_follow_an_overlay() {
    use cogenesis::audit::checks::sec4_benchmarks::eq56_substitutions;
    let s = set();
    let eq57 = s.claims.get("eq57").unwrap().clone();
    let ctx = Context::new(&s);
    let base = eq56_substitutions(&ctx, &eq57).unwrap();
    let ov = ctx.with_overlay(seeded_quoted(&s, "eq56", "y(2)", "3*abs_y1"));
    let varied = eq56_substitutions(&ov, &eq57).unwrap();
    assert_ne!(*varied, *base);
    assert_eq!(varied.len(), base.len());
    assert_eq!(*eq56_substitutions(&ctx, &eq57).unwrap(), *base);
}

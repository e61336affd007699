//! Issue 18: every confirmed verdict depends on its transcription. The
//! self-test of `cogenesis selftest` perturbs every confirmed claim's printed
//! expression and quoted values one at a time and re-runs its check.

mod support;

use cogenesis::audit;
use cogenesis::audit::checks::{Check, Context};
use cogenesis::audit::error::CheckError;
use cogenesis::audit::selftest::{Outcome, perturbations, run, run_with};
use cogenesis::audit::verdict::{Status, Verdict};
use cogenesis::transcript::claims::Claim;

#[test]
fn every_confirmed_claim_reads_its_transcription() {
    let inputs = support::inputs();
    let baseline = audit::run(&inputs);
    let t = run(&inputs, &baseline);
    assert!(t.passed(), "{}", t.summary());
    // every confirmed claim (and every statement of the talk that agrees with the paper) is either
    // perturbed or listed with its check's reason
    let confirmed = baseline.verdicts.iter().filter(|v| matches!(v.status, Status::Confirmed | Status::Agrees)).count();
    assert_eq!(t.claims.len() + t.nothing_to_perturb.len(), confirmed);
    // and most perturbations are noticed by the checks themselves, not declared away
    let all: Vec<&Outcome> = t.claims.iter().flat_map(|c| c.results.iter().map(|(_, _, o)| o)).collect();
    let detected = all.iter().filter(|o| matches!(o, Outcome::Detected(_))).count();
    assert!(detected * 10 >= all.len() * 8, "{detected} of {} detected", all.len());
}

// the signature of a check (CheckFn), whose error is large by design (see lib.rs)
#[allow(clippy::result_large_err)]
fn always_confirmed(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    Ok(Verdict::new(&c.id, &c.section, &c.title).status(Status::Confirmed))
}

static READS_NOTHING: Check = Check { claims: &["eq17"], path: "tests::always_confirmed", run: always_confirmed, insensitive: &[] };

/// The self-test can fail: a check that confirms without reading the claim is
/// caught on every perturbation of it.
#[test]
fn a_check_that_reads_nothing_fails_the_self_test() {
    let inputs = support::inputs();
    let mut baseline = audit::run(&inputs);
    baseline.verdicts.retain(|v| v.id == "eq17");
    baseline.verdicts[0].status = Status::Confirmed;
    let t = run_with(&inputs, &baseline, &|id| if id == "eq17" { Some(&READS_NOTHING) } else { None });
    assert!(!t.passed());
    let claim = inputs.claims.get("eq17").unwrap();
    assert_eq!(t.undetected().len(), perturbations(claim).len());
    assert!(perturbations(claim).len() >= 3, "times 2, a sign, a conjugation");
}

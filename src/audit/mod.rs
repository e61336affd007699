//! Layer 5, the audit: every transcribed claim run through its check, compared,
//! given a verdict, explained and reported.

/// The cache of derived results: a re-run re-checks only what changed.
pub mod cache;
/// The checks behind each claim id, one module per transcription file.
pub mod checks;
/// Comparing a printed expression with a derived one.
pub mod compare;
/// Claims and derived data shared by the checks of one audit.
pub mod context;
/// Which claims cover each numbered equation, table and figure of the paper.
pub mod coverage;
/// Errors of the audit and of single checks.
pub mod error;
/// The discrepancy explainer (slip search).
pub mod explain;
/// Printed and derived forms as LaTeX in the paper's notation, differences highlighted.
pub mod mathform;
/// Which readings of the paper's ambiguous or inconsistent formulas its numbers support.
pub mod conventions;
/// What each finding changes in the headline results (the evolution re-run with the printed form).
pub mod impact;
/// The JSON and Markdown reports.
pub mod report;
/// One whole audit: checks, explainer, and the numerics sections on a second thread.
pub mod pipeline;
/// The self-test: every confirmed verdict depends on its transcription.
pub mod selftest;
/// The verdict of one claim.
pub mod verdict;

use crate::audit::checks::{Check, Context, check_for, printed_text};
use crate::audit::error::AuditError;
use crate::audit::verdict::{Status, Verdict};
use crate::transcript::inputs::Inputs;
use std::path::Path;

/// The result of an audit run.
#[derive(Debug, Clone)]
pub struct Audit {
    pub verdicts: Vec<Verdict>,
    /// Files or claims that could not be read at all (with file and position).
    pub errors: Vec<String>,
    /// The claims covering each numbered item of the paper (empty for a
    /// selection of claims, or without `paper/numbered.toml`).
    pub coverage: Vec<coverage::CoverageRow>,
}

impl Audit {
    /// Number of findings of each class (non-confirmed verdicts), and of
    /// findings without a class.
    pub fn classes(&self) -> (Vec<(crate::transcript::findings::FindingClass, usize)>, usize) {
        let mut counts: std::collections::BTreeMap<crate::transcript::findings::FindingClass, usize> = Default::default();
        let mut unclassified = 0;
        for v in self.verdicts.iter().filter(|v| v.status.is_finding()) {
            match &v.finding {
                Some(f) => *counts.entry(f.class).or_default() += 1,
                None => unclassified += 1,
            }
        }
        (counts.into_iter().collect(), unclassified)
    }

    /// Number of verdicts on the paper with each status (the talk's in [`Audit::talk_totals`]).
    pub fn totals(&self) -> Vec<(Status, usize)> {
        Status::ALL.into_iter().filter(|s| !s.is_talk()).map(|s| (s, self.verdicts.iter().filter(|v| v.status == s).count())).collect()
    }

    /// Number of the talk's statements that agree with and differ from the paper.
    pub fn talk_totals(&self) -> Vec<(Status, usize)> {
        [Status::Agrees, Status::Differs].into_iter().map(|s| (s, self.verdicts.iter().filter(|v| v.status == s).count())).collect()
    }
}

/// Audit the claims of a directory (its inputs read once).
pub fn run_dir(dir: &Path) -> Result<Audit, AuditError> {
    if !dir.is_dir() {
        return Err(AuditError::NoDerivations(dir.to_path_buf()));
    }
    Ok(run(&Inputs::load(dir).map_err(|_| AuditError::NoDerivations(dir.to_path_buf()))?))
}

/// Which claims an audit checks (`cogenesis audit --only`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Every claim.
    #[default]
    All,
    /// The claims named by id (`eq50`), by section (`4.2`, `A.1`) or by the stem
    /// of their transcription file (`sec4_washout`).
    Only(Vec<String>),
}

impl Selection {
    /// Whether the selection includes a claim.
    pub fn selects(&self, c: &crate::transcript::claims::Claim) -> bool {
        match self {
            Selection::All => true,
            Selection::Only(names) => names.iter().any(|n| {
                let stem = c.location.file.file_stem().map(|s| s.to_string_lossy() == n.as_str()).unwrap_or(false);
                *n == c.id || *n == c.section || stem
            }),
        }
    }
}

/// Audit a set of claims: every claim gets a verdict; a check that fails to run
/// (bad transcription, missing dependency, internal error) leaves its claim
/// unchecked with the reason, and the others go on.
pub fn run(inputs: &Inputs) -> Audit {
    run_selected(inputs, &Selection::All)
}

/// [`run`] on the claims of a [`Selection`] (the others are not checked and
/// not in the audit). A check still reads the other claims it needs.
pub fn run_selected(inputs: &Inputs, selection: &Selection) -> Audit {
    run_inner(&Context::new(inputs), selection, None, None)
}

/// [`run_selected`], with the wall time of each claim's check (the profile of
/// `examples/profile_audit.rs`; a claim's time includes the shared derivations
/// it was the first to ask for).
pub fn run_timed(ctx: &Context<'_>, selection: &Selection) -> (Audit, Vec<(String, std::time::Duration)>) {
    let mut times = vec![];
    let audit = run_inner(ctx, selection, None, Some(&mut times));
    (audit, times)
}

/// [`run_selected`] in a context the caller keeps: the derivations the checks
/// shared ([`Context::shared`]) are then reused by whatever runs next in it, the
/// explainer's re-runs ([`explain::annotate_in`]) above all. With a cache of
/// verdicts, a claim whose transcription, and the claims and data files its
/// check read, are as when its cached verdict was derived is not checked again
/// ([`cache`]); the report is the one [`run_selected`] gives.
pub fn run_in(ctx: &Context<'_>, selection: &Selection, cache: Option<&mut cache::Cache>) -> Audit {
    run_inner(ctx, selection, cache, None)
}

/// The verdict of one claim as its check gives it (before the finding
/// classes, `used_by` and the explainer).
fn check_claim(claim: &crate::transcript::claims::Claim, ctx: &Context<'_>) -> Verdict {
    let base = Verdict::new(&claim.id, &claim.section, &claim.title).printed(printed_text(claim));
    let v = match check_for(&claim.id) {
        None => match claim.expression() {
            Err(e) if claim.printed.is_some() => base.detail(format!("transcription error: {e}")),
            _ => base.detail("no derivation implemented for this claim yet"),
        },
        Some(check) => {
            let mut v = run_check(check, claim, ctx, base);
            v.checked_by = Some(check.name().to_string());
            v
        }
    };
    // a garbled transcription cannot support a verdict either way
    let v = match &claim.ambiguous {
        Some(why) => {
            let detail = format!("ambiguous transcription: {why}. (Check as transcribed: {}: {})", v.status.as_str(), v.detail);
            v.status(Status::Ambiguous).detail(detail)
        }
        None => v,
    };
    let (derived, detail) = (crate::cas::print::pretty(&v.derived), crate::cas::print::pretty(&v.detail));
    let mut v = v.derived(derived).detail(detail);
    // a claim compared without a derived expression shows the paper's own LaTeX,
    // and a derived form that reads as an expression is shown as one
    if v.printed_latex.is_none() {
        v.printed_latex = claim.latex.clone().or_else(|| mathform::expression_latex(&v.printed));
    }
    if v.derived_latex.is_none() {
        v.derived_latex = mathform::expression_latex(&v.derived).or_else(|| mathform::mixed_latex(&v.derived));
    }
    v
}

fn run_inner(
    ctx: &Context<'_>,
    selection: &Selection,
    mut cache: Option<&mut cache::Cache>,
    mut times: Option<&mut Vec<(String, std::time::Duration)>>,
) -> Audit {
    let inputs = ctx.inputs;
    let set = &inputs.claims;
    let mut verdicts = vec![];
    for claim in set.claims.iter().filter(|c| selection.selects(c)) {
        let start = std::time::Instant::now();
        let v = match cache.as_deref_mut().and_then(|k| k.verdict(&claim.id)) {
            Some(v) => v,
            None => {
                ctx.take_reads();
                let v = check_claim(claim, ctx);
                if let Some(k) = cache.as_deref_mut() {
                    k.store(&claim.id, ctx.take_reads(), &v);
                }
                v
            }
        };
        verdicts.push(v);
        if let Some(t) = times.as_deref_mut() {
            t.push((claim.id.clone(), start.elapsed()));
        }
    }
    // the class of every finding; a findings file that cannot be read is an input error of the audit
    let mut errors: Vec<String> = set.errors.iter().map(|e| e.to_string()).collect();
    match inputs.findings() {
        Ok(classes) => {
            for v in verdicts.iter_mut().filter(|v| v.status.is_finding()) {
                v.finding = classes.get(&v.id).cloned();
            }
        }
        Err(e) => errors.push(e.to_string()),
    }
    // a definition lists the claims that use it; each must exist
    for v in verdicts.iter_mut() {
        let Some(c) = set.get(&v.id) else { continue };
        for u in &c.used_by {
            if set.get(u).is_none() {
                errors.push(format!("{}: claim {}: used_by names {u:?}, which is no claim", c.location, c.id));
            }
        }
        v.used_by = c.used_by.clone();
    }
    let coverage = match (selection, inputs.index()) {
        (Selection::All, Ok(Some(index))) => coverage::coverage(index, set, &verdicts),
        (_, Err(e)) => {
            errors.push(e.to_string());
            vec![]
        }
        _ => vec![],
    };
    Audit { verdicts, errors, coverage }
}

fn run_check(check: &Check, claim: &crate::transcript::claims::Claim, ctx: &Context<'_>, base: Verdict) -> Verdict {
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (check.run)(claim, ctx)));
    match res {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => base.detail(format!("not checked: {e}")),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown".into());
            base.detail(format!("not checked: internal error in the check ({msg})"))
        }
    }
}

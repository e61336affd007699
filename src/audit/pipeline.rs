//! One whole audit, as `cogenesis audit` runs it: the checks of every selected
//! claim, the explainer's search for each discrepancy, and the numerics
//! sections (the impact of every finding and the conventions the paper's
//! numbers support, Secs. 4-5 re-run under each printed form).
//!
//! The checks and the explainer run in one [`Context`], so the explainer's
//! variants reuse every derivation the checks shared and re-run only the
//! comparisons (derive once, compare many). The numerics sections are plain
//! Rust (evolution, freeze-out, scans) and run on a second thread while the
//! checks, which use Symbolica, run on this one: Symbolica never runs on two
//! threads at once. Without the numerics sections (`--no-impact`), a whole
//! audit that derives every claim afresh still computes the scans its checks
//! ask for on the second thread (the same shared results, `cosmo::shared`).
//! With a [`Cache`](crate::audit::cache::Cache), every part that nothing changed for is
//! taken from it.

use crate::audit::cache::Cache;
use crate::audit::checks::Context;
use crate::audit::{Audit, Selection, conventions, explain, impact};
use crate::cosmo::point::Chem;
use crate::cosmo::relic::DarkDof;
use crate::transcript::inputs::Inputs;
use std::collections::BTreeMap;

/// What one audit runs.
#[derive(Clone, Debug)]
pub struct Options {
    pub selection: Selection,
    /// Search the slips that explain each discrepancy.
    pub explain: bool,
    /// The impact and conventions sections.
    pub numerics: bool,
    /// Threads of the numerics' pools.
    pub threads: usize,
}

/// The result: the audit (verdicts annotated), the report sections after the
/// verdicts, and warnings for the parts that could not run.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub audit: Audit,
    pub sections: Vec<String>,
    pub warnings: Vec<String>,
}

/// The impact sentences (`None` when the impact failed) and the sections.
type Numerics = (Option<BTreeMap<String, String>>, Vec<String>, Vec<String>);

/// The impact and conventions sections from prepared numerics (no Symbolica).
/// With `prefetch`, the scans the checks ask for are computed first
/// (`cosmo::shared`), while the checks do their symbolic work.
fn numerics(chem: &Chem, dof: DarkDof, threads: usize, prefetch: bool) -> Numerics {
    if prefetch {
        crate::cosmo::shared::prefetch(&crate::audit::checks::prefetch(), chem, dof, threads);
    }
    let (mut sections, mut warnings) = (vec![], vec![]);
    let sentences = match impact::impacts(chem, dof, threads) {
        Ok(i) => {
            sections.push(impact::markdown(&i));
            Some(impact::sentences(&i))
        }
        Err(e) => {
            warnings.push(format!("no impact of the findings: {e}"));
            None
        }
    };
    sections.push(conventions::markdown(&conventions::support(chem, dof, threads)));
    (sentences, sections, warnings)
}

/// Run one audit (see the module documentation).
pub fn run(inputs: &Inputs, options: &Options, mut cache: Option<&mut Cache>) -> Outcome {
    let mut warnings = vec![];
    let cached = if options.numerics { cache.as_deref().and_then(|k| k.numerics()).cloned() } else { None };
    // without the numerics sections, the checks' scans are computed ahead only when
    // every claim is derived afresh (after an edit, most verdicts come from the cache
    // and the scans would be computed for nothing)
    let prefetch_only = !options.numerics && options.selection == Selection::All && cache.as_deref().is_none_or(|k| !k.reuses_any());
    // the numerics need the chemistry and the field content (derived with Symbolica, here, before the second thread starts)
    let prepared = if (options.numerics && cached.is_none()) || prefetch_only {
        let p = Chem::from_inputs(inputs)
            .map_err(|e| e.to_string())
            .and_then(|chem| Ok((chem, DarkDof::from_inputs(inputs).map_err(|e| e.to_string())?)));
        match p {
            Ok(p) => Some(p),
            // without the sections, the checks that need the chemistry report the error themselves
            Err(e) if options.numerics => {
                warnings.push(format!("no impact of the findings and no conventions section: {e}"));
                None
            }
            Err(_) => None,
        }
    } else {
        None
    };
    let (mut audit, fresh) = std::thread::scope(|scope| {
        // the checks' scans are worth computing ahead only for a whole audit (the cache
        // keeps no numerics section when the chemistry changed, so those checks run too)
        let prefetch = options.selection == Selection::All;
        let background = prepared.as_ref().map(|(chem, dof)| {
            scope.spawn(move || {
                if prefetch_only {
                    crate::cosmo::shared::prefetch(&crate::audit::checks::prefetch(), chem, *dof, options.threads);
                    None
                } else {
                    Some(numerics(chem, *dof, options.threads, prefetch))
                }
            })
        });
        // one context for the checks and the explainer: its variants reuse the checks' derivations
        let ctx = Context::new(inputs).with_threads(options.threads);
        let mut audit = crate::audit::run_in(&ctx, &options.selection, cache.as_deref_mut());
        if options.explain {
            match inputs.slips() {
                Ok(space) => explain::annotate_in(&mut audit, &ctx, space, cache.as_deref_mut()),
                Err(e) => warnings.push(format!("no discrepancy explanations: {e}")),
            }
        }
        let fresh = background.and_then(|h| {
            // a failed prefetch leaves the checks to compute their scans themselves
            h.join()
                .unwrap_or_else(|_| (!prefetch_only).then(|| (None, vec![], vec!["the numerics sections failed (internal error)".into()])))
        });
        (audit, fresh)
    });
    let mut sections = vec![];
    if let Some(n) = cached {
        impact::annotate_with(&mut audit, &n.impact);
        sections = n.sections;
    } else if let Some((sentences, s, w)) = fresh {
        warnings.extend(w);
        if let Some(sentences) = &sentences {
            impact::annotate_with(&mut audit, sentences);
        }
        // only a complete result is kept
        if let (Some(k), Some(sentences)) = (cache, sentences) {
            k.store_numerics(sentences, s.clone());
        }
        sections = s;
    }
    Outcome { audit, sections, warnings }
}

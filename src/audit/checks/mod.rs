//! The checks behind each claim id: what is derived and how it is compared.
//!
//! One module per transcription file, with the file's stem
//! (`sec4_washout.rs` checks every claim of `derivations/sec4_washout.toml`).
//! Each module exports a table [`CHECKS`](sec4_washout::CHECKS) of
//! (claim ids -> check function); [`REGISTRY`] lists the tables and
//! [`check_for`] finds the check of a claim. A claim without a check is
//! reported as unchecked; every verdict names its check (`checked_by`).
//!
//! A [`Check`] is a struct so that a check can later be split into a derivation
//! step (independent of the printed text, computed once and shared through the
//! [`Context`] caches) and a comparison step: add the step as a field, keep the
//! table.

/// A row of a check table: `check!(function, ["eq50", "eq51"])`. Defined
/// before the modules so that their tables can use it.
macro_rules! check {
    ($f:ident, [$($id:literal),+ $(,)?]) => {
        $crate::audit::checks::Check { claims: &[$($id),+], path: concat!(module_path!(), "::", stringify!($f)), run: $f }
    };
}

#[allow(non_snake_case)]
pub mod appA_collision;
#[allow(non_snake_case)]
pub mod appB_matrix_elements;
pub mod sec2_asymmetry;
pub mod sec2_model;
pub mod sec2_tables;
pub mod sec3_energy_transfer;
pub mod sec4_benchmarks;
pub mod sec4_chemistry;
pub mod sec4_evolution;
pub mod sec4_washout;
pub mod sec5_dark;

pub use crate::audit::context::Context;
use crate::audit::error::CheckError;
use crate::audit::verdict::Verdict;
use crate::transcript::claims::Claim;
use crate::transcript::error::TranscriptionError;
use crate::transcript::lower::{Scope, lower};
use symbolica::atom::Atom;

/// A check: derive, compare, give a verdict.
pub type CheckFn = fn(&Claim, &Context<'_>) -> Result<Verdict, CheckError>;

/// One row of a module's check table.
#[derive(Clone, Copy)]
pub struct Check {
    /// The claim ids the check decides; an id ending in `*` is a prefix (`tab2.*`).
    pub claims: &'static [&'static str],
    /// Full path of the check function (`cogenesis::audit::checks::sec4_washout::eq49`).
    pub path: &'static str,
    /// The check itself.
    pub run: CheckFn,
}

impl Check {
    /// The name reported as `checked_by`: the path below the crate,
    /// `audit::checks::sec4_washout::eq49`.
    pub fn name(&self) -> &'static str {
        self.path.split_once("::").map(|(_, rest)| rest).unwrap_or(self.path)
    }

    /// The module (transcription-file stem) the check lives in.
    pub fn module(&self) -> &'static str {
        self.path.rsplit("::").nth(1).unwrap_or("")
    }

    /// Whether the check decides the claim `id`.
    pub fn decides(&self, id: &str) -> bool {
        self.claims.iter().any(|c| match c.strip_suffix('*') {
            Some(prefix) => id.starts_with(prefix),
            None => *c == id,
        })
    }
}

/// Every check table, keyed by the transcription-file stem it belongs to.
pub const REGISTRY: &[(&str, &[Check])] = &[
    ("appA_collision", appA_collision::CHECKS),
    ("appB_matrix_elements", appB_matrix_elements::CHECKS),
    ("sec2_asymmetry", sec2_asymmetry::CHECKS),
    ("sec2_model", sec2_model::CHECKS),
    ("sec2_tables", sec2_tables::CHECKS),
    ("sec3_energy_transfer", sec3_energy_transfer::CHECKS),
    ("sec4_benchmarks", sec4_benchmarks::CHECKS),
    ("sec4_chemistry", sec4_chemistry::CHECKS),
    ("sec4_evolution", sec4_evolution::CHECKS),
    ("sec4_washout", sec4_washout::CHECKS),
    ("sec5_dark", sec5_dark::CHECKS),
];

/// The check registered for a claim id.
pub fn check_for(id: &str) -> Option<&'static Check> {
    REGISTRY.iter().flat_map(|(_, table)| table.iter()).find(|c| c.decides(id))
}

/// Lower a claim's printed expression or return a located error (the
/// claim's declared symbols are added to the scope).
pub fn lower_claim(c: &Claim, scope: &Scope<'_>) -> Result<Atom, TranscriptionError> {
    let scope = scope.clone().declare(&c.symbols);
    lower(c.expression()?, &scope).map_err(|e| c.lower_error(e))
}

/// A verdict from comparing a printed expression with a derived one: equal,
/// an overall factor, or the difference.
pub fn relation_verdict(c: &Claim, printed: &Atom, derived: &Atom, how: &str) -> Verdict {
    use crate::audit::compare::{Relation, describe_factor, relate};
    use crate::audit::verdict::Status;
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(crate::cas::print::plain(derived));
    match relate(printed, derived) {
        Relation::Equal => v.status(Status::Confirmed).detail(how.to_string()),
        Relation::Factor(f) => v.status(Status::Discrepancy).detail(format!("{}. {how}", describe_factor(&f))),
        Relation::Different(d) => {
            v.status(Status::Discrepancy).detail(format!("printed - derived = {}. {how}", crate::cas::print::plain(&d)))
        }
    }
}

/// The printed text of a claim for the report.
pub fn printed_text(c: &Claim) -> String {
    c.printed.clone().or_else(|| c.latex.clone()).unwrap_or_else(|| c.title.clone())
}

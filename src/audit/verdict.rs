//! The verdict of one audited claim.

use serde::{Deserialize, Serialize};

/// Outcome of checking a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The derivation reproduces the printed statement.
    Confirmed,
    /// The derivation contradicts the printed statement.
    Discrepancy,
    /// The printed statement cannot be read unambiguously (garbled transcription).
    Ambiguous,
    /// Not checked (no derivation yet, or the transcription could not be read).
    Unchecked,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Discrepancy => "discrepancy",
            Status::Ambiguous => "ambiguous",
            Status::Unchecked => "unchecked",
        }
    }
}

/// One claim's entry in the audit report (`reports/audit.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub id: String,
    pub section: String,
    #[serde(default)]
    pub title: String,
    pub status: Status,
    pub printed: String,
    pub derived: String,
    pub detail: String,
    /// The check that produced the verdict (`audit::checks::sec4_washout::eq49`);
    /// absent for a claim without a check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_by: Option<String>,
    /// For discrepancies: the slips that reconcile printed and derived
    /// (simplest first); empty when none in the searched space does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanations: Option<Vec<String>>,
    /// For a non-confirmed verdict: what kind of finding it is, and why
    /// (`derivations/findings/classes.toml`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<crate::transcript::findings::Finding>,
    /// For a finding: what it changes in the headline results (the evolution
    /// re-run with the printed form), or why it does not enter the numerics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    /// The printed form as LaTeX in the paper's notation (differences highlighted), if it is an expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_latex: Option<String>,
    /// The derived form as LaTeX in the paper's notation (differences highlighted), if it is an expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_latex: Option<String>,
}

impl Verdict {
    pub fn new(id: &str, section: &str, title: &str) -> Self {
        Verdict {
            id: id.into(),
            section: section.into(),
            title: title.into(),
            status: Status::Unchecked,
            printed: String::new(),
            derived: String::new(),
            detail: String::new(),
            checked_by: None,
            explanations: None,
            finding: None,
            impact: None,
            printed_latex: None,
            derived_latex: None,
        }
    }
    /// The printed and derived forms as LaTeX.
    pub fn latex(mut self, printed: impl Into<String>, derived: impl Into<String>) -> Self {
        self.printed_latex = Some(printed.into());
        self.derived_latex = Some(derived.into());
        self
    }
    pub fn status(mut self, s: Status) -> Self {
        self.status = s;
        self
    }
    pub fn printed(mut self, s: impl Into<String>) -> Self {
        self.printed = s.into();
        self
    }
    pub fn derived(mut self, s: impl Into<String>) -> Self {
        self.derived = s.into();
        self
    }
    pub fn detail(mut self, s: impl Into<String>) -> Self {
        self.detail = s.into();
        self
    }
}

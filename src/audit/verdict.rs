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
    /// A pure definition of the paper: nothing to confirm, but the structural
    /// checks that apply pass (dimensions, symmetry, the derivations use the
    /// printed definition) and the claims that use it are listed. Never
    /// counted as confirmed.
    Definition,
    /// A statement of the authors' talk that agrees with the paper's own result.
    Agrees,
    /// A statement of the authors' talk that differs from the paper's own
    /// result (which one the derivation supports is in [`Verdict::supports`]).
    Differs,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Discrepancy => "discrepancy",
            Status::Ambiguous => "ambiguous",
            Status::Unchecked => "unchecked",
            Status::Definition => "definition",
            Status::Agrees => "agrees with the paper",
            Status::Differs => "differs from the paper",
        }
    }

    /// One word for the status (its JSON name; CSS classes and filters).
    pub fn slug(self) -> &'static str {
        match self {
            Status::Agrees => "agrees",
            Status::Differs => "differs",
            s => s.as_str(),
        }
    }

    /// Every status, in report order.
    pub const ALL: [Status; 7] =
        [Status::Confirmed, Status::Discrepancy, Status::Ambiguous, Status::Unchecked, Status::Definition, Status::Agrees, Status::Differs];

    /// Whether the verdict is a finding about the paper (a discrepancy, an
    /// ambiguous transcription, an unchecked claim): these carry a class and an
    /// impact. Definitions and the talk's verdicts are not findings.
    pub fn is_finding(self) -> bool {
        matches!(self, Status::Discrepancy | Status::Ambiguous | Status::Unchecked)
    }

    /// Whether the verdict belongs to the audit of the talk against the paper.
    pub fn is_talk(self) -> bool {
        matches!(self, Status::Agrees | Status::Differs)
    }
}

/// For a statement of the talk: which of the talk and the paper the
/// derivation supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Supports {
    /// Talk and paper agree, and the derivation supports both.
    Both,
    /// The derivation supports the paper, not the talk.
    Paper,
    /// The derivation supports the talk, not the paper.
    Talk,
    /// The derivation supports neither.
    Neither,
    /// The two differ in a convention or an input, not in a result the
    /// derivation can decide.
    Undecided,
}

impl Supports {
    pub fn as_str(self) -> &'static str {
        match self {
            Supports::Both => "both",
            Supports::Paper => "the paper",
            Supports::Talk => "the talk",
            Supports::Neither => "neither",
            Supports::Undecided => "neither decides (a convention or an input differs)",
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
    /// For a definition: the claims that use it (`used_by` of the transcription).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_by: Vec<String>,
    /// For a statement of the talk: which of the talk and the paper the derivation supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports: Option<Supports>,
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
            used_by: vec![],
            supports: None,
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

//! The class of every finding (non-confirmed verdict), as the auditors judge
//! it, read from `derivations/findings/classes.toml`: what kind of finding it
//! is, with a one-line reason. The audit attaches the class to the verdict and
//! counts the findings by class; a finding without a class is reported as
//! unclassified (and fails `tests/findings.rs`).

use crate::transcript::error::{Location, TranscriptionError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// What kind of finding a non-confirmed verdict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingClass {
    /// A printed expression that differs from the derivation (a sign, a term, an index).
    Formula,
    /// An overall factor of a printed expression.
    Normalisation,
    /// A quoted number that the derivation does not reproduce under the referee policy.
    Number,
    /// A statement in words that the derivation contradicts.
    Prose,
    /// Defensible under a different, stated convention.
    Convention,
    /// Garbled or unbalanced text of the transcription source (paper.md), not the paper.
    Transcription,
    /// Holds for the derived forms and fails only through another finding of the paper.
    Consequence,
}

impl FindingClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingClass::Formula => "formula",
            FindingClass::Normalisation => "normalisation",
            FindingClass::Number => "number",
            FindingClass::Prose => "prose",
            FindingClass::Convention => "convention",
            FindingClass::Transcription => "transcription",
            FindingClass::Consequence => "consequence",
        }
    }
}

/// A class with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub class: FindingClass,
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    finding: Vec<RawFinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFinding {
    id: String,
    class: FindingClass,
    reason: String,
}

/// The findings file below a derivations directory.
pub const FINDINGS: &str = "findings/classes.toml";

/// Read the classes from TOML text: claim id -> finding.
///
/// # Errors
/// Invalid TOML, an unknown class, or a claim classified twice (with the file).
pub fn from_str(file: &Path, text: &str) -> Result<BTreeMap<String, Finding>, TranscriptionError> {
    let loc = || Location { file: file.to_path_buf(), line: None, column: None };
    let raw: Raw = toml::from_str(text).map_err(|e| TranscriptionError::Toml { location: loc(), message: e.message().to_string() })?;
    let mut out = BTreeMap::new();
    for f in raw.finding {
        if out.insert(f.id.clone(), Finding { class: f.class, reason: f.reason }).is_some() {
            return Err(TranscriptionError::Toml { location: loc(), message: format!("claim {} is classified twice", f.id) });
        }
    }
    Ok(out)
}

/// Read `findings/classes.toml` under a derivations directory.
///
/// # Errors
/// As [`from_str`], or the file cannot be read.
pub fn load(dir: &Path) -> Result<BTreeMap<String, Finding>, TranscriptionError> {
    let file = dir.join(FINDINGS);
    let text = std::fs::read_to_string(&file).map_err(|e| TranscriptionError::Toml {
        location: Location { file: file.clone(), line: None, column: None },
        message: e.to_string(),
    })?;
    from_str(&file, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_read_and_checked() {
        let f = Path::new("findings/classes.toml");
        let m = from_str(f, "[[finding]]\nid = \"eq31\"\nclass = \"normalisation\"\nreason = \"x\"\n").unwrap();
        assert_eq!(m["eq31"].class, FindingClass::Normalisation);
        assert!(from_str(f, "[[finding]]\nid = \"a\"\nclass = \"typo\"\nreason = \"x\"\n").is_err());
        assert!(
            from_str(
                f,
                "[[finding]]\nid = \"a\"\nclass = \"prose\"\nreason = \"x\"\n[[finding]]\nid = \"a\"\nclass = \"prose\"\nreason = \"y\"\n"
            )
            .is_err()
        );
    }
}

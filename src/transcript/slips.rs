//! The space of common slips the discrepancy explainer searches, as written in
//! `derivations/slips/space.toml` (one entry per kind of slip, with its
//! parameters); the search itself is [`crate::audit::explain`].

use crate::transcript::claims::parse_expression;
use crate::transcript::error::{Location, TranscriptionError};
use serde::Deserialize;
use std::path::Path;

/// One kind of slip with its parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum SlipKind {
    SignTerm,
    SignSymbol(Vec<String>),
    SignQuoted,
    ConjugateFactor,
    OverallFactor(Vec<String>),
    Invert,
    SwapLabels,
    SwapQuoted,
    DropTerm,
    /// One term of a sum with a factor missing or extra (an identical-particle 2, a weight).
    TermFactor(Vec<String>),
}

/// The searched space.
#[derive(Clone, Debug)]
pub struct SlipSpace {
    pub kinds: Vec<SlipKind>,
    pub max_pairs: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpaceRaw {
    max_pairs: usize,
    slip: Vec<SlipRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlipRaw {
    kind: String,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    factors: Vec<String>,
}

impl SlipSpace {
    /// Read the space from its TOML text.
    pub fn from_str(file: &Path, text: &str) -> Result<SlipSpace, TranscriptionError> {
        let loc = || Location { file: file.to_path_buf(), line: None, column: None };
        let raw: SpaceRaw =
            toml::from_str(text).map_err(|e| TranscriptionError::Toml { location: loc(), message: e.message().to_string() })?;
        let mut kinds = vec![];
        for s in raw.slip {
            kinds.push(match s.kind.as_str() {
                "sign-term" => SlipKind::SignTerm,
                "sign-symbol" => SlipKind::SignSymbol(s.symbols),
                "sign-quoted" => SlipKind::SignQuoted,
                "conjugate-factor" => SlipKind::ConjugateFactor,
                "overall-factor" => {
                    for f in &s.factors {
                        let _ = parse_expression(f)
                            .map_err(|m| TranscriptionError::Toml { location: loc(), message: format!("factor {f:?}: {m}") })?;
                    }
                    SlipKind::OverallFactor(s.factors)
                }
                "invert" => SlipKind::Invert,
                "swap-labels" => SlipKind::SwapLabels,
                "swap-quoted" => SlipKind::SwapQuoted,
                "drop-term" => SlipKind::DropTerm,
                "term-factor" => {
                    for f in &s.factors {
                        let _ = parse_expression(f)
                            .map_err(|m| TranscriptionError::Toml { location: loc(), message: format!("factor {f:?}: {m}") })?;
                    }
                    SlipKind::TermFactor(s.factors)
                }
                other => {
                    return Err(TranscriptionError::Toml { location: loc(), message: format!("unknown slip kind {other:?}") });
                }
            });
        }
        Ok(SlipSpace { kinds, max_pairs: raw.max_pairs })
    }

    /// Read `slips/space.toml` under a derivations directory.
    pub fn load(derivations: &Path) -> Result<SlipSpace, TranscriptionError> {
        let path = derivations.join("slips").join("space.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| TranscriptionError::Io {
            location: Location { file: path.clone(), line: None, column: None },
            message: e.to_string(),
        })?;
        SlipSpace::from_str(&path, &text)
    }
}

//! Errors of the transcription layer: reading the claim files and input data,
//! and lowering transcribed expressions; each names the file and position.

use std::path::PathBuf;
use thiserror::Error;

/// Where in the `derivations/` data something went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    /// 1-based line and column in the file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        Ok(())
    }
}

/// A transcribed expression that Symbolica's parser rejects, with its
/// line/column message (the caller adds file and claim).
#[derive(Debug, Error, Clone, PartialEq)]
#[error("{0}")]
pub struct ParseError(pub String);

/// Errors reading or interpreting the transcribed claims.
#[derive(Debug, Error, Clone)]
pub enum TranscriptionError {
    #[error("{location}: cannot read file: {message}")]
    Io { location: Location, message: String },
    #[error("{location}: malformed TOML: {message}")]
    Toml { location: Location, message: String },
    #[error("{location}: claim `{claim}`: {message}")]
    Claim { location: Location, claim: String, message: String },
    #[error("{location}: claim `{claim}`, field `{field}`: cannot parse expression: {message}")]
    Parse { location: Location, claim: String, field: String, message: String },
    #[error("{location}: claim `{claim}`, field `{field}`: {message}")]
    Lower { location: Location, claim: String, field: String, message: String },
    #[error("{location}: duplicate claim id `{claim}` (first defined at {first})")]
    Duplicate { location: Location, claim: String, first: Location },
}

/// Errors of the lowering of a transcribed expression to internal symbols
/// (wrapped with the claim's location by the caller).
#[derive(Debug, Error, Clone, PartialEq)]
pub enum LowerError {
    #[error("unknown symbol `{0}` (see derivations/README.md for the vocabulary)")]
    UnknownSymbol(String),
    #[error("unknown function `{name}` with {arity} argument(s) (see derivations/README.md)")]
    UnknownFunction { name: String, arity: usize },
    #[error("`{0}` needs an integer index or a summation index, got `{1}`")]
    BadIndex(String, String),
    #[error("index {value} of `{name}` is out of range 1..={max}")]
    IndexRange { name: String, value: i64, max: usize },
    #[error("summation index `{0}` is not a valid index name (heavy neutrinos: a-h, lepton flavours: i-n)")]
    BadSumIndex(String),
    #[error("`{0}` is not allowed here: {1}")]
    NotAllowed(String, String),
    #[error("division by a complex (non-real) expression is not supported: {0}")]
    ComplexDivision(String),
}

/// An input file of the derivations directory that is missing or unreadable.
#[derive(Debug, Error, Clone)]
pub enum InputError {
    #[error("derivations directory {0} does not exist or is not a directory")]
    NoDirectory(PathBuf),
    #[error("{0}: no such input file")]
    Missing(PathBuf),
    #[error(transparent)]
    File(#[from] TranscriptionError),
    #[error(transparent)]
    Chemistry(#[from] crate::transcript::chemistry::ChemistryError),
}

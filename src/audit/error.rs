//! Errors of the audit layer: the audit could not run at all, or one check
//! failed (its claim is then left unchecked with the cause).

use crate::cas::eval::MissingValue;
use crate::cosmo::error::CosmoError;
use crate::cosmo::evolution::EvolveError;
use crate::cosmo::point::ParamError;
use crate::cosmo::relic::RelicError;
use crate::derive::chemistry::EquilibriumError;
use crate::derive::error::DeriveError;
use crate::numerics::collision::CollisionError;
use crate::transcript::claims::Claim;
use crate::transcript::error::{InputError, TranscriptionError};
use std::path::PathBuf;
use thiserror::Error;

/// Errors of the audit as a whole (it could not run).
#[derive(Debug, Error)]
pub enum AuditError {
    #[error("derivations directory {0} does not exist or is not a directory")]
    NoDerivations(PathBuf),
    #[error("cannot write report {path}: {message}")]
    Write { path: PathBuf, message: String },
    #[error("cannot read baseline report {path}: {message}")]
    Baseline { path: PathBuf, message: String },
}

/// Why a check could not reach a verdict; its claim is then left unchecked
/// with this cause. A failing derivation or solver is a [`CheckError::Failed`],
/// never reported as a bad transcription.
#[derive(Debug, Error)]
pub enum CheckError {
    /// The claim's transcription (or that of a claim it needs) cannot be used.
    #[error(transparent)]
    Transcription(#[from] TranscriptionError),
    /// An input, a derivation or a numerical solver failed.
    #[error("claim `{claim}`: {cause}")]
    Failed { claim: String, cause: Cause },
}

/// What failed inside a check.
#[derive(Debug, Error)]
pub enum Cause {
    #[error("input data: {0}")]
    Input(#[from] InputError),
    #[error("cannot evaluate: {0}")]
    Eval(#[from] MissingValue),
    #[error("derivation failed: {0}")]
    Derive(DeriveError),
    #[error("chemistry: {0}")]
    Equilibrium(#[from] EquilibriumError),
    #[error("collision integral: {0}")]
    Collision(#[from] CollisionError),
    #[error("{0}")]
    Cosmo(#[from] CosmoError),
    #[error("quantum statistics: {0}")]
    Quantum(#[from] crate::numerics::quantum::QuantumError),
}

/// A derivation error that is really a missing input or an unsolvable
/// chemistry system is reported as that.
impl From<DeriveError> for Cause {
    fn from(e: DeriveError) -> Self {
        match e {
            DeriveError::Input(e) => Cause::Input(e),
            DeriveError::Equilibrium(e) => Cause::Equilibrium(e),
            other => Cause::Derive(other),
        }
    }
}

impl From<ParamError> for Cause {
    fn from(e: ParamError) -> Self {
        Cause::Cosmo(e.into())
    }
}

impl From<EvolveError> for Cause {
    fn from(e: EvolveError) -> Self {
        Cause::Cosmo(e.into())
    }
}

impl From<RelicError> for Cause {
    fn from(e: RelicError) -> Self {
        Cause::Cosmo(e.into())
    }
}

/// Attach a failure inside a check to its claim: `evolve(..).for_claim(c)?`.
pub trait ForClaim<T> {
    fn for_claim(self, c: &Claim) -> Result<T, CheckError>;
}

impl<T, E: Into<Cause>> ForClaim<T> for Result<T, E> {
    fn for_claim(self, c: &Claim) -> Result<T, CheckError> {
        self.map_err(|e| CheckError::Failed { claim: c.id.clone(), cause: e.into() })
    }
}

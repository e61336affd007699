//! The cosmology layer's error: invalid parameters, a failed evolution or
//! freeze-out, an unreadable parameter card, a scan that cannot write its
//! output, or missing inputs.

use crate::cosmo::card::CardError;
use crate::cosmo::evolution::EvolveError;
use crate::cosmo::point::ParamError;
use crate::cosmo::relic::RelicError;
use crate::derive::error::DeriveError;
use crate::transcript::error::InputError;
use thiserror::Error;

/// Any error of [`crate::cosmo`].
#[derive(Debug, Error)]
pub enum CosmoError {
    #[error(transparent)]
    Param(#[from] ParamError),
    #[error(transparent)]
    Evolve(#[from] EvolveError),
    #[error(transparent)]
    Relic(#[from] RelicError),
    #[error(transparent)]
    Card(#[from] CardError),
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Derive(#[from] DeriveError),
    #[error(transparent)]
    Quantum(#[from] crate::numerics::quantum::QuantumError),
    #[error("shard {index}/{count}: need 0 <= i < N")]
    Shard { index: usize, count: usize },
    #[error("cannot start the worker threads: {0}")]
    ThreadPool(String),
    /// A file the scan or the figures write.
    #[error("{path}: {message}")]
    Io { path: std::path::PathBuf, message: String },
}

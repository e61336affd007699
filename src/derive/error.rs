//! Errors of the derivation layer: a derivation whose result does not have
//! the structure the next step needs, or a chemistry system without a unique
//! solution.

use crate::derive::chemistry::EquilibriumError;
use crate::transcript::error::InputError;
use thiserror::Error;

/// A derivation that could not be completed.
#[derive(Debug, Error)]
pub enum DeriveError {
    #[error(transparent)]
    Equilibrium(#[from] EquilibriumError),
    #[error(transparent)]
    Input(#[from] InputError),
    /// A derived expression does not have the expected form.
    #[error("{quantity}: {message}")]
    Structure { quantity: String, message: String },
}

impl DeriveError {
    /// A structure error for a named quantity.
    pub fn structure(quantity: impl Into<String>, message: impl Into<String>) -> Self {
        DeriveError::Structure { quantity: quantity.into(), message: message.into() }
    }
}

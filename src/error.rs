//! The crate's error: one variant per layer, each wrapping that layer's typed
//! error (`#[from]`), so that `?` works across layers and the command line
//! prints one human message. The layers' own errors:
//!
//! | layer | error |
//! |---|---|
//! | [`cas`](crate::cas) | [`MissingValue`](crate::cas::eval::MissingValue) (numerical evaluation) |
//! | [`transcript`](crate::transcript) | [`TranscriptionError`](crate::transcript::error::TranscriptionError) (claims), [`InputError`](crate::transcript::error::InputError) (data files) |
//! | [`derive`](crate::derive) | [`DeriveError`](crate::derive::error::DeriveError) |
//! | [`numerics`](crate::numerics) | [`CollisionError`](crate::numerics::collision::CollisionError) (Bessel, quadrature) |
//! | [`cosmo`](crate::cosmo) | [`CosmoError`](crate::cosmo::error::CosmoError) (parameters, solvers, cards, scans) |
//! | [`audit`](crate::audit) | [`AuditError`](crate::audit::error::AuditError), [`CheckError`](crate::audit::error::CheckError) |

use thiserror::Error;

/// Any error of the library.
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Eval(#[from] crate::cas::eval::MissingValue),
    #[error(transparent)]
    Transcription(#[from] crate::transcript::error::TranscriptionError),
    #[error(transparent)]
    Input(#[from] crate::transcript::error::InputError),
    #[error(transparent)]
    Derive(#[from] crate::derive::error::DeriveError),
    #[error(transparent)]
    Numerics(#[from] crate::numerics::collision::CollisionError),
    #[error(transparent)]
    Cosmo(#[from] crate::cosmo::error::CosmoError),
    #[error(transparent)]
    Audit(#[from] crate::audit::error::AuditError),
    #[error(transparent)]
    Check(#[from] crate::audit::error::CheckError),
}

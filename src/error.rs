//! The crate's error: one variant per layer, each wrapping that layer's typed
//! errors (`#[from]`), so that `?` works across layers and the CLI prints one
//! human message.

use thiserror::Error;

/// Any error of the library.
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Transcription(#[from] crate::transcript::error::TranscriptionError),
    #[error(transparent)]
    Audit(#[from] crate::audit::error::AuditError),
}

//! Layer 2, the transcription: the claims of `derivations/*.toml`, the
//! expression language they are written in, the recognition of printed sums,
//! and every input data file, loaded once.

/// Chemistry systems (Sec. 4.1) as written in `derivations/chemistry/*.toml`.
pub mod chemistry;
/// Loading the transcribed claims of `derivations/*.toml`.
pub mod claims;
/// Located errors of the transcription files and of the lowering.
pub mod error;
/// The paper's numbered equations, tables and figures, by section.
pub mod index;
/// Every input of an audit, loaded once.
pub mod inputs;
/// The class of every finding (non-confirmed verdict), from `derivations/findings/classes.toml`.
pub mod findings;
/// Lowering of the transcription language to internal atoms.
pub mod lower;
/// The particles and reactions the transcription names (Table 1).
pub mod particles;
/// Printed heavy-neutrino sums rewritten in the letters of Eq. (78).
pub mod recognize;
/// The slip space of the discrepancy explainer.
pub mod slips;
/// The field content by sector.
pub mod species;
/// Names of the language that stand for derived quantities (\[D2\], Eq. 78).
pub mod vocabulary;

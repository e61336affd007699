//! # cogenesis
//!
//! Audits, re-derives and reproduces the calculations of "Genesis of Baryon and
//! Dark Matter Asymmetries through Ultraviolet Scattering Freeze-in" (Asadi,
//! Moore, Morrissey, Shamma, 2025). The paper's printed claims are transcribed,
//! exactly as printed, in `derivations/*.toml`; each is derived independently
//! here, compared, and given a verdict in `reports/audit.{md,json}`.
//!
//! ## Layers
//!
//! Each folder of `src/` is a layer; a layer uses only the layers above it in
//! this list (`tests/layout.rs` enforces it).
//!
//! | layer | what it holds |
//! |---|---|
//! | [`cas`] | Symbolica helpers: the internal symbols and their conjugation partners, algebra, canonical forms, printing (text; LaTeX and Mathematica in the paper's notation), numerical evaluation by symbol, exact rationals |
//! | [`transcript`] | the claim files and the expression language they are written in, recognition of printed sums, the particles of Table 1, and every input data file (chemistry systems, field content, slip space, Table 2 reactions) read once into [`transcript::inputs::Inputs`] |
//! | [`derive`](mod@derive) | the symbolic derivations: model, Feynman rules and explicit spinors, tree amplitudes and the symmetric kernels of Table 3, decay widths, coupling products, asymmetric amplitudes, phase space, asymmetries, neutrino mass, benchmarks, sources, chemistry, wash-out, dark sector |
//! | [`numerics`] | MPFR Bessel functions, exp-sinh quadrature with an error estimate proved by a sweep, the collision integrals of App. A and their Fermi-Dirac / Bose-Einstein counterparts, seeded sampling, the process's rayon pools |
//! | [`cosmo`] | plain-Rust cosmology: constants with their sources, the parameter point, the evolution equations (with optional quantum-statistics factors), g_*(T), freeze-out, cards, scans |
//! | [`audit`] | running every claim through its check ([`audit::checks`], one module per transcription file), comparison, verdicts, the explainer, the self-test (every confirmed verdict depends on its transcription), the reports; [`audit::pipeline`] runs one whole audit and [`audit::cache`] keeps its derived results, so that a re-run re-checks only what changed |
//! | [`render`] | derived tables in text/LaTeX/Mathematica/JSON (the export layout of `derive all`, checked by `scripts/check_exports.sh`), figures as CSV and SVG |
//!
//! At the top: [`error`] (one error joining the layers' errors), [`prec`]
//! (named tolerances, used by every layer) and [`bench`](mod@bench) (timings). The
//! command-line front end (`src/main.rs`, `src/cli/`) parses arguments and calls
//! the library.
//!
//! ## From an equation to its code
//!
//! | paper | transcription | derivation | check |
//! |---|---|---|---|
//! | Sec. 2.1, Eqs. (4)-(5) | `sec2_model.toml` | [`derive::neutrino_mass`] | [`audit::checks::sec2_model`] |
//! | Sec. 2.4, Eqs. (16)-(23) | `sec2_asymmetry.toml` | [`derive::asymmetry`], [`derive::amplitude`], [`derive::cuts`], [`derive::phase_space`] | [`audit::checks::sec2_asymmetry`] |
//! | Secs. 2.1, 2.3, Tables 1-3, footnote 4 | `sec2_tables.toml` | [`transcript::particles`], [`derive::asymmetry`], [`derive::model`]; Table 3: [`derive::feynman`], [`derive::spinors`], [`derive::tree`], [`derive::kernels`] | [`audit::checks::sec2_tables`] |
//! | Secs. 3.1-3.2, 4.2-4.3, Eqs. (31)-(33), (35)-(37), (60); the omega^(2) rule and wash-out prefactors | `sec3_energy_transfer.toml` | [`derive::sources`], [`derive::decays`], [`numerics::collision`] | [`audit::checks::sec3_energy_transfer`] |
//! | Sec. 4.1, Eqs. (38)-(44) | `sec4_chemistry.toml` (systems in `chemistry/`) | [`derive::chemistry`] | [`audit::checks::sec4_chemistry`] |
//! | Sec. 4.2, App. C, Eqs. (49)-(53), (85)-(88), the stability statement | `sec4_washout.toml` | [`derive::washout`] | [`audit::checks::sec4_washout`] |
//! | Secs. 4.2-4.3, Eqs. (47)-(48), (56)-(59), footnote 9 | `sec4_benchmarks.toml` | [`derive::benchmarks`], [`derive::sources`] | [`audit::checks::sec4_benchmarks`] |
//! | Secs. 3.1, 4.2-4.4, 5.1, Eqs. (55), (61), Figs. 6-7, xi and T_RH statements, the broader scan of Sec. 4.4, final yields | `sec4_evolution.toml` | [`cosmo::point`], [`cosmo::evolution`], [`cosmo::scan`], [`cosmo::broad_scan`] | [`audit::checks::sec4_evolution`] |
//! | Secs. 2.5, 3.1, 5.1-5.2, Eqs. (24)-(28), (62)-(68), Fig. 8 | `sec5_dark.toml` (field content in `species/`) | [`derive::dark`], [`derive::decays`], [`derive::annihilation`], [`cosmo::relic`], [`cosmo::relic_scan`], [`cosmo::gstar`] | [`audit::checks::sec5_dark`] |
//! | App. A, Eqs. (72)-(77) | `appA_collision.toml` | [`numerics::collision`], [`numerics::bessel`], [`numerics::tanh_sinh`] | [`audit::checks::appA_collision`] |
//! | Sec. 2.4, App. B, Eqs. (78)-(82), Fig. 2 | `appB_matrix_elements.toml` | [`derive::couplings`], [`derive::cuts`], [`derive::amplitude`] | [`audit::checks::appB_matrix_elements`] |
//!
//! Every verdict names its check (`checked_by` in the reports, e.g.
//! `audit::checks::sec4_washout::matrix_entry`); the check tables map claim ids
//! to check functions ([`audit::checks::REGISTRY`]).

// Errors carry their file, line and message (TranscriptionError, CheckError):
// they are returned on the cold path, where their size costs nothing, and
// boxing them would hide the variants the tests match on.
#![allow(clippy::result_large_err)]

// The layers, bottom up.
/// Layer 1: computer algebra on Symbolica atoms.
pub mod cas;
/// Layer 2: the transcribed claims, their language and every input file.
pub mod transcript;
/// Layer 3a: the symbolic derivations.
pub mod derive;
/// Layer 3b: arbitrary-precision numerics (App. A).
pub mod numerics;
/// Layer 4: cosmology in plain Rust (evolution, freeze-out, scans).
pub mod cosmo;
/// Layer 5: checks, verdicts, explanations and reports.
pub mod audit;
/// Layer 6: tables and figures in the output formats.
pub mod render;

/// Timings of the derivations, the collision integrals and the evolution.
pub mod bench;
/// The crate's error, joining one error type per layer.
pub mod error;
/// Named default tolerances.
pub mod prec;

//! Layer 6, rendering: derived tables in text, LaTeX, Mathematica and JSON, and
//! the figures (CSV and SVG).

/// Figures 3-8 as CSV data and SVG plots.
pub mod figures;
/// The layout shared by every export: Mathematica header and rules, per-reaction names, file names.
pub mod exports;
/// Atomic output files (temporary file, then rename).
pub mod output;
/// The SVG plotting primitives.
pub mod plot;
/// Derived tables in the output formats.
pub mod tables;

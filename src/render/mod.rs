//! Layer 6, rendering: derived tables in text, LaTeX, Mathematica and JSON, and
//! the figures (CSV, SVG and PNG).

/// Figures 3-8 as CSV data and SVG/PNG plots.
pub mod figures;
/// The layout shared by every export: Mathematica header and rules, per-reaction names, file names.
pub mod exports;
/// Atomic output files (temporary file, then rename).
pub mod output;
/// Line plots and maps with contour lines (plotters, contour), in SVG and PNG.
pub mod plot;
/// Derived tables in the output formats.
pub mod tables;

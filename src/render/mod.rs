//! Layer 6, rendering: derived tables in text, LaTeX, Mathematica and JSON, and
//! the figures (CSV, SVG and PNG).

/// The audit as one self-contained HTML file (MathML equations, embedded figures).
pub mod html;
/// Figures 3-8 as CSV data and SVG/PNG plots.
pub mod figures;
/// The layout shared by every export: Mathematica header and rules, per-reaction names, file names.
pub mod exports;
/// Atomic output files (temporary file, then rename).
pub mod output;
/// Line plots and maps with contour lines (plotters, contour), in SVG and PNG.
pub mod plot;
/// One claim of an audit report as text, LaTeX or JSON (`cogenesis show`).
pub mod show;
/// Derived tables in the output formats.
pub mod tables;

//! Layer 1, computer algebra: the internal symbols, algebra helpers on
//! Symbolica atoms, printing (text; LaTeX and Mathematica in the paper's notation), numerical evaluation
//! and exact rationals. Depends on nothing else in the crate.

/// Helpers on Symbolica atoms: building, conjugation, real and imaginary parts, zero tests.
pub mod algebra;
/// Coupling symbols of Eq. (2), the letters of Eq. (78), index ranges.
pub mod couplings;
/// Numerical evaluation of atoms with num-complex, by symbol.
pub mod eval;
/// Per-thread memo tables for derivations that recur within a process.
pub mod memo;
/// Canonical forms: coefficient and monomial, sums of c Im(m).
pub mod forms;
/// The paper's notation: atoms printed to LaTeX and Mathematica in the paper's symbols.
pub mod notation;
/// Printing to plain text (Symbolica syntax), the paper's coupling names, coefficients and monomials.
pub mod print;
/// Exact small rationals and Gaussian elimination.
pub mod rational;
/// Every Symbolica symbol the derivations use, and the conjugation partners.
pub mod symbols;

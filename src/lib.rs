//! # cogenesis
//!
//! Audits, re-derives and reproduces the calculations of "Genesis of Baryon and
//! Dark Matter Asymmetries through Ultraviolet Scattering Freeze-in" (Asadi,
//! Moore, Morrissey, Shamma, 2025).
//!
//! The paper's printed equations are transcribed in `derivations/` ([`claims`]);
//! each one is derived independently here and compared ([`compare`]), giving a
//! verdict per claim ([`verdict`], [`audit`]) written as Markdown and JSON
//! ([`report`]).

pub mod algebra;
pub mod amplitude;
pub mod asymmetry;
pub mod claims;
pub mod compare;
pub mod couplings;
pub mod error;
pub mod lower;
pub mod model;
pub mod numeric;
pub mod phase_space;
pub mod prec;
pub mod sampling;
pub mod symbols;
pub mod checks;
pub mod recognize;
pub mod verdict;
pub mod benchmarks;
pub mod neutrino_mass;
pub mod audit;
pub mod report;
pub mod tables;
pub mod bench;
pub mod explain;
pub mod bessel;
pub mod tanh_sinh;
pub mod collision;
pub mod sources;
pub mod rational;
pub mod chemistry;
pub mod washout;
pub mod point;
pub mod evolution;
pub mod plot;
pub mod scan;
pub mod figures;
pub mod card;
pub mod dark;
pub mod gstar;
pub mod relic;

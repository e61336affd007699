//! # cogenesis
//!
//! Audits, re-derives and reproduces the calculations of "Genesis of Baryon and
//! Dark Matter Asymmetries through Ultraviolet Scattering Freeze-in" (Asadi,
//! Moore, Morrissey, Shamma, 2025).

pub mod cas;
pub mod transcript;
pub mod derive;
pub mod numerics;
pub mod cosmo;
pub mod audit;
pub mod render;

pub mod bench;
pub mod error;
pub mod prec;

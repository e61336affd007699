//! Layer 4, cosmology in plain Rust (no Symbolica, so points run in parallel):
//! the parameter point, the evolution equations, g_*(T), the freeze-out solver,
//! parameter cards and scans.

/// The broader scan of Sec. 4.4: the lowest T_RH with general couplings, untuned and tuned in Eq. (4).
pub mod broad_scan;
/// Parameter cards (TOML) for one point.
pub mod card;
/// Physical constants and observed values, with their sources.
pub mod constants;
/// Errors of the cosmology layer.
pub mod error;
/// The evolution equations of Secs. 3-4 (Eqs. 29-30, 45-49).
pub mod evolution;
/// g_*(T), g_*s(T) of the Standard Model plasma.
pub mod gstar;
/// The headline results (xi, Y_B, Y_Dchi, m_chi^max, the lowest T_RH) under one reading of the formulas.
pub mod headline;
/// The heavy-neutrino yield after reheating (Sec. 3.2, Eqs. 34-37).
pub mod heavy_neutrinos;
/// A numerical parameter point: couplings, \[D2\], \[S_k\], omega, C_E.
pub mod point;
/// The derived numbers the plain-Rust commands need, cached on disk.
pub mod prepared;
/// Quantum-statistics factors on the source, wash-out and energy transfer (issue 15).
pub mod statistics;
/// Asymmetric freeze-out of chi (Sec. 5.2, Eqs. 65-68).
pub mod relic;
/// The freeze-out at every point of a freeze-in scan (Fig. 8).
pub mod relic_scan;
/// Parameter scans of Figs. 5-7.
pub mod scan;
/// The audit's expensive scans, computed once per process and shared between threads.
pub mod shared;

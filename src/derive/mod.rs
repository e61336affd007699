//! Layer 3a, symbolic derivations: the model of Eqs. (2)-(3) and its Feynman
//! rules, tree amplitudes with explicit spinors and the symmetric kernels of
//! Table 3, decay widths, coupling products, asymmetric amplitudes, phase
//! space, asymmetries, neutrino mass, benchmarks, source and wash-out terms,
//! chemistry and the dark sector.

/// Unitarity-cut asymmetric squared matrix elements (App. B, Eqs. 79-82).
pub mod amplitude;
/// The dark-sink annihilation chi chi^bar -> eta eta^bar from Eq. (3) (the spin sum behind Eq. 27).
pub mod annihilation;
/// \[D2\] coefficients (Eqs. 14, 17-20) and the sum rules (Eqs. 21-23).
pub mod asymmetry;
/// The benchmark parametrisation (Eq. 56) and the phase dependence (Eqs. 57-59).
pub mod benchmarks;
/// Chemical equilibrium of a system of fast processes (Sec. 4.1).
pub mod chemistry;
/// Tree-level coupling products A, B, C, D of Eq. (78).
pub mod couplings;
/// Absorptive parts of the one-loop amplitudes by Cutkosky cuts and |Delta M|^2 (Eqs. 16, 79-82).
pub mod cuts;
/// Two-body decay widths from the Feynman rules: N_a -> l H, chi phi (Eq. 36) and phi -> chi eta (Eq. 26).
pub mod decays;
/// Dark-sector degrees of freedom, Delta N_eff and sigma v (Secs. 2.5, 5).
pub mod dark;
/// Errors of the derivation layer.
pub mod error;
/// Feynman rules of Eq. (2): vertices, wave functions, N_a propagators and their expansion.
pub mod feynman;
/// The symmetric kernels \[S1\], \[S2\] of Eq. (13) and Table 3, from the tree amplitudes.
pub mod kernels;
/// Fields, charges and the heavy-neutrino vertices of Eq. (2).
pub mod model;
/// The light-neutrino mass of Eq. (4) and the |y1| bound of Eq. (5).
pub mod neutrino_mass;
/// Massless two-body phase space (Eq. 11).
pub mod phase_space;
/// Explicit two-component spinors and momenta in the centre-of-mass frame.
pub mod spinors;
/// Source and energy-transfer terms from the collision integrals (Eqs. 45-48).
pub mod sources;
/// Tree amplitudes of the Table 2 reactions by N_a exchange, squared and spin-summed.
pub mod tree;
/// Wash-out matrices of Eq. (49) from the collision terms (Eqs. 85-86).
pub mod washout;

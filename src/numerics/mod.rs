//! Layer 3b, arbitrary-precision numerics (MPFR via `rug`): modified Bessel
//! functions, exp-sinh quadrature, the collision integrals of App. A and their quantum-statistics
//! counterparts, the
//! seeded sample points of the spot checks, and the bisection the threshold
//! searches share (f64). No Symbolica.

/// The sweep that proves the quadrature's error estimate (Eqs. 72-77).
pub mod accuracy_sweep;
/// One rayon pool per thread count, shared by every parallel computation of the process.
pub mod pool;
/// Bisection for a threshold with regula falsi first, the plain bisection's result bit for bit.
pub mod bisection;
/// Modified Bessel functions K_nu on MPFR and in f64.
pub mod bessel;
/// Collision integrals of App. A (Eqs. 72-77).
pub mod collision;
/// Collision integrals with Fermi-Dirac and Bose-Einstein statistics against MB (issue 15).
pub mod quantum;
/// Seeded pseudo-random sample points.
pub mod sampling;
/// Calls and CPU time of the numerical kernels (evolutions, freeze-outs, ...), for `bench audit`.
pub mod workload;
/// Exp-sinh quadrature on MPFR with an error estimate.
pub mod tanh_sinh;

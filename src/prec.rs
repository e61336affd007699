//! Tolerances used across the crate and its tests, in one place (no magic epsilons).

/// Relative tolerance for comparing two f64 evaluations of the same exact quantity
/// computed along different routes (a handful of roundings apart).
pub const F64_REL: f64 = 1e-10;

/// Absolute tolerance for a quantity that must vanish, relative to the size of the
/// individual terms that cancel (sum rules evaluated in f64).
pub const F64_CANCEL: f64 = 1e-11;

/// Round-off allowance of a single f64 evaluation of an exact expression: a
/// quantity that must vanish (or be non-negative, or agree) up to round-off is
/// compared at this level relative to its natural scale.
pub const F64_ROUND_OFF: f64 = 1e-12;

/// Tolerance of the root finder for tuned benchmark phases (in units of pi).
pub const PHASE_ROOT: f64 = 1e-12;

/// Half a unit in the last printed decimal place: the tolerance a printed number
/// with `decimals` digits after the point carries.
pub fn printed_half_ulp(decimals: usize) -> f64 {
    0.5 * 10f64.powi(-(decimals as i32))
}

/// Relative closeness of two f64 values.
pub fn rel_close(a: f64, b: f64, rel: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(f64::MIN_POSITIVE);
    (a - b).abs() <= rel * scale
}

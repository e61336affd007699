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

/// Tolerance of the root finder for the largest chi mass (`cosmo::relic::max_mass`):
/// |ln(Omega_chi/Omega_DM)| at the root, so m_chi^max to about this relative precision
/// where Omega ~ m. Well below the freeze-out's own discretisation error (about 1e-4
/// relative at its 4000 steps, `tests/relic.rs`).
pub const MASS_ROOT: f64 = 1e-7;

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

/// How the audit reads a number the paper prints: the one referee policy every
/// check that compares a quoted number applies, and names in its detail.
///
/// # Formula
/// - [`Reading::Exact`] (`x = 7.26`): the derived value rounds to the printed
///   digits, `|d - p| <= u/2` with `u` one unit in the last printed place.
/// - [`Reading::Approximate`] (`~`, `≃`, "about" before a single number): the
///   printed digits are the derived value rounded *or truncated*,
///   `p - u/2 <= |d| < p + u` (a referee accepts `≃ 7.2` for 7.257).
/// - [`Reading::Rough`] (`~ a-b` for a range, `<~`, `>~`, "an order-one factor",
///   "of order"): within [`ORDER_ONE_FACTOR`] of the printed value, on the side
///   the symbol leaves open (`<~ x`: `d <= F x`; `>~ x`: `d >= x / F`; `~ x`: both).
/// - "nearly independent", "approximately constant": a relative spread of at
///   most [`NEARLY`].
/// - "numerically close" (an approximation against the exact result): a
///   relative difference of at most [`NUMERICALLY_CLOSE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Exact,
    Approximate,
    /// `~ x` (both sides), `<~ x` (upper) or `>~ x` (lower) with an order-one factor.
    Rough(Side),
}

/// Which side of a rough reading is bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Both,
    Upper,
    Lower,
}

/// The order-one factor of a rough reading (`<~`, `>~`, `~` on a range, "of
/// order"): half a decade.
pub const ORDER_ONE_FACTOR: f64 = 3.0;

/// "Nearly independent", "approximately constant": the largest relative spread
/// the policy reads as such.
pub const NEARLY: f64 = 0.05;

/// "Numerically close" (an approximation against the exact value, e.g. MB
/// against quantum statistics, Sec. 2.3): the largest relative difference the
/// policy reads as such. Fixed before the quantum/MB ratios were computed
/// (issue 15): the accuracy at which freeze-in estimates usually call an
/// approximation good.
pub const NUMERICALLY_CLOSE: f64 = 0.10;

/// "Negligible", "too small to produce a significant ...", "would not be
/// significantly changed": the largest relative size (of a contribution, or of
/// a change in a result) the policy reads as such. Fixed before the Sec. 3.2-3.3
/// quantities were computed (issue 14), at the level of [`NUMERICALLY_CLOSE`].
pub const NEGLIGIBLE: f64 = 0.10;

/// A printed number read under the policy: whether the derived value agrees,
/// and the reading in words (for the claim's detail).
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub agrees: bool,
    pub reading: String,
}

/// Compare a derived value with a printed one (`text` as printed, e.g. `7.2e-21`)
/// under a reading. `None` when the text is not a number.
pub fn read_printed(text: &str, derived: f64, reading: Reading) -> Option<Read> {
    let t = text.trim();
    let printed: f64 = t.parse().ok()?;
    if !printed.is_finite() {
        return None;
    }
    // one unit in the last printed place: decimals of the mantissa, scaled by the exponent
    let (mantissa, exp10) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
        None => (t, 0),
    };
    let decimals = mantissa.split_once('.').map(|(_, d)| d.len()).unwrap_or(0) as i32;
    let ulp = 10f64.powi(exp10 - decimals);
    let (d, p) = (derived.abs(), printed.abs());
    let same_sign = printed == 0.0 || derived == 0.0 || printed.signum() == derived.signum();
    let f = ORDER_ONE_FACTOR;
    let (agrees, reading) = match reading {
        Reading::Exact => ((derived - printed).abs() <= 0.5 * ulp * (1.0 + 1e-12), format!("'{t}' read as the derived value rounded")),
        Reading::Approximate => (
            same_sign && d >= p - 0.5 * ulp * (1.0 + 1e-12) && d < p + ulp,
            format!("'~ {t}' read as the derived value rounded or truncated to the printed digits"),
        ),
        Reading::Rough(Side::Both) => (same_sign && d >= p / f && d <= p * f, format!("'~ {t}' read as within a factor {f} (order one)")),
        Reading::Rough(Side::Upper) => (derived <= printed * f, format!("'<~ {t}' read as at most {f} x {t} (order one)")),
        Reading::Rough(Side::Lower) => (derived >= printed / f, format!("'>~ {t}' read as at least {t}/{f} (order one)")),
    };
    Some(Read { agrees, reading })
}

/// "~ a - b" for a value reached: `derived` lies between `low`/F and F x `high`
/// (F = [`ORDER_ONE_FACTOR`]). `None` when either end is not a number.
pub fn in_rough_range(low: &str, high: &str, derived: f64) -> Option<bool> {
    let below_high = read_printed(high, derived, Reading::Rough(Side::Upper))?.agrees;
    let above_low = read_printed(low, derived, Reading::Rough(Side::Lower))?.agrees;
    Some(below_high && above_low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rough_range() {
        assert_eq!(in_rough_range("1e6", "1e7", 5e6), Some(true));
        assert_eq!(in_rough_range("1e6", "1e7", 2.9e7), Some(true));
        assert_eq!(in_rough_range("1e6", "1e7", 4e7), Some(false));
        assert_eq!(in_rough_range("1e6", "1e7", 3e5), Some(false));
        assert_eq!(in_rough_range("x", "1e7", 5e6), None);
    }

    #[test]
    fn the_referee_policy() {
        // truncation and rounding of the last digit both accepted for "~"
        assert!(read_printed("7.2e-21", 7.257e-21, Reading::Approximate).unwrap().agrees);
        assert!(read_printed("7.3e-21", 7.257e-21, Reading::Approximate).unwrap().agrees);
        assert!(!read_printed("7.1e-21", 7.257e-21, Reading::Approximate).unwrap().agrees);
        assert!(!read_printed("7.2e-21", 7.257e-21, Reading::Exact).unwrap().agrees);
        assert!(read_printed("0.39", 0.386, Reading::Exact).unwrap().agrees);
        assert!(!read_printed("0.39", 0.3386, Reading::Exact).unwrap().agrees);
        // order-one factors
        assert!(read_printed("4e8", 6.0e8, Reading::Rough(Side::Lower)).unwrap().agrees);
        assert!(read_printed("4e8", 1.0e9, Reading::Rough(Side::Both)).unwrap().agrees);
        assert!(!read_printed("4e8", 1.3e9, Reading::Rough(Side::Both)).unwrap().agrees);
        assert!(!read_printed("1e3", 4e3, Reading::Rough(Side::Upper)).unwrap().agrees);
        assert!(read_printed("x", 1.0, Reading::Exact).is_none());
    }
}

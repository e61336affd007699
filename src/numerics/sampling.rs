//! Deterministic pseudo-random sample points for the numerical spot checks of
//! the audit (positivity of \[S1\], stability of omega^(1,2) below Eq. 53, the
//! prefactors of Eq. 55). Fixed seeds keep the reports reproducible; no external
//! generator is needed for a few hundred points.

/// Marsaglia's xorshift64 (shifts 13, 7, 17).
#[derive(Clone, Debug)]
pub struct XorShift64 {
    state: u64,
}

impl XorShift64 {
    /// A generator started at `seed` (must be non-zero).
    pub fn new(seed: u64) -> Self {
        debug_assert!(seed != 0, "xorshift64 needs a non-zero seed");
        XorShift64 { state: seed }
    }

    /// The next value, uniform in [0, 1) with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        top_53_bits(self.state)
    }

    /// The next value, uniform in [-1, 1).
    pub fn symmetric(&mut self) -> f64 {
        self.unit() * 2.0 - 1.0
    }
}

/// Knuth's MMIX linear congruential generator.
#[derive(Clone, Debug)]
pub struct Lcg64 {
    state: u64,
}

impl Lcg64 {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        Lcg64 { state: seed }
    }

    /// The next value, uniform in [0, 1) with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        top_53_bits(self.state)
    }
}

fn top_53_bits(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xorshift_first_value_by_hand() {
        // 1 -> 1 ^ (1 << 13) = 8193 -> 8193 ^ (8193 >> 7) = 8193 ^ 64 = 8257
        //   -> 8257 ^ (8257 << 17) = 8257 + 8257 * 2^17
        let expected = (8257u64 + (8257u64 << 17)) >> 11;
        let mut g = XorShift64::new(1);
        assert_eq!(g.unit(), expected as f64 / (1u64 << 53) as f64);
    }

    #[test]
    fn values_stay_in_range() {
        let (mut x, mut l) = (XorShift64::new(0x9E3779B97F4A7C15), Lcg64::new(7));
        for _ in 0..10_000 {
            let (a, b, c) = (x.unit(), x.symmetric(), l.unit());
            assert!((0.0..1.0).contains(&a) && (-1.0..1.0).contains(&b) && (0.0..1.0).contains(&c));
        }
    }
}

//! Modified Bessel functions K_nu(z) of integer and half-integer order, at
//! arbitrary precision on MPFR (`rug`) and in f64.
//!
//! Arbitrary precision, with the working precision raised to cover every
//! cancellation so that the result carries the requested number of bits:
//! - half-integer order: the exact finite sum
//!   `K_{n+1/2}(z) = sqrt(pi/2z) e^-z sum_k (n+k)!/(k!(n-k)!) (2z)^-k`;
//! - integer order, small and moderate z: the ascending series of K_0 and K_1
//!   (A&S 9.6.11 with psi(k+1) = -gamma + H_k), evaluated with
//!   `2 z log2(e)` extra bits for the cancellation between the e^{+z}-sized
//!   terms and the e^{-z}-sized result, then upward recurrence
//!   `K_{n+1} = K_{n-1} + (2n/z) K_n` (stable for K);
//! - integer order, large z: the asymptotic expansion (A&S 9.7.2), used only
//!   when its smallest term is below the requested precision.
//!
//! f64: the exact sum for half-integer order, and the trapezoidal rule on
//! `K_nu(z) = int_0^inf e^{-z cosh t} cosh(nu t) dt` (exponentially convergent).

use rug::Float;
use rug::float::Constant;
use thiserror::Error;

/// Errors of the Bessel evaluation.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum BesselError {
    #[error("K_nu(z) needs z > 0, got z = {0}")]
    Domain(String),
    #[error("order nu = {0}/2 is neither an integer nor a half-integer")]
    Order(i64),
}

/// The order nu, given as twice its value (nu = 1/2 is `Order(1)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Order(pub u32);

impl Order {
    pub fn integer(n: u32) -> Self {
        Order(2 * n)
    }
    pub fn half(n: u32) -> Self {
        Order(2 * n + 1)
    }
    pub fn value(self) -> f64 {
        self.0 as f64 / 2.0
    }
}

/// Number of bits for `digits` decimal digits.
pub fn bits_for_digits(digits: u32) -> u32 {
    (digits as f64 * std::f64::consts::LOG2_10).ceil() as u32
}

/// K_nu(z) to `prec` bits (relative), for z > 0.
pub fn k(nu: Order, z: &Float, prec: u32) -> Result<Float, BesselError> {
    if !z.is_finite() || *z <= 0 {
        return Err(BesselError::Domain(z.to_string()));
    }
    if nu.0 % 2 == 1 {
        return Ok(k_half(nu.0 / 2, z, prec));
    }
    let n = nu.0 / 2;
    let (k0, k1) = k01(z, prec + 16);
    if n == 0 {
        return Ok(Float::with_val(prec, k0));
    }
    let (mut prev, mut cur) = (k0, k1);
    for m in 1..n {
        let next = Float::with_val(prec + 16, &cur * (2 * m)) / z + &prev;
        prev = cur;
        cur = next;
    }
    Ok(Float::with_val(prec, cur))
}

/// K_{n+1/2}(z) by its exact finite sum.
fn k_half(n: u32, z: &Float, prec: u32) -> Float {
    let wp = prec + 32;
    let z = Float::with_val(wp, z);
    let two_z = Float::with_val(wp, &z * 2u32);
    let mut sum = Float::with_val(wp, 0);
    // term_k = (n+k)!/(k!(n-k)!) / (2z)^k, built by the ratio of consecutive terms
    let mut term = Float::with_val(wp, 1);
    for kk in 0..=n {
        sum += &term;
        if kk < n {
            // ratio = (n+k+1)(n-k) / ((k+1) 2z)
            term *= (n + kk + 1) as u64 * (n - kk) as u64;
            term /= (kk + 1) as u64;
            term /= &two_z;
        }
    }
    let pi = Float::with_val(wp, Constant::Pi);
    let pref = (pi / two_z).sqrt() * (-z).exp();
    Float::with_val(prec, pref * sum)
}

/// (K_0(z), K_1(z)) to `prec` bits.
fn k01(z: &Float, prec: u32) -> (Float, Float) {
    let zf = z.to_f64();
    // asymptotic expansion if its smallest term (~ e^{-2z}) is small enough
    if zf > 2.0
        && 2.0 * zf * std::f64::consts::LOG2_E > (prec + 8) as f64
        && let Some(r) = k01_asymptotic(z, prec)
    {
        return r;
    }
    k01_series(z, prec)
}

fn k01_asymptotic(z: &Float, prec: u32) -> Option<(Float, Float)> {
    let wp = prec + 32;
    let z = Float::with_val(wp, z);
    let eps = Float::with_val(wp, Float::i_exp(1, -(prec as i32) - 8));
    let eight_z = Float::with_val(wp, &z * 8u32);
    let one = |mu: u32| -> Option<Float> {
        let mut sum = Float::with_val(wp, 1);
        let mut term = Float::with_val(wp, 1);
        let mut last = Float::with_val(wp, f64::INFINITY);
        for j in 1..10_000u32 {
            let odd = (2 * j - 1) as i64;
            let factor = mu as i64 - odd * odd;
            term *= factor;
            term /= j;
            term /= &eight_z;
            let a = term.clone().abs();
            if a > last {
                return None; // diverging before reaching the precision
            }
            sum += &term;
            if a < eps || factor == 0 {
                return Some(sum);
            }
            last = a;
        }
        None
    };
    let s0 = one(0)?;
    let s1 = one(4)?;
    let pi = Float::with_val(wp, Constant::Pi);
    let pref = (pi / Float::with_val(wp, &z * 2u32)).sqrt() * Float::with_val(wp, -&z).exp();
    Some((Float::with_val(prec, &pref * s0), Float::with_val(prec, &pref * s1)))
}

fn k01_series(z: &Float, prec: u32) -> (Float, Float) {
    let zf = z.to_f64();
    let extra = (2.0 * zf.max(0.0) * std::f64::consts::LOG2_E).ceil() as u32;
    let wp = prec + extra + 32;
    let z = Float::with_val(wp, z);
    let half_z = Float::with_val(wp, &z / 2u32);
    let q = Float::with_val(wp, half_z.square_ref()); // z^2/4
    let ln_half_z = Float::with_val(wp, half_z.ln_ref());
    let gamma = Float::with_val(wp, Constant::Euler);
    let eps = Float::with_val(wp, Float::i_exp(1, -(wp as i32)));
    // I_0 = sum q^k/(k!)^2 ; I_1 = (z/2) sum q^k/(k!(k+1)!)
    // K_0 = -(ln(z/2) + gamma) I_0 + sum H_k q^k/(k!)^2
    // K_1 = 1/z + ln(z/2) I_1 - (z/4) sum (psi(k+1)+psi(k+2)) q^k/(k!(k+1)!)
    let (mut i0, mut s0) = (Float::with_val(wp, 0), Float::with_val(wp, 0));
    let (mut i1s, mut s1) = (Float::with_val(wp, 0), Float::with_val(wp, 0));
    let mut t0 = Float::with_val(wp, 1); // q^k/(k!)^2
    let mut t1 = Float::with_val(wp, 1); // q^k/(k!(k+1)!)
    let mut h = Float::with_val(wp, 0); // H_k
    for kk in 0u32..1_000_000 {
        i0 += &t0;
        s0 += Float::with_val(wp, &h * &t0);
        i1s += &t1;
        // psi(k+1) + psi(k+2) = -2 gamma + 2 H_k + 1/(k+1)
        let psi_sum = Float::with_val(wp, &h * 2u32) + Float::with_val(wp, 1) / (kk + 1) - Float::with_val(wp, &gamma * 2u32);
        s1 += Float::with_val(wp, &psi_sum * &t1);
        let small = t0.clone().abs() < Float::with_val(wp, &eps * &i0) && kk as f64 > zf;
        if small {
            break;
        }
        let k1 = kk + 1;
        t0 *= &q;
        t0 /= k1 as u64 * k1 as u64;
        t1 *= &q;
        t1 /= k1 as u64 * (k1 + 1) as u64;
        h += Float::with_val(wp, 1) / k1;
    }
    let k0 = Float::with_val(wp, -(Float::with_val(wp, &ln_half_z + &gamma)) * &i0) + &s0;
    let i1 = Float::with_val(wp, &half_z * &i1s);
    let k1 = Float::with_val(wp, 1) / &z + Float::with_val(wp, &ln_half_z * &i1) - Float::with_val(wp, &z / 4u32) * &s1;
    (Float::with_val(prec, k0), Float::with_val(prec, k1))
}

/// I_n(z) by its ascending series (all terms positive), to `prec` bits.
pub fn i_int(n: u32, z: &Float, prec: u32) -> Float {
    let wp = prec + 32;
    let half_z = Float::with_val(wp, z / 2u32);
    let q = Float::with_val(wp, half_z.square_ref());
    let mut term = rug::ops::Pow::pow(half_z.clone(), n) / Float::with_val(wp, Float::factorial(n));
    let mut sum = Float::with_val(wp, 0);
    let eps = Float::with_val(wp, Float::i_exp(1, -(wp as i32)));
    for kk in 1u32..1_000_000 {
        sum += &term;
        term *= &q;
        term /= kk as u64 * (n + kk) as u64;
        if Float::with_val(wp, &term) < Float::with_val(wp, &eps * &sum) {
            break;
        }
    }
    Float::with_val(prec, sum)
}

/// K_nu(z) in f64 (relative accuracy ~1e-15 for moderate z).
pub fn k_f64(nu: Order, z: f64) -> f64 {
    let positive = z > 0.0; // false for NaN
    if !positive {
        return f64::NAN;
    }
    if nu.0 % 2 == 1 {
        let n = nu.0 / 2;
        let mut sum = 0.0;
        let mut term = 1.0;
        for kk in 0..=n {
            sum += term;
            if kk < n {
                term *= ((n + kk + 1) * (n - kk)) as f64 / ((kk + 1) as f64 * 2.0 * z);
            }
        }
        return (std::f64::consts::PI / (2.0 * z)).sqrt() * (-z).exp() * sum;
    }
    // trapezoidal rule on int_0^inf exp(-z cosh t) cosh(nu t) dt, scaled by e^z
    let v = nu.value();
    let h = (0.25 / z.sqrt()).min(0.1);
    let mut sum = 0.5 * (-z + z).exp(); // t = 0 term: exp(-z(cosh 0 - 1)) = 1
    let mut j = 1;
    loop {
        let t = j as f64 * h;
        let term = (-z * (t.cosh() - 1.0)).exp() * (v * t).cosh();
        sum += term;
        if term < 1e-18 * sum || j > 100_000 {
            break;
        }
        j += 1;
    }
    sum * h * (-z).exp()
}

/// `(e^z K_1(z), e^z K_2(z))` in f64 from one trapezoidal sum of
/// `int_0^inf exp(-z (cosh t - 1)) cosh(nu t) dt` (the rule of [`k_f64`],
/// sharing the exponentials between the two orders). Scaled by e^z so that
/// large z (a heavy neutrino at a low temperature) neither underflows nor
/// loses the ratio K_1/K_2.
///
/// ```
/// use cogenesis::numerics::bessel::{Order, k1_k2_scaled, k_f64};
/// let (k1, k2) = k1_k2_scaled(25.0);
/// let e = (-25.0f64).exp();
/// assert!((k1 * e / k_f64(Order::integer(1), 25.0) - 1.0).abs() < 1e-13);
/// assert!((k2 * e / k_f64(Order::integer(2), 25.0) - 1.0).abs() < 1e-13);
/// ```
pub fn k1_k2_scaled(z: f64) -> (f64, f64) {
    if z.is_nan() || z <= 0.0 {
        return (f64::NAN, f64::NAN);
    }
    let h = (0.25 / z.sqrt()).min(0.1);
    let (mut s1, mut s2) = (0.5, 0.5);
    // d_j = cosh(j h) - 1 by the recurrence cosh((j+1)h) = 2 cosh(h) cosh(jh) - cosh((j-1)h),
    // written for d (no cancellation near t = 0): one exponential per node
    let dh = 2.0 * (0.5 * h).sinh().powi(2);
    let (mut d_prev, mut d) = (0.0, dh);
    let mut j = 1;
    loop {
        let w = (-z * d).exp();
        let c1 = 1.0 + d;
        let (a, b) = (w * c1, w * (2.0 * c1 * c1 - 1.0));
        s1 += a;
        s2 += b;
        if b < 1e-18 * s2 || j > 100_000 {
            break;
        }
        (d_prev, d) = (d, 2.0 * (1.0 + dh) * d - d_prev + 2.0 * dh);
        j += 1;
    }
    (s1 * h, s2 * h)
}

/// K_0 .. K_nmax (integer orders) at one point, sharing one evaluation of
/// K_0, K_1 and the upward recurrence.
pub fn k_integer_orders(nmax: u32, z: &Float, prec: u32) -> Result<Vec<Float>, BesselError> {
    if !z.is_finite() || *z <= 0 {
        return Err(BesselError::Domain(z.to_string()));
    }
    let (k0, k1) = k01(z, prec + 16);
    let mut out = vec![k0, k1];
    for m in 1..nmax {
        let next = Float::with_val(prec + 16, &out[m as usize] * (2 * m)) / z + &out[m as usize - 1];
        out.push(next);
    }
    out.truncate(nmax as usize + 1);
    Ok(out.into_iter().map(|x| Float::with_val(prec, x)).collect())
}

//! The Maxwell-Boltzmann collision integrals of App. A (Eqs. 72-77): closed
//! forms for monomial kernels, high-precision quadrature of the one-dimensional
//! Bessel representations, and the direct momentum-space integral they reduce.
//!
//! Conventions (per unit Delta N and at equilibrium densities, n_i = n_i^eq):
//! - Eq. (72): `[C_n] = sqrt(T1 T2)/(4 (2 pi)^4) int_0^inf ds W(s) sqrt(s) K_1(sqrt(s/(T1 T2)))`;
//! - Eq. (75): for `W = s^k`, `[C_n] = k! (k+1)! 2^(2k) (T1 T2)^(k+2) / (2 pi)^4`;
//! - Eq. (76): `[C_E] = T/(4 (2 pi)^4) int_0^inf ds W(s) s K_2(sqrt(s)/T)`;
//! - Eq. (77): for `W = s^k`, `[C_E] = k! (k+2)! 2^(2k+1) T^(2k+5) / (2 pi)^4`.

use crate::numerics::bessel::{BesselError, Order, bits_for_digits, k, k_integer_orders};
use crate::numerics::tanh_sinh::{QuadError, exp_sinh};
use rug::Float;
use rug::float::Constant;
use thiserror::Error;

/// Errors of the collision-integral numerics.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum CollisionError {
    #[error("{0} digits requested: this implementation is validated for 1 to {MAX_DIGITS} digits")]
    Digits(u32),
    #[error("temperatures must be positive and finite, got {0}")]
    Temperature(String),
    #[error(transparent)]
    Bessel(#[from] BesselError),
    #[error(transparent)]
    Quadrature(#[from] QuadError),
}

/// Largest precision accepted (decimal digits).
pub const MAX_DIGITS: u32 = 400;

/// Working precision (bits) for a target number of digits.
pub fn working_bits(digits: u32) -> u32 {
    bits_for_digits(digits) + 40
}

fn check_digits(d: u32) -> Result<(), CollisionError> {
    if d == 0 || d > MAX_DIGITS { Err(CollisionError::Digits(d)) } else { Ok(()) }
}

/// Decimal digits of agreement between a value and a reference.
pub fn agreement(a: &Float, reference: &Float) -> f64 {
    let p = a.prec().max(reference.prec());
    let d = Float::with_val(p, a - reference).abs();
    if d.is_zero() {
        return p as f64 / std::f64::consts::LOG2_10;
    }
    -(d / Float::with_val(p, reference.clone().abs())).log10().to_f64()
}

/// A closed form next to its quadrature.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub closed: Float,
    pub quadrature: Float,
    /// Digits of agreement between the two.
    pub digits: f64,
    /// The quadrature's own error estimate (digits).
    pub estimated: f64,
    pub evaluations: usize,
}

fn factorial(prec: u32, n: u32) -> Float {
    Float::with_val(prec, Float::factorial(n))
}

/// `(2 pi)^4` at `prec` bits.
pub(crate) fn two_pi_4(prec: u32) -> Float {
    let tp = Float::with_val(prec, Constant::Pi) * 2u32;
    rug::ops::Pow::pow(tp, 4u32)
}

/// Eq. (74): `int_0^inf t^(mu-1) K_nu(t) dt = 2^(mu-2) Gamma((mu-nu)/2) Gamma((mu+nu)/2)`.
pub fn mellin_closed(mu: &Float, nu: &Float, prec: u32) -> Float {
    let a = Float::with_val(prec, mu - nu) / 2u32;
    let b = Float::with_val(prec, mu + nu) / 2u32;
    let two = Float::with_val(prec, 2);
    let p = rug::ops::Pow::pow(two, Float::with_val(prec, mu - 2u32));
    p * a.gamma() * b.gamma()
}

/// Several moments `int_0^inf x^p K_n(x) dx` (integer n) in one quadrature,
/// sharing the Bessel evaluations; each compared with Eq. (74).
pub fn bessel_moments(specs: &[(u32, u32)], digits: u32) -> Result<Vec<Comparison>, CollisionError> {
    check_digits(digits)?;
    let wp = working_bits(digits);
    let nmax = specs.iter().map(|(n, _)| *n).max().unwrap_or(0).max(1);
    let mut failure: Option<BesselError> = None;
    let mut f = |x: &Float| -> Vec<Float> {
        match k_integer_orders(nmax, x, wp) {
            Ok(ks) => specs.iter().map(|(n, p)| Float::with_val(wp, rug::ops::Pow::pow(x.clone(), *p)) * &ks[*n as usize]).collect(),
            Err(e) => {
                failure = Some(e);
                vec![Float::with_val(wp, f64::NAN); specs.len()]
            }
        }
    };
    let q = exp_sinh(&mut f, specs.len(), digits, wp, 14);
    if let Some(e) = failure {
        return Err(e.into());
    }
    let q = q?;
    Ok(specs
        .iter()
        .enumerate()
        .map(|(i, (n, p))| {
            let closed = mellin_closed(&Float::with_val(wp, p + 1), &Float::with_val(wp, *n), wp);
            let quad = q.values[i].clone();
            Comparison { digits: agreement(&quad, &closed), closed, quadrature: quad, estimated: q.digits[i], evaluations: q.evaluations }
        })
        .collect())
}

/// Eq. (75): closed form of Eq. (72) for `W = s^k` (per Delta N, n = n^eq).
pub fn number_closed(kk: u32, t1: &Float, t2: &Float, prec: u32) -> Float {
    let t12 = Float::with_val(prec, t1 * t2);
    let mut v = factorial(prec, kk) * factorial(prec, kk + 1);
    v <<= 2 * kk;
    v * rug::ops::Pow::pow(t12, kk + 2) / two_pi_4(prec)
}

/// Eq. (77): closed form of Eq. (76) for `W = s^k`.
pub fn energy_closed(kk: u32, t: &Float, prec: u32) -> Float {
    let mut v = factorial(prec, kk) * factorial(prec, kk + 2);
    v <<= 2 * kk + 1;
    v * rug::ops::Pow::pow(t.clone(), 2 * kk + 5) / two_pi_4(prec)
}

fn positive(t: &Float) -> Result<(), CollisionError> {
    if t.is_finite() && *t > 0 { Ok(()) } else { Err(CollisionError::Temperature(t.to_string())) }
}

/// `int_0^inf g(s) K_nu(arg(s)) ds` by exp-sinh quadrature, where the caller
/// gives `g` and `arg`; Bessel failures are reported, not swallowed.
fn bessel_integral(
    nu: Order,
    digits: u32,
    wp: u32,
    weight: &dyn Fn(&Float) -> Float,
    arg: &dyn Fn(&Float) -> Float,
) -> Result<crate::numerics::tanh_sinh::Quad, CollisionError> {
    let mut failure = None;
    let mut f = |s: &Float| -> Vec<Float> {
        match k(nu, &arg(s), wp) {
            Ok(kv) => vec![weight(s) * kv],
            Err(e) => {
                failure = Some(e);
                vec![Float::with_val(wp, f64::NAN)]
            }
        }
    };
    let q = exp_sinh(&mut f, 1, digits, wp, 14);
    if let Some(e) = failure {
        return Err(e.into());
    }
    Ok(q?)
}

/// A quadrature result with the estimate of its relative error.
#[derive(Debug, Clone)]
pub struct Estimate {
    pub value: Float,
    /// Estimated correct decimal digits (a lower bound, see [`crate::numerics::tanh_sinh`]).
    pub digits: f64,
    pub evaluations: usize,
}

/// Eq. (72) by quadrature for a general kernel `W(s)` (evaluated at the
/// working precision it is given), per unit Delta N at equilibrium densities:
///
/// # Formula
/// `[C_n] = sqrt(T1 T2)/(4 (2 pi)^4) int_0^inf ds W(s) sqrt(s) K_1(sqrt(s/(T1 T2)))`
///
/// # Errors
/// Digits outside 1..=[`MAX_DIGITS`], non-positive temperatures, a Bessel
/// failure, or a quadrature that cannot reach the digits (refused, no number).
pub fn number_density_kernel(w: &dyn Fn(&Float) -> Float, t1: &Float, t2: &Float, digits: u32) -> Result<Estimate, CollisionError> {
    check_digits(digits)?;
    positive(t1)?;
    positive(t2)?;
    let wp = working_bits(digits);
    let t12 = Float::with_val(wp, t1 * t2);
    let q = bessel_integral(Order::integer(1), digits, wp, &|s| w(s) * Float::with_val(wp, s.sqrt_ref()), &|s| {
        Float::with_val(wp, s / &t12).sqrt()
    })?;
    let value = Float::with_val(wp, t12.sqrt_ref()) * &q.values[0] / (two_pi_4(wp) * 4u32);
    Ok(Estimate { value, digits: q.digits[0], evaluations: q.evaluations })
}

/// Eq. (76) by quadrature for a general kernel `W(s)`.
///
/// # Formula
/// `[C_E] = T/(4 (2 pi)^4) int_0^inf ds W(s) s K_2(sqrt(s)/T)`
///
/// # Errors
/// As [`number_density_kernel`].
pub fn energy_density_kernel(w: &dyn Fn(&Float) -> Float, t: &Float, digits: u32) -> Result<Estimate, CollisionError> {
    check_digits(digits)?;
    positive(t)?;
    let wp = working_bits(digits);
    let q = bessel_integral(Order::integer(2), digits, wp, &|s| w(s) * s, &|s| Float::with_val(wp, s.sqrt_ref()) / t)?;
    let value = Float::with_val(wp, t * &q.values[0]) / (two_pi_4(wp) * 4u32);
    Ok(Estimate { value, digits: q.digits[0], evaluations: q.evaluations })
}

/// Eq. (72) by quadrature for `W = s^k`, against Eq. (75).
pub fn number_density(kk: u32, t1: &Float, t2: &Float, digits: u32) -> Result<Comparison, CollisionError> {
    let wp = working_bits(digits.clamp(1, MAX_DIGITS));
    let q = number_density_kernel(&|s| Float::with_val(wp, rug::ops::Pow::pow(s.clone(), kk)), t1, t2, digits)?;
    let closed = number_closed(kk, t1, t2, wp);
    Ok(Comparison { digits: agreement(&q.value, &closed), closed, quadrature: q.value, estimated: q.digits, evaluations: q.evaluations })
}

/// Eq. (76) by quadrature for `W = s^k`, against Eq. (77).
pub fn energy_density(kk: u32, t: &Float, digits: u32) -> Result<Comparison, CollisionError> {
    let wp = working_bits(digits.clamp(1, MAX_DIGITS));
    let q = energy_density_kernel(&|s| Float::with_val(wp, rug::ops::Pow::pow(s.clone(), kk)), t, digits)?;
    let closed = energy_closed(kk, t, wp);
    Ok(Comparison { digits: agreement(&q.value, &closed), closed, quadrature: q.value, estimated: q.digits, evaluations: q.evaluations })
}

/// Eq. (73): `(-d/dz)^n [z^-nu K_nu(z)]` from the derivative rule
/// `d/dz [z^p K_m] = (p + m) z^(p-1) K_m - z^p K_(m+1)` (exact Bessel values),
/// against `Gamma(1/2)/(2^nu Gamma(nu+1/2)) int_1^inf t^n (t^2-1)^(nu-1/2) e^(-z t) dt`
/// by quadrature (t = 1 + x).
pub fn integral_representation(n: u32, nu: Order, z: &Float, digits: u32) -> Result<Comparison, CollisionError> {
    check_digits(digits)?;
    let wp = working_bits(digits);
    let nuv = Float::with_val(wp, nu.0) / 2u32;
    // terms (coefficient, power of z, twice the order)
    let mut terms: Vec<(Float, Float, u32)> = vec![(Float::with_val(wp, 1), Float::with_val(wp, -&nuv), nu.0)];
    for _ in 0..n {
        let mut next: Vec<(Float, Float, u32)> = vec![];
        for (c, p, m2) in &terms {
            let m = Float::with_val(wp, *m2) / 2u32;
            // -(d/dz): -(p+m) z^(p-1) K_m + z^p K_(m+1)
            next.push((Float::with_val(wp, -(Float::with_val(wp, p + &m))) * c, Float::with_val(wp, p - 1u32), *m2));
            next.push((c.clone(), p.clone(), m2 + 2));
        }
        terms = next;
    }
    let mut lhs = Float::with_val(wp, 0);
    for (c, p, m2) in &terms {
        let zp = rug::ops::Pow::pow(z.clone(), p.clone());
        lhs += Float::with_val(wp, c * zp) * k(Order(*m2), z, wp)?;
    }
    let e = Float::with_val(wp, &nuv - 0.5);
    let mut f = |x: &Float| -> Vec<Float> {
        let t = Float::with_val(wp, x + 1u32);
        let base = Float::with_val(wp, x * Float::with_val(wp, x + 2u32));
        let pw = rug::ops::Pow::pow(base, e.clone());
        let ex = Float::with_val(wp, -(Float::with_val(wp, z * &t))).exp();
        vec![rug::ops::Pow::pow(t, n) * pw * ex]
    };
    let q = exp_sinh(&mut f, 1, digits, wp, 14)?;
    let half = Float::with_val(wp, 0.5);
    let pref = Float::with_val(wp, half.gamma())
        / (rug::ops::Pow::pow(Float::with_val(wp, 2), nuv.clone()) * Float::with_val(wp, &nuv + 0.5).gamma());
    let rhs = pref * &q.values[0];
    Ok(Comparison { digits: agreement(&rhs, &lhs), closed: lhs, quadrature: rhs, estimated: q.digits[0], evaluations: q.evaluations })
}

/// The direct momentum-space integral that Eq. (72) reduces, for massless
/// particles at temperatures T1, T2, in f64 by nested double-exponential
/// quadrature over E1, E2 and the angle (the `quadrature` crate):
/// `int d3p1/((2pi)^3 2E1) d3p2/((2pi)^3 2E2) W(s) e^(-E1/T1 - E2/T2)`
/// `= 1/(32 pi^4) int dE1 dE2 dc E1 E2 W(2 E1 E2 (1-c)) e^(-E1/T1-E2/T2)`.
/// With `energy`, the weight `E1 + E2` of Eq. (76) is included.
pub fn direct_momentum_integral(w: &dyn Fn(f64) -> f64, t1: f64, t2: f64, energy: bool, tol: f64) -> f64 {
    use quadrature::double_exponential::integrate;
    let pi = std::f64::consts::PI;
    // E = T u/(1-u), u in (0,1)
    let outer = integrate(
        |u1| {
            let e1 = t1 * u1 / (1.0 - u1);
            let j1 = t1 / ((1.0 - u1) * (1.0 - u1));

            integrate(
                |u2| {
                    let e2 = t2 * u2 / (1.0 - u2);
                    let j2 = t2 / ((1.0 - u2) * (1.0 - u2));
                    let ang = integrate(|c| w(2.0 * e1 * e2 * (1.0 - c)), -1.0, 1.0, tol).integral;
                    let weight = if energy { e1 + e2 } else { 1.0 };
                    let v = e1 * e2 * weight * ang * (-e1 / t1 - e2 / t2).exp() * j1 * j2;
                    if v.is_finite() { v } else { 0.0 }
                },
                0.0,
                1.0,
                tol,
            )
            .integral
        },
        0.0,
        1.0,
        tol,
    )
    .integral;
    outer / (32.0 * pi.powi(4))
}

/// Eq. (72) (or, with `energy` and T1 = T2 = T, Eq. 76) for a general kernel,
/// in f64 with the f64 Bessel functions and the `quadrature` crate.
pub fn reduced_integral(w: &dyn Fn(f64) -> f64, t1: f64, t2: f64, energy: bool, tol: f64) -> f64 {
    use quadrature::double_exponential::integrate;
    let pi = std::f64::consts::PI;
    let t12 = t1 * t2;
    let scale = if energy { t1 * t1 } else { t12 };
    let v = integrate(
        |u| {
            let s = scale * u / (1.0 - u);
            let jac = scale / ((1.0 - u) * (1.0 - u));
            let val = if energy {
                w(s) * s * crate::numerics::bessel::k_f64(Order::integer(2), s.sqrt() / t1)
            } else {
                w(s) * s.sqrt() * crate::numerics::bessel::k_f64(Order::integer(1), (s / t12).sqrt())
            };
            let r = val * jac;
            if r.is_finite() { r } else { 0.0 }
        },
        0.0,
        1.0,
        tol,
    )
    .integral;
    let pref = if energy { t1 } else { t12.sqrt() };
    pref * v / (4.0 * (2.0 * pi).powi(4))
}

//! Checks of the modified Bessel functions against identities, limits and
//! tabulated values (no Symbolica in this test binary).

use cogenesis::numerics::bessel::{Order, bits_for_digits, i_int, k, k_f64, k1_k2_scaled};
use rug::Float;
use rug::float::Constant;

fn fl(prec: u32, s: &str) -> Float {
    Float::with_val(prec, Float::parse(s).unwrap())
}

/// Decimal digits of agreement between a and b.
fn digits(a: &Float, b: &Float) -> f64 {
    let d = Float::with_val(a.prec(), a - b).abs();
    if d.is_zero() {
        return a.prec() as f64 / std::f64::consts::LOG2_10;
    }
    -(d / Float::with_val(a.prec(), b.clone().abs())).log10().to_f64()
}

#[test]
fn tabulated_values() {
    // A&S Table 9.8 / DLMF: K0(1), K1(1), K0(2), K1(2)
    let p = bits_for_digits(40);
    for (nu, z, v) in [
        (0, "1", "0.42102443824070833333562737921260903614"),
        (1, "1", "0.60190723019723457473754000153561733926"),
        (0, "2", "0.11389387274953343565271957493248183"),
        (1, "2", "0.13986588181652242728459880703541102"),
    ] {
        let got = k(Order::integer(nu), &fl(p, z), p).unwrap();
        let d = digits(&got, &fl(p, v));
        assert!(d > 33.0, "K{nu}({z}): {d} digits");
    }
}

#[test]
fn wronskian_holds_across_the_series_and_asymptotic_ranges() {
    // I_n(z) K_{n+1}(z) + I_{n+1}(z) K_n(z) = 1/z
    for digits_req in [30u32, 60] {
        let p = bits_for_digits(digits_req);
        for z in ["0.001", "0.5", "3", "17.25", "45", "90", "200"] {
            let zf = fl(p, z);
            for n in [0u32, 1, 3] {
                let lhs = Float::with_val(p, i_int(n, &zf, p) * k(Order::integer(n + 1), &zf, p).unwrap())
                    + Float::with_val(p, i_int(n + 1, &zf, p) * k(Order::integer(n), &zf, p).unwrap());
                let rhs = Float::with_val(p, 1) / &zf;
                let d = digits(&lhs, &rhs);
                assert!(d > digits_req as f64 - 2.0, "z = {z}, n = {n}: {d:.1} of {digits_req} digits");
            }
        }
    }
}

#[test]
fn recurrence_on_half_integer_orders() {
    // K_{nu+1} = K_{nu-1} + (2 nu / z) K_nu with the exact half-integer sums
    let p = bits_for_digits(50);
    for z in ["0.01", "1", "30"] {
        let zf = fl(p, z);
        for n in 1u32..6 {
            let nu = Float::with_val(p, n) + 0.5;
            let lhs = k(Order::half(n + 1), &zf, p).unwrap();
            let rhs = k(Order::half(n - 1), &zf, p).unwrap() + Float::with_val(p, &nu * 2u32) / &zf * k(Order::half(n), &zf, p).unwrap();
            assert!(digits(&lhs, &rhs) > 48.0);
        }
    }
}

#[test]
fn small_and_large_argument_limits() {
    let p = bits_for_digits(40);
    // K0(z) = -ln(z/2) - gamma + O(z^2 ln z)
    let z = fl(p, "1e-25");
    let k0 = k(Order::integer(0), &z, p).unwrap();
    let lim = -Float::with_val(p, &z / 2u32).ln() - Float::with_val(p, Constant::Euler);
    assert!(digits(&k0, &lim) > 35.0);
    // z K1(z) -> 1 ; K_nu(z) ~ Gamma(nu)/2 (2/z)^nu
    let k2 = k(Order::integer(2), &z, p).unwrap();
    let lim2 = Float::with_val(p, 2) / Float::with_val(p, z.clone().square());
    assert!(digits(&k2, &lim2) > 35.0);
    // large z: K_nu(z) sqrt(2z/pi) e^z -> 1 + (4nu^2-1)/(8z)
    let z = fl(p, "1e6");
    for nu in [0u32, 1, 2] {
        let kk = k(Order::integer(nu), &z, p).unwrap();
        let scaled = kk
            * Float::with_val(p, Float::with_val(p, &z * 2u32) / Float::with_val(p, Constant::Pi)).sqrt()
            * Float::with_val(p, z.exp_ref());
        let mu = 4.0 * (nu * nu) as f64;
        let approx = Float::with_val(p, 1) + Float::with_val(p, (mu - 1.0) / 8.0) / &z;
        assert!(digits(&scaled, &approx) > 11.0);
    }
}

#[test]
fn f64_versions_agree_with_mpfr() {
    let p = 128;
    for z in [1e-3, 0.3, 1.0, 7.5, 40.0, 300.0] {
        for nu in [Order::integer(0), Order::integer(1), Order::integer(2), Order::half(0), Order::half(1), Order::half(3)] {
            let exact = k(nu, &Float::with_val(p, z), p).unwrap().to_f64();
            let fast = k_f64(nu, z);
            assert!(((fast - exact) / exact).abs() < 1e-13, "nu = {}, z = {z}: {fast} vs {exact}", nu.value());
        }
    }
}

/// The scaled pair the heavy-neutrino yields use, against MPFR, from a light
/// neutrino (z = 1e-3) to one far below its mass (z = 1e4, where K_2 alone underflows).
#[test]
fn scaled_k1_k2_agree_with_mpfr() {
    let p = 160;
    for z in [1e-3, 0.05, 0.3, 1.0, 7.5, 25.0, 40.0, 300.0, 1e4] {
        let (k1, k2) = k1_k2_scaled(z);
        let zf = Float::with_val(p, z);
        let scale = Float::with_val(p, zf.exp_ref());
        for (fast, nu) in [(k1, 1), (k2, 2)] {
            let exact = (k(Order::integer(nu), &zf, p).unwrap() * &scale).to_f64();
            assert!(((fast - exact) / exact).abs() < 1e-13, "K_{nu}({z}) e^z: {fast} vs {exact}");
        }
    }
    assert!(k1_k2_scaled(0.0).0.is_nan() && k1_k2_scaled(-1.0).1.is_nan());
}

#[test]
fn bad_arguments_are_errors() {
    assert!(k(Order::integer(0), &Float::with_val(64, -1), 64).is_err());
    assert!(k(Order::integer(0), &Float::with_val(64, 0), 64).is_err());
    assert!(k_f64(Order::integer(1), -2.0).is_nan());
}

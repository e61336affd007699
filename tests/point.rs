//! The plain-Rust numerical model against the symbolic derivations at random
//! couplings: [D2], the derived Table 3, the wash-out matrices and the
//! energy-transfer coefficients.

use cogenesis::derive::asymmetry::d2_table;
mod support;

use cogenesis::cas::couplings::{Flavour, Setup};
use cogenesis::cas::eval::{Values, eval};
use cogenesis::cosmo::point::{Chem, Point};
use num_complex::Complex64 as C;
use support::washout_inputs;

fn random_points(n: usize) -> Vec<Point> {
    let mut s = 99u64;
    let mut r = move || {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    (0..n)
        .map(|_| {
            let m1 = 1.0 + r().abs();
            Point { m: [m1, m1 * (2.0 + r().abs())], y: [C::new(r(), r()), C::new(r(), r())], lam: [C::new(r(), r()), C::new(r(), r())] }
        })
        .collect()
}

fn values(p: &Point) -> Values {
    let mut v = Values::new();
    for a in 0..2 {
        v.set(&format!("yu({})", a + 1), p.y[a])
            .set(&format!("lam({})", a + 1), p.lam[a])
            .set(&format!("M({})", a + 1), C::new(p.m[a], 0.0));
    }
    v.set("n_g", C::new(3.0, 0.0));
    v
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-11 * a.abs().max(b.abs()).max(1e-300)
}

#[test]
fn d2_matches_the_symbolic_table() {
    let rows = d2_table(&Setup::PAPER);
    for p in random_points(20) {
        let v = values(&p);
        assert!(close(p.d2_ll(), eval(&rows[0].couplings, &v).unwrap().re));
        assert!(close(p.d2_chichi(), eval(&rows[3].couplings, &v).unwrap().re));
    }
}

/// The plain-Rust evaluation of the derived Table 3 (coupling sums in f64)
/// against the symbolic form of the same kernels evaluated by `cas::eval`.
#[test]
fn table3_values_match_the_symbolic_kernels() {
    let inputs = support::inputs();
    let chem = Chem::from_inputs(&inputs).unwrap();
    let u = [Flavour::Universal, Flavour::Universal];
    for p in random_points(10) {
        let v = values(&p);
        for k in [1u32, 2] {
            let s = p.s(k, &chem);
            for (n, kernel) in chem.kernels.iter().enumerate() {
                let four_pi = 4.0 * std::f64::consts::PI;
                let sym = eval(&kernel.atom(k, &Setup::PAPER, u), &v).unwrap().re;
                assert!(close(s[n] * four_pi, sym), "row {} [S{k}]: {} vs {sym}", n + 1, s[n] * four_pi);
            }
        }
    }
}

#[test]
fn washout_matrices_match_the_symbolic_ones() {
    let inputs = support::inputs();
    let (rs, mu) = washout_inputs(&inputs);
    let chem = Chem::from_inputs(&inputs).unwrap();
    for k in [1u32, 2] {
        let w = cogenesis::derive::washout::omega(&rs, &mu, k);
        for (n, p) in random_points(10).into_iter().enumerate() {
            let xi = 0.1 * n as f64;
            let num = p.omega(k, xi, &chem);
            let mut v = values(&p);
            v.set("xi", C::new(xi, 0.0));
            for (r, s) in rs.iter().zip(p.s(k, &chem)) {
                v.set(&format!("S{k}_{}", r.symbol), C::new(s, 0.0));
            }
            for i in 0..2 {
                for j in 0..2 {
                    let sym = eval(&w[i][j], &v).unwrap().re;
                    assert!(
                        (num[i][j] - sym).abs() <= 1e-11 * sym.abs().max(num[i][j].abs()).max(1e-300),
                        "omega{k}[{i}][{j}] at xi = {xi}: {} vs {sym}",
                        num[i][j]
                    );
                }
            }
        }
    }
}

#[test]
fn energy_transfer_coefficients_match_eq77() {
    let v = Values::new();
    let e1 = eval(&cogenesis::derive::sources::energy_coefficient(1), &v).unwrap().re;
    let e2 = eval(&cogenesis::derive::sources::energy_coefficient(2), &v).unwrap().re;
    let chem = Chem::from_inputs(&support::inputs()).unwrap();
    let p = random_points(1)[0];
    let (s1, s2) = (p.s(1, &chem), p.s(2, &chem));
    let t: f64 = 0.7;
    let direct = 3.0 * (e1 * s1[1] * t.powi(7) + e2 * (s2[1] + s2[2]) * t.powi(9));
    assert!(close(p.energy_transfer(t, 0.0, &chem), direct));
}

/// The cache of `cogenesis evolve/scan/relic` (issue 18): the prepared numbers
/// survive the JSON round trip exactly (every f64 and rational), so a warm run
/// evolves the same points as a cold one.
#[test]
fn prepared_inputs_round_trip_through_the_cache_file() {
    use cogenesis::cosmo::prepared::Prepared;
    let p = Prepared::from_inputs(&support::inputs()).unwrap();
    let file = std::env::temp_dir().join(format!("cogenesis-prepared-{}.json", std::process::id()));
    std::fs::write(&file, p.to_json()).unwrap();
    let back = Prepared::read(&file).expect("readable");
    let _ = std::fs::remove_file(&file);
    assert_eq!(back, p);
    assert_eq!(back.chem.kernels.len(), 10);
}

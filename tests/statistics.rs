//! Quantum statistics against Maxwell-Boltzmann (issue 15): the MPFR
//! quadratures of `numerics::quantum` checked by routes that share no code
//! with them.
//!
//! - Initial-state distributions: the series `f = sum_j (-+1)^(j+1) e^(-j E/T)`
//!   turns each collision term into a convergent sum of MB terms at
//!   temperatures `T/j`, so the ratio quantum/MB is a product of
//!   `sum_j (-+1)^(j+1) / j^(m+1)` (summed here in f64, no zeta function).
//! - Final-state factors: a direct f64 integration over the momenta of the
//!   initial particles and the centre-of-mass direction of the final ones
//!   (boosted to the plasma frame), with the raw distributions: no identity,
//!   no change of variables of the library.
//! - Exact relations: detailed balance (at one temperature `F F -> B B` and
//!   `B B -> F F` have the same collision term with final-state factors), the
//!   cold final state (the final-state factors go to 1 as `T_f -> 0`), and the
//!   MB limit (Eqs. 75 and 77).

use cogenesis::numerics::collision::{agreement, energy_closed, number_closed, working_bits};
use cogenesis::numerics::quantum::{Assignment, CLASSES, Statistics, classical, initial_only, two_dimensional};
use rug::Float;

/// `sum_j s^(j+1) / j^n` (s = -1 for fermions, +1 for bosons) in f64: the MB
/// terms at T/j of the series of the distribution, with the Euler-Maclaurin
/// tail of the last terms.
fn series(st: Statistics, n: u32) -> f64 {
    let sign: f64 = match st {
        Statistics::Fermion => -1.0,
        Statistics::Boson => 1.0,
        Statistics::Classical => return 1.0,
    };
    let big = 200_000u32;
    let mut sum = 0.0;
    for j in (1..=big).rev() {
        sum += sign.powi(j as i32 + 1) / (j as f64).powi(n as i32);
    }
    if sign > 0.0 {
        // tail int_N^inf x^-n dx - f(N)/2
        let nn = big as f64;
        sum += nn.powi(1 - n as i32) / (n as f64 - 1.0) - 0.5 * nn.powi(-(n as i32));
    }
    sum
}

#[test]
fn initial_state_ratios_are_the_series_of_mb_terms() {
    for (_, asg) in CLASSES {
        for k in 1..=3u32 {
            let (n, e) = initial_only(asg.initial, k, 1.0, 1.0, 20).unwrap();
            let (mn, me) = classical(k, 1.0, 1.0, working_bits(20));
            let rn = Float::with_val(n.value.prec(), &n.value / &mn).to_f64();
            let re = Float::with_val(e.value.prec(), &e.value / &me).to_f64();
            let z = |s: Statistics, m: u32| series(s, m + 1);
            let [a, b] = asg.initial;
            let want_n = z(a, k + 1) * z(b, k + 1);
            // energy: (I_{k+2} I_{k+1} + I_{k+1} I_{k+2}) / (2 MB): (k+2) enters both terms alike
            let want_e = 0.5 * (z(a, k + 2) * z(b, k + 1) + z(a, k + 1) * z(b, k + 2));
            assert!((rn / want_n - 1.0).abs() < 1e-11, "{} k = {k}: {rn} vs series {want_n}", asg.label());
            assert!((re / want_e - 1.0).abs() < 1e-11, "{} k = {k}: {re} vs series {want_e}", asg.label());
            assert!(n.digits >= 20.0 && e.digits >= 20.0);
        }
    }
    // k = 1, l H: eta(3) zeta(3) = (3/4) zeta(3)^2
    let (n, _) = initial_only([Statistics::Fermion, Statistics::Boson], 1, 1.0, 1.0, 20).unwrap();
    let ratio = n.value.to_f64() / classical(1, 1.0, 1.0, 100).0.to_f64();
    assert!((ratio - 0.75 * 1.202_056_903_159_594_2f64.powi(2)).abs() < 1e-14, "{ratio}");
}

#[test]
fn two_initial_temperatures_scale_like_mb() {
    // the ratio of the number term is independent of T1 and T2 (each moment scales as T^(m+1))
    let asg = CLASSES[0].1;
    let (n1, _) = initial_only(asg.initial, 2, 1.0, 1.0, 20).unwrap();
    let (n2, _) = initial_only(asg.initial, 2, 3.0, 0.25, 20).unwrap();
    let wp = working_bits(20);
    let r1 = Float::with_val(wp, &n1.value / &classical(2, 1.0, 1.0, wp).0);
    let r2 = Float::with_val(wp, &n2.value / &classical(2, 3.0, 0.25, wp).0);
    assert!(agreement(&r1, &r2) > 20.0);
}

#[test]
fn mb_limit_is_eqs_75_and_77_and_the_two_routes_agree() {
    let wp = working_bits(20);
    let one = Float::with_val(wp, 1);
    let mb = Assignment { initial: [Statistics::Classical; 2], fin: [Statistics::Classical; 2] };
    for k in 1..=3 {
        let t = two_dimensional(mb, k, 1.0, 1.0, 20).unwrap();
        assert!(agreement(&t.number.value, &number_closed(k, &one, &one, wp)) > 20.0);
        assert!(agreement(&t.energy.value, &energy_closed(k, &one, wp)) > 20.0);
    }
    // without final-state factors the 2-D quadrature is the factorised form
    for (_, asg) in CLASSES {
        let t = two_dimensional(asg, 2, 1.0, 1.0, 20).unwrap();
        let (n, e) = initial_only(asg.initial, 2, 1.0, 1.0, 20).unwrap();
        assert!(agreement(&t.number_initial.value, &n.value) > 20.0, "{}", asg.label());
        assert!(agreement(&t.energy_initial.value, &e.value) > 20.0, "{}", asg.label());
    }
}

#[test]
fn detailed_balance_and_a_cold_final_state() {
    // at one temperature f1 f2 (1 -+ f3)(1 -+ f4) = f3 f4 (1 -+ f1)(1 -+ f2): F F -> B B and B B -> F F agree
    let ff = two_dimensional(CLASSES[1].1, 1, 1.0, 1.0, 20).unwrap();
    let bb = two_dimensional(CLASSES[2].1, 1, 1.0, 1.0, 20).unwrap();
    assert!(agreement(&ff.number.value, &bb.number.value) > 20.0);
    assert!(agreement(&ff.energy.value, &bb.energy.value) > 20.0);
    // final pair much colder: the final-state factors tend to 1
    let cold = two_dimensional(CLASSES[0].1, 2, 1.0, 1e-3, 12).unwrap();
    let r = cold.number.value.to_f64() / cold.number_initial.value.to_f64();
    assert!((r - 1.0).abs() < 1e-4, "{r}");
}

/// f64 tanh-sinh rule on [lo, hi] with step h: (node, weight, node - lo,
/// hi - node), the distances to the ends without cancellation.
fn tanh_sinh(lo: f64, hi: f64, h: f64) -> Vec<(f64, f64, f64, f64)> {
    let half = std::f64::consts::FRAC_PI_2;
    let (mid, rad) = ((hi + lo) / 2.0, (hi - lo) / 2.0);
    let n = (3.2 / h).ceil() as i64;
    (-n..=n)
        .map(|j| {
            let t = j as f64 * h;
            let u = half * t.sinh();
            let w = h * half * t.cosh() / u.cosh().powi(2);
            // 1 + tanh u = e^u / cosh u, 1 - tanh u = e^-u / cosh u
            let (above, below) = (rad * u.exp() / u.cosh(), rad * (-u).exp() / u.cosh());
            (mid + rad * u.tanh(), rad * w, above, below)
        })
        .filter(|n| n.2 > 0.0 && n.3 > 0.0)
        .collect()
}

fn dist(st: Statistics, e: f64) -> f64 {
    match st {
        Statistics::Fermion => 1.0 / (e.exp() + 1.0),
        Statistics::Boson => 1.0 / e.exp_m1(),
        Statistics::Classical => (-e).exp(),
    }
}

fn factor(st: Statistics, e: f64) -> f64 {
    match st {
        Statistics::Fermion => 1.0 - dist(st, e),
        Statistics::Boson => 1.0 + dist(st, e),
        Statistics::Classical => 1.0,
    }
}

/// The number collision term of W = s^k at T = 1 by direct integration:
/// `1/(2 (2 pi)^4) int dE1 dE2 dcos(theta) E1 E2 W f1 f2 <F3 F4>`, the average
/// over the centre-of-mass direction of the final pair, `E3 = (E + P c*)/2`.
fn direct(asg: Assignment, k: u32) -> f64 {
    // the energies are read as the distance to 0 (exact near the Bose singularity)
    let energies = tanh_sinh(0.0, 60.0, 1.0 / 16.0);
    let cosines = tanh_sinh(-1.0, 1.0, 1.0 / 16.0);
    let mut total = 0.0;
    for &(_, w1, e1, _) in &energies {
        for &(_, w2, e2, _) in &energies {
            let f12 = dist(asg.initial[0], e1) * dist(asg.initial[1], e2);
            for &(_, wc, _, one_minus_c) in &cosines {
                let s = 2.0 * e1 * e2 * one_minus_c;
                let e = e1 + e2;
                let p = (e * e - s).max(0.0).sqrt();
                let mut avg = 0.0;
                for &(cs, ws, one_plus, one_minus) in &cosines {
                    // E3,4 = (E +- P c*)/2, the smaller one as (s + P^2 (1 - c*^2)) / (2 (E -+ P c*))
                    let small = (s + p * p * one_plus * one_minus) / (2.0 * (e + p * cs.abs()));
                    let large = (e + p * cs.abs()) / 2.0;
                    let (e3, e4) = if cs >= 0.0 { (large, small) } else { (small, large) };
                    avg += ws * factor(asg.fin[0], e3) * factor(asg.fin[1], e4);
                }
                total += w1 * w2 * wc * e1 * e2 * s.powi(k as i32) * f12 * avg / 2.0;
            }
        }
    }
    total / (2.0 * (2.0 * std::f64::consts::PI).powi(4))
}

#[test]
fn final_state_factors_agree_with_a_direct_momentum_integral() {
    for (_, asg) in CLASSES {
        let k = 1;
        let lib = two_dimensional(asg, k, 1.0, 1.0, 20).unwrap().number.value.to_f64();
        let d = direct(asg, k);
        assert!((d / lib - 1.0).abs() < 1e-7, "{}: direct {d} vs quadrature {lib}", asg.label());
    }
}

/// The table of `cogenesis derive statistics` (20 digits requested), locked.
/// Checked by the routes above: the initial-state rows by the series of MB
/// terms, the one-temperature rows with final-state factors by the direct
/// momentum integral (k = 1, to 1e-7) and by detailed balance (F F -> B B and
/// B B -> F F equal), every row's digits by its own error estimate.
#[test]
fn statistics_table_snapshot() {
    // on a pool of two workers, as the audit computes it: the snapshot (taken from the
    // serial table) holds whichever thread computed each row
    let rows = cogenesis::numerics::quantum::table(&[1, 2, 3], 0.5, 20, 2).unwrap();
    assert_eq!(rows.len(), 3 * 3 * 8);
    assert!(rows.iter().all(|r| r.digits >= 20.0), "every ratio to at least 20 digits");
    // the detailed-balance pairs inside the table agree
    let find = |a: &str, k: u32, m: &str| {
        rows.iter()
            .find(|r| r.assignment == a && r.k == k && r.moment == m && r.treatment == "final" && r.t_final == Some(1.0))
            .unwrap()
            .value
    };
    for k in 1..=3 {
        for m in ["number", "energy"] {
            assert!((find("F F -> B B", k, m) / find("B B -> F F", k, m) - 1.0).abs() < 1e-14);
        }
    }
    let out = cogenesis::render::tables::statistics_table(&rows, cogenesis::render::tables::NumberFormat::Text);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("quantum_statistics", out);
    });
}

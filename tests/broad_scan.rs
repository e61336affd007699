//! The broader scan of Sec. 4.4 (`cosmo::broad_scan`, claims text.broad-scan-trh
//! and text.tuned-trh): its Fig. 5 reference against the Fig. 5 grid scan (a
//! second route: a grid instead of a bisection), the bisection against the
//! threshold it finds, the couplings against Eqs. (4)-(5) by hand, and the fall
//! of the lowest T_RH with the tuning of Eq. (4).

use cogenesis::cosmo::broad_scan::{Evaluations, Plan, Search, Shape, Tuning, fig5_lowest, run};
use cogenesis::cosmo::constants::{NU_MASS_BOUND_EV, V_HIGGS};
use cogenesis::cosmo::point::Chem;
use cogenesis::cosmo::scan::{Figure, evaluate_grid, lowest_trh, lowest_trh_ascending};
use cogenesis::derive::benchmarks::Benchmark;
use cogenesis::transcript::inputs::Inputs;
use std::path::PathBuf;

fn chem() -> Chem {
    Chem::from_inputs(&Inputs::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("derivations")).unwrap()).unwrap()
}

#[test]
fn fig5_reference_agrees_with_the_fig5_grid() {
    let ch = chem();
    let reference = fig5_lowest(&ch, 2, &Evaluations::default()).expect("B1 reaches Y_B^obs on Fig. 5").t_rh;
    // the grid of Fig. 5 restricted to the paper's |lambda1| <= 1: T_RH = M1/30 at the lowest M1 reaching Y_B^obs
    let n = 32;
    let grid: Vec<_> = evaluate_grid(Figure::Fig5, n, &ch, 2).into_iter().filter(|s| s.lambda1 <= 1.0).collect();
    let on_grid = lowest_trh(&grid, ch.b_over_bl).unwrap();
    // the grid steps M1 by 10^(7/31) and |lambda1| on another set: agreement within one step
    let step = 10f64.powf(7.0 / (n - 1) as f64);
    assert!(reference <= on_grid * 1.001 && reference >= on_grid / step, "bisection {reference:e} vs grid {on_grid:e}");
}

#[test]
fn the_lowest_trh_is_the_threshold() {
    let ch = chem();
    let s = Shape::benchmark(Benchmark::B1, 1.0, 30.0);
    let t = s.lowest_trh(&ch).unwrap();
    assert!(s.reaches(t, &ch));
    assert!(!s.reaches(t * (-2e-3f64).exp(), &ch), "{t:e} is not the lowest");
}

/// The accelerated search for the lowest T_RH (regula falsi, then the bisection's
/// steps inferred where |Y_B| is monotone) returns the plain bisection's T_RH bit for
/// bit, on drawn shapes of every tuning the audit uses and on the benchmarks.
#[test]
fn the_lowest_trh_is_the_bisections() {
    let ch = chem();
    let mut shapes: Vec<Shape> = Benchmark::ALL.iter().map(|b| Shape::benchmark(*b, 0.3, 30.0)).collect();
    for (k, t) in [1.0, 10.0, 1e3, 1e4].into_iter().enumerate() {
        let tuning = Tuning::exactly(t, f64::INFINITY);
        let unit = cogenesis::cosmo::broad_scan::draws(tuning, &Search { samples: 6, refine: 1, seed: 11 + k as u64 });
        shapes.extend(unit.iter().filter_map(|u| Shape::from_unit(u, tuning)));
    }
    let mut reached = 0;
    for s in &shapes {
        let fast = s.lowest_trh(&ch);
        assert_eq!(fast.map(f64::to_bits), s.lowest_trh_bisection(&ch).map(f64::to_bits), "{s:?}");
        reached += usize::from(fast.is_some());
    }
    assert!(reached >= shapes.len() / 2, "only {reached} of {} shapes reach Y_B^obs: the comparison would be empty", shapes.len());
}

/// The record of evolutions a broader scan shares between its searches returns
/// the evolution's own |Y_B| (bit for bit), evolves each (shape, T_RH) once, and
/// keeps T_RH and the shape apart in its key.
#[test]
fn recorded_evolutions_are_the_evolutions() {
    let ch = chem();
    let seen = Evaluations::default();
    let s = Shape::benchmark(Benchmark::B1, 0.3, 30.0);
    let other = Shape { x_rh: 40.0, ..s };
    assert!(seen.is_empty());
    for (shape, t) in [(s, 1e9), (s, 2e9), (other, 1e9)] {
        let fresh = shape.y_b(t, &ch).map(f64::to_bits);
        assert!(fresh.is_some(), "{shape:?} at {t:e} does not evolve");
        assert_eq!(seen.y_b(&shape, t, &ch).map(f64::to_bits), fresh);
        assert_eq!(seen.y_b(&shape, t, &ch).map(f64::to_bits), fresh, "the recorded value");
    }
    assert_eq!(seen.len(), 3);
    assert_ne!(seen.y_b(&s, 1e9, &ch), seen.y_b(&s, 2e9, &ch));
    assert_ne!(seen.y_b(&s, 1e9, &ch), seen.y_b(&other, 1e9, &ch));
}

/// Two plans' shared scans under one chemistry share their record of evolutions
/// (`cosmo::shared`): the second plan's results are those of a fresh run, bit for bit.
#[test]
fn shared_scans_are_fresh_scans() {
    let ch = chem();
    let small = |samples, seed| Plan {
        search: Search { samples, refine: 1, seed },
        untuned: vec![cogenesis::cosmo::broad_scan::Untuned::as_benchmark(Benchmark::B1)],
        tuned: vec![10.0],
    };
    let (first, second) = (small(6, 3), small(4, 3));
    cogenesis::cosmo::shared::forget();
    let _ = cogenesis::cosmo::shared::broad_scan(&ch, &first, 2);
    let shared = cogenesis::cosmo::shared::broad_scan(&ch, &second, 2);
    let fresh = run(&ch, &second, 2);
    assert!(fresh.fig5.is_some(), "the comparison would be empty");
    assert_eq!(shared.fig5, fresh.fig5);
    assert_eq!(shared.untuned, fresh.untuned);
    assert_eq!(shared.tuned, fresh.tuned);
    cogenesis::cosmo::shared::forget();
}

/// The lowest T_RH found by evolving the grid points in ascending T_RH up to the
/// first that reaches Y_B^obs is the lowest T_RH of the whole evaluated grids, bit
/// for bit: under the derivation, with sources 30 times weaker (the minimum moves
/// up the grids) and with sources too weak for any point (none).
#[test]
fn ascending_search_is_the_whole_grids_lowest_trh() {
    use cogenesis::cosmo::point::Alternative;
    let base = chem();
    let scaled = |f: f64| Chem { alternative: Alternative { sigma_factor: [f, f], ..base.alternative }, ..base.clone() };
    let (n, figs) = (6, [Figure::Fig5, Figure::Fig6]);
    let mut found = vec![];
    for ch in [base.clone(), scaled(1.0 / 30.0), scaled(1e-9)] {
        let whole: Vec<_> = figs.iter().flat_map(|f| evaluate_grid(*f, n, &ch, 2)).collect();
        let expected = lowest_trh(&whole, ch.b_over_bl);
        assert_eq!(lowest_trh_ascending(&figs, n, &ch, 2).map(f64::to_bits), expected.map(f64::to_bits));
        found.push(expected);
    }
    assert!(found[0].is_some() && found[1].is_some() && found[2].is_none(), "{found:?}");
    assert!(found[1] > found[0], "weaker sources should need a higher T_RH: {found:?}");
}

/// Eqs. (4)-(5) by hand: at the bound, |y1|^2 = 0.07 eV M1 t / (1.5 v^2 (1 + q)).
#[test]
fn tuned_couplings_saturate_eq5_by_hand() {
    for t in [1.5, 10.0, 1e3] {
        let tuning = Tuning::exactly(t, f64::INFINITY);
        for u in cogenesis::cosmo::broad_scan::draws(tuning, &Search { samples: 4, refine: 1, seed: 5 }) {
            let s = Shape::from_unit(&u, tuning).unwrap();
            let m1 = 1e9;
            let p = s.point(m1).unwrap();
            let by_hand = NU_MASS_BOUND_EV * 1e-9 * m1 * t / (1.5 * V_HIGGS * V_HIGGS * (1.0 + s.q));
            assert!((p.y[0].norm_sqr() / by_hand - 1.0).abs() < 1e-9, "t = {t}");
            assert!((p.y[1].norm_sqr() / (s.q * s.mass_ratio * p.y[0].norm_sqr()) - 1.0).abs() < 1e-9);
        }
    }
}

#[test]
fn tuning_lowers_the_lowest_trh() {
    let ch = chem();
    let plan = Plan { tuned: vec![10.0, 1e3], ..Plan::light() };
    let scan = run(&ch, &plan, 2);
    let (t10, t1000) = (scan.tuned[0].1.unwrap().t_rh, scan.tuned[1].1.unwrap().t_rh);
    assert!(t1000 < t10 / 10.0, "t = 10: {t10:e}, t = 1e3: {t1000:e}");
    // the untuned search starts from Fig. 5's point: never above it
    assert!(scan.untuned[0].1.unwrap().t_rh <= scan.fig5.unwrap().t_rh * (1.0 + 1e-9));
}

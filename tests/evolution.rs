//! The evolution: cross-checks with the approximate solutions (Eqs. 32-33, 55),
//! parameter validation, and resumable, sharded scans.

use cogenesis::cosmo::card::Card;
use cogenesis::cosmo::constants::{G_STAR, G_STAR_X};
use cogenesis::cosmo::evolution::{Settings, entropy, evolve, hubble};
use cogenesis::cosmo::point::{Chem, Point};
use cogenesis::cosmo::scan::{Figure, ScanSpec, finished, run};
use cogenesis::transcript::inputs::Inputs;
use std::f64::consts::PI;
use std::path::PathBuf;

/// The chemistry and the Table 2 reactions of the committed `derivations/`.
fn chem() -> Chem {
    Chem::from_inputs(&Inputs::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("derivations")).unwrap()).unwrap()
}

fn b1(m1: f64, l: f64) -> Point {
    Point::benchmark(m1, l, -2.0 * PI / 3.0, PI / 4.0, None).unwrap()
}

#[test]
fn xi_agrees_with_the_approximate_eq33_for_small_transfer() {
    let ch = chem();
    for (m1, l, x) in [(1e10, 0.05, 30.0), (1e12, 0.1, 50.0)] {
        let p = b1(m1, l);
        let tr = evolve(&p, &ch, &Settings { x_rh: x, u_max: 1e4, ..Settings::default() }).unwrap();
        let t = m1 / x;
        let rho = PI * PI * G_STAR * t.powi(4) / 30.0;
        let h = hubble(t);
        let (s1, s2) = (p.s(1, &ch), p.s(2, &ch));
        let ce1 = 3.0 * 3.0 / PI.powi(4) * s1[1] * t.powi(7);
        let ce2 = 3.0 * 96.0 / PI.powi(4) * (s2[1] + s2[2]) * t.powi(9);
        let xi_approx = (G_STAR / G_STAR_X * (ce1 + ce2 / 3.0) / (rho * h)).powf(0.25);
        let xi = tr.last().xi;
        assert!(((xi - xi_approx) / xi).abs() < 0.02, "M1 = {m1}, lambda1 = {l}: full {xi} vs Eq. (33) {xi_approx}");
    }
}

#[test]
fn charges_agree_with_the_approximate_eq55_at_weak_washout() {
    // Eq. (55) with xi frozen at its final value, integrated by RK4 in u, against the full solution
    let ch = chem();
    let (m1, l, x) = (1e12, 0.05, 30.0);
    let p = b1(m1, l);
    let tr = evolve(&p, &ch, &Settings { x_rh: x, u_max: 1e3, ..Settings::default() }).unwrap();
    let xi = tr.last().xi;
    let sigma = p.sigma();
    let (w1, w2) = (p.omega(1, xi, &ch), p.omega(2, xi, &ch));
    let (sm, hm) = (entropy(m1), hubble(m1));
    let f = |u: f64, y: [f64; 2]| -> [f64; 2] {
        let mut d = [0.0; 2];
        for q in 0..2 {
            d[q] = m1.powi(4) / (sm * hm * x.powi(3) * u.powi(4)) * sigma[q] * (1.0 - xi.powi(8))
                - (0..2).map(|r| (m1 / (hm * x * u * u) * w1[q][r] + m1 / (hm * x.powi(3) * u.powi(4)) * w2[q][r]) * y[r]).sum::<f64>();
        }
        d
    };
    let (mut u, mut y) = (1.0f64, [0.0f64; 2]);
    let steps = 200_000;
    let h = (1e3f64.ln()) / steps as f64;
    for _ in 0..steps {
        // in ln u: dy/dln u = u f
        let g = |lu: f64, yy: [f64; 2]| {
            let uu = lu.exp();
            let d = f(uu, yy);
            [uu * d[0], uu * d[1]]
        };
        let lu = u.ln();
        let k1 = g(lu, y);
        let k2 = g(lu + h / 2.0, [y[0] + h / 2.0 * k1[0], y[1] + h / 2.0 * k1[1]]);
        let k3 = g(lu + h / 2.0, [y[0] + h / 2.0 * k2[0], y[1] + h / 2.0 * k2[1]]);
        let k4 = g(lu + h, [y[0] + h * k3[0], y[1] + h * k3[1]]);
        for q in 0..2 {
            y[q] += h / 6.0 * (k1[q] + 2.0 * k2[q] + 2.0 * k3[q] + k4[q]);
        }
        u = (lu + h).exp();
    }
    let last = tr.last();
    // xi rises from 0 in the full solution, so sources differ by (1 - xi^8) at early times only: a few per cent
    assert!(((y[0] - last.y_bl) / last.y_bl).abs() < 0.05, "Y_B-L: Eq. 55 {} vs full {}", y[0], last.y_bl);
    assert!(((y[1] - last.y_lx) / last.y_lx).abs() < 0.05, "Y_Lx: Eq. 55 {} vs full {}", y[1], last.y_lx);
}

#[test]
fn invalid_parameters_are_refused() {
    assert!(Point::benchmark(-1e10, 1.0, 0.0, 0.0, None).is_err());
    assert!(Point::benchmark(1e10, f64::NAN, 0.0, 0.0, None).is_err());
    let e = Point::benchmark(1e10, 1.0, -2.0 * PI / 3.0, PI / 4.0, Some(0.1)).unwrap_err();
    assert!(e.to_string().contains("Eq. (5)"), "{e}");
    let card = Card { x_rh: 20.0, ..Card::default() };
    assert!(card.validate().unwrap().iter().any(|w| w.contains("x_RH = 20")));
    assert!(Card { m1_gev: -3.0, ..Card::default() }.validate().is_err());
    assert!(Card { benchmark: "B9".into(), ..Card::default() }.phases().is_err());
    let dir = std::env::temp_dir().join(format!("cogenesis-card-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.toml"), "M1_GeV = 1e10\nlambda = 2\n").unwrap();
    let e = Card::load(&dir.join("bad.toml")).unwrap_err().to_string();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(e.contains("bad.toml:2:"), "{e}");
}

#[test]
fn outputs_are_finite() {
    let ch = chem();
    for (m1, l) in [(1e8, 3.0), (1e15, 0.01), (1e10, 1.0)] {
        let tr = evolve(&b1(m1, l), &ch, &Settings::default()).unwrap();
        assert!(tr.rows.iter().all(|r| [r.u, r.t, r.xi, r.y_bl, r.y_lx].iter().all(|v| v.is_finite())));
    }
}

#[test]
fn scans_resume_and_shard() {
    let ch = chem();
    let dir = std::env::temp_dir().join(format!("cogenesis-scan-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let spec = |i: usize, n: usize| ScanSpec { figure: Figure::Fig7, n: 4, shard: (i, n), csv: dir.join(format!("s{i}.csv")), threads: 2 };
    let a = run(&spec(0, 2), &ch, 28.0 / 79.0, &|_, _| {}).unwrap();
    let b = run(&spec(1, 2), &ch, 28.0 / 79.0, &|_, _| {}).unwrap();
    assert_eq!(a.len() + b.len(), 16);
    let again = run(&spec(0, 2), &ch, 28.0 / 79.0, &|_, _| {}).unwrap();
    assert!(again.is_empty(), "a re-run skips finished points");
    let mut all: Vec<usize> = finished(&dir.join("s0.csv")).into_iter().chain(finished(&dir.join("s1.csv"))).collect();
    all.sort();
    assert_eq!(all, (0..16).collect::<Vec<_>>());
    assert!(run(&spec(2, 2), &ch, 1.0, &|_, _| {}).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failed_points_write_no_nan() {
    let s = cogenesis::cosmo::scan::Sample {
        index: 3,
        m1: 1e10,
        lambda1: 1.0,
        x_rh: 30.0,
        xi: f64::NAN,
        y_bl: f64::NAN,
        y_lx: f64::NAN,
        strong_washout: f64::NAN,
        ok: false,
    };
    let line = s.csv(28.0 / 79.0);
    assert!(!line.to_lowercase().contains("nan"), "{line}");
    let back = cogenesis::cosmo::scan::Sample::parse(&line).unwrap();
    assert!(!back.ok && back.index == 3);
    // a row cut in its status by a killed job is no sample (its point is computed again)
    assert!(cogenesis::cosmo::scan::Sample::parse(&line[..line.len() - 2]).is_none());
    assert!(cogenesis::cosmo::scan::Sample::parse(&format!("{},o", &line[..line.rfind(',').unwrap()])).is_none());
}

/// Issue 15: the quantum factors of each Table 2 reaction follow its spin
/// statistics; factors of 1 are the MB evolution exactly; the quantum
/// evolution moves the benchmarks by the size of the factors (tens of percent
/// at most, never a sign).
#[test]
fn quantum_statistics_factors_and_their_effect() {
    use cogenesis::cosmo::point::Alternative;
    use cogenesis::cosmo::statistics::{QuantumFactors, Treatment, effects};
    let c = chem();
    let q = QuantumFactors::new(&c, Treatment::FinalState).unwrap();
    // l H -> l^dag H^dag (F B -> F B) and l l -> H^dag H^dag (F F -> B B), k = 1, against the table of derive statistics
    let rows = cogenesis::numerics::quantum::table(&[1], 0.5, 12, 1).unwrap();
    let want = |a: &str| {
        rows.iter().find(|r| r.assignment == a && r.moment == "number" && r.treatment == "final" && r.t_final == Some(1.0)).unwrap().value
    };
    assert!((q.washout[0][0] - want("F B -> F B")).abs() < 1e-10);
    assert!((q.washout[0][4] - want("F F -> B B")).abs() < 1e-10);
    // every factor 1: the MB evolution, bit for bit
    let ones = QuantumFactors { washout: [[1.0; 10]; 2], source: 1.0, energy: [1.0; 2], ..q };
    let unit = Chem { alternative: Alternative { quantum: Some(ones), ..c.alternative }, ..c.clone() };
    let p = Point::benchmark(1e10, 1.0, -2.0 * std::f64::consts::PI / 3.0, std::f64::consts::FRAC_PI_4, None).unwrap();
    let s = Settings { x_rh: 30.0, u_max: 1e4, samples: 20, ..Settings::default() };
    assert_eq!(evolve(&p, &c, &s).unwrap().last(), evolve(&p, &unit, &s).unwrap().last());
    for t in [Treatment::InitialState, Treatment::FinalState] {
        let q = QuantumFactors::new(&c, t).unwrap();
        for e in effects(&c, t).unwrap() {
            let ch = e.changes();
            eprintln!("{t:?} {:?}: xi {:+.4}, Y_B {:+.4}, Y_Dchi {:+.4}", e.benchmark, ch[0], ch[1], ch[2]);
            assert!(ch.iter().all(|x| x.abs() < 0.5), "{ch:?}");
            // a limit: xi^4 is proportional to the transferred energy (Eq. 32), a positive mix of the k = 1
            // and k = 2 terms of C_E, so xi moves by a factor between theirs to the power 1/4
            let (lo, hi) = (q.energy[0].min(q.energy[1]).powf(0.25), q.energy[0].max(q.energy[1]).powf(0.25));
            assert!(lo - 1e-3 <= 1.0 + ch[0] && 1.0 + ch[0] <= hi + 1e-3, "{t:?}: xi x {} outside [{lo}, {hi}]", 1.0 + ch[0]);
            assert!(e.quantum.y_b.signum() == e.mb.y_b.signum());
        }
    }
}

/// Issue 19: the polynomials in xi of `OmegaTerms::polynomial` (exported by
/// examples/evolution_model.rs) and the evolution's collected `OmegaPoly` are
/// `omega_from_s` up to the rounding of the terms that cancel, for the MB and the
/// quantum chemistry, at random points and xi (including 0 and values near 1).
#[test]
fn omega_polynomials_are_omega_from_s() {
    use cogenesis::cosmo::point::{Alternative, OmegaPoly, OmegaTerms, omega_from_s};
    use cogenesis::cosmo::statistics::{QuantumFactors, Treatment};
    let c = chem();
    let q = QuantumFactors::new(&c, Treatment::FinalState).unwrap();
    let quantum = Chem { alternative: Alternative { quantum: Some(q), ..c.alternative }, ..c.clone() };
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut compared = 0;
    for ch in [&c, &quantum] {
        for k in [1, 2] {
            let terms = OmegaTerms::new(k, ch);
            for _ in 0..200 {
                let m1 = 10f64.powf(8.0 + 7.0 * next());
                let l1 = 10f64.powf(-2.0 + 2.5 * next());
                let p = b1(m1, l1);
                let s = p.s(k, ch);
                for xi in [0.0, next(), 0.999 * next(), 1.0 - 1e-9] {
                    let x = omega_from_s(&s, k, xi, m1, ch);
                    let poly = terms.polynomial(&s, m1);
                    for (q, r) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                        let v: f64 = poly[q][r].iter().map(|(p, c)| c * xi.powi(*p)).sum();
                        let scale: f64 = poly[q][r].iter().map(|(p, c)| (c * xi.powi(*p)).abs()).sum::<f64>().max(f64::MIN_POSITIVE);
                        assert!((v - x[q][r]).abs() <= 1e-12 * scale, "polynomial k = {k}, ({q}, {r}): {v} vs {}", x[q][r]);
                        // and the evolution's right-hand side, which evaluates them collected (OmegaPoly)
                        let collected = OmegaPoly::new(&terms, &s, m1).eval(xi)[q][r];
                        assert!((collected - x[q][r]).abs() <= 1e-12 * scale, "OmegaPoly k = {k}, ({q}, {r}): {collected} vs {}", x[q][r]);
                    }
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 3200);
}

/// Issue 19: the shared scans (`cosmo::shared`) are the unshared ones, whichever
/// thread computes them: two threads ask for the same grid and the same Fig. 8
/// at once, and a third call after them, and all equal `evaluate_grid` and
/// `relic_scan::fig8` called directly.
#[test]
fn shared_scans_equal_the_direct_ones_from_any_thread() {
    use cogenesis::cosmo::relic::DarkDof;
    use cogenesis::cosmo::scan::evaluate_grid;
    let c = chem();
    let dof = DarkDof::from_inputs(&Inputs::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("derivations")).unwrap()).unwrap();
    let n = 3;
    let (a, b) = std::thread::scope(|s| {
        let h1 = s.spawn(|| (cogenesis::cosmo::shared::grid(Figure::Fig5, n, &c, 1), cogenesis::cosmo::shared::fig8(n, &c, dof, 1)));
        let h2 = s.spawn(|| (cogenesis::cosmo::shared::grid(Figure::Fig5, n, &c, 2), cogenesis::cosmo::shared::fig8(n, &c, dof, 2)));
        (h1.join().unwrap(), h2.join().unwrap())
    });
    let direct = evaluate_grid(Figure::Fig5, n, &c, 1);
    let direct8 = cogenesis::cosmo::relic_scan::fig8(&direct, c.b_over_bl, dof, 1);
    assert_eq!(direct.len(), n * n);
    assert!(direct8.iter().any(|p| p.m_max.is_some()));
    for got in [&a, &b, &(cogenesis::cosmo::shared::grid(Figure::Fig5, n, &c, 1), cogenesis::cosmo::shared::fig8(n, &c, dof, 1))] {
        assert_eq!(got.0, direct);
        assert_eq!(got.1, direct8);
    }
    // another chemistry is another result
    let mut other = c.clone();
    other.b_over_bl *= 2.0;
    assert_eq!(cogenesis::cosmo::shared::grid(Figure::Fig5, n, &other, 1), direct);
    assert_ne!(cogenesis::cosmo::shared::fig8(n, &other, dof, 1), direct8);
}

//! One evolution point (the Fig. 3 setting: B1, M1 = 1e10 GeV, |lambda1| = 1,
//! x_RH = 30) written out as plain numbers for an independent re-implementation
//! (`scripts/anchors/evolution_radau.py` integrates it with scipy's Radau):
//! the sources sigma, the energy-transfer coefficients, omega^(1), omega^(2) as
//! polynomials in xi, the constants, and this crate's result and time.
//!
//! `cargo run --release --example evolution_model > /tmp/model.json`
use cogenesis::cosmo::constants::{G_STAR, G_STAR_S, G_STAR_X, M_PL};
use cogenesis::cosmo::evolution::{Settings, evolve};
use cogenesis::cosmo::headline::FIG3_POINT;
use cogenesis::cosmo::point::{Chem, OmegaTerms, Point, energy_transfer_with};
use cogenesis::derive::benchmarks::Benchmark;
use cogenesis::transcript::inputs::Inputs;

fn main() {
    let inputs = Inputs::load(std::path::Path::new("derivations")).expect("derivations/");
    let chem = Chem::from_inputs(&inputs).expect("chemistry");
    let (m1, lambda1, x_rh) = FIG3_POINT;
    let (a, b) = Benchmark::B1.phases();
    let p = Point::benchmark(m1, lambda1, a, b, None).expect("B1 point");
    let (s1, s2) = (p.s(1, &chem), p.s(2, &chem));
    // C_E = c7 (T^7 - T_x^7) + c9 (T^9 - T_x^9): read off at T_x = 0, T = M1 and 2 M1
    // (where both terms are of one size, so that neither is lost to rounding)
    let e = |t: f64| energy_transfer_with(&s1, &s2, t, 0.0, &chem.alternative);
    let (f1, f2) = (e(m1), e(2.0 * m1));
    let c9 = (f2 - 128.0 * f1) / 384.0 / m1.powi(9);
    let c7 = (f1 - c9 * m1.powi(9)) / m1.powi(7);
    let omega = |k: u32, s: &[f64; 10]| {
        let poly = OmegaTerms::new(k, &chem).polynomial(s, m1);
        serde_json::json!(poly.map(|row| row.map(|terms| terms.into_iter().map(|(p, c)| serde_json::json!([p, c])).collect::<Vec<_>>())))
    };
    let mut settings = Settings { x_rh, u_max: 1e6, samples: 60, ..Settings::default() };
    // `-- RTOL ATOL` for a convergence check
    let args: Vec<f64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    if let [rtol, atol] = args[..] {
        (settings.rtol, settings.atol) = (rtol, atol);
    }
    let runs = 200;
    let start = std::time::Instant::now();
    let mut last = None;
    for _ in 0..runs {
        last = Some(evolve(&p, &chem, &settings).expect("evolution").last());
    }
    let per_run = start.elapsed().as_secs_f64() / runs as f64;
    let last = last.expect("ran");
    let out = serde_json::json!({
        "point": {"m1": m1, "lambda1": lambda1, "x_rh": x_rh, "benchmark": "B1"},
        "constants": {"g_star": G_STAR, "g_star_x": G_STAR_X, "g_star_s": G_STAR_S, "m_pl": M_PL},
        "sigma": p.sigma(),
        "energy": {"c7": c7, "c9": c9},
        "omega1": omega(1, &s1),
        "omega2": omega(2, &s2),
        "settings": {"u_max": settings.u_max, "rtol": settings.rtol, "atol": settings.atol},
        "cogenesis": {"xi": last.xi, "y_bl": last.y_bl, "y_lx": last.y_lx, "seconds_per_run": per_run, "solver": "diffsol BDF"},
    });
    println!("{}", serde_json::to_string_pretty(&out).expect("json"));
}

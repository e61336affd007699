//! The velocity series of sigma v (Eq. 28) derived symbolically from the printed
//! kernel of Eq. (27), against a direct f64 evaluation of the kernel at small
//! velocities; the derived coefficients are locked in `snapshots/s_wave.snap`.

#[macro_use]
mod support;

use cogenesis::cas::couplings::Setup;
use cogenesis::cas::eval::{Values, eval};
use cogenesis::derive::couplings::EQ78;
use cogenesis::transcript::claims::load_dir;
use cogenesis::transcript::lower::{Letters, Scope, lower};
use std::f64::consts::PI;

fn series() -> Vec<symbolica::atom::Atom> {
    let set = load_dir(&support::derivations());
    let c = set.claims.iter().find(|c| c.id == "eq28").expect("eq28 is transcribed");
    let scope = Scope::new(Setup::PAPER, Letters::Defined(&EQ78)).declare(&c.symbols).declare(&["AA".to_string()]);
    let w = lower(&c.quoted_expression("kernel").unwrap(), &scope).unwrap();
    let a = lower(&c.quoted_expression("AA").unwrap(), &scope).unwrap();
    cogenesis::derive::dark::sigma_v_series(&w, "AA", &a, 2, 1).unwrap()
}

/// Eq. (27) written out in f64 (independent of the transcription and of Symbolica).
fn kernel(y: f64, mphi: f64, m: f64, s: f64) -> f64 {
    let d = mphi * mphi - m * m;
    let root = (s * (s - 4.0 * m * m)).sqrt();
    let a = root / (2.0 * (d + s / 2.0));
    y.powi(4) / (8.0 * PI) * (1.0 - 2.0 * d / root * ((1.0 + a) / (1.0 - a)).ln() + (d / (d + s / 2.0)).powi(2) / (1.0 - a * a))
}

#[test]
fn series_matches_the_kernel_at_small_velocity() {
    let c = series();
    for (y, mphi, m) in [(1.0, 1.5, 1.0), (0.7, 3.0, 1.0), (1.3, 10.0, 2.0)] {
        let mut v = Values::new();
        v.set("y_chi", y.into()).set("m_phi", mphi.into()).set("m_chi", m.into());
        let (c0, c1) = (eval(&c[0], &v).unwrap().re, eval(&c[1], &v).unwrap().re);
        // sigma v(b) = W(s)/(s g^2) at s = 4 m^2/(1 - b^2), g = 2; the b^4 term is removed by
        // combining two velocities: c1 = [16 f(b) - f(2b) - 15 c0]/(12 b^2) + O(b^4)
        let sv = |b: f64| {
            let s = 4.0 * m * m / (1.0 - b * b);
            kernel(y, mphi, m, s) / (s * 4.0)
        };
        assert!((sv(1e-5) / c0 - 1.0).abs() < 1e-8, "s-wave: {} vs {c0}", sv(1e-5));
        let b = 2e-2;
        let c1_num = (16.0 * sv(b) - sv(2.0 * b) - 15.0 * c0) / (12.0 * b * b);
        assert!((c1_num / c1 - 1.0).abs() < 1e-4, "b^2 term: {c1_num} vs {c1}");
        // the textbook s-wave of the printed Eq. (28)
        assert!((c0 / (y.powi(4) * m * m / (32.0 * PI * (mphi * mphi + m * m).powi(2))) - 1.0).abs() < 1e-12);
    }
}

#[test]
fn s_wave_snapshot() {
    // backed by `series_matches_the_kernel_at_small_velocity`
    let c = series();
    let out = format!(
        "# sigma v = W(s)/(s g_chi^2) of Eq. (27) as printed, s = 4 m_chi^2/(1 - b^2), b: CM speed of each chi\nb^0: {}\nb^2: {}\n",
        cogenesis::cas::print::plain(&c[0]),
        cogenesis::cas::print::plain(&c[1])
    );
    snap!("s_wave", out);
}

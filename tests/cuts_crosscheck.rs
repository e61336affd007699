//! Independent routes to the one-loop asymmetries of App. B.
//!
//! 1. **Four-component direct loop** (no gluing of amplitudes of different
//!    reactions, no two-component code): for l_i H -> l_j^dag H^dag the s-channel
//!    N self-energy with the chi phi bubble is written along one fermion line
//!    with Majorana (Denner) rules in the chiral basis, `M0 = ubar(p3) [-i y P_L]
//!    S_N [-i y P_L] u(p1)` and the loop with the bubble between the two N
//!    propagators; the bubble's absorptive part is `-(1/2) Disc` with the cut
//!    chi and phi on shell, integrated over their solid angle by quadrature
//!    (Gauss-Legendre x uniform azimuth). `|Delta M|^2 = |M|^2 - |Mbar|^2` at first
//!    order, summed over spins and SU(2)_L components, must equal the terms of
//!    the symbolic cut construction through the chi phi and chi^dag phi^dag
//!    states, to 1e-10: sign, weights and magnitude.
//! 2. **Unitarity with three heavy neutrinos and non-universal y_ia**: the
//!    CPT/unitarity sum rule (Eq. 21) holds for the derived [D2] at random
//!    complex couplings, with the flavour-changing states included.

mod common;

use cogenesis::cas::couplings::{Flavour, Setup};
use cogenesis::cas::eval::{Values, eval};
use cogenesis::derive::cuts::cuts;
use cogenesis::transcript::particles::{Field, parse_process};
use common::dirac::*;
use common::{Couplings, rng};
use num_complex::Complex64 as C;
use rand::Rng;
use std::f64::consts::PI;

fn scale(m: &M4, c: C) -> M4 {
    m.map(|r| r.map(|x| x * c))
}
fn add(a: &M4, b: &M4) -> M4 {
    let mut o = *a;
    for i in 0..4 {
        for j in 0..4 {
            o[i][j] += b[i][j];
        }
    }
    o
}
fn identity() -> M4 {
    let mut o = zero4();
    for (i, row) in o.iter_mut().enumerate() {
        row[i] = C::new(1.0, 0.0);
    }
    o
}
fn eps(b: usize, c: usize) -> f64 {
    match (b, c) {
        (0, 1) => 1.0,
        (1, 0) => -1.0,
        _ => 0.0,
    }
}

/// `-(1/2) Disc` of the chi phi bubble between N_b (left) and N_a (right),
/// integrated over the cut phase space: the two orientations of the Dirac chi
/// line (chi or chi^dag in the loop) with the Majorana rules.
fn bubble(c: &Couplings, a: usize, b: usize, p: &[f64; 4]) -> M4 {
    let (pl, pr) = (projector(true), projector(false));
    let sqrt_s = (p[0] * p[0] - p[1] * p[1] - p[2] * p[2] - p[3] * p[3]).sqrt();
    let e = sqrt_s / 2.0;
    // Gauss-Legendre in cos(theta_k) (exact for the linear integrand) times 8 azimuths
    let nodes = [-0.5773502691896257, 0.5773502691896257];
    let mut avg_k = [0.0; 4];
    let mut count = 0.0;
    for x in nodes.iter().copied() {
        let x: f64 = x;
        for m in 0..8 {
            let ph = 2.0 * PI * m as f64 / 8.0;
            let st = (1.0 - x * x).sqrt();
            let k = [e, e * st * ph.cos(), e * st * ph.sin(), e * x];
            for mu in 0..4 {
                avg_k[mu] += k[mu];
            }
            count += 1.0;
        }
    }
    let k_avg = avg_k.map(|v| v / count);
    // int dPhi_2 = 1/(8 pi) for massless (the angular average times the total)
    let kslash = scale(&slash(&k_avg), C::new(1.0 / (8.0 * PI), 0.0));
    let mi = C::new(0.0, -1.0);
    // chi in the loop along the flow: (-i lambda_b P_L) kslash (-i lambda_a^* P_R)
    let one = mul(&mul(&scale(&pl, mi * c.lam[b]), &kslash), &scale(&pr, mi * c.lam[a].conj()));
    // chi^dag: (-i lambda_b^* P_R) kslash (-i lambda_a P_L)
    let two = mul(&mul(&scale(&pr, mi * c.lam[b].conj()), &kslash), &scale(&pl, mi * c.lam[a]));
    let disc = add(&one, &two);
    scale(&disc, C::new(-0.5, 0.0))
}

/// Tree and absorptive one-loop amplitudes (with couplings) for spins and SU(2) indices.
fn amplitudes(c: &Couplings, i: usize, j: usize, s: f64, cth: f64, conjugate: bool) -> Vec<(C, C)> {
    let cc = |z: C| if conjugate { z.conj() } else { z };
    let cp = Couplings {
        y: c.y.iter().map(|r| r.iter().map(|z| cc(*z)).collect()).collect(),
        lam: c.lam.iter().map(|z| cc(*z)).collect(),
        m: c.m.clone(),
    };
    let e = s.sqrt() / 2.0;
    let sth = (1.0 - cth * cth).sqrt();
    let p1 = [e, 0.0, 0.0, e];
    let p2 = [e, 0.0, 0.0, -e];
    let p3 = [e, e * sth, 0.0, e * cth];
    let p = [p1[0] + p2[0], p1[1] + p2[1], p1[2] + p2[2], p1[3] + p2[3]];
    let pl = projector(true);
    let mi = C::new(0.0, -1.0);
    // N propagator at leading order: i (pslash + M)/(p^2 - M^2) -> -i (pslash + M)/M^2
    let prop = |a: usize| scale(&add(&slash(&p), &scale(&identity(), C::new(cp.m[a], 0.0))), C::new(0.0, -1.0 / (cp.m[a] * cp.m[a])));
    let prop_mi = |a: usize| scale(&identity(), C::new(0.0, -1.0 / cp.m[a])); // mass-insertion part only, for the tree
    let n = cp.m.len();
    let mut tree = zero4();
    for a in 0..n {
        let v = mul(&mul(&scale(&pl, mi * cp.y[j][a]), &prop_mi(a)), &scale(&pl, mi * cp.y[i][a]));
        tree = add(&tree, &v);
    }
    let mut loop_ = zero4();
    for a in 0..n {
        for b in 0..n {
            let chain = mul(
                &mul(&mul(&mul(&scale(&pl, mi * cp.y[j][b]), &prop(b)), &bubble(&cp, a, b, &p)), &prop(a)),
                &scale(&pl, mi * cp.y[i][a]),
            );
            loop_ = add(&loop_, &chain);
        }
    }
    let mut out = vec![];
    for s1 in 0..2 {
        for s3 in 0..2 {
            let u1 = dirac_spinor(&p1, s1, false);
            let ub3 = bar(&dirac_spinor(&p3, s3, false));
            // iM0 = ubar3 [tree] u1; the loop's absorptive part A1 = -(1/2) Disc(i M1) = ubar3 [loop] u1
            // (the bubble carries the -1/2), entering the amplitude as M1 = i A1
            let m0 = dot(&row_apply(&ub3, &tree), &u1) * C::new(0.0, -1.0);
            let m1 = dot(&row_apply(&ub3, &loop_), &u1);
            for (ha, hb, hc, hd) in (0..16).map(|k| (k & 1, (k >> 1) & 1, (k >> 2) & 1, (k >> 3) & 1)) {
                // H_in a, l_in b, H^dag_out c, l^dag_out d: s-channel eps(a,b) eps(c,d), u-channel eps(c,b) eps(a,d)
                let es = eps(ha, hb) * eps(hc, hd);
                let eu = eps(hc, hb) * eps(ha, hd);
                out.push((m0 * (es + eu), m1 * es));
            }
        }
    }
    out
}

/// The s-channel chi phi self-energy contribution to |Delta M|^2 of
/// l_i H -> l_j^dag H^dag: four-component direct loop against the symbolic cuts.
#[test]
fn self_energy_asymmetry_matches_the_four_component_loop() {
    let setup = Setup::flavoured(2, 3);
    let c_sym = cuts(&parse_process("l H -> l^dag H^dag").unwrap()).unwrap();
    let mut r = rng(2024);
    for trial in 0..4 {
        let c = Couplings::random(&mut r, 3, 2, false);
        let (i, j) = (trial % 3, (trial + 1) % 3);
        let s = r.gen_range(0.5..3.0);
        let cth: f64 = r.gen_range(-0.9..0.9);
        // |M|^2 - |Mbar|^2 at first order: 2 Re(conj(M0) i A1) - (conjugate couplings)
        let direct: f64 = amplitudes(&c, i, j, s, cth, false)
            .iter()
            .zip(amplitudes(&c, i, j, s, cth, true))
            .map(|((m0, m1), (n0, n1))| 2.0 * (m0.conj() * m1 * C::new(0.0, 1.0)).re - 2.0 * (n0.conj() * n1 * C::new(0.0, 1.0)).re)
            .sum();
        // the symbolic terms through the chi phi and chi^dag phi^dag states
        let mut vals = Values::new();
        for a in 0..2 {
            for f in 0..3 {
                vals.set(&format!("y({},{})", f + 1, a + 1), c.y[f][a]);
            }
            vals.set(&format!("lam({})", a + 1), c.lam[a]);
            vals.set(&format!("M({})", a + 1), C::new(c.m[a], 0.0));
        }
        vals.set("s", C::new(s, 0.0)).set("cos_theta", C::new(cth, 0.0));
        let fl = [Flavour::Index(i as i64 + 1), Flavour::Index(j as i64 + 1)];
        let mut symbolic = 0.0;
        for t in c_sym.terms.iter().filter(|t| t.intermediate.iter().all(|x| matches!(x.field, Field::Chi | Field::Phi))) {
            let k = |x: &cogenesis::derive::tree::CouplingSum| eval(&x.atom(&setup, &fl), &vals).unwrap();
            let im = (k(&t.tree).conj() * k(&t.first) * k(&t.second)).im;
            symbolic += eval(&t.kinematics, &vals).unwrap().re * im;
        }
        assert!(
            (direct - symbolic).abs() <= 1e-10 * direct.abs().max(symbolic.abs()).max(1e-300),
            "trial {trial}: four-component {direct:.15e}, cuts {symbolic:.15e}"
        );
        assert!(direct.abs() > 0.0);
    }
}

/// Eq. (21) for the derived [D2] with three heavy neutrinos and general complex
/// y_ia: for every initial state the asymmetries into all final states cancel.
#[test]
fn sum_rule_with_three_heavy_neutrinos_and_general_flavours() {
    let failures = cogenesis::derive::asymmetry::unitarity_failures(&Setup::flavoured(3, 3));
    assert!(failures.is_empty(), "Eq. (21) fails for {failures:?}");
}

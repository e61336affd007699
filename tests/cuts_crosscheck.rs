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
//! 2. **Every cut, numerically**: the cut formula evaluated with num-complex
//!    two-component spinors at the given momenta, tree amplitudes coded again
//!    (no symbolic code), the intermediate states found by search, and the
//!    intermediate solid angle by quadrature, for all four asymmetric reactions
//!    at random complex couplings: equal to the symbolic cuts to 1e-10.
//! 3. **Unitarity with three heavy neutrinos and non-universal y_ia**: the
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
/// The couplings, `s` and `cos theta` as values for the symbolic expressions.
fn values(c: &Couplings, s: f64, cth: f64) -> Values {
    let mut vals = Values::new();
    for a in 0..c.m.len() {
        for f in 0..c.y.len() {
            vals.set(&format!("y({},{})", f + 1, a + 1), c.y[f][a]);
        }
        vals.set(&format!("lam({})", a + 1), c.lam[a]);
        vals.set(&format!("M({})", a + 1), C::new(c.m[a], 0.0));
    }
    vals.set("s", C::new(s, 0.0)).set("cos_theta", C::new(cth, 0.0));
    vals
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
        let vals = values(&c, s, cth);
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

/// A numerical two-component evaluation of the same absorptive parts, with no
/// symbolic code: num-complex spinors at the given momenta, the tree amplitudes
/// by the rules of `derive::feynman` coded again here, the intermediate solid
/// angle by quadrature (Gauss-Legendre in cos theta' x uniform azimuth).
mod numeric {
    use super::{C, Couplings, PI, eps};

    #[derive(Clone, Copy, PartialEq, Debug)]
    pub enum F {
        L,
        H,
        Chi,
        Phi,
    }

    #[derive(Clone, Copy, PartialEq, Debug)]
    pub struct P {
        pub f: F,
        pub dag: bool,
        /// lepton flavour (0-based)
        pub fl: usize,
    }

    #[derive(Clone, Copy, Debug)]
    pub struct Leg {
        pub p: P,
        pub incoming: bool,
        pub mom: [f64; 4],
    }

    fn spinor(m: &[f64; 4]) -> [C; 2] {
        let e = m[0];
        let th = (m[3] / e).clamp(-1.0, 1.0).acos();
        let ph = m[2].atan2(m[1]);
        let n = (2.0 * e).sqrt();
        [-C::from_polar(1.0, -ph) * (th / 2.0).sin() * n, C::new((th / 2.0).cos() * n, 0.0)]
    }
    fn raise(z: [C; 2]) -> [C; 2] {
        [z[1], -z[0]]
    }
    fn sigma_dot(p: &[f64; 4]) -> [[C; 2]; 2] {
        [[C::new(p[0] - p[3], 0.0), -C::new(p[1], -p[2])], [-C::new(p[1], p[2]), C::new(p[0] + p[3], 0.0)]]
    }
    fn fermion(f: F) -> bool {
        matches!(f, F::L | F::Chi)
    }

    /// The amplitude (with couplings) for SU(2) indices of the four legs, leading order in 1/M.
    pub fn amplitude(legs: &[Leg; 4], idx: &[usize; 4], c: &Couplings, conj: bool) -> C {
        let cc = |z: C| if conj { z.conj() } else { z };
        let needs_dag = |l: &Leg| l.p.dag == l.incoming;
        let vertex = |a: usize, b: usize| -> Option<bool> {
            let ok = matches!((legs[a].p.f, legs[b].p.f), (F::L, F::H) | (F::H, F::L) | (F::Chi, F::Phi) | (F::Phi, F::Chi));
            (ok && needs_dag(&legs[a]) == needs_dag(&legs[b])).then(|| needs_dag(&legs[a]))
        };
        let mut total = C::new(0.0, 0.0);
        for ch in [[[0, 1], [2, 3]], [[0, 2], [1, 3]], [[0, 3], [1, 2]]] {
            let (Some(hl), Some(hr)) = (vertex(ch[0][0], ch[0][1]), vertex(ch[1][0], ch[1][1])) else { continue };
            let split = |pair: [usize; 2]| if fermion(legs[pair[0]].p.f) { (pair[0], pair[1]) } else { (pair[1], pair[0]) };
            let (fa, sa) = split(ch[0]);
            let (fb, sb) = split(ch[1]);
            let su2 = |f: usize, s: usize| if legs[f].p.f == F::L { eps(idx[s], idx[f]) } else { 1.0 };
            let w = su2(fa, sa) * su2(fb, sb);
            if w == 0.0 {
                continue;
            }
            let wave = |k: usize, dotted: bool| {
                let z = spinor(&legs[k].mom);
                if dotted { [z[0].conj(), z[1].conj()] } else { z }
            };
            let (chain, insertion) = if hl == hr {
                let (a, b) = if fa < fb { (fa, fb) } else { (fb, fa) };
                let (za, zb) = (raise(wave(a, hl)), wave(b, hl));
                (za[0] * zb[0] + za[1] * zb[1], true)
            } else {
                let (u, d, dv) = if !hl { (fa, fb, 1) } else { (fb, fa, 0) };
                let mut p = [0.0; 4];
                for &k in &ch[dv] {
                    let sgn = if legs[k].incoming { 1.0 } else { -1.0 };
                    for (pm, km) in p.iter_mut().zip(legs[k].mom) {
                        *pm += sgn * km;
                    }
                }
                let m = sigma_dot(&p);
                let (zu, zd) = (raise(wave(u, false)), raise(wave(d, true)));
                let mut v = C::new(0.0, 0.0);
                for i in 0..2 {
                    for j in 0..2 {
                        v += zu[i] * m[i][j] * zd[j];
                    }
                }
                (v, false)
            };
            let incoming: Vec<(usize, bool)> = [(fa, hl), (fb, hr)].into_iter().filter(|(k, _)| legs[*k].incoming).collect();
            let wick = if incoming.len() == 1 && !incoming[0].1 { -1.0 } else { 1.0 };
            let coupling = |k: usize, hc: bool, a: usize| {
                let x = if legs[k].p.f == F::L { c.y[legs[k].p.fl][a] } else { c.lam[a] };
                cc(if hc { x.conj() } else { x })
            };
            for a in 0..c.m.len() {
                let prop = if insertion { -1.0 / c.m[a] } else { -1.0 / (c.m[a] * c.m[a]) };
                // M = -K R
                total += -coupling(fa, hl, a) * coupling(fb, hr, a) * prop * chain * w * wick;
            }
        }
        total
    }

    /// |Delta M|^2 summed over SU(2) indices, at leading order, from the cut formula.
    pub fn delta_m2(alpha: [P; 2], beta: [P; 2], s: f64, cth: f64, c: &Couplings) -> f64 {
        let e = s.sqrt() / 2.0;
        let sth = (1.0 - cth * cth).sqrt();
        let mom = [[e, 0.0, 0.0, e], [e, 0.0, 0.0, -e], [e, e * sth, 0.0, e * cth], [e, -e * sth, 0.0, -e * cth]];
        let ext = |k: usize| Leg { p: if k < 2 { alpha[k] } else { beta[k - 2] }, incoming: k < 2, mom: mom[k] };
        let legs = [ext(0), ext(1), ext(2), ext(3)];
        // intermediate states: every pair with both trees (searched here over the four fields)
        let fields = [F::L, F::H, F::Chi, F::Phi];
        let mut states = vec![];
        for (n, fa) in fields.iter().enumerate() {
            for fb in &fields[n..] {
                for da in [false, true] {
                    for db in [false, true] {
                        if fa == fb && da && !db {
                            continue;
                        }
                        states.push(([*fa, *fb], [da, db]));
                    }
                }
            }
        }
        let doublet = |f: F| matches!(f, F::L | F::H);
        let (gl, gw) = gauss_legendre_8();
        let nphi = 16;
        let mut out = 0.0;
        for conj in [false, true] {
            let sign = if conj { -1.0 } else { 1.0 };
            for code in 0..16usize {
                let idx = [code & 1, (code >> 1) & 1, (code >> 2) & 1, (code >> 3) & 1];
                let skip = (0..4).any(|k| !doublet(legs[k].p.f) && idx[k] == 1);
                if skip {
                    continue;
                }
                let m0 = amplitude(&legs, &idx, c, conj);
                let mut a1 = C::new(0.0, 0.0);
                for (gf, gd) in &states {
                    let nfl = |f: F| if f == F::L { 3 } else { 1 };
                    for k0 in 0..nfl(gf[0]) {
                        for k1 in 0..nfl(gf[1]) {
                            let g = [P { f: gf[0], dag: gd[0], fl: k0 }, P { f: gf[1], dag: gd[1], fl: k1 }];
                            // one unordered state per field pair: 1/2 for equal fields, the ordered flavour sum counting each pair twice
                            let identical = gf[0] == gf[1] && gd[0] == gd[1];
                            let mut sum = C::new(0.0, 0.0);
                            let mut any = false;
                            for (x, wx) in gl.iter().zip(&gw) {
                                let st = (1.0 - x * x).sqrt();
                                for m in 0..nphi {
                                    let ph = 2.0 * PI * (m as f64 + 0.5) / nphi as f64;
                                    let q1 = [e, e * st * ph.cos(), e * st * ph.sin(), e * x];
                                    let q2 = [e, -q1[1], -q1[2], -q1[3]];
                                    let l1 = [
                                        legs[0],
                                        legs[1],
                                        Leg { p: g[0], incoming: false, mom: q1 },
                                        Leg { p: g[1], incoming: false, mom: q2 },
                                    ];
                                    let l2 = [
                                        Leg { p: g[0], incoming: true, mom: q1 },
                                        Leg { p: g[1], incoming: true, mom: q2 },
                                        legs[2],
                                        legs[3],
                                    ];
                                    for gcode in 0..4usize {
                                        let gi = [gcode & 1, (gcode >> 1) & 1];
                                        if (0..2).any(|k| !doublet(g[k].f) && gi[k] == 1) {
                                            continue;
                                        }
                                        let i1 = [idx[0], idx[1], gi[0], gi[1]];
                                        let i2 = [gi[0], gi[1], idx[2], idx[3]];
                                        let v = amplitude(&l1, &i1, c, conj) * amplitude(&l2, &i2, c, conj);
                                        if v.norm() > 0.0 {
                                            any = true;
                                        }
                                        sum += v * (wx * 2.0 * PI / nphi as f64);
                                    }
                                }
                            }
                            if any {
                                let s_gamma = if identical { 0.5 } else { 1.0 };
                                a1 += sum * (0.5 * s_gamma / (32.0 * PI * PI));
                            }
                        }
                    }
                }
                out += sign * 2.0 * (m0.conj() * C::new(0.0, 1.0) * a1).re;
            }
        }
        out
    }

    fn gauss_legendre_8() -> (Vec<f64>, Vec<f64>) {
        let x = [
            -0.9602898564975363,
            -0.7966664774136267,
            -0.525532409916329,
            -0.1834346424956498,
            0.1834346424956498,
            0.525532409916329,
            0.7966664774136267,
            0.9602898564975363,
        ];
        let w = [
            0.1012285362903763,
            0.2223810344533745,
            0.3137066458778873,
            0.362683783378362,
            0.362683783378362,
            0.3137066458778873,
            0.2223810344533745,
            0.1012285362903763,
        ];
        (x.to_vec(), w.to_vec())
    }
}

/// Every asymmetric reaction: the symbolic cut construction against a
/// numerical evaluation of the same cut formula (spinors in num-complex,
/// intermediate solid angle by quadrature), general complex couplings, 1e-10.
#[test]
fn all_cuts_match_a_numerical_evaluation() {
    use numeric::{F, P};
    let setup = Setup::flavoured(2, 3);
    let mut r = rng(77);
    let l = |fl: usize, dag: bool| P { f: F::L, dag, fl };
    let h = |dag: bool| P { f: F::H, dag, fl: 0 };
    let chi = |dag: bool| P { f: F::Chi, dag, fl: 0 };
    let phi = |dag: bool| P { f: F::Phi, dag, fl: 0 };
    for trial in 0..2 {
        let c = Couplings::random(&mut r, 3, 2, false);
        let (i, j) = (trial % 3, 2 - trial % 3);
        let s = r.gen_range(0.5..3.0);
        let cth: f64 = r.gen_range(-0.9..0.9);
        let cases = [
            ("l H -> l^dag H^dag", [l(i, false), h(false)], [l(j, true), h(true)]),
            ("l H -> chi^dag phi^dag", [l(i, false), h(false)], [chi(true), phi(true)]),
            ("l H -> chi phi", [l(i, false), h(false)], [chi(false), phi(false)]),
            ("chi phi -> chi^dag phi^dag", [chi(false), phi(false)], [chi(true), phi(true)]),
        ];
        let vals = values(&c, s, cth);
        for (text, alpha, beta) in cases {
            let numeric = numeric::delta_m2(alpha, beta, s, cth, &c);
            let cut = cuts(&parse_process(text).unwrap()).unwrap();
            let ext: Vec<usize> = alpha.iter().chain(beta.iter()).filter(|p| p.f == F::L).map(|p| p.fl).collect();
            let mut symbolic = 0.0;
            for t in &cut.terms {
                for k in 0..3 {
                    let mut fl = ext.iter().map(|x| Flavour::Index(*x as i64 + 1)).collect::<Vec<_>>();
                    while fl.len() < 2 {
                        fl.push(Flavour::Index(1));
                    }
                    fl.push(Flavour::Index(k + 1));
                    let has_k = [t.tree, t.first, t.second].iter().any(|x| x.couplings.iter().any(|v| v.flavour == Some(2)));
                    if !has_k && k > 0 {
                        continue;
                    }
                    let val = |x: &cogenesis::derive::tree::CouplingSum| eval(&x.atom(&setup, &fl), &vals).unwrap();
                    let im = (val(&t.tree).conj() * val(&t.first) * val(&t.second)).im;
                    symbolic += eval(&t.kinematics, &vals).unwrap().re * im;
                }
            }
            assert!(
                (numeric - symbolic).abs() <= 1e-10 * numeric.abs().max(symbolic.abs()).max(1e-300),
                "{text} (trial {trial}): numerical {numeric:.15e}, symbolic {symbolic:.15e}"
            );
        }
    }
}

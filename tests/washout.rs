//! Wash-out matrices, Table 2 and the chemical potentials: snapshots, each
//! backed by an independent route (a direct numerical sum of Eqs. 85-86 over
//! the reactions with hand-coded charges; the chemistry closed form is in
//! tests/chemistry.rs).

#[macro_use]
mod support;

use cogenesis::cas::eval::{Values, eval};
use cogenesis::derive::washout::omega;
use cogenesis::render::tables::{self, Format};
use num_complex::Complex64;
use support::{derivations as dir, table2_reactions, washout_inputs};

/// Hand-coded Table 2: (symbol, initial, final, Delta(B-L), Delta L_x, self-conjugate),
/// particles as (sector visible?, species name, antiparticle?).
type P = (bool, &'static str, bool);
/// A Table 2 row: (symbol, initial, final, Delta(B-L), Delta L_x, self-conjugate).
type Row = (&'static str, [P; 2], [P; 2], f64, f64, bool);

const REACTIONS: [Row; 10] = [
    ("lH_lHbar", [(true, "l", false), (true, "H", false)], [(true, "l", true), (true, "H", true)], 2.0, 0.0, true),
    ("lH_chiphibar", [(true, "l", false), (true, "H", false)], [(false, "chi", true), (false, "phi", true)], 1.0, -1.0, false),
    ("lH_chiphi", [(true, "l", false), (true, "H", false)], [(false, "chi", false), (false, "phi", false)], 1.0, 1.0, false),
    ("chiphi_chiphibar", [(false, "chi", false), (false, "phi", false)], [(false, "chi", true), (false, "phi", true)], 0.0, -2.0, true),
    ("ll_HbarHbar", [(true, "l", false), (true, "l", false)], [(true, "H", true), (true, "H", true)], 2.0, 0.0, false),
    ("lchi_HbarPhibar", [(true, "l", false), (false, "chi", false)], [(true, "H", true), (false, "phi", true)], 1.0, -1.0, false),
    ("lchibar_HbarPhi", [(true, "l", false), (false, "chi", true)], [(true, "H", true), (false, "phi", false)], 1.0, 1.0, false),
    ("lphi_HbarChibar", [(true, "l", false), (false, "phi", false)], [(true, "H", true), (false, "chi", true)], 1.0, -1.0, false),
    ("lphibar_HbarChi", [(true, "l", false), (false, "phi", true)], [(true, "H", true), (false, "chi", false)], 1.0, 1.0, false),
    ("chichi_phibarphibar", [(false, "chi", false), (false, "chi", false)], [(false, "phi", true), (false, "phi", true)], 0.0, -2.0, false),
];

fn mu_coefficient(name: &str) -> f64 {
    match name {
        "l" => -7.0 / 79.0,
        "H" => -4.0 / 79.0,
        "chi" | "phi" => 0.5,
        _ => 0.0,
    }
}

/// omega^(1) by Eqs. (85)-(86) directly, T = 1, M1 = 1, n_g = 3, c_1 = 1/(2 pi^4).
fn direct_omega1(s1: &[f64; 10], xi: f64) -> [[f64; 2]; 2] {
    let c1 = 0.5 / std::f64::consts::PI.powi(4);
    let ng = 3.0f64;
    let mut w = [[0.0; 2]; 2];
    for (r, (_, ini, fin, dbl, dlx, sc)) in REACTIONS.iter().enumerate() {
        let leptons = ini.iter().chain(fin.iter()).filter(|p| p.1 == "l").count() as i32;
        // coefficient of n_R in (mu_1/T_1 + mu_2/T_2) (T_1 T_2)^3, R = 0 (B-L, visible) or 1 (L_x, dark)
        let side = |s: &[P; 2], rr: usize| -> f64 {
            let t = |p: &P| if p.0 { 1.0 } else { xi };
            let mut a = 0.0;
            for p in s {
                if (p.0 && rr == 0) || (!p.0 && rr == 1) {
                    let sign = if p.2 { -1.0 } else { 1.0 };
                    a += sign * mu_coefficient(p.1) * 6.0 / t(p).powi(3);
                }
            }
            a * (t(&s[0]) * t(&s[1])).powi(3)
        };
        for (qi, dq) in [*dbl, *dlx].iter().enumerate() {
            for (rr, entry) in w[qi].iter_mut().enumerate() {
                let a = if *sc { side(ini, rr) } else { side(ini, rr) - side(fin, rr) };
                *entry += -dq * s1[r] * c1 * a * ng.powi(leptons);
            }
        }
    }
    w
}

#[test]
fn omega1_matches_a_direct_sum_of_eqs_85_86() {
    let inputs = support::inputs();
    let (rs, mu) = washout_inputs(&inputs);
    let w = omega(&rs, &mu, 1);
    let mut seed = 12345u64;
    let mut rnd = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..20 {
        let s1: [f64; 10] = std::array::from_fn(|_| rnd());
        let xi = rnd();
        let mut v = Values::new();
        for (k, (sym, ..)) in REACTIONS.iter().enumerate() {
            v.set(&format!("S1_{sym}"), Complex64::new(s1[k], 0.0));
        }
        v.set("xi", Complex64::new(xi, 0.0)).set("n_g", Complex64::new(3.0, 0.0)).set("M(1)", Complex64::new(1.0, 0.0));
        let direct = direct_omega1(&s1, xi);
        for i in 0..2 {
            for j in 0..2 {
                let sym = eval(&w[i][j], &v).unwrap().re;
                assert!((sym - direct[i][j]).abs() <= 1e-12 * direct[i][j].abs().max(1e-3), "omega1[{i}][{j}]: {sym} vs {}", direct[i][j]);
            }
        }
    }
}

#[test]
fn snapshot_washout_matrices() {
    let inputs = support::inputs();
    let (rs, mu) = washout_inputs(&inputs);
    let w = [omega(&rs, &mu, 1), omega(&rs, &mu, 2)];
    let names: Vec<_> = rs.iter().map(|r| (r.symbol.clone(), r.process)).collect();
    snap!("washout_matrices", tables::washout_table(&w, &names, Format::Text));
}

#[test]
fn snapshot_table2_derived() {
    let inputs = support::inputs();
    let rs = table2_reactions(&inputs);
    // independent: the hand-coded charge changes above
    for (r, (sym, _, _, dbl, dlx, _)) in rs.iter().zip(REACTIONS.iter()) {
        assert_eq!(&r.symbol, sym);
        assert_eq!(cogenesis::derive::sources::delta_charge(&r.process, cogenesis::derive::sources::Charge::BMinusL) as f64, *dbl);
        assert_eq!(cogenesis::derive::sources::delta_charge(&r.process, cogenesis::derive::sources::Charge::Lx) as f64, *dlx);
    }
    snap!("table2_derived", tables::table2(&rs, Format::Text).unwrap());
}

#[test]
fn snapshot_chemical_potentials() {
    let mut systems = vec![];
    for f in ["dark_high", "dark_low", "visible"] {
        let s = cogenesis::transcript::chemistry::System::load(&dir().join("chemistry").join(format!("{f}.toml"))).unwrap();
        systems.push((f.to_string(), cogenesis::derive::chemistry::solve(&s).unwrap()));
    }
    snap!("chemical_potentials", tables::chemistry_table(&systems, Format::Text));
}

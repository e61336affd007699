//! Independent numerical route for the tests: the paper's formulas coded by hand
//! with num-complex, without Symbolica.
#![allow(dead_code)]

pub mod dirac;

use num_complex::Complex64 as C;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::f64::consts::PI;

/// Couplings y_ia (n_g x n_N), lambda_a, M_a.
#[derive(Clone, Debug)]
pub struct Couplings {
    pub y: Vec<Vec<C>>,
    pub lam: Vec<C>,
    pub m: Vec<f64>,
}

pub fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

fn rc(r: &mut ChaCha8Rng) -> C {
    C::new(r.gen_range(-1.0..1.0), r.gen_range(-1.0..1.0))
}

impl Couplings {
    /// Random general couplings.
    pub fn random(r: &mut ChaCha8Rng, n_g: usize, n_n: usize, universal: bool) -> Self {
        let row: Vec<C> = (0..n_n).map(|_| rc(r)).collect();
        let y = (0..n_g).map(|_| if universal { row.clone() } else { (0..n_n).map(|_| rc(r)).collect() }).collect();
        let lam = (0..n_n).map(|_| rc(r)).collect();
        let m = (0..n_n).map(|_| r.gen_range(0.5..3.0)).collect();
        Couplings { y, lam, m }
    }
    pub fn n_g(&self) -> usize {
        self.y.len()
    }
    pub fn a(&self, i: usize, j: usize) -> C {
        (0..self.m.len()).map(|a| self.y[i][a] * self.y[j][a] / self.m[a]).sum()
    }
    pub fn b(&self) -> C {
        (0..self.m.len()).map(|a| self.lam[a] * self.lam[a] / self.m[a]).sum()
    }
    pub fn c(&self, i: usize) -> C {
        (0..self.m.len()).map(|a| self.y[i][a] * self.lam[a] / self.m[a]).sum()
    }
    pub fn d(&self, i: usize) -> C {
        (0..self.m.len()).map(|a| self.y[i][a] * self.lam[a].conj() / (self.m[a] * self.m[a])).sum()
    }

    /// Values for `cogenesis::cas::eval::eval` of internal atoms (universal when `yu`).
    pub fn values(&self, universal: bool) -> cogenesis::cas::eval::Values {
        let mut v = cogenesis::cas::eval::Values::new();
        for a in 0..self.m.len() {
            if universal {
                v.set(&format!("yu({})", a + 1), self.y[0][a]);
            }
            for i in 0..self.n_g() {
                v.set(&format!("y({},{})", i + 1, a + 1), self.y[i][a]);
            }
            v.set(&format!("lam({})", a + 1), self.lam[a]);
            v.set(&format!("M({})", a + 1), C::new(self.m[a], 0.0));
        }
        v.set("n_g", C::new(self.n_g() as f64, 0.0));
        v
    }
}

/// int dPhi_2 (-t) / s for massless final states, by numerical quadrature over
/// cos theta of the angular measure 2 pi / (32 pi^2) (independent of the symbolic
/// integration).
pub fn phase_space_minus_t_over_s() -> f64 {
    let r = quadrature::double_exponential::integrate(|c| (1.0 - c) / 2.0, -1.0, 1.0, 1e-14);
    2.0 * PI / (32.0 * PI * PI) * r.integral
}

/// [D2] from the printed Eqs. (79)-(82): D2 = (1/(4 pi)) int dPhi_2(-t)/s^2 * Im[...].
pub fn d2_from_app_b(k: &Couplings, process: &str, i: usize, j: usize) -> f64 {
    let ps = phase_space_minus_t_over_s();
    let n = k.n_g();
    let x = match process {
        "lH->lHbar" => ((2.0 * k.a(i, j).conj() + k.a(i, j).conj()) * (k.c(i) * k.d(j) + k.d(i) * k.c(j))).im,
        "chiphi->chiphibar" => {
            ((k.b().conj() + k.b().conj()) * (0..n).map(|q| k.c(q) * k.d(q).conj() + k.d(q).conj() * k.c(q)).sum::<C>()).im
        }
        "lH->chiphibar" => {
            (k.c(i).conj()
                * ((0..n).map(|q| k.a(i, q) * k.d(q).conj()).sum::<C>()
                    + k.d(i) * k.b()
                    + 2.0 * (0..n).map(|q| k.a(i, q) * k.d(q).conj()).sum::<C>()
                    + k.d(i) * k.b()))
            .im
        }
        "lH->chiphi" => {
            (k.d(i).conj()
                * ((0..n).map(|q| k.a(i, q) * k.c(q).conj()).sum::<C>()
                    + k.c(i) * k.b().conj()
                    + 2.0 * (0..n).map(|q| k.a(i, q) * k.c(q).conj()).sum::<C>()
                    + k.c(i) * k.b().conj()))
            .im
        }
        other => panic!("unknown process {other}"),
    };
    x * ps / (4.0 * PI)
}

/// The printed Eqs. (17)-(20) coded by hand (universal couplings y_a = y[0][a]).
pub fn d2_printed(k: &Couplings, eq: u32, n_g: f64) -> f64 {
    let nn = k.m.len();
    let y = &k.y[0];
    let (l, m) = (&k.lam, &k.m);
    let mut s = C::new(0.0, 0.0);
    let mut t2 = C::new(0.0, 0.0);
    for a in 0..nn {
        for b in 0..nn {
            for c in 0..nn {
                match eq {
                    17 => {
                        s += y[a].conj().powi(2) * m[a] / (m[a] * m[a]) * y[b] * l[b] * m[b] / (m[b] * m[b]) * y[c] * l[c].conj()
                            / (m[c] * m[c])
                    }
                    18 => {
                        s += y[a].conj() * l[a].conj() * m[a] / (m[a] * m[a]) * y[b].conj() * l[b] / (m[b] * m[b]) * l[c].powi(2) * m[c]
                            / (m[c] * m[c]);
                        t2 += y[a].powi(2) * m[a] / (m[a] * m[a]) * y[b].conj() * l[b].conj() * m[b] / (m[b] * m[b]) * y[c].conj() * l[c]
                            / (m[c] * m[c]);
                    }
                    19 => {
                        s += y[a] * l[a] * m[a] / (m[a] * m[a]) * y[b] * l[b].conj() / (m[b] * m[b]) * l[c].conj().powi(2) * m[c]
                            / (m[c] * m[c]);
                        t2 += y[a].powi(2) * m[a] / (m[a] * m[a]) * y[b].conj() * l[b].conj() * m[b] / (m[b] * m[b]) * y[c].conj() * l[c]
                            / (m[c] * m[c]);
                    }
                    20 => {
                        s += y[a] * l[a] * m[a] / (m[a] * m[a]) * y[b].conj() * l[b] / (m[b] * m[b]) * l[c].conj().powi(2) * m[c]
                            / (m[c] * m[c])
                    }
                    _ => panic!("eq {eq}"),
                }
            }
        }
    }
    match eq {
        17 => 3.0 / (32.0 * PI * PI) * s.im,
        18 | 19 => 1.0 / (32.0 * PI * PI) * (s + 1.5 * n_g * t2).im,
        _ => n_g / (16.0 * PI * PI) * s.im,
    }
}

/// Relative closeness with an absolute floor set by the size of the inputs.
pub fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= cogenesis::prec::F64_REL * scale.max(a.abs()).max(b.abs())
}

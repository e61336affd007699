//! Four-component Dirac algebra in num-complex for the independent routes
//! (chiral basis, Peskin-Schroeder conventions): gamma matrices, chiral
//! projectors, the charge-conjugation matrix, massless spinors.

use num_complex::Complex64 as C;

pub type M4 = [[C; 4]; 4];
pub type V4 = [C; 4];

pub fn zero4() -> M4 {
    [[C::new(0.0, 0.0); 4]; 4]
}
pub fn mul(a: &M4, b: &M4) -> M4 {
    let mut o = zero4();
    for i in 0..4 {
        for j in 0..4 {
            for k in 0..4 {
                o[i][j] += a[i][k] * b[k][j];
            }
        }
    }
    o
}
pub fn apply(a: &M4, v: &V4) -> V4 {
    let mut o = [C::new(0.0, 0.0); 4];
    for i in 0..4 {
        for k in 0..4 {
            o[i] += a[i][k] * v[k];
        }
    }
    o
}
pub fn dot(a: &V4, b: &V4) -> C {
    (0..4).map(|i| a[i] * b[i]).sum()
}
/// Row vector times matrix.
pub fn row_apply(v: &V4, a: &M4) -> V4 {
    let mut o = [C::new(0.0, 0.0); 4];
    for j in 0..4 {
        for k in 0..4 {
            o[j] += v[k] * a[k][j];
        }
    }
    o
}

/// Pauli matrices sigma^mu = (1, sigma_vec), sigma-bar^mu = (1, -sigma_vec).
pub fn pauli(mu: usize) -> [[C; 2]; 2] {
    let (o, z, i) = (C::new(1.0, 0.0), C::new(0.0, 0.0), C::new(0.0, 1.0));
    match mu {
        0 => [[o, z], [z, o]],
        1 => [[z, o], [o, z]],
        2 => [[z, -i], [i, z]],
        _ => [[o, z], [z, -o]],
    }
}

/// Chiral-basis gamma^mu = [[0, sigma^mu], [sigma-bar^mu, 0]].
pub fn gamma(mu: usize) -> M4 {
    let s = pauli(mu);
    let sign = if mu == 0 { 1.0 } else { -1.0 };
    let mut g = zero4();
    for i in 0..2 {
        for j in 0..2 {
            g[i][j + 2] = s[i][j];
            g[i + 2][j] = s[i][j] * sign;
        }
    }
    g
}

pub fn projector(left: bool) -> M4 {
    let mut p = zero4();
    for i in 0..2 {
        let k = if left { i } else { i + 2 };
        p[k][k] = C::new(1.0, 0.0);
    }
    p
}

/// C = i gamma^2 gamma^0.
pub fn charge_conjugation() -> M4 {
    let g = mul(&gamma(2), &gamma(0));
    g.map(|r| r.map(|x| x * C::new(0.0, 1.0)))
}

pub fn slash(p: &[f64; 4]) -> M4 {
    let mut o = zero4();
    let metric = [1.0, -1.0, -1.0, -1.0];
    for mu in 0..4 {
        let g = gamma(mu);
        for i in 0..4 {
            for j in 0..4 {
                o[i][j] += g[i][j] * (metric[mu] * p[mu]);
            }
        }
    }
    o
}

/// sqrt(p.sigma) (or sqrt(p.sigma-bar)) of a light-like p: (p.sigma)/sqrt(2E).
pub fn sqrt_p_sigma(p: &[f64; 4], bar: bool) -> [[C; 2]; 2] {
    let mut m = [[C::new(0.0, 0.0); 2]; 2];
    for mu in 0..4 {
        let s = pauli(mu);
        let coef = if mu == 0 {
            p[0]
        } else if bar {
            p[mu]
        } else {
            -p[mu]
        };
        for i in 0..2 {
            for j in 0..2 {
                m[i][j] += s[i][j] * coef;
            }
        }
    }
    let n = (2.0 * p[0]).sqrt();
    m.map(|r| r.map(|x| x / n))
}

pub fn dirac_spinor(p: &[f64; 4], spin: usize, v: bool) -> V4 {
    let xi = if spin == 0 { [C::new(1.0, 0.0), C::new(0.0, 0.0)] } else { [C::new(0.0, 0.0), C::new(1.0, 0.0)] };
    let (a, b) = (sqrt_p_sigma(p, false), sqrt_p_sigma(p, true));
    let up = [a[0][0] * xi[0] + a[0][1] * xi[1], a[1][0] * xi[0] + a[1][1] * xi[1]];
    let lo = [b[0][0] * xi[0] + b[0][1] * xi[1], b[1][0] * xi[0] + b[1][1] * xi[1]];
    let s = if v { -1.0 } else { 1.0 };
    [up[0], up[1], lo[0] * s, lo[1] * s]
}

/// bar(w) = w^dagger gamma^0.
pub fn bar(w: &V4) -> V4 {
    let c: V4 = w.map(|x| x.conj());
    row_apply(&c, &gamma(0))
}

//! Small exact rationals (i128) and Gaussian elimination, for the chemical
//! equilibrium relations (exact linear algebra with tiny coefficients).

use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// An exact rational number n/d with d > 0 and gcd(n, d) = 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Q {
    pub n: i128,
    pub d: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Q {
    pub fn new(n: i128, d: i128) -> Q {
        assert!(d != 0, "zero denominator");
        let g = gcd(n, d);
        let s = if d < 0 { -1 } else { 1 };
        Q { n: s * n / g, d: s * d / g }
    }
    pub fn int(n: i128) -> Q {
        Q { n, d: 1 }
    }
    pub fn zero() -> Q {
        Q::int(0)
    }
    pub fn is_zero(&self) -> bool {
        self.n == 0
    }
    pub fn to_f64(self) -> f64 {
        self.n as f64 / self.d as f64
    }
    /// A Symbolica rational, if numerator and denominator fit in i128.
    pub fn from_rational(r: &symbolica::domains::rational::Rational) -> Option<Q> {
        let n = i128::try_from(r.numerator_ref().clone()).ok()?;
        let d = i128::try_from(r.denominator_ref().clone()).ok()?;
        Some(Q::new(n, d))
    }
    /// Parse `3`, `-1/2`, `2/3` (spaces allowed).
    pub fn parse(s: &str) -> Option<Q> {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        match t.split_once('/') {
            Some((a, b)) => {
                let d: i128 = b.parse().ok()?;
                let n: i128 = a.parse().ok()?;
                (d != 0).then(|| Q::new(n, d))
            }
            None => Some(Q::int(t.parse().ok()?)),
        }
    }
}

impl fmt::Display for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.d == 1 { write!(f, "{}", self.n) } else { write!(f, "{}/{}", self.n, self.d) }
    }
}

impl Add for Q {
    type Output = Q;
    fn add(self, o: Q) -> Q {
        Q::new(self.n * o.d + o.n * self.d, self.d * o.d)
    }
}
impl Sub for Q {
    type Output = Q;
    fn sub(self, o: Q) -> Q {
        self + (-o)
    }
}
impl Neg for Q {
    type Output = Q;
    fn neg(self) -> Q {
        Q { n: -self.n, d: self.d }
    }
}
impl Mul for Q {
    type Output = Q;
    fn mul(self, o: Q) -> Q {
        Q::new(self.n * o.n, self.d * o.d)
    }
}
impl Div for Q {
    type Output = Q;
    fn div(self, o: Q) -> Q {
        Q::new(self.n * o.d, self.d * o.n)
    }
}

/// Outcome of solving `A x = b`.
#[derive(Clone, Debug, PartialEq)]
pub enum Solution {
    Unique(Vec<Q>),
    /// The unknowns (by index) left undetermined.
    Underdetermined(Vec<usize>),
    Inconsistent,
}

/// Gaussian elimination with exact rationals on the augmented rows `[a | b]`.
pub fn solve(rows: &[Vec<Q>], n: usize) -> Solution {
    let mut m: Vec<Vec<Q>> = rows.to_vec();
    let mut pivots = vec![];
    let mut r = 0;
    for col in 0..n {
        let Some(p) = (r..m.len()).find(|&i| !m[i][col].is_zero()) else { continue };
        m.swap(r, p);
        let pv = m[r][col];
        for x in m[r].iter_mut() {
            *x = *x / pv;
        }
        for i in 0..m.len() {
            if i != r && !m[i][col].is_zero() {
                let f = m[i][col];
                let pivot_row = m[r].clone();
                for (x, v) in m[i].iter_mut().zip(&pivot_row).take(n + 1) {
                    *x = *x - f * *v;
                }
            }
        }
        pivots.push(col);
        r += 1;
    }
    if m[r..].iter().any(|row| !row[n].is_zero()) {
        return Solution::Inconsistent;
    }
    if pivots.len() < n {
        return Solution::Underdetermined((0..n).filter(|c| !pivots.contains(c)).collect());
    }
    let mut x = vec![Q::zero(); n];
    for (i, &c) in pivots.iter().enumerate() {
        x[c] = m[i][n];
    }
    Solution::Unique(x)
}

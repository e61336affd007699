//! The light-neutrino mass of Eq. (4) from the seesaw mass matrix, and the
//! largest |y_1| allowed by Eq. (5) at the benchmark ratios of Eq. (56).
//!
//! The heavy neutrinos are integrated out at tree level: with the symmetric mass
//! matrix `[[0, m_D], [m_D^T, M]]`, `m_D(i,a) = y_ia v / sqrt(2)`, the stationarity
//! condition of the quadratic form in N_a gives `N_a = -sum_i m_D(i,a) nu_i / M_a`,
//! and the remaining quadratic form in nu is the light mass matrix.

use crate::cas::algebra::{int, rat, var};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::{FlavourMode, Setup, mass, y};
use crate::cas::symbols::S;
use symbolica::atom::{Atom, AtomCore, Symbol};

/// The light 3x3 Majorana mass matrix from integrating out the heavy neutrinos.
pub fn light_mass_matrix(setup: &Setup) -> Vec<Vec<Atom>> {
    let n_g = match setup.flavours {
        FlavourMode::Explicit(n) => n,
        FlavourMode::Universal => 3,
    };
    let flav = |i: usize| match setup.flavours {
        FlavourMode::Explicit(_) => Flavour::Index(i as i64),
        FlavourMode::Universal => Flavour::Universal,
    };
    let nu: Vec<Symbol> = (1..=n_g).map(|i| symbolica::symbol!(&format!("nu{i}"))).collect();
    let heavy: Vec<Symbol> = (1..=setup.n_heavy).map(|a| symbolica::symbol!(&format!("Nfield{a}"))).collect();
    let md = |i: usize, a: usize| y(flav(i), a as i64) * var(S.v) * int(2).pow(rat(-1, 2));
    // quadratic form 1/2 phi^T Mass phi
    let mut q = int(0);
    for (a, n) in heavy.iter().enumerate() {
        for (i, v) in nu.iter().enumerate() {
            q += md(i + 1, a + 1) * var(*v) * var(*n);
        }
        q += rat(1, 2) * mass(a as i64 + 1) * var(*n).pow(int(2));
    }
    // stationarity in each N_a: dq/dN_a = 0 is linear, N_a = -(sum_i m_D nu_i)/M_a
    let mut reduced = q.clone();
    for (a, n) in heavy.iter().enumerate() {
        let dq = q.derivative(*n).expand();
        let rest = crate::cas::algebra::subs(&dq, &var(*n), &int(0)).expand();
        let solution = (int(-1) * rest / mass(a as i64 + 1)).expand();
        reduced = crate::cas::algebra::subs(&reduced, &var(*n), &solution);
    }
    let reduced = reduced.expand();
    (0..n_g).map(|i| (0..n_g).map(|j| reduced.derivative(nu[i]).derivative(nu[j]).expand()).collect()).collect()
}

/// Eigen-analysis for universal couplings: the light matrix must be
/// `m0 * J` (J the all-ones matrix): returns the eigenvalue on (1,1,1)/sqrt(3)
/// and whether (1,-1,0), (1,1,-2) are null vectors.
pub fn universal_spectrum(setup: &Setup) -> (Atom, bool) {
    let m = light_mass_matrix(&Setup { flavours: FlavourMode::Universal, ..*setup });
    let apply =
        |v: [i64; 3]| -> Vec<Atom> { (0..3).map(|i| (0..3).fold(int(0), |acc, j| acc + m[i][j].clone() * int(v[j])).expand()).collect() };
    let ones = apply([1, 1, 1]);
    let eigen = ones[0].clone();
    let is_eigen = ones.iter().all(|x| crate::cas::algebra::same(x, &eigen));
    let null = [[1, -1, 0], [1, 1, -2]].iter().all(|v| apply(*v).iter().all(crate::cas::algebra::is_zero));
    (eigen, is_eigen && null)
}

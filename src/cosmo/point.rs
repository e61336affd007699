//! A numerical parameter point of the model (Secs. 3-4) in plain Rust: no
//! Symbolica, so points can be evaluated on worker threads in parallel.
//!
//! The formulas are the derived ones (checked against the symbolic derivations
//! in `tests/point.rs`): \[D2\] of Eqs. (17) and (20) as derived, \[S1\], \[S2\] of
//! Table 3 as derived from the tree amplitudes ([`crate::derive::kernels`],
//! evaluated here as plain coupling sums), the wash-out
//! matrices of Eq. (49) by the direct sum of Eqs. (85)-(86) over the Table 2
//! reactions as transcribed, with chemical potentials from the chemistry solver
//! (both read into [`Chem`](crate::cosmo::point::Chem) before any worker thread starts), and the energy
//! transfer of Eq. (31) with the coefficients of Eq. (77).

use crate::cosmo::constants::{N_G, NU_MASS_BOUND_EV, V_HIGGS};
use crate::cosmo::error::CosmoError;
use crate::derive::chemistry::Equilibrium;
use crate::derive::error::DeriveError;
use crate::derive::kernels::{SymmetricKernel, table3};
use crate::derive::sources::{Charge, delta_charge};
use crate::derive::washout::Potentials;
use crate::transcript::inputs::{Inputs, Reaction};
use crate::transcript::particles::{Field, Particle};
use num_complex::Complex64 as C;
use std::f64::consts::PI;
use thiserror::Error;

/// Invalid parameters.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ParamError {
    #[error("{0} must be positive and finite, got {1}")]
    NotPositive(&'static str, f64),
    #[error("M_2 = {0} GeV must exceed M_1 = {1} GeV")]
    MassOrder(f64, f64),
    #[error(
        "|y1| = {y1:.4e} violates the neutrino-mass bound of Eq. (5): Delta m_nu = {dm_ev:.4} eV > {bound} eV (largest allowed |y1| = {max:.4e})"
    )]
    NeutrinoMass { y1: f64, dm_ev: f64, bound: f64, max: f64 },
    #[error("x_RH = M1/T_RH = {0} is below 25: the heavy-neutrino population is not negligible (Sec. 3.2)")]
    XRh(f64),
}

/// What the numerical evolution takes from the inputs and the derivations,
/// prepared once before any worker thread starts: the chemical-potential
/// coefficients (mu_X / mu_Q) of the chemistry solver (Eqs. 41-43),
/// mu_B/mu_{B-L} that converts Y_{B-L} into Y_B (Eq. 42), the reactions of
/// Table 2 as transcribed, and their \[S1\], \[S2\] derived from the Feynman rules
/// (in the order of [`Point::s`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Chem {
    pub l: f64,
    pub h: f64,
    pub chi: f64,
    pub phi: f64,
    /// Y_B / Y_{B-L} = mu_B / mu_{B-L} of the visible system (28/79).
    pub b_over_bl: f64,
    /// The ten reactions of Table 2.
    pub reactions: [ReactionRow; 10],
    /// \[S1\], \[S2\] of each reaction (Table 3 as derived), same order.
    pub kernels: Vec<SymmetricKernel>,
    /// The reading of the paper's formulas the numerics use: the derivation
    /// (default), or a printed form in place of a derived one (issue 16).
    #[serde(default)]
    pub alternative: Alternative,
}

/// A printed form of the paper in place of the derived one, for the numerical
/// evolution: how much a finding changes the results. [`Alternative::default`]
/// is the derivation (every factor 1).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Alternative {
    /// Factors on sigma_{B-L}, sigma_{L_x} (Eqs. 57-58 as printed against Eqs. 47-48 with the derived \[D2\]).
    pub sigma_factor: [f64; 2],
    /// Factor on the \[S2\] term of C_E (Eq. 31 prints 192/pi^4 where Eq. 77 gives 96/pi^4).
    pub energy_s2_factor: f64,
    /// Whether C_E sums \[S\]^{lH} over the n_g lepton flavours (Eq. 31 does not say).
    pub energy_flavour_sum: bool,
    /// Factors on \[S1\], \[S2\] of each Table 2 reaction (a printed Table 3 row, or a
    /// printed wash-out weight of Eqs. 50-53 in place of Eqs. 85-86).
    pub s_factor: [[f64; 10]; 2],
    /// The L_x equation takes omega^(2)_{B-L,L_x} where omega^(2)_{L_x,L_x} belongs (Eq. 55 as printed).
    pub omega2_lx_swap: bool,
    /// Quantum-statistics factors on the source, wash-out and energy transfer
    /// (issue 15); `None` is the paper's Maxwell-Boltzmann statistics.
    #[serde(default)]
    pub quantum: Option<crate::cosmo::statistics::QuantumFactors>,
}

impl Default for Alternative {
    fn default() -> Self {
        Alternative {
            sigma_factor: [1.0; 2],
            energy_s2_factor: 1.0,
            energy_flavour_sum: true,
            s_factor: [[1.0; 10]; 2],
            omega2_lx_swap: false,
            quantum: None,
        }
    }
}

impl Chem {
    /// From the solved systems of `derivations/chemistry/` (visible and dark_high),
    /// the Table 2 reactions and their derived kernels (same order).
    pub fn from_equilibria(
        visible: &Equilibrium,
        dark: &Equilibrium,
        reactions: &[Reaction],
        kernels: Vec<SymmetricKernel>,
    ) -> Result<Chem, CosmoError> {
        if kernels.len() != reactions.len() || kernels.iter().zip(reactions).any(|(k, r)| k.process != r.process) {
            return Err(DeriveError::structure("Table 3", "the derived kernels do not match the Table 2 reactions").into());
        }
        let mu = |e: &Equilibrium, n: &str| {
            e.mu(n).map(|q| q.to_f64()).ok_or_else(|| DeriveError::structure("chemistry", format!("the systems lack {n}")))
        };
        Ok(Chem {
            l: mu(visible, "l1")?,
            h: mu(visible, "H")?,
            chi: mu(dark, "chi")?,
            phi: mu(dark, "phi")?,
            b_over_bl: mu(visible, "B")?,
            reactions: table2_rows(reactions)?,
            kernels,
            alternative: Alternative::default(),
        })
    }

    /// Solve the visible and dark chemistry systems of the inputs, read their
    /// Table 2 and derive its \[S1\], \[S2\] (Symbolica: call before starting workers).
    pub fn from_inputs(inputs: &Inputs) -> Result<Chem, CosmoError> {
        let mu = Potentials::from_inputs(inputs)?;
        let reactions = inputs.table2_reactions()?;
        let processes: Vec<_> = reactions.iter().map(|r| r.process).collect();
        let kernels = table3(&processes)?;
        Chem::from_equilibria(&mu.visible, &mu.dark, reactions, kernels)
    }
}

/// The couplings of a point (two heavy neutrinos, y_ia = y_a).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub m: [f64; 2],
    pub y: [C; 2],
    pub lam: [C; 2],
}

/// Largest |y1| allowed by Eq. (5) at the ratios of Eq. (56): Eq. (4) gives
/// `Delta m = (3/2) v^2 |y1|^2 |e^{2 i alpha} + 4/3| / M1`.
pub fn max_y1(m1: f64, alpha: f64) -> f64 {
    let g = (C::from_polar(1.0, 2.0 * alpha) + 4.0 / 3.0).norm();
    (NU_MASS_BOUND_EV * 1e-9 * m1 / (1.5 * V_HIGGS * V_HIGGS * g)).sqrt()
}

impl Point {
    /// The benchmark parametrisation of Eq. (56); `y1 = None` takes the largest
    /// |y1| allowed by the neutrino-mass bound.
    pub fn benchmark(m1: f64, lambda1: f64, alpha: f64, beta: f64, y1: Option<f64>) -> Result<Point, ParamError> {
        for (n, v) in [("M1", m1), ("|lambda1|", lambda1)] {
            if !(v.is_finite() && v > 0.0) {
                return Err(ParamError::NotPositive(n, v));
            }
        }
        let y1v = y1.unwrap_or_else(|| max_y1(m1, alpha));
        let p = Point {
            m: [m1, 3.0 * m1],
            y: [C::from_polar(y1v, alpha), C::new(2.0 * y1v, 0.0)],
            lam: [C::from_polar(lambda1, beta), C::new(lambda1, 0.0)],
        };
        p.check_neutrino_mass()?;
        Ok(p)
    }

    /// Eq. (4) in GeV.
    pub fn delta_m_nu(&self) -> f64 {
        1.5 * V_HIGGS * V_HIGGS * (0..2).map(|a| self.y[a] * self.y[a] / self.m[a]).sum::<C>().norm()
    }

    /// Reject couplings that violate Eq. (5) (with a relative slack of 1e-9 for
    /// the saturating choice).
    pub fn check_neutrino_mass(&self) -> Result<(), ParamError> {
        let dm = self.delta_m_nu() * 1e9;
        if dm > NU_MASS_BOUND_EV * (1.0 + 1e-9) {
            let scale = (NU_MASS_BOUND_EV / dm).sqrt();
            return Err(ParamError::NeutrinoMass {
                y1: self.y[0].norm(),
                dm_ev: dm,
                bound: NU_MASS_BOUND_EV,
                max: self.y[0].norm() * scale,
            });
        }
        if self.m[1] <= self.m[0] {
            return Err(ParamError::MassOrder(self.m[1], self.m[0]));
        }
        Ok(())
    }

    fn sum(&self, f: impl Fn(usize) -> C) -> C {
        (0..2).map(f).sum()
    }
    /// A = sum y_a^2/M_a, B = sum lambda_a^2/M_a, C = sum y_a lambda_a/M_a, D = sum y_a conj(lambda_a)/M_a^2 (Eq. 78).
    pub fn a(&self) -> C {
        self.sum(|a| self.y[a] * self.y[a] / self.m[a])
    }
    pub fn b(&self) -> C {
        self.sum(|a| self.lam[a] * self.lam[a] / self.m[a])
    }
    pub fn c(&self) -> C {
        self.sum(|a| self.y[a] * self.lam[a] / self.m[a])
    }
    pub fn d(&self) -> C {
        self.sum(|a| self.y[a] * self.lam[a].conj() / (self.m[a] * self.m[a]))
    }

    /// \[D2\] of l H -> l^dag H^dag as derived from the one-loop cuts (Eq. 17 with
    /// the opposite overall sign: finding eq79-eq82).
    pub fn d2_ll(&self) -> f64 {
        -3.0 / (32.0 * PI * PI) * (self.a().conj() * self.c() * self.d()).im
    }
    /// \[D2\] of chi phi -> chi^dag phi^dag as derived (Eq. 20 with the opposite overall sign).
    pub fn d2_chichi(&self) -> f64 {
        -N_G / (16.0 * PI * PI) * (self.b().conj() * self.c() * self.d().conj()).im
    }
    /// sigma_{B-L} and sigma_{L_x} without the (1 - xi^8) (Eqs. 47-48 with c_2 = 12/pi^4).
    pub fn sigma(&self) -> [f64; 2] {
        let m4 = self.m[0].powi(4);
        [12.0 * N_G * N_G / PI.powi(4) * self.d2_ll() * m4, 12.0 / PI.powi(4) * self.d2_chichi() * m4]
    }

    /// \[S_k\] (k = 1, 2) of each Table 2 reaction: the derived kernels of `chem`
    /// evaluated at this point's couplings.
    pub fn s(&self, k: u32, chem: &Chem) -> [f64; 10] {
        let mut out = [0.0; 10];
        let factors = &chem.alternative.s_factor[(k as usize).clamp(1, 2) - 1];
        for ((o, kernel), f) in out.iter_mut().zip(&chem.kernels).zip(factors) {
            *o = f * kernel.value(k, &self.y, &self.lam, &self.m);
        }
        out
    }

    /// The wash-out matrix omega^(k)(xi) of Eq. (49) (rows and columns B-L, L_x).
    pub fn omega(&self, k: u32, xi: f64, chem: &Chem) -> [[f64; 2]; 2] {
        omega_from_s(&self.s(k, chem), k, xi, self.m[0], chem)
    }

    /// The energy-transfer collision term C_E at this point ([`energy_transfer`]).
    pub fn energy_transfer(&self, t: f64, tx: f64, chem: &Chem) -> f64 {
        energy_transfer_with(&self.s(1, chem), &self.s(2, chem), t, tx, &chem.alternative)
    }
}

/// The energy-transfer collision term C_E (Eq. 31 with the coefficients of
/// Eq. 77: 3/pi^4 and 96/pi^4) from the \[S_k\] of the Table 2 reactions, \[S\]^{lH}
/// summed over the n_g lepton flavours (rows 2 and 3: l H -> chi^dag phi^dag and
/// l H -> chi phi).
pub fn energy_transfer(s1: &[f64; 10], s2: &[f64; 10], t: f64, tx: f64) -> f64 {
    energy_transfer_with(s1, s2, t, tx, &Alternative::default())
}

/// [`energy_transfer`] under an alternative reading (the \[S2\] coefficient, the flavour sum).
pub fn energy_transfer_with(s1: &[f64; 10], s2: &[f64; 10], t: f64, tx: f64, alt: &Alternative) -> f64 {
    let q = alt.quantum.map_or([1.0; 2], |q| q.energy);
    let e1 = 3.0 / PI.powi(4) * q[0];
    let e2 = 96.0 / PI.powi(4) * alt.energy_s2_factor * q[1];
    let flavours = if alt.energy_flavour_sum { N_G } else { 1.0 };
    flavours * (e1 * s1[1] * (t.powi(7) - tx.powi(7)) + e2 * (s2[1] + s2[2]) * (t.powi(9) - tx.powi(9)))
}

/// A particle of a Table 2 reaction: (visible sector?, species, antiparticle?).
type P = (bool, Species, bool);

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
enum Species {
    L,
    H,
    Chi,
    Phi,
}

/// A Table 2 reaction in plain numbers: initial and final particles, Delta(B-L),
/// Delta L_x, and whether the final state is the CP conjugate of the initial one.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReactionRow {
    initial: [P; 2],
    fin: [P; 2],
    delta_bl: f64,
    delta_lx: f64,
    self_conjugate: bool,
}

impl ReactionRow {
    /// The spin statistics of the reaction: leptons and chi are fermions, H and phi bosons.
    pub fn statistics(&self) -> crate::numerics::quantum::Assignment {
        use crate::numerics::quantum::Statistics;
        let st = |p: &P| match p.1 {
            Species::L | Species::Chi => Statistics::Fermion,
            Species::H | Species::Phi => Statistics::Boson,
        };
        crate::numerics::quantum::Assignment {
            initial: [st(&self.initial[0]), st(&self.initial[1])],
            fin: [st(&self.fin[0]), st(&self.fin[1])],
        }
    }
}

/// The ten Table 2 reactions as [`ReactionRow`]s, from the transcribed reactions
/// (the charge changes from Table 1, as in [`crate::derive::sources::delta_charge`]).
pub fn table2_rows(reactions: &[Reaction]) -> Result<[ReactionRow; 10], DeriveError> {
    let particle = |x: &Particle| -> Result<P, DeriveError> {
        let species = match x.field {
            Field::Lepton => Species::L,
            Field::Higgs => Species::H,
            Field::Chi => Species::Chi,
            Field::Phi => Species::Phi,
            _ => return Err(DeriveError::structure("Table 2", format!("the numerical evolution has no {x} in its reactions"))),
        };
        Ok((matches!(species, Species::L | Species::H), species, x.dagger))
    };
    let rows = reactions
        .iter()
        .map(|r| {
            let p = &r.process;
            Ok(ReactionRow {
                initial: [particle(&p.initial[0])?, particle(&p.initial[1])?],
                fin: [particle(&p.fin[0])?, particle(&p.fin[1])?],
                delta_bl: delta_charge(p, Charge::BMinusL) as f64,
                delta_lx: delta_charge(p, Charge::Lx) as f64,
                self_conjugate: p.fin == p.cp().initial || p.fin == [p.initial[1].bar(), p.initial[0].bar()],
            })
        })
        .collect::<Result<Vec<_>, DeriveError>>()?;
    let n = rows.len();
    rows.try_into().map_err(|_| DeriveError::structure("Table 2", format!("{n} reactions, the numerical evolution has [S_k] for 10")))
}

/// c_1 = 1/(2 pi^4), c_2 = 12/pi^4 of Eqs. (85)-(86).
fn washout_constant(k: u32) -> f64 {
    if k == 1 { 0.5 / PI.powi(4) } else { 12.0 / PI.powi(4) }
}

impl Chem {
    /// a_i of mu_i/T_i = a_i 6 n_R/T_R^3 for a species (Eqs. 41, 43).
    fn potential_coefficient(&self, sp: Species) -> f64 {
        match sp {
            Species::L => self.l,
            Species::H => self.h,
            Species::Chi => self.chi,
            Species::Phi => self.phi,
        }
    }
}

/// One side of a reaction in [`OmegaTerms`]: the terms (coefficient x 6 x sign,
/// power of xi) of its particles in one sector, in the order of the reaction.
type SideTerms = [Option<(f64, i32)>; 2];

/// One reaction's part of [`OmegaTerms`].
#[derive(Clone, Copy, Debug)]
struct OmegaRow {
    /// The quantum/MB factor of the reaction (1 in the MB evolution).
    qf: f64,
    /// n_g to the number of leptons in the reaction.
    ng: f64,
    /// Delta(B-L), Delta L_x.
    dq: [f64; 2],
    self_conjugate: bool,
    /// Per sector (visible, dark): the initial and the final side.
    ini: [SideTerms; 2],
    fin: [SideTerms; 2],
}

/// The terms of [`omega_from_s`] laid out once per chemistry: per reaction, its
/// factors and the (coefficient, power of xi) of each chemical potential, from
/// which [`OmegaTerms::polynomial`] gives omega^(k) of a point as polynomials in
/// xi (the evolution collects them into an [`OmegaPoly`]).
#[derive(Clone, Debug)]
pub struct OmegaTerms {
    k: u32,
    ck: f64,
    rows: Vec<OmegaRow>,
}

impl OmegaTerms {
    /// Lay out omega^(k) (k = 1, 2) of a chemistry.
    pub fn new(k: u32, chem: &Chem) -> OmegaTerms {
        let ck = washout_constant(k);
        let coef = |sp: Species| chem.potential_coefficient(sp);
        let side = |st: &[P; 2], r: usize| -> SideTerms {
            let dark = st.iter().filter(|p| !p.0).count() as i32;
            let mut out = [None; 2];
            for (slot, p) in out.iter_mut().zip(st) {
                if (p.0 && r == 0) || (!p.0 && r == 1) {
                    let sign = if p.2 { -1.0 } else { 1.0 };
                    let power = (k as i32 + 2) * dark - if p.0 { 0 } else { 3 };
                    *slot = Some((sign * coef(p.1) * 6.0, power));
                }
            }
            out
        };
        let quantum = chem.alternative.quantum.map(|q| q.washout[(k as usize).clamp(1, 2) - 1]);
        let mut rows = vec![];
        for (r, row) in chem.reactions.iter().enumerate() {
            let leptons = row.initial.iter().chain(row.fin.iter()).filter(|p| p.1 == Species::L).count() as i32;
            rows.push(OmegaRow {
                qf: quantum.map_or(1.0, |f| f[r]),
                ng: N_G.powi(leptons),
                dq: [row.delta_bl, row.delta_lx],
                self_conjugate: row.self_conjugate,
                ini: [side(&row.initial, 0), side(&row.initial, 1)],
                fin: [side(&row.fin, 0), side(&row.fin, 1)],
            });
        }
        OmegaTerms { k, ck, rows }
    }

    /// omega^(k) at the \[S_k\] `s` of a point and M1 as polynomials in xi: for
    /// each entry, (power, coefficient) summed by power (for exports and
    /// independent re-implementations; equal to [`omega_from_s`] up to rounding).
    pub fn polynomial(&self, s: &[f64; 10], m1: f64) -> [[Vec<(i32, f64)>; 2]; 2] {
        let norm = m1.powi(2 * self.k as i32);
        let mut w: [[std::collections::BTreeMap<i32, f64>; 2]; 2] = Default::default();
        for (r, row) in self.rows.iter().enumerate() {
            for (q, dq) in row.dq.iter().enumerate() {
                let f = -dq * s[r] * row.qf * self.ck * row.ng * norm;
                for (rr, entry) in w[q].iter_mut().enumerate() {
                    for (c6, p) in row.ini[rr].iter().flatten() {
                        *entry.entry(*p).or_default() += f * c6;
                    }
                    if !row.self_conjugate {
                        for (c6, p) in row.fin[rr].iter().flatten() {
                            *entry.entry(*p).or_default() -= f * c6;
                        }
                    }
                }
            }
        }
        w.map(|row| row.map(|m| m.into_iter().collect()))
    }
}

/// omega^(k) of one point as polynomials in xi (Eqs. 85-86 at the `[S_k]` of the
/// point and M1), collected once per evolution from [`OmegaTerms::polynomial`]:
/// the right-hand side then evaluates a handful of powers of xi instead of the
/// ten reactions. Equal to [`omega_from_s`] up to rounding, relative to the size
/// of the terms that cancel (tested, `tests/evolution.rs`).
#[derive(Clone, Copy, Debug)]
pub struct OmegaPoly {
    /// How many powers occur, the powers, and per entry (q, r) their coefficients.
    n: usize,
    powers: [i32; 16],
    coef: [[[f64; 16]; 2]; 2],
}

impl OmegaPoly {
    /// Collect omega^(k) of `terms` at the \[S_k\] `s` and M1.
    pub fn new(terms: &OmegaTerms, s: &[f64; 10], m1: f64) -> OmegaPoly {
        let poly = terms.polynomial(s, m1);
        let mut out = OmegaPoly { n: 0, powers: [0; 16], coef: [[[0.0; 16]; 2]; 2] };
        for (q, row) in poly.iter().enumerate() {
            for (r, entry) in row.iter().enumerate() {
                for &(p, c) in entry {
                    let i = match out.powers[..out.n].iter().position(|x| *x == p) {
                        Some(i) => i,
                        None => {
                            out.powers[out.n] = p;
                            out.n += 1;
                            out.n - 1
                        }
                    };
                    out.coef[q][r][i] += c;
                }
            }
        }
        out
    }

    /// omega^(k) at xi.
    pub fn eval(&self, xi: f64) -> [[f64; 2]; 2] {
        let mut pw = [0.0f64; 16];
        for (v, p) in pw.iter_mut().zip(&self.powers[..self.n]) {
            *v = xi.powi(*p);
        }
        self.coef.map(|row| row.map(|c| c[..self.n].iter().zip(&pw).map(|(c, x)| c * x).sum()))
    }
}

/// omega^(k) from the \[S_k\] of the ten reactions: the sum of Eqs. (85)-(86) with
/// T = 1, T_x = xi, mu_i/T_i = a_i 6 n_R/T_R^3 and c_1 = 1/(2 pi^4), c_2 = 12/pi^4.
///
/// The reference form, one term at a time; the evolution's [`OmegaPoly`] gives
/// the same up to rounding (tested).
pub fn omega_from_s(s: &[f64; 10], k: u32, xi: f64, m1: f64, chem: &Chem) -> [[f64; 2]; 2] {
    let ck = washout_constant(k);
    let coef = |sp: Species| chem.potential_coefficient(sp);
    // (mu_i/T_i) (T_1 T_2)^(k+2) with T = 1, T_x = xi: the power of xi is
    // (k+2) x (number of dark particles in the state) - 3 for a dark particle i (never negative)
    let side = |st: &[P; 2], r: usize| -> f64 {
        let dark = st.iter().filter(|p| !p.0).count() as i32;
        let mut a = 0.0;
        for p in st {
            if (p.0 && r == 0) || (!p.0 && r == 1) {
                let sign = if p.2 { -1.0 } else { 1.0 };
                let power = (k as i32 + 2) * dark - if p.0 { 0 } else { 3 };
                a += sign * coef(p.1) * 6.0 * xi.powi(power);
            }
        }
        a
    };
    let quantum = chem.alternative.quantum.map(|q| q.washout[(k as usize).clamp(1, 2) - 1]);
    let mut w = [[0.0; 2]; 2];
    for (r, row) in chem.reactions.iter().enumerate() {
        let qf = quantum.map_or(1.0, |f| f[r]);
        let (ini, fin, dbl, dlx, sc) = (&row.initial, &row.fin, &row.delta_bl, &row.delta_lx, &row.self_conjugate);
        if s[r] == 0.0 {
            continue;
        }
        let leptons = ini.iter().chain(fin.iter()).filter(|p| p.1 == Species::L).count() as i32;
        for (q, dq) in [*dbl, *dlx].iter().enumerate() {
            for (rr, entry) in w[q].iter_mut().enumerate() {
                let a = if *sc { side(ini, rr) } else { side(ini, rr) - side(fin, rr) };
                *entry += -dq * s[r] * qf * ck * a * N_G.powi(leptons);
            }
        }
    }
    let norm = m1.powi(2 * k as i32);
    w.map(|row| row.map(|x| x * norm))
}

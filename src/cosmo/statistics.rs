//! Quantum-statistics corrections to the evolution (issue 15): the factors
//! quantum/MB of [`crate::numerics::quantum`] applied to the source, the
//! wash-out and the energy transfer of Secs. 3-4.
//!
//! Every rate of the paper is an MB collision term (Eqs. 12, 75, 77). With
//! Fermi-Dirac and Bose-Einstein statistics each term is multiplied by the
//! ratio of its quantum and MB integrals for its kernel power and the spin
//! statistics of its reaction:
//!
//! - the **wash-out** of each Table 2 reaction (Eq. 49, k = 1 and 2): the
//!   number ratio of its reaction (linearised in the chemical potentials, the
//!   quantum collision term is `int W f1 f2 (1 -+ f3)(1 -+ f4) (sum mu_in - sum mu_out)/T`
//!   with the equilibrium product, whose MB limit is the `f1 f2` of Eq. 85);
//! - the **sources** sigma_{B-L}, sigma_{L_x} (k = 2): the number ratio of
//!   `F B -> F B` (every reaction of the sum of Eq. 47-48 has a lepton or a chi
//!   and a Higgs or a phi on both sides);
//! - the **energy transfer** C_E (Eq. 31, k = 1 and 2): the energy ratio of
//!   `F B -> F B` (l H <-> chi phi).
//!
//! The ratios are taken at one temperature (massless particles: then they do
//! not depend on it). With the final pair colder (T_x < T) the final-state
//! factors are weaker, so the true correction lies between the
//! [`Treatment::InitialState`](crate::cosmo::statistics::Treatment::InitialState) and the [`Treatment::FinalState`](crate::cosmo::statistics::Treatment::FinalState) factors
//! (see `cogenesis derive statistics` for T_f = T/2); both are available.

use crate::cosmo::point::Chem;
use crate::numerics::collision::working_bits;
use crate::numerics::quantum::{Assignment, QuantumError, Statistics, classical, two_dimensional_shared};
use rug::Float;

/// Which quantum effects the factors include.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Treatment {
    /// Fermi-Dirac / Bose-Einstein distributions of the initial particles only.
    InitialState,
    /// Also Pauli blocking and Bose enhancement of the final particles.
    FinalState,
}

/// Factors quantum/MB on the rates of the evolution (every factor 1 is MB).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuantumFactors {
    pub treatment: Treatment,
    /// On the wash-out of each Table 2 reaction: `[k - 1][reaction]`.
    pub washout: [[f64; 10]; 2],
    /// On sigma_{B-L} and sigma_{L_x} (k = 2).
    pub source: f64,
    /// On the k = 1 and k = 2 terms of C_E.
    pub energy: [f64; 2],
}

/// Digits of the factors: above the evolution's relative tolerance (1e-8), and the
/// audit's quantum/MB table uses the same, so that the two share each integral
/// (the quadrature stops at the first level that reaches DIGITS + 1, about 11 digits;
/// 12 would take a level more, twice the MPFR work, for nothing the reports show).
pub const DIGITS: u32 = 9;

/// The number and energy ratios quantum/MB of one reaction class at one temperature.
///
/// A pure function of (a, k) (one temperature, [`DIGITS`]); its integrals are
/// computed once per process (`numerics::quantum::two_dimensional_shared`): the
/// audit asks for them from the quantum-statistics claims, the impact of the MB
/// approximation and the conventions.
fn ratios(a: Assignment, k: u32, treatment: Treatment) -> Result<(f64, f64), QuantumError> {
    let t = two_dimensional_shared(a, k, 1.0, 1.0, DIGITS)?;
    let (mn, me) = classical(k, 1.0, 1.0, working_bits(DIGITS + 10));
    let r = |x: &Float, m: &Float| Float::with_val(x.prec(), x / m).to_f64();
    Ok(match treatment {
        Treatment::InitialState => (r(&t.number_initial.value, &mn), r(&t.energy_initial.value, &me)),
        Treatment::FinalState => (r(&t.number.value, &mn), r(&t.energy.value, &me)),
    })
}

impl QuantumFactors {
    /// The factors for the Table 2 reactions of `chem` (MPFR quadrature, no Symbolica).
    ///
    /// # Errors
    /// A quadrature that does not converge.
    pub fn new(chem: &Chem, treatment: Treatment) -> Result<QuantumFactors, QuantumError> {
        let fb = Assignment { initial: [Statistics::Fermion, Statistics::Boson], fin: [Statistics::Fermion, Statistics::Boson] };
        let mut cache: Vec<((Assignment, u32), (f64, f64))> = vec![];
        let mut get = |a: Assignment, k: u32| -> Result<(f64, f64), QuantumError> {
            if let Some((_, v)) = cache.iter().find(|(key, _)| *key == (a, k)) {
                return Ok(*v);
            }
            let v = ratios(a, k, treatment)?;
            cache.push(((a, k), v));
            Ok(v)
        };
        let mut washout = [[1.0; 10]; 2];
        for k in 1..=2u32 {
            for (r, row) in chem.reactions.iter().enumerate() {
                washout[k as usize - 1][r] = get(row.statistics(), k)?.0;
            }
        }
        Ok(QuantumFactors { treatment, washout, source: get(fb, 2)?.0, energy: [get(fb, 1)?.1, get(fb, 2)?.1] })
    }
}

/// The final xi, Y_B and |Y_Lx| (Y_Dchi is proportional to it) of one evolution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finals {
    pub xi: f64,
    pub y_b: f64,
    pub y_lx: f64,
}

/// One benchmark under MB and under quantum statistics.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Effect {
    pub benchmark: crate::derive::benchmarks::Benchmark,
    pub mb: Finals,
    pub quantum: Finals,
}

impl Effect {
    /// Relative changes quantum/MB - 1 of xi, Y_B and Y_Dchi.
    pub fn changes(&self) -> [f64; 3] {
        [self.quantum.xi / self.mb.xi - 1.0, self.quantum.y_b / self.mb.y_b - 1.0, self.quantum.y_lx / self.mb.y_lx - 1.0]
    }
}

/// The four benchmarks at the point of Fig. 3 (M1 = 1e10 GeV, |lambda1| = 1,
/// x_RH = 30, maximal |y1|), evolved with MB rates and with the quantum
/// factors of `treatment`.
///
/// # Errors
/// A point that cannot be built or evolved, or a factor that cannot be computed.
pub fn effects(chem: &Chem, treatment: Treatment) -> Result<Vec<Effect>, crate::cosmo::error::CosmoError> {
    use crate::cosmo::evolution::{Settings, evolve};
    use crate::cosmo::headline::FIG3_POINT;
    use crate::cosmo::point::{Alternative, Point};
    use crate::derive::benchmarks::Benchmark;
    let q = QuantumFactors::new(chem, treatment)?;
    let quantum = Chem { alternative: Alternative { quantum: Some(q), ..chem.alternative }, ..chem.clone() };
    let (m1, lambda1, x_rh) = FIG3_POINT;
    let settings = Settings { x_rh, u_max: 1e6, samples: 60, ..Settings::default() };
    let finals = |p: &Point, c: &Chem| -> Result<Finals, crate::cosmo::error::CosmoError> {
        let last = evolve(p, c, &settings)?.last();
        Ok(Finals { xi: last.xi, y_b: c.b_over_bl * last.y_bl, y_lx: last.y_lx.abs() })
    };
    Benchmark::ALL
        .into_iter()
        .map(|b| {
            let (a, be) = b.phases();
            let p = Point::benchmark(m1, lambda1, a, be, None)?;
            Ok(Effect { benchmark: b, mb: finals(&p, chem)?, quantum: finals(&p, &quantum)? })
        })
        .collect()
}

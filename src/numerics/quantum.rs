//! Collision integrals with quantum statistics (issue 15): how good is the
//! Maxwell-Boltzmann (MB) approximation of Sec. 2.3 and App. A.
//!
//! The paper evaluates every transfer collision term with MB distributions
//! (Eq. 12 and Eqs. 69-77). Here the same terms are computed for massless
//! fermions (Fermi-Dirac, `f = 1/(e^(E/T) + 1)`) and bosons (Bose-Einstein,
//! `f = 1/(e^(E/T) - 1)`) at zero chemical potential, for a monomial kernel
//! `W(s) = s^k`:
//!
//! - **initial state only**: `int dPi_1 dPi_2 W(s) f_1 f_2 [E_1 + E_2]`, the
//!   quantum distributions in place of `e^(-E/T)` in Eqs. (69) and (76);
//! - **with final-state factors**: the same with the Pauli blocking `1 - f` of
//!   a final fermion and the Bose enhancement `1 + f` of a final boson,
//!   averaged over the final state. `W(s)` fixes only the integral of `|M|^2`
//!   over the final phase space, so the average needs its angular
//!   distribution: it is taken isotropic in the centre-of-mass frame
//!   (stated convention; exact for the `s`-only squared matrix elements of the
//!   contact limit, an approximation where `|M|^2` depends on `t`).
//!
//! # Formula
//! With `E = E_1 + E_2`, `P = |p_1 + p_2|`, `s = E^2 - P^2`, massless
//! particles and `P dP = E_1 E_2 d cos(theta)`,
//!
//! `int dPi_1 dPi_2 W f_1 f_2 <F_3 F_4> = 1/(2 (2 pi)^4) int_0^inf dE int_0^E dP W(s) G_i(E, P) G_f(E, P)`
//!
//! with `G_i = int_{(E-P)/2}^{(E+P)/2} dx f_1(x) f_2(E - x)` and, for an
//! isotropic centre-of-mass distribution (a final energy uniform on the same
//! interval), `G_f = int dx F_3(x) F_4(E - x)` (`F = 1 -+ f`; `G_f = P` without
//! final-state factors). For a pair at one temperature the identities
//!
//! - `f_a(x) f_b(y) = f_ab(x + y) [1 + eta_a f_a(x) + eta_b f_b(y)]`,
//! - `(1 + eta_a f_a(x)) (1 + eta_b f_b(y)) = e^((x+y)/T) f_ab(x + y) [1 + eta_a f_a(x) + eta_b f_b(y)]`,
//!
//! (`eta = -1` for a fermion, `+1` for a boson; `f_ab` is Bose-Einstein for two
//! fermions or two bosons and Fermi-Dirac otherwise) give both `G` in closed
//! form through `int f_F = -T ln(1 + e^(-x/T))` and `int f_B = T ln(1 - e^(-x/T))`.
//! The remaining two-dimensional integral (in `a = (E-P)/2`, `b = P`, both on
//! `[0, inf)`, `s = 4a(a+b)`, `dE dP = 2 da db`) is done by nested exp-sinh
//! quadrature at MPFR precision with its error estimate
//! ([`crate::numerics::tanh_sinh`]).
//!
//! Without final-state factors the integral factorises for any two
//! temperatures (the angular integral of `s^k` is `(2 E_1 E_2)^k 2^(k+1)/(k+1)`):
//!
//! `C_n = 2^(2k)/((k+1) (2 pi)^4) I_(k+1)(T_1) I_(k+1)(T_2)`, `I_m(T) = int_0^inf E^m f(E/T) dE`,
//!
//! and `C_E` adds `I_(k+2) I_(k+1) + I_(k+1) I_(k+2)`. With MB distributions
//! `I_m = m! T^(m+1)` and these are Eqs. (75) and (77).
//!
//! The MB reference of every ratio is Eq. (75) or (77) at the initial
//! temperatures (MB has no final-state factors).

use crate::numerics::collision::{CollisionError, MAX_DIGITS, two_pi_4, working_bits};
use crate::numerics::tanh_sinh::{QuadError, exp_sinh};
use rug::Float;
use rug::float::Constant;
use thiserror::Error;

/// Errors of the quantum-statistics collision integrals.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum QuantumError {
    #[error("{0} digits requested: the quantum-statistics integrals are validated for 1 to {MAX_DIGITS} digits")]
    Digits(u32),
    #[error("temperatures must be positive and finite, got {0}")]
    Temperature(f64),
    #[error("kernel power k = {0}: W(s) = s^k needs k >= 1 here (k = 0 has an infrared-divergent Bose integral)")]
    Power(u32),
    #[error(transparent)]
    Collision(#[from] CollisionError),
    #[error(transparent)]
    Quadrature(#[from] QuadError),
}

/// The distribution of a species.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Statistics {
    /// Fermi-Dirac.
    Fermion,
    /// Bose-Einstein.
    Boson,
    /// Maxwell-Boltzmann, the paper's approximation.
    Classical,
}

impl Statistics {
    /// `eta` of `1 + eta f`: -1 (Pauli blocking), +1 (Bose enhancement), 0 (MB).
    pub fn eta(self) -> i32 {
        match self {
            Statistics::Fermion => -1,
            Statistics::Boson => 1,
            Statistics::Classical => 0,
        }
    }

    /// One letter: F, B, MB.
    pub fn letter(self) -> &'static str {
        match self {
            Statistics::Fermion => "F",
            Statistics::Boson => "B",
            Statistics::Classical => "MB",
        }
    }

    /// `f(x)` at `x = E/T`.
    fn f(self, x: &Float) -> Float {
        let p = x.prec();
        let e = Float::with_val(p, (-x.clone()).exp_ref());
        match self {
            // e^-x / (1 + e^-x)
            Statistics::Fermion => Float::with_val(p, &e / Float::with_val(p, &e + 1u32)),
            // e^-x / (1 - e^-x) = 1/expm1(x)
            Statistics::Boson => Float::with_val(p, 1u32) / Float::with_val(p, x.exp_m1_ref()),
            Statistics::Classical => e,
        }
    }

    /// `I_m(T)/T^(m+1) = int_0^inf x^m f(x) dx`: `m!` (MB), `m! eta(m+1)` (F),
    /// `m! zeta(m+1)` (B); `eta(n) = (1 - 2^(1-n)) zeta(n)`.
    pub fn moment_closed(self, m: u32, prec: u32) -> Float {
        let fact = Float::with_val(prec, Float::factorial(m));
        match self {
            Statistics::Classical => fact,
            Statistics::Boson => fact * Float::with_val(prec, Float::zeta_u(m + 1)),
            Statistics::Fermion => {
                let z = Float::with_val(prec, Float::zeta_u(m + 1));
                let c = Float::with_val(prec, 1u32) - Float::with_val(prec, Float::i_exp(1, -(m as i32)));
                fact * z * c
            }
        }
    }
}

/// The statistics of a 2 -> 2 reaction: initial and final pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Assignment {
    pub initial: [Statistics; 2],
    pub fin: [Statistics; 2],
}

impl Assignment {
    /// `F B -> F B`.
    pub fn label(&self) -> String {
        format!("{} {} -> {} {}", self.initial[0].letter(), self.initial[1].letter(), self.fin[0].letter(), self.fin[1].letter())
    }
}

/// A collision term with its error estimate.
#[derive(Debug, Clone)]
pub struct Value {
    pub value: Float,
    /// Estimated correct decimal digits (a lower bound).
    pub digits: f64,
}

/// The four collision terms of one reaction, kernel power and pair of
/// temperatures from the two-dimensional quadrature: number and energy, with
/// and without the final-state factors (`C_E` weighs by `E_1 + E_2`).
#[derive(Debug, Clone)]
pub struct Terms {
    pub number: Value,
    pub energy: Value,
    pub number_initial: Value,
    pub energy_initial: Value,
    pub evaluations: usize,
}

fn check(digits: u32, k: u32, temps: &[f64]) -> Result<(), QuantumError> {
    if digits == 0 || digits > MAX_DIGITS {
        return Err(QuantumError::Digits(digits));
    }
    if k == 0 {
        return Err(QuantumError::Power(k));
    }
    match temps.iter().find(|t| !(t.is_finite() && **t > 0.0)) {
        Some(t) => Err(QuantumError::Temperature(*t)),
        None => Ok(()),
    }
}

/// What the pair sums need of one node `x` at one temperature `T`: `p = e^(-x/T)`,
/// `q = 1 - p` (by `expm1`, no cancellation), and the antiderivatives
/// `L_F = -ln(1 + p)`, `L_B = ln q` of the Fermi-Dirac and Bose-Einstein
/// distributions (per unit T).
struct NodeAt {
    p: Float,
    q: Float,
    l_f: Float,
    l_b: Float,
}

impl NodeAt {
    fn new(x: &Float, t: &Float) -> NodeAt {
        let wp = x.prec();
        let y = Float::with_val(wp, x / t);
        let p = Float::with_val(wp, (-y.clone()).exp_ref());
        let q = -Float::with_val(wp, (-y).exp_m1_ref());
        let l_f = -Float::with_val(wp, p.ln_1p_ref());
        let l_b = Float::with_val(wp, q.ln_ref());
        NodeAt { p, q, l_f, l_b }
    }

    fn l(&self, s: Statistics) -> &Float {
        if s == Statistics::Fermion { &self.l_f } else { &self.l_b }
    }
}

/// `G = int_a^c g_1(x) g_2(E - x) dx`, `E = a + c`, for a pair at temperature
/// `t`, with `g = f` (initial) or `g = 1 + eta f` (final); from the node data
/// of `a` and `c` only (the identities of the module documentation).
/// Antisymmetric in `(a, c)`.
fn pair(st: [Statistics; 2], na: &NodeAt, nc: &NodeAt, width: &Float, t: &Float, fin: bool) -> Float {
    let wp = width.prec();
    let quantum = |s: Statistics| s != Statistics::Classical;
    match (quantum(st[0]), quantum(st[1])) {
        (false, false) if fin => width.clone(),
        (false, false) => Float::with_val(wp, width * &na.p) * &nc.p,
        (true, true) => {
            // e^(-E/T) and 1 -+ e^(-E/T) = q_a + q_c p_a (all terms positive) or 1 + p_a p_c
            let pe = Float::with_val(wp, &na.p * &nc.p);
            let bose = st[0] == st[1];
            let den = if bose { Float::with_val(wp, &nc.q * &na.p) + &na.q } else { Float::with_val(wp, &pe + 1u32) };
            let mut bracket = Float::with_val(wp, width / t);
            for s in st {
                let d = Float::with_val(wp, nc.l(s) - na.l(s));
                if s.eta() < 0 {
                    bracket -= d;
                } else {
                    bracket += d;
                }
            }
            // initial: f_12(E) = e^(-E)/den; final: e^E f_34(E) = 1/den
            let pref = if fin { Float::with_val(wp, 1u32) / den } else { pe / den };
            pref * bracket * t
        }
        // one MB and one quantum species: not a case of the paper's reactions
        _ => Float::with_val(wp, f64::NAN),
    }
}

/// The two-dimensional quadrature: number and energy collision terms of
/// `W = s^k` for an initial pair at `t_initial` and a final pair at `t_final`,
/// with and without the final-state factors, per unit Delta N at equilibrium.
///
/// # Formula
/// In the window ends `a = (E - P)/2`, `c = (E + P)/2` (`s = 4ac`,
/// `dE dP = 2 da dc`) the integrand is a product of two functions
/// antisymmetric under `a <-> c` times symmetric ones, so the integral over
/// `c >= a` is half the integral over the quadrant:
/// `C = 1/(2 (2 pi)^4) int_0^inf da int_0^inf dc (4ac)^k G_i G_f [a + c]`.
/// The quadrant is covered by the product of two exp-sinh rules
/// (`x = exp(pi/2 sinh t)`, step h), every node's exponentials and logarithms
/// computed once, and summed as twice the nodes with `c > a` (the summand is
/// symmetric and vanishes on the diagonal); the sums at h, 2h and 4h (sub-grids of the same nodes) give
/// the error estimate of [`crate::numerics::tanh_sinh`], and h is halved until
/// it reaches the digits.
///
/// # Errors
/// Digits outside 1..=[`MAX_DIGITS`], `k = 0`, a non-positive temperature, or a
/// quadrature that cannot reach the digits (refused, no number).
pub fn two_dimensional(reaction: Assignment, k: u32, t_initial: f64, t_final: f64, digits: u32) -> Result<Terms, QuantumError> {
    check(digits, k, &[t_initial, t_final])?;
    let wp = working_bits(digits + 10);
    let (ti, tf) = (Float::with_val(wp, t_initial), Float::with_val(wp, t_final));
    let pi2 = Float::with_val(wp, Constant::Pi) / 2u32;
    // cut-offs: below x_min the integrand with its weight (~ x^(k+1), times logarithms
    // for bosons) is negligible; above x_max the Boltzmann tail e^(-x/T) (times powers of x) is
    let ln10 = std::f64::consts::LN_10;
    let x_min_ln = -ln10 * (digits as f64 + 10.0) / (k as f64 + 1.0);
    let t_max = t_initial.max(t_final);
    let x_max = t_max * (ln10 * (digits as f64 + 20.0) + 12.0 * (k as f64 + 2.0));
    let t_lo = (x_min_ln / std::f64::consts::FRAC_PI_2).asinh();
    let t_hi = (x_max.ln() / std::f64::consts::FRAC_PI_2).asinh();
    let mut previous_evaluations = 0usize;
    for level in 3..=9u32 {
        let h = 2f64.powi(-(level as i32));
        let (j_lo, j_hi) = ((t_lo / h).floor() as i64, (t_hi / h).ceil() as i64);
        // nodes, weights and per-temperature data
        let nodes: Vec<(i64, Float, Float, NodeAt, NodeAt)> = (j_lo..=j_hi)
            .map(|j| {
                let t = Float::with_val(wp, j) * h;
                let x = Float::with_val(wp, Float::with_val(wp, &pi2 * Float::with_val(wp, t.sinh_ref())).exp_ref());
                let w = Float::with_val(wp, &pi2 * Float::with_val(wp, t.cosh_ref())) * &x;
                let (ni, nf) = (NodeAt::new(&x, &ti), NodeAt::new(&x, &tf));
                (j, x, w, ni, nf)
            })
            .collect();
        // sums over the sub-grids of step h, 2h, 4h: [grid][component]
        let mut sums = vec![vec![Float::with_val(wp, 0); 4]; 3];
        let mut abs_sum = Float::with_val(wp, 0);
        // the summand is symmetric under a <-> c (G_i and G_f are both antisymmetric)
        // and vanishes on the diagonal: twice the sum over c > a (doubling is exact)
        for (index, (ja, a, wa, ia, fa)) in nodes.iter().enumerate() {
            for (jc, c, wc, ic, fc) in &nodes[index + 1..] {
                let width = Float::with_val(wp, c - a);
                let s = Float::with_val(wp, Float::with_val(wp, a * c) * 4u32);
                let w = Float::with_val(wp, rug::ops::Pow::pow(s, k)) * wa * wc;
                let e = Float::with_val(wp, a + c);
                let gi = pair(reaction.initial, ia, ic, &width, &ti, false);
                let gf = pair(reaction.fin, fa, fc, &width, &tf, true);
                let base = Float::with_val(wp, &w * &gi);
                let n = Float::with_val(wp, &base * &gf);
                let n0 = Float::with_val(wp, &base * &width);
                let terms = [Float::with_val(wp, &n * &e) * 2u32, Float::with_val(wp, &n0 * &e) * 2u32, n * 2u32, n0 * 2u32];
                if terms.iter().any(|v| !v.is_finite()) {
                    return Err(QuadError::NotFinite(format!("a = {}, c = {}", a.to_f64(), c.to_f64())).into());
                }
                abs_sum += Float::with_val(wp, terms[2].abs_ref());
                for (g, step) in [1i64, 2, 4].iter().enumerate() {
                    if ja.rem_euclid(*step) == 0 && jc.rem_euclid(*step) == 0 {
                        for (acc, v) in sums[g].iter_mut().zip(&terms) {
                            *acc += v;
                        }
                    }
                }
            }
        }
        let evaluations = nodes.len() * (nodes.len() - 1) / 2;
        previous_evaluations += evaluations;
        // scale by the cell areas: h^2, (2h)^2, (4h)^2, and 1/(2 (2 pi)^4)
        let norm = Float::with_val(wp, two_pi_4(wp) * 2u32);
        let scaled: Vec<Vec<Float>> = sums
            .iter()
            .zip([1.0, 2.0, 4.0])
            .map(|(g, m)| g.iter().map(|v| Float::with_val(wp, v * ((m * h) * (m * h))) / &norm).collect())
            .collect();
        let cap = wp as f64 / std::f64::consts::LOG2_10;
        let rel = |x: &Float, y: &Float| -> f64 {
            let d = Float::with_val(wp, x - y).abs();
            if d.is_zero() { -cap } else { (d / Float::with_val(wp, x.abs_ref())).log10().to_f64().max(-cap) }
        };
        // round-off floor of the number sum with final-state factors (the worst conditioned)
        let condition = Float::with_val(wp, Float::with_val(wp, &abs_sum * (h * h)) / &norm / Float::with_val(wp, scaled[0][2].abs_ref()))
            .log10()
            .to_f64()
            .max(0.0);
        let round_off = cap - (evaluations as f64).log10() - condition - 1.0;
        let achieved: Vec<f64> = (0..4)
            .map(|c| (-rel(&scaled[0][c], &scaled[1][c])).min(-2.0 * rel(&scaled[1][c], &scaled[2][c])).min(round_off).max(0.0))
            .collect();
        if achieved.iter().all(|d| *d >= digits as f64 + 1.0) {
            let value = |c: usize| Value { value: scaled[0][c].clone(), digits: achieved[c] };
            return Ok(Terms {
                energy: value(0),
                energy_initial: value(1),
                number: value(2),
                number_initial: value(3),
                evaluations: previous_evaluations,
            });
        }
        if level == 9 {
            let worst = achieved.iter().copied().fold(f64::INFINITY, f64::min);
            return Err(
                QuadError::NotConverged { requested: digits, achieved: worst, levels: level, evaluations: previous_evaluations }.into()
            );
        }
    }
    unreachable!("the level loop returns")
}

/// [`two_dimensional`], computed once per process for each set of arguments: the
/// audit asks for the same integrals from the quantum/MB table and from the
/// quantum factors of the evolution (`cosmo::statistics`), on two threads. A second
/// caller of the same integral waits for the first (no MPFR work is repeated).
///
/// # Errors
/// As [`two_dimensional`] (an error is kept and returned to every caller).
pub fn two_dimensional_shared(reaction: Assignment, k: u32, t_initial: f64, t_final: f64, digits: u32) -> Result<Terms, QuantumError> {
    let key = (reaction, k, t_initial.to_bits(), t_final.to_bits(), digits);
    once_per_key(&SHARED, key, || two_dimensional(reaction, k, t_initial, t_final, digits))
}

/// A process-wide table of values computed once per key: a second caller of a
/// key waits for the first, on any thread ([`two_dimensional_shared`], [`moment_shared`]).
type OncePerKey<K, V> = std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<K, std::sync::Arc<std::sync::OnceLock<V>>>>>;

/// The value of `key` in `table`, computed by `compute` by its first caller.
fn once_per_key<K: std::hash::Hash + Eq, V: Clone>(table: &OncePerKey<K, V>, key: K, compute: impl FnOnce() -> V) -> V {
    let cell = table.lock().unwrap_or_else(|p| p.into_inner()).entry(key).or_default().clone();
    cell.get_or_init(compute).clone()
}

type SharedKey = (Assignment, u32, u64, u64, u32);
static SHARED: OncePerKey<SharedKey, Result<Terms, QuantumError>> = std::sync::LazyLock::new(Default::default);

/// Forget the integrals of [`two_dimensional_shared`] and [`moment_shared`] (a
/// benchmark's cold run computes them again); a caller still waiting keeps its result.
pub fn forget_shared() {
    SHARED.lock().unwrap_or_else(|p| p.into_inner()).clear();
    MOMENTS.lock().unwrap_or_else(|p| p.into_inner()).clear();
}

/// [`moment`], computed once per process for each (statistics, power, digits):
/// [`initial_only`] asks for the same few moments for every reaction class, kernel
/// power and pair of temperatures of [`table`] (a moment depends on none of the
/// temperatures), on several threads; a second caller waits for the first.
///
/// # Errors
/// As [`moment`] (an error is kept and returned to every caller).
pub fn moment_shared(s: Statistics, m: u32, digits: u32) -> Result<Value, QuantumError> {
    once_per_key(&MOMENTS, (s, m, digits), || moment(s, m, digits))
}

type MomentKey = (Statistics, u32, u32);
static MOMENTS: OncePerKey<MomentKey, Result<Value, QuantumError>> = std::sync::LazyLock::new(Default::default);

/// `I_m(T)/T^(m+1) = int_0^inf x^m f(x) dx` by exp-sinh quadrature.
///
/// # Errors
/// As [`two_dimensional`].
pub fn moment(s: Statistics, m: u32, digits: u32) -> Result<Value, QuantumError> {
    check(digits, m, &[1.0])?;
    let wp = working_bits(digits);
    let mut f = |x: &Float| vec![Float::with_val(wp, rug::ops::Pow::pow(x.clone(), m)) * s.f(x)];
    let q = exp_sinh(&mut f, 1, digits, wp, 14)?;
    Ok(Value { value: q.values[0].clone(), digits: q.digits[0] })
}

/// Number and energy collision terms of `W = s^k` with quantum distributions
/// of the initial state only, for initial temperatures `t1`, `t2` (any), from
/// the factorised form with the moments `I_m` by quadrature ([`moment_shared`]).
///
/// # Errors
/// As [`two_dimensional`].
pub fn initial_only(initial: [Statistics; 2], k: u32, t1: f64, t2: f64, digits: u32) -> Result<(Value, Value), QuantumError> {
    check(digits, k, &[t1, t2])?;
    let wp = working_bits(digits);
    let m = |s: Statistics, j: u32| moment_shared(s, j, digits + 2);
    let (a1, a2) = (m(initial[0], k + 1)?, m(initial[1], k + 1)?);
    let (b1, b2) = (m(initial[0], k + 2)?, m(initial[1], k + 2)?);
    let pw = |t: f64, j: u32| rug::ops::Pow::pow(Float::with_val(wp, t), j);
    let c = Float::with_val(wp, Float::with_val(wp, 1u32) << (2 * k)) / (two_pi_4(wp) * (k + 1));
    let number = Float::with_val(wp, &c * &a1.value) * &a2.value * pw(t1, k + 2) * pw(t2, k + 2);
    let energy = Float::with_val(wp, &c * pw(t1, k + 2) * pw(t2, k + 2))
        * (Float::with_val(wp, &b1.value * &a2.value) * t1 + Float::with_val(wp, &a1.value * &b2.value) * t2);
    let d = [a1.digits, a2.digits, b1.digits, b2.digits].into_iter().fold(f64::INFINITY, f64::min) - 0.5;
    Ok((Value { value: number, digits: d }, Value { value: energy, digits: d }))
}

/// The MB references: Eq. (75) at `(t1, t2)`, and Eq. (77) generalised to two
/// initial temperatures.
///
/// # Formula
/// `C_n = k! (k+1)! 2^(2k) (T1 T2)^(k+2) / (2 pi)^4`,
/// `C_E = k! (k+2)! 2^(2k) (T1 T2)^(k+2) (T1 + T2) / (2 pi)^4` (Eq. 77 at `T1 = T2`).
pub fn classical(k: u32, t1: f64, t2: f64, prec: u32) -> (Float, Float) {
    let c = Float::with_val(prec, Float::with_val(prec, 1u32) << (2 * k)) / (two_pi_4(prec) * (k + 1));
    let m = |j: u32| Statistics::Classical.moment_closed(j, prec);
    let pw = |t: f64, j: u32| rug::ops::Pow::pow(Float::with_val(prec, t), j);
    let number = Float::with_val(prec, &c * m(k + 1)) * m(k + 1) * pw(t1, k + 2) * pw(t2, k + 2);
    let energy = Float::with_val(prec, &c * m(k + 2))
        * m(k + 1)
        * pw(t1, k + 2)
        * pw(t2, k + 2)
        * Float::with_val(prec, Float::with_val(prec, t1) + t2);
    (number, energy)
}

/// One quantum/MB ratio of the table of `cogenesis derive statistics`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ratio {
    pub reaction: String,
    pub assignment: String,
    pub k: u32,
    /// `number` or `energy`.
    pub moment: &'static str,
    /// `initial` (initial-state distributions only) or `final` (with Pauli blocking and Bose enhancement).
    pub treatment: &'static str,
    /// Temperatures of the initial particles and of the final pair.
    pub t1: f64,
    pub t2: f64,
    pub t_final: Option<f64>,
    /// The ratio quantum/MB, as a decimal string to the estimated digits.
    pub ratio: String,
    /// The ratio in f64.
    pub value: f64,
    /// Estimated correct digits of the ratio.
    pub digits: f64,
}

/// The reaction classes of the paper's transfer reactions (Table 2), by spin
/// statistics: a fermion and a boson to a fermion and a boson; two fermions to
/// two bosons; and the reverse of the latter (in the wash-out and the energy
/// transfer every reaction also runs backwards).
pub const CLASSES: [(&str, Assignment); 3] = [
    (
        "l H -> l^dag H^dag, l H -> chi phi, chi phi -> chi^dag phi^dag, l phi -> H^dag chi^dag",
        Assignment { initial: [Statistics::Fermion, Statistics::Boson], fin: [Statistics::Fermion, Statistics::Boson] },
    ),
    (
        "l l -> H^dag H^dag, l chi -> H^dag phi^dag, chi chi -> phi^dag phi^dag",
        Assignment { initial: [Statistics::Fermion, Statistics::Fermion], fin: [Statistics::Boson, Statistics::Boson] },
    ),
    (
        "H^dag H^dag -> l l, H^dag phi^dag -> l chi, phi^dag phi^dag -> chi chi",
        Assignment { initial: [Statistics::Boson, Statistics::Boson], fin: [Statistics::Fermion, Statistics::Fermion] },
    ),
];

/// Decimal text of a value to its estimated digits (at most 25 significant).
pub fn decimal(v: &Float, digits: f64) -> String {
    let n = (digits.floor() as usize).clamp(3, 25);
    v.to_string_radix(10, Some(n))
}

/// The ratios quantum/MB of every class, `k` in `ks`, number and energy: the
/// initial-state-only ratios at one temperature and at `T1 = 2 T2`, and the
/// ratios with final-state factors at one temperature and with the final pair
/// at `t_final_ratio` times the initial temperature (two sectors). The reaction
/// classes are computed side by side on the process's pool of `threads` workers
/// ([`crate::numerics::pool`]); the rows are the same for any `threads`. Each
/// class and temperature setting is one call of
/// [`Kernel::QuantumTable`](crate::numerics::workload::Kernel::QuantumTable) in the process's workload.
///
/// # Errors
/// As [`two_dimensional`].
pub fn table(ks: &[u32], t_final_ratio: f64, digits: u32, threads: usize) -> Result<Vec<Ratio>, QuantumError> {
    use rayon::prelude::*;
    let wp = working_bits(digits);
    let jobs: Vec<(usize, u32, bool)> =
        (0..CLASSES.len()).flat_map(|c| ks.iter().flat_map(move |k| [(c, *k, false), (c, *k, true)])).collect();
    let done: Vec<Result<Vec<Ratio>, QuantumError>> = crate::numerics::pool::install(threads, || {
        jobs.par_iter()
            .map(|&(c, k, two)| {
                crate::numerics::workload::time(crate::numerics::workload::Kernel::QuantumTable, || {
                    let (name, asg) = CLASSES[c];
                    let mut out = vec![];
                    let row = |moment: &'static str, treatment: &'static str, t: (f64, f64, Option<f64>), q: &Value, mb: &Float| {
                        let r = Float::with_val(wp, &q.value / mb);
                        Ratio {
                            reaction: name.to_string(),
                            assignment: asg.label(),
                            k,
                            moment,
                            treatment,
                            t1: t.0,
                            t2: t.1,
                            t_final: t.2,
                            ratio: decimal(&r, q.digits),
                            value: r.to_f64(),
                            digits: q.digits,
                        }
                    };
                    // initial state only: one temperature, or T1 = 2 T2
                    let (t1, t2) = if two { (2.0, 1.0) } else { (1.0, 1.0) };
                    let (n, e) = initial_only(asg.initial, k, t1, t2, digits)?;
                    let (mn, me) = classical(k, t1, t2, wp);
                    out.push(row("number", "initial", (t1, t2, None), &n, &mn));
                    out.push(row("energy", "initial", (t1, t2, None), &e, &me));
                    // with the final-state factors: final pair at the initial temperature, or at t_final_ratio of it
                    let tf = if two { t_final_ratio } else { 1.0 };
                    let terms = two_dimensional_shared(asg, k, 1.0, tf, digits)?;
                    let (mn, me) = classical(k, 1.0, 1.0, wp);
                    out.push(row("number", "final", (1.0, 1.0, Some(tf)), &terms.number, &mn));
                    out.push(row("energy", "final", (1.0, 1.0, Some(tf)), &terms.energy, &me));
                    Ok(out)
                })
            })
            .collect()
    });
    let mut rows = vec![];
    for d in done {
        rows.extend(d?);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mb_reproduces_eqs_75_and_77() {
        let mb = Assignment { initial: [Statistics::Classical; 2], fin: [Statistics::Classical; 2] };
        let t = two_dimensional(mb, 2, 1.0, 1.0, 20).unwrap();
        let wp = working_bits(20);
        let n = crate::numerics::collision::number_closed(2, &Float::with_val(wp, 1), &Float::with_val(wp, 1), wp);
        let e = crate::numerics::collision::energy_closed(2, &Float::with_val(wp, 1), wp);
        assert!(crate::numerics::collision::agreement(&t.number.value, &n) > 20.0);
        assert!(crate::numerics::collision::agreement(&t.energy.value, &e) > 20.0);
        let (cn, ce) = classical(2, 1.0, 1.0, wp);
        assert!(crate::numerics::collision::agreement(&cn, &n) > 30.0 && crate::numerics::collision::agreement(&ce, &e) > 30.0);
    }

    #[test]
    fn moments_by_quadrature_are_the_zeta_closed_forms() {
        // int x^m f(x) dx = m! zeta(m+1) (bosons), m! (1 - 2^-m) zeta(m+1) (fermions), m! (MB)
        for s in [Statistics::Fermion, Statistics::Boson, Statistics::Classical] {
            for m in 2..=4 {
                let q = moment(s, m, 30).unwrap();
                let closed = s.moment_closed(m, working_bits(30));
                assert!(crate::numerics::collision::agreement(&q.value, &closed) > 30.0, "{s:?} m = {m}");
            }
        }
    }

    #[test]
    fn shared_moments_are_the_moments() {
        // bit for bit, keyed apart by statistics, power and digits; an error is kept
        for (s, m, d) in
            [(Statistics::Fermion, 3, 12), (Statistics::Boson, 3, 12), (Statistics::Fermion, 4, 12), (Statistics::Fermion, 3, 14)]
        {
            let (a, b) = (moment(s, m, d).unwrap(), moment_shared(s, m, d).unwrap());
            assert!(a.value == b.value && a.digits == b.digits && a.value.prec() == b.value.prec(), "{s:?} {m} {d}");
        }
        let (f, b) = (moment_shared(Statistics::Fermion, 3, 12).unwrap(), moment_shared(Statistics::Boson, 3, 12).unwrap());
        assert!(f.value != b.value);
        assert!(matches!(moment_shared(Statistics::Boson, 1, 0), Err(QuantumError::Digits(0))));
    }

    #[test]
    fn bad_input_is_an_error() {
        let a = CLASSES[0].1;
        assert!(matches!(two_dimensional(a, 0, 1.0, 1.0, 10), Err(QuantumError::Power(0))));
        assert!(matches!(two_dimensional(a, 1, -1.0, 1.0, 10), Err(QuantumError::Temperature(_))));
        assert!(matches!(initial_only(a.initial, 1, 1.0, f64::NAN, 10), Err(QuantumError::Temperature(_))));
        assert!(matches!(moment(Statistics::Boson, 1, 0), Err(QuantumError::Digits(0))));
    }
}

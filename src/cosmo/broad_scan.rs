//! The broader scan of Sec. 4.4: the lowest reheating temperature that still
//! gives the observed baryon asymmetry when the couplings leave the benchmark
//! ratios of Eq. (56), without and with a tuned cancellation in Eq. (4).
//!
//! The paper's parameter space here (our reading, stated in the audit):
//! two heavy neutrinos with M2/M1 in [1.5, 10]; y2 and lambda2 real and
//! y1 = |y1| e^{i alpha}, lambda1 = |lambda1| e^{i beta} (the two physical
//! phases, as in Eq. 56); |lambda1|, |lambda2| in [0.01, 1] (the range of the
//! paper's figures); the ratio of the two terms of Eq. (4) in [0.1, 10];
//! x_RH in [25, 100] (the text asks x_RH > 25; Figs. 6-7 stop at 100); |y1|
//! saturating the bound of Eq. (5) with the general Eq. (4).
//!
//! # Formula
//! The cancellation in Eq. (4) is measured by the tuning
//! `t = sum_a |y_a|^2/M_a / |sum_a y_a^2/M_a| >= 1` (1: no cancellation). With
//! `q = |y2|^2 M1 / (|y1|^2 M2)`, `t = (1 + q) / |e^{2 i alpha} + q|`, and a
//! shape of tuning `t` has `cos 2 alpha = (((1 + q)/t)^2 - 1 - q^2) / (2 q)`.
//! At a given tuning the largest |y1| grows as `t^(1/2)`.
//!
//! # Method
//! Deterministic random search: `samples` shapes are drawn (seeded), their
//! |Y_B| compared at one reference T_RH, and the best `refine` are bisected in
//! log T_RH for the lowest T_RH = M1/x_RH with |Y_B| >= Y_B^obs (|Y_B| grows
//! with T_RH at a fixed shape; the sign of Y_B follows the signs of the phases).
//! Evolution as in [`crate::cosmo::scan::evaluate`]; runs on the process's pool
//! of `threads` workers ([`crate::numerics::pool`]) and never calls Symbolica.

use crate::cosmo::constants::{NU_MASS_BOUND_EV, Y_B_OBSERVED};
use crate::cosmo::evolution::{Settings, evolve};
use crate::cosmo::point::{Chem, ParamError, Point};
use crate::derive::benchmarks::Benchmark;
use crate::numerics::sampling::XorShift64;
use num_complex::Complex64 as C;

/// The ranges of the scan (see the module documentation).
pub const MASS_RATIO: (f64, f64) = (1.5, 10.0);
/// Range of the ratio q of the two terms of Eq. (4).
pub const TERM_RATIO: (f64, f64) = (0.1, 10.0);
/// Range of |lambda1| and |lambda2|.
pub const LAMBDA: (f64, f64) = (0.01, 1.0);
/// Range of x_RH = M1/T_RH.
pub const X_RH: (f64, f64) = (25.0, 100.0);
/// The largest M1 (GeV) the scan uses (the upper end of Figs. 5-6).
pub const M1_MAX: f64 = 1e15;
/// The lowest T_RH (GeV) the bisection looks at.
pub const T_RH_FLOOR: f64 = 1e3;

/// A point of the scan up to the overall |y1|, which saturates Eq. (5).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// M2/M1.
    pub mass_ratio: f64,
    /// q = |y2|^2 M1 / (|y1|^2 M2): the relative size of the two terms of Eq. (4).
    pub q: f64,
    /// arg y1 (y2 real).
    pub alpha: f64,
    /// |lambda1|, |lambda2|.
    pub lambda: [f64; 2],
    /// arg lambda1 (lambda2 real).
    pub beta: f64,
    pub x_rh: f64,
}

impl Shape {
    /// The benchmark ratios of Eq. (56) (M2 = 3 M1, y2 = 2|y1|, lambda2 = |lambda1|) with the phases of `b`.
    pub fn benchmark(b: Benchmark, lambda1: f64, x_rh: f64) -> Shape {
        let (alpha, beta) = b.phases();
        Shape { mass_ratio: 3.0, q: 4.0 / 3.0, alpha, lambda: [lambda1, lambda1], beta, x_rh }
    }

    /// The tuning t of Eq. (4) (see the module documentation).
    pub fn tuning(&self) -> f64 {
        (1.0 + self.q) / (C::from_polar(1.0, 2.0 * self.alpha) + self.q).norm()
    }

    /// The dark tuning `sum_a |lambda_a|^2/M_a / |sum_a lambda_a^2/M_a|` (the
    /// cancellation in B of Eq. 78).
    pub fn dark_tuning(&self) -> f64 {
        let (l1, l2) = (self.lambda[0] * self.lambda[0], self.lambda[1] * self.lambda[1] / self.mass_ratio);
        (l1 + l2) / (C::from_polar(l1, 2.0 * self.beta) + l2).norm()
    }

    /// The couplings at `m1`, with |y1| saturating Eq. (5).
    ///
    /// # Errors
    /// A non-positive M1 or coupling, or masses out of order.
    pub fn point(&self, m1: f64) -> Result<Point, ParamError> {
        for (n, v) in [("M1", m1), ("|lambda1|", self.lambda[0]), ("|lambda2|", self.lambda[1])] {
            if !(v.is_finite() && v > 0.0) {
                return Err(ParamError::NotPositive(n, v));
            }
        }
        let m2 = self.mass_ratio * m1;
        let unit = Point {
            m: [m1, m2],
            y: [C::from_polar(1.0, self.alpha), C::new((self.q * self.mass_ratio).sqrt(), 0.0)],
            lam: [C::from_polar(self.lambda[0], self.beta), C::new(self.lambda[1], 0.0)],
        };
        // Eq. (4) is quadratic in the y: scale them onto the bound of Eq. (5)
        let scale = (NU_MASS_BOUND_EV * 1e-9 / unit.delta_m_nu()).sqrt() * (1.0 - 1e-12);
        let p = Point { y: [unit.y[0] * scale, unit.y[1] * scale], ..unit };
        p.check_neutrino_mass()?;
        Ok(p)
    }

    /// Y_B = b_over_bl Y_{B-L} at late times for T_RH = `t_rh` (M1 = x_RH T_RH), if the point evolves.
    pub fn y_b(&self, t_rh: f64, chem: &Chem) -> Option<f64> {
        let m1 = self.x_rh * t_rh;
        if m1 > M1_MAX * (1.0 + 1e-12) {
            return None;
        }
        let p = self.point(m1).ok()?;
        let tr = evolve(&p, chem, &Settings { x_rh: self.x_rh, u_max: 1e6, samples: 60, ..Settings::default() }).ok()?;
        let y = chem.b_over_bl * tr.last().y_bl;
        y.is_finite().then_some(y)
    }

    /// Whether |Y_B| reaches the observed value at `t_rh`.
    pub fn reaches(&self, t_rh: f64, chem: &Chem) -> bool {
        self.y_b(t_rh, chem).is_some_and(|y| y.abs() >= Y_B_OBSERVED)
    }

    /// The lowest T_RH (GeV) at which |Y_B| reaches the observed value (bisection
    /// in log T_RH to a relative 1e-3), if any up to M1 = [`M1_MAX`].
    ///
    /// # Method
    /// The bisection of [`Shape::lowest_trh_bisection`], with most of its
    /// evolutions spared by [`crate::numerics::bisection::with_secants`]: ln|Y_B|
    /// is close to linear in ln T_RH, so regula falsi on g = ln(|Y_B|/Y_B^obs)
    /// narrows the bracket first, and only the bisection's midpoints inside it are
    /// evolved. The result is the bisection's, bit for bit, where |Y_B| grows with
    /// T_RH at a fixed shape (the bisection's own assumption; tested on random
    /// shapes in `tests/broad_scan.rs`).
    pub fn lowest_trh(&self, chem: &Chem) -> Option<f64> {
        self.lowest_trh_with(chem, &Evaluations::default())
    }

    /// [`Shape::lowest_trh`] through a record of the evolutions already done.
    fn lowest_trh_with(&self, chem: &Chem, seen: &Evaluations) -> Option<f64> {
        use crate::numerics::bisection::{Known, Stop, with_secants};
        let (lo, hi) = (T_RH_FLOOR.ln(), (M1_MAX / self.x_rh).ln());
        // whether T_RH = e^u reaches Y_B^obs (the bisection's decision), and ln(|Y_B|/Y_B^obs)
        let eval = |u: f64| {
            let y = seen.y_b(self, u.exp(), chem);
            (y.is_some_and(|y| y.abs() >= Y_B_OBSERVED), y.map(|y| (y.abs() / Y_B_OBSERVED).ln()))
        };
        let at_hi = eval(hi);
        if !at_hi.0 {
            return None;
        }
        let at_lo = eval(lo);
        if at_lo.0 {
            return Some(lo.exp());
        }
        let mut known = Known::default();
        known.add(lo, at_lo);
        known.add(hi, at_hi);
        Some(with_secants(lo, hi, Stop::Width(LOWEST_TRH_WIDTH), known, LOWEST_TRH_SECANTS, eval).exp())
    }

    /// The lowest T_RH by plain bisection in log T_RH to a relative 1e-3 (every
    /// midpoint evolved): the reference [`Shape::lowest_trh`] equals.
    pub fn lowest_trh_bisection(&self, chem: &Chem) -> Option<f64> {
        let (lo, hi) = (T_RH_FLOOR.ln(), (M1_MAX / self.x_rh).ln());
        if !self.reaches(hi.exp(), chem) {
            return None;
        }
        if self.reaches(lo.exp(), chem) {
            return Some(lo.exp());
        }
        Some(
            crate::numerics::bisection::plain(lo, hi, crate::numerics::bisection::Stop::Width(LOWEST_TRH_WIDTH), |mid| {
                self.reaches(mid.exp(), chem)
            })
            .exp(),
        )
    }
}

/// The values of [`Shape::y_b`] the broader scans under one chemistry have
/// evolved, by shape and T_RH.
///
/// The searches of one scan come back to shapes they have seen: a compass
/// search's step back to where it came from or a coordinate clamped at the
/// cube's edge, and the same draws in two searches of the same tuning of Eq. (4)
/// (readings of "untuned" that differ only in the dark tuning); about one
/// evolution in four of the audit's plan. A lighter plan draws the first of the
/// same shapes (`cosmo::shared` keeps one record per chemistry for the audit's
/// scans). A recorded value is the evolution's own (Y_B is a deterministic
/// function of the shape, T_RH and the chemistry), so a scan's results do not
/// depend on what was recorded.
#[derive(Debug, Default)]
pub struct Evaluations(std::sync::Mutex<std::collections::HashMap<[u64; 8], Option<f64>>>);

impl Evaluations {
    /// [`Shape::y_b`] of `shape` at `t_rh`, evolved unless recorded.
    pub fn y_b(&self, shape: &Shape, t_rh: f64, chem: &Chem) -> Option<f64> {
        let s = shape;
        let key = [s.mass_ratio, s.q, s.alpha, s.lambda[0], s.lambda[1], s.beta, s.x_rh, t_rh].map(f64::to_bits);
        if let Some(y) = self.0.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return *y;
        }
        let y = s.y_b(t_rh, chem);
        self.0.lock().unwrap_or_else(|p| p.into_inner()).insert(key, y);
        y
    }

    /// How many distinct (shape, T_RH) have been evolved.
    pub fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Whether nothing has been evolved.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The width in ln T_RH at which [`Shape::lowest_trh`] stops (a relative 1e-3).
pub const LOWEST_TRH_WIDTH: f64 = 1e-3;
/// The most regula falsi steps [`Shape::lowest_trh`] takes before bisecting.
const LOWEST_TRH_SECANTS: usize = 12;

/// How many shapes a search draws and refines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Search {
    pub samples: usize,
    pub refine: usize,
    pub seed: u64,
}

impl Default for Search {
    fn default() -> Self {
        Search { samples: 96, refine: 4, seed: 0x5ec4_4b70 }
    }
}

/// The lowest T_RH found, and where.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lowest {
    pub t_rh: f64,
    pub shape: Shape,
}

impl Lowest {
    /// The point in words (M1, x_RH, tuning, couplings).
    pub fn describe(&self) -> String {
        let s = &self.shape;
        format!(
            "T_RH = {:.2e} GeV at M1 = {:.2e} GeV, x_RH = {:.1}, tuning {:.1} (dark {:.2}), M2/M1 = {:.2}, q = {:.2}, |lambda| = ({:.2}, {:.2}), alpha = {:.2}, beta = {:.2}",
            self.t_rh,
            self.t_rh * s.x_rh,
            s.x_rh,
            s.tuning(),
            s.dark_tuning(),
            s.mass_ratio,
            s.q,
            s.lambda[0],
            s.lambda[1],
            s.alpha,
            s.beta
        )
    }
}

/// The cancellations a search allows: in Eq. (4) (at most, or exactly, a
/// tuning) and in the dark analogue B = sum_a lambda_a^2/M_a (at most a tuning;
/// a cancellation in B weakens the Delta L_x = 2 wash-out, Eq. 85).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tuning {
    /// The tuning of Eq. (4).
    pub eq4: f64,
    /// Whether the tuning of Eq. (4) is exactly `eq4` (else at most).
    pub exact: bool,
    /// The largest dark tuning.
    pub dark: f64,
}

impl Tuning {
    /// Tunings at most `eq4` and `dark`.
    pub fn at_most(eq4: f64, dark: f64) -> Tuning {
        Tuning { eq4, exact: false, dark }
    }
    /// A tuning of Eq. (4) of exactly `eq4`, the dark one at most `dark`.
    pub fn exactly(eq4: f64, dark: f64) -> Tuning {
        Tuning { eq4, exact: true, dark }
    }
}

/// The number of coordinates of a shape in the unit cube (see [`Shape::from_unit`]).
pub const DIMENSIONS: usize = 8;

fn log_map((a, b): (f64, f64), u: f64) -> f64 {
    (a.ln() + (b.ln() - a.ln()) * u).exp()
}

impl Shape {
    /// The shape at a point `u` of the unit cube: M2/M1, q, the tuning (or its
    /// fraction of the allowed range), the sign of alpha, |lambda1|, |lambda2|,
    /// beta and x_RH, each mapped onto its range (log-uniform for the ratios,
    /// couplings and x_RH). None when `tuning` cannot be reached at that q (the
    /// largest tuning a q allows is (1 + q)/|1 - q|).
    pub fn from_unit(u: &[f64; DIMENSIONS], tuning: Tuning) -> Option<Shape> {
        let u: Vec<f64> = u.iter().map(|x| x.clamp(0.0, 1.0)).collect();
        let mass_ratio = log_map(MASS_RATIO, u[0]);
        let (q_lo, q_hi) = match tuning.eq4 {
            t if tuning.exact && t > 1.0 => (TERM_RATIO.0.max((t - 1.0) / (t + 1.0)), TERM_RATIO.1.min((t + 1.0) / (t - 1.0))),
            _ => TERM_RATIO,
        };
        let q = log_map((q_lo, q_hi), u[1]);
        let t_max = if q != 1.0 { (1.0 + q) / (1.0 - q).abs() } else { f64::INFINITY };
        let t = if tuning.exact { tuning.eq4 } else { 1.0 + (tuning.eq4.min(t_max) - 1.0).max(0.0) * u[2] };
        if t > t_max * (1.0 + 1e-12) {
            return None;
        }
        let c = ((((1.0 + q) / t).powi(2) - 1.0 - q * q) / (2.0 * q)).clamp(-1.0, 1.0);
        let alpha = if u[3] < 0.5 { -0.5 * c.acos() } else { 0.5 * c.acos() };
        let shape = Shape {
            mass_ratio,
            q,
            alpha,
            lambda: [log_map(LAMBDA, u[4]), log_map(LAMBDA, u[5])],
            beta: std::f64::consts::PI * (2.0 * u[6] - 1.0),
            x_rh: log_map(X_RH, u[7]),
        };
        (shape.dark_tuning() <= tuning.dark * (1.0 + 1e-12)).then_some(shape)
    }
}

impl Shape {
    /// The point of the unit cube of this shape under `tuning` (the inverse of
    /// [`Shape::from_unit`]); alpha is brought into [-pi/2, pi/2] by the
    /// equivalent (y1, lambda1) -> (-y1, -lambda1) (a sign of N1), which moves beta by pi.
    pub fn to_unit(&self, tuning: Tuning) -> [f64; DIMENSIONS] {
        use std::f64::consts::PI;
        let inv = |(a, b): (f64, f64), v: f64| ((v.ln() - a.ln()) / (b.ln() - a.ln())).clamp(0.0, 1.0);
        let (mut alpha, mut beta) = (self.alpha, self.beta);
        if alpha.abs() > 0.5 * PI {
            alpha -= PI * alpha.signum();
            beta += PI;
        }
        beta = (beta + PI).rem_euclid(2.0 * PI) - PI;
        let (q_lo, q_hi) = match tuning.eq4 {
            t if tuning.exact && t > 1.0 => (TERM_RATIO.0.max((t - 1.0) / (t + 1.0)), TERM_RATIO.1.min((t + 1.0) / (t - 1.0))),
            _ => TERM_RATIO,
        };
        let t_max = if self.q != 1.0 { (1.0 + self.q) / (1.0 - self.q).abs() } else { f64::INFINITY };
        let span = tuning.eq4.min(t_max) - 1.0;
        let u2 = if tuning.exact || span <= 0.0 { 0.0 } else { ((self.tuning() - 1.0) / span).clamp(0.0, 1.0) };
        [
            inv(MASS_RATIO, self.mass_ratio),
            inv((q_lo, q_hi), self.q),
            u2,
            if alpha < 0.0 { 0.25 } else { 0.75 },
            inv(LAMBDA, self.lambda[0]),
            inv(LAMBDA, self.lambda[1]),
            ((beta / PI + 1.0) / 2.0).clamp(0.0, 1.0),
            inv(X_RH, self.x_rh),
        ]
    }
}

/// Draw `search.samples` points of the unit cube whose shapes reach the tuning.
pub fn draws(tuning: Tuning, search: &Search) -> Vec<[f64; DIMENSIONS]> {
    let mut r = XorShift64::new(search.seed);
    let mut out = vec![];
    let mut tries = 0;
    while out.len() < search.samples && tries < 100 * search.samples.max(1) {
        tries += 1;
        let mut u = [0.0; DIMENSIONS];
        u.iter_mut().for_each(|x| *x = r.unit());
        if Shape::from_unit(&u, tuning).is_some() {
            out.push(u);
        }
    }
    out
}

/// The objective of the search: ln |Y_B| at `t_ref` (minus infinity where the point fails).
fn objective(u: &[f64; DIMENSIONS], tuning: Tuning, t_ref: f64, chem: &Chem, seen: &Evaluations) -> f64 {
    Shape::from_unit(u, tuning).and_then(|s| seen.y_b(&s, t_ref, chem)).map(|y| y.abs().ln()).unwrap_or(f64::NEG_INFINITY)
}

/// Compass search in the unit cube from `u`: each coordinate is moved by +-h
/// while that raises the objective, h halves when no move does, down to 1/64.
fn climb(mut u: [f64; DIMENSIONS], mut f: f64, tuning: Tuning, t_ref: f64, chem: &Chem, seen: &Evaluations) -> ([f64; DIMENSIONS], f64) {
    let mut h = 0.25;
    while h >= 1.0 / 64.0 {
        let mut moved = false;
        for k in 0..DIMENSIONS {
            for dir in [1.0, -1.0] {
                let mut v = u;
                v[k] = (v[k] + dir * h).clamp(0.0, 1.0);
                if v[k] == u[k] {
                    continue;
                }
                let g = objective(&v, tuning, t_ref, chem, seen);
                if g > f {
                    (u, f, moved) = (v, g, true);
                    break;
                }
            }
        }
        if !moved {
            h *= 0.5;
        }
    }
    (u, f)
}

/// The lowest T_RH over the shapes of a tuning: `search.samples` random
/// shapes are compared by |Y_B| at `t_ref`, the best `search.refine` climb to a
/// local maximum of |Y_B| at `t_ref` (compass search), and each climbed shape
/// is bisected for its lowest T_RH. Every one of `starts` (e.g. a benchmark)
/// climbs as well, so the result is never above a start's own lowest T_RH.
/// Evolutions go through `seen`, the record of the searches of one scan (or of
/// every scan under `chem`, as `cosmo::shared` keeps it).
pub fn search_lowest(
    tuning: Tuning,
    starts: &[[f64; DIMENSIONS]],
    t_ref: f64,
    search: &Search,
    chem: &Chem,
    threads: usize,
    seen: &Evaluations,
) -> Option<Lowest> {
    let cands = draws(tuning, search);
    crate::numerics::pool::install(threads, || {
        use rayon::prelude::*;
        let score = |u: &[f64; DIMENSIONS]| (objective(u, tuning, t_ref, chem, seen), *u);
        let mut ranked: Vec<(f64, [f64; DIMENSIONS])> = cands.par_iter().map(score).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.truncate(search.refine.max(1));
        ranked.extend(starts.iter().map(score));
        ranked
            .par_iter()
            .filter(|(f, _)| f.is_finite())
            .filter_map(|(f, u)| {
                let (u, _) = climb(*u, *f, tuning, t_ref, chem, seen);
                let shape = Shape::from_unit(&u, tuning)?;
                shape.lowest_trh_with(chem, seen).map(|t_rh| Lowest { t_rh, shape })
            })
            .min_by(|a, b| a.t_rh.total_cmp(&b.t_rh))
    })
}

/// The lowest T_RH among fixed `candidates` (no climbing): each is bisected,
/// evolving through `seen`.
pub fn lowest_among(candidates: &[Shape], chem: &Chem, threads: usize, seen: &Evaluations) -> Option<Lowest> {
    crate::numerics::pool::install(threads, || {
        use rayon::prelude::*;
        candidates
            .par_iter()
            .filter_map(|s| s.lowest_trh_with(chem, seen).map(|t_rh| Lowest { t_rh, shape: *s }))
            .min_by(|a, b| a.t_rh.total_cmp(&b.t_rh))
    })
}

/// The lowest T_RH of Fig. 5 (B1, x_RH = 30, maximal |y1|) over |lambda1| in
/// [0.01, 1]: the reference "values shown in Fig. 5".
pub fn fig5_lowest(chem: &Chem, threads: usize, seen: &Evaluations) -> Option<Lowest> {
    let n = 9;
    let cands: Vec<Shape> = (0..n)
        .map(|k| {
            let l = (LAMBDA.0.ln() + (LAMBDA.1.ln() - LAMBDA.0.ln()) * k as f64 / (n - 1) as f64).exp();
            Shape::benchmark(Benchmark::B1, l, 30.0)
        })
        .collect();
    lowest_among(&cands, chem, threads, seen)
}

/// A reading of "untuned": the largest tunings of Eq. (4) and of B allowed.
#[derive(Clone, Debug, PartialEq)]
pub struct Untuned {
    pub name: String,
    pub eq4: f64,
    pub dark: f64,
}

impl Untuned {
    /// No more cancellation than benchmark `b` has (in Eq. 4 and in B).
    pub fn as_benchmark(b: Benchmark) -> Untuned {
        let s = Shape::benchmark(b, 1.0, 30.0);
        Untuned { name: format!("no more than {}'s", b.name()), eq4: s.tuning(), dark: s.dark_tuning() }
    }
    /// No more cancellation in Eq. (4) than benchmark `b` has, any in B.
    pub fn eq4_as_benchmark(b: Benchmark) -> Untuned {
        let s = Shape::benchmark(b, 1.0, 30.0);
        Untuned { name: format!("no more than {}'s in Eq. (4), any in B", b.name()), eq4: s.tuning(), dark: f64::INFINITY }
    }
    /// No more cancellation than the largest of the paper's benchmarks B1-B4
    /// (in Eq. 4: B3's "moderate cancellation" of footnote 9).
    pub fn as_benchmarks() -> Untuned {
        let all: Vec<Shape> = Benchmark::ALL.iter().map(|b| Shape::benchmark(*b, 1.0, 30.0)).collect();
        Untuned {
            name: "no more than the largest of B1-B4".into(),
            eq4: all.iter().map(Shape::tuning).fold(1.0, f64::max),
            dark: all.iter().map(Shape::dark_tuning).fold(1.0, f64::max),
        }
    }
}

/// What a broader scan runs: the search, the readings of "untuned" and the
/// tunings of Eq. (4) of the tuned search (whose dark tuning is bounded by the
/// first reading of "untuned": only Eq. 4 is tuned).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub search: Search,
    pub untuned: Vec<Untuned>,
    pub tuned: Vec<f64>,
}

impl Plan {
    /// The audit's plan: "untuned" read as no more cancellation than B1 (the
    /// benchmark of Fig. 5), than the largest of B1-B4, and than B1 in Eq. (4)
    /// with any in B; tunings 10 to 1e4.
    pub fn audit() -> Plan {
        Plan {
            search: Search::default(),
            untuned: vec![Untuned::as_benchmark(Benchmark::B1), Untuned::as_benchmarks(), Untuned::eq4_as_benchmark(Benchmark::B1)],
            tuned: vec![10.0, 30.0, 100.0, 300.0, 1e3, 1e4],
        }
    }
    /// A lighter plan for runs under many readings (the conventions): B1's tunings, and 10 and 100 in Eq. (4).
    pub fn light() -> Plan {
        Plan {
            search: Search { samples: 32, refine: 2, ..Search::default() },
            untuned: vec![Untuned::as_benchmark(Benchmark::B1)],
            tuned: vec![10.0, 100.0],
        }
    }
}

/// The results of the broader scan.
#[derive(Clone, Debug)]
pub struct BroadScan {
    /// Fig. 5's lowest T_RH (the reference).
    pub fig5: Option<Lowest>,
    /// The lowest T_RH under each reading of "untuned" ([`Plan::untuned`]).
    pub untuned: Vec<(Untuned, Option<Lowest>)>,
    /// The lowest T_RH at each tuning of Eq. (4) ([`Plan::tuned`]).
    pub tuned: Vec<(f64, Option<Lowest>)>,
}

impl BroadScan {
    /// How many times lower than Fig. 5's the lowest T_RH is under the first
    /// reading of "untuned", if both exist.
    pub fn untuned_factor(&self) -> Option<f64> {
        Some(self.fig5?.t_rh / self.untuned.first()?.1?.t_rh)
    }

    /// The lowest T_RH over every tuning level (the tuned search).
    pub fn tuned_lowest(&self) -> Option<(f64, Lowest)> {
        self.tuned.iter().filter_map(|(t, l)| l.map(|l| (*t, l))).min_by(|a, b| a.1.t_rh.total_cmp(&b.1.t_rh))
    }
}

/// Run the broader scan under the reading `chem` carries.
pub fn run(chem: &Chem, plan: &Plan, threads: usize) -> BroadScan {
    run_with(chem, plan, threads, &Evaluations::default())
}

/// [`run`], evolving through `seen`: a record of the evolutions under the same
/// `chem` (another plan's scan can share it; the results are [`run`]'s).
pub fn run_with(chem: &Chem, plan: &Plan, threads: usize, seen: &Evaluations) -> BroadScan {
    let fig5 = fig5_lowest(chem, threads, seen);
    let t_ref = fig5.map(|l| l.t_rh).unwrap_or(1e9);
    // Fig. 5's point is untuned by every reading: each search starts from it too
    let untuned: Vec<(Untuned, Option<Lowest>)> = plan
        .untuned
        .iter()
        .map(|b| {
            let tuning = Tuning::at_most(b.eq4, b.dark);
            let starts: Vec<[f64; DIMENSIONS]> = fig5.iter().map(|l| l.shape.to_unit(tuning)).collect();
            (b.clone(), search_lowest(tuning, &starts, t_ref, &plan.search, chem, threads, seen))
        })
        .collect();
    let dark = plan.untuned.first().map(|b| b.dark).unwrap_or(f64::INFINITY);
    let mut tuned = vec![];
    let mut t_ref = untuned.iter().filter_map(|(_, l)| l.map(|l| l.t_rh)).fold(t_ref, f64::min);
    for (k, level) in plan.tuned.iter().enumerate() {
        let s = Search { seed: plan.search.seed.wrapping_add(k as u64 + 1), ..plan.search };
        let low = search_lowest(Tuning::exactly(*level, dark), &[], t_ref, &s, chem, threads, seen);
        if let Some(l) = low {
            t_ref = t_ref.min(l.t_rh);
        }
        tuned.push((*level, low));
    }
    BroadScan { fig5, untuned, tuned }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmark_shape_is_eq56() {
        // Eq. (56): M2 = 3 M1, y2 = 2|y1|, lambda2 = |lambda1|; the Point of Eq. (56) at the bound
        let s = Shape::benchmark(Benchmark::B1, 0.5, 30.0);
        let (a, b) = Benchmark::B1.phases();
        let p = s.point(1e10).unwrap();
        let q = Point::benchmark(1e10, 0.5, a, b, None).unwrap();
        for k in 0..2 {
            assert!((p.m[k] - q.m[k]).abs() <= 1e-6 * q.m[k]);
            assert!((p.y[k] - q.y[k]).norm() <= 1e-9 * q.y[k].norm());
            assert!((p.lam[k] - q.lam[k]).norm() <= 1e-12);
        }
    }

    #[test]
    fn tuning_is_the_cancellation_of_eq4() {
        // by hand: B1 has e^{2 i alpha} = e^{-4 pi i / 3}, q = 4/3
        let s = Shape::benchmark(Benchmark::B1, 1.0, 30.0);
        let z = C::new(-0.5, 3f64.sqrt() / 2.0) + 4.0 / 3.0;
        assert!((s.tuning() - (7.0 / 3.0) / z.norm()).abs() < 1e-12);
        // the same from the couplings: sum |y^2/M| / |sum y^2/M|
        let p = s.point(1e10).unwrap();
        let num: f64 = (0..2).map(|a| p.y[a].norm_sqr() / p.m[a]).sum();
        let den = (0..2).map(|a| p.y[a] * p.y[a] / p.m[a]).sum::<C>().norm();
        assert!((s.tuning() - num / den).abs() < 1e-9);
    }

    #[test]
    fn drawn_shapes_have_the_requested_tuning_and_saturate_eq5() {
        for level in [10.0, 1e3] {
            let t = Tuning::exactly(level, 2.0);
            let sh = draws(t, &Search { samples: 20, refine: 1, seed: 7 });
            assert_eq!(sh.len(), 20);
            for s in sh.iter().filter_map(|u| Shape::from_unit(u, t)) {
                assert!(s.dark_tuning() <= 2.0 * (1.0 + 1e-12));
                assert!((s.tuning() / level - 1.0).abs() < 1e-6, "{} vs {level}", s.tuning());
                let p = s.point(1e9).unwrap();
                assert!((p.delta_m_nu() * 1e9 / NU_MASS_BOUND_EV - 1.0).abs() < 1e-9);
            }
        }
        let t = Tuning::at_most(3.0, f64::INFINITY);
        for s in draws(t, &Search { samples: 50, refine: 1, seed: 3 }).iter().filter_map(|u| Shape::from_unit(u, t)) {
            assert!(s.tuning() <= 3.0 * (1.0 + 1e-9) && s.tuning() >= 1.0 - 1e-12);
            assert!(s.x_rh >= X_RH.0 && s.x_rh <= X_RH.1 && s.lambda.iter().all(|l| *l <= 1.0));
        }
    }

    #[test]
    fn unit_cube_round_trip() {
        // B1 (alpha = -2 pi/3 is outside [-pi/2, pi/2]: the equivalent sign of N1 is taken) and a drawn shape
        let b1 = Shape::benchmark(Benchmark::B1, 0.3, 30.0);
        let t = Tuning::at_most(b1.tuning(), b1.dark_tuning());
        let back = Shape::from_unit(&b1.to_unit(t), t).unwrap();
        let (p, q) = (b1.point(1e10).unwrap(), back.point(1e10).unwrap());
        for (x, y) in [(p.a(), q.a()), (p.b(), q.b()), (p.c(), q.c()), (p.d(), q.d())] {
            assert!((x - y).norm() <= 1e-9 * x.norm(), "{x} vs {y}");
        }
        assert!((back.x_rh - 30.0).abs() < 1e-9 && (back.mass_ratio - 3.0).abs() < 1e-9);
        let t = Tuning::exactly(100.0, 10.0);
        for u in draws(t, &Search { samples: 5, refine: 1, seed: 11 }) {
            let s = Shape::from_unit(&u, t).unwrap();
            let again = Shape::from_unit(&s.to_unit(t), t).unwrap();
            assert!((again.alpha - s.alpha).abs() < 1e-9 && (again.beta - s.beta).abs() < 1e-9 && (again.q - s.q).abs() < 1e-9);
        }
    }

    #[test]
    fn benchmark_tunings() {
        // footnote 9: B3 has a moderate cancellation in Eq. (4); it is the largest of B1-B4
        let b3 = Shape::benchmark(Benchmark::B3, 1.0, 30.0).tuning();
        let all = Untuned::as_benchmarks();
        assert!((all.eq4 - b3).abs() < 1e-12);
        assert!(b3 > 3.0 && b3 < 10.0, "{b3}");
        // the dark tuning of B1 by hand: B M1 = e^{i pi/2} + 1/3
        let d = (1.0 + 1.0 / 3.0) / C::new(1.0 / 3.0, 1.0).norm();
        assert!((Shape::benchmark(Benchmark::B1, 1.0, 30.0).dark_tuning() - d).abs() < 1e-12);
        assert!((Untuned::as_benchmark(Benchmark::B1).dark - d).abs() < 1e-12);
    }
}

//! The accuracy sweep of the App. A quadrature: does the error estimate of
//! [`crate::numerics::tanh_sinh`] hold?
//!
//! Every request of the grid — W(s) = s^k with k = 0..6, the number integral
//! (Eq. 72 against Eq. 75) at T1 = 1 and T2/T1 = 1e-2..1e2, and the energy
//! integral (Eq. 76 against Eq. 77) at T = 1e-2..1e2, each at 5 to 300 digits —
//! ends in one of three outcomes:
//! - **met**: the quadrature returned a number, and it agrees with the closed
//!   form to the requested digits *and* to its own printed estimate;
//! - **refused**: the quadrature said before printing that it cannot reach the
//!   digits (an error, no number);
//! - **missed**: a number was returned that does not meet the requested digits
//!   or its estimate. The sweep passes only when no request is missed.
//!
//! `cogenesis bench collide --sweep` runs the full grid on all cores (no
//! Symbolica here), `tests/collision.rs` a deterministic sample.

use crate::numerics::collision::{CollisionError, energy_density, number_density, working_bits};
use rayon::prelude::*;
use rug::Float;
use std::time::{Duration, Instant};

/// Powers k of the kernel W(s) = s^k in the full sweep.
pub const KS: std::ops::RangeInclusive<u32> = 0..=6;
/// Requested digits in the full sweep.
pub const DIGITS: [u32; 11] = [5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300];
/// T2/T1 of the number integral (T1 = 1), and T of the energy integral.
pub const TEMPERATURES: [f64; 5] = [1e-2, 1e-1, 1.0, 1e1, 1e2];

/// One request of the sweep.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Case {
    pub k: u32,
    /// Eq. (76) instead of Eq. (72).
    pub energy: bool,
    pub digits: u32,
    /// T2 (with T1 = 1) for the number integral, T for the energy integral.
    pub temperature: f64,
}

/// What became of a request.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A number was returned; it agrees with the closed form to `agreement`
    /// digits, at least the requested digits and the printed `estimated`.
    Met { agreement: f64, estimated: f64 },
    /// Refused before a number was printed.
    Refused(String),
    /// A number was returned that misses the request or its own estimate.
    Missed { agreement: f64, estimated: f64 },
}

/// A request, its outcome and its time.
#[derive(Clone, Debug)]
pub struct Record {
    pub case: Case,
    pub outcome: Outcome,
    pub time: Duration,
}

/// The full grid: every k, kind, digits and temperature.
pub fn full() -> Vec<Case> {
    let mut out = vec![];
    for k in KS {
        for energy in [false, true] {
            for digits in DIGITS {
                for temperature in TEMPERATURES {
                    out.push(Case { k, energy, digits, temperature });
                }
            }
        }
    }
    out
}

/// A deterministic sample of the grid for the tests: every k, kind and
/// temperature, digits up to 50 (a few seconds on one core).
pub fn sample() -> Vec<Case> {
    let digits = [5u32, 10, 15, 20, 30, 50];
    let mut out = vec![];
    for (i, k) in KS.enumerate() {
        for (j, energy) in [false, true].into_iter().enumerate() {
            for (m, temperature) in TEMPERATURES.into_iter().enumerate() {
                out.push(Case { k, energy, digits: digits[(i + 2 * j + m) % digits.len()], temperature });
            }
        }
    }
    out
}

/// Run one request and judge it against the closed form.
pub fn run_case(case: &Case) -> Record {
    let wp = working_bits(case.digits);
    let one = Float::with_val(wp, 1);
    let t = Float::with_val(wp, case.temperature);
    let start = Instant::now();
    let r: Result<_, CollisionError> =
        if case.energy { energy_density(case.k, &t, case.digits) } else { number_density(case.k, &one, &t, case.digits) };
    let time = start.elapsed();
    let outcome = match r {
        Err(e) => Outcome::Refused(e.to_string()),
        Ok(c) => {
            if c.digits >= case.digits as f64 && c.digits >= c.estimated {
                Outcome::Met { agreement: c.digits, estimated: c.estimated }
            } else {
                Outcome::Missed { agreement: c.digits, estimated: c.estimated }
            }
        }
    };
    Record { case: *case, outcome, time }
}

/// Run every case, on the process's pool of `threads` workers (0: all cores,
/// [`crate::numerics::pool`]). Results in input order.
pub fn run(cases: &[Case], threads: usize) -> Vec<Record> {
    let threads = if threads == 0 { crate::numerics::pool::all_cores() } else { threads };
    crate::numerics::pool::install(threads, || cases.par_iter().map(run_case).collect())
}

/// Counts of a sweep's outcomes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub refused: usize,
    pub missed: usize,
}

/// Count the outcomes.
pub fn tally(records: &[Record]) -> Tally {
    let mut t = Tally::default();
    for r in records {
        match r.outcome {
            Outcome::Met { .. } => t.met += 1,
            Outcome::Refused(_) => t.refused += 1,
            Outcome::Missed { .. } => t.missed += 1,
        }
    }
    t
}

/// A text summary: one line per (kind, k) with the worst margins, then every
/// refused or missed request.
pub fn summary(records: &[Record]) -> String {
    let t = tally(records);
    let mut out = format!(
        "App. A quadrature sweep: {} requests (k = {}..{}, number and energy, {}-{} digits, T2/T1 or T = {:e}..{:e})\n",
        records.len(),
        KS.start(),
        KS.end(),
        records.iter().map(|r| r.case.digits).min().unwrap_or(0),
        records.iter().map(|r| r.case.digits).max().unwrap_or(0),
        TEMPERATURES[0],
        TEMPERATURES[TEMPERATURES.len() - 1],
    );
    out.push_str(&format!("  met {}, refused {}, missed {}\n", t.met, t.refused, t.missed));
    out.push_str("  kind    k   worst (agreement - requested)   worst (agreement - estimate)   total time\n");
    for energy in [false, true] {
        for k in KS {
            let rs: Vec<&Record> = records.iter().filter(|r| r.case.k == k && r.case.energy == energy).collect();
            if rs.is_empty() {
                continue;
            }
            let mut over_req = f64::INFINITY;
            let mut over_est = f64::INFINITY;
            for r in &rs {
                if let Outcome::Met { agreement, estimated } | Outcome::Missed { agreement, estimated } = r.outcome {
                    over_req = over_req.min(agreement - r.case.digits as f64);
                    over_est = over_est.min(agreement - estimated);
                }
            }
            let time: Duration = rs.iter().map(|r| r.time).sum();
            out.push_str(&format!(
                "  {:<7} {k}   {:>+8.1} digits                  {:>+8.1} digits                 {:.2} s\n",
                if energy { "energy" } else { "number" },
                over_req,
                over_est,
                time.as_secs_f64()
            ));
        }
    }
    for r in records {
        let c = &r.case;
        let what = format!("{} k = {} at {} digits, T = {:e}", if c.energy { "energy" } else { "number" }, c.k, c.digits, c.temperature);
        match &r.outcome {
            Outcome::Refused(e) => out.push_str(&format!("  refused: {what}: {e}\n")),
            Outcome::Missed { agreement, estimated } => {
                out.push_str(&format!("  MISSED:  {what}: agreement {agreement:.1}, estimate {estimated:.1}\n"))
            }
            Outcome::Met { .. } => {}
        }
    }
    out
}

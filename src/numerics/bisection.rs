//! A bisection for where a monotone predicate starts to hold, with most of its
//! evaluations spared and its result kept bit for bit.
//!
//! The checks and scans bisect expensive predicates (an evolution, a
//! heavy-neutrino yield) for a threshold: the lowest T_RH that reaches the
//! observed Y_B (Sec. 4.4), the x_RH where the N_a yield becomes negligible
//! (Sec. 3.2). Their numbers are those of the plain bisection, so this module
//! reproduces it exactly and only evaluates fewer of its midpoints.
//!
//! # Method
//! The predicate holds on `[x*, inf)` and fails below (the bisection's own
//! assumption). A continuous measure `g` with `g >= 0` where it holds (for
//! example ln(|Y_B|/Y_B^obs)) lets regula falsi (Illinois) narrow the bracket
//! `[a, b]` (a fails, b holds) to about the bisection's final width in a few
//! evaluations. The bisection is then followed step by step: a midpoint at or
//! above `b` holds and one at or below `a` fails, and only a midpoint inside
//! `(a, b)` is evaluated. Each decision is the one the plain bisection takes,
//! so the result is its result wherever the predicate is monotone
//! ([`plain`](crate::numerics::bisection::plain) is the reference; tested here and in `tests/broad_scan.rs`).

/// When the bisection stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stop {
    /// While `hi - lo > width`.
    Width(f64),
    /// After this many halvings.
    Steps(usize),
}

impl Stop {
    fn more(self, lo: f64, hi: f64, done: usize) -> bool {
        match self {
            Stop::Width(w) => hi - lo > w,
            Stop::Steps(n) => done < n,
        }
    }

    /// The width of the bisection's last bracket from `[lo, hi]` (about: what
    /// regula falsi needs to reach before the bisection's steps).
    fn final_width(self, lo: f64, hi: f64) -> f64 {
        match self {
            Stop::Width(w) => w,
            Stop::Steps(n) => (hi - lo) / 2f64.powi(n.min(1000) as i32),
        }
    }
}

/// What is known before the search: the largest point known to fail and the
/// smallest known to hold, each with its measure `g` if it has a finite one.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Known {
    pub fails: Option<(f64, Option<f64>)>,
    pub holds: Option<(f64, Option<f64>)>,
}

impl Known {
    /// Record an evaluated point: `(holds, g)`.
    pub fn add(&mut self, x: f64, (holds, g): (bool, Option<f64>)) {
        let g = g.filter(|g| g.is_finite());
        if holds {
            if self.holds.is_none_or(|(b, _)| x < b) {
                self.holds = Some((x, g));
            }
        } else if self.fails.is_none_or(|(a, _)| x > a) {
            self.fails = Some((x, g));
        }
    }
}

/// The plain bisection of `[lo, hi]`: at each midpoint, `holds(mid)` keeps the
/// upper half's lower end (`hi = mid`) or moves `lo` up; the final `hi`.
pub fn plain(lo: f64, hi: f64, stop: Stop, mut holds: impl FnMut(f64) -> bool) -> f64 {
    let (mut lo, mut hi) = (lo, hi);
    let mut done = 0;
    while stop.more(lo, hi, done) {
        let mid = 0.5 * (lo + hi);
        if holds(mid) {
            hi = mid
        } else {
            lo = mid
        }
        done += 1;
    }
    hi
}

/// [`plain`]'s result with fewer evaluations (see the module documentation).
/// `eval(x)` gives whether the predicate holds at `x` (the decision, exactly as
/// [`plain`] would take it) and the measure `g(x)` for regula falsi (`None`
/// where it has none; the regula falsi then stops and the bisection goes on);
/// `known` what the caller has evaluated already; at most `max_secants`
/// regula falsi steps are taken.
pub fn with_secants(
    lo: f64,
    hi: f64,
    stop: Stop,
    known: Known,
    max_secants: usize,
    mut eval: impl FnMut(f64) -> (bool, Option<f64>),
) -> f64 {
    let mut known = known;
    if let (Some((mut a, Some(mut ga))), Some((mut b, Some(mut gb)))) = (known.fails, known.holds) {
        let width = stop.final_width(lo, hi);
        let mut side = 0i8;
        for _ in 0..max_secants {
            // narrow enough, or no bracket left (NaN)
            if (b - a).partial_cmp(&width) != Some(std::cmp::Ordering::Greater) {
                break;
            }
            // the secant point, at least a quarter of the final width inside the bracket
            // (a root hit exactly then brackets itself at the next step); the midpoint
            // where rounding puts it outside
            let margin = 0.25 * width;
            let mut c = ((a * gb - b * ga) / (gb - ga)).max(a + margin).min(b - margin);
            if !(c > a && c < b) {
                c = 0.5 * (a + b);
            }
            let (holds, g) = eval(c);
            known.add(c, (holds, g));
            let Some(g) = g.filter(|g| g.is_finite()) else { break };
            if holds {
                (b, gb) = (c, g);
                if side == 1 {
                    ga *= 0.5;
                }
                side = 1;
            } else {
                (a, ga) = (c, g);
                if side == -1 {
                    gb *= 0.5;
                }
                side = -1;
            }
        }
    }
    let (mut a, mut b) = (known.fails.map_or(f64::NEG_INFINITY, |k| k.0), known.holds.map_or(f64::INFINITY, |k| k.0));
    plain(lo, hi, stop, |mid| {
        if mid >= b {
            true
        } else if mid <= a {
            false
        } else {
            let holds = eval(mid).0;
            if holds {
                b = mid
            } else {
                a = mid
            }
            holds
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Measure = Box<dyn Fn(f64, f64) -> Option<f64>>;

    /// Monotone predicates with smooth, kinked and flat measures, both stop rules,
    /// thresholds inside, at and outside the range, measures missing in places:
    /// always the plain bisection's result, bit for bit, and fewer evaluations
    /// where the measure is smooth.
    #[test]
    fn the_plain_bisections_result_with_fewer_evaluations() {
        let measures: Vec<(&str, Measure)> = vec![
            ("linear", Box::new(|x, t| Some(x - t))),
            ("power", Box::new(|x, t| Some(3.0 * (x.ln() - t.ln())))),
            ("kinked", Box::new(|x, t| Some(if x < t { (x - t) * 1e-3 } else { (x - t) * 50.0 }))),
            ("flat below", Box::new(|x, t| Some(if x < t { -1.0 } else { x - t }))),
            ("missing near", Box::new(|x, t| if (x - t).abs() < 0.5 { None } else { Some(x - t) })),
        ];
        let mut saved = 0;
        for (name, g) in &measures {
            for stop in [Stop::Width(1e-3), Stop::Steps(16)] {
                for t in [0.7, 2.0, 2.0001, 7.3, 33.333, 59.9, 60.0, 75.0] {
                    let (lo, hi) = (2.0f64, 60.0f64);
                    let holds = |x: f64| x >= t;
                    let mut plain_evals = 0;
                    let reference = plain(lo, hi, stop, |x| {
                        plain_evals += 1;
                        holds(x)
                    });
                    let mut evals = 0;
                    let mut eval = |x: f64| {
                        evals += 1;
                        (holds(x), g(x, t))
                    };
                    let mut known = Known::default();
                    known.add(lo, eval(lo));
                    known.add(hi, eval(hi));
                    let fast = with_secants(lo, hi, stop, known, 12, &mut eval);
                    assert_eq!(fast.to_bits(), reference.to_bits(), "{name}, {stop:?}, threshold {t}");
                    if *name == "linear" || *name == "power" {
                        assert!(evals < plain_evals, "{name}, {stop:?}, threshold {t}: {evals} evaluations against {plain_evals}");
                        saved += plain_evals - evals;
                    }
                }
            }
        }
        assert!(saved > 100, "{saved}");
    }
}

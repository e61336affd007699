//! Which conventions did the authors' numbers use? (issue 16). Where the paper
//! is ambiguous or inconsistent, each alternative reading is run through the
//! evolution and the paper's quantitative statements are evaluated under it:
//! the reading under which more of them hold is the one the paper's numbers
//! support — so a printed slip that never reached the figures is told apart
//! from one that did.
//!
//! The statements are those of the audit claims text.xi-range,
//! text.xi-m1-independence, text.trh-bound, text.fig7-neff-future,
//! fig6.yb-falloff, fig8.mass-range, fig8.mostly-asymmetric, and the broader
//! scan of Sec. 4.4, text.broad-scan-trh and text.tuned-trh (their verdicts
//! under the derivation are in the report), evaluated here on 12 x 12 grids and
//! the light plan of [`crate::cosmo::broad_scan`], with the referee policy of
//! [`crate::prec`].

use crate::audit::impact::{PRINTED_SOURCE_FACTORS, printed_ll_weight};
use crate::cosmo::broad_scan::{BroadScan, Plan};
use crate::cosmo::constants::Y_B_OBSERVED;
use crate::cosmo::evolution::{Settings, evolve};
use crate::cosmo::point::{Alternative, Chem, Point};
use crate::cosmo::relic::DarkDof;
use crate::cosmo::relic_scan::fig8;
use crate::cosmo::scan::{Figure, Sample, evaluate_grid};
use crate::derive::benchmarks::Benchmark;
use crate::prec::{Reading as Policy, Side, read_printed};

/// Grid size of the convention runs.
pub const CONVENTION_GRID: usize = 12;

/// One reading of an ambiguous or inconsistent point of the paper.
#[derive(Clone, Debug)]
pub struct Convention {
    pub name: &'static str,
    pub alternative: Alternative,
    pub yd_per_ylx: f64,
}

/// A question with its two readings (the derived one first).
#[derive(Clone, Debug)]
pub struct Question {
    pub topic: &'static str,
    pub readings: [Convention; 2],
}

/// The questions the paper leaves open or answers inconsistently.
pub fn questions(chem: &Chem) -> Vec<Question> {
    let base = Alternative::default();
    let derived = |name| Convention { name, alternative: base, yd_per_ylx: 2.0 };
    let other = |name, alternative| Convention { name, alternative, yd_per_ylx: 2.0 };
    let mut q = vec![
        Question {
            topic: "C_E (Eq. 31): [S]^{lH} summed over the n_g lepton flavours or not",
            readings: [derived("summed over flavours"), other("one flavour", Alternative { energy_flavour_sum: false, ..base })],
        },
        Question {
            topic: "the [S2] coefficient of C_E: 96/pi^4 (Eq. 77) or 192/pi^4 (Eq. 31 as printed)",
            readings: [derived("96/pi^4"), other("192/pi^4", Alternative { energy_s2_factor: 2.0, ..base })],
        },
        Question {
            topic: "the sources: Eqs. (47)-(48) with the derived [D2], or Eqs. (57)-(58) as printed (an extra loop prefactor)",
            readings: [
                derived("Eqs. (47)-(48)"),
                other("Eqs. (57)-(58) as printed", Alternative { sigma_factor: PRINTED_SOURCE_FACTORS, ..base }),
            ],
        },
        Question {
            topic: "Y_Dchi: 2 Y_Lx (L_x = 1/2 per Dirac chi, Table 1) or Y_Lx (as printed)",
            readings: [derived("Y_Dchi = 2 Y_Lx"), Convention { name: "Y_Dchi = Y_Lx", alternative: base, yd_per_ylx: 1.0 }],
        },
    ];
    if let Some(half) = printed_ll_weight(chem) {
        q.push(Question {
            topic: "the weight of l l -> H^dag H^dag in the wash-out: as in Eqs. (85)-(86), or as printed in Eq. (50) (half)",
            readings: [derived("Eqs. (85)-(86)"), other("Eq. (50) as printed", half)],
        });
    }
    q
}

/// The scans one reading needs (its evolution on the Fig. 5, 6 and 7 grids,
/// and the broader scan of Sec. 4.4 with the light plan).
#[derive(Clone, Debug)]
pub struct Grids {
    pub fig5: Vec<Sample>,
    pub fig6: Vec<Sample>,
    pub fig7: Vec<Sample>,
    pub broad: BroadScan,
}

/// Evolve the three grids and the broader scan under the reading `chem` carries.
pub fn grids(chem: &Chem, threads: usize) -> Grids {
    let n = CONVENTION_GRID;
    Grids {
        fig5: evaluate_grid(Figure::Fig5, n, chem, threads),
        fig6: evaluate_grid(Figure::Fig6, n, chem, threads),
        fig7: evaluate_grid(Figure::Fig7, n, chem, threads),
        broad: crate::cosmo::shared::broad_scan(chem, &Plan::light(), threads),
    }
}

/// One statement under one reading: (claim id, holds?, the value in words).
pub type Statement = (&'static str, bool, String);

/// The statements evaluated under one reading.
pub fn statements(chem: &Chem, g: &Grids, dof: DarkDof, yd_per_ylx: f64, threads: usize) -> Vec<Statement> {
    let n = CONVENTION_GRID;
    let bbl = chem.b_over_bl;
    let reaches = |s: &Sample| s.reaches_observed(bbl);
    let (fig5, fig6, fig7) = (&g.fig5, &g.fig6, &g.fig7);
    let both = Policy::Rough(Side::Both);
    let mut out = vec![];
    // xi ~ 0.1-0.5 on the paper's |lambda1| <= 1
    let xs: Vec<f64> = fig5.iter().filter(|s| reaches(s) && s.lambda1 <= 1.0 + 1e-12).map(|s| s.xi).collect();
    let (mn, mx) = (xs.iter().cloned().fold(f64::INFINITY, f64::min), xs.iter().cloned().fold(0.0, f64::max));
    let ok = !xs.is_empty()
        && read_printed("0.1", mn, both).is_some_and(|r| r.agrees)
        && read_printed("0.5", mx, both).is_some_and(|r| r.agrees);
    out.push(("text.xi-range", ok, if xs.is_empty() { "no point reaches Y_B^obs".into() } else { format!("xi {mn:.2}-{mx:.2}") }));
    // xi nearly independent of M1
    let (a, b) = Benchmark::B1.phases();
    let xis: Vec<f64> = [1e8, 1e10, 1e12, 1e14]
        .iter()
        .filter_map(|m1| Point::benchmark(*m1, 1.0, a, b, None).ok())
        .filter_map(|p| evolve(&p, chem, &Settings { x_rh: 30.0, u_max: 1e4, samples: 20, ..Settings::default() }).ok())
        .map(|t| t.last().xi)
        .collect();
    let spread = if xis.len() == 4 {
        (xis.iter().cloned().fold(0.0, f64::max) - xis.iter().cloned().fold(f64::INFINITY, f64::min)) / xis[0]
    } else {
        f64::INFINITY
    };
    out.push(("text.xi-m1-independence", spread <= crate::prec::NEARLY, format!("spread {spread:.3}")));
    // T_RH >~ 4e8 GeV
    let t_min = crate::cosmo::scan::lowest_trh(fig5.iter().chain(fig6.iter()), bbl).unwrap_or(f64::INFINITY);
    let ok = t_min.is_finite() && read_printed("4e8", t_min, both).is_some_and(|r| r.agrees);
    out.push(("text.trh-bound", ok, format!("lowest T_RH {t_min:.1e} GeV")));
    // xi < 0.66 over Fig. 7 (|lambda1| <= 1)
    let x7 = fig7.iter().filter(|s| s.ok && s.lambda1 <= 1.0 + 1e-12).map(|s| s.xi).fold(0.0, f64::max);
    out.push(("text.fig7-neff-future", x7 < 0.66, format!("largest xi {x7:.2}")));
    // Fig. 6: Y_B falls with x_RH at fixed M1
    let monotone =
        (0..n).filter(|i| (0..n - 1).all(|j| fig6[(j + 1) * n + i].y_bl.abs() <= fig6[j * n + i].y_bl.abs() * (1.0 + 1e-9))).count();
    out.push(("fig6.yb-falloff", monotone == n, format!("{monotone} of {n} columns")));
    // Fig. 8 from the Fig. 5 grid with this Y_Dchi / Y_Lx
    let scaled: Vec<Sample> = fig5.iter().map(|s| Sample { y_lx: s.y_lx * yd_per_ylx, ..*s }).collect();
    let pts = fig8(&scaled, bbl, dof, threads);
    let asym: Vec<&crate::cosmo::relic_scan::Fig8Point> =
        pts.iter().filter(|p| p.relic.as_ref().is_some_and(|r| r.asymmetric_fraction() >= 0.8)).collect();
    let masses: Vec<f64> = asym.iter().filter_map(|p| p.m_max).collect();
    let (lo, hi) = (masses.iter().cloned().fold(f64::INFINITY, f64::min), masses.iter().cloned().fold(0.0, f64::max));
    let ok = !masses.is_empty()
        && read_printed("0.1", lo, both).is_some_and(|r| r.agrees)
        && read_printed("1e3", hi, both).is_some_and(|r| r.agrees);
    out.push((
        "fig8.mass-range",
        ok,
        if masses.is_empty() { "no asymmetric point".into() } else { format!("m_chi^max {lo:.2}-{hi:.0} GeV") },
    ));
    let good: Vec<_> = pts.iter().filter(|p| p.y_b.abs() >= Y_B_OBSERVED).collect();
    let mostly = good.iter().filter(|p| p.relic.as_ref().is_some_and(|r| r.asymmetric_fraction() >= 0.8)).count();
    out.push(("fig8.mostly-asymmetric", !good.is_empty() && 2 * mostly > good.len(), format!("{mostly} of {} points", good.len())));
    // Sec. 4.4: the broader scan, untuned (no more cancellation than B1) within an order-one factor of Fig. 5
    let b = &g.broad;
    let ratio = b.untuned_factor();
    out.push((
        "text.broad-scan-trh",
        ratio.is_some_and(|q| q <= crate::prec::ORDER_ONE_FACTOR),
        ratio.map(|q| format!("a factor {q:.2} below Fig. 5")).unwrap_or_else(|| "no point reaches Y_B^obs".into()),
    ));
    // Sec. 4.4: tuned against Eq. (4), T_RH ~ 1e6 - 1e7 GeV reached
    let inside = |t: f64| crate::prec::in_rough_range("1e6", "1e7", t).unwrap_or(false);
    let low = b.tuned_lowest();
    out.push((
        "text.tuned-trh",
        b.tuned.iter().any(|(_, l)| l.is_some_and(|l| inside(l.t_rh))),
        low.map(|(t, l)| format!("{:.1e} GeV at t = {t:.0}", l.t_rh)).unwrap_or_else(|| "none".into()),
    ));
    out
}

/// The evaluated questions: for each, the statements under both readings.
#[derive(Clone, Debug)]
pub struct Support {
    pub rows: Vec<(Question, [Vec<Statement>; 2])>,
}

/// Evaluate every question; the readings run side by side on the pool of
/// `threads` workers (each is a deterministic function of its reading, so the
/// rows are the same in any order: the serial stretches of one reading's broader
/// scan, its compass searches, leave cores to the others).
pub fn support(chem: &Chem, dof: DarkDof, threads: usize) -> Support {
    use rayon::prelude::*;
    let base = grids(chem, threads);
    let derived = statements(chem, &base, dof, 2.0, threads);
    let rows = crate::numerics::pool::install(threads, || {
        questions(chem)
            .into_par_iter()
            .map(|q| {
                let other = &q.readings[1];
                let alt = Chem { alternative: other.alternative, ..chem.clone() };
                // a reading that only changes Y_Dchi / Y_Lx reuses the derived scans
                let g = if other.alternative == chem.alternative { base.clone() } else { grids(&alt, threads) };
                let second = statements(&alt, &g, dof, other.yd_per_ylx, threads);
                (q, [derived.clone(), second])
            })
            .collect()
    });
    Support { rows }
}

/// The reading that fits best, in words.
pub fn verdict(q: &Question, s: &[Vec<Statement>; 2]) -> String {
    let holds = |v: &Vec<Statement>| v.iter().filter(|x| x.1).count();
    let (a, b) = (holds(&s[0]), holds(&s[1]));
    match a.cmp(&b) {
        std::cmp::Ordering::Greater => format!(
            "the paper's numbers support \"{}\" ({a} of {} statements hold, {b} with \"{}\")",
            q.readings[0].name,
            s[0].len(),
            q.readings[1].name
        ),
        std::cmp::Ordering::Less => format!(
            "the paper's numbers support \"{}\" ({b} of {} statements hold, {a} with \"{}\")",
            q.readings[1].name,
            s[1].len(),
            q.readings[0].name
        ),
        std::cmp::Ordering::Equal => {
            format!("the paper's statements do not tell the readings apart ({a} of {} hold under both)", s[0].len())
        }
    }
}

/// The Markdown section of the report.
pub fn markdown(s: &Support) -> String {
    let mut out = String::from(
        "## Conventions the paper's numbers support\n\nWhere the paper is ambiguous or inconsistent, each reading is run through the evolution \
         (`src/audit/conventions.rs`, 12 x 12 grids, the referee policy of `src/prec.rs`) and the paper's quantitative statements (audit \
         claims, named by id) are evaluated under it. A reading under which more statements hold is the one the authors' numbers used: a \
         printed slip that never reached the figures is told apart from one that did.\n\n",
    );
    for (q, st) in &s.rows {
        out.push_str(&format!(
            "**{}**: {}.\n\n| statement | {} | {} |\n|---|---|---|\n",
            q.topic,
            verdict(q, st),
            q.readings[0].name,
            q.readings[1].name
        ));
        for ((id, h0, v0), (_, h1, v1)) in st[0].iter().zip(&st[1]) {
            let mark = |h: bool| if h { "holds" } else { "fails" };
            out.push_str(&format!("| {id} | {} ({v0}) | {} ({v1}) |\n", mark(*h0), mark(*h1)));
        }
        out.push('\n');
    }
    out
}

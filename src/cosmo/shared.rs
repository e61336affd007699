//! The audit's expensive scans, computed once per process for each input and
//! shared between threads: the checks ask for them on the Symbolica thread, and
//! the audit pipeline computes them first on its numerics thread
//! ([`prefetch`](crate::cosmo::shared::prefetch)), so that they run while the checks do symbolic work. A
//! caller that asks for a result another thread is computing waits for it; no
//! scan is computed twice. The results are those of the unshared functions
//! (the same calls), so a report does not depend on which thread computed them.
//!
//! Keyed by everything the computation reads: the chemistry (its `Debug` form:
//! f64 fields print their shortest round-trip representation), the figure and
//! grid size, the plan, the degrees of freedom. The thread count is not part of
//! the key: it changes only how fast the result comes.

use crate::cosmo::broad_scan::{self, BroadScan, Evaluations, Plan};
use crate::cosmo::point::Chem;
use crate::cosmo::relic::{DarkDof, DarkParams, Relic, RelicError};
use crate::cosmo::relic_scan::{self, Fig8Point};
use crate::cosmo::scan::{Figure, Sample, evaluate_grid};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

type Cell = Arc<OnceLock<Arc<dyn Any + Send + Sync>>>;

static MEMO: LazyLock<Mutex<HashMap<(&'static str, String), Cell>>> = LazyLock::new(Default::default);

/// The value of `f` for (`kind`, `key`), computed once per process.
fn memo<T: Clone + Send + Sync + 'static>(kind: &'static str, key: String, f: impl FnOnce() -> T) -> T {
    let cell = MEMO.lock().unwrap_or_else(|p| p.into_inner()).entry((kind, key)).or_default().clone();
    let value = cell.get_or_init(|| Arc::new(f()) as Arc<dyn Any + Send + Sync>);
    // one kind always stores one type
    value.downcast_ref::<T>().cloned().unwrap_or_else(|| unreachable!("memo kind {kind} holds one type"))
}

/// [`evaluate_grid`] of a figure at `n` x `n` points, shared.
pub fn grid(fig: Figure, n: usize, chem: &Chem, threads: usize) -> Vec<Sample> {
    memo("scan::evaluate_grid", format!("{fig:?} {n} {chem:?}"), || evaluate_grid(fig, n, chem, threads))
}

/// [`crate::cosmo::scan::lowest_trh_ascending`] over the `n` x `n` grids of `figs`, shared.
pub fn lowest_trh(figs: &[Figure], n: usize, chem: &Chem, threads: usize) -> Option<f64> {
    memo("scan::lowest_trh_ascending", format!("{figs:?} {n} {chem:?}"), || {
        crate::cosmo::scan::lowest_trh_ascending(figs, n, chem, threads)
    })
}

/// [`broad_scan::run`], shared; the scans of every plan under one chemistry
/// share one record of evolutions (a [`broad_scan::Evaluations`] per chemistry).
pub fn broad_scan(chem: &Chem, plan: &Plan, threads: usize) -> BroadScan {
    let key = format!("{chem:?}");
    memo("broad_scan::run", format!("{plan:?} {key}"), || broad_scan::run_with(chem, plan, threads, &evaluations(key)))
}

/// The record of the broader scans' evolutions under one chemistry (its `Debug` form).
fn evaluations(chem: String) -> Arc<Evaluations> {
    memo("broad_scan::Evaluations", chem, || Arc::new(Evaluations::default()))
}

/// Fig. 8 ([`relic_scan::fig8`]) from the shared Fig. 5 grid of `n` x `n` points, shared.
pub fn fig8(n: usize, chem: &Chem, dof: DarkDof, threads: usize) -> Vec<Fig8Point> {
    memo("relic_scan::fig8", format!("{n} {dof:?} {chem:?}"), || {
        relic_scan::fig8(&grid(Figure::Fig5, n, chem, threads), chem.b_over_bl, dof, threads)
    })
}

/// [`crate::cosmo::relic::max_mass`], shared (the explainer re-runs the checks that ask for it).
///
/// # Errors
/// As [`crate::cosmo::relic::max_mass`].
pub fn max_mass(template: &DarkParams) -> Result<(f64, Relic), RelicError> {
    memo("relic::max_mass", format!("{template:?}"), || crate::cosmo::relic::max_mass(template))
}

/// Forget every shared result, here and the integrals of
/// `numerics::quantum::two_dimensional_shared`: the next caller computes it again
/// (what a benchmark's cold run needs; a caller still waiting keeps its result).
pub fn forget() {
    MEMO.lock().unwrap_or_else(|p| p.into_inner()).clear();
    crate::numerics::quantum::forget_shared();
}

/// What the audit's checks ask for, in the order they are most worth having
/// early (the longest first); see `audit::checks` for the claims that use each.
#[derive(Clone, Debug, PartialEq)]
pub struct Prefetch {
    /// The broader scan of Sec. 4.4 under this plan.
    pub broad_scan: Plan,
    /// The lowest T_RH over grids (figures, size) ([`lowest_trh`]).
    pub lowest_trh: Vec<(Vec<Figure>, usize)>,
    /// Grids (figure, size).
    pub grids: Vec<(Figure, usize)>,
    /// Fig. 8 on the Fig. 5 grid of this size.
    pub fig8: usize,
    /// The quantum/MB table: kernel powers, final temperature ratio, digits.
    pub quantum_table: (Vec<u32>, f64, u32),
}

/// Compute everything `what` names (results are kept for the callers of
/// [`grid`], [`lowest_trh`], [`broad_scan()`], [`fig8`] and `numerics::quantum::two_dimensional_shared`,
/// which the quantum/MB table fills).
pub fn prefetch(what: &Prefetch, chem: &Chem, dof: DarkDof, threads: usize) {
    broad_scan(chem, &what.broad_scan, threads);
    for (figs, n) in &what.lowest_trh {
        lowest_trh(figs, *n, chem, threads);
    }
    for (fig, n) in &what.grids {
        grid(*fig, *n, chem, threads);
    }
    fig8(what.fig8, chem, dof, threads);
    let (ks, tf, digits) = &what.quantum_table;
    let _ = crate::numerics::quantum::table(ks, *tf, *digits, threads);
}

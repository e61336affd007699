//! The context shared by the checks of one audit: the inputs (claims and data
//! files, loaded once) and the derived data computed once and reused (the \[D2\]
//! table, derived \[D2\] coefficients, printed claims already lowered).

use crate::audit::checks::sec2_asymmetry;
use crate::audit::error::{CheckError, ForClaim};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::Setup;
use crate::cosmo::point::Chem;
use crate::derive::asymmetry::{D2Row, d2_couplings, d2_table};
use crate::derive::chemistry::{self, Equilibrium};
use crate::derive::couplings::EQ78;
use crate::derive::dark::{self, Dof};
use crate::derive::kernels::{SymmetricKernel, symmetric_kernel};
use crate::derive::washout::Potentials;
use crate::transcript::chemistry::System;
use crate::transcript::claims::{Claim, ClaimSet};
use crate::transcript::error::TranscriptionError;
use crate::transcript::inputs::Inputs;
use crate::transcript::inputs::Reaction;
use crate::transcript::lower::{Letters, Scope, lower};
use crate::transcript::particles::Process;
use crate::transcript::vocabulary::Named;
use std::any::Any;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use symbolica::atom::Atom;

/// Derived \[D2\] coefficients by reaction and flavours, shared with overlays.
type D2Cache = Rc<RefCell<HashMap<(Named, Vec<Flavour>), Atom>>>;

/// Derived quantities by name, each computed once from the inputs (never from a
/// printed claim), shared with overlays.
type SharedCache = Rc<RefCell<HashMap<String, Rc<dyn Any>>>>;

/// Shared derived data, computed once per audit.
pub struct Context<'a> {
    /// Every input of the audit.
    pub inputs: &'a Inputs,
    /// The transcribed claims (`inputs.claims`).
    pub claims: &'a ClaimSet,
    /// A claim that replaces the one of the same id (used by the explainer).
    overlay: Option<Claim>,
    d2: Rc<OnceCell<Vec<D2Row>>>,
    derived: D2Cache,
    shared: SharedCache,
    printed: Rc<RefCell<HashMap<(String, usize), Atom>>>,
    letters: Rc<RefCell<HashMap<String, Option<Atom>>>>,
    /// The ids of the claims read through this context (and its overlays)
    /// since the last [`Context::take_reads`]: what a check depends on.
    reads: Rc<RefCell<std::collections::BTreeSet<String>>>,
    /// Workers of the pool the checks' scans run on ([`Context::threads`]).
    threads: usize,
}

impl<'a> Context<'a> {
    pub fn new(inputs: &'a Inputs) -> Self {
        Context {
            inputs,
            claims: &inputs.claims,
            overlay: None,
            d2: Rc::new(OnceCell::new()),
            derived: Rc::new(RefCell::new(HashMap::new())),
            shared: Rc::new(RefCell::new(HashMap::new())),
            printed: Rc::new(RefCell::new(HashMap::new())),
            letters: Rc::new(RefCell::new(HashMap::new())),
            reads: Rc::new(RefCell::new(Default::default())),
            threads: crate::numerics::pool::all_cores(),
        }
    }

    /// The same context with the checks' scans on a pool of `threads` workers
    /// (at least one; by default every core).
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// Workers of the pool the checks' scans (grids, the broader scan, Fig. 8, the
    /// quantum/MB table) run on. The results do not depend on it (`cosmo::shared`).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// The same context with one claim replaced; derived data stays shared, and
    /// so do the lowered printed claims, except the replaced one (never read
    /// from or written to the shared caches).
    pub fn with_overlay(&self, c: Claim) -> Context<'a> {
        Context {
            inputs: self.inputs,
            claims: self.claims,
            overlay: Some(c),
            d2: self.d2.clone(),
            derived: self.derived.clone(),
            shared: self.shared.clone(),
            printed: self.printed.clone(),
            letters: self.letters.clone(),
            reads: self.reads.clone(),
            threads: self.threads,
        }
    }

    /// The ids of the claims read since the last call (other claims a check
    /// depends on; the cache re-checks a claim when one of them changes).
    pub fn take_reads(&self) -> std::collections::BTreeSet<String> {
        std::mem::take(&mut *self.reads.borrow_mut())
    }

    fn note_read(&self, id: &str) {
        self.reads.borrow_mut().insert(id.to_string());
    }

    /// Whether only the status of the verdict is wanted: in the explainer's
    /// re-runs, which ask only whether a variant of the printed claim is
    /// confirmed. A check may then return as soon as its status is decided and
    /// skip the detail and the LaTeX; the status must be the one the full
    /// check gives.
    pub fn status_only(&self) -> bool {
        self.overlay.is_some()
    }

    /// Whether `id` is the claim an explainer overlay replaces (its printed
    /// form must not be cached).
    fn overlaid(&self, id: &str) -> bool {
        self.overlay.as_ref().is_some_and(|o| o.id == id)
    }

    /// A derivation step shared by several checks: computed by `derive` the first
    /// time `name` is asked for, then reused by every check of the audit and by
    /// the explainer's re-runs. `derive` must depend on the inputs only, never on
    /// a printed claim (which an explainer overlay may change). This is the
    /// derivation half of a check; the comparison half stays in the check.
    pub fn shared<T: 'static>(&self, name: &str, derive: impl FnOnce() -> T) -> Rc<T> {
        match self.shared_ok(name, || Ok::<T, std::convert::Infallible>(derive())) {
            Ok(v) => v,
            Err(never) => match never {},
        }
    }

    /// A derivation step that reads printed claims other than the one being
    /// checked (Eq. 56's benchmark ratios, the normalisation of Eqs. 47-48):
    /// shared like [`Context::shared`], except in an explainer overlay that
    /// replaces one of `reads`, where it is derived afresh and not kept.
    pub fn shared_reading<T: 'static, E>(&self, name: &str, reads: &[&str], derive: impl FnOnce() -> Result<T, E>) -> Result<Rc<T>, E> {
        for id in reads {
            self.note_read(id);
        }
        if reads.iter().any(|id| self.overlaid(id)) {
            return derive().map(Rc::new);
        }
        self.shared_ok(name, derive)
    }

    /// [`Context::shared`] for a derivation that can fail: a success is kept,
    /// an error is returned to this caller and derived again by the next.
    pub fn shared_ok<T: 'static, E>(&self, name: &str, derive: impl FnOnce() -> Result<T, E>) -> Result<Rc<T>, E> {
        if let Some(v) = self.shared.borrow().get(name).and_then(|v| v.clone().downcast::<T>().ok()) {
            return Ok(v);
        }
        let v = Rc::new(derive()?);
        self.shared.borrow_mut().insert(name.to_string(), v.clone());
        Ok(v)
    }

    /// The derived \[D2\] table (two heavy neutrinos, y_ia = y_a).
    pub fn d2_rows(&self) -> &[D2Row] {
        self.d2.get_or_init(|| d2_table(&Setup::PAPER))
    }

    /// The derived \[D2\] of a named reaction (couplings, universal), cached.
    pub fn derived_d2(&self, named: Named, flavours: &[Flavour]) -> Atom {
        let key = (named, flavours.to_vec());
        if let Some(a) = self.derived.borrow().get(&key) {
            return a.clone();
        }
        let a = d2_couplings(&named.process(flavours), &Setup::PAPER);
        self.derived.borrow_mut().insert(key, a.clone());
        a
    }

    /// A claim that another claim depends on.
    pub fn claim(&self, id: &str, needed_by: &Claim) -> Result<&Claim, TranscriptionError> {
        self.note_read(id);
        if let Some(o) = self.overlay.as_ref().filter(|o| o.id == id) {
            return Ok(o);
        }
        self.claims.get(id).ok_or_else(|| needed_by.error(format!("needs claim `{id}`, which is not in the derivations")))
    }

    /// A printed \[D2\] claim rewritten in the letters of Eq. (78) (paper setup), cached.
    pub fn printed_letters(&self, id: &str, needed_by: &Claim) -> Result<Option<Atom>, TranscriptionError> {
        self.note_read(id);
        let cached = !self.overlaid(id);
        if cached && let Some(a) = self.letters.borrow().get(id) {
            return Ok(a.clone());
        }
        let a = sec2_asymmetry::printed_letters(self.claim(id, needed_by)?, &Setup::PAPER)?;
        if cached {
            self.letters.borrow_mut().insert(id.to_string(), a.clone());
        }
        Ok(a)
    }

    /// A printed \[D2\] coefficient (Eqs. 17-20) lowered with `setup`.
    pub fn printed_d2(&self, id: &str, needed_by: &Claim, setup: Setup) -> Result<Atom, TranscriptionError> {
        self.note_read(id);
        let key = (id.to_string(), setup.n_heavy);
        let cached = setup.flavours == Setup::PAPER.flavours && !self.overlaid(id);
        if cached && let Some(a) = self.printed.borrow().get(&key) {
            return Ok(a.clone());
        }
        let c = self.claim(id, needed_by)?;
        let e = c.expression()?;
        let a = lower(e, &Scope::new(setup, Letters::Defined(&EQ78))).map_err(|err| c.lower_error(err))?;
        if cached {
            self.printed.borrow_mut().insert(key, a.clone());
        }
        Ok(a)
    }
}

/// Inputs as the checks need them: solved, with failures attached to the claim.
impl<'a> Context<'a> {
    /// A chemistry system of the inputs (path relative to the derivations
    /// directory, `chemistry/visible.toml`) and its solution.
    pub fn equilibrium(&self, c: &Claim, rel: &str) -> Result<(&'a System, Equilibrium), CheckError> {
        let system = self.inputs.chemistry(rel).for_claim(c)?;
        let eq = chemistry::solve(system).for_claim(c)?;
        Ok((system, eq))
    }

    /// The chemistry system that a quoted value of the claim names (`quoted.system`).
    pub fn quoted_equilibrium(&self, c: &Claim, key: &str) -> Result<(&'a System, Equilibrium), CheckError> {
        let rel = &c.quoted.get(key).ok_or_else(|| c.error(format!("missing quoted.{key}")))?.text;
        self.equilibrium(c, rel)
    }

    /// The chemical potentials of the visible and dark systems (Eqs. 41, 43) per unit charge.
    pub fn potentials(&self, c: &Claim) -> Result<Potentials, CheckError> {
        Potentials::from_inputs(self.inputs).for_claim(c)
    }

    /// The chemistry coefficients and derived kernels of the numerical evolution.
    pub fn chem(&self, c: &Claim) -> Result<Chem, CheckError> {
        let mu = self.potentials(c)?;
        Chem::from_equilibria(&mu.visible, &mu.dark, self.reactions(c)?, self.table3(c)?).for_claim(c)
    }

    /// The reactions of Table 2.
    pub fn reactions(&self, c: &Claim) -> Result<&'a [Reaction], CheckError> {
        Ok(self.inputs.table2(c)?)
    }

    /// \[S1\], \[S2\] of a reaction derived from the Feynman rules (Table 3 as
    /// derived), computed once per reaction and shared by every check and the
    /// explainer's re-runs.
    pub fn kernel(&self, c: &Claim, p: &Process) -> Result<Rc<SymmetricKernel>, CheckError> {
        let cache = self.shared("derive::kernels", || RefCell::new(HashMap::<Process, Rc<SymmetricKernel>>::new()));
        if let Some(k) = cache.borrow().get(p) {
            return Ok(k.clone());
        }
        if crate::derive::tree::diagrams(p).is_empty() {
            return Err(c
                .error(format!(
                    "the reaction {p} has no heavy-neutrino exchange diagram: its legs do not pair into vertices of Eq. (2) in any channel \
                     (a field without a Yukawa coupling to N, or a charge that is not conserved)"
                ))
                .into());
        }
        let k = Rc::new(symmetric_kernel(p).for_claim(c)?);
        cache.borrow_mut().insert(*p, k.clone());
        Ok(k)
    }

    /// The derived \[S1\], \[S2\] of every Table 2 reaction, in the order of Table 2.
    pub fn table3(&self, c: &Claim) -> Result<Vec<SymmetricKernel>, CheckError> {
        self.reactions(c)?.iter().map(|r| self.kernel(c, &r.process).map(|k| (*k).clone())).collect()
    }

    /// The degrees of freedom of each sector of a field-content file.
    pub fn dof(&self, c: &Claim, rel: &str) -> Result<Vec<Dof>, CheckError> {
        Ok(dark::dof(self.inputs.species(rel).for_claim(c)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_count_is_at_least_one_and_kept_by_overlays() {
        let inputs = Inputs::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations")).expect("derivations/");
        let ctx = Context::new(&inputs);
        assert!(ctx.threads() >= 1);
        let ctx = ctx.with_threads(0);
        assert_eq!(ctx.threads(), 1);
        let ctx = ctx.with_threads(3);
        assert_eq!(ctx.with_overlay(inputs.claims.claims[0].clone()).threads(), 3);
    }
}

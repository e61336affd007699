//! The checks behind each claim id: what is derived and how it is compared.
//! [`check_for`] is the registry; a claim without a check is reported as
//! unchecked.

pub mod benchmarks;
pub mod chemistry;
pub mod collision;
pub mod d2;
pub mod dark;
pub mod evolution;
pub mod matrix_elements;
pub mod neutrino_mass;
pub mod relic;
pub mod tables;
pub mod transfer;
pub mod washout;

use crate::asymmetry::{D2Row, Named, d2_couplings, d2_table};
use crate::claims::{Claim, ClaimSet};
use crate::couplings::Setup;
use crate::error::TranscriptionError;
use crate::lower::{Letters, Scope, lower};
use crate::model::Flavour;
use crate::verdict::Verdict;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use symbolica::atom::Atom;

/// A check: derive, compare, give a verdict.
pub type CheckFn = fn(&Claim, &Context<'_>) -> Result<Verdict, TranscriptionError>;

/// The check registered for a claim id.
pub fn check_for(id: &str) -> Option<CheckFn> {
    Some(match id {
        "eq4" => neutrino_mass::eq4,
        "text.y1-sqrt-m1" | "text.y1-inverse-sqrt-m1" => neutrino_mass::y1_scaling,
        "text.footnote9" => neutrino_mass::footnote9,
        "eq17" | "eq18" | "eq19" | "eq20" => d2::coefficient,
        "text.single-neutrino" => d2::single_neutrino,
        "text.y-lambda-symmetry" => d2::y_lambda_symmetry,
        "eq21" => d2::unitarity,
        "eq22" | "eq23" | "eq23.cpt1" | "eq23.cpt2" => d2::sum_rule,
        "eq78.A" | "eq78.B" | "eq78.C" | "eq78.D" => matrix_elements::coupling_product,
        "fig2.u-channel" => matrix_elements::u_channel,
        "eq79" | "eq80" | "eq81" | "eq82" => matrix_elements::asymmetric_squared,
        "eq72" | "eq76" => collision::reduction,
        "eq73" => collision::eq73,
        "eq74" => collision::eq74,
        "eq75" | "eq77" => collision::monomial,
        "eq31" => transfer::eq31,
        "eq32" => transfer::eq32,
        "eq33" => transfer::eq33,
        "eq37" => transfer::eq37,
        "eq47" | "eq48" => transfer::source_term,
        "eq60" => transfer::eq60,
        "text.omega2-rule" => transfer::omega2_rule,
        "text.washout-prefactors" => transfer::washout_prefactors,
        "eq38" => chemistry::eq38,
        "eq39" | "eq40" => chemistry::principles,
        "eq41" | "eq42" | "eq43" | "eq44" => chemistry::relations,
        "text.final-yields" => chemistry::final_yields,
        "eq49" => washout::eq49,
        "eq50" | "eq51" | "eq52" | "eq53" => washout::matrix_entry,
        "text.washout-stability" => washout::stability,
        "eq85" | "eq86" => washout::eq85_86,
        "eq87" => washout::eq87,
        "eq88" => washout::eq88,
        "text.xi-range" => evolution::xi_range,
        "text.xi-m1-independence" => evolution::xi_m1,
        "eq61" => evolution::eq61,
        "text.trh-bound" => evolution::trh_bound,
        "fig6.yb-falloff" => evolution::fig6_falloff,
        "fig7.xi-below-one" => evolution::fig7_xi,
        "eq55" => evolution::eq55,
        "text.gstar" => dark::gstar,
        "eq24" => dark::eq24,
        "eq25" => dark::eq25,
        "eq26" => dark::eq26,
        "eq27" => dark::eq27,
        "eq28" => dark::eq28,
        "eq62" => dark::eq62,
        "eq62.bounds" => dark::eq62_bounds,
        "eq63" => dark::eq63,
        "eq64" => dark::eq64,
        "eq65" => relic::eq65,
        "eq67" => relic::eq67,
        "eq68" => relic::eq68,
        "text.mchi-bound" => relic::mchi_bound,
        "text.asymmetric-ratio" => relic::asymmetric_ratio,
        "fig8.mostly-asymmetric" => relic::fig8_mostly_asymmetric,
        "fig8.mass-range" => relic::fig8_mass_range,
        "fig8.symmetric-plateau" => relic::fig8_symmetric_plateau,
        "tab1" => tables::tab1,
        "text.footnote4" => tables::footnote4,
        id if id.starts_with("tab2.") => tables::tab2,
        id if id.starts_with("tab3.") => tables::tab3,
        "eq56" => benchmarks::eq56,
        "eq57" | "eq58" => benchmarks::source_coefficients_claim,
        "eq59.B1" | "eq59.B2" | "eq59.B3" | "eq59.B4" => benchmarks::phase_benchmark,
        _ => return None,
    })
}

/// Shared derived data, computed once per audit.
pub struct Context<'a> {
    pub claims: &'a ClaimSet,
    /// A claim that replaces the one of the same id (used by the explainer).
    overlay: Option<Claim>,
    d2: Rc<OnceCell<Vec<D2Row>>>,
    derived: Rc<RefCell<HashMap<(Named, Vec<Flavour>), Atom>>>,
    printed: RefCell<HashMap<(String, usize), Atom>>,
    letters: RefCell<HashMap<String, Option<Atom>>>,
}

impl<'a> Context<'a> {
    pub fn new(claims: &'a ClaimSet) -> Self {
        Context {
            claims,
            overlay: None,
            d2: Rc::new(OnceCell::new()),
            derived: Rc::new(RefCell::new(HashMap::new())),
            printed: RefCell::new(HashMap::new()),
            letters: RefCell::new(HashMap::new()),
        }
    }

    /// The same context with one claim replaced; derived data stays shared,
    /// caches of printed claims start empty.
    pub fn with_overlay(&self, c: Claim) -> Context<'a> {
        Context {
            claims: self.claims,
            overlay: Some(c),
            d2: self.d2.clone(),
            derived: self.derived.clone(),
            printed: RefCell::new(HashMap::new()),
            letters: RefCell::new(HashMap::new()),
        }
    }

    /// The derived [D2] table (two heavy neutrinos, y_ia = y_a).
    pub fn d2_rows(&self) -> &[D2Row] {
        self.d2.get_or_init(|| d2_table(&Setup::PAPER))
    }

    /// The derived [D2] of a named reaction (couplings, universal), cached.
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
        if let Some(o) = self.overlay.as_ref().filter(|o| o.id == id) {
            return Ok(o);
        }
        self.claims.get(id).ok_or_else(|| needed_by.error(format!("needs claim `{id}`, which is not in the derivations")))
    }

    /// A printed [D2] claim rewritten in the letters of Eq. (78) (paper setup), cached.
    pub fn printed_letters(&self, id: &str, needed_by: &Claim) -> Result<Option<Atom>, TranscriptionError> {
        if let Some(a) = self.letters.borrow().get(id) {
            return Ok(a.clone());
        }
        let a = d2::printed_letters(self.claim(id, needed_by)?, &Setup::PAPER)?;
        self.letters.borrow_mut().insert(id.to_string(), a.clone());
        Ok(a)
    }

    /// A printed [D2] coefficient (Eqs. 17-20) lowered with `setup`.
    pub fn printed_d2(&self, id: &str, needed_by: &Claim, setup: Setup) -> Result<Atom, TranscriptionError> {
        let key = (id.to_string(), setup.n_heavy);
        if setup.flavours == Setup::PAPER.flavours {
            if let Some(a) = self.printed.borrow().get(&key) {
                return Ok(a.clone());
            }
        }
        let c = self.claim(id, needed_by)?;
        let e = c.expression()?;
        let a = lower(e, &Scope::new(setup, Letters::Defined)).map_err(|err| c.lower_error(err))?;
        if setup.flavours == Setup::PAPER.flavours {
            self.printed.borrow_mut().insert(key, a.clone());
        }
        Ok(a)
    }
}

/// Lower a claim's printed expression or return a located error (the
/// claim's declared symbols are added to the scope).
pub fn lower_claim(c: &Claim, scope: &Scope<'_>) -> Result<Atom, TranscriptionError> {
    let scope = scope.clone().declare(&c.symbols);
    lower(c.expression()?, &scope).map_err(|e| c.lower_error(e))
}

/// A verdict from comparing a printed expression with a derived one: equal,
/// an overall factor, or the difference.
pub fn relation_verdict(c: &Claim, printed: &Atom, derived: &Atom, how: &str) -> Verdict {
    use crate::compare::{Relation, describe_factor, relate};
    use crate::verdict::Status;
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(crate::algebra::plain(derived));
    match relate(printed, derived) {
        Relation::Equal => v.status(Status::Confirmed).detail(how.to_string()),
        Relation::Factor(f) => v.status(Status::Discrepancy).detail(format!("{}. {how}", describe_factor(&f))),
        Relation::Different(d) => v.status(Status::Discrepancy).detail(format!("printed - derived = {}. {how}", crate::algebra::plain(&d))),
    }
}

/// The printed text of a claim for the report.
pub fn printed_text(c: &Claim) -> String {
    c.printed.clone().or_else(|| c.latex.clone()).unwrap_or_else(|| c.title.clone())
}

//! The checks behind each claim id: what is derived and how it is compared.
//!
//! One module per transcription file, with the file's stem
//! (`sec4_washout.rs` checks every claim of `derivations/sec4_washout.toml`).
//! Each module exports a table [`CHECKS`](crate::audit::checks::sec4_washout::CHECKS) of
//! (claim ids -> check function); [`REGISTRY`](crate::audit::checks::REGISTRY) lists the tables and
//! [`check_for`] finds the check of a claim. A claim without a check is
//! reported as unchecked; every verdict names its check (`checked_by`).
//!
//! A check has two halves. The derivation step depends on the inputs only, never
//! on the printed text; it is computed once and shared through
//! [`Context::shared`] (and the \[D2\] caches of the [`Context`]), for example the
//! wash-out matrices of `sec4_washout`. The comparison step reads the printed
//! claim and gives the verdict. A [`Check`] is a struct, so that the derivation
//! step can become a field of its own when the audit is made incremental: the
//! tables stay as they are.

/// A row of a check table: `check!(function, ["eq50", "eq51"])`. Defined
/// before the modules so that their tables can use it.
macro_rules! check {
    ($f:ident, [$($id:literal),+ $(,)?]) => {
        $crate::audit::checks::Check { claims: &[$($id),+], path: concat!(module_path!(), "::", stringify!($f)), run: $f, insensitive: &[] }
    };
    ($f:ident, [$($id:literal),+ $(,)?], insensitive: [$(($field:literal, $why:literal)),+ $(,)?]) => {
        $crate::audit::checks::Check {
            claims: &[$($id),+],
            path: concat!(module_path!(), "::", stringify!($f)),
            run: $f,
            insensitive: &[$(($field, $why)),+],
        }
    };
}

/// Checks of `appA_collision.toml`: the collision integrals of App. A (Eqs. 72-77).
#[allow(non_snake_case)]
pub mod appA_collision;
/// Checks of `appB_matrix_elements.toml`: coupling products and asymmetric squared matrix elements (Eqs. 78-82).
#[allow(non_snake_case)]
pub mod appB_matrix_elements;
/// Checks of `sec2_asymmetry.toml`: the \[D2\] coefficients and sum rules (Eqs. 17-23).
pub mod sec2_asymmetry;
/// Checks of `sec2_model.toml`: the light-neutrino mass of Eq. (4).
pub mod sec2_model;
/// Checks of `sec2_transfer.toml`: the definitions of Secs. 2.3-2.4 (Eqs. 6-15).
pub mod sec2_transfer;
/// Checks of `sec2_tables.toml`: Tables 1-3 and footnote 4.
pub mod sec2_tables;
/// Checks of `sec3_energy_transfer.toml`: energy transfer and the source and wash-out prefactors (Eqs. 31-37, 60).
pub mod sec3_energy_transfer;
/// Checks of `sec4_benchmarks.toml`: source terms and benchmarks (Eqs. 47-48, 56-59), the |y1| statements.
pub mod sec4_benchmarks;
/// Checks of `sec4_chemistry.toml`: chemical equilibrium (Eqs. 38-44).
pub mod sec4_chemistry;
/// Checks of `sec4_evolution.toml`: statements about the evolution (Eqs. 55, 61, Figs. 6-7, final yields).
pub mod sec4_evolution;
/// Checks of `sec4_washout.toml`: the wash-out terms (Eqs. 49-53, 85-88) and their stability.
pub mod sec4_washout;
/// Checks of `talk.toml`: the authors' talk against the paper.
pub mod talk;
/// Checks of `sec5_dark.toml`: the dark sector and the freeze-out (Eqs. 24-28, 62-68, Fig. 8).
pub mod sec5_dark;

pub use crate::audit::context::Context;
use crate::audit::error::CheckError;
use crate::audit::verdict::Verdict;
use crate::transcript::claims::Claim;
use crate::transcript::error::TranscriptionError;
use crate::transcript::lower::{Scope, lower};
use symbolica::atom::Atom;

/// A check: derive, compare, give a verdict.
pub type CheckFn = fn(&Claim, &Context<'_>) -> Result<Verdict, CheckError>;

/// One row of a module's check table.
#[derive(Clone, Copy)]
pub struct Check {
    /// The claim ids the check decides; an id ending in `*` is a prefix (`tab2.*`).
    pub claims: &'static [&'static str],
    /// Full path of the check function (`cogenesis::audit::checks::sec4_washout::eq49`).
    pub path: &'static str,
    /// The check itself.
    pub run: CheckFn,
    /// Fields of its claims (`printed`, `quoted.KEY`) that the check legitimately
    /// does not read or that a small change leaves confirmed, each with the
    /// reason; the self-test ([`crate::audit::selftest`]) lists them.
    pub insensitive: &'static [(&'static str, &'static str)],
}

impl Check {
    /// The name reported as `checked_by`: the path below the crate,
    /// `audit::checks::sec4_washout::eq49`.
    pub fn name(&self) -> &'static str {
        self.path.split_once("::").map(|(_, rest)| rest).unwrap_or(self.path)
    }

    /// The module (transcription-file stem) the check lives in.
    pub fn module(&self) -> &'static str {
        self.path.rsplit("::").nth(1).unwrap_or("")
    }

    /// Whether the check decides the claim `id`.
    pub fn decides(&self, id: &str) -> bool {
        self.claims.iter().any(|c| match c.strip_suffix('*') {
            Some(prefix) => id.starts_with(prefix),
            None => *c == id,
        })
    }
}

/// Every check table, keyed by the transcription-file stem it belongs to.
pub const REGISTRY: &[(&str, &[Check])] = &[
    ("appA_collision", appA_collision::CHECKS),
    ("appB_matrix_elements", appB_matrix_elements::CHECKS),
    ("sec2_asymmetry", sec2_asymmetry::CHECKS),
    ("sec2_model", sec2_model::CHECKS),
    ("sec2_tables", sec2_tables::CHECKS),
    ("sec2_transfer", sec2_transfer::CHECKS),
    ("sec3_energy_transfer", sec3_energy_transfer::CHECKS),
    ("sec4_benchmarks", sec4_benchmarks::CHECKS),
    ("sec4_chemistry", sec4_chemistry::CHECKS),
    ("sec4_evolution", sec4_evolution::CHECKS),
    ("sec4_washout", sec4_washout::CHECKS),
    ("sec5_dark", sec5_dark::CHECKS),
    ("talk", talk::CHECKS),
];

/// The check registered for a claim id.
pub fn check_for(id: &str) -> Option<&'static Check> {
    REGISTRY.iter().flat_map(|(_, table)| table.iter()).find(|c| c.decides(id))
}

/// Lower a claim's printed expression or return a located error (the
/// claim's declared symbols are added to the scope).
pub fn lower_claim(c: &Claim, scope: &Scope<'_>) -> Result<Atom, TranscriptionError> {
    let scope = scope.clone().declare(&c.symbols);
    lower(c.expression()?, &scope).map_err(|e| c.lower_error(e))
}

/// The verdict of an explainer re-run ([`Context::status_only`]): the status
/// alone, confirmed when printed and derived are equal (the first step of
/// [`relation_verdict`], [`crate::audit::compare::equal`]).
pub fn status_verdict(c: &Claim, printed: &Atom, derived: &Atom) -> Verdict {
    status_only_verdict(c, crate::audit::compare::equal(printed, derived))
}

/// The verdict of an explainer re-run ([`Context::status_only`]) whose status is
/// decided: confirmed or a discrepancy, nothing else.
pub fn status_only_verdict(c: &Claim, confirmed: bool) -> Verdict {
    use crate::audit::verdict::Status;
    Verdict::new(&c.id, &c.section, &c.title).status(if confirmed { Status::Confirmed } else { Status::Discrepancy })
}

/// A verdict from comparing a printed expression with a derived one: equal,
/// an overall factor, or the difference.
pub fn relation_verdict(c: &Claim, printed: &Atom, derived: &Atom, how: &str) -> Verdict {
    use crate::audit::compare::{Relation, describe_factor, relate};
    use crate::audit::verdict::Status;
    let (pl, dl) = crate::audit::mathform::highlighted(printed, derived);
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(crate::cas::print::plain(derived)).latex(pl, dl);
    match relate(printed, derived) {
        // equal: the paper's own LaTeX shows the printed side
        Relation::Equal => {
            let v = match &c.latex {
                Some(l) => Verdict { printed_latex: Some(l.clone()), ..v },
                None => v,
            };
            v.status(Status::Confirmed).detail(how.to_string())
        }
        Relation::Factor(f) => v.status(Status::Discrepancy).detail(format!("{}. {how}", describe_factor(&f))),
        Relation::Different(d) => {
            v.status(Status::Discrepancy).detail(format!("printed - derived = {}. {how}", crate::cas::print::plain(&d)))
        }
    }
}

/// The verdict of a pure definition: [`Status::Definition`](crate::audit::verdict::Status::Definition)
/// when every structural check that applies holds (each: what was checked, whether
/// it holds), a discrepancy naming the one that fails otherwise.
///
/// # Errors
/// A definition without any structural check, or without the claims that use it
/// (`used_by`), is refused: a definition must be checked for structure and use.
pub fn definition_verdict(c: &Claim, derived: impl Into<String>, checks: Vec<(String, bool)>) -> Result<Verdict, CheckError> {
    use crate::audit::verdict::Status;
    if checks.is_empty() {
        return Err(c.error("a definition needs at least one structural check").into());
    }
    if c.used_by.is_empty() {
        return Err(c.error("a definition lists the claims that use it (`used_by`)").into());
    }
    let failing: Vec<&str> = checks.iter().filter(|(_, ok)| !ok).map(|(w, _)| w.as_str()).collect();
    let all: Vec<String> = checks.iter().map(|(w, ok)| format!("{w}: {}", if *ok { "holds" } else { "FAILS" })).collect();
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(derived);
    Ok(if failing.is_empty() {
        v.status(Status::Definition).detail(format!("A definition (not counted as confirmed). Structural checks: {}.", all.join("; ")))
    } else {
        v.status(Status::Discrepancy).detail(format!("The definition fails a structural check: {}.", all.join("; ")))
    })
}

/// A quoted value as a number: an expression of the transcription language
/// (`25`, `pi^2/30`, `5/3`) lowered and evaluated.
///
/// # Errors
/// The key is missing, or its text is not a number-valued expression (located).
pub fn quoted_number(c: &Claim, key: &str) -> Result<f64, CheckError> {
    use crate::transcript::lower::{Letters, Scope};
    let q = c.quoted.get(key).ok_or_else(|| c.error(format!("missing quoted.{key}")))?;
    let a = crate::transcript::claims::parse_expression(&q.text).map_err(|e| c.error(format!("quoted.{key}: {e}")))?;
    let a = crate::transcript::lower::lower(
        &a,
        &Scope::new(crate::cas::couplings::Setup::PAPER, Letters::Defined(&crate::derive::couplings::EQ78)),
    )
    .map_err(|e| c.error(format!("quoted.{key}: {e}")))?;
    Ok(crate::cas::eval::eval(&a, &crate::cas::eval::Values::new()).map_err(|m| c.error(format!("quoted.{key}: {m}")))?.re)
}

/// [`quoted_number`] that must be positive (`what` names the quantity in the error).
///
/// # Errors
/// As [`quoted_number`], and a value that is not positive.
pub fn quoted_positive(c: &Claim, key: &str, what: &str) -> Result<f64, CheckError> {
    let x = quoted_number(c, key)?;
    if x > 0.0 { Ok(x) } else { Err(c.error(format!("quoted.{key} is not a positive number ({what})")).into()) }
}

/// The printed text of a claim for the report.
pub fn printed_text(c: &Claim) -> String {
    c.printed.clone().or_else(|| c.latex.clone()).unwrap_or_else(|| c.title.clone())
}

/// Sample values for every symbol of `atoms` (seeded): couplings with a
/// conjugation partner complex (modulus and phase random), unit phases e^{i theta},
/// every other symbol real in [0.5, 1.5]; conjugate symbols follow their partners.
/// Used by the sign checks of claims compared through a power (Eqs. 4, 33).
pub fn sample_values(atoms: &[&Atom], seed: u64) -> crate::cas::eval::Values {
    use crate::cas::eval::{Key, Values};
    use crate::cas::symbols::S;
    use symbolica::atom::AtomView;
    fn keys(v: AtomView<'_>, out: &mut Vec<Atom>) {
        match v {
            AtomView::Var(_) => out.push(v.to_owned()),
            AtomView::Fun(f) => {
                if Key::of(v).is_some() {
                    out.push(v.to_owned());
                } else {
                    f.iter().for_each(|a| keys(a, out));
                }
            }
            AtomView::Pow(p) => {
                keys(p.get_base(), out);
                keys(p.get_exp(), out);
            }
            AtomView::Mul(m) => m.iter().for_each(|a| keys(a, out)),
            AtomView::Add(a) => a.iter().for_each(|a| keys(a, out)),
            AtomView::Num(_) => {}
        }
    }
    let mut found = vec![];
    for a in atoms {
        keys(a.as_view(), &mut found);
    }
    let mut rng = crate::numerics::sampling::XorShift64::new(seed.max(1));
    let mut values = Values::new();
    let pi = num_complex::Complex64::new(std::f64::consts::PI, 0.0);
    for k in found {
        let Some(key) = Key::of(k.as_view()) else { continue };
        if key.symbol == S.pi || key.symbol == symbolica::atom::Symbol::PI {
            values.set_atom(&k, pi);
            continue;
        }
        let r = 0.5 + rng.unit();
        let theta = std::f64::consts::PI * rng.symmetric();
        let (target, value) = if S.is_unit_phase(key.symbol) {
            (k.clone(), num_complex::Complex64::from_polar(1.0, theta))
        } else if S.is_conjugate(key.symbol) {
            // set the partner; the conjugate follows
            let partner = S.conjugate_partner(key.symbol).expect("a conjugate symbol has a partner");
            let p = if key.indices.is_empty() { Atom::var(partner) } else { crate::cas::algebra::indexed(partner, &key.indices) };
            (p, num_complex::Complex64::from_polar(r, theta))
        } else if S.conjugate_partner(key.symbol).is_some() {
            (k.clone(), num_complex::Complex64::from_polar(r, theta))
        } else {
            (k.clone(), num_complex::Complex64::new(r, 0.0))
        };
        values.set_atom(&target, value);
    }
    values
}

/// Whether `printed` and `derived` have the same sign at seeded sample points
/// (both real there): a check that compares a power of them (a modulus through
/// its square, xi through xi^4) would otherwise miss an overall sign.
///
/// # Errors
/// A symbol without a numerical value (reported on the claim).
pub fn same_sign(c: &Claim, printed: &Atom, derived: &Atom) -> Result<bool, CheckError> {
    for seed in [11u64, 23, 47] {
        let values = sample_values(&[printed, derived], seed);
        let p = crate::cas::eval::eval(printed, &values).map_err(|m| c.error(format!("sign check: {m}")))?;
        let d = crate::cas::eval::eval(derived, &values).map_err(|m| c.error(format!("sign check: {m}")))?;
        let scale = p.norm().max(d.norm()).max(f64::MIN_POSITIVE);
        if p.im.abs() > 1e-9 * scale || d.im.abs() > 1e-9 * scale || p.re * d.re <= 0.0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The scans the checks ask for through `cosmo::shared` (the Sec. 4 grids and the
/// broader scan, Fig. 8 of Sec. 5, the quantum/MB table of App. A), for the audit
/// pipeline to compute on its numerics thread while the checks run.
pub fn prefetch() -> crate::cosmo::shared::Prefetch {
    use crate::cosmo::scan::Figure;
    use sec4_evolution::AUDIT_GRID;
    crate::cosmo::shared::Prefetch {
        broad_scan: crate::cosmo::broad_scan::Plan::audit(),
        lowest_trh: vec![(crate::cosmo::scan::TRH_BOUND_FIGURES.to_vec(), 2 * AUDIT_GRID)],
        grids: vec![(Figure::Fig5, AUDIT_GRID), (Figure::Fig6, AUDIT_GRID), (Figure::Fig7, AUDIT_GRID)],
        fig8: AUDIT_GRID,
        quantum_table: (appA_collision::STATISTICS_KS.to_vec(), appA_collision::STATISTICS_T_FINAL, crate::cosmo::statistics::DIGITS),
    }
}

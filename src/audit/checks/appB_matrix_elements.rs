//! Checks of App. B: the coupling products of Eq. (78), the channels of Fig. 2
//! and the asymmetric squared matrix elements of Eqs. (79)-(82).

use super::{Check, Context, lower_claim, printed_text, status_only_verdict};
use crate::audit::compare::{Relation, describe_factor, equal, explain_im_difference, relate};
use crate::audit::error::{CheckError, ForClaim};
use crate::audit::verdict::{Status, Verdict};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::{Letter, Setup};
use crate::cas::forms::im_form;
use crate::cas::print::im_form_string;
use crate::cas::print::plain;
use crate::derive::amplitude::asymmetric_squared as derive_squared;
use crate::derive::couplings::{Channel, exchange, letter_definition};
use crate::transcript::claims::Claim;
use crate::transcript::lower::{Letters, Scope, free_indices};
use crate::transcript::vocabulary::Named;

/// The checks of `derivations/appB_matrix_elements.toml`: claim ids -> check function.
pub const CHECKS: &[Check] = &[
    check!(coupling_product, ["eq78.A", "eq78.B", "eq78.C", "eq78.D"]),
    check!(
        u_channel,
        ["fig2.u-channel"],
        insensitive: [("*", "a statement in words (Fig. 2 caption), checked by enumerating the channels of every Table 2 reaction")]
    ),
    check!(asymmetric_squared, ["eq79", "eq80", "eq81", "eq82"]),
];

/// All assignments of the free lepton indices of an expression to 1..=n_g.
fn assignments(names: &[String], n_g: i64) -> Vec<Vec<(String, i64)>> {
    let mut out: Vec<Vec<(String, i64)>> = vec![vec![]];
    for n in names {
        out = out
            .into_iter()
            .flat_map(|a| {
                (1..=n_g).map(move |v| {
                    let mut b = a.clone();
                    b.push((n.clone(), v));
                    b
                })
            })
            .collect();
    }
    out
}

/// Eq. (78): each coupling product against the N_a exchange derived from Eq. (2).
pub fn coupling_product(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let letter = match c.id.as_str() {
        "eq78.A" => Letter::A,
        "eq78.B" => Letter::B,
        "eq78.C" => Letter::C,
        _ => Letter::D,
    };
    let free: Vec<String> = free_indices(c.expression()?).into_iter().collect();
    let mut bad = vec![];
    let mut shown = String::new();
    let mut shown_latex = String::new();
    for n_heavy in [2usize, 3] {
        let setup = Setup::flavoured(n_heavy, 3);
        for asg in assignments(&free, 3) {
            let mut scope = Scope::new(setup, Letters::Opaque);
            for (n, v) in &asg {
                scope = scope.bind(n, *v);
            }
            let printed = lower_claim(c, &scope)?;
            let fl = |k: usize| asg.get(k).map(|(_, v)| Flavour::Index(*v));
            let derived = letter_definition(letter, [fl(0), fl(1)], &setup);
            let distinct = asg.iter().enumerate().all(|(k, (_, v))| *v == k as i64 + 1);
            if n_heavy == 2 && distinct {
                let at = asg.iter().map(|(n, v)| format!("{n} = {v}")).collect::<Vec<_>>().join(", ");
                shown = format!("{}  (n_N = 2, {at})", plain(&derived));
                shown_latex = format!(
                    "{} \\qquad (n_N = 2,\\ {})",
                    crate::cas::notation::latex(&derived, &crate::cas::notation::no_names),
                    at.replace(", ", ",\\ ")
                );
            }
            if !matches!(relate(&printed, &derived), Relation::Equal) {
                bad.push(format!("n_N = {n_heavy}, {asg:?}"));
            }
        }
    }
    // s and u channels carry the same product (A_s = A_u, B_s = B_u)
    let mut channels = String::new();
    if matches!(letter, Letter::A | Letter::B) {
        let setup = Setup::flavoured(2, 3);
        let p = match letter {
            Letter::A => Named::LhToLhBar.process(&[Flavour::Index(1), Flavour::Index(2)]),
            _ => Named::ChiPhiToChiPhiBar.process(&[]),
        };
        let s = exchange(&p, Channel::S).map(|e| e.couplings(&setup));
        let u = exchange(&p, Channel::U).map(|e| e.couplings(&setup));
        let equal = matches!((&s, &u), (Some(a), Some(b)) if crate::cas::algebra::same(a, b));
        channels = if equal {
            " The s- and u-channel exchanges give the same product (subscripts s and u are the same quantity).".into()
        } else {
            " The s- and u-channel products differ.".into()
        };
        if !equal {
            bad.push("s and u channels differ".into());
        }
    }
    let detail_base = "Derived from Eq. (2): the two vertices of the N_a line and the leading term of its propagator \
        (mass insertion M_a/(M_a^2-s) -> M_a/M_a^2 between two undaggered vertices, 1/(M_a^2-s) -> 1/M_a^2 between N and N^dagger), \
        compared for every lepton flavour and for two and three heavy neutrinos.";
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(shown);
    let v = match &c.latex {
        Some(p) if !shown_latex.is_empty() => v.latex(p.clone(), shown_latex),
        _ => v,
    };
    Ok(if bad.is_empty() {
        v.status(Status::Confirmed).detail(format!("{detail_base}{channels}"))
    } else {
        v.status(Status::Discrepancy).detail(format!("{detail_base}{channels} Differs for: {}", bad.join("; ")))
    })
}

/// Fig. 2 caption: which asymmetric reactions have a u-channel tree diagram.
pub fn u_channel(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let fl = [Flavour::Index(1), Flavour::Index(2)];
    let mut rows = vec![];
    let mut ok = true;
    for named in [Named::LhToLhBar, Named::LhToChiPhiBar, Named::LhToChiPhi, Named::ChiPhiToChiPhiBar] {
        for p in [named.process(&fl), named.process(&fl).cp()] {
            let chans: Vec<&str> = Channel::ALL
                .into_iter()
                .filter(|ch| exchange(&p, *ch).is_some_and(|e| e.letter().is_some()))
                .map(|ch| match ch {
                    Channel::S => "s",
                    Channel::T => "t",
                    Channel::U => "u",
                })
                .collect();
            let expect_u = matches!(named, Named::LhToLhBar | Named::ChiPhiToChiPhiBar);
            ok &= chans.contains(&"u") == expect_u && chans.contains(&"s") && !chans.contains(&"t");
            rows.push(format!("{p}: {}", chans.join(",")));
        }
    }
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.title.clone())
        .derived(rows.join("; "))
        .detail("Channels found by attaching the legs of each reaction (and its CP conjugate) to the vertices of Eq. (2).");
    Ok(v.status(if ok { Status::Confirmed } else { Status::Discrepancy }))
}

/// Split an expression into its terms in letters of Eq. (78) only and the
/// terms with explicit couplings (`y(i,a)`, ...).
fn split_explicit(e: &symbolica::atom::Atom) -> (symbolica::atom::Atom, symbolica::atom::Atom) {
    use crate::cas::symbols::S;
    use symbolica::atom::AtomCore;
    let (mut letters, mut explicit) = (crate::cas::algebra::int(0), crate::cas::algebra::int(0));
    for t in e.expand().terms() {
        let t = t.to_owned();
        if t.contains_symbol(S.y) || t.contains_symbol(S.yb) || t.contains_symbol(S.lam) || t.contains_symbol(S.lamb) {
            explicit += t;
        } else {
            letters += t;
        }
    }
    (letters, explicit)
}

/// `u = -s - t` (massless 2 -> 2), so printed forms in u compare with the derived ones in s, t.
fn massless_u(e: &symbolica::atom::Atom) -> symbolica::atom::Atom {
    use crate::cas::algebra::{subs, var};
    use crate::cas::symbols::S;
    use symbolica::atom::AtomCore;
    subs(e, &var(S.u), &(crate::cas::algebra::int(-1) * var(S.s) - var(S.t))).expand()
}

/// Eqs. (79)-(82): printed |Delta M|^2 against the cut construction.
pub fn asymmetric_squared(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    // the derivation half, shared with the explainer's re-runs (it never reads the claim)
    let squared = |p: &crate::transcript::particles::Process, setup: &Setup| -> Result<symbolica::atom::Atom, CheckError> {
        let d = ctx
            .shared_ok(&format!("derive::amplitude::asymmetric_squared {p:?} {setup:?}"), || {
                derive_squared(p, setup).map(|m| m.map(|m| m.squared()).unwrap_or_default())
            })
            .for_claim(c)?;
        Ok((*d).clone())
    };
    let named = match c.id.as_str() {
        "eq79" => Named::LhToLhBar,
        "eq80" => Named::ChiPhiToChiPhiBar,
        "eq81" => Named::LhToChiPhiBar,
        _ => Named::LhToChiPhi,
    };
    let setup = Setup::flavoured(2, 3);
    let free: Vec<String> = free_indices(c.expression()?).into_iter().collect();
    let mut problems = vec![];
    let mut derived_shown = String::new();
    let mut shown_latex: Option<(String, String)> = None;
    let (mut extra_terms, mut extra_example) = (0usize, String::new());
    for asg in assignments(&free, 3) {
        let mut scope = Scope::new(setup, Letters::Opaque);
        for (n, v) in &asg {
            scope = scope.bind(n, *v);
        }
        let printed = massless_u(&lower_claim(c, &scope)?);
        let fl: Vec<Flavour> = asg.iter().map(|(_, v)| Flavour::Index(*v)).collect();
        let derived = squared(&named.process(&fl), &setup)?;
        if ctx.status_only() {
            // confirmed only if every assignment agrees and the derivation has no further terms
            let (letters_only, extra) = split_explicit(&derived);
            if !extra.is_zero() || !equal(&printed, &letters_only) {
                return Ok(status_only_verdict(c, false));
            }
            continue;
        }
        if asg.iter().enumerate().all(|(k, (_, v))| *v == k as i64 + 1) {
            let at = asg.iter().map(|(n, v)| format!("{n} = {v}")).collect::<Vec<_>>().join(", ");
            derived_shown = format!("{}  ({at})", im_form_string(&im_form(&derived)));
            // both forms at this assignment as sums of c Im(monomial), what differs highlighted
            shown_latex = crate::audit::mathform::im_forms(&im_form(&printed), &im_form(&derived));
        }
        // the derived terms with coupling sums that are not letters of Eq. (78): the L-conserving cuts
        let (letters_only, extra) = split_explicit(&derived);
        let at = asg.iter().map(|(n, v)| format!("{n} = {v}")).collect::<Vec<_>>().join(", ");
        let mut what = vec![];
        match relate(&printed, &letters_only) {
            Relation::Equal => {}
            Relation::Factor(f) => what.push(describe_factor(&f)),
            Relation::Different(_) => what.push(explain_im_difference(&im_form(&printed), &im_form(&letters_only)).join("; ")),
        }
        if !extra.is_zero() {
            extra_terms += 1;
            if extra_example.is_empty() {
                extra_example = format!("{} (at {at})", im_form_string(&im_form(&extra)));
            }
            what.push("further terms with the L-conserving coupling sums sum_a y_ia conj(y_ka)/M_a^2".into());
        }
        if !what.is_empty() {
            problems.push(format!("{at}: {}", what.join("; ")));
        }
    }
    if ctx.status_only() {
        // every assignment agrees; the universal comparison below decides no status, but its lowering can fail
        let _ = lower_claim(c, &Scope::new(Setup::PAPER, Letters::Opaque))?;
        return Ok(status_only_verdict(c, true));
    }
    // the same comparison with universal couplings y_ia = y_a (the case of Eqs. 17-20)
    let universal = {
        let printed = massless_u(&lower_claim(c, &Scope::new(Setup::PAPER, Letters::Opaque))?);
        let u = [Flavour::Universal, Flavour::Universal];
        let derived = squared(&named.process(&u), &Setup::PAPER)?;
        match relate(&printed, &derived) {
            Relation::Equal => "agree".to_string(),
            Relation::Factor(f) => describe_factor(&f),
            Relation::Different(_) => explain_im_difference(&im_form(&printed), &im_form(&derived)).join("; "),
        }
    };
    let extra_text = if extra_terms > 0 {
        format!(
            " For general y_ia the derivation has terms the print lacks, from the intermediate states l_k H and l_k^dag H^dag \
             (coupling sums sum_a y_ia conj(y_ka)/M_a^2, real for y_ia = y_a, where they cancel), at {extra_terms} flavour assignments, \
             e.g. {extra_example}."
        )
    } else {
        String::new()
    };
    let inputs = format!(
        "With universal couplings y_ia = y_a the printed and derived forms {universal}.{extra_text} Derived from the Lagrangian alone \
         (`cogenesis derive cuts`): |Delta M|^2 = -4 sum Im(conj(c0) c1) Im(conj(P0) P1) (Eq. 16) with the absorptive part of the \
         one-loop amplitude from the two-particle cut, (1/2) sum_gamma int dPhi_gamma M(alpha -> gamma) M(gamma -> beta), over every \
         intermediate state the vertices of Eq. (2) allow, its spins, SU(2)_L components and lepton flavour k, and its solid angle; \
         the sign convention fixed by the optical theorem (Im M_forward = (1/2) sum W > 0). The loop factor, the SU(2)_L weights and the \
         intermediate states come out of the calculation; compared for general complex y_ia, three lepton flavours and every external \
         flavour, at leading order in s/M^2 (u = -s - t). An overall sign carries into every [D2] (Eqs. 17-20), the source \
         terms (Eqs. 47-48, 57-58) and the yields: magnitudes are unchanged, and the phases printed for the benchmarks give the \
         paper's signs only as (alpha, beta) -> (-alpha, -beta) (with the derived sign, B1 gives Y_B < 0: `cogenesis evolve --benchmark B1`)."
    );
    let note = c.note.as_ref().map(|n| format!(" Transcription note: {n}")).unwrap_or_default();
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(printed_text(c)).derived(derived_shown);
    let v = match shown_latex {
        Some((p, d)) => v.latex(p, d),
        None => v,
    };
    let more = problems.len().saturating_sub(3);
    let mut problems: Vec<String> = problems.into_iter().take(3).collect();
    if more > 0 {
        problems.push(format!("and {more} more flavour assignments"));
    }
    Ok(if problems.is_empty() {
        v.status(Status::Confirmed).detail(format!("{inputs}{note}"))
    } else {
        v.status(Status::Discrepancy).detail(format!("{} {inputs}{note}", problems.join(" | ")))
    })
}

//! Checks of Sec. 4.1 (Eqs. 38-44).

use super::Check;
use super::Context;
use crate::audit::error::CheckError;
use crate::audit::verdict::{Status, Verdict};
use crate::cas::notation;
use crate::cas::rational::Q;
use crate::transcript::claims::Claim;

/// The checks of `derivations/sec4_chemistry.toml`: claim ids -> check function.
pub const CHECKS: &[Check] = &[
    check!(eq38, ["eq38"]),
    check!(
        principles,
        ["eq39", "eq40"],
        insensitive: [("*", "principles applied by the chemistry solver: confirmed when the relations they yield (eq41-eq44, which read their printed values) are")]
    ),
    check!(relations, ["eq41", "eq42", "eq43", "eq44"]),
];

/// Eqs. (41)-(44): solve the named system and compare each quoted potential.
pub fn relations(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let (sys, eq) = ctx.quoted_equilibrium(c, "system")?;
    let file = &sys.file;
    let mut rows = vec![];
    let mut rows_latex = vec![];
    let mut bad = vec![];
    for (k, q) in &c.quoted {
        if k == "system" {
            continue;
        }
        let printed = Q::parse(&q.text).ok_or_else(|| c.error(format!("quoted.{k} = {:?} is not rational", q.text)))?;
        let derived = eq.mu(k).ok_or_else(|| c.error(format!("`{k}` is neither a species nor a reported charge of {}", file.display())))?;
        rows.push(format!("mu_{k} = {derived} mu_{}", eq.normalise.replace(' ', "")));
        rows_latex.push(format!(
            "\\mu_{{{}}} = {} \\, \\mu_{{{}}}",
            notation::species_latex(k),
            notation::rational_latex(derived),
            notation::species_latex(&eq.normalise.replace(' ', ""))
        ));
        if printed != derived {
            bad.push(format!("mu_{k}: printed {printed}, derived {derived}"));
        }
    }
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(c.latex.clone().unwrap_or_default()).derived(rows.join(", "));
    let v = match &c.latex {
        Some(p) => v.latex(p.clone(), rows_latex.join(" , \\qquad ")),
        None => v,
    };
    let how = format!(
        "Exact rational solution of the fast-process and constraint equations of {} ({}).",
        file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default(),
        sys.description
    );
    Ok(if bad.is_empty() {
        v.status(Status::Confirmed).detail(how)
    } else {
        v.status(Status::Discrepancy).detail(format!("{}. {how}", bad.join("; ")))
    })
}

/// Eqs. (39), (40): the principles the solver applies; confirmed when the
/// relations they yield (Eqs. 41-44) are.
pub fn principles(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let mut results = vec![];
    for id in ["eq41", "eq42", "eq43", "eq44"] {
        let dep = ctx.claim(id, c)?;
        results.push((id, relations(dep, ctx)?.status));
    }
    let ok = results.iter().all(|(_, s)| *s == Status::Confirmed);
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.latex.clone().unwrap_or_default())
        .derived(results.iter().map(|(i, s)| format!("{i}: {}", s.as_str())).collect::<Vec<_>>().join(", "))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail(c.note.clone().unwrap_or_default()))
}

/// Eq. (38): the linear term of the Fermi-Dirac / Bose-Einstein asymmetry.
pub fn eq38(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    use quadrature::double_exponential::integrate;
    let pi = std::f64::consts::PI;
    // n - nbar per degree of freedom at T = 1, to linear order in mu:
    // (1/2pi^2) int p^2 [f(p - mu) - f(p + mu)] dp = mu (1/pi^2) int p^2 (-f'(p)) dp
    let slope = |boson: bool| -> f64 {
        let minus_df = |x: f64| {
            let e = (-x).exp();
            if boson { e / ((1.0 - e) * (1.0 - e)) } else { e / ((1.0 + e) * (1.0 + e)) }
        };
        let r = integrate(
            |u| {
                let p = u / (1.0 - u);
                let j = 1.0 / ((1.0 - u) * (1.0 - u));
                let v = p * p * minus_df(p) * j;
                if v.is_finite() { v } else { 0.0 }
            },
            0.0,
            1.0,
            1e-14,
        );
        r.integral / (pi * pi)
    };
    let kf = slope(false) * 6.0;
    let kb = slope(true) * 6.0;
    let pf = Q::parse(&c.quoted["fermion_k"].text).map(|q| q.to_f64()).unwrap_or(f64::NAN);
    let pb = Q::parse(&c.quoted["boson_k"].text).map(|q| q.to_f64()).unwrap_or(f64::NAN);
    let ok = (kf - pf).abs() < 1e-6 && (kb - pb).abs() < 1e-6;
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.latex.clone().unwrap_or_default())
        .derived(format!("6 (dn_Delta/dmu)/(g T^2) at mu = 0: fermion {kf:.12}, boson {kb:.12}"))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail("Linear response of the Fermi-Dirac / Bose-Einstein asymmetry of a massless species, (1/pi^2) int p^2 (-f'(p)) dp, integrated numerically (double-exponential quadrature, f64)."))
}

//! Checks of Sec. 4.1 (Eqs. 38-44).

use super::Context;
use crate::chemistry::System;
use crate::claims::Claim;
use crate::error::TranscriptionError;
use crate::rational::Q;
use crate::verdict::{Status, Verdict};
use std::path::Path;

/// Directory of the claims file of a claim (the chemistry paths are relative to it).
fn base_dir(c: &Claim) -> &Path {
    c.location.file.parent().unwrap_or(Path::new("."))
}

/// Eqs. (41)-(44): solve the named system and compare each quoted potential.
pub fn relations(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let file = base_dir(c).join(&c.quoted.get("system").ok_or_else(|| c.error("missing quoted.system"))?.text);
    let sys = System::load(&file).map_err(|e| c.error(e.to_string()))?;
    let eq = sys.solve().map_err(|e| c.error(e.to_string()))?;
    let mut rows = vec![];
    let mut bad = vec![];
    for (k, q) in &c.quoted {
        if k == "system" {
            continue;
        }
        let printed = Q::parse(&q.text).ok_or_else(|| c.error(format!("quoted.{k} = {:?} is not rational", q.text)))?;
        let derived = eq.mu(k).ok_or_else(|| c.error(format!("`{k}` is neither a species nor a reported charge of {}", file.display())))?;
        rows.push(format!("mu_{k} = {derived} mu_{}", eq.normalise.replace(' ', "")));
        if printed != derived {
            bad.push(format!("mu_{k}: printed {printed}, derived {derived}"));
        }
    }
    let v = Verdict::new(&c.id, &c.section, &c.title).printed(c.latex.clone().unwrap_or_default()).derived(rows.join(", "));
    let how = format!(
        "Exact rational solution of the fast-process and constraint equations of {} ({}).",
        file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default(),
        sys.description
    );
    Ok(if bad.is_empty() { v.status(Status::Confirmed).detail(how) } else { v.status(Status::Discrepancy).detail(format!("{}. {how}", bad.join("; "))) })
}

/// Eqs. (39), (40): the principles the solver applies; confirmed when the
/// relations they yield (Eqs. 41-44) are.
pub fn principles(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
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
pub fn eq38(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
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

/// Sec. 4.4: Y_B/Y_{B-L} and Y_Dchi/Y_{L_x} from the chemistry (Eqs. 38, 42, 44).
pub fn final_yields(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let dir = base_dir(c);
    let solve = |k: &str| -> Result<(System, crate::chemistry::Equilibrium), TranscriptionError> {
        let f = dir.join(&c.quoted.get(k).ok_or_else(|| c.error(format!("missing quoted.{k}")))?.text);
        let s = System::load(&f).map_err(|e| c.error(e.to_string()))?;
        let e = s.solve().map_err(|e| c.error(e.to_string()))?;
        Ok((s, e))
    };
    let (_, vis) = solve("visible_system")?;
    let (dsys, dark) = solve("dark_system")?;
    let b = vis.mu("B").ok_or_else(|| c.error("the visible system does not report B"))?;
    // Dirac chi asymmetry n_chi - n_chibar = n_Delta(chi) - n_Delta(chi^c) (Weyl fields, Eq. 24), in units of 6/T^2:
    // g k mu for each; n_{L_x} is the normalising charge (1)
    let weight = |n: &str| dsys.species.iter().find(|s| s.name == n).map(|s| s.weight()).ok_or_else(|| c.error(format!("no species {n}")));
    let mu = |n: &str| dark.mu(n).ok_or_else(|| c.error(format!("no species {n}")));
    let dchi = weight("chi")? * mu("chi")? - weight("chic")? * mu("chic")?;
    let pb = Q::parse(&c.quoted["B_over_BL"].text).ok_or_else(|| c.error("quoted.B_over_BL"))?;
    let pd = Q::parse(&c.quoted["Dchi_over_Lx"].text).ok_or_else(|| c.error("quoted.Dchi_over_Lx"))?;
    let mut bad = vec![];
    if b != pb {
        bad.push(format!("Y_B/Y_B-L: printed {pb}, derived {b}"));
    }
    if dchi != pd {
        bad.push(format!("Y_Dchi/Y_Lx: printed {pd}, derived {dchi} (each Dirac chi carries L_x = 1/2 in Table 1, so n_Lx = n_Dchi/2; the printed relation holds only if L_x is counted per unit of chi number)"));
    }
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("Y_B = ({pb}) Y_B-L, Y_Dchi = ({pd}) Y_Lx"))
        .derived(format!("Y_B = ({b}) Y_B-L, Y_Dchi = ({dchi}) Y_Lx"));
    let how = "Y_B from mu_B/mu_{B-L} of the visible system (Eq. 42 as derived); Y_Dchi from the dark system after the phi decays (Eq. 44 as derived) with n_Delta = g k mu T^2/6 (Eq. 38).";
    Ok(if bad.is_empty() { v.status(Status::Confirmed).detail(how) } else { v.status(Status::Discrepancy).detail(format!("{}. {how}", bad.join("; "))) })
}

//! Checks of Eq. (4) and of the statements on the largest |y_1| (Sec. 4.3,
//! footnote 9).

use super::{Context, lower_claim, printed_text};
use crate::algebra::plain;
use crate::benchmarks::{apply, substitutions};
use crate::claims::Claim;
use crate::compare::{Relation, describe_factor, relate};
use crate::couplings::Setup;
use crate::error::TranscriptionError;
use crate::lower::{Letters, Scope, modulus};
use crate::neutrino_mass::universal_spectrum;
use crate::numeric::{Values, eval};
use crate::symbols::S;
use crate::verdict::{Status, Verdict};
use num_complex::Complex64;
use symbolica::atom::{Atom, AtomCore};

/// Eq. (4).
pub fn eq4(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let setup = Setup::PAPER;
    let (eigen, spectrum_ok) = universal_spectrum(&setup);
    let derived = modulus(&eigen);
    let printed = lower_claim(c, &Scope::new(setup, Letters::Defined))?;
    let rel = relate(&printed.pow(Atom::num(2)).expand(), &derived.pow(Atom::num(2)).expand());
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(printed_text(c))
        .derived(format!("|{}| on (1,1,1)/sqrt(3); (1,-1,0) and (1,1,-2) massless: {}", plain(&eigen), spectrum_ok));
    let how = "Heavy neutrinos integrated out at tree level from the seesaw mass matrix [[0, m_D],[m_D^T, M]] with m_D = y v/sqrt(2); \
        light matrix diagonalised for y_ia = y_a; moduli compared through their squares.";
    Ok(match (rel, spectrum_ok) {
        (Relation::Equal, true) => v.status(Status::Confirmed).detail(how),
        (Relation::Factor(f), _) => v.status(Status::Discrepancy).detail(format!("{} (of the squares). {how}", describe_factor(&f))),
        _ => v.status(Status::Discrepancy).detail(format!("The derived light spectrum differs. {how}")),
    })
}

/// The largest |y_1| allowed by Eq. (5) at the ratios of Eq. (56), phase alpha, mass M_1 (GeV).
pub fn max_y1(ctx: &Context<'_>, needed_by: &Claim, alpha: f64, m1: f64) -> Result<f64, TranscriptionError> {
    let eq4c = ctx.claim("eq4", needed_by)?;
    let eq56 = ctx.claim("eq56", needed_by)?;
    let map = substitutions(eq56)?;
    let (v_gev, _) = eq4c.quoted_decimal("v_GeV")?;
    let (bound_ev, _) = eq4c.quoted_decimal("bound_eV")?;
    let (eigen, _) = universal_spectrum(&Setup::PAPER);
    let at_bench = apply(&eigen, &map);
    let mut values = Values::new();
    values
        .set_atom(&Atom::var(S.abs_y1), Complex64::new(1.0, 0.0))
        .set_atom(&Atom::var(S.abs_l1), Complex64::new(1.0, 0.0))
        .set_atom(&Atom::var(S.v), Complex64::new(v_gev, 0.0))
        .set_atom(&crate::couplings::mass(1), Complex64::new(m1, 0.0))
        .set_atom(&Atom::var(S.e_alpha), Complex64::from_polar(1.0, alpha))
        .set_atom(&Atom::var(S.e_beta), Complex64::new(1.0, 0.0));
    let dm_unit = eval(&at_bench, &values).map_err(|m| needed_by.error(m.to_string()))?.norm();
    // Delta m is quadratic in |y1|
    Ok((bound_ev * 1e-9 / dm_unit).sqrt())
}

fn benchmark_alpha(ctx: &Context<'_>, c: &Claim, id: &str) -> Result<f64, TranscriptionError> {
    let b = ctx.claim(id, c)?;
    let e = b.quoted_expression("alpha")?;
    Ok(eval(&e, &Values::new()).map_err(|m| b.error(m.to_string()))?.re)
}

/// "|y1| proportional to sqrt(M1)" and "|y1| proportional to 1/sqrt(M1)".
pub fn y1_scaling(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let alpha = benchmark_alpha(ctx, c, "eq59.B1")?;
    let (m_lo, m_hi) = (1e10, 1e12);
    let exponent = (max_y1(ctx, c, alpha, m_hi)? / max_y1(ctx, c, alpha, m_lo)?).ln() / (m_hi / m_lo).ln();
    let q = c.quoted_expression("exponent")?;
    let printed = eval(&q, &Values::new()).map_err(|m| c.error(m.to_string()))?.re;
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("|y1| ~ M1^({})", c.quoted["exponent"].text))
        .derived(format!("|y1|max ~ M1^({exponent:.6})"));
    let how = "Largest |y1| from Eq. (4) (as derived) saturating Eq. (5) at the ratios of Eq. (56), B1 phases, M1 = 1e10 and 1e12 GeV.";
    Ok(if (exponent - printed).abs() < 1e-9 {
        v.status(Status::Confirmed).detail(how)
    } else {
        v.status(Status::Discrepancy).detail(format!("Exponent {exponent:.3} derived vs {printed} printed. {how}"))
    })
}

/// Footnote 9: B3 allows a larger |y1| than B1 and B2.
pub fn footnote9(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let m1 = 1e10;
    let mut rows = vec![];
    for id in ["eq59.B1", "eq59.B2", "eq59.B3", "eq59.B4"] {
        let a = benchmark_alpha(ctx, c, id)?;
        rows.push((id, max_y1(ctx, c, a, m1)?));
    }
    let b3 = rows[2].1;
    let ok = b3 > rows[0].1 && b3 > rows[1].1;
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed("|y1|max(B3) > |y1|max(B1), |y1|max(B2)")
        .derived(rows.iter().map(|(id, y)| format!("{}: {:.4e}", &id[5..], y)).collect::<Vec<_>>().join(", "));
    let how = format!(
        "Largest |y1| at M1 = 1e10 GeV from Eqs. (4)-(5) with the ratios of Eq. (56); B3/B1 = {:.3}. It depends on alpha only through \
         cos(2 alpha), so the sign of alpha does not matter.",
        b3 / rows[0].1
    );
    Ok(if ok { v.status(Status::Confirmed).detail(how) } else { v.status(Status::Discrepancy).detail(how) })
}

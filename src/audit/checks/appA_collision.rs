//! Checks of App. A (Eqs. 72-77): numerical verification to many digits,
//! independently of the closed forms.

use super::Check;
use super::Context;
use crate::audit::error::{CheckError, ForClaim};
use crate::audit::verdict::{Status, Verdict};
use crate::numerics::bessel::Order;
use crate::numerics::collision::{
    bessel_moments, direct_momentum_integral, energy_density, integral_representation, number_density, reduced_integral,
};
use crate::transcript::claims::Claim;
use rug::Float;

/// The checks of `derivations/appA_collision.toml`: claim ids -> check function.
pub const CHECKS: &[Check] =
    &[check!(reduction, ["eq72", "eq76"]), check!(eq73, ["eq73"]), check!(eq74, ["eq74"]), check!(monomial, ["eq75", "eq77"])];

/// Digits used by the audit for the high-precision checks.
pub const AUDIT_DIGITS: u32 = 40;

fn verdict(c: &Claim, ok: bool, derived: String, detail: String) -> Verdict {
    Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.latex.clone().unwrap_or_default())
        .derived(derived)
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail(detail)
}

/// Eqs. (72) and (76): the reduction of the momentum integrals.
pub fn reduction(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let energy = c.id == "eq76";
    let (t1, t2) = if energy { (0.7, 0.7) } else { (1.0, 0.4) };
    type Kernel = (&'static str, Box<dyn Fn(f64) -> f64>);
    let kernels: Vec<Kernel> = vec![
        ("1", Box::new(|_| 1.0)),
        ("s", Box::new(|s| s)),
        ("s^2", Box::new(|s| s * s)),
        ("s^2/(1+s)", Box::new(|s| s * s / (1.0 + s))),
        ("s exp(-s/3)", Box::new(|s| s * (-s / 3.0).exp())),
    ];
    let mut worst = f64::INFINITY;
    let mut rows = vec![];
    for (name, w) in &kernels {
        let direct = direct_momentum_integral(w.as_ref(), t1, t2, energy, 1e-11);
        let reduced = reduced_integral(w.as_ref(), t1, t2, energy, 1e-12);
        let d = -((direct - reduced) / reduced).abs().log10();
        worst = worst.min(d);
        rows.push(format!("W = {name}: {d:.1} digits"));
    }
    let ok = worst > 8.0;
    Ok(verdict(
        c,
        ok,
        format!("direct vs reduced, T1 = {t1}, T2 = {t2}: {}", rows.join("; ")),
        format!(
            "Direct integration of the momentum integral (Eq. 69{}) over E1, E2 and the angle (nested double-exponential \
             quadrature, f64) against the one-dimensional form with the f64 Bessel function; agreement to at least {worst:.1} digits \
             (the f64 quadrature tolerance is 1e-11).{}",
            if energy { " with the weight E1 + E2, Eq. 76" } else { "" },
            if energy {
                " The paper states Eq. (76) for both initial states at the same temperature; that is what is checked."
            } else {
                " Unequal temperatures T1 != T2, the paper's generalisation."
            }
        ),
    ))
}

/// Eq. (73).
pub fn eq73(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let mut rows = vec![];
    let mut worst = f64::INFINITY;
    for (n, nu, z) in [
        (0u32, Order::integer(0), 0.7),
        (1, Order::integer(1), 2.5),
        (2, Order::half(1), 1.1),
        (3, Order::integer(2), 5.0),
        (4, Order::half(0), 0.3),
    ] {
        let zf = Float::with_val(256, z);
        let r = integral_representation(n, nu, &zf, AUDIT_DIGITS).for_claim(c)?;
        worst = worst.min(r.digits);
        rows.push(format!("(n, nu, z) = ({n}, {}, {z}): {:.1} digits", nu.value(), r.digits));
    }
    Ok(verdict(
        c,
        worst >= AUDIT_DIGITS as f64 - 1.0,
        rows.join("; "),
        format!(
            "Left side from the exact derivative rule d/dz[z^p K_m] = (p+m) z^(p-1) K_m - z^p K_(m+1) with MPFR Bessel values; \
             right side by exp-sinh quadrature; {AUDIT_DIGITS} digits requested."
        ),
    ))
}

/// Eq. (74).
pub fn eq74(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let specs = [(0u32, 0u32), (0, 3), (1, 1), (1, 4), (2, 2), (2, 7), (3, 5), (4, 9)];
    let r = bessel_moments(&specs, AUDIT_DIGITS).for_claim(c)?;
    let worst = r.iter().map(|x| x.digits).fold(f64::INFINITY, f64::min);
    let rows: Vec<String> = specs.iter().zip(&r).map(|((n, p), x)| format!("(mu, nu) = ({}, {n}): {:.1}", p + 1, x.digits)).collect();
    Ok(verdict(
        c,
        worst >= AUDIT_DIGITS as f64 - 1.0,
        format!("digits of agreement: {}", rows.join("; ")),
        format!(
            "Quadrature of t^(mu-1) K_nu(t) over (0, inf) against 2^(mu-2) Gamma((mu-nu)/2) Gamma((mu+nu)/2); {AUDIT_DIGITS} digits requested."
        ),
    ))
}

/// Eqs. (75) and (77): closed forms against quadrature of Eqs. (72) and (76).
pub fn monomial(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let energy = c.id == "eq77";
    let t1 = Float::with_val(256, 1.3);
    let t2 = Float::with_val(256, 0.45);
    let mut rows = vec![];
    let mut worst = f64::INFINITY;
    for k in 0..=4u32 {
        let r = if energy { energy_density(k, &t1, AUDIT_DIGITS) } else { number_density(k, &t1, &t2, AUDIT_DIGITS) }.for_claim(c)?;
        worst = worst.min(r.digits);
        rows.push(format!("k = {k}: {:.1}", r.digits));
    }
    let ok = worst >= AUDIT_DIGITS as f64 - 1.0;
    let extra = if energy {
        String::new()
    } else {
        " Eq. (75) omits the factor Delta N that Eq. (72) carries (compared per unit Delta N, as the paper uses it in Eqs. 31 and 47)."
            .into()
    };
    Ok(verdict(
        c,
        ok,
        format!("digits of agreement with quadrature{}: {}", if energy { " (T = 1.3)" } else { " (T1 = 1.3, T2 = 0.45)" }, rows.join(", ")),
        format!(
            "Quadrature of Eq. ({}) with the kernel s^k at {AUDIT_DIGITS} digits against the printed closed form.{extra}",
            if energy { 76 } else { 72 }
        ),
    ))
}

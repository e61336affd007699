//! Checks of the definitions of Secs. 2.3-2.4 (Eqs. 6-15): each is a pure
//! definition, checked for its structure and for the form the derivations use.

use super::{Check, Context, definition_verdict};
use crate::audit::error::CheckError;
use crate::audit::verdict::Verdict;
use crate::transcript::claims::Claim;
use num_complex::Complex64 as C;
use std::f64::consts::PI;

/// The checks of `derivations/sec2_transfer.toml`: claim ids -> check function.
pub const CHECKS: &[Check] = &[
    check!(eq6, ["eq6"]),
    check!(eq7, ["eq7"]),
    check!(eq8, ["eq8"]),
    check!(eq9_10, ["eq9", "eq10"]),
    check!(eq11, ["eq11"]),
    check!(eq12, ["eq12"]),
    check!(eq13, ["eq13"]),
    check!(eq14, ["eq14"]),
    check!(eq15, ["eq15"]),
];

/// Sample couplings (seeded): two heavy neutrinos, complex y_a and lambda_a.
fn couplings(seed: u64) -> ([C; 2], [C; 2], [f64; 2]) {
    let mut r = crate::numerics::sampling::XorShift64::new(seed);
    let mut z = || C::from_polar(0.3 + r.unit(), PI * r.symmetric());
    let (y, lam) = ([z(), z()], [z(), z()]);
    (y, lam, [1.0, 2.7])
}

/// Eq. (6): a matrix element M^alpha_beta is written for reactions alpha -> beta
/// that the gauge symmetries allow: every Table 2 reaction conserves Y and D.
pub fn eq6(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let rs = ctx.reactions(c)?;
    let charge = |p: &crate::transcript::particles::Particle, f: fn(crate::transcript::particles::Charges) -> i64| {
        let q = f(p.field.charges());
        if p.dagger { -q } else { q }
    };
    let mut bad = vec![];
    for r in rs {
        for f in [|q: crate::transcript::particles::Charges| q.twice_y, |q: crate::transcript::particles::Charges| q.twice_d] {
            let (i, o): (i64, i64) =
                (r.process.initial.iter().map(|p| charge(p, f)).sum(), r.process.fin.iter().map(|p| charge(p, f)).sum());
            if i != o {
                bad.push(r.symbol.clone());
            }
        }
    }
    definition_verdict(
        c,
        format!("{} reactions alpha -> beta of Table 2", rs.len()),
        vec![(
            format!(
                "every Table 2 reaction conserves U(1)_Y and U(1)_D{}",
                if bad.is_empty() { String::new() } else { format!(" (not: {})", bad.join(", ")) }
            ),
            bad.is_empty(),
        )],
    )
}

/// Eq. (7): the symmetric coefficients the derivation computes (Table 3 as
/// derived) are even under conjugating every coupling (alpha -> alpha^dag).
pub fn eq7(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let kernels = ctx.table3(c)?;
    let mut worst = 0.0f64;
    for seed in [3u64, 17, 29] {
        let (y, lam, m) = couplings(seed);
        let (yc, lc) = (y.map(|z| z.conj()), lam.map(|z| z.conj()));
        for k in &kernels {
            for order in [1, 2] {
                let (a, b) = (k.value(order, &y, &lam, &m), k.value(order, &yc, &lc, &m));
                worst = worst.max((a - b).abs() / a.abs().max(b.abs()).max(1e-300));
            }
        }
    }
    definition_verdict(
        c,
        format!("{} derived [S1], [S2]: relative change under conjugating all couplings {worst:.1e}", kernels.len()),
        vec![(
            "the derived [S_k] are unchanged when every coupling is conjugated (Sigma is the sum over a process and its conjugate)".into(),
            worst < 1e-12,
        )],
    )
}

/// Eq. (8): the asymmetric coefficients the derivation computes are odd under
/// conjugating every coupling, and vanish for real couplings (no weak phase).
pub fn eq8(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let at = |alpha: f64, beta: f64| -> Result<[f64; 2], CheckError> {
        let p = crate::cosmo::point::Point::benchmark(1e10, 0.7, alpha, beta, Some(1e-3)).map_err(|e| c.error(e.to_string()))?;
        Ok([p.d2_ll(), p.d2_chichi()])
    };
    let (a, b) = (0.9, -0.4);
    let (d, dc, d0) = (at(a, b)?, at(-a, -b)?, at(0.0, 0.0)?);
    let odd = (0..2).all(|i| (d[i] + dc[i]).abs() <= 1e-12 * d[i].abs() && d[i] != 0.0);
    let real = d0.iter().zip(d).all(|(z, x)| z.abs() <= 1e-12 * x.abs());
    definition_verdict(
        c,
        format!(
            "[D2] of l H -> l^dag H^dag, chi phi -> chi^dag phi^dag: {:.3e}, {:.3e}; conjugated couplings: {:.3e}, {:.3e}",
            d[0], d[1], dc[0], dc[1]
        ),
        vec![
            (
                "the derived [D2] change sign when every coupling is conjugated (Delta is the difference of a process and its conjugate)"
                    .into(),
                odd,
            ),
            ("the derived [D2] vanish for real couplings".into(), real),
        ],
    )
}

/// Simpson's rule for `int_0^80 f(p) dp` (the massless thermal integrals, T = 1).
pub(super) fn thermal_integral(f: impl Fn(f64) -> f64) -> f64 {
    let (n, hi) = (40_000usize, 80.0);
    let h = hi / n as f64;
    let mut s = f(1e-12) + f(hi);
    for i in 1..n {
        s += f(i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
    }
    s * h / 3.0
}

/// Number density per internal state of a massless fermion at chemical potential mu (T = 1).
fn fermion_density(mu: f64) -> f64 {
    thermal_integral(|p| p * p / ((p - mu).exp() + 1.0) / (2.0 * PI * PI))
}

/// Eqs. (9)-(10): n_Sigma is even and n_Delta odd in the chemical potential
/// (Fermi-Dirac, where mu of either sign is allowed), and the linear response
/// d n_X/d mu at mu = 0, which n_Delta = 2 mu dn/dmu is built from, is
/// k T^2/6 per state (k = 1 fermions, 2 bosons): Eq. (38) as the chemistry uses it.
pub fn eq9_10(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let mu = 1e-3;
    let (np, nm, n0) = (fermion_density(mu), fermion_density(-mu), fermion_density(0.0));
    let (sigma, delta) = (np + nm, np - nm);
    let (checks, rows) = if c.id == "eq9" {
        let even = sigma / (2.0 * n0) - 1.0;
        (
            vec![(format!("n_Sigma is even in mu (n_Sigma(mu)/n_Sigma(0) - 1 = {even:.1e}, O(mu^2))"), even.abs() < 10.0 * mu * mu)],
            vec![format!("fermion: n_Sigma/T^3 = {sigma:.6} at mu/T = 1e-3")],
        )
    } else {
        let odd = (fermion_density(mu) - n0) - (n0 - fermion_density(-mu));
        let mut checks = vec![(format!("n_Delta is odd in mu (even part {odd:.1e})"), odd.abs() < 1e-2 * delta.abs())];
        let mut rows = vec![format!("fermion: n_Delta/(mu T^2) = {:.6}", delta / mu)];
        for (name, eta, k) in [("fermion", 1.0, 1.0), ("boson", -1.0, 2.0)] {
            // d n / d mu at mu = 0 per state: int p^2 e^p/(e^p + eta)^2 / (2 pi^2)
            let den = |p: f64| if eta < 0.0 { p.exp_m1() } else { p.exp() + 1.0 };
            let slope = thermal_integral(|p: f64| p * p * p.exp() / (den(p) * den(p)) / (2.0 * PI * PI));
            let linear = 2.0 * slope / (k / 6.0);
            checks.push((format!("{name}: n_Delta = k mu T^2/6 per state with k = {k} (ratio {linear:.9})"), (linear - 1.0).abs() < 1e-8));
            rows.push(format!("{name}: 2 dn/dmu = {:.9} T^2", 2.0 * slope));
        }
        (checks, rows)
    };
    definition_verdict(c, rows.join("; "), checks)
}

/// Eq. (11): for a constant |M|^2 the massless two-body phase space gives
/// W = S |M|^2/(8 pi) (the derivation's `integrate_two_body`, symbolic); and
/// with the flux 4 E1 E2 v = 2 s of massless particles in the centre of mass,
/// W = 4 E1 E2 g1 g2 sigma v is the cross section averaged over initial states.
pub fn eq11(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    use crate::cas::symbols::S;
    use symbolica::atom::Atom;
    let w = crate::derive::phase_space::integrate_two_body(&Atom::num(1)).ok_or_else(|| c.error("the phase-space integral failed"))?;
    let expect = Atom::num(1) / (Atom::num(8) * Atom::var(S.pi));
    let phase_ok = crate::cas::algebra::same(&w, &expect);
    // sigma = S int dPi3 dPi4 (2pi)^4 delta |M|^2 / (g1 g2 F), F = 4 sqrt((p1.p2)^2) = 2 s for massless;
    // in the centre of mass E1 = E2 = sqrt(s)/2 and v_Moller = F/(4 E1 E2) = 2.
    let s = 7.3f64;
    let (e1, e2) = (s.sqrt() / 2.0, s.sqrt() / 2.0);
    let flux = 4.0 * (s / 2.0);
    let v_moller = flux / (4.0 * e1 * e2);
    let (g1, g2, wval) = (2.0, 4.0, 0.37);
    let sigma = wval / (g1 * g2 * flux);
    let relation = 4.0 * e1 * e2 * g1 * g2 * sigma * v_moller;
    definition_verdict(
        c,
        format!("int dPi3 dPi4 (2pi)^4 delta^4 = {} for massless final states", crate::cas::print::plain(&w)),
        vec![
            ("the derivation's two-body phase space of a constant |M|^2 is 1/(8 pi)".into(), phase_ok),
            (
                "W = 4 E1 E2 g1 g2 sigma v with the flux of massless particles (centre of mass, v_Moller = 2)".into(),
                (relation / wval - 1.0).abs() < 1e-14,
            ),
        ],
    )
}

/// Eq. (12): the definition integrated directly in momentum space (E1, E2 and
/// the angle, f64) equals the closed form the derivations use (Eq. 75), for
/// W = s at equal and unequal temperatures.
pub fn eq12(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    use crate::numerics::collision::{direct_momentum_integral, number_closed};
    let mut rows = vec![];
    let mut ok = true;
    for (t1, t2) in [(1.0, 1.0), (1.0, 0.4)] {
        let direct = direct_momentum_integral(&|s| s, t1, t2, false, 1e-10);
        let prec = 64;
        let closed = number_closed(1, &rug::Float::with_val(prec, t1), &rug::Float::with_val(prec, t2), prec).to_f64();
        let rel = (direct / closed - 1.0).abs();
        ok &= rel < 1e-7;
        rows.push(format!("T2/T1 = {t2}: direct {direct:.9e}, Eq. (75) {closed:.9e}"));
    }
    definition_verdict(
        c,
        rows.join("; "),
        vec![("the direct integral of the definition equals the closed form of App. A (W = s, 1e-7)".into(), ok)],
    )
}

/// Eq. (13): W is dimensionless, so \[S_k\] has mass dimension -2k: every derived
/// Table 3 coefficient scales as kappa^(-2k) under M_a -> kappa M_a.
pub fn eq13(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let kernels = ctx.table3(c)?;
    let (y, lam, m) = couplings(5);
    let kappa = 3.0;
    let mk = m.map(|x| kappa * x);
    let mut worst = 0.0f64;
    for k in &kernels {
        for order in [1u32, 2] {
            let (a, b) = (k.value(order, &y, &lam, &m), k.value(order, &y, &lam, &mk));
            if a != 0.0 {
                worst = worst.max((b * kappa.powi(2 * order as i32) / a - 1.0).abs());
            }
        }
    }
    definition_verdict(
        c,
        format!("{} derived kernels: [S1] ~ M^-2, [S2] ~ M^-4 (largest deviation {worst:.1e})", kernels.len()),
        vec![("dimensions: every derived [S_k] scales as M^(-2k)".into(), worst < 1e-12)],
    )
}

/// Eq. (14): \[D2\] has mass dimension -4 (derived \[D2\] under M_a -> kappa M_a).
pub fn eq14(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let at = |m1: f64| -> Result<[f64; 2], CheckError> {
        let p = crate::cosmo::point::Point::benchmark(m1, 0.7, 0.9, -0.4, Some(1e-3)).map_err(|e| c.error(e.to_string()))?;
        Ok([p.d2_ll(), p.d2_chichi()])
    };
    let (a, b) = (at(1e10)?, at(3e10)?);
    let worst = (0..2).map(|i| (b[i] * 81.0 / a[i] - 1.0).abs()).fold(0.0, f64::max);
    definition_verdict(
        c,
        format!("[D2] x kappa^4 / [D2] - 1 at kappa = 3: {worst:.1e}"),
        vec![("dimensions: the derived [D2] scale as M^-4".into(), worst < 1e-12)],
    )
}

/// Eq. (15): with M = c0 P0 + c1 P1 and the conjugate process c -> c*, the
/// difference |M|^2 - |M_conj|^2 is -4 Im(P0^* P1) Im(c0^* c1) exactly
/// (random complex values; the form Eq. 16 states).
pub fn eq15(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let mut r = crate::numerics::sampling::XorShift64::new(41);
    let mut worst = 0.0f64;
    for _ in 0..50 {
        let mut z = || C::new(r.symmetric(), r.symmetric());
        let (c0, c1, p0, p1) = (z(), z(), z(), z());
        let lhs = (c0 * p0 + c1 * p1).norm_sqr() - (c0.conj() * p0 + c1.conj() * p1).norm_sqr();
        let rhs = -4.0 * (p0.conj() * p1).im * (c0.conj() * c1).im;
        worst = worst.max((lhs - rhs).abs());
    }
    definition_verdict(
        c,
        format!("|c0 P0 + c1 P1|^2 - |c0* P0 + c1* P1|^2 + 4 Im(P0* P1) Im(c0* c1): largest |difference| {worst:.1e} in 50 samples"),
        vec![("the decomposition with conjugated couplings gives Eq. (16)'s interference form".into(), worst < 1e-12)],
    )
}

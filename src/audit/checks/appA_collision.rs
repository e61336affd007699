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
pub const CHECKS: &[Check] = &[
    check!(eq69, ["eq69"]),
    check!(eq70, ["eq70"]),
    check!(
        eq71,
        ["eq71"],
        insensitive: [
            ("quoted.c1/times 2", "a printed condition X >= 0 is the same condition for 2 X"),
            ("quoted.c2/times 2", "a printed condition X >= 0 is the same condition for 2 X"),
            ("quoted.c3/times 2", "a printed condition X >= 0 is the same condition for 2 X"),
        ]
    ),
    check!(
        reduction,
        ["eq72", "eq76"],
        insensitive: [("*", "an integral identity transcribed in LaTeX only: the check integrates both of its sides (the momentum integral and the Bessel form) for five kernels; a change of the LaTeX is not read")]
    ),
    check!(
        eq73,
        ["eq73"],
        insensitive: [("*", "transcribed in LaTeX only: both sides are coded from it (numerics::collision::integral_representation); a change of the LaTeX is not read")]
    ),
    check!(
        eq74,
        ["eq74"],
        insensitive: [("*", "transcribed in LaTeX only: the right side is coded from it (numerics::collision::mellin_closed); a change of the LaTeX is not read")]
    ),
    check!(monomial, ["eq75", "eq77"]),
    check!(
        mb_support,
        ["text.mb-support"],
        insensitive: [("*", "a statement in words: the check computes the quantum/MB ratios and reads 'numerically close' by the policy of src/prec.rs; a change of the wording is not read")]
    ),
    check!(
        mb_k_trend,
        ["text.mb-k-trend"],
        insensitive: [("*", "a statement in words: the check computes |quantum/MB - 1| for k = 1, 2, 3; a change of the wording is not read")]
    ),
];

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
    let text = &c.quoted.get("prefactor").ok_or_else(|| c.error("missing quoted.prefactor"))?.text;
    let t1 = Float::with_val(256, 1.3);
    let t2 = Float::with_val(256, 0.45);
    let mut rows = vec![];
    let mut worst = f64::INFINITY;
    for k in 0..=4u32 {
        let r = if energy { energy_density(k, &t1, AUDIT_DIGITS) } else { number_density(k, &t1, &t2, AUDIT_DIGITS) }.for_claim(c)?;
        // the printed closed form: quoted.prefactor at this k times (T1 T2)^(k+2) or T^(2k+5)
        let (q, pi_power) = prefactor::evaluate(text, k as i64).map_err(|m| c.error(format!("quoted.prefactor: {m}")))?;
        let prec = r.quadrature.prec();
        let pi = Float::with_val(prec, rug::float::Constant::Pi);
        let mut printed = Float::with_val(prec, q.n) / Float::with_val(prec, q.d);
        printed *= Float::with_val(prec, rug::ops::Pow::pow(&pi, pi_power as i32));
        printed *= if energy {
            Float::with_val(prec, rug::ops::Pow::pow(&t1, 2 * k + 5))
        } else {
            Float::with_val(prec, rug::ops::Pow::pow(Float::with_val(prec, &t1 * &t2), k + 2))
        };
        let rel = Float::with_val(prec, Float::with_val(prec, &r.quadrature - &printed) / &printed).abs().to_f64();
        let digits = if rel == 0.0 { f64::from(AUDIT_DIGITS + 10) } else { -rel.log10() };
        worst = worst.min(digits);
        rows.push(format!("k = {k}: {digits:.1}"));
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
        format!(
            "digits of agreement of the printed closed form with quadrature{}: {}",
            if energy { " (T = 1.3)" } else { " (T1 = 1.3, T2 = 0.45)" },
            rows.join(", ")
        ),
        format!(
            "Quadrature of Eq. ({}) with the kernel s^k at {AUDIT_DIGITS} digits against the printed closed form, its prefactor \
             {text} read from the transcription and evaluated exactly at each k.{extra}",
            if energy { 76 } else { 72 }
        ),
    ))
}

/// Exact evaluation of a printed prefactor such as `k!*(k+1)!*2^(2*k)/(2*pi)^4`:
/// a rational times a power of pi, with `k` bound (the transcription language
/// has no factorial, so these quoted prefactors are read here).
mod prefactor {
    use crate::cas::rational::Q;

    /// A value `q pi^n`.
    type V = (Q, i64);

    struct Parser<'a> {
        s: &'a [u8],
        i: usize,
        k: i64,
    }

    fn pow(q: Q, n: i64) -> Result<Q, String> {
        let mut out = Q::int(1);
        let base = if n < 0 { Q::int(1) / q } else { q };
        for _ in 0..n.unsigned_abs() {
            out = out * base;
        }
        Ok(out)
    }

    impl Parser<'_> {
        fn peek(&self) -> Option<u8> {
            self.s.get(self.i).copied()
        }
        fn eat(&mut self, c: u8) -> bool {
            if self.peek() == Some(c) {
                self.i += 1;
                true
            } else {
                false
            }
        }
        fn expr(&mut self) -> Result<V, String> {
            let mut v = self.term()?;
            loop {
                let sign = if self.eat(b'+') {
                    1
                } else if self.eat(b'-') {
                    -1
                } else {
                    return Ok(v);
                };
                let w = self.term()?;
                if w.1 != v.1 && !v.0.is_zero() && !w.0.is_zero() {
                    return Err("a sum of different powers of pi".into());
                }
                let n = if v.0.is_zero() { w.1 } else { v.1 };
                v = (v.0 + Q::int(sign) * w.0, n);
            }
        }
        fn term(&mut self) -> Result<V, String> {
            let mut v = self.power()?;
            loop {
                if self.eat(b'*') {
                    let w = self.power()?;
                    v = (v.0 * w.0, v.1 + w.1);
                } else if self.eat(b'/') {
                    let w = self.power()?;
                    if w.0.is_zero() {
                        return Err("division by zero".into());
                    }
                    v = (v.0 / w.0, v.1 - w.1);
                } else {
                    return Ok(v);
                }
            }
        }
        fn power(&mut self) -> Result<V, String> {
            let b = self.unary()?;
            if self.eat(b'^') {
                let e = self.power()?;
                if e.1 != 0 || e.0.d != 1 {
                    return Err("a non-integer exponent".into());
                }
                let n = i64::try_from(e.0.n).map_err(|_| "exponent too large")?;
                return Ok((pow(b.0, n)?, b.1 * n));
            }
            Ok(b)
        }
        fn unary(&mut self) -> Result<V, String> {
            if self.eat(b'-') {
                let v = self.unary()?;
                return Ok((Q::int(-1) * v.0, v.1));
            }
            let mut v = self.primary()?;
            while self.eat(b'!') {
                if v.1 != 0 || v.0.d != 1 || v.0.n < 0 || v.0.n > 30 {
                    return Err("factorial of something other than a small non-negative integer".into());
                }
                v = ((1..=v.0.n).fold(Q::int(1), |acc, m| acc * Q::int(m)), 0);
            }
            Ok(v)
        }
        fn primary(&mut self) -> Result<V, String> {
            if self.eat(b'(') {
                let v = self.expr()?;
                if !self.eat(b')') {
                    return Err(format!("missing ) at column {}", self.i + 1));
                }
                return Ok(v);
            }
            let start = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
                self.i += 1;
            }
            let word = std::str::from_utf8(&self.s[start..self.i]).map_err(|e| e.to_string())?;
            match word {
                "" => Err(format!("unexpected character at column {}", self.i + 1)),
                "k" => Ok((Q::int(self.k as i128), 0)),
                "pi" => Ok((Q::int(1), 1)),
                w => w.parse::<i128>().map(|n| (Q::int(n), 0)).map_err(|_| format!("unknown symbol `{w}`")),
            }
        }
    }

    /// `q pi^n` of the text at `k`.
    ///
    /// # Errors
    /// Text outside this small grammar, with the column.
    pub fn evaluate(text: &str, k: i64) -> Result<(Q, i64), String> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut p = Parser { s: compact.as_bytes(), i: 0, k };
        let v = p.expr()?;
        if p.i != compact.len() {
            return Err(format!("unexpected text at column {}", p.i + 1));
        }
        Ok(v)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn prefactors() {
            let (q, n) = super::evaluate("k!*(k+1)!*2^(2*k)/(2*pi)^4", 2).unwrap();
            assert_eq!((q.n, q.d, n), (12, 1, -4)); // 2! 3! 2^4 / (2^4 pi^4)
            assert!(super::evaluate("k!!(", 1).is_err());
            assert!(super::evaluate("pi + 1", 1).is_err());
        }
    }
}

/// Digits of the quantum/MB ratios in the audit (the verdicts need three): those
/// of the evolution's quantum factors, so that both share each integral.
const STATISTICS_DIGITS: u32 = crate::cosmo::statistics::DIGITS;
/// The kernel powers of the audit's quantum/MB table, and the final pair's temperature
/// relative to the initial one in its second column.
pub(super) const STATISTICS_KS: [u32; 3] = [1, 2, 3];
pub(super) const STATISTICS_T_FINAL: f64 = 0.5;

/// The quantum/MB table of `cogenesis derive statistics`, computed once per audit.
fn statistics_table(ctx: &Context<'_>) -> std::rc::Rc<Result<Vec<Ratio>, crate::numerics::quantum::QuantumError>> {
    ctx.shared("numerics::quantum::table", || {
        crate::numerics::quantum::table(&STATISTICS_KS, STATISTICS_T_FINAL, STATISTICS_DIGITS, ctx.threads())
    })
}

use crate::numerics::quantum::Ratio;

/// The ratios of the table at one temperature for kernel power `k` and a treatment.
fn one_temperature<'a>(rows: &'a [Ratio], k: u32, treatment: &str) -> Vec<&'a Ratio> {
    rows.iter().filter(|r| r.k == k && r.treatment == treatment && r.t1 == r.t2 && r.t_final.is_none_or(|t| t == r.t1)).collect()
}

fn worst<'a>(rows: &[&'a Ratio]) -> Option<&'a Ratio> {
    rows.iter().copied().max_by(|a, b| (a.value - 1.0).abs().total_cmp(&(b.value - 1.0).abs()))
}

fn percent(r: &Ratio) -> String {
    format!("{:+.1}% ({} {})", 100.0 * (r.value - 1.0), r.assignment, r.moment)
}

/// Sec. 2.3: the MB approximation of the transfer collision terms is
/// "numerically close" to quantum statistics at the kernels the paper uses.
pub fn mb_support(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let table = statistics_table(ctx);
    let rows = table.as_ref().as_ref().map_err(|e| e.clone()).for_claim(c)?;
    let close = crate::prec::NUMERICALLY_CLOSE;
    // the premise: mean energy per initial particle of the MB integrand, from Eqs. (75) and (77)
    let wp = crate::numerics::collision::working_bits(10);
    let mean = |k: u32| {
        let (n, e) = crate::numerics::quantum::classical(k, 1.0, 1.0, wp);
        (e / n).to_f64() / 2.0
    };
    let mut parts = vec![];
    let mut ok = true;
    for (k, kernel) in [(1u32, "[S1]"), (2, "[S2]")] {
        let full = worst(&one_temperature(rows, k, "final"));
        let initial = worst(&one_temperature(rows, k, "initial"));
        if let (Some(f), Some(i)) = (full, initial) {
            // the verdict reads the physical collision term, with final-state factors (it keeps detailed balance)
            let within = (f.value - 1.0).abs() <= close;
            ok &= within;
            parts.push(format!(
                "k = {k} ({kernel}, mean E/T = {:.0} per initial particle under MB): quantum/MB - 1 up to {} with final-state factors{}, {} with the initial-state distributions alone",
                mean(k),
                percent(f),
                if within { "" } else { ", not within the reading" },
                percent(i)
            ));
        }
    }
    let derived = parts.join("; ");
    // the effect on the results: the four benchmarks evolved with quantum factors
    let chem = ctx.chem(c)?;
    let effect = ctx.shared("cosmo::statistics::effects", || {
        [crate::cosmo::statistics::Treatment::FinalState, crate::cosmo::statistics::Treatment::InitialState]
            .map(|t| crate::cosmo::statistics::effects(&chem, t).map_err(|e| e.to_string()))
    });
    let describe = |e: &Result<Vec<crate::cosmo::statistics::Effect>, String>| match e {
        Ok(list) => list
            .iter()
            .map(|e| {
                let ch = e.changes();
                format!("{:?}: xi {:+.1}%, Y_B {:+.1}%, Y_Dchi {:+.1}%", e.benchmark, 100.0 * ch[0], 100.0 * ch[1], 100.0 * ch[2])
            })
            .collect::<Vec<_>>()
            .join("; "),
        Err(m) => format!("not computed ({m})"),
    };
    let detail = format!(
        "Ratios quantum/MB of the collision terms of W = s^k for massless species at zero chemical potential (numerics::quantum: \
         Fermi-Dirac for l, chi, Bose-Einstein for H, phi; final-state factors averaged over an isotropic centre-of-mass \
         distribution; {STATISTICS_DIGITS} digits; the full table is `cogenesis derive statistics`), for the spin-statistics \
         classes of the Table 2 reactions at one temperature. 'Numerically close' is read as a relative difference of at most \
         {:.0}% (src/prec.rs, NUMERICALLY_CLOSE) of the collision term with final-state factors (Pauli blocking and Bose \
         enhancement belong to the same quantum statistics and keep detailed balance; the initial-state-only numbers are given \
         for reference). The premise holds: the MB integrand has its mean at E/T = k + 2 per particle. \
         Effect on the results (evolve --statistics quantum; Fig. 3 point, M1 = 1e10 GeV, |lambda1| = 1, x_RH = 30, maximal |y1|): \
         with final-state factors {}; with quantum initial-state distributions only {}. The truth lies between the two where the \
         final pair is colder (T_x < T).",
        100.0 * close,
        describe(&effect[0]),
        describe(&effect[1])
    );
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.latex.clone().unwrap_or_default())
        .derived(derived)
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail(detail))
}

/// After Eq. (77): the MB approximation improves as the kernel power k grows.
pub fn mb_k_trend(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let table = statistics_table(ctx);
    let rows = table.as_ref().as_ref().map_err(|e| e.clone()).for_claim(c)?;
    // every (class, moment, treatment, temperatures): |R_k - 1| must fall with k
    let mut series: Vec<(String, Vec<f64>)> = vec![];
    for r in rows {
        let key = format!("{} {} {} T=({}, {}, {:?})", r.assignment, r.moment, r.treatment, r.t1, r.t2, r.t_final);
        match series.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push((r.value - 1.0).abs()),
            None => series.push((key, vec![(r.value - 1.0).abs()])),
        }
    }
    let failing: Vec<&(String, Vec<f64>)> = series.iter().filter(|(_, v)| v.windows(2).any(|w| w[1] >= w[0])).collect();
    let example = |class: &str| {
        series
            .iter()
            .find(|(k, _)| k.starts_with(class) && k.contains("number final") && k.contains("Some(1.0)"))
            .map(|(_, v)| format!("{class}: {}", v.iter().map(|x| format!("{:.1}%", 100.0 * x)).collect::<Vec<_>>().join(", ")))
            .unwrap_or_default()
    };
    let derived = format!(
        "|quantum/MB - 1| falls with k = 1, 2, 3 in {} of {} cases (number with final-state factors, one temperature: {}; {})",
        series.len() - failing.len(),
        series.len(),
        example("F B -> F B"),
        example("F F -> B B")
    );
    let detail = format!(
        "Every spin-statistics class of the Table 2 reactions, number and energy collision terms, initial-state distributions \
         and final-state factors, one temperature and two (T1 = 2 T2 for the initial state, T_f = T_i/2 for the final pair); \
         numerics::quantum at {STATISTICS_DIGITS} digits.{}",
        if failing.is_empty() {
            String::new()
        } else {
            format!(" Not falling: {}.", failing.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join("; "))
        }
    );
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.latex.clone().unwrap_or_default())
        .derived(derived)
        .status(if failing.is_empty() { Status::Confirmed } else { Status::Discrepancy })
        .detail(detail))
}

/// Eq. (69), a definition: linear in Delta N, and at two temperatures the
/// direct momentum integral equals the closed form of Eq. (75) (W = s, s^2).
pub fn eq69(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    use crate::numerics::collision::{direct_momentum_integral, number_closed};
    let mut rows = vec![];
    let mut ok = true;
    for k in [1u32, 2] {
        let (t1, t2) = (1.0, 0.3);
        let direct = direct_momentum_integral(&|s| s.powi(k as i32), t1, t2, false, 1e-10);
        let closed = number_closed(k, &Float::with_val(64, t1), &Float::with_val(64, t2), 64).to_f64();
        ok &= (direct / closed - 1.0).abs() < 1e-7;
        rows.push(format!("W = s^{k}, T2/T1 = {t2}: direct {direct:.9e}, Eq. (75) {closed:.9e}"));
    }
    super::definition_verdict(
        c,
        rows.join("; "),
        vec![("the definition integrated directly over E1, E2 and the angle equals Eq. (75) at two temperatures (1e-7)".into(), ok)],
    )
}

/// Eq. (70): s_hat in the new variables (symbolic, from s = 2 E1 E2 (1 - cos theta)
/// with E1 = T1 (e_+ + e_-)/2, E2 = T2 (e_+ - e_-)/2), and the Jacobian: the
/// measure d^3p1 d^3p2/((2 pi)^6 4 E1 E2) = E1 E2 dE1 dE2 dcos/(2 (2 pi)^4) divided by
/// |d(s_hat, e_+, e_-)/d(E1, E2, cos)| (Symbolica derivatives, 3 x 3 determinant)
/// gives the prefactor of Eq. (72)'s first line.
pub fn eq70(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    use crate::cas::algebra::{int, same, subs, var};
    use crate::cas::symbols::S;
    use crate::transcript::lower::{Letters, Scope};
    use symbolica::atom::{Atom, AtomCore};
    let sym = |n: &str| Atom::var(symbolica::symbol!(n));
    let scope = Scope::new(crate::cas::couplings::Setup::PAPER, Letters::Defined(&crate::derive::couplings::EQ78)).declare(&c.symbols);
    let printed = super::lower_claim(c, &scope)?;
    let (e1, e2, cs, t1, t2) = (sym("E1"), sym("E2"), sym("c"), sym("T1"), sym("T2"));
    let ep = e1.clone() / t1.clone() + e2.clone() / t2.clone();
    let em = e1.clone() / t1.clone() - e2.clone() / t2.clone();
    let s_hat = (int(2) * e1.clone() * e2.clone() * (int(1) - cs.clone()) / (t1.clone() * t2.clone())).expand();
    // the printed s_hat with e_+- in terms of E1, E2
    let printed_in_e = subs(&subs(&printed, &sym("e_p"), &ep), &sym("e_m"), &em).expand();
    let shat_ok = same(&printed_in_e, &s_hat);
    // Jacobian rows: d(s_hat, e_+, e_-)/d(E1, E2, c)
    let vars = [symbolica::symbol!("E1"), symbolica::symbol!("E2"), symbolica::symbol!("c")];
    let fs = [s_hat.clone(), ep.clone(), em.clone()];
    let j: Vec<Vec<Atom>> = fs.iter().map(|f| vars.iter().map(|v| f.derivative(*v)).collect()).collect();
    let det = (j[0][0].clone() * (j[1][1].clone() * j[2][2].clone() - j[1][2].clone() * j[2][1].clone())
        - j[0][1].clone() * (j[1][0].clone() * j[2][2].clone() - j[1][2].clone() * j[2][0].clone())
        + j[0][2].clone() * (j[1][0].clone() * j[2][1].clone() - j[1][1].clone() * j[2][0].clone()))
    .expand();
    // |det| = -det for E1, E2 > 0 (the determinant is 4 E1 E2/(T1 T2)^2 up to sign; take the positive one)
    let abs_det = if same(&(det.clone() + (int(4) * e1.clone() * e2.clone() / (t1.clone() * t2.clone()).pow(int(2)))).expand(), &int(0)) {
        (int(-1) * det.clone()).expand()
    } else {
        det.clone()
    };
    let two_pi = int(2) * var(S.pi);
    let measure = e1.clone() * e2.clone() / (int(2) * two_pi.clone().pow(int(4)));
    let prefactor = (measure / abs_det.clone()).expand();
    let printed_pref =
        crate::transcript::lower::lower(&c.quoted_expression("prefactor")?, &scope.clone().declare(&["T1".into(), "T2".into()]))
            .map_err(|e| c.error(format!("quoted.prefactor: {e}")))?;
    let pref_ok = same(&prefactor, &printed_pref.expand());
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("s_hat = {}; prefactor {}", c.printed.clone().unwrap_or_default(), c.quoted["prefactor"].text))
        .derived(format!(
            "s_hat = {}; |Jacobian| = {}; prefactor {}",
            crate::cas::print::plain(&s_hat),
            crate::cas::print::plain(&abs_det),
            crate::cas::print::plain(&prefactor)
        ));
    let how = "Symbolic (Symbolica): s = 2 E1 E2 (1 - cos theta) for massless momenta; the massless measure after the trivial angles is \
        E1 E2 dE1 dE2 dcos/(2 (2 pi)^4); the Jacobian determinant of (s_hat, e_+, e_-) with respect to (E1, E2, cos) from derivatives.";
    Ok(match (shat_ok, pref_ok) {
        (true, true) => v.status(Status::Confirmed).detail(how),
        (false, _) => v.status(Status::Discrepancy).detail(format!("The printed s_hat differs from the derived one. {how}")),
        (true, false) => {
            v.status(Status::Discrepancy).detail(format!("The prefactor the Jacobian gives differs from the printed one. {how}"))
        }
    })
}

/// Eq. (71): the printed region is the image of the physical one (E1, E2 >= 0,
/// cos theta in [-1, 1]): 20,000 physical points map inside it, and 20,000 points
/// of the printed region map back to physical momenta.
pub fn eq71(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    use crate::cas::eval::{Values, eval};
    use crate::transcript::lower::{Letters, Scope};
    use num_complex::Complex64;
    let scope = Scope::new(crate::cas::couplings::Setup::PAPER, Letters::Defined(&crate::derive::couplings::EQ78)).declare(&[
        "s_hat".into(),
        "e_p".into(),
        "e_m".into(),
    ]);
    let mut conds = vec![];
    for key in ["c1", "c2", "c3"] {
        let e = c.quoted_expression(key)?;
        conds.push(crate::transcript::lower::lower(&e, &scope).map_err(|e| c.error(format!("quoted.{key}: {e}")))?);
    }
    // the variables' symbols read once, not at each of the 40,000 points
    let variable = |name: &str| symbolica::try_parse!(name).map_err(|e| c.error(format!("{name}: {e}")));
    let (k_shat, k_ep, k_em) = (variable("s_hat")?, variable("e_p")?, variable("e_m")?);
    let base = Values::new();
    let inside = |shat: f64, ep: f64, em: f64| -> Result<bool, CheckError> {
        let mut v = base.clone();
        v.set_atom(&k_shat, Complex64::new(shat, 0.0)).set_atom(&k_ep, Complex64::new(ep, 0.0)).set_atom(&k_em, Complex64::new(em, 0.0));
        for cond in &conds {
            let x = eval(cond, &v).map_err(|m| c.error(m.to_string()))?;
            if x.re < -1e-12 || x.im.abs() > 1e-12 {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let mut r = crate::numerics::sampling::XorShift64::new(71);
    let (t1, t2) = (1.0, 0.37);
    let (mut forward_bad, mut back_bad) = (0usize, 0usize);
    for _ in 0..20_000 {
        // physical -> region
        let (e1, e2, cs) = (5.0 * r.unit(), 5.0 * r.unit(), r.symmetric());
        let (ep, em) = (e1 / t1 + e2 / t2, e1 / t1 - e2 / t2);
        let shat = 2.0 * e1 * e2 * (1.0 - cs) / (t1 * t2);
        if !inside(shat, ep, em)? {
            forward_bad += 1;
        }
        // region -> physical: sample e_+, e_-, s_hat in a box, keep the printed region
        let (ep, em, shat) = (10.0 * r.unit(), 10.0 * r.symmetric(), 100.0 * r.unit());
        if inside(shat, ep, em)? {
            let (e1, e2) = (t1 * (ep + em) / 2.0, t2 * (ep - em) / 2.0);
            let cs = 1.0 - 2.0 * shat / (ep * ep - em * em);
            let physical = e1 >= -1e-12 && e2 >= -1e-12 && (-1.0 - 1e-12..=1.0 + 1e-12).contains(&cs);
            if !physical {
                back_bad += 1;
            }
        }
    }
    let ok = forward_bad == 0 && back_bad == 0;
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("{} >= 0, {} >= 0, {} >= 0", c.quoted["c1"].text, c.quoted["c2"].text, c.quoted["c3"].text))
        .derived(format!("physical points outside the region: {forward_bad} of 20000; region points that are not physical: {back_bad}"))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail(
            "The map (E1, E2, cos theta) -> (s_hat, e_+, e_-) of Eq. (70) sampled both ways (T2/T1 = 0.37): every physical point lands in the printed \
             region, and every point of the region comes from E1, E2 >= 0 and cos theta in [-1, 1] (the inverse map E1 = T1 (e_+ + e_-)/2, \
             E2 = T2 (e_+ - e_-)/2, cos theta = 1 - 2 s_hat/(e_+^2 - e_-^2)).",
        ))
}

//! The self-test of the audit: does every confirmed verdict depend on what is
//! transcribed?
//!
//! Every claim the audit confirms is perturbed one field at a time — its printed
//! expression times 2, with its sign flipped, with one conjugation added or
//! removed; each quoted value scaled by 1.1 (numbers), times 2 (expressions) or
//! changed in its first sign, letter or dagger (text) — and re-checked by its own
//! check. A perturbation that leaves the claim confirmed means the check never
//! read that field: the self-test fails, unless the check declares the field
//! insensitive with a reason ([`crate::audit::checks::Check::insensitive`]),
//! in which case it is listed. Claims with nothing of their own to perturb (a
//! statement about other claims) are listed too.

use crate::audit::Audit;
use crate::audit::checks::{Check, Context, check_for};
use crate::audit::explain::{conjugation_variants, with_expression, with_quoted};
use crate::audit::verdict::Status;
use crate::transcript::claims::{Claim, parse_decimal, parse_expression};
use crate::transcript::inputs::Inputs;
use symbolica::atom::Atom;

/// Listed for a claim with nothing to perturb whose check declares no reason (a failure).
pub const NO_REASON: &str = "NO REASON declared by the check";

/// One perturbed field of a claim.
#[derive(Clone, Debug)]
pub struct Perturbation {
    /// `printed` or `quoted.KEY`.
    pub field: String,
    /// The kind of change, as a check names it in a declaration
    /// (`printed/conjugation`): `times 2`, `sign`, `conjugation`, `zero`,
    /// `scaled by 1.1`, `scaled by 10`, `text`.
    pub kind: &'static str,
    /// What was done, in words.
    pub what: String,
    /// For `scaled by 10`: the same field scaled by 0.1 (detected if either is).
    pub other: Option<Claim>,
    pub claim: Claim,
}

/// What the check made of a perturbation.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The verdict changed (or the check refused the perturbed text).
    Detected(String),
    /// Still confirmed, and the check declares the field insensitive: the reason.
    Declared(String),
    /// Still confirmed, undeclared: the check does not read the field.
    Undetected,
}

/// The self-test of one claim.
#[derive(Clone, Debug)]
pub struct ClaimTest {
    pub id: String,
    pub checked_by: String,
    /// (field, perturbation, outcome).
    pub results: Vec<(String, String, Outcome)>,
}

/// The self-test of an audit.
#[derive(Clone, Debug, Default)]
pub struct SelfTest {
    pub claims: Vec<ClaimTest>,
    /// Confirmed claims without a field of their own to perturb, with the
    /// reason their check gives (a `*` declaration).
    pub nothing_to_perturb: Vec<(String, String)>,
}

/// Scale a decimal or scientific number written as text, keeping its notation
/// (two more decimals than printed, so the tolerance a check reads from the
/// printed precision does not grow). Zero becomes 1.
fn scale_number(t: &str, factor: f64) -> Option<String> {
    let t = t.trim();
    let v: f64 = t.parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    if v == 0.0 {
        return Some("1".into());
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i..])),
        None => (t, None),
    };
    let (m, decimals) = parse_decimal(mantissa)?;
    let scaled = format!("{:.*}", decimals + 2, m * factor);
    Some(match exponent {
        Some(e) => format!("{scaled}{e}"),
        None => scaled,
    })
}

/// A small change of a text that is neither a number nor an expression: the
/// sign of its first non-zero number, else Y <-> N, else the first `^dag`
/// removed, else a `^dag` added to the first word.
fn perturb_text(t: &str) -> String {
    let mut start = 0;
    while let Some(off) = t[start..].find(|c: char| c.is_ascii_digit()) {
        let i = start + off;
        let end = t[i..].find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/')).map(|e| i + e).unwrap_or(t.len());
        let token = &t[i..end];
        if token.chars().any(|c| c.is_ascii_digit() && c != '0') {
            let before = &t[..i];
            return match before.strip_suffix('-') {
                Some(b) => format!("{b}{}", &t[i..]),
                None => match before.strip_suffix('+') {
                    Some(b) => format!("{b}-{}", &t[i..]),
                    None => format!("{before}-{}", &t[i..]),
                },
            };
        }
        start = end;
    }
    match t.trim() {
        "Y" => return "N".into(),
        "N" => return "Y".into(),
        _ => {}
    }
    if let Some(i) = t.find("^dag") {
        return format!("{}{}", &t[..i], &t[i + 4..]);
    }
    match t.find(' ') {
        Some(i) => format!("{}^dag{}", &t[..i], &t[i..]),
        None => format!("{t}^dag"),
    }
}

/// Every single-field perturbation of a claim.
pub fn perturbations(c: &Claim) -> Vec<Perturbation> {
    let mut out = vec![];
    let one =
        |field: &str, kind: &'static str, what: String, claim: Claim| Perturbation { field: field.into(), kind, what, other: None, claim };
    if let Some(Ok(e)) = &c.parsed {
        let e: &Atom = e;
        if e.is_zero() {
            out.push(one("printed", "zero", "0 replaced by 1".into(), with_expression(c, Atom::num(1))));
        } else {
            out.push(one("printed", "times 2", "times 2".into(), with_expression(c, e.clone() * Atom::num(2))));
            out.push(one("printed", "sign", "sign flipped".into(), with_expression(c, -e.clone())));
            if let Some((desc, v)) = conjugation_variants(e).into_iter().next() {
                out.push(one("printed", "conjugation", desc, with_expression(c, v)));
            }
        }
    }
    for (k, q) in &c.quoted {
        let field = format!("quoted.{k}");
        if let Some(t) = scale_number(&q.text, 1.1) {
            out.push(one(&field, "scaled by 1.1", "scaled by 1.1".into(), with_quoted(c, k, t)));
            if let (Some(up), Some(down)) = (scale_number(&q.text, 10.0), scale_number(&q.text, 0.1)) {
                out.push(Perturbation {
                    field: field.clone(),
                    kind: "scaled by 10",
                    what: "scaled by 10 and by 0.1".into(),
                    other: Some(with_quoted(c, k, down)),
                    claim: with_quoted(c, k, up),
                });
            }
        } else if parse_expression(&q.text).is_ok() && !q.text.trim().chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
            out.push(one(&field, "times 2", "times 2".into(), with_quoted(c, k, format!("2*({})", q.text))));
        } else {
            let t = perturb_text(&q.text);
            out.push(one(&field, "text", format!("text changed to `{t}`"), with_quoted(c, k, t)));
        }
    }
    out
}

/// The declared reason, if the check declares this field (or field/kind) insensitive.
fn declared<'c>(check: &'c Check, field: &str, kind: &str) -> Option<&'c str> {
    let full = format!("{field}/{kind}");
    check.insensitive.iter().find(|(f, _)| *f == field || *f == full).map(|(_, why)| *why)
}

/// Whether the check still gives `expected` (confirmed, or a talk statement's
/// "agrees with the paper") on the perturbed claim.
fn still_confirmed(check: &Check, claim: &Claim, ctx: &Context<'_>, expected: Status) -> Result<(), String> {
    let overlay = ctx.with_overlay(claim.clone());
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (check.run)(claim, &overlay)));
    match res {
        Ok(Ok(v)) if v.status == expected => Ok(()),
        Ok(Ok(v)) => Err(format!("now {}", v.status.as_str())),
        Ok(Err(e)) => Err(format!("refused: {e}")),
        Err(_) => Err("the check panicked".into()),
    }
}

/// Perturb every claim that `audit` confirms and re-run its check.
pub fn run(inputs: &Inputs, audit: &Audit) -> SelfTest {
    run_with(inputs, audit, &check_for)
}

/// [`run`] with the checks looked up by `check_of` (the tests use it to show
/// that a check which reads nothing fails the self-test).
pub fn run_with(inputs: &Inputs, audit: &Audit, check_of: &dyn Fn(&str) -> Option<&'static Check>) -> SelfTest {
    let ctx = Context::new(inputs);
    let mut out = SelfTest::default();
    for v in audit.verdicts.iter().filter(|v| matches!(v.status, Status::Confirmed | Status::Agrees)) {
        let (Some(c), Some(check)) = (inputs.claims.get(&v.id), check_of(&v.id)) else { continue };
        let ps = perturbations(c);
        if ps.is_empty() {
            let why = check.insensitive.iter().find(|(f, _)| *f == "*").map(|(_, w)| *w).unwrap_or(NO_REASON);
            out.nothing_to_perturb.push((c.id.clone(), why.to_string()));
            continue;
        }
        let mut t = ClaimTest { id: c.id.clone(), checked_by: check.name().to_string(), results: vec![] };
        for p in &ps {
            let first = still_confirmed(check, &p.claim, &ctx, v.status);
            let result = match (&first, &p.other) {
                (Ok(()), Some(o)) => still_confirmed(check, o, &ctx, v.status),
                _ => first,
            };
            let outcome = match result {
                Err(how) => Outcome::Detected(how),
                Ok(()) => match declared(check, &p.field, p.kind) {
                    Some(why) => Outcome::Declared(why.to_string()),
                    None => Outcome::Undetected,
                },
            };
            t.results.push((p.field.clone(), p.what.clone(), outcome));
        }
        out.claims.push(t);
    }
    out
}

impl SelfTest {
    /// The perturbations no check noticed and none declared: (claim, field, what).
    pub fn undetected(&self) -> Vec<(&str, &str, &str)> {
        self.claims
            .iter()
            .flat_map(|c| {
                c.results.iter().filter(|(_, _, o)| *o == Outcome::Undetected).map(move |(f, w, _)| (c.id.as_str(), f.as_str(), w.as_str()))
            })
            .collect()
    }

    /// Confirmed claims with nothing to perturb whose check gives no reason.
    pub fn unexplained(&self) -> Vec<&str> {
        self.nothing_to_perturb.iter().filter(|(_, why)| why == NO_REASON).map(|(id, _)| id.as_str()).collect()
    }

    /// Whether every perturbation was detected or declared, and every claim
    /// with nothing to perturb has its check's reason.
    pub fn passed(&self) -> bool {
        self.undetected().is_empty() && self.unexplained().is_empty()
    }

    /// The report: totals, every undetected perturbation, every declared
    /// insensitivity, and the claims with nothing to perturb.
    pub fn summary(&self) -> String {
        let all: Vec<&Outcome> = self.claims.iter().flat_map(|c| c.results.iter().map(|(_, _, o)| o)).collect();
        let count = |f: &dyn Fn(&Outcome) -> bool| all.iter().filter(|o| f(o)).count();
        let mut out = format!(
            "self-test: {} confirmed claims perturbed, {} perturbations: {} detected, {} declared insensitive, {} undetected; {} confirmed claims with nothing to perturb ({} without a reason)\n",
            self.claims.len(),
            all.len(),
            count(&|o| matches!(o, Outcome::Detected(_))),
            count(&|o| matches!(o, Outcome::Declared(_))),
            count(&|o| matches!(o, Outcome::Undetected)),
            self.nothing_to_perturb.len(),
            self.unexplained().len(),
        );
        for (id, field, what) in self.undetected() {
            out.push_str(&format!("  UNDETECTED  {id}: {field} {what}: still confirmed\n"));
        }
        for c in &self.claims {
            for (field, what, o) in &c.results {
                if let Outcome::Declared(why) = o {
                    out.push_str(&format!("  declared    {}: {field} {what}: {why}\n", c.id));
                }
            }
        }
        for (id, why) in &self.nothing_to_perturb {
            out.push_str(&format!("  nothing to perturb  {id}: {why}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_notation() {
        assert_eq!(scale_number("0.07", 1.1).as_deref(), Some("0.0770"));
        assert_eq!(scale_number("7.2e-21", 1.1).as_deref(), Some("7.920e-21"));
        assert_eq!(scale_number("246", 1.1).as_deref(), Some("270.60"));
        assert_eq!(scale_number("0", 1.1).as_deref(), Some("1"));
        assert_eq!(scale_number("k+1", 1.1), None);
    }

    #[test]
    fn texts_change_in_one_place() {
        assert_eq!(perturb_text("1/2, 0, 0, 0"), "-1/2, 0, 0, 0");
        assert_eq!(perturb_text("0, -1/2, 0, 1/2"), "0, 1/2, 0, 1/2");
        assert_eq!(perturb_text("chemistry/visible.toml"), "chemistry/visible.toml^dag");
        assert_eq!(perturb_text("-1/2, 0, 1, 0"), "1/2, 0, 1, 0");
        assert_eq!(perturb_text("+1"), "-1");
        assert_eq!(perturb_text("Y"), "N");
        assert_eq!(perturb_text("l H -> l^dag H^dag"), "l H -> l H^dag");
        assert_eq!(perturb_text("l H -> chi phi"), "l^dag H -> chi phi");
    }
}

//! The discrepancy explainer: search a space of common slips (sign, complex
//! conjugation, overall factor, inverted exponent, swapped labels, dropped term)
//! between a printed claim and its derivation, and report every variant of the
//! printed claim that the claim's own check then confirms.
//!
//! The space of slips is data (`derivations/slips/space.toml`); each kind is
//! one mutation operator here. The oracle is the claim's check itself, so the
//! same search serves symbolic claims (exact agreement) and numeric ones
//! (agreement within the printed precision).

use crate::audit::checks::{Context, check_for};
use crate::audit::verdict::Status;
use crate::transcript::claims::{Claim, parse_expression};
use crate::transcript::inputs::Inputs;
use crate::transcript::slips::{SlipKind, SlipSpace};
use symbolica::atom::{Atom, AtomCore, AtomView, FunctionBuilder};

/// A mutated claim and the slips applied to obtain it.
#[derive(Clone, Debug)]
pub struct Variant {
    pub slips: Vec<String>,
    pub claim: Claim,
    /// Sum of the positions of the slip kinds in the space (simplicity order).
    pub cost: usize,
}

impl Variant {
    /// Identity of the mutated claim (to avoid checking the same variant twice).
    fn key(&self) -> String {
        let q: Vec<String> = self.claim.quoted.iter().map(|(k, v)| format!("{k}={}", v.text)).collect();
        format!("{}|{}", self.claim.printed.clone().unwrap_or_default(), q.join(","))
    }
}

fn show(a: &Atom) -> String {
    crate::cas::print::plain(a)
}

fn fun(name: &str, args: Vec<Atom>) -> Atom {
    args.into_iter().fold(FunctionBuilder::new(symbolica::symbol!(name)), |b, a| b.add_arg(a)).finish()
}

fn is_coupling(name: &str) -> bool {
    matches!(name, "y" | "lambda" | "A" | "A_s" | "A_u" | "C" | "D")
}

/// Alternatives of one node for a local slip kind: (description, replacement).
fn local_alternatives(v: AtomView<'_>, kind: &SlipKind) -> Vec<(String, Atom)> {
    let mut out = vec![];
    match (kind, v) {
        (SlipKind::SignTerm, AtomView::Add(a)) => {
            let terms: Vec<Atom> = a.iter().map(|t| t.to_owned()).collect();
            for j in 0..terms.len() {
                let s = terms.iter().enumerate().fold(Atom::num(0), |acc, (k, t)| if k == j { acc - t.clone() } else { acc + t.clone() });
                out.push((format!("sign of the term `{}` flipped", show(&terms[j])), s));
            }
        }
        (SlipKind::TermFactor(factors), AtomView::Add(a)) => {
            let terms: Vec<Atom> = a.iter().map(|t| t.to_owned()).collect();
            for f in factors {
                let fa = crate::transcript::claims::parse_expression(f).expect("validated when the space was read");
                for j in 0..terms.len() {
                    for (what, scaled) in
                        [("lacks a factor", terms[j].clone() * fa.clone()), ("has an extra factor", terms[j].clone() / fa.clone())]
                    {
                        let s = terms
                            .iter()
                            .enumerate()
                            .fold(Atom::num(0), |acc, (k, t)| acc + if k == j { scaled.clone() } else { t.clone() });
                        out.push((format!("the term `{}` {what} {f}", show(&terms[j])), s));
                    }
                }
            }
        }
        (SlipKind::DropTerm, AtomView::Add(a)) => {
            let terms: Vec<Atom> = a.iter().map(|t| t.to_owned()).collect();
            for j in 0..terms.len() {
                let s = terms.iter().enumerate().filter(|(k, _)| *k != j).fold(Atom::num(0), |acc, (_, t)| acc + t.clone());
                out.push((format!("spurious term `{}` (dropped)", show(&terms[j])), s));
            }
        }
        (SlipKind::SignSymbol(names), AtomView::Var(x)) => {
            let n = x.get_symbol().get_stripped_name().to_string();
            if names.contains(&n) {
                out.push((format!("sign of `{n}` flipped"), Atom::num(-1) * v.to_owned()));
            }
        }
        (SlipKind::ConjugateFactor, AtomView::Var(x)) => {
            let n = x.get_symbol().get_stripped_name().to_string();
            if matches!(n.as_str(), "A" | "B" | "C" | "D" | "B_s" | "B_u") {
                out.push((format!("conjugation added on `{n}`"), fun("conj", vec![v.to_owned()])));
            }
        }
        (SlipKind::ConjugateFactor, AtomView::Fun(f)) => {
            let name = f.get_symbol().get_stripped_name().to_string();
            let args: Vec<AtomView<'_>> = f.iter().collect();
            if name == "conj" && args.len() == 1 {
                out.push((format!("conjugation dropped on `{}`", show(&v.to_owned())), args[0].to_owned()));
            } else if is_coupling(&name) {
                out.push((format!("conjugation added on `{}`", show(&v.to_owned())), fun("conj", vec![v.to_owned()])));
            } else if name == "sum" && args.len() >= 2 {
                // conjugate the factor carrying one summation index
                let (idx, body) = args.split_at(args.len() - 1);
                let factors: Vec<Atom> = match body[0] {
                    AtomView::Mul(m) => m.iter().map(|x| x.to_owned()).collect(),
                    other => vec![other.to_owned()],
                };
                for i in idx {
                    let Some(sym) = i.get_symbol() else { continue };
                    let (with, without): (Vec<Atom>, Vec<Atom>) = factors.iter().cloned().partition(|x| x.contains_symbol(sym));
                    if with.is_empty() {
                        continue;
                    }
                    let group = with.iter().fold(Atom::num(1), |acc, x| acc * x.clone());
                    let rest = without.iter().fold(Atom::num(1), |acc, x| acc * x.clone());
                    let body = rest * fun("conj", vec![group.clone()]);
                    let mut new_args: Vec<Atom> = idx.iter().map(|x| x.to_owned()).collect();
                    new_args.push(body);
                    let names: Vec<String> = idx.iter().map(|x| x.to_string()).collect();
                    out.push((
                        format!(
                            "conjugation toggled on the factor `{}` (index {} of sum({}, ...))",
                            show(&group),
                            sym.get_stripped_name(),
                            names.join(",")
                        ),
                        fun("sum", new_args),
                    ));
                }
            }
        }
        (SlipKind::Invert, AtomView::Num(_)) => {
            // an inverted ratio: a non-integer rational factor r -> 1/r
            if let Ok(r) = symbolica::domains::rational::Rational::try_from(v)
                && !r.is_integer()
                && !r.is_zero()
            {
                let inv = (Atom::num(1) / v.to_owned()).expand();
                out.push((format!("ratio `{}` inverted", show(&v.to_owned())), inv));
            }
        }
        (SlipKind::Invert, AtomView::Pow(p)) => {
            if let AtomView::Num(_) = p.get_exp() {
                let base = p.get_base().to_owned();
                let e = p.get_exp().to_owned();
                let neg = (Atom::num(-1) * e.clone()).expand();
                out.push((format!("exponent of `{}` inverted ({} -> {})", show(&base), show(&e), show(&neg)), base.pow(neg)));
            }
        }
        _ => {}
    }
    out
}

/// Every single conjugation slip of an expression (a conjugation added on one
/// coupling letter, or removed from one `conj(...)`): (description, expression).
/// Used by the self-test as its "a conjugation" perturbation.
pub(crate) fn conjugation_variants(e: &Atom) -> Vec<(String, Atom)> {
    let mut nodes = vec![];
    collect(e.as_view(), &mut nodes);
    let mut out = vec![];
    for (k, node) in nodes.iter().enumerate() {
        for (desc, rep) in local_alternatives(*node, &SlipKind::ConjugateFactor) {
            let mut counter = 0;
            out.push((desc, rebuild(e.as_view(), k, &mut counter, &rep)));
        }
    }
    out
}

/// Pre-order list of nodes (the order of `rebuild`).
fn collect<'a>(v: AtomView<'a>, out: &mut Vec<AtomView<'a>>) {
    out.push(v);
    match v {
        AtomView::Fun(f) => f.iter().for_each(|a| collect(a, out)),
        AtomView::Pow(p) => {
            collect(p.get_base(), out);
            collect(p.get_exp(), out);
        }
        AtomView::Mul(m) => m.iter().for_each(|a| collect(a, out)),
        AtomView::Add(a) => a.iter().for_each(|t| collect(t, out)),
        _ => {}
    }
}

/// Rebuild with node number `target` replaced.
fn rebuild(v: AtomView<'_>, target: usize, counter: &mut usize, rep: &Atom) -> Atom {
    let me = *counter;
    *counter += 1;
    if me == target {
        return rep.clone();
    }
    match v {
        AtomView::Fun(f) => {
            let args: Vec<Atom> = f.iter().map(|a| rebuild(a, target, counter, rep)).collect();
            args.into_iter().fold(FunctionBuilder::new(f.get_symbol()), |b, a| b.add_arg(a)).finish()
        }
        AtomView::Pow(p) => {
            let b = rebuild(p.get_base(), target, counter, rep);
            let e = rebuild(p.get_exp(), target, counter, rep);
            b.pow(e)
        }
        AtomView::Mul(m) => Atom::mul_many(m.iter().map(|a| rebuild(a, target, counter, rep)).collect::<Vec<_>>().iter()),
        AtomView::Add(a) => Atom::add_many(a.iter().map(|t| rebuild(t, target, counter, rep)).collect::<Vec<_>>().iter()),
        _ => v.to_owned(),
    }
}

/// Exchange two symbols everywhere.
fn swap_symbols(v: AtomView<'_>, a: symbolica::atom::Symbol, b: symbolica::atom::Symbol) -> Atom {
    match v {
        AtomView::Var(x) if x.get_symbol() == a => Atom::var(b),
        AtomView::Var(x) if x.get_symbol() == b => Atom::var(a),
        AtomView::Fun(f) => f.iter().fold(FunctionBuilder::new(f.get_symbol()), |bl, x| bl.add_arg(swap_symbols(x, a, b))).finish(),
        AtomView::Pow(p) => swap_symbols(p.get_base(), a, b).pow(swap_symbols(p.get_exp(), a, b)),
        AtomView::Mul(m) => Atom::mul_many(m.iter().map(|x| swap_symbols(x, a, b)).collect::<Vec<_>>().iter()),
        AtomView::Add(s) => Atom::add_many(s.iter().map(|x| swap_symbols(x, a, b)).collect::<Vec<_>>().iter()),
        _ => v.to_owned(),
    }
}

pub(crate) fn with_expression(c: &Claim, e: Atom) -> Claim {
    let mut n = c.clone();
    n.printed = Some(show(&e));
    n.parsed = Some(Ok(e));
    n
}

pub(crate) fn with_quoted(c: &Claim, key: &str, text: String) -> Claim {
    let mut n = c.clone();
    if let Some(q) = n.quoted.get_mut(key) {
        q.text = text;
    }
    n
}

fn flip_sign_text(t: &str) -> String {
    let t = t.trim();
    match t.strip_prefix('-') {
        Some(rest) => rest.to_string(),
        None => format!("-{t}"),
    }
}

/// All single-slip variants of a claim, kinds in the order of the space.
pub fn single_variants(c: &Claim, space: &SlipSpace) -> Vec<Variant> {
    (0..space.kinds.len()).flat_map(|rank| kind_variants(c, space, rank)).collect()
}

/// The single-slip variants of a claim of the kind at `rank` in the space (their cost).
fn kind_variants(c: &Claim, space: &SlipSpace, rank: usize) -> Vec<Variant> {
    let mut out = vec![];
    let expr = c.parsed.as_ref().and_then(|p| p.as_ref().ok()).cloned();
    match &space.kinds[rank] {
        SlipKind::SignQuoted => {
            for (k, q) in &c.quoted {
                if parse_expression(&q.text).is_ok() && k != "tuned" {
                    out.push(Variant {
                        slips: vec![format!("sign of quoted `{k}` flipped")],
                        claim: with_quoted(c, k, flip_sign_text(&q.text)),
                        cost: 0,
                    });
                }
            }
        }
        SlipKind::SwapQuoted => {
            let keys: Vec<&String> = c.quoted.keys().filter(|k| *k != "tuned").collect();
            for (a, ka) in keys.iter().enumerate() {
                for kb in keys.iter().skip(a + 1) {
                    let mut n = with_quoted(c, ka, c.quoted[*kb].text.clone());
                    n = with_quoted(&n, kb, c.quoted[*ka].text.clone());
                    out.push(Variant { slips: vec![format!("quoted `{ka}` and `{kb}` swapped")], claim: n, cost: 0 });
                }
            }
        }
        SlipKind::OverallFactor(factors) => {
            if let Some(e) = &expr {
                for f in factors {
                    let fa = parse_expression(f).expect("validated when the space was read");
                    if f.trim() == "-1" {
                        // printed x (-1) and printed / (-1) coincide: one variant, named for what it is
                        out.push(Variant {
                            slips: vec!["the overall sign flipped".into()],
                            claim: with_expression(c, -e.clone()),
                            cost: 0,
                        });
                        continue;
                    }
                    out.push(Variant {
                        slips: vec![format!("printed lacks an overall factor {f}")],
                        claim: with_expression(c, e.clone() * fa.clone()),
                        cost: 0,
                    });
                    out.push(Variant {
                        slips: vec![format!("printed has an extra overall factor {f}")],
                        claim: with_expression(c, e.clone() / fa),
                        cost: 0,
                    });
                }
            }
        }
        SlipKind::SwapLabels => {
            if let Some(e) = &expr {
                let mut labels: Vec<symbolica::atom::Symbol> = e
                    .get_all_symbols(false)
                    .into_iter()
                    .filter(|s| {
                        let n = s.get_stripped_name();
                        crate::transcript::lower::index_kind(n).is_some() || n == "alpha" || n == "beta"
                    })
                    .collect();
                labels.sort_by_key(|s| s.get_stripped_name().to_string());
                for (i, a) in labels.iter().enumerate() {
                    for b in labels.iter().skip(i + 1) {
                        let swapped = swap_symbols(e.as_view(), *a, *b);
                        out.push(Variant {
                            slips: vec![format!("labels `{}` and `{}` swapped", a.get_stripped_name(), b.get_stripped_name())],
                            claim: with_expression(c, swapped),
                            cost: 0,
                        });
                    }
                }
            }
        }
        local => {
            if let Some(e) = &expr {
                let mut nodes = vec![];
                collect(e.as_view(), &mut nodes);
                for (k, node) in nodes.iter().enumerate() {
                    for (desc, rep) in local_alternatives(*node, local) {
                        let mut counter = 0;
                        let new = rebuild(e.as_view(), k, &mut counter, &rep);
                        out.push(Variant { slips: vec![desc], claim: with_expression(c, new), cost: 0 });
                    }
                }
            }
        }
    }
    for v in &mut out {
        v.cost = rank;
    }
    out
}

/// The outcome of a search.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub tried_single: usize,
    pub tried_pairs: usize,
    /// Whether the pair search stopped at `max_pairs`.
    pub truncated: bool,
    /// Explanations, simplest first (each one slip or a pair joined by " and ").
    pub found: Vec<String>,
}

impl Search {
    /// One line for reports.
    pub fn summary(&self) -> String {
        if self.tried_single == 0 {
            return "Nothing to vary: the claim has no printed expression or quoted values of its own (it is a statement \
                    about other claims; see their explanations)."
                .into();
        }
        if self.found.is_empty() {
            format!(
                "No variant in the slip space explains it ({} single and {} pair variants tried{}).",
                self.tried_single,
                self.tried_pairs,
                if self.truncated { ", pair search bounded" } else { "" }
            )
        } else {
            format!("Explained by: {}.", self.found.join("; or "))
        }
    }
}

fn confirms(v: &Variant, ctx: &Context<'_>) -> bool {
    let Some(check) = check_for(&v.claim.id) else { return false };
    let overlay = ctx.with_overlay(v.claim.clone());
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (check.run)(&v.claim, &overlay)));
    matches!(res, Ok(Ok(verdict)) if verdict.status == Status::Confirmed)
}

/// Search single slips, then pairs (bounded), for variants that the claim's
/// check confirms. Pairs are tried in order of the summed positions of their
/// kinds in the space (simplest first); variants that coincide are checked once.
pub fn explain(c: &Claim, ctx: &Context<'_>, space: &SlipSpace) -> Search {
    let mut s = Search::default();
    let mut seen = std::collections::HashSet::new();
    seen.insert(Variant { slips: vec![], claim: c.clone(), cost: 0 }.key());
    let singles = single_variants(c, space);
    for v in &singles {
        if !seen.insert(v.key()) {
            continue;
        }
        s.tried_single += 1;
        if confirms(v, ctx) {
            s.found.push(v.slips.join(" and "));
        }
    }
    if !s.found.is_empty() {
        return s;
    }
    // the second slips of each single, by kind, built when the search first needs them
    // (it is bounded: most are never reached); the order is that of single_variants
    let mut seconds: Vec<Vec<Option<Vec<Variant>>>> = vec![vec![None; space.kinds.len()]; singles.len()];
    let max_cost = 2 * space.kinds.len().saturating_sub(1);
    'outer: for cost in 0..=max_cost {
        for (i, v) in singles.iter().enumerate() {
            let Some(rank) = cost.checked_sub(v.cost).filter(|r| *r < space.kinds.len()) else { continue };
            let ws = seconds[i][rank].get_or_insert_with(|| kind_variants(&v.claim, space, rank));
            for w in ws.iter() {
                let mut slips = v.slips.clone();
                slips.extend(w.slips.clone());
                slips.sort();
                let text = slips.join(" and ");
                if s.found.contains(&text) || !seen.insert(w.key()) {
                    continue;
                }
                if s.tried_pairs >= space.max_pairs {
                    s.truncated = true;
                    break 'outer;
                }
                s.tried_pairs += 1;
                if confirms(w, ctx) {
                    s.found.push(text);
                }
            }
        }
    }
    s
}

/// Attach explanations to every discrepancy of an audit.
pub fn annotate(audit: &mut crate::audit::Audit, inputs: &Inputs, space: &SlipSpace) {
    annotate_inner(audit, &Context::new(inputs), space, None, None);
}

/// [`annotate_in`], with the wall time of each claim's search (the profile of `examples/profile_audit.rs`).
pub fn annotate_timed(audit: &mut crate::audit::Audit, ctx: &Context<'_>, space: &SlipSpace) -> Vec<(String, std::time::Duration)> {
    let mut times = vec![];
    annotate_inner(audit, ctx, space, None, Some(&mut times));
    times
}

/// [`annotate`] in the context the checks ran in ([`crate::audit::run_in`]):
/// derive once, compare many. The variants are overlays of that context, so
/// every derivation the checks shared is reused and each re-run is only the
/// comparison with a varied printed form. With the cache, a search whose
/// claim's verdict is current and whose slip space is unchanged is taken from
/// it ([`crate::audit::cache`]).
pub fn annotate_in(audit: &mut crate::audit::Audit, ctx: &Context<'_>, space: &SlipSpace, cache: Option<&mut crate::audit::cache::Cache>) {
    annotate_inner(audit, ctx, space, cache, None);
}

fn annotate_inner(
    audit: &mut crate::audit::Audit,
    ctx: &Context<'_>,
    space: &SlipSpace,
    mut cache: Option<&mut crate::audit::cache::Cache>,
    mut times: Option<&mut Vec<(String, std::time::Duration)>>,
) {
    let inputs = ctx.inputs;
    for v in audit.verdicts.iter_mut().filter(|v| v.status == Status::Discrepancy) {
        let Some(c) = inputs.claims.get(&v.id) else { continue };
        let start = std::time::Instant::now();
        let (summary, found) = match cache.as_deref_mut().and_then(|k| k.explained(&v.id)) {
            Some(x) => (x.summary, x.found),
            None => {
                ctx.take_reads();
                let s = explain(c, ctx, space);
                let summary = s.summary();
                if let Some(k) = cache.as_deref_mut() {
                    k.store_explained(&v.id, ctx.take_reads(), summary.clone(), s.found.clone());
                }
                (summary, s.found)
            }
        };
        v.detail = format!("{} Explainer: {summary}", v.detail);
        v.explanations = Some(found);
        if let Some(t) = times.as_deref_mut() {
            t.push((v.id.clone(), start.elapsed()));
        }
    }
}

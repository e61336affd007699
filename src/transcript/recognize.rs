//! Rewriting a printed expression with explicit heavy-neutrino sums (such as
//! Eqs. 17-20) in terms of the coupling products A, B, C, D of Eq. (78), so that
//! printed and derived forms can be compared and explained term by term.
//!
//! A sum `sum(a, b, c, f(a) g(b) h(c))` whose summand factorises into one factor
//! per index is the product of the single sums; each single sum is identified
//! by comparing it (lowered) with the derived definitions of the letters and
//! their conjugates.

use crate::cas::couplings::{Flavour, Letter, Setup};
use crate::transcript::lower::{Letters, Scope, index_kind, lower};
use crate::transcript::vocabulary::LetterMeaning;
use symbolica::atom::{Atom, AtomCore, AtomView, FunctionBuilder};

fn sym(name: &str) -> symbolica::atom::Symbol {
    symbolica::symbol!(name)
}

/// The letter (as a transcription-language atom, e.g. `conj(C)`) equal to
/// `sum(index, factor)`, if any.
fn identify(index: &str, factor: &Atom, setup: &Setup, meaning: &dyn LetterMeaning) -> Option<Atom> {
    let summed = FunctionBuilder::new(sym("sum")).add_arg(Atom::var(sym(index))).add_arg(factor.clone()).finish();
    let value = lower(&summed, &Scope::new(*setup, Letters::Opaque)).ok()?;
    for (letter, name) in [(Letter::A, "A"), (Letter::B, "B"), (Letter::C, "C"), (Letter::D, "D")] {
        let fl = match letter {
            Letter::B => [None, None],
            Letter::A => [Some(Flavour::Universal), Some(Flavour::Universal)],
            _ => [Some(Flavour::Universal), None],
        };
        let def = meaning.definition(letter, fl, setup);
        if crate::cas::algebra::same(&value, &def) {
            return Some(Atom::var(sym(name)));
        }
        if crate::cas::algebra::same(&value, &crate::cas::algebra::conj(&def)) {
            return Some(FunctionBuilder::new(sym("conj")).add_arg(Atom::var(sym(name))).finish());
        }
    }
    None
}

/// Names of index symbols occurring in an atom.
fn indices_in(v: AtomView<'_>, idx: &[String]) -> Vec<String> {
    let mut out: Vec<String> =
        v.to_owned().get_all_symbols(false).into_iter().map(|s| s.get_stripped_name().to_string()).filter(|n| idx.contains(n)).collect();
    out.sort();
    out.dedup();
    out
}

/// Rewrite every factorisable heavy-neutrino sum as a product of letters.
/// Returns `None` if some sum cannot be rewritten.
pub fn to_letters(printed: &Atom, setup: &Setup, meaning: &dyn LetterMeaning) -> Option<Atom> {
    walk(printed.as_view(), setup, meaning)
}

fn walk(v: AtomView<'_>, setup: &Setup, meaning: &dyn LetterMeaning) -> Option<Atom> {
    match v {
        AtomView::Num(_) | AtomView::Var(_) => Some(v.to_owned()),
        AtomView::Pow(p) => Some(walk(p.get_base(), setup, meaning)?.pow(walk(p.get_exp(), setup, meaning)?)),
        AtomView::Mul(m) => m.iter().try_fold(Atom::num(1), |acc, f| Some(acc * walk(f, setup, meaning)?)),
        AtomView::Add(a) => a.iter().try_fold(Atom::num(0), |acc, t| Some(acc + walk(t, setup, meaning)?)),
        AtomView::Fun(f) => {
            let name = f.get_symbol().get_stripped_name().to_string();
            let args: Vec<AtomView<'_>> = f.iter().collect();
            if name == "sum" && args.len() >= 2 {
                let idx: Vec<String> =
                    args[..args.len() - 1].iter().filter_map(|a| a.get_symbol().map(|s| s.get_stripped_name().to_string())).collect();
                if idx.iter().any(|n| !matches!(index_kind(n), Some(crate::transcript::lower::IndexKind::Heavy))) {
                    return None;
                }
                let body = args[args.len() - 1];
                let factors: Vec<AtomView<'_>> = match body {
                    AtomView::Mul(m) => m.iter().collect(),
                    other => vec![other],
                };
                let mut groups: Vec<(String, Atom)> = idx.iter().map(|n| (n.clone(), Atom::num(1))).collect();
                let mut constant = Atom::num(1);
                for fac in factors {
                    let used = indices_in(fac, &idx);
                    match used.len() {
                        0 => constant *= fac.to_owned(),
                        1 => {
                            let g = groups.iter_mut().find(|(n, _)| *n == used[0])?;
                            g.1 = g.1.clone() * fac.to_owned();
                        }
                        _ => return None,
                    }
                }
                let mut out = constant;
                for (n, g) in groups {
                    out *= identify(&n, &g, setup, meaning)?;
                }
                Some(out)
            } else {
                let mut b = FunctionBuilder::new(f.get_symbol());
                for a in args {
                    b = b.add_arg(walk(a, setup, meaning)?);
                }
                Some(b.finish())
            }
        }
    }
}

//! Numerical evaluation of internal atoms with `num-complex` (f64), used to
//! tabulate derived expressions at given couplings and phases.

use crate::cas::print::plain;
use crate::cas::symbols::S;
use num_complex::Complex64;
use std::collections::HashMap;
use symbolica::atom::{Atom, AtomView};
use symbolica::domains::rational::Rational;

/// Values of the symbols and indexed couplings (keyed by their plain string,
/// e.g. `yu(1)`, `M(2)`, `pi`). Conjugate couplings (`yub(1)`) default to the
/// conjugate of their partner; `pi` defaults to its value.
#[derive(Clone, Debug, Default)]
pub struct Values {
    map: HashMap<String, Complex64>,
}

impl Values {
    pub fn new() -> Self {
        let mut v = Values::default();
        v.set(&plain(&Atom::var(S.pi)), Complex64::new(std::f64::consts::PI, 0.0));
        v
    }
    pub fn set(&mut self, key: &str, value: Complex64) -> &mut Self {
        self.map.insert(key.to_string(), value);
        self
    }
    pub fn set_atom(&mut self, key: &Atom, value: Complex64) -> &mut Self {
        self.set(&plain(key), value)
    }
    fn get(&self, key: &str) -> Option<Complex64> {
        if let Some(v) = self.map.get(key) {
            return Some(*v);
        }
        // conjugate partners: yb(..) <- y(..), yub <- yu, lamb <- lam, Ab <- A, ...
        for (bar, base) in [("yub", "yu"), ("yb", "y"), ("lamb", "lam"), ("Ab", "A"), ("Bb", "B"), ("Cb", "C"), ("Db", "D")] {
            if let Some(rest) = key.strip_prefix(bar) {
                if rest.is_empty() || rest.starts_with('(') {
                    return self.map.get(&format!("{base}{rest}")).map(|z| z.conj());
                }
            }
        }
        None
    }
}

/// Why an atom could not be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("no numerical value for `{0}`")]
pub struct MissingValue(pub String);

/// Evaluate an atom to a complex number.
pub fn eval(a: &Atom, values: &Values) -> Result<Complex64, MissingValue> {
    eval_view(a.as_view(), values)
}

fn eval_view(v: AtomView<'_>, values: &Values) -> Result<Complex64, MissingValue> {
    match v {
        AtomView::Num(_) => {
            if let Ok(r) = Rational::try_from(v) {
                return Ok(Complex64::new(r.to_f64(), 0.0));
            }
            // complex rational (imaginary unit) or float
            let s = v.to_owned();
            let re = crate::cas::algebra::re(&s);
            let imag = crate::cas::algebra::im(&s);
            let f = |x: &Atom| -> Result<f64, MissingValue> {
                if let Ok(r) = Rational::try_from(x.as_view()) {
                    Ok(r.to_f64())
                } else {
                    f64::try_from(x.as_view()).map_err(|_| MissingValue(plain(x)))
                }
            };
            Ok(Complex64::new(f(&re)?, f(&imag)?))
        }
        AtomView::Var(x) => {
            let s = x.get_symbol();
            if S.is_unit_phase(s) {
                return values.get(&plain(&v.to_owned())).ok_or_else(|| MissingValue(plain(&v.to_owned())));
            }
            values.get(&plain(&v.to_owned())).ok_or_else(|| MissingValue(plain(&v.to_owned())))
        }
        AtomView::Fun(_) => values.get(&plain(&v.to_owned())).ok_or_else(|| MissingValue(plain(&v.to_owned()))),
        AtomView::Pow(p) => {
            let b = eval_view(p.get_base(), values)?;
            match i64::try_from(p.get_exp()) {
                Ok(n) => Ok(b.powi(n as i32)),
                Err(_) => {
                    let e = eval_view(p.get_exp(), values)?;
                    Ok(b.powc(e))
                }
            }
        }
        AtomView::Mul(m) => m.iter().try_fold(Complex64::new(1.0, 0.0), |acc, f| Ok(acc * eval_view(f, values)?)),
        AtomView::Add(a) => a.iter().try_fold(Complex64::new(0.0, 0.0), |acc, t| Ok(acc + eval_view(t, values)?)),
    }
}

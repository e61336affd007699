//! Numerical evaluation of internal atoms with `num-complex` (f64), used to
//! tabulate derived expressions at given couplings and phases. Values are
//! attached to symbols ([`Key`](crate::cas::eval::Key)), so evaluation never prints an atom.

use crate::cas::print::plain;
use crate::cas::symbols::S;
use num_complex::Complex64;
use std::collections::HashMap;
use symbolica::atom::{Atom, AtomView, Symbol};
use symbolica::domains::rational::Rational;

/// What a value is attached to: a symbol (`xi`), or an indexed symbol with
/// integer arguments (`yu(1)`, `M(2)`). Evaluation looks values up by symbol,
/// never by printed name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub symbol: Symbol,
    pub indices: Vec<i64>,
}

impl Key {
    /// The key of a symbol or of an indexed symbol with integer arguments.
    pub fn of(a: AtomView<'_>) -> Option<Key> {
        match a {
            AtomView::Var(x) => Some(Key { symbol: x.get_symbol(), indices: vec![] }),
            AtomView::Fun(f) => {
                let indices = f.iter().map(|x| i64::try_from(x).ok()).collect::<Option<Vec<i64>>>()?;
                Some(Key { symbol: f.get_symbol(), indices })
            }
            _ => None,
        }
    }
}

/// Values of the symbols and indexed couplings. A conjugate coupling (`yub(1)`)
/// defaults to the conjugate of its partner (the pairs of
/// [`crate::cas::symbols::CONJUGATE_PAIRS`]); `pi` has its value.
#[derive(Clone, Debug, Default)]
pub struct Values {
    map: HashMap<Key, Complex64>,
}

impl Values {
    pub fn new() -> Self {
        let mut v = Values::default();
        let pi = Complex64::new(std::f64::consts::PI, 0.0);
        v.set_atom(&Atom::var(S.pi), pi).set_atom(&Atom::var(Symbol::PI), pi);
        v
    }

    /// Set a value by the internal name of its symbol (`xi`, `yu(1)`,
    /// `S1_lH_lHbar`), read into a symbol once here. A name that is not a
    /// symbol or an indexed symbol sets nothing (its evaluation then reports
    /// the missing value).
    pub fn set(&mut self, name: &str, value: Complex64) -> &mut Self {
        if let Ok(a) = symbolica::try_parse!(name) {
            self.set_atom(&a, value);
        }
        self
    }

    /// Set the value of a symbol or indexed symbol given as an atom.
    pub fn set_atom(&mut self, key: &Atom, value: Complex64) -> &mut Self {
        if let Some(k) = Key::of(key.as_view()) {
            self.map.insert(k, value);
        }
        self
    }

    fn get(&self, key: &Key) -> Option<Complex64> {
        if let Some(v) = self.map.get(key) {
            return Some(*v);
        }
        let partner = S.conjugate_partner(key.symbol)?;
        self.map.get(&Key { symbol: partner, indices: key.indices.clone() }).map(|z| z.conj())
    }

    fn lookup(&self, v: AtomView<'_>) -> Result<Complex64, MissingValue> {
        Key::of(v).and_then(|k| self.get(&k)).ok_or_else(|| MissingValue(plain(&v.to_owned())))
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
        AtomView::Var(_) | AtomView::Fun(_) => values.lookup(v),
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

//! Lowering of a transcribed expression (the language of `derivations/README.md`)
//! to the internal holomorphic representation of [`crate::cas::symbols`].
//!
//! `conj`, `Re`, `Im`, `abs` and `sum` are interpreted here; couplings become
//! indexed symbols; the coupling products of Eq. (78) are either kept as opaque
//! letters or replaced by their derived definitions; the `D2_*` names are bound
//! by the caller.

use crate::cas::algebra::{conj, im_memo, imag_unit, indexed, int, re, var};
use crate::cas::couplings::{Flavour, FlavourMode, Letter, Setup, letter_atom};
use crate::cas::symbols::S;
use crate::transcript::error::LowerError;
use crate::transcript::vocabulary::{LetterMeaning, Named};
use std::collections::{BTreeSet, HashMap};
use symbolica::atom::{Atom, AtomCore, AtomView};

/// How the coupling products A, B, C, D of Eq. (78) are lowered.
#[derive(Clone, Copy)]
pub enum Letters<'a> {
    /// As opaque complex letters (structure-level comparison).
    Opaque,
    /// By their definitions in couplings, as the derivation layer gives them
    /// (`Letters::Defined(&EQ78)` with [`crate::derive::couplings::EQ78`]).
    Defined(&'a dyn LetterMeaning),
}

/// A binding for the `D2_*` names: name, flavour indices -> value.
pub type D2Binding<'a> = &'a dyn Fn(Named, &[Flavour]) -> Atom;

/// Substitutions applied to couplings (benchmark parametrisations, Eq. 56).
pub type Substitutions = HashMap<String, Atom>;

/// The lowering context.
#[derive(Clone)]
pub struct Scope<'a> {
    pub setup: Setup,
    pub letters: Letters<'a>,
    pub d2: Option<D2Binding<'a>>,
    /// Coupling substitutions such as `y(1) -> abs_y1*e_alpha` (Eq. 56), keyed
    /// by the plain string of the lowered coupling (e.g. `yu(1)`).
    pub substitutions: Option<&'a Substitutions>,
    /// Allow `sin`, `cos`, `exp` of phases alpha, beta (benchmarks).
    pub phases: bool,
    /// Allow real exponentials `exp(x)` (Boltzmann factors, Sec. 5.2).
    pub exponentials: bool,
    /// Real symbols declared by the claim (kept opaque).
    pub declared: Vec<String>,
    indices: HashMap<String, i64>,
}

impl<'a> Scope<'a> {
    pub fn new(setup: Setup, letters: Letters<'a>) -> Self {
        Scope {
            setup,
            letters,
            d2: None,
            substitutions: None,
            phases: false,
            exponentials: false,
            declared: vec![],
            indices: HashMap::new(),
        }
    }
    pub fn with_d2(mut self, d2: D2Binding<'a>) -> Self {
        self.d2 = Some(d2);
        self
    }
    pub fn with_substitutions(mut self, s: &'a Substitutions) -> Self {
        self.substitutions = Some(s);
        self.phases = true;
        self
    }
    /// Allow real exponentials (not combined with phases).
    pub fn with_exponentials(mut self) -> Self {
        self.exponentials = true;
        self
    }
    pub fn with_phases(mut self) -> Self {
        self.phases = true;
        self
    }
    /// Declare real symbols of the claim (kept as opaque real symbols).
    pub fn declare(mut self, names: &[String]) -> Self {
        self.declared.extend(names.iter().cloned());
        self
    }
    /// Bind a free index (for example the external lepton flavour `i`).
    pub fn bind(mut self, name: &str, value: i64) -> Self {
        self.indices.insert(name.to_string(), value);
        self
    }
}

/// Kind of an index name: heavy neutrino (a-h) or lepton flavour (i-n).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexKind {
    Heavy,
    Lepton,
}

pub fn index_kind(name: &str) -> Option<IndexKind> {
    let mut ch = name.chars();
    let c = ch.next()?;
    if ch.next().is_some() {
        return None;
    }
    match c {
        'a'..='h' => Some(IndexKind::Heavy),
        'i'..='n' => Some(IndexKind::Lepton),
        _ => None,
    }
}

/// The index names that occur in an expression and are not bound by a `sum`.
pub fn free_indices(a: &Atom) -> BTreeSet<String> {
    fn walk(v: AtomView<'_>, bound: &mut Vec<String>, out: &mut BTreeSet<String>) {
        match v {
            AtomView::Var(x) => {
                let n = x.get_symbol().get_stripped_name().to_string();
                if index_kind(&n).is_some() && !bound.contains(&n) {
                    out.insert(n);
                }
            }
            AtomView::Fun(f) => {
                let name = f.get_symbol().get_stripped_name().to_string();
                let args: Vec<_> = f.iter().collect();
                if name == "sum" && args.len() >= 2 {
                    let k = bound.len();
                    for a in &args[..args.len() - 1] {
                        if let AtomView::Var(x) = a {
                            bound.push(x.get_symbol().get_stripped_name().to_string());
                        }
                    }
                    walk(args[args.len() - 1], bound, out);
                    bound.truncate(k);
                } else {
                    for a in args {
                        walk(a, bound, out);
                    }
                }
            }
            AtomView::Pow(p) => {
                walk(p.get_base(), bound, out);
                walk(p.get_exp(), bound, out);
            }
            AtomView::Mul(m) => m.iter().for_each(|f| walk(f, bound, out)),
            AtomView::Add(a) => a.iter().for_each(|t| walk(t, bound, out)),
            AtomView::Num(_) => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(a.as_view(), &mut vec![], &mut out);
    out
}

/// Lower a parsed transcription to the internal representation.
pub fn lower(a: &Atom, scope: &Scope<'_>) -> Result<Atom, LowerError> {
    let out = Lowerer { scope: scope.clone() }.walk(a.as_view())?;
    Ok(out.expand())
}

struct Lowerer<'a> {
    scope: Scope<'a>,
}

impl Lowerer<'_> {
    fn heavy_range(&self) -> i64 {
        self.scope.setup.n_heavy as i64
    }

    fn index(&self, what: &str, v: AtomView<'_>, kind: IndexKind) -> Result<i64, LowerError> {
        let value = match v {
            AtomView::Var(x) => {
                let n = x.get_symbol().get_stripped_name().to_string();
                let n = n.as_str();
                match self.scope.indices.get(n) {
                    Some(v) => *v,
                    None => match (index_kind(n), self.scope.setup.flavours) {
                        // free lepton flavour with universal couplings: any value
                        (Some(IndexKind::Lepton), FlavourMode::Universal) => 1,
                        _ => return Err(LowerError::BadIndex(what.into(), n.into())),
                    },
                }
            }
            _ => i64::try_from(v).map_err(|_| LowerError::BadIndex(what.into(), v.to_string()))?,
        };
        let max = match kind {
            IndexKind::Heavy => self.heavy_range() as usize,
            IndexKind::Lepton => match self.scope.setup.flavours {
                FlavourMode::Explicit(n) => n,
                FlavourMode::Universal => usize::MAX,
            },
        };
        if value < 1 || value as usize > max {
            return Err(LowerError::IndexRange { name: what.into(), value, max });
        }
        Ok(value)
    }

    fn flavour(&self, what: &str, v: AtomView<'_>) -> Result<Flavour, LowerError> {
        let i = self.index(what, v, IndexKind::Lepton)?;
        Ok(match self.scope.setup.flavours {
            FlavourMode::Universal => Flavour::Universal,
            FlavourMode::Explicit(_) => Flavour::Index(i),
        })
    }

    fn substitute(&self, a: Atom) -> Atom {
        match self.scope.substitutions {
            Some(map) => {
                let key = crate::cas::print::plain(&a);
                map.get(&key).cloned().unwrap_or(a)
            }
            None => a,
        }
    }

    fn letter(&self, l: Letter, flavours: [Option<Flavour>; 2]) -> Atom {
        match self.scope.letters {
            Letters::Opaque => {
                let s = match l {
                    Letter::A => S.la,
                    Letter::B => S.lb,
                    Letter::C => S.lc,
                    Letter::D => S.ld,
                };
                letter_atom(s, &flavours)
            }
            Letters::Defined(meaning) => meaning.definition(l, flavours, &self.scope.setup),
        }
    }

    fn walk(&self, v: AtomView<'_>) -> Result<Atom, LowerError> {
        match v {
            AtomView::Num(_) => Ok(v.to_owned()),
            AtomView::Var(x) => self.variable(x.get_symbol().get_stripped_name()),
            AtomView::Pow(p) if p.get_base().get_symbol().is_some_and(|s| s.get_stripped_name() == "\u{1d452}") => {
                // Symbolica writes exp(x) as e^x
                if self.scope.exponentials && !self.scope.phases {
                    return Ok(p.get_base().to_owned().pow(self.walk(p.get_exp())?));
                }
                if !self.scope.phases {
                    return Err(LowerError::NotAllowed("exp".into(), "only allowed in benchmark parametrisations".into()));
                }
                self.phase_function("exp", p.get_exp().to_owned())
            }
            AtomView::Pow(p) => {
                let base = self.walk(p.get_base())?;
                let exp = self.walk(p.get_exp())?;
                if let Ok(n) = i64::try_from(exp.as_view())
                    && n < 0
                    && !crate::cas::algebra::is_real(&base)
                {
                    return Err(LowerError::ComplexDivision(crate::cas::print::plain(&base)));
                }
                Ok(base.pow(exp))
            }
            // one normalisation for the whole product or sum
            AtomView::Mul(m) => Ok(Atom::mul_many(m.iter().map(|f| self.walk(f)).collect::<Result<Vec<_>, _>>()?.iter())),
            AtomView::Add(a) => Ok(Atom::add_many(a.iter().map(|t| self.walk(t)).collect::<Result<Vec<_>, _>>()?.iter())),
            AtomView::Fun(f) => {
                let name = f.get_symbol().get_stripped_name().to_string();
                let args: Vec<AtomView<'_>> = f.iter().collect();
                self.function(&name, &args)
            }
        }
    }

    fn variable(&self, name: &str) -> Result<Atom, LowerError> {
        Ok(match name {
            "pi" | "\u{1d70b}" => var(S.pi),
            "n_g" => match self.scope.setup.flavours {
                FlavourMode::Universal => var(S.ng),
                FlavourMode::Explicit(n) => int(n as i64),
            },
            "v" => var(S.v),
            "s" => var(S.s),
            "t" => var(S.t),
            "u" => var(S.u),
            "xi" => var(S.xi),
            "T" => var(S.temp),
            "T_x" => var(S.xi) * var(S.temp),
            "I" | "\u{1d456}" => imag_unit(),
            "abs_y1" => var(S.abs_y1),
            "abs_lambda1" => var(S.abs_l1),
            "A" => self.letter(Letter::A, [Some(Flavour::Universal), Some(Flavour::Universal)]),
            "B" | "B_s" | "B_u" => self.letter(Letter::B, [None, None]),
            "C" => self.letter(Letter::C, [Some(Flavour::Universal), None]),
            "D" => self.letter(Letter::D, [Some(Flavour::Universal), None]),
            "alpha" | "beta" if self.scope.phases => {
                return Err(LowerError::NotAllowed(name.into(), "phases may only appear inside sin, cos or exp(I*...)".into()));
            }
            "D2_chiphi_chiphibar" => return self.named_d2(name, &[]),
            other => {
                if let Some(v) = self.scope.indices.get(other) {
                    int(*v)
                } else if self.scope.declared.iter().any(|d| d == other) {
                    var(symbolica::symbol!(other))
                } else {
                    return Err(LowerError::UnknownSymbol(other.into()));
                }
            }
        })
    }

    fn named_d2(&self, name: &str, args: &[AtomView<'_>]) -> Result<Atom, LowerError> {
        let named = Named::from_name(name).ok_or_else(|| LowerError::UnknownFunction { name: name.into(), arity: args.len() })?;
        if named.arity() != args.len() {
            return Err(LowerError::UnknownFunction { name: name.into(), arity: args.len() });
        }
        let d2 =
            self.scope.d2.ok_or_else(|| LowerError::NotAllowed(name.into(), "[D2] coefficients are not bound in this claim".into()))?;
        let mut fl = vec![];
        for a in args {
            fl.push(self.flavour(name, *a)?);
        }
        Ok(d2(named, &fl))
    }

    fn function(&self, name: &str, args: &[AtomView<'_>]) -> Result<Atom, LowerError> {
        let one = |n: &str| -> Result<Atom, LowerError> {
            if args.len() != 1 {
                return Err(LowerError::UnknownFunction { name: n.into(), arity: args.len() });
            }
            self.walk(args[0])
        };
        match (name, args.len()) {
            ("conj", _) => Ok(conj(&one(name)?)),
            ("Im", _) => Ok(im_memo(&one(name)?)),
            ("Re", _) => Ok(re(&one(name)?)),
            ("abs", _) => Ok(modulus(&one(name)?)),
            ("sqrt", 1) => Ok(one(name)?.pow(Atom::num(1) / Atom::num(2))),
            ("log", 1) => Ok(symbolica::atom::FunctionBuilder::new(symbolica::symbol!("log")).add_arg(one(name)?).finish()),
            ("sum", n) if n >= 2 => self.sum(args),
            ("sin" | "cos" | "exp", 1) if self.scope.phases => self.phase_function(name, args[0].to_owned()),
            ("y", 1) => {
                let a = self.index("y", args[0], IndexKind::Heavy)?;
                let y = match self.scope.setup.flavours {
                    FlavourMode::Universal => indexed(S.yu, &[a]),
                    FlavourMode::Explicit(_) => {
                        return Err(LowerError::NotAllowed("y(a)".into(), "universal y_a needs y_ia = y_a; write y(i,a)".into()));
                    }
                };
                Ok(self.substitute(y))
            }
            ("y", 2) => {
                let f = self.flavour("y", args[0])?;
                let a = self.index("y", args[1], IndexKind::Heavy)?;
                Ok(self.substitute(crate::cas::couplings::y(f, a)))
            }
            ("lambda", 1) => {
                let a = self.index("lambda", args[0], IndexKind::Heavy)?;
                Ok(self.substitute(indexed(S.lam, &[a])))
            }
            ("M", 1) => {
                let a = self.index("M", args[0], IndexKind::Heavy)?;
                Ok(self.substitute(indexed(S.mass, &[a])))
            }
            ("A" | "A_s" | "A_u", 2) => {
                let i = self.flavour(name, args[0])?;
                let j = self.flavour(name, args[1])?;
                Ok(self.letter(Letter::A, [Some(i), Some(j)]))
            }
            ("C", 1) => {
                let i = self.flavour(name, args[0])?;
                Ok(self.letter(Letter::C, [Some(i), None]))
            }
            ("D", 1) => {
                let i = self.flavour(name, args[0])?;
                Ok(self.letter(Letter::D, [Some(i), None]))
            }
            (n, _) if n.starts_with("D2_") => self.named_d2(n, args),
            _ => Err(LowerError::UnknownFunction { name: name.into(), arity: args.len() }),
        }
    }

    /// `sum(a, b, ..., body)`.
    fn sum(&self, args: &[AtomView<'_>]) -> Result<Atom, LowerError> {
        let (idx, body) = args.split_at(args.len() - 1);
        let body = body[0];
        let mut names = vec![];
        for a in idx {
            match a {
                AtomView::Var(x) => {
                    let n = x.get_symbol().get_stripped_name().to_string();
                    let k = index_kind(&n).ok_or_else(|| LowerError::BadSumIndex(n.clone()))?;
                    names.push((n, k));
                }
                other => return Err(LowerError::BadSumIndex(other.to_string())),
            }
        }
        self.sum_rec(&names, body)
    }

    fn sum_rec(&self, names: &[(String, IndexKind)], body: AtomView<'_>) -> Result<Atom, LowerError> {
        let Some(((name, kind), rest)) = names.split_first() else {
            return self.walk(body);
        };
        let bound = |v: i64| {
            let mut scope = self.scope.clone();
            scope.indices.insert(name.clone(), v);
            Lowerer { scope }
        };
        match (kind, self.scope.setup.flavours) {
            (IndexKind::Lepton, FlavourMode::Universal) => {
                // y_ia = y_a: the summand cannot depend on the flavour; check it
                let one = bound(1).sum_rec(rest, body)?;
                let two = bound(2).sum_rec(rest, body)?;
                if !crate::cas::algebra::same(&one, &two) {
                    return Err(LowerError::NotAllowed(
                        format!("sum over {name}"),
                        "summand depends on the lepton flavour although couplings are universal".into(),
                    ));
                }
                Ok(var(S.ng) * one)
            }
            (IndexKind::Lepton, FlavourMode::Explicit(n)) => {
                let mut out = int(0);
                for v in 1..=n as i64 {
                    out += bound(v).sum_rec(rest, body)?;
                }
                Ok(out)
            }
            (IndexKind::Heavy, _) => {
                let mut out = int(0);
                for v in 1..=self.heavy_range() {
                    out += bound(v).sum_rec(rest, body)?;
                }
                Ok(out)
            }
        }
    }

    /// `sin(p alpha + q beta)`, `cos(...)`, `exp(I (p alpha + q beta))` with
    /// integer p, q, as Laurent polynomials in e^{i alpha}, e^{i beta}.
    fn phase_function(&self, name: &str, arg: Atom) -> Result<Atom, LowerError> {
        let (inner, need_i) = if name == "exp" {
            // exp(I*x): strip the imaginary unit
            let i_sym = symbolica::symbol!("I");
            let x = (arg.clone() / Atom::var(i_sym)).expand();
            if x.contains_symbol(i_sym) {
                return Err(LowerError::NotAllowed("exp".into(), "only exp(I*(p*alpha+q*beta)) is supported".into()));
            }
            (x, false)
        } else {
            (arg, true)
        };
        let _ = need_i;
        let (p, q) = phase_coefficients(&inner).ok_or_else(|| {
            LowerError::NotAllowed(name.into(), format!("argument `{inner}` is not an integer combination of alpha and beta"))
        })?;
        let e = |sign: i64| var(S.e_alpha).pow(int(sign * p)) * var(S.e_beta).pow(int(sign * q));
        Ok(match name {
            "exp" => e(1),
            "cos" => ((e(1) + e(-1)) / int(2)).expand(),
            _ => ((e(1) - e(-1)) * (int(-1) * imag_unit() / int(2))).expand(),
        })
    }
}

/// Integer coefficients (p, q) of `p alpha + q beta`.
fn phase_coefficients(x: &Atom) -> Option<(i64, i64)> {
    let a = symbolica::symbol!("alpha");
    let b = symbolica::symbol!("beta");
    let x = x.expand();
    let p_atom = x.derivative(a);
    let q_atom = x.derivative(b);
    let p = i64::try_from(p_atom.as_view()).ok()?;
    let q = i64::try_from(q_atom.as_view()).ok()?;
    let rest = (x - int(p) * Atom::var(a) - int(q) * Atom::var(b)).expand();
    if rest.is_zero() { Some((p, q)) } else { None }
}

/// `|z|`: `sqrt(z conj z)`, simplified to a monomial when `z conj z` is a
/// single term with even powers of positive quantities (benchmark magnitudes,
/// masses) and a square rational coefficient.
pub fn modulus(z: &Atom) -> Atom {
    let zz = (z.clone() * conj(z)).expand();
    if let Some(r) = monomial_sqrt(&zz) {
        return r;
    }
    zz.pow(Atom::num(1) / Atom::num(2))
}

fn monomial_sqrt(m: &Atom) -> Option<Atom> {
    use symbolica::domains::rational::Rational;
    let positive = |s: symbolica::atom::Symbol| s == S.abs_y1 || s == S.abs_l1 || s == S.mass || s == S.v || s == S.pi;
    let mut out = int(1);
    let factors: Vec<AtomView<'_>> = match m.as_view() {
        AtomView::Mul(mm) => mm.iter().collect(),
        other => vec![other],
    };
    for f in factors {
        match f {
            AtomView::Num(_) => {
                let r = Rational::try_from(f).ok()?;
                if r.is_negative() {
                    return None;
                }
                let n = r.numerator().to_i64()?;
                let d = r.denominator().to_i64()?;
                let isqrt = |x: i64| -> Option<i64> {
                    let s = (x as f64).sqrt().round() as i64;
                    (s >= 0 && s.checked_mul(s)? == x).then_some(s)
                };
                let (sn, sd) = (isqrt(n)?, isqrt(d)?);
                out = out * Atom::num(sn) / Atom::num(sd);
            }
            AtomView::Pow(p) => {
                let base = p.get_base();
                let sym = base.get_symbol()?;
                if !positive(sym) {
                    return None;
                }
                let e = i64::try_from(p.get_exp()).ok()?;
                if e % 2 != 0 {
                    return None;
                }
                out *= base.to_owned().pow(int(e / 2));
            }
            _ => return None,
        }
    }
    Some(out)
}

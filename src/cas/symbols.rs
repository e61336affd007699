//! Every Symbolica symbol the derivations use, gathered in one place.
//!
//! Complex couplings are handled in a *holomorphic* representation: a coupling
//! `y_ia` and its complex conjugate are two independent symbols (`y(i,a)` and
//! `yb(i,a)`). Real quantities (masses, pi, n_g, Mandelstam variables) are their
//! own conjugates. Complex conjugation is the symbol swap in [`crate::cas::algebra::conj`].
//! Two real expressions are equal exactly when their difference expands to zero
//! as a polynomial in these symbols, because a variable and its conjugate are
//! algebraically independent (they are linear combinations of Re and Im).

use std::sync::LazyLock;
use symbolica::atom::Symbol;
use symbolica::symbol;

/// The symbols used by the derivations (internal names, not the names of the
/// transcription language documented in `derivations/README.md`).
pub struct Symbols {
    /// Flavoured lepton Yukawa `y(i,a)` = y_ia (Eq. 2) and its conjugate `yb(i,a)`.
    pub y: Symbol,
    pub yb: Symbol,
    /// Universal lepton Yukawa `yu(a)` = y_a for y_ia = y_a, and conjugate.
    pub yu: Symbol,
    pub yub: Symbol,
    /// Dark Yukawa `lam(a)` = lambda_a (Eq. 2) and its conjugate `lamb(a)`.
    pub lam: Symbol,
    pub lamb: Symbol,
    /// Real heavy-neutrino masses `M(a)`.
    pub mass: Symbol,
    /// pi, kept symbolic.
    pub pi: Symbol,
    /// Number of lepton generations n_g, kept symbolic where couplings are universal.
    pub ng: Symbol,
    /// Higgs vacuum expectation value v.
    pub v: Symbol,
    /// Mandelstam variables.
    pub s: Symbol,
    pub t: Symbol,
    pub u: Symbol,
    /// Cosine of the scattering angle (phase-space integration).
    pub cos_theta: Symbol,
    /// Dark-to-visible temperature ratio xi and the visible temperature T.
    pub xi: Symbol,
    pub temp: Symbol,
    /// Benchmark magnitudes |y_1|, |lambda_1| and the phase factors e^{i alpha}, e^{i beta}.
    pub abs_y1: Symbol,
    pub abs_l1: Symbol,
    pub e_alpha: Symbol,
    pub e_beta: Symbol,
    /// Rephasing parameters (unit-modulus phases) for invariance checks.
    pub phase_lepton: Symbol,
    pub phase_dark: Symbol,
    /// The phase e^{i phi'} of the azimuth of an intermediate state (unit modulus).
    pub azimuth: Symbol,
    /// Coupling products of Eq. (78) as opaque complex letters, flavoured:
    /// `LA(i,j)`, `LC(i)`, `LD(i)`, and `LB()` as a plain symbol; `*b` = conjugate.
    pub la: Symbol,
    pub lab: Symbol,
    pub lb: Symbol,
    pub lbb: Symbol,
    pub lc: Symbol,
    pub lcb: Symbol,
    pub ld: Symbol,
    pub ldb: Symbol,
}

/// The global symbol table.
pub static S: LazyLock<Symbols> = LazyLock::new(|| Symbols {
    y: symbol!("y"),
    yb: symbol!("yb"),
    yu: symbol!("yu"),
    yub: symbol!("yub"),
    lam: symbol!("lam"),
    lamb: symbol!("lamb"),
    mass: symbol!("M"),
    pi: symbol!("pi"),
    ng: symbol!("n_g"),
    v: symbol!("v"),
    s: symbol!("s"),
    t: symbol!("t"),
    u: symbol!("u"),
    cos_theta: symbol!("cos_theta"),
    xi: symbol!("xi"),
    temp: symbol!("T"),
    abs_y1: symbol!("abs_y1"),
    abs_l1: symbol!("abs_l1"),
    e_alpha: symbol!("e_alpha"),
    e_beta: symbol!("e_beta"),
    phase_lepton: symbol!("phase_lepton"),
    phase_dark: symbol!("phase_dark"),
    azimuth: symbol!("e_azimuth"),
    la: symbol!("A"),
    lab: symbol!("Ab"),
    lb: symbol!("B"),
    lbb: symbol!("Bb"),
    lc: symbol!("C"),
    lcb: symbol!("Cb"),
    ld: symbol!("D"),
    ldb: symbol!("Db"),
});

/// A complex symbol and its conjugation partner, with the name the paper (and
/// the transcription language) gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConjugatePair {
    /// Internal name of the symbol (`yu`).
    pub name: &'static str,
    /// Internal name of its complex conjugate (`yub`).
    pub conjugate: &'static str,
    /// The paper's name (`y`): the conjugate prints as `conj(y(..))`.
    pub paper: &'static str,
    /// A coupling of Eq. (2) (always indexed), rather than a letter of Eq. (78).
    pub coupling: bool,
}

/// Every complex symbol with its conjugation partner: the one table that
/// conjugation ([`crate::cas::algebra::conj`]), printing, numerical evaluation
/// and the canonical forms read.
pub const CONJUGATE_PAIRS: [ConjugatePair; 7] = [
    ConjugatePair { name: "y", conjugate: "yb", paper: "y", coupling: true },
    ConjugatePair { name: "yu", conjugate: "yub", paper: "y", coupling: true },
    ConjugatePair { name: "lam", conjugate: "lamb", paper: "lambda", coupling: true },
    ConjugatePair { name: "A", conjugate: "Ab", paper: "A", coupling: false },
    ConjugatePair { name: "B", conjugate: "Bb", paper: "B", coupling: false },
    ConjugatePair { name: "C", conjugate: "Cb", paper: "C", coupling: false },
    ConjugatePair { name: "D", conjugate: "Db", paper: "D", coupling: false },
];

/// The pairs of [`CONJUGATE_PAIRS`] as symbols.
static PAIR_SYMBOLS: LazyLock<Vec<(Symbol, Symbol)>> =
    LazyLock::new(|| CONJUGATE_PAIRS.iter().map(|p| (symbol!(p.name), symbol!(p.conjugate))).collect());

impl Symbols {
    /// The conjugation partner of a complex symbol, `None` for real symbols
    /// (and for unit-modulus phases, whose conjugate is the inverse: see
    /// [`Symbols::is_unit_phase`]).
    pub fn conjugate_partner(&self, s: Symbol) -> Option<Symbol> {
        PAIR_SYMBOLS.iter().find_map(|&(a, b)| {
            if s == a {
                Some(b)
            } else if s == b {
                Some(a)
            } else {
                None
            }
        })
    }

    /// Whether the symbol is the conjugate side of a pair (`yub`, `Ab`, ...).
    pub fn is_conjugate(&self, s: Symbol) -> bool {
        PAIR_SYMBOLS.iter().any(|&(_, b)| s == b)
    }

    /// Whether the symbol is a unit-modulus phase (conjugate = inverse).
    pub fn is_unit_phase(&self, s: Symbol) -> bool {
        s == self.e_alpha || s == self.e_beta || s == self.phase_lepton || s == self.phase_dark || s == self.azimuth
    }
}

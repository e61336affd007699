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
    la: symbol!("A"),
    lab: symbol!("Ab"),
    lb: symbol!("B"),
    lbb: symbol!("Bb"),
    lc: symbol!("C"),
    lcb: symbol!("Cb"),
    ld: symbol!("D"),
    ldb: symbol!("Db"),
});

impl Symbols {
    /// The conjugation partner of a complex symbol, `None` for real symbols.
    pub fn conjugate_partner(&self, s: Symbol) -> Option<Symbol> {
        let pairs = [
            (self.y, self.yb),
            (self.yu, self.yub),
            (self.lam, self.lamb),
            (self.la, self.lab),
            (self.lb, self.lbb),
            (self.lc, self.lcb),
            (self.ld, self.ldb),
        ];
        for (a, b) in pairs {
            if s == a {
                return Some(b);
            }
            if s == b {
                return Some(a);
            }
        }
        if s == self.e_alpha || s == self.e_beta || s == self.phase_lepton || s == self.phase_dark {
            // unit-modulus phases: conj(e) = 1/e, handled by the caller
            return None;
        }
        None
    }

    /// Whether the symbol is a unit-modulus phase (conjugate = inverse).
    pub fn is_unit_phase(&self, s: Symbol) -> bool {
        s == self.e_alpha || s == self.e_beta || s == self.phase_lepton || s == self.phase_dark
    }
}

//! The dark sector (Secs. 2.5, 5.1): relativistic degrees of freedom from the
//! field content, the Delta N_eff relations (Eqs. 62-64), the phi -> chi eta width
//! (Eq. 26) and the s-wave limit (Eq. 28) of the chi chi-bar -> eta eta-bar
//! kernel (Eq. 27), with the unit conversion to cm^3/s.

use crate::cas::rational::Q;
use crate::derive::error::DeriveError;
use crate::transcript::species::Sector;

/// Effective degrees of freedom of one sector.
#[derive(Clone, Debug, PartialEq)]
pub struct Dof {
    pub name: String,
    /// g_* (energy): sum g (7/8 for fermions) (T_i/T)^4.
    pub g_star: f64,
    /// g_*s (entropy): sum g (7/8 for fermions) (T_i/T)^3, exact when rational.
    pub g_star_s: Q,
    pub fields: Vec<(String, i64, bool)>,
}

/// The degrees of freedom of each sector of the field content.
pub fn dof(sectors: &[Sector]) -> Vec<Dof> {
    let mut out = vec![];
    for s in sectors {
        let mut gs = Q::zero();
        let mut g = 0.0;
        let mut fields = vec![];
        for f in &s.fields {
            let stat = if f.boson { Q::int(1) } else { Q::new(7, 8) };
            let r3 = f.temperature_ratio_cubed;
            gs = gs + Q::int(f.g as i128) * stat * r3;
            g += f.g as f64 * stat.to_f64() * r3.to_f64().powf(4.0 / 3.0);
            fields.push((f.name.clone(), f.g, f.boson));
        }
        out.push(Dof { name: s.name.clone(), g_star: g, g_star_s: gs, fields });
    }
    out
}

/// Delta N_eff from a Weyl fermion (two states) at T_x = xi_CMB T_gamma, with
/// T_nu = (4/11)^(1/3) T_gamma: (rho_eta / rho_nu) = (T_x/T_nu)^4 = xi^4 (11/4)^(4/3).
pub fn delta_n_eff(xi_cmb: f64) -> f64 {
    xi_cmb.powi(4) * (11.0f64 / 4.0).powf(4.0 / 3.0)
}

/// The largest xi_CMB allowed by a bound on Delta N_eff.
pub fn xi_cmb_bound(delta_n_eff_max: f64) -> f64 {
    (delta_n_eff_max / (11.0f64 / 4.0).powf(4.0 / 3.0)).powf(0.25)
}

/// Eq. (63): separate entropy conservation, xi(T) = xi(T_FI) [g_sx(FI)/g_s(FI) g_s(T)/g_sx(T)]^(1/3).
pub fn xi_evolved(xi_fi: f64, gs_fi: f64, gsx_fi: f64, gs_t: f64, gsx_t: f64) -> f64 {
    xi_fi * (gsx_fi / gs_fi * gs_t / gsx_t).powf(1.0 / 3.0)
}

/// sigma v of chi chi-bar -> eta eta-bar as a series in the centre-of-mass speed b of
/// each chi (Eq. 28 from Eq. 27): sigma v = W(s)/(4 E1 E2 g_chi^2) with 4 E1 E2 = s
/// (after Eq. 11), s = 4 m_chi^2/(1 - b^2) and sqrt(s (s - 4 m_chi^2)) = s b.
///
/// `kernel` is W(s) as lowered from a transcription (symbols y_chi, m_phi, m_chi, s and
/// the declared symbol named `aa` for Eq. 27's A), and
/// `aa_def` is A in terms of s. Returns the coefficients of b^0, b^2, ..., b^(2 order),
/// each brought to one fraction. Symbolica's series expansion does the work.
///
/// ```no_run
/// use cogenesis::transcript::claims::parse_expression;
/// use symbolica::atom::AtomCore;
/// use cogenesis::cas::couplings::Setup;
/// use cogenesis::derive::couplings::EQ78;
/// use cogenesis::transcript::lower::{Letters, Scope, lower};
/// let scope = Scope::new(Setup::PAPER, Letters::Defined(&EQ78)).declare(&["y_chi".into(), "m_phi".into(), "m_chi".into(), "AA".into()]);
/// let read = |t: &str| lower(&parse_expression(t).unwrap(), &scope).unwrap();
/// let w = read("y_chi^4/(8*pi)*(1 - 2*(m_phi^2 - m_chi^2)/sqrt(s*(s - 4*m_chi^2))*log((1 + AA)/(1 - AA)) + ((m_phi^2 - m_chi^2)/(m_phi^2 - m_chi^2 + s/2))^2/(1 - AA^2))");
/// let a = read("sqrt(s*(s - 4*m_chi^2))/(2*(m_phi^2 - m_chi^2 + s/2))");
/// let c = cogenesis::derive::dark::sigma_v_series(&w, "AA", &a, 2, 1).unwrap();
/// let s_wave = read("y_chi^4/(32*pi)*m_chi^2/(m_phi^2 + m_chi^2)^2");
/// assert!((c[0].clone() - s_wave).together().is_zero());
/// ```
/// (`no_run`: doctests run in parallel processes, and Symbolica's restricted mode
/// allows one; `tests/dark.rs` runs the same check.)
pub fn sigma_v_series(
    kernel: &symbolica::atom::Atom,
    aa: &str,
    aa_def: &symbolica::atom::Atom,
    g_chi: i64,
    order: u32,
) -> Result<Vec<symbolica::atom::Atom>, DeriveError> {
    use crate::cas::algebra::{int, rat, subs, var};
    use crate::cas::symbols::S;
    use symbolica::atom::{Atom, AtomCore, AtomView};
    let b = var(symbolica::symbol!("b_cm"));
    let s = var(S.s);
    let m = var(symbolica::symbol!("m_chi"));
    let k = subs(kernel, &var(symbolica::symbol!(aa)), aa_def);
    // the lowering expands, and 1/sqrt(X) is X^(-1/2): both powers of both forms are replaced
    let factored = s.clone() * (s.clone() - int(4) * m.clone().pow(int(2)));
    let mut k = k;
    for base in [factored.clone(), factored.expand()] {
        k = subs(&k, &base.clone().pow(rat(1, 2)), &(s.clone() * b.clone()));
        k = subs(&k, &base.pow(rat(-1, 2)), &(int(1) / (s.clone() * b.clone())));
    }
    fn has_sqrt(a: AtomView<'_>) -> bool {
        match a {
            AtomView::Pow(p) => {
                let (base, e) = p.get_base_exp();
                let half = e.to_owned() == Atom::num(1) / Atom::num(2) || e.to_owned() == Atom::num(-1) / Atom::num(2);
                half || has_sqrt(base) || has_sqrt(e)
            }
            AtomView::Add(x) => x.iter().any(has_sqrt),
            AtomView::Mul(x) => x.iter().any(has_sqrt),
            AtomView::Fun(f) => f.iter().any(has_sqrt),
            _ => false,
        }
    }
    if has_sqrt(k.as_view()) {
        return Err(DeriveError::structure("sigma v", "the kernel has a square root other than sqrt(s*(s - 4*m_chi^2))"));
    }
    let s_of_b = int(4) * m.pow(int(2)) / (int(1) - b.clone().pow(int(2)));
    let sv = subs(&k, &s, &s_of_b) / (s_of_b * int(g_chi * g_chi));
    let series = sv
        .series(symbolica::symbol!("b_cm"), Atom::num(0), (2 * order) as i64)
        .map_err(|e| DeriveError::structure("sigma v", format!("series in b: {e:?}")))?;
    let full = series.to_atom().expand();
    for k in (1..2 * order).step_by(2) {
        let odd = full.coefficient(b.clone().pow(int(k as i64))).together();
        if !odd.is_zero() {
            return Err(DeriveError::structure("sigma v", format!("odd power b^{k} with coefficient {odd}")));
        }
    }
    let mut out = vec![];
    for k in 0..=order {
        let c = full.coefficient(b.clone().pow(int(2 * k as i64)));
        let c = if k == 0 { subs(&full, &b, &int(0)) } else { c };
        out.push(c.together());
    }
    Ok(out)
}

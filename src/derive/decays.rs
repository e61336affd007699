//! Two-body decay widths from the Feynman rules: `N_a -> l H` and
//! `N_a -> chi phi` (Eq. 36) from the heavy-neutrino Yukawas of Eq. (2), and
//! `phi -> chi eta` (Eq. 26) from the sink coupling of Eq. (3).
//!
//! # Formula
//!
//! `Gamma = (1/(2 m)) (1/g) int dPhi_2 sum |M|^2` with `g` the spin states of the
//! parent, `int dPhi_2 = |p| / (16 pi^2 m) int dOmega`
//! ([`crate::derive::phase_space::two_body_measure`]) and `|M|^2` summed over the
//! spins (explicit spinors of [`crate::derive::spinors`]) and SU(2)_L components,
//! integrated over `cos theta` (the sums are isotropic, which the integral
//! checks rather than assumes).
//!
//! # Conventions
//!
//! Vertices as in [`crate::derive::feynman`]. A Majorana N_a is annihilated by
//! `N` (wave function `x`) or by `N^dag` (`y^dag`); at rest its spinors are
//! those of [`crate::derive::spinors::massive_spinors`] with `E = M_a`, `|p| = 0`.
//! The sink term `-L = y_chi phi^* chi eta + h.c.` (Eq. 3) with `y_chi` real (its
//! phase is removed by rephasing eta): `phi -> chi eta` is the hermitian
//! conjugate term, `chi^dag` and `eta^dag` creating the outgoing fermions.

use crate::cas::algebra::{conj, int, rat, var};
use crate::cas::couplings::{Flavour, FlavourMode, Setup, mass};
use crate::cas::symbols::S;
use crate::derive::error::DeriveError;
use crate::derive::feynman::{su2_factor, wave_function};
use crate::derive::model::{Leg, sink_vertex_for, vertex_for};
use crate::derive::phase_space::{integrate_polynomial, two_body_measure};
use crate::derive::spinors::{Vec2, contract, helicity_spinors, massive_spinors, massless_spinor, raise, to_cos};
use crate::derive::tree::VertexCoupling;
use crate::transcript::particles::{Field, Particle};
use symbolica::atom::{Atom, AtomCore, AtomView};

/// The widths of one heavy neutrino into each charge channel.
#[derive(Clone, Debug)]
pub struct HeavyNeutrinoWidths {
    /// `Gamma(N_a -> l H)` summed over lepton flavours and SU(2)_L components.
    pub lepton_higgs: Atom,
    /// `Gamma(N_a -> l^dag H^dag)`.
    pub lepton_higgs_conjugate: Atom,
    /// `Gamma(N_a -> chi phi)`.
    pub dark: Atom,
    /// `Gamma(N_a -> chi^dag phi^dag)`.
    pub dark_conjugate: Atom,
}

/// Replace `s^(n/2)` by `m^n` term by term (the decays are computed with
/// `s = m^2` so that the massless spinors of [`massless_spinor`] apply).
fn s_to_mass(e: &Atom, m: &Atom) -> Result<Atom, DeriveError> {
    use symbolica::domains::rational::Rational;
    let mut out = int(0);
    for term in e.expand().terms() {
        let mut power = Rational::from(0);
        let mut rest = int(1);
        let factors: Vec<AtomView<'_>> = match term {
            AtomView::Mul(f) => f.iter().collect(),
            other => vec![other],
        };
        for f in factors {
            match f {
                AtomView::Var(v) if v.get_symbol() == S.s => power = &power + &Rational::from(1),
                AtomView::Pow(p) if p.get_base().get_symbol() == Some(S.s) => {
                    let r = Rational::try_from(p.get_exp())
                        .map_err(|_| DeriveError::structure("decay width", format!("a non-rational power of s in {term}")))?;
                    power = &power + &r;
                }
                other => rest *= other.to_owned(),
            }
        }
        let twice = &power * &Rational::from(2);
        let n = i64::try_from(twice.numerator_ref().clone()).ok().filter(|_| twice.is_integer());
        let n = n.ok_or_else(|| DeriveError::structure("decay width", format!("s^{power} is not a power of m")))?;
        out += rest * m.clone().pow(int(n));
    }
    Ok(out.expand())
}

/// `Gamma(N_a -> f s)` for the outgoing particles `f` (fermion) and `s` (scalar).
fn heavy_neutrino_channel(a: i64, setup: &Setup, fermion: Particle, scalar: Particle) -> Result<Atom, DeriveError> {
    let what = format!("Gamma(N_{a} -> {fermion} {scalar})");
    let err = |m: &str| DeriveError::structure(what.clone(), m.to_string());
    let legs = [Leg { particle: fermion, incoming: false }, Leg { particle: scalar, incoming: false }];
    let v = vertex_for(legs).ok_or_else(|| err("the final state does not attach to a vertex of Eq. (2)"))?;
    // N at rest with E = M = sqrt(s): sqrt(E +- |p|) = s^(1/4)
    let root = var(S.s).pow(rat(1, 4));
    let n_spinors = massive_spinors(0, &root, &root);
    let f_spinor = massless_spinor(2);
    let flavours: Vec<(Flavour, Atom)> =
        if fermion.field == Field::Lepton { setup.flavour_sum() } else { vec![(Flavour::Universal, int(1))] };
    let doublet = fermion.field == Field::Lepton;
    let mut sum = int(0);
    for (f, multiplicity) in flavours {
        let coupling = VertexCoupling { yukawa: v.yukawa, conjugated: v.hc, flavour: Some(0) }.atom(a, &[f]);
        let modulus = coupling.clone() * conj(&coupling);
        let mut spins = int(0);
        for (x, y) in &n_spinors {
            // N annihilated by N (x) at the term, by N^dag (y^dag) at its conjugate; components are real
            let z_n: &Vec2 = if v.hc { y } else { x };
            let chain = contract(&raise(z_n), &f_spinor);
            let su2: i64 = if doublet {
                (0..2).flat_map(|b| (0..2).map(move |c| (b, c))).map(|(b, c)| su2_factor(&v, Some(b), Some(c)).pow(2)).sum()
            } else {
                1
            };
            spins += chain.clone() * chain * int(su2);
        }
        sum += multiplicity * modulus * spins;
    }
    let angular = to_cos(&sum)?;
    let polar =
        integrate_polynomial(&angular, S.cos_theta, &int(-1), &int(1)).ok_or_else(|| err("|M|^2 is not polynomial in cos(theta)"))?;
    let sqrt_s = var(S.s).pow(rat(1, 2));
    let measure = two_body_measure(&(sqrt_s.clone() / int(2)), &sqrt_s) * int(2) * var(S.pi);
    // 1/(2 M) and the average over the two spin states of N
    let width = measure * polar / (int(2) * sqrt_s) / int(2);
    s_to_mass(&width, &mass(a))
}

/// The widths of `N_a` into `l H`, `chi phi` and their conjugates (Eq. 36),
/// with the lepton flavours of `setup`.
///
/// # Errors
/// A spin sum that is not isotropic, or a final state the vertices of Eq. (2) cannot produce.
pub fn heavy_neutrino_widths(a: i64, setup: &Setup) -> Result<HeavyNeutrinoWidths, DeriveError> {
    let l = |f| Particle::lepton(f);
    let h = Particle::new(Field::Higgs);
    let (chi, phi) = (Particle::new(Field::Chi), Particle::new(Field::Phi));
    let lf = match setup.flavours {
        FlavourMode::Universal => Flavour::Universal,
        FlavourMode::Explicit(_) => Flavour::Index(1),
    };
    Ok(HeavyNeutrinoWidths {
        lepton_higgs: heavy_neutrino_channel(a, setup, l(lf), h)?,
        lepton_higgs_conjugate: heavy_neutrino_channel(a, setup, l(lf).bar(), h.bar())?,
        dark: heavy_neutrino_channel(a, setup, chi, phi)?,
        dark_conjugate: heavy_neutrino_channel(a, setup, chi.bar(), phi.bar())?,
    })
}

/// `Gamma(phi -> chi eta)` (Eq. 26) in the symbols `y_chi`, `m_phi`, `m_chi`, for
/// `m_phi > m_chi` and a massless eta.
///
/// # Errors
/// A spin sum that is not isotropic.
pub fn phi_width() -> Result<Atom, DeriveError> {
    let y = var(symbolica::symbol!("y_chi"));
    let (mphi, mchi) = (var(symbolica::symbol!("m_phi")), var(symbolica::symbol!("m_chi")));
    // phi at rest: chi along the direction of leg 2, eta back to back (leg 3)
    let p = (mphi.clone().pow(int(2)) - mchi.clone().pow(int(2))) / (int(2) * mphi.clone());
    let e_chi = (mphi.clone().pow(int(2)) + mchi.clone().pow(int(2))) / (int(2) * mphi.clone());
    let wp = (e_chi.clone() + p.clone()).expand().pow(rat(1, 2));
    let wm = (e_chi - p.clone()).expand().pow(rat(1, 2));
    let chi = massive_spinors(2, &wp, &wm);
    let eta_dir = helicity_spinors(3)[1].clone();
    let norm = (int(2) * p.clone()).expand().pow(rat(1, 2));
    let eta: Vec2 = [eta_dir[0].clone() * norm.clone(), eta_dir[1].clone() * norm];
    // the outgoing chi and eta attach to the hermitian conjugate of the sink term
    let (chi_p, eta_p) = (Particle::new(Field::Chi), Particle::new(Field::Eta));
    let out = |particle| Leg { particle, incoming: false };
    if sink_vertex_for([out(chi_p), out(eta_p)]).is_none() {
        return Err(DeriveError::structure("Gamma(phi -> chi eta)", "chi eta does not attach to the sink term of Eq. (3)"));
    }
    let mut sum = int(0);
    for (x, y_spinor) in &chi {
        let chain = contract(&raise(wave_function(&chi_p, x, y_spinor)), wave_function(&eta_p, &eta, &eta));
        sum += y.clone().pow(int(2)) * chain.clone() * chain;
    }
    let angular = to_cos(&sum)?;
    let polar = integrate_polynomial(&angular, S.cos_theta, &int(-1), &int(1))
        .ok_or_else(|| DeriveError::structure("Gamma(phi -> chi eta)", "|M|^2 is not polynomial in cos(theta)"))?;
    let measure = two_body_measure(&p, &mphi) * int(2) * var(S.pi);
    Ok((measure * polar / (int(2) * mphi)).expand())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// s^(n/2) -> m^n, and a half-odd power of m is refused.
    #[test]
    fn s_to_mass_powers() {
        let m = var(symbolica::symbol!("m_test"));
        let e = var(S.s).pow(rat(3, 2)) + var(S.s) * int(2);
        let out = s_to_mass(&e, &m).unwrap();
        assert!((out - m.clone().pow(int(3)) - int(2) * m.clone().pow(int(2))).expand().is_zero());
        assert!(s_to_mass(&var(S.s).pow(rat(1, 4)), &m).is_err());
    }

    /// The textbook total width of a heavy Majorana neutrino into lepton doublets,
    /// Gamma(N -> l H) + Gamma(N -> l^dag H^dag) = (y^dag y)_aa M_a/(8 pi)
    /// (e.g. Buchmueller, Di Bari, Pluemacher, Ann. Phys. 315 (2005) 305).
    #[test]
    fn total_width_is_the_textbook_one() {
        let setup = Setup::flavoured(2, 3);
        let w = heavy_neutrino_widths(2, &setup).unwrap();
        let mut yy = int(0);
        for i in 1..=3 {
            let y = crate::cas::couplings::y(Flavour::Index(i), 2);
            yy += y.clone() * conj(&y);
        }
        let want = yy * mass(2) / (int(8) * var(S.pi));
        assert!((w.lepton_higgs + w.lepton_higgs_conjugate - want).expand().is_zero());
    }

    /// phi -> chi eta for a massless chi: a scalar into two Weyl fermions with a
    /// chiral Yukawa, Gamma = y^2 m/(16 pi).
    #[test]
    fn phi_width_massless_limit() {
        let g = phi_width().unwrap();
        let m0 = crate::cas::algebra::subs(&g, &var(symbolica::symbol!("m_chi")), &int(0));
        let want = var(symbolica::symbol!("y_chi")).pow(int(2)) * var(symbolica::symbol!("m_phi")) / (int(16) * var(S.pi));
        assert!((m0 - want).expand().is_zero());
    }
}

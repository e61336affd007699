//! The dark-sink annihilation `chi chi^bar -> eta eta^bar` (Eq. 27): its
//! spin-summed squared amplitude from the sink coupling of Eq. (3) with
//! explicit massive and massless spinors.
//!
//! `-L = y_chi phi^* chi eta + h.c.`: the term annihilates chi (wave function `x`)
//! and creates eta^bar (`y`); its conjugate `y_chi phi chi^dag eta^dag`
//! annihilates chi^bar (`y^dag`) and creates eta (`x^dag`). The only diagram is
//! phi exchange between the two, with momentum `p_1 - k_2` (the paper's t), so
//! `M = y_chi^2 (x_chi(p_1) y_eta(k_2)) (y^dag_chi(p_2) x^dag_eta(k_1)) / (t - m_phi^2)`.
//! Kinematics in the centre-of-mass frame: chi along +z (leg 0), chi^bar along
//! -z (leg 1), eta at angle theta (leg 2), eta^bar opposite (leg 3); every
//! particle has energy `e`, the chi momentum is `p` (symbols `e_cm`, `p_cm`).

use crate::cas::algebra::{int, rat, var};
use crate::cas::symbols::S;
use crate::derive::error::DeriveError;
use crate::derive::feynman::wave_function;
use crate::derive::model::{Leg, sink_vertex_for};
use crate::derive::spinors::{Vec2, contract, helicity_spinors, massive_spinors, raise, to_cos};
use crate::transcript::particles::{Field, Particle};
use symbolica::atom::{Atom, AtomCore};

/// The CM energy of each particle, `e = sqrt(s)/2`.
pub fn energy() -> Atom {
    var(symbolica::symbol!("e_cm"))
}

/// The chi momentum in the CM frame, `p = sqrt(e^2 - m_chi^2)`.
pub fn momentum() -> Atom {
    var(symbolica::symbol!("p_cm"))
}

/// The sink annihilation: the spin-summed numerator and the Mandelstam t.
#[derive(Clone, Debug)]
pub struct SinkAnnihilation {
    /// `sum |M|^2 (t - m_phi^2)^2`, a polynomial in `e`, `p`, `cos theta`, `y_chi`.
    pub numerator: Atom,
    /// `t = (p_1 - k_2)^2` in `e`, `p`, `cos theta` (with `m_chi^2 = e^2 - p^2`).
    pub t: Atom,
}

/// The spin-summed squared amplitude of `chi chi^bar -> eta eta^bar`.
///
/// # Errors
/// A spin sum that is not a function of the scattering angle.
pub fn sink_annihilation() -> Result<SinkAnnihilation, DeriveError> {
    let (e, p) = (energy(), momentum());
    let y = var(symbolica::symbol!("y_chi"));
    let wp = (e.clone() + p.clone()).pow(rat(1, 2));
    let wm = (e.clone() - p.clone()).pow(rat(1, 2));
    let chi = massive_spinors(0, &wp, &wm);
    let chibar = massive_spinors(1, &wp, &wm);
    let eta_norm = (int(2) * e.clone()).pow(rat(1, 2));
    let massless = |k: usize| -> Vec2 {
        let d = helicity_spinors(k)[1].clone();
        [d[0].clone() * eta_norm.clone(), d[1].clone() * eta_norm.clone()]
    };
    let (k1, k2) = (massless(2), massless(3));
    // the legs chi, chi^bar (incoming), eta, eta^bar (outgoing) and the phi-exchange diagrams
    let chi_p = Particle::new(Field::Chi);
    let eta_p = Particle::new(Field::Eta);
    let legs = [
        Leg { particle: chi_p, incoming: true },
        Leg { particle: chi_p.bar(), incoming: true },
        Leg { particle: eta_p, incoming: false },
        Leg { particle: eta_p.bar(), incoming: false },
    ];
    let diagrams: Vec<[[usize; 2]; 2]> = [[[0, 2], [1, 3]], [[0, 3], [1, 2]]]
        .into_iter()
        .filter(|d| d.iter().all(|pair| sink_vertex_for([legs[pair[0]], legs[pair[1]]]).is_some()))
        .collect();
    if diagrams != [[[0, 3], [1, 2]]] {
        return Err(DeriveError::structure(
            "chi chi^bar -> eta eta^bar",
            format!("expected the single phi exchange (p1 - k2), found {diagrams:?}"),
        ));
    }
    let mut sum = int(0);
    for (x1, y1) in &chi {
        for (x2, y2) in &chibar {
            let a = contract(&raise(wave_function(&legs[0].particle, x1, y1)), wave_function(&legs[3].particle, &k2, &k2))
                * contract(&raise(wave_function(&legs[1].particle, x2, y2)), wave_function(&legs[2].particle, &k1, &k1));
            sum += a.clone() * a;
        }
    }
    let numerator = to_cos(&(y.pow(int(4)) * sum))?;
    // t = m^2 - 2 p1.k2 with p1 = (e, 0, 0, p), k2 = e (1, -sin, 0, -cos): p1.k2 = e^2 + e p cos
    let c = var(S.cos_theta);
    let m2 = e.clone().pow(int(2)) - p.clone().pow(int(2));
    let t = (m2 - int(2) * (e.clone().pow(int(2)) + e * p * c)).expand();
    Ok(SinkAnnihilation { numerator, t })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spin sum is the trace result (2 p1.k2)(2 p2.k1) = (m_chi^2 - t)^2 (DHM spin-sum identities).
    #[test]
    fn spin_sum_is_the_trace_result() {
        let a = sink_annihilation().unwrap();
        let (e, p) = (energy(), momentum());
        let m2 = e.clone().pow(int(2)) - p.clone().pow(int(2));
        let y4 = var(symbolica::symbol!("y_chi")).pow(int(4));
        let want = y4 * (m2 - a.t.clone()).pow(int(2));
        assert!((a.numerator - want).expand().is_zero());
    }
}

//! The names of the transcription language that stand for derived quantities:
//! the \[D2\] coefficients (`D2_lH_lHbar(i,j)`, ...) with the reactions they
//! belong to, and the interface through which the derivation layer gives the
//! coupling products A, B, C, D of Eq. (78) their meaning
//! ([`crate::derive::couplings::EQ78`] implements it).

use crate::cas::couplings::{Flavour, Letter, Setup};
use crate::transcript::particles::{Field, Particle, Process, State};
use symbolica::atom::Atom;

/// What the coupling products of Eq. (78) are in terms of the couplings y, lambda, M.
pub trait LetterMeaning {
    /// The letter with the given lepton flavours, in couplings.
    fn definition(&self, letter: Letter, flavours: [Option<Flavour>; 2], setup: &Setup) -> Atom;
}

/// The processes named in the transcription language (`D2_lH_lHbar(i,j)`, ...),
/// with the lepton flavours they take as arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Named {
    /// l_i H -> l_j^dag H^dag (Eq. 17)
    LhToLhBar,
    /// l_i H -> chi^dag phi^dag (Eq. 18)
    LhToChiPhiBar,
    /// l_i H -> chi phi (Eq. 19)
    LhToChiPhi,
    /// chi phi -> chi^dag phi^dag (Eq. 20)
    ChiPhiToChiPhiBar,
    /// chi phi -> l_j^dag H^dag (Eq. 23)
    ChiPhiToLhBar,
    /// chi phi -> l_j H (Eq. 23)
    ChiPhiToLh,
}

impl Named {
    pub const ALL: [Named; 6] =
        [Named::LhToLhBar, Named::LhToChiPhiBar, Named::LhToChiPhi, Named::ChiPhiToChiPhiBar, Named::ChiPhiToLhBar, Named::ChiPhiToLh];

    /// Name in the transcription language.
    pub fn name(self) -> &'static str {
        match self {
            Named::LhToLhBar => "D2_lH_lHbar",
            Named::LhToChiPhiBar => "D2_lH_chiphibar",
            Named::LhToChiPhi => "D2_lH_chiphi",
            Named::ChiPhiToChiPhiBar => "D2_chiphi_chiphibar",
            Named::ChiPhiToLhBar => "D2_chiphi_lHbar",
            Named::ChiPhiToLh => "D2_chiphi_lH",
        }
    }

    /// Number of lepton-flavour arguments.
    pub fn arity(self) -> usize {
        match self {
            Named::LhToLhBar => 2,
            Named::ChiPhiToChiPhiBar => 0,
            _ => 1,
        }
    }

    pub fn from_name(n: &str) -> Option<Named> {
        Named::ALL.into_iter().find(|x| x.name() == n)
    }

    /// The reaction with the given flavours (`Universal` for y_ia = y_a).
    pub fn process(self, f: &[Flavour]) -> Process {
        let h = Particle::new(Field::Higgs);
        let (chi, phi) = (Particle::new(Field::Chi), Particle::new(Field::Phi));
        let l = |k: usize| Particle::lepton(f.get(k).copied().unwrap_or(Flavour::Universal));
        let lh: State = [l(0), h];
        let chiphi: State = [chi, phi];
        let bar = |s: State| s.map(Particle::bar);
        match self {
            Named::LhToLhBar => Process::new(lh, bar([l(1), h])),
            Named::LhToChiPhiBar => Process::new(lh, bar(chiphi)),
            Named::LhToChiPhi => Process::new(lh, chiphi),
            Named::ChiPhiToChiPhiBar => Process::new(chiphi, bar(chiphi)),
            Named::ChiPhiToLhBar => Process::new(chiphi, bar(lh)),
            Named::ChiPhiToLh => Process::new(chiphi, lh),
        }
    }

    /// LaTeX label of the coefficient.
    pub fn latex(self) -> &'static str {
        match self {
            Named::LhToLhBar => r"[\mathcal{D}_2]^{\ell_i H}_{\ell_j^\dagger H^\dagger}",
            Named::LhToChiPhiBar => r"[\mathcal{D}_2]^{\ell_i H}_{\chi^\dagger \phi^\dagger}",
            Named::LhToChiPhi => r"[\mathcal{D}_2]^{\ell_i H}_{\chi \phi}",
            Named::ChiPhiToChiPhiBar => r"[\mathcal{D}_2]^{\chi\phi}_{\chi^\dagger \phi^\dagger}",
            Named::ChiPhiToLhBar => r"[\mathcal{D}_2]^{\chi\phi}_{\ell_j^\dagger H^\dagger}",
            Named::ChiPhiToLh => r"[\mathcal{D}_2]^{\chi\phi}_{\ell_j H}",
        }
    }
}

//! The dark sector (Secs. 2.5, 5.1): relativistic degrees of freedom from the
//! field content, the Delta N_eff relations (Eqs. 62-64), the phi -> chi eta width
//! (Eq. 26) and the s-wave limit (Eq. 28) of the chi chi-bar -> eta eta-bar
//! kernel (Eq. 27), with the unit conversion to cm^3/s.

use crate::rational::Q;
use serde::Deserialize;
use std::path::Path;

/// hbar c in GeV cm (CODATA 2018: 197.3269804 MeV fm).
pub const HBAR_C_GEV_CM: f64 = 1.973269804e-14;
/// Speed of light in cm/s (exact).
pub const C_CM_PER_S: f64 = 2.99792458e10;

/// 1 GeV^-2 in cm^3/s (for sigma v): (hbar c)^2 c.
pub fn inverse_gev2_in_cm3_per_s() -> f64 {
    HBAR_C_GEV_CM * HBAR_C_GEV_CM * C_CM_PER_S
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DofFile {
    sector: Vec<SectorRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectorRaw {
    name: String,
    field: Vec<FieldRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldRaw {
    name: String,
    g: i64,
    boson: bool,
    /// (T_field/T)^3 for species at another temperature (neutrinos after e+e- annihilation).
    #[serde(default)]
    temperature_ratio_cubed: Option<String>,
}

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

/// Read the sectors of a degrees-of-freedom file.
pub fn load_dof(path: &Path) -> Result<Vec<Dof>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let raw: DofFile = toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))?;
    let mut out = vec![];
    for s in raw.sector {
        let mut gs = Q::zero();
        let mut g = 0.0;
        let mut fields = vec![];
        for f in s.field {
            let stat = if f.boson { Q::int(1) } else { Q::new(7, 8) };
            let r3 = match &f.temperature_ratio_cubed {
                Some(t) => Q::parse(t).ok_or_else(|| format!("{}: field {}: temperature_ratio_cubed {t:?} is not rational", path.display(), f.name))?,
                None => Q::int(1),
            };
            gs = gs + Q::int(f.g as i128) * stat * r3;
            g += f.g as f64 * stat.to_f64() * r3.to_f64().powf(4.0 / 3.0);
            fields.push((f.name, f.g, f.boson));
        }
        out.push(Dof { name: s.name, g_star: g, g_star_s: gs, fields });
    }
    Ok(out)
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

//! The field content by sector (`derivations/species/dof.toml`, Secs. 3.1,
//! 5.1): internal states g, statistics, and the temperature of species that are
//! not at the sector's temperature. The degrees of freedom are summed in
//! [`crate::derive::dark`].

use crate::cas::rational::Q;
use crate::transcript::error::{Location, TranscriptionError};
use serde::Deserialize;
use std::path::Path;

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

/// One field of a sector.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDof {
    pub name: String,
    /// Internal states, particle and antiparticle counted.
    pub g: i64,
    pub boson: bool,
    /// (T_field / T_sector)^3 (1 unless the file says otherwise).
    pub temperature_ratio_cubed: Q,
}

/// A sector (visible, dark, ...) and its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Sector {
    pub name: String,
    pub fields: Vec<FieldDof>,
}

/// Read the sectors of a degrees-of-freedom file.
pub fn load(path: &Path) -> Result<Vec<Sector>, TranscriptionError> {
    let location = || Location { file: path.to_path_buf(), line: None, column: None };
    let text = std::fs::read_to_string(path).map_err(|e| TranscriptionError::Io { location: location(), message: e.to_string() })?;
    let raw: DofFile =
        toml::from_str(&text).map_err(|e| TranscriptionError::Toml { location: location(), message: e.message().to_string() })?;
    let mut out = vec![];
    for s in raw.sector {
        let mut fields = vec![];
        for f in s.field {
            let r3 = match &f.temperature_ratio_cubed {
                Some(t) => Q::parse(t).ok_or_else(|| TranscriptionError::Toml {
                    location: location(),
                    message: format!("field {}: temperature_ratio_cubed {t:?} is not rational", f.name),
                })?,
                None => Q::int(1),
            };
            fields.push(FieldDof { name: f.name, g: f.g, boson: f.boson, temperature_ratio_cubed: r3 });
        }
        out.push(Sector { name: s.name, fields });
    }
    Ok(out)
}

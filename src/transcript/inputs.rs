//! Every input of an audit, read once from a derivations directory and passed
//! down: the transcribed claims, the chemistry systems (`chemistry/*.toml`),
//! the field content (`species/*.toml`), the slip space (`slips/space.toml`)
//! and the reactions of Table 2 (the `tab2.*` claims). A file that cannot be
//! read is kept as its located error and reported where it is needed, so one
//! bad file leaves the rest of the audit running.

use crate::transcript::chemistry::{ChemistryError, System};
use crate::transcript::claims::{Claim, ClaimSet, load_dir};
use crate::transcript::error::{InputError, TranscriptionError};
use crate::transcript::particles::{Process, parse_process};
use crate::transcript::slips::SlipSpace;
use crate::transcript::species::{self, Sector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The chemistry system of the visible sector (Eqs. 41-42).
pub const VISIBLE_CHEMISTRY: &str = "chemistry/visible.toml";
/// The chemistry system of the dark sector while phi is in equilibrium (Eq. 43).
pub const DARK_CHEMISTRY: &str = "chemistry/dark_high.toml";
/// The field content by sector.
pub const SPECIES: &str = "species/dof.toml";
/// The slip space of the explainer.
pub const SLIPS: &str = "slips/space.toml";

/// A Table 2 reaction with the name of its \[S_k\] coefficients (`S1_<symbol>`).
#[derive(Clone, Debug)]
pub struct Reaction {
    pub process: Process,
    pub symbol: String,
}

/// The inputs of one audit.
#[derive(Debug)]
pub struct Inputs {
    /// The derivations directory (`None` for claims given in memory).
    pub dir: Option<PathBuf>,
    pub claims: ClaimSet,
    chemistry: BTreeMap<String, Result<System, ChemistryError>>,
    species: BTreeMap<String, Result<Vec<Sector>, TranscriptionError>>,
    slips: Option<Result<SlipSpace, TranscriptionError>>,
    table2: Result<Vec<Reaction>, TranscriptionError>,
    findings: Option<Result<BTreeMap<String, crate::transcript::findings::Finding>, TranscriptionError>>,
    index: Option<Result<crate::transcript::index::Index, TranscriptionError>>,
}

/// The `*.toml` files of a directory, sorted by name.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// `chemistry/visible.toml` for a file below `dir`.
fn relative(dir: &Path, file: &Path) -> String {
    file.strip_prefix(dir).unwrap_or(file).to_string_lossy().replace('\\', "/")
}

/// The Table 2 reactions, read from the transcribed rows.
fn table2(claims: &ClaimSet) -> Result<Vec<Reaction>, TranscriptionError> {
    let mut out = vec![];
    for c in claims.claims.iter().filter(|c| c.id.starts_with("tab2.")) {
        let r = c.quoted.get("reaction").ok_or_else(|| c.error("missing quoted.reaction"))?;
        let s = c.quoted.get("symbol").ok_or_else(|| c.error("missing quoted.symbol"))?;
        let process = parse_process(&r.text).ok_or_else(|| c.error(format!("cannot read reaction {:?}", r.text)))?;
        out.push(Reaction { process, symbol: s.text.clone() });
    }
    Ok(out)
}

impl Inputs {
    /// Read every input of a derivations directory.
    pub fn load(dir: &Path) -> Result<Inputs, InputError> {
        if !dir.is_dir() {
            return Err(InputError::NoDirectory(dir.to_path_buf()));
        }
        let claims = load_dir(dir);
        let mut chemistry = BTreeMap::new();
        for f in toml_files(&dir.join("chemistry")) {
            chemistry.insert(relative(dir, &f), System::load(&f));
        }
        let mut species = BTreeMap::new();
        for f in toml_files(&dir.join("species")) {
            species.insert(relative(dir, &f), species::load(&f));
        }
        let slips_file = dir.join(SLIPS);
        let slips = slips_file.exists().then(|| SlipSpace::load(dir));
        let table2 = table2(&claims);
        let findings = dir.join(crate::transcript::findings::FINDINGS).exists().then(|| crate::transcript::findings::load(dir));
        let index = dir.join(crate::transcript::index::NUMBERED).exists().then(|| crate::transcript::index::load(dir));
        Ok(Inputs { dir: Some(dir.to_path_buf()), claims, chemistry, species, slips, table2, findings, index })
    }

    /// Claims given in memory, with no data files (tests of the transcription).
    pub fn from_claims(claims: ClaimSet) -> Inputs {
        let table2 = table2(&claims);
        Inputs { dir: None, claims, chemistry: BTreeMap::new(), species: BTreeMap::new(), slips: None, table2, findings: None, index: None }
    }

    fn missing(&self, rel: &str) -> InputError {
        InputError::Missing(self.dir.as_deref().map(|d| d.join(rel)).unwrap_or_else(|| PathBuf::from(rel)))
    }

    /// A chemistry system by its path relative to the derivations directory
    /// (`chemistry/visible.toml`).
    pub fn chemistry(&self, rel: &str) -> Result<&System, InputError> {
        match self.chemistry.get(rel.trim_start_matches("./")) {
            Some(Ok(s)) => Ok(s),
            Some(Err(e)) => Err(e.clone().into()),
            None => Err(self.missing(rel)),
        }
    }

    /// Every chemistry system, by file stem (`visible`, `dark_high`, ...).
    pub fn chemistry_systems(&self) -> Vec<(String, Result<&System, InputError>)> {
        self.chemistry
            .iter()
            .map(|(rel, s)| {
                let stem = Path::new(rel).file_stem().map(|x| x.to_string_lossy().to_string()).unwrap_or_default();
                (stem, s.as_ref().map_err(|e| e.clone().into()))
            })
            .collect()
    }

    /// The sectors of a field-content file (`species/dof.toml`).
    pub fn species(&self, rel: &str) -> Result<&[Sector], InputError> {
        match self.species.get(rel.trim_start_matches("./")) {
            Some(Ok(s)) => Ok(s),
            Some(Err(e)) => Err(e.clone().into()),
            None => Err(self.missing(rel)),
        }
    }

    /// The classes of the findings (`findings/classes.toml`); empty when the file is absent.
    ///
    /// # Errors
    /// The file exists but cannot be read.
    pub fn findings(&self) -> Result<BTreeMap<String, crate::transcript::findings::Finding>, InputError> {
        match &self.findings {
            Some(Ok(f)) => Ok(f.clone()),
            Some(Err(e)) => Err(e.clone().into()),
            None => Ok(BTreeMap::new()),
        }
    }

    /// The paper's numbered items (`paper/numbered.toml`); `None` when the file is absent.
    ///
    /// # Errors
    /// The file exists but cannot be read.
    pub fn index(&self) -> Result<Option<&crate::transcript::index::Index>, InputError> {
        match &self.index {
            Some(Ok(i)) => Ok(Some(i)),
            Some(Err(e)) => Err(e.clone().into()),
            None => Ok(None),
        }
    }

    /// The slip space of the explainer.
    pub fn slips(&self) -> Result<&SlipSpace, InputError> {
        match &self.slips {
            Some(Ok(s)) => Ok(s),
            Some(Err(e)) => Err(e.clone().into()),
            None => Err(self.missing(SLIPS)),
        }
    }

    /// The reactions of Table 2, as transcribed (`needed_by` names the claim
    /// that asks, for the error when there are none).
    pub fn table2(&self, needed_by: &Claim) -> Result<&[Reaction], TranscriptionError> {
        match &self.table2 {
            Ok(r) if r.is_empty() => Err(needed_by.error("needs the Table 2 rows (tab2.*), none found")),
            Ok(r) => Ok(r),
            Err(e) => Err(e.clone()),
        }
    }

    /// The reactions of Table 2, or why they cannot be read.
    pub fn table2_reactions(&self) -> Result<&[Reaction], InputError> {
        match &self.table2 {
            Ok(r) if r.is_empty() => Err(InputError::Missing(PathBuf::from("tab2.* claims"))),
            Ok(r) => Ok(r),
            Err(e) => Err(e.clone().into()),
        }
    }
}

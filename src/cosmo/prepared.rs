//! The numbers the plain-Rust commands (`evolve`, `scan`, `relic`) take from
//! the derivations, prepared once and cached on disk.
//!
//! [`Prepared`](crate::cosmo::prepared::Prepared) holds the chemistry coefficients and the Table 2 reactions with
//! their \[S1\], \[S2\] derived from the Feynman rules ([`Chem`](crate::cosmo::point::Chem), Secs. 2.3 and 4.1)
//! and the degrees of freedom of the freeze-out ([`DarkDof`](crate::cosmo::relic::DarkDof), Sec. 5.2).
//! Building it uses Symbolica (the transcription language, the chemistry
//! solver, the tree amplitudes); everything after it is plain Rust. Stored as
//! JSON under a key that covers the crate version, the running executable and
//! the content of every file of the derivations directory, a warm cache lets
//! those commands run without Symbolica — so beside an audit, which holds the
//! one Symbolica slot a user has without a licence.

use crate::cosmo::error::CosmoError;
use crate::cosmo::point::Chem;
use crate::cosmo::relic::DarkDof;
use crate::transcript::inputs::Inputs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// Version of the cache's JSON layout (part of the key).
pub const FORMAT: u32 = 2;

/// What the plain-Rust commands need from the derivations.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prepared {
    pub chem: Chem,
    pub dof: DarkDof,
}

impl Prepared {
    /// Derive everything from the inputs (uses Symbolica: hold the lock).
    ///
    /// # Errors
    /// As [`Chem::from_inputs`] and [`DarkDof::from_inputs`].
    pub fn from_inputs(inputs: &Inputs) -> Result<Prepared, CosmoError> {
        Ok(Prepared { chem: Chem::from_inputs(inputs)?, dof: DarkDof::from_inputs(inputs)? })
    }

    /// The cache file's content.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("plain data serialises")
    }

    /// Read a cache file; `None` when it is missing, unreadable or of another layout
    /// (a miss, never an error: the caller derives afresh).
    pub fn read(path: &Path) -> Option<Prepared> {
        let text = std::fs::read_to_string(path).ok()?;
        serde_json::from_str(&text).ok()
    }
}

/// The cache key of a derivations directory: a hash of [`FORMAT`], the crate
/// version, the running executable (path, size, modification time) and the
/// relative path and bytes of every file under `derivations` (sorted).
///
/// # Errors
/// The directory or one of its files cannot be read.
pub fn cache_key(derivations: &Path) -> std::io::Result<String> {
    let mut h = std::hash::DefaultHasher::new();
    FORMAT.hash(&mut h);
    build_key(&mut h);
    let mut files = vec![];
    collect(derivations, &mut files)?;
    files.sort();
    for f in files {
        f.strip_prefix(derivations).unwrap_or(&f).hash(&mut h);
        std::fs::read(&f)?.hash(&mut h);
    }
    Ok(format!("{:016x}", h.finish()))
}

/// Hash the build that derives: the crate version and the running executable
/// (path, size, modification time), so that a rebuilt program never reads
/// results of another.
pub fn build_key(h: &mut impl Hasher) {
    env!("CARGO_PKG_VERSION").hash(h);
    if let Ok(exe) = std::env::current_exe() {
        exe.hash(h);
        if let Ok(m) = std::fs::metadata(&exe) {
            m.len().hash(h);
            m.modified().ok().hash(h);
        }
    }
}

/// Every file below `dir`, recursively (unsorted).
pub fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// The cache file for a key inside a cache directory.
pub fn cache_file(cache_dir: &Path, key: &str) -> PathBuf {
    cache_dir.join(format!("prepared-{key}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_follows_the_content_of_the_directory() {
        let dir = std::env::temp_dir().join(format!("cogenesis-prepared-key-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.toml"), "x = 1").unwrap();
        std::fs::write(dir.join("sub").join("b.toml"), "y = 2").unwrap();
        let k1 = cache_key(&dir).unwrap();
        assert_eq!(k1, cache_key(&dir).unwrap());
        std::fs::write(dir.join("sub").join("b.toml"), "y = 3").unwrap();
        let k2 = cache_key(&dir).unwrap();
        assert_ne!(k1, k2);
        std::fs::write(dir.join("c.toml"), "").unwrap();
        assert_ne!(k2, cache_key(&dir).unwrap());
        assert!(cache_key(&dir.join("missing")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_cache_file_is_a_miss() {
        let p = std::env::temp_dir().join(format!("cogenesis-prepared-bad-{}.json", std::process::id()));
        std::fs::write(&p, "{\"chem\": 1").unwrap();
        assert!(Prepared::read(&p).is_none());
        assert!(Prepared::read(&p.with_extension("absent")).is_none());
        let _ = std::fs::remove_file(&p);
    }
}

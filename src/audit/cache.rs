//! The audit's cache of derived results: re-check only what changed.
//!
//! A verdict depends on the code that derived it, the claim's own transcription,
//! the other claims its check read (recorded by [`Context::take_reads`]) and the
//! data files of the evolution and the chemistry (`chemistry/`, `species/`, the
//! Table 2 reactions). The cache keeps, per claim, the verdict as the check gave
//! it (before the finding classes, `used_by` and the coverage, which every run
//! applies afresh) with the fingerprints of all of these, and the explainer's
//! search with the fingerprint of the slip space. An entry is used only when
//! every fingerprint matches, so a warm run gives the report a cold run gives,
//! byte for byte (`tests/cache.rs`); after an edit of one claim, that claim and
//! the claims whose checks read it are checked again.
//!
//! The impact and conventions sections (Secs. 4-5 re-run under each printed
//! form) depend only on the data files, and are kept under the same key.
//!
//! One JSON file per derivations directory and build (crate version and
//! executable, as [`crate::cosmo::prepared::build_key`]), in the cache
//! directory the CLI chooses (`$COGENESIS_CACHE_DIR`); `cogenesis audit
//! --no-cache` neither reads nor writes it. A file that cannot be read is a miss.
//!
//! [`Context::take_reads`]: crate::audit::context::Context::take_reads

use crate::audit::verdict::Verdict;
use crate::transcript::claims::ClaimSet;
use crate::transcript::inputs::Inputs;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// Version of the cache's JSON layout.
pub const FORMAT: u32 = 1;

/// How many audit cache files (builds x derivations directories) a cache
/// directory keeps; [`prune`] removes the least recently written beyond it.
pub const KEEP: usize = 16;

/// Remove all but the `keep` most recently written audit cache files of a
/// cache directory (every rebuild starts a new file). Returns how many were
/// removed; files that cannot be read or removed are left alone.
pub fn prune(cache_dir: &Path, keep: usize) -> usize {
    let Ok(rd) = std::fs::read_dir(cache_dir) else { return 0 };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("audit-") && n.ends_with(".json")))
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    files.iter().skip(keep).filter(|(_, p)| std::fs::remove_file(p).is_ok()).count()
}

/// The explainer's search for one claim, as it enters the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explained {
    /// Fingerprint of the slip space searched.
    pub slips: u64,
    /// The sentence appended to the detail (`Search::summary`).
    pub summary: String,
    /// The explanations found.
    pub found: Vec<String>,
}

/// One claim's cached results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    /// The claim's own fingerprint.
    own: u64,
    /// The data files' fingerprint.
    environment: u64,
    /// The other claims the check read, with their fingerprints (`None`: absent).
    reads: BTreeMap<String, Option<u64>>,
    verdict: Verdict,
    explained: Option<Explained>,
}

/// The impact and conventions sections, by the data files' fingerprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Numerics {
    pub environment: u64,
    /// The impact sentence of each finding id that a printed reading runs.
    pub impact: BTreeMap<String, String>,
    /// The Markdown sections, in report order.
    pub sections: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct File {
    format: u32,
    entries: BTreeMap<String, Entry>,
    numerics: Option<Numerics>,
}

/// How much of a run came from the cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Verdicts taken from the cache.
    pub reused: usize,
    /// Verdicts derived in this run.
    pub checked: usize,
    /// Explainer searches taken from the cache / run.
    pub explained_reused: usize,
    pub explained_run: usize,
}

/// The cache of one derivations directory.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    file: File,
    /// Fingerprint of the data files of this run.
    environment: u64,
    /// Fingerprint of the slip space of this run.
    slips: u64,
    /// Fingerprint of every claim of this run.
    claims: BTreeMap<String, u64>,
    pub stats: Stats,
}

fn hash_files(dir: &Path, h: &mut impl Hasher) {
    let mut files = vec![];
    let _ = crate::cosmo::prepared::collect(dir, &mut files);
    files.sort();
    for f in files {
        f.strip_prefix(dir).unwrap_or(&f).hash(h);
        std::fs::read(&f).ok().hash(h);
    }
}

/// Fingerprint of what every check may read besides claims: the chemistry
/// systems, the field content, and the Table 2 reactions (read from the
/// `tab2.*` claims by [`Inputs::table2`]).
fn environment(dir: &Path, inputs: &Inputs) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    for sub in ["chemistry", "species"] {
        sub.hash(&mut h);
        hash_files(&dir.join(sub), &mut h);
    }
    format!("{:?}", inputs.table2_reactions()).hash(&mut h);
    h.finish()
}

fn fingerprints(claims: &ClaimSet) -> BTreeMap<String, u64> {
    claims.claims.iter().map(|c| (c.id.clone(), c.fingerprint())).collect()
}

impl Cache {
    /// The cache file of a derivations directory in `cache_dir`: named by the
    /// build and the directory's path.
    pub fn file_for(cache_dir: &Path, derivations: &Path) -> PathBuf {
        let mut h = std::hash::DefaultHasher::new();
        FORMAT.hash(&mut h);
        crate::cosmo::prepared::build_key(&mut h);
        std::fs::canonicalize(derivations).unwrap_or_else(|_| derivations.to_path_buf()).hash(&mut h);
        cache_dir.join(format!("audit-{:016x}.json", h.finish()))
    }

    /// Open the cache of `inputs` (a directory's) in `cache_dir`; `None` for
    /// claims given in memory. A missing or unreadable file starts empty.
    pub fn open(cache_dir: &Path, inputs: &Inputs) -> Option<Cache> {
        let dir = inputs.dir.as_ref()?;
        let path = Cache::file_for(cache_dir, dir);
        let file = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<File>(&t).ok())
            .filter(|f| f.format == FORMAT)
            .unwrap_or(File { format: FORMAT, ..File::default() });
        let slips = {
            let mut h = std::hash::DefaultHasher::new();
            std::fs::read(dir.join(crate::transcript::inputs::SLIPS)).ok().hash(&mut h);
            h.finish()
        };
        Some(Cache {
            path,
            file,
            environment: environment(dir, inputs),
            slips,
            claims: fingerprints(&inputs.claims),
            stats: Stats::default(),
        })
    }

    /// Where the cache is written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's content (the caller writes it to [`Cache::path`]).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.file).expect("plain data serialises")
    }

    fn valid(&self, id: &str) -> Option<&Entry> {
        let e = self.file.entries.get(id)?;
        let fresh = Some(&e.own) == self.claims.get(id)
            && e.environment == self.environment
            && e.reads.iter().all(|(r, fp)| self.claims.get(r) == fp.as_ref());
        fresh.then_some(e)
    }

    /// Whether some claim's cached verdict is still current (false for a new
    /// cache, or when the data files changed: then every claim is checked again).
    pub fn reuses_any(&self) -> bool {
        self.file.entries.keys().any(|id| self.valid(id).is_some())
    }

    /// The cached verdict of a claim, if nothing it depends on changed.
    pub fn verdict(&mut self, id: &str) -> Option<Verdict> {
        let v = self.valid(id).map(|e| e.verdict.clone());
        if v.is_some() {
            self.stats.reused += 1;
        }
        v
    }

    /// Keep a verdict derived in this run, with the claims its check read.
    pub fn store(&mut self, id: &str, reads: BTreeSet<String>, verdict: &Verdict) {
        let Some(own) = self.claims.get(id).copied() else { return };
        self.stats.checked += 1;
        let reads = reads.into_iter().filter(|r| r != id).map(|r| (r.clone(), self.claims.get(&r).copied())).collect();
        self.file
            .entries
            .insert(id.to_string(), Entry { own, environment: self.environment, reads, verdict: verdict.clone(), explained: None });
    }

    /// The cached explainer search of a claim, if its verdict is current and the
    /// slip space unchanged.
    pub fn explained(&mut self, id: &str) -> Option<Explained> {
        let slips = self.slips;
        let x = self.valid(id).and_then(|e| e.explained.clone()).filter(|x| x.slips == slips);
        if x.is_some() {
            self.stats.explained_reused += 1;
        }
        x
    }

    /// Keep an explainer search (with the further claims its re-runs read).
    pub fn store_explained(&mut self, id: &str, reads: BTreeSet<String>, summary: String, found: Vec<String>) {
        self.stats.explained_run += 1;
        let slips = self.slips;
        let more: Vec<(String, Option<u64>)> =
            reads.into_iter().filter(|r| r != id).map(|r| (r.clone(), self.claims.get(&r).copied())).collect();
        if let Some(e) = self.file.entries.get_mut(id) {
            e.reads.extend(more);
            e.explained = Some(Explained { slips, summary, found });
        }
    }

    /// The cached impact and conventions sections, if the data files are unchanged.
    pub fn numerics(&self) -> Option<&Numerics> {
        self.file.numerics.as_ref().filter(|n| n.environment == self.environment)
    }

    /// Keep the impact and conventions sections of this run.
    pub fn store_numerics(&mut self, impact: BTreeMap<String, String>, sections: Vec<String>) {
        self.file.numerics = Some(Numerics { environment: self.environment, impact, sections });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_any_only_while_a_cached_verdict_is_current() {
        let dir = std::env::temp_dir().join(format!("cogenesis-reuses-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let inputs = Inputs::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations")).unwrap();
        // a new cache: nothing to reuse
        let mut k = Cache::open(&dir, &inputs).unwrap();
        assert!(!k.reuses_any());
        let id = inputs.claims.claims[0].id.clone();
        k.store(&id, BTreeSet::new(), &Verdict::new(&id, "1", "a claim"));
        assert!(k.reuses_any());
        // the claim edited: its verdict is stale
        let own = k.claims[&id];
        k.claims.insert(id.clone(), own ^ 1);
        assert!(!k.reuses_any());
        k.claims.insert(id.clone(), own);
        assert!(k.reuses_any());
        // the data files changed: every verdict is stale
        k.environment ^= 1;
        assert!(!k.reuses_any());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn pruning_keeps_the_newest_audit_files_only() {
        let dir = std::env::temp_dir().join(format!("cogenesis-prune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for k in 0..5 {
            std::fs::write(dir.join(format!("audit-{k}.json")), "{}").unwrap();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::fs::write(dir.join("prepared-x.json"), "{}").unwrap();
        assert_eq!(prune(&dir, 2), 3);
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
        left.sort();
        assert_eq!(left, ["audit-3.json", "audit-4.json", "prepared-x.json"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! One module per subcommand, and the state they share: the derivations
//! directory and its inputs, loaded once (on first use) and passed to every
//! command.

/// `cogenesis audit`.
pub mod audit;
/// `cogenesis bench`.
pub mod bench;
/// `cogenesis collide`.
pub mod collide;
/// `cogenesis derive`.
pub mod derive;
/// `cogenesis evolve`.
pub mod evolve;
/// `cogenesis explain`.
pub mod explain;
/// `cogenesis relic`.
pub mod relic;
/// `cogenesis scan`.
pub mod scan;
/// `cogenesis selftest`.
pub mod selftest;
/// `cogenesis show`.
pub mod show;
/// Not a subcommand: the per-user lock that serialises Symbolica use across processes.
pub mod lock;

/// Keep Symbolica's licence banner off stdout (machine-readable output must stay
/// clean), unless the user set the variable explicitly.
pub fn quiet_symbolica() {
    if std::env::var_os("SYMBOLICA_HIDE_BANNER").is_none() {
        // SAFETY: called first thing in main, before any other thread exists.
        unsafe { std::env::set_var("SYMBOLICA_HIDE_BANNER", "1") };
    }
    // Symbolica installs a global tracing subscriber (INFO, on stdout) at its first
    // warning; after that every INFO record of every crate (diffsol's solver
    // statistics) reached stdout, and the audit's table was buried in them.
    // Keep stdout machine-readable: no subscriber.
    symbolica::GLOBAL_SETTINGS.initialize_tracing.store(false, std::sync::atomic::Ordering::Relaxed);
}

/// What every subcommand may need: the derivations directory, its inputs and
/// the numbers prepared from them, each loaded once on first use, and the
/// per-user Symbolica lock, taken before the first Symbolica use.
pub struct State {
    pub derivations: std::path::PathBuf,
    no_wait: bool,
    lock: std::cell::OnceCell<lock::SymbolicaLock>,
    inputs: std::cell::OnceCell<cogenesis::transcript::inputs::Inputs>,
    prepared: std::cell::OnceCell<cogenesis::cosmo::prepared::Prepared>,
}

impl State {
    pub fn new(derivations: std::path::PathBuf, no_wait: bool) -> Self {
        State {
            derivations,
            no_wait,
            lock: std::cell::OnceCell::new(),
            inputs: std::cell::OnceCell::new(),
            prepared: std::cell::OnceCell::new(),
        }
    }

    /// Take the per-user Symbolica lock (once): call before any Symbolica use.
    /// Waits for another cogenesis process, or fails with `--no-wait`.
    pub fn symbolica(&self) -> Result<(), String> {
        if self.lock.get().is_none() {
            let l = lock::acquire(self.no_wait)?;
            let _ = self.lock.set(l);
        }
        Ok(())
    }

    /// The inputs of the derivations directory, read on first use (Symbolica).
    pub fn inputs(&self) -> Result<&cogenesis::transcript::inputs::Inputs, String> {
        if let Some(i) = self.inputs.get() {
            return Ok(i);
        }
        self.symbolica()?;
        let i = cogenesis::transcript::inputs::Inputs::load(&self.derivations).map_err(|e| e.to_string())?;
        Ok(self.inputs.get_or_init(|| i))
    }

    /// The chemistry coefficients, derived kernels and dark degrees of freedom of
    /// the plain-Rust commands: from the cache when it holds this derivations
    /// directory (no Symbolica, no lock), else derived (with the lock) and cached.
    pub fn prepared(&self) -> Result<&cogenesis::cosmo::prepared::Prepared, String> {
        use cogenesis::cosmo::prepared::{Prepared, cache_file, cache_key};
        if let Some(p) = self.prepared.get() {
            return Ok(p);
        }
        let key = cache_key(&self.derivations).map_err(|e| format!("{}: {e}", self.derivations.display()))?;
        let file = cache_file(&cache_dir(), &key);
        let p = match Prepared::read(&file) {
            Some(p) => p,
            None => {
                let p = Prepared::from_inputs(self.inputs()?).map_err(|e| e.to_string())?;
                // a cache that cannot be written only costs time next run
                if let Err(e) = write(&file, &p.to_json()) {
                    eprintln!("cogenesis: not cached: {e}");
                }
                p
            }
        };
        Ok(self.prepared.get_or_init(|| p))
    }

    /// The chemistry coefficients of the numerical evolution (Sec. 4.1).
    pub fn chem(&self) -> Result<cogenesis::cosmo::point::Chem, String> {
        Ok(self.prepared()?.chem.clone())
    }
}

/// Where derived results are cached: `$COGENESIS_CACHE_DIR`, or
/// `<temp dir>/cogenesis-<user>-cache`.
pub fn cache_dir() -> std::path::PathBuf {
    match std::env::var_os("COGENESIS_CACHE_DIR") {
        Some(d) if !d.is_empty() => std::path::PathBuf::from(d),
        _ => std::env::temp_dir().join(format!("cogenesis-{}-cache", lock::user())),
    }
}

/// Write a text file, creating its directory.
pub fn write(path: &std::path::Path, text: &str) -> Result<(), String> {
    write_bytes(path, text.as_bytes())
}

/// Write bytes atomically (a figure), with a human message on failure.
pub fn write_bytes(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    cogenesis::render::output::write_atomic(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

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
/// Not a subcommand: the per-user lock that serialises Symbolica use across processes.
pub mod lock;

/// Keep Symbolica's licence banner off stdout (machine-readable output must stay
/// clean), unless the user set the variable explicitly.
pub fn quiet_symbolica() {
    if std::env::var_os("SYMBOLICA_HIDE_BANNER").is_none() {
        // SAFETY: called first thing in main, before any other thread exists.
        unsafe { std::env::set_var("SYMBOLICA_HIDE_BANNER", "1") };
    }
}

/// What every subcommand may need: the derivations directory and its inputs.
pub struct State {
    pub derivations: std::path::PathBuf,
    inputs: std::cell::OnceCell<cogenesis::transcript::inputs::Inputs>,
}

impl State {
    pub fn new(derivations: std::path::PathBuf) -> Self {
        State { derivations, inputs: std::cell::OnceCell::new() }
    }

    /// The inputs of the derivations directory, read on first use.
    pub fn inputs(&self) -> Result<&cogenesis::transcript::inputs::Inputs, String> {
        if let Some(i) = self.inputs.get() {
            return Ok(i);
        }
        let i = cogenesis::transcript::inputs::Inputs::load(&self.derivations).map_err(|e| e.to_string())?;
        Ok(self.inputs.get_or_init(|| i))
    }

    /// The chemistry coefficients of the numerical evolution (Sec. 4.1).
    pub fn chem(&self) -> Result<cogenesis::cosmo::point::Chem, String> {
        cogenesis::cosmo::point::Chem::from_inputs(self.inputs()?).map_err(|e| e.to_string())
    }
}

/// Write a text file, creating its directory.
pub fn write(path: &std::path::Path, text: &str) -> Result<(), String> {
    cogenesis::render::output::write_atomic(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

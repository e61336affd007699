//! One module per subcommand.

pub mod audit;
pub mod bench;
pub mod collide;
pub mod derive;
pub mod evolve;
pub mod relic;
pub mod scan;
pub mod explain;

/// Keep Symbolica's licence banner off stdout (machine-readable output must stay
/// clean), unless the user set the variable explicitly.
pub fn quiet_symbolica() {
    if std::env::var_os("SYMBOLICA_HIDE_BANNER").is_none() {
        // SAFETY: called first thing in main, before any other thread exists.
        unsafe { std::env::set_var("SYMBOLICA_HIDE_BANNER", "1") };
    }
}

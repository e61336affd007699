//! `cogenesis`: command-line front end. Parses arguments and calls the library;
//! each subcommand lives in its own file under `src/cli/`.

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cogenesis", version, about = "Audit and re-derive the calculations of Asadi, Moore, Morrissey, Shamma (2025)")]
struct Cli {
    /// Directory of the transcribed claims and their input data.
    #[arg(long, global = true, default_value = "derivations")]
    derivations: std::path::PathBuf,
    /// Exit with status 2 instead of waiting when another cogenesis process is using Symbolica.
    #[arg(long, global = true)]
    no_wait: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every transcribed claim and write reports/audit.md, reports/audit.json and reports/audit.html.
    Audit(cli::audit::Args),
    /// One App. A collision integral: closed form against high-precision quadrature.
    Collide(cli::collide::Args),
    /// Print a derived table (d2, benchmarks).
    Derive(cli::derive::Args),
    /// Evolve one parameter point (CSV, SVG) or regenerate Figs. 3-4.
    Evolve(cli::evolve::Args),
    /// Parameter scans for Figs. 5-7 (parallel, resumable, --shard i/N).
    Scan(cli::scan::Args),
    /// Dark-matter freeze-out (Sec. 5.2) for one point: the largest m_chi, or the relic at --m-chi; --figure 8 regenerates Fig. 8.
    Relic(cli::relic::Args),
    /// Search the slips (sign, conjugation, factor, ...) that reconcile a discrepant claim.
    Explain(cli::explain::Args),
    /// Time the symbolic derivations.
    Bench(cli::bench::Args),
    /// Perturb every confirmed claim's printed and quoted fields one at a time; fail if a verdict does not change.
    Selftest(cli::selftest::Args),
    /// One claim of the last audit report (verdict, printed vs derived, detail, explanation, impact) as text, LaTeX or JSON.
    Show(cli::show::Args),
}

fn main() -> ExitCode {
    cli::quiet_symbolica();
    let parsed = Cli::parse();
    let state = cli::State::new(parsed.derivations, parsed.no_wait);
    // audit, derive and explain use Symbolica from the start: take the per-user
    // lock first. The others take it at their first Symbolica use, if any:
    // collide never does, evolve, scan and relic not once their derived inputs
    // are cached, bench only for the symbolic and evolve suites.
    if matches!(parsed.command, Command::Audit(_) | Command::Derive(_) | Command::Explain(_) | Command::Selftest(_))
        && let Err(message) = state.symbolica()
    {
        eprintln!("cogenesis: {message}");
        return ExitCode::from(2);
    }
    let result = match parsed.command {
        Command::Audit(a) => cli::audit::run(a, &state),
        Command::Derive(a) => cli::derive::run(a, &state),
        Command::Collide(a) => cli::collide::run(a, &state),
        Command::Explain(a) => cli::explain::run(a, &state),
        Command::Evolve(a) => cli::evolve::run(a, &state),
        Command::Scan(a) => cli::scan::run(a, &state),
        Command::Relic(a) => cli::relic::run(a, &state),
        Command::Bench(a) => cli::bench::run(a, &state),
        Command::Selftest(a) => cli::selftest::run(a, &state),
        Command::Show(a) => cli::show::run(a),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("cogenesis: {message}");
            ExitCode::from(2)
        }
    }
}

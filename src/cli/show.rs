//! `cogenesis show CLAIM`: one claim of the last audit report.

use cogenesis::audit::report::Report;
use cogenesis::render::show::{ShowFormat, show};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Text,
    Latex,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The claim id (e.g. `eq80`, `text.trh-bound`).
    claim: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The audit report to read (written by `cogenesis audit`).
    #[arg(long, default_value = "reports/audit.json")]
    report: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(&args.report)
        .map_err(|e| format!("cannot read {} ({e}); run `cogenesis audit` first", args.report.display()))?;
    let report = Report::from_json(&text).map_err(|e| format!("{} is not an audit report: {e}", args.report.display()))?;
    let Some(v) = report.claims.iter().find(|v| v.id == args.claim) else {
        let stem: String = args.claim.chars().take(3).collect();
        let near: Vec<&str> = report.claims.iter().map(|v| v.id.as_str()).filter(|id| id.starts_with(stem.as_str())).take(8).collect();
        return Err(format!(
            "no claim `{}` in {}{}",
            args.claim,
            args.report.display(),
            if near.is_empty() { String::new() } else { format!(" (similar: {})", near.join(", ")) }
        ));
    };
    let format = match args.format {
        Format::Text => ShowFormat::Text,
        Format::Latex => ShowFormat::Latex,
        Format::Json => ShowFormat::Json,
    };
    print!("{}", show(v, format));
    Ok(ExitCode::SUCCESS)
}

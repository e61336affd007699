//! `cogenesis audit`.

use super::write;
use cogenesis::audit;
use cogenesis::audit::explain::annotate;
use cogenesis::audit::report::{Report, markdown_with, status_changes};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Where to write the JSON report.
    #[arg(long, default_value = "reports/audit.json")]
    json: PathBuf,
    /// Where to write the Markdown report.
    #[arg(long, default_value = "reports/audit.md")]
    markdown: PathBuf,
    /// Where to write the self-contained HTML report (MathML, embedded figures).
    #[arg(long, default_value = "reports/audit.html")]
    html: PathBuf,
    /// The figures (PNG) embedded in the HTML report.
    #[arg(long, default_value = "reports/figures")]
    figures: PathBuf,
    /// Also exit non-zero when a verdict differs from the baseline report.
    #[arg(long)]
    strict: bool,
    /// Baseline for --strict (default: the committed reports/audit.json).
    #[arg(long, default_value = "reports/audit.json")]
    baseline: PathBuf,
    /// Skip the search for slips that explain each discrepancy.
    #[arg(long)]
    no_explain: bool,
    /// Skip re-running the evolution with each printed form (the impact of every finding).
    #[arg(long)]
    no_impact: bool,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    // read the baseline before the report is overwritten
    let baseline = if args.strict {
        let text = std::fs::read_to_string(&args.baseline).map_err(|e| format!("cannot read baseline {}: {e}", args.baseline.display()))?;
        Some(Report::from_json(&text).map_err(|e| format!("baseline {} is not an audit report: {e}", args.baseline.display()))?)
    } else {
        None
    };
    let inputs = state.inputs()?;
    let mut audit = audit::run(inputs);
    if !args.no_explain {
        match inputs.slips() {
            Ok(space) => annotate(&mut audit, inputs, space),
            Err(e) => eprintln!("warning: no discrepancy explanations: {e}"),
        }
    }
    let mut sections = vec![];
    if !args.no_impact {
        // the numerics need the chemistry and field content; without them the audit goes on without these sections
        let numerics = cogenesis::cosmo::point::Chem::from_inputs(inputs)
            .map_err(|e| e.to_string())
            .and_then(|chem| Ok((chem, cogenesis::cosmo::relic::DarkDof::from_inputs(inputs).map_err(|e| e.to_string())?)));
        match numerics {
            Ok((chem, dof)) => {
                let threads = std::thread::available_parallelism().map(|x| x.get()).unwrap_or(1);
                match audit::impact::impacts(&chem, dof, threads) {
                    Ok(i) => {
                        audit::impact::annotate(&mut audit, &i);
                        sections.push(audit::impact::markdown(&i));
                    }
                    Err(e) => eprintln!("warning: no impact of the findings: {e}"),
                }
                sections.push(audit::conventions::markdown(&audit::conventions::support(&chem, dof, threads)));
            }
            Err(e) => eprintln!("warning: no impact of the findings and no conventions section: {e}"),
        }
    }
    for e in &audit.errors {
        eprintln!("error: {e}");
    }
    for v in &audit.verdicts {
        println!("{:<24} {:<12} {}", v.id, v.status.as_str(), v.title);
    }
    let totals: Vec<String> = audit.totals().iter().map(|(s, n)| format!("{n} {}", s.as_str())).collect();
    println!("total: {} claims: {}", audit.verdicts.len(), totals.join(", "));
    if !audit.errors.is_empty() {
        println!("{} transcription file error(s), see above", audit.errors.len());
    }
    write(&args.json, &Report::from_audit(&audit).to_json())?;
    write(&args.markdown, &markdown_with(&audit, &sections))?;
    write(&args.html, &cogenesis::render::html::report(&audit, &sections, Some(&args.figures)))?;
    if let Some(base) = baseline {
        let changes = status_changes(&base, &audit);
        if !changes.is_empty() {
            eprintln!("verdicts differ from {}:", args.baseline.display());
            for c in &changes {
                eprintln!("  {c}");
            }
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

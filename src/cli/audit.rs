//! `cogenesis audit`.

use super::write;
use cogenesis::audit;
use cogenesis::audit::cache::Cache;
use cogenesis::audit::report::{Report, markdown_with, status_changes};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Where to write the JSON report (default reports/audit.json; a reduced run
    /// -- --only, --no-explain, --no-impact -- writes only the reports given).
    #[arg(long)]
    json: Option<PathBuf>,
    /// Where to write the Markdown report (default reports/audit.md, as --json).
    #[arg(long)]
    markdown: Option<PathBuf>,
    /// Where to write the self-contained HTML report, MathML and embedded figures (default reports/audit.html, as --json).
    #[arg(long)]
    html: Option<PathBuf>,
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
    /// Check only these claims: ids (`eq50`), sections (`4.2`) or transcription
    /// files (`sec4_washout`), comma-separated. With --strict the selected
    /// verdicts are compared with the baseline.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Derive everything afresh: neither read nor write the cache of derived
    /// results ($COGENESIS_CACHE_DIR; by default a warm run re-checks only the
    /// claims whose transcription, or the claims and data files they read, changed).
    #[arg(long)]
    no_cache: bool,
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
    let selection = if args.only.is_empty() { audit::Selection::All } else { audit::Selection::Only(args.only.clone()) };
    if !inputs.claims.claims.iter().any(|c| selection.selects(c)) {
        return Err(format!(
            "--only {}: no claim has this id, section or transcription file (ids look like eq50, text.xi-range; sections like 4.2, A.1; files like sec4_washout)",
            args.only.join(",")
        ));
    }
    let mut cache = if args.no_cache { None } else { Cache::open(&super::cache_dir(), inputs) };
    let threads = cogenesis::numerics::pool::all_cores();
    let options = audit::pipeline::Options { selection, explain: !args.no_explain, numerics: !args.no_impact, threads };
    let outcome = audit::pipeline::run(inputs, &options, cache.as_mut());
    for w in &outcome.warnings {
        eprintln!("warning: {w}");
    }
    let (audit, sections) = (outcome.audit, outcome.sections);
    if let Some(k) = &cache {
        let st = k.stats;
        eprintln!(
            "cache: {} verdicts reused, {} checked; {} explainer searches reused, {} run ({}; --no-cache for a cold run)",
            st.reused,
            st.checked,
            st.explained_reused,
            st.explained_run,
            k.path().display()
        );
        if let Err(e) = write(k.path(), &k.to_json()) {
            eprintln!("warning: the cache is not kept: {e}");
        }
        cogenesis::audit::cache::prune(&super::cache_dir(), cogenesis::audit::cache::KEEP);
    }
    for e in &audit.errors {
        eprintln!("error: {e}");
    }
    for v in &audit.verdicts {
        println!("{:<24} {:<12} {}", v.id, v.status.as_str(), v.title);
    }
    let totals: Vec<String> = audit.totals().iter().map(|(s, n)| format!("{n} {}", s.as_str())).collect();
    println!("total: {} claims: {}", audit.verdicts.len(), totals.join(", "));
    let talk: Vec<String> = audit.talk_totals().iter().filter(|(_, n)| *n > 0).map(|(s, n)| format!("{n} {}", s.as_str())).collect();
    if !talk.is_empty() {
        println!("the talk against the paper: {}", talk.join(", "));
    }
    let uncovered = cogenesis::audit::coverage::uncovered(&audit.coverage);
    if !uncovered.is_empty() {
        println!("numbered items of the paper without a claim: {}", uncovered.join(", "));
    }
    if !audit.errors.is_empty() {
        println!("{} transcription file error(s), see above", audit.errors.len());
    }
    // a reduced run never replaces the full reports unless asked to
    let full = args.only.is_empty() && !args.no_explain && !args.no_impact;
    let target = |given: &Option<PathBuf>, default: &str| given.clone().or_else(|| full.then(|| PathBuf::from(default)));
    let (json, markdown, html) =
        (target(&args.json, "reports/audit.json"), target(&args.markdown, "reports/audit.md"), target(&args.html, "reports/audit.html"));
    if let Some(p) = &json {
        write(p, &Report::from_audit(&audit).to_json())?;
    }
    if let Some(p) = &markdown {
        write(p, &markdown_with(&audit, &sections))?;
    }
    if let Some(p) = &html {
        write(p, &cogenesis::render::html::report(&audit, &sections, Some(&args.figures)))?;
    }
    if !full && json.is_none() && markdown.is_none() && html.is_none() {
        eprintln!(
            "a reduced run (--only, --no-explain or --no-impact): reports/ left as they are; give --json, --markdown or --html to write"
        );
    }
    if !args.only.is_empty() {
        // the details of the selected claims, for a regression check in the terminal
        for v in &audit.verdicts {
            println!(
                "\n{} ({}): {}\n  printed: {}\n  derived: {}\n  {}",
                v.id,
                v.section,
                v.status.as_str(),
                v.printed,
                v.derived,
                v.detail
            );
        }
    }
    if let Some(base) = baseline {
        let mut changes = status_changes(&base, &audit);
        if !args.only.is_empty() {
            // the claims left out are not "no longer in the audit"
            changes.retain(|c| !c.ends_with("no longer in the audit"));
        }
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

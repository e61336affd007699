//! `cogenesis selftest`: perturb every confirmed claim's transcribed fields one
//! at a time and check that its verdict changes (issue 18).

use cogenesis::audit;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Only the claims whose id starts with this prefix (e.g. `eq5`, `tab3.`).
    #[arg(long)]
    only: Option<String>,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    let inputs = state.inputs()?;
    let mut baseline = audit::run(inputs);
    if let Some(prefix) = &args.only {
        baseline.verdicts.retain(|v| v.id.starts_with(prefix.as_str()));
        if baseline.verdicts.is_empty() {
            return Err(format!("no claim id starts with `{prefix}`"));
        }
    }
    let t = audit::selftest::run(inputs, &baseline);
    print!("{}", t.summary());
    Ok(if t.passed() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

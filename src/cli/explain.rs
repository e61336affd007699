//! `cogenesis explain CLAIM_ID`: the slip search for one claim.

use cogenesis::audit::run;
use cogenesis::checks::Context;
use cogenesis::claims::load_dir;
use cogenesis::explain::{SlipSpace, explain, single_variants};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The claim id, e.g. eq18 or eq59.B3.
    claim: String,
    /// Directory of transcribed claims (and slips/space.toml).
    #[arg(long, default_value = "derivations")]
    derivations: PathBuf,
}

pub fn run_cmd(args: Args) -> Result<ExitCode, String> {
    if !args.derivations.is_dir() {
        return Err(format!("derivations directory {} does not exist", args.derivations.display()));
    }
    let set = load_dir(&args.derivations);
    let space = SlipSpace::load(&args.derivations).map_err(|e| e.to_string())?;
    let claim = set.get(&args.claim).ok_or_else(|| format!("no claim `{}` in {}", args.claim, args.derivations.display()))?;
    let audit = run(&set);
    let verdict = audit.verdicts.iter().find(|v| v.id == args.claim).expect("every claim has a verdict");
    println!("{}: {} ({})", verdict.id, verdict.status.as_str(), verdict.title);
    println!("printed: {}", verdict.printed);
    println!("derived: {}", verdict.derived);
    if verdict.status != cogenesis::verdict::Status::Discrepancy {
        println!("nothing to explain: the verdict is {}", verdict.status.as_str());
        return Ok(ExitCode::SUCCESS);
    }
    let singles = single_variants(claim, &space);
    println!("slip space: {} kinds, {} single variants of this claim, pairs bounded at {}", space.kinds.len(), singles.len(), space.max_pairs);
    let s = explain(claim, &Context::new(&set), &space);
    println!("tried: {} single, {} pairs{}", s.tried_single, s.tried_pairs, if s.truncated { " (bounded)" } else { "" });
    if s.found.is_empty() {
        println!("no variant in the slip space explains this discrepancy");
    } else {
        for (k, f) in s.found.iter().enumerate() {
            println!("explanation {}: {f}", k + 1);
        }
    }
    Ok(ExitCode::SUCCESS)
}

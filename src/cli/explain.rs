//! `cogenesis explain CLAIM_ID`: the slip search for one claim.

use cogenesis::audit;
use cogenesis::audit::checks::Context;
use cogenesis::audit::explain::{explain, single_variants};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The claim id, e.g. eq18 or eq59.B3.
    claim: String,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    let inputs = state.inputs()?;
    let space = inputs.slips().map_err(|e| e.to_string())?;
    let claim = inputs.claims.get(&args.claim).ok_or_else(|| format!("no claim `{}` in {}", args.claim, state.derivations.display()))?;
    // the claim's own check, in the context the explainer's variants then reuse
    let ctx = Context::new(inputs);
    let audit = audit::run_in(&ctx, &audit::Selection::Only(vec![args.claim.clone()]), None);
    let verdict = audit.verdicts.iter().find(|v| v.id == args.claim).expect("every claim has a verdict");
    println!("{}: {} ({})", verdict.id, verdict.status.as_str(), verdict.title);
    println!("printed: {}", verdict.printed);
    println!("derived: {}", verdict.derived);
    if verdict.status != cogenesis::audit::verdict::Status::Discrepancy {
        println!("nothing to explain: the verdict is {}", verdict.status.as_str());
        return Ok(ExitCode::SUCCESS);
    }
    let singles = single_variants(claim, space);
    println!(
        "slip space: {} kinds, {} single variants of this claim, pairs bounded at {}",
        space.kinds.len(),
        singles.len(),
        space.max_pairs
    );
    let s = explain(claim, &ctx, space);
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

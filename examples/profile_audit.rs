//! The slowest claims of one audit, and of its explainer (a profile for issue 19).
//!
//! `cargo run --release --example profile_audit`
use cogenesis::transcript::inputs::Inputs;

/// CPU seconds of this process so far (all threads).
fn cpu() -> f64 {
    cogenesis::numerics::workload::process_cpu().map_or(0.0, |d| d.as_secs_f64())
}

fn main() {
    let inputs = Inputs::load(std::path::Path::new("derivations")).expect("derivations/");
    let t = std::time::Instant::now();
    let ctx = cogenesis::audit::checks::Context::new(&inputs);
    let (mut audit, mut times) = cogenesis::audit::run_timed(&ctx, &cogenesis::audit::Selection::All);
    println!("checks: {:.2} s (cpu {:.2} s)", t.elapsed().as_secs_f64(), cpu());
    times.sort_by_key(|t| std::cmp::Reverse(t.1));
    for (id, d) in times.iter().take(25) {
        println!("  {id:<32} {:8.3} s", d.as_secs_f64());
    }
    let chem = cogenesis::cosmo::point::Chem::from_inputs(&inputs).expect("chem");
    let dof = cogenesis::cosmo::relic::DarkDof::from_inputs(&inputs).expect("dof");
    let threads = cogenesis::numerics::pool::all_cores();
    let (t, c) = (std::time::Instant::now(), cpu());
    let _ = cogenesis::audit::impact::impacts(&chem, dof, threads);
    println!("impact: {:.2} s (cpu {:.2} s)", t.elapsed().as_secs_f64(), cpu() - c);
    let (t, c) = (std::time::Instant::now(), cpu());
    let _ = cogenesis::audit::conventions::support(&chem, dof, threads);
    println!("conventions: {:.2} s (cpu {:.2} s)", t.elapsed().as_secs_f64(), cpu() - c);
    if std::env::args().any(|a| a == "--numerics-only") {
        return;
    }
    let space = inputs.slips().expect("slips");
    let (t, c) = (std::time::Instant::now(), cpu());
    let mut ex = cogenesis::audit::explain::annotate_timed(&mut audit, &ctx, space);
    println!("explainer: {:.2} s (cpu {:.2} s)", t.elapsed().as_secs_f64(), cpu() - c);
    ex.sort_by_key(|t| std::cmp::Reverse(t.1));
    for (id, d) in ex.iter().take(25) {
        let v = audit.verdicts.iter().find(|v| &v.id == id).expect("explained claim");
        let tried = v.detail.rsplit("Explainer:").next().unwrap_or("");
        println!("  {id:<32} {:8.3} s {}", d.as_secs_f64(), tried.chars().take(110).collect::<String>());
    }
}

//! The broader scan of Sec. 4.4: the lowest T_RH that gives the observed Y_B
//! with general couplings, without and with tuning in Eq. (4)
//! (`cosmo::broad_scan`; the audit claims text.broad-scan-trh and
//! text.tuned-trh): `SYMBOLICA_HIDE_BANNER=1 cargo run --release --example broad_scan`.

use cogenesis::cosmo::broad_scan::{Lowest, Plan, run};
use cogenesis::cosmo::point::Chem;
use cogenesis::transcript::inputs::Inputs;

fn main() {
    let inputs = match Inputs::load(std::path::Path::new("derivations")) {
        Ok(i) => i,
        Err(e) => return eprintln!("{e}"),
    };
    // Symbolica runs here, before the workers start
    let chem = match Chem::from_inputs(&inputs) {
        Ok(c) => c,
        Err(e) => return eprintln!("{e}"),
    };
    let scan = run(&chem, &Plan::audit(), 2);
    let show = |l: &Option<Lowest>| l.map(|l| l.describe()).unwrap_or_else(|| "no point reaches Y_B^obs".into());
    println!("Fig. 5 (B1, x_RH = 30): {}", show(&scan.fig5));
    for (t, l) in &scan.untuned {
        println!("untuned, {} (tunings <= {:.2} in Eq. 4, {:.2} in B): {}", t.name, t.eq4, t.dark, show(l));
    }
    for (t, l) in &scan.tuned {
        println!("tuning {t:.0}: {}", show(l));
    }
}

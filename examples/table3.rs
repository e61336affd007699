//! Derive Table 3 ([S1] and [S2] of the ten transfer reactions of Table 2, read
//! from `derivations/`) from the Feynman rules of Eq. (2) and print it:
//! `SYMBOLICA_HIDE_BANNER=1 cargo run --release --example table3`.

use cogenesis::derive::kernels::symmetric_kernel;
use cogenesis::transcript::inputs::Inputs;

fn main() {
    let inputs = match Inputs::load(std::path::Path::new("derivations")) {
        Ok(i) => i,
        Err(e) => return eprintln!("{e}"),
    };
    let reactions = match inputs.table2_reactions() {
        Ok(r) => r,
        Err(e) => return eprintln!("{e}"),
    };
    for r in reactions {
        match symmetric_kernel(&r.process) {
            Ok(k) => println!("{}:\n  4 pi [S1] = {}\n  4 pi [S2] = {}", r.process, k.text(1), k.text(2)),
            Err(e) => println!("{}: {e}", r.process),
        }
    }
}

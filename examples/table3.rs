//! Derive Table 3 ([S1] and [S2] of the ten transfer reactions) from the
//! Feynman rules of Eq. (2) and print it:
//! `SYMBOLICA_HIDE_BANNER=1 cargo run --release --example table3`.

use cogenesis::derive::kernels::symmetric_kernel;
use cogenesis::transcript::particles::parse_process;

fn main() {
    for reaction in [
        "l H -> l^dag H^dag",
        "l H -> chi^dag phi^dag",
        "l H -> chi phi",
        "chi phi -> chi^dag phi^dag",
        "l l -> H^dag H^dag",
        "l chi -> H^dag phi^dag",
        "l chi^dag -> H^dag phi",
        "l phi -> H^dag chi^dag",
        "l phi^dag -> H^dag chi",
        "chi chi -> phi^dag phi^dag",
    ] {
        let p = parse_process(reaction).expect("a reaction in the notation of Table 2");
        match symmetric_kernel(&p) {
            Ok(k) => println!("{reaction}:\n  4 pi [S1] = {}\n  4 pi [S2] = {}", k.text(1), k.text(2)),
            Err(e) => println!("{reaction}: {e}"),
        }
    }
}

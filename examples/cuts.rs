//! The cut construction of the asymmetric reactions of Table 2:
//! `SYMBOLICA_HIDE_BANNER=1 cargo run --release --example cuts`.

use cogenesis::cas::couplings::{Flavour, Setup};
use cogenesis::derive::cuts::{cuts, squared_in_letters};
use cogenesis::transcript::particles::parse_process;

fn main() {
    for reaction in ["l H -> l^dag H^dag", "l H -> chi^dag phi^dag", "l H -> chi phi", "chi phi -> chi^dag phi^dag"] {
        let p = parse_process(reaction).expect("a reaction");
        let t = std::time::Instant::now();
        match cuts(&p) {
            Ok(c) => {
                println!("{reaction}: ({:?})", t.elapsed());
                for term in &c.terms {
                    println!(
                        "   via {} {}: Im[conj({}) ({}) ({})] x {}",
                        term.intermediate[0], term.intermediate[1], term.tree, term.first, term.second, term.kinematics
                    );
                }
                let u = [Flavour::Universal, Flavour::Universal];
                println!("   universal: {}", squared_in_letters(&c, u, &Setup::PAPER, 2));
            }
            Err(e) => println!("{reaction}: {e}"),
        }
    }
}

//! The quantum/MB ratios of the transfer collision terms (issue 15) at 20 digits.
//!
//! `cargo run --release --example quantum_statistics`

fn main() {
    let start = std::time::Instant::now();
    match cogenesis::numerics::quantum::table(&[1, 2, 3], 0.5, 20, 2) {
        Ok(rows) => {
            for r in rows {
                println!(
                    "{:<12} k={} {:<6} {:<7} T=({}, {}, {:?}) ratio {} ({:.1} digits)",
                    r.assignment, r.k, r.moment, r.treatment, r.t1, r.t2, r.t_final, r.ratio, r.digits
                );
            }
        }
        Err(e) => eprintln!("error: {e}"),
    }
    eprintln!("{:.1} s", start.elapsed().as_secs_f64());
}

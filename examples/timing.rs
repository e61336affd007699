//! Time each claim's check (diagnostic).
use cogenesis::checks::{Context, check_for};
fn main() {
    let set = cogenesis::claims::load_dir(std::path::Path::new("derivations"));
    let ctx = Context::new(&set);
    let _ = ctx.d2_rows();
    for c in &set.claims {
        if let Some(f) = check_for(&c.id) {
            let t = std::time::Instant::now();
            let _ = f(c, &ctx);
            println!("{:<26} {:>8.2} ms", c.id, t.elapsed().as_secs_f64() * 1e3);
        }
    }
}

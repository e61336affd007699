//! `cargo bench`: timings of the symbolic derivations (goal: the whole
//! asymmetry audit under 50 ms). Same code as `cogenesis bench`.

fn main() {
    // SAFETY: first statement of main, no other thread yet.
    unsafe { std::env::set_var("SYMBOLICA_HIDE_BANNER", "1") };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("derivations");
    match cogenesis::transcript::inputs::Inputs::load(&dir) {
        Ok(inputs) => print!("{}", cogenesis::bench::symbolic(&inputs, 20)),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

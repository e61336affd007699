//! Shared plumbing of the integration tests: where the transcriptions live, the
//! insta settings of the snapshots in `snapshots/`, and the Table 2 inputs of
//! the wash-out matrices. No assertions live here.
#![allow(dead_code, unused_macros)]

use cogenesis::derive::washout::Potentials;
use cogenesis::transcript::inputs::{Inputs, Reaction};
use std::path::PathBuf;

/// The committed `derivations/` directory.
pub fn derivations() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("derivations")
}

/// Assert a snapshot stored under `snapshots/<name>.snap`.
macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

/// The inputs of the committed `derivations/`, read once.
pub fn inputs() -> Inputs {
    Inputs::load(&derivations()).expect("derivations/ exists")
}

/// The Table 2 reactions as transcribed.
pub fn table2_reactions(inputs: &Inputs) -> Vec<Reaction> {
    inputs.table2_reactions().unwrap().to_vec()
}

/// The Table 2 reactions and the chemical potentials of Sec. 4.1 (Eqs. 85-88 inputs).
pub fn washout_inputs(inputs: &Inputs) -> (Vec<Reaction>, Potentials) {
    (table2_reactions(inputs), Potentials::from_inputs(inputs).unwrap())
}

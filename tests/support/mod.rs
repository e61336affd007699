//! Shared plumbing of the integration tests: where the transcriptions live, the
//! insta settings of the snapshots in `snapshots/`, and the Table 2 inputs of
//! the wash-out matrices. No assertions live here.
#![allow(dead_code, unused_macros)]

use cogenesis::checks::washout::{potentials, reactions};
use cogenesis::claims::{Claim, ClaimSet};
use cogenesis::washout::{Potentials, Reaction};
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

/// Any Table 2 row: the wash-out checks read the reactions and chemistry from it.
fn any_table2_row(set: &ClaimSet) -> &Claim {
    set.claims.iter().find(|c| c.id.starts_with("tab2.")).expect("derivations/ has Table 2 rows (tab2.*)")
}

/// The Table 2 reactions as transcribed.
pub fn table2_reactions(set: &ClaimSet) -> Vec<Reaction> {
    reactions(set, any_table2_row(set)).unwrap()
}

/// The Table 2 reactions and the chemical potentials of Sec. 4.1 (Eqs. 85-88 inputs).
pub fn washout_inputs(set: &ClaimSet) -> (Vec<Reaction>, Potentials) {
    let any = any_table2_row(set);
    (reactions(set, any).unwrap(), potentials(any).unwrap())
}

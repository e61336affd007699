//! What each finding changes in the results (issue 16): for every finding that
//! enters the numerics, the evolution is re-run with the printed form in place
//! of the derived one, and the headline results ([`crate::cosmo::headline`]: xi,
//! Y_B, Y_Dchi, m_chi^max at the B1 point of Fig. 3, the lowest T_RH) are
//! compared with those of the derivation. Findings that do not enter the
//! numerics say why.

use crate::audit::Audit;
use crate::cosmo::constants::N_G;
use crate::cosmo::headline::{Headline, TrhSearch, change, headline};
use crate::cosmo::point::{Alternative, Chem};
use crate::cosmo::relic::DarkDof;
use std::f64::consts::PI;

/// The grid size of the T_RH scans of the impact runs.
pub const IMPACT_GRID: usize = 16;

/// Y_Dchi / |Y_Lx| as derived (each Dirac chi carries L_x = 1/2, Table 1).
pub const YD_PER_YLX_DERIVED: f64 = 2.0;

/// A printed form in place of the derived one.
#[derive(Clone, Debug)]
pub struct Reading {
    /// The findings this printed form belongs to.
    pub ids: Vec<&'static str>,
    /// What is replaced, in words.
    pub what: &'static str,
    pub alternative: Alternative,
    pub yd_per_ylx: f64,
}

/// The factors between the printed sigma_{B-L}, sigma_{L_x} of Eqs. (57)-(58) and
/// Eqs. (47)-(48) with the derived \[D2\] (findings eq57, eq58).
pub const PRINTED_SOURCE_FACTORS: [f64; 2] = [-32.0 * PI * PI / 3.0, -16.0 * PI * PI / N_G];

/// The position of a Table 2 reaction in the chemistry's kernels.
fn reaction_index(chem: &Chem, text: &str) -> Option<usize> {
    chem.kernels.iter().position(|k| k.process.to_string() == text)
}

/// l l -> H^dag H^dag with the weight of Eq. (50) as printed (half that of
/// Eqs. 85-86) in omega^(1) and, by the replacement rule, in omega^(2).
pub fn printed_ll_weight(chem: &Chem) -> Option<Alternative> {
    let ll = reaction_index(chem, "l l -> H^dag H^dag")?;
    let mut s_factor = Alternative::default().s_factor;
    s_factor[0][ll] = 0.5;
    s_factor[1][ll] = 0.5;
    Some(Alternative { s_factor, ..Alternative::default() })
}

/// The printed forms that enter the numerics, one per finding (or group).
pub fn printed_readings(chem: &Chem) -> Vec<Reading> {
    let base = Alternative::default();
    let mut out = vec![
        Reading {
            ids: vec!["eq79", "eq80", "eq81", "eq82", "eq17", "eq20"],
            what: "the printed overall sign of Eqs. (79)-(82), carried into [D2] of Eqs. (17), (20) and both sources",
            alternative: Alternative { sigma_factor: [-1.0, -1.0], ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        },
        Reading {
            ids: vec!["eq57"],
            what: "sigma_{B-L} as printed in Eq. (57) (factor -32 pi^2/3 on the derived normalisation)",
            alternative: Alternative { sigma_factor: [PRINTED_SOURCE_FACTORS[0], 1.0], ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        },
        Reading {
            ids: vec!["eq58"],
            what: "sigma_{L_x} as printed in Eq. (58) (factor -16 pi^2/n_g on the derived normalisation)",
            alternative: Alternative { sigma_factor: [1.0, PRINTED_SOURCE_FACTORS[1]], ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        },
        Reading {
            ids: vec!["eq31"],
            what: "the [S2] coefficient 192/pi^4 of Eq. (31) in place of 96/pi^4",
            alternative: Alternative { energy_s2_factor: 2.0, ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        },
        Reading {
            ids: vec!["eq55"],
            what: "omega^(2)_{B-L,L_x} in the L_x equation, as Eq. (55) prints it",
            alternative: Alternative { omega2_lx_swap: true, ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        },
        Reading {
            ids: vec!["text.final-yields"],
            what: "Y_Dchi = |Y_Lx| as printed in place of 2 |Y_Lx|",
            alternative: base,
            yd_per_ylx: 1.0,
        },
    ];
    if let Some(ll) = reaction_index(chem, "l l -> H^dag H^dag") {
        let mut s2 = base.s_factor;
        s2[1][ll] = -1.0;
        out.push(Reading {
            ids: vec!["tab3.5"],
            what: "the printed sign of 4 pi [S2] of l l -> H^dag H^dag (Table 3)",
            alternative: Alternative { s_factor: s2, ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        });
    }
    if let Some(alternative) = printed_ll_weight(chem) {
        out.push(Reading {
            ids: vec!["eq50"],
            what: "the printed weight of l l -> H^dag H^dag in omega_{B-L,B-L} (half that of Eqs. 85-86), in omega^(1) and by the rule in omega^(2)",
            alternative,
            yd_per_ylx: YD_PER_YLX_DERIVED,
        });
    }
    // not a printed form: the paper's MB approximation against quantum statistics (issue 15)
    if let Ok(q) = crate::cosmo::statistics::QuantumFactors::new(chem, crate::cosmo::statistics::Treatment::FinalState) {
        out.push(Reading {
            ids: vec!["text.mb-support"],
            what: "quantum statistics (Fermi-Dirac / Bose-Einstein with Pauli blocking and Bose enhancement) in place of the MB approximation",
            alternative: Alternative { quantum: Some(q), ..base },
            yd_per_ylx: YD_PER_YLX_DERIVED,
        });
    }
    out
}

/// Why a finding does not enter the numerics of the headline results.
pub fn outside_the_numerics(id: &str) -> Option<&'static str> {
    Some(match id {
        "eq18" | "eq19" => {
            "does not enter the numerics: the sources of Eqs. (47)-(48) use the [D2] of l H -> l^dag H^dag and chi phi -> chi^dag phi^dag only"
        }
        "text.single-neutrino" | "text.y-lambda-symmetry" | "eq23" => {
            "a statement about the [D2]; no number of the evolution depends on it"
        }
        "eq59.B2" | "eq59.B3" => "a quoted number of a benchmark; the headline point uses B1, whose phases and brackets are confirmed",
        "text.y1-inverse-sqrt-m1" => "a statement in words; the evolution takes |y1| from Eqs. (4)-(5), as derived",
        "text.washout-stability" => "a statement about omega^(2) alone; the evolution uses omega^(1) + (T/M1)^2 omega^(2), which is stable",
        "eq53" => "no reading of the garbled Eq. (53) can be run; the evolution uses the derived omega",
        "eq62" => "does not enter the evolution; it sets the Delta N_eff bound on xi (Eq. 64) that the results are compared with",
        "text.na-dark-population" => {
            "a statement about an approximation the evolution shares with the paper (on-shell N_a not included); where it fails \
             (M1/T_RH = 25, |lambda1| = 0.01) xi would be up to 8% higher, the headline point (x_RH = 30, |lambda1| = 1) is not affected"
        }
        "fig4.benchmarks" => {
            "a statement in words about Fig. 4; the numbers are the derived ones and no result depends on the word 'comparable'"
        }
        _ => return None,
    })
}

/// The headline results under the derivation and under every printed form.
#[derive(Clone, Debug)]
pub struct Impacts {
    pub derived: Headline,
    pub rows: Vec<(Reading, Result<Headline, String>)>,
}

/// Run the headline results for the derivation and for each printed form.
///
/// # Errors
/// The derived headline cannot be computed.
pub fn impacts(chem: &Chem, dof: DarkDof, threads: usize) -> Result<Impacts, crate::cosmo::error::CosmoError> {
    // the derived reading's grids are the checks' (computed in full anyway); a
    // printed reading's lowest T_RH needs only the points up to it
    let derived = headline(chem, dof, YD_PER_YLX_DERIVED, IMPACT_GRID, TrhSearch::SharedGrids, threads)?;
    // the readings side by side on the pool (each a deterministic function of its reading)
    use rayon::prelude::*;
    let rows = crate::numerics::pool::install(threads, || {
        printed_readings(chem)
            .into_par_iter()
            .map(|r| {
                let alt = Chem { alternative: r.alternative, ..chem.clone() };
                let search = if r.alternative == chem.alternative { TrhSearch::SharedGrids } else { TrhSearch::Ascending };
                let h = headline(&alt, dof, r.yd_per_ylx, IMPACT_GRID, search, threads).map_err(|e| e.to_string());
                (r, h)
            })
            .collect()
    });
    Ok(Impacts { derived, rows })
}

/// The sentence of what each printed reading changes, by the finding ids it
/// belongs to (the first reading that names an id).
pub fn sentences(impacts: &Impacts) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    for (r, h) in &impacts.rows {
        let s = match h {
            Ok(h) => format!("With {}: {}.", r.what, change(&impacts.derived, h)),
            Err(e) => format!("With {}: the evolution fails ({e}).", r.what),
        };
        for id in &r.ids {
            out.entry(id.to_string()).or_insert_with(|| s.clone());
        }
    }
    out
}

/// Attach to every finding the sentence of what it changes.
pub fn annotate(audit: &mut Audit, impacts: &Impacts) {
    annotate_with(audit, &sentences(impacts));
}

/// [`annotate`] from the sentences of [`sentences`] (kept by the cache).
pub fn annotate_with(audit: &mut Audit, sentences: &std::collections::BTreeMap<String, String>) {
    for v in audit.verdicts.iter_mut().filter(|v| v.status.is_finding()) {
        v.impact = match sentences.get(&v.id) {
            Some(s) => Some(s.clone()),
            None => outside_the_numerics(&v.id).map(|s| format!("{}{}.", &s[..1].to_uppercase(), &s[1..])),
        };
    }
}

/// A Markdown table cell: a `|` inside (|Y_Lx|) must not end the cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn opt(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.3e}")).unwrap_or_else(|| "none".into())
}

/// The Markdown section of the report.
pub fn markdown(impacts: &Impacts) -> String {
    let mut s = String::from(
        "## Impact on the headline results\n\nThe evolution re-run with each printed form in place of the derived one (`src/audit/impact.rs`): \
         the final xi, Y_B and Y_Dchi and the largest asymmetric m_chi (GeV) at the B1 point of Fig. 3 (M1 = 1e10 GeV, |lambda1| = 1, \
         x_RH = 30, maximal |y1|), and the lowest T_RH (GeV) giving the observed Y_B on 16 x 16 Fig. 5 and Fig. 6 grids.\n\n\
         | reading | findings | xi | Y_B | Y_Dchi | m_chi^max | lowest T_RH | change |\n|---|---|---|---|---|---|---|---|\n",
    );
    let d = &impacts.derived;
    s.push_str(&format!("| derived | | {:.4} | {:.3e} | {:.3e} | {} | {} | |\n", d.xi, d.y_b, d.y_dchi, opt(d.m_chi_max), opt(d.t_rh_min)));
    for (r, h) in &impacts.rows {
        match h {
            Ok(h) => s.push_str(&format!(
                "| {} | {} | {:.4} | {:.3e} | {:.3e} | {} | {} | {} |\n",
                cell(r.what),
                r.ids.join(", "),
                h.xi,
                h.y_b,
                h.y_dchi,
                opt(h.m_chi_max),
                opt(h.t_rh_min),
                cell(&change(d, h))
            )),
            Err(e) => s.push_str(&format!("| {} | {} | | | | | | fails: {} |\n", cell(r.what), r.ids.join(", "), cell(e))),
        }
    }
    s.push('\n');
    s
}

//! Which claims cover each numbered item of the paper (Eqs. 1-88, Tables 1-3,
//! Figures 1-8, as listed in `derivations/paper/numbered.toml`): the table the
//! reports open with, so that "checked and fine" can be told from "never looked at".

use crate::audit::verdict::{Status, Verdict};
use crate::transcript::claims::ClaimSet;
use crate::transcript::index::Index;
use serde::{Deserialize, Serialize};

/// One claim covering an item, with its verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Covering {
    pub claim: String,
    pub status: Status,
}

/// One numbered item of the paper and the claims that cover it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageRow {
    /// `eq29`, `tab3`, `fig8`.
    pub item: String,
    /// `Eq. (29)`, `Table 3`, `Fig. 8`.
    pub label: String,
    pub section: String,
    pub claims: Vec<Covering>,
}

impl CoverageRow {
    /// The verdicts of the covering claims, worst first: a discrepancy, then
    /// ambiguous, unchecked, definition, confirmed.
    pub fn summary(&self) -> Status {
        let rank = |s: Status| match s {
            Status::Discrepancy => 0,
            Status::Ambiguous => 1,
            Status::Unchecked => 2,
            Status::Differs => 3,
            Status::Definition => 4,
            Status::Agrees => 5,
            Status::Confirmed => 6,
        };
        self.claims.iter().map(|c| c.status).min_by_key(|s| rank(*s)).unwrap_or(Status::Unchecked)
    }
}

/// The coverage of every item of the index by the audited claims (a claim
/// counts for the items its id, `equation` and `covers` name; the talk's
/// claims cover nothing of the paper).
pub fn coverage(index: &Index, claims: &ClaimSet, verdicts: &[Verdict]) -> Vec<CoverageRow> {
    index
        .items()
        .map(|(item, section)| {
            let covering = claims
                .claims
                .iter()
                .filter(|c| !c.id.starts_with("talk.") && c.items().contains(&item))
                .filter_map(|c| verdicts.iter().find(|v| v.id == c.id).map(|v| Covering { claim: c.id.clone(), status: v.status }))
                .collect();
            CoverageRow { item: item.id(), label: item.label(), section: section.to_string(), claims: covering }
        })
        .collect()
}

/// The items no claim covers.
pub fn uncovered(rows: &[CoverageRow]) -> Vec<&str> {
    rows.iter().filter(|r| r.claims.is_empty()).map(|r| r.item.as_str()).collect()
}

//! The paper's numbered items: equations (1)-(88), Tables 1-3 and Figures 1-8,
//! by section, as transcribed in `derivations/paper/numbered.toml`. The audit's
//! coverage table (`audit::coverage`) lists, for each item, the claims that
//! cover it; `tests/coverage.rs` fails when an item has none.

use crate::transcript::error::{Location, TranscriptionError};
use serde::Deserialize;
use std::path::Path;

/// The index file, relative to the derivations directory.
pub const NUMBERED: &str = "paper/numbered.toml";

/// One numbered item of the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Equation(u32),
    Table(u32),
    Figure(u32),
}

impl Item {
    /// `eq29`, `tab3`, `fig8` (the shape of a claim id's head).
    ///
    /// ```
    /// use cogenesis::transcript::index::Item;
    /// assert_eq!(Item::parse("eq29"), Some(Item::Equation(29)));
    /// assert_eq!(Item::parse("fig3"), Some(Item::Figure(3)));
    /// assert_eq!(Item::parse("text"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Item> {
        let num =
            |p: &str| s.strip_prefix(p).filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).and_then(|n| n.parse().ok());
        num("eq").map(Item::Equation).or_else(|| num("tab").map(Item::Table)).or_else(|| num("fig").map(Item::Figure))
    }

    /// The short name used in claim ids (`eq29`).
    pub fn id(self) -> String {
        match self {
            Item::Equation(n) => format!("eq{n}"),
            Item::Table(n) => format!("tab{n}"),
            Item::Figure(n) => format!("fig{n}"),
        }
    }

    /// How the paper names it (`Eq. (29)`, `Table 3`, `Fig. 8`).
    pub fn label(self) -> String {
        match self {
            Item::Equation(n) => format!("Eq. ({n})"),
            Item::Table(n) => format!("Table {n}"),
            Item::Figure(n) => format!("Fig. {n}"),
        }
    }
}

/// The numbered items of one section.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// `2.1`, `A`, ...
    pub id: String,
    pub items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    section: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    #[serde(default)]
    equations: Vec<u32>,
    #[serde(default)]
    tables: Vec<u32>,
    #[serde(default)]
    figures: Vec<u32>,
}

/// The numbered items of the paper, by section, in the paper's order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Index {
    pub sections: Vec<Section>,
}

impl Index {
    /// Every item with its section.
    pub fn items(&self) -> impl Iterator<Item = (Item, &str)> {
        self.sections.iter().flat_map(|s| s.items.iter().map(move |i| (*i, s.id.as_str())))
    }
}

/// Read `paper/numbered.toml` below `dir`.
///
/// # Errors
/// The file is missing, is not valid TOML, or lists an item twice (with its line).
pub fn load(dir: &Path) -> Result<Index, TranscriptionError> {
    let file = dir.join(NUMBERED);
    let at = |line: Option<usize>| Location { file: file.clone(), line, column: None };
    let text = std::fs::read_to_string(&file).map_err(|e| TranscriptionError::Io { location: at(None), message: e.to_string() })?;
    let raw: Raw = toml::from_str(&text).map_err(|e| TranscriptionError::Toml {
        location: at(e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)),
        message: e.message().to_string(),
    })?;
    let mut seen = std::collections::BTreeSet::new();
    let mut sections = vec![];
    for s in raw.section {
        let items: Vec<Item> = s
            .equations
            .iter()
            .map(|n| Item::Equation(*n))
            .chain(s.tables.iter().map(|n| Item::Table(*n)))
            .chain(s.figures.iter().map(|n| Item::Figure(*n)))
            .collect();
        for i in &items {
            if !seen.insert(*i) {
                return Err(TranscriptionError::Toml {
                    location: at(None),
                    message: format!("{} is listed twice (again in section {})", i.label(), s.id),
                });
            }
        }
        sections.push(Section { id: s.id, items });
    }
    Ok(Index { sections })
}

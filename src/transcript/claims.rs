//! Loading the transcribed claims of `derivations/*.toml` (format documented in
//! `derivations/README.md`). Every printed expression is parsed with Symbolica
//! at load time; a file or an expression that does not parse is reported with
//! its file, claim and position, and the other claims are still loaded.

use crate::transcript::error::{Location, ParseError, TranscriptionError};
pub use crate::transcript::index::Item;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use symbolica::atom::Atom;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRaw {
    #[serde(default)]
    claim: Vec<ClaimRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRaw {
    id: Spanned<String>,
    section: String,
    #[serde(default)]
    equation: Option<String>,
    title: String,
    #[serde(default)]
    printed: Option<Spanned<String>>,
    #[serde(default)]
    latex: Option<String>,
    #[serde(default)]
    quoted: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    ambiguous: Option<String>,
    #[serde(default)]
    artefacts: Vec<String>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    covers: Vec<Spanned<String>>,
    #[serde(default)]
    used_by: Vec<String>,
}

/// A quoted value: a printed number or expression, kept as text.
#[derive(Clone, Debug)]
pub struct Quoted {
    pub text: String,
    pub location: Location,
}

/// A transcribed claim of the paper.
#[derive(Clone, Debug)]
pub struct Claim {
    pub id: String,
    pub section: String,
    pub equation: Option<String>,
    pub title: String,
    /// The printed expression as transcribed (Symbolica syntax).
    pub printed: Option<String>,
    /// The parsed printed expression, or why it could not be parsed.
    pub parsed: Option<Result<Atom, ParseError>>,
    pub printed_location: Location,
    pub latex: Option<String>,
    pub quoted: BTreeMap<String, Quoted>,
    pub note: Option<String>,
    /// Set when the printed text is garbled in the transcription: why.
    pub ambiguous: Option<String>,
    /// Symbols of the printed expression whose printed form the transcription
    /// judges a conversion artefact of the source text (the reason in `note`);
    /// a check reports a difference in them as such, apart from the findings.
    pub artefacts: Vec<String>,
    /// Extra real symbols the printed expression uses (declared per claim).
    pub symbols: Vec<String>,
    /// Numbered items of the paper the claim also covers (`eq30`, `fig3`),
    /// beyond the one its id and `equation` name.
    pub covers: Vec<Item>,
    /// For a definition: the claims that use it.
    pub used_by: Vec<String>,
    pub location: Location,
}

impl Claim {
    /// A hash of everything transcribed for this claim (every field but the
    /// parse of `printed`, which follows from it), with its file and line: the
    /// key of its cached verdict (`audit::cache`). Stable within one build.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        let Claim {
            id,
            section,
            equation,
            title,
            printed,
            parsed: _,
            printed_location,
            latex,
            quoted,
            note,
            ambiguous,
            artefacts,
            symbols,
            covers,
            used_by,
            location,
        } = self;
        (id, section, equation, title, printed, latex, note, ambiguous, artefacts, symbols, used_by).hash(&mut h);
        for (k, q) in quoted {
            (k, &q.text, format!("{:?}", q.location)).hash(&mut h);
        }
        (format!("{printed_location:?}"), format!("{covers:?}"), format!("{location:?}")).hash(&mut h);
        h.finish()
    }

    /// Every numbered item of the paper the claim covers: the one its id names
    /// (`eq17`, `tab3.5`, `fig8.mass-range`), its `equation` (one number or a
    /// range `29-30`) and its `covers` list.
    pub fn items(&self) -> Vec<Item> {
        let mut out: Vec<Item> = vec![];
        if let Some(i) = Item::parse(self.id.split('.').next().unwrap_or("")) {
            out.push(i);
        }
        if let Some(e) = &self.equation {
            let (a, b) = e.split_once('-').unwrap_or((e, e));
            if let (Ok(a), Ok(b)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) {
                out.extend((a..=b).map(Item::Equation));
            }
        }
        out.extend(self.covers.iter().copied());
        out.sort();
        out.dedup();
        out
    }

    /// The parsed printed expression or a located error.
    pub fn expression(&self) -> Result<&Atom, TranscriptionError> {
        match &self.parsed {
            Some(Ok(a)) => Ok(a),
            Some(Err(m)) => Err(TranscriptionError::Parse {
                location: self.printed_location.clone(),
                claim: self.id.clone(),
                field: "printed".into(),
                message: m.to_string(),
            }),
            None => Err(TranscriptionError::Claim {
                location: self.location.clone(),
                claim: self.id.clone(),
                message: "has no `printed` expression".into(),
            }),
        }
    }

    /// A quoted value parsed as a Symbolica expression.
    pub fn quoted_expression(&self, key: &str) -> Result<Atom, TranscriptionError> {
        let q = self.quoted.get(key).ok_or_else(|| TranscriptionError::Claim {
            location: self.location.clone(),
            claim: self.id.clone(),
            message: format!("missing quoted value `{key}`"),
        })?;
        parse_expression(&q.text).map_err(|m| TranscriptionError::Parse {
            location: q.location.clone(),
            claim: self.id.clone(),
            field: format!("quoted.{key}"),
            message: m.to_string(),
        })
    }

    /// A quoted decimal number with the number of decimals printed.
    pub fn quoted_decimal(&self, key: &str) -> Result<(f64, usize), TranscriptionError> {
        let q = self.quoted.get(key).ok_or_else(|| TranscriptionError::Claim {
            location: self.location.clone(),
            claim: self.id.clone(),
            message: format!("missing quoted value `{key}`"),
        })?;
        parse_decimal(&q.text).ok_or_else(|| TranscriptionError::Claim {
            location: q.location.clone(),
            claim: self.id.clone(),
            message: format!("quoted.{key} = {:?} is not a decimal number", q.text),
        })
    }

    /// Located error for this claim.
    pub fn error(&self, message: impl Into<String>) -> TranscriptionError {
        TranscriptionError::Claim { location: self.location.clone(), claim: self.id.clone(), message: message.into() }
    }

    /// Located lowering error for the printed field.
    pub fn lower_error(&self, e: crate::transcript::error::LowerError) -> TranscriptionError {
        TranscriptionError::Lower {
            location: self.printed_location.clone(),
            claim: self.id.clone(),
            field: "printed".into(),
            message: e.to_string(),
        }
    }
}

/// Parse a decimal number such as `-1.57`, returning the value and the number
/// of digits after the decimal point.
///
/// ```
/// use cogenesis::transcript::claims::parse_decimal;
/// assert_eq!(parse_decimal("0.00"), Some((0.0, 2)));
/// assert_eq!(parse_decimal("-1.57"), Some((-1.57, 2)));
/// assert_eq!(parse_decimal("1e3"), None);
/// ```
pub fn parse_decimal(s: &str) -> Option<(f64, usize)> {
    let t = s.trim();
    let v: f64 = t.parse().ok()?;
    if !v.is_finite() || t.contains(['e', 'E']) {
        return None;
    }
    let decimals = t.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
    Some((v, decimals))
}

/// Parse a transcribed expression with Symbolica. Errors carry Symbolica's
/// line/column message; the caller adds file and claim. Never panics.
pub fn parse_expression(s: &str) -> Result<Atom, ParseError> {
    if s.trim().is_empty() {
        return Err(ParseError("empty expression".into()));
    }
    // Symbolica's parser is not expected to panic, but a transcription is
    // user input: contain any panic and report it as a parse error.
    let owned = s.to_string();
    let res = std::panic::catch_unwind(move || symbolica::try_parse!(owned.as_str()));
    match res {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(ParseError(e.to_string().trim_end().replace('\n', " | "))),
        Err(_) => Err(ParseError("the expression parser failed on this input".into())),
    }
}

/// All claims found in a directory, plus the errors of files that could not be read.
#[derive(Default, Debug)]
pub struct ClaimSet {
    pub claims: Vec<Claim>,
    pub errors: Vec<TranscriptionError>,
}

impl ClaimSet {
    pub fn get(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}

/// Byte offset to 1-based (line, column).
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

fn loc(file: &Path, text: &str, offset: usize) -> Location {
    let (l, c) = line_col(text, offset);
    Location { file: file.to_path_buf(), line: Some(l), column: Some(c) }
}

/// Load one claims file from its text.
pub fn load_str(file: &Path, text: &str, set: &mut ClaimSet) {
    let raw: FileRaw = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let location = match e.span() {
                Some(sp) => loc(file, text, sp.start),
                None => Location { file: file.to_path_buf(), line: None, column: None },
            };
            set.errors.push(TranscriptionError::Toml { location, message: e.message().to_string() });
            return;
        }
    };
    for c in raw.claim {
        let location = loc(file, text, c.id.span().start);
        let id = c.id.into_inner();
        if let Some(first) = set.claims.iter().find(|x| x.id == id) {
            set.errors.push(TranscriptionError::Duplicate { location, claim: id, first: first.location.clone() });
            continue;
        }
        if !valid_id(&id) {
            set.errors.push(TranscriptionError::Claim {
                location,
                claim: id,
                message: "claim ids are eqN, eqN.PART, tabN.ROW, figN.SLUG, text.SLUG or talk.SLUG".into(),
            });
            continue;
        }
        let (printed, parsed, printed_location) = match c.printed {
            Some(p) => {
                // point at the first character inside the quotes
                let l = loc(file, text, p.span().start + 1);
                let s = p.into_inner();
                let parsed = parse_expression(&s);
                (Some(s), Some(parsed), l)
            }
            None => (None, None, location.clone()),
        };
        let quoted = c
            .quoted
            .into_iter()
            .map(|(k, v)| {
                let l = loc(file, text, v.span().start);
                (k, Quoted { text: v.into_inner(), location: l })
            })
            .collect();
        let mut covers = vec![];
        let mut bad_cover = None;
        for c in &c.covers {
            match Item::parse(c.get_ref()) {
                Some(i) => covers.push(i),
                None => bad_cover = Some((loc(file, text, c.span().start), c.get_ref().clone())),
            }
        }
        if let Some((location, what)) = bad_cover {
            set.errors.push(TranscriptionError::Claim {
                location,
                claim: id,
                message: format!("covers {what:?}: the paper's numbered items are eqN, tabN and figN"),
            });
            continue;
        }
        set.claims.push(Claim {
            id,
            section: c.section,
            equation: c.equation,
            title: c.title,
            printed,
            parsed,
            printed_location,
            latex: c.latex,
            quoted,
            note: c.note,
            ambiguous: c.ambiguous,
            artefacts: c.artefacts,
            symbols: c.symbols,
            covers,
            used_by: c.used_by,
            location,
        });
    }
}

/// Whether an id has one of the documented shapes.
///
/// ```
/// use cogenesis::transcript::claims::valid_id;
/// assert!(valid_id("eq17") && valid_id("eq59.B3") && valid_id("tab2.row1") && valid_id("text.footnote9"));
/// assert!(valid_id("talk.m-chi"));
/// assert!(!valid_id("equation17") && !valid_id("text") && !valid_id("eq.1"));
/// ```
pub fn valid_id(id: &str) -> bool {
    let (head, part) = match id.split_once('.') {
        Some((h, p)) => (h, Some(p)),
        None => (id, None),
    };
    let part_ok = part.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'));
    let num = |prefix: &str| head.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    part_ok && (num("eq") || num("tab") || num("fig") || ((head == "text" || head == "talk") && part.is_some()))
}

/// Load every `*.toml` file of a directory (sorted by name).
pub fn load_dir(dir: &Path) -> ClaimSet {
    let mut set = ClaimSet::default();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect(),
        Err(e) => {
            set.errors.push(TranscriptionError::Io {
                location: Location { file: dir.to_path_buf(), line: None, column: None },
                message: e.to_string(),
            });
            return set;
        }
    };
    files.sort();
    for f in files {
        match std::fs::read_to_string(&f) {
            Ok(text) => load_str(&f, &text, &mut set),
            Err(e) => set
                .errors
                .push(TranscriptionError::Io { location: Location { file: f.clone(), line: None, column: None }, message: e.to_string() }),
        }
    }
    set
}

//! Articles added in the page — pasted text or dropped files — and the JSON bundle that keeps,
//! exports and imports them.
//!
//! The page calls [`LocalArticle::from_file`] (or [`LocalArticle::from_pasted`]) once per file, so
//! it can show progress and a per-file error; keeps the additions in a [`LocalArticles`]; and
//! builds the corpus it shows with [`crate::Corpus::with_local`] (the embedded articles plus the
//! added ones, with the same profile and aliases, stances tagged and the index rebuilt). The
//! additions persist one record each in the browser's database, laid out by [`Shelf`]; they are
//! exported and imported as a [`Bundle`] (`LocalArticles::to_bundle` → [`Bundle::to_json`], read
//! back with [`Bundle::from_json`]), the JSON earlier versions also kept in local storage.
//!
//! An added article keeps its extracted text (not the original bytes), so a bundle is small and
//! re-ingesting it gives the same article. Its id starts with [`PREFIX`]: a shared link naming such
//! an id can tell its recipient that the article was added locally by the sender
//! ([`missing_notice`]).

mod shelf;

pub use shelf::{key_range, record_key, Changes, Kept, Shelf, UnreadableRecord};

use crate::date::Date;
use crate::error::{CorpusError, ErrorKind};
use crate::formats::{self, Extracted, Format};
use crate::ingest::{Article, Meta};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Every id of an added article starts with this.
pub const PREFIX: &str = "local-";

/// The `format` field of a bundle.
pub const BUNDLE_FORMAT: &str = "parallax-local-articles";

/// The bundle version this code writes and the newest it reads.
pub const BUNDLE_VERSION: u32 = 1;

/// Whether an article id is one of an added article.
pub fn is_local_id(id: &str) -> bool {
    id.starts_with(PREFIX)
}

/// For a link naming an article this page does not have: when the id is one of an added
/// article, a sentence telling the recipient so (the sender added it in their own browser).
/// The sentence is the one of [`NoticeKind::AddedElsewhere`](crate::view_state::NoticeKind).
pub fn missing_notice(id: &str) -> Option<String> {
    is_local_id(id).then(|| {
        crate::view_state::Notice::from(crate::view_state::NoticeKind::AddedElsewhere {
            id: id.to_string(),
        })
        .to_string()
    })
}

/// One added article: its extracted text and what its markup said, enough to ingest it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalArticle {
    /// Its id: [`PREFIX`], a slug of the file name, and 8 hex digits of a hash of the text.
    pub id: String,
    /// The name of the dropped file (`pasted.txt` for pasted text).
    pub file_name: String,
    /// The format it was read from.
    pub format: Format,
    /// The article text as ingested (for Markdown and HTML, the extracted text).
    pub text: String,
    /// The headline the markup stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet the markup named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The date the markup stated, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When it was added, as the page wrote it (an ISO timestamp); the core has no clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<String>,
}

/// FNV-1a, 32 bit, for short content ids.
fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A URL-friendly slug of a file name's stem: lower-case ASCII letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "article".into()
    } else {
        out.into()
    }
}

impl LocalArticle {
    /// Reads one dropped file (`name` with its extension, and its bytes): `.txt`, `.md` or `.html`.
    /// The error is about this file only, as a sentence naming it.
    pub fn from_file(name: &str, bytes: &[u8]) -> Result<LocalArticle, CorpusError> {
        let Some(format) = Format::from_name(name) else {
            return Err(CorpusError::new(
                ErrorKind::Unsupported,
                Path::new(name),
                None,
                "this is not an article file",
                format!(
                    "Add articles as {} files, or paste their text",
                    formats::EXTENSIONS
                ),
            ));
        };
        let ex = formats::extract(format, Path::new(name), bytes)?;
        Ok(LocalArticle::new(name, format, ex))
    }

    /// Reads a page the browser parsed itself (its `DOMParser`, turned into a
    /// [`crate::formats::dom::Dom`]): the same extraction rules as for `.html` files at build time,
    /// without a parser in the wasm. Decode the file's bytes with
    /// [`crate::formats::charset::decode`] first, and add its note to the article's if it has one.
    pub fn from_dom(
        name: &str,
        dom: &crate::formats::dom::Dom,
    ) -> Result<LocalArticle, CorpusError> {
        let ex = crate::formats::dom::extract(dom);
        let ex = formats::has_text(Format::Html, Path::new(name), dom.is_empty(), ex)?;
        Ok(LocalArticle::new(name, Format::Html, ex))
    }

    /// Reads pasted text; HTML or Markdown is recognised by its start ([`Format::sniff`]).
    /// Where this build does not read Markdown, it is taken as plain text. Where it does not read
    /// HTML, pasted HTML is refused (`ErrorKind::Unsupported`): parse it with the browser and call
    /// [`LocalArticle::from_dom`] instead.
    pub fn from_pasted(text: &str) -> Result<LocalArticle, CorpusError> {
        let format = match Format::sniff(text) {
            Format::Markdown if !Format::Markdown.supported() => Format::Text,
            f => f,
        };
        let name = format!("pasted.{}", format.as_str());
        let ex = formats::extract(format, Path::new("pasted text"), text.as_bytes())?;
        Ok(LocalArticle::new(&name, format, ex))
    }

    fn new(name: &str, format: Format, ex: Extracted) -> LocalArticle {
        let file_name = Path::new(name)
            .file_name()
            .map_or_else(|| name.to_string(), |f| f.to_string_lossy().into_owned());
        LocalArticle {
            id: format!(
                "{PREFIX}{}-{:08x}",
                slug(&file_name),
                fnv1a32(ex.text.as_bytes())
            ),
            file_name,
            format,
            text: ex.text,
            title: ex.title,
            outlet: ex.outlet,
            date: ex.date.map(|d| d.to_string()),
            added: None,
        }
    }

    /// Ingests it (the same code as the build), noting that it was added locally.
    pub fn article(&self) -> Article {
        let ex = Extracted {
            text: self.text.clone(),
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            date: self.date.as_deref().and_then(Date::parse_iso),
            url: None,
            notes: vec![format!(
                "added locally in this browser from {} ({})",
                self.file_name,
                self.format.as_str()
            )],
        };
        formats::ingest_extracted(&self.id, &self.file_name, &ex, &Meta::default())
    }
}

/// The articles added in this browser, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalArticles {
    /// The additions.
    pub articles: Vec<LocalArticle>,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Ids of the articles added.
    pub added: Vec<String>,
    /// Ids already present (the same text was added before), left as they were.
    pub already_there: Vec<String>,
    /// Things worth telling, as sentences.
    pub notes: Vec<String>,
}

impl LocalArticles {
    /// Adds an article, unless the same text was added already (under any name): then the error
    /// names it.
    pub fn add(&mut self, article: LocalArticle) -> Result<(), CorpusError> {
        if let Some(same) = self
            .articles
            .iter()
            .find(|a| a.id == article.id || a.text == article.text)
        {
            return Err(CorpusError::new(
                ErrorKind::DuplicateId,
                Path::new(&article.file_name),
                None,
                format!(
                    "the same text was already added (from {}, as “{}”)",
                    same.file_name, same.id
                ),
                "Remove that one first to add it again",
            ));
        }
        self.articles.push(article);
        Ok(())
    }

    /// Removes the article with this id; false when there was none.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.id != id);
        self.articles.len() != before
    }

    /// The article with this id.
    pub fn get(&self, id: &str) -> Option<&LocalArticle> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The bundle that stores or exports them, naming the corpus they were added to.
    pub fn to_bundle(&self, corpus: &str) -> Bundle {
        Bundle {
            format: BUNDLE_FORMAT.into(),
            version: BUNDLE_VERSION,
            corpus: corpus.into(),
            articles: self.articles.clone(),
            annotations: Vec::new(),
        }
    }

    /// Adds a bundle's articles (those not already here), for an import. `corpus` is the name of
    /// the corpus of this page: a bundle made over another one is still read, with a note.
    pub fn import(&mut self, bundle: Bundle, corpus: &str) -> ImportReport {
        let mut report = ImportReport::default();
        if bundle.corpus != corpus && !bundle.corpus.is_empty() {
            report.notes.push(format!(
                "the bundle was made over the corpus “{}”, this page has “{corpus}”; its articles were added all the same",
                bundle.corpus
            ));
        }
        for a in bundle.articles {
            let id = a.id.clone();
            match self.add(a) {
                Ok(()) => report.added.push(id),
                Err(_) => report.already_there.push(id),
            }
        }
        report
    }
}

/// The JSON form of local additions (versioned): what the page stores, exports and imports.
///
/// ```json
/// {
///   "format": "parallax-local-articles",
///   "version": 1,
///   "corpus": "seeds",
///   "articles": [
///     { "id": "local-minsk-talks-1a2b3c4d", "file_name": "minsk-talks.html", "format": "html",
///       "text": "date 2020-08-27\n\nTalks in Minsk\n\nMINSK — …\n", "title": "Talks in Minsk",
///       "outlet": "Harbour Daily", "date": "2020-08-27", "added": "2026-11-22T07:00:00Z" }
///   ],
///   "annotations": []
/// }
/// ```
///
/// `title`, `outlet`, `date`, `added` and `annotations` may be left out. Annotations are kept as
/// they are, for the page's own use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// [`BUNDLE_VERSION`] when written by this code.
    pub version: u32,
    /// The name of the corpus the articles were added to.
    #[serde(default)]
    pub corpus: String,
    /// The added articles.
    pub articles: Vec<LocalArticle>,
    /// The page's annotations, if any (kept as they are).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<serde_json::Value>,
}

/// Why a bundle cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BundleError {
    /// The file is not JSON.
    NotJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// It is JSON, but not a Parallax bundle.
    NotABundle,
    /// A newer Parallax wrote it.
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// A field is missing or has the wrong type.
    Invalid(String),
    /// One article of the bundle cannot be used.
    Article {
        /// 1-based position in the bundle.
        position: usize,
        /// Its id as written.
        id: String,
        /// What is wrong, as a sentence fragment.
        problem: String,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotJson { line, column } => write!(
                f,
                "the file is not JSON (the problem is at line {line}, column {column}). Choose a bundle exported by Parallax (a .json file)"
            ),
            BundleError::NotABundle => write!(
                f,
                "the file is JSON but not a Parallax bundle (it has no \"format\": \"{BUNDLE_FORMAT}\"). Choose a bundle exported by Parallax"
            ),
            BundleError::NewerVersion { found } => write!(
                f,
                "the bundle has version {found}, but this page reads versions up to {BUNDLE_VERSION}. Open it with a newer build of Parallax"
            ),
            BundleError::Invalid(why) => write!(
                f,
                "the bundle is damaged ({why}). Export it again from the page that made it"
            ),
            BundleError::Article { position, id, problem } => write!(
                f,
                "article {position} of the bundle (“{id}”) cannot be used: {problem}. Export the bundle again, or remove that article from it"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// The bundle as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Plain owned data with string keys always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads and checks a bundle: its format and version, then each article (an id starting
    /// with [`PREFIX`] made of URL-safe characters and unique, some text, a valid date).
    pub fn from_json(json: &str) -> Result<Bundle, BundleError> {
        let value: serde_json::Value = serde_json::from_str(json.trim_start_matches('\u{feff}'))
            .map_err(|e| BundleError::NotJson {
                line: e.line(),
                column: e.column(),
            })?;
        if value.get("format").and_then(|f| f.as_str()) != Some(BUNDLE_FORMAT) {
            return Err(BundleError::NotABundle);
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(BUNDLE_VERSION) => {
                return Err(BundleError::NewerVersion { found: v })
            }
            Some(0) | None => {
                return Err(BundleError::Invalid(
                    "its \"version\" is missing or not a positive whole number".into(),
                ))
            }
            Some(_) => {}
        }
        let bundle: Bundle =
            serde_json::from_value(value).map_err(|e| BundleError::Invalid(e.to_string()))?;
        let mut seen = std::collections::HashSet::new();
        for (i, a) in bundle.articles.iter().enumerate() {
            let problem = if !is_local_id(&a.id)
                || a.id.len() > 80
                || !a.id[PREFIX.len()..]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                Some(format!(
                    "its id must start with “{PREFIX}” and hold only letters, digits, - and _"
                ))
            } else if !seen.insert(a.id.as_str()) {
                Some("another article of the bundle has the same id".into())
            } else if a.text.trim().is_empty() {
                Some("its text is empty".into())
            } else if a
                .date
                .as_deref()
                .is_some_and(|d| Date::parse_iso(d).is_none())
            {
                Some("its date is not a calendar date in the form YYYY-MM-DD".into())
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(BundleError::Article {
                    position: i + 1,
                    id: a.id.clone(),
                    problem,
                });
            }
        }
        Ok(bundle)
    }
}

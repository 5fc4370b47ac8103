//! Articles a reader adds in the page: pasted or dropped, kept in the browser's local storage, and
//! merged with the embedded corpus by the same core code the build uses (ingest, date inference,
//! index, stances, reuse).

use leptos::prelude::*;
use parallax_core::view_state::LOCAL_PREFIX;
use parallax_core::{ingest_text, Corpus};
use serde::{Deserialize, Serialize};

/// One added article, as stored: the raw text is kept, everything else is recomputed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalArticle {
    /// Id in the corpus (`local_…`).
    pub id: String,
    /// The file it came from, or a name for a pasted text.
    pub file_name: String,
    /// The text.
    pub text: String,
}

/// The format of an exported bundle of local additions.
pub const BUNDLE_FORMAT: &str = "parallax-local-articles";
/// Its version.
pub const BUNDLE_VERSION: u32 = 1;

/// A bundle: the reader's additions, to carry to another browser.
#[derive(Debug, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// [`BUNDLE_VERSION`].
    pub version: u32,
    /// The embedded corpus the additions were made over (name and version), for reference.
    pub corpus: String,
    /// Its version.
    pub corpus_version: String,
    /// The articles.
    pub articles: Vec<LocalArticle>,
}

/// Largest file accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

fn storage_key(corpus: &Corpus) -> String {
    format!("parallax.local.v1.{}", corpus.name)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The additions kept for this corpus (none if storage is unavailable or unreadable).
pub fn load(embedded: &Corpus) -> Vec<LocalArticle> {
    storage()
        .and_then(|s| s.get_item(&storage_key(embedded)).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Keeps the additions; the error is a sentence (storage full or disabled).
pub fn save(embedded: &Corpus, articles: &[LocalArticle]) -> Result<(), String> {
    let s = storage().ok_or("This browser does not let the page keep data (local storage is off), so additions last until you reload.")?;
    let json = serde_json::to_string(articles).map_err(|e| e.to_string())?;
    s.set_item(&storage_key(embedded), &json).map_err(|_| {
        "The browser's storage for this page is full; remove some added articles, or export them first.".to_string()
    })
}

/// A file-name stem made safe as an id: letters, digits, `-` and `_`.
fn stem_id(file_name: &str) -> String {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(s, _)| s)
        .trim();
    let mut id: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    if id.trim_matches('-').is_empty() {
        id = "pasted".into();
    }
    id
}

/// A fresh local id for a file name, not used by the corpus or the other additions.
pub fn new_id(file_name: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{LOCAL_PREFIX}{}", stem_id(file_name));
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Checks one file's bytes and returns its text, or why it cannot be added.
pub fn read_text(file_name: &str, bytes: &[u8]) -> Result<String, String> {
    let lower = file_name.to_lowercase();
    if !(lower.ends_with(".txt") || lower.ends_with(".text") || !lower.contains('.')) {
        return Err(format!(
            "{file_name}: only plain-text article files (.txt) can be added in the page"
        ));
    }
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "{file_name}: the file is {:.1} MB; files over {} MB are not added",
            bytes.len() as f64 / 1e6,
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{file_name}: not UTF-8 text (byte {} is not valid); save it as UTF-8 and try again",
            e.valid_up_to()
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(format!("{file_name}: the file is empty"));
    }
    if text.contains('\0') {
        return Err(format!(
            "{file_name}: the file holds NUL bytes; it is not a text file"
        ));
    }
    Ok(text.to_string())
}

/// The embedded corpus with the additions: ingested, dated, indexed and tagged like the rest. The
/// corpus lives as long as the page (views borrow it for the page's life).
pub fn merged(embedded: &'static Corpus, local: &[LocalArticle]) -> &'static Corpus {
    if local.is_empty() {
        return embedded;
    }
    let mut articles = embedded.articles.clone();
    for l in local {
        articles.push(ingest_text(
            &l.id,
            &l.file_name,
            &l.text,
            &Default::default(),
        ));
    }
    let corpus = Corpus::build(
        &embedded.name,
        articles,
        &embedded.index.aliases,
        embedded.profile.clone(),
    );
    Box::leak(Box::new(corpus))
}

/// What the app knows about local additions, shared through the context.
#[derive(Clone, Copy)]
pub struct Local {
    /// The embedded corpus.
    pub embedded: &'static Corpus,
    /// The additions.
    pub articles: RwSignal<Vec<LocalArticle>>,
    /// The corpus the views show: embedded plus additions.
    pub corpus: RwSignal<&'static Corpus>,
    /// The last drop or paste: ids added, what was refused and why, and the progress of a drop
    /// under way. Kept here, since adding rebuilds the corpus and redraws the page.
    pub report: RwSignal<Report>,
}

/// What the last addition did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Ids added.
    pub added: Vec<String>,
    /// Files refused, each with the reason.
    pub problems: Vec<String>,
    /// While a drop is read: (files done, files, what is happening).
    pub progress: Option<(usize, usize, String)>,
}

impl Local {
    /// Loads what this browser kept.
    pub fn new(embedded: &'static Corpus) -> Local {
        let kept = load(embedded);
        Local {
            embedded,
            corpus: RwSignal::new(merged(embedded, &kept)),
            articles: RwSignal::new(kept),
            report: RwSignal::new(Report::default()),
        }
    }

    /// Whether an article was added in this browser.
    pub fn is_local(&self, id: &str) -> bool {
        id.starts_with(LOCAL_PREFIX)
            && self
                .articles
                .with_untracked(|l| l.iter().any(|a| a.id == id))
    }

    /// Replaces the additions: stores them and rebuilds the corpus. The error says why they could
    /// not be kept (they are still shown until the page reloads).
    pub fn set(&self, articles: Vec<LocalArticle>) -> Result<(), String> {
        let saved = save(self.embedded, &articles);
        self.corpus.set(merged(self.embedded, &articles));
        self.articles.set(articles);
        saved
    }

    /// A fresh id for a new addition.
    pub fn new_id(&self, file_name: &str, pending: &[LocalArticle]) -> String {
        let corpus = self.corpus.get_untracked();
        self.articles.with_untracked(|l| {
            new_id(file_name, |id| {
                corpus.get(id).is_some()
                    || l.iter()
                        .chain(pending)
                        .any(|a| a.id.eq_ignore_ascii_case(id))
            })
        })
    }

    /// The additions as a bundle file.
    pub fn bundle(&self) -> String {
        let b = Bundle {
            format: BUNDLE_FORMAT.into(),
            version: BUNDLE_VERSION,
            corpus: self.embedded.name.clone(),
            corpus_version: self.embedded.version.clone(),
            articles: self.articles.get_untracked(),
        };
        serde_json::to_string_pretty(&b).unwrap_or_default()
    }
}

/// Reads a bundle file: its articles, or why it cannot be imported.
pub fn read_bundle(file_name: &str, bytes: &[u8]) -> Result<Vec<LocalArticle>, String> {
    let b: Bundle = serde_json::from_slice(bytes)
        .map_err(|e| format!("{file_name}: not a Parallax bundle ({e})"))?;
    if b.format != BUNDLE_FORMAT {
        return Err(format!(
            "{file_name}: not a Parallax bundle (format “{}”)",
            b.format
        ));
    }
    if b.version == 0 || b.version > BUNDLE_VERSION {
        return Err(format!(
            "{file_name}: made by a newer Parallax (bundle version {}); this page reads version {BUNDLE_VERSION}",
            b.version
        ));
    }
    let mut out = Vec::new();
    for a in b.articles {
        let text = read_text(&format!("{}.txt", a.id), a.text.as_bytes())
            .map_err(|e| format!("{file_name}: article {e}"))?;
        out.push(LocalArticle { text, ..a });
    }
    Ok(out)
}

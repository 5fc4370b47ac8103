//! The corpus built by `build.rs`: embedded in the wasm and decoded once on first use, or, for a
//! large corpus kept in static files, its head fetched from `corpus/` at start (the texts and
//! postings follow as views need them, see [`crate::shards`]).

use parallax_core::{Article, Corpus, DecodeError};
use std::sync::{Arc, LazyLock, OnceLock};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// For a corpus in static files, its head's file name and the bytes fetched at start, the head's
/// (`head.<fingerprint>.bin 1234`); empty when the corpus is embedded.
static HEAD: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus-head.txt"));

/// The embedded corpus, decoded once (the bench hook and the page share it).
static CORPUS: LazyLock<Result<Arc<Corpus>, DecodeError>> =
    LazyLock::new(|| Corpus::decode(BYTES).map(Arc::new));

/// A corpus in static files, once its head is fetched and decoded.
static FETCHED: OnceLock<Arc<Corpus>> = OnceLock::new();

/// Where the corpus is.
pub enum Source {
    /// Inside the wasm.
    Embedded,
    /// In static files: the head's file name and its size in bytes.
    Static(&'static str, u64),
}

/// Where this build keeps its corpus.
pub fn source() -> Source {
    match HEAD.split_once(' ') {
        Some((name, size)) => Source::Static(name, size.trim().parse().unwrap_or(0)),
        None => Source::Embedded,
    }
}

/// Why the corpus could not be opened, as a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenError(pub String);

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The corpus, once it is open: the embedded one (decoded on first use), or the fetched head.
pub fn corpus() -> Result<Arc<Corpus>, OpenError> {
    match source() {
        Source::Embedded => CORPUS
            .as_ref()
            .cloned()
            .map_err(|e| OpenError(e.to_string())),
        Source::Static(..) => FETCHED
            .get()
            .cloned()
            .ok_or_else(|| OpenError("the corpus has not arrived yet".into())),
    }
}

/// Opens the corpus: at once when embedded; else fetches and decodes its head. `progress` hears
/// the bytes in. Once open, later calls get the same corpus.
pub async fn open(progress: impl Fn(u64)) -> Result<Arc<Corpus>, OpenError> {
    let Source::Static(name, _) = source() else {
        return corpus();
    };
    if let Some(c) = FETCHED.get() {
        return Ok(c.clone());
    }
    let bytes = crate::shards::get_file(name, "the corpus")
        .await
        .map_err(OpenError)?;
    if parallax_core::index::shards::fingerprint(&bytes) != name.split('.').nth(1).unwrap_or("") {
        return Err(OpenError(format!(
            "corpus/{name} that arrived is not the one this page was built with. The folder on the host mixes two builds: upload the whole built folder again"
        )));
    }
    progress(bytes.len() as u64);
    let decoded =
        parallax_core::static_corpus::decode_head(&bytes).map_err(|e| OpenError(e.to_string()))?;
    Ok(FETCHED.get_or_init(|| Arc::new(decoded)).clone())
}

/// One article of the corpus the views show, held with the corpus itself (reference counted), so
/// a view can keep it in its closures. When articles are added or removed the page shows a new
/// corpus, and the old one is freed once the views drawn over it are gone.
#[derive(Clone)]
pub struct Doc {
    corpus: Arc<Corpus>,
    index: usize,
}

impl Doc {
    /// The article at this position of the corpus (which must have it).
    pub fn new(corpus: &Arc<Corpus>, index: usize) -> Doc {
        debug_assert!(index < corpus.articles.len());
        Doc {
            corpus: corpus.clone(),
            index,
        }
    }

    /// The article with this id, if the corpus has it.
    pub fn find(corpus: &Arc<Corpus>, id: &str) -> Option<Doc> {
        corpus.position(id).map(|i| Doc::new(corpus, i))
    }

    /// Its position in the corpus.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The corpus it is part of.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }
}

impl std::ops::Deref for Doc {
    type Target = Article;
    fn deref(&self) -> &Article {
        &self.corpus.articles[self.index]
    }
}

impl PartialEq for Doc {
    fn eq(&self, other: &Doc) -> bool {
        self.index == other.index && Arc::ptr_eq(&self.corpus, &other.corpus)
    }
}

impl std::fmt::Debug for Doc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Doc({})", self.id)
    }
}

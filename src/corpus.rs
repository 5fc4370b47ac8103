//! The corpus embedded at compile time by `build.rs`, decoded once on first use.

use parallax_core::{Article, Corpus, DecodeError};
use std::sync::{Arc, LazyLock};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once (the bench hook and the page share it).
static CORPUS: LazyLock<Result<Arc<Corpus>, DecodeError>> =
    LazyLock::new(|| Corpus::decode(BYTES).map(Arc::new));

/// The embedded corpus, or why it could not be decoded.
pub fn corpus() -> Result<Arc<Corpus>, &'static DecodeError> {
    CORPUS.as_ref().cloned()
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

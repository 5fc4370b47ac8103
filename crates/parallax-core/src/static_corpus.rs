//! A corpus as static files beside the page, for corpora too large to embed whole in the wasm:
//! the head (the corpus with its index's postings replaced by a shard map) and the postings
//! shards ([`crate::index::shards`]). Every name carries a fingerprint of the file's bytes.
//!
//! Whether a corpus is split is a [`ShardPolicy`]: by default corpora of
//! [`DEFAULT_SHARD_FROM`] articles or more; the build reads `PARALLAX_SHARD_FROM` to change it.

use crate::index::shards::{self, Needed, ShardFile, ShardOptions};
use crate::search::{Options, Results};
use crate::Corpus;

/// Corpora with this many articles or more are split into static files by default.
pub const DEFAULT_SHARD_FROM: usize = 2_000;

/// When the build splits a corpus into static files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShardPolicy {
    /// Never: the whole corpus goes into the wasm.
    Never,
    /// When the corpus has at least this many articles.
    From(usize),
}

impl Default for ShardPolicy {
    fn default() -> ShardPolicy {
        ShardPolicy::From(DEFAULT_SHARD_FROM)
    }
}

/// A `PARALLAX_SHARD_FROM` value that is neither `never` nor a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError(pub String);

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PARALLAX_SHARD_FROM is `{}`: give a number of articles (the corpus is split into static files from that many on; 1 always splits it) or `never`",
            self.0
        )
    }
}

impl std::str::FromStr for ShardPolicy {
    type Err = PolicyError;
    fn from_str(s: &str) -> Result<ShardPolicy, PolicyError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("never") {
            return Ok(ShardPolicy::Never);
        }
        t.replace(['_', ','], "")
            .parse::<usize>()
            .map(|n| ShardPolicy::From(n.max(1)))
            .map_err(|_| PolicyError(s.to_string()))
    }
}

impl ShardPolicy {
    /// Whether a corpus of `articles` articles is split.
    pub fn splits(self, articles: usize) -> bool {
        match self {
            ShardPolicy::Never => false,
            ShardPolicy::From(n) => articles >= n,
        }
    }
}

/// A corpus written as static files.
#[derive(Clone, Debug, PartialEq)]
pub struct StaticCorpus {
    /// The head: [`Corpus::encode`] of the corpus whose index holds a shard map instead of its
    /// postings. The page embeds it; it is also written as a file for the CLI.
    pub head: ShardFile,
    /// The postings shards.
    pub shards: Vec<ShardFile>,
}

impl StaticCorpus {
    /// Every file: the head, then the shards.
    pub fn files(&self) -> impl Iterator<Item = &ShardFile> {
        std::iter::once(&self.head).chain(&self.shards)
    }
}

/// What a search over a corpus in static files came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Searched {
    /// The results, as over the whole index.
    Ready(Results),
    /// Shards the query reads that are not loaded yet: fetch them, [`shards::Shards::fill`]
    /// them, and search again.
    Needs(Vec<Needed>),
}

impl Corpus {
    /// This corpus as static files: the head and the postings shards. A corpus whose index is
    /// already in shards gives no shard files.
    pub fn to_static(&self, opts: ShardOptions) -> StaticCorpus {
        let mut head = self.clone();
        let (index, shards) = std::mem::take(&mut head.index).into_shards(opts);
        head.index = index;
        let bytes = head.encode();
        StaticCorpus {
            head: ShardFile {
                name: format!("head.{}.bin", shards::fingerprint(&bytes)),
                bytes,
            },
            shards,
        }
    }

    /// Searches, telling which shards the query needs when the index is in static files and
    /// some of them are not loaded. Over an embedded index it is always [`Searched::Ready`].
    pub fn search_static(&self, input: &str, opts: &Options) -> Searched {
        let (results, misses) = shards::with_misses(|| crate::search::search(self, input, opts));
        match &self.index.shards {
            Some(map) if !misses.is_empty() => Searched::Needs(map.needed(&misses)),
            _ => Searched::Ready(results),
        }
    }
}

/// Why a corpus in static files could not be read from a folder.
#[derive(Debug)]
#[non_exhaustive]
pub enum StaticError {
    /// The folder has no head file (`head.<fingerprint>.bin`).
    NoHead(std::path::PathBuf),
    /// The folder has more than one head file.
    ManyHeads(std::path::PathBuf),
    /// A file could not be read.
    Read(std::path::PathBuf, std::io::Error),
    /// The head is not a corpus this code reads.
    Head(crate::DecodeError),
    /// A shard is not the one the head names.
    Shard(shards::ShardError),
}

impl std::fmt::Display for StaticError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StaticError::NoHead(d) => write!(f, "{} has no head.*.bin: give a built page's folder (with corpus/) or its corpus/ folder", d.display()),
            StaticError::ManyHeads(d) => write!(f, "{} has more than one head.*.bin (two builds mixed): build again into an empty folder", d.display()),
            StaticError::Read(p, e) => write!(f, "cannot read {}: {e}", p.display()),
            StaticError::Head(e) => write!(f, "the head file: {e}"),
            StaticError::Shard(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StaticError {}

/// The folder holding a corpus in static files: `dir` itself when it has a head file, or its
/// `corpus/` (a built page's folder); `None` when neither has one.
pub fn static_dir(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    let has_head = |d: &std::path::Path| {
        std::fs::read_dir(d).ok().is_some_and(|entries| {
            entries
                .flatten()
                .any(|e| is_head(&e.file_name().to_string_lossy()))
        })
    };
    [dir.to_path_buf(), dir.join("corpus")]
        .into_iter()
        .find(|d| has_head(d))
}

fn is_head(name: &str) -> bool {
    name.starts_with("head.") && name.ends_with(".bin")
}

/// Reads a corpus in static files from `dir` (a built page's folder or its `corpus/`) with every
/// shard loaded: the CLI reads the very files the page fetches.
pub fn read_static(dir: &std::path::Path) -> Result<Corpus, StaticError> {
    let folder = static_dir(dir).ok_or_else(|| StaticError::NoHead(dir.to_path_buf()))?;
    let read = |p: std::path::PathBuf| std::fs::read(&p).map_err(|e| StaticError::Read(p, e));
    let mut heads: Vec<String> = std::fs::read_dir(&folder)
        .map_err(|e| StaticError::Read(folder.clone(), e))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_head(n))
        .collect();
    if heads.len() > 1 {
        return Err(StaticError::ManyHeads(folder));
    }
    let head = heads
        .pop()
        .ok_or_else(|| StaticError::NoHead(folder.clone()))?;
    let corpus = Corpus::decode(&read(folder.join(&head))?).map_err(StaticError::Head)?;
    if let Some(map) = &corpus.index.shards {
        for (k, name) in map.files().iter().enumerate() {
            map.fill(k, &read(folder.join(name))?)
                .map_err(StaticError::Shard)?;
        }
    }
    Ok(corpus)
}

//! A corpus as static files beside the page, for corpora too large to embed whole in the wasm:
//! the head (the corpus without its articles, its index's postings replaced by a shard map,
//! and a table of the article parts), the article parts (the articles in order, a few MB each),
//! and the postings shards ([`crate::index::shards`]). Every name carries a fingerprint of the
//! file's bytes. A reader opens the head ([`Opening::decode`]), adds the parts one after another
//! ([`Opening::add`]) and so never holds more than one part's bytes beside what it decoded.
//!
//! Whether a corpus is split is a [`ShardPolicy`]: by default corpora of
//! [`DEFAULT_SHARD_FROM`] articles or more; the build reads `PARALLAX_SHARD_FROM` to change it.

use crate::index::shards::{self, Needed, ShardFile, ShardOptions};
use crate::search::{Options, Results};
use crate::{Article, Corpus, DecodeError};
use serde::{Deserialize, Serialize};

/// The first bytes of a head file.
const HEAD_MAGIC: &[u8; 4] = b"PLXH";
/// The first bytes of an article part.
const PART_MAGIC: &[u8; 4] = b"PLXA";

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
    /// The head: the table of the article parts, then [`Corpus::encode`] of the corpus without
    /// its articles, its index holding a shard map instead of its postings.
    pub head: ShardFile,
    /// The article parts, in the corpus's order.
    pub parts: Vec<ShardFile>,
    /// The postings shards.
    pub shards: Vec<ShardFile>,
}

impl StaticCorpus {
    /// Every file: the head, the article parts, then the shards.
    pub fn files(&self) -> impl Iterator<Item = &ShardFile> {
        std::iter::once(&self.head)
            .chain(&self.parts)
            .chain(&self.shards)
    }

    /// The bytes fetched at start: the head and the article parts.
    pub fn opening_bytes(&self) -> u64 {
        std::iter::once(&self.head)
            .chain(&self.parts)
            .map(|f| f.bytes.len() as u64)
            .sum()
    }

    /// Opens these files as the page does, with no postings shard loaded yet.
    pub fn open(&self) -> Result<Corpus, PartError> {
        let mut opening = Opening::decode(&self.head.bytes).map_err(PartError::Head)?;
        for part in &self.parts {
            opening.add(&part.bytes)?;
        }
        opening.finish()
    }
}

/// One article part as the head names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// Its file name (`articles-0002.<fingerprint>.bin`).
    pub name: String,
    /// How many articles it holds.
    pub articles: u32,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Why an article part (or the head naming it) was refused.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum PartError {
    /// The head is not one this code reads.
    Head(DecodeError),
    /// The bytes are not the part the head names next (another build's, or damaged).
    Mismatch {
        /// The part the head expected.
        file: String,
    },
    /// The bytes have the right fingerprint but cannot be read (written by other code).
    Corrupt {
        /// The part.
        file: String,
    },
    /// More parts were given than the head names.
    Extra,
    /// The corpus was finished before this part arrived.
    Missing {
        /// The first part not given.
        file: String,
    },
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartError::Head(e) => write!(f, "the corpus head: {e}"),
            PartError::Mismatch { file } => write!(
                f,
                "the articles file {file} that arrived is not the one this page was built with. The folder on the host mixes two builds: upload the whole built folder again"
            ),
            PartError::Corrupt { file } => write!(
                f,
                "the articles file {file} cannot be read by this version of the page. Rebuild the page and upload the whole built folder"
            ),
            PartError::Extra => write!(f, "more articles files were given than the head names"),
            PartError::Missing { file } => write!(f, "the articles file {file} never arrived"),
        }
    }
}

impl std::error::Error for PartError {}

/// A corpus in static files being opened: its head decoded, its article parts added one by one.
#[derive(Debug)]
pub struct Opening {
    corpus: Corpus,
    parts: Vec<Part>,
    next: usize,
}

impl Opening {
    /// Decodes a head file.
    pub fn decode(bytes: &[u8]) -> Result<Opening, DecodeError> {
        let rest = bytes
            .strip_prefix(HEAD_MAGIC.as_slice())
            .ok_or(DecodeError::NotACorpus)?;
        let (len, rest) = rest.split_at_checked(4).ok_or(DecodeError::NotACorpus)?;
        let len = u32::from_le_bytes(len.try_into().map_err(|_| DecodeError::NotACorpus)?);
        let (table, rest) = rest
            .split_at_checked(len as usize)
            .ok_or_else(|| DecodeError::Corrupt("the head's table of parts is cut short".into()))?;
        let parts: Vec<Part> =
            postcard::from_bytes(table).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        let mut corpus = Corpus::decode(rest)?;
        // Room for the articles the table announces, within reason: a damaged table must not
        // ask for more memory than there is.
        let announced = parts
            .iter()
            .fold(0usize, |n, p| n.saturating_add(p.articles as usize));
        corpus.articles.reserve_exact(announced.min(1 << 20));
        Ok(Opening {
            corpus,
            parts,
            next: 0,
        })
    }

    /// The article parts the head names, in order.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Adds the next article part.
    pub fn add(&mut self, bytes: &[u8]) -> Result<(), PartError> {
        let part = self.parts.get(self.next).ok_or(PartError::Extra)?;
        let file = || part.name.clone();
        if shards::fingerprint(bytes) != part.name.split('.').nth(1).unwrap_or_default() {
            return Err(PartError::Mismatch { file: file() });
        }
        let corrupt = || PartError::Corrupt { file: file() };
        let rest = bytes
            .strip_prefix(PART_MAGIC.as_slice())
            .ok_or_else(corrupt)?;
        let (schema, payload) = rest.split_at_checked(4).ok_or_else(corrupt)?;
        if schema != crate::corpus::SCHEMA.to_le_bytes() {
            return Err(corrupt());
        }
        let articles: Vec<Article> = postcard::from_bytes(payload).map_err(|_| corrupt())?;
        if articles.len() != part.articles as usize {
            return Err(corrupt());
        }
        self.corpus.articles.extend(articles);
        self.next += 1;
        Ok(())
    }

    /// The corpus, once every part is in.
    pub fn finish(self) -> Result<Corpus, PartError> {
        match self.parts.get(self.next) {
            Some(p) => Err(PartError::Missing {
                file: p.name.clone(),
            }),
            None if self.corpus.stances.len() != self.corpus.articles.len() => {
                Err(PartError::Head(DecodeError::Corrupt(
                    "the head's stance tags do not match its articles".into(),
                )))
            }
            None => Ok(self.corpus),
        }
    }
}

/// Cuts articles into parts of about `target` encoded bytes each (an article is never cut),
/// each with its number of articles. There is always at least one part.
fn article_parts(articles: &[Article], target: usize) -> Vec<(ShardFile, usize)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut size = 0;
    let flush = |range: std::ops::Range<usize>, parts: &mut Vec<(ShardFile, usize)>| {
        let mut bytes = PART_MAGIC.to_vec();
        bytes.extend_from_slice(&crate::corpus::SCHEMA.to_le_bytes());
        let n = range.len();
        // Serializing plain owned data into a Vec cannot fail.
        bytes.extend(postcard::to_allocvec(&articles[range]).unwrap_or_default());
        let name = format!(
            "articles-{:04}.{}.bin",
            parts.len(),
            shards::fingerprint(&bytes)
        );
        parts.push((ShardFile { name, bytes }, n));
    };
    for (i, a) in articles.iter().enumerate() {
        size += postcard::to_allocvec(a).map_or(0, |b| b.len());
        if size >= target.max(1) {
            flush(start..i + 1, &mut parts);
            start = i + 1;
            size = 0;
        }
    }
    if start < articles.len() || parts.is_empty() {
        flush(start..articles.len(), &mut parts);
    }
    parts
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
        let articles = std::mem::take(&mut head.articles);
        let (parts, table): (Vec<ShardFile>, Vec<Part>) = article_parts(&articles, opts.part_bytes)
            .into_iter()
            .map(|(file, n)| {
                let part = Part {
                    name: file.name.clone(),
                    articles: n as u32,
                    bytes: file.bytes.len() as u64,
                };
                (file, part)
            })
            .unzip();
        let table = postcard::to_allocvec(&table).unwrap_or_default();
        let mut bytes = HEAD_MAGIC.to_vec();
        bytes.extend_from_slice(&(table.len() as u32).to_le_bytes());
        bytes.extend(table);
        bytes.extend(head.encode());
        StaticCorpus {
            head: ShardFile {
                name: format!("head.{}.bin", shards::fingerprint(&bytes)),
                bytes,
            },
            parts,
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
    /// An article part is not the one the head names.
    Part(PartError),
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
            StaticError::Part(e) => write!(f, "{e}"),
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
/// article part and shard loaded: the CLI reads the very files the page fetches.
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
    let mut opening = Opening::decode(&read(folder.join(&head))?).map_err(StaticError::Head)?;
    for k in 0..opening.parts().len() {
        let bytes = read(folder.join(&opening.parts()[k].name))?;
        opening.add(&bytes).map_err(StaticError::Part)?;
    }
    let corpus = opening.finish().map_err(StaticError::Part)?;
    if let Some(map) = &corpus.index.shards {
        for (k, name) in map.files().iter().enumerate() {
            map.fill(k, &read(folder.join(name))?)
                .map_err(StaticError::Shard)?;
        }
    }
    Ok(corpus)
}

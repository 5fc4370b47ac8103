//! A corpus as static files beside the page, for corpora too large to embed whole in the wasm:
//! the head (the whole corpus but its texts, their analysis and the index's postings and
//! dictionary: each article's text, segments, paragraphs and stance tags but their keys are
//! replaced by the number of the text part holding them, the postings and dictionary by a shard
//! map), the text parts (the texts of an article or two each, with that analysis, in reading
//! order) and the index's shards with its words file ([`crate::index::shards`]). Every name
//! carries a fingerprint of the file's bytes. A reader opens the head ([`decode_head`]) and is
//! ready: search, lists, facets and stance filters work from it. A view that shows texts asks
//! which parts it lacks ([`Corpus::with_misses`], [`Corpus::texts_needed`]) and fills them
//! ([`Corpus::fill`]), as a search does with the index's shards.
//!
//! Whether a corpus is split is a [`ShardPolicy`]: by default corpora of
//! [`DEFAULT_SHARD_FROM`] articles or more; the build reads `PARALLAX_SHARD_FROM` to change it.

use crate::index::shards::{self, Needed, PartKind, ShardFile, ShardOptions};
use crate::ingest::text::Deferred;
use crate::ingest::{Paragraph, Segment};
use crate::search::{Options, Results};
use crate::stance::Rest;
use crate::{Corpus, DecodeError};
use serde::{Deserialize, Serialize};

/// The first bytes of a head file.
const HEAD_MAGIC: &[u8; 4] = b"PLXH";
/// The first bytes of a text part.
const PART_MAGIC: &[u8; 4] = b"PLXT";

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
    /// The head: [`Corpus::encode`] of the corpus with its texts left in the text parts (each
    /// article naming its part) and its index holding a shard map instead of its postings.
    pub head: ShardFile,
    /// The text parts: the texts of a run of articles in reading order each.
    pub parts: Vec<ShardFile>,
    /// The postings shards.
    pub shards: Vec<ShardFile>,
}

impl StaticCorpus {
    /// Every file: the head, the text parts, then the shards.
    pub fn files(&self) -> impl Iterator<Item = &ShardFile> {
        std::iter::once(&self.head)
            .chain(&self.parts)
            .chain(&self.shards)
    }

    /// The bytes fetched at start: the head.
    pub fn opening_bytes(&self) -> u64 {
        self.head.bytes.len() as u64
    }

    /// Opens these files as the page does: the head, with no text part or postings shard
    /// loaded yet.
    pub fn open(&self) -> Result<Corpus, DecodeError> {
        decode_head(&self.head.bytes)
    }

    /// Opens these files with every text part loaded (the postings stay to be loaded).
    pub fn open_with_texts(&self) -> Result<Corpus, PartError> {
        let corpus = self.open().map_err(PartError::Head)?;
        for (k, part) in self.parts.iter().enumerate() {
            corpus.fill_texts(k, &part.bytes)?;
        }
        Ok(corpus)
    }
}

/// One text part as the head names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Its file name (`texts-0002.<fingerprint>.bin`).
    pub name: String,
    /// The articles whose texts it holds, in its order (positions in the corpus, ascending).
    pub docs: Vec<u32>,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The text parts of a corpus in static files. In the head each part is only its fingerprint
/// and size (a few bytes, for a table with an entry every article or two): its name follows from
/// its number and fingerprint, and its articles are the ones whose text names it
/// ([`decode_head`] fills them in).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<(u32, u64)>", into = "Vec<(u32, u64)>")]
pub struct TextParts {
    /// The parts, in reading order of their articles.
    pub parts: Vec<Part>,
}

/// The name of text part `k` with fingerprint `print`.
fn part_name(k: usize, print: u32) -> String {
    format!("texts-{k:04}.{print:08x}.bin")
}

/// A text part's fingerprint: the top half of the shards' 64-bit one (enough to tell two builds'
/// parts apart, and half the bytes in a table of thousands).
fn part_print(bytes: &[u8]) -> u32 {
    (shards::fnv1a(bytes) >> 32) as u32
}

impl From<Vec<(u32, u64)>> for TextParts {
    fn from(table: Vec<(u32, u64)>) -> TextParts {
        let parts = table
            .into_iter()
            .enumerate()
            .map(|(k, (print, bytes))| Part {
                name: part_name(k, print),
                docs: Vec::new(),
                bytes,
            })
            .collect();
        TextParts { parts }
    }
}

impl From<TextParts> for Vec<(u32, u64)> {
    fn from(t: TextParts) -> Vec<(u32, u64)> {
        t.parts
            .iter()
            .map(|p| {
                let hex = p.name.split('.').nth(1).unwrap_or_default();
                (u32::from_str_radix(hex, 16).unwrap_or_default(), p.bytes)
            })
            .collect()
    }
}

/// Why a text part (or the head naming it) was refused.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum PartError {
    /// The head is not one this code reads.
    Head(DecodeError),
    /// The corpus names no such part.
    NoSuchPart(usize),
    /// The bytes are not the part the head names (another build's, or damaged).
    Mismatch {
        /// The part the head expected.
        file: String,
    },
    /// The bytes have the right fingerprint but cannot be read (written by other code).
    Corrupt {
        /// The part.
        file: String,
    },
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartError::Head(e) => write!(f, "the corpus head: {e}"),
            PartError::NoSuchPart(k) => write!(f, "the corpus has no text part {k}"),
            PartError::Mismatch { file } => write!(
                f,
                "the articles file {file} that arrived is not the one this page was built with. The folder on the host mixes two builds: upload the whole built folder again"
            ),
            PartError::Corrupt { file } => write!(
                f,
                "the articles file {file} cannot be read by this version of the page. Rebuild the page and upload the whole built folder"
            ),
        }
    }
}

impl std::error::Error for PartError {}

/// Decodes a head file: the corpus without its texts, each naming the text part it is in.
pub fn decode_head(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    let rest = bytes
        .strip_prefix(HEAD_MAGIC.as_slice())
        .ok_or(DecodeError::NotACorpus)?;
    let mut corpus = Corpus::decode(rest)?;
    let corrupt = |why: &str| Err(DecodeError::Corrupt(why.into()));
    let Some(texts) = &mut corpus.texts else {
        return corrupt("the head has no table of text parts");
    };
    // Each part holds the articles that name it, and holds at least one.
    for (d, a) in corpus.articles.iter().enumerate() {
        match a.text.part() {
            Some(k) if k < texts.parts.len() => texts.parts[k].docs.push(d as u32),
            Some(_) => {
                return corrupt("an article of the head names a text part the head does not have")
            }
            None => {}
        }
    }
    if texts.parts.iter().any(|p| p.docs.is_empty()) {
        return corrupt("the head's table of text parts does not match its articles");
    }
    if corpus.stances.len() != corpus.articles.len() {
        return corrupt("the head's stance tags do not match its articles");
    }
    Ok(corpus)
}

/// One article in a text part: its text, segments, paragraphs and its stance tags but their
/// keys.
type PartEntry<'a> = (&'a str, &'a [Segment], &'a [Paragraph], Vec<Rest>);

/// A text part's article as read back.
type ReadEntry = (String, Vec<Segment>, Vec<Paragraph>, Vec<Rest>);

/// Cuts the corpus's texts, with their analysis, into parts of about `target` bytes of text each,
/// the articles taken in reading order (an article is never cut); each part with the articles it
/// holds.
fn text_parts(corpus: &Corpus, target: usize) -> Vec<(ShardFile, Vec<u32>)> {
    let articles = &corpus.articles;
    let ids = corpus.stances.ids();
    let mut parts = Vec::new();
    let mut docs: Vec<u32> = Vec::new();
    let mut size = 0;
    let flush = |docs: &mut Vec<u32>, parts: &mut Vec<(ShardFile, Vec<u32>)>| {
        // In the file the texts go in the order the head lists the part's articles.
        docs.sort_unstable();
        let mut bytes = PART_MAGIC.to_vec();
        bytes.extend_from_slice(&crate::corpus::SCHEMA.to_le_bytes());
        let texts: Vec<PartEntry<'_>> = docs
            .iter()
            .map(|&d| {
                let a = &articles[d as usize];
                (
                    a.text.as_str(),
                    a.segments.as_slice(),
                    a.paragraphs.as_slice(),
                    corpus.stances.rest_of(&ids, d as usize),
                )
            })
            .collect();
        // Serializing plain owned data into a Vec cannot fail.
        bytes.extend(postcard::to_allocvec(&texts).unwrap_or_default());
        let name = part_name(parts.len(), part_print(&bytes));
        parts.push((ShardFile { name, bytes }, std::mem::take(docs)));
    };
    for &d in corpus.reading_order() {
        docs.push(d as u32);
        size += articles[d].text.len();
        if size >= target.max(1) {
            flush(&mut docs, &mut parts);
            size = 0;
        }
    }
    if !docs.is_empty() {
        flush(&mut docs, &mut parts);
    }
    parts
}

/// What a search over a corpus in static files came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Searched {
    /// The results, as over the whole index.
    Ready(Results),
    /// Parts the query reads that are not loaded yet (postings shards, or the texts of the hits
    /// shown): fetch them, [`Corpus::fill`] them, and search again.
    Needs(Vec<Needed>),
}

impl Corpus {
    /// This corpus as static files: the head, the text parts and the postings shards. A corpus
    /// whose index is already in shards gives no shard files.
    pub fn to_static(&self, opts: ShardOptions) -> StaticCorpus {
        let mut head = self.clone();
        let (index, shards) = std::mem::take(&mut head.index).into_shards(opts);
        head.index = index;
        let cut = text_parts(self, opts.part_bytes);
        let mut table = TextParts::default();
        let mut parts = Vec::with_capacity(cut.len());
        for (k, (file, docs)) in cut.into_iter().enumerate() {
            for &d in &docs {
                let a = &mut head.articles[d as usize];
                a.text = Deferred::in_part(k as u32);
                a.segments = Deferred::in_part(k as u32);
                a.paragraphs = Deferred::in_part(k as u32);
                head.stances.move_to_part(d as usize, k as u32);
            }
            table.parts.push(Part {
                name: file.name.clone(),
                docs,
                bytes: file.bytes.len() as u64,
            });
            parts.push(file);
        }
        head.texts = Some(table);
        let mut bytes = HEAD_MAGIC.to_vec();
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

    /// Searches, telling which parts the query needs when the corpus is in static files and
    /// some of them are not loaded: postings shards first, then the texts of the hits (their
    /// passages are read from them). Over an embedded corpus it is always [`Searched::Ready`].
    pub fn search_static(&self, input: &str, opts: &Options) -> Searched {
        let (results, misses) = self.with_misses(|| crate::search::search(self, input, opts));
        if misses.is_empty() {
            Searched::Ready(results)
        } else {
            Searched::Needs(misses)
        }
    }

    /// Runs `f` and returns what it returned with the parts it read and found missing: postings
    /// shards, then text parts. Over an embedded corpus nothing is ever missing.
    pub fn with_misses<R>(&self, f: impl FnOnce() -> R) -> (R, Vec<Needed>) {
        let (r, misses) = shards::with_misses(f);
        let of = |kind: PartKind| -> Vec<usize> {
            misses.iter().filter(|m| m.0 == kind).map(|m| m.1).collect()
        };
        let shard_misses = of(PartKind::Postings);
        let text_misses = of(PartKind::Texts);
        let mut needed = match &self.index.shards {
            Some(map) => map.needed(&shard_misses),
            None => Vec::new(),
        };
        // A search that still lacks postings reads the texts of the wrong hits: those come once
        // the postings are in.
        if needed.is_empty() {
            needed = self.text_parts_needed(&text_misses);
        }
        (r, needed)
    }

    /// The text parts of articles `docs` that are not loaded yet.
    pub fn texts_needed(&self, docs: impl IntoIterator<Item = usize>) -> Vec<Needed> {
        let parts: std::collections::BTreeSet<usize> = docs
            .into_iter()
            .filter_map(|d| self.articles.get(d)?.text.part())
            .collect();
        self.text_parts_needed(&parts.into_iter().collect::<Vec<_>>())
    }

    /// Every text part not loaded yet (for what reads all the texts: adding articles, the
    /// coverage view).
    pub fn all_texts_needed(&self) -> Vec<Needed> {
        self.texts_needed(0..self.articles.len())
    }

    fn text_parts_needed(&self, parts: &[usize]) -> Vec<Needed> {
        let Some(table) = &self.texts else {
            return Vec::new();
        };
        parts
            .iter()
            .filter_map(|&k| {
                let p = table.parts.get(k)?;
                Some(Needed {
                    kind: PartKind::Texts,
                    shard: k,
                    file: p.name.clone(),
                    bytes: u32::try_from(p.bytes).unwrap_or(u32::MAX),
                })
            })
            .collect()
    }

    /// Whether the part `n` names is loaded.
    pub fn is_loaded(&self, n: &Needed) -> bool {
        match n.kind {
            PartKind::Postings => self
                .index
                .shards
                .as_ref()
                .is_none_or(|map| map.is_loaded(n.shard)),
            PartKind::Texts => match self.texts.as_ref().and_then(|t| t.parts.get(n.shard)) {
                Some(p) => p.docs.iter().all(|&d| {
                    self.articles
                        .get(d as usize)
                        .is_none_or(|a| a.text.is_held())
                }),
                None => true,
            },
        }
    }

    /// Loads the part `n` names from the bytes of its file, as a sentence when they are not
    /// that file. Loading a part twice is harmless.
    pub fn fill(&self, n: &Needed, bytes: &[u8]) -> Result<(), String> {
        match n.kind {
            PartKind::Postings => match &self.index.shards {
                Some(map) => map.fill(n.shard, bytes).map_err(|e| e.to_string()),
                None => Ok(()),
            },
            PartKind::Texts => self.fill_texts(n.shard, bytes).map_err(|e| e.to_string()),
        }
    }

    /// Loads text part `k` from the bytes of its file (its fingerprint is checked).
    pub fn fill_texts(&self, k: usize, bytes: &[u8]) -> Result<(), PartError> {
        let part = self
            .texts
            .as_ref()
            .and_then(|t| t.parts.get(k))
            .ok_or(PartError::NoSuchPart(k))?;
        let file = || part.name.clone();
        if part_name(k, part_print(bytes)) != part.name {
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
        let texts: Vec<ReadEntry> = postcard::from_bytes(payload).map_err(|_| corrupt())?;
        if texts.len() != part.docs.len() {
            return Err(corrupt());
        }
        // The stance tags first: a part whose tags do not fit the head's keys fills nothing.
        for (&d, (.., rests)) in part.docs.iter().zip(&texts) {
            let held = self.stances.get_held(d as usize).is_some();
            if !held {
                self.stances
                    .fill(d as usize, rests.clone())
                    .map_err(|_| corrupt())?;
            }
        }
        for (&d, (text, segments, paragraphs, _)) in part.docs.iter().zip(texts) {
            if let Some(a) = self.articles.get(d as usize) {
                a.text.fill(text);
                a.segments.fill(segments);
                a.paragraphs.fill(paragraphs);
            }
        }
        Ok(())
    }

    /// Whether every article's text is held.
    pub fn texts_complete(&self) -> bool {
        self.articles.iter().all(|a| a.text.is_held())
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
    /// A text part is not the one the head names.
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
/// text part and shard loaded: the CLI reads the very files the page fetches.
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
    let corpus = decode_head(&read(folder.join(&head))?).map_err(StaticError::Head)?;
    let names: Vec<String> = corpus
        .texts
        .iter()
        .flat_map(|t| t.parts.iter().map(|p| p.name.clone()))
        .collect();
    for (k, name) in names.iter().enumerate() {
        corpus
            .fill_texts(k, &read(folder.join(name))?)
            .map_err(StaticError::Part)?;
    }
    if let Some(map) = &corpus.index.shards {
        for (k, name) in map.files().iter().enumerate() {
            map.fill(k, &read(folder.join(name))?)
                .map_err(StaticError::Shard)?;
        }
    }
    Ok(corpus)
}

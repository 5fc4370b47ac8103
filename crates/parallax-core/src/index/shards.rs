//! The index kept in static files beside the page, for corpora too large to embed whole.
//!
//! The index's terms are cut into contiguous ranges of about [`ShardOptions::postings_bytes`] of
//! postings each (a term bigger than that gets a range of its own); each range's file holds its
//! terms' postings and their dictionary: the terms themselves with their document frequencies,
//! and the written forms and name keys that fall in the range's stretch of the alphabet. The
//! corpus keeps only the first term of each range, so a word, a prefix or a name key tells which
//! file to fetch before anything is fetched. One more file holds every word and written form
//! (no postings), for typo tolerance, which compares a misspelt word with all of them; it is
//! fetched only when a query has a word the corpus does not have. Each name carries a fingerprint
//! of its bytes (`terms-0003.8ab391a8a651fb65.bin`), so a host may cache it forever and a wrong
//! or stale file is refused, never misread.
//!
//! A corpus built this way starts with nothing of its index loaded but the unit table and the
//! lengths. A search over it is run inside [`with_misses`]: every file it reads but does not have
//! is recorded; when there are any, the caller fetches those files, hands them to
//! [`Shards::fill`], and runs the search again (a word's file first, then the files of the
//! postings its written forms, name variants or typo neighbours point to), which then gives
//! exactly what it gives over the whole index (the tests check this).

use super::{compact, ByLength, List, Postings};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The marker that opens a postings shard file.
const MAGIC: &[u8; 4] = b"PLXP";
/// The marker that opens the words file.
const WORDS_MAGIC: &[u8; 4] = b"PLXW";

/// How an index is cut into shards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShardOptions {
    /// About how many bytes of encoded postings one shard holds, before compression (the default
    /// is 48 KiB; at least 256). Smaller shards make a query fetch fewer bytes and more files.
    pub postings_bytes: usize,
    /// About how many bytes of article text one text part of a corpus in static files holds,
    /// before compression (the default is 4 KiB: an article or two, as a search engine keeps one
    /// fragment a page). A view fetches the parts of the articles it shows, so smaller parts
    /// fetch and hold fewer bytes in more files.
    pub part_bytes: usize,
}

impl Default for ShardOptions {
    fn default() -> ShardOptions {
        ShardOptions {
            postings_bytes: 48 * 1024,
            part_bytes: 4 * 1024,
        }
    }
}

/// One shard as a static file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardFile {
    /// Its file name (`terms-0003.8ab391a8a651fb65.bin`).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The dictionary of one shard: its terms, and the written forms and name keys in its stretch
/// of the alphabet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Dict {
    /// The shard's terms, in id order (the first is the shard's first id).
    terms: Vec<String>,
    /// The number of articles each holds.
    doc_freq: Vec<u32>,
    /// Written forms that sort in the shard's stretch, with their stem's id (anywhere).
    surfaces: Vec<(String, u32)>,
    /// Name keys that sort in the shard's stretch, with their terms' ids.
    name_keys: Vec<(String, Vec<u32>)>,
}

/// Every term and written form, for typo tolerance.
#[derive(Clone, Debug, Default)]
struct Words {
    terms: Vec<String>,
    surfaces: Vec<(String, u32)>,
    by_length: [ByLength; 2],
}

/// A shard as loaded: its postings and its dictionary.
type Loaded = (Postings, Dict);

/// Where the postings and the dictionary of an index live when they are not embedded: the
/// shard map, and the files fetched so far.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Shards {
    /// First term id of each shard, ascending, the first being 0.
    starts: Vec<u32>,
    /// First term of each shard (the stretch of the alphabet it covers starts there).
    firsts: Vec<String>,
    /// Number of terms in all.
    terms: u32,
    /// File name of each shard, then of the words file.
    files: Vec<String>,
    /// Byte size of each file.
    sizes: Vec<u32>,
    /// The shards loaded so far (one slot per shard, made on first use).
    #[serde(skip)]
    loaded: OnceLock<Vec<OnceLock<Loaded>>>,
    /// The words file, once loaded.
    #[serde(skip)]
    words: OnceLock<Words>,
}

impl PartialEq for Shards {
    fn eq(&self, other: &Shards) -> bool {
        self.starts == other.starts
            && self.firsts == other.firsts
            && self.terms == other.terms
            && self.files == other.files
            && self.sizes == other.sizes
    }
}

/// What a part of a corpus in static files holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartKind {
    /// Postings of a range of terms ([`Shards`]).
    Postings,
    /// The texts of some articles ([`crate::static_corpus`]).
    Texts,
}

/// One part of a corpus in static files that a view needs and does not have yet: a postings
/// shard or a text part.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Needed {
    /// What it holds.
    pub kind: PartKind,
    /// Its number among the parts of its kind.
    pub shard: usize,
    /// Its file name.
    pub file: String,
    /// Its size in bytes.
    pub bytes: u32,
}

thread_local! {
    /// Parts (postings shards, text parts) read while [`with_misses`] runs and found missing.
    static MISSES: RefCell<Option<BTreeSet<(PartKind, usize)>>> = const { RefCell::new(None) };
}

/// Runs `f` and returns what it returned with the parts it read and found missing, each with
/// its kind (in order: postings shards, then text parts). Outside `with_misses`, a missing shard
/// reads as no postings and a missing text as the empty string.
pub fn with_misses<R>(f: impl FnOnce() -> R) -> (R, Vec<(PartKind, usize)>) {
    let outer = MISSES.with(|m| m.borrow_mut().replace(BTreeSet::new()));
    let r = f();
    let misses = MISSES.with(|m| std::mem::replace(&mut *m.borrow_mut(), outer));
    (r, misses.unwrap_or_default().into_iter().collect())
}

/// Records that part `k` of this kind was read and found missing (while [`with_misses`] runs).
pub(crate) fn miss(kind: PartKind, k: usize) {
    MISSES.with(|m| {
        if let Some(set) = m.borrow_mut().as_mut() {
            set.insert((kind, k));
        }
    });
}

/// Bytes of `v` as an LEB128 varint.
fn varint_len(v: u32) -> usize {
    match v {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

/// About how many bytes a term's postings take in [`compact`] form.
fn list_bytes(list: List<'_>) -> usize {
    let mut n = 1;
    let mut unit = 0;
    for (u, ps) in list.iter() {
        n += varint_len(u - unit) + varint_len(ps.len() as u32);
        unit = u;
        let mut pos = 0;
        for &p in ps {
            n += varint_len(p - pos);
            pos = p;
        }
    }
    n
}

/// A 64-bit FNV-1a fingerprint of `bytes`, as 16 hex digits (names files; not for security).
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

/// The 64-bit FNV-1a hash behind [`fingerprint`].
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Why a shard file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShardError {
    /// The index has no shard with this number.
    NoSuchShard(usize),
    /// The bytes are not the file the index names (another build's, or damaged on the way).
    Mismatch {
        /// The file the index expected.
        file: String,
    },
    /// The bytes have the right fingerprint but cannot be read (written by other code).
    Corrupt {
        /// The file.
        file: String,
    },
}

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShardError::NoSuchShard(k) => write!(f, "the index has no part number {k}"),
            ShardError::Mismatch { file } => write!(
                f,
                "the index part {file} that arrived is not the one this page was built with. The folder on the host mixes two builds: upload the whole built folder again"
            ),
            ShardError::Corrupt { file } => write!(
                f,
                "the index part {file} cannot be read by this version of the page. Rebuild the page and upload the whole built folder"
            ),
        }
    }
}

impl std::error::Error for ShardError {}

impl Shards {
    /// Cuts an index's postings and dictionary into shards, with the words file; returns the
    /// map and the files (the words file last).
    pub fn split(index: &super::Index, opts: ShardOptions) -> (Shards, Vec<ShardFile>) {
        let postings = &index.postings;
        let target = opts.postings_bytes.max(256);
        let total = postings.len() as u32;
        let mut shards = Shards {
            terms: total,
            ..Shards::default()
        };
        let mut start = 0u32;
        let mut size = 0usize;
        for id in 0..=total {
            let at_end = id == total;
            let next = if at_end {
                0
            } else {
                list_bytes(postings.get(id))
            };
            if at_end || (size > 0 && size + next > target) {
                if id > start {
                    shards.starts.push(start);
                    shards.firsts.push(index.terms[start as usize].clone());
                }
                start = id;
                size = 0;
            }
            size += next;
        }
        // Each written form and name key goes with the shard of its stretch of the alphabet.
        let n = shards.starts.len();
        let mut dicts: Vec<Dict> = vec![Dict::default(); n];
        for (k, d) in dicts.iter_mut().enumerate() {
            let range = shards.range(k);
            d.terms = index.terms[range.start as usize..range.end as usize].to_vec();
            d.doc_freq = index.doc_freq[range.start as usize..range.end as usize].to_vec();
        }
        if n > 0 {
            for s in &index.surfaces {
                dicts[shards.shard_for(&s.0)].surfaces.push(s.clone());
            }
            for key in &index.name_keys {
                dicts[shards.shard_for(&key.0)].name_keys.push(key.clone());
            }
        }
        let mut files: Vec<ShardFile> = dicts
            .iter()
            .enumerate()
            .map(|(k, d)| shard_file(postings, shards.range(k), d, k))
            .collect();
        files.push(words_file(&index.terms, &index.surfaces));
        for f in &files {
            shards.files.push(f.name.clone());
            shards.sizes.push(f.bytes.len() as u32);
        }
        (shards, files)
    }

    /// The term ids of shard `k`.
    fn range(&self, k: usize) -> std::ops::Range<u32> {
        let end = self.starts.get(k + 1).copied().unwrap_or(self.terms);
        self.starts.get(k).copied().unwrap_or(end)..end
    }

    /// The shard whose stretch of the alphabet holds `word`.
    fn shard_for(&self, word: &str) -> usize {
        self.firsts
            .partition_point(|f| f.as_str() <= word)
            .saturating_sub(1)
    }

    /// Whether the dictionary of the shard for `word` is loaded (or there is none to load).
    pub(crate) fn holds_dict_for(&self, word: &str) -> bool {
        self.starts.is_empty() || self.is_loaded(self.shard_for(word))
    }

    /// The number of the words file among the files.
    fn words_number(&self) -> usize {
        self.starts.len()
    }

    /// The dictionary of shard `k`, or `None` (recording the miss) when it is not loaded.
    fn dict(&self, k: usize) -> Option<&Dict> {
        match self.slots().get(k)?.get() {
            Some((_, d)) => Some(d),
            None => {
                miss(PartKind::Postings, k);
                None
            }
        }
    }

    /// Id of a term (`None` also while its shard is not loaded, which is recorded).
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        if self.starts.is_empty() {
            return None;
        }
        let k = self.shard_for(term);
        let i = super::find_term(&self.dict(k)?.terms, term)?;
        Some(self.starts[k] + i as u32)
    }

    /// The shards whose stretch of the alphabet may hold words starting with `prefix`.
    fn prefix_shards(&self, prefix: &str) -> std::ops::Range<usize> {
        if self.starts.is_empty() {
            return 0..0;
        }
        let first = self.shard_for(prefix);
        let mut end = first + 1;
        while self.firsts.get(end).is_some_and(|f| f.starts_with(prefix)) {
            end += 1;
        }
        first..end
    }

    /// Ids of the terms starting with `prefix` (none while one of their shards is not loaded,
    /// which is recorded).
    pub(crate) fn prefix_ids(&self, prefix: &str) -> std::ops::Range<u32> {
        let shards = self.prefix_shards(prefix);
        // Every shard is asked (so that all the misses are recorded) before any is read.
        let dicts: Vec<Option<&Dict>> = shards.clone().map(|k| self.dict(k)).collect();
        let Some(dicts) = dicts.into_iter().collect::<Option<Vec<&Dict>>>() else {
            return 0..0;
        };
        let (Some(first), Some(last)) = (dicts.first(), dicts.last()) else {
            return 0..0;
        };
        // The words with the prefix are contiguous: they start in the first shard, end in the last.
        let lo = self.starts[shards.start] + super::prefix_range(&first.terms, prefix).start as u32;
        let hi = self.starts[shards.end - 1] + super::prefix_range(&last.terms, prefix).end as u32;
        lo..hi.max(lo)
    }

    /// Ids of the terms whose written forms start with `prefix` (none while one of their shards
    /// is not loaded, which is recorded).
    pub(crate) fn surface_prefix_ids(&self, prefix: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        for k in self.prefix_shards(prefix) {
            if let Some(d) = self.dict(k) {
                ids.extend(super::surfaces_with_prefix(&d.surfaces, prefix));
            }
        }
        ids
    }

    /// Terms whose name key is `key` (none while its shard is not loaded, which is recorded).
    pub(crate) fn name_variants(&self, key: &str) -> &[u32] {
        if self.starts.is_empty() {
            return &[];
        }
        let Some(d) = self.dict(self.shard_for(key)) else {
            return &[];
        };
        super::keyed(&d.name_keys, key)
    }

    /// Number of articles holding term `id` (0 while its shard is not loaded, which is
    /// recorded).
    pub(crate) fn doc_freq(&self, id: u32) -> usize {
        let Some(k) = self.shard_of(id) else {
            return 0;
        };
        self.dict(k)
            .and_then(|d| d.doc_freq.get((id - self.starts[k]) as usize))
            .map_or(0, |&n| n as usize)
    }

    /// As [`super::Index::within_edits`], over the words file (nothing while it is not loaded,
    /// which is recorded).
    pub(crate) fn within_edits(
        &self,
        stem: &str,
        folded: &str,
        max: usize,
        found: impl FnMut(u32),
    ) {
        let Some(w) = self.words.get() else {
            miss(PartKind::Postings, self.words_number());
            return;
        };
        let typed = (stem, folded, max);
        super::typo::scan_words(&w.by_length, &w.terms, &w.surfaces, typed, found);
    }

    /// Number of files: the shards and the words file.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The file names, in shard order, the words file last.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    fn slots(&self) -> &[OnceLock<Loaded>] {
        self.loaded
            .get_or_init(|| (0..self.starts.len()).map(|_| OnceLock::new()).collect())
    }

    /// The shard holding term `id`.
    fn shard_of(&self, id: u32) -> Option<usize> {
        (id < self.terms).then(|| self.starts.partition_point(|&s| s <= id).saturating_sub(1))
    }

    /// The postings of term `id`: empty when the term is unknown, or when its shard is not loaded
    /// (which [`with_misses`] records).
    pub fn list(&self, id: u32) -> List<'_> {
        let Some(k) = self.shard_of(id) else {
            return List::EMPTY;
        };
        match self.slots().get(k).and_then(OnceLock::get) {
            Some((p, _)) => p.get(id - self.starts[k]),
            None => {
                miss(PartKind::Postings, k);
                List::EMPTY
            }
        }
    }

    /// Whether file `k` (a shard, or the words file) is loaded.
    pub fn is_loaded(&self, k: usize) -> bool {
        if k == self.words_number() {
            return self.words.get().is_some();
        }
        self.slots().get(k).is_some_and(|s| s.get().is_some())
    }

    /// What shards `shards` are, for fetching them (unknown numbers are left out).
    pub fn needed(&self, shards: &[usize]) -> Vec<Needed> {
        shards
            .iter()
            .filter_map(|&k| {
                Some(Needed {
                    kind: PartKind::Postings,
                    shard: k,
                    file: self.files.get(k)?.clone(),
                    bytes: *self.sizes.get(k)?,
                })
            })
            .collect()
    }

    /// Loads file `k` (a shard, or the words file) from its bytes. The bytes must be the very
    /// file the map names (its fingerprint is checked). Loading a file twice is harmless.
    pub fn fill(&self, k: usize, bytes: &[u8]) -> Result<(), ShardError> {
        let file = self.files.get(k).ok_or(ShardError::NoSuchShard(k))?;
        let expected = file.split('.').nth(1).unwrap_or_default();
        if fingerprint(bytes) != expected {
            return Err(ShardError::Mismatch { file: file.clone() });
        }
        let corrupt = || ShardError::Corrupt { file: file.clone() };
        if k == self.words_number() {
            let words = read_words(bytes, self.terms).ok_or_else(corrupt)?;
            let _ = self.words.set(words);
            return Ok(());
        }
        let range = self.range(k);
        let loaded = read_shard(bytes, range.start, range.end, self.terms).ok_or_else(corrupt)?;
        let _ = self.slots()[k].set(loaded);
        Ok(())
    }
}

/// The head of a shard or words file: its marker, the schema, two numbers.
fn file_head(magic: &[u8; 4], a: u32, b: u32) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend_from_slice(&crate::corpus::SCHEMA.to_le_bytes());
    bytes.extend_from_slice(&a.to_le_bytes());
    bytes.extend_from_slice(&b.to_le_bytes());
    bytes
}

/// Reads what [`file_head`] wrote: the two numbers and the rest, if the marker and schema fit.
fn read_file_head<'a>(magic: &[u8; 4], bytes: &'a [u8]) -> Option<(u32, u32, &'a [u8])> {
    let rest = bytes.strip_prefix(magic.as_slice())?;
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(rest.get(at..at + 4)?.try_into().ok()?))
    };
    (word(0)? == crate::corpus::SCHEMA).then_some(())?;
    Some((word(4)?, word(8)?, rest.get(12..)?))
}

/// The file of the shard holding terms `range` of `postings`, with its dictionary.
fn shard_file(
    postings: &Postings,
    range: std::ops::Range<u32>,
    dict: &Dict,
    number: usize,
) -> ShardFile {
    let part = postings.range(range.clone());
    let mut bytes = file_head(MAGIC, range.start, range.end);
    let encoded = compact::encode(&part);
    bytes.extend_from_slice(&(encoded.len() as u32).to_le_bytes());
    bytes.extend(encoded);
    // Serializing plain owned data into a Vec cannot fail.
    bytes.extend(postcard::to_allocvec(dict).unwrap_or_default());
    ShardFile {
        name: format!("terms-{number:04}.{}.bin", fingerprint(&bytes)),
        bytes,
    }
}

/// Reads a shard file that should hold terms `start..end` of `total`.
fn read_shard(bytes: &[u8], start: u32, end: u32, total: u32) -> Option<Loaded> {
    let (a, b, rest) = read_file_head(MAGIC, bytes)?;
    if (a, b) != (start, end) {
        return None;
    }
    let len = usize::try_from(u32::from_le_bytes(rest.get(..4)?.try_into().ok()?)).ok()?;
    let end_of_postings = len.checked_add(4)?;
    let postings = compact::decode(rest.get(4..end_of_postings)?)?;
    let dict: Dict = postcard::from_bytes(rest.get(end_of_postings..)?).ok()?;
    let n = (end - start) as usize;
    let fits = postings.len() == n
        && dict.terms.len() == n
        && dict.doc_freq.len() == n
        && dict.surfaces.iter().all(|s| s.1 < total)
        && dict.name_keys.iter().flat_map(|k| &k.1).all(|&i| i < total);
    fits.then_some((postings, dict))
}

/// The words file: every term and written form.
fn words_file(terms: &[String], surfaces: &[(String, u32)]) -> ShardFile {
    let mut bytes = file_head(WORDS_MAGIC, terms.len() as u32, surfaces.len() as u32);
    bytes.extend(postcard::to_allocvec(&(terms, surfaces)).unwrap_or_default());
    ShardFile {
        name: format!("words.{}.bin", fingerprint(&bytes)),
        bytes,
    }
}

/// Reads the words file of an index of `count` terms.
fn read_words(bytes: &[u8], count: u32) -> Option<Words> {
    let (n, m, rest) = read_file_head(WORDS_MAGIC, bytes)?;
    let (terms, surfaces): (Vec<String>, Vec<(String, u32)>) = postcard::from_bytes(rest).ok()?;
    let fits = n == count
        && terms.len() == n as usize
        && surfaces.len() == m as usize
        && surfaces.iter().all(|s| s.1 < count);
    fits.then(|| Words {
        by_length: super::typo::by_length(&terms, &surfaces),
        terms,
        surfaces,
    })
}

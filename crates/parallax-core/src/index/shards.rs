//! Postings kept in static files beside the page, for corpora too large to embed whole.
//!
//! The index's terms are cut into contiguous ranges of about [`ShardOptions::postings_bytes`]
//! each (a term bigger than that gets a range of its own); each range's postings go into a file
//! whose name carries a fingerprint of its bytes (`terms-0003.8ab391a8a651fb65.bin`), so a host
//! may cache it forever and a wrong or stale file is refused, never misread. The rest of the index
//! (the terms, their written forms, document frequencies, lengths) stays in the corpus itself, so
//! a query is expanded, and which files it needs is known, before anything is fetched.
//!
//! A corpus built this way starts with no postings loaded. A search over it is run once inside
//! [`with_misses`]: every shard it reads but does not have is recorded; when there are any, the
//! caller fetches those files, hands them to [`Shards::fill`], and runs the search again, which
//! then gives exactly what it gives over the whole index (the tests check this).

use super::{compact, List, Postings};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The marker that opens a postings shard file.
const MAGIC: &[u8; 4] = b"PLXP";

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

/// Where the postings of an index live when they are not embedded: the shard map, and the
/// shards fetched so far.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Shards {
    /// First term id of each shard, ascending, the first being 0.
    starts: Vec<u32>,
    /// Number of terms in all.
    terms: u32,
    /// File name of each shard.
    files: Vec<String>,
    /// Byte size of each shard file.
    sizes: Vec<u32>,
    /// The shards loaded so far (one slot per shard, made on first use).
    #[serde(skip)]
    loaded: OnceLock<Vec<OnceLock<Postings>>>,
}

impl PartialEq for Shards {
    fn eq(&self, other: &Shards) -> bool {
        self.starts == other.starts
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
    /// Cuts `postings` into shards; returns the map and the files.
    pub fn split(postings: &Postings, opts: ShardOptions) -> (Shards, Vec<ShardFile>) {
        let target = opts.postings_bytes.max(256);
        let mut shards = Shards {
            terms: postings.len() as u32,
            ..Shards::default()
        };
        let mut files = Vec::new();
        let mut start = 0u32;
        let mut size = 0usize;
        let total = postings.len() as u32;
        for id in 0..=total {
            let at_end = id == total;
            let next = if at_end {
                0
            } else {
                list_bytes(postings.get(id))
            };
            if at_end || (size > 0 && size + next > target) {
                if id > start {
                    let file = shard_file(postings, start..id, files.len());
                    shards.starts.push(start);
                    shards.sizes.push(file.bytes.len() as u32);
                    shards.files.push(file.name.clone());
                    files.push(file);
                }
                start = id;
                size = 0;
            }
            size += next;
        }
        (shards, files)
    }

    /// Number of shards.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no shards.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The file names, in shard order.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    fn slots(&self) -> &[OnceLock<Postings>] {
        self.loaded
            .get_or_init(|| (0..self.files.len()).map(|_| OnceLock::new()).collect())
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
            Some(p) => p.get(id - self.starts[k]),
            None => {
                miss(PartKind::Postings, k);
                List::EMPTY
            }
        }
    }

    /// Whether shard `k` is loaded.
    pub fn is_loaded(&self, k: usize) -> bool {
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

    /// Loads shard `k` from the bytes of its file. The bytes must be the very file the map names
    /// (its fingerprint is checked). Loading a shard twice is harmless.
    pub fn fill(&self, k: usize, bytes: &[u8]) -> Result<(), ShardError> {
        let file = self.files.get(k).ok_or(ShardError::NoSuchShard(k))?;
        let expected = file.split('.').nth(1).unwrap_or_default();
        if fingerprint(bytes) != expected {
            return Err(ShardError::Mismatch { file: file.clone() });
        }
        let corrupt = || ShardError::Corrupt { file: file.clone() };
        let start = self.starts[k];
        let end = self.starts.get(k + 1).copied().unwrap_or(self.terms);
        let postings = read_shard(bytes, start, end).ok_or_else(corrupt)?;
        let _ = self.slots()[k].set(postings);
        Ok(())
    }
}

/// The file of the shard holding terms `range` of `postings`.
fn shard_file(postings: &Postings, range: std::ops::Range<u32>, number: usize) -> ShardFile {
    let part = postings.range(range.clone());
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&crate::corpus::SCHEMA.to_le_bytes());
    bytes.extend_from_slice(&range.start.to_le_bytes());
    bytes.extend_from_slice(&range.end.to_le_bytes());
    bytes.extend(compact::encode(&part));
    ShardFile {
        name: format!("terms-{number:04}.{}.bin", fingerprint(&bytes)),
        bytes,
    }
}

/// Reads a shard file that should hold terms `start..end`.
fn read_shard(bytes: &[u8], start: u32, end: u32) -> Option<Postings> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(rest.get(at..at + 4)?.try_into().ok()?))
    };
    if word(0)? != crate::corpus::SCHEMA || word(4)? != start || word(8)? != end {
        return None;
    }
    let postings = compact::decode(rest.get(12..)?)?;
    (postings.len() == (end - start) as usize).then_some(postings)
}

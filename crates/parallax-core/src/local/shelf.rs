//! How the page keeps its additions in the browser's database: one record per added article,
//! keyed by the corpus and the article's id, with a sequence number that keeps the order they
//! were added in.
//!
//! The page holds a [`Shelf`] beside the additions it shows. After every change it asks the shelf
//! for the [`Changes`] that bring the database in line (records to write, keys to delete), and
//! writes them; adding one article writes one record, however many were kept before. On load it
//! reads every record of its corpus back with [`Shelf::restore`]. The database itself (IndexedDB)
//! is the page's business; this module is plain data and is tested natively.

use super::LocalArticle;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Separates the corpus name from the id in a record's key (a character neither contains).
const SEP: char = '\u{1f}';

/// One stored record: an added article and its place in the order of additions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kept {
    /// Larger for later additions.
    pub seq: u64,
    /// The article.
    pub article: LocalArticle,
}

/// The key of an article's record.
pub fn record_key(corpus: &str, id: &str) -> String {
    format!("{corpus}{SEP}{id}")
}

/// The smallest and largest keys of a corpus' records (the range to read or clear); the lower
/// bound is included, the upper one is not.
pub fn key_range(corpus: &str) -> (String, String) {
    (
        format!("{corpus}{SEP}"),
        format!("{corpus}{}", char::from_u32(SEP as u32 + 1).unwrap_or(SEP)),
    )
}

/// A record that could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableRecord {
    /// Its key.
    pub key: String,
    /// What was wrong.
    pub reason: String,
}

impl fmt::Display for UnreadableRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.key.split(SEP).nth(1).unwrap_or(&self.key);
        write!(
            f,
            "An article kept in this browser (“{id}”) could not be read back ({}); it was left in storage untouched.",
            self.reason
        )
    }
}

impl std::error::Error for UnreadableRecord {}

/// What to write to the database to make it hold exactly the additions shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Records to write: (key, JSON value).
    pub put: Vec<(String, String)>,
    /// Keys of records to delete.
    pub delete: Vec<String>,
}

impl Changes {
    /// Whether nothing needs writing.
    pub fn is_empty(&self) -> bool {
        self.put.is_empty() && self.delete.is_empty()
    }
}

/// What the database holds for one corpus: each kept article's sequence number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shelf {
    corpus: String,
    seqs: HashMap<String, u64>,
    next: u64,
}

impl Shelf {
    /// An empty shelf for a corpus (nothing kept yet).
    pub fn new(corpus: &str) -> Shelf {
        Shelf {
            corpus: corpus.to_string(),
            ..Shelf::default()
        }
    }

    /// Reads back a corpus' records `(key, value)`: the additions in the order they were added,
    /// the shelf that knows them, and the records that could not be read (left as they are; a
    /// later change never deletes them). A record written twice under one id counts once.
    pub fn restore<'r>(
        corpus: &str,
        records: impl IntoIterator<Item = (&'r str, &'r str)>,
    ) -> (Shelf, Vec<LocalArticle>, Vec<UnreadableRecord>) {
        let mut shelf = Shelf::new(corpus);
        let mut kept: Vec<Kept> = Vec::new();
        let mut unreadable = Vec::new();
        for (key, value) in records {
            match serde_json::from_str::<Kept>(value) {
                Ok(k) if record_key(corpus, &k.article.id) == key => kept.push(k),
                Ok(k) => unreadable.push(UnreadableRecord {
                    key: key.to_string(),
                    reason: format!("its key does not match the article “{}”", k.article.id),
                }),
                Err(e) => unreadable.push(UnreadableRecord {
                    key: key.to_string(),
                    reason: e.to_string(),
                }),
            }
        }
        kept.sort_by(|a, b| {
            a.seq
                .cmp(&b.seq)
                .then_with(|| a.article.id.cmp(&b.article.id))
        });
        let mut articles = Vec::with_capacity(kept.len());
        for k in kept {
            shelf.next = shelf.next.max(k.seq + 1);
            if shelf.seqs.insert(k.article.id.clone(), k.seq).is_none() {
                articles.push(k.article);
            }
        }
        (shelf, articles, unreadable)
    }

    /// How many articles it holds.
    pub fn len(&self) -> usize {
        self.seqs.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.seqs.is_empty()
    }

    /// The changes that make the database hold `articles` (in this order), and the shelf updated
    /// as if they were written. Articles kept already are not written again; new ones get
    /// sequence numbers after every kept one, in their order here.
    pub fn changes(&mut self, articles: &[LocalArticle]) -> Changes {
        let mut changes = Changes::default();
        let wanted: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let mut gone: Vec<String> = self
            .seqs
            .keys()
            .filter(|id| !wanted.contains(id.as_str()))
            .cloned()
            .collect();
        gone.sort();
        for id in gone {
            self.seqs.remove(&id);
            changes.delete.push(record_key(&self.corpus, &id));
        }
        for a in articles {
            if self.seqs.contains_key(&a.id) {
                continue;
            }
            let kept = Kept {
                seq: self.next,
                article: a.clone(),
            };
            self.seqs.insert(a.id.clone(), self.next);
            self.next += 1;
            let json = serde_json::to_string(&kept).expect("a kept article serialises to JSON");
            changes.put.push((record_key(&self.corpus, &a.id), json));
        }
        changes
    }
}

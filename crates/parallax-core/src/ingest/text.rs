//! The parts of an article a corpus kept in static files does not hold until they are fetched:
//! its text, and the analysis that points into it (segments, paragraphs with their sentences,
//! its stance tags but their keys: [`crate::stance::Stances`]).
//!
//! Every other part of an article (headline, outlets, date, authors) is small and comes with the
//! corpus head; the texts and their analysis are most of a corpus's bytes, so they stay in text
//! parts beside the page until a view shows them ([`crate::static_corpus`]). Until then a
//! [`Deferred`] reads as empty (the empty string, no paragraphs), and
//! [`crate::index::shards::with_misses`] tells which parts were read missing, as it does for the
//! postings shards.

use super::{Paragraph, Segment};
use crate::index::shards::{miss, PartKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::OnceLock;

/// What a deferred value reads as while it is not held.
pub trait Absent: Sized + 'static {
    /// The empty value (one shared copy).
    fn absent() -> &'static Self;
}

static NO_TEXT: String = String::new();
static NO_SEGMENTS: Vec<Segment> = Vec::new();
static NO_PARAGRAPHS: Vec<Paragraph> = Vec::new();
static NO_TAGS: Vec<crate::stance::Tag> = Vec::new();

impl Absent for String {
    fn absent() -> &'static String {
        &NO_TEXT
    }
}

impl Absent for Vec<Segment> {
    fn absent() -> &'static Vec<Segment> {
        &NO_SEGMENTS
    }
}

impl Absent for Vec<Paragraph> {
    fn absent() -> &'static Vec<Paragraph> {
        &NO_PARAGRAPHS
    }
}

impl Absent for Vec<crate::stance::Tag> {
    fn absent() -> &'static Vec<crate::stance::Tag> {
        &NO_TAGS
    }
}

/// A part of an article: held, or in text part `part` and not fetched yet.
#[derive(Clone, Default)]
pub struct Deferred<T> {
    cell: OnceLock<T>,
    /// The text part holding it, when it is not held ([`u32::MAX`] when it is).
    part: u32,
}

/// The text of an article: held, or in a text part not fetched yet.
pub type ArticleText = Deferred<String>;

impl<T> Deferred<T> {
    /// A value that is held.
    pub fn new(value: T) -> Deferred<T> {
        let cell = OnceLock::new();
        let _ = cell.set(value);
        Deferred {
            cell,
            part: u32::MAX,
        }
    }

    /// A value kept in text part `part`, not fetched yet.
    pub fn in_part(part: u32) -> Deferred<T> {
        Deferred {
            cell: OnceLock::new(),
            part,
        }
    }

    /// Whether the value is held.
    pub fn is_held(&self) -> bool {
        self.cell.get().is_some()
    }

    /// The text part it is kept in, while it is not held.
    pub fn part(&self) -> Option<usize> {
        (!self.is_held()).then_some(self.part as usize)
    }

    /// Gives the value that arrived; a value already held keeps what it has.
    pub fn fill(&self, value: T) {
        let _ = self.cell.set(value);
    }

    /// The value, or `None` while it is not held (without counting a miss).
    pub fn get_held(&self) -> Option<&T> {
        self.cell.get()
    }
}

impl ArticleText {
    /// The text, or `None` while it is not held (without counting a miss).
    pub fn held(&self) -> Option<&str> {
        self.cell.get().map(String::as_str)
    }
}

impl<T: Absent> std::ops::Deref for Deferred<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self.cell.get() {
            Some(t) => t,
            None => {
                miss(PartKind::Texts, self.part as usize);
                T::absent()
            }
        }
    }
}

impl<T: Absent + Default> std::ops::DerefMut for Deferred<T> {
    fn deref_mut(&mut self) -> &mut T {
        if self.cell.get().is_none() {
            let _ = self.cell.set(T::default());
        }
        self.part = u32::MAX;
        // Set just above when it was not.
        self.cell.get_mut().expect("the value was just set")
    }
}

impl<'a, U> IntoIterator for &'a Deferred<Vec<U>>
where
    Vec<U>: Absent,
{
    type Item = &'a U;
    type IntoIter = std::slice::Iter<'a, U>;
    fn into_iter(self) -> std::slice::Iter<'a, U> {
        std::ops::Deref::deref(self).iter()
    }
}

impl<T> From<T> for Deferred<T> {
    fn from(value: T) -> Deferred<T> {
        Deferred::new(value)
    }
}

impl From<&str> for ArticleText {
    fn from(text: &str) -> ArticleText {
        ArticleText::new(text.to_string())
    }
}

impl<T: PartialEq> PartialEq for Deferred<T> {
    fn eq(&self, other: &Deferred<T>) -> bool {
        match (self.cell.get(), other.cell.get()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.part == other.part,
            _ => false,
        }
    }
}

impl PartialEq<String> for ArticleText {
    fn eq(&self, other: &String) -> bool {
        self.held() == Some(other.as_str())
    }
}

impl PartialEq<str> for ArticleText {
    fn eq(&self, other: &str) -> bool {
        self.held() == Some(other)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.cell.get() {
            Some(t) => t.fmt(f),
            None => write!(f, "<in text part {}>", self.part),
        }
    }
}

/// How a deferred value is written: itself, or the number of the part holding it.
#[derive(Serialize)]
enum StoredRef<'a, T> {
    Held(&'a T),
    InPart(u32),
}

/// [`StoredRef`] as read back (the same variants in the same order).
#[derive(Deserialize)]
enum Stored<T> {
    Held(T),
    InPart(u32),
}

impl<T: Serialize> Serialize for Deferred<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.cell.get() {
            Some(t) => StoredRef::Held(t),
            None => StoredRef::InPart(self.part),
        }
        .serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Deferred<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Deferred<T>, D::Error> {
        Ok(match Stored::deserialize(d)? {
            Stored::Held(t) => Deferred::new(t),
            Stored::InPart(k) => Deferred::in_part(k),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::shards::with_misses;

    #[test]
    fn a_held_text_reads_as_itself_and_counts_no_miss() {
        let t = ArticleText::from("Hello");
        let (len, misses) = with_misses(|| t.len());
        assert_eq!((len, misses), (5, vec![]));
        assert_eq!(t.part(), None);
    }

    #[test]
    fn a_missing_text_reads_empty_and_names_its_part() {
        let t = ArticleText::in_part(7);
        let u = ArticleText::in_part(3);
        let (both, misses) = with_misses(|| format!("{}{}{}", *t, *u, *t));
        assert_eq!(both, "");
        assert_eq!(misses, vec![(PartKind::Texts, 3), (PartKind::Texts, 7)]);
        // Outside, nothing is counted and nothing breaks.
        assert_eq!(t.as_str(), "");
        t.fill("arrived".into());
        assert_eq!(
            with_misses(|| t.to_string()),
            ("arrived".to_string(), vec![])
        );
        t.fill("twice".into());
        assert_eq!(t.as_str(), "arrived");
    }

    #[test]
    fn texts_survive_encoding_held_or_not() {
        for t in [ArticleText::from("a text"), ArticleText::in_part(12)] {
            let bytes = postcard::to_allocvec(&t).expect("encodes");
            let back: ArticleText = postcard::from_bytes(&bytes).expect("decodes");
            assert_eq!(back, t);
            assert_eq!(back.part(), t.part());
        }
    }

    #[test]
    fn missing_paragraphs_read_as_none_and_name_their_part() {
        let p: Deferred<Vec<Paragraph>> = Deferred::in_part(4);
        let (n, misses) = with_misses(|| p.len());
        assert_eq!((n, misses), (0, vec![(PartKind::Texts, 4)]));
        let bytes = postcard::to_allocvec(&p).expect("encodes");
        let back: Deferred<Vec<Paragraph>> = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!((back.part(), back.is_held()), (Some(4), false));
    }

    #[test]
    fn writing_to_a_missing_text_holds_it() {
        let mut t = ArticleText::in_part(2);
        t.push_str("typed");
        assert_eq!((t.held(), t.part()), (Some("typed"), None));
    }
}

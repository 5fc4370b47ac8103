//! An article's text, which a corpus kept in static files does not hold until it is fetched.
//!
//! Every other part of an article (headline, outlets, date, paragraphs, segments) is small and
//! comes with the corpus head; the texts are nine tenths of a corpus's bytes, so they stay in
//! text parts beside the page until a view shows them ([`crate::static_corpus`]). Until then an
//! [`ArticleText`] reads as the empty string, and [`crate::index::shards::with_misses`] tells
//! which parts were read missing, as it does for the postings shards.

use crate::index::shards::{miss, PartKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::OnceLock;

/// The text of an article: held, or in text part `part` and not fetched yet.
#[derive(Clone, Default)]
pub struct ArticleText {
    cell: OnceLock<String>,
    /// The text part holding it, when it is not held ([`u32::MAX`] when it is).
    part: u32,
}

/// What a missing text reads as.
static EMPTY: String = String::new();

impl ArticleText {
    /// A text that is held.
    pub fn new(text: String) -> ArticleText {
        let cell = OnceLock::new();
        let _ = cell.set(text);
        ArticleText {
            cell,
            part: u32::MAX,
        }
    }

    /// A text kept in text part `part`, not fetched yet.
    pub fn in_part(part: u32) -> ArticleText {
        ArticleText {
            cell: OnceLock::new(),
            part,
        }
    }

    /// Whether the text is held.
    pub fn is_held(&self) -> bool {
        self.cell.get().is_some()
    }

    /// The text part it is kept in, while it is not held.
    pub fn part(&self) -> Option<usize> {
        (!self.is_held()).then_some(self.part as usize)
    }

    /// Gives the text that arrived; a text already held keeps what it has.
    pub fn fill(&self, text: String) {
        let _ = self.cell.set(text);
    }

    /// The text, or `None` while it is not held (without counting a miss).
    pub fn held(&self) -> Option<&str> {
        self.cell.get().map(String::as_str)
    }
}

impl std::ops::Deref for ArticleText {
    type Target = String;
    fn deref(&self) -> &String {
        match self.cell.get() {
            Some(t) => t,
            None => {
                miss(PartKind::Texts, self.part as usize);
                &EMPTY
            }
        }
    }
}

impl std::ops::DerefMut for ArticleText {
    fn deref_mut(&mut self) -> &mut String {
        if self.cell.get().is_none() {
            let _ = self.cell.set(String::new());
        }
        self.part = u32::MAX;
        // Set just above when it was not.
        self.cell.get_mut().expect("the text was just set")
    }
}

impl From<String> for ArticleText {
    fn from(text: String) -> ArticleText {
        ArticleText::new(text)
    }
}

impl From<&str> for ArticleText {
    fn from(text: &str) -> ArticleText {
        ArticleText::new(text.to_string())
    }
}

impl PartialEq for ArticleText {
    fn eq(&self, other: &ArticleText) -> bool {
        match (self.held(), other.held()) {
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

impl std::fmt::Debug for ArticleText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.held() {
            Some(t) => t.fmt(f),
            None => write!(f, "<in text part {}>", self.part),
        }
    }
}

/// How a text is written: itself, or the number of the part holding it.
#[derive(Serialize, Deserialize)]
enum Stored<'a> {
    Held(std::borrow::Cow<'a, str>),
    InPart(u32),
}

impl Serialize for ArticleText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.held() {
            Some(t) => Stored::Held(t.into()),
            None => Stored::InPart(self.part),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ArticleText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ArticleText, D::Error> {
        Ok(match Stored::deserialize(d)? {
            Stored::Held(t) => ArticleText::new(t.into_owned()),
            Stored::InPart(k) => ArticleText::in_part(k),
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
    fn writing_to_a_missing_text_holds_it() {
        let mut t = ArticleText::in_part(2);
        t.push_str("typed");
        assert_eq!((t.held(), t.part()), (Some("typed"), None));
    }
}

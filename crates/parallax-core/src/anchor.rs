//! Passage links that survive a changed corpus.
//!
//! A link to a passage keeps its byte offsets, the corpus version they belong to, and a quote
//! selector ([`Passage`]): a little text before the passage, its first words, a little text after.
//! [`anchor`] finds the passage in the article's current text: at the offsets when the quote still
//! matches there (an unrelated article added to the corpus changes the version, not this text);
//! else by searching for the quote, choosing the occurrence whose surroundings match best; else it
//! says the passage is gone. It never guesses: a quote that is not found is [`Anchor::Lost`].

use crate::ingest::Article;
use crate::view_state::{Notice, NoticeKind, Passage};
use crate::Span;

/// Most characters of the passage's start kept in a link.
pub const EXACT_CHARS: usize = 40;
/// Most characters of context kept before and after.
pub const CONTEXT_CHARS: usize = 16;

/// Where a passage link lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// At the link's own offsets: the text there is what the link quotes.
    Exact(Span),
    /// Elsewhere: the text changed, and the quote was found at this span.
    Moved(Span),
    /// The quote is no longer in the article.
    Lost,
}

impl Anchor {
    /// The span found, if any.
    pub fn span(self) -> Option<Span> {
        match self {
            Anchor::Exact(s) | Anchor::Moved(s) => Some(s),
            Anchor::Lost => None,
        }
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first `n` characters of `s`, cut back to the end of a word when one ends after a third of them.
fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        None => s,
        Some((cut, _)) => {
            let h = &s[..cut];
            match h.rfind(char::is_whitespace) {
                Some(w) if w >= cut / 3 => h[..w].trim_end(),
                _ => h,
            }
        }
    }
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    match s.char_indices().nth(count.saturating_sub(n)) {
        Some((cut, _)) if count > n => &s[cut..],
        _ => s,
    }
}

/// The link selector for `span` of `article` in a corpus of version `corpus_version`.
pub fn selector(article: &Article, span: Span, corpus_version: &str) -> Passage {
    let text = article.text.as_str();
    let start = floor_boundary(text, span.start);
    let end = floor_boundary(text, span.end.max(start));
    Passage {
        start,
        end,
        corpus: corpus_version.to_string(),
        prefix: tail(&text[..start], CONTEXT_CHARS).to_string(),
        exact: head(&text[start..end], EXACT_CHARS).to_string(),
        suffix: head(&text[end..], CONTEXT_CHARS).to_string(),
    }
}

/// How many characters `a` and `b` share at their ends.
fn common_tail(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Finds the passage a link points at in `text`, the article's current text.
pub fn anchor(text: &str, p: &Passage) -> Anchor {
    let in_place = p.start <= p.end
        && p.end <= text.len()
        && text.is_char_boundary(p.start)
        && text.is_char_boundary(p.end)
        && text[p.start..].starts_with(p.exact.as_str())
        && text[..p.start].ends_with(p.prefix.as_str())
        && text[p.end..].starts_with(p.suffix.as_str());
    if in_place {
        return Anchor::Exact(Span::new(p.start, p.end));
    }
    // A link without a quote can only be trusted where it points.
    if p.exact.trim().is_empty() {
        return Anchor::Lost;
    }
    let len = p.end.saturating_sub(p.start).max(p.exact.len());
    // Every occurrence of the quote, scored by how much of its context still surrounds it (the
    // prefix's characters, and the suffix within reach); ties go to the one nearest the old place.
    let mut best: Option<(usize, usize, Span)> = None; // (score, distance, span)
    for (at, _) in text.match_indices(p.exact.as_str()) {
        let min_end = at + p.exact.len();
        let reach = floor_boundary(text, at + len * 2 + 1).max(min_end);
        let suffix_at = (!p.suffix.is_empty())
            .then(|| text[min_end..reach].find(p.suffix.as_str()))
            .flatten()
            .map(|i| min_end + i);
        let score = common_tail(&text[..at], &p.prefix) * 2 + usize::from(suffix_at.is_some());
        let end = suffix_at.unwrap_or_else(|| floor_boundary(text, at + len).max(min_end));
        let distance = at.abs_diff(p.start);
        if best.is_none_or(|(s, d, _)| score > s || (score == s && distance < d)) {
            best = Some((score, distance, Span::new(at, end)));
        }
    }
    best.map_or(Anchor::Lost, |(_, _, span)| Anchor::Moved(span))
}

/// What to tell the reader about where a link's passage landed: nothing when it landed exactly.
pub fn notice(p: &Passage, found: Anchor) -> Option<Notice> {
    let quote = p.exact.clone();
    match found {
        Anchor::Exact(_) => None,
        Anchor::Moved(_) => Some(NoticeKind::PassageMoved { quote }.into()),
        Anchor::Lost => Some(NoticeKind::PassageLost { quote }.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_tails_cut_on_characters_and_words() {
        assert_eq!(head("Police cracked down on protesters", 12), "Police");
        assert_eq!(head("Ціханоўская", 4), "Ціха");
        assert_eq!(tail("… the border. ", 5), "der. ");
        assert_eq!(tail("ab", 5), "ab");
    }

    #[test]
    fn notices_say_where_a_link_landed() {
        let p = Passage {
            exact: "Police\u{202e} cracked".into(),
            ..Default::default()
        };
        assert_eq!(notice(&p, Anchor::Exact(Span::new(0, 1))), None);
        let moved = notice(&p, Anchor::Moved(Span::new(0, 1)))
            .unwrap()
            .to_string();
        assert!(
            moved.contains("“Police[U+202E] cracked…” was found again"),
            "{moved}"
        );
        let lost = notice(&p, Anchor::Lost).unwrap();
        assert_eq!(
            lost.kind(),
            &NoticeKind::PassageLost {
                quote: p.exact.clone()
            }
        );
        let lost = lost.to_string();
        assert!(lost.contains("is no longer in this article"), "{lost}");
    }
}

//! The analysis pipeline, stage by stage: split into words (byte offsets kept) → join numbers
//! written in groups ([`super::numbers`]: `6,700` is one word, folded to `6700`) → normalise
//! ([`super::normalise`]) → stem ([`super::stem`]), plus a name key ([`super::names`]) for words
//! written with a capital. The index and queries share it, so they always agree.
//!
//! [`words`] and [`tokens`] are the plain split, without the numbers stage: other analyses (figures,
//! dates, repeats, alignment) read `6,700` as the two words they expect.

use super::names::name_key;
use super::normalise::fold;
use super::numbers::{is_group_separator, join_groups};
use super::stem::stem;
use crate::Span;

/// A word as the index sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Stemmed, folded form: what is indexed and matched.
    pub term: String,
    /// Folded form before stemming (for prefixes and typo tolerance).
    pub folded: String,
    /// Where the word stands in the analysed text.
    pub span: Span,
    /// Name-variant key, for words that start with a capital.
    pub name_key: Option<String>,
}

/// Common English words: indexed (phrases need them) but optional in queries.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "no", "not", "of", "on", "or",
    "she", "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "to", "was", "we", "were", "which", "who", "will", "with", "would",
];

/// A lower-cased word with its byte range (no folding or stemming), for comparisons inside one
/// text such as repeated-paragraph detection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased word.
    pub text: String,
    /// Byte range in the source text.
    pub span: Span,
}

/// The words of `text`, lower-cased, with their spans.
pub fn tokens(text: &str) -> Vec<Token> {
    words(text)
        .into_iter()
        .map(|s| Token {
            text: text[s.start..s.end].to_lowercase(),
            span: s,
        })
        .collect()
}

/// Whether a folded word is a stop word.
pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.binary_search(&folded).is_ok()
}

/// Splits `text` into words: runs of letters and digits, with an apostrophe or a hyphen inside a
/// word kept as part of it (`Int'l`, `pre-condition`) — hyphenated words are then also split.
pub fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner || ('\u{300}'..='\u{36f}').contains(&c) && start.is_some()
        {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(s, i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// Analyses one word (a span of `text`, shifted by `offset` in the result).
pub fn analyse_word(text: &str, span: Span, offset: usize) -> Term {
    let surface = &text[span.start..span.end];
    let folded = fold_word(surface);
    let capital = surface.chars().next().is_some_and(char::is_uppercase);
    Term {
        term: stem(&folded),
        name_key: if capital { name_key(&folded) } else { None },
        folded,
        span: Span::new(offset + span.start, offset + span.end),
    }
}

/// The folded form of one word; a possessive `'s` and apostrophes do not change the word, nor
/// do the separators of a number written in groups (`6,700` → `6700`).
fn fold_word(surface: &str) -> String {
    let mut folded = fold(surface);
    if let Some(base) = folded.strip_suffix("'s") {
        folded.truncate(base.len());
    }
    folded.retain(|c| c != '\'' && !is_group_separator(c));
    folded
}

/// Whether a word folds to nothing (a lone `ь`): such words are not indexed and take no position.
/// An ASCII word never does: it starts with a letter or digit that stays.
fn folds_to_nothing(surface: &str) -> bool {
    !surface.is_ascii() && fold_word(surface).is_empty()
}

/// The words of `text` as the index splits them: [`words`], with each number written in groups
/// joined into one span (`6,700`, `6 700`; see [`super::numbers`]). Queries split so too.
pub fn index_words(text: &str) -> Vec<Span> {
    join_groups(text, words(text))
}

/// The spans of the words that [`analyse`] keeps, in order: word `i` here has position `i` in the
/// index. Much cheaper than analysing (no folding or stemming), for highlighting by position.
pub fn word_spans(text: &str) -> Vec<Span> {
    let mut spans = index_words(text);
    spans.retain(|s| !folds_to_nothing(&text[s.start..s.end]));
    spans
}

/// Analyses a whole text; spans are shifted by `offset`.
pub fn analyse(text: &str, offset: usize) -> Vec<Term> {
    word_spans(text)
        .into_iter()
        .map(|w| analyse_word(text, w, offset))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_offsets() {
        let text = "Int'l “brutalities”, Ціханоўская's 6,700!";
        let t = tokens(text);
        let words: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["int'l", "brutalities", "ціханоўская's", "6", "700"]);
        assert_eq!(&text[t[2].span.start..t[2].span.end], "Ціханоўская's");
    }

    #[test]
    fn stopwords_are_sorted() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn pipeline_keeps_offsets_on_non_ascii_text() {
        let text = "Ціханоўская’s “dialogue” — Łukašenka's protesters, 6,700!";
        let terms = analyse(text, 10);
        let got: Vec<_> = terms
            .iter()
            .map(|t| (t.term.as_str(), &text[t.span.start - 10..t.span.end - 10]))
            .collect();
        assert_eq!(
            got,
            [
                ("tsikhanouskaya", "Ціханоўская’s"),
                ("dialogu", "dialogue"),
                ("lukasenka", "Łukašenka's"),
                ("protest", "protesters"),
                ("6700", "6,700"),
            ]
        );
        assert_eq!(terms[0].name_key.as_deref(), Some("tknsk"));
        assert_eq!(terms[1].name_key, None);
    }
}

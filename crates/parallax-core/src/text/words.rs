//! Lower-cased word tokens with their byte ranges, for comparisons between passages.

use crate::Span;

/// One word token: the lower-cased text and where it stands in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased word.
    pub text: String,
    /// Byte range in the source text.
    pub span: Span,
}

/// Splits `text` into alphanumeric words (apostrophes inside a word are kept: `Int'l`, `EU's`).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Token {
                text: text[s..i].to_lowercase(),
                span: Span::new(s, i),
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: text[s..].to_lowercase(),
            span: Span::new(s, text.len()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_offsets() {
        let text = "Int'l “brutalities”, Ціханоўская's 6,700!";
        let t = tokens(text);
        let words: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["int'l", "brutalities", "ціханоўская's", "6", "700"]);
        assert_eq!(&text[t[2].span.start..t[2].span.end], "Ціханоўская's");
    }
}

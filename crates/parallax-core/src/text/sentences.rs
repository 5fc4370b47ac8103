//! Sentence boundaries in news prose.
//!
//! A boundary is a `.`, `!`, `?` or `…`, optionally followed by closing quotes or brackets, then
//! white space, then something that can start a sentence (a capital, a digit, an opening quote).
//! A period does not end a sentence after a known abbreviation (`Mr.`, `Gen.`, `Aug.`), an initial
//! (`S. Biegun`) or a dotted acronym (`U.S.`, `U.N.`).

use crate::Span;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "gov", "sen", "rep", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vol", "pp",
    "approx", "mt", "ft", "fig", "dept", "est", "e.g", "i.e", "cf", "al",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[')
}

/// The word that ends right before byte `dot` (the text between the previous space and the dot).
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &head[start..]
}

fn period_is_not_an_end(text: &str, dot: usize) -> bool {
    let word = word_before(text, dot);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    // An initial: one capital letter.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    // A dotted acronym: U.S, U.N, e.g (the final dot is the one being tested).
    word.contains('.') && word.split('.').all(|p| p.chars().count() == 1)
}

/// Splits `text` into sentences; the spans are byte ranges in `text` shifted by `offset`, with
/// surrounding white space trimmed. Every non-space character of `text` is in exactly one span.
pub fn split_sentences(text: &str, offset: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Take the whole run of terminal punctuation and closers.
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = iter.peek() {
            if matches!(n, '.' | '!' | '?' | '…') || is_closer(n) {
                end = j + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !after_space.is_empty() {
            continue; // no white space after the punctuation: "80.1%", "U.S.-led"
        }
        let next = after_space.chars().next();
        let starts_sentence = match next {
            None => true,
            Some(n) => n.is_uppercase() || n.is_ascii_digit() || is_opener(n),
        };
        if !starts_sentence {
            continue;
        }
        if c == '.' && end == i + 1 && period_is_not_an_end(text, i) {
            continue;
        }
        push_trimmed(&mut out, text, start, end, offset);
        start = end;
    }
    push_trimmed(&mut out, text, start, text.len(), offset);
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize, offset: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(Span::new(offset + s, offset + s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, 0)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "two plain",
                "One fact. Another fact.",
                &["One fact.", "Another fact."],
            ),
            (
                "acronym U.S.",
                "At mtng w U.S. Deputy Secretary of State S. Biegun, I called. Then more.",
                &[
                    "At mtng w U.S. Deputy Secretary of State S. Biegun, I called.",
                    "Then more.",
                ],
            ),
            (
                "apostrophe abbreviation",
                "Calls For Int'l Response. Next one.",
                &["Calls For Int'l Response.", "Next one."],
            ),
            (
                "quote closes sentence",
                "\"It is over.\" He left. “We stay,” she said.",
                &["\"It is over.\"", "He left.", "“We stay,” she said."],
            ),
            (
                "decimal numbers",
                "Lukashenko got 80.1% of the vote. Tikhanovskaya got 10.12%.",
                &[
                    "Lukashenko got 80.1% of the vote.",
                    "Tikhanovskaya got 10.12%.",
                ],
            ),
            (
                "title abbreviation",
                "Mr. Smith left. Gen. Jones came.",
                &["Mr. Smith left.", "Gen. Jones came."],
            ),
            (
                "question and exclamation",
                "Why? Because! Yes.",
                &["Why?", "Because!", "Yes."],
            ),
            (
                "lowercase continues",
                "It grew by 3 p.m. today. Fine.",
                &["It grew by 3 p.m. today.", "Fine."],
            ),
            (
                "no final stop",
                "A standfirst without a stop",
                &["A standfirst without a stop"],
            ),
            (
                "non-ASCII",
                "Ціханоўская спала. Ёсць яшчэ.",
                &["Ціханоўская спала.", "Ёсць яшчэ."],
            ),
            (
                "closing quote then stop",
                "in order to “silence him”. Someone robbed it.",
                &["in order to “silence him”.", "Someone robbed it."],
            ),
            ("empty", "   ", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&sentences(text), want, "case {name}");
        }
    }

    #[test]
    fn offsets_are_shifted() {
        let spans = split_sentences(" A b. C d.", 100);
        assert_eq!(spans, vec![Span::new(101, 105), Span::new(106, 110)]);
    }
}

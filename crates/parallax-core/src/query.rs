//! The query language.
//!
//! | form | meaning |
//! |---|---|
//! | `dialogue opposition` | articles with every term (falls back to any term when none has all) |
//! | `"political prisoners"` | the exact phrase (also with “curly quotes”) |
//! | `-sanctions` | without the term (or `-"exact phrase"`) |
//! | `sanct*` | any word starting so |
//! | `outlet:TASS`, `outlet:"Harbour Daily"` | only articles from that outlet (publisher, wire or via) |
//! | `date:2020-08`, `date:2020-08-14`, `date:2020-08-01..2020-08-20`, `date:..2020-12` | date or date range |
//! | `actor:putin`, `stance:sanctions=support` | stance filters (once stance tagging exists) |
//!
//! Parsing is total: any string gives a query, and whatever could not be read as written comes
//! back as a short hint.

mod hint;

pub use hint::{Hint, MAX_QUERY_CHARS};

use crate::text::tokenize::index_words;
use std::fmt;

/// A field filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `outlet:`
    Outlet,
    /// `date:`
    Date,
    /// `actor:`
    Actor,
    /// `stance:`
    Stance,
}

impl Field {
    fn parse(name: &str) -> Option<Field> {
        match name.to_ascii_lowercase().as_str() {
            "outlet" | "source" => Some(Field::Outlet),
            "date" => Some(Field::Date),
            "actor" => Some(Field::Actor),
            "stance" => Some(Field::Stance),
            _ => None,
        }
    }

    /// The name as written in queries.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Outlet => "outlet",
            Field::Date => "date",
            Field::Actor => "actor",
            Field::Stance => "stance",
        }
    }
}

/// One part of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// A word; `prefix` when written `word*`.
    Term {
        /// The word as typed.
        text: String,
        /// Written with a trailing `*`.
        prefix: bool,
        /// Written with a leading `-`.
        negated: bool,
    },
    /// Words in this exact order.
    Phrase {
        /// The words as typed.
        words: Vec<String>,
        /// Written with a leading `-`.
        negated: bool,
    },
    /// `field:value`.
    Filter {
        /// Which field.
        field: Field,
        /// The value as typed.
        value: String,
        /// Written with a leading `-`.
        negated: bool,
    },
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The parts, in the order typed.
    pub clauses: Vec<Clause>,
    /// What was read differently from how it was written.
    pub hints: Vec<Hint>,
}

fn quote_value(v: &str) -> String {
    if v.chars().any(|c| c.is_whitespace() || c == '"') || v.is_empty() {
        format!("\"{}\"", v.replace('"', ""))
    } else {
        v.to_string()
    }
}

/// Writes `items` one after another, a space between, except where a space would make them read
/// otherwise (`reads_back` tells whether a text reads as `items`): a space after digits can join
/// them with digits that follow into one number (`1 234`) or make `6.700` a decimal before
/// `percent`. There a hyphen (where `hyphen(i)` allows one after item `i`) or two spaces keep the
/// neighbours apart: the words `1` and `234` are written `1-234`.
fn spaced_apart(
    items: &[String],
    hyphen: impl Fn(usize) -> bool,
    reads_back: impl Fn(&str) -> bool,
) -> String {
    let render = |gaps: &[&str]| {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(gaps[i - 1]);
            }
            out.push_str(item);
        }
        out
    };
    let mut gaps = vec![" "; items.len().saturating_sub(1)];
    let plain = render(&gaps);
    // Only digits at the end of an item let the space after it change how things read.
    let risky: Vec<usize> = (0..gaps.len())
        .filter(|&i| ends_with_digit(&items[i]))
        .collect();
    if risky.is_empty() || reads_back(&plain) {
        return plain;
    }
    // Two spaces keep anything apart; then a space or a hyphen wherever it reads the same.
    for &i in &risky {
        gaps[i] = "  ";
    }
    for &i in &risky {
        for gap in [" ", "-"] {
            if gap == "-" && !hyphen(i) {
                continue;
            }
            gaps[i] = gap;
            if reads_back(&render(&gaps)) {
                break;
            }
            gaps[i] = "  ";
        }
    }
    render(&gaps)
}

fn ends_with_digit(s: &str) -> bool {
    s.ends_with(|c: char| c.is_ascii_digit())
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = |n: &bool| if *n { "-" } else { "" };
        match self {
            Clause::Term {
                text,
                prefix,
                negated,
            } => write!(
                f,
                "{}{}{}",
                neg(negated),
                text,
                if *prefix { "*" } else { "" }
            ),
            Clause::Phrase { words, negated } => {
                let inside = spaced_apart(
                    words,
                    |i| !words[i + 1].contains(char::is_whitespace),
                    |s| phrase_words(s) == *words,
                );
                write!(f, "{}\"{inside}\"", neg(negated))
            }
            Clause::Filter {
                field,
                value,
                negated,
            } => write!(
                f,
                "{}{}:{}",
                neg(negated),
                field.as_str(),
                quote_value(value)
            ),
        }
    }
}

impl fmt::Display for Query {
    /// The query written back in canonical form: clauses a space apart, except where a space
    /// would make them read otherwise (the words `1` and `234`, typed `1-234`, are not the number
    /// `1 234`; see [`spaced_apart`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let written: Vec<String> = self.clauses.iter().map(Clause::to_string).collect();
        let hyphen = |i: usize| {
            matches!(
                (&self.clauses[i], &self.clauses[i + 1]),
                (
                    Clause::Term { prefix: false, negated: false, .. },
                    Clause::Term { text, negated: false, .. },
                ) if !text.contains(char::is_whitespace)
            )
        };
        f.write_str(&spaced_apart(&written, hyphen, |s| {
            parse(s).clauses == self.clauses
        }))
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Reads a quoted run starting after the opening quote; returns the text and the index after it.
fn read_quoted(chars: &[char], mut i: usize, hints: &mut Vec<Hint>) -> (String, usize) {
    let start = i;
    while i < chars.len() && !is_quote(chars[i]) {
        i += 1;
    }
    let text: String = chars[start..i].iter().collect();
    if i >= chars.len() {
        hints.push(Hint::UnclosedQuote);
        (text, i)
    } else {
        (text, i + 1)
    }
}

/// Splits a phrase into words the way the index does (`6,700` and `6 700` are one word).
fn phrase_words(text: &str) -> Vec<String> {
    index_words(text)
        .into_iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

/// The words of the query's text as the index splits them, as ranges of `chars`: a bare word of
/// a query reads as the same text does in an article (`6 700` is one word, white space and all;
/// `6.700 percent` is a decimal).
fn word_ranges(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let text: String = chars.iter().collect();
    // The character index of each byte offset that starts a character.
    let mut at = vec![0; text.len() + 1];
    for (n, (b, _)) in text.char_indices().enumerate() {
        at[b] = n;
    }
    at[text.len()] = chars.len();
    index_words(&text)
        .into_iter()
        .map(|s| at[s.start]..at[s.end])
        .collect()
}

/// Parses a query. Never fails.
pub fn parse(input: &str) -> Query {
    let chars: Vec<char> = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut q = Query::default();
    if input.chars().nth(MAX_QUERY_CHARS).is_some() {
        q.hints.push(Hint::Cut);
    }
    let ranges = word_ranges(&chars);
    // Ranges of words starting before character `i`.
    let before = |i: usize| ranges.partition_point(|r| r.start < i);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if chars[i] == '-' {
            negated = true;
            i += 1;
            if i >= chars.len() || chars[i].is_whitespace() {
                q.hints.push(Hint::LoneMinus);
                continue;
            }
        }
        if is_quote(chars[i]) {
            let (text, next) = read_quoted(&chars, i + 1, &mut q.hints);
            i = next;
            let words = phrase_words(&text);
            match words.len() {
                0 => q.hints.push(Hint::EmptyPhrase),
                1 => q.clauses.push(Clause::Term {
                    text: words[0].clone(),
                    prefix: false,
                    negated,
                }),
                _ => q.clauses.push(Clause::Phrase { words, negated }),
            }
            continue;
        }
        // A bare token, up to white space or a quote (a quote right after `field:` opens its value);
        // the spaces of a number written in groups (`6 700`) are part of it.
        let start = i;
        let in_number = |i: usize| before(i) > 0 && ranges[before(i) - 1].end > i;
        while i < chars.len() && !is_quote(chars[i]) && (!chars[i].is_whitespace() || in_number(i))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        if let Some((name, value)) = token.split_once(':') {
            if let Some(field) = Field::parse(name) {
                let value = if value.is_empty() && i < chars.len() && is_quote(chars[i]) {
                    let (text, next) = read_quoted(&chars, i + 1, &mut q.hints);
                    i = next;
                    text.trim().to_string()
                } else {
                    value.to_string()
                };
                if value.is_empty() {
                    q.hints.push(Hint::NoValue { field });
                } else {
                    q.clauses.push(Clause::Filter {
                        field,
                        value,
                        negated,
                    });
                }
                continue;
            } else if !name.is_empty() && !value.is_empty() && name.chars().all(char::is_alphabetic)
            {
                q.hints.push(Hint::NotAField {
                    name: name.to_string(),
                });
            }
        }
        let prefix = token.ends_with('*');
        let words: Vec<String> = ranges[before(start)..before(i)]
            .iter()
            .map(|r| chars[r.clone()].iter().collect())
            .collect();
        let count = words.len();
        for (n, w) in words.into_iter().enumerate() {
            let is_prefix = prefix && n + 1 == count;
            if is_prefix && w.chars().count() < 2 {
                q.hints.push(Hint::TooShortToComplete { word: w.clone() });
                q.clauses.push(Clause::Term {
                    text: w,
                    prefix: false,
                    negated,
                });
            } else {
                q.clauses.push(Clause::Term {
                    text: w,
                    prefix: is_prefix,
                    negated,
                });
            }
        }
    }
    q
}

/// The query with the filter `field:value` removed if it is there, added if it is not: what a
/// click on a facet does. The result is in canonical form.
pub fn toggle_filter(input: &str, field: Field, value: &str) -> String {
    let mut q = parse(input);
    let same = |c: &Clause| {
        matches!(c, Clause::Filter { field: f, value: v, negated: false }
            if *f == field && crate::text::normalise::fold(v) == crate::text::normalise::fold(value))
    };
    if q.clauses.iter().any(same) {
        q.clauses.retain(|c| !same(c));
    } else {
        q.clauses.push(Clause::Filter {
            field,
            value: value.to_string(),
            negated: false,
        });
    }
    q.to_string()
}

fn example(field: Field) -> &'static str {
    match field {
        Field::Outlet => "outlet:TASS",
        Field::Date => "date:2020-08",
        Field::Actor => "actor:putin",
        Field::Stance => "stance:sanctions=support",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Clause {
        Clause::Term {
            text: text.into(),
            prefix: false,
            negated: false,
        }
    }

    #[test]
    fn forms() {
        let cases: &[(&str, &str, Vec<Clause>, usize)] = &[
            (
                "plain terms",
                "dialogue opposition",
                vec![t("dialogue"), t("opposition")],
                0,
            ),
            (
                "phrase",
                "\"political prisoners\"",
                vec![Clause::Phrase {
                    words: vec!["political".into(), "prisoners".into()],
                    negated: false,
                }],
                0,
            ),
            (
                "curly phrase",
                "“political prisoners”",
                vec![Clause::Phrase {
                    words: vec!["political".into(), "prisoners".into()],
                    negated: false,
                }],
                0,
            ),
            (
                "exclusion",
                "-sanctions",
                vec![Clause::Term {
                    text: "sanctions".into(),
                    prefix: false,
                    negated: true,
                }],
                0,
            ),
            (
                "prefix",
                "sanct*",
                vec![Clause::Term {
                    text: "sanct".into(),
                    prefix: true,
                    negated: false,
                }],
                0,
            ),
            (
                "outlet filter",
                "outlet:TASS sanctions",
                vec![
                    Clause::Filter {
                        field: Field::Outlet,
                        value: "TASS".into(),
                        negated: false,
                    },
                    t("sanctions"),
                ],
                0,
            ),
            (
                "quoted filter value",
                "outlet:\"Harbour Daily\"",
                vec![Clause::Filter {
                    field: Field::Outlet,
                    value: "Harbour Daily".into(),
                    negated: false,
                }],
                0,
            ),
            (
                "date range",
                "date:2020-08-01..2020-08-20",
                vec![Clause::Filter {
                    field: Field::Date,
                    value: "2020-08-01..2020-08-20".into(),
                    negated: false,
                }],
                0,
            ),
            (
                "unclosed quote",
                "\"political prisoners",
                vec![Clause::Phrase {
                    words: vec!["political".into(), "prisoners".into()],
                    negated: false,
                }],
                1,
            ),
            ("lone minus", "- dialogue", vec![t("dialogue")], 1),
            ("unknown field", "foo:bar", vec![t("foo"), t("bar")], 1),
            ("empty filter", "outlet:", vec![], 1),
            ("single-word phrase", "\"Putin\"", vec![t("Putin")], 0),
            ("empty phrase", "\"\"", vec![], 1),
            ("star alone", "*", vec![], 0),
            ("short prefix", "a*", vec![t("a")], 1),
            ("punctuation only", "!!! ,,,", vec![], 0),
            (
                "url",
                "https://example.com",
                vec![t("https"), t("example"), t("com")],
                1,
            ),
            ("number in comma groups", "6,700", vec![t("6,700")], 0),
            (
                "number in space groups is one word",
                "6 700 detained",
                vec![t("6 700"), t("detained")],
                0,
            ),
            (
                "number in no-break space groups",
                "-1\u{a0}250\u{a0}000",
                vec![Clause::Term {
                    text: "1\u{a0}250\u{a0}000".into(),
                    prefix: false,
                    negated: true,
                }],
                0,
            ),
            (
                "year then a number",
                "2020 300",
                vec![t("2020"), t("300")],
                0,
            ),
            (
                "dot group before percent reads as in an article",
                "6.700 percent",
                vec![t("6"), t("700"), t("percent")],
                0,
            ),
            (
                "phrase with a number",
                "\"6 700 people\"",
                vec![Clause::Phrase {
                    words: vec!["6 700".into(), "people".into()],
                    negated: false,
                }],
                0,
            ),
        ];
        for (name, input, want, hints) in cases {
            let q = parse(input);
            assert_eq!(&q.clauses, want, "{name}");
            assert_eq!(q.hints.len(), *hints, "{name}: {:?}", q.hints);
        }
    }

    #[test]
    fn canonical_form_round_trips() {
        for input in [
            "dialogue -\"political prisoners\" outlet:\"Harbour Daily\" sanct* date:2020-08",
            "a b c",
        ] {
            let q = parse(input);
            assert_eq!(parse(&q.to_string()).clauses, q.clauses, "{input}");
        }
    }

    /// Words that a space would join into one number are written apart in the canonical form.
    #[test]
    fn canonical_form_keeps_numbers_apart_or_together() {
        let cases = [
            ("number in groups", "6 700 detained", "6 700 detained"),
            ("comma groups", "6,700", "6,700"),
            ("words a hyphen kept apart", "1-234", "1-234"),
            ("negated words", "-1-234", "-1 -234"),
            ("negated number", "-1 234", "-1 234"),
            ("negated word then a word", "-\"1\" 234", "-1  234"),
            ("then a prefix", "1-234*", "1-234*"),
            ("a number then more digits", "\"6 700\"  000", "6 700-000"),
            ("in a phrase", "\"1-234 people\"", "\"1-234 people\""),
            ("year then a number", "2020 300", "2020 300"),
            ("groups then an unclosed quote", "1 000\"0", "1 000-0"),
            ("percent", "6.700%", "6-700"),
            ("id before groups", "A320 100 000", "A320 100 000"),
            (
                "hyphenated name before groups",
                "COVID-19 100 000",
                "COVID 19-100 000",
            ),
            (
                "mixed separators",
                "0,\u{2009}1\u{202f}000",
                "0 1\u{202f}000",
            ),
            ("dot group before percent", "6.700-percent", "6.700-percent"),
            ("decimal before percent", "6.700 percent", "6-700 percent"),
            (
                "dot group before percent in a phrase",
                "\"6.700-percent rise\"",
                "\"6.700-percent rise\"",
            ),
            (
                "filter value before groups",
                "date:20 \"100 000\"",
                "date:20  100 000",
            ),
        ];
        for (name, input, want) in cases {
            let q = parse(input);
            assert_eq!(q.to_string(), want, "{name}");
            assert_eq!(parse(want).clauses, q.clauses, "{name}");
        }
    }

    #[test]
    fn facet_toggles() {
        assert_eq!(
            toggle_filter("dialogue", Field::Outlet, "TASS"),
            "dialogue outlet:TASS"
        );
        assert_eq!(
            toggle_filter("dialogue outlet:tass", Field::Outlet, "TASS"),
            "dialogue"
        );
        assert_eq!(
            toggle_filter("", Field::Outlet, "Harbour Daily"),
            "outlet:\"Harbour Daily\""
        );
        assert_eq!(
            toggle_filter("x date:2020-08", Field::Date, "2021"),
            "x date:2020-08 date:2021"
        );
    }

    #[test]
    fn any_string_parses() {
        let mut seed = 7u64;
        let alphabet: Vec<char> = "ab -\"“”*:outlet date..2020\u{0}é👍\\'".chars().collect();
        for _ in 0..5000 {
            let n = (seed % 30) as usize;
            let s: String = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let q = parse(&s);
            let _ = parse(&q.to_string());
        }
    }
}

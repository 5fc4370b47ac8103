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
    /// What was read differently from how it was written, as short sentences.
    pub hints: Vec<String>,
}

fn quote_value(v: &str) -> String {
    if v.chars().any(|c| c.is_whitespace() || c == '"') || v.is_empty() {
        format!("\"{}\"", v.replace('"', ""))
    } else {
        v.to_string()
    }
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
                write!(f, "{}\"{}\"", neg(negated), words.join(" "))
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
    /// The query written back in canonical form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Reads a quoted run starting after the opening quote; returns the text and the index after it.
fn read_quoted(chars: &[char], mut i: usize, hints: &mut Vec<String>) -> (String, usize) {
    let start = i;
    while i < chars.len() && !is_quote(chars[i]) {
        i += 1;
    }
    let text: String = chars[start..i].iter().collect();
    if i >= chars.len() {
        hints.push("A quote was not closed; the phrase runs to the end of the query.".into());
        (text, i)
    } else {
        (text, i + 1)
    }
}

/// Splits a phrase into words the way the index does.
fn phrase_words(text: &str) -> Vec<String> {
    crate::text::tokenize::words(text)
        .into_iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

/// Parses a query. Never fails.
pub fn parse(input: &str) -> Query {
    let chars: Vec<char> = input.chars().take(1000).collect();
    let mut q = Query::default();
    if input.chars().count() > 1000 {
        q.hints
            .push("The query was cut to its first 1,000 characters.".into());
    }
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
                q.hints
                    .push("A lone “-” excludes nothing; write -word to leave a word out.".into());
                continue;
            }
        }
        if is_quote(chars[i]) {
            let (text, next) = read_quoted(&chars, i + 1, &mut q.hints);
            i = next;
            let words = phrase_words(&text);
            match words.len() {
                0 => q.hints.push("An empty phrase (\"\") was left out.".into()),
                1 => q.clauses.push(Clause::Term {
                    text: words[0].clone(),
                    prefix: false,
                    negated,
                }),
                _ => q.clauses.push(Clause::Phrase { words, negated }),
            }
            continue;
        }
        // A bare token, up to white space or a quote (a quote right after `field:` opens its value).
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !is_quote(chars[i]) {
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
                    q.hints.push(format!(
                        "“{}:” needs a value, e.g. {}",
                        field.as_str(),
                        example(field)
                    ));
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
                q.hints.push(format!(
                    "“{name}:” is not a filter (try outlet:, date:, actor:, stance:); it was searched as words."
                ));
            }
        }
        let prefix = token.ends_with('*');
        let words = phrase_words(&token);
        let count = words.len();
        for (n, w) in words.into_iter().enumerate() {
            let is_prefix = prefix && n + 1 == count;
            if is_prefix && w.chars().count() < 2 {
                q.hints.push(format!(
                    "“{w}*” is too short to complete; searched as the word “{w}”."
                ));
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

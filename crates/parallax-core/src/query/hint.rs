//! What the query parser read differently from how it was written ([`Hint`]).

use super::{example, Field};
use std::fmt;

/// Most characters of a query that are read; the rest is cut.
pub const MAX_QUERY_CHARS: usize = 1000;

/// Something the parser read differently from how it was written. Its [`Display`](fmt::Display)
/// is a short sentence for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Hint {
    /// The query is longer than [`MAX_QUERY_CHARS`]; the rest was cut.
    Cut,
    /// A `-` with nothing after it.
    LoneMinus,
    /// A quotation mark without its closing one; the phrase runs to the end.
    UnclosedQuote,
    /// `""`: a phrase with no words, left out.
    EmptyPhrase,
    /// A field with nothing after its colon (`outlet:`).
    NoValue {
        /// The field.
        field: Field,
    },
    /// `word:value` where `word` is not a field; searched as words.
    NotAField {
        /// What came before the colon.
        name: String,
    },
    /// `w*` with too few letters to complete; searched as the word.
    TooShortToComplete {
        /// The word without its `*`.
        word: String,
    },
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hint::Cut => f.write_str("The query was cut to its first 1,000 characters."),
            Hint::LoneMinus => {
                f.write_str("A lone “-” excludes nothing; write -word to leave a word out.")
            }
            Hint::UnclosedQuote => {
                f.write_str("A quote was not closed; the phrase runs to the end of the query.")
            }
            Hint::EmptyPhrase => f.write_str("An empty phrase (\"\") was left out."),
            Hint::NoValue { field } => write!(
                f,
                "“{}:” needs a value, e.g. {}",
                field.as_str(),
                example(*field)
            ),
            Hint::NotAField { name } => write!(
                f,
                "“{name}:” is not a filter (try outlet:, date:, actor:, stance:); it was searched as words."
            ),
            Hint::TooShortToComplete { word } => write!(
                f,
                "“{word}*” is too short to complete; searched as the word “{word}”."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_read_as_sentences() {
        #[rustfmt::skip]
        let cases = [
            ("cut", Hint::Cut, "The query was cut to its first 1,000 characters."),
            ("lone minus", Hint::LoneMinus, "A lone “-” excludes nothing; write -word to leave a word out."),
            ("unclosed quote", Hint::UnclosedQuote, "A quote was not closed; the phrase runs to the end of the query."),
            ("empty phrase", Hint::EmptyPhrase, "An empty phrase (\"\") was left out."),
            ("no value", Hint::NoValue { field: Field::Stance }, "“stance:” needs a value, e.g. stance:sanctions=support"),
            ("not a field", Hint::NotAField { name: "who".into() }, "“who:” is not a filter (try outlet:, date:, actor:, stance:); it was searched as words."),
            ("too short", Hint::TooShortToComplete { word: "ß".into() }, "“ß*” is too short to complete; searched as the word “ß”."),
        ];
        for (name, hint, want) in cases {
            assert_eq!(hint.to_string(), want, "{name}");
        }
    }

    /// What each malformed query says, by kind.
    #[test]
    fn each_slip_gives_its_hint() {
        let long = "a ".repeat(MAX_QUERY_CHARS);
        #[rustfmt::skip]
        let cases: [(&str, &str, Vec<Hint>); 8] = [
            ("too long", &long, vec![Hint::Cut]),
            ("lone minus", "dialogue -", vec![Hint::LoneMinus]),
            ("unclosed quote", "\"political prisoners", vec![Hint::UnclosedQuote]),
            ("empty phrase", "a \"\" b", vec![Hint::EmptyPhrase]),
            ("no value", "outlet:", vec![Hint::NoValue { field: Field::Outlet }]),
            ("not a field", "who:putin", vec![Hint::NotAField { name: "who".into() }]),
            ("too short", "s*", vec![Hint::TooShortToComplete { word: "s".into() }]),
            ("none", "dialogue outlet:TASS", vec![]),
        ];
        for (name, input, want) in cases {
            assert_eq!(super::super::parse(input).hints, want, "{name}");
        }
    }
}

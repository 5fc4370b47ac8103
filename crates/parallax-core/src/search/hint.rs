//! What a search says about its query besides the results ([`Hint`]).

use super::filters::FilterError;
use serde::{Serialize, Serializer};
use std::fmt;

/// Something about the query the reader should know: how the parser read it, a filter that
/// was left out, words that were not used. Its [`Display`](fmt::Display) is a short sentence; it
/// serializes as that sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Hint {
    /// The parser read part of the query differently from how it was written.
    Query(crate::query::Hint),
    /// A filter that cannot be used, left out.
    Filter(FilterError),
    /// The query has more words than a search scores; the first `used` were.
    TooManyWords {
        /// How many words were used.
        used: usize,
    },
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hint::Query(h) => h.fmt(f),
            Hint::Filter(e) => e.fmt(f),
            Hint::TooManyWords { used } => {
                write!(f, "Only the first {used} words of the query were used.")
            }
        }
    }
}

impl From<crate::query::Hint> for Hint {
    fn from(h: crate::query::Hint) -> Hint {
        Hint::Query(h)
    }
}

impl From<FilterError> for Hint {
    fn from(e: FilterError) -> Hint {
        Hint::Filter(e)
    }
}

impl Serialize for Hint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Field;

    #[test]
    fn hints_read_as_sentences() {
        #[rustfmt::skip]
        let cases = [
            ("from the parser", Hint::Query(crate::query::Hint::UnclosedQuote), "A quote was not closed; the phrase runs to the end of the query."),
            ("not a date", FilterError::NotADate { value: "soon".into() }.into(), "“date:soon” is not a date; write date:2020, date:2020-08, date:2020-08-14 or a range like date:2020-08-01..2020-08-20."),
            ("not a stance", FilterError::NotAStance { target: "sanctions".into(), word: "maybe".into() }.into(), "“maybe” is not a stance; write stance:sanctions=support, =oppose or =neutral."),
            ("not a stance field", FilterError::NotAStanceField { field: Field::Outlet }.into(), "“outlet:” is not a stance filter."),
            ("too many words", Hint::TooManyWords { used: 64 }, "Only the first 64 words of the query were used."),
        ];
        for (name, hint, want) in cases {
            assert_eq!(hint.to_string(), want, "{name}");
            assert_eq!(
                serde_json::to_string(&hint).unwrap(),
                serde_json::to_string(want).unwrap(),
                "{name}: serialized as its sentence"
            );
        }
    }
}

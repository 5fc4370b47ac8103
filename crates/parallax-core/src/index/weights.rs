//! The ranking weights: index-time field weights and query-time knobs, each range checked
//! where they are made.

use serde::{Deserialize, Serialize};

/// A ranking weight given outside its range ([`FieldWeights::new`], [`QueryWeights::new`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WeightError {
    /// Which weight.
    pub name: &'static str,
    /// The value given.
    pub value: f32,
    /// The range it must fall in (both ends included).
    pub range: (f32, f32),
}

impl std::fmt::Display for WeightError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the ranking weight `{}` must be a number from {} to {}, not {}",
            self.name, self.range.0, self.range.1, self.value
        )
    }
}

impl std::error::Error for WeightError {}

fn in_range(name: &'static str, value: f32, lo: f32, hi: f32) -> Result<f32, WeightError> {
    if value.is_finite() && (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(WeightError {
            name,
            value,
            range: (lo, hi),
        })
    }
}

/// Index-time weights: how much a word counts by where it stands. Article lengths are counted
/// with them when the index is built, and the index keeps them ([`Index::fields`]), so that
/// scoring counts words the same way.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldWeights {
    title: f32,
    caption: f32,
}

impl FieldWeights {
    /// A word in the headline (0–10, default 1) and in a photo caption (0–10, default 0.5)
    /// against one in the body (1).
    pub fn new(title: f32, caption: f32) -> Result<FieldWeights, WeightError> {
        Ok(FieldWeights {
            title: in_range("title", title, 0.0, 10.0)?,
            caption: in_range("caption", caption, 0.0, 10.0)?,
        })
    }

    /// How much a word in the headline counts.
    pub fn title(&self) -> f32 {
        self.title
    }

    /// How much a word in a photo caption counts.
    pub fn caption(&self) -> f32 {
        self.caption
    }
}

impl Default for FieldWeights {
    fn default() -> FieldWeights {
        FieldWeights {
            title: 1.0,
            caption: 0.5,
        }
    }
}

/// Query-time knobs: BM25's and how much a looser match counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QueryWeights {
    k1: f32,
    b: f32,
    variant: f32,
    prefix: f32,
    fuzzy: f32,
}

impl QueryWeights {
    /// - `k1`, BM25 term-frequency saturation, 0–3 (default 1.2): higher lets repeated words
    ///   count longer;
    /// - `b`, BM25 length normalisation, 0–1 (default 0.75): 0 ignores article length, 1 fully
    ///   divides by it;
    /// - `variant`, the score share of a name variant (`Tikhanovskaya` for `Tsikhanouskaya`), 0–1
    ///   (default 0.9);
    /// - `prefix`, of a prefix completion (`sanct*`), 0–1 (default 0.8);
    /// - `fuzzy`, of a typo-tolerant match, 0–1 (default 0.5).
    pub fn new(
        k1: f32,
        b: f32,
        variant: f32,
        prefix: f32,
        fuzzy: f32,
    ) -> Result<Self, WeightError> {
        Ok(QueryWeights {
            k1: in_range("k1", k1, 0.0, 3.0)?,
            b: in_range("b", b, 0.0, 1.0)?,
            variant: in_range("variant", variant, 0.0, 1.0)?,
            prefix: in_range("prefix", prefix, 0.0, 1.0)?,
            fuzzy: in_range("fuzzy", fuzzy, 0.0, 1.0)?,
        })
    }

    /// BM25 term-frequency saturation.
    pub fn k1(&self) -> f32 {
        self.k1
    }

    /// BM25 length normalisation.
    pub fn b(&self) -> f32 {
        self.b
    }

    /// The score share of a name variant.
    pub fn variant(&self) -> f32 {
        self.variant
    }

    /// The score share of a prefix completion.
    pub fn prefix(&self) -> f32 {
        self.prefix
    }

    /// The score share of a typo-tolerant match.
    pub fn fuzzy(&self) -> f32 {
        self.fuzzy
    }
}

impl Default for QueryWeights {
    fn default() -> QueryWeights {
        QueryWeights {
            k1: 1.2,
            b: 0.75,
            variant: 0.9,
            prefix: 0.8,
            fuzzy: 0.5,
        }
    }
}

//! Parallax core: everything that is not rendering.
//!
//! Raw article files are ingested ([`ingest`]) into [`Article`]s that keep every byte of their
//! source, labelled; a [`Corpus`] of them is serialized at compile time by the web app's build
//! script and decoded once in the browser ([`Corpus::encode`], [`Corpus::decode`]: one schema for
//! both directions). Nothing here touches the web; the same code runs natively in tests, the build
//! script and the `parallax` CLI.

#![deny(missing_docs)]

pub mod align;
pub mod anchor;
pub mod citation;
#[cfg(feature = "fs")]
pub mod collect;
pub mod compare;
pub mod corpus;
pub mod coverage;
pub mod date;
pub mod error;
pub mod export;
pub mod figures;
pub mod formats;
#[cfg(feature = "fs")]
pub mod fs;
pub mod index;
pub mod ingest;
pub mod local;
pub mod outlets;
pub mod query;
pub mod search;
pub mod stance;
pub mod static_corpus;
pub mod suggest;
pub mod summary;
pub mod synth;
pub mod text;
pub mod view_state;

pub use corpus::{Corpus, CorpusSummary, ProfileSource};
pub use error::{CorpusError, CorpusErrors, DecodeError, ErrorKind};
pub use ingest::{ingest_text, Article};

use serde::{Deserialize, Serialize};

/// A byte range `start..end` in an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

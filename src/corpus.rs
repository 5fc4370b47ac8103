//! The corpus embedded at compile time by `build.rs`, decoded once on first use.

use parallax_core::{Corpus, DecodeError};
use std::sync::LazyLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static CORPUS: LazyLock<Result<Corpus, DecodeError>> = LazyLock::new(|| Corpus::decode(BYTES));

/// The embedded corpus, or why it could not be decoded.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    CORPUS.as_ref()
}

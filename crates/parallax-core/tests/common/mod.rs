//! Shared by the integration tests: the seeds, ingested once per test binary.

#![allow(dead_code)]

use parallax_core::fs::load_dir;
use parallax_core::{Article, Corpus};
use std::path::PathBuf;
use std::sync::LazyLock;

/// The seed corpus (with its corpus.toml).
pub static SEEDS: LazyLock<Corpus> =
    LazyLock::new(|| load_dir(&seeds_dir()).expect("the seeds ingest").corpus);

/// The seeds folder.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The seed whose id starts with `prefix` (`"003"`).
pub fn seed(prefix: &str) -> &'static Article {
    SEEDS
        .articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

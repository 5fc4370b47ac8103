//! Typed errors, each written as a sentence a user can act on.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong while reading a corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or folder could not be read at all.
    Io,
    /// The corpus path is not a folder.
    NotAFolder,
    /// The folder holds no article files.
    NoArticles,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file is empty or only whitespace.
    Empty,
    /// Two files would get the same article id.
    DuplicateId,
    /// The `corpus.toml` sidecar is malformed or names something that does not exist.
    Sidecar,
    /// The file's format is not an article format, or not one this build reads.
    Unsupported,
}

/// An error about one file of a corpus, with the line it concerns when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    kind: ErrorKind,
    path: PathBuf,
    line: Option<usize>,
    problem: String,
    fix: String,
}

impl CorpusError {
    pub(crate) fn new(
        kind: ErrorKind,
        path: &Path,
        line: Option<usize>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> CorpusError {
        CorpusError {
            kind,
            path: path.to_path_buf(),
            line,
            problem: problem.into(),
            fix: fix.into(),
        }
    }

    /// The kind of problem.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file (or folder) concerned.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line concerned, when the problem has one.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The problem alone, as a sentence without the file or the fix.
    pub fn problem(&self) -> &str {
        &self.problem
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}. {}", self.problem, self.fix)?;
        if !self.fix.ends_with(['.', '!', '?']) {
            write!(f, ".")?;
        }
        Ok(())
    }
}

impl std::error::Error for CorpusError {}

/// Every problem found in a corpus folder (all files are checked before giving up).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusErrors(pub Vec<CorpusError>);

impl fmt::Display for CorpusErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the corpus cannot be built: {n} problem{} found",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CorpusErrors {}

/// The embedded corpus could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bytes do not start with the corpus marker.
    NotACorpus,
    /// The corpus was written with another schema version.
    Schema {
        /// Schema version found in the bytes.
        found: u32,
        /// Schema version this code reads.
        expected: u32,
    },
    /// The payload is damaged.
    Corrupt(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotACorpus => write!(
                f,
                "the embedded data is not a Parallax corpus. Rebuild the app so build.rs embeds it again"
            ),
            DecodeError::Schema { found, expected } => write!(
                f,
                "the embedded corpus uses schema {found} but this app reads schema {expected}. Rebuild the app so both come from the same version"
            ),
            DecodeError::Corrupt(why) => write!(
                f,
                "the embedded corpus is damaged ({why}). Rebuild the app"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// 1-based line number of byte offset `at` in `text`.
pub(crate) fn line_of(text: &[u8], at: usize) -> usize {
    text[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

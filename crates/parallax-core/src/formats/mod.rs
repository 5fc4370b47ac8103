//! Article files in the three accepted formats — plain text (`.txt`), Markdown (`.md`) and HTML
//! (`.html`) — turned into the text that [`crate::ingest`] reads.
//!
//! A `.txt` file is ingested as it is. For Markdown and HTML the article's text is extracted first,
//! and that extracted text is what the article keeps (its segments cover it byte for byte): a
//! `date YYYY-MM-DD` header line when the file states a date, the headline on its own line, then
//! the paragraphs separated by blank lines — the shape of a plain-text article. What the markup
//! says about the article (headline, date, outlet) is kept with it and wins over guesses from the
//! text; `corpus.toml` still wins over both.
//!
//! The same functions serve the build (folders, through [`crate::fs`]) and the browser (one pasted
//! or dropped file, through [`crate::local`]). Markdown needs the `markdown` feature and HTML the
//! `html` feature (both are part of `fs`); without them such a file is refused with a sentence
//! saying so.

pub mod charset;
pub mod dom;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "markdown")]
pub mod markdown;

use crate::date::Date;
use crate::error::{line_of, CorpusError, ErrorKind};
use crate::ingest::{ingest_text, Article, Meta, Outlet, Provenance, Title};
use crate::outlets::OutletRole;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The format of an article file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// Plain UTF-8 text (`.txt`).
    #[serde(rename = "txt")]
    Text,
    /// Markdown (`.md`, `.markdown`).
    #[serde(rename = "md")]
    Markdown,
    /// HTML (`.html`, `.htm`).
    #[serde(rename = "html")]
    Html,
}

impl Format {
    /// The format a file name's extension names (case-insensitive), if it is an article format.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guesses the format of pasted text: HTML when it starts like a page or a fragment of one
    /// (`<!doctype`, `<html`, `<article`, `<p>` …), Markdown when it opens with front matter or a
    /// `# heading`, plain text otherwise.
    pub fn sniff(text: &str) -> Format {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = start
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        const TAGS: [&str; 9] = [
            "<!doctype",
            "<html",
            "<head",
            "<body",
            "<article",
            "<main",
            "<div",
            "<p>",
            "<p ",
        ];
        if TAGS.iter().any(|t| lower.starts_with(t)) || lower.starts_with("<!--") {
            Format::Html
        } else if start.starts_with("---\n")
            || start.starts_with("---\r\n")
            || start.starts_with("# ")
        {
            Format::Markdown
        } else {
            Format::Text
        }
    }

    /// Lower-case name: `txt`, `md` or `html`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// Whether this build can read the format (Markdown and HTML need their features).
    pub fn supported(self) -> bool {
        match self {
            Format::Text => true,
            Format::Markdown => cfg!(feature = "markdown"),
            Format::Html => cfg!(feature = "html"),
        }
    }
}

/// The extensions of article files, for messages: `.txt, .md or .html`.
pub const EXTENSIONS: &str = ".txt, .md or .html";

/// What a file holds once its format is read: the text ingest reads, and what the markup said.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// The article text: the file itself for `.txt`, the extracted text otherwise.
    pub text: String,
    /// The headline the markup states (`# heading`, front matter, `<h1>`, `og:title`, `<title>`).
    pub title: Option<String>,
    /// The outlet the markup names (`og:site_name`, front matter `outlet`/`source`).
    pub outlet: Option<String>,
    /// The publication date the markup states (`article:published_time`, `<time datetime>`,
    /// front matter `date`). It is also written as the text's header line.
    pub date: Option<Date>,
    /// The page's address (canonical link or `og:url`).
    pub url: Option<String>,
    /// What extraction did, as sentences (kept as the article's ingest notes).
    pub notes: Vec<String>,
}

/// Reads one article file of the given format. `name` is used in messages (a path or a file name).
/// Fails, with a sentence saying what to do, when the file is not valid text in its encoding, holds
/// no article text, or its format is not built in.
pub fn extract(format: Format, name: &Path, bytes: &[u8]) -> Result<Extracted, CorpusError> {
    let extracted = match format {
        Format::Text => Extracted {
            text: utf8(name, bytes)?,
            ..Default::default()
        },
        #[cfg(feature = "markdown")]
        Format::Markdown => markdown::extract(&utf8(name, bytes)?),
        #[cfg(feature = "html")]
        Format::Html => html::extract(name, bytes)?,
        #[allow(unreachable_patterns)]
        other => {
            return Err(CorpusError::new(
                ErrorKind::Unsupported,
                name,
                None,
                format!(
                    "reading .{} files is not built into this version of Parallax",
                    other.as_str()
                ),
                "Save the article as plain text (.txt) or paste its text",
            ))
        }
    };
    has_text(format, name, bytes.is_empty(), extracted)
}

/// The extracted article, or the error saying that the file holds no text.
pub(crate) fn has_text(
    format: Format,
    name: &Path,
    no_bytes: bool,
    extracted: Extracted,
) -> Result<Extracted, CorpusError> {
    let text = &extracted.text;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\0')
        .is_empty()
    {
        let (problem, fix) = match format {
            _ if no_bytes => ("the file is empty", "Put the article text in it"),
            Format::Text => (
                "the file holds only white space",
                "Put the article text in it",
            ),
            Format::Markdown => (
                "the file holds no article text once its Markdown is read",
                "Check that it is the article and not only front matter or markup",
            ),
            Format::Html => (
                "no article text was found in the page (no paragraphs outside navigation, scripts and footers)",
                "Save the page after it has loaded, or copy the article text and paste it",
            ),
        };
        return Err(CorpusError::new(
            ErrorKind::Empty,
            name,
            None,
            problem,
            format!("{fix}, or leave the file out (remove it from the folder)"),
        ));
    }
    Ok(extracted)
}

/// The bytes as UTF-8, or an error naming the line and column of the first bad byte.
fn utf8(name: &Path, bytes: &[u8]) -> Result<String, CorpusError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = line_of(bytes, at);
        let col = at
            - bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        CorpusError::new(
            ErrorKind::NotUtf8,
            name,
            Some(line),
            format!(
                "the file is not valid UTF-8 (byte 0x{:02X} at column {col})",
                bytes[at]
            ),
            "Save it as UTF-8, for example with `iconv -f WINDOWS-1252 -t UTF-8 old.txt > new.txt`",
        )
    })
}

/// Writes extracted parts in the plain-text article shape ingest reads: a `date` header line, the
/// headline on its own line, then the blocks separated by blank lines.
pub(crate) fn assemble(date: Option<Date>, title: Option<&str>, blocks: &[String]) -> String {
    let mut out = String::new();
    if let Some(d) = date {
        out.push_str(&format!("date {d}\n\n"));
    }
    if let Some(t) = title {
        out.push_str(t);
        out.push_str("\n\n");
    }
    for b in blocks {
        out.push_str(b);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Ingests extracted text: like [`ingest_text`], then the headline and outlet the markup states
/// are used where `meta` (the sidecar) sets none and the text itself states none.
pub fn ingest_extracted(id: &str, file_name: &str, ex: &Extracted, meta: &Meta) -> Article {
    let with_url;
    let meta = if meta.url.is_none() && ex.url.is_some() {
        with_url = Meta {
            url: ex.url.clone(),
            ..meta.clone()
        };
        &with_url
    } else {
        meta
    };
    let mut a = ingest_text(id, file_name, &ex.text, meta);
    if let (None, Some(t)) = (&meta.title, &ex.title) {
        if a.title.provenance != Provenance::Text || a.title.text != *t {
            let span = ex
                .text
                .find(t.as_str())
                .map(|s| crate::Span::new(s, s + t.len()));
            a.title = Title {
                text: t.clone(),
                span,
                provenance: Provenance::Text,
            };
        }
    }
    if let (None, Some(name)) = (&meta.outlets, &ex.outlet) {
        let canonical = crate::outlets::lookup(name).map_or_else(|| name.trim(), |k| k.0);
        if !a.outlets.iter().any(|o| o.name == canonical) {
            for o in a
                .outlets
                .iter_mut()
                .filter(|o| o.role == OutletRole::Publisher)
            {
                o.role = OutletRole::Wire;
            }
            a.outlets.insert(
                0,
                Outlet {
                    name: canonical.to_string(),
                    role: OutletRole::Publisher,
                    evidence: None,
                    provenance: Provenance::Text,
                    rule: crate::ingest::OutletRule::Metadata,
                },
            );
        }
    }
    a.notes.extend(ex.notes.iter().cloned());
    a
}

/// Ends a paragraph being collected: its lines, white space collapsed and empty ones dropped,
/// become one block (when any is left), and the buffer is emptied.
pub(crate) fn flush_block(buf: &mut String, blocks: &mut Vec<String>) {
    let lines: Vec<String> = buf
        .split('\n')
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        blocks.push(lines.join("\n"));
    }
    buf.clear();
}

/// Collapses runs of white space (including no-break spaces) to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_by_content() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("A.TXT", Some(Format::Text)),
            ("story.md", Some(Format::Markdown)),
            ("story.markdown", Some(Format::Markdown)),
            ("page.html", Some(Format::Html)),
            ("page.HTM", Some(Format::Html)),
            ("notes.pdf", None),
            ("README", None),
        ];
        for (name, want) in cases {
            assert_eq!(Format::from_name(name), want, "{name}");
        }
        let sniffed = [
            ("<!DOCTYPE html><html>", Format::Html),
            ("  <p>One</p>", Format::Html),
            ("<article><h1>x</h1>", Format::Html),
            ("---\ntitle: x\n---\nbody", Format::Markdown),
            ("# Headline\n\nbody", Format::Markdown),
            ("MOSCOW (Reuters) - text", Format::Text),
            ("<3 is not a tag", Format::Text),
        ];
        for (text, want) in sniffed {
            assert_eq!(Format::sniff(text), want, "{text}");
        }
    }

    #[test]
    fn assembled_text_has_the_plain_text_shape() {
        let d = Date::parse_iso("2020-08-27");
        let text = assemble(d, Some("A headline"), &["One.".into(), "Two.".into()]);
        assert_eq!(text, "date 2020-08-27\n\nA headline\n\nOne.\n\nTwo.\n");
        assert_eq!(assemble(None, None, &["Only.".into()]), "Only.\n");
    }
}

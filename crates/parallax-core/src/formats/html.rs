//! HTML article files: the article's text, headline, date and outlet read from a saved web page.
//!
//! The page is parsed with `scraper` (html5ever, the HTML5 parsing algorithm of Servo), so broken
//! nesting, entities and comments are handled as a browser would. Then:
//! - **container**: the `<article>` with the most paragraph text, else `<main>` (or
//!   `role="main"`), else `<body>`;
//! - **text**: block elements (`p`, headings, list items, quotes, captions, `div`s holding text, …)
//!   become paragraphs in document order; `nav`, `script`, `style`, `aside`, `footer`, forms,
//!   embedded media and hidden elements are skipped, and so is `header` unless it is inside the
//!   article;
//! - **headline**: the container's first `<h1>`, else `og:title`, else `<title>` (less a trailing
//!   `| Site name`);
//! - **date**: `article:published_time` (or `datePublished`, `date`, `pubdate` meta), else the first
//!   `<time datetime>`;
//! - **outlet**: `og:site_name` (or `application-name`).
//!
//! Encoding: UTF-8 (with or without a byte-order mark); a page that declares
//! `windows-1252`/`iso-8859-1` or declares nothing and is not UTF-8 is read as Windows-1252; a
//! page declared UTF-8 with bad bytes has them replaced (and says so); other encodings are refused.

use super::{assemble, collapse, Extracted};
use crate::date::Date;
use crate::error::{CorpusError, ErrorKind};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use std::path::Path;

/// Elements whose content is never article text.
const SKIP: [&str; 22] = [
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "select", "textarea", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
    "head", "dialog", "menu",
];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "figure",
    "pre",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "address",
    "hr",
    "body",
];

/// Reads a page's bytes as text (see the module's notes on encodings).
pub fn decode(name: &Path, bytes: &[u8]) -> Result<(String, Option<String>), CorpusError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let declared = declared_charset(bytes);
    let latin = |c: &str| {
        matches!(
            c,
            "windows-1252"
                | "cp1252"
                | "iso-8859-1"
                | "latin1"
                | "iso8859-1"
                | "us-ascii"
                | "ascii"
        )
    };
    match (std::str::from_utf8(bytes), declared.as_deref()) {
        (Ok(s), _) => Ok((s.to_string(), None)),
        (Err(_), None) => Ok((
            windows_1252(bytes),
            Some(
                "the page is not UTF-8 and declares no encoding; it was read as Windows-1252"
                    .into(),
            ),
        )),
        (Err(_), Some(c)) if latin(c) => Ok((windows_1252(bytes), None)),
        (Err(e), Some("utf-8" | "utf8")) => {
            let bad = String::from_utf8_lossy(bytes);
            let n = bad.matches('\u{FFFD}').count();
            Ok((
                bad.into_owned(),
                Some(format!(
                    "the page declares UTF-8 but has {n} invalid byte sequence{} (the first at byte {}); they were replaced with �",
                    if n == 1 { "" } else { "s" },
                    e.valid_up_to()
                )),
            ))
        }
        (Err(_), Some(other)) => Err(CorpusError::new(
            ErrorKind::NotUtf8,
            name,
            None,
            format!("the page is encoded as “{other}”, which Parallax does not read"),
            "Save the page as UTF-8 (your browser's “Save page as…” or `iconv -t UTF-8`)",
        )),
    }
}

/// The charset a page declares in its first kilobytes (`<meta charset=…>` or `content="…;
/// charset=…"`), lower case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let value: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .map(|&b| char::from(b))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Windows-1252 (which browsers use for ISO-8859-1 too) to text.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn is_hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || matches!(
            e.attr("role"),
            Some("navigation" | "complementary" | "banner" | "contentinfo")
        )
}

/// Text of an element, white space collapsed, skipping what is never text.
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut skip = 0usize;
    for edge in el.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) if skip > 0 || SKIP.contains(&e.name()) || is_hidden(e) => {
                    skip += 1
                }
                Node::Text(t) if skip == 0 => out.push_str(t),
                _ => {}
            },
            Edge::Close(n) if n.value().is_element() && skip > 0 => skip -= 1,
            Edge::Close(_) => {}
        }
    }
    collapse(&out)
}

/// The paragraphs of a container, in document order.
fn blocks(container: ElementRef<'_>, skip_header: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut skip = 0usize;
    let flush = |buf: &mut String, out: &mut Vec<String>| {
        let lines: Vec<String> = buf
            .split('\n')
            .map(collapse)
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            out.push(lines.join("\n"));
        }
        buf.clear();
    };
    for edge in container.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(_) if skip > 0 => skip += 1,
                Node::Element(e)
                    if SKIP.contains(&e.name())
                        || is_hidden(e)
                        || (skip_header && e.name() == "header") =>
                {
                    skip = 1
                }
                Node::Element(e) if e.name() == "br" => {
                    // Two line breaks in a row end a paragraph; one is a line break inside it.
                    if buf.trim_end_matches([' ', '\t']).ends_with('\n') {
                        flush(&mut buf, &mut out);
                    } else {
                        buf.push('\n');
                    }
                }
                Node::Element(e) if e.name() == "td" || e.name() == "th" => buf.push(' '),
                Node::Element(e) if BLOCKS.contains(&e.name()) => flush(&mut buf, &mut out),
                Node::Text(t) if skip == 0 => {
                    // Source line breaks inside text are spaces; only <br> makes a line.
                    buf.push_str(&t.replace(['\n', '\r'], " "))
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        flush(&mut buf, &mut out);
                    }
                }
            }
        }
    }
    flush(&mut buf, &mut out);
    out
}

/// Paragraph text inside an element: how much of it is article prose.
fn prose_len(el: ElementRef<'_>) -> usize {
    el.descendent_elements()
        .filter(|p| p.value().name() == "p")
        .map(|p| text_of(p).len())
        .sum()
}

/// Extracts the article from a saved page.
pub fn extract(name: &Path, bytes: &[u8]) -> Result<Extracted, CorpusError> {
    let (src, encoding_note) = decode(name, bytes)?;
    let doc = Html::parse_document(&src);
    let root = doc.root_element();
    let elements: Vec<ElementRef<'_>> = root.descendent_elements().collect();
    let named = |tag: &'static str| {
        elements
            .iter()
            .copied()
            .filter(move |e| e.value().name() == tag)
    };

    let meta = |keys: &[&str]| {
        named("meta").find_map(|m| {
            let e = m.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))?
                .to_ascii_lowercase();
            let content = collapse(e.attr("content")?);
            (keys.contains(&key.as_str()) && !content.is_empty()).then_some(content)
        })
    };
    let site = meta(&["og:site_name", "application-name"]);
    let og_title = meta(&["og:title", "twitter:title"]);
    let published = meta(&[
        "article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
    ]);

    let container = named("article")
        .max_by_key(|a| prose_len(*a))
        .filter(|a| prose_len(*a) > 0)
        .or_else(|| named("main").next())
        .or_else(|| {
            elements
                .iter()
                .copied()
                .find(|e| e.value().attr("role") == Some("main"))
        })
        .or_else(|| named("body").next())
        .unwrap_or(root);
    let in_article = matches!(container.value().name(), "article" | "main")
        || container.value().attr("role") == Some("main");

    let mut notes = Vec::new();
    notes.extend(encoding_note);
    let h1 = container
        .descendent_elements()
        .find(|e| e.value().name() == "h1")
        .map(text_of)
        .filter(|t| !t.is_empty());
    let page_title = named("title").next().map(text_of).map(|t| {
        let cut = site.as_deref().and_then(|s| {
            [" | ", " - ", " – ", " — ", " :: "]
                .iter()
                .find_map(|sep| t.strip_suffix(&format!("{sep}{s}")))
        });
        cut.unwrap_or(&t).to_string()
    });
    let (title, from) = match (h1, og_title, page_title.filter(|t| !t.is_empty())) {
        (Some(t), _, _) => (Some(t), "<h1>"),
        (None, Some(t), _) => (Some(t), "og:title"),
        (None, None, Some(t)) => (Some(t), "<title>"),
        _ => (None, ""),
    };
    let time = || {
        container
            .descendent_elements()
            .chain(elements.iter().copied())
            .filter(|e| e.value().name() == "time")
            .find_map(|e| e.value().attr("datetime").map(str::trim).map(String::from))
    };
    let (date_text, date_from) = match published {
        Some(p) => (Some(p), "the page's publication-time meta tag"),
        None => (time(), "the page's <time datetime>"),
    };
    let date = date_text
        .as_deref()
        .and_then(|d| d.get(..10))
        .and_then(Date::parse_iso);
    if let (Some(d), None) = (&date_text, date) {
        notes.push(format!(
            "the page's date “{d}” is not an ISO date, so it was not used"
        ));
    }

    let mut body = blocks(container, !in_article);
    if let Some(t) = &title {
        if let Some(i) = body.iter().position(|b| b == t) {
            body.remove(i);
        }
    }
    notes.push(format!(
        "text extracted from HTML: {} paragraph{} from <{}>{}{}{}",
        body.len(),
        if body.len() == 1 { "" } else { "s" },
        container.value().name(),
        title
            .as_ref()
            .map_or(String::new(), |_| format!(", headline from {from}")),
        date.map_or(String::new(), |_| format!(", date from {date_from}")),
        site.as_ref()
            .map_or(String::new(), |_| ", outlet from og:site_name".to_string()),
    ));
    let text = if body.is_empty() {
        String::new()
    } else {
        assemble(date, title.as_deref(), &body)
    };
    Ok(Extracted {
        text,
        title,
        outlet: site,
        date,
        notes,
    })
}

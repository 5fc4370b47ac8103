//! Judging a fetched page before it is saved: is it HTML, can it be read, is it an article?
//!
//! **Not an article** is decided on what ingest extracts, the same way the build will read the
//! saved file: a page is an article when, after navigation, scripts, footers and site chrome are
//! set aside, it has a headline and running prose — at least [`MIN_PROSE_PARAGRAPHS`] paragraphs
//! of [`PROSE_WORDS`] words or more that end a sentence, holding [`MIN_PROSE_WORDS`] words in
//! all. A section front of short teasers, a login wall or a menu has no such paragraphs.

use super::Failure;
use crate::formats::{self, charset, Extracted, Format};
use crate::ingest::{Article, Meta, Provenance};
use crate::ErrorKind;
use std::path::Path;

/// A paragraph of at least this many words, ending a sentence, is running prose.
pub const PROSE_WORDS: usize = 20;
/// An article has at least this many paragraphs of running prose…
pub const MIN_PROSE_PARAGRAPHS: usize = 2;
/// …holding at least this many words.
pub const MIN_PROSE_WORDS: usize = 80;

/// A page judged to be an article: what ingest read from it.
#[derive(Clone, Debug)]
pub struct Judged {
    /// The article as the build will read it (id `page`; dates the corpus settles are not yet).
    pub article: Article,
    /// What the markup said (headline, outlet, date, canonical address).
    pub extracted: Extracted,
    /// Words in paragraphs of running prose.
    pub prose_words: usize,
}

impl Judged {
    /// The publisher's name (else the first outlet's), when one was found.
    pub fn outlet(&self) -> Option<&str> {
        let a = &self.article;
        a.outlets
            .iter()
            .find(|o| o.role == crate::outlets::OutletRole::Publisher)
            .or_else(|| a.outlets.first())
            .map(|o| o.name.as_str())
    }

    /// The headline, when the page states one.
    pub fn headline(&self) -> Option<&str> {
        (self.article.title.provenance != Provenance::Inferred)
            .then_some(self.article.title.text.as_str())
    }
}

/// The media type of a `Content-Type` value, lower case (`text/html`).
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The `charset=` of a `Content-Type` value, lower case.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
            .filter(|v| !v.is_empty())
    })
}

/// Whether a response is an HTML page: by its `Content-Type` (`text/html`,
/// `application/xhtml+xml`), or, when the server sends none (or a generic one), by how its bytes
/// start.
pub fn is_html(content_type: Option<&str>, bytes: &[u8]) -> Result<(), Failure> {
    let media = content_type.map(media_type).unwrap_or_default();
    match media.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(()),
        "" | "application/octet-stream" | "text/plain" => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
            if Format::sniff(&head) == Format::Html {
                Ok(())
            } else if media.is_empty() {
                Err(Failure::NotHtml(
                    "no content type, and it does not start like a web page".into(),
                ))
            } else {
                Err(Failure::NotHtml(format!(
                    "{media}, and it does not start like a web page"
                )))
            }
        }
        other => Err(Failure::NotHtml(other.to_string())),
    }
}

/// Reads a fetched page as the build will read the saved file, and says whether it is an
/// article. `content_type` is the response's header (its charset counts when the page declares
/// none); `meta` carries the addresses (for the outlet by domain).
pub fn judge_page(
    file_name: &str,
    bytes: &[u8],
    content_type: Option<&str>,
    meta: &Meta,
) -> Result<Judged, Failure> {
    if let Some(c) = content_type.and_then(charset_of) {
        let undeclared = charset::declared_charset(bytes).is_none();
        if undeclared && !charset::reads(&c) && std::str::from_utf8(bytes).is_err() {
            return Err(Failure::NotReadable(format!(
                "the server says the page is encoded as “{c}”, which Parallax does not read"
            )));
        }
    }
    let extracted = match formats::extract(Format::Html, Path::new(file_name), bytes) {
        Ok(x) => x,
        Err(e) if e.kind() == ErrorKind::Empty => {
            return Err(Failure::NotAnArticle(
                "no text outside navigation, scripts and footers".into(),
            ))
        }
        Err(e) => return Err(Failure::NotReadable(e.problem().to_string())),
    };
    let article = formats::ingest_extracted("page", file_name, &extracted, meta);
    let prose: Vec<usize> = article
        .main_paragraphs()
        .map(|(_, p)| article.slice(p.span))
        .filter(|t| {
            let t = t.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
            t.ends_with(['.', '!', '?', '…'])
        })
        .map(|t| t.split_whitespace().count())
        .filter(|&n| n >= PROSE_WORDS)
        .collect();
    let prose_words: usize = prose.iter().sum();
    if article.title.provenance == Provenance::Inferred || article.title.text.trim().is_empty() {
        return Err(Failure::NotAnArticle("it states no headline".into()));
    }
    if prose.len() < MIN_PROSE_PARAGRAPHS || prose_words < MIN_PROSE_WORDS {
        return Err(Failure::NotAnArticle(format!(
            "{} paragraph{} of running prose, {prose_words} words (an article has at least {MIN_PROSE_PARAGRAPHS} of {PROSE_WORDS} words or more, {MIN_PROSE_WORDS} words in all)",
            prose.len(),
            if prose.len() == 1 { "" } else { "s" },
        )));
    }
    Ok(Judged {
        article,
        extracted,
        prose_words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "Dock workers in the port of Corran walked off the job on Monday morning after talks with the harbour authority over pay and night shifts broke down late on Sunday.";
    const PARA3: &str = "Harbour officials said that perishable cargo would be moved first once work resumed, and that talks could restart as early as Wednesday if both sides agreed to a mediator.";
    const PARA2: &str = "The union said its members would stay out until the authority put a written offer on the table, and ferry operators warned of delays for freight through the week.";

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>")
    }

    #[test]
    fn content_types() {
        let html = b"<!DOCTYPE html><html><body><p>x</p></body></html>";
        // (case, content type, bytes, ok)
        let cases: [(&str, Option<&str>, &[u8], bool); 8] = [
            ("text/html", Some("text/html; charset=utf-8"), html, true),
            ("xhtml", Some("application/xhtml+xml"), html, true),
            ("capitals", Some("Text/HTML"), html, true),
            ("pdf", Some("application/pdf"), b"%PDF-1.7", false),
            ("json", Some("application/json"), b"{}", false),
            ("none, but a page", None, html, true),
            ("none, not a page", None, b"just words", false),
            (
                "octet-stream page",
                Some("application/octet-stream"),
                html,
                true,
            ),
        ];
        for (case, ct, bytes, ok) in cases {
            assert_eq!(is_html(ct, bytes).is_ok(), ok, "{case}");
        }
        assert_eq!(
            is_html(Some("image/png"), b"").unwrap_err().to_string(),
            "not HTML (image/png)"
        );
        assert_eq!(
            charset_of("text/html; Charset=\"ISO-8859-1\"").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn articles_and_pages_that_are_not() {
        let article = page(
            "<title>Dockers strike | Corran Post</title><meta property=\"og:site_name\" content=\"Corran Post\">",
            &format!("<nav><a>Home</a></nav><article><h1>Dockers strike</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></article>"),
        );
        let teasers = page(
            "<title>World | Corran Post</title>",
            &"<h1>World news</h1><ul><li><a>Dockers strike as talks fail over night shifts and pay.</a></li><li><a>Ferry fares rise again.</a></li></ul>".repeat(4),
        );
        let one_para = page("", &format!("<h1>Brief</h1><p>{PARA}</p>"));
        let no_title = page("", &format!("<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"));
        let menu = page(
            "<title>Menu</title>",
            "<nav><a>Home</a><a>World</a></nav><footer>© Corran Post</footer>",
        );
        // (case, page, Ok(outlet) or Err(start of the reason))
        type Want<'a> = Result<Option<&'a str>, &'a str>;
        let cases: [(&str, &str, Want); 5] = [
            ("an article", &article, Ok(Some("Corran Post"))),
            (
                "a section front of teasers",
                &teasers,
                Err("not an article: 0 paragraphs of running prose"),
            ),
            (
                "one paragraph",
                &one_para,
                Err("not an article: 1 paragraph of running prose"),
            ),
            (
                "no headline",
                &no_title,
                Err("not an article: it states no headline"),
            ),
            (
                "a menu",
                &menu,
                Err("not an article: no text outside navigation"),
            ),
        ];
        for (case, html, want) in cases {
            let got = judge_page(
                "page.html",
                html.as_bytes(),
                Some("text/html"),
                &Meta::default(),
            );
            match (got, want) {
                (Ok(j), Ok(outlet)) => {
                    assert_eq!(j.outlet(), outlet, "{case}");
                    assert_eq!(j.headline(), Some("Dockers strike"), "{case}");
                    assert!(j.prose_words >= MIN_PROSE_WORDS, "{case}");
                }
                (Err(f), Err(start)) => assert!(f.to_string().starts_with(start), "{case}: {f}"),
                (got, want) => panic!(
                    "{case}: got {:?}, wanted {want:?}",
                    got.map(|j| j.prose_words)
                ),
            }
        }
    }

    /// Metadata first, then the text, then the outlet table by the final address's domain.
    #[test]
    fn the_outlet_comes_from_metadata_then_text_then_the_domain() {
        let body = format!("<h1>Dockers strike</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>");
        let dateline = format!(
            "<h1>Dockers strike</h1><p>CORRAN (AFP) - {PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
        );
        let site = "<meta property=\"og:site_name\" content=\"Corran Post\">";
        let at = |url: &str, final_url: &str| Meta {
            url: Some(url.into()),
            final_url: Some(final_url.into()),
            ..Default::default()
        };
        let reuters = at(
            "https://short.example/x",
            "https://www.reuters.com/world/dockers",
        );
        let nowhere = at("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x");
        // (case, head, body, addresses, outlet)
        let cases = [
            (
                "og:site_name over the domain",
                site,
                &body,
                &reuters,
                Some("Corran Post"),
            ),
            (
                "the dateline when the markup names none",
                "",
                &dateline,
                &nowhere,
                Some("AFP"),
            ),
            (
                "the final address's domain",
                "",
                &body,
                &reuters,
                Some("Reuters"),
            ),
            ("nothing names one", "", &body, &nowhere, None),
        ];
        for (case, head, body, meta, want) in cases {
            let j = judge_page("p.html", page(head, body).as_bytes(), None, meta).unwrap();
            assert_eq!(j.outlet(), want, "{case}");
        }
    }

    #[test]
    fn encodings_the_build_cannot_read_are_refused() {
        let body = format!("<h1>Caf\u{e9} strike</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>");
        let latin: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
        let bare = [b"<html><body>".as_slice(), &latin, b"</body></html>"].concat();
        // Windows-1252 bytes with no declaration anywhere: read as Windows-1252.
        let j = judge_page("p.html", &bare, Some("text/html"), &Meta::default()).unwrap();
        assert_eq!(j.headline(), Some("Café strike"));
        // The server says KOI8-R and the page says nothing: refused, since the build would misread it.
        let f = judge_page(
            "p.html",
            &bare,
            Some("text/html; charset=koi8-r"),
            &Meta::default(),
        )
        .unwrap_err();
        assert!(f.to_string().contains("“koi8-r”"), "{f}");
        // The page declares Shift_JIS itself.
        let sjis = [
            b"<html><head><meta charset=\"shift_jis\"></head><body>".as_slice(),
            &latin,
        ]
        .concat();
        let f = judge_page("p.html", &sjis, Some("text/html"), &Meta::default()).unwrap_err();
        assert!(matches!(f, Failure::NotReadable(_)), "{f}");
    }
}

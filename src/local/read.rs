//! Reading what a reader drops or pastes into articles: the core's rules, with the browser's own
//! HTML parser.

use parallax_core::formats::dom::Dom;
use parallax_core::local::{Bundle, LocalArticle};
use std::fmt;
use wasm_bindgen::JsCast;

/// Copies the tree the browser's `DOMParser` built into the core's [`Dom`], without recursion.
fn dom_of(html: &str) -> Option<Dom> {
    let doc = web_sys::DomParser::new()
        .ok()?
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()?;
    let mut dom = Dom::new();
    let mut todo: Vec<(web_sys::Node, usize)> = vec![(doc.into(), Dom::ROOT)];
    while let Some((node, at)) = todo.pop() {
        let kids = node.child_nodes();
        for i in 0..kids.length() {
            let Some(kid) = kids.item(i) else { continue };
            if kid.node_type() == web_sys::Node::TEXT_NODE {
                dom.push_text(at, &kid.text_content().unwrap_or_default());
            } else if let Some(el) = kid.dyn_ref::<web_sys::Element>() {
                let names = el.get_attribute_names();
                let attrs = (0..names.length())
                    .filter_map(|j| names.get(j).as_string())
                    .filter_map(|n| el.get_attribute(&n).map(|v| (n, v)))
                    .collect();
                let id = dom.push_element(at, &el.local_name(), attrs);
                todo.push((kid, id));
            }
        }
    }
    Some(dom)
}

/// Why a dropped file or a paste gave no article.
#[derive(Debug)]
pub enum ReadError {
    /// The core refused the text (unreadable encoding, no text, too large, …).
    Article(parallax_core::CorpusError),
    /// The browser could not read a dropped file's bytes.
    Unreadable { name: String, why: String },
    /// The browser's parser gave no document.
    Unparsable { name: String },
    /// A `.json` file that is not UTF-8 text.
    NotText { name: String },
    /// A `.json` file that is not a bundle.
    Bundle {
        name: String,
        error: parallax_core::local::BundleError,
    },
    /// Nothing was pasted.
    NothingPasted,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Article(e) => e.fmt(f),
            ReadError::Unreadable { name, why } => {
                write!(f, "{name}: the browser could not read the file ({why})")
            }
            ReadError::Unparsable { name } => {
                write!(f, "{name}: the browser could not parse the page")
            }
            ReadError::NotText { name } => {
                write!(f, "{name}: not a Parallax bundle (not UTF-8 text)")
            }
            ReadError::Bundle { name, error } => write!(f, "{name}: {error}"),
            ReadError::NothingPasted => f.write_str("Paste an article's text first."),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<parallax_core::CorpusError> for ReadError {
    fn from(e: parallax_core::CorpusError) -> Self {
        ReadError::Article(e)
    }
}

/// Reads an HTML page with the browser's parser and the core's extraction rules.
fn from_html(name: &str, bytes: &[u8]) -> Result<LocalArticle, ReadError> {
    let (text, _note) = parallax_core::formats::charset::decode(std::path::Path::new(name), bytes)?;
    let dom = dom_of(&text).ok_or_else(|| ReadError::Unparsable { name: name.into() })?;
    Ok(LocalArticle::from_dom(name, &dom)?)
}

/// Reads one dropped file into articles: an article file (.txt, .html, and .md where built in),
/// or a bundle (.json) of them. The error names the file.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Vec<LocalArticle>, ReadError> {
    let lower = name.to_lowercase();
    if lower.ends_with(".json") {
        let text =
            std::str::from_utf8(bytes).map_err(|_| ReadError::NotText { name: name.into() })?;
        return Bundle::from_json(text)
            .map(|b| b.articles)
            .map_err(|error| ReadError::Bundle {
                name: name.into(),
                error,
            });
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return from_html(name, bytes).map(|a| vec![a]);
    }
    Ok(vec![LocalArticle::from_file(name, bytes)?])
}

/// Reads pasted text, named by the reader (or "pasted"): HTML goes through the browser's parser.
pub fn read_pasted(name: &str, text: &str) -> Result<LocalArticle, ReadError> {
    let name = if name.trim().is_empty() {
        "pasted"
    } else {
        name.trim()
    };
    if text.trim().is_empty() {
        return Err(ReadError::NothingPasted);
    }
    match parallax_core::formats::Format::sniff(text) {
        parallax_core::formats::Format::Html => from_html(&format!("{name}.html"), text.as_bytes()),
        _ => Ok(LocalArticle::from_file(
            &format!("{name}.txt"),
            text.as_bytes(),
        )?),
    }
}

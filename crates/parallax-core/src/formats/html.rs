//! HTML article files: the page's bytes decoded ([`super::charset`]), parsed with `scraper`
//! (html5ever, the HTML5 parsing algorithm of Servo, so broken nesting, entities and comments are
//! handled as a browser would), and handed as a [`Dom`] to the extraction rules of [`super::dom`].

use super::dom::Dom;
use super::Extracted;
use crate::error::CorpusError;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::path::Path;

/// The parsed page as a [`Dom`] (comments, doctypes and processing instructions left out).
pub fn parse(src: &str) -> Dom {
    let doc = Html::parse_document(src);
    let mut dom = Dom::new();
    let mut stack = vec![Dom::ROOT];
    for edge in doc.tree.root().traverse() {
        let top = *stack.last().unwrap_or(&Dom::ROOT);
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let attrs = e
                        .attrs()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect();
                    stack.push(dom.push_element(top, e.name(), attrs));
                }
                Node::Text(t) => dom.push_text(top, t),
                _ => {}
            },
            Edge::Close(n) => {
                if n.value().is_element() {
                    stack.pop();
                }
            }
        }
    }
    dom
}

/// Extracts the article from a saved page.
pub fn extract(name: &Path, bytes: &[u8]) -> Result<Extracted, CorpusError> {
    let (src, encoding_note) = super::charset::decode(name, bytes)?;
    let mut ex = super::dom::extract(&parse(&src));
    ex.notes.splice(0..0, encoding_note);
    Ok(ex)
}

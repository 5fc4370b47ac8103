//! Articles a reader adds in the page, wired to the browser: the core reads them
//! (`parallax_core::local`), this module keeps them in local storage, hands HTML to the browser's
//! own parser, and rebuilds the corpus the views show.

use leptos::prelude::*;
use parallax_core::formats::dom::Dom;
use parallax_core::local::{Bundle, LocalArticle, LocalArticles};
use parallax_core::Corpus;
use wasm_bindgen::JsCast;

fn storage_key(corpus: &Corpus) -> String {
    format!("parallax.local.v1.{}", corpus.name)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The additions kept for this corpus (none if storage is unavailable or unreadable).
fn load(embedded: &Corpus) -> Vec<LocalArticle> {
    storage()
        .and_then(|s| s.get_item(&storage_key(embedded)).ok().flatten())
        .and_then(|json| Bundle::from_json(&json).ok())
        .map(|b| b.articles)
        .unwrap_or_default()
}

/// Keeps the additions (as a bundle); the error is a sentence (storage full or disabled).
fn save(embedded: &Corpus, articles: &[LocalArticle]) -> Result<(), String> {
    let s = storage().ok_or("This browser does not let the page keep data (local storage is off), so additions last until you reload.")?;
    let json = LocalArticles {
        articles: articles.to_vec(),
    }
    .to_bundle(&embedded.name)
    .to_json();
    s.set_item(&storage_key(embedded), &json).map_err(|_| {
        "The browser's storage for this page is full; remove some added articles, or export them first.".to_string()
    })
}

/// The embedded corpus with the additions, ingested, dated, indexed and tagged like the rest. The
/// corpus lives as long as the page (views borrow it for the page's life).
fn merged(embedded: &'static Corpus, local: &[LocalArticle]) -> &'static Corpus {
    if local.is_empty() {
        return embedded;
    }
    Box::leak(Box::new(embedded.with_local(local)))
}

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

/// Reads an HTML page with the browser's parser and the core's extraction rules.
fn from_html(name: &str, bytes: &[u8]) -> Result<LocalArticle, String> {
    let (text, _note) = parallax_core::formats::charset::decode(std::path::Path::new(name), bytes)
        .map_err(|e| e.to_string())?;
    let dom =
        dom_of(&text).ok_or_else(|| format!("{name}: the browser could not parse the page"))?;
    LocalArticle::from_dom(name, &dom).map_err(|e| e.to_string())
}

/// Reads one dropped file into articles: an article file (.txt, .html, and .md where built in),
/// or a bundle (.json) of them. The error names the file.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Vec<LocalArticle>, String> {
    let lower = name.to_lowercase();
    if lower.ends_with(".json") {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| format!("{name}: not a Parallax bundle (not UTF-8 text)"))?;
        return Bundle::from_json(text)
            .map(|b| b.articles)
            .map_err(|e| format!("{name}: {e}"));
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return from_html(name, bytes).map(|a| vec![a]);
    }
    LocalArticle::from_file(name, bytes)
        .map(|a| vec![a])
        .map_err(|e| e.to_string())
}

/// Reads pasted text, named by the reader (or "pasted"): HTML goes through the browser's parser.
pub fn read_pasted(name: &str, text: &str) -> Result<LocalArticle, String> {
    let name = if name.trim().is_empty() {
        "pasted"
    } else {
        name.trim()
    };
    if text.trim().is_empty() {
        return Err("Paste an article's text first.".into());
    }
    match parallax_core::formats::Format::sniff(text) {
        parallax_core::formats::Format::Html => from_html(&format!("{name}.html"), text.as_bytes()),
        _ => LocalArticle::from_file(&format!("{name}.txt"), text.as_bytes())
            .map_err(|e| e.to_string()),
    }
}

/// What the app knows about local additions, shared through the context.
#[derive(Clone, Copy)]
pub struct Local {
    /// The embedded corpus.
    pub embedded: &'static Corpus,
    /// The additions.
    pub articles: RwSignal<Vec<LocalArticle>>,
    /// The corpus the views show: embedded plus additions.
    pub corpus: RwSignal<&'static Corpus>,
    /// The last drop or paste: ids added, what was refused and why, and the progress of a drop
    /// under way. Kept here, since adding rebuilds the corpus and redraws the page.
    pub report: RwSignal<Report>,
}

/// What the last addition did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Ids added.
    pub added: Vec<String>,
    /// Files refused, each with the reason.
    pub problems: Vec<String>,
    /// While a drop is read: (files done, files, what is happening).
    pub progress: Option<(usize, usize, String)>,
}

impl Local {
    /// Loads what this browser kept.
    pub fn new(embedded: &'static Corpus) -> Local {
        let kept = load(embedded);
        Local {
            embedded,
            corpus: RwSignal::new(merged(embedded, &kept)),
            articles: RwSignal::new(kept),
            report: RwSignal::new(Report::default()),
        }
    }

    /// Whether an article was added in this browser.
    pub fn is_local(&self, id: &str) -> bool {
        parallax_core::local::is_local_id(id)
            && self
                .articles
                .with_untracked(|l| l.iter().any(|a| a.id == id))
    }

    /// Adds articles after the kept ones (the same text twice is refused, with the reason), then
    /// stores them and rebuilds the corpus once. Returns the ids added and the problems.
    pub fn add(&self, new: Vec<LocalArticle>) -> (Vec<String>, Vec<String>) {
        let mut all = LocalArticles {
            articles: self.articles.get_untracked(),
        };
        let (mut ids, mut problems) = (Vec::new(), Vec::new());
        for a in new {
            let id = a.id.clone();
            match all.add(a) {
                Ok(()) => ids.push(id),
                Err(e) => problems.push(e.to_string()),
            }
        }
        if !ids.is_empty() {
            if let Err(e) = self.set(all.articles) {
                problems.push(e);
            }
        }
        (ids, problems)
    }

    /// Replaces the additions: stores them and rebuilds the corpus. The error says why they could
    /// not be kept (they are still shown until the page reloads).
    pub fn set(&self, articles: Vec<LocalArticle>) -> Result<(), String> {
        let saved = save(self.embedded, &articles);
        self.corpus.set(merged(self.embedded, &articles));
        self.articles.set(articles);
        saved
    }

    /// The additions as a bundle file.
    pub fn bundle(&self) -> String {
        LocalArticles {
            articles: self.articles.get_untracked(),
        }
        .to_bundle(&self.embedded.name)
        .to_json()
    }
}

//! A parsed HTML page as a plain tree, and the rules that find the article in it.
//!
//! The rules live here, apart from any parser, so that the build (which parses with html5ever,
//! feature `html`) and the browser (which can hand over the tree its own `DOMParser` built, at no
//! cost in wasm size) extract articles with the same code. Build a [`Dom`] with
//! [`Dom::push_element`] and [`Dom::push_text`], then call [`extract`].
//!
//! In the page, with `web_sys` (features `DomParser`, `SupportedType`, `Document`, `Node`,
//! `NodeList`, `Element`), the parsed document is copied without recursion (each node's children
//! are added in order; which parent is filled first does not matter):
//!
//! ```ignore
//! let doc = web_sys::DomParser::new()?.parse_from_string(&text, web_sys::SupportedType::TextHtml)?;
//! let mut dom = Dom::new();
//! let mut todo: Vec<(web_sys::Node, usize)> = vec![(doc.into(), Dom::ROOT)];
//! while let Some((node, at)) = todo.pop() {
//!     let kids = node.child_nodes();
//!     for i in 0..kids.length() {
//!         let Some(kid) = kids.item(i) else { continue };
//!         if kid.node_type() == web_sys::Node::TEXT_NODE {
//!             dom.push_text(at, &kid.text_content().unwrap_or_default());
//!         } else if let Some(el) = kid.dyn_ref::<web_sys::Element>() {
//!             let names = el.get_attribute_names();
//!             let attrs = (0..names.length())
//!                 .filter_map(|j| names.get(j).as_string())
//!                 .filter_map(|n| el.get_attribute(&n).map(|v| (n, v)))
//!                 .collect();
//!             let id = dom.push_element(at, &el.local_name(), attrs);
//!             todo.push((kid, id));
//!         }
//!     }
//! }
//! let article = LocalArticle::from_dom(&file_name, &dom)?;
//! ```
//!
//! Decode the file's bytes with [`super::charset::decode`] before parsing (a Windows-1252 page
//! then reads right too).
//!
//! The rules:
//! - **container**: the `<article>` with the most paragraph text, else `<main>` (or
//!   `role="main"`), else `<body>`;
//! - **text**: block elements (`p`, headings, list items, quotes, captions, `div`s holding text, …)
//!   become paragraphs in document order; `<br>` is a line break and two in a row end a paragraph;
//!   `nav`, `script`, `style`, `aside`, `footer`, forms, embedded media and hidden elements are
//!   skipped, and so is `header` unless it is inside the article;
//! - **headline**: the container's first `<h1>`, else `og:title`, else `<title>` (less a trailing
//!   `| Site name`);
//! - **date**: `article:published_time` (or a `datePublished`, `date` or `pubdate` meta tag), else
//!   the first `<time datetime>`;
//! - **outlet**: `og:site_name` (or `application-name`);
//! - **JSON-LD**: a `<script type="application/ld+json">` describing a `NewsArticle` (or any
//!   `…Article`, `BlogPosting`, `Report`, also inside `@graph`) gives what the tags above do not:
//!   its `publisher` (name) for the outlet, `datePublished` before `<time datetime>`, `headline`
//!   before `<title>`, and `url` (or `mainEntityOfPage`) after the canonical link and `og:url`.

use super::{assemble, collapse, flush_block, Extracted};
use crate::date::Date;

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

/// One node of a [`Dom`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An element: lower-case tag name, attributes (lower-case names) and children (indices).
    Element {
        /// Tag name, lower case.
        name: String,
        /// Attributes, names in lower case.
        attrs: Vec<(String, String)>,
        /// Indices of the children in [`Dom`], in order.
        children: Vec<usize>,
    },
    /// Text, entities already decoded.
    Text(String),
}

/// A page as a flat tree (an arena: no recursion to build, walk or drop it, however deep the
/// markup nests). Node 0 is the document, an element named `#document`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dom {
    nodes: Vec<Node>,
}

impl Default for Dom {
    fn default() -> Dom {
        Dom::new()
    }
}

/// A step of a walk through the tree.
enum Step {
    Open(usize),
    Close(usize),
    Text(usize),
}

impl Dom {
    /// The document node alone.
    pub fn new() -> Dom {
        Dom {
            nodes: vec![Node::Element {
                name: "#document".into(),
                attrs: Vec::new(),
                children: Vec::new(),
            }],
        }
    }

    /// The index of the document node.
    pub const ROOT: usize = 0;

    /// Adds an element under `parent` (an element's index) and returns its index. Names are
    /// stored in lower case. A `parent` that is not an element is taken as the document.
    pub fn push_element(
        &mut self,
        parent: usize,
        name: &str,
        attrs: Vec<(String, String)>,
    ) -> usize {
        let attrs = attrs
            .into_iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        self.push(
            parent,
            Node::Element {
                name: name.to_ascii_lowercase(),
                attrs,
                children: Vec::new(),
            },
        )
    }

    /// Adds text under `parent`.
    pub fn push_text(&mut self, parent: usize, text: &str) {
        self.push(parent, Node::Text(text.to_string()));
    }

    fn push(&mut self, parent: usize, node: Node) -> usize {
        let at = self.nodes.len();
        self.nodes.push(node);
        let parent = match self.nodes.get(parent) {
            Some(Node::Element { .. }) => parent,
            _ => Dom::ROOT,
        };
        if let Node::Element { children, .. } = &mut self.nodes[parent] {
            children.push(at);
        }
        at
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether only the document node is there.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    fn name(&self, i: usize) -> &str {
        match &self.nodes[i] {
            Node::Element { name, .. } => name,
            Node::Text(_) => "",
        }
    }

    fn attr(&self, i: usize, key: &str) -> Option<&str> {
        match &self.nodes[i] {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    /// Walks the subtree of `from` in document order.
    fn walk(&self, from: usize, mut f: impl FnMut(Step)) {
        let children = |i: usize| match &self.nodes[i] {
            Node::Element { children, .. } => children.as_slice(),
            Node::Text(_) => &[],
        };
        f(Step::Open(from));
        let mut stack = vec![(from, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (el, next) = *top;
            if let Some(&child) = children(el).get(next) {
                top.1 += 1;
                match &self.nodes[child] {
                    Node::Text(_) => f(Step::Text(child)),
                    Node::Element { .. } => {
                        f(Step::Open(child));
                        stack.push((child, 0));
                    }
                }
            } else {
                f(Step::Close(el));
                stack.pop();
            }
        }
    }

    /// The elements under `from` (itself included), in document order.
    fn elements(&self, from: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.walk(from, |s| {
            if let Step::Open(i) = s {
                out.push(i);
            }
        });
        out
    }

    fn skipped(&self, i: usize, skip_header: bool) -> bool {
        let name = self.name(i);
        SKIP.contains(&name)
            || (skip_header && name == "header")
            || self.attr(i, "hidden").is_some()
            || self.attr(i, "aria-hidden") == Some("true")
            || matches!(
                self.attr(i, "role"),
                Some("navigation" | "complementary" | "banner" | "contentinfo")
            )
    }

    /// Text of an element, white space collapsed, skipping what is never text.
    fn text_of(&self, el: usize) -> String {
        let mut out = String::new();
        let mut skip = 0usize;
        self.walk(el, |s| match s {
            Step::Open(_) if skip > 0 => skip += 1,
            Step::Open(i) if self.skipped(i, false) => skip = 1,
            Step::Close(_) if skip > 0 => skip -= 1,
            Step::Text(i) if skip == 0 => {
                if let Node::Text(t) = &self.nodes[i] {
                    out.push_str(t);
                }
            }
            _ => {}
        });
        collapse(&out)
    }

    /// The paragraphs of a container, in document order.
    fn blocks(&self, container: usize, skip_header: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut skip = 0usize;
        self.walk(container, |s| match s {
            Step::Open(_) if skip > 0 => skip += 1,
            Step::Open(i) if self.skipped(i, skip_header) => skip = 1,
            Step::Open(i) => match self.name(i) {
                // Two line breaks in a row end a paragraph; one is a line break inside it.
                "br" if buf.trim_end_matches([' ', '\t']).ends_with('\n') => {
                    flush_block(&mut buf, &mut out)
                }
                "br" => buf.push('\n'),
                "td" | "th" => buf.push(' '),
                name if BLOCKS.contains(&name) => flush_block(&mut buf, &mut out),
                _ => {}
            },
            Step::Close(_) if skip > 0 => skip -= 1,
            Step::Close(i) if BLOCKS.contains(&self.name(i)) => flush_block(&mut buf, &mut out),
            Step::Close(_) => {}
            Step::Text(_) if skip > 0 => {}
            Step::Text(i) => {
                if let Node::Text(t) = &self.nodes[i] {
                    // Source line breaks inside text are spaces; only <br> makes a line.
                    buf.push_str(&t.replace(['\n', '\r'], " "));
                }
            }
        });
        flush_block(&mut buf, &mut out);
        out
    }

    /// Paragraph text inside an element: how much of it is article prose.
    fn prose_len(&self, el: usize) -> usize {
        self.elements(el)
            .into_iter()
            .filter(|&p| self.name(p) == "p")
            .map(|p| self.text_of(p).len())
            .sum()
    }
}

/// Finds the article in a page (see the module's rules). The text is empty when the page has
/// none; [`super::extract`] turns that into an error for a file.
pub fn extract(dom: &Dom) -> Extracted {
    let all = dom.elements(Dom::ROOT);
    let named = |tag: &'static str| all.iter().copied().filter(move |&e| dom.name(e) == tag);
    let meta = |keys: &[&str]| {
        named("meta").find_map(|m| {
            let key = dom
                .attr(m, "property")
                .or_else(|| dom.attr(m, "name"))
                .or_else(|| dom.attr(m, "itemprop"))?
                .to_ascii_lowercase();
            let content = collapse(dom.attr(m, "content")?);
            (keys.contains(&key.as_str()) && !content.is_empty()).then_some(content)
        })
    };
    let ld = json_ld(dom, &all);
    let site_tag = meta(&["og:site_name", "application-name"]);
    let outlet_from = match (&site_tag, &ld.publisher) {
        (Some(_), _) => ", outlet from og:site_name",
        (None, Some(_)) => ", outlet from JSON-LD publisher",
        _ => "",
    };
    let site = site_tag.or_else(|| ld.publisher.clone());
    // The page's own address: its canonical link, else `og:url`.
    let url = named("link")
        .find(|l| {
            dom.attr(*l, "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|x| x.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| dom.attr(l, "href").map(collapse))
        .or_else(|| meta(&["og:url"]))
        .filter(|u| crate::outlets::host_of(u).is_some() && u.contains("://"))
        .or_else(|| {
            ld.url
                .clone()
                .filter(|u| crate::outlets::host_of(u).is_some() && u.contains("://"))
        });
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
        .map(|a| (dom.prose_len(a), a))
        .filter(|&(len, _)| len > 0)
        // The first of equals wins.
        .fold(None, |best: Option<(usize, usize)>, x| match best {
            Some(b) if b.0 >= x.0 => Some(b),
            _ => Some(x),
        })
        .map(|(_, a)| a)
        .or_else(|| named("main").next())
        .or_else(|| {
            all.iter()
                .copied()
                .find(|&e| dom.attr(e, "role") == Some("main"))
        })
        .or_else(|| named("body").next())
        .unwrap_or(Dom::ROOT);
    let in_article = matches!(dom.name(container), "article" | "main")
        || dom.attr(container, "role") == Some("main");

    let mut notes = Vec::new();
    let h1 = dom
        .elements(container)
        .into_iter()
        .find(|&e| dom.name(e) == "h1")
        .map(|e| dom.text_of(e))
        .filter(|t| !t.is_empty());
    let page_title = named("title").next().map(|e| dom.text_of(e)).map(|t| {
        let cut = site.as_deref().and_then(|s| {
            [" | ", " - ", " – ", " — ", " :: "]
                .iter()
                .find_map(|sep| t.strip_suffix(&format!("{sep}{s}")))
        });
        cut.unwrap_or(&t).to_string()
    });
    let (title, from) = match (h1, og_title, ld.headline.clone(), page_title) {
        (Some(t), ..) => (Some(t), "<h1>"),
        (None, Some(t), ..) => (Some(t), "og:title"),
        (None, None, Some(t), _) => (Some(t), "JSON-LD headline"),
        (None, None, None, Some(t)) if !t.is_empty() => (Some(t), "<title>"),
        _ => (None, ""),
    };
    let time = || {
        dom.elements(container)
            .into_iter()
            .chain(all.iter().copied())
            .filter(|&e| dom.name(e) == "time")
            .find_map(|e| dom.attr(e, "datetime").map(|d| d.trim().to_string()))
    };
    let (date_text, date_from) = match (published, ld.published.clone()) {
        (Some(p), _) => (Some(p), "the page's publication-time meta tag"),
        (None, Some(p)) => (Some(p), "the page's JSON-LD datePublished"),
        (None, None) => (time(), "the page's <time datetime>"),
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

    let mut body = dom.blocks(container, !in_article);
    if let Some(t) = &title {
        if let Some(i) = body.iter().position(|b| b == t) {
            body.remove(i);
        }
    }
    notes.push(format!(
        "text extracted from HTML: {} paragraph{} from <{}>{}{}{}",
        body.len(),
        if body.len() == 1 { "" } else { "s" },
        dom.name(container).trim_start_matches('#'),
        title
            .as_ref()
            .map_or(String::new(), |_| format!(", headline from {from}")),
        date.map_or(String::new(), |_| format!(", date from {date_from}")),
        outlet_from,
    ));
    let text = if body.is_empty() {
        String::new()
    } else {
        assemble(date, title.as_deref(), &body)
    };
    Extracted {
        text,
        title,
        outlet: site,
        date,
        url,
        notes,
    }
}

/// What a page's JSON-LD says about the article it describes.
#[derive(Debug, Default, PartialEq)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// Whether a schema.org `@type` names a news article or a kind of one.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit('/').next().unwrap_or(t);
    t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
}

/// The first article object of the page's `application/ld+json` scripts (objects, arrays and
/// `@graph`s are searched without recursion; scripts that are not valid JSON are ignored).
fn json_ld(dom: &Dom, all: &[usize]) -> LinkedData {
    use serde_json::Value;
    let text = |v: &Value| match v {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        _ => None,
    };
    let name = |v: &Value| match v {
        Value::Object(o) => o.get("name").and_then(text),
        Value::Array(a) => a.iter().find_map(|x| x.get("name").and_then(text)),
        other => text(other),
    };
    let scripts = all.iter().copied().filter(|&e| {
        dom.name(e) == "script"
            && dom
                .attr(e, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    });
    for s in scripts {
        let mut src = String::new();
        if let Node::Element { children, .. } = &dom.nodes[s] {
            for &c in children {
                if let Node::Text(t) = &dom.nodes[c] {
                    src.push_str(t);
                }
            }
        }
        let Ok(root) = serde_json::from_str::<Value>(src.trim()) else {
            continue;
        };
        let mut todo = vec![&root];
        while let Some(v) = todo.pop() {
            match v {
                Value::Array(items) => todo.extend(items.iter().rev()),
                Value::Object(o) => {
                    let typed = match o.get("@type") {
                        Some(Value::String(t)) => is_article_type(t),
                        Some(Value::Array(ts)) => {
                            ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                        }
                        _ => false,
                    };
                    if typed {
                        let page = o.get("mainEntityOfPage").and_then(|p| match p {
                            Value::Object(m) => {
                                m.get("@id").or_else(|| m.get("url")).and_then(text)
                            }
                            other => text(other),
                        });
                        return LinkedData {
                            headline: o.get("headline").or_else(|| o.get("name")).and_then(text),
                            published: o
                                .get("datePublished")
                                .or_else(|| o.get("dateCreated"))
                                .and_then(text),
                            publisher: o.get("publisher").and_then(name),
                            url: o.get("url").and_then(text).or(page),
                        };
                    }
                    if let Some(g) = o.get("@graph") {
                        todo.push(g);
                    }
                }
                _ => {}
            }
        }
    }
    LinkedData::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page built by hand, as the browser's DOMParser would hand it over.
    #[test]
    fn a_tree_built_by_hand_gives_its_article() {
        let mut d = Dom::new();
        let html = d.push_element(Dom::ROOT, "HTML", vec![]);
        let head = d.push_element(html, "head", vec![]);
        let meta = d.push_element(
            head,
            "meta",
            vec![
                ("Property".into(), "og:site_name".into()),
                ("content".into(), "Coast Wire".into()),
            ],
        );
        assert_eq!(d.attr(meta, "property"), Some("og:site_name"));
        let body = d.push_element(html, "body", vec![]);
        let nav = d.push_element(body, "nav", vec![]);
        d.push_text(nav, "Home");
        let h1 = d.push_element(body, "h1", vec![]);
        d.push_text(h1, "A  headline\n");
        let p = d.push_element(body, "p", vec![]);
        d.push_text(p, "First ");
        let b = d.push_element(p, "b", vec![]);
        d.push_text(b, "bold");
        d.push_text(p, " words.");
        let ex = extract(&d);
        assert_eq!(ex.title.as_deref(), Some("A headline"));
        assert_eq!(ex.outlet.as_deref(), Some("Coast Wire"));
        assert_eq!(ex.text, "A headline\n\nFirst bold words.\n");
    }

    /// JSON-LD fills in what the meta tags leave out, and never overrides them.
    #[cfg(feature = "html")]
    #[test]
    fn json_ld_news_articles_give_outlet_date_headline_and_address() {
        let body = "<body><p>Dock workers walked out on Monday after talks broke down over pay.</p></body>";
        let ld = |json: &str| format!("<script type=\"application/ld+json\">{json}</script>");
        // (case, head, outlet, date, title, url)
        type Opt<'a> = Option<&'a str>;
        let cases: [(&str, String, Opt, Opt, Opt, Opt); 7] = [
            (
                "a NewsArticle",
                ld(r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dockers strike","datePublished":"2026-03-04T08:00:00+01:00","publisher":{"@type":"Organization","name":"Corran Post"},"url":"https://corran.example/a"}"#),
                Some("Corran Post"), Some("2026-03-04"), Some("Dockers strike"), Some("https://corran.example/a"),
            ),
            (
                "inside @graph, publisher as a string, mainEntityOfPage",
                ld(r#"{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["ReportageNewsArticle"],"headline":"In a graph","datePublished":"2026-03-05","publisher":"Graph Times","mainEntityOfPage":{"@id":"https://graph.example/b"}}]}"#),
                Some("Graph Times"), Some("2026-03-05"), Some("In a graph"), Some("https://graph.example/b"),
            ),
            (
                "an array of objects",
                ld(r#"[{"@type":"BreadcrumbList"},{"@type":"http://schema.org/BlogPosting","headline":"A post","datePublished":"2026-03-06"}]"#),
                None, Some("2026-03-06"), Some("A post"), None,
            ),
            (
                "not an article type",
                ld(r#"{"@type":"Organization","name":"Not This"}"#),
                None, None, None, None,
            ),
            ("invalid JSON is ignored", ld("{not json"), None, None, None, None),
            (
                "meta tags win over JSON-LD",
                format!(
                    "<meta property=\"og:site_name\" content=\"Tag Site\"><meta property=\"article:published_time\" content=\"2026-01-01\"><meta property=\"og:title\" content=\"Tag title\">{}",
                    ld(r#"{"@type":"NewsArticle","headline":"LD title","datePublished":"2026-02-02","publisher":{"name":"LD Site"}}"#)
                ),
                Some("Tag Site"), Some("2026-01-01"), Some("Tag title"), None,
            ),
            (
                "a non-ISO date is not used",
                ld(r#"{"@type":"NewsArticle","datePublished":"March 4, 2026"}"#),
                None, None, None, None,
            ),
        ];
        for (case, head, outlet, date, title, url) in cases {
            let page = format!("<html><head>{head}</head>{body}</html>");
            let ex = extract(&super::super::html::parse(&page));
            assert_eq!(ex.outlet.as_deref(), outlet, "{case}: outlet");
            assert_eq!(
                ex.date.map(|d| d.to_string()).as_deref(),
                date,
                "{case}: date"
            );
            assert_eq!(ex.title.as_deref(), title, "{case}: title");
            assert_eq!(ex.url.as_deref(), url, "{case}: url");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let mut d = Dom::new();
        let mut at = Dom::ROOT;
        for _ in 0..200_000 {
            at = d.push_element(at, "div", vec![]);
        }
        d.push_text(at, "Deep text.");
        assert_eq!(extract(&d).text, "Deep text.\n");
        // A parent that is not an element falls back to the document.
        d.push_text(usize::MAX, "x");
    }
}

//! The view state of the app, as it lives in the URL query string.
//!
//! The URL is the single source of truth: the app derives what it shows from a [`ViewState`]
//! parsed from `location.search`, and navigates by writing one back. Parsing is total: any input
//! gives a state, and what could not be used is reported as [`Notice`]s for the page to show.

use crate::coverage::{DateRange, Rows};
use crate::date::Date;
use std::fmt;

mod notice;

pub use notice::{Notice, NoticeKind, RangeEnd, Repeated};

/// Current version of the link format, written as `v=1`.
pub const VERSION: u32 = 1;

/// What the page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search query (`q=`), if any; kept exactly as typed.
    pub q: Option<String>,
    /// The article open in the reader (`doc=`), if any.
    pub doc: Option<String>,
    /// Articles compared side by side (`compare=a,b`), two to four.
    pub compare: Vec<String>,
    /// The passage in focus in a comparison (`focus=ID:N`, paragraph N counted from 1).
    pub focus: Option<PassageKey>,
    /// The coverage view (`view=coverage`) and its selections, if it is open.
    pub coverage: Option<CoverageState>,
    /// The page for adding one's own articles (`view=add`).
    pub adding: bool,
    /// A passage of the open article that the link points at (`at=`, `cv=`, `quote=`): found
    /// again by its quote when the corpus changed (see [`crate::anchor`]).
    pub passage: Option<Passage>,
}

/// What the coverage view shows: `view=coverage&by=actor&row=eu&target=sanctions&from=…&to=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoverageState {
    /// The matrix's rows (`by=outlet`, the default, or `by=actor`).
    pub by: Rows,
    /// The selected row (an outlet label or an actor id), if any.
    pub row: Option<String>,
    /// The selected target (column), if any.
    pub target: Option<String>,
    /// The timeline's brush: the days every part of the view is limited to.
    pub range: DateRange,
}

/// Which screen a [`ViewState`] shows: exactly one, whatever the link combines. The router, the
/// document title and the header's navigation all match on it ([`ViewState::screen`]), so they
/// cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The article list (the front page).
    List,
    /// Search results for the query (`q=`).
    Search,
    /// One article in the reader (`doc=`), beside the list.
    Reader,
    /// Two to four articles side by side (`compare=`).
    Compare,
    /// The coverage view (`view=coverage`).
    Coverage,
    /// The page for adding one's own articles (`view=add`).
    Add,
}

/// One paragraph of one article, as a `focus=` link names it: `ID:N`, with N the paragraph
/// counted from 1 (`000_8ab391a8a651fb65:7`). The id may itself hold colons: the number is what
/// follows the last one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassageKey {
    /// The article's id.
    pub doc: String,
    /// The paragraph, counted from 0 (written counted from 1).
    pub paragraph: usize,
}

impl PassageKey {
    /// The key of paragraph `paragraph` (counted from 0) of article `doc`.
    pub fn new(doc: impl Into<String>, paragraph: usize) -> PassageKey {
        PassageKey {
            doc: doc.into(),
            paragraph,
        }
    }
}

/// Why a text is not a [`PassageKey`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PassageKeyError {
    /// No `:` separates the article id from the paragraph number.
    NoSeparator,
    /// Nothing before the `:`.
    NoArticle,
    /// What follows the last `:` is not a whole number from 1 up.
    BadNumber,
}

impl fmt::Display for PassageKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PassageKeyError::NoSeparator => {
                "A passage is named as article id, colon, paragraph number (like 000_ab12:7); this one has no colon."
            }
            PassageKeyError::NoArticle => {
                "A passage is named as article id, colon, paragraph number (like 000_ab12:7); this one names no article."
            }
            PassageKeyError::BadNumber => {
                "A passage is named as article id, colon, paragraph number (like 000_ab12:7); the paragraph number must be a whole number from 1 up."
            }
        })
    }
}

impl std::error::Error for PassageKeyError {}

impl std::str::FromStr for PassageKey {
    type Err = PassageKeyError;

    /// Reads `ID:N` (decoded, not percent-encoded). Never panics.
    fn from_str(s: &str) -> Result<PassageKey, PassageKeyError> {
        let (doc, n) = s.rsplit_once(':').ok_or(PassageKeyError::NoSeparator)?;
        if doc.is_empty() {
            return Err(PassageKeyError::NoArticle);
        }
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PassageKeyError::BadNumber);
        }
        let paragraph = n
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .ok_or(PassageKeyError::BadNumber)?;
        Ok(PassageKey::new(doc, paragraph))
    }
}

impl fmt::Display for PassageKey {
    /// `ID:N`, N counted from 1.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.doc, self.paragraph + 1)
    }
}

/// A link to a passage: byte offsets into the article's text, the corpus version they were taken
/// from, and a quote selector (the shape of a W3C TextQuoteSelector: a little text before, the
/// passage's first words, a little text after) to find the passage again if the text moved.
///
/// Written `at=START-END&cv=VERSION&quote=PREFIX-,EXACT,-SUFFIX`, each quote part percent-encoded
/// with `+` for a space (as in a text fragment link, `#:~:text=prefix-,start,-suffix`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Passage {
    /// First byte of the passage in the article's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The corpus version (`Corpus::version`) the offsets belong to; may be empty.
    pub corpus: String,
    /// Text just before the passage.
    pub prefix: String,
    /// The passage's first words, exactly.
    pub exact: String,
    /// Text just after the passage.
    pub suffix: String,
}

/// Most articles compared at once.
pub const MAX_COMPARE: usize = 4;

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte; malformed
/// escapes are kept as written and invalid UTF-8 is replaced, so decoding never fails.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query component: unreserved characters stay, everything else is `%XX`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Encodes one part of a quote: like [`encode_component`], but a space is `+` (easier to read)
/// and `-` is escaped, since it marks the prefix and suffix.
fn encode_quote_part(s: &str) -> String {
    encode_component(s).replace("%20", "+").replace('-', "%2D")
}

/// Reads `PREFIX-,EXACT,-SUFFIX` (prefix and suffix optional; parts still encoded).
fn parse_quote(raw: &str) -> Option<(String, String, String)> {
    let mut parts: Vec<&str> = raw.split(',').collect();
    let prefix = match parts.first() {
        Some(p) if parts.len() > 1 && p.ends_with('-') => {
            let p = parts.remove(0);
            decode_component(&p[..p.len() - 1])
        }
        _ => String::new(),
    };
    let suffix = match parts.last() {
        Some(p) if parts.len() > 1 && p.starts_with('-') => {
            let p = parts.pop().unwrap_or_default();
            decode_component(&p[1..])
        }
        _ => String::new(),
    };
    match parts.as_slice() {
        [exact] => Some((prefix, decode_component(exact), suffix)),
        _ => None,
    }
}

/// Reads `START-END` byte offsets.
fn parse_range(v: &str) -> Option<(usize, usize)> {
    let (a, b) = v.split_once('-')?;
    let (a, b) = (a.parse::<usize>().ok()?, b.parse::<usize>().ok()?);
    (a <= b).then_some((a, b))
}

/// Splits a query string (with or without the leading `?`) into decoded key/value pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    raw_pairs(query)
        .into_iter()
        .map(|(k, v)| (k, decode_component(v)))
        .collect()
}

/// Key (decoded) and value (still encoded) pairs: list values split on `,` before decoding.
fn raw_pairs(query: &str) -> Vec<(String, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode_component(k), v),
            None => (decode_component(p), ""),
        })
        .collect()
}

/// Text from a link made safe to quote in a sentence: at most `max` characters, with control
/// characters and bidirectional overrides (which could reorder the sentence around them) shown
/// as their code (`[U+202E]`) instead of acting.
pub fn printable(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().take(max) {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        } else {
            out.push(c);
        }
    }
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

impl ViewState {
    /// Parses a query string. Never fails: unusable parts come back as notices.
    pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let (mut at, mut cv, mut quote) = (None, None, None);
        let once = |seen: bool, what: Repeated, notices: &mut Vec<Notice>| {
            if seen {
                notices.push(NoticeKind::Repeated(what).into());
            }
            !seen
        };
        for (k, raw) in raw_pairs(query) {
            let v = decode_component(raw);
            match k.as_str() {
                "v" => {
                    if v.parse::<u32>().map_or(true, |n| n == 0 || n > VERSION) {
                        notices.push(NoticeKind::UnknownVersion { version: v }.into());
                    }
                }
                "q" if state.q.is_none() => state.q = (!v.is_empty()).then_some(v),
                "q" => notices.push(NoticeKind::Repeated(Repeated::Search).into()),
                "doc" if state.doc.is_none() && !v.is_empty() => state.doc = Some(v),
                "doc" => notices.push(NoticeKind::Repeated(Repeated::Article).into()),
                "focus" if state.focus.is_none() && !v.is_empty() => {
                    match v.parse::<PassageKey>() {
                        Ok(key) => state.focus = Some(key),
                        Err(why) => notices.push(NoticeKind::BadFocus { focus: v, why }.into()),
                    }
                }
                "focus" => notices.push(NoticeKind::Repeated(Repeated::Focus).into()),
                "compare" if state.compare.is_empty() => {
                    let mut ids: Vec<String> = raw
                        .split(',')
                        .map(decode_component)
                        .filter(|id| !id.is_empty())
                        .collect();
                    ids.dedup();
                    if ids.len() > MAX_COMPARE {
                        notices.push(NoticeKind::TooManyCompared { given: ids.len() }.into());
                        ids.truncate(MAX_COMPARE);
                    }
                    state.compare = ids;
                }
                "compare" => notices.push(NoticeKind::Repeated(Repeated::Comparison).into()),
                "view" if v == "add" => state.adding = true,
                "view" if v == "coverage" => {
                    state.coverage.get_or_insert_with(Default::default);
                }
                "view" => notices.push(NoticeKind::UnknownView { view: v }.into()),
                "by" => match Rows::parse(&v) {
                    Some(by) => state.coverage.get_or_insert_with(Default::default).by = by,
                    None => notices.push(NoticeKind::UnknownRows { by: v }.into()),
                },
                "row" | "target" if !v.is_empty() => {
                    let c = state.coverage.get_or_insert_with(Default::default);
                    let slot = if k == "row" {
                        &mut c.row
                    } else {
                        &mut c.target
                    };
                    if slot.is_none() {
                        *slot = Some(v);
                    } else {
                        let what = if k == "row" {
                            Repeated::Row
                        } else {
                            Repeated::Target
                        };
                        notices.push(NoticeKind::Repeated(what).into());
                    }
                }
                "from" | "to" => match Date::parse_iso(&v) {
                    Some(d) => {
                        let range = &mut state.coverage.get_or_insert_with(Default::default).range;
                        if k == "from" {
                            range.from = Some(d)
                        } else {
                            range.to = Some(d)
                        }
                    }
                    None => notices.push(
                        NoticeKind::BadRangeDate {
                            date: v,
                            end: if k == "from" {
                                RangeEnd::Start
                            } else {
                                RangeEnd::End
                            },
                        }
                        .into(),
                    ),
                },
                "at" if once(at.is_some(), Repeated::PassagePosition, &mut notices) => {
                    at = Some(parse_range(&v).ok_or(v));
                }
                "cv" if once(cv.is_some(), Repeated::CorpusVersion, &mut notices) => cv = Some(v),
                "quote" if once(quote.is_some(), Repeated::Quote, &mut notices) => {
                    quote = Some(parse_quote(raw).ok_or(v));
                }
                "at" | "cv" | "quote" => {}
                _ => notices.push(NoticeKind::UnknownParameter { name: k }.into()),
            }
        }
        if let Some(range) = state.coverage.as_mut().map(|c| &mut c.range) {
            if let (Some(from), Some(to)) = (range.from, range.to) {
                if from > to {
                    (range.from, range.to) = (Some(to), Some(from));
                    notices.push(NoticeKind::RangeSwapped.into());
                }
            }
        }
        match (at, quote) {
            (Some(Ok((start, end))), quote) => {
                let (prefix, exact, suffix) = match quote {
                    Some(Ok(q)) => q,
                    Some(Err(bad)) => {
                        notices.push(NoticeKind::BadQuote { quote: bad }.into());
                        Default::default()
                    }
                    None => Default::default(),
                };
                state.passage = Some(Passage {
                    start,
                    end,
                    corpus: cv.unwrap_or_default(),
                    prefix,
                    exact,
                    suffix,
                });
            }
            (Some(Err(bad)), _) => notices.push(NoticeKind::BadPosition { at: bad }.into()),
            (None, Some(_)) => notices.push(NoticeKind::QuoteWithoutPosition.into()),
            (None, None) => {}
        }
        (state, notices)
    }

    /// The same state without what `known` rejects, with a notice for each removal. Used to drop
    /// an article id the corpus does not have.
    pub fn validate(mut self, has_doc: impl Fn(&str) -> bool) -> (ViewState, Vec<Notice>) {
        let mut notices = Vec::new();
        if let Some(doc) = &self.doc {
            if !has_doc(doc) {
                notices.push(NoticeKind::UnknownArticle { id: doc.clone() }.into());
                self.doc = None;
            }
        }
        let unknown: Vec<String> = self
            .compare
            .iter()
            .filter(|id| !has_doc(id))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            if let Some(id) = unknown.iter().find(|id| crate::local::is_local_id(id)) {
                notices.push(NoticeKind::AddedElsewhere { id: id.clone() }.into());
            }
            notices.push(NoticeKind::UnknownCompared { ids: unknown }.into());
            self.compare.retain(|id| has_doc(id));
        }
        if self.passage.is_some() && self.doc.is_none() {
            notices.push(NoticeKind::PassageWithoutArticle.into());
            self.passage = None;
        }
        if self.compare.len() == 1 {
            notices.push(NoticeKind::LoneComparison.into());
            if self.doc.is_none() {
                self.doc = self.compare.pop();
            }
            self.compare.clear();
        }
        (self, notices)
    }
}

impl ViewState {
    /// The one screen this state shows. A link may combine parameters (a comparison and an
    /// article, coverage and the add page); this decides between them, once, for the router,
    /// the title and the header. Call it on a [`ViewState::validate`]d state, so that a
    /// comparison of one known article is read as that article.
    pub fn screen(&self) -> Screen {
        if self.compare.len() >= 2 {
            Screen::Compare
        } else if self.doc.is_some() {
            Screen::Reader
        } else if self.adding {
            Screen::Add
        } else if self.coverage.is_some() {
            Screen::Coverage
        } else if self.q.is_some() {
            Screen::Search
        } else {
            Screen::List
        }
    }

    /// The document title for this state's screen: the article's headline in the reader, the
    /// compared outlets in a comparison, the query in search.
    pub fn document_title(&self, corpus: &crate::Corpus) -> String {
        const HOME: &str = "Parallax — how outlets covered the same story";
        match self.screen() {
            Screen::List => HOME.to_string(),
            Screen::Search => format!("{} — Parallax search", self.q.as_deref().unwrap_or("")),
            Screen::Reader => match self.doc.as_deref().and_then(|id| corpus.get(id)) {
                Some(a) => format!("{} — Parallax", a.title.text),
                None => HOME.to_string(),
            },
            Screen::Compare => {
                let outlets: Vec<String> = self
                    .compare
                    .iter()
                    .filter_map(|id| corpus.get(id))
                    .map(|a| a.outlet_label())
                    .collect();
                if outlets.len() == self.compare.len() {
                    format!("Comparison: {} — Parallax", outlets.join(" vs "))
                } else {
                    format!("Comparing {} articles — Parallax", self.compare.len())
                }
            }
            Screen::Coverage => "Coverage across outlets — Parallax".to_string(),
            Screen::Add => "Add articles — Parallax".to_string(),
        }
    }
}

impl fmt::Display for ViewState {
    /// The query string, without `?`; empty for the default view.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == ViewState::default() {
            return Ok(());
        }
        write!(f, "v={VERSION}")?;
        if let Some(q) = &self.q {
            write!(f, "&q={}", encode_component(q))?;
        }
        if let Some(doc) = &self.doc {
            write!(f, "&doc={}", encode_component(doc))?;
        }
        if let Some(p) = &self.passage {
            write!(f, "&at={}-{}", p.start, p.end)?;
            if !p.corpus.is_empty() {
                write!(f, "&cv={}", encode_component(&p.corpus))?;
            }
            if !(p.prefix.is_empty() && p.exact.is_empty() && p.suffix.is_empty()) {
                write!(
                    f,
                    "&quote={}-,{},-{}",
                    encode_quote_part(&p.prefix),
                    encode_quote_part(&p.exact),
                    encode_quote_part(&p.suffix)
                )?;
            }
        }
        if let Some(focus) = &self.focus {
            write!(f, "&focus={}", encode_component(&focus.to_string()))?;
        }
        if !self.compare.is_empty() {
            let ids: Vec<String> = self.compare.iter().map(|id| encode_component(id)).collect();
            write!(f, "&compare={}", ids.join(","))?;
        }
        if self.adding {
            write!(f, "&view=add")?;
        }
        if let Some(c) = &self.coverage {
            write!(f, "&view=coverage")?;
            if c.by != Rows::default() {
                write!(f, "&by={}", c.by.as_str())?;
            }
            if let Some(row) = &c.row {
                write!(f, "&row={}", encode_component(row))?;
            }
            if let Some(target) = &c.target {
                write!(f, "&target={}", encode_component(target))?;
            }
            if let Some(from) = c.range.from {
                write!(f, "&from={from}")?;
            }
            if let Some(to) = c.range.to {
                write!(f, "&to={to}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;

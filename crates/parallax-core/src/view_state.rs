//! The view state of the app, as it lives in the URL query string.
//!
//! The URL is the single source of truth: the app derives what it shows from a [`ViewState`]
//! parsed from `location.search`, and navigates by writing one back. Parsing is total: any input
//! gives a state, and what could not be used is reported as [`Notice`]s for the page to show.

use crate::coverage::{DateRange, Rows};
use crate::date::Date;
use std::fmt;

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

/// Something in a link that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// A sentence for the reader.
    pub message: String,
}

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

fn shorten(s: &str) -> String {
    printable(s, 40)
}

impl ViewState {
    /// Parses a query string. Never fails: unusable parts come back as notices.
    pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let (mut at, mut cv, mut quote) = (None, None, None);
        let once = |seen: bool, what: &str, notices: &mut Vec<Notice>| {
            if seen {
                notices.push(Notice {
                    message: format!("The link has more than one {what}; only the first is used."),
                });
            }
            !seen
        };
        for (k, raw) in raw_pairs(query) {
            let v = decode_component(raw);
            match k.as_str() {
                "v" => {
                    if v.parse::<u32>().map_or(true, |n| n == 0 || n > VERSION) {
                        notices.push(Notice {
                            message: format!(
                                "This link was made by a newer or unknown version of Parallax (v={}); it is read as version {VERSION}.",
                                shorten(&v)
                            ),
                        });
                    }
                }
                "q" if state.q.is_none() => state.q = (!v.is_empty()).then_some(v),
                "q" => notices.push(Notice {
                    message: "The link has more than one search; only the first is used.".into(),
                }),
                "doc" if state.doc.is_none() && !v.is_empty() => state.doc = Some(v),
                "doc" => notices.push(Notice {
                    message: "The link names more than one article or an empty one; only the first is opened.".into(),
                }),
                "focus" if state.focus.is_none() && !v.is_empty() => match v.parse::<PassageKey>() {
                    Ok(key) => state.focus = Some(key),
                    Err(e) => notices.push(Notice {
                        message: format!("The link's focus “{}” was ignored. {e}", shorten(&v)),
                    }),
                },
                "focus" => notices.push(Notice {
                    message: "The link focuses more than one passage or an empty one; only the first is used.".into(),
                }),
                "compare" if state.compare.is_empty() => {
                    let mut ids: Vec<String> =
                        raw.split(',').map(decode_component).filter(|id| !id.is_empty()).collect();
                    ids.dedup();
                    if ids.len() > MAX_COMPARE {
                        notices.push(Notice {
                            message: format!(
                                "Parallax compares at most {MAX_COMPARE} articles; the first {MAX_COMPARE} of the link's {} are shown.",
                                ids.len()
                            ),
                        });
                        ids.truncate(MAX_COMPARE);
                    }
                    state.compare = ids;
                }
                "compare" => notices.push(Notice {
                    message: "The link has more than one comparison; only the first is used.".into(),
                }),
                "view" if v == "add" => state.adding = true,
                "view" if v == "coverage" => {
                    state.coverage.get_or_insert_with(Default::default);
                }
                "view" => notices.push(Notice {
                    message: format!("The link asks for a view “{}” that Parallax does not have; it was ignored.", shorten(&v)),
                }),
                "by" => match Rows::parse(&v) {
                    Some(by) => state.coverage.get_or_insert_with(Default::default).by = by,
                    None => notices.push(Notice {
                        message: format!("The coverage view has rows by outlet or by actor, not by “{}”; showing outlets.", shorten(&v)),
                    }),
                },
                "row" | "target" if !v.is_empty() => {
                    let c = state.coverage.get_or_insert_with(Default::default);
                    let slot = if k == "row" { &mut c.row } else { &mut c.target };
                    if slot.is_none() {
                        *slot = Some(v);
                    } else {
                        notices.push(Notice {
                            message: format!("The link selects more than one {k}; only the first is used."),
                        });
                    }
                }
                "from" | "to" => match Date::parse_iso(&v) {
                    Some(d) => {
                        let range = &mut state.coverage.get_or_insert_with(Default::default).range;
                        if k == "from" { range.from = Some(d) } else { range.to = Some(d) }
                    }
                    None => notices.push(Notice {
                        message: format!("“{}” is not a date Parallax can read (use YYYY-MM-DD); the {} of the range was ignored.", shorten(&v), if k == "from" { "start" } else { "end" }),
                    }),
                },
                "at" if once(at.is_some(), "passage position (at=)", &mut notices) => {
                    at = Some(parse_range(&v).ok_or(v));
                }
                "cv" if once(cv.is_some(), "corpus version (cv=)", &mut notices) => cv = Some(v),
                "quote" if once(quote.is_some(), "quote", &mut notices) => {
                    quote = Some(parse_quote(raw).ok_or_else(|| shorten(&v)));
                }
                "at" | "cv" | "quote" => {}
                _ => notices.push(Notice {
                    message: format!("The link's parameter “{}” is not one Parallax knows; it was ignored.", shorten(&k)),
                }),
            }
        }
        if let Some(range) = state.coverage.as_mut().map(|c| &mut c.range) {
            if let (Some(from), Some(to)) = (range.from, range.to) {
                if from > to {
                    (range.from, range.to) = (Some(to), Some(from));
                    notices.push(Notice {
                        message:
                            "The link's date range ends before it starts; its ends were swapped."
                                .into(),
                    });
                }
            }
        }
        match (at, quote) {
            (Some(Ok((start, end))), quote) => {
                let (prefix, exact, suffix) = match quote {
                    Some(Ok(q)) => q,
                    Some(Err(bad)) => {
                        notices.push(Notice {
                            message: format!("The link's quote “{bad}” is not in the form prefix-,start,-suffix; the passage is found by its position only."),
                        });
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
            (Some(Err(bad)), _) => notices.push(Notice {
                message: format!(
                    "The link's passage position “{}” is not two numbers like 120-245; the article opens at its top.",
                    shorten(&bad)
                ),
            }),
            (None, Some(_)) => notices.push(Notice {
                message: "The link quotes a passage but gives no position (at=); the quote was ignored.".into(),
            }),
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
                notices.push(Notice {
                    message: match crate::local::missing_notice(doc) {
                        Some(m) => format!("{m} Showing all articles instead."),
                        None => format!(
                            "This link opens article “{}”, which is not in this corpus (it may have been renamed or removed). Showing all articles instead.",
                            shorten(doc)
                        ),
                    },
                });
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
            let names: Vec<String> = unknown
                .iter()
                .map(|id| format!("“{}”", shorten(id)))
                .collect();
            if let Some(m) = unknown
                .iter()
                .find_map(|id| crate::local::missing_notice(id))
            {
                notices.push(Notice { message: m });
            }
            notices.push(Notice {
                message: format!(
                    "The comparison names {} not in this corpus; {} left out.",
                    names.join(", "),
                    if unknown.len() == 1 {
                        "it was"
                    } else {
                        "they were"
                    }
                ),
            });
            self.compare.retain(|id| has_doc(id));
        }
        if self.passage.is_some() && self.doc.is_none() {
            notices.push(Notice {
                message:
                    "The link points at a passage but opens no article; the passage was ignored."
                        .into(),
            });
            self.passage = None;
        }
        if self.compare.len() == 1 {
            notices.push(Notice {
                message: "A comparison needs at least two articles; showing the one that is left."
                    .into(),
            });
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
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let docs = [
            None,
            Some("000_8ab391a8a651fb65"),
            Some("a b&c=d/é<script>"),
            Some("%zz+"),
        ];
        let queries = [
            None,
            Some("\"political prisoners\" -outlet:TASS"),
            Some("Ціханоўская & co=1 + 2%"),
            Some(" "),
        ];
        let compares: [&[&str]; 3] = [&[], &["000_a", "001_b"], &["a,b", "c d", "é", "x"]];
        for (doc, compare) in docs
            .iter()
            .flat_map(|d| compares.iter().map(move |c| (d, c)))
        {
            for q in queries {
                let s = ViewState {
                    q: q.map(String::from),
                    doc: doc.map(String::from),
                    compare: compare.iter().map(|c| c.to_string()).collect(),
                    focus: doc.map(|d| PassageKey::new(d, 2)),
                    ..Default::default()
                };
                let (back, notices) = ViewState::parse(&s.to_string());
                assert_eq!(back, s);
                assert!(notices.is_empty(), "{notices:?}");
            }
        }
    }

    #[test]
    fn malformed_input_is_total() {
        let cases: &[(&str, Option<&str>, usize)] = &[
            ("", None, 0),
            ("?", None, 0),
            ("?doc=abc", Some("abc"), 0),
            ("doc=%E2%82%AC", Some("€"), 0),
            ("doc=%ZZ%", Some("%ZZ%"), 0),
            ("doc=%FF", Some("\u{fffd}"), 0),
            ("?x=1&doc=a&doc=b", Some("a"), 2),
            ("v=99&doc=a", Some("a"), 1),
            ("v=1", None, 0),
            ("&&&=&", None, 1),
            ("doc=", None, 1),
        ];
        for (q, doc, n) in cases {
            let (s, notices) = ViewState::parse(q);
            assert_eq!(s.doc.as_deref(), *doc, "{q}");
            assert_eq!(notices.len(), *n, "{q}: {notices:?}");
        }
    }

    #[test]
    fn comparisons_are_checked() {
        let (s, n) = ViewState::parse("compare=a,b,c,d,e");
        assert_eq!(s.compare, ["a", "b", "c", "d"]);
        assert_eq!(n.len(), 1);
        let (s, n) = ViewState::parse("compare=a,gone").0.validate(|d| d == "a");
        assert!(s.compare.is_empty());
        assert_eq!(s.doc.as_deref(), Some("a"));
        assert_eq!(n.len(), 2, "{n:?}");
        let (s, n) = ViewState::parse("compare=a,b")
            .0
            .validate(|d| d == "a" || d == "b");
        assert_eq!(s.compare, ["a", "b"]);
        assert!(n.is_empty());
    }

    #[test]
    fn unknown_doc_falls_back_with_notice() {
        let (s, n) = ViewState {
            q: None,
            doc: Some("nope".into()),
            compare: Vec::new(),
            focus: None,
            coverage: None,
            adding: false,
            passage: None,
        }
        .validate(|d| d == "yes");
        assert_eq!(s.doc, None);
        assert_eq!(n.len(), 1);
        assert!(n[0].message.contains("nope"));
    }

    #[test]
    fn coverage_round_trips_and_complains() {
        let day = |s: &str| Date::parse_iso(s);
        let states = [
            CoverageState::default(),
            CoverageState {
                by: Rows::Actors,
                row: Some("eu".into()),
                target: Some("sanctions".into()),
                range: DateRange {
                    from: day("2020-08-01"),
                    to: day("2020-08-31"),
                },
            },
            CoverageState {
                row: Some("UrduPoint / Sputnik".into()),
                range: DateRange {
                    from: None,
                    to: day("2021-01-01"),
                },
                ..Default::default()
            },
        ];
        for c in states {
            let s = ViewState {
                coverage: Some(c),
                ..Default::default()
            };
            let text = s.to_string();
            assert!(text.contains("view=coverage"), "{text}");
            assert_eq!(ViewState::parse(&text), (s, vec![]));
        }
        let (s, n) = ViewState::parse(
            "by=actor&from=2020-09-01&to=2020-08-01&view=nope&by=rows&from=yesterday",
        );
        let c = s.coverage.unwrap();
        assert_eq!(c.by, Rows::Actors);
        assert_eq!(
            (c.range.from, c.range.to),
            (day("2020-08-01"), day("2020-09-01"))
        );
        assert_eq!(n.len(), 4, "{n:?}");
    }

    #[test]
    fn links_to_local_articles_say_the_recipient_lacks_them() {
        let (s, n) = ViewState::parse("doc=local-my-notes-0a1b2c3d")
            .0
            .validate(|_| false);
        assert_eq!(s.doc, None);
        assert!(n[0].message.contains("added in their own browser"), "{n:?}");
        let (_, n) = ViewState::parse("compare=a,local-x")
            .0
            .validate(|d| d == "a");
        assert!(
            n.iter().any(|m| m.message.contains("you do not have it")),
            "{n:?}"
        );
    }

    #[test]
    fn passage_links_are_readable_and_round_trip() {
        let s = ViewState {
            doc: Some("004_x".into()),
            passage: Some(Passage {
                start: 120,
                end: 245,
                corpus: "3f9a".into(),
                prefix: "the border. ".into(),
                exact: "Police cracked down, re-using".into(),
                suffix: " More".into(),
            }),
            ..Default::default()
        };
        let link = s.to_string();
        assert_eq!(
            link,
            "v=1&doc=004_x&at=120-245&cv=3f9a&quote=the+border.+-,Police+cracked+down%2C+re%2Dusing,-+More"
        );
        assert_eq!(ViewState::parse(&link), (s, vec![]));
    }

    #[test]
    fn malformed_passages_are_ignored_with_a_notice() {
        let cases: &[(&str, bool, &str)] = &[
            ("doc=a&at=5", false, "not two numbers"),
            ("doc=a&at=9-3", false, "not two numbers"),
            ("doc=a&at=x-y&quote=a", false, "not two numbers"),
            ("doc=a&quote=abc", false, "gives no position"),
            ("doc=a&at=1-2&quote=a,b,c,d", true, "not in the form"),
            (
                "doc=a&at=1-2&at=3-4",
                true,
                "more than one passage position",
            ),
        ];
        for (q, kept, says) in cases {
            let (s, n) = ViewState::parse(q);
            assert_eq!(s.passage.is_some(), *kept, "{q}");
            assert_eq!(s.doc.as_deref(), Some("a"), "{q}");
            assert!(n.iter().any(|n| n.message.contains(says)), "{q}: {n:?}");
        }
        let (s, n) = ViewState::parse("at=1-2").0.validate(|_| true);
        assert_eq!(s.passage, None);
        assert!(n[0].message.contains("opens no article"), "{n:?}");
    }

    #[test]
    fn quoted_link_text_cannot_reorder_or_control_the_notice() {
        assert_eq!(printable("a\u{202e}b\0c", 10), "a[U+202E]b[U+0000]c");
        assert_eq!(printable("abcdef", 3), "abc…");
        let (_, n) = ViewState::parse("%E2%80%AEevil=1");
        assert!(n[0].message.contains("“[U+202E]evil”"), "{n:?}");
    }

    #[test]
    fn passage_keys_read_and_write_id_colon_number() {
        // (name, text, the key it reads as, or the error)
        type Want = Result<(&'static str, usize), PassageKeyError>;
        let cases: &[(&str, &str, Want)] = &[
            (
                "plain",
                "000_8ab391a8a651fb65:7",
                Ok(("000_8ab391a8a651fb65", 6)),
            ),
            ("first paragraph", "a:1", Ok(("a", 0))),
            ("colon in the id", "local:notes:12", Ok(("local:notes", 11))),
            ("non-ASCII id", "é👍:3", Ok(("é👍", 2))),
            ("leading zeros", "a:007", Ok(("a", 6))),
            (
                "no colon",
                "000_8ab391a8a651fb65",
                Err(PassageKeyError::NoSeparator),
            ),
            ("empty", "", Err(PassageKeyError::NoSeparator)),
            ("no id", ":7", Err(PassageKeyError::NoArticle)),
            ("only a colon", ":", Err(PassageKeyError::NoArticle)),
            ("no number", "a:", Err(PassageKeyError::BadNumber)),
            ("zero", "a:0", Err(PassageKeyError::BadNumber)),
            ("negative", "a:-1", Err(PassageKeyError::BadNumber)),
            ("plus sign", "a:+1", Err(PassageKeyError::BadNumber)),
            ("letters", "a:b", Err(PassageKeyError::BadNumber)),
            ("space", "a: 1", Err(PassageKeyError::BadNumber)),
            (
                "overflow",
                "a:99999999999999999999999",
                Err(PassageKeyError::BadNumber),
            ),
            (
                "u64 max",
                "a:18446744073709551616",
                Err(PassageKeyError::BadNumber),
            ),
        ];
        for (name, text, want) in cases {
            let got = text.parse::<PassageKey>();
            let want = want.map(|(doc, p)| PassageKey::new(doc, p));
            assert_eq!(got, want, "{name}: {text:?}");
            if let Ok(key) = got {
                assert_eq!(
                    key.to_string().parse::<PassageKey>(),
                    Ok(key.clone()),
                    "{name}"
                );
            }
        }
        assert_eq!(PassageKey::new("x:y", 0).to_string(), "x:y:1");
        assert!(PassageKeyError::BadNumber.to_string().contains("from 1 up"));
    }

    #[test]
    fn focus_links_stay_as_they_were_written() {
        // Links made before the key was a type must read the same and write back unchanged.
        let link =
            "v=1&focus=000_8ab391a8a651fb65%3A7&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3";
        let (s, n) = ViewState::parse(link);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.focus, Some(PassageKey::new("000_8ab391a8a651fb65", 6)));
        assert_eq!(s.to_string(), link);
        // An unreadable focus is dropped with a notice that says why; the rest of the link works.
        for bad in ["focus=%3Aa", "focus=abc", "focus=a%3A0", "focus=a%3Ax"] {
            let (s, n) = ViewState::parse(&format!("compare=a,b&{bad}"));
            assert_eq!(s.focus, None, "{bad}");
            assert_eq!(s.compare, ["a", "b"], "{bad}");
            assert_eq!(n.len(), 1, "{bad}: {n:?}");
            assert!(n[0].message.contains("focus"), "{bad}: {n:?}");
        }
    }

    #[test]
    fn every_link_shows_exactly_one_screen() {
        let cases: &[(&str, &str, Screen)] = &[
            ("empty link", "", Screen::List),
            ("version only", "v=1", Screen::List),
            ("a focus alone", "focus=a%3A1", Screen::List),
            ("a search", "q=dialogue", Screen::Search),
            ("an article", "doc=a", Screen::Reader),
            (
                "an article from results",
                "q=dialogue&doc=a",
                Screen::Reader,
            ),
            ("a comparison", "compare=a,b", Screen::Compare),
            (
                "a comparison wins over an article",
                "doc=a&compare=a,b",
                Screen::Compare,
            ),
            (
                "a comparison wins over a search",
                "q=x&compare=a,b,c",
                Screen::Compare,
            ),
            (
                "a comparison wins over coverage",
                "view=coverage&compare=a,b",
                Screen::Compare,
            ),
            ("coverage", "view=coverage", Screen::Coverage),
            ("coverage selections", "by=actor&row=eu", Screen::Coverage),
            (
                "coverage wins over a search",
                "q=x&view=coverage",
                Screen::Coverage,
            ),
            (
                "an article wins over coverage",
                "doc=a&view=coverage",
                Screen::Reader,
            ),
            ("the add page", "view=add", Screen::Add),
            (
                "add wins over coverage",
                "view=coverage&view=add",
                Screen::Add,
            ),
            ("add wins over a search", "q=x&view=add", Screen::Add),
            ("an article wins over add", "doc=a&view=add", Screen::Reader),
        ];
        for (name, link, want) in cases {
            let (s, _) = ViewState::parse(link);
            let (s, _) = s.validate(|_| true);
            assert_eq!(s.screen(), *want, "{name}: {link}");
        }
        // A comparison that loses all but one article opens that article.
        let (s, _) = ViewState::parse("compare=a,gone").0.validate(|d| d == "a");
        assert_eq!(s.screen(), Screen::Reader);
    }
}

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
    pub focus: Option<String>,
    /// The coverage view (`view=coverage`) and its selections, if it is open.
    pub coverage: Option<CoverageState>,
    /// The page for adding one's own articles (`view=add`).
    pub adding: bool,
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

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl ViewState {
    /// Parses a query string. Never fails: unusable parts come back as notices.
    pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
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
                "focus" if state.focus.is_none() && !v.is_empty() => state.focus = Some(v),
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
        if let Some(focus) = &self.focus {
            write!(f, "&focus={}", encode_component(focus))?;
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
                    focus: doc.map(|d| format!("{d}:3")),
                    coverage: None,
                    adding: doc.is_none(),
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
}

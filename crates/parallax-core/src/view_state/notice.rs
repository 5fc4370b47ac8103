//! What a link asked for that could not be used ([`Notice`]): one kind per problem, carrying
//! what the link said, and a sentence for the reader from [`Display`](fmt::Display). Whatever
//! comes from the link is shown through [`printable`], cut and with control characters written
//! out, so that it cannot reorder or hide the sentence around it.

use super::{printable, PassageKeyError, MAX_COMPARE, VERSION};
use std::fmt;

/// Most characters of a link's value quoted in a notice.
const QUOTED_CHARS: usize = 40;

/// Most characters of a passage quoted in a notice about where it landed.
const PASSAGE_CHARS: usize = 60;

fn shorten(s: &str) -> String {
    printable(s, QUOTED_CHARS)
}

/// A parameter a link gives more than once (or, for an article or a focus, empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Repeated {
    /// `q=`.
    Search,
    /// `doc=`, more than once or empty.
    Article,
    /// `focus=`, more than once or empty.
    Focus,
    /// `compare=`.
    Comparison,
    /// `row=` of the coverage view.
    Row,
    /// `target=` of the coverage view.
    Target,
    /// `at=`.
    PassagePosition,
    /// `cv=`.
    CorpusVersion,
    /// `quote=`.
    Quote,
}

/// Which end of the coverage view's date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEnd {
    /// `from=`.
    Start,
    /// `to=`.
    End,
}

/// What could not be used, with what the link said.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoticeKind {
    /// `v=` names no version this build reads; the link is read as the current one.
    UnknownVersion {
        /// The version as written.
        version: String,
    },
    /// A parameter given more than once; the first is used.
    Repeated(Repeated),
    /// A `focus=` that is not a passage key.
    BadFocus {
        /// The focus as written.
        focus: String,
        /// What is wrong with it.
        why: PassageKeyError,
    },
    /// More than [`MAX_COMPARE`] articles to compare; the first are shown.
    TooManyCompared {
        /// How many the link names.
        given: usize,
    },
    /// A `view=` Parallax does not have.
    UnknownView {
        /// The view as written.
        view: String,
    },
    /// A `by=` that is neither `outlet` nor `actor`; the rows are outlets.
    UnknownRows {
        /// The value as written.
        by: String,
    },
    /// A `from=` or `to=` that is not a date; that end of the range is ignored.
    BadRangeDate {
        /// The date as written.
        date: String,
        /// Which end.
        end: RangeEnd,
    },
    /// A parameter Parallax does not know.
    UnknownParameter {
        /// Its name as written.
        name: String,
    },
    /// The date range ends before it starts; its ends were swapped.
    RangeSwapped,
    /// A `quote=` not in the form `prefix-,start,-suffix`; the passage is found by position.
    BadQuote {
        /// The quote as written.
        quote: String,
    },
    /// An `at=` that is not two numbers; the article opens at its top.
    BadPosition {
        /// The position as written.
        at: String,
    },
    /// A `quote=` without an `at=`; the quote is ignored.
    QuoteWithoutPosition,
    /// `doc=` names an article this corpus does not have; all articles are shown. An id of an
    /// added article says that the sender added it in their own browser.
    UnknownArticle {
        /// The id.
        id: String,
    },
    /// A compared article that the sender added in their own browser.
    AddedElsewhere {
        /// The id.
        id: String,
    },
    /// Compared articles this corpus does not have; left out.
    UnknownCompared {
        /// Their ids.
        ids: Vec<String>,
    },
    /// A passage (`at=`) without an article to find it in; ignored.
    PassageWithoutArticle,
    /// A comparison of one article; that article is shown.
    LoneComparison,
    /// The link's passage is not where it was, and was found again by its words.
    PassageMoved {
        /// The passage's first words, from the link.
        quote: String,
    },
    /// The link's passage is no longer in the article; it opens at its top.
    PassageLost {
        /// The passage's first words, from the link (empty when it holds none).
        quote: String,
    },
}

/// Something in a link that could not be used. Its [`Display`](fmt::Display) is a sentence for
/// the reader; [`Notice::kind`] says which problem it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    kind: NoticeKind,
}

impl Notice {
    /// The kind of problem, with what the link said.
    pub fn kind(&self) -> &NoticeKind {
        &self.kind
    }
}

impl From<NoticeKind> for Notice {
    fn from(kind: NoticeKind) -> Notice {
        Notice { kind }
    }
}

impl fmt::Display for Repeated {
    /// The sentence of a repeated parameter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let more_than_one =
            |what: &str| format!("The link has more than one {what}; only the first is used.");
        f.write_str(&match self {
            Repeated::Search => more_than_one("search"),
            Repeated::Comparison => more_than_one("comparison"),
            Repeated::PassagePosition => more_than_one("passage position (at=)"),
            Repeated::CorpusVersion => more_than_one("corpus version (cv=)"),
            Repeated::Quote => more_than_one("quote"),
            Repeated::Row => "The link selects more than one row; only the first is used.".into(),
            Repeated::Target => {
                "The link selects more than one target; only the first is used.".into()
            }
            Repeated::Article => {
                "The link names more than one article or an empty one; only the first is opened."
                    .into()
            }
            Repeated::Focus => {
                "The link focuses more than one passage or an empty one; only the first is used."
                    .into()
            }
        })
    }
}

/// The sentence for a link to an article someone added in their own browser.
fn added_elsewhere(f: &mut fmt::Formatter<'_>, id: &str) -> fmt::Result {
    write!(
        f,
        "This link points to an article (“{}”) that whoever shared it added in their own browser; you do not have it. Ask them to export their added articles and send you the file, then import it here.",
        shorten(id)
    )
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            NoticeKind::UnknownVersion { version } => write!(
                f,
                "This link was made by a newer or unknown version of Parallax (v={}); it is read as version {VERSION}.",
                shorten(version)
            ),
            NoticeKind::Repeated(r) => r.fmt(f),
            NoticeKind::BadFocus { focus, why } => {
                write!(f, "The link's focus “{}” was ignored. {why}", shorten(focus))
            }
            NoticeKind::TooManyCompared { given } => write!(
                f,
                "Parallax compares at most {MAX_COMPARE} articles; the first {MAX_COMPARE} of the link's {given} are shown."
            ),
            NoticeKind::UnknownView { view } => write!(
                f,
                "The link asks for a view “{}” that Parallax does not have; it was ignored.",
                shorten(view)
            ),
            NoticeKind::UnknownRows { by } => write!(
                f,
                "The coverage view has rows by outlet or by actor, not by “{}”; showing outlets.",
                shorten(by)
            ),
            NoticeKind::BadRangeDate { date, end } => write!(
                f,
                "“{}” is not a date Parallax can read (use YYYY-MM-DD); the {} of the range was ignored.",
                shorten(date),
                match end {
                    RangeEnd::Start => "start",
                    RangeEnd::End => "end",
                }
            ),
            NoticeKind::UnknownParameter { name } => write!(
                f,
                "The link's parameter “{}” is not one Parallax knows; it was ignored.",
                shorten(name)
            ),
            NoticeKind::RangeSwapped => {
                f.write_str("The link's date range ends before it starts; its ends were swapped.")
            }
            NoticeKind::BadQuote { quote } => write!(
                f,
                "The link's quote “{}” is not in the form prefix-,start,-suffix; the passage is found by its position only.",
                shorten(quote)
            ),
            NoticeKind::BadPosition { at } => write!(
                f,
                "The link's passage position “{}” is not two numbers like 120-245; the article opens at its top.",
                shorten(at)
            ),
            NoticeKind::QuoteWithoutPosition => f.write_str(
                "The link quotes a passage but gives no position (at=); the quote was ignored.",
            ),
            NoticeKind::UnknownArticle { id } if crate::local::is_local_id(id) => {
                added_elsewhere(f, id)?;
                f.write_str(" Showing all articles instead.")
            }
            NoticeKind::UnknownArticle { id } => write!(
                f,
                "This link opens article “{}”, which is not in this corpus (it may have been renamed or removed). Showing all articles instead.",
                shorten(id)
            ),
            NoticeKind::AddedElsewhere { id } => added_elsewhere(f, id),
            NoticeKind::UnknownCompared { ids } => {
                let names: Vec<String> = ids.iter().map(|id| format!("“{}”", shorten(id))).collect();
                write!(
                    f,
                    "The comparison names {} not in this corpus; {} left out.",
                    names.join(", "),
                    if ids.len() == 1 { "it was" } else { "they were" }
                )
            }
            NoticeKind::PassageWithoutArticle => f.write_str(
                "The link points at a passage but opens no article; the passage was ignored.",
            ),
            NoticeKind::LoneComparison => f.write_str(
                "A comparison needs at least two articles; showing the one that is left.",
            ),
            NoticeKind::PassageMoved { quote } => {
                let quote = printable(quote, PASSAGE_CHARS);
                write!(
                    f,
                    "This article changed since the link was made; the passage “{}…” was found again by its words.",
                    quote.trim_end_matches('…')
                )
            }
            NoticeKind::PassageLost { quote } => {
                let quote = printable(quote, PASSAGE_CHARS);
                let quote = quote.trim_end_matches('…');
                if quote.is_empty() {
                    f.write_str("The passage this link points at is not in this version of the article, and the link holds no quote to find it by. The article opens at its top.")
                } else {
                    write!(
                        f,
                        "The passage this link points at (“{quote}…”) is no longer in this article: it was edited or removed. The article opens at its top."
                    )
                }
            }
        }
    }
}

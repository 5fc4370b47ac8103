//! Raw article text → [`Article`].
//!
//! Ingest never drops a character: the article keeps its file's text verbatim, and
//! [`Article::segments`] cover it from the first byte to the last, each labelled with what it is
//! (header, title, dateline, paragraph, caption, credit, boilerplate or white space).
//!
//! Stages, in order: [`layout`] finds the header line, blocks and what each block is; [`dateline`]
//! reads `ROME (UrduPoint News / Sputnik - 27th August, 2020)` style datelines; sentences are split
//! per paragraph; [`repeats`] marks paragraphs repeated inside the article; [`dates`] settles the
//! date with its provenance.

pub mod chrome;
pub mod dateline;
pub mod dates;
mod headline;
pub mod layout;
mod lines;
pub mod repeats;
pub mod sources;
pub mod stamps;
pub mod text;

use crate::date::Date;
use crate::outlets::OutletRole;
use crate::text::sentences::split_sentences;
use crate::Span;
use serde::{Deserialize, Serialize};

/// One article of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the file name without its extension, e.g. `000_8ab391a8a651fb65`.
    pub id: String,
    /// The file name the article was read from.
    pub file_name: String,
    /// The file's text, verbatim (line endings included); in a corpus kept in static files, not
    /// held until its text part is fetched ([`text::ArticleText`]).
    pub text: text::ArticleText,
    /// The headline, stated or derived.
    pub title: Title,
    /// Outlets that carried the article, in order: publisher first, then wires, then aggregators.
    pub outlets: Vec<Outlet>,
    /// Outlets the article only cites (`according to TASS`) or credits for a photo: never its
    /// publisher.
    pub mentioned: Vec<Outlet>,
    /// The article's address, when the file's first line, the sidecar or the page's metadata
    /// gives it.
    pub url: Option<String>,
    /// Publication date and where it comes from.
    pub date: DateInfo,
    /// The dateline (`ROME`, `BRUSSELS`), when the article has one.
    pub dateline: Option<Dateline>,
    /// Authors, bylines, handles and credits.
    pub authors: Vec<Author>,
    /// Contiguous labelled spans covering the whole text (kept with the text in a corpus in
    /// static files).
    pub segments: text::Deferred<Vec<Segment>>,
    /// Paragraphs of article text (standfirst, body, captions, credits) in reading order (kept
    /// with the text in a corpus in static files).
    pub paragraphs: text::Deferred<Vec<Paragraph>>,
    /// Spans that are not part of the article (reader-app wrappers, sign-up prompts).
    pub boilerplate: Vec<Boilerplate>,
    /// Things ingest noticed and worked around, as sentences.
    pub notes: Vec<String>,
}

/// Where a piece of metadata came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provenance {
    /// Set in the corpus folder's `corpus.toml`.
    Sidecar,
    /// Stated in the file's header line (`date 2020-08-27`).
    Header,
    /// Stated in the article text (a dateline, a headline line).
    Text,
    /// Worked out from clues in the text or the rest of the corpus.
    Inferred,
    /// Not known.
    Unknown,
}

impl Provenance {
    /// Lower-case name used in JSON and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Sidecar => "sidecar",
            Provenance::Header => "header",
            Provenance::Text => "text",
            Provenance::Inferred => "inferred",
            Provenance::Unknown => "unknown",
        }
    }
}

/// The headline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Title {
    /// Headline text.
    pub text: String,
    /// Where it stands in the file, if it is stated there.
    pub span: Option<Span>,
    /// `Text` when the file states it, `Inferred` when taken from the lead sentence, `Sidecar`.
    pub provenance: Provenance,
}

/// An outlet involved in publishing the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    /// Canonical name (`UrduPoint` for `UrduPoint News`).
    pub name: String,
    /// Its part in publishing.
    pub role: OutletRole,
    /// The text that names it, if any.
    pub evidence: Option<Span>,
    /// Where the outlet came from.
    pub provenance: Provenance,
    /// The signal that named it.
    pub rule: OutletRule,
}

/// The signal that named an outlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum OutletRule {
    /// A dateline: `MOSCOW (Reuters) -`, `BRUSSELS, August 14. /TASS/.`.
    Dateline,
    /// A reader app's wrapper around the article.
    Wrapper,
    /// A line of its own, or the end of the story, naming only the agency (`— AFP`).
    AgencyTag,
    /// A byline (`By Jane Roe, Agency`).
    Byline,
    /// A credit line (`(Reporting by …)`, `STORY: …`).
    Credit,
    /// The headline's suffix (`Headline | Outlet`).
    HeadlineSuffix,
    /// `with input from …`.
    WithInput,
    /// A copyright line.
    Copyright,
    /// The site's own prompt or interface line naming it.
    SiteName,
    /// The article's address.
    Url,
    /// Cited as a source (`according to …`, `… reported`).
    Cited,
    /// A photo caption or image credit.
    PhotoCredit,
    /// The page's metadata (`og:site_name`, front matter).
    Metadata,
    /// Set in `corpus.toml`.
    Sidecar,
}

impl OutletRule {
    /// How the rule reads in the reader: “dateline”, “agency tag”, …
    pub fn as_str(self) -> &'static str {
        match self {
            OutletRule::Dateline => "dateline",
            OutletRule::Wrapper => "reader-app wrapper",
            OutletRule::AgencyTag => "agency tag",
            OutletRule::Byline => "byline",
            OutletRule::Credit => "credit line",
            OutletRule::HeadlineSuffix => "headline suffix",
            OutletRule::WithInput => "“with input from”",
            OutletRule::Copyright => "copyright line",
            OutletRule::SiteName => "the site's own prompt",
            OutletRule::Url => "address",
            OutletRule::Cited => "a citing phrase",
            OutletRule::PhotoCredit => "photo credit",
            OutletRule::Metadata => "page metadata",
            OutletRule::Sidecar => "corpus.toml",
        }
    }
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precision {
    /// The day is known.
    Day,
    /// Only the month is known.
    Month,
    /// Only the year is known.
    Year,
}

/// Publication date with provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateInfo {
    /// The date (for month or year precision, the first day it can be).
    pub date: Option<Date>,
    /// How much of [`DateInfo::date`] is known.
    pub precision: Precision,
    /// The article cannot be older than this (a full date it mentions).
    pub not_before: Option<Date>,
    /// Where the date came from.
    pub provenance: Provenance,
    /// The text that states or implies the date.
    pub evidence: Vec<Span>,
    /// A sentence explaining how the date was found.
    pub reason: String,
}

impl DateInfo {
    /// A date known to the day, from `provenance`, with its evidence and reason.
    pub(crate) fn day(
        date: Date,
        provenance: Provenance,
        evidence: Vec<Span>,
        reason: impl Into<String>,
    ) -> DateInfo {
        DateInfo {
            date: Some(date),
            precision: Precision::Day,
            not_before: None,
            provenance,
            evidence,
            reason: reason.into(),
        }
    }

    pub(crate) fn unknown() -> DateInfo {
        DateInfo {
            date: None,
            precision: Precision::Day,
            not_before: None,
            provenance: Provenance::Unknown,
            evidence: Vec::new(),
            reason: "no date is stated in the file and none could be inferred".into(),
        }
    }

    /// Human form: `27 Aug 2020`, `Aug 2020`, `2021`, or `date unknown`.
    pub fn human(&self) -> String {
        match (self.date, self.precision) {
            (None, _) => "date unknown".into(),
            (Some(d), Precision::Day) => d.human(),
            (Some(d), Precision::Month) => d
                .human()
                .split_once(' ')
                .map_or(String::new(), |x| x.1.to_string()),
            (Some(d), Precision::Year) => d.year.to_string(),
        }
    }

    /// The first and last day the article can date from (a whole month or year when only that is
    /// known, starting no earlier than [`DateInfo::not_before`]); `None` when undated.
    pub fn interval(&self) -> Option<(Date, Date)> {
        let d = self.date?;
        let last = match self.precision {
            Precision::Day => d,
            Precision::Month => {
                let next = if d.month == 12 {
                    Date::new(d.year + 1, 1, 1)
                } else {
                    Date::new(d.year, d.month + 1, 1)
                };
                next.map_or(d, |n| n.add_days(-1))
            }
            Precision::Year => Date::new(d.year, 12, 31).unwrap_or(d),
        };
        let first = self
            .not_before
            .filter(|nb| *nb > d && *nb <= last)
            .unwrap_or(d);
        Some((first, last))
    }

    /// Machine form: `2020-08-27`, `2020-08`, `2021`, or empty when unknown.
    pub fn iso(&self) -> String {
        match (self.date, self.precision) {
            (None, _) => String::new(),
            (Some(d), Precision::Day) => d.to_string(),
            (Some(d), Precision::Month) => format!("{:04}-{:02}", d.year, d.month),
            (Some(d), Precision::Year) => format!("{:04}", d.year),
        }
    }
}

/// The place line that opens a wire story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as written (`ROME`, `BRUSSELS`).
    pub place: String,
    /// The whole dateline, up to where the story begins.
    pub span: Span,
}

/// The part an author had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthorRole {
    /// A social-media handle in the header (`@ChaudhryMAli88`).
    Handle,
    /// A `By …` byline.
    Byline,
    /// `Reporting by …`.
    Reporting,
    /// `Writing by …`.
    Writing,
    /// `Editing by …`.
    Editing,
    /// Another credit (`Additional reporting by …`).
    Credit,
}

/// A person credited for the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Author {
    /// Name or handle as written.
    pub name: String,
    /// Their part.
    pub role: AuthorRole,
    /// Where the name stands.
    pub span: Span,
}

/// What a segment of the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SegmentKind {
    /// The metadata header line (`date 2020-08-27 (@handle)`).
    Header,
    /// The headline.
    Title,
    /// The dateline before the lead.
    Dateline,
    /// Article text: standfirst, body, caption or credit (see [`Paragraph::role`]).
    Paragraph,
    /// Not part of the article.
    Boilerplate,
    /// White space between the other segments.
    Space,
}

/// A labelled span of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The bytes it covers.
    pub span: Span,
    /// What they are.
    pub kind: SegmentKind,
}

/// What a paragraph is within the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// A summary line under the headline, before the dateline.
    Standfirst,
    /// Article body.
    Body,
    /// A photo caption.
    Caption,
    /// A credit line (`(Reporting by …)`, `By …`).
    Credit,
}

impl Role {
    /// Lower-case name used in JSON and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Standfirst => "standfirst",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Credit => "credit",
        }
    }
}

/// A paragraph of article text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text, without a leading dateline.
    pub span: Span,
    /// The dateline that opens this paragraph, if any.
    pub dateline: Option<Span>,
    /// What the paragraph is.
    pub role: Role,
    /// Sentences, in order.
    pub sentences: Vec<Span>,
    /// Set when the paragraph repeats an earlier (or a longer) one in the same article.
    pub repeat_of: Option<Repeat>,
}

/// A paragraph repeated inside an article.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Repeat {
    /// Index in [`Article::paragraphs`] of the paragraph it repeats.
    pub paragraph: usize,
    /// Share of this paragraph's word pairs found in the other one (0–1).
    pub containment: f32,
}

/// A span that is not part of the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// The bytes.
    pub span: Span,
    /// Why it was judged boilerplate.
    pub reason: String,
}

/// Metadata that overrides what ingest finds (from `corpus.toml`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Outlets, publisher first.
    pub outlets: Option<Vec<String>>,
    /// Publication date.
    pub date: Option<Date>,
    /// The article's address (`url = "…"`).
    pub url: Option<String>,
    /// Where the address led after redirects (`final_url = "…"`, written by `parallax
    /// collect`): its domain names the publisher before the address's own.
    pub final_url: Option<String>,
    /// The outlet table, when the corpus adds outlets to the built-in one.
    pub table: Option<std::sync::Arc<crate::outlets::Table>>,
}

impl Outlet {
    /// Why the outlet is listed, for the reader: `Wire agency — dateline “BRUSSELS, August 14.
    /// /TASS/.”`.
    pub fn explain(&self, article: &Article) -> String {
        let role = match self.role {
            OutletRole::Publisher => "Publisher",
            OutletRole::Wire => "Wire agency whose copy was carried",
            OutletRole::Aggregator => "Reader app the text was taken from",
            OutletRole::Cited => "Cited as a source",
            OutletRole::Photo => "Credited for a photo",
        };
        match self.evidence {
            Some(span) if span.end <= article.text.len() => {
                // The line that names it, so the reader sees the signal in context.
                let line_start = article.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = article.text[span.end..]
                    .find('\n')
                    .map_or(article.text.len(), |i| span.end + i);
                // At most 60 bytes before the name and 30 after it, cut at character boundaries.
                let mut from = line_start.max(span.start.saturating_sub(60));
                while !article.text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = line_end.min(span.end + 30);
                while !article.text.is_char_boundary(to) {
                    to += 1;
                }
                let mut line = article.text[from..to].trim().to_string();
                if from > line_start {
                    line.insert(0, '…');
                }
                if to < line_end {
                    line.push('…');
                }
                format!("{role} — {} “{line}”", self.rule.as_str())
            }
            _ => format!("{role} — {}", self.rule.as_str()),
        }
    }
}

impl Article {
    /// The text of a span of this article.
    /// Empty while the text is not held, or when the span does not fit it.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or_default()
    }

    /// The outlets as one label: `UrduPoint / Sputnik`, `Reuters via inkl`, or `Unknown outlet`.
    pub fn outlet_label(&self) -> String {
        let names: Vec<&str> = self
            .outlets
            .iter()
            .filter(|o| o.role != OutletRole::Aggregator)
            .map(|o| o.name.as_str())
            .collect();
        let via: Vec<&str> = self
            .outlets
            .iter()
            .filter(|o| o.role == OutletRole::Aggregator)
            .map(|o| o.name.as_str())
            .collect();
        let mut label = if names.is_empty() {
            "Unknown outlet".to_string()
        } else {
            names.join(" / ")
        };
        if !via.is_empty() {
            label.push_str(" via ");
            label.push_str(&via.join(", "));
        }
        label
    }

    /// Body paragraphs (and standfirst) that are not repeats: the article as a reader needs it.
    pub fn main_paragraphs(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs.iter().enumerate().filter(|(_, p)| {
            matches!(p.role, Role::Body | Role::Standfirst) && p.repeat_of.is_none()
        })
    }

    /// Number of words of article text (paragraphs that are not repeats).
    pub fn word_count(&self) -> usize {
        self.main_paragraphs()
            .map(|(_, p)| self.slice(p.span).split_whitespace().count())
            .sum()
    }
}

/// Ingests one article. `id` is the file stem, `file_name` the name shown in messages; `meta`
/// overrides what ingest finds. Dates that need the rest of the corpus are settled later by
/// [`crate::Corpus::from_articles`].
pub fn ingest_text(id: &str, file_name: &str, text: &str, meta: &Meta) -> Article {
    let table = meta
        .table
        .as_deref()
        .unwrap_or_else(|| crate::outlets::Table::builtin());
    let mut layout = layout::analyse_with(text, table);
    let mut notes = layout.notes.clone();
    let url = meta
        .url
        .clone()
        .or_else(|| layout.url.map(|u| text[u.start..u.end].to_string()));
    if let (Some(u), None) = (meta.final_url.as_ref().or(meta.url.as_ref()), layout.url) {
        if let Some(e) = table.by_domain(u) {
            if !layout
                .outlets
                .iter()
                .any(|o| o.name == e.name && o.role == OutletRole::Publisher)
            {
                layout.outlets.retain(|o| o.name != e.name);
                layout.outlets.insert(
                    0,
                    Outlet {
                        name: e.name.clone(),
                        role: if e.kind == crate::outlets::OutletKind::Aggregator {
                            OutletRole::Aggregator
                        } else {
                            OutletRole::Publisher
                        },
                        evidence: None,
                        provenance: Provenance::Sidecar,
                        rule: OutletRule::Url,
                    },
                );
            }
        }
    }

    let mut paragraphs: Vec<Paragraph> = layout
        .paragraphs
        .iter()
        .map(|p| {
            let sentences = if p.role == Role::Credit {
                vec![p.span]
            } else {
                split_sentences(&text[p.span.start..p.span.end], p.span.start)
            };
            Paragraph {
                span: p.span,
                dateline: p.dateline.as_ref().map(|d| d.span),
                role: p.role,
                sentences,
                repeat_of: None,
            }
        })
        .collect();
    repeats::mark(text, &mut paragraphs);

    let title = match (&meta.title, &layout.title) {
        (Some(t), _) => Title {
            text: t.clone(),
            span: None,
            provenance: Provenance::Sidecar,
        },
        (None, Some(span)) => Title {
            text: text[span.start..span.end].trim().to_string(),
            span: Some(*span),
            provenance: Provenance::Text,
        },
        (None, None) => derive_title(text, &paragraphs),
    };

    let dateline = layout.paragraphs.iter().find_map(|p| p.dateline.clone());
    let mut outlets = layout.outlets.clone();
    let mentioned = layout.mentioned.clone();
    if let Some(names) = &meta.outlets {
        outlets = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let known = table.lookup(n).map(|e| (e.name.as_str(), e.kind));
                Outlet {
                    name: known.map_or_else(|| n.trim().to_string(), |k| k.0.to_string()),
                    rule: OutletRule::Sidecar,
                    role: match known.map(|k| k.1) {
                        Some(crate::outlets::OutletKind::Aggregator) => OutletRole::Aggregator,
                        Some(crate::outlets::OutletKind::Agency) if i > 0 => OutletRole::Wire,
                        _ if i > 0 => OutletRole::Wire,
                        _ => OutletRole::Publisher,
                    },
                    evidence: None,
                    provenance: Provenance::Sidecar,
                }
            })
            .collect();
    }

    let mut date = dates::from_header_and_dateline(text, &layout, &mut notes);
    if let Some(d) = meta.date {
        if date.date.is_some_and(|found| found != d) && date.precision == Precision::Day {
            notes.push(format!(
                "corpus.toml sets the date {d}, which replaces the {} date {} found in the file",
                date.provenance.as_str(),
                date.iso()
            ));
        }
        date = DateInfo {
            date: Some(d),
            precision: Precision::Day,
            not_before: None,
            provenance: Provenance::Sidecar,
            evidence: Vec::new(),
            reason: "set in corpus.toml".into(),
        };
    }

    Article {
        id: id.to_string(),
        file_name: file_name.to_string(),
        text: text.to_string().into(),
        title,
        outlets,
        mentioned,
        url,
        date,
        dateline: dateline.map(|d| Dateline {
            place: d.place,
            span: d.span,
        }),
        authors: layout.authors.clone(),
        segments: layout.segments(text.len()).into(),
        paragraphs: paragraphs.into(),
        boilerplate: layout.boilerplate.clone(),
        notes,
    }
}

/// A headline made from the lead sentence when the file states none.
fn derive_title(text: &str, paragraphs: &[Paragraph]) -> Title {
    const MAX: usize = 110;
    let lead = paragraphs
        .iter()
        .find(|p| p.role == Role::Body)
        .and_then(|p| p.sentences.first())
        .map(|s| text[s.start..s.end].trim())
        .unwrap_or("");
    let lead = lead.trim_end_matches('.');
    let text = if lead.chars().count() <= MAX {
        lead.to_string()
    } else {
        let cut = lead
            .char_indices()
            .take_while(|(i, _)| *i <= MAX)
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, _)| i)
            .last()
            .unwrap_or(MAX.min(lead.len()));
        let mut cut = cut;
        while !lead.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}…", lead[..cut].trim_end_matches([',', ';', ':', ' ']))
    };
    Title {
        text: if text.is_empty() {
            "Untitled article".into()
        } else {
            text
        },
        span: None,
        provenance: Provenance::Inferred,
    }
}

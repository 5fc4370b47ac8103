//! The shape of a raw article file: header line, blocks (runs of non-blank lines), and what each
//! block is — boilerplate, headline, standfirst, body, caption or credit.

use super::dateline::{self, Found};
use super::headline::{self, Choice};
use super::lines::{
    classify_unit, headline_suffix, is_title_like, lines_are_paragraphs, split_long,
    without_bullet, Unit,
};
use super::{chrome, sources, stamps};
use super::{
    Author, AuthorRole, Boilerplate, Outlet, OutletRule, Provenance, Role, Segment, SegmentKind,
};
use crate::date::Date;
use crate::outlets::{self, OutletKind, OutletRole};
use crate::Span;

/// A run of non-blank lines, trimmed of surrounding white space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The block, from its first to its last non-space byte.
    pub span: Span,
    /// Its lines, each trimmed.
    pub lines: Vec<Span>,
}

/// A paragraph as laid out, before sentence splitting.
#[derive(Clone, Debug)]
pub struct LaidParagraph {
    /// Text after any dateline.
    pub span: Span,
    /// What it is.
    pub role: Role,
    /// A dateline that opens it.
    pub dateline: Option<Found>,
}

/// Everything layout finds in a file.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// The metadata header (`date 2020-08-27 (@handle)`), if any.
    pub header: Option<Span>,
    /// The date stated in the header, with the span of the date itself.
    pub header_date: Option<(Date, Span)>,
    /// The stated headline.
    pub title: Option<Span>,
    /// Paragraphs of article text.
    pub paragraphs: Vec<LaidParagraph>,
    /// Spans that are not article text.
    pub boilerplate: Vec<Boilerplate>,
    /// Outlets that carried the article, with the signal that named each.
    pub outlets: Vec<Outlet>,
    /// Outlets the article only cites or credits for a photo.
    pub mentioned: Vec<Outlet>,
    /// A first line holding the article's address.
    pub url: Option<Span>,
    /// Time stamps, with the line each stands on.
    pub stamps: Vec<(Span, stamps::Stamp)>,
    /// Bylines, with the line each stands on (spans inside relative to the line).
    pub bylines: Vec<(Span, stamps::Byline)>,
    /// Handles, bylines and credits.
    pub authors: Vec<Author>,
    /// Observations, as sentences.
    pub notes: Vec<String>,
}

/// Lines that only a reader app, paywall or share bar writes.
const BOILERPLATE_PHRASES: &[&str] = &[
    "get all your news in one place",
    "start reading",
    "sign up to read",
    "already a member",
    "already subscribed",
    "subscribe to",
    "subscribe now",
    "download the app",
    "related stories",
    "related articles",
    "top stories on",
    "our picks",
    "read more:",
    "advertisement",
    "share this article",
    "follow us on",
    "click here to",
    "sign in here",
    "log in to",
    "one subscription that gives you access",
    "read news from",
];

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Splits `text` into blocks of consecutive non-blank lines.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush(&mut out, &mut current);
        } else {
            current.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
    }
    flush(&mut out, &mut current);
    out
}

fn flush(out: &mut Vec<Block>, current: &mut Vec<Span>) {
    if let (Some(first), Some(last)) = (current.first(), current.last()) {
        out.push(Block {
            span: Span::new(first.start, last.end),
            lines: std::mem::take(current),
        });
    }
}

struct Header {
    span: Span,
    date: Option<(Date, Span)>,
    handle: Option<Span>,
}

/// Reads `date YYYY-MM-DD` and `(@handle)` tokens at the start of a line.
fn header(text: &str, line: Span) -> Option<Header> {
    let s = &text[line.start..line.end];
    let mut pos = 0;
    let mut date = None;
    let mut handle = None;
    let mut end = 0;
    loop {
        let rest = &s[pos..];
        let skip = rest.len() - rest.trim_start().len();
        let at = pos + skip;
        let rest = &s[at..];
        let lower = rest.get(..5).map(str::to_ascii_lowercase);
        if date.is_none() && matches!(lower.as_deref(), Some("date ") | Some("date:")) {
            let after = &rest[5..];
            let iso_at = at + 5 + (after.len() - after.trim_start().len());
            if let Some(d) = s.get(iso_at..iso_at + 10).and_then(Date::parse_iso) {
                date = Some((d, Span::new(line.start + iso_at, line.start + iso_at + 10)));
                pos = iso_at + 10;
                end = pos;
                continue;
            }
        }
        if handle.is_none() && (rest.starts_with("(@") || rest.starts_with('@')) {
            let open = usize::from(rest.starts_with('('));
            let name_len = rest[open + 1..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len() - open - 1);
            if name_len > 0 {
                let name_end = at + open + 1 + name_len;
                let closes = open == 1 && s[name_end..].starts_with(')');
                if open == 0 || closes {
                    handle = Some(Span::new(line.start + at + open, line.start + name_end));
                    pos = name_end + usize::from(closes);
                    end = pos;
                    continue;
                }
            }
        }
        break;
    }
    if date.is_none() && handle.is_none() {
        return None;
    }
    Some(Header {
        span: Span::new(
            line.start + (s.len() - s.trim_start().len()),
            line.start + end,
        ),
        date,
        handle,
    })
}

fn is_boilerplate_phrase(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    BOILERPLATE_PHRASES.iter().any(|p| lower.starts_with(p))
}

/// A paragraph of prose: at least 15 words, on lines of 8 words or more on average (a stack of
/// short menu lines is not prose, however many words it has).
fn is_prose(text: &str, block: &Block) -> bool {
    let words = word_count(&text[block.span.start..block.span.end]);
    words >= 15 && words >= 8 * block.lines.len()
}

pub(super) fn dateline_in(text: &str, s: Span) -> Option<Found> {
    dateline::parse(&text[s.start..s.end], s.start)
}

/// Lays out a whole file with the built-in outlet table.
pub fn analyse(text: &str) -> Layout {
    analyse_with(text, outlets::Table::builtin())
}

/// Lays out a whole file, recognising outlets with `table`.
pub fn analyse_with(text: &str, table: &outlets::Table) -> Layout {
    let mut layout = Layout::default();
    let mut bs = blocks(text);

    // A first line holding the article's address.
    if let Some(first) = bs.first().cloned() {
        let l = first.lines[0];
        let t = &text[l.start..l.end];
        if !t.contains(' ') && (t.starts_with("http://") || t.starts_with("https://")) {
            layout.url = Some(l);
            layout.header = Some(l);
            if first.lines.len() == 1 {
                bs.remove(0);
            } else {
                bs[0] = Block {
                    span: Span::new(first.lines[1].start, first.span.end),
                    lines: first.lines[1..].to_vec(),
                };
            }
        }
    }

    // Header line at the very top.
    if let Some(first) = bs.first().cloned().filter(|_| layout.header.is_none()) {
        if let Some(h) = header(text, first.lines[0]) {
            layout.header = Some(h.span);
            layout.header_date = h.date;
            if let Some(hs) = h.handle {
                layout.authors.push(Author {
                    name: text[hs.start..hs.end].to_string(),
                    role: AuthorRole::Handle,
                    span: hs,
                });
            }
            // What follows the header on its line, and the block's other lines, stay article text.
            let rest = &text[h.span.end..first.lines[0].end];
            let mut lines = Vec::new();
            if !rest.trim().is_empty() {
                let lead = rest.len() - rest.trim_start().len();
                lines.push(Span::new(h.span.end + lead, first.lines[0].end));
            }
            lines.extend_from_slice(&first.lines[1..]);
            if lines.is_empty() {
                bs.remove(0);
            } else {
                bs[0] = Block {
                    span: Span::new(lines[0].start, first.span.end),
                    lines,
                };
            }
        }
    }

    // Boilerplate: wrapper blocks before the first and after the last prose block, and known phrases.
    let first_prose = bs
        .iter()
        .position(|b| is_prose(text, b))
        .unwrap_or(bs.len());
    let last_prose = bs.iter().rposition(|b| is_prose(text, b)).unwrap_or(0);
    let mut is_boiler = vec![false; bs.len()];
    for (i, b) in bs.iter().enumerate() {
        let outside = i < first_prose || i > last_prose;
        let line_words: Vec<usize> = b
            .lines
            .iter()
            .map(|l| word_count(&text[l.start..l.end]))
            .collect();
        let short_lines = line_words.len() >= 3
            && line_words.iter().sum::<usize>() <= 7 * line_words.len()
            && line_words.iter().all(|&n| n <= 14);
        // A block holding a headline-like line or a time stamp is laid out line by line instead.
        let has_article_lines = b.lines.iter().any(|l| {
            let t = &text[l.start..l.end];
            (is_title_like(t) && word_count(t) >= 4 && chrome::classify(t).is_none())
                || stamps::stamp(t).is_some()
        });
        let reason = if outside && short_lines && !has_article_lines {
            Some(format!(
                "a block of {} short lines outside the article text (a reader-app or sign-up wrapper)",
                b.lines.len()
            ))
        } else if word_count(&text[b.span.start..b.span.end]) <= 12
            && b.lines
                .iter()
                .all(|l| is_boilerplate_phrase(&text[l.start..l.end]))
        {
            Some("a reader-app or sign-up prompt".to_string())
        } else {
            None
        };
        // Name what the block's lines are, where the rules recognise them.
        let reason = reason.map(|fallback| {
            let mut kinds: Vec<String> = Vec::new();
            for l in &b.lines {
                if let Some(k) = chrome::classify(&text[l.start..l.end]) {
                    let k = k.to_string();
                    if !kinds.contains(&k) {
                        kinds.push(k);
                    }
                }
            }
            match (b.lines.len(), kinds.len()) {
                (_, 0) => fallback,
                (1, _) => kinds.remove(0),
                (n, _) => format!("{fallback}, with {}", kinds.join("; ")).replace(
                    &format!("a block of {n} short lines outside the article text (a reader-app or sign-up wrapper), with"),
                    &format!("a block of {n} lines of site chrome:"),
                ),
            }
        });
        if let Some(reason) = reason {
            is_boiler[i] = true;
            layout.boilerplate.push(Boilerplate {
                span: b.span,
                reason,
            });
        }
    }
    outlets_from_wrapper(text, &bs, &is_boiler, &mut layout.outlets);

    // Units: a block, or each of its lines when they are paragraphs of their own.
    let mut units: Vec<(Span, Unit)> = Vec::new();
    for (b, _) in bs.iter().zip(&is_boiler).filter(|(_, x)| !**x) {
        let spans: Vec<Span> = if lines_are_paragraphs(text, b) {
            b.lines.clone()
        } else {
            vec![b.span]
        };
        for span in spans {
            let unit = classify_unit(text, span, &mut layout);
            units.push((span, unit));
        }
    }

    let Choice {
        title: title_at,
        start,
        prose,
    } = headline::choose(text, &mut units);
    let is_text = |u: &Unit| matches!(u, Unit::Text);
    if let Some(t) = title_at {
        let span = without_bullet(text, units[t].0);
        let (span, suffix) = headline_suffix(text, span, table);
        layout.title = Some(span);
        if let Some((name, role, ev)) = suffix {
            push_outlet(
                &mut layout.outlets,
                &name,
                role,
                ev,
                OutletRule::HeadlineSuffix,
            );
        }
    }
    let title_text = layout
        .title
        .map(|s| text[s.start..s.end].trim().to_lowercase());
    headline::mark_chrome(
        text,
        &mut units,
        title_at,
        title_text.as_deref(),
        start,
        &prose,
    );

    // A dateline within the first few text units; what stands between headline and dateline is a
    // standfirst.
    let mut dateline_at = None;
    for i in (0..units.len())
        .filter(|&i| is_text(&units[i].1) && title_at != Some(i))
        .take(5)
    {
        if let Some(found) = dateline_in(text, units[i].0) {
            dateline_at = Some((i, found));
            break;
        }
    }

    for (i, (span, unit)) in units.iter().enumerate() {
        if title_at == Some(i) {
            continue;
        }
        let mut dl = None;
        let mut span = *span;
        let role = match unit {
            Unit::Chrome(reason) => {
                layout.boilerplate.push(Boilerplate {
                    span,
                    reason: reason.clone(),
                });
                continue;
            }
            Unit::Stamp => {
                layout.boilerplate.push(Boilerplate {
                    span,
                    reason: "a time stamp".into(),
                });
                continue;
            }
            Unit::Credit | Unit::Tag => Role::Credit,
            Unit::Caption => Role::Caption,
            Unit::Text => match &dateline_at {
                Some((at, found)) if *at == i => {
                    span = Span::new(found.body_start, span.end);
                    dl = Some(found.clone());
                    Role::Body
                }
                Some((at, _)) if i < *at => Role::Standfirst,
                _ if i < start && title_at.is_some_and(|t| i > t) && dateline_at.is_none() => {
                    Role::Standfirst
                }
                _ => Role::Body,
            },
        };
        for piece in split_long(text, span, role) {
            layout.paragraphs.push(LaidParagraph {
                span: piece,
                role,
                dateline: if piece.start == span.start {
                    dl.clone()
                } else {
                    None
                },
            });
        }
    }
    layout.boilerplate.sort_by_key(|b| b.span.start);

    if let Some((_, found)) = &dateline_at {
        // `OUTLET – Text`: the site's own name standing where the place would.
        if found.outlets.is_empty() {
            if let Some(e) = table.lookup(&found.place) {
                let s = found.span.start;
                push_outlet(
                    &mut layout.outlets,
                    &e.name,
                    OutletRole::Publisher,
                    Span::new(s, s + found.place.len()),
                    OutletRule::Dateline,
                );
            }
        }
        for (i, (surface, span)) in found.outlets.iter().enumerate() {
            let known = table.lookup(surface);
            let role = match known.map(|k| k.kind) {
                Some(OutletKind::Aggregator) => OutletRole::Aggregator,
                _ if i == 0 => OutletRole::Publisher,
                _ => OutletRole::Wire,
            };
            push_outlet(
                &mut layout.outlets,
                known.map_or(surface.as_str(), |k| k.name.as_str()),
                role,
                *span,
                OutletRule::Dateline,
            );
        }
    }
    sources::find(text, &mut layout, table);
    order_outlets(&mut layout.outlets);
    layout
}

/// Outlet names a wrapper prints on lines of their own (`Reuters`), and the reader app it names.
fn outlets_from_wrapper(text: &str, bs: &[Block], is_boiler: &[bool], out: &mut Vec<Outlet>) {
    for (b, _) in bs.iter().zip(is_boiler).filter(|(_, x)| **x) {
        for l in &b.lines {
            if let Some((name, kind)) = outlets::lookup(&text[l.start..l.end]) {
                let role = if kind == OutletKind::Aggregator {
                    OutletRole::Aggregator
                } else {
                    OutletRole::Publisher
                };
                push_outlet(out, name, role, *l, OutletRule::Wrapper);
            }
        }
        let bt = &text[b.span.start..b.span.end];
        if let Some(m) = sources::mentions(bt, outlets::Table::builtin())
            .into_iter()
            .find(|m| m.entry.kind == OutletKind::Aggregator)
        {
            push_outlet(
                out,
                &m.entry.name,
                OutletRole::Aggregator,
                Span::new(b.span.start + m.span.start, b.span.start + m.span.end),
                OutletRule::Wrapper,
            );
        }
    }
}

/// Adds an outlet found in the text, unless it is already there with a role at least as strong
/// (a stronger role replaces a weaker one, keeping the new evidence).
pub(crate) fn push_outlet(
    out: &mut Vec<Outlet>,
    name: &str,
    role: OutletRole,
    evidence: Span,
    rule: OutletRule,
) {
    if let Some(o) = out.iter_mut().find(|o| o.name == name) {
        if role.strength() > o.role.strength() {
            o.role = role;
            o.evidence = Some(evidence);
            o.rule = rule;
        }
        return;
    }
    out.push(Outlet {
        name: name.to_string(),
        role,
        evidence: Some(evidence),
        provenance: Provenance::Text,
        rule,
    });
}

fn order_outlets(out: &mut [Outlet]) {
    out.sort_by_key(|o| std::cmp::Reverse(o.role.strength()));
}

impl Layout {
    /// Contiguous segments covering `0..len`: every labelled span, with white space between.
    pub fn segments(&self, len: usize) -> Vec<Segment> {
        let mut labelled: Vec<Segment> = Vec::new();
        let mut add = |span: Span, kind| labelled.push(Segment { span, kind });
        if let Some(h) = self.header {
            add(h, SegmentKind::Header);
        }
        if let Some(t) = self.title {
            add(t, SegmentKind::Title);
        }
        for p in &self.paragraphs {
            if let Some(d) = &p.dateline {
                add(Span::new(d.span.start, p.span.start), SegmentKind::Dateline);
            }
            add(p.span, SegmentKind::Paragraph);
        }
        for b in &self.boilerplate {
            add(b.span, SegmentKind::Boilerplate);
        }
        labelled.sort_by_key(|s| s.span.start);
        let mut out = Vec::with_capacity(labelled.len() * 2 + 1);
        let mut pos = 0;
        for s in labelled {
            if s.span.start > pos {
                out.push(Segment {
                    span: Span::new(pos, s.span.start),
                    kind: SegmentKind::Space,
                });
            }
            out.push(s);
            pos = s.span.end;
        }
        if pos < len {
            out.push(Segment {
                span: Span::new(pos, len),
                kind: SegmentKind::Space,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::credits;
    use super::*;

    #[test]
    fn blocks_are_trimmed_runs_of_lines() {
        let text = "  a\r\nb \n\n\n c\n";
        let bs = blocks(text);
        assert_eq!(bs.len(), 2);
        assert_eq!(&text[bs[0].span.start..bs[0].span.end], "a\r\nb");
        assert_eq!(&text[bs[1].span.start..bs[1].span.end], "c");
    }

    #[test]
    fn header_forms() {
        let cases: &[(&str, Option<&str>, Option<&str>, &str)] = &[
            (
                "date 2020-08-27 (@ChaudhryMAli88)",
                Some("2020-08-27"),
                Some("@ChaudhryMAli88"),
                "date 2020-08-27 (@ChaudhryMAli88)",
            ),
            (
                " date 2020-08-14 BRUSSELS, August 14.",
                Some("2020-08-14"),
                None,
                "date 2020-08-14",
            ),
            (
                "Date: 2021-01-02",
                Some("2021-01-02"),
                None,
                "Date: 2021-01-02",
            ),
            ("date 2020-13-40 text", None, None, ""),
            ("dated speech", None, None, ""),
        ];
        for (line, date, handle, span) in cases {
            let h = header(line, Span::new(0, line.len()));
            assert_eq!(
                h.as_ref()
                    .and_then(|h| h.date)
                    .map(|d| d.0.to_string())
                    .as_deref(),
                *date,
                "{line}"
            );
            assert_eq!(
                h.as_ref()
                    .and_then(|h| h.handle)
                    .map(|s| &line[s.start..s.end]),
                *handle,
                "{line}"
            );
            assert_eq!(
                h.as_ref().map_or("", |h| &line[h.span.start..h.span.end]),
                *span,
                "{line}"
            );
        }
    }

    #[test]
    fn credit_lines() {
        let t = "(Reporting by Vladimir Soldatkin; writing by Matthias Williams; Editing by Mark Trevelyan)";
        let c = credits(t, Span::new(0, t.len())).unwrap();
        let got: Vec<_> = c
            .iter()
            .map(|a| (&t[a.span.start..a.span.end], a.role))
            .collect();
        assert_eq!(
            got,
            [
                ("Vladimir Soldatkin", AuthorRole::Reporting),
                ("Matthias Williams", AuthorRole::Writing),
                ("Mark Trevelyan", AuthorRole::Editing)
            ]
        );
        assert!(credits("(Sputnik)", Span::new(0, 9)).is_none());
    }
}

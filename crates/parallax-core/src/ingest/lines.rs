//! One line (or block) of a file at a time: what its form says it is — site chrome, a time
//! stamp, a byline or credit line, a photo caption, an outlet tag, or article text — and the
//! line-level forms headline and paragraphs are read from (headline-like lines, prose lines,
//! bullets, headline suffixes, paragraphs pasted as one unbroken block).

use super::layout::{word_count, Block, Layout};
use super::{chrome, sources, stamps, Author, AuthorRole, Role};
use crate::outlets::{self, OutletKind, OutletRole};
use crate::text::sentences::split_sentences;
use crate::Span;

pub(super) fn is_caption(text: &str) -> bool {
    let t = text.trim();
    let upper_start = [
        "FILE PHOTO",
        "PHOTO:",
        "Photo:",
        "Image:",
        "Picture:",
        "FILE -",
        "FILE:",
    ];
    let lower = t.to_lowercase();
    // A line that is not a sentence and closes on a credit: `(AP photo)`, `(Agency)`,
    // `Photo Agency`, `| Photo Credit: Agency`.
    let credit_close = !t.ends_with('.')
        && word_count(t) <= 40
        && (lower.ends_with("photo)")
            || lower.ends_with("photo]")
            || lower.contains("photo credit")
            || lower.contains(". photo ")
            || t.strip_suffix(')')
                .and_then(|x| x.rsplit_once('('))
                .is_some_and(|(_, inner)| {
                    inner.to_lowercase().contains("photo") || outlets::lookup(inner).is_some()
                }));
    upper_start.iter().any(|p| t.starts_with(p))
        || t.contains(" via REUTERS")
        || t.ends_with("/AFP")
        || credit_close
}

/// `(Reporting by A; Editing by B)` → the credits, each with its role and name span.
pub(super) fn credits(text: &str, span: Span) -> Option<Vec<Author>> {
    let t = &text[span.start..span.end];
    let inner = t.strip_prefix('(')?.strip_suffix(')')?;
    let lower = inner.to_lowercase();
    let known = [
        "reporting",
        "writing",
        "editing",
        "additional",
        "compiled",
        "edited",
        "written",
        "translated",
    ];
    if !known.iter().any(|k| lower.starts_with(k)) || !lower.contains(" by ") {
        return None;
    }
    let base = span.start + 1;
    let mut out = Vec::new();
    let mut part_start = 0;
    for part in inner.split(';') {
        let lower_part = part.to_lowercase();
        if let Some(by) = lower_part.find(" by ") {
            let role_word = lower_part[..by].trim();
            let role = match role_word {
                "reporting" => AuthorRole::Reporting,
                "writing" | "written" => AuthorRole::Writing,
                "editing" | "edited" => AuthorRole::Editing,
                _ => AuthorRole::Credit,
            };
            let names_at = by + 4;
            let mut name_start = names_at;
            for name in split_names(&part[names_at..]) {
                let off = part[name_start..]
                    .find(name)
                    .map_or(name_start, |i| name_start + i);
                out.push(Author {
                    name: name.to_string(),
                    role,
                    span: Span::new(
                        base + part_start + off,
                        base + part_start + off + name.len(),
                    ),
                });
                name_start = off + name.len();
            }
        }
        part_start += part.len() + 1;
    }
    Some(out)
}

fn split_names(s: &str) -> Vec<&str> {
    s.split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// What one line-unit of the file is, before headline and body are settled.
#[derive(Clone, Debug)]
pub(super) enum Unit {
    /// Site chrome, with the reason.
    Chrome(String),
    /// A time stamp (kept as chrome, its date as evidence).
    Stamp,
    /// A byline or credit line (kept as a credit paragraph).
    Credit,
    /// A photo caption.
    Caption,
    /// A line naming only an outlet (`Reuters`, `— AFP`): kept as a credit paragraph.
    Tag,
    /// Article text: headline, standfirst or body.
    Text,
}

/// Whether a block's lines are paragraphs of their own (text pasted with single line breaks), as
/// opposed to prose hard-wrapped at a fixed width.
pub(super) fn lines_are_paragraphs(text: &str, b: &Block) -> bool {
    if b.lines.len() < 2 {
        return false;
    }
    // A hard-wrapped line ends mid-sentence and the next line carries on in lower case.
    let wrapped = b
        .lines
        .windows(2)
        .filter(|w| {
            let t = &text[w[0].start..w[0].end];
            let next = &text[w[1].start..w[1].end];
            !t.ends_with(['.', '!', '?', ':', '"', '”', '\'', '’', ')'])
                && next.starts_with(|c: char| c.is_lowercase())
        })
        .count();
    wrapped * 10 < (b.lines.len() - 1) * 3
}

/// A paragraph of prose: a sentence of 15 words or more, or several sentences.
pub(super) fn is_prose_line(t: &str) -> bool {
    let words = word_count(t);
    words >= 15 || (words >= 8 && chrome::is_sentence(t))
}

pub(super) fn is_title_like(t: &str) -> bool {
    let words = word_count(t);
    let bare = t.trim_end_matches(['"', '”', '’', '\'', ' ']);
    (2..=30).contains(&words)
        && !t.ends_with(['.', ',', ';'])
        && !bare.ends_with('.')
        && t.chars().any(char::is_alphabetic)
}

/// `- Headline`, `• Headline`: the line without its bullet.
pub(super) fn without_bullet(text: &str, span: Span) -> Span {
    let t = &text[span.start..span.end];
    for b in ["- ", "• ", "– ", "— ", "* ", "▪ ", "■ "] {
        if let Some(rest) = t.strip_prefix(b) {
            let lead = rest.len() - rest.trim_start().len();
            return Span::new(span.end - rest.len() + lead, span.end);
        }
    }
    span
}

/// `Headline - Outlet`, `Headline | Outlet`: the headline without the suffix, and the outlet.
pub(super) fn headline_suffix(
    text: &str,
    span: Span,
    table: &outlets::Table,
) -> (Span, Option<(String, OutletRole, Span)>) {
    let t = &text[span.start..span.end];
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(i) = t.rfind(sep) {
            let name = t[i + sep.len()..].trim();
            if let Some(e) = table.lookup(name) {
                let s = span.start + i + sep.len();
                let role = match e.kind {
                    OutletKind::Aggregator => OutletRole::Aggregator,
                    _ => OutletRole::Publisher,
                };
                return (
                    Span::new(span.start, span.start + i),
                    Some((e.name.clone(), role, Span::new(s, s + name.len()))),
                );
            }
        }
    }
    (span, None)
}

/// What a unit is, from its own text: chrome, a stamp, a byline or credit, a caption, an outlet
/// tag, or article text. Authors, stamps and credited outlets are recorded on the way.
pub(super) fn classify_unit(text: &str, span: Span, layout: &mut Layout) -> Unit {
    let bare = without_bullet(text, span);
    if bare != span {
        // A bullet item: a menu entry when short, otherwise what its text is.
        let bt = &text[bare.start..bare.end];
        if word_count(bt) <= 3 && stamps::stamp(bt).is_none() {
            return Unit::Chrome("a menu entry of the site".into());
        }
    }
    let span = bare;
    let t = &text[span.start..span.end];
    if let Some(names) = credits(text, span) {
        layout.authors.extend(names);
        return Unit::Credit;
    }
    if let Some(kind) = chrome::classify(t) {
        if kind == chrome::ChromeKind::ImageCredit {
            return Unit::Caption;
        }
        return Unit::Chrome(kind.to_string());
    }
    if let Some(b) = stamps::byline(t) {
        for n in &b.names {
            layout.authors.push(Author {
                name: t[n.start..n.end].to_string(),
                role: AuthorRole::Byline,
                span: Span::new(span.start + n.start, span.start + n.end),
            });
        }
        layout.bylines.push((span, b.clone()));
        if let Some(st) = b.stamp {
            layout.stamps.push((span, st));
        }
        return Unit::Credit;
    }
    if let Some(st) = stamps::stamp(t) {
        layout.stamps.push((span, st));
        return Unit::Stamp;
    }
    if matches!(
        t.to_lowercase().trim_end_matches(':'),
        "by" | "written by" | "author"
    ) {
        return Unit::Chrome("an empty byline".into());
    }
    if is_caption(t) {
        return Unit::Caption;
    }
    let lower = t.to_ascii_lowercase();
    let note = lower.trim_start_matches(['(', '[']);
    if word_count(t) <= 20
        && [
            "with input",
            "with inputs",
            "inputs from",
            "input from",
            "with agency inputs",
            "with additional reporting",
        ]
        .iter()
        .any(|p| note.starts_with(p))
    {
        return Unit::Credit;
    }
    if key_value_credit(t) {
        layout
            .stamps
            .extend(stamps::stamp_in_credit(t).map(|st| (span, st)));
        return Unit::Credit;
    }
    if sources::is_tag(t) {
        return Unit::Tag;
    }
    Unit::Text
}

/// `PUBLISHED: 17/07/2023; STORY: Agency; PICTURES: Agency`: upper-case labels with values.
fn key_value_credit(t: &str) -> bool {
    let lower = t.to_lowercase();
    if ["source:", "sources:", "source -"]
        .iter()
        .any(|p| lower.starts_with(p))
        && word_count(t) <= 14
    {
        return true;
    }
    let parts: Vec<&str> = t.split(';').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            p.split_once(':').is_some_and(|(k, _)| {
                let k = k.trim();
                !k.is_empty() && k.len() <= 20 && k.chars().all(|c| c.is_uppercase() || c == ' ')
            })
        })
}

/// A paragraph of more than 120 words written as one line with no breaks is split after
/// sentences, between quotations, into paragraphs of about 60 words.
pub(super) fn split_long(text: &str, span: Span, role: Role) -> Vec<Span> {
    let t = &text[span.start..span.end];
    // Past 5,000 words it is not a pasted article but a runaway line: left whole.
    let words_in = word_count(t);
    if role != Role::Body || words_in <= 120 || words_in > 5_000 {
        return vec![span];
    }
    let sentences = split_sentences(t, span.start);
    if sentences.len() < 4 {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut from = span.start;
    let mut words = 0;
    for (k, s) in sentences.iter().enumerate() {
        words += word_count(&text[s.start..s.end]);
        let next = sentences.get(k + 1);
        let Some(next) = next else { break };
        let next_t = &text[next.start..next.end];
        let opens_quote = next_t.starts_with(['"', '“']);
        let this_t = &text[s.start..s.end];
        let closes_quote = this_t.trim_end().ends_with(['"', '”']);
        if words >= 60 || (words >= 25 && (opens_quote || closes_quote)) {
            out.push(Span::new(from, s.end));
            from = next.start;
            words = 0;
        }
    }
    out.push(Span::new(from, span.end));
    out
}

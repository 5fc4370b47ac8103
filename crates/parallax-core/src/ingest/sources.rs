//! Outlets from every signal the text gives, each with its role, the span that names it and the
//! rule that found it: agency tags on a line of their own or closing the story (`— AFP`,
//! `(dpa/NAN)`), bylines naming an agency, credit lines, `with input from` notes, copyright
//! lines, a site's name in its own prompts, the article's address, sources it only cites
//! (`according to TASS`, `told Reuters`) and photo agencies in captions and image credits.
//! Datelines, reader-app wrappers and headline suffixes are read by [`super::layout`].

use super::layout::{push_outlet, Layout};
use super::{Outlet, OutletRule, Role};
use crate::outlets::{Entry, OutletKind, OutletRole, Table};
use crate::Span;

/// A known outlet named in a text, with its byte range.
pub struct Mention<'t> {
    /// The table's entry.
    pub entry: &'t Entry,
    /// Where the name stands.
    pub span: Span,
}

fn is_word_byte(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '&' | '.' | '/')
}

/// Word spans of `text` (trailing dots and slashes are not part of a word).
fn word_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_word_byte(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(s, i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    for w in &mut out {
        let kept = text[w.start..w.end].trim_end_matches(['.', '/', '-', '\'', '’']);
        w.end = w.start + kept.len();
    }
    out.retain(|w| w.end > w.start);
    out
}

/// Every known outlet named in `text` (relative spans), longest names first, never overlapping.
/// Names must start with a capital or a digit, so that words in prose are not taken for one.
pub fn mentions<'t>(text: &str, table: &'t Table) -> Vec<Mention<'t>> {
    let ws = word_spans(text);
    let max = table.max_words().clamp(1, 8);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let first = &text[ws[i].start..ws[i].end];
        let capital = first
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let mut found = None;
        if !capital {
            // A lower-case word is an outlet only when the table spells it so (`dpa`, `inkl`).
            for (k, p) in first.split('/').enumerate() {
                let at = ws[i].start + first.split('/').take(k).map(|x| x.len() + 1).sum::<usize>();
                if let Some(e) = table.exact(p).filter(|_| !p.is_empty()) {
                    out.push(Mention {
                        entry: e,
                        span: Span::new(at, at + p.len()),
                    });
                }
            }
        } else {
            for n in (1..=max.min(ws.len() - i)).rev() {
                let span = Span::new(ws[i].start, ws[i + n - 1].end);
                let cand = &text[span.start..span.end];
                // Whole words only: `Reuters/Jane` is two names.
                let pieces: Vec<&str> = if n == 1 {
                    cand.split('/').collect()
                } else {
                    vec![cand]
                };
                if pieces.len() > 1 {
                    let mut at = span.start;
                    for p in pieces {
                        let hit = if p.starts_with(char::is_lowercase) {
                            table.exact(p)
                        } else {
                            table.lookup(p)
                        };
                        if let Some(e) = hit.filter(|_| !p.is_empty()) {
                            out.push(Mention {
                                entry: e,
                                span: Span::new(at, at + p.len()),
                            });
                        }
                        at += p.len() + 1;
                    }
                    found = Some(1);
                    break;
                }
                if let Some(e) = table.lookup(cand) {
                    out.push(Mention { entry: e, span });
                    found = Some(n);
                    break;
                }
            }
        }
        i += found.unwrap_or(1);
    }
    out
}

/// A line that only names outlets: `Reuters`, `— AFP`, `(dpa/NAN)`, `Kyodo News`.
pub fn is_tag(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['-', '–', '—', '(', '[', ' '])
        .trim_end_matches([')', ']', '.', ' ']);
    if t.is_empty() || t.split_whitespace().count() > 5 {
        return false;
    }
    let pieces: Vec<&str> = t
        .split(['/', ',', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let known = |p: &&str| Table::builtin().lookup(p).is_some();
    // `AP, COLOMBO`: an agency and the place it files from.
    let place = |p: &&str| {
        p.split_whitespace().count() <= 3
            && p.chars().any(char::is_alphabetic)
            && p.chars().all(|c| !c.is_lowercase())
    };
    !pieces.is_empty()
        && (pieces.iter().all(known) || (known(&pieces[0]) && pieces[1..].iter().all(place)))
}

fn carrier_role(e: &Entry) -> OutletRole {
    match e.kind {
        OutletKind::Agency => OutletRole::Wire,
        OutletKind::Publication => OutletRole::Publisher,
        OutletKind::Aggregator => OutletRole::Aggregator,
    }
}

/// Words before a name that make it a cited source.
const CITED_BEFORE: &[&str] = &[
    "according to",
    "told",
    "quoted by",
    "cited by",
    "reported by",
    "citing",
    "quoting",
    "interview with",
    "speaking to",
    "spoke to",
    "said to",
    "in comments to",
    "statement to",
    "reports by",
    "report by",
    "reported to",
    "via",
];

/// Words after a name that make it a cited source.
const CITED_AFTER: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "news agency",
    "quoted",
    "cited",
    "has learned",
    "learned",
    "has reported",
    "was told",
    "writes",
    "wrote",
    "broadcast",
    "aired",
    "released",
    "report",
];

fn ends_with_phrase(before: &str, phrases: &[&str]) -> bool {
    let b = before
        .trim_end()
        .trim_end_matches([',', ':', '“', '"'])
        .trim_end()
        .to_lowercase();
    let b = b.strip_suffix(" the").unwrap_or(&b);
    phrases.iter().any(|p| {
        b.ends_with(p)
            && b[..b.len() - p.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn starts_with_phrase(after: &str, phrases: &[&str]) -> bool {
    let a = after
        .trim_start()
        .trim_start_matches([',', '’', '\''])
        .trim_start();
    let a = a.strip_prefix("s ").unwrap_or(a).to_lowercase();
    phrases.iter().any(|p| {
        a.starts_with(p)
            && a[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `with input from Reuters and AFP`, `With inputs from agencies`, `additional reporting from`.
fn with_input<'t>(text: &str, table: &'t Table) -> Vec<Mention<'t>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for key in [
        "with input from",
        "with inputs from",
        "inputs from",
        "input from",
        "additional reporting by",
        "additional reporting from",
        "with reporting by",
        "with reporting from",
        "contributed to this report",
        "compiled from",
        "with agency inputs",
        "authored by",
    ] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let s = from + i + key.len();
            let end = text[s..]
                .find(['.', ')', '\n', ';'])
                .map_or(text.len(), |e| s + e)
                .min(s + 80);
            let window_start = if key == "contributed to this report" {
                text[..from + i]
                    .rfind(['.', '(', '\n'])
                    .map_or(0, |b| b + 1)
            } else {
                s
            };
            let window_end = if key == "contributed to this report" {
                from + i
            } else {
                end
            };
            for m in mentions(&text[window_start..window_end], table) {
                out.push(Mention {
                    entry: m.entry,
                    span: Span::new(window_start + m.span.start, window_start + m.span.end),
                });
            }
            from = s;
        }
    }
    out
}

/// Finds the outlets of every signal and adds them to `layout.outlets` (publisher, wires,
/// aggregators) and `layout.mentioned` (cited and photo).
pub fn find(text: &str, layout: &mut Layout, table: &Table) {
    let mut found: Vec<Outlet> = std::mem::take(&mut layout.outlets);
    let mut add = |name: &str, role: OutletRole, span: Span, rule: OutletRule| {
        push_outlet(&mut found, name, role, span, rule);
    };
    let abs = |base: usize, s: Span| Span::new(base + s.start, base + s.end);

    // The article's address on its first line.
    if let Some(u) = layout.url {
        if let Some(e) = table.by_domain(&text[u.start..u.end]) {
            add(&e.name, carrier_role(e).max_publisher(), u, OutletRule::Url);
        }
    }

    // Bylines naming an outlet (`By Jane Roe, Agency`, `By Agency`, `By Agency Staff`).
    for (line, b) in &layout.bylines {
        let lt = &text[line.start..line.end];
        let trim = lt.len() - lt.trim_start().len();
        let base = line.start + trim;
        let t = lt.trim();
        for s in b.others.iter().chain(&b.names) {
            let name = t[s.start..s.end]
                .trim_end_matches(" Staff")
                .trim_end_matches(" staff");
            for piece in name.split(" with ").flat_map(|x| x.split(" and ")) {
                if let Some(e) = table.lookup(piece) {
                    let at = s.start + name.find(piece).unwrap_or(0);
                    add(
                        &e.name,
                        carrier_role(e),
                        abs(base, Span::new(at, at + piece.len())),
                        OutletRule::Byline,
                    );
                }
            }
        }
    }

    // A dateline run into a byline on one line: `By Jane Roe PLACE (Agency) - …`.
    for p in layout
        .paragraphs
        .iter()
        .filter(|p| matches!(p.role, Role::Body | Role::Standfirst))
        .take(3)
    {
        let pt = &text[p.span.start..p.span.end];
        let head = &pt[..pt.char_indices().nth(300).map_or(pt.len(), |(i, _)| i)];
        for m in mentions(head, table) {
            let open = head[..m.span.start].ends_with('(');
            let after = &head[m.span.end..];
            let close =
                after.starts_with(')') && after[1..].trim_start().starts_with(['-', '–', '—', ':']);
            if open && close {
                add(
                    &m.entry.name,
                    carrier_role(m.entry),
                    abs(p.span.start, m.span),
                    OutletRule::Dateline,
                );
            }
        }
    }

    for p in &layout.paragraphs {
        let pt = &text[p.span.start..p.span.end];
        match p.role {
            Role::Credit => {
                let tag = is_tag(pt);
                let lower = pt.to_ascii_lowercase();
                // `STORY: Harbour Graphics` names the publisher even when the table does not know it.
                if let Some(i) = lower.find("story:") {
                    let v_at = i + "story:".len();
                    let v = pt[v_at..].split(';').next().unwrap_or("");
                    let name = v.trim();
                    if !name.is_empty() && name.len() <= 40 && table.lookup(name).is_none() {
                        let s = p.span.start + v_at + (v.len() - v.trim_start().len());
                        add(
                            name,
                            OutletRole::Publisher,
                            Span::new(s, s + name.len()),
                            OutletRule::Credit,
                        );
                    }
                }
                for m in mentions(pt, table) {
                    let span = abs(p.span.start, m.span);
                    let label = lower[..m.span.start]
                        .rsplit(';')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    let (role, rule) = if tag {
                        (carrier_role(m.entry), OutletRule::AgencyTag)
                    } else if label.starts_with("picture")
                        || label.starts_with("photo")
                        || label.starts_with("image")
                    {
                        (OutletRole::Photo, OutletRule::PhotoCredit)
                    } else if label.starts_with("source") {
                        (OutletRole::Cited, OutletRule::Cited)
                    } else if label.starts_with("story") {
                        (OutletRole::Publisher, OutletRule::Credit)
                    } else if lower.contains("input") || lower.contains("additional reporting") {
                        (OutletRole::Wire, OutletRule::WithInput)
                    } else {
                        (carrier_role(m.entry), OutletRule::Credit)
                    };
                    add(&m.entry.name, role, span, rule);
                }
            }
            Role::Caption => {
                for m in mentions(pt, table) {
                    add(
                        &m.entry.name,
                        OutletRole::Photo,
                        abs(p.span.start, m.span),
                        OutletRule::PhotoCredit,
                    );
                }
            }
            Role::Body | Role::Standfirst => {
                for m in with_input(pt, table) {
                    add(
                        &m.entry.name,
                        OutletRole::Wire,
                        abs(p.span.start, m.span),
                        OutletRule::WithInput,
                    );
                }
                // An agency tag closing the paragraph: `… he said. – AFP`, `… (AFP)`.
                let closing = pt.trim_end();
                for m in mentions(pt, table) {
                    let before = &pt[..m.span.start];
                    let after = &pt[m.span.end..];
                    let tail = after.trim_end_matches([')', ']', '.', ' ']).is_empty();
                    let lead_in = before.trim_end().ends_with(['–', '—', '(', '-', '/']);
                    let span = abs(p.span.start, m.span);
                    if tail && lead_in && m.span.end + 3 >= closing.len() {
                        add(
                            &m.entry.name,
                            carrier_role(m.entry),
                            span,
                            OutletRule::AgencyTag,
                        );
                    } else if ends_with_phrase(before, CITED_BEFORE)
                        || starts_with_phrase(after, CITED_AFTER)
                    {
                        add(&m.entry.name, OutletRole::Cited, span, OutletRule::Cited);
                    }
                }
            }
        }
    }

    // Copyright lines, a site's own prompts, image credits and the like in the chrome.
    for b in &layout.boilerplate {
        let bt = &text[b.span.start..b.span.end];
        let lower = bt.to_ascii_lowercase();
        let image = b.reason.contains("image credit");
        let copyright = bt.contains('©') || lower.contains("copyright");
        for m in mentions(bt, table) {
            let span = abs(b.span.start, m.span);
            if image {
                add(
                    &m.entry.name,
                    OutletRole::Photo,
                    span,
                    OutletRule::PhotoCredit,
                );
            } else if copyright {
                add(
                    &m.entry.name,
                    carrier_role(m.entry).max_publisher(),
                    span,
                    OutletRule::Copyright,
                );
            } else if m.entry.kind != OutletKind::Agency
                && (b.reason.contains("prompt")
                    || (b.reason.contains("before the headline")
                        || b.reason.contains("interface")
                        || b.reason.contains("notice"))
                        && bt.split_whitespace().count() <= 6)
            {
                add(
                    &m.entry.name,
                    carrier_role(m.entry),
                    span,
                    OutletRule::SiteName,
                );
            }
        }
    }

    // `More from Harbour Daily`: the site naming itself, known to the table or not.
    for b in &layout.boilerplate {
        let bt = text[b.span.start..b.span.end].trim();
        if let Some(name) = bt.strip_prefix("More from ").map(str::trim) {
            let words = name.split_whitespace().count();
            let capital = name
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            if (1..=4).contains(&words) && capital {
                let lead = text[b.span.start..b.span.end].len()
                    - text[b.span.start..b.span.end].trim_start().len();
                let s = b.span.start + lead + "More from ".len();
                self_named(&mut found, table, name, s, OutletRule::SiteName);
            }
        }
    }
    // A syndication disclaimer: `… do not reflect the opinions of Harbour Daily)`.
    for p in layout.paragraphs.iter().filter(|p| p.role != Role::Caption) {
        let pt = &text[p.span.start..p.span.end];
        for key in ["the opinions of ", "the views of "] {
            if let Some(i) = pt.find(key) {
                let rest = &pt[i + key.len()..];
                let name = rest.split([')', '.', ',', ';']).next().unwrap_or("").trim();
                let words = name.split_whitespace().count();
                if (1..=4).contains(&words)
                    && name.starts_with(|c: char| c.is_uppercase())
                    && pt.contains("authored by")
                {
                    let s = p.span.start + i + key.len();
                    self_named(&mut found, table, name, s, OutletRule::Credit);
                }
            }
        }
    }
    // A line of the page that is only the site's domain (`Harbourdaily.com`).
    for b in &layout.boilerplate {
        let bt = text[b.span.start..b.span.end].trim();
        if !bt.contains(' ') && bt.contains('.') {
            if let Some(e) = table.by_domain(bt) {
                push_outlet(
                    &mut found,
                    &e.name,
                    carrier_role(e).max_publisher(),
                    b.span,
                    OutletRule::SiteName,
                );
            }
        }
    }
    let (carriers, others): (Vec<Outlet>, Vec<Outlet>) =
        found.into_iter().partition(|o| o.role.carries());
    layout.outlets = carriers;
    layout.mentioned = others;
}

/// The site naming itself (`More from Harbour Daily`): the publisher, known to the table or not.
fn self_named(found: &mut Vec<Outlet>, table: &Table, name: &str, at: usize, rule: OutletRule) {
    let canonical = table
        .lookup(name)
        .map_or(name.to_string(), |e| e.name.clone());
    push_outlet(
        found,
        &canonical,
        OutletRole::Publisher,
        Span::new(at, at + name.len()),
        rule,
    );
}

trait MaxPublisher {
    fn max_publisher(self) -> OutletRole;
}

impl MaxPublisher for OutletRole {
    /// An agency named by the address or the copyright line is the publisher of that page.
    fn max_publisher(self) -> OutletRole {
        match self {
            OutletRole::Aggregator => OutletRole::Aggregator,
            _ => OutletRole::Publisher,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_text() {
        let t = Table::builtin();
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "agency in brackets",
                "the minister said (Reuters)",
                &["Reuters"],
            ),
            (
                "long name first",
                "told the Associated Press on Monday",
                &["AP"],
            ),
            ("slash credits", "REUTERS/Jane Roe/File Photo", &["Reuters"]),
            ("two agencies", "(dpa/AFP)", &["dpa", "AFP"]),
            (
                "lower case is prose",
                "an ap course and a reuters-style",
                &[],
            ),
            ("unknown", "the Harbour Daily said", &[]),
        ];
        for (name, text, want) in cases {
            let got: Vec<&str> = mentions(text, t)
                .iter()
                .map(|m| m.entry.name.as_str())
                .collect();
            assert_eq!(&got, want, "{name}");
        }
    }

    #[test]
    fn tags() {
        for (line, want) in [
            ("Reuters", true),
            ("— AFP", true),
            ("(dpa/AFP)", true),
            ("Reuters reported the talks", false),
            ("Harbour Daily", false),
        ] {
            assert_eq!(is_tag(line), want, "{line}");
        }
    }
}

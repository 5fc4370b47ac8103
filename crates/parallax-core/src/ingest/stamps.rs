//! Lines a page prints beside the headline: time stamps (`Published 17 July 2023, 10:32 GMT`,
//! `Mon, Jul 17, 2023`, `17/07/2023 14:05`, `Updated …`) and bylines (`By Jane Doe, Harbour
//! Agency`, `by Jane Doe July 17, 2023 7:01 PM`, `Jane Doe (@handle) Published …`).
//! Each is read with the spans of what it states, so the date and the outlet keep their evidence.

use crate::date::{find_dates, month_number, weekday_number, Date, DateMention};
use crate::Span;

/// Whether a stamp says when the article was first published or last changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StampKind {
    /// `Published …`, `Posted …`, `First published …`.
    Published,
    /// `Updated …`, `Last modified …`.
    Updated,
    /// A bare date or time.
    Plain,
}

/// A time-stamp line. Spans are relative to the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The date it states, if any (a stamp can be only a time: `10:32 GMT`).
    pub date: Option<DateMention>,
    /// Published, updated or plain.
    pub kind: StampKind,
    /// Words left before the date (a byline: `by Jane Doe`), if any.
    pub prefix: Option<Span>,
}

/// A byline. Spans are relative to the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Byline {
    /// The names of people, in order.
    pub names: Vec<Span>,
    /// Parts that may name an outlet (`Reuters`, `Harbour Agency`), to be looked up.
    pub others: Vec<Span>,
    /// A time stamp on the same line.
    pub stamp: Option<Stamp>,
}

const ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "pkt", "est", "edt", "et",
    "cst", "cdt", "pst", "pdt", "pt", "wat", "eat", "cat", "sast", "jst", "kst", "hkt", "sgt",
    "aest", "aedt", "trt", "gst", "ict", "wib", "am", "pm", "a.m", "p.m", "hrs", "h", "z",
];

const STAMP_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "created",
    "first",
    "last",
    "on",
    "at",
    "date",
    "time",
    "edited",
    "ago",
    "hours",
    "hour",
    "minutes",
    "minute",
    "mins",
    "min",
    "read",
    "day",
    "days",
    "yesterday",
    "today",
    "|",
    "-",
    "issued",
];

fn tokens(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        let word =
            c.is_alphanumeric() || matches!(c, ':' | '/' | '.' | '@' | '\'' | '’' | '_' | '-');
        if word {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &line[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// `14:05`, `7:01`, `10.32`, `08:36PM`.
fn is_clock(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let w = w
        .strip_suffix("pm")
        .or_else(|| w.strip_suffix("am"))
        .or_else(|| w.strip_suffix("PM"))
        .or_else(|| w.strip_suffix("AM"))
        .unwrap_or(w);
    let parts: Vec<&str> = w.split([':', '.']).collect();
    (parts.len() == 2 || parts.len() == 3)
        && parts[0].len() <= 2
        && !parts[0].is_empty()
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].parse::<u8>().is_ok_and(|h| h < 24)
}

/// `17/07/2023`, `17.07.2023`, `07/17/2023` (month first only when the first number cannot be a
/// month), `2023/07/17`, and ISO date-times (`2023-07-17T10:00:00Z`).
pub fn numeric_date(w: &str) -> Option<Date> {
    let w = w.trim_end_matches(['.', ',']);
    if w.len() >= 10 && w.as_bytes().get(4) == Some(&b'-') {
        if let Some(d) = w.get(..10).and_then(Date::parse_iso) {
            return Some(d);
        }
    }
    let parts: Vec<&str> = w.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return None;
    }
    if parts[0].len() == 4 {
        return Date::new(n[0], u8::try_from(n[1]).ok()?, u8::try_from(n[2]).ok()?);
    }
    if parts[2].len() != 4 {
        return None;
    }
    let (d, m) = if n[0] <= 12 && n[1] > 12 {
        (n[1], n[0])
    } else {
        (n[0], n[1])
    };
    Date::new(n[2], u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

fn mention_of(d: Date, start: usize, end: usize) -> DateMention {
    DateMention {
        start,
        end,
        year: Some(d.year),
        month: d.month,
        day: Some(d.day),
    }
}

/// Reads a time-stamp line: a date and/or a clock time, with only stamp words around it
/// (`Published`, `Updated`, weekdays, time zones, separators), optionally after a byline.
pub fn stamp(line: &str) -> Option<Stamp> {
    let lower = line.to_ascii_lowercase();
    if line.split_whitespace().count() > 24 {
        return None;
    }
    let all_dates: Vec<DateMention> = find_dates(line)
        .into_iter()
        .filter(|m| m.day.is_some() || m.year.is_some())
        .collect();
    let mut date: Option<DateMention> = all_dates.first().copied();
    let toks = tokens(line);
    let mut covered = vec![false; toks.len()];
    let mut clock = false;
    for (i, (s, w)) in toks.iter().enumerate() {
        let e = s + w.len();
        if all_dates.iter().any(|m| *s >= m.start && e <= m.end) {
            covered[i] = true;
            continue;
        }
        let lw = w.to_lowercase();
        let lw = lw.trim_end_matches(['.', ':', ',']);
        if is_clock(w) {
            clock = true;
            covered[i] = true;
        } else if let Some(d) = numeric_date(w).filter(|_| date.is_none()) {
            date = Some(mention_of(d, *s, e));
            covered[i] = true;
        } else if ZONES.contains(&lw)
            || STAMP_WORDS.contains(&lw)
            || weekday_number(lw).is_some()
            || (lw.len() >= 3 && lw.len() <= 4 && weekday_abbrev(lw))
            || (lw.len() <= 2 && lw.bytes().all(|b| b.is_ascii_digit()))
            // Widget leftovers (`A+ A-` font-size buttons): a lone letter.
            || (lw.chars().filter(|c| c.is_alphabetic()).count() <= 1 && lw.chars().count() <= 2)
            || month_number(lw).is_some()
        {
            covered[i] = true;
        }
    }
    if date.is_none() && !clock {
        return None;
    }
    // The first uncovered word starts a prefix; every word after it must be covered.
    let first_free = covered.iter().position(|c| !c);
    let prefix = match first_free {
        None => None,
        Some(i) => {
            let last_free = covered.iter().rposition(|c| !c).unwrap_or(i);
            let date_start = date.map_or(usize::MAX, |m| m.start);
            let free_end = toks[last_free].0 + toks[last_free].1.len();
            if free_end > date_start {
                // Words after the date: a place after a dash (`… IST - Lima`) may close a stamp;
                // anything else makes it prose with a date in it.
                let after = &line[date_start..];
                let last_sep = after.rfind(" - ").or_else(|| after.rfind(" | "));
                let closing_place = last_sep.is_some_and(|k| {
                    let rest = after[k + 3..].trim();
                    rest.split_whitespace().count() <= 3
                        && rest.chars().next().is_some_and(char::is_uppercase)
                        && date_start + k + 3 >= toks[i].0
                });
                if !closing_place || toks[i].0 < date_start {
                    return None;
                }
                return Some(Stamp {
                    date,
                    kind: kind_of(&lower, date),
                    prefix: None,
                });
            }
            // Only a short byline may stand before a stamp; a longer run is a sentence.
            if toks[i..=last_free]
                .iter()
                .filter(|(_, w)| w.chars().any(char::is_alphabetic))
                .count()
                > 6
            {
                return None;
            }
            Some(Span::new(toks[i].0, free_end))
        }
    };
    let tail = line.trim_end();
    if tail.ends_with('.') && !lower.trim_end().ends_with(".m.") && prefix.is_some() {
        return None;
    }
    Some(Stamp {
        date,
        kind: kind_of(&lower, date),
        prefix,
    })
}

/// Published, updated or plain: the label that stands before the stamp's (first) date.
fn kind_of(lower: &str, date: Option<DateMention>) -> StampKind {
    let cut = date.map_or(lower.len(), |d| d.start.min(lower.len()));
    let before = lower.get(..cut).unwrap_or(lower);
    if ["published", "posted", "issued"]
        .iter()
        .any(|w| before.contains(w))
    {
        StampKind::Published
    } else if ["updated", "modified", "edited"]
        .iter()
        .any(|w| before.contains(w))
    {
        StampKind::Updated
    } else {
        StampKind::Plain
    }
}

/// The `PUBLISHED: 17/07/2023` part of a `LABEL: value; LABEL: value` credit line, as a stamp
/// with spans relative to the line.
pub fn stamp_in_credit(line: &str) -> Option<Stamp> {
    let mut at = 0;
    for part in line.split(';') {
        let lower = part.to_lowercase();
        if let Some((k, _)) = lower.split_once(':') {
            if ["published", "posted", "date", "updated"].contains(&k.trim()) {
                let v_at = at + k.len() + 1;
                let mut st = stamp(&part[k.len() + 1..])?;
                st.date = st.date.map(|d| DateMention {
                    start: d.start + v_at,
                    end: d.end + v_at,
                    ..d
                });
                st.kind = if k.trim() == "updated" {
                    StampKind::Updated
                } else {
                    StampKind::Published
                };
                return Some(st);
            }
        }
        at += part.len() + 1;
    }
    None
}

fn weekday_abbrev(w: &str) -> bool {
    [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    .contains(&w)
}

fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let first = cs.next();
    first.is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// Reads a byline: `By Jane Doe`, `BY JANE DOE AND JOHN ROE`, `By Jane Doe, Harbour Agency`,
/// `By Jane Doe | Agency`, `Written by …`, `Author: …`, `Jane Doe (@handle)`, optionally followed
/// by a time stamp. A sentence is never a byline.
pub fn byline(line: &str) -> Option<Byline> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let lead = [
        "written by ",
        "reported by ",
        "story by ",
        "words by ",
        "by ",
        "author: ",
        "authors: ",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map(|p| p.len());
    let handle = t.find("(@");
    let (body_start, stamp) = match (lead, handle) {
        (Some(l), _) => (l, stamp(&t[l..])),
        (None, Some(h)) if h > 0 => (0, stamp(t)),
        _ => return None,
    };
    let body = &t[body_start..];
    let body_end = stamp
        .as_ref()
        .and_then(|s| {
            let first = s.date.map(|d| d.start);
            match s.prefix {
                Some(p) => Some(p.end),
                None => first,
            }
        })
        .unwrap_or(body.len());
    let head = &body[..body_end.min(body.len())];
    let head = head
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | ',' | '–' | '—'));
    if head.is_empty() || head.ends_with('.') && head.split_whitespace().count() > 6 {
        return None;
    }
    let mut names = Vec::new();
    let mut others = Vec::new();
    let base = body_start;
    let mut pos = 0;
    // `By Jane Roe with Agency`: what follows `with` is an outlet, not a person.
    let head_owned = head
        .replacen(" with ", ",     ", 1)
        .replacen("  with ", ",      ", 1);
    let head = head_owned.as_str();
    let pieces: Vec<&str> = head.split([',', '|', ';', '/', '–', '—']).collect();
    for (k, piece) in pieces.iter().enumerate() {
        let at = pos;
        pos += piece.len() + piece_sep_len(head, at + piece.len());
        let p = piece.trim();
        if p.is_empty() {
            continue;
        }
        let lead_ws = piece.len() - piece.trim_start().len();
        let s = base + at + lead_ws;
        // `(@handle)` is not a name.
        let p_clean = p.split(" (@").next().unwrap_or(p).trim();
        let words: Vec<&str> = p_clean.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            return None;
        }
        if k == 0 {
            // People: names joined by `and` / `&`.
            let mut sub = 0;
            for name in p_clean.split(" and ").flat_map(|x| x.split(" & ")) {
                let nt = name.trim();
                let off = p_clean[sub..].find(nt).map_or(sub, |i| sub + i);
                sub = off + nt.len();
                let ws: Vec<&str> = nt.split_whitespace().collect();
                if ws.is_empty()
                    || !ws
                        .iter()
                        .all(|w| is_name_word(w) || w.eq_ignore_ascii_case("staff"))
                {
                    return None;
                }
                names.push(Span::new(s + off, s + off + nt.len()));
            }
        } else {
            others.push(Span::new(s, s + p_clean.len()));
        }
    }
    if names.is_empty() {
        return None;
    }
    Some(Byline {
        names,
        others,
        stamp: stamp.map(|mut st| {
            st.date = st.date.map(|d| DateMention {
                start: d.start + body_start,
                end: d.end + body_start,
                ..d
            });
            st.prefix = None;
            st
        }),
    })
}

fn piece_sep_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        // (name, line, date, kind, prefix)
        type Case = (
            &'static str,
            &'static str,
            Option<&'static str>,
            StampKind,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (
                "published",
                "Published July 17, 2023",
                Some("2023-07-17"),
                StampKind::Published,
                None,
            ),
            (
                "updated",
                "Updated July 18, 2023",
                Some("2023-07-18"),
                StampKind::Updated,
                None,
            ),
            (
                "date and clock",
                "July 17, 2023 - 3:13 PM",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "weekday first",
                "Monday, 17 July 2023, 12:38",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "abbreviations",
                "Mon, Jul 17, 2023",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "numeric",
                "17/07/2023 14:05",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "numeric month first",
                "07/17/2023",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "iso time",
                "2023-07-17T10:00:00Z",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "clock before date",
                "10:32 GMT, 17 July 2023",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "last updated",
                "Last Updated: Jul 17, 2023, 10:23 IST",
                Some("2023-07-17"),
                StampKind::Updated,
                None,
            ),
            (
                "only a clock",
                "Updated 17:05 GMT",
                None,
                StampKind::Updated,
                None,
            ),
            (
                "published then updated",
                "Jul 17, 2023, 9:46 PM | Updated: Jul 18, 2023, 10:22 pm",
                Some("2023-07-17"),
                StampKind::Plain,
                None,
            ),
            (
                "place after a dash",
                "Published - July 14, 2023 12:00 pm IST - Harbourtown",
                Some("2023-07-14"),
                StampKind::Published,
                None,
            ),
            (
                "byline before",
                "by Jane Roe July 17, 2023 7:01 PM",
                Some("2023-07-17"),
                StampKind::Plain,
                Some("by Jane Roe"),
            ),
            (
                "prose",
                "Talks resumed on July 17, 2023 in the capital.",
                None,
                StampKind::Plain,
                None,
            ),
        ];
        for (name, line, date, kind, prefix) in cases {
            let got = stamp(line);
            if *name == "prose" {
                assert!(got.is_none(), "{name}: {got:?}");
                continue;
            }
            let got = got.unwrap_or_else(|| panic!("{name}: no stamp"));
            assert_eq!(
                got.date
                    .and_then(|d| d.date())
                    .map(|d| d.to_string())
                    .as_deref(),
                *date,
                "{name}"
            );
            assert_eq!(got.kind, *kind, "{name}");
            assert_eq!(got.prefix.map(|p| &line[p.start..p.end]), *prefix, "{name}");
        }
    }

    #[test]
    fn bylines() {
        // (name, line, people, others, stamp date)
        type Case = (
            &'static str,
            &'static str,
            &'static [&'static str],
            &'static [&'static str],
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            ("plain", "By Jane Roe", &["Jane Roe"], &[], None),
            ("capitals", "BY JANE ROE", &["JANE ROE"], &[], None),
            (
                "two people",
                "By Jane Roe and John Doe",
                &["Jane Roe", "John Doe"],
                &[],
                None,
            ),
            (
                "with agency",
                "By Jane Roe, Harbour Agency",
                &["Jane Roe"],
                &["Harbour Agency"],
                None,
            ),
            (
                "pipe",
                "By Jane Roe | Harbour Agency",
                &["Jane Roe"],
                &["Harbour Agency"],
                None,
            ),
            (
                "agency alone",
                "By Harbour Agency",
                &["Harbour Agency"],
                &[],
                None,
            ),
            (
                "staff",
                "By Harbour Agency Staff",
                &["Harbour Agency Staff"],
                &[],
                None,
            ),
            (
                "with stamp",
                "by Jane Roe July 17, 2023 7:01 PM",
                &["Jane Roe"],
                &[],
                Some("2023-07-17"),
            ),
            (
                "handle and stamp",
                "Jane Roe (@janeroe) Published July 17, 2023 | 08:36 PM",
                &["Jane Roe"],
                &[],
                Some("2023-07-17"),
            ),
            (
                "written by",
                "Written by Jane Roe",
                &["Jane Roe"],
                &[],
                None,
            ),
        ];
        for (name, line, people, others, date) in cases {
            let b = byline(line).unwrap_or_else(|| panic!("{name}: no byline"));
            let got: Vec<&str> = b
                .names
                .iter()
                .map(|s| &line.trim()[s.start..s.end])
                .collect();
            assert_eq!(&got, people, "{name}");
            let got: Vec<&str> = b
                .others
                .iter()
                .map(|s| &line.trim()[s.start..s.end])
                .collect();
            assert_eq!(&got, others, "{name}");
            assert_eq!(
                b.stamp
                    .and_then(|s| s.date)
                    .and_then(|d| d.date())
                    .map(|d| d.to_string())
                    .as_deref(),
                *date,
                "{name}"
            );
        }
        for not in [
            "By the end of the week the talks had failed.",
            "by",
            "Bystanders fled",
            "By 2030 the port will be closed",
        ] {
            assert!(byline(not).is_none(), "{not}");
        }
    }
}

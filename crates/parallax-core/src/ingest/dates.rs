//! Settling an article's date, with provenance and a reason a reader can check.
//!
//! In order of trust: `corpus.toml`; the header line; the dateline; and, when the file states no
//! date, an inference from clues:
//! - the year: the latest year the text mentions; else the year other articles of the corpus give
//!   the same day-and-month (`August 9` is 2020 in three other articles); else `since 1994` plus
//!   `26 years`;
//! - the day: `the tenth consecutive day` counted from the latest day-and-month mentioned, moved to
//!   the weekday the text names most (`Tuesday`) when that is at most two days away;
//! - otherwise only the year, never earlier than the latest full date the text mentions.

use super::layout::Layout;
use super::{Article, DateInfo, Precision, Provenance, Role};
use crate::date::{find_dates, weekday_number, Date, DateMention};
use crate::text::tokenize::tokens;
use crate::Span;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The date stated by the header or the dateline, or [`DateInfo::unknown`].
pub fn from_header_and_dateline(text: &str, layout: &Layout, notes: &mut Vec<String>) -> DateInfo {
    let dateline_date = layout
        .paragraphs
        .iter()
        .find_map(|p| p.dateline.as_ref())
        .and_then(|d| d.date);
    if let Some((date, span)) = layout.header_date {
        if let Some(m) = dateline_date {
            if m.month != date.month
                || m.day.is_some_and(|d| d != date.day)
                || m.year.is_some_and(|y| y != date.year)
            {
                notes.push(format!(
                    "the dateline says “{}” but the header says {date}; the header's date is used",
                    &text[m.start..m.end]
                ));
            }
        }
        return DateInfo::day(
            date,
            Provenance::Header,
            vec![span],
            "stated in the file's header line",
        );
    }
    // Time stamps: `Published …` first, then plain stamps and bylines' stamps, then `Updated …`.
    let stamped = |kind: super::stamps::StampKind| {
        layout.stamps.iter().find_map(|(line, st)| {
            let m = st.date.filter(|_| st.kind == kind)?;
            let d = m.date()?;
            Some((
                d,
                Span::new(line.start + m.start, line.start + m.end),
                *line,
            ))
        })
    };
    use super::stamps::StampKind;
    for (kind, what) in [
        (StampKind::Published, "the page's publication stamp"),
        (StampKind::Plain, "the page's time stamp"),
        (
            StampKind::Updated,
            "the page's “updated” stamp (no publication stamp is given)",
        ),
    ] {
        if let Some((d, span, line)) = stamped(kind) {
            let at_dateline = dateline_date.and_then(|m| m.date());
            // A dated dateline states the day the story was filed: it wins over an update.
            if kind == StampKind::Updated && at_dateline.is_some() {
                break;
            }
            return DateInfo::day(
                d,
                Provenance::Text,
                vec![span],
                format!("stated in {what} (“{}”)", text[line.start..line.end].trim()),
            );
        }
    }
    // A full date opening the story: `July 17, 2023 - The council …`.
    if let Some(p) = layout.paragraphs.iter().find(|p| p.role == Role::Body) {
        let t = &text[p.span.start..p.span.end];
        let mut cut = t.len().min(40);
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(m) = find_dates(&t[..cut]).into_iter().next() {
            let after = t[m.end..].trim_start();
            if m.start == 0 && after.starts_with(['-', '–', '—', ':', '(']) {
                if let Some(d) = m.date() {
                    let span = Span::new(p.span.start + m.start, p.span.start + m.end);
                    return DateInfo {
                        date: Some(d),
                        precision: Precision::Day,
                        not_before: None,
                        provenance: Provenance::Text,
                        evidence: vec![span],
                        reason: format!(
                            "stated where the story begins (“{}”)",
                            &text[span.start..span.end]
                        ),
                    };
                }
            }
        }
    }
    if let Some(d) = dateline_date.and_then(|m| m.date()) {
        let m = dateline_date.unwrap_or_else(|| unreachable!());
        return DateInfo::day(
            d,
            Provenance::Text,
            vec![Span::new(m.start, m.end)],
            format!("stated in the dateline (“{}”)", &text[m.start..m.end]),
        );
    }
    DateInfo::unknown()
}

/// Day-and-month → year, learnt from the dated articles of a corpus.
#[derive(Clone, Debug, Default)]
pub struct YearHints {
    /// (month, day) → year → indices of the articles that date it so.
    votes: HashMap<(u8, u8), BTreeMap<i32, BTreeSet<usize>>>,
}

fn mentions(article: &Article) -> Vec<DateMention> {
    let mut out = Vec::new();
    for p in &article.paragraphs {
        if matches!(p.role, Role::Credit) {
            continue;
        }
        let from = p.dateline.map_or(p.span.start, |d| d.start);
        for m in find_dates(&article.text[from..p.span.end]) {
            out.push(DateMention {
                start: from + m.start,
                end: from + m.end,
                ..m
            });
        }
    }
    out
}

impl YearHints {
    /// Learns from every article dated to the day by the sidecar, a header or a dateline.
    pub fn learn(articles: &[Article]) -> YearHints {
        let mut hints = YearHints::default();
        for (i, a) in articles.iter().enumerate() {
            let Some(date) = a.date.date else { continue };
            if a.date.precision != Precision::Day || a.date.provenance == Provenance::Inferred {
                continue;
            }
            for m in mentions(a) {
                let Some(day) = m.day else { continue };
                let year = m
                    .year
                    .unwrap_or(if (m.month, day) <= (date.month, date.day) {
                        date.year
                    } else {
                        date.year - 1
                    });
                hints
                    .votes
                    .entry((m.month, day))
                    .or_default()
                    .entry(year)
                    .or_default()
                    .insert(i);
            }
        }
        hints
    }

    /// The year most dated articles give this day and month, with how many articles say so.
    fn year_of(&self, month: u8, day: u8) -> Option<(i32, usize)> {
        let votes = self.votes.get(&(month, day))?;
        votes
            .iter()
            .map(|(y, ids)| (*y, ids.len()))
            .max_by_key(|(y, n)| (*n, *y))
    }
}

const ORDINALS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
];

fn ordinal(word: &str) -> Option<i64> {
    if let Some(i) = ORDINALS.iter().position(|o| *o == word) {
        return Some(i as i64 + 1);
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if ["st", "nd", "rd", "th"].contains(&suffix) {
        return digits.parse().ok().filter(|n| (1..=366).contains(n));
    }
    None
}

/// Clues for inference gathered from an article's text.
struct Clues {
    mentions: Vec<DateMention>,
    /// `the tenth consecutive day` → (10, span).
    nth_day: Option<(i64, Span)>,
    /// The weekday named most often, with how often.
    weekday: Option<(u8, usize, String)>,
    /// `since 1994` … `26 years` → (1994, 26, spans).
    since_years: Option<(i32, i32, Span, Span)>,
}

fn clues(article: &Article) -> Clues {
    let mut nth_day = None;
    let mut weekday_counts: BTreeMap<u8, (usize, String)> = BTreeMap::new();
    let mut since: Option<(i32, Span)> = None;
    let mut years_count: Option<(i32, Span)> = None;
    for p in &article.paragraphs {
        if !matches!(p.role, Role::Body | Role::Standfirst) {
            continue;
        }
        let text = &article.text[p.span.start..p.span.end];
        let ts = tokens(text);
        let abs = |s: Span| Span::new(p.span.start + s.start, p.span.start + s.end);
        for (i, t) in ts.iter().enumerate() {
            let next = |k: usize| ts.get(i + k).map(|t| t.text.as_str());
            if nth_day.is_none() {
                if let Some(n) = ordinal(&t.text) {
                    let skip = usize::from(matches!(next(1), Some("consecutive" | "straight")));
                    if next(1 + skip) == Some("day") {
                        nth_day =
                            Some((n, abs(Span::new(t.span.start, ts[i + 1 + skip].span.end))));
                    }
                }
            }
            let surface = &text[t.span.start..t.span.end];
            if surface.starts_with(char::is_uppercase) {
                if let Some(w) = weekday_number(surface) {
                    let e = weekday_counts.entry(w).or_insert((0, surface.to_string()));
                    e.0 += 1;
                }
            }
            if t.text == "since" && since.is_none() {
                if let Some(y) = next(1)
                    .and_then(|y| y.parse::<i32>().ok())
                    .filter(|y| (1800..=2200).contains(y))
                {
                    since = Some((y, abs(Span::new(t.span.start, ts[i + 1].span.end))));
                }
            }
            if next(1) == Some("years") && years_count.is_none() {
                if let Ok(n) = t.text.parse::<i32>() {
                    if (1..=99).contains(&n) {
                        years_count = Some((n, abs(Span::new(t.span.start, ts[i + 1].span.end))));
                    }
                }
            }
        }
    }
    let weekday = weekday_counts
        .into_iter()
        .max_by_key(|(w, (n, _))| (*n, std::cmp::Reverse(*w)))
        .map(|(w, (n, s))| (w, n, s));
    Clues {
        mentions: mentions(article),
        nth_day,
        weekday,
        since_years: match (since, years_count) {
            (Some((y, s1)), Some((n, s2))) => Some((y, n, s1, s2)),
            _ => None,
        },
    }
}

/// Infers a date for an article whose file states none. Returns [`DateInfo::unknown`] when the
/// clues are not enough.
pub fn infer(article: &Article, hints: &YearHints) -> DateInfo {
    let text = &article.text;
    let c = clues(article);
    let quote = |s: usize, e: usize| format!("“{}”", &text[s..e]);
    let mut evidence = Vec::new();

    let full: Vec<(Date, &DateMention)> = c
        .mentions
        .iter()
        .filter_map(|m| m.date().map(|d| (d, m)))
        .collect();
    let not_before = full.iter().max_by_key(|(d, _)| *d).copied();
    let latest_year = c
        .mentions
        .iter()
        .filter_map(|m| m.year.map(|y| (y, m)))
        .max_by_key(|(y, _)| *y);

    // The year.
    let (year, year_reason) = if let Some((y, m)) = latest_year {
        evidence.push(Span::new(m.start, m.end));
        (
            Some(y),
            format!(
                "{y} is the latest year the text mentions ({})",
                quote(m.start, m.end)
            ),
        )
    } else if let Some((y, n, m)) = c
        .mentions
        .iter()
        .filter_map(|m| {
            m.day
                .and_then(|d| hints.year_of(m.month, d))
                .map(|(y, n)| (y, n, m))
        })
        .max_by_key(|(y, n, _)| (*n, *y))
    {
        evidence.push(Span::new(m.start, m.end));
        (
            Some(y),
            format!(
                "{n} dated article{} of the corpus put {} in {y}",
                if n == 1 { "" } else { "s" },
                quote(m.start, m.end)
            ),
        )
    } else if let Some((since, n, s1, s2)) = c.since_years {
        evidence.extend([s1, s2]);
        (
            Some(since + n),
            format!(
                "{} and {} give {}",
                quote(s1.start, s1.end),
                quote(s2.start, s2.end),
                since + n
            ),
        )
    } else {
        (None, String::new())
    };
    let Some(year) = year else {
        return DateInfo::unknown();
    };

    // A dateline that gives day and month but no year.
    if let Some(dl) = &article.dateline {
        let m = find_dates(&text[dl.span.start..dl.span.end])
            .into_iter()
            .next();
        if let Some((m, date)) = m.and_then(|m| Some((m, Date::new(year, m.month, m.day?)?))) {
            let (s, e) = (dl.span.start + m.start, dl.span.start + m.end);
            evidence.insert(0, Span::new(s, e));
            return DateInfo {
                date: Some(date),
                precision: Precision::Day,
                not_before: None,
                provenance: Provenance::Inferred,
                evidence,
                reason: format!(
                    "day and month from the dateline ({}); {year_reason}",
                    quote(s, e)
                ),
            };
        }
    }

    // The day: count from the latest day-and-month mentioned.
    let anchor = c
        .mentions
        .iter()
        .filter(|m| m.year.is_none_or(|y| y == year))
        .filter_map(|m| Date::new(year, m.month, m.day?).map(|d| (d, m)))
        .max_by_key(|(d, _)| *d);
    if let (Some((n, nth_span)), Some((anchor, am))) = (c.nth_day, anchor) {
        let mut date = anchor.add_days(n - 1);
        evidence.extend([Span::new(am.start, am.end), nth_span]);
        let mut reason = format!(
            "{year_reason}; {} counted from {} ({}) gives {}",
            quote(nth_span.start, nth_span.end),
            quote(am.start, am.end),
            anchor.human(),
            date.human()
        );
        if let Some((w, count, name)) = &c.weekday {
            if let Some(moved) = nearest_weekday(date, *w, 2) {
                date = moved;
                reason.push_str(&format!(
                    "; the text names {name} most ({count} times), which is {}",
                    date.human()
                ));
            }
        }
        return DateInfo {
            date: Some(date),
            precision: Precision::Day,
            not_before: Some(anchor),
            provenance: Provenance::Inferred,
            evidence,
            reason,
        };
    }

    let nb = not_before.filter(|(d, _)| d.year == year);
    let mut reason = year_reason;
    if let Some((d, m)) = nb {
        if !evidence.contains(&Span::new(m.start, m.end)) {
            evidence.push(Span::new(m.start, m.end));
        }
        reason.push_str(&format!(
            "; it cannot be older than {}, the latest full date it mentions",
            d.human()
        ));
    }
    DateInfo {
        date: Some(nb.map_or(
            Date {
                year,
                month: 1,
                day: 1,
            },
            |(d, _)| d,
        )),
        precision: Precision::Year,
        not_before: nb.map(|(d, _)| d),
        provenance: Provenance::Inferred,
        evidence,
        reason,
    }
}

/// The day of weekday `w` (0 = Monday) nearest to `date`, if it is at most `max` days away.
fn nearest_weekday(date: Date, w: u8, max: i64) -> Option<Date> {
    let shift = (i64::from(w) - i64::from(date.weekday()) + 7) % 7;
    let shift = if shift > 3 { shift - 7 } else { shift };
    (shift.abs() <= max).then(|| date.add_days(shift))
}

/// Words an article is compared by: lower-cased words of four letters or more.
fn content_words(a: &Article) -> std::collections::HashSet<String> {
    a.main_paragraphs()
        .flat_map(|(_, p)| tokens(&a.text[p.span.start..p.span.end]))
        .map(|t| t.text)
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect()
}

/// Dates the articles that only a year (or nothing) dates by the events the dated articles of the
/// corpus report: an undated article is dated like the dated article that shares most of its
/// words (at least a tenth of them), moved to the weekday it names most (`on Monday`) when that is
/// at most three days away. Only the first 2,000 dated articles are compared, so a large corpus
/// stays fast.
pub fn anchor_to_corpus(articles: &mut [Article]) {
    let day_dated = |a: &Article| {
        a.date.precision == Precision::Day
            && matches!(
                a.date.provenance,
                Provenance::Header | Provenance::Text | Provenance::Sidecar
            )
    };
    let dated: Vec<usize> = (0..articles.len())
        .filter(|&i| day_dated(&articles[i]))
        .take(2_000)
        .collect();
    let undated: Vec<usize> = (0..articles.len())
        .filter(|&i| {
            let d = &articles[i].date;
            d.provenance == Provenance::Unknown
                || (d.provenance == Provenance::Inferred && d.precision != Precision::Day)
        })
        .collect();
    if dated.is_empty() || undated.is_empty() {
        return;
    }
    let words: HashMap<usize, std::collections::HashSet<String>> = dated
        .iter()
        .chain(&undated)
        .map(|&i| (i, content_words(&articles[i])))
        .collect();
    for &u in &undated {
        let wu = &words[&u];
        if wu.len() < 20 {
            continue;
        }
        let best = dated
            .iter()
            .map(|&d| {
                let wd = &words[&d];
                let shared = wu.intersection(wd).count();
                (d, shared as f64 / wu.len().min(wd.len()).max(1) as f64)
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        let Some((d, share)) = best.filter(|b| b.1 >= 0.10) else {
            continue;
        };
        let Some(anchor) = articles[d].date.date else {
            continue;
        };
        let c = clues(&articles[u]);
        // A dateline's day and month, with the year of the most similar dated article.
        let a = &articles[u];
        let dl_day = a.dateline.as_ref().and_then(|dl| {
            let m = find_dates(&a.text[dl.span.start..dl.span.end])
                .into_iter()
                .next()?;
            let day = m.day?;
            let cands = [anchor.year - 1, anchor.year, anchor.year + 1];
            let date = cands
                .iter()
                .filter_map(|y| Date::new(*y, m.month, day))
                .min_by_key(|d| (d.to_days() - anchor.to_days()).abs())?;
            Some((
                date,
                Span::new(dl.span.start + m.start, dl.span.start + m.end),
            ))
        });
        if let Some((date, span)) = dl_day {
            let reason = format!(
                "day and month from the dateline (“{}”); the year of the most similar dated article of the corpus, “{}” ({})",
                &a.text[span.start..span.end],
                articles[d].title.text,
                anchor.human()
            );
            articles[u].date = DateInfo {
                date: Some(date),
                precision: Precision::Day,
                not_before: None,
                provenance: Provenance::Inferred,
                evidence: vec![span],
                reason,
            };
            continue;
        }
        let mut date = anchor;
        let mut reason = format!(
            "dated like the most similar dated article of the corpus, “{}” ({}), which shares {:.0}% of its words",
            articles[d].title.text,
            anchor.human(),
            share * 100.0
        );
        let mut evidence = Vec::new();
        if let Some((w, count, name)) = &c.weekday {
            // A weekday a report names is most often a day already past: up to four days back,
            // or two ahead (a report filed in another time zone, or a day later).
            let back = (i64::from(anchor.weekday()) - i64::from(*w) + 7) % 7;
            let moved = if back <= 4 {
                Some(anchor.add_days(-back))
            } else {
                nearest_weekday(anchor, *w, 2)
            };
            if let Some(moved) = moved {
                date = moved;
                reason.push_str(&format!(
                    "; the text names {name} most ({count} time{}), which is {}",
                    if *count == 1 { "" } else { "s" },
                    date.human()
                ));
                let a = &articles[u];
                if let Some(p) = a.main_paragraphs().find_map(|(_, p)| {
                    a.text[p.span.start..p.span.end]
                        .find(name.as_str())
                        .map(|i| Span::new(p.span.start + i, p.span.start + i + name.len()))
                }) {
                    evidence.push(p);
                }
            }
        }
        let a = &mut articles[u];
        // Never earlier than the latest full date the text mentions.
        if let Some(nb) = a.date.not_before.filter(|nb| *nb > date) {
            if nb > anchor.add_days(3) {
                continue;
            }
            date = nb;
            reason.push_str(&format!(
                "; not before {}, the latest full date it mentions",
                nb.human()
            ));
        }
        a.date = DateInfo {
            date: Some(date),
            precision: Precision::Day,
            not_before: None,
            provenance: Provenance::Inferred,
            evidence,
            reason,
        };
    }
}

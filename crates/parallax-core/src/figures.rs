//! Numeric claims: what a figure counts, normalised so outlets can be compared.
//!
//! `over 80 percent of the vote` → vote share > 80 %; `80.1%` → 80.1 %; `More than 6,700 people
//! were detained` → detained > 6,700; `three people died` → deaths = 3; `a hundred thousand
//! participants` → gathered > 100,000 (with `more than`). Each claim keeps its span, the sentence,
//! and the words that decided what it counts, so the table can be checked.
//!
//! What a figure counts is read from the words around it (the same clause): detained / arrested,
//! died / deaths / killed, injured / injuries, gathered / participants / rally, percent of the vote,
//! ages (`Tikhanovsky, 37,`, `42nd birthday`), and years in office (`ruled … since 1994`,
//! `for 26 years`). Numbers inside dates are not figures.

use crate::date::find_dates;
use crate::ingest::{Article, Role};
use crate::text::tokenize::tokens;
use crate::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How exact a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// Stated exactly.
    Exact,
    /// `more than`, `over`.
    MoreThan,
    /// `at least`.
    AtLeast,
    /// `about`, `around`, `nearly`, `almost`, `some`.
    About,
    /// `less than`, `under`, `up to`.
    LessThan,
    /// `several thousand`, `dozens`, `hundreds`: an order of magnitude only.
    Vague,
}

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Share of the vote, in percent.
    VoteShare,
    /// Another percentage.
    Percent,
    /// People detained or arrested.
    Detained,
    /// People who died.
    Deaths,
    /// People injured.
    Injured,
    /// People gathered at a protest or rally.
    Gathered,
    /// A person's age.
    Age,
    /// Years in office or in power.
    YearsInPower,
}

impl Measure {
    /// Label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Measure::VoteShare => "share of the vote",
            Measure::Percent => "percentage",
            Measure::Detained => "people detained",
            Measure::Deaths => "deaths",
            Measure::Injured => "people injured",
            Measure::Gathered => "people gathered",
            Measure::Age => "age",
            Measure::YearsInPower => "years in power",
        }
    }

    /// Whether outlets giving different values for it disagree (rather than describe other events).
    pub fn comparable(self) -> bool {
        matches!(
            self,
            Measure::VoteShare
                | Measure::Detained
                | Measure::Deaths
                | Measure::Injured
                | Measure::YearsInPower
        )
    }
}

/// One numeric claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Paragraph index.
    pub paragraph: usize,
    /// The figure as written, with its qualifier (`over 80 percent`), in the article's text.
    pub span: Span,
    /// The value (for vague figures, the order of magnitude).
    pub value: f64,
    /// How exact it is.
    pub approx: Approx,
    /// What it counts.
    pub measure: Measure,
    /// Whom it is about, when the clause names someone (`Lukashenko` for his vote share).
    pub subject: Option<String>,
    /// The words that decided [`Figure::measure`].
    pub cue: String,
}

impl Figure {
    /// A short normalised form: `> 6,700`, `≈ 80 %`, `3`.
    pub fn normalised(&self) -> String {
        let mut n = if self.value.fract() == 0.0 {
            let s = format!("{}", self.value as u64);
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        } else {
            format!("{}", self.value)
        };
        if matches!(self.measure, Measure::VoteShare | Measure::Percent) {
            n.push_str(" %");
        }
        let prefix = match self.approx {
            Approx::Exact => "",
            Approx::MoreThan => "> ",
            Approx::AtLeast => "≥ ",
            Approx::About => "≈ ",
            Approx::LessThan => "< ",
            Approx::Vague => "~ ",
        };
        format!("{prefix}{n}")
    }

    /// The interval of values the claim allows.
    pub fn interval(&self) -> (f64, f64) {
        let v = self.value;
        match self.approx {
            Approx::Exact
                if matches!(self.measure, Measure::VoteShare | Measure::Percent)
                    && v.fract() == 0.0 =>
            {
                (v - 0.5, v + 0.5)
            }
            Approx::Exact => (v, v),
            Approx::MoreThan | Approx::AtLeast => (v, f64::INFINITY),
            Approx::About => (v * 0.9, v * 1.1),
            Approx::LessThan => (0.0, v),
            Approx::Vague => (v, v * 10.0),
        }
    }
}

const UNITS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1e6),
];

fn word_value(w: &str) -> Option<f64> {
    UNITS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// Cue words (stems by prefix) and what they make a nearby figure count.
const CUES: &[(&str, Measure)] = &[
    ("detain", Measure::Detained),
    ("detention", Measure::Detained),
    ("arrest", Measure::Detained),
    ("apprehend", Measure::Detained),
    ("died", Measure::Deaths),
    ("death", Measure::Deaths),
    ("dead", Measure::Deaths),
    ("killed", Measure::Deaths),
    ("injur", Measure::Injured),
    ("wounded", Measure::Injured),
    ("hurt", Measure::Injured),
    ("gathered", Measure::Gathered),
    ("participant", Measure::Gathered),
    ("rally", Measure::Gathered),
    ("demonstrators", Measure::Gathered),
    ("birthday", Measure::Age),
];

/// Extracts the figures of an article's standfirst and body (repeats excluded).
pub fn extract(article: &Article) -> Vec<Figure> {
    let mut out = Vec::new();
    for (pi, p) in article.paragraphs.iter().enumerate() {
        if !matches!(p.role, Role::Body | Role::Standfirst) || p.repeat_of.is_some() {
            continue;
        }
        for s in &p.sentences {
            sentence_figures(article, pi, *s, &mut out);
        }
    }
    out
}

fn sentence_figures(article: &Article, paragraph: usize, sentence: Span, out: &mut Vec<Figure>) {
    let text = article.slice(sentence);
    let dates: Vec<(usize, usize)> = find_dates(text).iter().map(|d| (d.start, d.end)).collect();
    let ts = tokens(text);
    let in_date = |s: usize| dates.iter().any(|(a, b)| s >= *a && s < *b);
    let mut i = 0;
    while i < ts.len() {
        let t = &ts[i];
        // A number: digits (6,700 and 80.1 arrive as two tokens), or number words.
        let (mut value, mut end_tok, vague) =
            if t.text.bytes().all(|b| b.is_ascii_digit()) && !in_date(t.span.start) {
                let (v, e) = digits_value(text, &ts, i);
                (v, e, false)
            } else if let Some(v) = ordinal_digits(&t.text) {
                (v, i, false)
            } else if let Some(v) = word_value(&t.text) {
                // "a hundred thousand", "two hundred", "several thousand"
                let mut v = v;
                let mut e = i;
                while let Some(m) = ts
                    .get(e + 1)
                    .and_then(|n| word_value(&n.text))
                    .filter(|m| *m >= 100.0)
                {
                    v *= m;
                    e += 1;
                }
                (v, e, false)
            } else if matches!(
                t.text.as_str(),
                "several" | "dozens" | "hundreds" | "thousands"
            ) {
                let (v, e) = match (t.text.as_str(), ts.get(i + 1).map(|n| n.text.as_str())) {
                    ("several", Some("thousand")) => (1000.0, i + 1),
                    ("several", Some("hundred")) => (100.0, i + 1),
                    ("dozens", _) => (24.0, i),
                    ("hundreds", _) => (200.0, i),
                    ("thousands", _) => (2000.0, i),
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                (v, e, true)
            } else {
                i += 1;
                continue;
            };
        let start_tok = i;
        // Qualifier before the number.
        let before = |k: usize| start_tok.checked_sub(k).map(|j| ts[j].text.as_str());
        let (approx, qual_tok) = match (before(2), before(1)) {
            (Some("more"), Some("than")) => (Approx::MoreThan, start_tok - 2),
            (Some("at"), Some("least")) => (Approx::AtLeast, start_tok - 2),
            (Some("less" | "fewer"), Some("than")) | (Some("up"), Some("to")) => {
                (Approx::LessThan, start_tok - 2)
            }
            (_, Some("over")) => (Approx::MoreThan, start_tok - 1),
            (_, Some("under")) => (Approx::LessThan, start_tok - 1),
            (
                _,
                Some(
                    "about" | "around" | "nearly" | "almost" | "some" | "approximately" | "roughly",
                ),
            ) => (Approx::About, start_tok - 1),
            (_, Some("a")) if value >= 100.0 => (Approx::Exact, start_tok - 1),
            _ => (if vague { Approx::Vague } else { Approx::Exact }, start_tok),
        };
        // "more than a hundred thousand": the qualifier sits before "a".
        let (approx, qual_tok) = if qual_tok + 1 == start_tok && ts[qual_tok].text == "a" {
            match (
                qual_tok.checked_sub(2).map(|j| ts[j].text.as_str()),
                qual_tok.checked_sub(1).map(|j| ts[j].text.as_str()),
            ) {
                (Some("more"), Some("than")) => (Approx::MoreThan, qual_tok - 2),
                _ => (approx, qual_tok),
            }
        } else {
            (approx, qual_tok)
        };
        // Percent.
        let next = ts.get(end_tok + 1).map(|n| n.text.as_str());
        let after_number = &text[ts[end_tok].span.end..];
        let percent =
            after_number.starts_with('%') || next == Some("percent") || next == Some("per");
        if next == Some("percent") {
            end_tok += 1;
        }
        let mut span_end = ts[end_tok].span.end + usize::from(after_number.starts_with('%'));
        if !text.is_char_boundary(span_end) {
            span_end = ts[end_tok].span.end;
        }
        // The words around the figure, up to the next (or previous) number: a cue belongs to the
        // nearest figure ("four demonstrations, resulting in two deaths").
        let is_number = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || word_value(w).is_some();
        let window: Vec<&str> = ts[end_tok + 1..(end_tok + 9).min(ts.len())]
            .iter()
            .map(|x| x.text.as_str())
            .take_while(|w| !is_number(w))
            .collect();
        let mut window_before: Vec<&str> = ts[qual_tok.saturating_sub(4)..qual_tok]
            .iter()
            .rev()
            .map(|x| x.text.as_str())
            .take_while(|w| !is_number(w))
            .collect();
        window_before.reverse();
        // "the number one detention center" is a name, "one of which" a pronoun: not counts.
        let one_alone = t.text == "one"
            && !matches!(
                next,
                Some("person" | "man" | "woman" | "protester" | "officer" | "journalist" | "child")
            );
        if before(1) == Some("number") || one_alone {
            i = end_tok + 1;
            continue;
        }
        let (measure, cue) = if percent {
            // A percentage in a sentence about the vote is a share of it.
            if ts
                .iter()
                .any(|w| matches!(w.text.as_str(), "vote" | "votes" | "ballots"))
            {
                (Some(Measure::VoteShare), "of the vote".to_string())
            } else {
                (Some(Measure::Percent), "percent".to_string())
            }
        } else if next.is_some_and(|n| n == "years")
            && window_before
                .iter()
                .chain(window.iter())
                .any(|w| matches!(*w, "ruled" | "power" | "office" | "terror" | "kept"))
        {
            (Some(Measure::YearsInPower), format!("{} years", value))
        } else if t.text.starts_with(|c: char| c.is_ascii_digit())
            && t.text.ends_with(|c: char| c.is_ascii_alphabetic())
        {
            // An ordinal written in digits ("42nd") counts years of age before "birthday".
            if window.first().is_some_and(|w| *w == "birthday") {
                (Some(Measure::Age), "birthday".to_string())
            } else {
                (None, String::new())
            }
        } else if text[..t.span.start].trim_end().ends_with(',')
            && text[ts[end_tok].span.end..].trim_start().starts_with(',')
            && !vague
            && value < 120.0
        {
            (
                Some(Measure::Age),
                "a number set off by commas after a name".to_string(),
            )
        } else {
            let found = window
                .iter()
                .chain(window_before.iter().rev())
                .find_map(|w| {
                    CUES.iter()
                        .find(|(c, _)| w.starts_with(c))
                        .map(|(c, m)| (*m, (*c).to_string()))
                });
            match found {
                Some((m, c)) => (Some(m), c),
                None => (None, String::new()),
            }
        };
        if let Some(measure) = measure {
            if measure == Measure::Age && value > 130.0 {
                value = 0.0;
            }
            let subject = matches!(measure, Measure::VoteShare | Measure::Age)
                .then(|| subject_before(text, &ts, qual_tok))
                .flatten();
            out.push(Figure {
                paragraph,
                span: Span::new(
                    sentence.start + ts[qual_tok].span.start,
                    sentence.start + span_end,
                ),
                value,
                approx,
                measure,
                subject,
                cue,
            });
        }
        i = end_tok + 1;
    }
}

/// `42nd` → 42.
fn ordinal_digits(w: &str) -> Option<f64> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then(|| digits.parse().ok())
    .flatten()
}

/// `6,700` → 6700 (tokens `6` and `700` joined by a comma); `80.1` → 80.1.
fn digits_value(text: &str, ts: &[crate::text::tokenize::Token], i: usize) -> (f64, usize) {
    let mut s = ts[i].text.clone();
    let mut e = i;
    while let Some(n) = ts.get(e + 1) {
        let between = &text[ts[e].span.end..n.span.start];
        if (between == "," && n.text.len() == 3 || between == ".")
            && n.text.bytes().all(|b| b.is_ascii_digit())
        {
            if between == "." {
                s.push('.');
            }
            s.push_str(&n.text);
            e += 1;
        } else {
            break;
        }
    }
    (s.parse().unwrap_or(0.0), e)
}

/// The capitalised name closest before the figure in its sentence (`Lukashenko got 80.1%`).
fn subject_before(
    text: &str,
    ts: &[crate::text::tokenize::Token],
    before: usize,
) -> Option<String> {
    ts[..before]
        .iter()
        .rev()
        .take(16)
        .find(|t| {
            let w = &text[t.span.start..t.span.end];
            w.chars().next().is_some_and(char::is_uppercase)
                && w.len() > 3
                && !matches!(
                    w,
                    "While"
                        | "According"
                        | "More"
                        | "The"
                        | "Belarusian"
                        | "Central"
                        | "Election"
                        | "Commission"
                )
        })
        .map(|t| text[t.span.start..t.span.end].to_string())
}

/// One row of a figures table: a measure, and per article the figures it states.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// What is counted.
    pub measure: Measure,
    /// Per compared article (same order as given), its figures for this measure.
    pub cells: Vec<Vec<Figure>>,
    /// Two articles state values no reading can reconcile.
    pub disagreement: bool,
}

/// A table of figures across articles, one row per measure, with disagreements flagged. Ages and
/// plain percentages are left out: they rarely concern the same thing across articles.
pub fn table(articles: &[&Article]) -> Vec<FigureRow> {
    let per: Vec<Vec<Figure>> = articles.iter().map(|a| extract(a)).collect();
    let mut rows: BTreeMap<Measure, Vec<Vec<Figure>>> = BTreeMap::new();
    for (k, figs) in per.iter().enumerate() {
        for f in figs {
            if matches!(f.measure, Measure::Age | Measure::Percent) {
                continue;
            }
            rows.entry(f.measure)
                .or_insert_with(|| vec![Vec::new(); articles.len()])[k]
                .push(f.clone());
        }
    }
    rows.into_iter()
        .map(|(measure, cells)| {
            let disagreement = measure.comparable() && disagree(measure, &cells);
            FigureRow {
                measure,
                cells,
                disagreement,
            }
        })
        .collect()
}

/// Whether two articles' claims cannot both be true: for vote shares, compared per person named;
/// otherwise each article's largest claim is compared.
fn disagree(measure: Measure, cells: &[Vec<Figure>]) -> bool {
    let overlap = |a: (f64, f64), b: (f64, f64)| a.0 <= b.1 && b.0 <= a.1;
    let pick = |figs: &[Figure], subject: Option<&str>| -> Option<(f64, f64)> {
        figs.iter()
            .filter(|f| subject.is_none() || f.subject.as_deref() == subject)
            .map(|f| f.interval())
            .max_by(|a, b| a.0.total_cmp(&b.0))
    };
    let subjects: Vec<Option<&str>> = if measure == Measure::VoteShare {
        let mut s: Vec<Option<&str>> = cells
            .iter()
            .flatten()
            .map(|f| f.subject.as_deref())
            .collect();
        s.sort();
        s.dedup();
        s
    } else {
        vec![None]
    };
    subjects.into_iter().any(|subject| {
        let claims: Vec<(f64, f64)> = cells.iter().filter_map(|c| pick(c, subject)).collect();
        claims
            .iter()
            .enumerate()
            .any(|(i, a)| claims[i + 1..].iter().any(|b| !overlap(*a, *b)))
    })
}

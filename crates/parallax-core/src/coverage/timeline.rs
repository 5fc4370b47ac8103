//! The corpus along a date axis, one lane per outlet.

use crate::date::Date;
use crate::export::{Table, Value};
use crate::ingest::{Article, Provenance};
use crate::Corpus;

/// One article on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    /// Index of the article.
    pub doc: usize,
    /// Lane: index into [`Timeline::outlets`].
    pub lane: usize,
    /// First possible day.
    pub first: Date,
    /// Last possible day (the same as `first` for a known day).
    pub last: Date,
    /// The date is inferred from the text, not stated.
    pub inferred: bool,
}

/// The corpus along a date axis, one lane per outlet.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// Outlet labels, one lane each.
    pub outlets: Vec<String>,
    /// Dated articles.
    pub items: Vec<TimelineItem>,
    /// Articles with no date at all.
    pub undated: Vec<usize>,
    /// First day of the axis.
    pub start: Date,
    /// Last day of the axis.
    pub end: Date,
}

/// A timeline's date axis, from its first to its last day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

impl Axis {
    /// Where a day falls on the axis, from 0 (first day) to 1 (last day).
    pub fn position(&self, d: Date) -> f64 {
        let span = (self.end.to_days() - self.start.to_days()).max(1) as f64;
        (d.to_days() - self.start.to_days()) as f64 / span
    }

    /// The day at a position on the axis (clamped to it).
    pub fn day_at(&self, x: f64) -> Date {
        let span = (self.end.to_days() - self.start.to_days()).max(1) as f64;
        let x = if x.is_finite() {
            x.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.start.add_days((x * span).round() as i64)
    }
}

/// Lays the whole corpus out on a timeline. The axis spans the articles' dates with a day of
/// margin on each side.
pub fn timeline(corpus: &Corpus) -> Timeline {
    let mut outlets: Vec<String> = corpus.articles.iter().map(Article::outlet_label).collect();
    outlets.sort();
    outlets.dedup();
    let mut items = Vec::new();
    let mut undated = Vec::new();
    for (doc, a) in corpus.articles.iter().enumerate() {
        let Some((first, last)) = a.date.interval() else {
            undated.push(doc);
            continue;
        };
        items.push(TimelineItem {
            doc,
            lane: outlets.binary_search(&a.outlet_label()).unwrap_or(0),
            first,
            last,
            inferred: matches!(a.date.provenance, Provenance::Inferred),
        });
    }
    let start = items.iter().map(|i| i.first).min();
    let end = items.iter().map(|i| i.last).max();
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s.add_days(-1), e.add_days(1)),
        _ => {
            let d = Date::from_days(0);
            (d, d.add_days(1))
        }
    };
    Timeline {
        outlets,
        items,
        undated,
        start,
        end,
    }
}

impl Timeline {
    /// Where a day falls on the axis, 0 at `start` and 1 at `end`.
    pub fn position(&self, d: Date) -> f64 {
        self.axis().position(d)
    }

    /// The day at a position on the axis (clamped to it).
    pub fn day_at(&self, x: f64) -> Date {
        self.axis().day_at(x)
    }

    /// The date axis alone (a small copyable value, for a chart's event handlers).
    pub fn axis(&self) -> Axis {
        Axis {
            start: self.start,
            end: self.end,
        }
    }

    /// Labelled ticks for the axis, at most `max`: days, weeks, months, quarters or years,
    /// whichever step fits.
    pub fn ticks(&self, max: usize) -> Vec<(Date, String)> {
        let days = self.end.to_days() - self.start.to_days();
        let max = max.max(2) as i64;
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let month_name = |d: Date| MONTHS[usize::from(d.month.clamp(1, 12)) - 1];
        for step in [1i64, 2, 7, 14] {
            if days / step < max {
                return (0..=days / step)
                    .map(|k| self.start.add_days(k * step))
                    .map(|d| (d, format!("{} {}", d.day, month_name(d))))
                    .collect();
            }
        }
        for months in [1u8, 3, 6, 12] {
            let mut out = Vec::new();
            let mut d = Date::new(self.start.year, self.start.month, 1).unwrap_or(self.start);
            while d <= self.end {
                if d >= self.start && (d.month - 1).is_multiple_of(months) {
                    let label = if d.month == 1 || out.is_empty() {
                        format!("{} {}", month_name(d), d.year)
                    } else {
                        month_name(d).to_string()
                    };
                    out.push((d, label));
                }
                d = if d.month == 12 {
                    Date::new(d.year + 1, 1, 1).unwrap_or(self.end.add_days(1))
                } else {
                    Date::new(d.year, d.month + 1, 1).unwrap_or(self.end.add_days(1))
                };
            }
            if out.len() as i64 <= max {
                return out;
            }
        }
        vec![
            (self.start, self.start.year.to_string()),
            (self.end, self.end.year.to_string()),
        ]
    }

    /// The timeline as a table: one line per article.
    pub fn table(&self, corpus: &Corpus) -> Table {
        let mut rows: Vec<Vec<Value>> = Vec::new();
        for i in &self.items {
            let a = &corpus.articles[i.doc];
            rows.push(vec![
                a.id.clone().into(),
                a.title.text.clone().into(),
                self.outlets[i.lane].clone().into(),
                a.date.iso().into(),
                i.first.to_string().into(),
                i.last.to_string().into(),
                a.date.provenance.as_str().into(),
            ]);
        }
        for &d in &self.undated {
            let a = &corpus.articles[d];
            rows.push(vec![
                a.id.clone().into(),
                a.title.text.clone().into(),
                a.outlet_label().into(),
                "".into(),
                "".into(),
                "".into(),
                a.date.provenance.as_str().into(),
            ]);
        }
        Table {
            name: "timeline".into(),
            columns: [
                "article",
                "title",
                "outlet",
                "date",
                "earliest",
                "latest",
                "date_source",
            ]
            .iter()
            .map(|c| c.to_string())
            .collect(),
            rows,
        }
    }
}

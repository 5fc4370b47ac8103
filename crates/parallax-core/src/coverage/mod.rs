//! Coverage across outlets: how each outlet (or actor) covered the story, from the stance tags,
//! the dates, the spellings of names and the figures of the whole corpus.
//!
//! Everything here works on a [`Selection`]: the articles whose dates fall in a [`DateRange`]
//! (the timeline's brush). Each view has a `table()` for CSV and JSON export
//! ([`crate::export::Table`]). One file a view: the stance matrix (`matrix`) and its drawing,
//! laid out once for the page and the SVG file (`layout`), who is heard
//! (`ledger`), the timeline (`timeline`), name spellings (`names`) and figures across outlets
//! (`across`); the selection and the polarity and voice wording here.

use crate::date::Date;
use crate::ingest::Article;
use crate::stance::{Polarity, Voice};
use crate::Corpus;

mod across;
pub mod layout;
mod ledger;
mod matrix;
mod names;
mod timeline;

pub use across::*;
pub use layout::{LayoutCell, LayoutColumn, LayoutRow, MatrixLayout};
pub use ledger::*;
pub use matrix::*;
pub use names::*;
pub use timeline::*;

/// What the matrix's rows are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Rows {
    /// One row per outlet (the article's outlet label: `UrduPoint / Sputnik`).
    #[default]
    Outlets,
    /// One row per actor who takes positions.
    Actors,
}

impl Rows {
    /// The URL form: `outlet` or `actor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rows::Outlets => "outlet",
            Rows::Actors => "actor",
        }
    }

    /// Reads the URL form.
    pub fn parse(s: &str) -> Option<Rows> {
        match s {
            "outlet" | "outlets" => Some(Rows::Outlets),
            "actor" | "actors" => Some(Rows::Actors),
            _ => None,
        }
    }
}

/// A range of days, both ends included; either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// First day.
    pub from: Option<Date>,
    /// Last day.
    pub to: Option<Date>,
}

impl DateRange {
    /// Whether the range leaves nothing out.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether an article may date from within the range. An undated article is admitted only
    /// when the range is open at both ends.
    pub fn admits(&self, a: &Article) -> bool {
        if self.is_all() {
            return true;
        }
        a.date
            .interval()
            .is_some_and(|(first, last)| self.admits_days(first, last))
    }

    /// Whether a date known to lie between `first` and `last` (a timeline item's) is in range.
    pub fn admits_days(&self, first: Date, last: Date) -> bool {
        self.from.is_none_or(|f| last >= f) && self.to.is_none_or(|t| first <= t)
    }
}

/// The articles a coverage view works on.
#[derive(Clone, Debug)]
pub struct Selection<'c> {
    /// The corpus.
    pub corpus: &'c Corpus,
    /// The range that selected them.
    pub range: DateRange,
    /// Indices of the selected articles.
    pub docs: Vec<usize>,
    /// Undated articles a range left out.
    pub undated_left_out: usize,
}

/// The articles a date range selects, without the corpus: what a page keeps (in one memo) and
/// lends to each of its sections as a [`Selection`] with [`Picked::over`]. Owning no borrow, it
/// can live as long as the page, whatever holds the corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picked {
    /// The range that selected them.
    pub range: DateRange,
    /// Indices of the selected articles.
    pub docs: Vec<usize>,
    /// Undated articles a range left out.
    pub undated_left_out: usize,
}

impl Picked {
    /// The selection over `corpus`, the corpus these articles were picked from.
    pub fn over<'c>(&self, corpus: &'c Corpus) -> Selection<'c> {
        Selection {
            corpus,
            range: self.range,
            docs: self.docs.clone(),
            undated_left_out: self.undated_left_out,
        }
    }
}

/// Picks the articles in a date range; [`select`] with the corpus left out.
pub fn pick(corpus: &Corpus, range: DateRange) -> Picked {
    let docs: Vec<usize> = (0..corpus.articles.len())
        .filter(|&d| range.admits(&corpus.articles[d]))
        .collect();
    let undated_left_out = if range.is_all() {
        0
    } else {
        corpus
            .articles
            .iter()
            .filter(|a| a.date.interval().is_none())
            .count()
    };
    Picked {
        range,
        docs,
        undated_left_out,
    }
}

/// Selects the articles in a date range.
pub fn select(corpus: &Corpus, range: DateRange) -> Selection<'_> {
    let Picked {
        range,
        docs,
        undated_left_out,
    } = pick(corpus, range);
    Selection {
        corpus,
        range,
        docs,
        undated_left_out,
    }
}

/// The three polarities, in the order the views show them ([`Polarity::ALL`]).
pub const POLARITIES: [Polarity; 3] = Polarity::ALL;

/// The three voices, in the order the views show them ([`Voice::ALL`]).
pub const VOICES: [Voice; 3] = Voice::ALL;

fn polarity_index(p: Polarity) -> usize {
    match p {
        Polarity::Support => 0,
        Polarity::Oppose => 1,
        Polarity::NeutralReport => 2,
    }
}

fn voice_index(v: Voice) -> usize {
    match v {
        Voice::Quoted => 0,
        Voice::Reported => 1,
        Voice::Outlet => 2,
    }
}

/// Chart colour of a polarity (the same in the page and in exported SVG files).
pub fn polarity_colour(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "#2e7d4f",
        Polarity::Oppose => "#b5303c",
        Polarity::NeutralReport => "#8a8f99",
    }
}

/// Chart opacity of a voice: quoted solid, reported lighter, the outlet's own palest.
pub fn voice_opacity(v: Voice) -> &'static str {
    match v {
        Voice::Quoted => "1",
        Voice::Reported => "0.6",
        Voice::Outlet => "0.32",
    }
}

/// A label cut to `max` characters with an ellipsis (an outlet label of several wires in a
/// timeline lane); the whole label stays available as a title.
pub fn short_label(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let cut: String = label.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end_matches([' ', '/']))
}

#[cfg(test)]
mod label_tests {
    #[test]
    fn short_labels() {
        for (label, want) in [
            ("Reuters", "Reuters"),
            ("Al Jazeera / AFP / Reuters", "Al Jazeera / AFP…"),
            ("", ""),
        ] {
            assert_eq!(super::short_label(label, 20), want, "{label}");
        }
    }
}

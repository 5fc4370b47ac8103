//! The stance matrix: rows (outlets or actors) by targets, each cell counted by polarity and
//! voice, exported as a table; its drawing (the page's and the SVG file's) is in `layout`.

use super::*;
use crate::export::{Table, Value};
use crate::stance::{Polarity, Tag, Voice};
use crate::Corpus;
use std::collections::BTreeMap;

/// Stance statements counted by polarity and voice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    n: [[u32; 3]; 3],
}

impl Counts {
    /// Counts from a grid of polarity × voice, in the order of [`POLARITIES`] and [`VOICES`].
    #[cfg(test)]
    pub(crate) fn from_grid(n: [[u32; 3]; 3]) -> Counts {
        Counts { n }
    }

    fn add(&mut self, tag: &Tag) {
        self.n[polarity_index(tag.stance)][voice_index(tag.voice)] += 1;
    }

    /// Statements of this polarity in this voice.
    pub fn get(&self, p: Polarity, v: Voice) -> u32 {
        self.n[polarity_index(p)][voice_index(v)]
    }

    /// Statements of this polarity, in any voice.
    pub fn of(&self, p: Polarity) -> u32 {
        self.n[polarity_index(p)].iter().sum()
    }

    /// All statements.
    pub fn total(&self) -> u32 {
        self.n.iter().flatten().sum()
    }

    /// The cell's bar: one segment per polarity and voice with statements, in the views' order,
    /// `unit` wide per statement (each drawn a hair narrower, so that segments stay apart).
    pub fn bar(&self, unit: f64) -> Vec<BarSegment> {
        let mut out = Vec::new();
        let mut x = 0.0;
        for polarity in POLARITIES {
            for voice in VOICES {
                let n = self.get(polarity, voice);
                if n == 0 {
                    continue;
                }
                let w = unit * f64::from(n);
                out.push(BarSegment {
                    x,
                    width: (w - 1.0).max(1.5),
                    polarity,
                    voice,
                });
                x += w;
            }
        }
        out
    }
}

/// A segment of a matrix cell's bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSegment {
    /// Where it starts, from the bar's left end.
    pub x: f64,
    /// How wide it is drawn.
    pub width: f64,
    /// The polarity it counts (its colour).
    pub polarity: Polarity,
    /// The voice it counts (its shade).
    pub voice: Voice,
}

/// One row of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    /// Key in links: the outlet label, or the actor id.
    pub key: String,
    /// What the row shows: the outlet label or the actor's name.
    pub label: String,
    /// For actors, the group their affiliation rolls up to; for outlets, empty.
    pub group: String,
    /// How many selected articles the row draws on.
    pub articles: usize,
    /// For actors, the outlets that carry their statements; for outlets, empty.
    pub via: Vec<String>,
    /// Per target (same order as [`Matrix::targets`]).
    pub cells: Vec<Counts>,
}

impl MatrixRow {
    /// All statements of the row.
    pub fn total(&self) -> u32 {
        self.cells.iter().map(Counts::total).sum()
    }
}

/// Rows (outlets or actors) × targets: the stance statements of the selected articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    /// What the rows are.
    pub rows_by: Rows,
    /// Target ids and labels: the profile's, then any other target a tag names.
    pub targets: Vec<(String, String)>,
    /// The rows with at least one statement (outlets: every selected outlet).
    pub rows: Vec<MatrixRow>,
}

/// The key of the row a statement falls in.
pub(crate) fn row_key(corpus: &Corpus, by: Rows, doc: usize, tag: &Tag) -> String {
    match by {
        Rows::Outlets => corpus.articles[doc].outlet_label(),
        Rows::Actors => tag.actor.to_string(),
    }
}

/// Every (article, tag) of the selection.
pub(crate) fn tags<'s, 'c>(sel: &'s Selection<'c>) -> impl Iterator<Item = (usize, &'c Tag)> + 's {
    doc_tags(sel.corpus, &sel.docs)
}

/// Every (article, tag) of the articles `docs`.
pub(crate) fn doc_tags<'d, 'c>(
    corpus: &'c Corpus,
    docs: &'d [usize],
) -> impl Iterator<Item = (usize, &'c Tag)> + 'd
where
    'c: 'd,
{
    docs.iter().flat_map(move |&d| {
        corpus
            .stances
            .get(d)
            .into_iter()
            .flatten()
            .map(move |t| (d, t))
    })
}

/// Builds the matrix.
pub fn matrix(sel: &Selection<'_>, by: Rows) -> Matrix {
    let corpus = sel.corpus;
    let profile = &corpus.profile;
    let mut targets: Vec<(String, String)> = profile
        .targets
        .iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    for (_, tag) in tags(sel) {
        if !targets.iter().any(|(id, _)| *id == tag.target) {
            targets.push((tag.target.to_string(), profile.target_label(&tag.target)));
        }
    }
    let mut rows: BTreeMap<String, (Vec<Counts>, Vec<usize>)> = BTreeMap::new();
    if by == Rows::Outlets {
        for &d in &sel.docs {
            rows.entry(corpus.articles[d].outlet_label())
                .or_insert_with(|| (vec![Counts::default(); targets.len()], Vec::new()))
                .1
                .push(d);
        }
    }
    for (d, tag) in tags(sel) {
        let t = targets
            .iter()
            .position(|(id, _)| *id == tag.target)
            .unwrap_or(0);
        let row = rows
            .entry(row_key(corpus, by, d, tag))
            .or_insert_with(|| (vec![Counts::default(); targets.len()], Vec::new()));
        row.0[t].add(tag);
        if by == Rows::Actors && row.1.last() != Some(&d) {
            row.1.push(d);
        }
    }
    let mut rows: Vec<MatrixRow> = rows
        .into_iter()
        .map(|(key, (cells, docs))| {
            let (label, group) = match by {
                Rows::Outlets => (key.clone(), String::new()),
                Rows::Actors => (profile.actor_name(&key), profile.group_of(&key).1),
            };
            let mut via: Vec<String> = match by {
                Rows::Outlets => Vec::new(),
                Rows::Actors => docs
                    .iter()
                    .map(|&d| corpus.articles[d].outlet_label())
                    .collect(),
            };
            via.sort();
            via.dedup();
            MatrixRow {
                label,
                group,
                via,
                articles: docs.len(),
                cells,
                key,
            }
        })
        .collect();
    if by == Rows::Actors {
        rows.sort_by(|a, b| b.total().cmp(&a.total()).then(a.label.cmp(&b.label)));
    }
    Matrix {
        rows_by: by,
        targets,
        rows,
    }
}

impl Matrix {
    /// The matrix as a table: one line per row and target with statements, counts per polarity
    /// and voice.
    pub fn table(&self) -> Table {
        let mut columns = vec![
            self.rows_by.as_str().to_string(),
            "group".to_string(),
            "target".to_string(),
            "target_label".to_string(),
        ];
        for p in POLARITIES {
            for v in VOICES {
                columns.push(format!("{}_{}", p.name(), v.name()));
            }
        }
        columns.push("total".into());
        let mut rows = Vec::new();
        for r in &self.rows {
            for ((id, label), c) in self.targets.iter().zip(&r.cells) {
                if c.total() == 0 {
                    continue;
                }
                let mut row: Vec<Value> = vec![
                    r.label.clone().into(),
                    r.group.clone().into(),
                    id.clone().into(),
                    label.clone().into(),
                ];
                for p in POLARITIES {
                    for v in VOICES {
                        row.push(c.get(p, v).into());
                    }
                }
                row.push(c.total().into());
                rows.push(row);
            }
        }
        Table {
            name: format!("coverage-matrix-by-{}", self.rows_by.as_str()),
            columns,
            rows,
        }
    }
}

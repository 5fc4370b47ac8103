//! A side-by-side comparison of two to four articles: the first is the pivot, every other one is
//! aligned to it ([`crate::align::align`]), and the alignments are woven into rows — one row per
//! pivot paragraph, with its counterparts beside it, and the paragraphs only another article has
//! on rows of their own. Also "who is heard" in each compared article, from the quote ledger's
//! tally ([`crate::coverage::ledger`]).

use crate::align::{align, diff, Alignment, DiffOp, Kind, Pair, Thresholds};
use crate::stance::Polarity;
use crate::view_state::PassageKey;
use crate::{Article, Corpus, Span};

/// One cell of a comparison row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// This article has no counterpart on this row.
    Missing,
    /// A paragraph of the column's article.
    Para {
        /// The paragraph (index into the article's paragraphs).
        para: usize,
        /// In a column after the pivot: how this paragraph pairs with the pivot's paragraph of
        /// the row (`pair.a` is the pivot's paragraph, `pair.b` this one).
        pair: Option<Pair>,
        /// No other compared article has a counterpart ("only here").
        alone: bool,
        /// The pivot's paragraph in a two-article comparison, when the other article copies it
        /// (verbatim or edited): the copy's paragraph, which the pivot's words are diffed against.
        against: Option<usize>,
    },
}

impl Cell {
    fn solo(para: usize) -> Cell {
        Cell::Para {
            para,
            pair: None,
            alone: true,
            against: None,
        }
    }
}

/// How many pairs of each kind an article shares with the pivot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Verbatim copies.
    pub verbatim: usize,
    /// Edited copies.
    pub near: usize,
    /// Paraphrases.
    pub paraphrase: usize,
}

/// The words of a cell's paragraph to mark as changed, relative to the paragraph's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marks {
    /// Nothing to mark (a paraphrase, or a paragraph no other article copies).
    None,
    /// Words of a copy that the pivot's paragraph lacks (inserted or changed).
    Inserted(Vec<Span>),
    /// Words of the pivot's paragraph that its copy lacks (deleted or changed).
    Deleted(Vec<Span>),
}

/// Two to four articles aligned to the first and woven into rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The compared articles' ids, one per column, the pivot first.
    pub ids: Vec<String>,
    /// Each article after the pivot aligned to the pivot (`a` is the pivot).
    pub alignments: Vec<Alignment>,
    /// The rows: one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Comparison {
    /// Aligns `articles[1..]` to `articles[0]` and weaves the rows ([`rows`]).
    pub fn new(articles: &[&Article], t: &Thresholds) -> Comparison {
        let Some((pivot, others)) = articles.split_first() else {
            return Comparison {
                ids: Vec::new(),
                alignments: Vec::new(),
                rows: Vec::new(),
            };
        };
        let alignments: Vec<Alignment> = others.iter().map(|b| align(pivot, b, t)).collect();
        let rows = rows(crate::align::alignable(pivot), &alignments);
        Comparison {
            ids: articles.iter().map(|a| a.id.clone()).collect(),
            alignments,
            rows,
        }
    }

    /// How many pairs of each kind column `column` (from 1) shares with the pivot.
    pub fn counts(&self, column: usize) -> KindCounts {
        let mut c = KindCounts::default();
        let Some(al) = column.checked_sub(1).and_then(|i| self.alignments.get(i)) else {
            return c;
        };
        for p in &al.pairs {
            match p.kind {
                Kind::Verbatim => c.verbatim += 1,
                Kind::Near => c.near += 1,
                Kind::Paraphrase => c.paraphrase += 1,
            }
        }
        c
    }

    /// The `focus=` key of a cell's paragraph.
    pub fn key(&self, column: usize, para: usize) -> Option<PassageKey> {
        Some(PassageKey::new(self.ids.get(column)?.clone(), para))
    }

    /// The row holding the passage `key` names, if a compared article's paragraph on a row.
    pub fn row_of(&self, key: &PassageKey) -> Option<usize> {
        self.rows.iter().position(|row| {
            row.iter().enumerate().any(|(column, cell)| match cell {
                Cell::Para { para, .. } => {
                    *para == key.paragraph && self.ids.get(column) == Some(&key.doc)
                }
                Cell::Missing => false,
            })
        })
    }
}

/// The rows of a comparison, from the pivot's alignable paragraphs (in order) and each other
/// article's alignment to the pivot: pivot order, with the second article's own paragraphs
/// woven in where they stand in it (before the first of its paragraphs that pairs after them);
/// the further articles' own paragraphs follow at the end, article by article.
pub fn rows(pivot: impl IntoIterator<Item = usize>, others: &[Alignment]) -> Vec<Vec<Cell>> {
    let width = others.len() + 1;
    let solo_row = |column: usize, para: usize| {
        let mut row = vec![Cell::Missing; width];
        row[column] = Cell::solo(para);
        row
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut pending_b: Vec<usize> = others
        .first()
        .map(|al| al.only_b.clone())
        .unwrap_or_default();
    for p in pivot {
        let mut against = None;
        let mut row = vec![Cell::Missing];
        for (k, al) in others.iter().enumerate() {
            match al.pairs.iter().find(|pair| pair.a == p) {
                Some(pair) => {
                    if k == 0 {
                        // The second article's own paragraphs that come before this one go first.
                        let (before, after): (Vec<usize>, Vec<usize>) =
                            pending_b.iter().partition(|&&b| b < pair.b);
                        rows.extend(before.into_iter().map(|b| solo_row(1, b)));
                        pending_b = after;
                    }
                    if width == 2 && pair.kind != Kind::Paraphrase {
                        against = Some(pair.b);
                    }
                    row.push(Cell::Para {
                        para: pair.b,
                        pair: Some(pair.clone()),
                        alone: false,
                        against: None,
                    });
                }
                None => row.push(Cell::Missing),
            }
        }
        row[0] = Cell::Para {
            para: p,
            pair: None,
            alone: row[1..].iter().all(|c| *c == Cell::Missing),
            against,
        };
        rows.push(row);
    }
    for (k, al) in others.iter().enumerate() {
        let rest: Vec<usize> = if k == 0 {
            std::mem::take(&mut pending_b)
        } else {
            al.only_b.clone()
        };
        rows.extend(rest.into_iter().map(|b| solo_row(k + 1, b)));
    }
    rows
}

/// What to mark in a cell of column `column` of a comparison of `articles`: in a copy, the words
/// the pivot's paragraph lacks; in the pivot's paragraph of a two-article comparison, the words
/// its copy lacks. Spans are relative to the cell's paragraph.
pub fn marks(articles: &[&Article], column: usize, cell: &Cell) -> Marks {
    let Cell::Para {
        para,
        pair,
        against,
        ..
    } = cell
    else {
        return Marks::None;
    };
    fn text(a: &Article, p: usize) -> Option<&str> {
        a.paragraphs.get(p).map(|x| a.slice(x.span))
    }
    let (Some(pivot), Some(article)) = (articles.first(), articles.get(column)) else {
        return Marks::None;
    };
    match (pair, against) {
        (Some(pair), _) if pair.kind != Kind::Paraphrase => {
            let (Some(a), Some(b)) = (text(pivot, pair.a), text(article, *para)) else {
                return Marks::None;
            };
            Marks::Inserted(
                diff(a, b)
                    .into_iter()
                    .filter_map(|op| match op {
                        DiffOp::Insert { b } | DiffOp::Replace { b, .. } => Some(b),
                        _ => None,
                    })
                    .collect(),
            )
        }
        (None, Some(copy)) => {
            let (Some(a), Some(b)) = (
                text(article, *para),
                articles.get(1).and_then(|o| text(o, *copy)),
            ) else {
                return Marks::None;
            };
            Marks::Deleted(
                diff(a, b)
                    .into_iter()
                    .filter_map(|op| match op {
                        DiffOp::Delete { a } | DiffOp::Replace { a, .. } => Some(a),
                        _ => None,
                    })
                    .collect(),
            )
        }
        _ => Marks::None,
    }
}

/// How an article gives an actor's positions, in the "who is heard" table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// At least one statement in direct quotation.
    Quoted,
    /// Reported speech (and no quotation).
    Reported,
    /// Only the outlet's own words (the outlet itself as the actor).
    OwnWords,
}

impl Heard {
    /// The words in the table's cell: `quoted`, `reported`, `in its own words` (the row is
    /// "The outlet itself", so it says less than [`Voice::label`](crate::stance::Voice::label)).
    pub fn label(self) -> &'static str {
        match self {
            Heard::Quoted => "quoted",
            Heard::Reported => "reported",
            Heard::OwnWords => "in its own words",
        }
    }
}

/// One actor in one compared article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeardCell {
    /// How the article gives the actor's positions.
    pub voice: Heard,
    /// The positions: (target id, polarity), by target.
    pub positions: Vec<(String, Polarity)>,
}

/// One row of the "who is heard" table: an actor, and a cell per compared article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeardRow {
    /// Actor id.
    pub actor: String,
    /// The actor's name.
    pub name: String,
    /// Per compared article, in order: what it gives the actor, if anything.
    pub cells: Vec<Option<HeardCell>>,
}

/// Who each of the articles `docs` quotes or reports, and which positions it gives them: the
/// quote ledger's tally per article, with the outlet's own voice kept. One row per actor, by id.
pub fn heard(corpus: &Corpus, docs: &[usize]) -> Vec<HeardRow> {
    let per_doc: Vec<_> = docs
        .iter()
        .map(|&d| crate::coverage::tally(corpus, &[d], true))
        .collect();
    let mut actors: Vec<&str> = per_doc.iter().flat_map(|t| t.keys().copied()).collect();
    actors.sort_unstable();
    actors.dedup();
    actors
        .into_iter()
        .map(|actor| HeardRow {
            actor: actor.to_string(),
            name: corpus.profile.actor_name(actor),
            cells: per_doc
                .iter()
                .map(|t| {
                    let a = t.get(actor)?;
                    let voice = if a.quoted > 0 {
                        Heard::Quoted
                    } else if a.reported == 0 {
                        Heard::OwnWords
                    } else {
                        Heard::Reported
                    };
                    let mut positions: Vec<(String, Polarity)> = a
                        .positions
                        .iter()
                        .map(|(t, p, _)| (t.clone(), *p))
                        .collect();
                    positions.sort_by(|x, y| x.0.cmp(&y.0));
                    Some(HeardCell { voice, positions })
                })
                .collect(),
        })
        .collect()
}

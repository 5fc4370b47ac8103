//! The numeric claims across outlets: what each says of the same measure.

use super::*;
use crate::export::Table;
use crate::figures::{self, Figure, Measure};
use crate::ingest::Article;
use crate::Corpus;

/// A figure and the article stating it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Index of the article.
    pub doc: usize,
    /// The figure.
    pub figure: Figure,
}

/// One measure across outlets.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureLine {
    /// What is counted.
    pub measure: Measure,
    /// Per outlet (same order as [`FiguresAcross::outlets`]), its claims.
    pub cells: Vec<Vec<Claim>>,
    /// Two articles state values that cannot both be true.
    pub disagreement: bool,
}

/// The figures table of the comparison, over every selected article, one column per outlet.
#[derive(Clone, Debug, PartialEq)]
pub struct FiguresAcross {
    /// Outlet labels (columns).
    pub outlets: Vec<String>,
    /// One line per measure.
    pub lines: Vec<FigureLine>,
}

/// Builds the figures table over the selection.
pub fn figures_across(sel: &Selection<'_>) -> FiguresAcross {
    let corpus = sel.corpus;
    let articles: Vec<&Article> = sel.docs.iter().map(|&d| &corpus.articles[d]).collect();
    let mut outlets: Vec<String> = articles.iter().map(|a| a.outlet_label()).collect();
    outlets.sort();
    outlets.dedup();
    let column: Vec<usize> = articles
        .iter()
        .map(|a| outlets.binary_search(&a.outlet_label()).unwrap_or(0))
        .collect();
    let lines = figures::table(&articles)
        .into_iter()
        .map(|row| {
            let mut cells = vec![Vec::new(); outlets.len()];
            for (k, figs) in row.cells.into_iter().enumerate() {
                for figure in figs {
                    cells[column[k]].push(Claim {
                        doc: sel.docs[k],
                        figure,
                    });
                }
            }
            FigureLine {
                measure: row.measure,
                cells,
                disagreement: row.disagreement,
            }
        })
        .collect();
    FiguresAcross { outlets, lines }
}

impl FiguresAcross {
    /// As a table: one line per claim.
    pub fn table(&self, corpus: &Corpus) -> Table {
        let mut rows = Vec::new();
        for line in &self.lines {
            for (outlet, claims) in self.outlets.iter().zip(&line.cells) {
                for c in claims {
                    let a = &corpus.articles[c.doc];
                    rows.push(vec![
                        line.measure.label().into(),
                        outlet.clone().into(),
                        a.id.clone().into(),
                        (c.figure.paragraph + 1).into(),
                        c.figure.normalised().into(),
                        a.slice(c.figure.span).to_string().into(),
                        c.figure.subject.clone().unwrap_or_default().into(),
                        (if line.disagreement { "yes" } else { "no" }).into(),
                    ]);
                }
            }
        }
        Table {
            name: "figures".into(),
            columns: [
                "measure",
                "outlet",
                "article",
                "paragraph",
                "value",
                "as_written",
                "about",
                "outlets_disagree",
            ]
            .iter()
            .map(|c| c.to_string())
            .collect(),
            rows,
        }
    }
}

//! The stance matrix: rows (outlets or actors) by targets, each cell counted by polarity and
//! voice, drawn as a table and as a standalone SVG.

use super::*;
use crate::export::{xml_escape, Table, Value};
use crate::stance::{Polarity, Tag, Voice};
use crate::Corpus;
use std::collections::BTreeMap;

/// Stance statements counted by polarity and voice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    n: [[u32; 3]; 3],
}

impl Counts {
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
        Rows::Actors => tag.actor.clone(),
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
            targets.push((tag.target.clone(), profile.target_label(&tag.target)));
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

/// Breaks a label into lines of about `width` characters, at most `max` lines.
pub(crate) fn wrap(label: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(l) = lines.last_mut() {
            l.push('…');
        }
    }
    lines
}

impl Matrix {
    /// The matrix as a standalone SVG chart: signed counts and bars per cell (polarity by colour
    /// and sign, voice by opacity), with a title, a description, axis labels and a legend.
    pub fn svg(&self, title: &str) -> String {
        use std::fmt::Write as _;
        const LABEL_W: f64 = 230.0;
        const COL_W: f64 = 100.0;
        const ROW_H: f64 = 40.0;
        const HEAD_H: f64 = 64.0;
        const TOP: f64 = 44.0;
        let width = LABEL_W + COL_W * self.targets.len() as f64 + 16.0;
        let height = TOP + HEAD_H + ROW_H * self.rows.len().max(1) as f64 + 56.0;
        let max = self
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(Counts::total))
            .max()
            .unwrap_or(1)
            .max(1);
        let mut out = String::new();
        let esc = |s: &str| {
            let mut e = String::new();
            xml_escape(s, &mut e);
            e
        };
        let rows_word = match self.rows_by {
            Rows::Outlets => "Outlet",
            Rows::Actors => "Actor",
        };
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui, sans-serif\" role=\"img\" aria-labelledby=\"t d\">\n<title id=\"t\">{}</title>\n<desc id=\"d\">{} rows ({}) by {} targets; each cell gives the statements {}.</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"12\" y=\"26\" font-size=\"17\" font-weight=\"700\" fill=\"#1b2330\">{}</text>\n",
            esc(title),
            self.rows.len(),
            rows_word.to_lowercase(),
            self.targets.len(),
            signs_in_words(),
            esc(title)
        );
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{}\" font-size=\"12\" font-weight=\"700\" fill=\"#4a5566\">{rows_word}</text>",
            TOP + HEAD_H - 8.0
        );
        for (i, (_, label)) in self.targets.iter().enumerate() {
            let x = LABEL_W + COL_W * i as f64 + 6.0;
            let lines = wrap(label, 13, 3);
            for (k, line) in lines.iter().enumerate() {
                let y = TOP + HEAD_H - 8.0 - 13.0 * (lines.len() - 1 - k) as f64;
                let _ = writeln!(
                    out,
                    "<text x=\"{x}\" y=\"{y}\" font-size=\"11\" font-weight=\"600\" fill=\"#4a5566\">{}</text>",
                    esc(line)
                );
            }
        }
        for (r, row) in self.rows.iter().enumerate() {
            let y = TOP + HEAD_H + ROW_H * r as f64;
            let _ = writeln!(
                out,
                "<line x1=\"8\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#e4e1da\"/>",
                width - 8.0
            );
            let _ = writeln!(
                out,
                "<text x=\"12\" y=\"{}\" font-size=\"12.5\" font-weight=\"650\" fill=\"#1b2330\">{}</text>",
                y + 17.0,
                esc(&row.label)
            );
            let mut sub = if row.via.is_empty() {
                row.group.clone()
            } else {
                format!("in {}", row.via.join(", "))
            };
            if sub.chars().count() > 38 {
                sub = sub.chars().take(37).collect::<String>() + "…";
            }
            if !sub.is_empty() {
                let _ = writeln!(
                    out,
                    "<text x=\"12\" y=\"{}\" font-size=\"10.5\" fill=\"#6b7585\">{}</text>",
                    y + 31.0,
                    esc(&sub)
                );
            }
            for (i, c) in row.cells.iter().enumerate() {
                let x = LABEL_W + COL_W * i as f64 + 6.0;
                if c.total() == 0 {
                    let _ = writeln!(
                        out,
                        "<text x=\"{x}\" y=\"{}\" font-size=\"12\" fill=\"#cfcac0\">–</text>",
                        y + 22.0
                    );
                    continue;
                }
                let signs: Vec<String> = POLARITIES
                    .iter()
                    .filter(|p| c.of(**p) > 0)
                    .map(|p| {
                        format!(
                            "<tspan fill=\"{}\">{}{}</tspan>",
                            polarity_colour(*p),
                            p.sign(),
                            c.of(*p)
                        )
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "<text x=\"{x}\" y=\"{}\" font-size=\"12\" font-weight=\"700\">{}</text>",
                    y + 16.0,
                    signs.join(" ")
                );
                for seg in c.bar((COL_W - 16.0) / f64::from(max)) {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"8\" fill=\"{}\" fill-opacity=\"{}\"/>",
                        x + seg.x,
                        y + 23.0,
                        seg.width,
                        polarity_colour(seg.polarity),
                        voice_opacity(seg.voice)
                    );
                }
            }
        }
        let ly = height - 24.0;
        // The neutral sign stays in the text colour: the grey of its bars is too pale for a glyph.
        let legend: Vec<String> = POLARITIES
            .iter()
            .map(|&p| match p {
                Polarity::NeutralReport => format!(
                    "<tspan font-weight=\"700\">{}</tspan> {}",
                    p.sign(),
                    p.counted()
                ),
                _ => format!(
                    "<tspan fill=\"{}\" font-weight=\"700\">{}</tspan> {}",
                    polarity_colour(p),
                    p.sign(),
                    p.counted()
                ),
            })
            .collect();
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{ly}\" font-size=\"11\" fill=\"#4a5566\">{}. Bars: solid quoted, lighter reported speech, palest the outlet's own framing.</text>\n</svg>",
            legend.join(" · ")
        );
        out
    }
}

/// What the signs mean, for a description: `for (+), against (−) and reporting without a side (·)`.
fn signs_in_words() -> String {
    let words: Vec<String> = POLARITIES
        .iter()
        .map(|p| format!("{} ({})", p.counted(), p.sign()))
        .collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

//! The matrix laid out once: its rows, columns and cells with their positions, labels, signs and
//! bar segments. The page's table and the standalone SVG file both draw from a [`MatrixLayout`],
//! so the two drawings cannot drift apart.

use super::*;
use crate::export::xml_escape;
use crate::stance::Polarity;

/// Width of the row labels' column (SVG units).
pub const LABEL_WIDTH: f64 = 230.0;
/// Width of a target's column.
pub const COLUMN_WIDTH: f64 = 100.0;
/// Height of a row.
pub const ROW_HEIGHT: f64 = 40.0;
/// Height of the column headings.
pub const HEAD_HEIGHT: f64 = 64.0;
/// Space above the headings (the chart's title).
pub const TOP: f64 = 44.0;
/// Length of the longest cell bar (the cell with the most statements); every bar is to scale.
pub const BAR_WIDTH: f64 = 72.0;
/// Height of a cell bar.
pub const BAR_HEIGHT: f64 = 8.0;
/// A column heading wraps at about this many characters…
pub const HEADING_CHARS: usize = 13;
/// …into at most this many lines.
pub const HEADING_LINES: usize = 3;
/// A row's second line is cut to this many characters in the SVG file.
pub const SUB_CHARS: usize = 38;

/// A target's column.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutColumn {
    /// The target id (the key in links).
    pub key: String,
    /// The target's label.
    pub label: String,
    /// The label broken into lines for a fixed-width heading.
    pub lines: Vec<String>,
    /// Left edge of the column's content.
    pub x: f64,
}

/// A cell: one row's statements on one target.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutCell {
    /// The target id.
    pub target: String,
    /// Left edge of the cell's content (its column's `x`).
    pub x: f64,
    /// The statements counted.
    pub counts: Counts,
    /// Per polarity with statements, in the legend's order: the polarity and its count.
    pub signs: Vec<(Polarity, u32)>,
    /// The bar, to the scale of the longest ([`BAR_WIDTH`]).
    pub bar: Vec<BarSegment>,
}

impl LayoutCell {
    /// Whether the cell has no statements (drawn as a dash).
    pub fn is_empty(&self) -> bool {
        self.counts.total() == 0
    }
}

/// A row: an outlet or an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutRow {
    /// The outlet label or the actor id (the key in links).
    pub key: String,
    /// The outlet label or the actor's name.
    pub label: String,
    /// The second line: the actor's group and the outlets that carry them, else the group, else
    /// how many articles the row draws on.
    pub sub: String,
    /// Top edge of the row.
    pub y: f64,
    /// One cell per column, in the columns' order.
    pub cells: Vec<LayoutCell>,
}

/// The matrix laid out for drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixLayout {
    /// What the rows are.
    pub rows_by: Rows,
    /// The heading of the rows' column: `Outlet` or `Actor`.
    pub heading: &'static str,
    /// Width of the whole chart.
    pub width: f64,
    /// Height of the whole chart.
    pub height: f64,
    /// The targets' columns.
    pub columns: Vec<LayoutColumn>,
    /// The rows.
    pub rows: Vec<LayoutRow>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl MatrixLayout {
    /// Lays out a matrix.
    pub fn new(m: &Matrix) -> MatrixLayout {
        let most = m
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(Counts::total))
            .max()
            .unwrap_or(1)
            .max(1);
        let unit = BAR_WIDTH / f64::from(most);
        let columns: Vec<LayoutColumn> = m
            .targets
            .iter()
            .enumerate()
            .map(|(i, (key, label))| LayoutColumn {
                key: key.clone(),
                label: label.clone(),
                lines: wrap(label, HEADING_CHARS, HEADING_LINES),
                x: LABEL_WIDTH + COLUMN_WIDTH * i as f64 + 6.0,
            })
            .collect();
        let rows = m
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let sub = match (row.via.is_empty(), row.group.is_empty()) {
                    (false, _) => format!("{} · in {}", row.group, row.via.join(", ")),
                    (true, false) => row.group.clone(),
                    (true, true) => plural(row.articles, "article", "articles"),
                };
                let cells = columns
                    .iter()
                    .zip(&row.cells)
                    .map(|(col, c)| LayoutCell {
                        target: col.key.clone(),
                        x: col.x,
                        counts: *c,
                        signs: POLARITIES
                            .iter()
                            .map(|p| (*p, c.of(*p)))
                            .filter(|(_, n)| *n > 0)
                            .collect(),
                        bar: c.bar(unit),
                    })
                    .collect();
                LayoutRow {
                    key: row.key.clone(),
                    label: row.label.clone(),
                    sub,
                    y: TOP + HEAD_HEIGHT + ROW_HEIGHT * r as f64,
                    cells,
                }
            })
            .collect();
        MatrixLayout {
            rows_by: m.rows_by,
            heading: match m.rows_by {
                Rows::Outlets => "Outlet",
                Rows::Actors => "Actor",
            },
            width: LABEL_WIDTH + COLUMN_WIDTH * m.targets.len() as f64 + 16.0,
            height: TOP + HEAD_HEIGHT + ROW_HEIGHT * m.rows.len().max(1) as f64 + 56.0,
            columns,
            rows,
        }
    }

    /// The layout as a standalone SVG chart: signed counts and bars per cell (polarity by colour
    /// and sign, voice by opacity), with a title, a description, axis labels and a legend.
    pub fn svg(&self, title: &str) -> String {
        use std::fmt::Write as _;
        let (width, height) = (self.width, self.height);
        let mut out = String::new();
        let esc = |s: &str| {
            let mut e = String::new();
            xml_escape(s, &mut e);
            e
        };
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui, sans-serif\" role=\"img\" aria-labelledby=\"t d\">\n<title id=\"t\">{}</title>\n<desc id=\"d\">{} rows ({}) by {} targets; each cell gives the statements {}.</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"12\" y=\"26\" font-size=\"17\" font-weight=\"700\" fill=\"#1b2330\">{}</text>\n",
            esc(title),
            self.rows.len(),
            self.heading.to_lowercase(),
            self.columns.len(),
            signs_in_words(),
            esc(title)
        );
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{}\" font-size=\"12\" font-weight=\"700\" fill=\"#4a5566\">{}</text>",
            TOP + HEAD_HEIGHT - 8.0,
            self.heading
        );
        for col in &self.columns {
            for (k, line) in col.lines.iter().enumerate() {
                let y = TOP + HEAD_HEIGHT - 8.0 - 13.0 * (col.lines.len() - 1 - k) as f64;
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{y}\" font-size=\"11\" font-weight=\"600\" fill=\"#4a5566\">{}</text>",
                    col.x,
                    esc(line)
                );
            }
        }
        for row in &self.rows {
            let y = row.y;
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
            if !row.sub.is_empty() {
                let _ = writeln!(
                    out,
                    "<text x=\"12\" y=\"{}\" font-size=\"10.5\" fill=\"#6b7585\">{}</text>",
                    y + 31.0,
                    esc(&short_label(&row.sub, SUB_CHARS))
                );
            }
            for c in &row.cells {
                let x = c.x;
                if c.is_empty() {
                    let _ = writeln!(
                        out,
                        "<text x=\"{x}\" y=\"{}\" font-size=\"12\" fill=\"#cfcac0\">–</text>",
                        y + 22.0
                    );
                    continue;
                }
                let signs: Vec<String> = c
                    .signs
                    .iter()
                    .map(|(p, n)| {
                        format!(
                            "<tspan fill=\"{}\">{}{n}</tspan>",
                            polarity_colour(*p),
                            p.sign(),
                        )
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "<text x=\"{x}\" y=\"{}\" font-size=\"12\" font-weight=\"700\">{}</text>",
                    y + 16.0,
                    signs.join(" ")
                );
                for seg in &c.bar {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"{BAR_HEIGHT}\" fill=\"{}\" fill-opacity=\"{}\"/>",
                        x + seg.x,
                        y + 23.0,
                        seg.width,
                        polarity_colour(seg.polarity),
                        voice_opacity(seg.voice)
                    );
                }
            }
        }
        // The neutral sign stays in the text colour: the grey of its bars is too pale for a glyph.
        let legend: Vec<String> = POLARITIES
            .iter()
            .map(|&p| match p {
                Polarity::NeutralReport => {
                    format!(
                        "<tspan font-weight=\"700\">{}</tspan> {}",
                        p.sign(),
                        p.counted()
                    )
                }
                _ => format!(
                    "<tspan fill=\"{}\" font-weight=\"700\">{}</tspan> {}",
                    polarity_colour(p),
                    p.sign(),
                    p.counted()
                ),
            })
            .collect();
        let ly = height - 24.0;
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{ly}\" font-size=\"11\" fill=\"#4a5566\">{}. Bars: solid quoted, lighter reported speech, palest the outlet's own framing.</text>\n</svg>",
            legend.join(" · ")
        );
        out
    }
}

impl Matrix {
    /// The matrix laid out for drawing.
    pub fn layout(&self) -> MatrixLayout {
        MatrixLayout::new(self)
    }

    /// The matrix as a standalone SVG chart ([`MatrixLayout::svg`]).
    pub fn svg(&self, title: &str) -> String {
        self.layout().svg(title)
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

#[cfg(test)]
mod tests;

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

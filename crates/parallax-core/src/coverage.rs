//! Coverage across outlets: how each outlet (or actor) covered the story, from the stance tags,
//! the dates, the spellings of names and the figures of the whole corpus.
//!
//! Everything here works on a [`Selection`]: the articles whose dates fall in a [`DateRange`]
//! (the timeline's brush). Each view has a `table()` for CSV and JSON export
//! ([`crate::export::Table`]).

use crate::date::Date;
use crate::export::{xml_escape, Table, Value};
use crate::figures::{self, Figure, Measure};
use crate::ingest::{Article, Provenance};
use crate::stance::{Polarity, Tag, Voice, OUTLET_ACTOR};
use crate::text::names::name_key;
use crate::text::normalise::fold;
use crate::text::tokenize::{is_stopword, words};
use crate::Corpus;
use std::collections::{BTreeMap, HashMap};

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
        a.date.interval().is_some_and(|(first, last)| {
            self.from.is_none_or(|f| last >= f) && self.to.is_none_or(|t| first <= t)
        })
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

/// Selects the articles in a date range.
pub fn select(corpus: &Corpus, range: DateRange) -> Selection<'_> {
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
    Selection {
        corpus,
        range,
        docs,
        undated_left_out,
    }
}

/// The three polarities, in the order the views show them.
pub const POLARITIES: [Polarity; 3] =
    [Polarity::Support, Polarity::Oppose, Polarity::NeutralReport];
/// The three voices, in the order the views show them.
pub const VOICES: [Voice; 3] = [Voice::Quoted, Voice::Reported, Voice::Outlet];

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

/// The polarity as a word for tables: `support`, `oppose`, `neutral_report`.
pub fn polarity_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "support",
        Polarity::Oppose => "oppose",
        Polarity::NeutralReport => "neutral_report",
    }
}

/// The voice as a word for tables: `quoted`, `reported`, `outlet`.
pub fn voice_name(v: Voice) -> &'static str {
    match v {
        Voice::Quoted => "quoted",
        Voice::Reported => "reported",
        Voice::Outlet => "outlet",
    }
}

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
fn row_key(corpus: &Corpus, by: Rows, doc: usize, tag: &Tag) -> String {
    match by {
        Rows::Outlets => corpus.articles[doc].outlet_label(),
        Rows::Actors => tag.actor.clone(),
    }
}

/// Every (article, tag) of the selection.
fn tags<'s, 'c>(sel: &'s Selection<'c>) -> impl Iterator<Item = (usize, &'c Tag)> + 's {
    let corpus = sel.corpus;
    sel.docs.iter().flat_map(move |&d| {
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
                columns.push(format!("{}_{}", polarity_name(p), voice_name(v)));
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

/// The sign of a polarity in charts: `+` for, `−` against, `·` reports on.
pub fn polarity_sign(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "+",
        Polarity::Oppose => "−",
        Polarity::NeutralReport => "·",
    }
}

/// Breaks a label into lines of about `width` characters, at most `max` lines.
fn wrap(label: &str, width: usize, max: usize) -> Vec<String> {
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
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui, sans-serif\" role=\"img\" aria-labelledby=\"t d\">\n<title id=\"t\">{}</title>\n<desc id=\"d\">{} rows ({}) by {} targets; each cell gives the statements for (+), against (−) and reporting without a side (·).</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"12\" y=\"26\" font-size=\"17\" font-weight=\"700\" fill=\"#1b2330\">{}</text>\n",
            esc(title),
            self.rows.len(),
            rows_word.to_lowercase(),
            self.targets.len(),
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
                            polarity_sign(*p),
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
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{ly}\" font-size=\"11\" fill=\"#4a5566\"><tspan fill=\"{}\" font-weight=\"700\">+</tspan> for · <tspan fill=\"{}\" font-weight=\"700\">−</tspan> against · <tspan font-weight=\"700\">·</tspan> reported without a side. Bars: solid quoted, lighter reported speech, palest the outlet's own framing.</text>\n</svg>",
            polarity_colour(Polarity::Support),
            polarity_colour(Polarity::Oppose)
        );
        out
    }
}

/// A stance statement with its article.
#[derive(Clone, Copy, Debug)]
pub struct Statement<'c> {
    /// Index of the article.
    pub doc: usize,
    /// The article.
    pub article: &'c Article,
    /// The tag.
    pub tag: &'c Tag,
}

/// The statements of one matrix cell, of a whole row (`target` is `None`) or of a whole column
/// (`row` is `None`), in corpus order.
pub fn statements<'c>(
    sel: &Selection<'c>,
    by: Rows,
    row: Option<&str>,
    target: Option<&str>,
) -> Vec<Statement<'c>> {
    let corpus = sel.corpus;
    tags(sel)
        .filter(|(d, t)| {
            target.is_none_or(|x| t.target == x)
                && row.is_none_or(|r| row_key(corpus, by, *d, t) == r)
        })
        .map(|(doc, tag)| Statement {
            doc,
            article: &corpus.articles[doc],
            tag,
        })
        .collect()
}

/// Statements as a table: article, outlet, date, paragraph, actor, target, polarity, voice, the
/// sentence, the cue words and the rule.
pub fn statements_table(corpus: &Corpus, name: &str, list: &[Statement<'_>]) -> Table {
    let columns = [
        "article",
        "outlet",
        "date",
        "paragraph",
        "actor",
        "actor_as_written",
        "target",
        "stance",
        "voice",
        "sentence",
        "cues",
        "rule",
    ];
    let rows = list
        .iter()
        .map(|s| {
            let a = s.article;
            let cues: Vec<&str> = s.tag.cues.iter().map(|c| a.slice(*c)).collect();
            vec![
                a.id.clone().into(),
                a.outlet_label().into(),
                a.date.iso().into(),
                (s.tag.paragraph + 1).into(),
                corpus.profile.actor_name(&s.tag.actor).into(),
                s.tag.actor_surface.clone().into(),
                s.tag.target.clone().into(),
                polarity_name(s.tag.stance).into(),
                voice_name(s.tag.voice).into(),
                a.slice(s.tag.span).trim().to_string().into(),
                cues.join(" | ").into(),
                s.tag.rule.clone().into(),
            ]
        })
        .collect();
    Table {
        name: name.to_string(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// One actor in the quote ledger.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerActor {
    /// Actor id.
    pub actor: String,
    /// Name.
    pub name: String,
    /// Statements in direct quotation.
    pub quoted: u32,
    /// Statements in indirect speech.
    pub reported: u32,
    /// Statements in the outlet's own words (the outlet itself as the actor); always 0 in the
    /// [`ledger`], which leaves them out.
    pub own_words: u32,
    /// Per outlet that carries them: (outlet, quoted, reported), most first.
    pub outlets: Vec<(String, u32, u32)>,
    /// Their positions: (target id, polarity, statements), most first.
    pub positions: Vec<(String, Polarity, u32)>,
}

/// Actors of one affiliation group.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerGroup {
    /// Group id.
    pub id: String,
    /// Label.
    pub label: String,
    /// The actors, most heard first.
    pub actors: Vec<LedgerActor>,
}

/// Each actor's statements in the articles `docs`: voices, outlets and positions (in the order
/// first seen), by actor id. The outlets' own voice is left out unless `own_voice`.
pub(crate) fn tally<'c>(
    corpus: &'c Corpus,
    docs: &[usize],
    own_voice: bool,
) -> BTreeMap<&'c str, LedgerActor> {
    let profile = &corpus.profile;
    let mut per: BTreeMap<&str, LedgerActor> = BTreeMap::new();
    let tagged = docs.iter().flat_map(|&d| {
        corpus
            .stances
            .get(d)
            .into_iter()
            .flatten()
            .map(move |t| (d, t))
    });
    for (d, tag) in tagged {
        if !own_voice && (tag.actor == OUTLET_ACTOR || tag.voice == Voice::Outlet) {
            continue;
        }
        let e = per.entry(&tag.actor).or_insert_with(|| LedgerActor {
            actor: tag.actor.clone(),
            name: profile.actor_name(&tag.actor),
            quoted: 0,
            reported: 0,
            own_words: 0,
            outlets: Vec::new(),
            positions: Vec::new(),
        });
        let quoted = u32::from(tag.voice == Voice::Quoted);
        let reported = u32::from(tag.voice == Voice::Reported);
        e.quoted += quoted;
        e.reported += reported;
        e.own_words += u32::from(tag.voice == Voice::Outlet);
        let outlet = corpus.articles[d].outlet_label();
        match e.outlets.iter_mut().find(|o| o.0 == outlet) {
            Some(o) => {
                o.1 += quoted;
                o.2 += reported;
            }
            None => e.outlets.push((outlet, quoted, reported)),
        }
        match e
            .positions
            .iter_mut()
            .find(|p| p.0 == tag.target && p.1 == tag.stance)
        {
            Some(p) => p.2 += 1,
            None => e.positions.push((tag.target.clone(), tag.stance, 1)),
        }
    }
    per
}

/// Who is quoted or paraphrased, by which outlet, how often and on what: actors grouped by
/// affiliation, in the profile's group order. The outlets' own voice is not in it.
pub fn ledger(sel: &Selection<'_>) -> Vec<LedgerGroup> {
    let corpus = sel.corpus;
    let profile = &corpus.profile;
    let per = tally(corpus, &sel.docs, false);
    let mut groups: Vec<LedgerGroup> = Vec::new();
    for (_, mut a) in per {
        a.outlets
            .sort_by(|x, y| (y.1 + y.2).cmp(&(x.1 + x.2)).then(x.0.cmp(&y.0)));
        a.positions
            .sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
        let (id, label) = profile.group_of(&a.actor);
        match groups.iter_mut().find(|g| g.id == id) {
            Some(g) => g.actors.push(a),
            None => groups.push(LedgerGroup {
                id,
                label,
                actors: vec![a],
            }),
        }
    }
    let rank = |id: &str| {
        profile
            .groups
            .iter()
            .position(|g| g.id == id)
            .unwrap_or(if id == "unlisted" {
                usize::MAX
            } else {
                usize::MAX - 1
            })
    };
    groups.sort_by(|a, b| rank(&a.id).cmp(&rank(&b.id)).then(a.label.cmp(&b.label)));
    for g in &mut groups {
        g.actors.sort_by(|a, b| {
            (b.quoted + b.reported)
                .cmp(&(a.quoted + a.reported))
                .then(a.name.cmp(&b.name))
        });
    }
    groups
}

/// The ledger as a table: one line per actor and outlet.
pub fn ledger_table(groups: &[LedgerGroup]) -> Table {
    let mut rows = Vec::new();
    for g in groups {
        for a in &g.actors {
            let positions: Vec<String> = a
                .positions
                .iter()
                .map(|(t, p, n)| format!("{} {} ×{n}", polarity_name(*p), t))
                .collect();
            for (outlet, q, r) in &a.outlets {
                rows.push(vec![
                    g.label.clone().into(),
                    a.name.clone().into(),
                    outlet.clone().into(),
                    (*q).into(),
                    (*r).into(),
                    positions.join("; ").into(),
                ]);
            }
        }
    }
    Table {
        name: "quote-ledger".into(),
        columns: [
            "group",
            "actor",
            "outlet",
            "quoted",
            "reported",
            "positions",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect(),
        rows,
    }
}

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

/// One spelling of a name and who uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Spelling {
    /// The spelling, as most often written.
    pub text: String,
    /// Uses in the selected articles.
    pub total: u32,
    /// Per outlet: (outlet label, uses), most first.
    pub outlets: Vec<(String, u32)>,
}

/// A name written in more than one way.
#[derive(Clone, Debug, PartialEq)]
pub struct NameVariants {
    /// The transliteration key that joins the spellings.
    pub key: String,
    /// The spellings, most used first.
    pub spellings: Vec<Spelling>,
}

/// Strips a possessive ending: `Lukashenko's` → `Lukashenko`.
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Which spelling of each name each outlet uses: capitalised words of the article text whose
/// transliteration keys ([`crate::text::names`]) meet although their letters differ.
pub fn name_usage(sel: &Selection<'_>) -> Vec<NameVariants> {
    let corpus = sel.corpus;
    // key → folded spelling → (surface counts, outlet counts)
    type Uses = (HashMap<String, u32>, BTreeMap<String, u32>);
    let mut keys: BTreeMap<String, BTreeMap<String, Uses>> = BTreeMap::new();
    // Words the corpus also writes in lower case are common words, not names.
    let mut common: std::collections::HashSet<String> = std::collections::HashSet::new();
    for a in &corpus.articles {
        for (_, p) in a.main_paragraphs() {
            let text = a.slice(p.span);
            for span in words(text) {
                let w = &text[span.start..span.end];
                if w.starts_with(char::is_lowercase) {
                    common.insert(fold(w));
                }
            }
        }
    }
    for &d in &sel.docs {
        let a = &corpus.articles[d];
        let outlet = a.outlet_label();
        for (_, p) in a.main_paragraphs() {
            let text = a.slice(p.span);
            for span in words(text) {
                let w = strip_possessive(&text[span.start..span.end]);
                if !w.starts_with(char::is_uppercase) || w.chars().count() < 4 {
                    continue;
                }
                let folded = fold(w);
                if is_stopword(&folded) || common.contains(&folded) {
                    continue;
                }
                let Some(key) = name_key(&folded) else {
                    continue;
                };
                let uses = keys.entry(key).or_default().entry(folded).or_default();
                *uses.0.entry(w.to_string()).or_default() += 1;
                *uses.1.entry(outlet.clone()).or_default() += 1;
            }
        }
    }
    let mut out: Vec<NameVariants> = keys
        .into_iter()
        .filter(|(_, spellings)| {
            // Transliterations keep the first letter: `Interior` and `Another` share a key only.
            let mut firsts = spellings.keys().map(|s| s.chars().next());
            let first = firsts.next().flatten();
            spellings.len() > 1 && firsts.all(|f| f == first)
        })
        .map(|(key, spellings)| {
            let mut spellings: Vec<Spelling> = spellings
                .into_values()
                .map(|(surfaces, outlets)| {
                    let mut surfaces: Vec<(String, u32)> = surfaces.into_iter().collect();
                    surfaces.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    let mut outlets: Vec<(String, u32)> = outlets.into_iter().collect();
                    outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    Spelling {
                        text: surfaces[0].0.clone(),
                        total: surfaces.iter().map(|s| s.1).sum(),
                        outlets,
                    }
                })
                .collect();
            spellings.sort_by(|a, b| b.total.cmp(&a.total).then(a.text.cmp(&b.text)));
            NameVariants { key, spellings }
        })
        .collect();
    out.sort_by(|a, b| {
        let total = |n: &NameVariants| n.spellings.iter().map(|s| s.total).sum::<u32>();
        total(b).cmp(&total(a)).then(a.key.cmp(&b.key))
    });
    out
}

/// Name usage as a table: one line per name, spelling and outlet.
pub fn names_table(names: &[NameVariants]) -> Table {
    let mut rows = Vec::new();
    for n in names {
        for s in &n.spellings {
            for (outlet, uses) in &s.outlets {
                rows.push(vec![
                    n.spellings[0].text.clone().into(),
                    s.text.clone().into(),
                    outlet.clone().into(),
                    (*uses).into(),
                ]);
            }
        }
    }
    Table {
        name: "name-spellings".into(),
        columns: ["name", "spelling", "outlet", "uses"]
            .iter()
            .map(|c| c.to_string())
            .collect(),
        rows,
    }
}

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

//! The comparison's rows, marks and "who is heard" table; the reader's related articles and
//! reading order; computed in the core, tested here natively.

mod common;
use common::*;

use parallax_core::align::{align, Alignment, Kind, Measure, Pair, Thresholds};
use parallax_core::compare::{heard, marks, rows, Cell, Comparison, Heard, Marks};
use parallax_core::stance::{Polarity, Voice};
use parallax_core::view_state::PassageKey;
use parallax_core::Corpus;

fn pair(a: usize, b: usize, kind: Kind) -> Pair {
    Pair {
        a,
        b,
        kind,
        measure: Measure {
            copied: 0.0,
            copied_a_in_b: 0.0,
            copied_b_in_a: 0.0,
            dice: 0.0,
            cover: 0.0,
            shared_names: Vec::new(),
            shared_figures: Vec::new(),
        },
    }
}

fn alignment(pairs: &[(usize, usize, Kind)], only_b: &[usize]) -> Alignment {
    Alignment {
        pairs: pairs.iter().map(|&(a, b, k)| pair(a, b, k)).collect(),
        only_a: Vec::new(),
        only_b: only_b.to_vec(),
    }
}

/// A row in short: `-` no counterpart; `3` a paragraph; `3!` only here; `3<5` the pivot's
/// paragraph diffed against the copy's ¶5; `v3`/`n3`/`p3` paired with the pivot's, by kind.
fn show(rows: &[Vec<Cell>]) -> Vec<String> {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Cell::Missing => "-".to_string(),
                    Cell::Para {
                        para,
                        pair: Some(p),
                        ..
                    } => format!("{}{para}", &p.kind.as_str()[..1]),
                    Cell::Para {
                        para,
                        pair: None,
                        alone,
                        against,
                    } => format!(
                        "{para}{}{}",
                        if *alone { "!" } else { "" },
                        against.map_or(String::new(), |a| format!("<{a}"))
                    ),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn comparison_rows_weave_each_articles_paragraphs_where_they_stand() {
    use Kind::*;
    // (name, the pivot's alignable paragraphs, each other article's alignment, the rows)
    type Case<'a> = (&'a str, &'a [usize], Vec<Alignment>, &'a [&'a str]);
    let cases: &[Case] = &[
        ("nothing to compare", &[], vec![], &[]),
        ("a pivot alone", &[0, 1], vec![], &["0!", "1!"]),
        (
            "nothing shared: every paragraph only here, the other's after the pivot's",
            &[0, 1],
            vec![alignment(&[], &[0, 1])],
            &["0! -", "1! -", "- 0!", "- 1!"],
        ),
        (
            "an edited copy shares a row, the pivot diffed against it",
            &[0, 1, 2],
            vec![alignment(&[(1, 0, Near)], &[1])],
            &["0! -", "1<0 n0", "2! -", "- 1!"],
        ),
        (
            "a verbatim copy is diffed too",
            &[0],
            vec![alignment(&[(0, 0, Verbatim)], &[])],
            &["0<0 v0"],
        ),
        (
            "a paraphrase shares a row but is not diffed",
            &[0],
            vec![alignment(&[(0, 0, Paraphrase)], &[])],
            &["0 p0"],
        ),
        (
            "the second article's own paragraphs before its copy go first",
            &[0, 1],
            vec![alignment(&[(1, 2, Verbatim)], &[0, 1, 3])],
            &["0! -", "- 0!", "- 1!", "1<2 v2", "- 3!"],
        ),
        (
            "own paragraphs between two copies go between their rows",
            &[0, 1, 2],
            vec![alignment(&[(0, 0, Near), (2, 2, Near)], &[1])],
            &["0<0 n0", "1! -", "- 1!", "2<2 n2"],
        ),
        (
            "a copy in another order: the weave follows the pivot",
            &[0, 1],
            vec![alignment(&[(0, 3, Near), (1, 0, Near)], &[1, 2])],
            &["- 1!", "- 2!", "0<3 n3", "1<0 n0"],
        ),
        (
            "repeats and captions are not alignable: the pivot's numbers skip them",
            &[0, 2, 5],
            vec![alignment(&[(5, 1, Verbatim)], &[0])],
            &["0! -", "2! -", "- 0!", "5<1 v1"],
        ),
        (
            "three articles: no diff against one copy, the third's own paragraphs at the end",
            &[0, 1],
            vec![
                alignment(&[(0, 0, Verbatim)], &[1]),
                alignment(&[(1, 3, Near)], &[0]),
            ],
            &["0 v0 -", "1 - n3", "- 1! -", "- - 0!"],
        ),
        (
            "four articles: a pivot paragraph with three counterparts",
            &[0],
            vec![
                alignment(&[(0, 1, Near)], &[0]),
                alignment(&[(0, 0, Paraphrase)], &[]),
                alignment(&[(0, 2, Verbatim)], &[]),
            ],
            &["- 0! - -", "0 n1 p0 v2"],
        ),
    ];
    for (name, pivot, others, want) in cases {
        let got = rows(pivot.iter().copied(), others);
        assert_eq!(show(&got), *want, "{name}");
        assert!(
            got.iter().all(|r| r.len() == others.len() + 1),
            "{name}: one cell per article on every row"
        );
    }
}

#[test]
fn the_comparison_of_the_two_urdupoint_articles_pairs_the_crackdown_paragraph() {
    let (a, b) = (seed("000"), seed("001"));
    let c = Comparison::new(&[a, b], &Thresholds::default());
    assert_eq!(c.ids, [a.id.clone(), b.id.clone()]);
    let al = align(a, b, &Thresholds::default());
    assert_eq!(c.alignments, std::slice::from_ref(&al));
    let counts = c.counts(1);
    let n = |k: Kind| al.pairs.iter().filter(|p| p.kind == k).count();
    assert_eq!(
        (counts.verbatim, counts.near, counts.paraphrase),
        (n(Kind::Verbatim), n(Kind::Near), n(Kind::Paraphrase))
    );
    assert_eq!(c.counts(0), Default::default(), "the pivot has no counts");
    assert_eq!(c.counts(9), Default::default());
    // Every alignable paragraph of both is on exactly one row.
    let on_rows = |col: usize| {
        let mut v: Vec<usize> = c
            .rows
            .iter()
            .filter_map(|r| match &r[col] {
                Cell::Para { para, .. } => Some(*para),
                Cell::Missing => None,
            })
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(
        on_rows(0),
        parallax_core::align::alignable(a).collect::<Vec<_>>()
    );
    assert_eq!(
        on_rows(1),
        parallax_core::align::alignable(b).collect::<Vec<_>>()
    );
    // A focus on either side of the pair finds the same row ("focus=000_…:7" in the e2e test).
    let key: PassageKey = format!("{}:7", a.id).parse().unwrap();
    let row = c.row_of(&key).expect("¶7 of 000 is on a row");
    let Cell::Para { pair: Some(p), .. } = &c.rows[row][1] else {
        panic!("¶7 of 000 has a counterpart: {:?}", c.rows[row]);
    };
    assert_eq!(p.kind, Kind::Near);
    assert_eq!(c.row_of(&PassageKey::new(b.id.clone(), p.b)), Some(row));
    assert_eq!(c.key(1, p.b), Some(PassageKey::new(b.id.clone(), p.b)));
    // Keys that name no cell find no row.
    for (name, key) in [
        (
            "another article",
            PassageKey::new(seed("002").id.clone(), 6),
        ),
        (
            "a paragraph past the end",
            PassageKey::new(a.id.clone(), 999),
        ),
        ("an id of no article", PassageKey::new("nope", 0)),
    ] {
        assert_eq!(c.row_of(&key), None, "{name}");
    }
    // The copy marks the words it changed; the pivot marks those its copy lacks.
    let articles = [a, b];
    let text_len = |col: usize, cell: &Cell| match cell {
        Cell::Para { para, .. } => articles[col].paragraphs[*para].span.len(),
        Cell::Missing => 0,
    };
    match (
        marks(&articles, 0, &c.rows[row][0]),
        marks(&articles, 1, &c.rows[row][1]),
    ) {
        (Marks::Deleted(d), Marks::Inserted(i)) => {
            assert!(
                !d.is_empty() && !i.is_empty(),
                "an edited copy: {d:?} {i:?}"
            );
            assert!(d.iter().all(|s| s.end <= text_len(0, &c.rows[row][0])));
            assert!(i.iter().all(|s| s.end <= text_len(1, &c.rows[row][1])));
        }
        other => panic!("{other:?}"),
    }
    for r in &c.rows {
        for (col, cell) in r.iter().enumerate() {
            let m = marks(&articles, col, cell);
            match cell {
                Cell::Missing => assert_eq!(m, Marks::None),
                Cell::Para {
                    pair: None,
                    against: None,
                    ..
                } => assert_eq!(m, Marks::None, "a paragraph no one copies"),
                _ => {}
            }
        }
    }
    assert_eq!(
        marks(&articles, 5, &c.rows[row][1]),
        Marks::None,
        "no such column"
    );
}

/// What the comparison view computed itself before the table reused the ledger's tally.
fn heard_as_the_view_did(corpus: &Corpus, docs: &[usize]) -> Vec<(String, Vec<Option<String>>)> {
    let tags: Vec<&[parallax_core::stance::Tag]> =
        docs.iter().map(|&d| &corpus.stances[d]).collect();
    let mut actors: Vec<&str> = tags
        .iter()
        .flat_map(|ts| ts.iter().map(|t| t.actor.as_str()))
        .collect();
    actors.sort_unstable();
    actors.dedup();
    actors
        .into_iter()
        .map(|actor| {
            let cells = tags
                .iter()
                .map(|ts| {
                    let mine: Vec<_> = ts.iter().filter(|t| t.actor == actor).collect();
                    if mine.is_empty() {
                        return None;
                    }
                    let voice = if mine.iter().any(|t| t.voice == Voice::Quoted) {
                        "quoted"
                    } else if mine.iter().all(|t| t.voice == Voice::Outlet) {
                        "own"
                    } else {
                        "reported"
                    };
                    let mut positions: Vec<(String, Polarity)> = mine
                        .iter()
                        .map(|t| (t.target.to_string(), t.stance))
                        .collect();
                    positions.sort_by(|a, b| a.0.cmp(&b.0));
                    positions.dedup();
                    Some(format!("{voice} {positions:?}"))
                })
                .collect();
            (corpus.profile.actor_name(actor), cells)
        })
        .collect()
}

#[test]
fn who_is_heard_gives_each_actor_a_cell_per_article() {
    let d = |p: &str| SEEDS.position(&seed(p).id).unwrap();
    let rows = heard(&SEEDS, &[d("003"), d("004")]);
    let row = |name: &str| {
        rows.iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no row for {name}: {rows:?}"))
    };
    // The cases of the browser test, and the outlet's own voice.
    let putin = row("Vladimir Putin");
    let in_004 = putin.cells[1].as_ref().expect("004 reports Putin");
    assert!(in_004.positions.iter().any(|(t, _)| t == "dialogue"));
    let kremlin = row("The Kremlin");
    let in_003 = kremlin.cells[0].as_ref().expect("003 gives the Kremlin");
    assert!(in_003.positions.iter().any(|(_, p)| *p == Polarity::Oppose));
    assert_eq!(kremlin.cells[1], None);
    for r in &rows {
        assert_eq!(r.cells.len(), 2);
        assert!(r.cells.iter().any(Option::is_some), "{r:?}");
        for c in r.cells.iter().flatten() {
            assert!(
                c.positions.windows(2).all(|w| w[0].0 <= w[1].0),
                "positions by target: {c:?}"
            );
            let mut once = c.positions.clone();
            once.dedup();
            assert_eq!(once, c.positions, "each position once");
            if r.actor == parallax_core::stance::OUTLET_ACTOR {
                assert_eq!(c.voice, Heard::OwnWords, "{r:?}");
            }
        }
    }
    assert!(rows.windows(2).all(|w| w[0].actor < w[1].actor));
    assert!(heard(&SEEDS, &[]).is_empty());
    // Over every pair and triple of seeds, the same table as the view used to draw.
    let n = SEEDS.articles.len();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for a in 0..n {
        for b in 0..n {
            if a != b {
                sets.push(vec![a, b]);
                sets.extend((0..n).filter(|c| *c != a && *c != b).map(|c| vec![a, b, c]));
            }
        }
    }
    for docs in sets {
        let got: Vec<(String, Vec<Option<String>>)> = heard(&SEEDS, &docs)
            .into_iter()
            .map(|r| {
                let cells = r
                    .cells
                    .into_iter()
                    .map(|c| {
                        c.map(|c| {
                            let voice = match c.voice {
                                Heard::Quoted => "quoted",
                                Heard::OwnWords => "own",
                                Heard::Reported => "reported",
                            };
                            format!("{voice} {:?}", c.positions)
                        })
                    })
                    .collect();
                (r.name, cells)
            })
            .collect();
        assert_eq!(got, heard_as_the_view_did(&SEEDS, &docs), "{docs:?}");
    }
}

#[test]
fn who_is_heard_cells_say_how_in_words() {
    for (case, heard, want) in [
        ("a quotation", Heard::Quoted, "quoted"),
        ("reported speech", Heard::Reported, "reported"),
        (
            "the outlet's own framing",
            Heard::OwnWords,
            "in its own words",
        ),
    ] {
        assert_eq!(heard.label(), want, "{case}");
    }
}

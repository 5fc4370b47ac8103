//! The coverage views over the seeds: the matrix, its drill-down, the quote ledger, the timeline,
//! name spellings, figures across outlets, and their exports.

mod common;

use common::SEEDS;
use parallax_core::coverage::{self, DateRange, Rows};
use parallax_core::date::Date;
use parallax_core::stance::Polarity;

fn all() -> coverage::Selection<'static> {
    coverage::select(&SEEDS, DateRange::default())
}

fn cell(m: &coverage::Matrix, row: &str, target: &str) -> coverage::Counts {
    let r = m.rows.iter().find(|r| r.key == row).unwrap_or_else(|| {
        panic!(
            "no row {row}: {:?}",
            m.rows.iter().map(|r| &r.key).collect::<Vec<_>>()
        )
    });
    let t = m.targets.iter().position(|(id, _)| id == target).unwrap();
    r.cells[t]
}

#[test]
fn matrix_by_actor_shows_who_takes_which_position() {
    let m = coverage::matrix(&all(), Rows::Actors);
    assert_eq!(
        m.targets.len(),
        10,
        "every target of the profile is a column"
    );
    let eu = |t| cell(&m, "eu", t);
    assert!(eu("sanctions").of(Polarity::Support) >= 1);
    assert!(eu("dialogue").of(Polarity::Support) >= 1);
    assert!(eu("election_legitimacy").of(Polarity::Oppose) >= 1);
    assert_eq!(eu("election_legitimacy").of(Polarity::Support), 0);
    assert!(cell(&m, "kremlin", "foreign_interference").of(Polarity::Oppose) >= 1);
    assert!(cell(&m, "putin", "dialogue").of(Polarity::Support) >= 1);
    let eu_row = m.rows.iter().find(|r| r.key == "eu").unwrap();
    assert_eq!(eu_row.via, ["TASS"], "the EU is heard through TASS");
    assert_eq!(eu_row.group, "European Union");
    let putin = m.rows.iter().find(|r| r.key == "putin").unwrap();
    assert_eq!(putin.via, ["Reuters via inkl"]);
    assert_eq!(putin.group, "Russia");
}

#[test]
fn matrix_by_outlet_counts_every_selected_outlet() {
    let m = coverage::matrix(&all(), Rows::Outlets);
    let keys: Vec<&str> = m.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "Reuters via inkl",
            "TASS",
            "Unknown outlet",
            "UrduPoint / Sputnik"
        ]
    );
    let urdu = m
        .rows
        .iter()
        .find(|r| r.key == "UrduPoint / Sputnik")
        .unwrap();
    assert_eq!(urdu.articles, 2);
    let tass = cell(&m, "TASS", "sanctions");
    assert_eq!(tass.of(Polarity::Support), 1);
    let total: u32 = m.rows.iter().map(|r| r.total()).sum();
    let tags: usize = SEEDS.stances.iter().map(<[_]>::len).sum();
    assert_eq!(total as usize, tags, "every tag is counted once");
}

#[test]
fn a_cell_lists_its_sentences() {
    let sel = all();
    let list = coverage::statements(&sel, Rows::Actors, Some("eu"), Some("sanctions"));
    assert!(!list.is_empty());
    for s in &list {
        assert_eq!(s.tag.actor, "eu");
        assert_eq!(s.tag.target, "sanctions");
        assert!(s.article.slice(s.tag.span).contains("sanction"));
    }
    let row = coverage::statements(&sel, Rows::Outlets, Some("TASS"), None);
    assert_eq!(row.len(), SEEDS.stances_of("002_41439f313bc3004e").len());
    let column = coverage::statements(&sel, Rows::Actors, None, Some("dialogue"));
    assert!(column.len() > list.len());
    assert!(column.iter().all(|s| s.tag.target == "dialogue"));
    let t = coverage::statements_table(&SEEDS, "cell", &list);
    assert_eq!(t.columns[0], "article");
    assert_eq!(t.rows.len(), list.len());
    assert!(coverage::statements(&sel, Rows::Actors, Some("nobody"), None).is_empty());
}

#[test]
fn ledger_groups_actors_by_affiliation() {
    let groups = coverage::ledger(&all());
    let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels[0], "National governments (EU members)", "{labels:?}");
    for expected in [
        "European Union",
        "Belarusian opposition",
        "Belarusian authorities",
        "Russia",
    ] {
        assert!(labels.contains(&expected), "{labels:?}");
    }
    let eu = groups.iter().find(|g| g.id == "eu").unwrap();
    let union = eu.actors.iter().find(|a| a.actor == "eu").unwrap();
    assert_eq!(union.outlets[0].0, "TASS");
    assert!(union.quoted >= 1 && union.reported >= 1);
    assert!(
        groups
            .iter()
            .flat_map(|g| &g.actors)
            .all(|a| a.actor != "outlet"),
        "the outlets' own voice is not a quote"
    );
    let t = coverage::ledger_table(&groups);
    assert!(t
        .rows
        .iter()
        .any(|r| r[1] == "European Union".into() && r[2] == "TASS".into()));
}

#[test]
fn timeline_marks_inferred_dates_and_brushing_selects() {
    let t = coverage::timeline(&SEEDS);
    assert_eq!(t.items.len(), 5);
    assert!(t.undated.is_empty());
    let inferred: Vec<&str> = t
        .items
        .iter()
        .filter(|i| i.inferred)
        .map(|i| &SEEDS.articles[i.doc].id[..3])
        .collect();
    assert_eq!(inferred, ["003", "004"]);
    let reuters = t
        .items
        .iter()
        .find(|i| SEEDS.articles[i.doc].id.starts_with("004"))
        .unwrap();
    assert_eq!(
        reuters.first,
        Date::new(2021, 7, 13).unwrap(),
        "not before the date it mentions"
    );
    assert_eq!(reuters.last, Date::new(2021, 12, 31).unwrap());
    assert!(t.position(t.start) == 0.0 && t.position(t.end) == 1.0);
    assert_eq!(t.day_at(0.0), t.start);
    assert_eq!(t.day_at(f64::NAN), t.start);
    let ticks = t.ticks(8);
    assert!((2..=8).contains(&ticks.len()), "{ticks:?}");

    let august = DateRange {
        from: Date::new(2020, 8, 1),
        to: Date::new(2020, 8, 31),
    };
    let sel = coverage::select(&SEEDS, august);
    assert_eq!(sel.docs.len(), 4);
    let m = coverage::matrix(&sel, Rows::Outlets);
    assert!(m.rows.iter().all(|r| r.key != "Reuters via inkl"));
    let m = coverage::matrix(&sel, Rows::Actors);
    assert!(
        m.rows.iter().all(|r| r.key != "putin"),
        "Putin is quoted only in 2021"
    );
    // A range that overlaps the 2021 article's possible days admits it.
    let autumn = DateRange {
        from: Date::new(2021, 10, 1),
        to: None,
    };
    assert_eq!(coverage::select(&SEEDS, autumn).docs.len(), 1);
    let table = t.table(&SEEDS);
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.columns.last().unwrap(), "date_source");
}

#[test]
fn name_spellings_per_outlet() {
    let names = coverage::name_usage(&all());
    let tikh = names
        .iter()
        .find(|n| n.spellings.iter().any(|s| s.text == "Tsikhanouskaya"))
        .expect("the opposition leader's spellings are grouped");
    let spellings: Vec<&str> = tikh.spellings.iter().map(|s| s.text.as_str()).collect();
    for s in [
        "Tikhanovskaya",
        "Takhanovskaya",
        "Tkhanovskaya",
        "Tsikhanouskaya",
    ] {
        assert!(spellings.contains(&s), "{spellings:?}");
    }
    let ts = tikh
        .spellings
        .iter()
        .find(|s| s.text == "Tsikhanouskaya")
        .unwrap();
    assert_eq!(ts.outlets, [("Reuters via inkl".to_string(), 1)]);
    assert!(
        names
            .iter()
            .all(|n| n.spellings.iter().all(|s| s.text != "Minister")),
        "common words written in lower case elsewhere are not names: {names:?}"
    );
    let t = coverage::names_table(&names);
    assert_eq!(t.columns, ["name", "spelling", "outlet", "uses"]);
}

#[test]
fn figures_across_outlets_flag_the_deaths() {
    let f = coverage::figures_across(&all());
    assert_eq!(f.outlets.len(), 4);
    let deaths = f
        .lines
        .iter()
        .find(|l| l.measure == parallax_core::figures::Measure::Deaths)
        .unwrap();
    assert!(deaths.disagreement);
    let values: Vec<f64> = deaths
        .cells
        .iter()
        .flatten()
        .map(|c| c.figure.value)
        .collect();
    assert!(values.contains(&3.0) && values.contains(&2.0), "{values:?}");
    let t = f.table(&SEEDS);
    let csv = t.csv();
    assert!(
        csv.contains("deaths,UrduPoint / Sputnik,000_8ab391a8a651fb65"),
        "{csv}"
    );
}

#[test]
fn exports_parse_back() {
    let m = coverage::matrix(&all(), Rows::Actors).table();
    let json = m.json(
        &SEEDS.name,
        &SEEDS.version,
        "http://127.0.0.1/?v=1&view=coverage",
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["corpus_version"], SEEDS.version.as_str());
    assert_eq!(v["rows"].as_array().unwrap().len(), m.rows.len());
    assert!(v["rows"][0]["support_quoted"].is_number());
    let csv = m.csv();
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.starts_with("actor,group,target,target_label,support_quoted"));
    assert!(header.ends_with("neutral_report_outlet,total"));
}

#[test]
fn the_matrix_draws_as_a_standalone_svg() {
    let m = coverage::matrix(&all(), Rows::Actors);
    let svg = m.svg("Who takes which position <seeds>");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<title id=\"t\">Who takes which position &lt;seeds&gt;</title>"));
    assert!(svg.contains("European Union") && svg.contains("in TASS"));
    assert!(!svg.contains("<seeds>"), "text is escaped");
    // Every opened element is closed: a cheap well-formedness check.
    for tag in ["svg", "text", "title", "desc", "tspan"] {
        let opened = svg.matches(&format!("<{tag}")).count();
        let closed = svg.matches(&format!("</{tag}>")).count();
        assert_eq!(opened, closed, "<{tag}>");
    }
}

#[test]
fn a_cell_bar_has_one_segment_per_polarity_and_voice_in_order() {
    let m = coverage::matrix(&all(), Rows::Outlets);
    let order = |p: Polarity, v: parallax_core::stance::Voice| {
        let pi = coverage::POLARITIES.iter().position(|x| *x == p).unwrap();
        let vi = coverage::VOICES.iter().position(|x| *x == v).unwrap();
        pi * 3 + vi
    };
    let mut multi = 0;
    for c in m.rows.iter().flat_map(|r| &r.cells) {
        let bar = c.bar(10.0);
        assert_eq!(bar.is_empty(), c.total() == 0);
        multi += usize::from(bar.len() > 1);
        assert!(
            bar.windows(2).all(|w| w[0].x < w[1].x
                && order(w[0].polarity, w[0].voice) < order(w[1].polarity, w[1].voice)),
            "segments run left to right in the legend's order: {bar:?}"
        );
        let drawn: f64 = bar.iter().map(|s| s.width + 1.0).sum();
        assert!((drawn - 10.0 * f64::from(c.total())).abs() < 1e-9);
    }
    assert!(multi > 0, "some cell mixes polarities or voices");
}

#[test]
fn the_timeline_is_laid_out_once_and_kept_with_its_corpus() {
    let first: *const coverage::Timeline = SEEDS.timeline();
    let again: *const coverage::Timeline = SEEDS.timeline();
    assert_eq!(first, again, "laid out once");
    assert_eq!(*SEEDS.timeline(), coverage::timeline(&SEEDS));
    // A copy of the corpus (as the page makes one with articles added) has its own, and dropping
    // it frees it with the corpus.
    let copy = SEEDS.clone();
    assert_eq!(copy.timeline(), SEEDS.timeline());
    assert_ne!(copy.timeline() as *const _, first);
    drop(copy);
}

#[test]
fn picking_a_range_selects_the_same_articles_as_select() {
    let d = |y, m, day| Date::new(y, m, day);
    for (name, range) in [
        ("all dates", DateRange::default()),
        (
            "August 2020",
            DateRange {
                from: d(2020, 8, 1),
                to: d(2020, 8, 31),
            },
        ),
        (
            "from 2021",
            DateRange {
                from: d(2021, 1, 1),
                to: None,
            },
        ),
        (
            "an empty autumn",
            DateRange {
                from: d(2019, 9, 1),
                to: d(2019, 11, 30),
            },
        ),
    ] {
        let picked = coverage::pick(&SEEDS, range);
        let sel = coverage::select(&SEEDS, range);
        let over = picked.over(&SEEDS);
        assert_eq!(picked.range, range, "{name}");
        assert_eq!(over.docs, sel.docs, "{name}");
        assert_eq!(over.undated_left_out, sel.undated_left_out, "{name}");
        assert_eq!(
            coverage::matrix(&over, Rows::Actors),
            coverage::matrix(&sel, Rows::Actors),
            "{name}"
        );
    }
}

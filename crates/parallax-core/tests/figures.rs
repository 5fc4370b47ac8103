//! Figures in the seeds: normalised values, what they count, and the disagreements between outlets.

mod common;
use common::*;

use parallax_core::figures::{extract, table, Approx, Measure};
use parallax_core::ingest::ingest_text;
use parallax_core::Article;

fn one(text: &str) -> Vec<(Measure, String, String)> {
    let a = ingest_text(
        "x",
        "x.txt",
        &format!("A headline here\n\n{text}\n"),
        &Default::default(),
    );
    extract(&a)
        .into_iter()
        .map(|f| (f.measure, f.normalised(), a.slice(f.span).to_string()))
        .collect()
}

#[test]
fn forms_of_figures() {
    /// (what it counts, normalised value, the figure as written)
    type Want = &'static [(Measure, &'static str, &'static str)];
    let cases: &[(&str, Want)] = &[
        (
            "Lukashenko won over 80 percent of the vote.",
            &[(Measure::VoteShare, "> 80 %", "over 80 percent")],
        ),
        (
            "Lukashenko got 80.1% of the vote.",
            &[(Measure::VoteShare, "80.1 %", "80.1%")],
        ),
        (
            "More than 6,700 people were detained.",
            &[(Measure::Detained, "> 6,700", "More than 6,700")],
        ),
        (
            "Three people died and several hundred others sustained injuries.",
            &[
                (Measure::Deaths, "3", "Three"),
                (Measure::Injured, "~ 100", "several hundred"),
            ],
        ),
        (
            "The rally had more than a hundred thousand participants.",
            &[(
                Measure::Gathered,
                "> 100,000",
                "more than a hundred thousand",
            )],
        ),
        (
            "About two hundred people gathered outside.",
            &[(Measure::Gathered, "≈ 200", "About two hundred")],
        ),
        (
            "Police cracked down on four demonstrations, resulting in two deaths.",
            &[(Measure::Deaths, "2", "two")],
        ),
        (
            "They met at the number one detention center, one of which was closed.",
            &[],
        ),
        ("The election on August 9, 2020 was disputed.", &[]),
        (
            "Svetlana Tikhanovsky, 37, spoke.",
            &[(Measure::Age, "37", "37")],
        ),
        (
            "He celebrated his 42nd birthday.",
            &[(Measure::Age, "42", "42nd")],
        ),
        (
            "One person has kept the country in terror for 26 years.",
            &[(Measure::YearsInPower, "26", "26")],
        ),
        (
            "At least 12 were arrested.",
            &[(Measure::Detained, "≥ 12", "At least 12")],
        ),
    ];
    for (text, want) in cases {
        let got = one(text);
        let want: Vec<(Measure, String, String)> = want
            .iter()
            .map(|(m, n, s)| (*m, n.to_string(), s.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn the_death_toll_disagreement_is_flagged() {
    let articles: Vec<&Article> = ["000", "001", "003"].iter().map(|p| seed(p)).collect();
    let rows = table(&articles);
    let deaths = rows.iter().find(|r| r.measure == Measure::Deaths).unwrap();
    assert!(deaths.disagreement);
    let values: Vec<Vec<f64>> = deaths
        .cells
        .iter()
        .map(|c| c.iter().map(|f| f.value).collect())
        .collect();
    assert_eq!(values, [vec![3.0], vec![3.0], vec![2.0]]);
    // "More than 6,700" detained everywhere: no disagreement.
    let detained = rows
        .iter()
        .find(|r| r.measure == Measure::Detained)
        .unwrap();
    assert!(!detained.disagreement);
    assert!(detained.cells.iter().all(|c| c
        .iter()
        .any(|f| f.value == 6700.0 && f.approx == Approx::MoreThan)));
}

#[test]
fn vote_shares_agree_across_outlets_and_keep_their_candidate() {
    let articles: Vec<&Article> = SEEDS.articles.iter().collect();
    let rows = table(&articles);
    let vote = rows
        .iter()
        .find(|r| r.measure == Measure::VoteShare)
        .unwrap();
    // over 80 percent, over 80 percent, 80.1% (and 10.12% for Tikhanovskaya), 80%: consistent.
    assert!(!vote.disagreement);
    let tass = &vote.cells[2];
    let by: Vec<(Option<&str>, f64)> = tass
        .iter()
        .map(|f| (f.subject.as_deref(), f.value))
        .collect();
    assert_eq!(
        by,
        [(Some("Lukashenko"), 80.1), (Some("Tikhanovskaya"), 10.12)]
    );
}

#[test]
fn odd_text_never_panics() {
    for t in [
        "6,",
        "80.%",
        "a hundred",
        "over",
        "more than a",
        "%",
        "1,2,3,4",
        "٣ people died",
        "Ⅻ detained",
        "9999999999999999999999 arrested",
    ] {
        let _ = one(t);
    }
}

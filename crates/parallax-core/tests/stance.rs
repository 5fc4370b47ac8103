//! Stance tagging: rule tests, and the evaluation against the gold annotations of the seeds
//! (`tests/fixtures/stance_gold.jsonl`), printed as a table (`cargo test --test stance -- --nocapture`).

mod common;
use common::*;

use parallax_core::ingest::ingest_text;
use parallax_core::stance::{tag_article, Polarity, Profile, Voice};
use std::collections::{BTreeMap, BTreeSet};

fn tags_of(text: &str) -> Vec<(String, String, Polarity, Voice)> {
    let a = ingest_text(
        "x",
        "x.txt",
        &format!("A headline for it\n\n{text}\n"),
        &Default::default(),
    );
    tag_article(&a, &Profile::builtin())
        .into_iter()
        .map(|t| (t.actor.into(), t.target.into(), t.stance, t.voice))
        .collect()
}

#[test]
fn rules() {
    use Polarity::*;
    use Voice::*;
    /// (actor, target, stance, voice) of each tag.
    type Want = &'static [(&'static str, &'static str, Polarity, Voice)];
    let cases: &[(&str, &str, Want)] = &[
        ("reported call", "Putin called on Lukashenko to start a dialogue with the opposition.", &[("putin", "dialogue", Support, Reported)]),
        ("warned against", "The Kremlin warned against any foreign interference in Belarus.", &[("kremlin", "foreign_interference", Oppose, Reported)]),
        ("rejected", "Lukashenko rejected the idea of stepping down.", &[("lukashenko", "resignation_of_lukashenko", Oppose, Reported)]),
        ("negation", "Merkel said she does not support sanctions.", &[("merkel", "sanctions", Oppose, Reported)]),
        ("conditional", "The opposition poured cold water on the talks unless Lukashenko freed political prisoners first.", &[("opposition", "release_prisoners", Support, Reported)]),
        (
            "direct quote with attribution after",
            "\"We appeal for dialogue between the authorities and the opposition,\" Putin said.",
            &[("putin", "dialogue", Support, Quoted)],
        ),
        ("pronoun", "Merkel spoke to reporters. She urged an end to the violence.", &[("merkel", "violence_crackdown", Oppose, Reported)]),
        ("valence against", "The ministers condemned the crackdown.", &[("eu_foreign_ministers", "violence_crackdown", Oppose, Reported)]),
        ("no trigger, no tag", "Sanctions were on the agenda.", &[]),
        (
            "a quotation running on over two sentences keeps its speaker",
            "\"We know the situation,\" Putin said in a speech.\n\n\"We appeal for calm. And we call for dialogue with the opposition.\"",
            &[("putin", "dialogue", Support, Quoted)],
        ),
        ("plural pronoun", "EU foreign ministers met in Brussels. They condemned the crackdown.", &[("eu_foreign_ministers", "violence_crackdown", Oppose, Reported)]),
        ("relative clause names its subject", "Merkel urged talks with the opposition, which is protesting in Minsk.", &[("merkel", "dialogue", Support, Reported), ("opposition", "protests", Support, Reported)]),
        ("the addressee of a call does not hold it", "A huge opposition rally on Sunday, calling on the president to step down.", &[("protesters", "resignation_of_lukashenko", Support, Reported)]),
        ("X says Y should", "Putin says Lukashenko should start dialogue with the opposition.", &[("putin", "dialogue", Support, Reported)]),
        (
            "a quotation reporting a third party's call",
            "\"Putin had just called on Lukashenko to start the dialogue with the opposition,\" said Franak Viacorka.",
            &[("putin", "dialogue", Support, Quoted)],
        ),
        (
            "two actors on one target in one sentence",
            "Macron called for dialogue, while Merkel stressed that dialogue must start.",
            &[("macron", "dialogue", Support, Reported), ("merkel", "dialogue", Support, Reported)],
        ),
    ];
    for (name, text, want) in cases {
        let got = tags_of(text);
        let want: Vec<(String, String, Polarity, Voice)> = want
            .iter()
            .map(|(a, t, p, v)| (a.to_string(), t.to_string(), *p, *v))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[derive(serde::Deserialize)]
struct Gold {
    doc: String,
    sentence: String,
    actor: String,
    target: String,
    stance: Polarity,
}

#[test]
fn evaluation_on_the_seed_gold_set() {
    let gold: Vec<Gold> = include_str!("fixtures/stance_gold.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let profile = Profile::builtin();
    let mut predicted: BTreeSet<(String, String, Polarity)> = BTreeSet::new();
    // Every actor the tagger gives each (article, sentence, target): a sentence may hold two
    // positions on one target (`Macron called for dialogue, while Merkel stressed …`).
    let mut by_sentence: BTreeMap<(String, String, String), BTreeSet<String>> = BTreeMap::new();
    for a in &SEEDS.articles {
        for t in tag_article(a, &profile) {
            predicted.insert((a.id.clone(), t.target.to_string(), t.stance));
            by_sentence
                .entry((
                    a.id.clone(),
                    a.slice(t.span).to_string(),
                    t.target.to_string(),
                ))
                .or_default()
                .insert(t.actor.to_string());
        }
    }
    let expected: BTreeSet<(String, String, Polarity)> = gold
        .iter()
        .map(|g| (g.doc.clone(), g.target.clone(), g.stance))
        .collect();
    let targets: BTreeSet<&str> = expected
        .iter()
        .chain(&predicted)
        .map(|k| k.1.as_str())
        .collect();
    println!("\n{:<28} {:>6} {:>6} {:>6}", "target", "P", "R", "F1");
    let mut f1s = Vec::new();
    for t in &targets {
        let p: BTreeSet<_> = predicted.iter().filter(|k| k.1 == *t).collect();
        let e: BTreeSet<_> = expected.iter().filter(|k| k.1 == *t).collect();
        let tp = p.intersection(&e).count() as f64;
        let prec = if p.is_empty() {
            0.0
        } else {
            tp / p.len() as f64
        };
        let rec = if e.is_empty() {
            0.0
        } else {
            tp / e.len() as f64
        };
        let f1 = if prec + rec == 0.0 {
            0.0
        } else {
            2.0 * prec * rec / (prec + rec)
        };
        println!("{t:<28} {prec:>6.2} {rec:>6.2} {f1:>6.2}");
        f1s.push(f1);
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    // Actor accuracy: of the gold positions whose sentence and target the tagger also tagged, the
    // share whose actor it found; and of the actors it gives those sentences, the share gold has.
    let mut gold_actors: BTreeMap<(String, String, String), BTreeSet<String>> = BTreeMap::new();
    for g in &gold {
        gold_actors
            .entry((g.doc.clone(), g.sentence.clone(), g.target.clone()))
            .or_default()
            .insert(g.actor.clone());
    }
    let mut matched: Vec<bool> = Vec::new();
    for g in &gold {
        let key = (g.doc.clone(), g.sentence.clone(), g.target.clone());
        if let Some(found) = by_sentence.get(&key) {
            matched.push(found.contains(&g.actor));
            if !found.contains(&g.actor) {
                println!(
                    "  actor miss: {} {} gold {} tagged {:?} :: {:.70}",
                    &g.doc[..3],
                    g.target,
                    g.actor,
                    found,
                    g.sentence
                );
            }
        }
    }
    let actor_accuracy =
        matched.iter().filter(|x| **x).count() as f64 / matched.len().max(1) as f64;
    let given: Vec<bool> = by_sentence
        .iter()
        .filter_map(|(k, found)| gold_actors.get(k).map(|g| (found, g)))
        .flat_map(|(found, g)| found.iter().map(move |a| g.contains(a)))
        .collect();
    let actor_precision = given.iter().filter(|x| **x).count() as f64 / given.len().max(1) as f64;
    println!("macro-F1 (doc, target, polarity): {macro_f1:.3}");
    println!(
        "actor accuracy on {} gold sentences the tagger also tagged: {actor_accuracy:.3}",
        matched.len()
    );
    println!(
        "actor precision on the {} actors the tagger gives those sentences: {actor_precision:.3}",
        given.len()
    );
    // A floor under the current figures, so a change that makes tagging worse fails.
    assert!(
        macro_f1 >= FLOOR_MACRO_F1,
        "macro-F1 {macro_f1:.3} fell below {FLOOR_MACRO_F1}"
    );
    assert!(
        actor_accuracy >= FLOOR_ACTOR,
        "actor accuracy {actor_accuracy:.3} fell below {FLOOR_ACTOR}"
    );
    assert!(
        actor_precision >= FLOOR_ACTOR_PRECISION,
        "actor precision {actor_precision:.3} fell below {FLOOR_ACTOR_PRECISION}"
    );
}

/// Measured when the tagger landed; raise them as the rules improve (targets: 0.85 and 0.9).
const FLOOR_MACRO_F1: f64 = 0.88;
const FLOOR_ACTOR: f64 = 0.9;
const FLOOR_ACTOR_PRECISION: f64 = 0.95;

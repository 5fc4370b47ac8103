//! Stance tagging on the development set (`devset/`): real articles on six stories, scored
//! against the committed manifests with the definitions of `devset/score.py --stance`.
//!
//! The texts are other people's words and are not committed (`devset/texts/` is git-ignored), so
//! without them this test says it is skipped and passes. With them it prints precision, recall and
//! F1 of (article, target, polarity) per target, the macro-F1 over the targets gold has, and
//! actor accuracy (gold positions whose article, target and polarity the tagger found, with the
//! gold actor among the tagger's actors for them). It asserts only that they were computed: the
//! goals are reported, not enforced, since CI has no texts.
//!
//! `cargo test -p parallax-core --test devset_stance -- --nocapture`

use parallax_core::fs::load_dir;
use parallax_core::stance::{tag_article, Polarity, Profile};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(serde::Deserialize)]
struct Manifest {
    article: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    id: String,
    #[serde(default)]
    position: Vec<Position>,
}

#[derive(serde::Deserialize)]
struct Position {
    actor: String,
    target: String,
    stance: String,
}

fn polarity_word(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "support",
        Polarity::Oppose => "oppose",
        // The manifests' word for a report without a side.
        Polarity::NeutralReport => "neutral",
    }
}

type Key = (String, String, String);

#[test]
fn stance_on_the_development_set() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../devset");
    let texts = root.join("texts");
    if !texts.is_dir() {
        println!(
            "devset_stance: skipped, the development texts are absent ({} is not committed)",
            texts.display()
        );
        return;
    }
    let mut stories: Vec<String> = std::fs::read_dir(root.join("manifest"))
        .expect("devset/manifest")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".toml"))
                .map(str::to_string)
        })
        .collect();
    stories.sort();
    let mut gold: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    let mut pred: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    for story in &stories {
        let folder = texts.join(story);
        if !folder.is_dir() {
            println!("devset_stance: {story}: texts absent, skipped");
            continue;
        }
        let manifest: Manifest = toml::from_str(
            &std::fs::read_to_string(root.join("manifest").join(format!("{story}.toml")))
                .expect("manifest"),
        )
        .expect("manifest format");
        for a in &manifest.article {
            for p in &a.position {
                gold.entry((a.id.clone(), p.target.clone(), p.stance.clone()))
                    .or_default()
                    .insert(p.actor.clone());
            }
        }
        let profile = Profile::from_toml(
            &std::fs::read_to_string(root.join("stories").join(format!("{story}.toml")))
                .expect("story profile"),
        )
        .expect("story profile format");
        let loaded = load_dir(&folder).expect("the story folder loads");
        for a in &loaded.corpus.articles {
            for t in tag_article(a, &profile) {
                pred.entry((
                    a.id.clone(),
                    t.target.to_string(),
                    polarity_word(t.stance).into(),
                ))
                .or_default()
                .insert(t.actor.to_string());
            }
        }
    }
    let targets: BTreeSet<&str> = gold
        .keys()
        .chain(pred.keys())
        .map(|k| k.1.as_str())
        .collect();
    println!(
        "\n{:<28} {:>5} {:>6} {:>5} {:>5} {:>5}",
        "target", "gold", "tagged", "P", "R", "F1"
    );
    let mut f1s = Vec::new();
    for t in &targets {
        let g: BTreeSet<&Key> = gold.keys().filter(|k| k.1 == *t).collect();
        let p: BTreeSet<&Key> = pred.keys().filter(|k| k.1 == *t).collect();
        let tp = g.intersection(&p).count() as f64;
        let pr = if p.is_empty() {
            0.0
        } else {
            tp / p.len() as f64
        };
        let rc = if g.is_empty() {
            0.0
        } else {
            tp / g.len() as f64
        };
        let f1 = if pr + rc == 0.0 {
            0.0
        } else {
            2.0 * pr * rc / (pr + rc)
        };
        if !g.is_empty() {
            f1s.push(f1);
        }
        println!(
            "{t:<28} {:>5} {:>6} {pr:>5.2} {rc:>5.2} {f1:>5.2}",
            g.len(),
            p.len()
        );
    }
    let all_tp = gold.keys().filter(|k| pred.contains_key(*k)).count() as f64;
    let precision = all_tp / pred.len().max(1) as f64;
    let recall = all_tp / gold.len().max(1) as f64;
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let (mut hit, mut total) = (0, 0);
    for (k, actors) in &gold {
        if let Some(found) = pred.get(k) {
            total += 1;
            hit += usize::from(!actors.is_disjoint(found));
        }
    }
    let actor_accuracy = hit as f64 / total.max(1) as f64;
    println!(
        "all: precision {precision:.3}, recall {recall:.3}, macro-F1 {macro_f1:.3} over {} targets",
        f1s.len()
    );
    println!("actor accuracy: {hit}/{total} = {actor_accuracy:.3}");
    assert!(macro_f1.is_finite() && actor_accuracy.is_finite());
}

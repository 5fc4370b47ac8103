//! Named cases on made-up sentences (invented names and places).

use super::objects::objects;
use super::words::tokens;
use super::*;

/// An expected trigger object: (key, phrase, opposes).
type Want = (&'static str, &'static str, bool);

/// (case, sentence, expected objects)
const OBJECTS: &[(&str, &str, &[Want])] = &[
    (
        "call for a plain noun",
        "The union called for new elections in Freedonia.",
        &[("elect", "new elections", false)],
    ),
    (
        "condemnation with determiner and adjective stripped",
        "Ministers condemned the brutal crackdown on marchers.",
        &[("crackdown", "brutal crackdown", true)],
    ),
    (
        "possessive owner is skipped",
        "Ruritania rejected Freedonia's annexation plans for the valley.",
        &[("annex_plan", "annexation plans", true)],
    ),
    (
        "light head takes its complement",
        "They demanded the release of political prisoners.",
        &[("prison", "release of political prisoners", false)],
    ),
    (
        "light head with a weak complement keeps the phrase",
        "The council warned against the use of force.",
        &[("us_forc", "use of force", true)],
    ),
    (
        "addressee then infinitive",
        "Leaders urged the junta to restore constitutional order.",
        &[("constitut_order", "constitutional order", false)],
    ),
    (
        "infinitive with an intransitive verb",
        "Protesters called on Jane Roe to step down.",
        &[("step_down", "stepping down", false)],
    ),
    (
        "act on a named person",
        "The bloc urged the soldiers to reinstate Tomas Vell.",
        &[("reinstat", "reinstate Vell", false)],
    ),
    (
        "two coordinated objects",
        "Observers condemned the mutiny and the looting.",
        &[("mutini", "mutiny", true), ("loot", "looting", true)],
    ),
    (
        "generic head is dropped",
        "He welcomed the situation and backed the people.",
        &[],
    ),
    (
        "a proper name object is an actor, not a target",
        "Ruritania condemned Freedonia on Tuesday.",
        &[],
    ),
    (
        "threat of sanctions",
        "The bloc threatened tough sanctions against the soldiers.",
        &[("sanction", "tough sanctions", false)],
    ),
    (
        "lifting opposes",
        "Exporters want them to lift the embargo.",
        &[("embargo", "embargo", true)],
    ),
    (
        "a pronoun addressee, and a verb that ends its object",
        "She urged them to end the blockade.",
        &[("blockad", "blockade", true)],
    ),
    (
        "warned someone against a gerund's object",
        "The envoy warned the villagers against joining the colonel's uprising.",
        &[("mutini", "uprising", true)],
    ),
    (
        "opposed to a noun phrase",
        "Farmers are opposed to the new levy.",
        &[("levi", "new levy", true)],
    ),
    (
        "a weak complement with its own complement",
        "They called for the restoration of the rule of law.",
        &[("restor_rule", "restoration of rule of law", false)],
    ),
    (
        "an -ing noun at the end of a phrase",
        "The minister condemned outside meddling.",
        &[("meddl", "outside meddling", true)],
    ),
    (
        "a verb of taking part names what it takes part in",
        "The envoy urged the guards to participate in the uprising.",
        &[("mutini", "uprising", false)],
    ),
    (
        "participation takes its complement",
        "The colonel called on his men to end their participation in the uprising.",
        &[("mutini", "participation in uprising", true)],
    ),
    (
        "a verb of manner is no target",
        "The council urged the assembly to approach this juncture calmly.",
        &[],
    ),
    (
        "noun trigger support for",
        "There was broad support for the ceasefire.",
        &[("ceasefir", "ceasefire", false)],
    ),
];

#[test]
fn trigger_objects() {
    let mut failed = Vec::new();
    for (case, sentence, want) in OBJECTS {
        let got: Vec<(String, String, bool)> = objects(&tokens(sentence))
            .into_iter()
            .map(|o| (o.key, o.phrase, o.oppose))
            .collect();
        let want: Vec<(String, String, bool)> = want
            .iter()
            .map(|(k, p, o)| (k.to_string(), p.to_string(), *o))
            .collect();
        if got != want {
            failed.push(format!("{case}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

fn doc(outlet: &str, sentences: &[&str]) -> Doc {
    Doc {
        outlet: outlet.into(),
        sentences: sentences.iter().map(|s| s.to_string()).collect(),
    }
}

/// A made-up story about a coup in Freedonia, told by four outlets.
fn story() -> Vec<Doc> {
    vec![
        doc(
            "Daily One",
            &[
                "Bloc threatens sanctions over Freedonia coup",
                "The Western Shore Union on Sunday threatened sanctions against the coup leaders in Freedonia.",
                "The bloc condemned the coup and demanded the release of President Tomas Vell.",
                "\"We reject this coup,\" said Mara Quint, the foreign minister of Ruritania.",
                "She urged the soldiers to reinstate Vell.",
            ],
        ),
        doc(
            "Evening Two",
            &[
                "Ruritania condemned the coup on Monday.",
                "Ruritanian Foreign Minister Mara Quint said sanctions were coming.",
                "General Oskar Brandt, the junta leader, said he rejected foreign interference.",
                "Brandt warned against military intervention.",
            ],
        ),
        doc(
            "Third Post",
            &[
                "The Western Shore Union (WSU) said it would impose sanctions.",
                "WSU leaders called for dialogue with the junta.",
                "Quint said she backed dialogue.",
                "Protesters in the capital backed the coup.",
            ],
        ),
        doc(
            "Fourth Wire",
            &[
                "The coup was widely condemned.",
                "Brandt said the sanctions were illegal and rejected foreign interference.",
                "France condemned the coup and urged dialogue.",
            ],
        ),
    ]
}

#[test]
fn targets_of_a_story() {
    let s = suggest_docs(&story());
    let ids: Vec<&str> = s.targets.iter().map(|t| t.target.id.as_str()).collect();
    for want in ["coup", "sanctions", "dialogue", "foreign_interference"] {
        assert!(ids.contains(&want), "{want} in {ids:?}");
    }
    let coup = s.targets.iter().find(|t| t.target.id == "coup").unwrap();
    assert_eq!(coup.target.valence, crate::stance::Valence::Against);
    assert_eq!(coup.outlets, 4);
    let sanctions = s
        .targets
        .iter()
        .find(|t| t.target.id == "sanctions")
        .unwrap();
    assert_eq!(sanctions.target.valence, crate::stance::Valence::For);
    assert_eq!(sanctions.target.cues, vec!["sanction*".to_string()]);
    // Ranked by outlets first.
    assert_eq!(s.targets[0].target.id, "coup");
}

#[test]
fn actors_of_a_story() {
    let s = suggest_docs(&story());
    let get = |id: &str| {
        s.actors
            .iter()
            .find(|a| a.actor.id == id)
            .unwrap_or_else(|| panic!("{id} in {:?}", s.actors))
    };
    let quint = get("quint");
    assert_eq!(quint.actor.name, "Mara Quint");
    assert_eq!(quint.actor.affiliation, "ruritania");
    assert_eq!(quint.actor.gender.as_deref(), Some("f"));
    assert!(quint.actor.aliases.contains(&"Quint".to_string()));
    assert!(quint
        .actor
        .aliases
        .contains(&"the foreign minister".to_string()));
    let brandt = get("brandt");
    assert_eq!(brandt.actor.name, "Oskar Brandt");
    assert_eq!(brandt.actor.gender.as_deref(), Some("m"));
    let wsu = get("wsu");
    assert_eq!(wsu.kind, "organisation");
    assert!(wsu.actor.aliases.contains(&"WSU".to_string()));
    let france = get("france");
    assert_eq!(france.kind, "government");
    // A one-word name the country table does not know, seen speaking once, is left out.
    assert!(s.actors.iter().all(|a| a.actor.id != "ruritania"));
}

#[test]
fn the_toml_parses_and_round_trips() {
    let s = suggest_docs(&story());
    let text = to_toml(&s, "a \"made-up\" story");
    let parsed = Profile::from_toml(&text).expect("the suggestion parses");
    assert_eq!(parsed, s.profile());
    assert!(text.starts_with("# Story profile suggested by `parallax profile suggest`"));
    assert!(!parsed.targets.is_empty() && !parsed.actors.is_empty());
}

#[test]
fn fit_counts_cue_hits_per_article() {
    let profile = Profile::builtin();
    let articles: Vec<Article> = story()
        .iter()
        .enumerate()
        .map(|(i, d)| {
            crate::ingest_text(
                &format!("a{i}"),
                &format!("a{i}.txt"),
                &d.sentences.join("\n\n"),
                &Default::default(),
            )
        })
        .collect();
    let f = fit(&profile, &articles);
    assert_eq!(f.articles, 4);
    let own = fit(&suggest(&articles).profile(), &articles);
    assert!(own.cue_hits > f.cue_hits, "{own:?} {f:?}");
    assert!((own.per_article() - own.cue_hits as f32 / 4.0).abs() < 1e-6);
}

/// Prints every trigger object of a folder (`PARALLAX_SUGGEST_DIR=… cargo test -p parallax-core
/// --lib print_objects -- --ignored --nocapture`), to see why a target is or is not suggested.
#[test]
#[ignore]
fn print_objects() {
    let Some(dir) = std::env::var_os("PARALLAX_SUGGEST_DIR") else {
        return;
    };
    let loaded = crate::fs::load_dir(std::path::Path::new(&dir)).expect("the folder loads");
    for a in &loaded.corpus.articles {
        for s in Doc::of(a).sentences {
            for o in objects(&tokens(&s)) {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    a.id, o.trigger, o.key, o.phrase, o.oppose
                );
            }
        }
    }
}

/// Times the two halves of a suggestion over a folder (`PARALLAX_SUGGEST_DIR=… cargo test
/// --release -p parallax-core --lib time_suggest -- --ignored --nocapture`).
#[test]
#[ignore]
fn time_suggest() {
    let Some(dir) = std::env::var_os("PARALLAX_SUGGEST_DIR") else {
        return;
    };
    let loaded = crate::fs::load_dir(std::path::Path::new(&dir)).expect("the folder loads");
    let docs: Vec<Doc> = loaded.corpus.articles.iter().map(Doc::of).collect();
    let t = std::time::Instant::now();
    let texts = super::words::Texts::new(
        docs.iter()
            .map(|d| super::words::fold_lower(&d.sentences.join("\n")))
            .collect(),
    );
    println!("texts {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let targets = super::targets::suggest(&docs, &texts);
    println!("targets {:?} ({})", t.elapsed(), targets.len());
    let t = std::time::Instant::now();
    let actors = super::actors::suggest(&docs, &texts);
    println!("actors {:?} ({})", t.elapsed(), actors.len());
    let t = std::time::Instant::now();
    let f = fit(&Profile::builtin(), &loaded.corpus.articles);
    println!("fit {:?} {f:?}", t.elapsed());
}

#[test]
fn synonyms_group_into_one_target_and_share_its_cues() {
    let docs = vec![
        doc(
            "Daily One",
            &["The council condemned the mutiny on Friday."],
        ),
        doc("Evening Two", &["The envoy rejected the rebellion."]),
        doc(
            "Third Post",
            &["Ministers denounced the uprising and the revolt."],
        ),
    ];
    let s = suggest_docs(&docs);
    let with = |w: &str| {
        s.targets
            .iter()
            .filter(|t| t.target.cues.iter().any(|c| c == w))
            .count()
    };
    for w in ["mutiny", "rebellion", "uprising", "revolt"] {
        assert_eq!(with(w), 1, "{w} in one target: {:?}", s.targets);
    }
}

/// `Texts::hits` reads only the documents that hold every word the index can answer for; it must
/// find what reading every text finds: whole words, cut last words, cut first words, phrases of
/// common words, and cues nobody wrote.
#[test]
fn hits_from_the_index_agree_with_reading_every_text() {
    let texts: Vec<String> = [
        "the protests grew on monday. the protesters marched.",
        "police broke up the protest near the square.",
        "the square was quiet; no protests were held.",
        "anti-government groups met the minister.",
        "the minister said the government would respond.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let index = super::words::Texts::new(texts.clone());
    let cases = [
        ("whole word", "protests"),
        ("cut word", "protest*"),
        ("phrase of common words", "the protests"),
        ("phrase with a cut last word", "the protest*"),
        ("phrase with a cut first word", "-government groups"),
        ("three words", "near the square"),
        ("words in no text", "the election"),
        ("word order matters", "square the"),
        ("a common word alone", "the"),
    ];
    for (name, cue) in cases {
        let read: Vec<(usize, usize)> = texts
            .iter()
            .enumerate()
            .map(|(d, t)| (d, super::words::count_cue(t, cue)))
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(index.hits(cue), read, "{name}: {cue}");
        assert_eq!(index.docs_with(cue), read.len(), "{name}: {cue}");
        assert_eq!(
            index.docs_with(cue),
            read.len(),
            "{name}, asked again: {cue}"
        );
    }
}

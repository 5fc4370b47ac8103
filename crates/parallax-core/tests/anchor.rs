//! Passage links across corpus versions: the seeds, then the seeds with an unrelated article
//! added, an article edited, and a passage removed.

mod common;

use common::{seed, seeds_dir, SEEDS};
use parallax_core::anchor::{anchor, selector, Anchor};
use parallax_core::fs::load_dir;
use parallax_core::view_state::ViewState;
use parallax_core::{Article, Corpus, Span};
use std::path::Path;

/// The seeds folder copied, with `edit` applied to the copy, then loaded.
fn seeds_changed(edit: impl FnOnce(&Path)) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    edit(dir.path());
    load_dir(dir.path()).expect("the changed seeds load").corpus
}

/// The seeds with the text of article `a`'s file rewritten by `edit`.
fn seed_edited(a: &Article, edit: impl FnOnce(String) -> String) -> Corpus {
    let file = format!("{}.txt", a.id);
    seeds_changed(|dir| {
        let text = std::fs::read_to_string(dir.join(&file)).unwrap();
        std::fs::write(dir.join(&file), edit(text)).unwrap();
    })
}

/// The span of the body paragraph of `a` that contains `words`.
fn paragraph_with(a: &Article, words: &str) -> Span {
    a.paragraphs
        .iter()
        .map(|p| p.span)
        .find(|s| a.slice(*s).contains(words))
        .unwrap_or_else(|| panic!("{}: no paragraph with {words}", a.id))
}

/// A link to that paragraph in the seed corpus, as the page writes it, read back.
fn link_to(a: &Article, span: Span) -> ViewState {
    let s = ViewState {
        doc: Some(a.id.clone()),
        passage: Some(selector(a, span, &SEEDS.version)),
        ..Default::default()
    };
    let (back, notices) = ViewState::parse(&s.to_string());
    assert!(notices.is_empty());
    back
}

const PASSAGE: &str = "the importance of free and fair elections";

#[test]
fn a_link_lands_on_its_passage_in_the_same_corpus() {
    let a = seed("000");
    let span = paragraph_with(a, PASSAGE);
    let link = link_to(a, span);
    let p = link.passage.as_ref().unwrap();
    assert!(span.len() > p.exact.len() && !p.prefix.is_empty() && !p.suffix.is_empty());
    assert_eq!(anchor(&a.text, p), Anchor::Exact(span));
}

#[test]
fn an_unrelated_article_added_changes_the_version_but_not_where_the_link_lands() {
    let a = seed("000");
    let span = paragraph_with(a, PASSAGE);
    let link = link_to(a, span);
    let bigger = seeds_changed(|dir| {
        std::fs::write(
            dir.join("999_unrelated.txt"),
            "Harbour reopens\n\nKAUNAS (Example Daily) - The harbour reopened on Monday after repairs.\n",
        )
        .unwrap();
    });
    assert_eq!(bigger.articles.len(), SEEDS.articles.len() + 1);
    assert_ne!(bigger.version, SEEDS.version);
    let now = bigger.get(&a.id).unwrap();
    let found = anchor(&now.text, link.passage.as_ref().unwrap());
    assert_eq!(found, Anchor::Exact(span));
    assert!(now.slice(span).contains(PASSAGE));
}

#[test]
fn an_edited_article_is_re_anchored_by_the_quote() {
    let a = seed("000");
    let span = paragraph_with(a, PASSAGE);
    let link = link_to(a, span);
    let edited = seed_edited(a, |text| {
        // A paragraph inserted before the passage, and words changed inside it.
        let at = text.find(PASSAGE).unwrap();
        let para = text[..at].rfind("\n\n").unwrap() + 2;
        format!(
            "{}An editor's note added later moves everything below it.\n\n{}",
            &text[..para],
            text[para..].replacen("the conversation with", "a call with", 1)
        )
    });
    let now = edited.get(&a.id).unwrap();
    let Anchor::Moved(found) = anchor(&now.text, link.passage.as_ref().unwrap()) else {
        panic!("not re-anchored");
    };
    assert!(found.start > span.start);
    assert_eq!(
        found,
        paragraph_with(now, PASSAGE),
        "lands on the same paragraph, whole"
    );
}

#[test]
fn a_removed_passage_is_reported_lost_never_replaced() {
    let a = seed("000");
    let span = paragraph_with(a, PASSAGE);
    let link = link_to(a, span);
    let cut = seed_edited(a, |text| text.replace(a.slice(span), ""));
    let now = cut.get(&a.id).unwrap();
    assert!(!now.text.contains(PASSAGE));
    assert_eq!(
        anchor(&now.text, link.passage.as_ref().unwrap()),
        Anchor::Lost
    );
}

#[test]
fn offsets_alone_are_trusted_only_where_the_quote_matches() {
    let a = seed("000");
    let span = paragraph_with(a, PASSAGE);
    let mut p = link_to(a, span).passage.unwrap();
    // Offsets pointing somewhere else, the quote intact: the quote wins.
    p.start += 7;
    p.end += 7;
    assert_eq!(anchor(&a.text, &p), Anchor::Moved(span));
    // Offsets past the end or inside a character, no quote: lost, not a panic.
    for (start, end) in [
        (usize::MAX - 1, usize::MAX),
        (a.text.len() + 5, a.text.len() + 9),
        (1, 0),
    ] {
        let q = parallax_core::view_state::Passage {
            start,
            end,
            ..Default::default()
        };
        assert_eq!(anchor(&a.text, &q), Anchor::Lost);
    }
}

#[test]
fn every_paragraph_of_every_seed_anchors_to_itself() {
    for a in &SEEDS.articles {
        for p in &a.paragraphs {
            let sel = selector(a, p.span, &SEEDS.version);
            assert_eq!(
                anchor(&a.text, &sel),
                Anchor::Exact(p.span),
                "{} {:?}",
                a.id,
                p.span
            );
            // And, with the offsets lost, the quote still finds the same text (a repeated
            // paragraph may land on its twin, which reads the same).
            let moved = parallax_core::view_state::Passage {
                start: 0,
                end: 0,
                ..sel.clone()
            };
            let found = anchor(&a.text, &moved).span().expect("found by quote");
            assert!(
                a.text[found.start..].starts_with(&sel.exact),
                "{} {:?}",
                a.id,
                p.span
            );
        }
    }
}

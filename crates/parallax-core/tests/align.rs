//! Alignment over the seeds: shared wire copy, edited copies, paraphrases, diffs, corpus reuse.

mod common;
use common::*;

use parallax_core::align::{align, diff, figures, reuse, DiffOp, Kind, Thresholds};

#[test]
fn the_two_urdupoint_sputnik_articles_share_two_edited_wire_paragraphs() {
    let (a, b) = (seed("000"), seed("001"));
    let al = align(a, b, &Thresholds::default());
    let pairs: Vec<(usize, usize, Kind)> = al.pairs.iter().map(|p| (p.a, p.b, p.kind)).collect();
    // 0-based paragraph indices: 000 ¶6–7 ~ 001 ¶7–8 (001's ¶1 is its standfirst).
    assert_eq!(pairs, [(5, 6, Kind::Near), (6, 7, Kind::Near)]);
    assert!(a
        .slice(a.paragraphs[5].span)
        .starts_with("Mass opposition protests were held"));
    assert!(b
        .slice(b.paragraphs[6].span)
        .starts_with("Mass opposition protests broke out"));
    let crackdown = &al.pairs[1].measure;
    assert!(crackdown.copied > 0.8, "{crackdown:?}");
    assert_eq!(crackdown.shared_figures, ["120", "6700"]);
    // Everything else is only in one of them.
    assert_eq!(al.only_a, [0, 1, 2, 3, 4]);
    assert_eq!(al.only_b, [1, 2, 3, 4, 5]);
}

#[test]
fn the_crackdown_paragraph_is_paraphrased_by_the_translated_outlet() {
    let al = align(seed("000"), seed("003"), &Thresholds::default());
    let p = al
        .pairs
        .iter()
        .find(|p| p.kind == Kind::Paraphrase)
        .expect("a paraphrase");
    assert_eq!((p.a, p.b), (6, 27));
    assert_eq!(p.measure.shared_figures, ["6700"]);
    // The repeated paragraphs of 003 are never aligned or listed.
    for r in [32, 33, 34, 35] {
        assert!(!al.only_b.contains(&r) && al.pairs.iter().all(|p| p.b != r));
    }
}

#[test]
fn identical_text_is_verbatim_and_unrelated_text_is_unique() {
    let text = "A headline\n\nROME (Sputnik - 1st May, 2020) More than 6,700 people were detained during the initial phase of the protest, the ministry said.\n\nAn unrelated closing paragraph about the weather in the city on Sunday.\n";
    let other = "Another headline\n\nMore than 6,700 people were detained during the initial phase of the protest, the ministry said.\n\nFootball scores from the weekend league were announced by the federation.\n";
    let a = parallax_core::ingest_text("a", "a.txt", text, &Default::default());
    let b = parallax_core::ingest_text("b", "b.txt", other, &Default::default());
    let al = align(&a, &b, &Thresholds::default());
    assert_eq!(al.pairs.len(), 1);
    assert_eq!(al.pairs[0].kind, Kind::Verbatim);
    assert_eq!((al.only_a.len(), al.only_b.len()), (1, 1));
}

#[test]
fn boilerplate_is_never_aligned() {
    for other in ["000", "001", "002", "003"] {
        let al = align(seed("004"), seed(other), &Thresholds::default());
        let reuters = seed("004");
        for p in &al.pairs {
            let text = reuters.slice(reuters.paragraphs[p.a].span);
            assert!(!text.contains("Sign up") && !text.contains("news in one place"));
        }
        for &p in &al.only_a {
            assert!(reuters
                .boilerplate
                .iter()
                .all(|b| !(b.span.start <= reuters.paragraphs[p].span.start
                    && reuters.paragraphs[p].span.end <= b.span.end)));
        }
    }
}

#[test]
fn word_diff_marks_insertions_deletions_and_replacements() {
    let a = "Mass opposition protests were held across Belarus following the August 9 election.";
    let b = "Mass opposition protests broke out across Belarus following a presidential election on August 9.";
    let ops = diff(a, b);
    let show: Vec<String> = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { a: x, .. } => format!("={}", &a[x.start..x.end]),
            DiffOp::Delete { a: x } => format!("-{}", &a[x.start..x.end]),
            DiffOp::Insert { b: y } => format!("+{}", &b[y.start..y.end]),
            DiffOp::Replace { a: x, b: y } => {
                format!("{}→{}", &a[x.start..x.end], &b[y.start..y.end])
            }
        })
        .collect();
    assert_eq!(
        show,
        [
            "=Mass opposition protests",
            "were held→broke out",
            "=across Belarus following",
            // The longest common run wins: "August 9" (two words) over "election" (one).
            "the→a presidential election on",
            "=August 9",
            "-election",
        ]
    );
    assert_eq!(diff("same words here", "same words here").len(), 1);
    assert!(diff("", "").is_empty());
    assert_eq!(
        diff("", "new"),
        [DiffOp::Insert {
            b: parallax_core::Span::new(0, 3)
        }]
    );
}

#[test]
fn corpus_wide_reuse_finds_the_shared_wire_copy_both_ways() {
    let found = reuse(&SEEDS.articles, &Thresholds::default());
    let ids: Vec<(&str, &str, usize)> = found
        .iter()
        .map(|r| {
            (
                &SEEDS.articles[r.a].id[..3],
                &SEEDS.articles[r.b].id[..3],
                r.pairs.len(),
            )
        })
        .collect();
    assert_eq!(ids, [("000", "001", 2)]);
    let r = &found[0];
    assert!(
        r.share_of_a > 0.3 && r.share_of_b > 0.3,
        "{} {}",
        r.share_of_a,
        r.share_of_b
    );
}

#[test]
fn figures_are_normalised() {
    let got: Vec<String> = figures("More than 6,700 people; 80.1% of the vote; 10.12%; 2020.")
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(got, ["6700", "80.1", "10.12", "2020"]);
}

#[test]
fn the_reuse_graph_is_built_with_the_corpus_and_answers_both_ways() {
    let corpus = &*common::SEEDS;
    assert_eq!(
        corpus.reuse.len(),
        1,
        "only the two UrduPoint/Sputnik stories share copy"
    );
    let a = corpus.position("000_8ab391a8a651fb65").unwrap();
    let b = corpus.position("001_9c6dd14e164684d3").unwrap();
    // The crackdown paragraph: ¶7 of the first is ¶8 of the second, and back.
    let there = corpus.also_in(a, 6);
    assert_eq!(there.len(), 1);
    assert_eq!((there[0].doc, there[0].paragraph), (b, 7));
    assert_eq!(there[0].kind, parallax_core::align::Kind::Near);
    assert!(there[0].copied > 0.8);
    let back = corpus.also_in(b, 7);
    assert_eq!((back[0].doc, back[0].paragraph), (a, 6));
    assert!(corpus.also_in(a, 0).is_empty());
    assert_eq!(
        corpus.appearances(a).keys().copied().collect::<Vec<_>>(),
        [5, 6]
    );
    assert_eq!(corpus.copies_with(a).get(&b), Some(&2));
    assert_eq!(corpus.copies_with(b).get(&a), Some(&2));
    assert!(!corpus.copies_with(a).contains_key(&a));
    // Encoding keeps it.
    let again = parallax_core::Corpus::decode(&corpus.encode()).unwrap();
    assert_eq!(again.reuse, corpus.reuse);
}

//! Search over the seeds: every query form, name variants, typos, highlights, facets, fallbacks.

mod common;
use common::*;

use parallax_core::fs::load_dir;
use parallax_core::ingest::ingest_text;
use parallax_core::search::{search, MatchKind, Options, Results};
use parallax_core::Corpus;

fn run(q: &str) -> Results {
    search(&SEEDS, q, &Options::default())
}

/// Short ids (the 3-digit prefix) of the hits with every word of the query, in rank order.
fn ids(r: &Results) -> Vec<&str> {
    r.hits
        .iter()
        .filter(|h| h.missing.is_empty() || r.fallback_any)
        .map(|h| &h.id[..3])
        .collect()
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

#[test]
fn query_forms() {
    // (name, query, the articles found, in any order)
    let cases: &[(&str, &str, &[&str])] = &[
        ("plain term", "sanctions", &["002", "003"]),
        ("AND of terms", "dialogue Kremlin", &["003", "004"]), // 004: "Kremlin" in the photo caption
        (
            "AND of three terms",
            "dialogue Kremlin interference",
            &["003"],
        ),
        (
            "stemming",
            "protester",
            &["000", "001", "002", "003", "004"],
        ),
        ("exact phrase", "\"political prisoners\"", &["000", "004"]),
        (
            "phrase across stop words",
            "\"release of political prisoners\"",
            &["000"],
        ),
        ("exclusion", "dialogue -Putin", &["000", "002"]),
        (
            "excluded phrase",
            "dialogue -\"political prisoners\"",
            &["002", "003"],
        ),
        ("prefix", "sanct*", &["002", "003"]),
        ("prefix completes longer words", "Linkev*", &["001"]),
        ("outlet filter", "outlet:TASS sanctions", &["002"]),
        (
            "outlet filter, any case",
            "outlet:urdupoint",
            &["000", "001"],
        ),
        ("aggregator counts as outlet", "outlet:inkl", &["004"]),
        ("wire counts as outlet", "outlet:Sputnik dialogue", &["000"]),
        (
            "negated outlet",
            "-outlet:UrduPoint Lukashenko",
            &["002", "003", "004"],
        ),
        ("unknown outlet", "outlet:unknown", &["003"]),
        ("date month", "date:2020-08", &["000", "001", "002", "003"]),
        ("date day", "date:2020-08-14", &["002"]),
        (
            "date range",
            "date:2020-08-15..2020-08-25 Lukashenko",
            &["001", "003"],
        ),
        ("open range", "date:2021..", &["004"]),
        ("year-only date is in its year", "date:2021", &["004"]),
        ("number", "6,700", &["000", "001", "003"]),
        ("number without its comma", "6700", &["000", "001", "003"]),
        ("decimal number", "80.1", &["002"]),
        (
            "stop words only still work",
            "the of",
            &["000", "001", "002", "003", "004"],
        ),
        ("nothing", "xyzzy", &[]),
    ];
    for (name, q, want) in cases {
        let r = run(q);
        assert_eq!(
            sorted(ids(&r)),
            sorted(want.to_vec()),
            "{name}: {q} → {:?} hints {:?}",
            ids(&r),
            r.hints
        );
        assert!(!r.fallback_any, "{name}");
    }
}

#[test]
fn all_spellings_of_tsikhanouskaya_find_each_other() {
    let spellings = [
        "Tsikhanouskaya",
        "Tikhanovskaya",
        "Takhanovskaya",
        "Tkhanovskaya",
        "Tikhanovsky",
        "Tsikhanovskaya",
        "Ціханоўская",
        "tikhanovskaya",
    ];
    for s in spellings {
        let r = run(s);
        assert_eq!(sorted(ids(&r)), ["000", "001", "002", "003", "004"], "{s}");
    }
    // The hit for 004 shows the variant it matched, as written there.
    let r = run("Tikhanovskaya");
    let reuters = r.hits.iter().find(|h| h.id.starts_with("004")).unwrap();
    assert_eq!(reuters.matched_terms, ["Tsikhanouskaya"]);
    let hl = &reuters.passages[0].highlights[0];
    assert_eq!(hl.kind, MatchKind::Variant);
    assert_eq!(&SEEDS.articles[4].text[hl.start..hl.end], "Tsikhanouskaya");
    // 003 spells her three ways; all are highlighted.
    let r = run("Tsikhanouskaya");
    let h003 = r.hits.iter().find(|h| h.id.starts_with("003")).unwrap();
    for v in ["Takhanovskaya", "Tkhanovskaya", "Tikhanovsky"] {
        assert!(
            h003.matched_terms.iter().any(|m| m == v),
            "{v} in {:?}",
            h003.matched_terms
        );
    }
}

#[test]
fn other_names_and_transliterations() {
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "Lukashenka",
            &["000", "001", "002", "003", "004"],
            "Lukashenko",
        ),
        ("Kalesnikava", &["003"], "Kolesnikova"),
        (
            "Лукашэнка",
            &["000", "001", "002", "003", "004"],
            "Lukashenko",
        ),
        ("Alexievich", &["003"], "Alekseevich"),
    ];
    for (q, want, shown) in cases {
        let r = run(q);
        assert_eq!(sorted(ids(&r)), want.to_vec(), "{q}");
        assert!(
            r.hits[0].matched_terms.iter().any(|m| m == shown),
            "{q}: {:?}",
            r.hits[0].matched_terms
        );
    }
}

#[test]
fn typos_are_tolerated_by_length() {
    let cases: &[(&str, &[&str])] = &[
        ("sanctoins", &["002", "003"]), // transposition, 9 letters
        ("Lukashneko", &["000", "001", "002", "003", "004"]),
        ("dialouge", &["000", "002", "003", "004"]), // 8 letters: two edits allowed
        ("priosners", &["000", "003", "004"]),       // 003: "prison"
        ("cat", &[]),                                // 3 letters: no tolerance
        ("minsc", &["000", "001", "002", "003"]),    // 5 letters: one edit
    ];
    for (q, want) in cases {
        let r = run(q);
        assert_eq!(
            sorted(ids(&r)),
            want.to_vec(),
            "{q}: {:?}",
            r.hits.iter().map(|h| &h.matched_terms).collect::<Vec<_>>()
        );
        // Never an exact match: a typo is found by typo tolerance, or as a name variant when its
        // skeleton is the same (Lukashneko → l-k-s-n-k).
        for h in &r.hits {
            assert!(
                h.passages
                    .iter()
                    .flat_map(|p| &p.highlights)
                    .all(|x| matches!(x.kind, MatchKind::Fuzzy | MatchKind::Variant)),
                "{q}"
            );
        }
    }
}

#[test]
fn all_terms_first_then_any_term_with_a_flag() {
    let r = run("Kolesnikova Viacorka");
    assert!(r.fallback_any);
    assert_eq!(sorted(ids(&r)), ["003", "004"]);
    let r = run("Kremlin dialogue");
    assert!(!r.fallback_any);
    // Each hit of the fallback says which words it lacks.
    let r = run("Kolesnikova Viacorka");
    for h in &r.hits {
        assert_eq!(h.missing.len(), 1, "{}", h.id);
    }
}

#[test]
fn articles_with_some_of_the_words_follow_the_full_matches() {
    let r = run("dialogue Kremlin interference");
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].id[..3], *"003");
    assert!(r.hits[0].missing.is_empty());
    // The others have some of the words, say which they lack, and rank below.
    assert_eq!(r.partial, 3);
    assert_eq!(
        sorted(r.hits[1..].iter().map(|h| &h.id[..3]).collect()),
        ["000", "002", "004"]
    );
    for h in &r.hits[1..] {
        assert!(
            !h.missing.is_empty() && h.missing.len() < 3,
            "{}: {:?}",
            h.id,
            h.missing
        );
        assert!(h.score <= r.hits[0].score);
        for word in &h.missing {
            assert!(
                ["dialogue", "Kremlin", "interference"].contains(&word.as_str()),
                "{word}"
            );
        }
    }
    let scores: Vec<f32> = r.hits[1..].iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // Only up to the limit; exclusions and filters apply to them too.
    let r = search(
        &SEEDS,
        "dialogue Kremlin interference",
        &Options {
            limit: 2,
            ..Options::default()
        },
    );
    assert_eq!((r.hits.len(), r.partial), (2, 3));
    let r = run("dialogue Kremlin interference -sanctions");
    assert_eq!(
        r.hits.iter().map(|h| &h.id[..3]).collect::<Vec<_>>(),
        ["004", "000"]
    );
    let r = run("dialogue Kremlin interference outlet:TASS");
    assert_eq!((r.total, r.partial), (0, 1));
    assert_eq!(r.hits[0].missing, ["Kremlin", "interference"]);
}

#[test]
fn malformed_queries_answer_with_hints_never_panic() {
    use parallax_core::query::{Field, Hint as QueryHint};
    use parallax_core::search::{FilterError, Hint};
    let cases: Vec<(&str, Hint, &str)> = vec![
        (
            "\"political prisoners",
            QueryHint::UnclosedQuote.into(),
            "not closed",
        ),
        ("- dialogue", QueryHint::LoneMinus.into(), "lone"),
        (
            "foo:bar",
            QueryHint::NotAField { name: "foo".into() }.into(),
            "not a filter",
        ),
        (
            "date:yesterday dialogue",
            FilterError::NotADate {
                value: "yesterday".into(),
            }
            .into(),
            "is not a date",
        ),
        (
            "outlet:",
            QueryHint::NoValue {
                field: Field::Outlet,
            }
            .into(),
            "needs a value",
        ),
        (
            "stance:sanctions=maybe",
            FilterError::NotAStance {
                target: "sanctions".into(),
                word: "maybe".into(),
            }
            .into(),
            "is not a stance",
        ),
    ];
    for (q, hint, says) in cases {
        let r = run(q);
        assert_eq!(r.hints, [hint], "{q}");
        assert!(r.hints[0].to_string().contains(says), "{q}: {}", r.hints[0]);
    }
    for q in [
        "",
        "   ",
        "*",
        "-",
        "\"",
        "::",
        "-outlet:",
        "date:..",
        "\u{0}",
        "a*b*c",
        "🦀🦀",
        &"x".repeat(5000),
    ] {
        let r = run(q);
        assert!(r.hits.len() <= 5);
    }
}

#[test]
fn highlights_are_exact_byte_spans_of_the_snippet() {
    for q in [
        "Tsikhanouskaya",
        "\"political prisoners\"",
        "dialogue",
        "sanct*",
        "80",
        "Lukashenka opposition",
    ] {
        let r = run(q);
        for h in &r.hits {
            let a = &SEEDS.articles[h.doc];
            for p in &h.passages {
                let text = if p.paragraph.is_some() {
                    &a.text
                } else {
                    &a.title.text
                };
                assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
                for hl in &p.highlights {
                    assert!(
                        hl.start >= p.start && hl.end <= p.end,
                        "{q}: highlight outside its snippet"
                    );
                    let word = &text[hl.start..hl.end];
                    assert!(
                        word.chars().next().is_some_and(char::is_alphanumeric),
                        "{q}: {word:?}"
                    );
                }
            }
        }
    }
    let r = run("\"political prisoners\"");
    let a = &SEEDS.articles[r.hits[0].doc];
    let hl = &r.hits[0].passages[0].highlights[0];
    assert_eq!(
        a.text[hl.start..hl.end].to_lowercase(),
        "political prisoners"
    );
}

#[test]
fn highlights_on_non_ascii_text() {
    let text = "Ціханоўская’s aide said Łukašenka’s “dialogue” was a trap.\n\nA second paragraph about the crisis in Belarus and its many protests.";
    let a = ingest_text("x", "x.txt", text, &Default::default());
    let corpus = Corpus::from_articles("t", vec![a]);
    for (q, want) in [
        ("Tsikhanouskaya", "Ціханоўская’s"),
        ("lukasenka", "Łukašenka’s"),
        ("dialogue", "dialogue"),
    ] {
        let r = search(&corpus, q, &Options::default());
        let hl = &r.hits[0].passages[0].highlights[0];
        assert_eq!(&corpus.articles[0].text[hl.start..hl.end], want, "{q}");
    }
}

#[test]
fn facets_count_results_and_ignore_their_own_filter() {
    let r = run("Lukashenko outlet:TASS");
    let tass = r.outlets.iter().find(|f| f.value == "TASS").unwrap();
    assert!(tass.selected);
    assert_eq!(tass.count, 1);
    // Other outlets stay visible with their counts, so the filter can be widened.
    assert_eq!(
        r.outlets
            .iter()
            .find(|f| f.value == "UrduPoint")
            .unwrap()
            .count,
        2
    );
    assert_eq!(
        r.dates,
        vec![parallax_core::search::FacetValue {
            value: "2020-08".into(),
            count: 1,
            selected: false
        }]
    );
    let r = run("Lukashenko");
    let months: Vec<(&str, usize)> = r
        .dates
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(months, [("2020-08", 4), ("2021", 1)]);
}

/// A facet's values in short: `value count` and `✓` when selected, most first.
fn facet(values: &[parallax_core::search::FacetValue]) -> Vec<String> {
    values
        .iter()
        .map(|f| {
            format!(
                "{} {}{}",
                f.value,
                f.count,
                if f.selected { " ✓" } else { "" }
            )
        })
        .collect()
}

#[test]
fn actor_and_stance_facets_count_every_match() {
    // (name, query, how many actors, the first actors, the first targets)
    type Case<'a> = (&'a str, &'a str, usize, &'a [&'a str], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "a word: every matching article counts once per actor and target",
            "dialogue",
            19,
            &["opposition 3", "tikhanovskaya 2", "di_maio 1"],
            &[
                "dialogue 4",
                "release_prisoners 4",
                "election_legitimacy 3",
                "violence_crackdown 3",
            ],
        ),
        (
            "all five seeds",
            "Lukashenko",
            21,
            &["opposition 4", "protesters 2", "tikhanovskaya 2"],
            &[
                "dialogue 4",
                "election_legitimacy 4",
                "release_prisoners 4",
                "violence_crackdown 4",
            ],
        ),
        (
            "an actor filter is ignored by its own facet, which marks it, and narrows the other",
            "dialogue actor:putin",
            19,
            &["opposition 3", "tikhanovskaya 2", "di_maio 1"],
            &[
                "dialogue 1",
                "integration_with_russia 1",
                "release_prisoners 1",
            ],
        ),
        (
            "a stance filter alone: every article with a position on it",
            "stance:dialogue",
            19,
            &["opposition 3"],
            &[
                "dialogue 4 ✓",
                "election_legitimacy 4",
                "release_prisoners 4",
            ],
        ),
        (
            "a stance filter with a polarity selects no plain target value",
            "dialogue stance:dialogue=support",
            19,
            &["opposition 3"],
            &["dialogue 4", "release_prisoners 4"],
        ),
        (
            "an outlet filter narrows both",
            "sanctions outlet:TASS",
            3,
            &["eu 1", "eu_foreign_ministers 1", "tikhanovskaya 1"],
            &[
                "dialogue 1",
                "election_legitimacy 1",
                "release_prisoners 1",
                "sanctions 1",
                "violence_crackdown 1",
            ],
        ),
        ("no match, no facet", "nothingmatchesthis", 0, &[], &[]),
        ("an empty query", "", 0, &[], &[]),
    ];
    for (name, q, n_actors, actors, stances) in cases {
        let r = run(q);
        let (a, s) = (facet(&r.actors), facet(&r.stances));
        assert_eq!(a.len(), *n_actors, "{name}: {a:?}");
        assert_eq!(&a[..actors.len()], *actors, "{name}: actors of {q}");
        assert_eq!(
            &s[..stances.len().min(s.len())],
            *stances,
            "{name}: stances of {q}"
        );
        assert!(
            r.actors.iter().all(|f| f.value != "outlet"),
            "{name}: the outlet's own voice is no actor"
        );
    }
    let putin = run("dialogue actor:putin");
    assert!(putin
        .actors
        .iter()
        .any(|f| f.value == "putin" && f.selected && f.count == 1));
    assert_eq!(putin.actors.iter().filter(|f| f.selected).count(), 1);
}

#[test]
fn facets_do_not_depend_on_how_many_hits_are_shown() {
    for q in [
        "dialogue",
        "Lukashenko",
        "protest*",
        "dialogue actor:putin",
        "stance:dialogue",
        "outlet:TASS",
        "nothingmatchesthis",
    ] {
        let all = search(
            &SEEDS,
            q,
            &Options {
                limit: 100,
                ..Options::default()
            },
        );
        for limit in [0, 1, 2] {
            let page = search(
                &SEEDS,
                q,
                &Options {
                    limit,
                    ..Options::default()
                },
            );
            assert_eq!(page.actors, all.actors, "{q}, {limit} hits");
            assert_eq!(page.stances, all.stances, "{q}, {limit} hits");
            assert_eq!(page.outlets, all.outlets, "{q}, {limit} hits");
        }
        // Without actor: or stance: filters, each count is the number of matching articles that
        // carry the value: at most the total.
        let own_filters = q.contains("actor:") || q.contains("stance:");
        for f in all.actors.iter().chain(&all.stances) {
            assert!(f.count >= 1, "{q}: {f:?}");
            assert!(own_filters || f.count <= all.total, "{q}: {f:?}");
        }
    }
}

#[test]
fn headline_words_rank_higher() {
    // "Lithuanian" is in 001's headline and body, and nowhere else.
    let r = run("Lithuanian");
    assert_eq!(ids(&r), ["001"]);
    assert!(
        r.hits[0].passages.iter().any(|p| p.paragraph.is_none()),
        "the headline is a passage"
    );
    // 004 has "dialogue" in its headline and is short: it ranks first.
    let r = run("dialogue");
    assert_eq!(ids(&r)[0], "004", "{:?}", ids(&r));
}

#[test]
fn boilerplate_and_repeats_are_not_indexed() {
    assert!(
        run("membership").hits.is_empty(),
        "inkl's wrapper text must not be searchable"
    );
    assert!(run("\"Sign up to read\"").hits.is_empty());
    // A repeated paragraph does not count twice: passages never point at a repeat.
    let r = run("\"video blogger\"");
    assert_eq!(ids(&r), ["003"]);
    for p in &r.hits[0].passages {
        let para = &SEEDS.articles[r.hits[0].doc].paragraphs[p.paragraph.unwrap()];
        assert!(para.repeat_of.is_none());
    }
}

#[test]
fn the_corpus_alias_table_extends_name_folding() {
    // seeds/corpus.toml groups Belarus with Belarusian: the demonym's skeleton (b-l-r-s-n) differs
    // from the country's (b-l-r-s), so only the table makes one find the other.
    let belarus_marked = |corpus: &Corpus| {
        search(corpus, "Belarusian", &Options::default())
            .hits
            .iter()
            .any(|h| {
                let a = &corpus.articles[h.doc];
                h.passages
                    .iter()
                    .flat_map(|p| &p.highlights)
                    .any(|x| x.kind == MatchKind::Variant && a.text[x.start..x.end] == *"Belarus")
            })
    };
    assert!(belarus_marked(&SEEDS));
    assert!(!belarus_marked(&Corpus::from_articles(
        "plain",
        SEEDS.articles.clone()
    )));

    // Kiev / Kyiv: too short for a name key, four letters is below typo tolerance.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Title\n\nThe talks in Kyiv went on late into the night, officials said.\n",
    )
    .unwrap();
    let plain = load_dir(dir.path()).unwrap().corpus;
    assert_eq!(search(&plain, "Kiev", &Options::default()).total, 0);
    std::fs::write(
        dir.path().join("corpus.toml"),
        "[[alias]]\nwords = [\"Kyiv\", \"Kiev\"]\n",
    )
    .unwrap();
    let with_table = load_dir(dir.path()).unwrap().corpus;
    let r = search(&with_table, "Kiev", &Options::default());
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].matched_terms, ["Kyiv"]);
}

#[test]
fn alias_groups_in_the_sidecar_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Title\n\nKIEV (AP) - A story about Kyiv and more words here.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("corpus.toml"),
        "[[alias]]\nwords = [\"Kyiv\", \"Kiev\"]\n\n[[alias]]\nwords = [\"two words\", \"x\"]\n",
    )
    .unwrap();
    let e = load_dir(dir.path()).unwrap_err();
    assert!(
        e.to_string()
            .contains("corpus.toml:5: an alias group needs two or more single words"),
        "{e}"
    );
}

#[test]
fn stance_and_actor_filters_list_the_tagged_sentences() {
    let r = run("stance:sanctions=support");
    assert!(r.total >= 1, "{:?}", r.hints);
    for h in &r.hits {
        let tags = &SEEDS.stances[h.doc];
        assert!(tags.iter().any(
            |t| t.target == "sanctions" && t.stance == parallax_core::stance::Polarity::Support
        ));
        // The passages are the tagged sentences, with their cue words marked.
        let p = &h.passages[0];
        assert!(tags
            .iter()
            .any(|t| t.span.start == p.start && t.span.end == p.end));
        assert!(!p.highlights.is_empty());
    }
    let kremlin = run("actor:kremlin");
    assert_eq!(ids(&kremlin), ["003"]);
    // Filters combine with words, and can be negated.
    let r = run("dialogue actor:putin");
    assert!(ids(&r).contains(&"004"));
    let r = run("dialogue -actor:putin");
    assert!(!ids(&r).contains(&"004"));
}

#[test]
fn numbers_are_found_however_their_thousands_are_written() {
    // (id, how the article writes the figure)
    let written = [
        ("comma", "6,700"),
        ("space", "6 700"),
        ("no-break", "6\u{a0}700"),
        ("dots", "6.700"),
        ("plain", "6700"),
        ("decimal", "6.7"),
        ("year", "2020 700"),
    ];
    let articles = written
        .iter()
        .map(|(id, n)| {
            let text = format!(
                "Protest report\n\nPolice said {n} people were detained in the capital on Sunday.\n"
            );
            ingest_text(id, &format!("{id}.txt"), &text, &Default::default())
        })
        .collect();
    let corpus = Corpus::from_articles("numbers", articles);
    let found = |q: &str| {
        let r = search(&corpus, q, &Options::default());
        let mut ids: Vec<String> = r
            .hits
            .iter()
            .filter(|h| h.missing.is_empty())
            .map(|h| h.id.clone())
            .collect();
        ids.sort_unstable();
        (r, ids)
    };
    let all = ["comma", "dots", "no-break", "plain", "space"];
    for q in [
        "6700",
        "6,700",
        "6 700",
        "6\u{a0}700",
        "\"6 700 people were detained\"",
    ] {
        let (r, ids) = found(q);
        assert_eq!(ids, all, "{q}");
        // Each highlight covers the number as the article writes it.
        for h in &r.hits {
            let (_, n) = written.iter().find(|(id, _)| *id == h.id).unwrap();
            let a = &corpus.articles[h.doc];
            let hl = &h.passages[0].highlights[0];
            let marked = &a.text[hl.start..hl.end];
            if q.starts_with('"') {
                assert_eq!(marked, format!("{n} people were detained"), "{q}");
            } else {
                assert_eq!(marked, *n, "{q}");
            }
        }
    }
    // A decimal and a year beside a number are not read as thousands.
    assert_eq!(found("6.7").1, ["decimal"]);
    assert_eq!(found("\"2020 700 people\"").1, ["year"]);
    assert!(found("2020700").1.is_empty());
}

#[test]
fn ranking_weights_are_checked_where_they_are_made() {
    use parallax_core::index::{FieldWeights, QueryWeights};
    // (case, k1, b, variant, prefix, fuzzy, the weight refused)
    let cases: &[(&str, [f32; 5], Option<&str>)] = &[
        ("the defaults", [1.2, 0.75, 0.9, 0.8, 0.5], None),
        ("both ends of every range", [3.0, 0.0, 1.0, 0.0, 1.0], None),
        ("k1 above 3", [3.5, 0.75, 0.9, 0.8, 0.5], Some("k1")),
        ("b below 0", [1.2, -0.1, 0.9, 0.8, 0.5], Some("b")),
        (
            "variant not a number",
            [1.2, 0.75, f32::NAN, 0.8, 0.5],
            Some("variant"),
        ),
        ("fuzzy above 1", [1.2, 0.75, 0.9, 0.8, 1.5], Some("fuzzy")),
    ];
    for (case, [k1, b, v, p, f], refused) in cases {
        let got = QueryWeights::new(*k1, *b, *v, *p, *f);
        assert_eq!(got.as_ref().err().map(|e| e.name), *refused, "{case}");
        if let Err(e) = got {
            assert!(e.to_string().contains(e.name), "{case}: {e}");
        }
    }
    assert_eq!(
        QueryWeights::new(1.2, 0.75, 0.9, 0.8, 0.5),
        Ok(QueryWeights::default())
    );
    assert_eq!(FieldWeights::new(1.0, 0.5), Ok(FieldWeights::default()));
    assert_eq!(
        FieldWeights::new(-1.0, 0.5).map_err(|e| e.name),
        Err("title")
    );
    assert_eq!(
        FieldWeights::new(1.0, f32::INFINITY).map_err(|e| e.name),
        Err("caption")
    );
    // The index keeps the field weights its lengths were counted with, through encoding.
    let decoded = Corpus::decode(&SEEDS.encode()).expect("decodes");
    assert_eq!(decoded.index.fields(), FieldWeights::default());
}

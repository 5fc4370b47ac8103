//! Property tests: the link format round-trips, and no input — link, query or article text —
//! makes the core panic. 256 cases per property by default; for a run at scale:
//!
//! ```sh
//! PROPTEST_CASES=20000 cargo test --release -p parallax-core --test properties
//! ```

mod common;

use parallax_core::ingest::Meta;
use parallax_core::search::{search, Options};
use parallax_core::view_state::{Passage, PassageKey, ViewState, MAX_COMPARE};
use parallax_core::{ingest_text, query, Corpus};
use proptest::prelude::*;

/// Text that is hard for a URL: separators, escapes, quotes, markup, bidi controls, emoji, NUL.
fn awkward() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9 &=%+,#?:;/\\-\"“”<>'()\u{202e}\u{200f}\u{0}é👍]{0,24}",
    ]
}

fn nonempty() -> impl Strategy<Value = String> {
    awkward().prop_filter("non-empty", |s| !s.is_empty())
}

fn passage() -> impl Strategy<Value = Passage> {
    (
        0usize..1_000_000,
        0usize..5_000,
        "[0-9a-f]{0,16}",
        awkward(),
        awkward(),
        awkward(),
    )
        .prop_map(|(start, len, corpus, prefix, exact, suffix)| Passage {
            start,
            end: start + len,
            corpus,
            prefix,
            exact,
            suffix,
        })
}

/// Any state a link can hold: what `ViewState::parse` can produce.
#[allow(clippy::field_reassign_with_default)]
fn state() -> impl Strategy<Value = ViewState> {
    (
        proptest::option::of(nonempty()),
        proptest::option::of(nonempty()),
        proptest::collection::vec(nonempty(), 0..=MAX_COMPARE),
        proptest::option::of(
            (nonempty(), 0usize..100_000).prop_map(|(d, p)| PassageKey::new(d, p)),
        ),
        proptest::option::of(passage()),
    )
        .prop_map(|(q, doc, mut compare, focus, passage)| {
            compare.dedup();
            // Field by field, so that a field added later defaults instead of breaking the build
            // (then add a strategy for it here).
            let mut s = ViewState::default();
            s.q = q;
            s.doc = doc;
            s.compare = compare;
            s.focus = focus;
            s.passage = passage;
            s
        })
}

/// Query strings made of the pieces links are made of, so keys and escapes collide often.
fn query_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("v=1".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("?".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just("%2".to_string()),
        Just("%E2%80%AE".to_string()),
        Just("%FF".to_string()),
        Just("+".to_string()),
        prop_oneof![
            Just("q"),
            Just("doc"),
            Just("compare"),
            Just("focus"),
            Just("at"),
            Just("cv"),
            Just("quote"),
            Just("v")
        ]
        .prop_map(String::from),
        "[a-z0-9_.~-]{0,8}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    /// decode(encode(s)) = s, without a notice, for every state a link can hold.
    #[test]
    fn every_state_round_trips_through_its_link(s in state()) {
        let link = s.to_string();
        let (back, notices) = ViewState::parse(&link);
        prop_assert_eq!(&back, &s, "link {}", link);
        prop_assert!(notices.is_empty(), "link {}: {:?}", link, notices);
        // The link is plain ASCII: safe to paste anywhere.
        prop_assert!(link.is_ascii());
    }

    /// Any text reads as a passage key or an error (never a panic); a key read back from what
    /// it writes is the same key.
    #[test]
    fn any_text_is_a_passage_key_or_an_error(text in prop_oneof![
        awkward(),
        "[a-z0-9_:]{0,12}:[0-9+-]{0,24}",
    ]) {
        if let Ok(key) = text.parse::<PassageKey>() {
            prop_assert_eq!(key.to_string().parse::<PassageKey>(), Ok(key));
        }
    }

    /// Any query string gives a state (never a panic), and the link written for that state
    /// reads back as the same state: encode ∘ decode is the identity on what decode produces.
    #[test]
    fn any_query_string_decodes_and_re_encodes_stably(raw in query_string()) {
        let (s, _) = ViewState::parse(&raw);
        let (again, notices) = ViewState::parse(&s.to_string());
        prop_assert_eq!(&again, &s);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        let (checked, _) = s.validate(|id| id.len() % 2 == 0);
        prop_assert!(checked.compare.is_empty() || checked.compare.len() >= 2);
    }

    /// The query parser reads anything, and its canonical form is a fixed point.
    #[test]
    fn any_search_query_parses_to_a_stable_canonical_form(input in prop_oneof![
        any::<String>(),
        "[a-z \"“”„*:\\-]{0,12}(outlet|date|actor|stance|source|x)?[:\"a-z0-9. *-]{0,30}",
        // Numbers written in groups, and digits that a space could join.
        "([0-9]{1,4}[ ,.\u{a0}\u{202f}\u{2009}%*\"-]{0,2}){0,8}",
    ]) {
        let q = query::parse(&input);
        let canonical = q.to_string();
        let again = query::parse(&canonical);
        prop_assert_eq!(again.to_string(), canonical.clone());
        prop_assert_eq!(again.clauses, q.clauses, "canonical {}", canonical);
    }

    /// Ingest never panics, and every span it returns lies on character boundaries of the text.
    #[test]
    fn ingest_accepts_any_text(text in prop_oneof![
        any::<String>(),
        proptest::collection::vec(prop_oneof![
            Just("\n".to_string()), Just("\n\n".to_string()), Just("\r\n".to_string()),
            Just("date 2020-08-27".to_string()), Just("(@x)".to_string()), Just(". ".to_string()),
            Just("MINSK (Sputnik) - ".to_string()), Just("FILE PHOTO: ".to_string()),
            Just("(Reporting by A; Editing by B)".to_string()), Just("U.S. ".to_string()),
            Just("“".to_string()), Just("”".to_string()), Just("\u{0}".to_string()),
            Just("\u{202e}".to_string()), Just("<script>".to_string()), "[A-Za-z ,.]{0,30}",
            any::<String>(),
        ], 0..30).prop_map(|v| v.concat()),
    ]) {
        let a = ingest_text("id", "id.txt", &text, &Meta::default());
        prop_assert_eq!(&a.text, &text);
        for p in &a.paragraphs {
            prop_assert!(p.span.start <= p.span.end && p.span.end <= text.len());
            prop_assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
            for s in &p.sentences {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }

    /// A corpus of odd articles encodes, decodes to the same bytes, and answers any query.
    #[test]
    fn odd_corpora_encode_decode_and_search(
        texts in proptest::collection::vec(any::<String>(), 1..4),
        q in any::<String>(),
    ) {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| ingest_text(&format!("a{i}"), "a.txt", t, &Meta::default()))
            .collect();
        let corpus = Corpus::from_articles("odd", articles);
        let bytes = corpus.encode();
        let back = Corpus::decode(&bytes).expect("decodes");
        prop_assert_eq!(back.encode(), bytes);
        let _ = search(&corpus, &q, &Options::default());
    }

    /// Decoding arbitrary bytes as a corpus fails cleanly instead of panicking.
    #[test]
    fn corpus_decoding_rejects_garbage(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Corpus::decode(&bytes);
    }

    /// So does decoding them as the head of a corpus in static files, and filling them in as a
    /// text part.
    #[test]
    fn head_and_part_decoding_reject_garbage(
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut head = b"PLXH".to_vec();
        head.extend(&bytes);
        let _ = parallax_core::static_corpus::decode_head(&head);
        let _ = parallax_core::static_corpus::decode_head(&bytes);
        let seeds = parallax_core::fs::load_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds").as_path());
        if let Ok(seeds) = seeds {
            let files = seeds.corpus.to_static(Default::default());
            let opened = files.open().unwrap();
            prop_assert!(opened.fill_texts(0, &bytes).is_err());
        }
    }
}

/// Search queries built from the seeds' own words and every query-language form run over the
/// seed corpus without panicking.
#[test]
fn seed_searches_with_generated_queries_never_panic() {
    let corpus = &*common::SEEDS;
    const WORDS: &[&str] = &[
        "Lukashenko",
        "Tsikhanouskaya",
        "dialogue",
        "\"political",
        "prisoners\"",
        "-sanctions",
        "sanct*",
        "outlet:TASS",
        "date:2020-08",
        "date:..2020-12",
        "actor:putin",
        "stance:dialogue=support",
        "“",
        "-",
        "*",
        ":",
        "date:2020-13-45",
        "é",
        "\u{202e}",
    ];
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(
            &proptest::collection::vec(proptest::sample::select(WORDS), 0..8),
            |ws| {
                let _ = search(corpus, &ws.join(" "), &Options::default());
                Ok(())
            },
        )
        .unwrap();
}

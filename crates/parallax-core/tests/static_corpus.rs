//! A corpus split into static files (a head, text parts and postings shards): opened from its
//! head and parts it holds the same articles; searching it, once the shards and texts a query
//! needs are loaded, gives exactly what searching the whole corpus gives; the files it needs are
//! named before anything is loaded; wrong files are refused.

mod common;
use common::*;

use parallax_core::fs::load_dir;
use parallax_core::index::shards::PartKind;
use parallax_core::index::shards::{ShardError, ShardOptions};
use parallax_core::search::{search, Options};
use parallax_core::static_corpus::{decode_head, PartError, Searched, ShardPolicy, StaticCorpus};
use parallax_core::Corpus;
use std::sync::LazyLock;

/// 400 generated articles (the seeds' vocabulary), ingested once.
static GENERATED: LazyLock<Corpus> = LazyLock::new(|| {
    let generated = parallax_core::synth::generate(&SEEDS, 400, 11);
    let dir = tempfile::tempdir().unwrap();
    for f in &generated.files {
        std::fs::write(dir.path().join(&f.name), &f.text).unwrap();
    }
    load_dir(dir.path())
        .expect("the generated folder ingests")
        .corpus
});

/// Queries of every form: terms, prefixes, typos, phrases, exclusions, filters, stop words.
const QUERIES: &[(&str, &str)] = &[
    ("one term", "sanctions"),
    ("two terms", "opposition protest"),
    ("prefix", "protest*"),
    ("typo", "santcions"),
    ("phrase", "\"the opposition\""),
    ("exclusion", "election -protest"),
    ("stop word beside a term", "the election"),
    ("stop words only", "the of"),
    ("outlet filter", "outlet:reuters election"),
    ("date filter only", "date:2020"),
    ("stance filter", "stance:support"),
    ("actor filter", "actor:lukashenko election"),
    ("name", "Lukashenko"),
    (
        "a word of a photo caption (its own weight)",
        "dialogue Kremlin",
    ),
    ("unknown word", "zzzqqq"),
    ("empty", ""),
];

fn split(corpus: &Corpus, bytes: usize) -> StaticCorpus {
    corpus.to_static(ShardOptions {
        postings_bytes: bytes,
        part_bytes: 4 * 1024,
    })
}

/// What a search fetched before it was ready.
#[derive(Debug, Default)]
struct Fetched {
    rounds: usize,
    shards: usize,
    /// Whether the words file (for typos) was fetched.
    words: bool,
    texts: usize,
}

/// Searches the head as the page does: asks, loads what it needs, asks again.
fn search_loading(head: &Corpus, files: &StaticCorpus, q: &str, opts: &Options) -> Fetched {
    let mut fetched = Fetched::default();
    loop {
        match head.search_static(q, opts) {
            Searched::Ready(r) => {
                assert_eq!(r, search(head, q, opts), "{q}: ready means complete");
                return fetched;
            }
            Searched::Needs(needed) => {
                fetched.rounds += 1;
                // A word's shard; the shards its forms, variants or typo neighbours point to
                // (with the words file first for a typo); then the hits' texts.
                assert!(
                    fetched.rounds <= 5,
                    "{q}: still needs parts after loading them"
                );
                for n in needed {
                    let file = files
                        .shards
                        .iter()
                        .chain(&files.parts)
                        .find(|f| f.name == n.file)
                        .unwrap();
                    assert_eq!(n.bytes as usize, file.bytes.len());
                    assert!(!head.is_loaded(&n), "{q}: {} asked for twice", n.file);
                    head.fill(&n, &file.bytes).unwrap();
                    assert!(head.is_loaded(&n));
                    match n.kind {
                        PartKind::Postings if n.file.starts_with("words.") => fetched.words = true,
                        PartKind::Postings => fetched.shards += 1,
                        PartKind::Texts => fetched.texts += 1,
                    }
                }
            }
        }
    }
}

#[test]
fn a_split_corpus_answers_every_query_as_the_whole_one_does() {
    for (corpus_name, corpus) in [("seeds", &*SEEDS), ("generated", &*GENERATED)] {
        for bytes in [256, 4096, 1 << 20] {
            let files = split(corpus, bytes);
            let head = files.open().unwrap();
            assert!(head.index.postings.is_empty(), "the head holds no postings");
            for limit in [3, 50] {
                let opts = Options {
                    limit,
                    ..Options::default()
                };
                for (name, q) in QUERIES {
                    search_loading(&head, &files, q, &opts);
                    assert_eq!(
                        search(&head, q, &opts),
                        search(corpus, q, &opts),
                        "{corpus_name}, {bytes}-byte shards, limit {limit}, {name}: {q}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_query_fetches_only_the_shards_of_its_words() {
    let files = split(&GENERATED, 2048);
    assert!(files.shards.len() > 50, "{} shards", files.shards.len());
    let head = files.open().unwrap();
    let ten = Options {
        limit: 10,
        ..Options::default()
    };
    let fetched = search_loading(&head, &files, "sanctions", &ten);
    assert_eq!(
        fetched.rounds, 2,
        "postings, then the hits' texts: {fetched:?}"
    );
    assert!(
        fetched.shards <= 6,
        "a one-word query fetched {} of {} shards",
        fetched.shards,
        files.shards.len()
    );
    assert!(
        (1..=10).contains(&fetched.texts) && files.parts.len() > 20,
        "ten hits fetched {} of {} text parts",
        fetched.texts,
        files.parts.len()
    );
    assert!(
        !fetched.words,
        "a word the corpus has needs no typo tolerance"
    );
    // A misspelt word needs the words file, once its own shard says it is not there.
    let fresh = files.open().unwrap();
    let typo = search_loading(&fresh, &files, "santcions", &ten);
    assert!(typo.words && typo.shards <= 8, "{typo:?}");
    assert_eq!(
        search(&fresh, "santcions", &ten),
        search(&GENERATED, "santcions", &ten)
    );
    // Asked again, nothing more is needed.
    assert!(matches!(
        head.search_static("sanctions", &ten),
        Searched::Ready(_)
    ));
    // Queries that read no postings need at most the texts of their hits.
    for q in ["", "date:2020", "outlet:reuters"] {
        let fresh = files.open().unwrap();
        match fresh.search_static(q, &ten) {
            Searched::Ready(_) => {}
            Searched::Needs(n) => assert!(
                n.iter().all(|n| n.kind == PartKind::Texts) && n.len() <= 10,
                "{q}: {n:?}"
            ),
        }
    }
}

#[test]
fn shards_cover_the_terms_in_order_and_keep_to_their_size() {
    let whole = &GENERATED.index;
    for bytes in [256, 2048, 48 * 1024] {
        let files = split(&GENERATED, bytes);
        let head = files.open().unwrap();
        let map = head.index.shards.as_ref().unwrap();
        assert_eq!(map.files().len(), files.shards.len());
        // The shards, then the words file (every term and written form, for typos).
        let (words, shards) = files.shards.split_last().unwrap();
        assert!(words.name.starts_with("words."), "{}", words.name);
        for (k, f) in files.shards.iter().enumerate() {
            map.fill(k, &f.bytes).unwrap();
            if k < shards.len() {
                assert!(f.name.starts_with(&format!("terms-{k:04}.")), "{}", f.name);
            }
        }
        // The head keeps no dictionary: the shards hold it, each its own terms.
        assert!(head.index.terms.is_empty() && head.index.surfaces.is_empty());
        for (id, term) in whole.terms.iter().enumerate() {
            assert_eq!(head.index.term_id(term), Some(id as u32), "{term}");
            assert_eq!(head.index.doc_freq(id as u32), whole.doc_freq(id as u32));
        }
        for (key, ids) in &whole.name_keys {
            assert_eq!(head.index.name_variants(key), ids.as_slice(), "{key}");
        }
        for prefix in ["a", "pro", "sanc", "zzz", "", "lukash"] {
            assert_eq!(
                head.index.prefix_ids(prefix),
                whole.prefix_ids(prefix),
                "{prefix}"
            );
            assert_eq!(
                head.index.surface_prefix_ids(prefix),
                whole.surface_prefix_ids(prefix),
                "{prefix}"
            );
        }
        // Every term reads the same postings as the whole index.
        for id in 0..whole.terms.len() as u32 {
            let (a, b) = (whole.list(id), head.index.list(id));
            assert_eq!(a.units(), b.units(), "term {id}");
            assert!((0..a.len()).all(|i| a.positions(i) == b.positions(i)));
        }
        // A shard over the size holds one term (the size is a target, a term is never cut).
        // (The size is one of postings; the dictionary of the same terms adds to it.)
        let big = shards.iter().filter(|f| f.bytes.len() > 3 * bytes + 256);
        assert!(big.count() < shards.len() / 2 + 1, "{bytes}");
    }
}

#[test]
fn a_wrong_or_damaged_shard_is_refused_with_a_reason() {
    let files = split(&SEEDS, 512);
    let head = files.open().unwrap();
    let map = head.index.shards.as_ref().unwrap();
    let first = &files.shards[0];
    let cases: &[(&str, usize, Vec<u8>, ShardError)] = &[
        (
            "another shard's bytes",
            1,
            first.bytes.clone(),
            ShardError::Mismatch {
                file: files.shards[1].name.clone(),
            },
        ),
        (
            "truncated",
            0,
            first.bytes[..first.bytes.len() / 2].to_vec(),
            ShardError::Mismatch {
                file: first.name.clone(),
            },
        ),
        (
            "an error page instead",
            0,
            b"<!doctype html><title>404</title>".to_vec(),
            ShardError::Mismatch {
                file: first.name.clone(),
            },
        ),
        (
            "no such shard",
            9999,
            first.bytes.clone(),
            ShardError::NoSuchShard(9999),
        ),
    ];
    for (name, k, bytes, want) in cases {
        assert_eq!(map.fill(*k, bytes).as_ref(), Err(want), "{name}");
        let message = want.to_string();
        assert!(
            message.len() > 20 && !message.contains("Mismatch"),
            "{name}: {message}"
        );
    }
    assert!(!map.is_loaded(0) && !map.is_loaded(1));
    map.fill(0, &first.bytes).unwrap();
    map.fill(0, &first.bytes).unwrap(); // twice is harmless
    assert!(map.is_loaded(0));
}

#[test]
fn the_texts_arrive_in_parts_and_fill_the_whole_corpus() {
    let largest = GENERATED
        .articles
        .iter()
        .map(|a| a.text.len())
        .max()
        .unwrap();
    for part_bytes in [1, 16 * 1024, 256 * 1024, 64 << 20] {
        let files = GENERATED.to_static(ShardOptions {
            part_bytes,
            ..ShardOptions::default()
        });
        let head = files.open().unwrap();
        // The texts and what points into them (segments, paragraphs) are in the parts.
        assert!(
            head.articles
                .iter()
                .all(|a| !a.text.is_held() && !a.paragraphs.is_held() && !a.segments.is_held()),
            "{part_bytes}"
        );
        // The stance tags' keys are there at once, the rest of each tag with the texts.
        for d in 0..GENERATED.articles.len() {
            assert_eq!(
                head.stances.keys(d),
                GENERATED.stances.keys(d),
                "{part_bytes}"
            );
            assert!(head.stances.get_held(d).is_none(), "{part_bytes}");
        }
        assert_eq!(head.version, GENERATED.version, "{part_bytes}");
        // Everything else is there at once.
        for (a, b) in head.articles.iter().zip(&GENERATED.articles) {
            assert_eq!(
                (&a.id, &a.title, &a.outlets, &a.date, &a.authors),
                (&b.id, &b.title, &b.outlets, &b.date, &b.authors)
            );
        }
        assert_eq!(head.index.captions, GENERATED.index.captions);
        let opened = files.open_with_texts().unwrap();
        assert_eq!(opened.articles, GENERATED.articles, "{part_bytes}");
        assert_eq!(opened.stances, GENERATED.stances, "{part_bytes}");
        assert!(opened.texts_complete());
        // Each article is in one part; the parts follow the reading order (within a part its
        // articles are listed in corpus order).
        let table = &head.texts.as_ref().unwrap().parts;
        assert_eq!(table.len(), files.parts.len());
        let mut order = GENERATED.reading_order().iter().map(|&d| d as u32);
        for p in table {
            let mut run: Vec<u32> = order.by_ref().take(p.docs.len()).collect();
            run.sort_unstable();
            assert_eq!(p.docs, run, "{part_bytes}");
        }
        assert_eq!(order.next(), None, "{part_bytes}");
        for (k, (p, f)) in table.iter().zip(&files.parts).enumerate() {
            assert_eq!(p.name, f.name);
            assert_eq!(p.bytes as usize, f.bytes.len());
            assert!(f.name.starts_with(&format!("texts-{k:04}.")), "{}", f.name);
            // A part closes once it holds the target's worth of text (an article is never
            // cut), and a text's analysis is well under the text's own size.
            let text: usize = p
                .docs
                .iter()
                .map(|&d| GENERATED.articles[d as usize].text.len())
                .sum();
            assert!(
                text < part_bytes.max(1) + largest,
                "{part_bytes}: part {k} has {text} bytes of text"
            );
            assert!(
                f.bytes.len() <= 2 * text + 64,
                "{part_bytes}: part {k} has {} bytes for {text} of text",
                f.bytes.len()
            );
        }
        match part_bytes {
            1 => assert_eq!(
                files.parts.len(),
                GENERATED.articles.len(),
                "one article each"
            ),
            b if b > 32 << 20 => assert_eq!(files.parts.len(), 1),
            _ => assert!(files.parts.len() > 2, "{part_bytes}: {}", files.parts.len()),
        }
        // The head holds no article text: it is a fraction of the whole corpus.
        assert!(files.head.bytes.len() * 2 < GENERATED.encode().len());
    }
}

#[test]
fn a_view_names_the_text_parts_it_reads_and_gets_them() {
    let files = split(&GENERATED, 4096);
    let head = files.open().unwrap();
    let doc = GENERATED.reading_order()[GENERATED.articles.len() / 2];
    let want = &GENERATED.articles[doc];
    let span = want.paragraphs[0].span;
    // Reading a missing text reads as empty and names its part, once.
    let (read, misses) = head.with_misses(|| head.articles[doc].slice(span).to_string());
    assert_eq!(read, "");
    assert_eq!(misses, head.texts_needed([doc, doc]));
    assert_eq!(misses.len(), 1);
    assert_eq!(misses[0].kind, PartKind::Texts);
    let file = files
        .parts
        .iter()
        .find(|f| f.name == misses[0].file)
        .unwrap();
    head.fill(&misses[0], &file.bytes).unwrap();
    let (read, misses) = head.with_misses(|| head.articles[doc].slice(span).to_string());
    assert_eq!((read.as_str(), misses), (want.slice(span), vec![]));
    assert_eq!(head.articles[doc].text, want.text);
    assert!(head.texts_needed([doc]).is_empty());
    // Its part-mates came with it; the rest are still to fetch.
    let rest = head.all_texts_needed();
    assert_eq!(rest.len(), files.parts.len() - 1);
    for n in &rest {
        let file = files.parts.iter().find(|f| f.name == n.file).unwrap();
        head.fill(n, &file.bytes).unwrap();
    }
    assert!(head.texts_complete() && head.all_texts_needed().is_empty());
    assert_eq!(head.articles, GENERATED.articles);
    // An embedded corpus needs nothing.
    assert!(GENERATED.all_texts_needed().is_empty());
    assert_eq!(
        GENERATED
            .with_misses(|| GENERATED.articles[doc].text.len())
            .1,
        vec![]
    );
}

#[test]
fn a_wrong_text_part_or_head_is_refused_with_a_reason() {
    let files = split(&GENERATED, 4096);
    assert!(files.parts.len() >= 3, "{}", files.parts.len());
    let (first, second) = (&files.parts[0], &files.parts[1]);
    let named = |f: &parallax_core::index::shards::ShardFile| f.name.clone();
    let cases: &[(&str, usize, &[u8], PartError)] = &[
        (
            "another part's bytes",
            0,
            &second.bytes,
            PartError::Mismatch { file: named(first) },
        ),
        (
            "truncated",
            0,
            &first.bytes[..first.bytes.len() / 2],
            PartError::Mismatch { file: named(first) },
        ),
        (
            "an error page instead",
            0,
            b"<!doctype html><title>404</title>",
            PartError::Mismatch { file: named(first) },
        ),
        (
            "a postings shard instead",
            0,
            &files.shards[0].bytes,
            PartError::Mismatch { file: named(first) },
        ),
        (
            "no such part",
            99_999,
            &first.bytes,
            PartError::NoSuchPart(99_999),
        ),
    ];
    for (name, k, given, want) in cases {
        let head = files.open().unwrap();
        assert_eq!(head.fill_texts(*k, given).as_ref(), Err(want), "{name}");
        assert!(
            head.articles.iter().all(|a| !a.text.is_held()),
            "{name}: nothing filled"
        );
        let message = want.to_string();
        assert!(
            message.len() > 25 && !message.contains("Mismatch"),
            "{name}: {message}"
        );
    }
    let head = files.open().unwrap();
    head.fill_texts(0, &first.bytes).unwrap();
    head.fill_texts(0, &first.bytes).unwrap(); // twice is harmless
                                               // A head that is not one, or is an embedded corpus.
    let embedded = GENERATED.encode();
    let mut embedded_as_head = b"PLXH".to_vec();
    embedded_as_head.extend(&embedded);
    for (name, bad) in [
        ("another magic", &b"PLXC"[..]),
        ("empty", b""),
        ("a text part", &files.parts[0].bytes),
        ("cut short", &files.head.bytes[..20]),
        ("an embedded corpus", &embedded),
        (
            "an embedded corpus behind the head's magic",
            &embedded_as_head,
        ),
    ] {
        assert!(decode_head(bad).is_err(), "{name}");
    }
}

#[test]
fn file_names_carry_their_fingerprint_and_change_with_the_corpus() {
    let a = split(&SEEDS, 4096);
    let b = split(&SEEDS, 4096);
    assert_eq!(a, b, "the same corpus gives the same files");
    let c = split(&GENERATED, 4096);
    for f in a.files() {
        let hash = f.name.split('.').nth(1).unwrap();
        let print = parallax_core::index::shards::fingerprint(&f.bytes);
        // Text parts, thousands in a big corpus, carry the first half of it.
        let want = if f.name.starts_with("texts-") {
            &print[..8]
        } else {
            &print[..]
        };
        assert_eq!(hash, want, "{}", f.name);
        assert!(c.files().all(|g| g.name != f.name));
    }
    assert!(a.head.name.starts_with("head."));
}

#[test]
fn the_split_policy_reads_numbers_and_never() {
    let cases: &[(&str, Option<ShardPolicy>)] = &[
        ("2000", Some(ShardPolicy::From(2000))),
        ("10_000", Some(ShardPolicy::From(10_000))),
        ("10,000", Some(ShardPolicy::From(10_000))),
        (" 1 ", Some(ShardPolicy::From(1))),
        ("0", Some(ShardPolicy::From(1))),
        ("never", Some(ShardPolicy::Never)),
        ("NEVER", Some(ShardPolicy::Never)),
        ("lots", None),
        ("", None),
        ("-5", None),
    ];
    for (input, want) in cases {
        let got = input.parse::<ShardPolicy>();
        assert_eq!(got.as_ref().ok(), want.as_ref(), "{input:?}");
        if let Err(e) = got {
            assert!(e.to_string().contains("never"), "{e}");
        }
    }
    assert!(ShardPolicy::default().splits(parallax_core::static_corpus::DEFAULT_SHARD_FROM));
    assert!(!ShardPolicy::default().splits(1_000));
    assert!(!ShardPolicy::Never.splits(1_000_000));
    assert!(ShardPolicy::From(1).splits(1));
}

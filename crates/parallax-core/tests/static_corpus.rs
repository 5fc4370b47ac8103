//! A corpus split into static files (a head, article parts and postings shards): opened from its
//! head and parts it holds the same articles; searching it, once the shards a query needs are
//! loaded, gives exactly what searching the whole corpus gives; the files it needs are named
//! before anything is loaded; wrong files are refused.

mod common;
use common::*;

use parallax_core::fs::load_dir;
use parallax_core::index::shards::{ShardError, ShardOptions};
use parallax_core::search::{search, Options};
use parallax_core::static_corpus::{Opening, PartError, Searched, ShardPolicy, StaticCorpus};
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
    ("name", "Lukashenko"),
    ("unknown word", "zzzqqq"),
    ("empty", ""),
];

fn split(corpus: &Corpus, bytes: usize) -> StaticCorpus {
    corpus.to_static(ShardOptions {
        postings_bytes: bytes,
        part_bytes: 64 * 1024,
    })
}

/// Searches the head as the page does: asks, loads what it needs, asks again.
fn search_loading(head: &Corpus, files: &StaticCorpus, q: &str, opts: &Options) -> (usize, usize) {
    let map = head
        .index
        .shards
        .as_ref()
        .expect("the head keeps a shard map");
    let mut rounds = 0;
    let mut fetched = 0;
    loop {
        match head.search_static(q, opts) {
            Searched::Ready(r) => {
                assert_eq!(r, search(head, q, opts), "{q}: ready means complete");
                return (rounds, fetched);
            }
            Searched::Needs(needed) => {
                rounds += 1;
                assert!(rounds <= 2, "{q}: still needs shards after loading them");
                for n in needed {
                    let file = files.shards.iter().find(|f| f.name == n.file).unwrap();
                    assert_eq!(n.bytes as usize, file.bytes.len());
                    map.fill(n.shard, &file.bytes).unwrap();
                    fetched += 1;
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
    let (rounds, fetched) = search_loading(&head, &files, "sanctions", &Options::default());
    assert_eq!(rounds, 1, "one round of fetching");
    assert!(
        fetched <= 6,
        "a one-word query fetched {fetched} of {} shards",
        files.shards.len()
    );
    // Asked again, nothing more is needed.
    assert!(matches!(
        head.search_static("sanctions", &Options::default()),
        Searched::Ready(_)
    ));
    // Queries that read no postings need nothing.
    for q in ["", "date:2020", "outlet:reuters"] {
        let fresh = files.open().unwrap();
        assert!(
            matches!(
                fresh.search_static(q, &Options::default()),
                Searched::Ready(_)
            ),
            "{q}"
        );
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
        for (k, f) in files.shards.iter().enumerate() {
            map.fill(k, &f.bytes).unwrap();
            assert!(f.name.starts_with(&format!("terms-{k:04}.")), "{}", f.name);
        }
        // Every term reads the same postings as the whole index.
        for id in 0..whole.terms.len() as u32 {
            let (a, b) = (whole.list(id), head.index.list(id));
            assert_eq!(a.units(), b.units(), "term {id}");
            assert!((0..a.len()).all(|i| a.positions(i) == b.positions(i)));
        }
        // A shard over the size holds one term (the size is a target, a term is never cut).
        let big = files.shards.iter().filter(|f| f.bytes.len() > bytes + 64);
        assert!(big.count() < files.shards.len() / 2 + 1, "{bytes}");
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
fn the_articles_arrive_in_parts_and_open_into_the_whole_corpus() {
    for part_bytes in [1, 16 * 1024, 256 * 1024, 64 << 20] {
        let files = GENERATED.to_static(ShardOptions {
            part_bytes,
            ..ShardOptions::default()
        });
        let opened = files.open().unwrap();
        assert_eq!(opened.articles, GENERATED.articles, "{part_bytes}");
        assert_eq!(opened.stances, GENERATED.stances, "{part_bytes}");
        assert_eq!(opened.version, GENERATED.version, "{part_bytes}");
        let head = Opening::decode(&files.head.bytes).unwrap();
        let table = head.parts();
        assert_eq!(table.len(), files.parts.len());
        let total: u32 = table.iter().map(|p| p.articles).sum();
        assert_eq!(total as usize, GENERATED.articles.len());
        let largest = GENERATED
            .articles
            .iter()
            .map(|a| a.text.len())
            .max()
            .unwrap();
        for (k, (p, f)) in table.iter().zip(&files.parts).enumerate() {
            assert_eq!(p.name, f.name);
            assert_eq!(p.bytes as usize, f.bytes.len());
            assert!(
                f.name.starts_with(&format!("articles-{k:04}.")),
                "{}",
                f.name
            );
            assert!(
                f.bytes.len() <= part_bytes + 4 * largest + 1024,
                "{part_bytes}: part {k} has {} bytes",
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
fn a_wrong_missing_or_extra_article_part_is_refused_with_a_reason() {
    let files = split(&GENERATED, 4096);
    assert!(files.parts.len() >= 3, "{}", files.parts.len());
    let (first, second) = (&files.parts[0], &files.parts[1]);
    let named = |f: &parallax_core::index::shards::ShardFile| f.name.clone();
    let cases: &[(&str, Vec<&[u8]>, PartError)] = &[
        (
            "parts out of order",
            vec![&second.bytes],
            PartError::Mismatch { file: named(first) },
        ),
        (
            "truncated",
            vec![&first.bytes[..first.bytes.len() / 2]],
            PartError::Mismatch { file: named(first) },
        ),
        (
            "an error page instead",
            vec![b"<!doctype html><title>404</title>"],
            PartError::Mismatch { file: named(first) },
        ),
        (
            "a postings shard instead",
            vec![&files.shards[0].bytes],
            PartError::Mismatch { file: named(first) },
        ),
    ];
    for (name, given, want) in cases {
        let mut opening = Opening::decode(&files.head.bytes).unwrap();
        let got = given.iter().try_for_each(|b| opening.add(b));
        assert_eq!(got.as_ref(), Err(want), "{name}");
        let message = want.to_string();
        assert!(
            message.contains(&named(first)) && message.len() > 40,
            "{name}: {message}"
        );
    }
    // Finished too soon: the first part not given is named.
    let mut opening = Opening::decode(&files.head.bytes).unwrap();
    opening.add(&first.bytes).unwrap();
    assert_eq!(
        opening.finish().err(),
        Some(PartError::Missing {
            file: named(second)
        })
    );
    // One part too many.
    let mut opening = Opening::decode(&files.head.bytes).unwrap();
    for p in &files.parts {
        opening.add(&p.bytes).unwrap();
    }
    assert_eq!(opening.add(&first.bytes), Err(PartError::Extra));
    assert!(opening.finish().is_ok());
    // A head that is not one.
    for bad in [
        &b"PLXC"[..],
        b"",
        &files.parts[0].bytes,
        &files.head.bytes[..20],
    ] {
        assert!(Opening::decode(bad).is_err());
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
        assert_eq!(hash, parallax_core::index::shards::fingerprint(&f.bytes));
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

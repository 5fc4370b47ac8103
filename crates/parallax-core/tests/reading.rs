//! The list's reading order and the reader's related articles, computed in the core.

mod common;
use common::*;

use parallax_core::align::{align, Kind, Thresholds};
use parallax_core::corpus::{ReadingPlace, Related, RELATED_LIMIT};
use parallax_core::ingest::{ingest_text, Meta};
use parallax_core::Corpus;

fn short(corpus: &Corpus, docs: impl IntoIterator<Item = usize>) -> Vec<String> {
    docs.into_iter()
        .map(|d| corpus.articles[d].id.chars().take(3).collect())
        .collect()
}

/// A corpus of articles `(id, text)`.
fn corpus(files: &[(&str, &str)]) -> Corpus {
    Corpus::from_articles(
        "test",
        files
            .iter()
            .map(|(id, text)| ingest_text(id, &format!("{id}.txt"), text, &Meta::default()))
            .collect(),
    )
}

#[test]
fn the_reading_order_is_oldest_first_undated_last_then_by_id() {
    let dated = |day: &str| {
        format!("A headline for {day}\n\nMOSCOW, {day}. /TASS/. The talks went on for a long time, officials said on the day.\n")
    };
    let undated = "A headline with no date\n\nThe talks went on for a long time, officials said.\n";
    // (name, files as id and text, the order by id)
    type Case<'a> = (&'a str, Vec<(&'a str, String)>, &'a [&'a str]);
    let cases: &[Case] = &[
        ("no articles", vec![], &[]),
        ("one article", vec![("a", dated("August 14, 2020"))], &["a"]),
        (
            "by date, not by id",
            vec![
                ("a", dated("August 20, 2020")),
                ("b", dated("August 14, 2020")),
                ("c", dated("March 1, 2021")),
            ],
            &["b", "a", "c"],
        ),
        (
            "the same day: by id",
            vec![
                ("z", dated("August 14, 2020")),
                ("m", dated("August 14, 2020")),
            ],
            &["m", "z"],
        ),
    ];
    for (name, files, want) in cases {
        let files: Vec<(&str, &str)> = files.iter().map(|(i, t)| (*i, t.as_str())).collect();
        let c = corpus(&files);
        let got: Vec<&str> = c
            .reading_order()
            .iter()
            .map(|&d| c.articles[d].id.as_str())
            .collect();
        assert_eq!(got, *want, "{name}");
    }
    // Undated articles come last (when nothing in the corpus dates them), by id.
    let c = corpus(&[("b", undated), ("a", undated)]);
    assert!(c.articles.iter().all(|a| a.date.date.is_none()), "undated");
    let ids: Vec<&str> = c
        .reading_order()
        .iter()
        .map(|&d| c.articles[d].id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn the_seeds_read_oldest_first_and_each_knows_its_neighbours() {
    let order = SEEDS.reading_order();
    assert_eq!(short(&SEEDS, order.iter().copied()), SEED_ORDER);
    // The same order as sorting the articles by date, then id, with undated ones last.
    let mut by_date: Vec<usize> = (0..SEEDS.articles.len()).collect();
    by_date.sort_by_key(|&d| {
        let a = &SEEDS.articles[d];
        (a.date.date.is_none(), a.date.date, a.id.clone())
    });
    assert_eq!(order, by_date.as_slice());
    let n = order.len();
    for (i, &d) in order.iter().enumerate() {
        assert_eq!(
            SEEDS.reading_place(d),
            Some(ReadingPlace {
                position: i,
                of: n,
                older: i.checked_sub(1).map(|j| order[j]),
                newer: order.get(i + 1).copied(),
            }),
            "{}",
            SEEDS.articles[d].id
        );
    }
    assert_eq!(SEEDS.reading_place(n), None, "no such article");
}

/// The seeds by the first three digits of their ids, oldest first.
const SEED_ORDER: &[&str] = &["002", "003", "001", "000", "004"];

/// What the reader computed itself before: an alignment with every other article.
fn related_as_the_reader_did(corpus: &Corpus, doc: usize) -> Vec<Related> {
    let copies = corpus.copies_with(doc);
    let t = Thresholds::default();
    let mut out: Vec<Related> = (0..corpus.articles.len())
        .filter(|&o| o != doc)
        .map(|o| Related {
            doc: o,
            copies: copies.get(&o).copied().unwrap_or(0),
            paraphrases: align(&corpus.articles[doc], &corpus.articles[o], &t)
                .pairs
                .iter()
                .filter(|p| p.kind == Kind::Paraphrase)
                .count(),
        })
        .collect();
    out.sort_by(|a, b| {
        (b.copies, b.paraphrases)
            .cmp(&(a.copies, a.paraphrases))
            .then_with(|| corpus.articles[a.doc].id.cmp(&corpus.articles[b.doc].id))
    });
    out
}

#[test]
fn related_articles_share_the_most_text_first() {
    let d = |p: &str| SEEDS.position(&seed(p).id).unwrap();
    for (name, open, want) in RELATED_CASES {
        let got: Vec<(String, usize, usize)> = SEEDS
            .related(d(open))
            .into_iter()
            .map(|r| (short(&SEEDS, [r.doc])[0].clone(), r.copies, r.paraphrases))
            .collect();
        let want: Vec<(String, usize, usize)> = want
            .iter()
            .map(|(id, c, p)| (id.to_string(), *c, *p))
            .collect();
        assert_eq!(got, want, "{name}");
    }
    // The same as aligning the open article with every other one, for every seed.
    for doc in 0..SEEDS.articles.len() {
        assert_eq!(
            SEEDS.related(doc),
            related_as_the_reader_did(&SEEDS, doc),
            "{}",
            SEEDS.articles[doc].id
        );
    }
    assert!(SEEDS.related(99).is_empty(), "no such article");
    let one = corpus(&[("a", "A headline\n\nSome text of the story.\n")]);
    assert!(one.related(0).is_empty(), "nothing to compare with");
}

/// (name, the open article, the related ones in order with copied and paraphrased ¶)
type RelatedCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, usize, usize)],
);

const RELATED_CASES: &[RelatedCase] = &[
    (
        "the wire copy first, then paraphrases, then by id",
        "000",
        &[("001", 2, 0), ("002", 0, 1), ("003", 0, 1), ("004", 0, 1)],
    ),
    (
        "copies outrank everything; sharing nothing still lists the article",
        "001",
        &[("000", 2, 0), ("002", 0, 0), ("003", 0, 0), ("004", 0, 0)],
    ),
    (
        "paraphrases only",
        "002",
        &[("000", 0, 1), ("003", 0, 1), ("001", 0, 0), ("004", 0, 0)],
    ),
    (
        "the translated outlet paraphrases two",
        "003",
        &[("000", 0, 1), ("002", 0, 1), ("001", 0, 0), ("004", 0, 0)],
    ),
    (
        "one paraphrase, the rest by id",
        "004",
        &[("000", 0, 1), ("001", 0, 0), ("002", 0, 0), ("003", 0, 0)],
    ),
];

#[test]
fn over_the_limit_only_articles_sharing_copies_are_related() {
    let generated = parallax_core::synth::generate(&SEEDS, RELATED_LIMIT + 1, 3);
    let articles = generated
        .files
        .iter()
        .map(|f| {
            let id = f.name.trim_end_matches(".txt");
            ingest_text(id, &f.name, &f.text, &Meta::default())
        })
        .collect();
    let c = Corpus::from_articles("big", articles);
    let (copier, source, _) = generated.copies[0];
    let copier = c
        .position(&generated.files[copier].name.replace(".txt", ""))
        .unwrap();
    let source = c
        .position(&generated.files[source].name.replace(".txt", ""))
        .unwrap();
    let related = c.related(copier);
    assert!(related.iter().any(|r| r.doc == source), "{related:?}");
    assert!(
        related.iter().all(|r| r.copies > 0 && r.paraphrases == 0),
        "{related:?}"
    );
    assert!(related.len() < RELATED_LIMIT);
}

#[test]
fn related_articles_from_cached_features_match_aligning_anew() {
    // A generated corpus with planted wire copies: the ranking from the features read once per
    // corpus is the one from aligning the open article with each other one again.
    let generated = parallax_core::synth::generate(&SEEDS, 60, 3);
    let articles = generated
        .files
        .iter()
        .map(|f| {
            ingest_text(
                f.name.trim_end_matches(".txt"),
                &f.name,
                &f.text,
                &Meta::default(),
            )
        })
        .collect();
    let c = Corpus::from_articles("generated", articles);
    for doc in [0, 11, 30, 59] {
        assert_eq!(c.related(doc), related_as_the_reader_did(&c, doc), "{doc}");
    }
}

//! Ingest over the five seed articles: every messy case they contain, one named expectation each.

mod common;
use common::*;

use parallax_core::ingest::{Precision, Provenance, Role, SegmentKind};
use parallax_core::outlets::OutletRole;
use parallax_core::Corpus;

struct Expect {
    id: &'static str,
    title: &'static str,
    title_provenance: Provenance,
    outlets: &'static [(&'static str, OutletRole)],
    date: &'static str,
    date_provenance: Provenance,
    dateline: Option<&'static str>,
    authors: &'static [&'static str],
    paragraphs: usize,
    sentences: usize,
    boilerplate: usize,
    /// (repeat, original) paragraph indices.
    repeats: &'static [(usize, usize)],
}

const EXPECT: &[Expect] = &[
    Expect {
        id: "000_8ab391a8a651fb65",
        title: "Italy calls for a genuine and constructive dialogue between the Belarusian authorities and opposition that…",
        title_provenance: Provenance::Inferred,
        outlets: &[("UrduPoint", OutletRole::Publisher), ("Sputnik", OutletRole::Wire)],
        date: "2020-08-27",
        date_provenance: Provenance::Header,
        dateline: Some("ROME"),
        authors: &["@ChaudhryMAli88"],
        paragraphs: 7,
        sentences: 10,
        boilerplate: 0,
        repeats: &[],
    },
    Expect {
        id: "001_9c6dd14e164684d3",
        title: "Lithuanian Foreign Minister Calls For Int'l Response To Belarus Authorities' 'Brutalities'",
        title_provenance: Provenance::Text,
        outlets: &[("UrduPoint", OutletRole::Publisher), ("Sputnik", OutletRole::Wire)],
        date: "2020-08-24",
        date_provenance: Provenance::Text,
        dateline: Some("MOSCOW"),
        authors: &[],
        paragraphs: 8,
        sentences: 16,
        boilerplate: 0,
        repeats: &[(0, 1)],
    },
    Expect {
        id: "002_41439f313bc3004e",
        title: "The European Union will offer to Minsk its assistance in the dialogue with the opposition to settle the…",
        title_provenance: Provenance::Inferred,
        outlets: &[("TASS", OutletRole::Publisher)],
        date: "2020-08-14",
        date_provenance: Provenance::Header,
        dateline: Some("BRUSSELS"),
        authors: &[],
        paragraphs: 12,
        sentences: 19,
        boilerplate: 0,
        repeats: &[],
    },
    Expect {
        id: "003_fa59a08e2227003b",
        title: "Europeans are urging Putin to encourage dialogue to resolve the crisis in Belarus",
        title_provenance: Provenance::Text,
        outlets: &[],
        date: "2020-08-18",
        date_provenance: Provenance::Inferred,
        dateline: None,
        authors: &[],
        paragraphs: 38,
        sentences: 39,
        boilerplate: 0,
        repeats: &[(32, 17), (33, 18), (34, 19), (35, 20)],
    },
    Expect {
        id: "004_9c538ca53b92ee9e",
        title: "Putin says Lukashenko should start dialogue with Belarusian opposition",
        title_provenance: Provenance::Text,
        outlets: &[("Reuters", OutletRole::Publisher), ("inkl", OutletRole::Aggregator)],
        date: "2021",
        date_provenance: Provenance::Inferred,
        dateline: None,
        authors: &["Vladimir Soldatkin", "Matthias Williams", "Mark Trevelyan"],
        paragraphs: 9,
        sentences: 13,
        boilerplate: 2,
        repeats: &[],
    },
];

#[test]
fn every_seed_has_its_metadata() {
    assert_eq!(SEEDS.articles.len(), EXPECT.len());
    for e in EXPECT {
        let a = seed(e.id);
        let id = e.id;
        assert_eq!(a.id, e.id);
        assert_eq!(a.title.text, e.title, "{id} title");
        assert_eq!(
            a.title.provenance, e.title_provenance,
            "{id} title provenance"
        );
        let outlets: Vec<_> = a
            .outlets
            .iter()
            .map(|o| (o.name.as_str(), o.role))
            .collect();
        assert_eq!(outlets, e.outlets, "{id} outlets");
        assert_eq!(a.date.iso(), e.date, "{id} date ({})", a.date.reason);
        assert_eq!(a.date.provenance, e.date_provenance, "{id} date provenance");
        assert_eq!(
            a.dateline.as_ref().map(|d| d.place.as_str()),
            e.dateline,
            "{id} dateline"
        );
        let authors: Vec<_> = a.authors.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(authors, e.authors, "{id} authors");
        let text_paragraphs: Vec<_> = a
            .paragraphs
            .iter()
            .filter(|p| p.role != Role::Credit)
            .collect();
        assert_eq!(text_paragraphs.len(), e.paragraphs, "{id} paragraphs");
        let sentences: usize = text_paragraphs.iter().map(|p| p.sentences.len()).sum();
        assert_eq!(sentences, e.sentences, "{id} sentences");
        assert_eq!(a.boilerplate.len(), e.boilerplate, "{id} boilerplate");
        let repeats: Vec<_> = a
            .paragraphs
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.repeat_of.map(|r| (i, r.paragraph)))
            .collect();
        assert_eq!(repeats, e.repeats, "{id} repeats");
    }
}

#[test]
fn every_byte_of_every_seed_maps_to_one_segment() {
    for a in &SEEDS.articles {
        let mut pos = 0;
        for s in &a.segments {
            assert_eq!(s.span.start, pos, "{}: gap or overlap at byte {pos}", a.id);
            assert!(s.span.end > s.span.start, "{}: empty segment", a.id);
            if s.kind == SegmentKind::Space {
                assert!(
                    a.slice(s.span).trim().is_empty(),
                    "{}: text in a space segment",
                    a.id
                );
            }
            pos = s.span.end;
        }
        assert_eq!(pos, a.text.len(), "{}: segments stop early", a.id);
        let rebuilt: String = a.segments.iter().map(|s| a.slice(s.span)).collect();
        assert_eq!(a.text, rebuilt);
    }
}

#[test]
fn header_dates_and_handles_are_read() {
    let a = seed("000");
    assert_eq!(a.slice(a.date.evidence[0]), "2020-08-27");
    let header = a
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Header)
        .unwrap();
    assert_eq!(a.slice(header.span), "date 2020-08-27 (@ChaudhryMAli88)");
    // The TASS file has its header and its first paragraph on one line.
    let b = seed("002");
    let header = b
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Header)
        .unwrap();
    assert_eq!(b.slice(header.span), "date 2020-08-14");
    assert_eq!(
        b.slice(b.dateline.as_ref().unwrap().span),
        "BRUSSELS, August 14. /TASS/."
    );
    assert!(b
        .slice(b.paragraphs[0].span)
        .starts_with("The European Union will offer"));
}

#[test]
fn written_out_date_in_the_dateline() {
    let a = seed("001");
    assert_eq!(a.slice(a.date.evidence[0]), "24th August, 2020");
    assert_eq!(a.date.precision, Precision::Day);
    assert_eq!(
        a.slice(a.dateline.as_ref().unwrap().span),
        "MOSCOW (UrduPoint News / Sputnik - 24th August, 2020)"
    );
}

#[test]
fn undated_article_gets_an_inferred_date_with_its_reasons() {
    let a = seed("003");
    assert_eq!(a.date.precision, Precision::Day);
    assert_eq!(a.date.date.unwrap().weekday_name(), "Tuesday");
    for clue in ["August 9", "tenth consecutive day", "Tuesday"] {
        assert!(
            a.date.reason.contains(clue),
            "reason lacks {clue}: {}",
            a.date.reason
        );
    }
    let quoted: Vec<_> = a.date.evidence.iter().map(|s| a.slice(*s)).collect();
    assert!(quoted.contains(&"tenth consecutive day"), "{quoted:?}");
}

#[test]
fn reuters_via_inkl_keeps_the_wrapper_as_boilerplate() {
    let a = seed("004");
    let top = a.slice(a.boilerplate[0].span);
    assert!(
        top.starts_with("Get all your news in one place.") && top.ends_with("Business"),
        "{top}"
    );
    let bottom = a.slice(a.boilerplate[1].span);
    assert!(
        bottom.starts_with("Sign up to read this article")
            && bottom.ends_with("100+ trusted global sources.")
    );
    assert_eq!(a.outlet_label(), "Reuters via inkl");
    // The photo caption mentions Sputnik as photo credit: it is not an outlet of the article.
    assert_eq!(a.paragraphs[0].role, Role::Caption);
    assert!(a.outlets.iter().all(|o| o.name != "Sputnik"));
    assert_eq!(a.date.not_before.unwrap().to_string(), "2021-07-13");
    // No boilerplate paragraph leaks into article text.
    for (_, p) in a.main_paragraphs() {
        assert!(!a.slice(p.span).contains("Sign up"));
    }
}

#[test]
fn sentences_survive_abbreviations_and_quotes() {
    let a = seed("001");
    let tweet = &a.paragraphs[3];
    assert_eq!(tweet.sentences.len(), 3);
    assert!(a
        .slice(tweet.sentences[0])
        .contains("U.S. Deputy Secretary of State S. Biegun"));
    let b = seed("002");
    let all: Vec<&str> = b
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| b.slice(*s)))
        .collect();
    assert!(all.iter().any(|s| s.contains("80.1% of the vote.")));
}

#[test]
fn standfirst_repeated_in_the_lead_is_the_repeat() {
    let a = seed("001");
    assert_eq!(a.paragraphs[0].role, Role::Standfirst);
    let r = a.paragraphs[0].repeat_of.unwrap();
    assert_eq!(r.paragraph, 1);
    assert!(r.containment > 0.99);
}

#[test]
fn near_repeat_with_edited_words_is_found() {
    // "About two hundred … in Minsk, the capital, where" vs "Almost two hundred … in Minsk, where".
    let a = seed("003");
    let r = a.paragraphs[32].repeat_of.unwrap();
    assert!(a
        .slice(a.paragraphs[32].span)
        .starts_with("Almost two hundred"));
    assert!(
        r.containment > 0.8 && r.containment < 1.0,
        "{}",
        r.containment
    );
}

#[test]
fn corpus_round_trips_through_the_embedded_schema() {
    let bytes = SEEDS.encode();
    let back = Corpus::decode(&bytes).unwrap();
    assert_eq!(back, *SEEDS);
    assert!(Corpus::decode(b"nope").is_err());
    let mut wrong_schema = bytes.clone();
    wrong_schema[4] ^= 0xff;
    assert!(matches!(
        Corpus::decode(&wrong_schema),
        Err(parallax_core::DecodeError::Schema { .. })
    ));
    assert!(Corpus::decode(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn version_changes_with_content() {
    let mut articles = SEEDS.articles.clone();
    let v1 = Corpus::from_articles("x", articles.clone()).version;
    articles[0].text.push(' ');
    let v2 = Corpus::from_articles("x", articles).version;
    assert_ne!(v1, v2);
    assert_eq!(v1, SEEDS.version);
}

#[test]
fn summary_counts() {
    let s = SEEDS.summary();
    assert_eq!(s.articles, 5);
    assert_eq!(
        s.outlets,
        ["Reuters", "Sputnik", "TASS", "UrduPoint", "inkl"]
    );
    let (lo, hi) = s.date_range.unwrap();
    assert_eq!(lo.to_string(), "2020-08-14");
    assert_eq!(hi.to_string(), "2021-07-13");
    assert_eq!(s.undated_or_inferred, 2);
}

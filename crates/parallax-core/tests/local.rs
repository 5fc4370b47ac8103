//! Articles added in the page: one file or paste at a time, per-file errors, the corpus rebuilt
//! with them (search, comparison, stances, aliases), the time that takes, and the JSON bundle.

mod common;

use common::{seed, SEEDS};
use parallax_core::local::{
    is_local_id, missing_notice, Bundle, BundleError, LocalArticle, LocalArticles, BUNDLE_VERSION,
};
use parallax_core::search::search;
use parallax_core::ErrorKind;
use std::time::Instant;

const PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Talks | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily"><meta property="article:published_time" content="2020-08-19T10:00:00Z">
<script>var tracking = 1;</script></head><body><nav>Home</nav><article><h1>Opposition council offers talks</h1>
<p>MINSK &mdash; The opposition&rsquo;s coordination council on Wednesday offered a dialogue with the authorities
about a peaceful transfer of power and the release of political prisoners, its members said.</p>
<p>Tsikhanouskaya, speaking from Vilnius, urged Europe not to recognise the results of the election.</p>
</article><footer>(c) Harbour Daily</footer></body></html>"#;

const NOTE: &str = "# Zebra crossing notes\n\nThe quokka council met on Thursday to discuss zebrafish permits, and nothing about politics at all was said there.\n";

fn two_added() -> Vec<LocalArticle> {
    vec![
        LocalArticle::from_file("Council talks.html", PAGE.as_bytes()).unwrap(),
        LocalArticle::from_file("notes.md", NOTE.as_bytes()).unwrap(),
    ]
}

#[test]
fn a_dropped_file_becomes_an_article_with_a_local_id() {
    let [page, note] = <[LocalArticle; 2]>::try_from(two_added()).unwrap();
    assert!(page.id.starts_with("local-council-talks-"), "{}", page.id);
    assert_eq!(page.id.len(), "local-council-talks-".len() + 8);
    assert!(is_local_id(&page.id) && !is_local_id(&seed("000").id));
    assert_eq!(page.file_name, "Council talks.html");
    assert_eq!(
        page.title.as_deref(),
        Some("Opposition council offers talks")
    );
    assert_eq!(page.outlet.as_deref(), Some("Harbour Daily"));
    assert_eq!(page.date.as_deref(), Some("2020-08-19"));
    assert!(!page.text.contains("tracking") && !page.text.contains("Home"));
    let a = page.article();
    assert_eq!(a.id, page.id);
    assert_eq!(a.outlet_label(), "Harbour Daily");
    assert_eq!(a.date.iso(), "2020-08-19");
    assert!(
        a.notes.iter().any(|n| n.contains("added locally")),
        "{:?}",
        a.notes
    );
    assert_eq!(note.article().title.text, "Zebra crossing notes");
    // The same content gives the same id; other content another.
    assert_eq!(
        LocalArticle::from_file("Council talks.html", PAGE.as_bytes())
            .unwrap()
            .id,
        page.id
    );
    assert_ne!(
        LocalArticle::from_file("Council talks.html", b"<p>Other text entirely here.</p>")
            .unwrap()
            .id,
        page.id
    );
}

#[test]
fn a_page_the_browser_parsed_gives_the_same_article_as_the_file() {
    // The page hands over the tree its DOMParser built; here html5ever builds it.
    let dom = parallax_core::formats::html::parse(PAGE);
    let from_dom = LocalArticle::from_dom("Council talks.html", &dom).unwrap();
    assert_eq!(
        from_dom,
        LocalArticle::from_file("Council talks.html", PAGE.as_bytes()).unwrap()
    );
    let empty = parallax_core::formats::html::parse("<nav>Home</nav>");
    let e = LocalArticle::from_dom("menu.html", &empty).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("menu.html: no article text was found in the page"),
        "{e}"
    );
}

#[test]
fn each_bad_file_gets_its_own_sentence() {
    let cases: &[(&str, &[u8], ErrorKind, &str)] = &[
        (
            "report.pdf",
            b"%PDF-1.4",
            ErrorKind::Unsupported,
            "report.pdf: this is not an article file. Add articles as .txt, .md or .html files",
        ),
        (
            "old.txt",
            b"Caf\xe9",
            ErrorKind::NotUtf8,
            "old.txt:1: the file is not valid UTF-8 (byte 0xE9 at column 4)",
        ),
        (
            "empty.txt",
            b"",
            ErrorKind::Empty,
            "empty.txt: the file is empty",
        ),
        (
            "menu.html",
            b"<nav>Home</nav><script>x()</script>",
            ErrorKind::Empty,
            "menu.html: no article text was found in the page",
        ),
        (
            "jp.html",
            b"<meta charset=\"euc-jp\"><p>\xa4\xa2</p>",
            ErrorKind::NotUtf8,
            "jp.html: the page is encoded as “euc-jp”",
        ),
    ];
    for (name, bytes, kind, message) in cases {
        let e = LocalArticle::from_file(name, bytes).unwrap_err();
        assert_eq!(e.kind(), *kind, "{name}");
        assert!(e.to_string().starts_with(message), "{name}: {e}");
    }
}

#[test]
fn pasted_text_is_read_in_the_format_it_looks_like() {
    let html = LocalArticle::from_pasted(PAGE).unwrap();
    assert_eq!(html.file_name, "pasted.html");
    assert!(html.id.starts_with("local-pasted-"));
    assert_eq!(
        html.title.as_deref(),
        Some("Opposition council offers talks")
    );
    let md = LocalArticle::from_pasted(NOTE).unwrap();
    assert_eq!(md.file_name, "pasted.md");
    assert!(!md.text.contains('#'));
    let txt = LocalArticle::from_pasted(
        "MINSK (Reuters) - Plain text pasted from somewhere, long enough to be prose.",
    )
    .unwrap();
    assert_eq!(txt.file_name, "pasted.txt");
    let e = LocalArticle::from_pasted("   \n ").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("pasted text: the file holds only white space"),
        "{e}"
    );
}

#[test]
fn added_articles_join_search_comparison_and_stances() {
    let added = two_added();
    let c = SEEDS.with_local(&added);
    assert_eq!(c.articles.len(), SEEDS.articles.len() + 2);
    assert_eq!(c.name, SEEDS.name);
    assert_eq!(c.profile, SEEDS.profile);
    assert_eq!(c.index.aliases, SEEDS.index.aliases);
    assert_ne!(c.version, SEEDS.version);
    // The seeds' stance tags are kept as they were.
    for a in &SEEDS.articles {
        assert_eq!(c.stances_of(&a.id), SEEDS.stances_of(&a.id), "{}", a.id);
    }
    // Found by search, with the corpus's alias table: "Byelorussia" finds "Belarus"... and the new
    // words of the added note are indexed.
    let hits = search(&c, "quokka zebrafish", &Default::default());
    assert_eq!(hits.hits.len(), 1);
    assert_eq!(hits.hits[0].id, added[1].id);
    let hits = search(&c, "\"coordination council\"", &Default::default());
    assert_eq!(hits.hits[0].id, added[0].id);
    let hits = search(&c, "outlet:\"Harbour Daily\"", &Default::default());
    assert_eq!(hits.hits.len(), 1);
    // Compared with a seed like any article.
    let a = c.get(&added[0].id).unwrap();
    let al = parallax_core::align::align(a, seed("000"), &Default::default());
    assert!(al.pairs.len() + al.only_a.len() > 0);
    // Its stances are tagged with the corpus's profile: Tsikhanouskaya urged Europe…
    assert!(!c.stances_of(&added[0].id).is_empty(), "no stance tags");
    // Encoding and decoding keep it (the page may cache the built corpus).
    let back = parallax_core::Corpus::decode(&c.encode()).unwrap();
    assert_eq!(back.articles, c.articles);
    // An id the corpus has already is not added twice.
    assert_eq!(c.with_local(&added).articles.len(), c.articles.len());
}

/// Adding to or removing from the additions reuses what the corpus shown before worked out; the
/// result is the corpus a rebuild from the embedded one gives.
#[test]
fn reusing_the_previous_corpus_gives_what_a_rebuild_gives() {
    let generated = parallax_core::synth::generate(&SEEDS, 24, 11);
    let all: Vec<LocalArticle> = generated
        .files
        .iter()
        .map(|f| LocalArticle::from_file(&f.name, f.text.as_bytes()).unwrap())
        .chain(two_added())
        .collect();
    let mut shown = SEEDS.clone();
    // (case, the additions after the change)
    let steps: Vec<(&str, Vec<LocalArticle>)> = vec![
        ("a first drop", all[..10].to_vec()),
        ("a second drop", all[..20].to_vec()),
        ("the rest, with the HTML page", all.clone()),
        (
            "some removed",
            all.iter().skip(3).step_by(2).cloned().collect(),
        ),
        ("all removed", Vec::new()),
    ];
    for (case, additions) in steps {
        let reused = SEEDS.with_local_reusing(&additions, &shown);
        let rebuilt = SEEDS.with_local(&additions);
        assert_eq!(reused.articles, rebuilt.articles, "{case}: articles");
        assert_eq!(reused.stances, rebuilt.stances, "{case}: stance tags");
        assert_eq!(reused.version, rebuilt.version, "{case}");
        let ids = |c: &parallax_core::Corpus| {
            let mut v: Vec<String> = c.profile.actors.iter().map(|a| a.id.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(ids(&reused), ids(&rebuilt), "{case}: actors");
        shown = reused;
    }
}

#[test]
fn fifty_added_articles_over_the_seeds_build_quickly() {
    let generated = parallax_core::synth::generate(&SEEDS, 50, 7);
    let start = Instant::now();
    let added: Vec<LocalArticle> = generated
        .files
        .iter()
        .map(|f| LocalArticle::from_file(&f.name, f.text.as_bytes()).unwrap())
        .collect();
    let ingest = start.elapsed();
    let c = SEEDS.with_local(&added);
    let total = start.elapsed();
    println!(
        "50 added articles over the seeds: read {:.0} ms, corpus rebuilt (ingest, dates, stances, index) {:.0} ms in all ({} build)",
        ingest.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    assert_eq!(c.articles.len(), SEEDS.articles.len() + 50);
    // Generous: a debug build on a shared 2-core machine; the release figure is in the README.
    assert!(total.as_secs_f64() < 20.0, "{total:?}");
}

#[test]
fn local_articles_are_added_once_removed_and_bundled() {
    let mut local = LocalArticles::default();
    for a in two_added() {
        local.add(a).unwrap();
    }
    let again = LocalArticle::from_file("copy.html", PAGE.as_bytes()).unwrap();
    // Same text under another name: another id (the name is part of it), so it is added.
    assert_ne!(again.id, local.articles[0].id);
    let dup = local.add(local.articles[0].clone()).unwrap_err();
    assert_eq!(dup.kind(), ErrorKind::DuplicateId);
    assert!(
        dup.to_string()
            .contains("the same text was already added (from Council talks.html"),
        "{dup}"
    );

    let mut bundle = local.to_bundle("seeds");
    bundle.articles[0].added = Some("2026-11-22T07:00:00Z".into());
    let json = bundle.to_json();
    assert!(
        json.contains("\"format\": \"parallax-local-articles\""),
        "{json}"
    );
    assert!(json.contains(&format!("\"version\": {BUNDLE_VERSION}")));
    assert!(json.contains("\"format\": \"html\"") && json.contains("\"format\": \"md\""));
    let back = Bundle::from_json(&json).unwrap();
    assert_eq!(back, bundle);

    let id = local.articles[1].id.clone();
    assert!(local.remove(&id));
    assert!(!local.remove(&id));
    assert!(local.get(&id).is_none());

    let report = local.import(back, "another corpus");
    assert_eq!(report.added, vec![id]);
    assert_eq!(report.already_there.len(), 1);
    assert!(
        report.notes[0].contains("made over the corpus “seeds”"),
        "{:?}",
        report.notes
    );
}

#[test]
fn bad_bundles_say_what_is_wrong() {
    let good = LocalArticles {
        articles: two_added(),
    }
    .to_bundle("seeds")
    .to_json();
    let with = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let id = two_added()[0].id.clone();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not JSON",
            "{\"format\": ".into(),
            "the file is not JSON (the problem is at line 1, column 11)",
        ),
        ("a text file", "hello".into(), "the file is not JSON"),
        (
            "other JSON",
            "{\"articles\": []}".into(),
            "not a Parallax bundle",
        ),
        (
            "newer",
            with("\"version\": 1", "\"version\": 7"),
            "the bundle has version 7, but this page reads versions up to 1",
        ),
        (
            "no version",
            with("\"version\": 1,", ""),
            "its \"version\" is missing",
        ),
        (
            "unknown field",
            with("\"version\": 1,", "\"version\": 1, \"extra\": true,"),
            "unknown field `extra`",
        ),
        (
            "text not a string",
            with("\"text\": \"", "\"text\": 5, \"x\": \""),
            "the bundle is damaged",
        ),
        (
            "bad id",
            with(&format!("\"id\": \"{id}\""), "\"id\": \"../../etc\""),
            "article 1 of the bundle (“../../etc”) cannot be used: its id must start with “local-”",
        ),
        (
            "duplicate id",
            with(&two_added()[1].id, &id),
            "article 2 of the bundle",
        ),
        (
            "bad date",
            with("\"date\": \"2020-08-19\"", "\"date\": \"2020-02-30\""),
            "its date is not a calendar date",
        ),
    ];
    for (name, json, message) in cases {
        let e: BundleError = Bundle::from_json(&json).unwrap_err();
        assert!(e.to_string().contains(message), "{name}: {e}");
    }
    let empty_text = good.replacen(
        &format!(
            "\"text\": {}",
            serde_json::to_string(&two_added()[0].text).unwrap()
        ),
        "\"text\": \"  \"",
        1,
    );
    let e = Bundle::from_json(&empty_text).unwrap_err();
    assert!(e.to_string().contains("its text is empty"), "{e}");
}

#[test]
fn a_link_to_someone_elses_added_article_says_so() {
    let n = missing_notice("local-council-talks-1a2b3c4d").unwrap();
    assert!(
        n.contains("added in their own browser; you do not have it"),
        "{n}"
    );
    assert!(missing_notice("000_8ab391a8a651fb65").is_none());
}

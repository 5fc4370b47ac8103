//! Markdown and HTML article files: extraction from ugly real-shaped pages (nested markup,
//! entities, scripts, comments, navigation, bad encodings), ingest over the extracted text, and
//! folders mixing the three formats.

use parallax_core::formats::{extract, Extracted, Format};
use parallax_core::fs::load_dir;
use parallax_core::ingest::{Provenance, SegmentKind};
use parallax_core::outlets::OutletRole;
use parallax_core::{Article, ErrorKind};
use std::path::PathBuf;

fn fixture(name: &str) -> (PathBuf, Vec<u8>) {
    let path = fixtures().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    (path, bytes)
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn read(name: &str) -> Result<Extracted, parallax_core::CorpusError> {
    let (path, bytes) = fixture(name);
    extract(
        Format::from_name(name).expect("an article format"),
        &path,
        &bytes,
    )
}

/// Segments cover the text from the first byte to the last, in order.
fn assert_covered(a: &Article) {
    let mut pos = 0;
    for s in &a.segments {
        assert_eq!(s.span.start, pos, "{}", a.id);
        pos = s.span.end;
        if s.kind != SegmentKind::Space {
            assert!(!a.slice(s.span).is_empty(), "{}", a.id);
        }
    }
    assert_eq!(pos, a.text.len(), "{}", a.id);
}

/// (fixture, headline, outlet, date, words the text must hold, words it must not)
type Case = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "harbour-daily-page.html",
        Some("EU ministers call for dialogue in Belarus"),
        Some("Harbour Daily"),
        Some("2020-08-14"), // the meta tag wins over <time datetime="2020-08-15">
        &[
            "genuine & inclusive dialogue between",           // entity, nested inline markup
            "“We do not accept the results,” one minister said — adding", // numeric entities, &nbsp;
            "bloc’s foreign policy",                                     // &rsquo;
            "Protesters gather in Minsk",                                // figcaption kept
            "interior ministry said.\nTwo people died.",                 // <br> is a line break
            "The ministers will meet again in September.",               // unclosed <p>, nested div
        ],
        &[
            "tracking code", "dataLayer", "json-ld", "color: red", "Subscribe", "Politics",
            "cookies", "Share on X", "Related", "Lukashenko says", "ad text", "Enable JS",
            "Most read", "All rights reserved", "editor: check", "(og)", "Protesters in Minsk",
        ],
    ),
    (
        "coast-wire-latin1.html",
        Some("Café talks in Minsk"),
        Some("Coast Wire"),
        None,
        &["MINSK (Coast Wire) – Opposition leaders met at a café and called for “new elections”"],
        &["\u{FFFD}"],
    ),
    (
        "bad-bytes.html",
        Some("Bad bytes"),
        None,
        None,
        &["a bad byte here: \u{FFFD} and goes on"],
        &[],
    ),
    (
        "divs-and-breaks.html",
        Some("Protests continue for a tenth day"),
        None,
        None,
        &[
            "thousands marching in Minsk.\n\nWorkers at several state factories joined strikes, demanding",
            "Detained 6,700",
        ],
        &["Home | World", "THE DAILY SOMETHING", "Copyright"],
    ),
    (
        "story.md",
        Some("Kremlin warns against foreign interference"),
        Some("Example Times"),
        Some("2020-08-19"),
        &[
            "The Kremlin on Wednesday warned against any foreign interference in Belarus, saying the situation",
            "See the statement.",
            "What was said\n\nPeskov spoke to reporters.\n\nHe did not take",
            "\"Any interference is unacceptable,\" he said.",
        ],
        &["**", "](", "Kremlin photo", "embedded widget", "tags:", "---", "# "],
    ),
];

#[test]
fn pages_and_markdown_give_their_article_text_and_metadata() {
    for &(name, title, outlet, date, has, lacks) in CASES {
        let ex = read(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(ex.title.as_deref(), title, "{name}");
        assert_eq!(ex.outlet.as_deref(), outlet, "{name}");
        assert_eq!(ex.date.map(|d| d.to_string()).as_deref(), date, "{name}");
        for w in has {
            assert!(ex.text.contains(w), "{name}: no {w:?} in\n{}", ex.text);
        }
        for w in lacks {
            assert!(
                !ex.text.contains(w),
                "{name}: {w:?} should be gone from\n{}",
                ex.text
            );
        }
        // The headline is stated once, on its own line, after the date header when there is one.
        let expected_start = match (date, title) {
            (Some(d), Some(t)) => format!("date {d}\n\n{t}\n\n"),
            (None, Some(t)) => format!("{t}\n\n"),
            _ => String::new(),
        };
        assert!(ex.text.starts_with(&expected_start), "{name}:\n{}", ex.text);
        assert_eq!(
            ex.text.matches(title.unwrap_or("\u{0}")).count(),
            1,
            "{name}"
        );
    }
}

#[test]
fn encodings_are_read_or_refused_with_a_reason() {
    let latin = read("coast-wire-latin1.html").unwrap();
    assert!(
        latin.notes.is_empty() || !latin.notes[0].contains("replaced"),
        "{:?}",
        latin.notes
    );
    let bad = read("bad-bytes.html").unwrap();
    assert!(
        bad.notes[0].contains("declares UTF-8 but has 1 invalid byte sequence"),
        "{:?}",
        bad.notes
    );
    let undeclared = extract(
        Format::Html,
        "x.html".as_ref(),
        b"<p>Caf\xe9 au lait, said the waiter, and it was a long day of talks in the capital.</p>",
    )
    .unwrap();
    assert!(
        undeclared.text.contains("Café au lait"),
        "{}",
        undeclared.text
    );
    assert!(undeclared.notes[0].contains("read as Windows-1252"));
    let bom = extract(
        Format::Html,
        "x.html".as_ref(),
        "\u{feff}<p>Text.</p>".as_bytes(),
    )
    .unwrap();
    assert_eq!(bom.text, "Text.\n");

    let e = read("shift-jis.html").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotUtf8);
    assert!(
        e.to_string()
            .contains("shift-jis.html: the page is encoded as “shift_jis”"),
        "{e}"
    );
    let e = read("menu-only.html").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Empty);
    assert!(
        e.to_string()
            .contains("no article text was found in the page"),
        "{e}"
    );
    let e = extract(
        Format::Markdown,
        "x.md".as_ref(),
        b"---\ntitle: only\n---\n",
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("no article text once its Markdown is read"),
        "{e}"
    );
    let e = extract(Format::Markdown, "x.md".as_ref(), b"# T\n\xff\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("x.md:2: the file is not valid UTF-8"),
        "{e}"
    );
}

#[test]
fn a_folder_mixing_formats_ingests_each_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "harbour-daily-page.html",
        "coast-wire-latin1.html",
        "story.md",
        "divs-and-breaks.html",
    ] {
        std::fs::copy(fixtures().join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("plain.txt"),
        "date 2020-08-20\n\nA plain headline\n\nMINSK (Reuters) - The plain text article says the same as before, with enough words to be prose.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "%PDF").unwrap();
    std::fs::write(
        dir.path().join("corpus.toml"),
        "[article.story]\noutlet = \"Sidecar Weekly\"\n",
    )
    .unwrap();
    let loaded = load_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let c = &loaded.corpus;
    assert_eq!(c.articles.len(), 5);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.contains("notes.pdf: skipped")),
        "{:?}",
        loaded.warnings
    );
    for a in &c.articles {
        assert_covered(a);
        assert!(!a.paragraphs.is_empty(), "{}", a.id);
    }
    let page = c.get("harbour-daily-page").unwrap();
    assert_eq!(page.file_name, "harbour-daily-page.html");
    assert_eq!(page.title.text, "EU ministers call for dialogue in Belarus");
    assert_eq!(page.title.provenance, Provenance::Text);
    assert_eq!(page.date.iso(), "2020-08-14");
    assert_eq!(page.outlets[0].name, "Harbour Daily");
    assert_eq!(page.outlets[0].role, OutletRole::Publisher);
    assert!(
        page.notes
            .iter()
            .any(|n| n.contains("text extracted from HTML")),
        "{:?}",
        page.notes
    );
    // The sidecar still wins over what the markup says.
    let md = c.get("story").unwrap();
    assert_eq!(md.outlet_label(), "Sidecar Weekly");
    assert_eq!(md.date.iso(), "2020-08-19");
    assert_eq!(md.title.text, "Kremlin warns against foreign interference");
    // The build's summary counts the formats, outlets, dates and warnings. One undated article
    // shares enough words with a dated one to be dated by it (an inferred date, moved to the
    // weekday it names).
    let summary = parallax_core::summary::lines(c, loaded.warnings.len());
    assert_eq!(
        summary,
        [
            "corpus “{NAME}”: 5 articles (1 .txt, 1 .md, 3 .html), 4 outlets, dated 11 Aug 2020 to 20 Aug 2020 (1 with no known outlet)",
            "outlets: Coast Wire 1, Harbour Daily 1, Reuters 1, Sidecar Weekly 1",
            "dates: 3 stated in the files, 0 set in corpus.toml, 1 inferred, 1 unknown",
            "stance profile: the built-in profile (the seed story)",
            "warnings: 1 (above)",
        ]
        .map(|l| l.replace("{NAME}", &c.name))
    );
    // Searchable like any article.
    let hits = parallax_core::search::search(c, "\"foreign interference\"", &Default::default());
    assert!(hits.hits.iter().any(|h| h.id == "story"), "{:?}", hits.hits);
}

#[test]
fn two_files_with_one_id_in_different_formats_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Some article text that is long enough to read as prose here.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# A\n\nThe same article in Markdown, long enough to be prose.",
    )
    .unwrap();
    let e = load_dir(dir.path()).unwrap_err();
    assert_eq!(e.0[0].kind(), ErrorKind::DuplicateId);
}

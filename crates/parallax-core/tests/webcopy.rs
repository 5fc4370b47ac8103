//! Articles as they come from web pages, written for the tests in our own words
//! (`tests/fixtures/webcopy/`, a made-up dock strike): each file reproduces forms found in real
//! pages — a header line followed by a logo, time stamps, a byline with the agency on the next
//! line, skip links, breadcrumbs, share buttons, cookie and follow prompts, a photo credit, a
//! headline suffix, `with inputs from`, a dateline with a glued dash, a region or a double hyphen,
//! a text pasted as one block, and a text that states no date. One named expectation per file.

use parallax_core::fs::load_dir;
use parallax_core::ingest::{OutletRule, Provenance, Role};
use parallax_core::outlets::OutletRole;
use parallax_core::Corpus;
use std::path::PathBuf;
use std::sync::LazyLock;

static WEB: LazyLock<Corpus> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webcopy");
    load_dir(&dir)
        .expect("the web-copied folder ingests")
        .corpus
});

struct Expect {
    id: &'static str,
    title: &'static str,
    title_provenance: Provenance,
    /// (outlet, role, rule) of the outlets that carried it.
    outlets: &'static [(&'static str, OutletRole, OutletRule)],
    /// Outlets only cited or credited for a photo.
    mentioned: &'static [(&'static str, OutletRole)],
    date: &'static str,
    date_provenance: Provenance,
    /// Text paragraphs (credits excluded).
    paragraphs: usize,
    /// Chrome set aside, as (start of the chrome text, words its reason contains).
    chrome: &'static [(&'static str, &'static str)],
}

const EXPECT: &[Expect] = &[
    Expect {
        id: "01-harbour-wire",
        title: "Valmora dock workers walk out over pay, union says",
        title_provenance: Provenance::Text,
        outlets: &[("Reuters", OutletRole::Publisher, OutletRule::Dateline)],
        mentioned: &[],
        date: "2024-03-04",
        date_provenance: Provenance::Header,
        paragraphs: 6,
        chrome: &[("Logo", "interface"), ("Published March 4", "time stamp"), ("Updated March 4", "time stamp")],
    },
    Expect {
        id: "02-ap-copy",
        title: "Valmora strike spreads to rail yards as talks stall",
        title_provenance: Provenance::Text,
        outlets: &[("AP", OutletRole::Publisher, OutletRule::Dateline)],
        mentioned: &[],
        date: "2024-03-05",
        date_provenance: Provenance::Text,
        paragraphs: 4,
        chrome: &[
            ("Skip to content", "skip link"),
            ("Home › World", "breadcrumb"),
            ("Facebook Twitter", "interface"),
            ("March 5, 2024 - 3:13 PM", "time stamp"),
            ("Advertisement", "advertisement"),
            ("Read more:", "read-more"),
            ("Share this article", "prompt"),
        ],
    },
    Expect {
        id: "03-xinhua-no-headline",
        title: "Coastland's labour ministry on Tuesday offered to mediate between the port authority of Valmora and the…",
        title_provenance: Provenance::Inferred,
        outlets: &[("Xinhua", OutletRole::Publisher, OutletRule::Dateline)],
        mentioned: &[],
        date: "2024-03-05",
        date_provenance: Provenance::Inferred,
        paragraphs: 3,
        chrome: &[("Follow us on", "prompt")],
    },
    Expect {
        id: "04-tass-one-block",
        title: "The dock workers' union of Valmora said on Wednesday that the strike at the port would continue until the port…",
        title_provenance: Provenance::Inferred,
        outlets: &[("TASS", OutletRole::Publisher, OutletRule::Dateline)],
        mentioned: &[],
        date: "2024-03-06",
        date_provenance: Provenance::Header,
        paragraphs: 5,
        chrome: &[],
    },
    Expect {
        id: "05-site-with-inputs",
        title: "Valmora port strike talks collapse after 12 hours",
        title_provenance: Provenance::Text,
        outlets: &[
            ("Al Jazeera", OutletRole::Publisher, OutletRule::HeadlineSuffix),
            ("AFP", OutletRole::Wire, OutletRule::WithInput),
            ("Reuters", OutletRole::Wire, OutletRule::WithInput),
        ],
        mentioned: &[],
        date: "2024-03-07",
        date_provenance: Provenance::Inferred,
        paragraphs: 5,
        chrome: &[("We use cookies", "cookie")],
    },
    Expect {
        id: "06-undated-roundup",
        title: "Valmora strike: what we know so far",
        title_provenance: Provenance::Text,
        outlets: &[],
        mentioned: &[("TASS", OutletRole::Cited)],
        date: "2024-03-07",
        date_provenance: Provenance::Inferred,
        paragraphs: 4,
        chrome: &[],
    },
];

#[test]
fn every_web_copied_article_reads_right() {
    assert_eq!(WEB.articles.len(), EXPECT.len());
    for e in EXPECT {
        let id = e.id;
        let a = WEB.get(id).unwrap_or_else(|| panic!("no article {id}"));
        assert_eq!(a.title.text, e.title, "{id} title");
        assert_eq!(
            a.title.provenance, e.title_provenance,
            "{id} title provenance"
        );
        let outlets: Vec<_> = a
            .outlets
            .iter()
            .map(|o| (o.name.as_str(), o.role, o.rule))
            .collect();
        assert_eq!(outlets, e.outlets, "{id} outlets");
        let mentioned: Vec<_> = a
            .mentioned
            .iter()
            .map(|o| (o.name.as_str(), o.role))
            .collect();
        assert_eq!(mentioned, e.mentioned, "{id} cited and photo outlets");
        assert_eq!(a.date.iso(), e.date, "{id} date ({})", a.date.reason);
        assert_eq!(a.date.provenance, e.date_provenance, "{id} date provenance");
        let text: Vec<_> = a
            .paragraphs
            .iter()
            .filter(|p| p.role != Role::Credit)
            .collect();
        assert_eq!(text.len(), e.paragraphs, "{id} paragraphs");
        for (start, reason) in e.chrome {
            assert!(
                a.boilerplate
                    .iter()
                    .any(|b| a.slice(b.span).contains(start) && b.reason.contains(reason)),
                "{id}: no chrome “{start}…” ({reason}) in {:?}",
                a.boilerplate
                    .iter()
                    .map(|b| (a.slice(b.span), &b.reason))
                    .collect::<Vec<_>>()
            );
        }
        // Chrome is never article text, and every outlet says why it is there.
        for (_, p) in a.main_paragraphs() {
            for b in &a.boilerplate {
                assert!(
                    b.span.end <= p.span.start || b.span.start >= p.span.end,
                    "{id}: chrome inside ¶"
                );
            }
        }
        for o in &a.outlets {
            assert!(
                o.explain(a).contains(o.rule.as_str()),
                "{id}: {}",
                o.explain(a)
            );
        }
    }
}

#[test]
fn chrome_and_credits_are_not_indexed() {
    for q in ["cookies", "WhatsApp", "Advertisement", "Skip"] {
        let r = parallax_core::search::search(&WEB, q, &Default::default());
        assert!(
            r.hits.is_empty(),
            "{q} found in {:?}",
            r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_unbroken_block_is_read_paragraph_by_paragraph() {
    let a = WEB.get("04-tass-one-block").unwrap();
    // A quotation opens a paragraph of its own where the text allows it.
    assert!(a.main_paragraphs().count() >= 4);
    assert!(a
        .main_paragraphs()
        .skip(1)
        .any(|(_, p)| a.slice(p.span).starts_with('"')));
}

#[test]
fn the_outlet_label_names_every_carrier() {
    let labels: Vec<String> = WEB.articles.iter().map(|a| a.outlet_label()).collect();
    assert_eq!(
        labels,
        [
            "Reuters",
            "AP",
            "Xinhua",
            "TASS",
            "Al Jazeera / AFP / Reuters",
            "Unknown outlet"
        ]
    );
}

#[test]
fn an_outlet_explains_itself_with_the_line_that_named_it() {
    let a = WEB.get("02-ap-copy").unwrap();
    let why = a.outlets[0].explain(a);
    assert!(
        why.starts_with("Publisher — dateline “VALMORA, Coastland (AP) — Rail freight"),
        "{why}"
    );
    assert!(why.ends_with("…”"), "{why}");
    let b = WEB.get("06-undated-roundup").unwrap();
    assert!(b.mentioned[0]
        .explain(b)
        .starts_with("Cited as a source — a citing phrase “…"));
}

//! A corpus folder with a bad file fails with the file, the line and a fix; odd but readable text
//! never panics.

use parallax_core::fs::load_dir;
use parallax_core::ingest::{Provenance, SegmentKind};
use parallax_core::{ingest_text, ErrorKind};
use std::path::Path;

const GOOD: &str =
    "A headline\n\nROME (Sputnik - 1st May, 2020) The story begins here and goes on for a while.\n";

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// (case, files, kind, file named in the message, line, words the message must contain)
type Case = (
    &'static str,
    &'static [(&'static str, &'static [u8])],
    ErrorKind,
    &'static str,
    Option<usize>,
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "not UTF-8",
        &[
            ("good.txt", GOOD.as_bytes()),
            ("latin1.txt", b"Line one\nCaf\xe9 society\n"),
        ],
        ErrorKind::NotUtf8,
        "latin1.txt",
        Some(2),
        &["not valid UTF-8", "0xE9", "column 4", "iconv"],
    ),
    (
        "empty",
        &[("good.txt", GOOD.as_bytes()), ("empty.txt", b"")],
        ErrorKind::Empty,
        "empty.txt",
        None,
        &["empty", "remove"],
    ),
    (
        "only white space",
        &[("good.txt", GOOD.as_bytes()), ("blank.txt", b" \n\t\r\n")],
        ErrorKind::Empty,
        "blank.txt",
        None,
        &["only white space"],
    ),
    (
        "duplicate id ignoring case",
        &[
            ("Story.txt", GOOD.as_bytes()),
            ("story.TXT", GOOD.as_bytes()),
        ],
        ErrorKind::DuplicateId,
        "story.TXT",
        None,
        &["Story.txt", "Rename"],
    ),
    (
        "sidecar syntax",
        &[
            ("good.txt", GOOD.as_bytes()),
            (
                "corpus.toml",
                b"[article.good]\ntitle = \"x\"\ndate = 2020-01-01\noutlet = [\n",
            ),
        ],
        ErrorKind::Sidecar,
        "corpus.toml",
        Some(4),
        &["not valid", "unclosed array", "README"],
    ),
    (
        "sidecar unknown article",
        &[
            ("good.txt", GOOD.as_bytes()),
            (
                "corpus.toml",
                b"# notes\n\n[article.\"missing\"]\ntitle = \"x\"\n",
            ),
        ],
        ErrorKind::Sidecar,
        "corpus.toml",
        Some(3),
        &["missing", "no article file missing.txt"],
    ),
    (
        "sidecar bad date",
        &[
            ("good.txt", GOOD.as_bytes()),
            (
                "corpus.toml",
                b"[article.good]\ntitle = \"x\"\ndate = \"2020-02-30\"\n",
            ),
        ],
        ErrorKind::Sidecar,
        "corpus.toml",
        Some(3),
        &["2020-02-30", "YYYY-MM-DD"],
    ),
    (
        "sidecar unknown field",
        &[
            ("good.txt", GOOD.as_bytes()),
            ("corpus.toml", b"[article.good]\nheadline = \"x\"\n"),
        ],
        ErrorKind::Sidecar,
        "corpus.toml",
        Some(2),
        &["headline"],
    ),
    (
        "no articles",
        &[("notes.pdf", b"hello")],
        ErrorKind::NoArticles,
        "",
        None,
        &["no article files (.txt, .md or .html)"],
    ),
];

#[test]
fn each_bad_input_fails_with_file_line_and_fix() {
    for (name, files, kind, file, line, words) in CASES {
        let dir = folder(files);
        let errors = load_dir(dir.path()).expect_err(name).0;
        let e = errors
            .iter()
            .find(|e| e.kind() == *kind)
            .unwrap_or_else(|| panic!("{name}: {errors:?}"));
        let shown = e.to_string();
        if !file.is_empty() {
            assert_eq!(e.path().file_name().unwrap(), *file, "{name}");
        }
        assert_eq!(e.line(), *line, "{name}: {shown}");
        if let Some(l) = line {
            assert!(shown.contains(&format!("{file}:{l}: ")), "{name}: {shown}");
        }
        for w in *words {
            assert!(shown.contains(w), "{name}: {shown:?} lacks {w:?}");
        }
        assert!(shown.ends_with('.'), "{name}: not a sentence: {shown}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = folder(&[
        ("a.txt", b""),
        ("b.txt", b"\xff"),
        ("c.txt", GOOD.as_bytes()),
    ]);
    let errors = load_dir(dir.path()).unwrap_err();
    assert_eq!(errors.0.len(), 2);
    let all = errors.to_string();
    assert!(
        all.contains("2 problems") && all.contains("a.txt") && all.contains("b.txt"),
        "{all}"
    );
}

#[test]
fn a_missing_folder_says_so() {
    let e = load_dir(Path::new("/no/such/folder")).unwrap_err();
    assert_eq!(e.0[0].kind(), ErrorKind::NotAFolder);
    assert!(e.to_string().contains("CORPUS_DIR"));
}

#[test]
fn sidecar_fills_and_overrides_metadata() {
    let dir = folder(&[
        ("good.txt", GOOD.as_bytes()),
        ("corpus.toml", b"[article.good]\ntitle = \"Better\"\noutlet = [\"Example Daily\", \"Reuters\"]\ndate = \"2020-05-02\"\n"),
        ("notes.pdf", b"ignored"),
    ]);
    let loaded = load_dir(dir.path()).unwrap();
    let a = &loaded.corpus.articles[0];
    assert_eq!(a.title.text, "Better");
    assert_eq!(a.title.provenance, Provenance::Sidecar);
    assert_eq!(a.outlet_label(), "Example Daily / Reuters");
    assert_eq!(a.date.iso(), "2020-05-02");
    assert_eq!(a.date.provenance, Provenance::Sidecar);
    assert!(
        a.notes.iter().any(|n| n.contains("replaces")),
        "{:?}",
        a.notes
    );
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].contains("notes.pdf"));
    assert_eq!(loaded.inputs.len(), 2);
}

/// A small deterministic generator (xorshift) for odd inputs.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn odd_text_never_panics_and_stays_covered() {
    let pieces = [
        "ROME",
        " (",
        ")",
        " - ",
        "date ",
        "2020-08-27",
        "(@x",
        "\n",
        "\n\n",
        "\r\n",
        ". ",
        "“",
        "”",
        "U.S.",
        "Mr.",
        "August 9",
        "tenth day",
        "Tuesday",
        "since 1994",
        "26 years",
        "\u{feff}",
        "\0",
        "<script>",
        "Ціханоўская",
        "(Reporting by A; Editing by B)",
        "FILE PHOTO:",
        "Sign up to read",
        "BRUSSELS, August 14. /TASS/.",
        "é",
        "👍🏽",
        "\u{202e}",
        "  ",
        "a",
        "Word ",
        "/",
        "(",
        "'",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n)
            .map(|_| pieces[(rng.next() % pieces.len() as u64) as usize])
            .collect();
        let a = ingest_text("x", "x.txt", &text, &Default::default());
        let mut pos = 0;
        for s in &a.segments {
            assert_eq!(s.span.start, pos, "round {round}: {text:?}");
            pos = s.span.end;
            if s.kind != SegmentKind::Space {
                assert!(!a.slice(s.span).is_empty());
            }
        }
        assert_eq!(pos, text.len(), "round {round}: {text:?}");
        for p in &a.paragraphs {
            for s in &p.sentences {
                assert!(
                    s.start >= p.span.start && s.end <= p.span.end,
                    "round {round}: {text:?}"
                );
            }
        }
        let _ = parallax_core::Corpus::from_articles("x", vec![a]);
    }
}

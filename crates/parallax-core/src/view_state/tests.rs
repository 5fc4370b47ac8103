//! Named cases of the view state: URL round trips, screens, passage keys, notices.

use super::*;

#[test]
fn round_trips() {
    let docs = [
        None,
        Some("000_8ab391a8a651fb65"),
        Some("a b&c=d/é<script>"),
        Some("%zz+"),
    ];
    let queries = [
        None,
        Some("\"political prisoners\" -outlet:TASS"),
        Some("Ціханоўская & co=1 + 2%"),
        Some(" "),
    ];
    let compares: [&[&str]; 3] = [&[], &["000_a", "001_b"], &["a,b", "c d", "é", "x"]];
    for (doc, compare) in docs
        .iter()
        .flat_map(|d| compares.iter().map(move |c| (d, c)))
    {
        for q in queries {
            let s = ViewState {
                q: q.map(String::from),
                doc: doc.map(String::from),
                compare: compare.iter().map(|c| c.to_string()).collect(),
                focus: doc.map(|d| PassageKey::new(d, 2)),
                ..Default::default()
            };
            let (back, notices) = ViewState::parse(&s.to_string());
            assert_eq!(back, s);
            assert!(notices.is_empty(), "{notices:?}");
        }
    }
}

#[test]
fn malformed_input_is_total() {
    let cases: &[(&str, Option<&str>, usize)] = &[
        ("", None, 0),
        ("?", None, 0),
        ("?doc=abc", Some("abc"), 0),
        ("doc=%E2%82%AC", Some("€"), 0),
        ("doc=%ZZ%", Some("%ZZ%"), 0),
        ("doc=%FF", Some("\u{fffd}"), 0),
        ("?x=1&doc=a&doc=b", Some("a"), 2),
        ("v=99&doc=a", Some("a"), 1),
        ("v=1", None, 0),
        ("&&&=&", None, 1),
        ("doc=", None, 1),
    ];
    for (q, doc, n) in cases {
        let (s, notices) = ViewState::parse(q);
        assert_eq!(s.doc.as_deref(), *doc, "{q}");
        assert_eq!(notices.len(), *n, "{q}: {notices:?}");
    }
}

#[test]
fn comparisons_are_checked() {
    let (s, n) = ViewState::parse("compare=a,b,c,d,e");
    assert_eq!(s.compare, ["a", "b", "c", "d"]);
    assert_eq!(n.len(), 1);
    let (s, n) = ViewState::parse("compare=a,gone").0.validate(|d| d == "a");
    assert!(s.compare.is_empty());
    assert_eq!(s.doc.as_deref(), Some("a"));
    assert_eq!(n.len(), 2, "{n:?}");
    let (s, n) = ViewState::parse("compare=a,b")
        .0
        .validate(|d| d == "a" || d == "b");
    assert_eq!(s.compare, ["a", "b"]);
    assert!(n.is_empty());
}

#[test]
fn unknown_doc_falls_back_with_notice() {
    let (s, n) = ViewState {
        q: None,
        doc: Some("nope".into()),
        compare: Vec::new(),
        focus: None,
        coverage: None,
        adding: false,
        passage: None,
    }
    .validate(|d| d == "yes");
    assert_eq!(s.doc, None);
    assert_eq!(n.len(), 1);
    assert_eq!(
        n[0].kind(),
        &NoticeKind::UnknownArticle { id: "nope".into() }
    );
    assert!(n[0].to_string().contains("“nope”"), "{}", n[0]);
}

#[test]
fn coverage_round_trips_and_complains() {
    let day = |s: &str| Date::parse_iso(s);
    let states = [
        CoverageState::default(),
        CoverageState {
            by: Rows::Actors,
            row: Some("eu".into()),
            target: Some("sanctions".into()),
            range: DateRange {
                from: day("2020-08-01"),
                to: day("2020-08-31"),
            },
        },
        CoverageState {
            row: Some("UrduPoint / Sputnik".into()),
            range: DateRange {
                from: None,
                to: day("2021-01-01"),
            },
            ..Default::default()
        },
    ];
    for c in states {
        let s = ViewState {
            coverage: Some(c),
            ..Default::default()
        };
        let text = s.to_string();
        assert!(text.contains("view=coverage"), "{text}");
        assert_eq!(ViewState::parse(&text), (s, vec![]));
    }
    let (s, n) =
        ViewState::parse("by=actor&from=2020-09-01&to=2020-08-01&view=nope&by=rows&from=yesterday");
    let c = s.coverage.unwrap();
    assert_eq!(c.by, Rows::Actors);
    assert_eq!(
        (c.range.from, c.range.to),
        (day("2020-08-01"), day("2020-09-01"))
    );
    assert_eq!(n.len(), 4, "{n:?}");
}

#[test]
fn links_to_local_articles_say_the_recipient_lacks_them() {
    let (s, n) = ViewState::parse("doc=local-my-notes-0a1b2c3d")
        .0
        .validate(|_| false);
    assert_eq!(s.doc, None);
    assert!(
        n[0].to_string().contains("added in their own browser"),
        "{n:?}"
    );
    let (_, n) = ViewState::parse("compare=a,local-x")
        .0
        .validate(|d| d == "a");
    assert!(
        n.iter()
            .any(|m| m.to_string().contains("you do not have it")),
        "{n:?}"
    );
}

#[test]
fn passage_links_are_readable_and_round_trip() {
    let s = ViewState {
        doc: Some("004_x".into()),
        passage: Some(Passage {
            start: 120,
            end: 245,
            corpus: "3f9a".into(),
            prefix: "the border. ".into(),
            exact: "Police cracked down, re-using".into(),
            suffix: " More".into(),
        }),
        ..Default::default()
    };
    let link = s.to_string();
    assert_eq!(
        link,
        "v=1&doc=004_x&at=120-245&cv=3f9a&quote=the+border.+-,Police+cracked+down%2C+re%2Dusing,-+More"
    );
    assert_eq!(ViewState::parse(&link), (s, vec![]));
}

#[test]
fn malformed_passages_are_ignored_with_a_notice() {
    let cases: &[(&str, bool, &str)] = &[
        ("doc=a&at=5", false, "not two numbers"),
        ("doc=a&at=9-3", false, "not two numbers"),
        ("doc=a&at=x-y&quote=a", false, "not two numbers"),
        ("doc=a&quote=abc", false, "gives no position"),
        ("doc=a&at=1-2&quote=a,b,c,d", true, "not in the form"),
        (
            "doc=a&at=1-2&at=3-4",
            true,
            "more than one passage position",
        ),
    ];
    for (q, kept, says) in cases {
        let (s, n) = ViewState::parse(q);
        assert_eq!(s.passage.is_some(), *kept, "{q}");
        assert_eq!(s.doc.as_deref(), Some("a"), "{q}");
        assert!(n.iter().any(|n| n.to_string().contains(says)), "{q}: {n:?}");
    }
    let (s, n) = ViewState::parse("at=1-2").0.validate(|_| true);
    assert_eq!(s.passage, None);
    assert_eq!(n[0].kind(), &NoticeKind::PassageWithoutArticle);
}

#[test]
fn quoted_link_text_cannot_reorder_or_control_the_notice() {
    assert_eq!(printable("a\u{202e}b\0c", 10), "a[U+202E]b[U+0000]c");
    assert_eq!(printable("abcdef", 3), "abc…");
    let (_, n) = ViewState::parse("%E2%80%AEevil=1");
    assert!(n[0].to_string().contains("“[U+202E]evil”"), "{n:?}");
}

#[test]
fn passage_keys_read_and_write_id_colon_number() {
    // (name, text, the key it reads as, or the error)
    type Want = Result<(&'static str, usize), PassageKeyError>;
    let cases: &[(&str, &str, Want)] = &[
        (
            "plain",
            "000_8ab391a8a651fb65:7",
            Ok(("000_8ab391a8a651fb65", 6)),
        ),
        ("first paragraph", "a:1", Ok(("a", 0))),
        ("colon in the id", "local:notes:12", Ok(("local:notes", 11))),
        ("non-ASCII id", "é👍:3", Ok(("é👍", 2))),
        ("leading zeros", "a:007", Ok(("a", 6))),
        (
            "no colon",
            "000_8ab391a8a651fb65",
            Err(PassageKeyError::NoSeparator),
        ),
        ("empty", "", Err(PassageKeyError::NoSeparator)),
        ("no id", ":7", Err(PassageKeyError::NoArticle)),
        ("only a colon", ":", Err(PassageKeyError::NoArticle)),
        ("no number", "a:", Err(PassageKeyError::BadNumber)),
        ("zero", "a:0", Err(PassageKeyError::BadNumber)),
        ("negative", "a:-1", Err(PassageKeyError::BadNumber)),
        ("plus sign", "a:+1", Err(PassageKeyError::BadNumber)),
        ("letters", "a:b", Err(PassageKeyError::BadNumber)),
        ("space", "a: 1", Err(PassageKeyError::BadNumber)),
        (
            "overflow",
            "a:99999999999999999999999",
            Err(PassageKeyError::BadNumber),
        ),
        (
            "u64 max",
            "a:18446744073709551616",
            Err(PassageKeyError::BadNumber),
        ),
    ];
    for (name, text, want) in cases {
        let got = text.parse::<PassageKey>();
        let want = want.map(|(doc, p)| PassageKey::new(doc, p));
        assert_eq!(got, want, "{name}: {text:?}");
        if let Ok(key) = got {
            assert_eq!(
                key.to_string().parse::<PassageKey>(),
                Ok(key.clone()),
                "{name}"
            );
        }
    }
    assert_eq!(PassageKey::new("x:y", 0).to_string(), "x:y:1");
    assert!(PassageKeyError::BadNumber.to_string().contains("from 1 up"));
}

#[test]
fn focus_links_stay_as_they_were_written() {
    // Links made before the key was a type must read the same and write back unchanged.
    let link =
        "v=1&focus=000_8ab391a8a651fb65%3A7&compare=000_8ab391a8a651fb65,001_9c6dd14e164684d3";
    let (s, n) = ViewState::parse(link);
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.focus, Some(PassageKey::new("000_8ab391a8a651fb65", 6)));
    assert_eq!(s.to_string(), link);
    // An unreadable focus is dropped with a notice that says why; the rest of the link works.
    for bad in ["focus=%3Aa", "focus=abc", "focus=a%3A0", "focus=a%3Ax"] {
        let (s, n) = ViewState::parse(&format!("compare=a,b&{bad}"));
        assert_eq!(s.focus, None, "{bad}");
        assert_eq!(s.compare, ["a", "b"], "{bad}");
        assert_eq!(n.len(), 1, "{bad}: {n:?}");
        assert!(
            matches!(n[0].kind(), NoticeKind::BadFocus { .. }),
            "{bad}: {n:?}"
        );
        assert!(n[0].to_string().contains("focus"), "{bad}: {n:?}");
    }
}

#[test]
fn every_link_shows_exactly_one_screen() {
    let cases: &[(&str, &str, Screen)] = &[
        ("empty link", "", Screen::List),
        ("version only", "v=1", Screen::List),
        ("a focus alone", "focus=a%3A1", Screen::List),
        ("a search", "q=dialogue", Screen::Search),
        ("an article", "doc=a", Screen::Reader),
        (
            "an article from results",
            "q=dialogue&doc=a",
            Screen::Reader,
        ),
        ("a comparison", "compare=a,b", Screen::Compare),
        (
            "a comparison wins over an article",
            "doc=a&compare=a,b",
            Screen::Compare,
        ),
        (
            "a comparison wins over a search",
            "q=x&compare=a,b,c",
            Screen::Compare,
        ),
        (
            "a comparison wins over coverage",
            "view=coverage&compare=a,b",
            Screen::Compare,
        ),
        ("coverage", "view=coverage", Screen::Coverage),
        ("coverage selections", "by=actor&row=eu", Screen::Coverage),
        (
            "coverage wins over a search",
            "q=x&view=coverage",
            Screen::Coverage,
        ),
        (
            "an article wins over coverage",
            "doc=a&view=coverage",
            Screen::Reader,
        ),
        ("the add page", "view=add", Screen::Add),
        (
            "add wins over coverage",
            "view=coverage&view=add",
            Screen::Add,
        ),
        ("add wins over a search", "q=x&view=add", Screen::Add),
        ("an article wins over add", "doc=a&view=add", Screen::Reader),
    ];
    for (name, link, want) in cases {
        let (s, _) = ViewState::parse(link);
        let (s, _) = s.validate(|_| true);
        assert_eq!(s.screen(), *want, "{name}: {link}");
    }
    // A comparison that loses all but one article opens that article.
    let (s, _) = ViewState::parse("compare=a,gone").0.validate(|d| d == "a");
    assert_eq!(s.screen(), Screen::Reader);
}

/// Each slip of a link gives its kind of notice, and the kind reads as this sentence. The
/// corpus of these cases has one article, `a`.
#[test]
fn each_notice_kind_reads_as_a_sentence() {
    use NoticeKind as K;
    let s = |x: &str| x.to_string();
    #[rustfmt::skip]
    let cases: Vec<(&str, &str, NoticeKind, &str)> = vec![
        ("unknown version", "v=9", K::UnknownVersion { version: s("9") },
            "This link was made by a newer or unknown version of Parallax (v=9); it is read as version 1."),
        ("two searches", "q=a&q=b", K::Repeated(Repeated::Search),
            "The link has more than one search; only the first is used."),
        ("an empty article", "doc=", K::Repeated(Repeated::Article),
            "The link names more than one article or an empty one; only the first is opened."),
        ("two focuses", "doc=a&focus=a%3A1&focus=a%3A2", K::Repeated(Repeated::Focus),
            "The link focuses more than one passage or an empty one; only the first is used."),
        ("a bad focus", "doc=a&focus=abc", K::BadFocus { focus: s("abc"), why: PassageKeyError::NoSeparator },
            "The link's focus “abc” was ignored. A passage is named as article id, colon, paragraph number (like 000_ab12:7); this one has no colon."),
        ("two comparisons", "compare=a,b&compare=c,d", K::Repeated(Repeated::Comparison),
            "The link has more than one comparison; only the first is used."),
        ("too many compared", "compare=a,b,c,d,e,f", K::TooManyCompared { given: 6 },
            "Parallax compares at most 4 articles; the first 4 of the link's 6 are shown."),
        ("unknown view", "view=map", K::UnknownView { view: s("map") },
            "The link asks for a view “map” that Parallax does not have; it was ignored."),
        ("unknown rows", "view=coverage&by=month", K::UnknownRows { by: s("month") },
            "The coverage view has rows by outlet or by actor, not by “month”; showing outlets."),
        ("two rows", "view=coverage&row=x&row=y", K::Repeated(Repeated::Row),
            "The link selects more than one row; only the first is used."),
        ("two targets", "view=coverage&target=x&target=y", K::Repeated(Repeated::Target),
            "The link selects more than one target; only the first is used."),
        ("a bad start", "view=coverage&from=soon", K::BadRangeDate { date: s("soon"), end: RangeEnd::Start },
            "“soon” is not a date Parallax can read (use YYYY-MM-DD); the start of the range was ignored."),
        ("a bad end", "view=coverage&to=2020-13-01", K::BadRangeDate { date: s("2020-13-01"), end: RangeEnd::End },
            "“2020-13-01” is not a date Parallax can read (use YYYY-MM-DD); the end of the range was ignored."),
        ("a range backwards", "view=coverage&from=2020-09-01&to=2020-08-01", K::RangeSwapped,
            "The link's date range ends before it starts; its ends were swapped."),
        ("unknown parameter", "zoom=2", K::UnknownParameter { name: s("zoom") },
            "The link's parameter “zoom” is not one Parallax knows; it was ignored."),
        ("two positions", "doc=a&at=1-2&at=3-4", K::Repeated(Repeated::PassagePosition),
            "The link has more than one passage position (at=); only the first is used."),
        ("two corpus versions", "doc=a&at=1-2&cv=x&cv=y", K::Repeated(Repeated::CorpusVersion),
            "The link has more than one corpus version (cv=); only the first is used."),
        ("two quotes", "doc=a&at=1-2&quote=x&quote=y", K::Repeated(Repeated::Quote),
            "The link has more than one quote; only the first is used."),
        ("a bad quote", "doc=a&at=1-2&quote=a,b,c,d", K::BadQuote { quote: s("a,b,c,d") },
            "The link's quote “a,b,c,d” is not in the form prefix-,start,-suffix; the passage is found by its position only."),
        ("a bad position", "doc=a&at=5", K::BadPosition { at: s("5") },
            "The link's passage position “5” is not two numbers like 120-245; the article opens at its top."),
        ("a quote without a position", "doc=a&quote=abc", K::QuoteWithoutPosition,
            "The link quotes a passage but gives no position (at=); the quote was ignored."),
        ("unknown article", "doc=gone", K::UnknownArticle { id: s("gone") },
            "This link opens article “gone”, which is not in this corpus (it may have been renamed or removed). Showing all articles instead."),
        ("someone else's added article", "doc=local-x-1a2b3c4d", K::UnknownArticle { id: s("local-x-1a2b3c4d") },
            "This link points to an article (“local-x-1a2b3c4d”) that whoever shared it added in their own browser; you do not have it. Ask them to export their added articles and send you the file, then import it here. Showing all articles instead."),
        ("compared added elsewhere", "compare=a,b,local-y", K::AddedElsewhere { id: s("local-y") },
            "This link points to an article (“local-y”) that whoever shared it added in their own browser; you do not have it. Ask them to export their added articles and send you the file, then import it here."),
        ("compared unknown", "compare=a,b,c", K::UnknownCompared { ids: vec![s("b"), s("c")] },
            "The comparison names “b”, “c” not in this corpus; they were left out."),
        ("a passage without an article", "at=1-2", K::PassageWithoutArticle,
            "The link points at a passage but opens no article; the passage was ignored."),
        ("a comparison of one", "compare=a,gone", K::LoneComparison,
            "A comparison needs at least two articles; showing the one that is left."),
    ];
    for (name, link, kind, sentence) in cases {
        let (state, mut notices) = ViewState::parse(link);
        notices.extend(state.validate(|d| d == "a").1);
        let Some(n) = notices.iter().find(|n| n.kind() == &kind) else {
            panic!("{name}: {link} gives {notices:?}, not {kind:?}");
        };
        assert_eq!(n.to_string(), sentence, "{name}");
    }
}

/// Notices quote a link's values through `printable`: cut, with control characters written out.
#[test]
fn notices_quote_link_values_printably() {
    let long = "x".repeat(100);
    let cases = [
        (
            "bidi control",
            NoticeKind::UnknownView {
                view: "\u{202e}map".into(),
            },
            "“[U+202E]map”",
        ),
        (
            "long value cut",
            NoticeKind::UnknownParameter { name: long.clone() },
            "“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”",
        ),
        (
            "passage quote cut at 60",
            NoticeKind::PassageMoved { quote: long },
            "the passage “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…” was found",
        ),
        (
            "a lost passage without a quote",
            NoticeKind::PassageLost {
                quote: String::new(),
            },
            "the link holds no quote to find it by",
        ),
    ];
    for (name, kind, says) in cases {
        let n = Notice::from(kind);
        assert!(n.to_string().contains(says), "{name}: {n}");
    }
}

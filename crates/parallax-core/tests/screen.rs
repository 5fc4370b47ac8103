//! One screen per link, and the document title each screen gets, over the seeds.

mod common;
use common::*;

use parallax_core::view_state::{Screen, ViewState};

#[test]
fn each_screen_gets_its_own_document_title() {
    let (a, b) = (&seed("000").id, &seed("002").id);
    // (name, link, the screen, the title)
    let cases: Vec<(&str, String, Screen, String)> = vec![
        (
            "the list",
            String::new(),
            Screen::List,
            "Parallax — how outlets covered the same story".into(),
        ),
        (
            "a search",
            "q=dialogue".into(),
            Screen::Search,
            "dialogue — Parallax search".into(),
        ),
        (
            "an article",
            format!("doc={a}"),
            Screen::Reader,
            format!("{} — Parallax", seed("000").title.text),
        ),
        (
            "an article opened from results",
            format!("q=dialogue&doc={a}"),
            Screen::Reader,
            format!("{} — Parallax", seed("000").title.text),
        ),
        (
            "a comparison names its outlets",
            format!("compare={a},{b}"),
            Screen::Compare,
            format!(
                "Comparison: {} vs {} — Parallax",
                seed("000").outlet_label(),
                seed("002").outlet_label()
            ),
        ),
        (
            "a comparison with an article open is still a comparison",
            format!("doc={a}&compare={b},{a}"),
            Screen::Compare,
            format!(
                "Comparison: {} vs {} — Parallax",
                seed("002").outlet_label(),
                seed("000").outlet_label()
            ),
        ),
        (
            "a comparison of one known article opens it",
            format!("compare={a},gone"),
            Screen::Reader,
            format!("{} — Parallax", seed("000").title.text),
        ),
        (
            "an unknown article falls back to the list",
            "doc=gone".into(),
            Screen::List,
            "Parallax — how outlets covered the same story".into(),
        ),
        (
            "coverage",
            "view=coverage&by=actor".into(),
            Screen::Coverage,
            "Coverage across outlets — Parallax".into(),
        ),
        (
            "the add page",
            "q=x&view=add".into(),
            Screen::Add,
            "Add articles — Parallax".into(),
        ),
    ];
    for (name, link, screen, title) in cases {
        let (state, _) = ViewState::parse(&link);
        let (state, _) = state.validate(|id| SEEDS.get(id).is_some());
        assert_eq!(state.screen(), screen, "{name}");
        assert_eq!(state.document_title(&SEEDS), title, "{name}");
    }
    // A state that was not validated still gets a title, never a panic.
    let (state, _) = ViewState::parse("compare=a,b");
    assert_eq!(
        state.document_title(&SEEDS),
        "Comparing 2 articles — Parallax"
    );
}

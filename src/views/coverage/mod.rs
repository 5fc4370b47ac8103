//! The coverage view (`?view=coverage`): how each outlet covered the story. A timeline whose brush
//! limits everything below it, the outlets-or-actors × targets matrix with its drill-down, the
//! quote ledger, name spellings and figures across outlets. Every table downloads as CSV and
//! JSON, the timeline as SVG; every selection is in the URL.
//!
//! One file a section: `timeline` (the chart and its brush), `controls` (period chips and date
//! inputs), `matrix`, `drilldown` (a cell's statements), `ledger`, `names`, `figures`. The
//! articles of the date range are picked once, in [`CoverageView`]'s one selection memo, and every
//! section reads them from it.

mod controls;
mod drilldown;
mod figures;
mod ledger;
mod matrix;
mod names;
mod timeline;

use crate::components::stance::profile_note;
use crate::{href, paragraph_href, Route};
use leptos::prelude::*;
use parallax_core::coverage::{self, DateRange, Picked};
use parallax_core::ingest::Article;
use parallax_core::view_state::{CoverageState, ViewState};
use parallax_core::Corpus;
use std::sync::Arc;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A table cell with nothing in it: a dash for the eye, `what` for screen readers.
fn empty_cell(what: &'static str) -> impl IntoView {
    view! { <td class="empty"><span aria-hidden="true">"–"</span><span class="visually-hidden">{what}</span></td> }
}

/// The link to the coverage view in another state.
fn coverage_href(route: &Route, c: CoverageState) -> String {
    href(
        &route.path,
        &ViewState {
            coverage: Some(c),
            ..Default::default()
        },
    )
}

/// The link to a paragraph in the reader.
fn reader_href(route: &Route, article: &Article, paragraph: usize) -> String {
    paragraph_href(&route.path, None, article, paragraph)
}

fn range_words(r: DateRange) -> String {
    match (r.from, r.to) {
        (Some(f), Some(t)) if f == t => f.human(),
        (Some(f), Some(t)) => format!("{} – {}", f.human(), t.human()),
        (Some(f), None) => format!("from {}", f.human()),
        (None, Some(t)) => format!("until {}", t.human()),
        (None, None) => "all dates".into(),
    }
}

/// The coverage view.
#[component]
pub fn CoverageView(corpus: Arc<Corpus>, route: Memo<Route>) -> impl IntoView {
    let state = Memo::new(move |_| route.with(|r| r.state.coverage.clone().unwrap_or_default()));
    let range = Memo::new(move |_| state.with(|s| s.range));
    // The one selection: the articles of the range, picked once for every section below.
    let c = corpus.clone();
    let picked: Memo<Picked> = Memo::new(move |_| coverage::pick(&c, range.get()));
    let total = corpus.articles.len();
    let summary = move || {
        picked.with(|sel| {
            let mut text = format!(
                "{} of {} · {}",
                plural(sel.docs.len(), "article", "articles"),
                total,
                range_words(sel.range)
            );
            if sel.undated_left_out > 0 {
                text.push_str(&format!(
                    " · {} left out",
                    plural(sel.undated_left_out, "undated article", "undated articles")
                ));
            }
            text
        })
    };
    let clear = move || {
        route.with(|r| {
            coverage_href(
                r,
                CoverageState {
                    range: DateRange::default(),
                    ..state.get()
                },
            )
        })
    };
    view! {
        <div class="coverage" data-testid="coverage">
            <div class="coverage-head">
                <h1>"Coverage across outlets"</h1>
                <p class="coverage-scope" aria-live="polite" data-testid="coverage-scope">
                    {summary}
                    {move || (!range.get().is_all()).then(|| view! {
                        " " <a href=clear class="clear-range" data-testid="clear-range" data-noscroll="">"Show all dates"</a>
                    })}
                </p>
            </div>
            {profile_note(&corpus)}
            <timeline::TimelineSection corpus=corpus.clone() route=route state=state />
            <matrix::MatrixSection corpus=corpus.clone() route=route state=state picked=picked />
            <ledger::LedgerSection corpus=corpus.clone() route=route state=state picked=picked />
            <names::NamesSection corpus=corpus.clone() picked=picked />
            <figures::FiguresSection corpus=corpus route=route picked=picked />
        </div>
    }
}

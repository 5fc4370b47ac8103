//! The site header: product name and a summary of the corpus.

use crate::components::search_box::SearchBox;
use crate::components::share::Share;
use crate::{href, Route};
use leptos::prelude::*;
use parallax_core::view_state::ViewState;
use parallax_core::Corpus;

/// Product name, tagline and corpus summary.
#[component]
pub fn SiteHeader(corpus: &'static Corpus, route: Memo<Route>) -> impl IntoView {
    let s = corpus.summary();
    let range = s.date_range.map(|(lo, hi)| {
        if lo == hi {
            lo.human()
        } else {
            format!("{} – {}", lo.human(), hi.human())
        }
    });
    let home = move || route.with(|r| href(&r.path, &ViewState::default()));
    view! {
        <header class="site-header">
            <a class="brand" href=home aria-label="Parallax, all articles">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">"Parallax"</span>
            </a>
            <p class="tagline">"How different outlets covered the same story"</p>
            <SearchBox route=route />
            <Share corpus=corpus route=route />
            <ul class="corpus-summary" aria-label="Corpus summary" data-testid="corpus-summary">
                <li><strong>{s.articles}</strong>{if s.articles == 1 { " article" } else { " articles" }}</li>
                <li><strong>{s.outlets.len()}</strong>{if s.outlets.len() == 1 { " outlet" } else { " outlets" }}</li>
                {range.map(|r| view! { <li>{r}</li> })}
            </ul>
        </header>
    }
}

//! The site header: product name and a summary of the corpus.

use crate::components::search_box::SearchBox;
use crate::components::share::Share;
use crate::{href, Route};
use leptos::prelude::*;
use parallax_core::view_state::{Screen, ViewState};
use parallax_core::Corpus;
use std::sync::Arc;

/// Product name, tagline and corpus summary.
#[component]
pub fn SiteHeader(corpus: Arc<Corpus>, route: Memo<Route>) -> impl IntoView {
    let s = corpus.summary();
    let range = s.date_range.map(|(lo, hi)| {
        if lo == hi {
            lo.human()
        } else {
            format!("{} – {}", lo.human(), hi.human())
        }
    });
    let home = move || route.with(|r| href(&r.path, &ViewState::default()));
    let coverage = move || {
        route.with(|r| {
            href(
                &r.path,
                &ViewState {
                    coverage: Some(Default::default()),
                    ..Default::default()
                },
            )
        })
    };
    // Which view the header's navigation marks as the current one: the route's screen.
    let on = move |screen: Screen| route.with(|r| r.screen == screen);
    let add = move || {
        route.with(|r| {
            href(
                &r.path,
                &ViewState {
                    adding: true,
                    ..Default::default()
                },
            )
        })
    };
    view! {
        <header class="site-header">
            <a class="brand" href=home aria-label="Parallax, all articles">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">"Parallax"</span>
            </a>
            <p class="tagline">"How different outlets covered the same story"</p>
            <nav class="views-nav" aria-label="Views">
                <a href=home aria-current=move || on(Screen::List).then_some("page") data-testid="nav-articles">"Articles"</a>
                <a href=coverage aria-current=move || on(Screen::Coverage).then_some("page") data-testid="nav-coverage">"Coverage"</a>
                <a href=add aria-current=move || on(Screen::Add).then_some("page") data-testid="nav-add">"Add articles"</a>
            </nav>
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

//! Parallax web app: renders the embedded corpus and wires the URL to the views. All logic lives in
//! `parallax-core`; this crate only reads the [`ViewState`] from the URL and draws it.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use parallax_core::view_state::{Notice, ViewState};
use parallax_core::Corpus;

#[cfg(feature = "bench-hook")]
mod bench_hook;
mod components;
mod corpus;
mod views;

use components::header::SiteHeader;
use components::notices::Notices;
use views::compare::CompareView;
use views::list::ArticleList;
use views::reader::Reader;
use views::results::ResultsView;

/// Builds the link to a view: the current path plus the state's query string, so the app works
/// from any sub-path.
pub(crate) fn href(path: &str, state: &ViewState) -> String {
    let qs = state.to_string();
    if qs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{qs}")
    }
}

/// The link to paragraph `para` (0-based) of the article the state opens: `…?doc=ID#p7`.
pub(crate) fn paragraph_href(path: &str, state: &ViewState, para: usize) -> String {
    format!("{}#p{}", href(path, state), para + 1)
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    match corpus::corpus() {
        Ok(corpus) => view! { <Workspace corpus=corpus /> }.into_any(),
        Err(e) => view! {
            <main class="fatal" role="alert">
                <h1>"Parallax cannot open its corpus"</h1>
                <p>{e.to_string()}</p>
            </main>
        }
        .into_any(),
    }
}

/// The URL, parsed and checked against the corpus: the single source of view state.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Route {
    pub state: ViewState,
    pub notices: Vec<Notice>,
    pub path: String,
    pub search: String,
}

#[component]
fn Workspace(corpus: &'static Corpus) -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| {
        let search = location.search.get();
        let (state, mut notices) = ViewState::parse(&search);
        let (state, more) = state.validate(|id| corpus.get(id).is_some());
        notices.extend(more);
        Route {
            state,
            notices,
            path: location.pathname.get(),
            search,
        }
    });
    let doc = Memo::new(move |_| {
        route
            .with(|r| r.state.doc.clone())
            .and_then(|id| corpus.get(&id))
    });
    let searching = Memo::new(move |_| route.with(|r| r.state.q.is_some()));
    let comparing = Memo::new(move |_| {
        route.with(|r| {
            r.state
                .compare
                .iter()
                .filter_map(|id| corpus.get(id))
                .collect::<Vec<_>>()
        })
    });
    let hash = Memo::new(move |_| location.hash.get());

    Effect::new(move |_| {
        let title = match (doc.get(), route.with(|r| r.state.q.clone())) {
            (Some(a), _) => format!("{} — Parallax", a.title.text),
            (None, Some(q)) => format!("{q} — Parallax search"),
            (None, None) => "Parallax — how outlets covered the same story".to_string(),
        };
        document().set_title(&title);
    });
    // Opening an article starts at its top, or at the paragraph the link names (`#p7`).
    Effect::new(move |_| {
        let _ = doc.get();
        let target = hash.get();
        request_animation_frame(move || {
            let el = target
                .strip_prefix('#')
                .filter(|t| !t.is_empty())
                .and_then(|id| document().get_element_by_id(id));
            match el {
                Some(el) => el.scroll_into_view(),
                None => window().scroll_to_with_x_and_y(0.0, 0.0),
            }
        });
    });

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <SiteHeader corpus=corpus route=route />
        <Notices route=route />
        <main
            id="main"
            class="workspace"
            class:reading=move || doc.get().is_some() && comparing.with(|c| c.len() < 2)
            tabindex="-1"
        >
            {move || match (comparing.get(), doc.get(), searching.get()) {
                (compared, _, _) if compared.len() >= 2 => view! {
                    <CompareView articles=compared corpus=corpus route=route />
                }.into_any(),
                (_, Some(article), _) => view! {
                    <ArticleList corpus=corpus route=route selected=doc />
                    <Reader article=article corpus=corpus route=route focus=hash />
                }.into_any(),
                (_, None, true) => view! { <ResultsView corpus=corpus route=route /> }.into_any(),
                (_, None, false) => view! { <ArticleList corpus=corpus route=route selected=doc /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>
                "Parallax runs entirely in your browser; the corpus was embedded when the page was built. "
                "Corpus “" {corpus.name.clone()} "”, version " <code>{corpus.version.clone()}</code> "."
            </p>
        </footer>
    }
}

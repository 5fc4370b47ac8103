//! Parallax web app: renders the embedded corpus and wires the URL to the views. All logic lives in
//! `parallax-core`; this crate only reads the [`ViewState`] from the URL and draws it.

use corpus::Doc;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use parallax_core::anchor::{anchor, Anchor};
use parallax_core::view_state::{Notice, Screen, ViewState};
use parallax_core::{Article, Corpus};
use std::sync::Arc;

#[cfg(feature = "bench-hook")]
mod bench_hook;
mod components;
mod corpus;
mod local;
mod shards;
mod views;

use components::header::SiteHeader;
use components::notices::Notices;
use components::shard_status::WithTexts;
use views::add::AddView;
use views::compare::CompareView;
use views::coverage::CoverageView;
use views::list::ArticleList;
use views::reader::Reader;
use views::results::ResultsView;

/// Builds the link to a view: the current path plus the state's query string, so the app works
/// from any sub-path.
pub(crate) fn href(path: &str, state: &ViewState) -> String {
    // One leading slash: a path like `//evil.example/` (from a hostile URL) must not turn the
    // page's links into links to another host.
    let path = &format!("/{}", path.trim_start_matches(['/', '\\']));
    let qs = state.to_string();
    if qs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{qs}")
    }
}

/// The link to paragraph `para` (0-based) of `article`: its offsets, the corpus version and a
/// quote, so that the link finds the paragraph again if the corpus changes
/// (`…?doc=ID&at=120-245&cv=…&quote=…`). `q` is kept for "back to results".
pub(crate) fn paragraph_href(
    path: &str,
    q: Option<String>,
    article: &Article,
    para: usize,
) -> String {
    let version = corpus::corpus().map_or(String::new(), |c| c.version.clone());
    let version = version.as_str();
    let state = ViewState {
        q,
        doc: Some(article.id.clone()),
        passage: article
            .paragraphs
            .get(para)
            .map(|p| parallax_core::anchor::selector(article, p.span, version)),
        ..Default::default()
    };
    href(path, &state)
}

/// "Skip to content": focus the main region (and scroll to it) without touching the URL.
fn skip_to_main(e: leptos::ev::MouseEvent) {
    e.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
            main.scroll_into_view();
        }
    }
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
    // The corpus: embedded (open at once), or the head of a corpus in static files fetched now,
    // with the bytes in so far (texts and postings follow as views need them).
    let opened = RwSignal::new(None::<Result<Arc<Corpus>, corpus::OpenError>>);
    let arrived = RwSignal::new(0u64);
    let fetch = move || {
        arrived.set(0);
        wasm_bindgen_futures::spawn_local(async move {
            opened.set(Some(corpus::open(move |n| arrived.set(n)).await))
        })
    };
    let size = match corpus::source() {
        corpus::Source::Embedded => {
            opened.set(Some(corpus::corpus()));
            0
        }
        corpus::Source::Static(_, size) => {
            fetch();
            size
        }
    };
    let kb = components::shard_status::kb;
    move || match opened.get() {
        None => view! {
            <main class="opening" role="status" data-testid="opening">
                <p>{format!("Loading the corpus ({})…", kb(size))}</p>
                <progress max=size.max(1) value=move || arrived.get() aria-label="corpus loaded">
                    {move || format!("{} of {}", kb(arrived.get()), kb(size))}
                </progress>
            </main>
        }
        .into_any(),
        Some(Ok(embedded)) => view! { <Opened embedded=embedded /> }.into_any(),
        Some(Err(e)) => {
            Effect::new(|_| drop_prerendered());
            let retry = (size > 0).then(|| view! {
                <button type="button" class="more" data-testid="corpus-retry" on:click=move |_| {
                    opened.set(None);
                    fetch();
                }>"Try again"</button>
            });
            view! {
                <main class="fatal" role="alert">
                    <h1>"Parallax cannot open its corpus"</h1>
                    <p>{e.to_string()}</p>
                    {retry}
                </main>
            }
            .into_any()
        }
    }
}

/// The page over an open corpus: the corpus the views show is it plus this browser's additions.
#[component]
fn Opened(embedded: Arc<Corpus>) -> impl IntoView {
    // Parts of a corpus in static files arriving, for everything that waited for them.
    provide_context(shards::Arrivals(RwSignal::new(0)));
    // Adding or removing an article rebuilds it, and the workspace is drawn anew over it.
    let local = local::Local::new(embedded);
    provide_context(local);
    move || {
        // Until the browser's database has answered (a moment), a status line: a link to
        // an added article then opens it instead of saying it is missing.
        if let local::Keeping::Opening(what) = local.keeping.get() {
            return view! {
                <main class="opening" role="status" data-testid="opening"><p>{what}</p></main>
            }
            .into_any();
        }
        let corpus = local.corpus.get();
        view! { <Workspace corpus=corpus /> }.into_any()
    }
}

/// Removes the build's still picture of the article list (`scripts/prerender.mjs`), if the page
/// has one: from the first view the app draws on, it draws every view itself.
fn drop_prerendered() {
    if let Some(picture) = document().get_element_by_id("prerendered") {
        picture.remove();
    }
}

/// The URL, parsed and checked against the corpus: the single source of view state.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Route {
    pub state: ViewState,
    /// The one screen the state shows ([`ViewState::screen`]): what the main region, the
    /// document title and the header's navigation all follow.
    pub screen: Screen,
    pub notices: Vec<Notice>,
    pub path: String,
    pub search: String,
    /// Where the link's passage (`at=…&quote=…`) is in the open article, if it has one.
    pub passage: Option<Anchor>,
}

/// Finds the link's passage in the open article; says so when it moved or is gone. Nothing yet
/// while the article's text is on its way (a corpus in static files).
fn anchor_passage(state: &ViewState, corpus: &Corpus, notices: &mut Vec<Notice>) -> Option<Anchor> {
    let article = corpus.get(state.doc.as_deref()?)?;
    let p = state.passage.as_ref()?;
    article.text.held()?;
    let found = anchor(&article.text, p);
    notices.extend(parallax_core::anchor::notice(p, found));
    Some(found)
}

#[component]
fn Workspace(corpus: Arc<Corpus>) -> impl IntoView {
    let location = use_location();
    let c = corpus.clone();
    let arrivals = use_context::<shards::Arrivals>();
    let route = Memo::new(move |_| {
        let corpus = &*c;
        // The link's passage is found once the article's text is in.
        if let Some(a) = arrivals {
            a.0.track();
        }
        let search = location.search.get();
        let (state, mut notices) = ViewState::parse(&search);
        let (state, more) = state.validate(|id| corpus.get(id).is_some());
        notices.extend(more);
        let passage = anchor_passage(&state, corpus, &mut notices);
        Route {
            screen: state.screen(),
            state,
            notices,
            path: location.pathname.get(),
            search,
            passage,
        }
    });
    let c = corpus.clone();
    let doc = Memo::new(move |_| {
        route
            .with(|r| r.state.doc.clone())
            .and_then(|id| Doc::find(&c, &id))
    });
    let screen = Memo::new(move |_| route.with(|r| r.screen));
    let c = corpus.clone();
    let comparing = Memo::new(move |_| {
        route.with(|r| {
            r.state
                .compare
                .iter()
                .filter_map(|id| Doc::find(&c, id))
                .collect::<Vec<_>>()
        })
    });
    let hash = Memo::new(move |_| location.hash.get());
    let passage = Memo::new(move |_| route.with(|r| r.passage.and_then(Anchor::span)));

    Effect::new(|_| drop_prerendered());
    let c = corpus.clone();
    Effect::new(move |_| {
        document().set_title(&route.with(|r| r.state.document_title(&c)));
    });
    // Opening an article starts at its top, or at the passage the link names (`at=…`, or `#p7`
    // in older links).
    Effect::new(move |_| {
        let article = doc.get();
        let target = hash.get();
        let linked = passage.get().and_then(|span| {
            let i = article?
                .paragraphs
                .iter()
                .position(|p| p.span.end > span.start)?;
            Some(format!("p{}", i + 1))
        });
        request_animation_frame(move || {
            let el = target
                .strip_prefix('#')
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .or(linked)
                .and_then(|id| document().get_element_by_id(&id));
            match el {
                Some(el) => el.scroll_into_view(),
                None => window().scroll_to_with_x_and_y(0.0, 0.0),
            }
        });
    });

    let main_corpus = corpus.clone();
    view! {
        // Moves focus itself: the router would otherwise take the click as a navigation.
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <SiteHeader corpus=corpus.clone() route=route />
        <Notices route=route />
        <main
            id="main"
            class="workspace"
            class:reading=move || screen.get() == Screen::Reader
            class:wide=move || screen.get() == Screen::Coverage
            tabindex="-1"
        >
            {move || { let corpus = main_corpus.clone(); match (screen.get(), doc.get()) {
                (Screen::Compare, _) => {
                    // Drawn anew when the articles compared change, as before the texts came in parts.
                    let articles = comparing.get();
                    let docs: Vec<usize> = articles.iter().map(Doc::index).collect();
                    view! {
                        <WithTexts corpus=corpus.clone() docs=Signal::derive(move || Some(docs.clone()))>
                            <CompareView articles=articles.clone() corpus=corpus.clone() route=route />
                        </WithTexts>
                    }.into_any()
                }
                (Screen::Reader, Some(article)) => {
                    let docs = Signal::derive({ let i = article.index(); move || Some(vec![i]) });
                    view! {
                        <ArticleList corpus=corpus.clone() route=route selected=doc />
                        <WithTexts corpus=corpus.clone() docs=docs>
                            <Reader article=article.clone() route=route focus=hash passage=passage />
                        </WithTexts>
                    }.into_any()
                }
                // Adding articles reads every text (copies are looked for across the corpus).
                (Screen::Add, _) => view! {
                    <WithTexts corpus=corpus.clone() docs=Signal::derive(|| None)><AddView route=route /></WithTexts>
                }.into_any(),
                (Screen::Coverage, _) => view! {
                    <WithTexts corpus=corpus.clone() docs=Signal::derive(|| None)>
                        <CoverageView corpus=corpus.clone() route=route />
                    </WithTexts>
                }.into_any(),
                (Screen::Search, _) => view! { <ResultsView corpus=corpus route=route /> }.into_any(),
                // A validated state opens only articles the corpus has, so the reader always has
                // its article; the list is what is left.
                (Screen::List | Screen::Reader, _) => view! { <ArticleList corpus=corpus route=route selected=doc /> }.into_any(),
            }}}
        </main>
        <footer class="site-footer">
            <p>
                "Parallax runs entirely in your browser; the corpus was embedded when the page was built"
                {corpus.index.shards.as_ref().map(|s| format!(
                    ", with its search index in {} files and its texts in {} beside the page, fetched as views need them",
                    s.len(),
                    corpus.texts.as_ref().map_or(0, |t| t.parts.len())
                ))}
                ". "
                "Corpus “" {corpus.name.clone()} "”, version " <code>{corpus.version.clone()}</code> "."
            </p>
        </footer>
    }
}

//! The article list: cards when no article is open, a compact index beside the reader otherwise.

use crate::components::meta::{date_label, outlets};
use crate::components::shard_status::ShardStatus;
use crate::corpus::Doc;
use crate::shards::ShardLoads;
use crate::{href, Route};
use leptos::prelude::*;
use parallax_core::ingest::{Article, Role};
use parallax_core::view_state::ViewState;
use parallax_core::Corpus;
use std::sync::Arc;

fn lead(article: &Article) -> String {
    let text = article
        .paragraphs
        .iter()
        .find(|p| p.role == Role::Body)
        .map(|p| article.slice(p.span))
        .unwrap_or("");
    let mut out: String = text.chars().take(220).collect();
    if text.chars().count() > 220 {
        let cut = out.rfind(' ').unwrap_or(out.len());
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// Cards listed at a time.
const LIST_PAGE: usize = 100;

fn card(a: &Article, route: Memo<Route>, selected: Memo<Option<Doc>>) -> impl IntoView {
    let id = a.id.clone();
    let link = move || {
        route.with(|r| {
            href(
                &r.path,
                &ViewState {
                    q: r.state.q.clone(),
                    doc: Some(id.clone()),
                    ..Default::default()
                },
            )
        })
    };
    let id = a.id.clone();
    let current = move || {
        selected
            .with(|s| s.as_ref().is_some_and(|s| s.id == id))
            .then_some("page")
    };
    let repeats = a
        .paragraphs
        .iter()
        .filter(|p| p.repeat_of.is_some())
        .count();
    let wrappers = a.boilerplate.len();
    view! {
        <li class="card" data-testid="article-item" data-id=a.id.clone()>
            <div class="card-meta">
                {outlets(a)}
                {date_label(a)}
            </div>
            <h3 class="card-title">
                <a href=link aria-current=current>{a.title.text.clone()}</a>
            </h3>
            {a.text.held().map(|_| view! {
                <p class="card-lead">
                    {a.dateline.as_ref().map(|d| view! { <span class="dateline">{d.place.clone()}</span> " — " })}
                    {lead(a)}
                </p>
            })}
            <p class="card-facts">
                {a.text.held().map(|_| view! { <span>{a.word_count()}" words"</span> })}
                {(repeats > 0).then(|| view! { <span>{repeats}" repeated ¶"</span> })}
                {(wrappers > 0).then(|| view! { <span>{wrappers}" block"{if wrappers == 1 { "" } else { "s" }}" of site chrome set aside"</span> })}
            </p>
        </li>
    }
}

/// The list of articles.
#[component]
pub fn ArticleList(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    selected: Memo<Option<Doc>>,
) -> impl IntoView {
    // Oldest first, undated last ([`Corpus::reading_order`], worked out once per corpus).
    let articles: Vec<usize> = corpus.reading_order().to_vec();
    let count = articles.len();
    // A large corpus lists a page of cards at a time; the open article is always listed.
    let shown = RwSignal::new(LIST_PAGE);
    let open_at = {
        let articles = articles.clone();
        Memo::new(move |_| {
            selected
                .get()
                .and_then(|s| articles.iter().position(|&a| a == s.index()))
        })
    };
    let upto = Memo::new(move |_| {
        shown
            .get()
            .max(open_at.get().map_or(0, |i| i + 1))
            .min(count)
    });
    // Over a corpus in static files, the cards' leads come with the texts of the cards shown:
    // the cards are listed at once and filled in as their texts arrive.
    let loads = ShardLoads::new();
    let needed = {
        let (corpus, articles) = (corpus.clone(), articles.clone());
        Memo::new(move |_| {
            loads.arrived.track();
            corpus.texts_needed(articles[..upto.get()].iter().copied())
        })
    };
    loads.follow(corpus.clone(), needed);
    let status = view! { <ShardStatus loads=loads corpus=corpus.clone() /> };
    let cards = move || {
        loads.arrived.track();
        articles[..upto.get()]
            .iter()
            .map(|&a| card(&corpus.articles[a], route, selected))
            .collect_view()
    };
    let more = move || {
        let left = count - upto.get();
        (left > 0).then(|| {
            view! {
                <button type="button" class="more" data-testid="list-more" on:click=move |_| shown.update(|n| *n = upto.get_untracked() + LIST_PAGE)>
                    "Show " {LIST_PAGE.min(left)} " more of " {left}
                </button>
            }
        })
    };
    view! {
        <nav class="article-list" aria-labelledby="list-heading">
            <div class="list-head">
                <h2 id="list-heading">"Articles"</h2>
                <span class="count">{count}" in this corpus, oldest first"</span>
            </div>
            {status}
            <ol class="cards" data-testid="article-list">{cards}</ol>
            {more}
        </nav>
    }
}

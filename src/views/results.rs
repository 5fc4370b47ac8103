//! Search results: ranked articles with their best passages highlighted, and facets that toggle
//! filters in the query (so a filtered search is still one shareable URL).

use crate::components::highlighted::highlighted;
use crate::components::meta::{date_label, outlets};
use crate::components::shard_status::ShardStatus;
use crate::corpus::Doc;
use crate::shards::ShardLoads;
use crate::{href, paragraph_href, Route};
use leptos::prelude::*;
use parallax_core::query::{toggle_filter, Field};
use parallax_core::search::{FacetValue, Hit, Options, Results};
use parallax_core::static_corpus::Searched;
use parallax_core::view_state::ViewState;
use parallax_core::Corpus;
use std::sync::Arc;

/// How many hits are shown before "Show more".
pub(crate) const PAGE: usize = 10;

fn month_label(value: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match value.split_once('-') {
        Some((y, m)) => m
            .parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .map_or(value.to_string(), |m| format!("{m} {y}")),
        None if value == "undated" => "Undated".into(),
        None => format!("{value} (year only)"),
    }
}

/// The facet values' links are made once per render: the list is drawn again whenever the route
/// changes, so a link need not follow the route on its own (a reactive link per facet value and
/// passage ran again on every key typed, and once more as its list was replaced).
fn facet(
    title: &'static str,
    field: Field,
    values: Vec<FacetValue>,
    route: &Route,
    profile: &parallax_core::stance::Profile,
) -> impl IntoView {
    let q = route.state.q.as_deref().unwrap_or("");
    let items = values
        .into_iter()
        .map(|f| {
            let link = href(
                &route.path,
                &ViewState {
                    q: Some(toggle_filter(q, field, &f.value)),
                    ..Default::default()
                },
            );
            let label = match field {
                Field::Date => month_label(&f.value),
                Field::Actor => profile.actor_name(&f.value),
                Field::Stance => profile.target_label(&f.value),
                _ => f.value.clone(),
            };
            view! {
                <li>
                    <a
                        href=link
                        class="facet-value"
                        class:selected=f.selected
                        aria-current=f.selected.then_some("true")
                        data-testid="facet-value"
                        title=if f.selected { "Remove this filter" } else { "Show only these" }
                    >
                        <span class="tick" aria-hidden="true">{if f.selected { "✓" } else { "" }}</span>
                        <span class="facet-label">{label}</span>
                        <span class="facet-count">{f.count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="facet" aria-label=title>
            <h3>{title}</h3>
            <ul>{items}</ul>
        </section>
    }
}

#[component]
fn HitView(
    hit: Hit,
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    #[prop(default = "hit")] testid: &'static str,
) -> impl IntoView {
    let article = Doc::new(&corpus, hit.doc);
    // Made once (see `facet`): the list this hit is in is drawn again when the route changes.
    let doc_link = |para: Option<usize>| {
        route.with_untracked(|r| match para {
            Some(p) => paragraph_href(&r.path, r.state.q.clone(), &article, p),
            None => href(
                &r.path,
                &ViewState {
                    q: r.state.q.clone(),
                    doc: Some(article.id.clone()),
                    ..Default::default()
                },
            ),
        })
    };
    let matched = hit.matched_terms.clone();
    let missing = hit.missing.clone();
    let passages = hit
        .passages
        .into_iter()
        .filter_map(|p| {
            let para = p.paragraph?;
            let span = article.paragraphs.get(para)?.span;
            Some(view! {
                <li class="passage" data-testid="passage">
                    <a class="passage-link" href=doc_link(Some(para)) title="Open the article at this paragraph">
                        "¶" {para + 1}
                    </a>
                    {highlighted(&article.text, p.start, p.end, (span.start, span.end), p.highlights)}
                </li>
            })
        })
        .collect_view();
    view! {
        <li class="hit" data-testid=testid data-id=article.id.clone()>
            <div class="card-meta">
                {outlets(&article)}
                {date_label(&article)}
                <span class="score" title="BM25 relevance score of the whole article">{format!("score {:.2}", hit.score)}</span>
            </div>
            <h3 class="card-title"><a href=doc_link(None)>{article.title.text.clone()}</a></h3>
            <p class="matched" data-testid="matched-terms">
                "Matched: "
                {matched.into_iter().map(|m| view! { <span class="term">{m}</span> }).collect_view()}
            </p>
            {(!missing.is_empty()).then(|| view! {
                <p class="missing" data-testid="missing-terms">
                    "Missing: "
                    {missing.into_iter().map(|m| view! { <s class="term">{m}</s> }).collect_view()}
                </p>
            })}
            <ol class="passages">{passages}</ol>
        </li>
    }
}

/// The results of the URL's query.
#[component]
pub fn ResultsView(corpus: Arc<Corpus>, route: Memo<Route>) -> impl IntoView {
    let shown = RwSignal::new(PAGE);
    // Over a corpus kept in static files, a search may first need index parts fetched: it asks,
    // they are fetched, and it runs again when they arrive.
    let loads = ShardLoads::new();
    let c = corpus.clone();
    let searched = Memo::new(move |_| {
        loads.arrived.track();
        let q = route.with(|r| r.state.q.clone()).unwrap_or_default();
        c.search_static(
            &q,
            &Options {
                limit: shown.get(),
                ..Options::default()
            },
        )
    });
    let c = corpus.clone();
    Effect::new(move |_| match searched.get() {
        Searched::Needs(needed) => loads.fetch(c.clone(), needed),
        // A search that has what it needs leaves an earlier failure behind.
        Searched::Ready(_) => loads.forget_failure(),
    });
    // While parts load, the results before stay in view; there are none before the first.
    let results = Memo::new(move |before: Option<&Option<Results>>| {
        searched.with(|s| match s {
            Searched::Ready(r) => Some(r.clone()),
            Searched::Needs(_) => before.cloned().flatten(),
        })
    });
    // A new query starts again from the first page.
    Effect::new(move |_| {
        route.track();
        shown.set(PAGE);
    });
    let status = view! { <ShardStatus loads=loads corpus=corpus.clone() /> };
    let list = move || {
        let r: Results = results.get()?;
        // Its links are made from the route as it is now (see `facet`).
        let now = route.get();
        let total = r.total;
        // The most common values; the counts are over every match (from the core's search).
        let actors: Vec<FacetValue> = r.actors.iter().take(30).cloned().collect();
        let targets: Vec<FacetValue> = r.stances.iter().take(10).cloned().collect();
        let profile = &corpus.profile;
        let heading = match total {
            0 => "No article matches".to_string(),
            1 => "1 article matches".to_string(),
            n => format!("{n} articles match"),
        };
        // Articles with only some of the words come after the full matches, in a list of their own.
        let partial_total = if r.fallback_any { 0 } else { r.partial };
        let more = total + partial_total > shown.get();
        let is_full = |h: &Hit| h.missing.is_empty() || r.fallback_any;
        let top: Vec<String> = r
            .hits
            .iter()
            .filter(|h| is_full(h))
            .take(parallax_core::view_state::MAX_COMPARE)
            .map(|h| h.id.clone())
            .collect();
        let compare_top = (top.len() >= 2).then(|| {
            let n = top.len();
            let link = href(&now.path, &ViewState { compare: top, ..Default::default() });
            view! { <a class="compare-top-link" href=link data-testid="compare-top">"Compare the top " {n} " side by side"</a> }
        });
        let (full, partial): (Vec<Hit>, Vec<Hit>) = r
            .hits
            .into_iter()
            .take(shown.get())
            .partition(|h| is_full(h));
        let hits = full
            .into_iter()
            .map(|h| view! { <HitView hit=h corpus=corpus.clone() route=route /> })
            .collect_view();
        let partial = (!partial.is_empty()).then(|| {
            let heading = match partial_total {
                1 => "1 article has some of the words".to_string(),
                n => format!("{n} articles have some of the words"),
            };
            view! {
                <section class="partial-hits" aria-labelledby="partial-heading" data-testid="partial-hits">
                    <h3 id="partial-heading">{heading}</h3>
                    <ol class="hits">
                        {partial
                            .into_iter()
                            .map(|h| view! { <HitView hit=h corpus=corpus.clone() route=route testid="partial-hit" /> })
                            .collect_view()}
                    </ol>
                </section>
            }
        });
        let remaining = total + partial_total - shown.get_untracked().min(total + partial_total);
        Some(view! {
            <section class="results" aria-labelledby="results-heading" data-testid="results">
                <div class="results-head">
                    <h2 id="results-heading">{heading} " " <q class="understood">{r.understood.clone()}</q></h2>
                    {compare_top}
                    {r.fallback_any.then(|| view! {
                        <p class="fallback" role="status" data-testid="fallback">
                            "No article has all of the words; showing articles with any of them."
                        </p>
                    })}
                    {(!r.hints.is_empty()).then(|| view! {
                        <ul class="hints" data-testid="hints">
                            {r.hints.iter().map(|h| view! { <li>{h.to_string()}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
                <div class="results-layout">
                    <aside class="facets" aria-label="Filter the results">
                        {(!r.outlets.is_empty()).then(|| facet("Outlet", Field::Outlet, r.outlets.clone(), &now, profile))}
                        {(!r.dates.is_empty()).then(|| facet("Date", Field::Date, r.dates.clone(), &now, profile))}
                        {(!actors.is_empty()).then(|| facet("Who takes a position", Field::Actor, actors.clone(), &now, profile))}
                        {(!targets.is_empty()).then(|| facet("Position on", Field::Stance, targets.clone(), &now, profile))}
                    </aside>
                    <div class="hits-column">
                        <ol class="hits" data-testid="hits">{hits}</ol>
                        {partial}
                        {(total == 0 && partial_total == 0).then(|| view! {
                            <p class="empty">"Try fewer words, a name spelt another way, or remove a filter."</p>
                        })}
                        {more.then(|| view! {
                            <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                                "Show " {PAGE.min(remaining)} " more"
                            </button>
                        })}
                    </div>
                </div>
            </section>
        })
    };
    view! { {status} {list} }
}

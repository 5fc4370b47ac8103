//! The tables under the comparison grid: who is heard, and the figures each article states.

use crate::components::figures::{figure_item, figure_row};
use crate::corpus::Doc;
use crate::{paragraph_href, Route};
use leptos::prelude::*;
use parallax_core::compare::heard;
use parallax_core::Article;

/// The column heads of a table: the compared articles' outlets.
fn heads(articles: &[Doc]) -> Vec<String> {
    articles.iter().map(|a| a.outlet_label()).collect()
}

/// A titled table with one column per compared article.
#[component]
fn TableSection(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    first_column: &'static str,
    /// The column heads: each compared article's outlets.
    outlets: Vec<String>,
    body: AnyView,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let heads = outlets
        .into_iter()
        .map(|o| view! { <th scope="col">{o}</th> })
        .collect_view();
    view! {
        <section class=format!("figures {class}") aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{title}</h2>
            <p class="figures-note">{note}</p>
            <div class="table-scroll">
                <table data-testid=id>
                    <thead><tr><th scope="col">{first_column}</th>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Who each compared article quotes or reports, and which positions it reports: one row per
/// actor, one column per article, each cell listing the actor's positions there.
pub(super) fn voices_table(articles: &[Doc]) -> impl IntoView {
    let Some(corpus) = articles.first().map(|a| a.corpus().clone()) else {
        return ().into_any();
    };
    let docs: Vec<usize> = articles.iter().map(Doc::index).collect();
    let rows = heard(&corpus, &docs);
    if rows.is_empty() {
        return ().into_any();
    }
    let profile = &corpus.profile;
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .into_iter()
                .map(|cell| {
                    let Some(cell) = cell else {
                        return view! { <td class="none">"—"</td> }.into_any();
                    };
                    let voice = cell.voice.label();
                    let items = cell
                        .positions
                        .into_iter()
                        .map(|(target, p)| {
                            let (class, word) = (p.keyword(), p.label());
                            view! { <li><span class=format!("stance-badge {class}")><em>{word}</em></span> " " {profile.target_label(&target).to_lowercase()}</li> }
                        })
                        .collect_view();
                    view! {
                        <td>
                            <span class="voice-note">{voice}</span>
                            <ul>{items}</ul>
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            view! { <tr data-testid="voice-row"><th scope="row">{row.name}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <TableSection
            id="voices"
            class="voices"
            title="Who is heard, and on what"
            note="Actors each article quotes or reports, with the positions it gives them (from the stance tags)."
            first_column="Actor"
            outlets=heads(articles)
            body=body.into_any()
        />
    }
    .into_any()
}

/// Figures across the compared articles, one row per measure, disagreements flagged in words.
pub(super) fn figures_table(articles: &[Doc], route: Memo<Route>) -> impl IntoView {
    let refs: Vec<&Article> = articles.iter().map(|a| &**a).collect();
    let rows = parallax_core::figures::table(&refs);
    if rows.is_empty() {
        return view! { <p class="figures-empty">"The compared articles state no figures Parallax recognises."</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .zip(articles)
                .map(|(figs, a)| {
                    let items = figs
                        .iter()
                        .map(|f| {
                            let link = route.with(|r| paragraph_href(&r.path, None, a, f.paragraph));
                            figure_item(a, f, link, false)
                        })
                        .collect_view();
                    view! { <td>{if figs.is_empty() { None } else { Some(view! { <ul>{items}</ul> }) }}{figs.is_empty().then_some("—")}</td> }
                })
                .collect_view();
            figure_row(row.measure, row.disagreement, cells)
        })
        .collect_view();
    view! {
        <TableSection
            id="figures"
            title="Figures"
            note="> more than, ≥ at least, ≈ about, ~ order of magnitude (“several thousand”). A row is flagged when two outlets' figures cannot both be true."
            first_column="What is counted"
            outlets=heads(articles)
            body=body.into_any()
        />
    }
    .into_any()
}

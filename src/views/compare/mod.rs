//! Side-by-side comparison of two to four articles: the first article is the pivot; every other
//! one is aligned to it. Aligned paragraphs share a row, labelled by kind (words and line style,
//! not colour alone), with the words that differ marked; paragraphs only one article has are
//! labelled "only here".

mod cell;
mod tables;

use crate::components::meta::{date_label, outlets};
use crate::corpus::Doc;
use crate::{href, Route};
use cell::cell_view;
use leptos::prelude::*;
use parallax_core::align::{Kind, Thresholds};
use parallax_core::compare::{marks, Cell, Comparison};
use parallax_core::view_state::ViewState;
use parallax_core::{Article, Corpus};
use std::sync::Arc;
use tables::{figures_table, voices_table};

/// The comparison view.
#[component]
pub fn CompareView(articles: Vec<Doc>, corpus: Arc<Corpus>, route: Memo<Route>) -> impl IntoView {
    let refs: Vec<&Article> = articles.iter().map(|a| &**a).collect();
    let comparison = Arc::new(Comparison::new(&refs, &Thresholds::default()));
    let columns = articles.len();
    let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    let headers = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let ids = ids.clone();
            let id = a.id.clone();
            let without = move || {
                let rest: Vec<String> = ids.iter().filter(|x| **x != id).cloned().collect();
                route.with(|r| {
                    if rest.len() >= 2 {
                        href(&r.path, &ViewState { compare: rest.clone(), ..Default::default() })
                    } else {
                        href(&r.path, &ViewState { doc: rest.first().cloned(), ..Default::default() })
                    }
                })
            };
            let summary = (i > 0).then(|| {
                let c = comparison.counts(i);
                format!("{} verbatim · {} edited · {} paraphrased vs. the first", c.verbatim, c.near, c.paraphrase)
            });
            let id = a.id.clone();
            let read = move || route.with(|r| href(&r.path, &ViewState { doc: Some(id.clone()), ..Default::default() }));
            view! {
                <div class="col-head" role="columnheader" data-testid="compare-column" data-id=a.id.clone()>
                    <div class="card-meta">{outlets(a)} {date_label(a)}</div>
                    <h2><a href=read>{a.title.text.clone()}</a></h2>
                    <p class="col-summary">{summary.unwrap_or_else(|| "Pivot: the others are aligned to this one".into())}</p>
                    <a class="remove" href=without title="Remove this article from the comparison">"Remove"</a>
                </div>
            }
        })
        .collect_view();
    // The focused passage (`focus=ID:N`): its row, with its counterparts, is marked and scrolled to.
    let focus = Memo::new(move |_| route.with(|r| r.state.focus.clone()));
    let focused_row = {
        let comparison = comparison.clone();
        Memo::new(move |_| focus.with(|f| f.as_ref().and_then(|f| comparison.row_of(f))))
    };
    Effect::new(move |_| {
        if let Some(i) = focused_row.get() {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("row-{i}")) {
                    el.scroll_into_view();
                }
            });
        }
    });
    // The focused passage traced beyond the comparison: other articles that copy it.
    let compared: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    let elsewhere = move || {
        let f = focus.get()?;
        let doc = corpus.position(&f.doc)?;
        let items: Vec<_> = corpus
            .also_in(doc, f.paragraph)
            .into_iter()
            .filter(|ap| !compared.contains(&corpus.articles[ap.doc].id))
            .map(|ap| {
                let other = &corpus.articles[ap.doc];
                let mut ids = compared.clone();
                let full = ids.len() >= parallax_core::view_state::MAX_COMPARE;
                if full {
                    ids.pop();
                }
                ids.push(other.id.clone());
                let add = route.with(|r| {
                    href(
                        &r.path,
                        &ViewState {
                            compare: ids,
                            focus: Some(f.clone()),
                            ..Default::default()
                        },
                    )
                });
                let kind = if ap.kind == Kind::Verbatim { "word for word" } else { "edited copy" };
                view! {
                    <li>
                        <strong>{other.outlet_label()}</strong> " — " {other.title.text.clone()} ", ¶" {ap.paragraph + 1}
                        " (" {kind} ", " {(ap.copied * 100.0).round()} "% copied) "
                        <a href=add data-testid="elsewhere-add">{if full { "Compare instead of the last" } else { "Add to the comparison" }}</a>
                    </li>
                }
            })
            .collect();
        (!items.is_empty()).then(|| view! {
            <aside class="elsewhere" data-testid="elsewhere" aria-label="Where else the focused passage appears">
                <p><strong>"The focused passage also appears outside this comparison:"</strong></p>
                <ul>{items}</ul>
            </aside>
        })
    };
    let body = comparison
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let marked_spans = marks(&refs, c, cell);
                    let key = match cell {
                        Cell::Para { para, .. } => comparison.key(c, *para),
                        Cell::Missing => None,
                    };
                    cell_view(cell.clone(), marked_spans, articles[c].clone(), key, route, focus)
                })
                .collect_view();
            view! {
                <div class="compare-row" class:focused=move || focused_row.get() == Some(i) id=format!("row-{i}") role="row">
                    {cells}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class=format!("compare cols-{columns}") aria-labelledby="compare-heading" data-testid="compare">
            <div class="compare-top">
                <h1 id="compare-heading">"Comparing " {columns} " articles"</h1>
                <ul class="legend" aria-label="What the labels mean">
                    <li><span class="kind kind-verbatim">"Verbatim copy"</span> " the same text"</li>
                    <li><span class="kind kind-near">"Edited copy"</span> " long runs of the same words; words " <del>"dropped"</del> " from the first and " <ins>"added"</ins> " or changed in the other marked"</li>
                    <li><span class="kind kind-paraphrase">"Paraphrase"</span> " the same facts in other words"</li>
                    <li><span class="kind kind-unique">"Only here"</span> " no counterpart in the other articles"</li>
                </ul>
            </div>
            {elsewhere}
            <div class="compare-grid" role="table" aria-label="Aligned paragraphs">
                <div class="compare-row compare-heads" role="row">{headers}</div>
                {body}
            </div>
            {voices_table(&articles)}
            {figures_table(&articles, route)}
        </section>
    }
}

//! One cell of the comparison grid: a paragraph with the words that differ marked, its kind and
//! its links.

use crate::corpus::Doc;
use crate::{href, paragraph_href, Route};
use leptos::prelude::*;
use parallax_core::align::{Kind, Pair};
use parallax_core::compare::{Cell, Marks};
use parallax_core::view_state::PassageKey;
use parallax_core::Span;

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Verbatim => "Verbatim copy",
        Kind::Near => "Edited copy",
        Kind::Paraphrase => "Paraphrase",
    }
}

fn explain(p: &Pair) -> String {
    let m = &p.measure;
    let mut s = format!(
        "{:.0}% of the shorter paragraph's three-word runs appear in the other; word overlap (Dice) {:.2}; {:.0}% of its content words shared",
        m.copied * 100.0,
        m.dice,
        m.cover * 100.0
    );
    if !m.shared_figures.is_empty() {
        s.push_str(&format!(
            "; shared figures: {}",
            m.shared_figures.join(", ")
        ));
    }
    s
}

/// Text of a paragraph with some spans (relative to the paragraph) marked as changed.
fn marked(text: &str, changed: Vec<Span>, tag: &'static str) -> impl IntoView {
    let mut pieces = Vec::new();
    let mut pos = 0;
    for s in changed {
        if s.start < pos || s.end > text.len() {
            continue;
        }
        pieces.push(text[pos..s.start].to_string().into_any());
        let t = text[s.start..s.end].to_string();
        pieces.push(if tag == "del" {
            view! { <del title="Not in the compared paragraph">{t}</del> }.into_any()
        } else {
            view! { <ins title="Not in the first article's paragraph">{t}</ins> }.into_any()
        });
        pos = s.end;
    }
    pieces.push(text[pos..].to_string().into_any());
    pieces
}

/// One cell: a paragraph of one article, or a note that this article has no counterpart.
/// `marked_spans` is what to mark in the paragraph ([`parallax_core::compare::marks`]), `key`
/// the cell's `focus=` key (a paragraph's).
pub(super) fn cell_view(
    cell: Cell,
    marked_spans: Marks,
    article: Doc,
    key: Option<PassageKey>,
    route: Memo<Route>,
    focus: Memo<Option<PassageKey>>,
) -> impl IntoView {
    match cell {
        Cell::Missing => {
            view! { <div class="cell missing" role="cell" aria-label="No counterpart">"—"</div> }
                .into_any()
        }
        Cell::Para {
            para, pair, alone, ..
        } => {
            let text = article
                .paragraphs
                .get(para)
                .map_or("", |p| article.slice(p.span));
            let body = match marked_spans {
                Marks::Inserted(spans) => marked(text, spans, "ins").into_any(),
                Marks::Deleted(spans) => marked(text, spans, "del").into_any(),
                Marks::None => text.to_string().into_any(),
            };
            let label = match &pair {
                Some(p) => view! {
                    <span class=format!("kind kind-{}", p.kind.as_str()) title=explain(p) data-testid="pair-kind">
                        {kind_label(p.kind)}
                    </span>
                }
                .into_any(),
                None if alone => view! { <span class="kind kind-unique" data-testid="only-here">"Only here"</span> }.into_any(),
                None => ().into_any(),
            };
            let source = article.outlet_label();
            let link = move || route.with(|r| paragraph_href(&r.path, None, &article, para));
            let unique = alone;
            let key_for_link = key.clone();
            let focus_link = move || {
                route.with(|r| {
                    let mut state = r.state.clone();
                    state.focus = key_for_link.clone();
                    href(&r.path, &state)
                })
            };
            let is_focused = move || focus.with(|f| f.is_some() && *f == key);
            view! {
                <div class="cell" role="cell" class:unique=unique class:focused=is_focused data-testid="cell">
                    <div class="cell-head">
                        <span class="cell-source">{source}</span>
                        <a class="passage-link" href=link title="Open the article at this paragraph">"¶" {para + 1}</a>
                        {label}
                        <a class="focus-link" href=focus_link title="Focus this passage and its counterparts" data-testid="focus-link">"Focus"</a>
                    </div>
                    <p class="cell-text">{body}</p>
                </div>
            }
            .into_any()
        }
    }
}

//! The drill-down under the matrix: the statements of the selected cell, row or column, each
//! sentence with its cue words marked and a link to its paragraph.

use super::{coverage_href, plural, reader_href};
use crate::components::export::TableExport;
use crate::Route;
use leptos::prelude::*;
use parallax_core::coverage::{self, Picked, Rows, Statement};
use parallax_core::view_state::CoverageState;
use parallax_core::Corpus;
use std::sync::Arc;

/// The sentence of a statement with its cue words marked.
fn marked_sentence(s: &Statement<'_>) -> impl IntoView {
    let a = s.article;
    let span = s.tag.span;
    let mut cues: Vec<_> = s
        .tag
        .cues
        .iter()
        .filter(|c| c.start >= span.start && c.end <= span.end)
        .copied()
        .collect();
    cues.sort();
    let mut out = Vec::new();
    let mut pos = span.start;
    for c in cues {
        if c.start < pos {
            continue;
        }
        if c.start > pos {
            out.push(a.text[pos..c.start].to_string().into_any());
        }
        out.push(view! { <mark>{a.slice(c).to_string()}</mark> }.into_any());
        pos = c.end;
    }
    out.push(a.text[pos..span.end].to_string().into_any());
    out
}

#[component]
pub(super) fn Drilldown(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    state: Memo<CoverageState>,
    picked: Memo<Picked>,
) -> impl IntoView {
    let close = move || {
        route.with(|r| {
            coverage_href(
                r,
                CoverageState {
                    row: None,
                    target: None,
                    ..state.get()
                },
            )
        })
    };
    // A new selection moves the focus (and the view) to its statements.
    let selection = Memo::new(move |_| state.with(|s| (s.row.clone(), s.target.clone())));
    Effect::new(move |previous: Option<()>| {
        let (row, target) = selection.get();
        if previous.is_some() && (row.is_some() || target.is_some()) {
            request_animation_frame(|| {
                if let Some(h) = document().get_element_by_id("drill-heading") {
                    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                        let _ = h.focus();
                    }
                }
            });
        }
    });
    move || {
        let s = state.get();
        if s.row.is_none() && s.target.is_none() {
            return ().into_any();
        }
        let sel = picked.with(|p| p.over(&corpus));
        let list: Vec<Statement<'_>> =
            coverage::statements(&sel, s.by, s.row.as_deref(), s.target.as_deref());
        let who = s.row.as_deref().map(|r| match s.by {
            Rows::Outlets => r.to_string(),
            Rows::Actors => corpus.profile.actor_name(r),
        });
        let what = s
            .target
            .as_deref()
            .map(|t| corpus.profile.target_label(t).to_lowercase());
        let title = match (who, what) {
            (Some(w), Some(t)) => format!("{w} on {t}"),
            (Some(w), None) => format!("{w}: every position"),
            (None, Some(t)) => format!("Everyone on {t}"),
            (None, None) => String::new(),
        };
        let name = format!(
            "statements-{}{}",
            s.row.as_deref().unwrap_or("all"),
            s.target
                .as_deref()
                .map(|t| format!("-{t}"))
                .unwrap_or_default()
        )
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect::<String>();
        // The download is the table of these statements, made with the list.
        let table = coverage::statements_table(&corpus, &name, &list);
        let items = list
            .iter()
            .map(|st| {
                let (class, word) = (st.tag.stance.keyword(), st.tag.stance.label());
                let link = route.with(|r| reader_href(r, st.article, st.tag.paragraph));
                view! {
                    <li class="statement" data-testid="statement">
                        <p class="statement-head">
                            <strong>{corpus.profile.actor_name(&st.tag.actor)}</strong>
                            " " <span class=format!("stance-badge {class}")><em>{word}</em></span>
                            " " {corpus.profile.target_label(&st.tag.target).to_lowercase()}
                            <span class="voice">" · " {st.tag.voice.label()}</span>
                        </p>
                        <blockquote>{marked_sentence(st)}</blockquote>
                        <p class="statement-meta">
                            {st.article.outlet_label()} " · " {st.article.date.human()} " · "
                            <a href=link data-testid="statement-link">"Read ¶" {st.tag.paragraph + 1} " in context"</a>
                            <span class="rule" title=st.tag.rule.to_string()>" · rule: " {st.tag.rule.to_string()}</span>
                        </p>
                    </li>
                }
            })
            .collect_view();
        let none = list.is_empty().then(|| view! {
            <p class="empty-note">"No statements here in the selected articles. The link may come from another corpus or another date range."</p>
        });
        view! {
            <section class="drilldown" aria-labelledby="drill-heading" data-testid="drilldown">
                <div class="section-head">
                    <h3 id="drill-heading" tabindex="-1">{title} " — " {plural(list.len(), "statement", "statements")}</h3>
                    <TableExport corpus=corpus.clone() label="these statements" table=Callback::new(move |()| table.clone()) />
                    <a href=close class="close" data-noscroll="" aria-label="Close the statements">"Close ×"</a>
                </div>
                <ol class="statements">{items}</ol>
                {none}
            </section>
        }
        .into_any()
    }
}

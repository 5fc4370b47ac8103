//! The matrix: outlets or actors × targets, each cell its statements counted by polarity and
//! voice; a cell, a row or a column opens the drill-down below it.

use super::drilldown::Drilldown;
use super::{coverage_href, empty_cell};
use crate::components::export::TableExport;
use crate::Route;
use leptos::prelude::*;
use parallax_core::coverage::layout::{BAR_HEIGHT, BAR_WIDTH};
use parallax_core::coverage::{
    self, polarity_colour, voice_opacity, Counts, LayoutCell, Picked, Rows, POLARITIES, VOICES,
};
use parallax_core::view_state::CoverageState;
use parallax_core::Corpus;
use std::sync::Arc;

/// The small bar in a matrix cell, drawn from its layout: one segment per polarity and voice, as
/// long as its count.
fn cell_bar(c: &LayoutCell) -> impl IntoView {
    let segments = c
        .bar
        .iter()
        .map(|seg| {
            view! {
                <rect x=seg.x y="0" width=seg.width height=BAR_HEIGHT fill=polarity_colour(seg.polarity) fill-opacity=voice_opacity(seg.voice) />
            }
        })
        .collect_view();
    view! { <svg class="cell-bar" viewBox=format!("0 0 {BAR_WIDTH} {BAR_HEIGHT}") width=BAR_WIDTH height=BAR_HEIGHT aria-hidden="true">{segments}</svg> }
}

fn counts_words(c: &Counts) -> String {
    let mut parts = Vec::new();
    for p in POLARITIES {
        let n = c.of(p);
        if n == 0 {
            continue;
        }
        let voices: Vec<String> = VOICES
            .iter()
            .filter(|v| c.get(p, **v) > 0)
            .map(|v| format!("{} {}", c.get(p, *v), v.label()))
            .collect();
        parts.push(format!("{n} {} ({})", p.counted(), voices.join(", ")));
    }
    parts.join("; ")
}

#[component]
pub(super) fn MatrixSection(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    state: Memo<CoverageState>,
    picked: Memo<Picked>,
) -> impl IntoView {
    let by = Memo::new(move |_| state.with(|s| s.by));
    let c = corpus.clone();
    let matrix = Memo::new(move |_| picked.with(|p| coverage::matrix(&p.over(&c), by.get())));
    // The page's table and the SVG file draw from the same layout.
    let layout = Memo::new(move |_| matrix.with(|m| m.layout()));
    let link = move |row: Option<String>, target: Option<String>| {
        route.with(|r| {
            coverage_href(
                r,
                CoverageState {
                    row,
                    target,
                    ..state.get()
                },
            )
        })
    };
    let toggle = move |rows: Rows| {
        let here = move || by.get() == rows;
        let href = move || {
            route.with(|r| {
                coverage_href(
                    r,
                    CoverageState {
                        by: rows,
                        row: None,
                        target: None,
                        ..state.get()
                    },
                )
            })
        };
        view! {
            <a href=href role="tab" data-noscroll="" aria-selected=move || here().to_string() class="tab" class:current=here
                data-testid=format!("rows-{}", rows.as_str())>
                {match rows { Rows::Outlets => "Outlets", Rows::Actors => "Actors" }}
            </a>
        }
    };
    let table = move || {
        layout.with(|m| {
            let selected = state.with(|s| (s.row.clone(), s.target.clone()));
            let heads = m
                .columns
                .iter()
                .map(|col| {
                    let is_sel = selected.0.is_none() && selected.1.as_deref() == Some(col.key.as_str());
                    view! {
                        <th scope="col" class:selected=is_sel>
                            <a href=link(None, Some(col.key.clone())) data-noscroll="" title=format!("Every statement on {}", col.label.to_lowercase())>{col.label.clone()}</a>
                        </th>
                    }
                })
                .collect_view();
            let rows = m
                .rows
                .iter()
                .map(|row| {
                    let row_sel = selected.0.as_deref() == Some(row.key.as_str());
                    let cells = m
                        .columns
                        .iter()
                        .zip(&row.cells)
                        .map(|(col, c)| {
                            let is_sel = row_sel && selected.1.as_deref() == Some(col.key.as_str());
                            if c.is_empty() {
                                return empty_cell("no statements").into_any();
                            }
                            let signs = c
                                .signs
                                .iter()
                                .map(|(p, n)| {
                                    view! { <span class=format!("sign {}", p.keyword())>{p.sign()}{*n}</span> }
                                })
                                .collect_view();
                            let words = format!("{} on {}: {}", row.label, col.label.to_lowercase(), counts_words(&c.counts));
                            let title = words.clone();
                            view! {
                                <td class:selected=is_sel>
                                    <a href=link(Some(row.key.clone()), Some(col.key.clone())) class="cell" data-noscroll="" title=title
                                        data-testid="matrix-cell" data-row=row.key.clone() data-target=col.key.clone()
                                        aria-current=is_sel.then_some("true")>
                                        <span class="signs" aria-hidden="true">{signs}</span>
                                        <span class="visually-hidden">{words}</span>
                                        {cell_bar(c)}
                                    </a>
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! {
                        <tr class:selected=row_sel data-testid="matrix-row" data-row=row.key.clone()>
                            <th scope="row">
                                <a href=link(Some(row.key.clone()), None) class="row-name" data-noscroll="">{row.label.clone()}</a>
                                <span class="row-sub">{row.sub.clone()}</span>
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let empty = m.rows.is_empty().then(|| view! {
                <tr><td colspan=m.columns.len() + 1 class="empty-note">"No stance statements in the selected articles."</td></tr>
            });
            view! {
                <table class="matrix" data-testid="matrix">
                    <caption class="visually-hidden">{format!("Stance statements by {} and target", m.heading.to_lowercase())}</caption>
                    <thead><tr><th scope="col">{m.heading}</th>{heads}</tr></thead>
                    <tbody>{rows}{empty}</tbody>
                </table>
            }
        })
    };
    view! {
        <section class="panel matrix-panel" aria-labelledby="matrix-heading">
            <div class="section-head">
                <h2 id="matrix-heading">"Who takes which position"</h2>
                <div class="tabs" role="tablist" aria-label="Rows of the matrix">
                    {toggle(Rows::Outlets)}
                    {toggle(Rows::Actors)}
                </div>
                <TableExport corpus=corpus.clone() label="the matrix" table=Callback::new(move |()| matrix.with_untracked(|m| m.table()))
                    svg=Callback::new(move |()| Some(layout.with_untracked(|l| l.svg("Who takes which position")))) />
            </div>
            <p class="section-note">
                "Stance statements of the selected articles, from the stance tags. "
                <span class="sign support">"+"</span>" for, "<span class="sign oppose">"−"</span>" against, "
                <span class="sign neutral">"·"</span>" reported without a side. In the bars, solid is quoted, lighter is reported speech, palest is the outlet's own framing. Select a cell, a row or a column to read the sentences."
            </p>
            <div class="table-scroll">{table}</div>
            <Drilldown corpus=corpus route=route state=state picked=picked />
        </section>
    }
}

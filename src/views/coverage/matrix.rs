//! The matrix: outlets or actors × targets, each cell its statements counted by polarity and
//! voice; a cell, a row or a column opens the drill-down below it.

use super::drilldown::Drilldown;
use super::{coverage_href, empty_cell, plural, polarity_sign, voice_words};
use crate::components::export::TableExport;
use crate::Route;
use leptos::prelude::*;
use parallax_core::coverage::{
    self, polarity_colour, voice_opacity, Counts, Picked, Rows, POLARITIES, VOICES,
};
use parallax_core::view_state::CoverageState;
use parallax_core::Corpus;

/// The small bar in a matrix cell: one segment per polarity and voice, as long as its count.
fn cell_bar(c: &Counts, max: u32) -> impl IntoView {
    const BAR: f64 = 72.0;
    let segments = c
        .bar(BAR / f64::from(max.max(1)))
        .into_iter()
        .map(|seg| {
            view! {
                <rect x=seg.x y="0" width=seg.width height="8" fill=polarity_colour(seg.polarity) fill-opacity=voice_opacity(seg.voice) />
            }
        })
        .collect_view();
    view! { <svg class="cell-bar" viewBox=format!("0 0 {BAR} 8") width=BAR height="8" aria-hidden="true">{segments}</svg> }
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
            .map(|v| format!("{} {}", c.get(p, *v), voice_words(*v)))
            .collect();
        parts.push(format!(
            "{n} {} ({})",
            polarity_sign(p).1,
            voices.join(", ")
        ));
    }
    parts.join("; ")
}

#[component]
pub(super) fn MatrixSection(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
    picked: Memo<Picked>,
) -> impl IntoView {
    let by = Memo::new(move |_| state.with(|s| s.by));
    let matrix = Memo::new(move |_| picked.with(|p| coverage::matrix(&p.over(corpus), by.get())));
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
        matrix.with(|m| {
            let max = m.rows.iter().flat_map(|r| r.cells.iter().map(Counts::total)).max().unwrap_or(1);
            let selected = state.with(|s| (s.row.clone(), s.target.clone()));
            let heads = m
                .targets
                .iter()
                .map(|(id, label)| {
                    let is_sel = selected.0.is_none() && selected.1.as_deref() == Some(id.as_str());
                    view! {
                        <th scope="col" class:selected=is_sel>
                            <a href=link(None, Some(id.clone())) data-noscroll="" title=format!("Every statement on {}", label.to_lowercase())>{label.clone()}</a>
                        </th>
                    }
                })
                .collect_view();
            let rows = m
                .rows
                .iter()
                .map(|row| {
                    let row_sel = selected.0.as_deref() == Some(row.key.as_str());
                    let sub = match (row.via.is_empty(), row.group.is_empty()) {
                        (false, _) => Some(format!("{} · in {}", row.group, row.via.join(", "))),
                        (true, false) => Some(row.group.clone()),
                        (true, true) => Some(plural(row.articles, "article", "articles")),
                    };
                    let cells = m
                        .targets
                        .iter()
                        .zip(&row.cells)
                        .map(|((id, label), c)| {
                            let is_sel = row_sel && selected.1.as_deref() == Some(id.as_str());
                            if c.total() == 0 {
                                return empty_cell("no statements").into_any();
                            }
                            let signs = POLARITIES
                                .iter()
                                .filter(|p| c.of(**p) > 0)
                                .map(|p| {
                                    let (sign, _) = polarity_sign(*p);
                                    view! { <span class=format!("sign {}", crate::components::stance::polarity_words(*p).0)>{sign}{c.of(*p)}</span> }
                                })
                                .collect_view();
                            let words = format!("{} on {}: {}", row.label, label.to_lowercase(), counts_words(c));
                            let title = words.clone();
                            view! {
                                <td class:selected=is_sel>
                                    <a href=link(Some(row.key.clone()), Some(id.clone())) class="cell" data-noscroll="" title=title
                                        data-testid="matrix-cell" data-row=row.key.clone() data-target=id.clone()
                                        aria-current=is_sel.then_some("true")>
                                        <span class="signs" aria-hidden="true">{signs}</span>
                                        <span class="visually-hidden">{words}</span>
                                        {cell_bar(c, max)}
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
                                {sub.map(|s| view! { <span class="row-sub">{s}</span> })}
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let empty = m.rows.is_empty().then(|| view! {
                <tr><td colspan=m.targets.len() + 1 class="empty-note">"No stance statements in the selected articles."</td></tr>
            });
            let first = match m.rows_by { Rows::Outlets => "Outlet", Rows::Actors => "Actor" };
            view! {
                <table class="matrix" data-testid="matrix">
                    <caption class="visually-hidden">{format!("Stance statements by {} and target", first.to_lowercase())}</caption>
                    <thead><tr><th scope="col">{first}</th>{heads}</tr></thead>
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
                <TableExport corpus=corpus label="the matrix" table=Callback::new(move |()| matrix.with_untracked(|m| m.table()))
                    svg=Callback::new(move |()| Some(matrix.with_untracked(|m| m.svg("Who takes which position")))) />
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

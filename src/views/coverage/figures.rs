//! Figures across outlets: what each outlet counts (deaths, detentions, turnout…), a row flagged
//! when two articles' figures cannot both be true.

use super::{empty_cell, reader_href};
use crate::components::export::TableExport;
use crate::components::figures::{figure_item, figure_row};
use crate::Route;
use leptos::prelude::*;
use parallax_core::coverage::{self, Picked};
use parallax_core::Corpus;
use std::sync::Arc;

#[component]
pub(super) fn FiguresSection(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    picked: Memo<Picked>,
) -> impl IntoView {
    let c = corpus.clone();
    let figures = Memo::new(move |_| picked.with(|p| coverage::figures_across(&p.over(&c))));
    let body = {
        let corpus = corpus.clone();
        move || {
            figures.with(|f| {
            if f.lines.is_empty() {
                return view! { <p class="empty-note">"The selected articles state no figures Parallax recognises."</p> }.into_any();
            }
            let heads = f.outlets.iter().map(|o| view! { <th scope="col">{o.clone()}</th> }).collect_view();
            let rows = f
                .lines
                .iter()
                .map(|line| {
                    let cells = line
                        .cells
                        .iter()
                        .map(|claims| {
                            if claims.is_empty() {
                                return empty_cell("not stated").into_any();
                            }
                            let items = claims
                                .iter()
                                .map(|c| {
                                    let a = &corpus.articles[c.doc];
                                    let link = route.with(|r| reader_href(r, a, c.figure.paragraph));
                                    figure_item(a, &c.figure, link, true)
                                })
                                .collect_view();
                            view! { <td><ul>{items}</ul></td> }.into_any()
                        })
                        .collect_view();
                    figure_row(line.measure, line.disagreement, cells)
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table data-testid="figures-across">
                        <thead><tr><th scope="col">"What is counted"</th>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
        }
    };
    view! {
        <section class="panel figures" aria-labelledby="figures-heading">
            <div class="section-head">
                <h2 id="figures-heading">"Figures across outlets"</h2>
                <TableExport corpus=corpus.clone() label="the figures" table=Callback::new(move |()| figures.with_untracked(|f| f.table(&corpus))) />
            </div>
            <p class="section-note">"> more than, ≥ at least, ≈ about, ~ order of magnitude (“several thousand”). A row is flagged when two articles' figures cannot both be true."</p>
            {body}
        </section>
    }
}

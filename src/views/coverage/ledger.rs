//! The quote ledger: who is quoted or paraphrased, by which outlet, how often and on what,
//! grouped by affiliation.

use super::coverage_href;
use crate::components::export::TableExport;
use crate::Route;
use leptos::prelude::*;
use parallax_core::coverage::{self, Picked, Rows};
use parallax_core::view_state::CoverageState;
use parallax_core::Corpus;
use std::sync::Arc;

#[component]
pub(super) fn LedgerSection(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    state: Memo<CoverageState>,
    picked: Memo<Picked>,
) -> impl IntoView {
    let c = corpus.clone();
    let groups = Memo::new(move |_| picked.with(|p| coverage::ledger(&p.over(&c))));
    let body = {
        let corpus = corpus.clone();
        move || {
            groups.with(|groups| {
            if groups.is_empty() {
                return view! { <p class="empty-note">"Nobody is quoted or reported in the selected articles."</p> }.into_any();
            }
            groups
                .iter()
                .map(|g| {
                    let rows = g
                        .actors
                        .iter()
                        .map(|a| {
                            let link = route.with(|r| coverage_href(r, CoverageState { by: Rows::Actors, row: Some(a.actor.clone()), target: None, ..state.get() }));
                            let outlets = a
                                .outlets
                                .iter()
                                .map(|(o, q, r)| view! { <li>{o.clone()} " " <span class="count">{q + r}</span> {(*q > 0).then(|| format!(" ({q} quoted)"))}</li> })
                                .collect_view();
                            let positions = a
                                .positions
                                .iter()
                                .map(|(t, p, n)| {
                                    let (class, word) = (p.keyword(), p.label());
                                    view! {
                                        <li><span class=format!("stance-badge {class}")><em>{word}</em> " " {corpus.profile.target_label(t).to_lowercase()}</span>
                                        {(*n > 1).then(|| format!(" ×{n}"))}</li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <tr data-testid="ledger-row">
                                    <th scope="row"><a href=link data-noscroll="">{a.name.clone()}</a>
                                        <span class="row-sub">{a.quoted} " quoted · " {a.reported} " reported"</span></th>
                                    <td><ul class="inline-list">{outlets}</ul></td>
                                    <td><ul class="inline-list">{positions}</ul></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody>
                            <tr class="group-row"><th scope="rowgroup" colspan="3">{g.label.clone()}</th></tr>
                            {rows}
                        </tbody>
                    }
                    .into_any()
                })
                .collect_view()
                .into_any()
        })
        }
    };
    view! {
        <section class="panel ledger" aria-labelledby="ledger-heading">
            <div class="section-head">
                <h2 id="ledger-heading">"Quote ledger"</h2>
                <TableExport corpus=corpus label="the quote ledger" table=Callback::new(move |()| groups.with_untracked(|g| coverage::ledger_table(g))) />
            </div>
            <p class="section-note">"Who is quoted or paraphrased, by which outlet, how often and on what, grouped by affiliation. Select a name to see their statements in the matrix."</p>
            <div class="table-scroll">
                <table data-testid="ledger">
                    <thead><tr><th scope="col">"Actor"</th><th scope="col">"Heard in"</th><th scope="col">"Positions"</th></tr></thead>
                    {body}
                </table>
            </div>
        </section>
    }
}

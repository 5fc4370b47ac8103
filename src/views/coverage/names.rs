//! Name spellings: names written more than one way, and how often each outlet uses each.

use super::{empty_cell, plural};
use crate::components::export::TableExport;
use leptos::prelude::*;
use parallax_core::coverage::{self, Picked};
use parallax_core::Corpus;
use std::sync::Arc;

#[component]
pub(super) fn NamesSection(corpus: Arc<Corpus>, picked: Memo<Picked>) -> impl IntoView {
    let c = corpus.clone();
    let data = Memo::new(move |_| {
        let sel = picked.with(|p| p.over(&c));
        let names = coverage::name_usage(&sel);
        let mut outlets: Vec<String> = sel
            .docs
            .iter()
            .map(|&d| c.articles[d].outlet_label())
            .collect();
        outlets.sort();
        outlets.dedup();
        (names, outlets)
    });
    let body = move || {
        data.with(|(names, outlets)| {
            if names.is_empty() {
                return view! { <p class="empty-note">"Every name is spelled one way in the selected articles."</p> }.into_any();
            }
            let heads = outlets.iter().map(|o| view! { <th scope="col">{o.clone()}</th> }).collect_view();
            let groups = names
                .iter()
                .map(|n| {
                    let rows = n
                        .spellings
                        .iter()
                        .map(|s| {
                            let cells = outlets
                                .iter()
                                .map(|o| {
                                    let uses = s.outlets.iter().find(|x| x.0 == *o).map(|x| x.1);
                                    match uses {
                                        Some(u) => view! { <td class="uses">{u}</td> }.into_any(),
                                        None => empty_cell("not used").into_any(),
                                    }
                                })
                                .collect_view();
                            view! { <tr data-testid="spelling-row"><th scope="row">{s.text.clone()}</th>{cells}</tr> }
                        })
                        .collect_view();
                    view! {
                        <tbody>
                            <tr class="group-row"><th scope="rowgroup" colspan=outlets.len() + 1>
                                {plural(n.spellings.len(), "spelling", "spellings")} " of " {n.spellings[0].text.clone()}
                            </th></tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table data-testid="names">
                        <thead><tr><th scope="col">"Spelling"</th>{heads}</tr></thead>
                        {groups}
                    </table>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <section class="panel names" aria-labelledby="names-heading">
            <div class="section-head">
                <h2 id="names-heading">"How each outlet spells the names"</h2>
                <TableExport corpus=corpus.clone() label="the name spellings" table=Callback::new(move |()| data.with_untracked(|(n, _)| coverage::names_table(n))) />
            </div>
            <p class="section-note">"Names written more than one way, found by their transliteration: how often each outlet uses each spelling. The choice of spelling (Belarusian or Russian romanisation, or a typo) tells something about the outlet and its sources."</p>
            {body}
        </section>
    }
}

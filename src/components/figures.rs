//! Pieces of the figures tables (the comparison's and the coverage view's): one figure linked to
//! its paragraph, and one row per measure with its disagreement flag.

use leptos::prelude::*;
use parallax_core::figures::{Figure, Measure};
use parallax_core::ingest::Article;

/// One figure, as a list item: its normalised value linked to its paragraph, whom it is about,
/// and on hover what was written and the word that decided what it counts. `named` adds the
/// article's title to the hover text, for tables whose columns are not articles.
pub fn figure_item(article: &Article, f: &Figure, link: String, named: bool) -> impl IntoView {
    let title = if named {
        format!(
            "“{}” in {} — counted from “{}”",
            article.slice(f.span),
            article.title.text,
            f.cue
        )
    } else {
        format!("“{}” — counted from “{}”", article.slice(f.span), f.cue)
    };
    let who = f.subject.clone().map(|s| format!(" ({s})"));
    view! {
        <li>
            <a href=link title=title>
                <strong>{f.normalised()}</strong>
            </a>
            {who}
        </li>
    }
}

/// One row of a figures table: what is counted (flagged when two articles disagree), then the
/// cells.
pub fn figure_row(measure: Measure, disagreement: bool, cells: impl IntoView) -> impl IntoView {
    let flag = disagreement.then(
        || view! { <span class="disagree" data-testid="disagreement">"Outlets disagree"</span> },
    );
    view! {
        <tr class:disagreement=disagreement data-testid="figure-row">
            <th scope="row">{measure.label()} {flag}</th>
            {cells}
        </tr>
    }
}

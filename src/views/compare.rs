//! Side-by-side comparison of two to four articles: the first article is the pivot; every other
//! one is aligned to it. Aligned paragraphs share a row, labelled by kind (words and line style,
//! not colour alone), with the words that differ marked; paragraphs only one article has are
//! labelled "only here".

use crate::components::figures::{figure_item, figure_row};
use crate::components::meta::{DateLabel, Outlets};
use crate::{href, paragraph_href, Route};
use leptos::prelude::*;
use parallax_core::align::{Kind, Pair, Thresholds};
use parallax_core::compare::{heard, marks, Cell, Comparison, Marks};
use parallax_core::view_state::{PassageKey, ViewState};
use parallax_core::{Article, Corpus, Span};

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
fn marked(text: &'static str, changed: Vec<Span>, tag: &'static str) -> impl IntoView {
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
#[component]
fn CellView(
    cell: Cell,
    /// What to mark in the paragraph ([`marks`]).
    marked_spans: Marks,
    article: &'static Article,
    /// The cell's `focus=` key (a paragraph's).
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
            let text: &'static str = article.slice(article.paragraphs[para].span);
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
            let link = move || route.with(|r| paragraph_href(&r.path, None, article, para));
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
                        <span class="cell-source">{article.outlet_label()}</span>
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

/// A titled table with one column per compared article.
#[component]
fn TableSection(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    first_column: &'static str,
    articles: Vec<&'static Article>,
    body: AnyView,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let heads = articles
        .iter()
        .map(|a| view! { <th scope="col">{a.outlet_label()}</th> })
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
#[component]
fn VoicesTable(articles: Vec<&'static Article>, corpus: &'static Corpus) -> impl IntoView {
    let docs: Vec<usize> = articles
        .iter()
        .filter_map(|a| corpus.position(&a.id))
        .collect();
    let rows = heard(corpus, &docs);
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
            articles=articles
            body=body.into_any()
        />
    }
    .into_any()
}

/// Figures across the compared articles, one row per measure, disagreements flagged in words.
#[component]
fn FiguresTable(articles: Vec<&'static Article>, route: Memo<Route>) -> impl IntoView {
    let rows = parallax_core::figures::table(&articles);
    if rows.is_empty() {
        return view! { <p class="figures-empty">"The compared articles state no figures Parallax recognises."</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .zip(&articles)
                .map(|(figs, a)| {
                    let a: &'static Article = a;
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
            articles=articles.clone()
            body=body.into_any()
        />
    }
    .into_any()
}

/// The comparison view.
#[component]
pub fn CompareView(
    articles: Vec<&'static Article>,
    corpus: &'static Corpus,
    route: Memo<Route>,
) -> impl IntoView {
    let comparison = std::sync::Arc::new(Comparison::new(&articles, &Thresholds::default()));
    let columns = articles.len();
    let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    let headers = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let a: &'static Article = a;
            let ids = ids.clone();
            let without = move || {
                let rest: Vec<String> = ids.iter().filter(|x| **x != a.id).cloned().collect();
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
            let read = move || route.with(|r| href(&r.path, &ViewState { doc: Some(a.id.clone()), ..Default::default() }));
            view! {
                <div class="col-head" role="columnheader" data-testid="compare-column" data-id=a.id.clone()>
                    <div class="card-meta"><Outlets article=a /> <DateLabel article=a /></div>
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
                    let marked_spans = marks(&articles, c, cell);
                    let key = match cell {
                        Cell::Para { para, .. } => comparison.key(c, *para),
                        Cell::Missing => None,
                    };
                    view! { <CellView cell=cell.clone() marked_spans=marked_spans article=articles[c] key=key route=route focus=focus /> }
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
            <VoicesTable articles=articles.clone() corpus=corpus />
            <FiguresTable articles=articles.clone() route=route />
        </section>
    }
}

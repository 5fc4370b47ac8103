//! The article reader: metadata with provenance, then the file segment by segment — paragraphs as
//! text, repeats and reader-app wrappers visibly set aside.

use crate::components::meta::{date_label, outlet_facts, outlets};
use crate::corpus::Doc;
use crate::{href, Route};
use leptos::prelude::*;
use parallax_core::ingest::{Article, AuthorRole, Paragraph, Provenance, Role, SegmentKind};
use parallax_core::view_state::{PassageKey, ViewState};
use parallax_core::Span;

fn author_role(role: AuthorRole) -> &'static str {
    match role {
        AuthorRole::Handle => "handle",
        AuthorRole::Byline => "byline",
        AuthorRole::Reporting => "reporting",
        AuthorRole::Writing => "writing",
        AuthorRole::Editing => "editing",
        AuthorRole::Credit => "credit",
    }
}

/// A paragraph and its stance badges; `also` is where else it appears, with the link that
/// compares it there.
#[allow(clippy::too_many_arguments)]
fn paragraph_view(
    article: &Article,
    index: usize,
    paragraph: &Paragraph,
    focus: Memo<String>,
    passage: Memo<Option<Span>>,
    profile: &parallax_core::stance::Profile,
    tags: &[parallax_core::stance::Tag],
    also: Vec<(String, String)>,
) -> impl IntoView {
    let anchor = format!("#p{}", index + 1);
    let also = (!also.is_empty()).then(|| {
        let links = also
            .into_iter()
            .map(|(label, link)| view! { <li><a href=link data-testid="also-in-link">{label}</a></li> })
            .collect_view();
        view! {
            <span class="also-in" data-testid="also-in">
                <span class="also-in-label">"Also in "</span>
                <ul>{links}</ul>
            </span>
        }
    });
    let span = paragraph.span;
    // Highlighted when the fragment names it (`#p7`) or the link's passage overlaps it.
    let focused = Memo::new(move |_| {
        focus.with(|h| *h == anchor)
            || passage
                .get()
                .is_some_and(|p| p.start < span.end && span.start < p.end.max(p.start + 1))
    });
    let class = match paragraph.role {
        Role::Standfirst => "para standfirst",
        Role::Body => "para",
        Role::Caption => "para caption",
        Role::Credit => "para credit",
    };
    let repeat = paragraph.repeat_of.map(|r| {
        let pct = (r.containment * 100.0).round() as u32;
        view! {
            <span class="repeat-note" data-testid="repeat-note">
                "Repeats "
                <a href=format!("#p{}", r.paragraph + 1)>"¶"{r.paragraph + 1}</a>
                " (" {pct} "% of its word pairs)"
            </span>
        }
    });
    view! {
        <p
            id=format!("p{}", index + 1)
            class=class
            class:repeat=paragraph.repeat_of.is_some()
            class:focused=focused
            data-testid="paragraph"
            data-role=paragraph.role.as_str()
        >
            <span class="pilcrow" aria-hidden="true">{index + 1}</span>
            {move || focused.get().then(|| view! { <span class="linked-label">"Linked passage"</span> " " })}
            {paragraph.dateline.map(|d| view! { <span class="dateline">{article.slice(d).to_string()}</span> " " })}
            {crate::components::stance::paragraph_with_stances(article, index, paragraph, profile, tags)}
            {repeat}
            {also}
        </p>
    }
}

/// "Compare with": the other articles, those sharing the most text first, one click away
/// ([`Corpus::related`]).
fn related(article: &Doc, route: Memo<Route>) -> Option<impl IntoView> {
    let corpus = article.corpus();
    let others = corpus.related(article.index());
    if others.is_empty() {
        return None;
    }
    let items = others
        .into_iter()
        .take(6)
        .map(|r| {
            let (o, copies, paraphrases) = (&corpus.articles[r.doc], r.copies, r.paraphrases);
            let ids = vec![article.id.clone(), o.id.clone()];
            let link = move || {
                route.with(|r| {
                    href(
                        &r.path,
                        &ViewState {
                            compare: ids.clone(),
                            ..Default::default()
                        },
                    )
                })
            };
            let shared = match (copies, paraphrases) {
                (0, 0) => "no shared passages".to_string(),
                (c, 0) => format!("{c} copied ¶"),
                (0, p) => format!("{p} paraphrased ¶"),
                (c, p) => format!("{c} copied ¶, {p} paraphrased"),
            };
            view! {
                <li>
                    <a href=link data-testid="compare-link">
                        <span class="related-outlet">{o.outlet_label()}</span>
                        <span class="related-title">{o.title.text.clone()}</span>
                    </a>
                    <span class="related-shared">{shared}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <details class="related" open=true>
            <summary>"Compare with another outlet’s coverage"</summary>
            <ul>{items}</ul>
        </details>
    })
}

/// One article.
#[component]
pub fn Reader(
    article: Doc,
    route: Memo<Route>,
    /// The URL's fragment (`#p7`): that paragraph is highlighted.
    focus: Memo<String>,
    /// Where the link's passage (`at=…&quote=…`) was found: its paragraphs are highlighted.
    passage: Memo<Option<Span>>,
) -> impl IntoView {
    let back_label = move || {
        if route.with(|r| r.state.q.is_some()) {
            "← Back to results"
        } else {
            "← All articles"
        }
    };
    let corpus = article.corpus().clone();
    let profile = &corpus.profile;
    let tags = corpus.stances_of(&article.id);
    let place = corpus.reading_place(article.index());
    let link_to = move |a: Option<&Article>| {
        let id = a.map(|a| a.id.clone());
        move || {
            route.with(|r| {
                href(
                    &r.path,
                    &ViewState {
                        q: r.state.q.clone(),
                        doc: id.clone(),
                        ..Default::default()
                    },
                )
            })
        }
    };
    let prev = place.and_then(|p| p.older).map(|d| &corpus.articles[d]);
    let next = place.and_then(|p| p.newer).map(|d| &corpus.articles[d]);
    let (pos, count) = place.map_or((0, corpus.articles.len()), |p| (p.position, p.of));

    // Where each paragraph appears elsewhere, from one pass over the reuse graph.
    let appearances = corpus.appearances(article.index());
    let body = article
        .segments
        .iter()
        .filter_map(|s| match s.kind {
            SegmentKind::Paragraph => {
                let (i, p) = article
                    .paragraphs
                    .iter()
                    .enumerate()
                    .find(|(_, p)| p.span == s.span)?;
                let also: Vec<(String, String)> = appearances
                    .get(&i)
                    .into_iter()
                    .flatten()
                    .map(|ap| {
                        let other = &corpus.articles[ap.doc];
                        let label = format!(
                            "{} ¶{} ({}, {}% copied)",
                            other.outlet_label(),
                            ap.paragraph + 1,
                            if ap.kind == parallax_core::align::Kind::Verbatim {
                                "word for word"
                            } else {
                                "edited copy"
                            },
                            (ap.copied * 100.0).round()
                        );
                        let link = route.with_untracked(|r| {
                            href(
                                &r.path,
                                &ViewState {
                                    compare: vec![article.id.clone(), other.id.clone()],
                                    focus: Some(PassageKey::new(article.id.clone(), i)),
                                    ..Default::default()
                                },
                            )
                        });
                        (label, link)
                    })
                    .collect();
                Some(paragraph_view(&article, i, p, focus, passage, profile, tags, also).into_any())
            }
            SegmentKind::Boilerplate => {
                let b = article.boilerplate.iter().find(|b| b.span == s.span)?;
                Some(
                    view! {
                        <details class="boilerplate" data-testid="boilerplate">
                            <summary>"Not part of the article — " {b.reason.clone()}</summary>
                            <p class="raw">{article.slice(b.span).to_string()}</p>
                        </details>
                    }
                    .into_any(),
                )
            }
            _ => None,
        })
        .collect_view();

    let authors = (!article.authors.is_empty()).then(|| {
        view! {
            <div>
                <dt>"Credits"</dt>
                <dd>
                    {article
                        .authors
                        .iter()
                        .map(|a| view! { <span class="credit-item">{a.name.clone()} <small>" (" {author_role(a.role)} ")"</small></span> })
                        .collect_view()}
                </dd>
            </div>
        }
    });
    let related = related(&article, route);
    let stance_panel = crate::components::stance::stance_panel(&article, profile, tags);
    let notes = (!article.notes.is_empty()).then(|| {
        view! {
            <ul class="ingest-notes">
                {article.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
            </ul>
        }
    });

    view! {
        <article class="reader" aria-labelledby="article-title" data-testid="reader" data-id=article.id.clone()>
            <nav class="reader-nav" aria-label="Article navigation">
                <a class="back" href=link_to(None)>{back_label}</a>
                <span class="position">"Article " {pos + 1} " of " {count}</span>
                <span class="prev-next">
                    {prev.map(|p| view! { <a href=link_to(Some(p)) rel="prev" title=p.title.text.clone()>"‹ Older"</a> })}
                    {next.map(|n| view! { <a href=link_to(Some(n)) rel="next" title=n.title.text.clone()>"Newer ›"</a> })}
                </span>
            </nav>
            <header class="reader-head">
                <div class="kicker">
                    {outlets(&article)}
                    {date_label(&article)}
                    {article.dateline.as_ref().map(|d| view! { <span class="dateline">{d.place.clone()}</span> })}
                </div>
                <h1 id="article-title">{article.title.text.clone()}</h1>
                {(article.title.provenance == Provenance::Inferred).then(|| view! {
                    <p class="title-note">"The file states no headline; this one is the lead sentence."</p>
                })}
                <dl class="facts">
                    <div>
                        <dt>"Date"</dt>
                        <dd data-testid="date-fact">
                            {article.date.human()} " · " <em>{article.date.provenance.as_str()}</em>
                            <span class="reason">{article.date.reason.clone()}</span>
                        </dd>
                    </div>
                    {outlet_facts(&article)}
                    {authors}
                    <div>
                        <dt>"File"</dt>
                        <dd><code>{article.file_name.clone()}</code> " · " {article.word_count()} " words"</dd>
                    </div>
                </dl>
                {notes}
            </header>
            {stance_panel}
            {related}
            <div class="reader-body">{body}</div>
            <details class="source">
                <summary>"Original file, exactly as ingested (" {article.text.len()} " bytes)"</summary>
                <pre>{article.text.to_string()}</pre>
            </details>
        </article>
    }
}

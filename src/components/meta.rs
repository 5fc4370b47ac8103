//! Small metadata widgets: outlet chips and the date with its provenance.

use leptos::prelude::*;
use parallax_core::ingest::{Article, Provenance};
use parallax_core::outlets::OutletRole;

/// The outlets as chips: publisher, wire, `via` aggregator.
pub fn outlets(article: &Article) -> impl IntoView {
    let local = use_context::<crate::local::Local>()
        .is_some_and(|l| l.is_local(&article.id))
        .then(|| view! {
            <span class="chip chip-local" title="You added this article in this browser; it is not part of the published page" data-testid="local-badge">
                "Added locally"
            </span>
        });
    if article.outlets.is_empty() {
        return view! {
            <span class="outlets">
                {local}
                <span class="chip chip-unknown" title="No outlet is named in the file; set one in corpus.toml">
                    "Unknown outlet"
                </span>
            </span>
        }
        .into_any();
    }
    view! {
        <span class="outlets">
            {local}
            {article
                .outlets
                .iter()
                .map(|o| {
                    let (class, prefix) = match o.role {
                        OutletRole::Publisher => ("chip chip-publisher", ""),
                        OutletRole::Aggregator => ("chip chip-via", "via "),
                        _ => ("chip chip-wire", ""),
                    };
                    view! { <span class=class title=o.explain(article) data-rule=o.rule.as_str()>{prefix}{o.name.clone()}</span> }
                })
                .collect_view()}
        </span>
    }
    .into_any()
}

/// The reader's facts about outlets: who published it and why each outlet is listed (the rule
/// and the line that named it), the outlets only cited or credited for a photo, and the
/// article's address when the file or corpus.toml gives one.
pub fn outlet_facts(article: &Article) -> impl IntoView {
    let why = article
        .outlets
        .iter()
        .map(|o| view! { <li data-testid="outlet-why">{o.explain(article)}</li> })
        .collect_view();
    let mentioned = (!article.mentioned.is_empty()).then(|| {
        view! {
            <div>
                <dt>"Also named"</dt>
                <dd data-testid="outlets-mentioned">
                    {article
                        .mentioned
                        .iter()
                        .map(|o| view! { <span class="credit-item" title=o.explain(article)>{o.name.clone()} <small>" (" {o.role.as_str()} ")"</small></span> })
                        .collect_view()}
                </dd>
            </div>
        }
    });
    let url = article
        .url
        .clone()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|u| {
            let href = u.clone();
            view! {
                <div>
                    <dt>"Address"</dt>
                    <dd><a href=href rel="noopener noreferrer external" data-testid="article-url">{u}</a></dd>
                </div>
            }
        });
    view! {
        <div>
            <dt>"Published by"</dt>
            <dd>
                {article.outlet_label()}
                {(!article.outlets.is_empty()).then(|| view! { <ul class="outlet-why">{why}</ul> })}
            </dd>
        </div>
        {mentioned}
        {url}
    }
}

/// The date, with a visible marker when it is inferred or unknown and the reason on hover/focus.
pub fn date_label(article: &Article) -> impl IntoView {
    let d = &article.date;
    let badge = match d.provenance {
        Provenance::Inferred => Some(("badge badge-inferred", "inferred")),
        Provenance::Unknown => None,
        Provenance::Sidecar => Some(("badge", "from corpus.toml")),
        Provenance::Header | Provenance::Text => None,
    };
    let time = (!d.iso().is_empty()).then(|| d.iso());
    view! {
        <span class="date" title=d.reason.clone() data-provenance=d.provenance.as_str()>
            <time datetime=time>{d.human()}</time>
            {badge.map(|(class, label)| view! { <span class=class>{label}</span> })}
        </span>
    }
}

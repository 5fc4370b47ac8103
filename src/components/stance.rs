//! Stance badges in the reader: actor → target with the polarity in words (and colour), the cue
//! words and the rule on hover or focus; and a panel listing every position in the article.

use leptos::prelude::*;
use parallax_core::ingest::{Article, Paragraph};
use parallax_core::stance::{Polarity, Profile, Tag, Voice};

/// CSS class and the word shown for a polarity.
pub fn polarity_words(p: Polarity) -> (&'static str, &'static str) {
    match p {
        Polarity::Support => ("support", "for"),
        Polarity::Oppose => ("oppose", "against"),
        Polarity::NeutralReport => ("neutral", "reports on"),
    }
}

fn voice_words(v: Voice) -> &'static str {
    match v {
        Voice::Quoted => "quoted",
        Voice::Reported => "reported",
        Voice::Outlet => "the outlet's own words",
    }
}

/// Why a tag was given, as a sentence.
pub fn explain(article: &Article, profile: &Profile, t: &Tag) -> String {
    let cues: Vec<String> = t
        .cues
        .iter()
        .map(|c| format!("“{}”", article.slice(*c)))
        .collect();
    format!(
        "{} ({}) is {} {} — {}. Cues: {}. Rule: {}. Confidence {:.0}%.",
        profile.actor_name(&t.actor),
        if t.actor_surface.is_empty() {
            "no speaker named".to_string()
        } else {
            format!("named as “{}”", t.actor_surface)
        },
        polarity_words(t.stance).1,
        profile.target_label(&t.target).to_lowercase(),
        voice_words(t.voice),
        cues.join(", "),
        t.rule,
        t.confidence * 100.0
    )
}

/// One badge.
#[component]
pub fn StanceBadge(
    article: &'static Article,
    profile: &'static Profile,
    tag: &'static Tag,
) -> impl IntoView {
    let (class, word) = polarity_words(tag.stance);
    view! {
        <span
            class=format!("stance-badge {class}")
            tabindex="0"
            role="note"
            title=explain(article, profile, tag)
            data-testid="stance-badge"
            data-target=tag.target.clone()
            data-stance=class
        >
            {profile.actor_name(&tag.actor)} " " <em>{word}</em> " " {profile.target_label(&tag.target).to_lowercase()}
        </span>
    }
}

/// A paragraph's text, sentence by sentence, with badges after the sentences that carry positions.
pub fn paragraph_with_stances(
    article: &'static Article,
    index: usize,
    paragraph: &'static Paragraph,
    profile: &'static Profile,
    tags: &'static [Tag],
) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut pos = paragraph.span.start;
    for (si, s) in paragraph.sentences.iter().enumerate() {
        let here: Vec<&'static Tag> = tags
            .iter()
            .filter(|t| t.paragraph == index && t.sentence == si)
            .collect();
        if here.is_empty() {
            continue;
        }
        if s.start > pos {
            out.push(article.text[pos..s.start].to_string().into_any());
        }
        out.push(
            view! { <span class="stance-sentence">{article.slice(*s).to_string()}</span> }
                .into_any(),
        );
        for t in here {
            out.push(
                view! { " " <StanceBadge article=article profile=profile tag=t /> }.into_any(),
            );
        }
        pos = s.end;
    }
    if pos < paragraph.span.end {
        out.push(article.text[pos..paragraph.span.end].to_string().into_any());
    }
    out
}

/// Every position the article reports, in reading order.
#[component]
pub fn StancePanel(
    article: &'static Article,
    profile: &'static Profile,
    tags: &'static [Tag],
) -> impl IntoView {
    if tags.is_empty() {
        return ().into_any();
    }
    let rows = tags
        .iter()
        .map(|t| {
            let (class, word) = polarity_words(t.stance);
            view! {
                <li>
                    <a href=format!("#p{}", t.paragraph + 1) class="stance-row" title=explain(article, profile, t)>
                        <span class="who">{profile.actor_name(&t.actor)}</span>
                        <span class=format!("stance-badge {class}")><em>{word}</em></span>
                        <span class="what">{profile.target_label(&t.target)}</span>
                        <span class="voice">{voice_words(t.voice)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="stance-panel" data-testid="stance-panel">
            <summary>"Positions reported in this article (" {tags.len()} ")"</summary>
            <ul>{rows}</ul>
            <p class="stance-note">"Tags come from rules over the text; hover or focus a badge in the text for the cue words and the rule."</p>
        </details>
    }
    .into_any()
}

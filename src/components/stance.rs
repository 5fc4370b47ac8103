//! Stance badges in the reader: actor → target with the polarity in words (and colour), the cue
//! words and the rule on hover or focus; and a panel listing every position in the article.

use leptos::prelude::*;
use parallax_core::ingest::{Article, Paragraph};
use parallax_core::stance::{Profile, Tag};

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
        t.stance.label(),
        profile.target_label(&t.target).to_lowercase(),
        t.voice.label(),
        cues.join(", "),
        t.rule,
        t.confidence * 100.0
    )
}

/// One badge.
pub fn stance_badge(article: &Article, profile: &Profile, tag: &Tag) -> impl IntoView {
    let (class, word) = (tag.stance.keyword(), tag.stance.label());
    view! {
        <span
            class=format!("stance-badge {class}")
            tabindex="0"
            role="note"
            title=explain(article, profile, tag)
            data-testid="stance-badge"
            data-target=tag.target.to_string()
            data-stance=class
        >
            {profile.actor_name(&tag.actor)} " " <em>{word}</em> " " {profile.target_label(&tag.target).to_lowercase()}
        </span>
    }
}

/// A paragraph's text, sentence by sentence, with badges after the sentences that carry positions.
pub fn paragraph_with_stances(
    article: &Article,
    index: usize,
    paragraph: &Paragraph,
    profile: &Profile,
    tags: &[Tag],
) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut pos = paragraph.span.start;
    for (si, s) in paragraph.sentences.iter().enumerate() {
        let here: Vec<&Tag> = tags
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
            out.push(view! { " " {stance_badge(article, profile, t)} }.into_any());
        }
        pos = s.end;
    }
    if pos < paragraph.span.end {
        out.push(article.text[pos..paragraph.span.end].to_string().into_any());
    }
    out
}

/// Every position the article reports, in reading order.
pub fn stance_panel(article: &Article, profile: &Profile, tags: &[Tag]) -> impl IntoView {
    if tags.is_empty() {
        return ().into_any();
    }
    let rows = tags
        .iter()
        .map(|t| {
            let (class, word) = (t.stance.keyword(), t.stance.label());
            view! {
                <li>
                    <a href=format!("#p{}", t.paragraph + 1) class="stance-row" title=explain(article, profile, t) data-testid="stance-row">
                        <span class="who">{profile.actor_name(&t.actor)}</span>
                        <span class=format!("stance-badge {class}")><em>{word}</em></span>
                        <span class="what">{profile.target_label(&t.target)}</span>
                        <span class="voice">
                            {if t.sentence == parallax_core::stance::HEADLINE {
                                format!("{} · headline", t.voice.label())
                            } else {
                                t.voice.label().to_string()
                            }}
                        </span>
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

/// Where the stance profile came from, shown above the coverage tables when it was suggested
/// from the articles (the folder has no `story.toml` and the built-in profile does not fit):
/// the targets and actors are a machine's first guess, and the disclosure says how to refine
/// them.
pub fn profile_note(corpus: &parallax_core::Corpus) -> impl IntoView {
    let parallax_core::ProfileSource::Suggested {
        builtin_hits_per_thousand_words: hits,
    } = corpus.profile_source
    else {
        return ().into_any();
    };
    let targets = corpus.profile.targets.len();
    let actors = corpus
        .profile
        .actors
        .iter()
        .filter(|a| !a.discovered)
        .count();
    view! {
        <details class="profile-note" data-testid="profile-note">
            <summary>{format!("Stance profile suggested from these articles ({targets} targets, {actors} actors): how to refine it")}</summary>
            <p>{format!(
                "The folder has no story.toml and the built-in profile does not fit it ({hits:.1} of its cue words per 1,000 words), so the targets and actors are Parallax's first guess from what the articles' actors call for, condemn, reject or back."
            )}</p>
            <ol>
                <li>"Write the suggestion to the folder: " <code>"parallax profile suggest --corpus FOLDER --out FOLDER/story.toml"</code>"."</li>
                <li>"Edit it: rename targets, merge the ones that are one position (their cues together), drop cue words that also mean other things, set " <code>"valence = \"against\""</code> " for what a call opposes, merge actors that are one and check each affiliation."</li>
                <li>"Compare the tags before and after with " <code>"parallax stance --corpus FOLDER"</code> ", then rebuild the page with " <code>"CORPUS_DIR=FOLDER make serve"</code> "."</li>
            </ol>
            <p>"The README (Stance tagging, “A story nobody wrote a profile for”) describes the format."</p>
        </details>
    }
    .into_any()
}

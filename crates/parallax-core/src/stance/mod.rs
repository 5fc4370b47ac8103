//! Explainable stance tagging, sentence by sentence (the headline too): who (actor) takes which
//! position (support, oppose, neutral report) on what (a target of the story profile), in whose
//! voice (quoted, reported, the outlet's own), with the cue words and the rule that fired.
//!
//! The story — its targets and actors — is data ([`Profile`], a `story.toml`); the rules are
//! about English news prose only, and every profile gets them all:
//! - cues and triggers are matched through the text pipeline (`matcher.rs`: stems, word
//!   families, US/UK spellings, a few words inside a multi-word cue);
//! - a **trigger** (`lexicon.rs`: calls, commitments, endorsements, rejections, their nominal
//!   forms) before a target's cue gives the polarity, a predicate or a passive after it may too,
//!   a negation flips it, an oppose trigger governing a call turns it round, an `unless …` or
//!   `if … not …` clause is a demanded condition, and an actor doing what the cue names (a deed)
//!   takes its side (`judge.rs`);
//! - a target whose valence is `against` (violence, interference) is opposed by any trigger but an
//!   endorsement;
//! - the **actor** is the subject of the trigger, the speaker of the quote, `according to X`, the
//!   agents of a passive, or who a pronoun, surname or title points back to; besides the
//!   profile's actors, the people, organisations and governments the article itself names are
//!   found ([`actors`]);
//! - the **voice** is `quoted` when the cue is inside quotation marks, `reported` when an actor
//!   speaks through a reporting verb, `outlet` otherwise.

pub mod actors;
mod error;
mod forms;
mod holder;
mod judge;
mod lexicon;
mod matcher;
mod mentions;
mod packed;
mod polarity;
mod sym;

use crate::ingest::{Article, Role};
use crate::Span;
pub use error::{ProfileError, ProfileErrorKind};
use holder::quote_speaker;
use judge::{judge, Ctx};
use lexicon::lexicon;
use matcher::{Pattern, Words, CUE_GAP};
use mentions::*;
pub(crate) use packed::Rest;
pub use packed::{Stances, TagKey};
pub use polarity::{Polarity, Voice};
use serde::{Deserialize, Serialize};
pub use sym::Sym;

/// What calling *for* a target's cue means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Valence {
    /// Calling for it supports it (dialogue, sanctions).
    For,
    /// Naming it in a call is opposing it (violence, interference).
    Against,
}

/// A position people take on the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Stable id (`dialogue`).
    pub id: String,
    /// Label for the UI.
    pub label: String,
    /// Lower-case cue words or phrases; a trailing `*` matches any ending.
    pub cues: Vec<String>,
    /// What a call for a cue means.
    pub valence: Valence,
}

/// Someone who takes positions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id (`di_maio`).
    pub id: String,
    /// Name for the UI.
    pub name: String,
    /// How texts name them (matched ignoring case, on word boundaries).
    pub aliases: Vec<String>,
    /// What stances roll up to (`italy`, `opposition`).
    pub affiliation: String,
    /// `m`, `f` or `p` (plural), for pronouns (`he`, `she`, `they`); `u` for a person found in
    /// the text whose gender it does not give (either `he` or `she` may point back to them).
    #[serde(default)]
    pub gender: Option<String>,
    /// Found in an article's text rather than listed in the profile ([`actors`]): the id is the
    /// slug of the name, the affiliation comes from the title or nationality.
    #[serde(default)]
    pub discovered: bool,
}

/// A story profile: its targets and actors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The targets.
    #[serde(default, rename = "target")]
    pub targets: Vec<Target>,
    /// The actors.
    #[serde(default, rename = "actor")]
    pub actors: Vec<Actor>,
    /// Groups of affiliations, for roll-ups (governments, opposition…).
    #[serde(default, rename = "group")]
    pub groups: Vec<Group>,
}

/// A group of affiliations that stances roll up to in the coverage views.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Stable id (`governments`).
    pub id: String,
    /// Label for the UI (`National governments`).
    pub label: String,
    /// The affiliations it gathers (`italy`, `lithuania`).
    pub affiliations: Vec<String>,
}

/// [`Tag::sentence`] of a tag from the headline (its `paragraph` is 0, the first paragraph).
///
/// It must fit 32 bits: the build script encodes the corpus on a 64-bit host and the page decodes
/// it in wasm32, where postcard rejects a `usize` above `u32::MAX` (the page then reports the
/// embedded corpus as damaged).
pub const HEADLINE: usize = u32::MAX as usize;
const _: () = assert!(
    HEADLINE as u64 <= u32::MAX as u64,
    "HEADLINE must fit a wasm32 usize"
);

/// The pseudo-actor of statements in the article's own voice.
pub const OUTLET_ACTOR: &str = "outlet";

impl Profile {
    /// The actor's name: from the profile, "The outlet itself" for the outlet's own voice, or the
    /// id (a name as written) when the profile does not know it.
    pub fn actor_name(&self, id: &str) -> String {
        match self.actors.iter().find(|a| a.id == id) {
            Some(a) => a.name.clone(),
            None if id == OUTLET_ACTOR => "The outlet itself".to_string(),
            None => id.to_string(),
        }
    }

    /// The target's label (the id when the profile does not know it).
    pub fn target_label(&self, id: &str) -> String {
        self.targets
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.label.clone())
    }

    /// The group an actor's stances roll up to, as `(id, label)`: the profile's group of its
    /// affiliation, else the affiliation itself, else "Named in the text" for actors the profile
    /// does not know.
    pub fn group_of(&self, actor: &str) -> (String, String) {
        if actor == OUTLET_ACTOR {
            return ("outlet".into(), "The outlets' own voice".into());
        }
        let Some(a) = self.actors.iter().find(|a| a.id == actor) else {
            return ("unlisted".into(), "Others named in the text".into());
        };
        match self
            .groups
            .iter()
            .find(|g| g.affiliations.contains(&a.affiliation))
        {
            Some(g) => (g.id.clone(), g.label.clone()),
            // An affiliation that is an actor of its own (`cl` for the Coastal League) takes
            // that actor's name; else it is written out (`sri_lanka`: `Sri lanka`).
            None => {
                let label = self
                    .actors
                    .iter()
                    .find(|x| x.id == a.affiliation)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| capitalised(&a.affiliation.replace('_', " ")));
                (a.affiliation.clone(), label)
            }
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(feature = "fs")]
impl Profile {
    /// The built-in profile (the seed story), from `profiles/default.toml`.
    pub fn builtin() -> Profile {
        Profile::from_toml(include_str!("../../profiles/default.toml")).unwrap_or_default()
    }

    /// Parses a profile; the error says what is wrong and on which line.
    pub fn from_toml(src: &str) -> Result<Profile, ProfileError> {
        toml::from_str(src).map_err(|e| {
            ProfileError::new(ProfileErrorKind::Toml {
                line: e
                    .span()
                    .map(|s| crate::error::line_of(src.as_bytes(), s.start)),
                message: e.message().trim().to_string(),
            })
        })
    }

    /// Reads and parses a profile file (a `story.toml`).
    pub fn read(path: &std::path::Path) -> Result<Profile, ProfileError> {
        let src = std::fs::read_to_string(path).map_err(|e| {
            ProfileError::new(ProfileErrorKind::Io {
                message: e.to_string(),
            })
        })?;
        Profile::from_toml(&src)
    }
}

/// One stance tag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// Paragraph index.
    pub paragraph: usize,
    /// Sentence index in the paragraph ([`HEADLINE`] for the headline).
    pub sentence: usize,
    /// The sentence's bytes in the article.
    pub span: Span,
    /// Actor id (from the profile, or the name as written when the profile does not know it).
    pub actor: Sym,
    /// How the sentence names the actor (`she`, `the Italian foreign minister`).
    pub actor_surface: Sym,
    /// Target id.
    pub target: Sym,
    /// Polarity.
    pub stance: Polarity,
    /// Voice.
    pub voice: Voice,
    /// The trigger and the target cue, as byte spans in the article.
    pub cues: Vec<Span>,
    /// The rule that fired, e.g. `trigger 'called for' → dialogue (valence for)`.
    pub rule: Sym,
    /// How sure the rule is (0–1).
    pub confidence: f32,
}

/// Most bytes between an actor and the verb it is the subject of (`Putin on Thursday called`).
const SUBJECT_GAP: usize = 45;

fn is_boundary(b: Option<u8>) -> bool {
    b.is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Every match of `needle` (lower-case; a trailing `*` matches any word ending) in `hay`
/// (lower-cased ASCII of the sentence), on word boundaries.
fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    matches_of(hay, needle).collect()
}

/// The matches [`find_all`] collects, one by one (the suggestion counts them:
/// `suggest::words::count_cue`).
pub(crate) fn matches_of<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = Span> + 'h {
    let (needle, prefix) = match needle.strip_suffix('*') {
        Some(n) => (n, true),
        None => (needle, false),
    };
    let bytes = hay.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = hay.get(from..)?.find(needle) {
            let s = from + i;
            let mut e = s + needle.len();
            if prefix {
                while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
                    e += 1;
                }
            }
            from = s + needle.len().max(1);
            if is_boundary(s.checked_sub(1).map(|j| bytes[j])) && is_boundary(bytes.get(e).copied())
            {
                return Some(Span::new(s, e));
            }
        }
        None
    })
}

/// Byte ranges of the sentence inside quotation marks.
fn quoted_ranges(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take() {
                    out.push(Span::new(o, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(o) => out.push(Span::new(o, i + 1)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    // A quote that runs on past the sentence (a multi-sentence quotation).
    if let Some(o) = open {
        out.push(Span::new(o, s.len()));
    }
    out
}

/// The quotation ranges of a paragraph that fall in its sentence at `offset` (`len` bytes), in
/// the sentence's offsets.
fn quotes_in(para_quotes: &[Span], offset: usize, len: usize) -> Vec<Span> {
    para_quotes
        .iter()
        .filter(|q| q.start < offset + len && q.end > offset)
        .map(|q| Span::new(q.start.saturating_sub(offset), (q.end - offset).min(len)))
        .collect()
}

/// Tags one article with a profile, and with the actors the article itself names
/// ([`actors::discover`]).
pub fn tag_article(article: &Article, profile: &Profile) -> Vec<Tag> {
    tag_article_with_actors(article, profile).0
}

/// Tags one article, and returns the actors found in its text that its tags name (for the
/// corpus's profile, so that the coverage views can name and group them).
pub fn tag_article_with_actors(article: &Article, profile: &Profile) -> (Vec<Tag>, Vec<Actor>) {
    let local = profile.for_article(article);
    let tags = tag_with(article, &local);
    let found = local
        .actors
        .into_iter()
        .filter(|a| a.discovered && tags.iter().any(|t| t.actor == a.id))
        .collect();
    (tags, found)
}

fn tag_with(article: &Article, profile: &Profile) -> Vec<Tag> {
    let lex = lexicon();
    let targets: Vec<(&Target, Vec<Pattern>)> = profile
        .targets
        .iter()
        .map(|t| {
            let cues = t.cues.iter().map(|c| Pattern::new(c, CUE_GAP)).collect();
            (t, cues)
        })
        .collect();
    let mut tags = Vec::new();
    let mut context: Vec<Mention> = Vec::new();
    // (paragraph index, paragraph span, its sentences, is the headline).
    let mut units: Vec<(usize, Span, Vec<Span>, bool)> = Vec::new();
    // The headline is a sentence too (`Oland condemns the coup`); its tags point at the first
    // paragraph, with `sentence` = [`HEADLINE`].
    if let (Some(span), crate::ingest::Provenance::Text) =
        (article.title.span, article.title.provenance)
    {
        units.push((0, span, vec![span], true));
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        if matches!(p.role, Role::Body | Role::Standfirst) {
            units.push((i, p.span, p.sentences.clone(), false));
        }
    }
    // The speaker of the last quotation, for the sentences of a quotation that runs on without
    // naming them again (`"…," Putin said. "… . …"`).
    let mut last_speaker: Option<Mention> = None;
    for (pi, p_span, sentences, headline) in units {
        // Quotation marks are paired over the whole paragraph, so that a quotation may span
        // sentences.
        let para_quotes = quoted_ranges(article.slice(p_span));
        if para_quotes.is_empty() {
            last_speaker = None;
        }
        // A quotation whose speaker is named only at its end (`"… . …," the minister said`):
        // the speaker a later sentence of the paragraph names, for the sentences before.
        let ahead: Vec<Option<Mention>> = if para_quotes.is_empty() {
            vec![None; sentences.len()]
        } else {
            let found: Vec<Option<Mention>> = sentences
                .iter()
                .map(|span| {
                    let sentence = article.slice(*span);
                    let lower = sentence.to_ascii_lowercase();
                    let words = Words::new(&lower);
                    let ctx = Ctx {
                        cue_spans: Vec::new(),
                        span: *span,
                        sentence,
                        hits: Vec::new(),
                        reporting: lex.reporting_in(&lower, &words),
                        lower: &lower,
                        named: mentions(profile, sentence, &lower, &context),
                        quotes: quotes_in(&para_quotes, span.start - p_span.start, sentence.len()),
                        words,
                        profile,
                    };
                    quote_speaker(&ctx).cloned()
                })
                .collect();
            (0..sentences.len())
                .map(|i| found[i + 1..].iter().flatten().next().cloned())
                .collect()
        };
        // Where the tags of the sentence before this one, and of this one, begin.
        let mut before_previous = tags.len();
        let mut sentence_start = tags.len();
        for (si, span) in sentences.iter().enumerate() {
            let ahead_speaker = ahead.get(si).cloned().flatten();
            let si = if headline { HEADLINE } else { si };
            let sentence = article.slice(*span);
            let lower = sentence.to_ascii_lowercase();
            let named = mentions(profile, sentence, &lower, &context);
            let offset = span.start - p_span.start;
            let quotes = quotes_in(&para_quotes, offset, sentence.len());
            let words = Words::new(&lower);
            let cue_spans: Vec<Span> = targets
                .iter()
                .flat_map(|(_, cues)| cues.iter().flat_map(|c| words.find(&lower, c)))
                .collect();
            let ctx = Ctx {
                cue_spans,
                span: *span,
                sentence,
                hits: lex.triggers_in(&lower, &words),
                reporting: lex.reporting_in(&lower, &words),
                lower: &lower,
                words,
                named,
                quotes,
                profile,
            };
            if let Some(speaker) = quote_speaker(&ctx) {
                last_speaker = Some(speaker.clone());
            }
            for (target, cues) in &targets {
                // Each cue occurrence is judged; a sentence keeps one tag per actor and target
                // (`Macron called for dialogue, while Merkel stressed … dialogue`).
                let mut found: Vec<Tag> = Vec::new();
                let mut occurrences: Vec<Span> = cues
                    .iter()
                    .flat_map(|cue| ctx.words.find(&lower, cue))
                    .collect();
                // `… Russia's suspension of the pact, and Blinken called it unconscionable`: `it`
                // after a verb of naming stands for the nearest cue before it.
                for it in named_it(&lower) {
                    let nearest = ctx
                        .cue_spans
                        .iter()
                        .filter(|o| o.end <= it.start)
                        .max_by_key(|o| o.end);
                    if nearest.is_some_and(|n| occurrences.contains(n)) {
                        occurrences.push(it);
                    }
                }
                {
                    for c in occurrences {
                        // A cue inside a longer cue (`protesters` in `attacks on protesters`)
                        // is that phrase's, not a position on its own.
                        let inside = ctx.cue_spans.iter().any(|o| {
                            o.start <= c.start
                                && c.end <= o.end
                                && o.end - o.start > c.end - c.start
                        });
                        if inside
                            || found.iter().any(|t| {
                                t.cues[1].start - span.start < c.end
                                    && c.start < t.cues[1].end - span.start
                            })
                        {
                            continue;
                        }
                        let speaker = last_speaker.as_ref().or(ahead_speaker.as_ref());
                        for tag in judge(&ctx, target, c, speaker) {
                            if !found.iter().any(|t| t.actor == tag.actor) {
                                found.push(Tag {
                                    paragraph: pi,
                                    sentence: si,
                                    ..tag
                                });
                            }
                        }
                    }
                }
                tags.extend(found);
            }
            // `This was stated by Xi Jinping …`: the sentence before was that person's.
            if let Some(by) = stated_by(&ctx) {
                let is_person = |id: &str| {
                    profile
                        .actors
                        .iter()
                        .any(|a| a.id == id && a.gender.as_deref().is_some_and(|g| g != "p"))
                };
                // The sentence before keeps its place: each of its tags is followed by the
                // speaker's (and an outlet-voice tag gives way to it).
                let mut previous: Vec<Tag> = Vec::new();
                for t in &tags[before_previous..sentence_start] {
                    let moved = t.paragraph == pi && !is_person(&t.actor) && t.actor != by.actor;
                    if !(moved && t.actor == OUTLET_ACTOR) {
                        previous.push(t.clone());
                    }
                    if moved {
                        previous.push(Tag {
                            actor: by.actor.as_str().into(),
                            actor_surface: by.surface.as_str().into(),
                            voice: if t.voice == Voice::Quoted {
                                Voice::Quoted
                            } else {
                                Voice::Reported
                            },
                            rule: format!(
                                "{}; said by the actor the next sentence names (“this was stated by”)",
                                t.rule
                            )
                            .into(),
                            ..t.clone()
                        });
                    }
                }
                let grown = previous.len();
                tags.splice(before_previous..sentence_start, previous);
                sentence_start = before_previous + grown;
            }
            before_previous = sentence_start;
            sentence_start = tags.len();
            context.extend(ctx.named.into_iter().filter(|m| !is_pronoun(&m.surface)));
        }
    }
    tags
}

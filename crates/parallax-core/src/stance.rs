//! Explainable stance tagging, sentence by sentence: who (actor) takes which position (support,
//! oppose, neutral report) on what (a target of the story profile), in whose voice (quoted,
//! reported, the outlet's own), with the cue words and the rule that fired.
//!
//! The story — its targets and actors — is data ([`Profile`], a `story.toml`); the rules here are
//! about English news prose only:
//! - a **trigger** before a target's cue gives the polarity: support triggers (`called for`,
//!   `urged`, `appeal for`, `hopes`, `offer`, `demand` …) and oppose triggers (`warned against`,
//!   `condemned`, `rejected`, `does not accept`, `neither … nor` …); a negation between them flips
//!   it; a target in an `unless …` clause is a demanded condition (support);
//! - a target whose valence is `against` (violence, interference) is opposed by any trigger;
//! - the **actor** is the speaker of the quote (`"…," X said`), or the subject of the trigger (the
//!   last actor named before it), or `according to X`; `he`/`she` point back to the last actor of
//!   that gender; an unknown capitalised name before `said` is kept as written;
//! - the **voice** is `quoted` when the cue is inside quotation marks, `reported` when an actor
//!   speaks through a reporting verb, `outlet` otherwise.

use crate::ingest::{Article, Role};
use crate::Span;
use serde::{Deserialize, Serialize};

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
    /// `m`, `f` or `p` (plural), for pronouns (`he`, `she`, `they`).
    #[serde(default)]
    pub gender: Option<String>,
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
            None => {
                let mut label = a.affiliation.replace('_', " ");
                if let Some(first) = label.get(..1) {
                    label = first.to_uppercase() + &label[1..];
                }
                (a.affiliation.clone(), label)
            }
        }
    }
}

#[cfg(feature = "fs")]
impl Profile {
    /// The built-in profile (the seed story), from `profiles/default.toml`.
    pub fn builtin() -> Profile {
        Profile::from_toml(include_str!("../profiles/default.toml")).unwrap_or_default()
    }

    /// Parses a profile; the error is a sentence with the line.
    pub fn from_toml(src: &str) -> Result<Profile, String> {
        toml::from_str(src).map_err(|e| {
            let line = e
                .span()
                .map(|s| crate::error::line_of(src.as_bytes(), s.start))
                .unwrap_or(0);
            format!("line {line}: {}", e.message().trim())
        })
    }
}

/// Polarity of a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// For the target.
    Support,
    /// Against it.
    Oppose,
    /// Reports on it without a side.
    NeutralReport,
}

/// Whose words carry the position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// A direct quotation.
    Quoted,
    /// Indirect speech.
    Reported,
    /// The article's own framing.
    Outlet,
}

/// One stance tag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    /// Paragraph index.
    pub paragraph: usize,
    /// Sentence index in the paragraph.
    pub sentence: usize,
    /// The sentence's bytes in the article.
    pub span: Span,
    /// Actor id (from the profile, or the name as written when the profile does not know it).
    pub actor: String,
    /// How the sentence names the actor (`she`, `the Italian foreign minister`).
    pub actor_surface: String,
    /// Target id.
    pub target: String,
    /// Polarity.
    pub stance: Polarity,
    /// Voice.
    pub voice: Voice,
    /// The trigger and the target cue, as byte spans in the article.
    pub cues: Vec<Span>,
    /// The rule that fired, e.g. `trigger 'called for' → dialogue (valence for)`.
    pub rule: String,
    /// How sure the rule is (0–1).
    pub confidence: f32,
}

const SUPPORT_TRIGGERS: &[&str] = &[
    "call for",
    "calls for",
    "called for",
    "calling for",
    "called on",
    "calls on",
    "calling on",
    "called upon",
    "urge",
    "urged",
    "urges",
    "urging",
    "appeal for",
    "appeal to",
    "hope",
    "hopes",
    "offer",
    "offered",
    "will offer",
    "support",
    "proposal",
    "propose",
    "encourage",
    "encouraging",
    "facilitate",
    "facilitating",
    "engage in",
    "expects",
    "expect",
    "demand",
    "demanded",
    "impose",
    "start",
    "establishing",
    "plans to",
    "organize",
    "importance of",
    "maintain",
    "strengthening",
    "deepening",
    "should",
    "must",
    "insist",
    "insists",
    "insisted",
    "showed her readiness",
    "formed",
    "stressed",
];

const OPPOSE_TRIGGERS: &[&str] = &[
    "warned against",
    "warn against",
    "warns against",
    "condemn",
    "condemned",
    "condemns",
    "denounce",
    "denounced",
    "denounces",
    "reject",
    "rejected",
    "rejects",
    "refused to",
    "does not accept",
    "do not accept",
    "neither",
    "falsif",
    "stop the",
    "renounce",
    "prevent",
    "poured cold water",
    "would not",
    "accused",
    "denied",
];

/// Most bytes between an actor and the verb it is the subject of (`Putin on Thursday called`).
const SUBJECT_GAP: usize = 45;

const NEGATIONS: &[&str] = &["not", "never", "no", "n't", "without"];

const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "stressed",
    "according to",
    "statement",
    "called",
    "urged",
    "warned",
    "denounced",
    "insisted",
    "insists",
    "maintain",
    "expects",
    "reiterated",
    "confirmed",
    "appeal",
];

fn is_boundary(b: Option<u8>) -> bool {
    b.is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Every match of `needle` (lower-case; a trailing `*` matches any word ending) in `hay`
/// (lower-cased ASCII of the sentence), on word boundaries.
fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    let (needle, prefix) = match needle.strip_suffix('*') {
        Some(n) => (n, true),
        None => (needle, false),
    };
    let bytes = hay.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let mut e = s + needle.len();
        if prefix {
            while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
                e += 1;
            }
        }
        if is_boundary(s.checked_sub(1).map(|j| bytes[j])) && is_boundary(bytes.get(e).copied()) {
            out.push(Span::new(s, e));
        }
        from = s + needle.len().max(1);
    }
    out
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

/// Whether a mention is a pronoun (it points back to an actor named earlier).
fn is_pronoun(surface: &str) -> bool {
    matches!(
        surface.to_ascii_lowercase().as_str(),
        "he" | "she" | "his" | "her" | "they" | "their"
    )
}

/// Whether a mention is a possessive: it names an owner (`his release`), not a speaker.
fn is_possessive(surface: &str) -> bool {
    matches!(
        surface.to_ascii_lowercase().as_str(),
        "his" | "her" | "their"
    )
}

/// Whether the word before `at` is a preposition: the mention is then an object (`the goal of
/// the opposition`), not a subject.
fn after_preposition(lower: &str, at: usize) -> bool {
    let before = lower[..at].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "of" | "with" | "to" | "for" | "by" | "on" | "against" | "from" | "about" | "between"
    )
}

/// An actor named in a sentence.
#[derive(Clone, Debug)]
struct Mention {
    at: Span,
    actor: String,
    surface: String,
}

fn mentions(profile: &Profile, sentence: &str, lower: &str, context: &[Mention]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for a in &profile.actors {
        let mut aliases: Vec<&String> = a.aliases.iter().collect();
        aliases.sort_by_key(|x| std::cmp::Reverse(x.len()));
        for alias in aliases {
            for m in find_all(lower, &alias.to_ascii_lowercase()) {
                if !out.iter().any(|x| x.at.start < m.end && m.start < x.at.end) {
                    out.push(Mention {
                        at: m,
                        actor: a.id.clone(),
                        surface: sentence[m.start..m.end].to_string(),
                    });
                }
            }
        }
    }
    // Pronouns point back to the last actor of that gender.
    for (word, gender) in [
        ("he", "m"),
        ("she", "f"),
        ("his", "m"),
        ("her", "f"),
        ("they", "p"),
        ("their", "p"),
    ] {
        for m in find_all(lower, word) {
            let of_gender = |x: &&Mention| {
                profile
                    .actors
                    .iter()
                    .any(|a| a.id == x.actor && a.gender.as_deref() == Some(gender))
            };
            // The closest such actor earlier in the sentence, else in the sentences before.
            let referent = out
                .iter()
                .rev()
                .filter(|x| x.at.end <= m.start)
                .find(of_gender)
                .or_else(|| context.iter().rev().find(of_gender))
                .cloned();
            if let Some(r) = referent {
                out.push(Mention {
                    at: m,
                    actor: r.actor.clone(),
                    surface: sentence[m.start..m.end].to_string(),
                });
            }
        }
    }
    out.sort_by_key(|m| m.at.start);
    out
}

/// Tags one article with a profile.
pub fn tag_article(article: &Article, profile: &Profile) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut context: Vec<Mention> = Vec::new();
    let mut units: Vec<(usize, &crate::ingest::Paragraph)> = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        if matches!(p.role, Role::Body | Role::Standfirst) {
            units.push((i, p));
        }
    }
    // The speaker of the last quotation, for the sentences of a quotation that runs on without
    // naming them again (`"…," Putin said. "… . …"`).
    let mut last_speaker: Option<Mention> = None;
    for (pi, p) in units {
        // Quotation marks are paired over the whole paragraph, so that a quotation may span
        // sentences.
        let para_quotes = quoted_ranges(article.slice(p.span));
        if para_quotes.is_empty() {
            last_speaker = None;
        }
        for (si, span) in p.sentences.iter().enumerate() {
            let sentence = article.slice(*span);
            let lower = sentence.to_ascii_lowercase();
            let named = mentions(profile, sentence, &lower, &context);
            let offset = span.start - p.span.start;
            let quotes: Vec<Span> = para_quotes
                .iter()
                .filter(|q| q.start < offset + sentence.len() && q.end > offset)
                .map(|q| {
                    Span::new(
                        q.start.saturating_sub(offset),
                        (q.end - offset).min(sentence.len()),
                    )
                })
                .collect();
            let in_quote = |at: usize| quotes.iter().any(|q| q.start <= at && at < q.end);
            if let Some(speaker) = quote_speaker(&lower, &named, &quotes) {
                last_speaker = Some(speaker.clone());
            }
            for target in &profile.targets {
                // Each cue occurrence is judged; a sentence keeps one tag per actor and target
                // (`Macron called for dialogue, while Merkel stressed … dialogue`).
                let mut found: Vec<Tag> = Vec::new();
                for cue in &target.cues {
                    for c in find_all(&lower, cue) {
                        if found.iter().any(|t| {
                            t.cues[1].start - span.start < c.end
                                && c.start < t.cues[1].end - span.start
                        }) {
                            continue;
                        }
                        if let Some(tag) = judge(
                            *span,
                            sentence,
                            &lower,
                            target,
                            c,
                            &named,
                            &quotes,
                            &in_quote,
                            last_speaker.as_ref(),
                        ) {
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
            context.extend(named.into_iter().filter(|m| !is_pronoun(&m.surface)));
        }
    }
    tags
}

/// The speaker a sentence attributes its quotation to: an actor outside the quotation marks,
/// next to a reporting verb (`"…," Putin said`, `said Franak Viacorka`).
fn quote_speaker<'m>(lower: &str, named: &'m [Mention], quotes: &[Span]) -> Option<&'m Mention> {
    if quotes.is_empty() || !REPORTING.iter().any(|r| !find_all(lower, r).is_empty()) {
        return None;
    }
    let outside = |m: &&Mention| {
        !quotes
            .iter()
            .any(|q| q.start <= m.at.start && m.at.start < q.end)
            && !is_possessive(&m.surface)
    };
    named.iter().filter(outside).min_by_key(|m| {
        quotes
            .iter()
            .map(|q| {
                if m.at.start >= q.end {
                    m.at.start - q.end
                } else {
                    q.start.saturating_sub(m.at.end)
                }
            })
            .min()
            .unwrap_or(usize::MAX)
    })
}

#[allow(clippy::too_many_arguments)]
fn judge(
    span: Span,
    sentence: &str,
    lower: &str,
    target: &Target,
    cue: Span,
    named: &[Mention],
    quotes: &[Span],
    in_quote: &dyn Fn(usize) -> bool,
    last_speaker: Option<&Mention>,
) -> Option<Tag> {
    // The nearest trigger before the cue (or overlapping it, for phrases like "neither free nor fair").
    let mut best: Option<(Span, i8, &str)> = None;
    for (list, sign) in [(SUPPORT_TRIGGERS, 1i8), (OPPOSE_TRIGGERS, -1i8)] {
        for t in list.iter() {
            for m in find_all(lower, t)
                .into_iter()
                .chain(find_all(lower, &format!("{t}*")))
            {
                let close = m.start <= cue.end && cue.start.saturating_sub(m.end) <= 140;
                if close && best.is_none_or(|(b, _, _)| m.start > b.start) {
                    best = Some((m, sign, t));
                }
            }
        }
    }
    let unless = find_all(lower, "unless")
        .into_iter()
        .find(|u| u.end <= cue.start);
    let (trigger, mut sign, word) = match (best, unless) {
        (_, Some(u)) => (u, 1, "unless"),
        (Some(b), None) => b,
        (None, None) => return None,
    };
    // A negation between trigger and cue, or just before the trigger, flips it.
    let mut lo = trigger.start.saturating_sub(12);
    while !lower.is_char_boundary(lo) {
        lo -= 1;
    }
    let hi = cue.start.max(trigger.end);
    let negated = word != "unless"
        && !word.contains("not")
        && NEGATIONS.iter().any(|n| {
            find_all(&lower[lo..hi], n)
                .iter()
                .any(|m| lo + m.start < trigger.start || lo + m.start >= trigger.end)
        });
    if negated {
        sign = -sign;
    }
    let stance = match (target.valence, sign) {
        (Valence::Against, _) => Polarity::Oppose,
        (Valence::For, s) if s > 0 => Polarity::Support,
        _ => Polarity::Oppose,
    };

    // Voice and actor. The actor is the subject of the first speech or stance verb of the
    // sentence that comes before the cue outside quotation marks (`Putin called on Lukashenko to
    // start a dialogue`: Putin, not Lukashenko); for a quotation with no such verb before it, the
    // speaker named next to it (`"…," Di Maio said`).
    let quoted = in_quote(cue.start);
    let lead = SUPPORT_TRIGGERS
        .iter()
        .chain(OPPOSE_TRIGGERS)
        .chain(REPORTING)
        .flat_map(|t| find_all(lower, t))
        .filter(|m| m.start < cue.start && !in_quote(m.start))
        .min_by_key(|m| m.start);
    // Possessives (`his`, `her`) name an owner, not a speaker.
    let can_speak = |m: &&Mention| !in_quote(m.at.start) && !is_possessive(&m.surface);
    // First choice: the nearest speech or stance verb before the cue (not an infinitive, `to
    // start`) with an actor right before it — the subject of the clause the cue is in (`…, while
    // Merkel stressed that …`).
    let mut verbs: Vec<Span> = SUPPORT_TRIGGERS
        .iter()
        .chain(OPPOSE_TRIGGERS)
        .chain(REPORTING)
        .flat_map(|t| find_all(lower, t))
        .filter(|m| m.start < cue.start && !in_quote(m.start) && !lower[..m.start].ends_with("to "))
        .collect();
    verbs.sort_by_key(|m| std::cmp::Reverse(m.start));
    let clause_subject = verbs.iter().find_map(|v| {
        named
            .iter()
            .filter(can_speak)
            .filter(|m| m.at.end <= v.start && v.start - m.at.end <= SUBJECT_GAP)
            .last()
    });
    let subject = clause_subject.or_else(|| {
        lead.and_then(|l| {
            named
                .iter()
                .filter(can_speak)
                .filter(|m| m.at.end <= l.start)
                .last()
        })
    });
    let speaker = quotes
        .iter()
        .find(|q| q.start <= cue.start && cue.start < q.end)
        .and_then(|q| {
            named
                .iter()
                .filter(|m| m.at.start >= q.end)
                .min_by_key(|m| m.at.start - q.end)
                .or_else(|| {
                    named
                        .iter()
                        .filter(|m| m.at.end <= q.start)
                        .max_by_key(|m| m.at.end)
                })
        });
    let according = find_all(lower, "according to")
        .first()
        .and_then(|a| named.iter().find(|m| m.at.start >= a.end));
    // Inside a quotation, a third party named right before a stance verb holds the position the
    // speaker reports (`"Putin had just called on (Lukashenko) to start the dialogue," said …`).
    let reported_inside = quoted
        .then(|| {
            SUPPORT_TRIGGERS
                .iter()
                .chain(OPPOSE_TRIGGERS)
                .flat_map(|t| find_all(lower, t))
                .filter(|m| {
                    m.start < cue.start && in_quote(m.start) && !lower[..m.start].ends_with("to ")
                })
                .max_by_key(|m| m.start)
        })
        .flatten()
        .and_then(|v| {
            named
                .iter()
                .filter(|m| {
                    in_quote(m.at.start)
                        && !is_pronoun(&m.surface)
                        && !after_preposition(lower, m.at.start)
                        && m.at.end <= v.start
                        && v.start - m.at.end <= 20
                })
                .last()
        });
    // A relative clause names its own subject: `the opposition, which is protesting`.
    let relative = ["which", "who"]
        .iter()
        .flat_map(|w| find_all(lower, w))
        .filter(|r| r.end <= cue.start && cue.start - r.end <= 60 && !in_quote(r.start))
        .max_by_key(|r| r.start)
        .and_then(|r| {
            let before = lower[..r.start].trim_end();
            before.ends_with(',').then(|| before.len() - 1)
        })
        .and_then(|comma| {
            named
                .iter()
                .rfind(|m| m.at.end <= comma && comma - m.at.end <= 1 && !is_pronoun(&m.surface))
        });
    // `Putin says Lukashenko should start dialogue`: a position someone *should* take is the
    // position of whoever says so.
    let subject = subject.map(|m| {
        let rest = &lower[m.at.end..cue.start];
        let modal = ["should", "must", "has to", "needs to", "ought to"]
            .iter()
            .any(|w| rest.trim_start().starts_with(w));
        let sayer = modal
            .then(|| {
                REPORTING
                    .iter()
                    .flat_map(|r| find_all(lower, r))
                    .filter(|r| r.end <= m.at.start && !in_quote(r.start))
                    .max_by_key(|r| r.start)
            })
            .flatten()
            .and_then(|r| {
                named
                    .iter()
                    .filter(can_speak)
                    .filter(|x| x.at.end <= r.start && r.start - x.at.end <= SUBJECT_GAP)
                    .last()
            });
        sayer.unwrap_or(m)
    });
    // Whoever a call is addressed to (`calling on the president`) does not hold its position.
    let addressed = |m: &Mention| {
        SUPPORT_TRIGGERS
            .iter()
            .chain(OPPOSE_TRIGGERS)
            .flat_map(|t| find_all(lower, t))
            .any(|t| t.end <= m.at.start && m.at.start - t.end <= 5)
    };
    let actor = if quoted {
        reported_inside
            .or(subject.filter(|_| !lead.is_some_and(|l| in_quote(l.start))))
            .or(speaker)
            .or(last_speaker)
    } else {
        relative.or(subject).or(according).or(speaker)
    }
    .or_else(|| {
        named
            .iter()
            .find(|m| !in_quote(m.at.start) && !is_possessive(&m.surface) && !addressed(m))
    })
    .or_else(|| {
        named
            .iter()
            .find(|m| !in_quote(m.at.start) && !addressed(m))
    });
    let reporting = REPORTING.iter().any(|r| !find_all(lower, r).is_empty());
    let voice = if quoted {
        Voice::Quoted
    } else if actor.is_some() || reporting {
        Voice::Reported
    } else {
        Voice::Outlet
    };
    let (actor_id, surface) = match actor {
        Some(m) => (m.actor.clone(), m.surface.clone()),
        None if voice == Voice::Outlet => ("outlet".to_string(), String::new()),
        None => return None,
    };
    let abs = |s: Span| Span::new(span.start + s.start, span.start + s.end);
    Some(Tag {
        paragraph: 0,
        sentence: 0,
        span,
        actor: actor_id,
        actor_surface: surface,
        target: target.id.clone(),
        stance,
        voice,
        cues: vec![abs(trigger), abs(cue)],
        rule: format!(
            "trigger “{}” {}→ {} (valence {})",
            &sentence[trigger.start..trigger.end],
            if negated { "negated " } else { "" },
            target.id,
            if target.valence == Valence::For {
                "for"
            } else {
                "against"
            }
        ),
        confidence: if quoted || actor.is_some() { 0.7 } else { 0.5 },
    })
}

//! Who a sentence names: the profile's actors by alias (the longest name wins), pronouns pointing
//! back to them, `it` after a verb of naming, and `This was stated by X`.

use super::judge::Ctx;
use super::*;

/// Whether a mention is a pronoun (it points back to an actor named earlier).
pub(super) fn is_pronoun(surface: &str) -> bool {
    matches!(
        surface.to_ascii_lowercase().as_str(),
        "he" | "she" | "his" | "her" | "they" | "their"
    )
}

/// Whether a mention is a possessive: it names an owner (`his release`), not a speaker.
pub(super) fn is_possessive(surface: &str) -> bool {
    matches!(
        surface.to_ascii_lowercase().as_str(),
        "his" | "her" | "their"
    )
}

/// Whether the word before `at` is a preposition: the mention is then an object (`the goal of
/// the opposition`), not a subject.
pub(super) fn after_preposition(lower: &str, at: usize) -> bool {
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
pub(super) struct Mention {
    pub(super) at: Span,
    pub(super) actor: String,
    pub(super) surface: String,
    /// The actor's affiliation, and whether it is a person (has a gender other than plural).
    pub(super) affiliation: String,
    pub(super) person: bool,
    /// Named as a spokesperson (an alias or title says so): they speak for their side.
    pub(super) spokesperson: bool,
}

/// `it` right after a verb of naming (`called it unconscionable`, `described it as rigged`).
pub(super) fn named_it(lower: &str) -> Vec<Span> {
    find_all(lower, "it")
        .into_iter()
        .filter(|it| {
            let before = lower[..it.start].trim_end();
            [
                "called",
                "calling",
                "calls",
                "call",
                "described",
                "describing",
                "branded",
                "termed",
                "labelled",
                "labeled",
                "deemed",
            ]
            .iter()
            .any(|v| {
                before.ends_with(v)
                    && find_all(before, v)
                        .last()
                        .is_some_and(|s| s.end == before.len())
            })
        })
        .collect()
}

/// The person a sentence says made the statement before it: `This was stated on Friday by the
/// President … Xi Jinping`, `This was announced by …`, `That was said by …`.
pub(super) fn stated_by<'c>(ctx: &'c Ctx) -> Option<&'c Mention> {
    let rest = ctx
        .lower
        .trim_start()
        .strip_prefix("this was ")
        .or_else(|| ctx.lower.trim_start().strip_prefix("that was "))?;
    let verb = rest.split_whitespace().next()?;
    if !matches!(
        verb,
        "stated"
            | "said"
            | "announced"
            | "declared"
            | "noted"
            | "stressed"
            | "emphasized"
            | "emphasised"
            | "reported"
            | "written"
            | "confirmed"
    ) {
        return None;
    }
    let by = find_all(ctx.lower, "by").first().copied()?;
    ctx.named
        .iter()
        .filter(|m| m.at.start >= by.end && m.person && !is_pronoun(&m.surface))
        .min_by_key(|m| m.at.start)
}

pub(super) fn mentions(
    profile: &Profile,
    sentence: &str,
    lower: &str,
    context: &[Mention],
) -> Vec<Mention> {
    // Every actor's aliases are matched, and the longest name wins where two overlap: `the
    // President of the Russian Federation` is one person, not `the President` (someone else's
    // title) followed by a country.
    let mut found: Vec<(Span, &Actor)> = Vec::new();
    for a in &profile.actors {
        for alias in &a.aliases {
            for m in find_all(lower, &alias.to_ascii_lowercase()) {
                found.push((m, a));
            }
        }
    }
    // A bare title followed by `of` (`the President of Kazakhstan`) is the office of whoever the
    // rest names, not the actor the title stood for earlier.
    found.retain(|(m, _)| {
        !(lower[m.start..].starts_with("the ") && lower[m.end..].starts_with(" of "))
    });
    found.sort_by_key(|(m, _)| (std::cmp::Reverse(m.end - m.start), m.start));
    let mut out: Vec<Mention> = Vec::new();
    for (m, a) in found {
        if !out.iter().any(|x| x.at.start < m.end && m.start < x.at.end) {
            out.push(Mention {
                at: m,
                actor: a.id.clone(),
                surface: sentence[m.start..m.end].to_string(),
                affiliation: a.affiliation.clone(),
                person: a.gender.as_deref().is_some_and(|g| g != "p"),
                spokesperson: a.aliases.iter().any(|x| {
                    let x = x.to_ascii_lowercase();
                    x.contains("spokes") || x.contains("press secretary")
                }),
            });
        }
    }
    out.sort_by_key(|m| m.at.start);
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
                profile.actors.iter().any(|a| {
                    a.id == x.actor
                        && (a.gender.as_deref() == Some(gender)
                            || (gender != "p" && a.gender.as_deref() == Some(actors::ANY_PERSON)))
                })
            };
            // The subject of a `that` clause after a verb of telling is the teller (`Roe told
            // Doe that he would resign`: Roe): the first such actor of the sentence.
            let told_that = matches!(word, "he" | "she" | "they")
                && lower[..m.start].trim_end().ends_with(" that")
                && [
                    "told", "informed", "assured", "promised", "warned", "notified",
                ]
                .iter()
                .any(|v| !find_all(&lower[..m.start], v).is_empty());
            // Else the closest such actor earlier in the sentence, else in the sentences before.
            let earlier = || out.iter().filter(|x| x.at.end <= m.start);
            let referent = if told_that {
                earlier().find(of_gender)
            } else {
                earlier().rev().find(of_gender)
            }
            .or_else(|| context.iter().rev().find(of_gender))
            .cloned();
            if let Some(r) = referent {
                out.push(Mention {
                    at: m,
                    actor: r.actor.clone(),
                    surface: sentence[m.start..m.end].to_string(),
                    affiliation: r.affiliation.clone(),
                    person: r.person,
                    spokesperson: r.spokesperson,
                });
            }
        }
    }
    out.sort_by_key(|m| m.at.start);
    out
}

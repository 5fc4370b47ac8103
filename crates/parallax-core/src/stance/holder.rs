//! Who holds a position: the speaker of a quotation, the subject of the verb before the cue, a
//! relative clause's antecedent, a trailing attribution.

use super::judge::Ctx;
use super::*;

/// The speaker a sentence attributes its quotation to: an actor outside the quotation marks,
/// next to a reporting verb (`"…," Putin said`, `said Franak Viacorka`).
pub(super) fn quote_speaker<'m>(ctx: &'m Ctx) -> Option<&'m Mention> {
    if ctx.quotes.is_empty() || ctx.reporting.is_empty() {
        return None;
    }
    let outside = |m: &&Mention| !ctx.in_quote(m.at.start) && !is_possessive(&m.surface);
    ctx.named.iter().filter(outside).min_by_key(|m| {
        ctx.quotes
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

/// A trigger that opens a relative clause (`a banner which called for independence`, `the
/// minister, who also urged talks`): `Some` of the actor the clause is said of, if an actor
/// stands right before the relative word, else `Some(None)`; `None` when the trigger opens no
/// relative clause.
pub(super) fn relative_holder<'c>(ctx: &'c Ctx, trigger: Span) -> Option<Option<&'c Mention>> {
    let i = ctx.words.index_at(trigger.start);
    let filler = |j: usize| {
        matches!(
            ctx.words.plain(j),
            "also" | "has" | "have" | "had" | "reportedly" | "publicly" | "repeatedly"
        )
    };
    let mut j = i;
    while j > 0 && i - j < 2 && filler(j - 1) {
        j -= 1;
    }
    if j == 0 || !matches!(ctx.words.plain(j - 1), "which" | "who" | "that") {
        return None;
    }
    let rel = ctx.words.spans()[j - 1];
    if ctx.in_quote(rel.start) {
        return None;
    }
    let before = ctx.lower[..rel.start].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    Some(
        ctx.named
            .iter()
            .find(|m| m.at.end == before.len() && !is_pronoun(&m.surface)),
    )
}

/// Words after which an `-ing` trigger is the sentence subject's own (`is calling for`, `by
/// calling for`, `has been urging`, `said on Monday calling for`, `a statement calling for`),
/// not a reduced relative clause of the noun before it (weekdays too, by
/// [`crate::date::weekday_number`]).
pub(super) const NOT_ANTECEDENT: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "s",
    "and",
    "or",
    "but",
    "while",
    "when",
    "by",
    "after",
    "before",
    "of",
    "for",
    "in",
    "on",
    "without",
    "about",
    "from",
    "with",
    "to",
    "also",
    "not",
    "still",
    "now",
    "then",
    "even",
    "again",
    "just",
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "you",
    "who",
    "which",
    "that",
    "keep",
    "keeps",
    "kept",
    "start",
    "starts",
    "began",
    "begin",
    "stop",
    "stops",
    "continue",
    "continues",
    "consider",
    "considers",
    "avoid",
    "avoids",
    "risk",
    "risks",
    "suggest",
    "suggests",
    "recommend",
    "recommends",
    "today",
    "yesterday",
    "week",
    "statement",
    "communique",
    "letter",
    "speech",
    "address",
    "tweet",
    "post",
    "message",
    "resolution",
    "declaration",
    "remarks",
    "interview",
    "video",
    "briefing",
    "conference",
    "report",
];

/// A trigger in `-ing` right after a noun is a reduced relative clause of that noun
/// (`countries offering citizenship`, `protests demanding his resignation`): `Some` of the
/// actor the noun names — an actor named there, or the actor with an alias of the noun's word
/// family (`protests` → the protesters) — else `Some(None)`; `None` when the trigger is not such
/// a clause.
pub(super) fn reduced_relative(ctx: &Ctx, trigger: Span) -> Option<Option<Mention>> {
    let i = ctx.words.index_at(trigger.start);
    if i == 0 || !ctx.words.plain(i).ends_with("ing") || ctx.in_quote(trigger.start) {
        return None;
    }
    let noun = ctx.words.spans()[i - 1];
    let w = ctx.words.plain(i - 1);
    if ctx.lower[noun.end..trigger.start] != *" "
        || w.len() < 3
        || !w.bytes().all(|b| b.is_ascii_lowercase())
        || w.ends_with("ly")
        || w.ends_with("ed")
        || NOT_ANTECEDENT.contains(&w)
        || crate::date::weekday_number(w).is_some()
    {
        return None;
    }
    if let Some(m) = ctx.named.iter().find(|m| m.at.end == noun.end) {
        return Some((!is_possessive(&m.surface)).then(|| m.clone()));
    }
    let family = matcher::key(w);
    let actor = ctx.profile.actors.iter().find(|a| {
        a.aliases.iter().any(|x| {
            let x = x.to_ascii_lowercase();
            !x.contains(' ') && matcher::key(&x) == family
        })
    });
    Some(actor.map(|a| Mention {
        at: noun,
        actor: a.id.clone(),
        surface: ctx.sentence[noun.start..noun.end].to_string(),
        affiliation: a.affiliation.clone(),
        person: false,
        spokesperson: false,
    }))
}

/// The speaker of a sentence's trailing attribution, after the cue and its last comma (`The
/// case will be dropped, Kremlin spokesman Peskov said`).
pub(super) fn trailing_speaker<'c>(ctx: &'c Ctx, cue: Span) -> Option<&'c Mention> {
    let comma = ctx.lower[cue.end..].rfind(", ")? + cue.end;
    ctx.named
        .iter()
        .filter(|m| m.at.start > comma && !ctx.in_quote(m.at.start) && !is_possessive(&m.surface))
        .find(|m| {
            ctx.reporting
                .iter()
                .any(|r| r.start >= m.at.end && r.start - m.at.end <= 2)
                || ctx
                    .reporting
                    .iter()
                    .any(|r| r.end <= m.at.start && r.start > comma)
        })
}

/// The actor of a cue's position: the subject of the first speech or stance verb of the
/// sentence that comes before the cue outside quotation marks (`Putin called on Lukashenko to
/// start a dialogue`: Putin, not Lukashenko); for a quotation with no such verb before it, the
/// speaker named next to it (`"…," Di Maio said`).
pub(super) fn actor_of<'c>(
    ctx: &'c Ctx,
    cue: Span,
    quoted: bool,
    last_speaker: Option<&'c Mention>,
) -> Option<&'c Mention> {
    let lower = ctx.lower;
    let named = &ctx.named;
    let in_quote = |at: usize| ctx.in_quote(at);
    let lead = ctx
        .verbs()
        .filter(|m| m.start < cue.start && !in_quote(m.start))
        .min_by_key(|m| m.start);
    // The object of a trigger (`to reinstate ousted President Bazoum or face sanctions`): a few
    // words after it, with no comma between, is not who takes the position.
    // (One that a relative clause follows, `… with his opponents, who poured cold water on …`,
    // is the subject of that clause.)
    // So is whoever a verb of giving or telling takes (`gave the coup leaders a week to …`,
    // `told Oland to …`).
    let object = |m: &Mention| {
        let rest = &lower[m.at.end..];
        let i = ctx.words.index_at(m.at.start);
        let told = (i.saturating_sub(2)..i).any(|j| {
            matches!(
                ctx.words.plain(j),
                "gave"
                    | "give"
                    | "gives"
                    | "giving"
                    | "told"
                    | "tells"
                    | "ordered"
                    | "orders"
                    | "asked"
                    | "asks"
                    | "pressed"
                    | "allowed"
                    | "allows"
                    | "forced"
                    | "forces"
            )
        });
        told || !(rest.starts_with(", who") || rest.starts_with(", which"))
            && ctx.hits.iter().any(|h| {
                h.at.end <= m.at.start && {
                    let between = &lower[h.at.end..m.at.start];
                    !between.contains([',', ';', '.', '"', '“', '”'])
                        && between.split_whitespace().count() <= 3
                        && !between.contains(" and ")
                }
            })
    };
    // Possessives (`his`, `her`) name an owner, not a speaker.
    let can_speak =
        |m: &&Mention| !in_quote(m.at.start) && !is_possessive(&m.surface) && !object(m);
    // First choice: the nearest speech or stance verb before the cue (not an infinitive, `to
    // start`) with an actor right before it — the subject of the clause the cue is in (`…, while
    // Merkel stressed that …`).
    let mut verbs: Vec<Span> = ctx
        .verbs()
        .filter(|m| m.start < cue.start && !in_quote(m.start) && !ctx.non_finite(m.start))
        .collect();
    verbs.sort_by_key(|m| std::cmp::Reverse(m.start));
    // A verb after `and` shares the subject of the verb before it (`Oland said … and called
    // for …`): it names none of its own.
    let clause_subject = verbs
        .iter()
        .filter(|v| ctx.word_before(v.start) != "and")
        .find_map(|v| {
            named
                .iter()
                .filter(can_speak)
                .rfind(|m| m.at.end <= v.start && v.start - m.at.end <= SUBJECT_GAP)
        });
    // `I called for …` inside a quotation: the speaker, not someone named before.
    let first_person = ctx
        .verbs()
        .filter(|v| v.start < cue.start)
        .max_by_key(|v| v.start)
        .is_some_and(|v| matches!(ctx.word_before(v.start), "i" | "we"));
    let clause_subject = if first_person { None } else { clause_subject };
    let subject = clause_subject.or_else(|| {
        lead.and_then(|l| {
            named
                .iter()
                .filter(can_speak)
                .rfind(|m| m.at.end <= l.start)
        })
    });
    let speaker = ctx
        .quotes
        .iter()
        .find(|q| q.start <= cue.start && cue.start < q.end)
        .and_then(|q| {
            named
                .iter()
                .filter(|m| m.at.start >= q.end && !after_preposition(lower, m.at.start))
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
    let reported_inside = if quoted {
        let mut inside: Vec<Span> = ctx
            .hits
            .iter()
            .filter(|h| !h.after)
            .map(|h| h.at)
            .filter(|m| m.start < cue.start && in_quote(m.start) && !ctx.non_finite(m.start))
            .collect();
        inside.sort_by_key(|m| std::cmp::Reverse(m.start));
        inside.iter().find_map(|v| {
            named.iter().rfind(|m| {
                in_quote(m.at.start)
                    && !is_pronoun(&m.surface)
                    && !after_preposition(lower, m.at.start)
                    && m.at.end <= v.start
                    && (v.start - m.at.end <= 20 || parenthetical(&lower[m.at.end..v.start]))
            })
        })
    } else {
        None
    };
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
                ctx.reporting
                    .iter()
                    .filter(|r| r.end <= m.at.start && !in_quote(r.start))
                    .max_by_key(|r| r.start)
            })
            .flatten()
            .and_then(|r| {
                named
                    .iter()
                    .filter(can_speak)
                    .rfind(|x| x.at.end <= r.start && r.start - x.at.end <= SUBJECT_GAP)
            });
        sayer.unwrap_or(m)
    });
    // Whoever a call is addressed to (`calling on the president`) does not hold its position.
    let addressed = |m: &Mention| {
        ctx.hits
            .iter()
            .any(|t| t.at.end <= m.at.start && m.at.start - t.at.end <= 5)
    };
    if first_person {
        return speaker.or(last_speaker);
    }
    if quoted {
        reported_inside
            .or(subject.filter(|_| !lead.is_some_and(|l| in_quote(l.start))))
            .or(speaker)
            .or(last_speaker)
    } else {
        relative
            .or(subject)
            .or(according)
            .or(speaker)
            .or_else(|| trailing_speaker(ctx, cue))
    }
    // Else the first actor outside quotation marks that is no one's object (`talk to the
    // junta`).
    .or_else(|| {
        named.iter().find(|m| {
            !in_quote(m.at.start)
                && !is_possessive(&m.surface)
                && !addressed(m)
                && !after_preposition(lower, m.at.start)
        })
    })
    .or_else(|| {
        named.iter().find(|m| {
            !in_quote(m.at.start) && !addressed(m) && !after_preposition(lower, m.at.start)
        })
    })
}

/// Whether the words between a subject and its verb are one parenthetical phrase between commas
/// (`the President of Chad, at the meeting, volunteered`).
pub(super) fn parenthetical(between: &str) -> bool {
    let t = between.trim();
    t.len() <= 60 && t.starts_with(',') && t.ends_with(',') && t.matches(',').count() == 2
}

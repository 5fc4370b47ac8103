//! The forms of a sentence that judge a cue without a trigger before it, or that a trigger's
//! reach depends on: passives, deeds (the actor does it), harm verbs and predicates after the
//! cue, quoted labels, threats, passive announcements and demanded conditions.

use super::judge::Ctx;
use super::lexicon::{negated, Hit};
use super::matcher::Words;
use super::*;

/// Words that may stand between an actor and the verb of its deed (`Oland on Monday halted`;
/// weekdays are read by [`crate::date::weekday_number`]).
pub(super) const DEED_FILLER: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "also",
    "on",
    "today",
    "yesterday",
    "officially",
    "formally",
    "effectively",
    "already",
    "finally",
    "then",
    "later",
    "now",
    "again",
    "unilaterally",
    "temporarily",
    "just",
    "not",
    "never",
    "did",
    "does",
    "didn",
    "doesn",
    "won",
    "t",
];

/// The passive form of a trigger (`was condemned by`, `sanctions were imposed by`): the agents
/// named after `by`.
pub(super) fn passive_agents<'c>(ctx: &'c Ctx, trigger: Span) -> Vec<&'c Mention> {
    let aux = passive_aux(ctx, trigger);
    let end = ctx.words.index_at(trigger.end);
    let by = (end..(end + 3).min(ctx.words.spans().len()))
        .find(|&j| ctx.words.plain(j) == "by")
        .map(|j| ctx.words.spans()[j]);
    match (aux, by) {
        (true, Some(by)) => {
            let stop = ctx.lower[by.end..]
                .find([';', '(', '.'])
                .map_or(ctx.lower.len(), |x| by.end + x);
            ctx.named
                .iter()
                .filter(|m| m.at.start >= by.end && m.at.end <= stop && !ctx.in_quote(m.at.start))
                .filter(|m| !is_possessive(&m.surface))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Whether a form of `be` stands within three words before the trigger (`was condemned`,
/// `were ordered to`).
pub(super) fn passive_aux(ctx: &Ctx, trigger: Span) -> bool {
    let i = ctx.words.index_at(trigger.start);
    (i.saturating_sub(3)..i).any(|j| {
        matches!(
            ctx.words.plain(j),
            "was"
                | "were"
                | "been"
                | "be"
                | "is"
                | "are"
                | "being"
                | "wasn"
                | "weren"
                | "isn"
                | "aren"
        )
    })
}

/// The deed form: an actor as the subject of the cue itself (`Oland halted its part in the pact`,
/// `Oland has suspended the deal`) takes its side; a negation between them (`has not
/// extended`) takes the other.
pub(super) fn deed<'c>(ctx: &'c Ctx, cue: Span) -> Option<(&'c Mention, bool)> {
    // (A possessive between is the cue's determiner, `made their first arrests`.)
    let m = ctx.named.iter().rfind(|m| {
        m.at.end <= cue.start
            && cue.start - m.at.end <= SUBJECT_GAP
            && !(is_possessive(&m.surface) && is_pronoun(&m.surface))
    })?;
    if ctx.in_quote(m.at.start)
        || is_possessive(&m.surface)
        || after_preposition(ctx.lower, m.at.start)
    {
        return None;
    }
    let gap = Words::new(&ctx.lower[m.at.end..cue.start]);
    let between = &ctx.lower[m.at.end..cue.start];
    if between.contains([',', ';', ':', '"', '“', '”', '\'', '’'])
        && !between.contains("n't")
        && !between.contains("n’t")
    {
        return None;
    }
    // A deed announced for later (`he was due to step down`, `she is set to resign`): the
    // intent phrase right before the cue, then the usual fillers.
    let n = gap.spans().len();
    let intent = n >= 3
        && gap.plain(n - 1) == "to"
        && matches!(gap.plain(n - 2), "due" | "set" | "going" | "about")
        && matches!(gap.plain(n - 3), "is" | "was" | "are" | "were" | "s");
    let n = if intent { n - 3 } else { n };
    let first = &ctx.lower[cue.start..];
    let first = first
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // A deed under way (`the United States is suspending aid`), by someone named (a pronoun's
    // referent is too often someone the profile does not know: `a man was hit while he was
    // demonstrating`).
    let progressive = !intent
        && !is_pronoun(&m.surface)
        && n >= 1
        && first.ends_with("ing")
        && matches!(gap.plain(n - 1), "is" | "are" | "was" | "were");
    let n = if progressive { n - 1 } else { n };
    // A light verb with the cue as its noun (`police made their first arrests`, `staged
    // protests`, `held talks`): the verb, then a few determiners and modifiers.
    let light = if progressive || intent {
        None
    } else {
        (0..n).find(|&i| {
            matches!(
                gap.plain(i),
                "made"
                    | "makes"
                    | "staged"
                    | "stages"
                    | "held"
                    | "holds"
                    | "conducted"
                    | "conducts"
            ) && (i + 1..n).all(|k| {
                matches!(
                    gap.plain(k),
                    "the"
                        | "a"
                        | "an"
                        | "their"
                        | "its"
                        | "his"
                        | "her"
                        | "first"
                        | "new"
                        | "more"
                        | "further"
                        | "several"
                        | "mass"
                        | "fresh"
                        | "joint"
                )
            }) && n - i <= 4
        })
    };
    let n = light.unwrap_or(n);
    let fillers = (0..n).all(|i| {
        DEED_FILLER.contains(&gap.plain(i)) || crate::date::weekday_number(gap.plain(i)).is_some()
    });
    let aux = intent
        || (0..n).any(|i| {
            matches!(
                gap.plain(i),
                "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "did"
                    | "does"
                    | "didn"
                    | "doesn"
                    | "won"
            )
        });
    let finite = progressive
        || light.is_some()
        || aux
        || first.ends_with("ed")
        || (first.ends_with('s') && !first.ends_with("ss"));
    if !fillers || !finite {
        return None;
    }
    let neg = negated(ctx.lower, &ctx.words, m.at.end, cue.start, Span::new(0, 0));
    Some((m, neg))
}

/// Whether a harm verb after the cue has the cue for its subject (`the withdrawal would hurt
/// farmers`, `sanctions will only worsen the crisis`): only auxiliaries and adverbs stand
/// between them. The cue then does harm, which opposes it.
pub(super) fn does_harm(ctx: &Ctx, cue: Span, h: &Hit) -> bool {
    if !h.harm || h.at.start < cue.end {
        return false;
    }
    let between = Words::new(&ctx.lower[cue.end..h.at.start]);
    // The cue's own complement may come first (`the suspension of the pact will worsen …`).
    let n = between.spans().len();
    let from = if n > 0 && between.plain(0) == "of" {
        (1..n.min(4))
            .find(|&i| {
                matches!(
                    between.plain(i),
                    "will" | "would" | "could" | "may" | "might"
                )
            })
            .unwrap_or(0)
    } else {
        0
    };
    (from..n).all(|i| {
        matches!(
            between.plain(i),
            "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "only"
                | "further"
                | "also"
                | "seriously"
                | "badly"
                | "risks"
                | "threatens"
                | "to"
                | "is"
                | "likely"
                | "already"
                | "has"
                | "have"
                | "s"
        )
    })
}

/// Whether a word has the ending of a past participle (`dropped`, `withdrawn`, `taken`).
fn is_participle(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn")
}

/// Whether a predicate after the cue is said of it: a copula or `as` stands between them (`the
/// coup is illegitimate`, `sanctions would be a disaster`, `dismissed the claims as nonsense`).
pub(super) fn predicative(ctx: &Ctx, cue: Span, pred: Span) -> bool {
    // `called the coup illegitimate`, `described the move as …`, `called the sending of the
    // mission timely` (the cue's own noun phrase between, with no comma; not `called on`).
    let i = ctx.words.index_at(cue.start);
    let named_as = (i.saturating_sub(5)..i).any(|j| {
        let phrase = &ctx.lower[ctx.words.spans()[j].end..cue.start];
        !phrase.contains([',', ';', ':'])
            && !matches!(ctx.words.plain(j + 1), "on" | "for" | "upon")
            && (j + 3 >= i || phrase.contains(" of "))
            && matches!(
                ctx.words.plain(j),
                "called"
                    | "calling"
                    | "described"
                    | "labeled"
                    | "labelled"
                    | "termed"
                    | "branded"
                    | "deemed"
                    | "considers"
                    | "considered"
                    | "found"
            )
    });
    // The nearest cue before a predicate is what it is said of (`a deal had been struck and
    // the charges dropped`: the charges), unless that cue only completes this one (`the
    // suspension of the deal is illegal`).
    let nearer = ctx.cue_spans.iter().any(|o| {
        o.start >= cue.end && o.end <= pred.start && {
            let gap = Words::new(&ctx.lower[cue.end..o.start]);
            !(0..gap.spans().len())
                .all(|i| matches!(gap.plain(i), "of" | "the" | "a" | "an" | "its" | "this"))
        }
    });
    if nearer {
        return false;
    }
    // The causative passive (`would have all charges against him dropped`; not the perfect,
    // `has withdrawn`).
    let causative = is_participle(ctx.words.plain(ctx.words.index_at(pred.start)))
        && !is_participle(ctx.words.plain(i))
        && (i.saturating_sub(3)..i).any(|j| {
            matches!(
                ctx.words.plain(j),
                "have" | "has" | "had" | "having" | "get" | "got" | "gets" | "getting"
            ) && (j + 1..i).all(|k| {
                matches!(
                    ctx.words.plain(k),
                    "all" | "the" | "his" | "her" | "their" | "its" | "any" | "some"
                )
            })
        });
    if causative {
        return true;
    }
    let between = Words::new(&ctx.lower[cue.end..pred.start]);
    named_as
        || (0..between.spans().len()).any(|i| {
            matches!(
                between.plain(i),
                "is" | "was" | "were" | "be" | "been" | "are" | "as" | "remains" | "seems" | "s"
            )
        })
}

/// A label given with `as`, in the holder's own words (`referred to the rioters as
/// “terrorists”`): the verb of naming that quotes the cue as a name for something asserts it.
/// (Unquoted, `described the takeover as a coup` is the outlet's word, and says nothing of a
/// side.)
pub(super) fn label_verb(ctx: &Ctx, cue: Span) -> Option<Span> {
    if !ctx.in_quote(cue.start) {
        return None;
    }
    let i = ctx.words.index_at(cue.start);
    let mut j = i;
    while j > 0 && matches!(ctx.words.plain(j - 1), "a" | "an" | "the") {
        j -= 1;
    }
    if j == 0 || ctx.words.plain(j - 1) != "as" {
        return None;
    }
    let as_at = ctx.words.spans()[j - 1];
    (j.saturating_sub(12)..j - 1).rev().find_map(|k| {
        let verb = ctx.words.spans()[k];
        let naming = matches!(
            ctx.words.plain(k),
            "referred"
                | "refers"
                | "referring"
                | "described"
                | "describes"
                | "describing"
                | "labelled"
                | "labeled"
                | "branded"
                | "characterised"
                | "characterized"
                | "portrayed"
                | "depicted"
        );
        (naming && !ctx.lower[verb.end..as_at.start].contains([';', '.', ':'])).then_some(verb)
    })
}

/// A threat made to someone (`warned Beijing of new countermeasures`, `warned the junta of
/// sanctions`): the verb of warning with an addressee before `of` supports what it threatens.
/// (Without an addressee, `warned of a disaster` fears it rather than threatens it.)
pub(super) fn threat_verb(ctx: &Ctx, cue: Span) -> Option<Span> {
    let i = ctx.words.index_at(cue.start);
    let mut j = i;
    while j > 0
        && matches!(
            ctx.words.plain(j - 1),
            "a" | "an" | "the" | "new" | "further" | "more" | "possible" | "tough" | "harsh"
        )
    {
        j -= 1;
    }
    if j < 3 || ctx.words.plain(j - 1) != "of" {
        return None;
    }
    let of = ctx.words.spans()[j - 1];
    let addressee = ctx
        .named
        .iter()
        .find(|m| m.at.end <= of.start && of.start - m.at.end <= 1)?;
    let k = ctx.words.index_at(addressee.at.start);
    let w = (k > 0).then(|| ctx.words.plain(k - 1))?;
    let verb = ctx.words.spans()[k - 1];
    (matches!(w, "warned" | "warns" | "warning" | "warn")
        && !ctx.lower[verb.end..cue.start].contains([',', ';']))
    .then_some(verb)
}

/// A deed announced in the passive by someone who speaks (`“the contingent will be
/// withdrawn,” he said`): the cue is a participle after `will be`, `would be`, `is to be`.
pub(super) fn announced(ctx: &Ctx, cue: Span) -> bool {
    let i = ctx.words.index_at(cue.start);
    let speaks = ctx.in_quote(cue.start) || !ctx.reporting.is_empty();
    is_participle(ctx.words.plain(i))
        && speaks
        && i >= 2
        && ctx.words.plain(i - 1) == "be"
        && matches!(
            ctx.words.plain(i - 2),
            "will" | "would" | "shall" | "to" | "soon" | "then"
        )
}

/// A demanded condition: the cue in an `unless …` clause, or in an `if … not …` clause (`if the
/// junta does not release him`).
pub(super) fn condition(ctx: &Ctx, cue: Span) -> Option<(Span, &'static str)> {
    if let Some(u) = ctx
        .words
        .spans()
        .iter()
        .enumerate()
        .find(|(i, s)| s.end <= cue.start && ctx.words.plain(*i) == "unless")
    {
        return Some((*u.1, "unless"));
    }
    ctx.words
        .spans()
        .iter()
        .enumerate()
        .rfind(|(i, s)| {
            s.end <= cue.start && cue.start - s.end <= 60 && ctx.words.plain(*i) == "if"
        })
        .filter(|(_, s)| negated(ctx.lower, &ctx.words, s.end, cue.start, Span::new(0, 0)))
        .map(|(_, s)| (*s, "if … not"))
}

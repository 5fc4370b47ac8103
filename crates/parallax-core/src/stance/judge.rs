//! The rules of one sentence: which trigger judges a cue (before it, a predicate or passive after
//! it, a demanded condition, a deed), its polarity, and who holds the position.

use super::lexicon::{negated, Hit};
use super::matcher::Words;
use super::*;

/// One sentence, read once: its words, triggers, reporting verbs, actors and quotations.
pub(super) struct Ctx<'a> {
    /// Every target cue of the sentence.
    pub(super) cue_spans: Vec<Span>,
    pub(super) span: Span,
    pub(super) sentence: &'a str,
    pub(super) lower: &'a str,
    pub(super) words: Words,
    pub(super) named: Vec<Mention>,
    pub(super) quotes: Vec<Span>,
    pub(super) hits: Vec<Hit>,
    pub(super) reporting: Vec<Span>,
    pub(super) profile: &'a Profile,
}

impl Ctx<'_> {
    pub(super) fn in_quote(&self, at: usize) -> bool {
        self.quotes.iter().any(|q| q.start <= at && at < q.end)
    }

    /// Spans of every trigger verb (not the predicates: `illegitimate` has no subject to find)
    /// and reporting verb.
    fn verbs(&self) -> impl Iterator<Item = Span> + '_ {
        self.hits
            .iter()
            .filter(|h| !h.after)
            .map(|h| h.at)
            .chain(self.reporting.iter().copied())
    }

    /// Whether the verb at `at` is an infinitive or a gerund after a preposition (`to start`, `of
    /// seeking`): its subject is not the actor named before it.
    fn non_finite(&self, at: usize) -> bool {
        matches!(
            self.word_before(at),
            "to" | "of" | "for" | "by" | "after" | "before" | "without" | "about"
        )
    }

    /// The word before byte `at`, lower case.
    fn word_before(&self, at: usize) -> &str {
        let i = self.words.index_at(at);
        if i == 0 {
            ""
        } else {
            self.words.plain(i - 1)
        }
    }
}

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

/// Words that may stand between an actor and the verb of its deed (`Oland on Monday halted`).
const DEED_FILLER: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "also",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
fn passive_agents<'c>(ctx: &'c Ctx, trigger: Span) -> Vec<&'c Mention> {
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
fn passive_aux(ctx: &Ctx, trigger: Span) -> bool {
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

/// A trigger that opens a relative clause (`a banner which called for independence`, `the
/// minister, who also urged talks`): `Some` of the actor the clause is said of, if an actor
/// stands right before the relative word, else `Some(None)`; `None` when the trigger opens no
/// relative clause.
fn relative_holder<'c>(ctx: &'c Ctx, trigger: Span) -> Option<Option<&'c Mention>> {
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
/// not a reduced relative clause of the noun before it.
const NOT_ANTECEDENT: &[&str] = &[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
fn reduced_relative(ctx: &Ctx, trigger: Span) -> Option<Option<Mention>> {
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

/// The deed form: an actor as the subject of the cue itself (`Oland halted its part in the pact`,
/// `Oland has suspended the deal`) takes its side; a negation between them (`has not
/// extended`) takes the other.
fn deed<'c>(ctx: &'c Ctx, cue: Span) -> Option<(&'c Mention, bool)> {
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
    let light = (!progressive && !intent)
        .then(|| {
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
        })
        .flatten();
    let n = light.unwrap_or(n);
    let fillers = (0..n).all(|i| DEED_FILLER.contains(&gap.plain(i)));
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

/// The speaker of a sentence's trailing attribution, after the cue and its last comma (`The
/// case will be dropped, Kremlin spokesman Peskov said`).
fn trailing_speaker<'c>(ctx: &'c Ctx, cue: Span) -> Option<&'c Mention> {
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

/// Whether a harm verb after the cue has the cue for its subject (`the withdrawal would hurt
/// farmers`, `sanctions will only worsen the crisis`): only auxiliaries and adverbs stand
/// between them. The cue then does harm, which opposes it.
fn does_harm(ctx: &Ctx, cue: Span, h: &Hit) -> bool {
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

/// Whether a predicate after the cue is said of it: a copula or `as` stands between them (`the
/// coup is illegitimate`, `sanctions would be a disaster`, `dismissed the claims as nonsense`).
fn predicative(ctx: &Ctx, cue: Span, pred: Span) -> bool {
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
    let participle = |w: &str| w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn");
    let causative = participle(ctx.words.plain(ctx.words.index_at(pred.start)))
        && !participle(ctx.words.plain(i))
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
fn label_verb(ctx: &Ctx, cue: Span) -> Option<Span> {
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
fn threat_verb(ctx: &Ctx, cue: Span) -> Option<Span> {
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
fn announced(ctx: &Ctx, cue: Span) -> bool {
    let i = ctx.words.index_at(cue.start);
    let w = ctx.words.plain(i);
    let participle = w.ends_with("ed") || w.ends_with("wn") || w.ends_with("en");
    let speaks = ctx.in_quote(cue.start) || !ctx.reporting.is_empty();
    participle
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
fn condition(ctx: &Ctx, cue: Span) -> Option<(Span, &'static str)> {
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

pub(super) fn judge(
    ctx: &Ctx,
    target: &Target,
    cue: Span,
    last_speaker: Option<&Mention>,
) -> Vec<Tag> {
    let lower = ctx.lower;
    // The nearest trigger before the cue (or overlapping it, for phrases like "neither free nor
    // fair"); else an evaluative predicate or a passive after it (`the coup is illegitimate`, `the
    // coup was condemned by Oland`).
    // A trigger that is the cue itself (`demands`) or holds it (`a stab in the back` for
    // `back`), or whose phrase begins inside the cue and runs past it (`protests against`), says
    // nothing about the cue.
    let own = |h: &&Hit| {
        (h.at.start <= cue.start && h.at.end >= cue.end)
            || (h.at.start >= cue.start && h.at.start < cue.end && h.at.end > cue.end)
    };
    let barrier = [" and to ", ", and "]
        .iter()
        .filter_map(|b| lower[..cue.start].rfind(b))
        .max();
    let first_conjunct = barrier.and_then(|b| {
        ctx.hits
            .iter()
            .filter(|h| h.at.end <= b)
            .map(|h| h.at.start)
            .max()
    });
    let before = ctx
        .hits
        .iter()
        .filter(|h| h.at.start <= cue.end && cue.start.saturating_sub(h.at.end) <= 140)
        .filter(|h| !own(h))
        // The verb of a conjunct before the cue's (`accepted the offer to stop the march and to
        // take steps to de-escalate`: `stop`) does not reach the cue; what governs both does.
        .filter(|h| Some(h.at.start) != first_conjunct)
        .max_by_key(|h| h.at.start);
    // A trigger governs the first cue after it: a cue that only completes another one (`prevent
    // violence against protesters`) is not what the trigger judges.
    let before = before.filter(|h| !complement(ctx, h.at, cue));
    let after = || {
        ctx.hits
            .iter()
            .filter(|h| h.at.start >= cue.end && h.at.start - cue.end <= 100)
            .find(|h| {
                (h.after && predicative(ctx, cue, h.at))
                    || !passive_agents(ctx, h.at).is_empty()
                    || does_harm(ctx, cue, h)
            })
    };
    // A trigger judging a call (`rejected calls for talks`, `refused to support sanctions`):
    // an oppose trigger right before it turns it round.
    // (Harm verbs judge by themselves: `accused Oland of violating the accord` supports it.)
    let governed = before.filter(|h| !h.harm).and_then(|h| {
        ctx.hits
            .iter()
            .filter(|g| g.sign < 0 && g.at.end <= h.at.start && h.at.start - g.at.end <= 25)
            .filter(|g| {
                let between = &lower[g.at.end..h.at.start];
                !between.contains([',', ';'])
                    && !between.contains(" and ")
                    && !between.contains(" or ")
            })
            .max_by_key(|g| g.at.end)
    });
    let endorse = before.or_else(after).is_some_and(|h| h.endorse);
    let mut deed_actor: Option<&Mention> = None;
    let cond = condition(ctx, cue);
    // A verb that asserts the cue without a trigger: a quoted label, or a threat (when no
    // trigger judges the cue).
    let found = before.or_else(after);
    let asserted = label_verb(ctx, cue).map(|l| (l, "named as")).or_else(|| {
        threat_verb(ctx, cue)
            .filter(|_| found.is_none())
            .map(|t| (t, "warned … of"))
    });
    let (trigger, mut sign, word, kind) = match (cond, asserted, found) {
        (Some((c, w)), _, _) => (c, 1i8, w, "condition"),
        (None, Some((t, w)), _) => (t, 1, w, "trigger"),
        (None, None, Some(h)) => (
            h.at,
            if does_harm(ctx, cue, h) { -1 } else { h.sign },
            h.word,
            if h.at.start >= cue.end {
                "after"
            } else {
                "trigger"
            },
        ),
        (None, None, None) => match deed(ctx, cue) {
            Some((m, neg)) => {
                deed_actor = Some(m);
                (cue, if neg { -1 } else { 1 }, "deed", "deed")
            }
            None if announced(ctx, cue) => (cue, 1, "will be …", "announced"),
            None => return Vec::new(),
        },
    };
    // A deed told in the passive (`sanctions were lifted`) is a stance only when someone says
    // it (`the case will be dropped, Peskov said`).
    if kind == "after"
        && matches!(
            word,
            "drop" | "dropped" | "dismiss" | "dismissed" | "lift" | "lifted" | "scrapped"
        )
        && !ctx.reporting.iter().any(|r| {
            r.start >= cue.end || (r.end <= cue.start && !lower[r.end..cue.start].contains(','))
        })
    {
        return Vec::new();
    }
    // A negation between trigger and cue, or just before the trigger, flips it.
    let mut lo = trigger.start.min(cue.end).saturating_sub(12);
    while !lower.is_char_boundary(lo) {
        lo -= 1;
    }
    let hi = if trigger.start >= cue.end {
        trigger.start
    } else {
        cue.start.max(trigger.end)
    };
    let negated = kind != "condition"
        && kind != "deed"
        && !word.contains("not")
        && !word.contains("neither")
        && negated(lower, &ctx.words, lo, hi, trigger);
    if negated {
        sign = -sign;
    }
    // (A governing `would not` is the negation already counted: `would not allow` flips once.)
    let governed = governed.filter(|g| !(negated && g.word.contains("not")));
    if kind == "trigger" && governed.is_some() {
        sign = -sign;
    }
    let passive = if kind == "after" || kind == "trigger" {
        passive_agents(ctx, trigger)
    } else {
        Vec::new()
    };
    let hit = ctx.hits.iter().find(|h| h.at == trigger);
    // An order told in the passive with no one after `by` (`troops were ordered to shoot`, `the
    // attacks were directed from abroad`) names who obeys, not who orders.
    if kind == "trigger"
        && passive.is_empty()
        && hit.is_some_and(|h| h.order)
        && passive_aux(ctx, trigger)
    {
        return Vec::new();
    }
    // A relative clause's trigger is its antecedent's (`a sign which called for …`): held by
    // the actor named right before it, or by no one the sentence names.
    let relative = if kind == "trigger" && passive.is_empty() {
        relative_holder(ctx, trigger)
    } else {
        None
    };
    if matches!(relative, Some(None)) {
        return Vec::new();
    }
    let reduced = if kind == "trigger" && passive.is_empty() && relative.is_none() {
        reduced_relative(ctx, trigger)
    } else {
        None
    };
    // Measures against those who do it (`countermeasures against countries offering
    // citizenship`, `warned against anyone backing the coup`) oppose the deed.
    let against_doers = matches!(reduced, Some(None)) && {
        let i = ctx.words.index_at(trigger.start);
        i >= 2 && ctx.words.plain(i - 2) == "against"
    };
    if against_doers {
        sign = -sign;
    } else if matches!(reduced, Some(None)) {
        return Vec::new();
    }
    let reduced = reduced.flatten();
    let stance = match (target.valence, sign) {
        // Doing it is taking its side, whatever its valence (`the police detained …`).
        _ if kind == "deed" && sign > 0 => Polarity::Support,
        // Praising it is supporting it, whatever its valence (`Roe praised the crackdown`).
        (Valence::Against, s) if endorse && s > 0 && kind != "condition" => Polarity::Support,
        (Valence::Against, _) => Polarity::Oppose,
        (Valence::For, s) if s > 0 => Polarity::Support,
        _ => Polarity::Oppose,
    };
    let quoted = ctx.in_quote(cue.start);
    let passive_form = !passive.is_empty();
    let actors: Vec<&Mention> =
        if let Some(m) = deed_actor.or(relative.flatten()).or(reduced.as_ref()) {
            vec![m]
        } else if !passive.is_empty() {
            passive
        } else {
            actor_of(ctx, cue, quoted, last_speaker)
                .into_iter()
                .collect()
        };
    // A person of that side who says so holds the position too: a spokesperson (`Oland calls
    // for talks, government spokesman Ivo Tamm said`), or a leader or minister whose words
    // state their country's position (`Wang said China supports …`: the person, then the
    // reporting verb, then the country).
    let mut actors = actors;
    if deed_actor.is_none() && actors.len() == 1 && !actors[0].person {
        let side = &actors[0].affiliation;
        let country = actors[0].at;
        let speaker = ctx.named.iter().find(|m| {
            m.person
                && (m.affiliation == *side || m.affiliation == actors[0].actor)
                && m.actor != actors[0].actor
                && !ctx.in_quote(m.at.start)
                && !is_possessive(&m.surface)
                && ctx.reporting.iter().any(|r| {
                    let before = m.at.end <= r.start && r.start - m.at.end <= SUBJECT_GAP;
                    let after = r.end <= m.at.start && m.at.start - r.end <= 2;
                    (m.spokesperson && (before || after)) || (before && r.end <= country.start)
                })
        });
        if let Some(sp) = speaker {
            actors.push(sp);
        }
    }
    let reporting = !ctx.reporting.is_empty();
    let voice = if quoted {
        Voice::Quoted
    } else if !actors.is_empty() || reporting {
        Voice::Reported
    } else {
        Voice::Outlet
    };
    let abs = |s: Span| Span::new(ctx.span.start + s.start, ctx.span.start + s.end);
    let how = match kind {
        _ if passive_form => "passive, its agents after “by”:",
        _ if against_doers => "against those who do it, trigger",
        "deed" => "deed: the actor does it",
        "announced" => "deed announced in the passive",
        "condition" => "demanded condition",
        "after" => "predicate after the cue",
        _ => "trigger",
    };
    let held = quoted || !actors.is_empty();
    let make = |actor: String, surface: String| Tag {
        paragraph: 0,
        sentence: 0,
        span: ctx.span,
        actor,
        actor_surface: surface,
        target: target.id.clone(),
        stance,
        voice,
        cues: vec![abs(trigger), abs(cue)],
        rule: format!(
            "{how} “{}” {}{}→ {} (valence {})",
            &ctx.sentence[trigger.start..trigger.end],
            if negated { "negated " } else { "" },
            match governed {
                Some(g) if kind == "trigger" =>
                    format!("under “{}” ", &ctx.sentence[g.at.start..g.at.end]),
                _ => String::new(),
            },
            target.id,
            if target.valence == Valence::For {
                "for"
            } else {
                "against"
            }
        ),
        confidence: match (kind, held) {
            ("deed", _) => 0.5,
            (_, true) => 0.7,
            _ => 0.5,
        },
    };
    if actors.is_empty() {
        return if voice == Voice::Outlet {
            vec![make(OUTLET_ACTOR.to_string(), String::new())]
        } else {
            Vec::new()
        };
    }
    // An actor's own name holds no position on a cue inside it (`coup` in `the coup
    // leaders`).
    actors
        .into_iter()
        .filter(|m| !(m.at.start <= cue.start && cue.end <= m.at.end))
        .map(|m| make(m.actor.clone(), m.surface.clone()))
        .collect()
}

/// Whether the trigger does not judge `cue`: the cue only completes another cue between them
/// (`prevent violence against protesters`: a preposition stands between that cue and this one),
/// or stands in an adjunct of time or circumstance (`sanctions imposed after the crackdown on
/// protests`, `despite the protests`).
fn complement(ctx: &Ctx, trigger: Span, cue: Span) -> bool {
    let gap = |a: usize, b: usize| Words::new(&ctx.lower[a.min(b)..b]);
    let circumstance = {
        let between = gap(trigger.end, cue.start);
        (0..between.spans().len()).any(|i| {
            matches!(
                between.plain(i),
                "after"
                    | "before"
                    | "since"
                    | "following"
                    | "despite"
                    | "amid"
                    | "during"
                    | "throughout"
                    | "ahead"
                    | "while"
                    | "when"
                    // A participle or a condition of its own (`leaders involved in the coup`,
                    // `warning that if the coup succeeds`).
                    | "involved"
                    | "if"
            )
        })
    };
    // `After the results were announced, protests erupted`: a trigger in a clause that opens
    // with a subordinator ends at its comma.
    let subordinate = ctx.lower[trigger.end..cue.start.max(trigger.end)].contains(',') && {
        let clause_start = ctx.lower[..trigger.start].rfind(',').map_or(0, |c| c + 1);
        let clause = Words::new(&ctx.lower[clause_start..trigger.start]);
        (0..clause.spans().len()).any(|i| {
            matches!(
                clause.plain(i),
                "after"
                    | "when"
                    | "as"
                    | "since"
                    | "before"
                    | "although"
                    | "though"
                    | "because"
                    | "once"
                    | "until"
            )
        })
    };
    // What the trigger judges is a deed of its own, with the cue deeper inside (`thanked him
    // for assisting in the resolution of the mutiny`; but `for brokering the deal` judges the
    // deal), or a participle clause after a comma takes over (`will allow
    // the authorities to act, degrading freedom`): the cue inside it is not the trigger's.
    let deed_between = {
        let between = gap(trigger.end, cue.start);
        let n = between.spans().len();
        (0..n).any(|i| {
            let w = between.plain(i);
            let for_gerund = i > 0
                && between.plain(i - 1) == "for"
                && (i + 1..n).any(|j| matches!(between.plain(j), "in" | "of" | "on" | "with"));
            w.ends_with("ing")
                && w.len() > 5
                && (for_gerund
                    || ctx.lower[trigger.end..trigger.end + between.spans()[i].start]
                        .trim_end()
                        .ends_with(','))
        })
    };
    // The ground of an action against someone (`opened proceedings against him for
    // rebellion`): the action is judged, not its ground.
    let ground = {
        let between = gap(trigger.end, cue.start);
        let n = between.spans().len();
        (0..n)
            .position(|i| between.plain(i) == "against")
            .is_some_and(|a| (a + 1..n).any(|i| between.plain(i) == "for"))
    };
    circumstance
        || subordinate
        || deed_between
        || ground
        || ctx.cue_spans.iter().any(|o| {
            o.start >= trigger.end && o.end <= cue.start && {
                let between = gap(o.end, cue.start);
                (0..between.spans().len()).any(|i| {
                    matches!(
                        between.plain(i),
                        "against"
                            | "of"
                            | "on"
                            | "for"
                            | "to"
                            | "by"
                            | "with"
                            | "from"
                            | "in"
                            | "over"
                    )
                })
            }
        })
}

/// The actor of a cue's position: the subject of the first speech or stance verb of the
/// sentence that comes before the cue outside quotation marks (`Putin called on Lukashenko to
/// start a dialogue`: Putin, not Lukashenko); for a quotation with no such verb before it, the
/// speaker named next to it (`"…," Di Maio said`).
fn actor_of<'c>(
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
fn parenthetical(between: &str) -> bool {
    let t = between.trim();
    t.len() <= 60 && t.starts_with(',') && t.ends_with(',') && t.matches(',').count() == 2
}

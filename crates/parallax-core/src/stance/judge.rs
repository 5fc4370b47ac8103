//! The rules of one sentence: which trigger judges a cue (before it, a predicate or passive after
//! it, a demanded condition, a deed), its polarity, and who holds the position. The forms a
//! cue is judged by without a trigger before it are in [`super::forms`]; who holds a position,
//! in [`super::holder`].

use super::forms::*;
use super::holder::*;
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
    pub(super) fn verbs(&self) -> impl Iterator<Item = Span> + '_ {
        self.hits
            .iter()
            .filter(|h| !h.after)
            .map(|h| h.at)
            .chain(self.reporting.iter().copied())
    }

    /// Whether the verb at `at` is an infinitive or a gerund after a preposition (`to start`, `of
    /// seeking`): its subject is not the actor named before it.
    pub(super) fn non_finite(&self, at: usize) -> bool {
        matches!(
            self.word_before(at),
            "to" | "of" | "for" | "by" | "after" | "before" | "without" | "about"
        )
    }

    /// The word before byte `at`, lower case.
    pub(super) fn word_before(&self, at: usize) -> &str {
        let i = self.words.index_at(at);
        if i == 0 {
            ""
        } else {
            self.words.plain(i - 1)
        }
    }
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
    let found = before.or_else(after);
    let endorse = found.is_some_and(|h| h.endorse);
    let mut deed_actor: Option<&Mention> = None;
    let cond = condition(ctx, cue);
    // A verb that asserts the cue without a trigger: a quoted label, or a threat (when no
    // trigger judges the cue).
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
    // The lexicon's trigger that judges the cue, when one does (not a condition, a label or a
    // threat, a deed).
    let hit = found.filter(|_| cond.is_none() && asserted.is_none());
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
        actor: actor.into(),
        actor_surface: surface.into(),
        target: target.id.as_str().into(),
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
        )
        .into(),
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

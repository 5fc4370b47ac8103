//! The words of the stance rules, as tables: triggers with the polarity they give, reporting
//! verbs, negations. Every entry goes through [`super::matcher`], so one entry covers its
//! inflections, its word family and both spellings (`criticise` finds `criticized` and
//! `criticism`).

use super::matcher::{Pattern, Words, TRIGGER_GAP};
use crate::Span;
use std::sync::OnceLock;

/// Support triggers of the first version, matched with any ending (`urge` finds `urged`).
const SUPPORT_PREFIX: &[&str] = &[
    "call for",
    "calls for",
    "called for",
    "calling for",
    "called on",
    "calls on",
    "calling on",
    "called upon",
    "urge",
    "appeal for",
    "appeal to",
    "hope",
    "offer",
    "will offer",
    "support",
    "proposal",
    "propose",
    "encourage",
    "facilitate",
    "engage in",
    "expect",
    "demand",
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
    "showed her readiness",
    "formed",
    "stressed",
];

/// Support triggers matched by their stem (`praise` finds `praised`, `praising`, `praises`):
/// evaluative verbs, nominal stances (`a call for`, `support for`, `demands for` are the noun
/// forms of the verbs above) and commitments.
const SUPPORT: &[&str] = &[
    "welcome",
    "hail",
    "praise",
    "commend",
    "applaud",
    "endorse",
    "back",
    "in favour of",
    "favour",
    "advocate",
    "pledge",
    "vow",
    "promise",
    "threaten to",
    "ready to",
    "prepared to",
    "willing to",
    // Ultimatums: whoever gives one demands what it is for (`gave the junta a week to release
    // him`).
    "week to",
    "days to",
    "hours to",
    "deadline to",
    "deadline for",
    "ultimatum to",
    "agree to",
    "seek",
    "push for",
    "press for",
    "request",
    "thank",
    "approve",
    "decide to",
    "announce",
    "or face",
    "allow",
    "accept",
    "extend",
    "renew",
    "revive",
    "resurrect",
    "resume",
    "rejoin",
    "reinstate",
    "plan for",
    "agree on",
    "launch",
    "appreciate",
    "need to",
    "stand with",
    "volunteer",
    "right to",
    "recognize",
    "legitimate",
    "justified",
    "timely",
    "necessary",
    "important",
];

/// Harm done to what the cue names (`violates the autonomy`, `undermines the deal`): whoever
/// says so holds that it should be kept — support.
///
/// After the cue, as its verb (`the withdrawal would hurt farmers`), they say the cue does harm:
/// oppose ([`super::judge`]).
const HARM: &[&str] = &[
    "violate",
    "violation",
    "breach",
    "undermine",
    "worsen",
    "erode",
    "harm",
    "hurt",
    "damage",
    "endanger",
    "jeopardize",
    "destabilize",
];

/// Support triggers matched as written: their stem is also a noun that takes no side (`a joint
/// declaration`).
const SUPPORT_EXACT: &[&str] = &[
    // (`initiative`, `initially` are of the same family.)
    "initiated",
    "initiates",
    "initiating",
    "announced",
    "announces",
    "announcing",
    "declared",
    "declares",
    "declaring",
];

/// Orders: whoever gives them takes the side of what is ordered, and endorses it (`authorized
/// security forces to shoot to kill`). Matched as written: `order` is also a noun that takes no
/// side (`law and order`). Told in the passive with no agent (`troops were ordered to …`), they
/// name who obeys, not who orders ([`super::judge`]).
const ORDERS: &[&str] = &[
    "ordered",
    "authorized",
    "authorizes",
    "authorised",
    "authorises",
    "directed",
    "instructed",
];

/// Oppose triggers of the first version, matched with any ending.
const OPPOSE_PREFIX: &[&str] = &[
    "warned against",
    "warn against",
    "warns against",
    "condemn",
    "denounce",
    "reject",
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

/// Oppose triggers matched by their stem: evaluative verbs and predicates, nominal stances
/// (`opposition to`, `condemnation of` — the family of `condemn`), refusals.
const OPPOSE: &[&str] = &[
    "drop",
    "dropped",
    "dismissed",
    "lifted",
    "scrapped",
    "treason",
    "betrayal",
    "traitor",
    "stab in the back",
    "regret",
    "deplore",
    "slam",
    "criticize",
    "blast",
    "blame",
    "dismiss",
    "oppose",
    "opposed to",
    "opposition to",
    "object to",
    "objection",
    "refuse",
    "protest against",
    "does not recognize",
    "do not recognize",
    "did not recognize",
    "end to",
    "lift",
    "unacceptable",
    "illegitimate",
    "illegal",
    "rigged",
    "fraudulent",
    "regrettable",
    "unjustified",
    "unconscionable",
    "nonsense",
    "disaster",
    "disastrous",
    "dangerous",
    "devastating",
    "anger",
    "outcry",
    "a blow",
    "bad message",
    "defeat",
    "crush",
    "quell",
    "put down",
    "thwart",
    "foil",
];

/// Predicates that may follow what they judge (`the coup is illegitimate`, `sanctions would be a
/// disaster`), as well as precede it.
const AFTER: &[&str] = &[
    "dropped",
    "dismissed",
    "lifted",
    "scrapped",
    "treason",
    "betrayal",
    "traitor",
    "criminal",
    "stab in the back",
    "unacceptable",
    "illegitimate",
    "illegal",
    "rigged",
    "fraudulent",
    "regrettable",
    "unjustified",
    "unconscionable",
    "nonsense",
    "disaster",
    "disastrous",
    "dangerous",
    "devastating",
    "legitimate",
    "justified",
    "timely",
    "necessary",
    "a blow",
    "bad message",
    "violation",
    "breach",
    "important",
];

/// Support triggers that endorse what they name, rather than call for it: praising a crackdown
/// supports it, though calling for an end to one opposes it (targets of valence `against`).
const ENDORSE: &[&str] = &[
    // Declaring or imposing it is doing it (`declared a state of emergency`).
    "declared",
    "declares",
    "declaring",
    "impose",
    "welcome",
    "hail",
    "praise",
    "commend",
    "applaud",
    "endorse",
    "back",
    "approve",
    "thank",
    "legitimate",
    "justified",
    "timely",
    "necessary",
    "in favour of",
    "favour",
    "stand with",
];

/// Verbs and nouns of speech: who stands before them is speaking.
const REPORTING: &[&str] = &[
    "said",
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
    "maintain",
    "expects",
    "reiterated",
    "confirmed",
    "appeal",
    "announced",
    "tweeted",
    "noted",
    "claimed",
    "declared",
    "stated",
    "wrote",
    "posted",
    "explained",
    "argued",
    "replied",
    "asked",
    "queried",
    "commented",
    "described",
    "saying",
    "quoted",
    "cited",
    "communique",
    "emphasized",
    "pointed out",
    "tell",
    "believe",
    "think",
];

/// Words that flip a trigger.
pub const NEGATIONS: &[&str] = &["not", "never", "no", "without", "cannot"];

/// A trigger in the lexicon.
pub struct Trigger {
    pattern: Pattern,
    /// +1 support, −1 oppose.
    pub sign: i8,
    /// As written in the table.
    pub word: &'static str,
    /// May follow the cue it judges.
    pub after: bool,
    /// Endorses what it names ([`ENDORSE`]).
    pub endorse: bool,
    /// Names harm done to it ([`HARM`]).
    pub harm: bool,
    /// An order ([`ORDERS`]).
    pub order: bool,
}

/// The compiled tables.
pub struct Lexicon {
    /// Support and oppose triggers.
    pub triggers: Vec<Trigger>,
    reporting: Vec<Pattern>,
}

/// The lexicon, compiled once.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut triggers = Vec::new();
        for (list, sign, prefix) in [
            (SUPPORT_PREFIX, 1, true),
            (SUPPORT, 1, false),
            (OPPOSE_PREFIX, -1, true),
            (OPPOSE, -1, false),
            (HARM, 1, false),
            (SUPPORT_EXACT, 1, false),
            (ORDERS, 1, false),
        ] {
            for w in list.iter().copied() {
                let text = if prefix {
                    format!("{w}*")
                } else {
                    w.to_string()
                };
                let after = AFTER.contains(&w);
                let order = ORDERS.contains(&w);
                triggers.push(Trigger {
                    // Predicates match as written: their stem is often another word.
                    // (Harm verbs among them keep their inflections: `breaching`.)
                    pattern: if (after && !HARM.contains(&w)) || SUPPORT_EXACT.contains(&w) || order
                    {
                        Pattern::exact(&text)
                    } else {
                        Pattern::new(&text, TRIGGER_GAP)
                    },
                    sign,
                    word: w,
                    after,
                    endorse: order || ENDORSE.contains(&w),
                    harm: HARM.contains(&w),
                    order,
                });
            }
        }
        Lexicon {
            triggers,
            reporting: REPORTING.iter().map(|r| Pattern::new(r, 0)).collect(),
        }
    })
}

/// A trigger found in a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    /// Where.
    pub at: Span,
    /// +1 support, −1 oppose.
    pub sign: i8,
    /// The table entry.
    pub word: &'static str,
    /// May follow the cue.
    pub after: bool,
    /// Endorses what it names.
    pub endorse: bool,
    /// Names harm done to it.
    pub harm: bool,
    /// An order.
    pub order: bool,
}

impl Lexicon {
    /// The triggers of a sentence, in order; of overlapping ones, the longest.
    pub fn triggers_in(&self, lower: &str, words: &Words) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        for t in &self.triggers {
            for at in words.find(lower, &t.pattern) {
                out.push(Hit {
                    at,
                    sign: t.sign,
                    word: t.word,
                    after: t.after,
                    endorse: t.endorse,
                    harm: t.harm,
                    order: t.order,
                });
            }
        }
        out.sort_by_key(|h| (h.at.start, std::cmp::Reverse(h.at.end)));
        let mut kept: Vec<Hit> = Vec::new();
        for h in out {
            if let Some(k) = kept
                .last_mut()
                .filter(|k| k.at.start == h.at.start || h.at.end <= k.at.end)
            {
                // The same words as a predicate too (`drop` and `dropped`): it may follow
                // what it judges.
                if k.at == h.at && k.sign == h.sign {
                    k.after |= h.after;
                }
                continue;
            }
            kept.push(h);
        }
        kept
    }

    /// The reporting verbs of a sentence.
    pub fn reporting_in(&self, lower: &str, words: &Words) -> Vec<Span> {
        let mut out: Vec<Span> = self
            .reporting
            .iter()
            .flat_map(|p| words.find(lower, p))
            .collect();
        out.sort_by_key(|s| s.start);
        out.dedup();
        out
    }
}

/// Whether `lower[lo..hi]` holds a negation word (`not`, `never`, `doesn't`, `won’t`…) outside
/// `skip`.
pub fn negated(lower: &str, words: &Words, lo: usize, hi: usize, skip: Span) -> bool {
    words.spans().iter().enumerate().any(|(i, s)| {
        if s.start < lo || s.end > hi || (s.start >= skip.start && s.end <= skip.end) {
            return false;
        }
        let w = words.plain(i);
        NEGATIONS.contains(&w)
            || (w == "t" && {
                let before = &lower[..s.start];
                before.ends_with("n'") || before.ends_with("n’")
            })
    })
}

//! The objects of stance triggers in one sentence, read as noun phrases (determiners stripped, a
//! light head taking its complement, an infinitive's object or its act): what [`super::targets`]
//! groups into targets.

use super::words::*;
use crate::text::stem::stem;

/// One object of a trigger.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Object {
    /// What groups it: the stem of the head noun (or of the phrase for `use of force`).
    pub key: String,
    /// The head as written, lower case (`sanctions`); empty when only the phrase names it.
    pub head: String,
    /// The phrase without determiners, lower case (`tough sanctions`, `release of prisoners`).
    pub phrase: String,
    /// Modifier and head (`political prisoners`), when the phrase has one.
    pub bigram: Option<String>,
    /// A whole phrase that must be the cue (`use of force`), when the head alone is too weak.
    pub fixed: Option<String>,
    /// The trigger opposes it (`condemned`, `rejected`).
    pub oppose: bool,
    /// The trigger as written.
    pub trigger: String,
}

/// A noun phrase: the indices of its words (modifiers, then the head) and the index after it.
pub(crate) struct Np {
    words: Vec<usize>,
    next: usize,
    proper: bool,
}

/// What groups an object by its head: the stem of the head, or of the first word of its
/// synonym set ([`SYNONYMS`]: `rebellion` and `uprising` are one target with `mutiny`).
pub(crate) fn head_key(head: &str) -> String {
    let st = stem(head);
    SYNONYMS
        .iter()
        .find(|set| set.iter().any(|w| stem(w) == st))
        .map_or(st, |set| stem(set[0]))
}

/// Whether `word` or its singular (`plans` → `plan`) is in `list`.
pub(crate) fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word) || word.strip_suffix('s').is_some_and(|w| list.contains(&w))
}

pub(crate) fn is_adverb(t: &Tok) -> bool {
    t.word && t.lower.len() > 4 && t.lower.ends_with("ly") && !t.cap()
}

/// Irregular participles that end a noun phrase (`the steps taken by …`).
pub(crate) const PARTICIPLES: &[&str] = &[
    "taken", "given", "shown", "made", "done", "seen", "known", "held", "led", "sent", "kept",
    "left", "paid", "told", "won", "put", "set", "cut", "brought", "found", "run",
];

/// Verbs too light to be a target themselves: only their object counts (`to seek talks`).
pub(crate) const LIGHT_VERBS: &[&str] = &[
    // Verbs of keeping something going name that thing, not an act (`not to extend it`).
    "extend",
    "continue",
    "renew",
    "prolong",
    "implement",
    "be",
    "have",
    "do",
    "make",
    "take",
    "get",
    "give",
    "ensure",
    "allow",
    "help",
    "find",
    "work",
    "keep",
    "go",
    "come",
    "see",
    "let",
    "put",
    "try",
    "start",
    "begin",
    "seek",
    "play",
    "hold",
    "show",
    "stay",
    "remain",
    "meet",
    "use",
    "send",
    "pass",
    "say",
    "tell",
    "ask",
    "know",
    "think",
    "look",
    "become",
    "bring",
    "provide",
    "consider",
    "discuss",
    "address",
    "carry",
    "pay",
    "join",
    "hand",
    "set",
    "run",
    "move",
    "turn",
    "offer",
    "following",
    // Verbs of taking part or of manner name what they take part in or deal with
    // (`participate in the rebellion`, `approach this juncture`), not an act of their own.
    "participate",
    "approach",
    "act",
    "respond",
    "contribute",
    "cooperate",
    "engage",
];

/// Verbs that oppose their object (`urged them to end the violence`).
pub(crate) const ENDING_VERBS: &[&str] = &[
    "end",
    "stop",
    "halt",
    "cease",
    "refrain",
    "abandon",
    "drop",
    "scrap",
    "lift",
    "reverse",
    "avoid",
    "prevent",
    "resist",
    "defeat",
    "quit",
    "leave",
    "abandoning",
    "ending",
    "stopping",
];

/// The noun phrase that starts at `i`, determiners skipped.
pub(crate) fn noun_phrase(toks: &[Tok], mut i: usize) -> Option<Np> {
    let mut proper = false;
    while let Some(t) = toks.get(i) {
        if t.word && (DETERMINERS.contains(&t.lower.as_str()) || is_adverb(t)) {
            i += 1;
        } else if t.word && t.possessive().is_some() {
            // `Freedonia's decision`: the owner is not the object.
            i += 1;
        } else {
            break;
        }
    }
    let mut words = Vec::new();
    while let Some(t) = toks.get(i) {
        if !t.word || STOPS.contains(&t.lower.as_str()) || t.possessive().is_some() {
            break;
        }
        if t.lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            break;
        }
        // A participle after a noun starts a clause (`the steps taken by`, `the coup
        // targeting the president`); an -ing word with nothing after it is a noun
        // (`outside meddling`).
        let object_follows = toks.get(i + 1).is_some_and(|n| {
            n.word
                && (DETERMINERS.contains(&n.lower.as_str()) || !STOPS.contains(&n.lower.as_str()))
        });
        let verbish = t.lower.ends_with("ed")
            || (t.lower.ends_with("ing") && object_follows)
            || PARTICIPLES.contains(&t.lower.as_str());
        if !words.is_empty() && verbish {
            break;
        }
        if TRIGGERS.iter().any(|(w, _)| *w == t.lower) && !words.is_empty() {
            break;
        }
        words.push(i);
        i += 1;
        if words.len() == 4 {
            break;
        }
    }
    let head = *words.last()?;
    if toks[head].cap() || toks[head].acronym() {
        proper = true;
    }
    Some(Np {
        words,
        next: i,
        proper,
    })
}

pub(crate) fn phrase_of(toks: &[Tok], words: &[usize]) -> String {
    words
        .iter()
        .map(|&w| toks[w].lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The objects of a noun phrase (with a light head's complement, `the release of X`).
pub(crate) fn np_objects(toks: &[Tok], np: &Np, oppose: bool, trigger: &str) -> Vec<Object> {
    let head = &toks[*np.words.last().unwrap_or(&0)];
    let phrase = phrase_of(toks, &np.words);
    let bigram = (np.words.len() >= 2).then(|| phrase_of(toks, &np.words[np.words.len() - 2..]));
    let light = listed(LIGHT_HEADS, &head.lower);
    let linker = toks.get(np.next).map(|t| t.lower.as_str());
    if light && matches!(linker, Some("of" | "to" | "for" | "on" | "in")) {
        if let Some(c) = noun_phrase(toks, np.next + 1) {
            let ch = &toks[*c.words.last().unwrap_or(&0)];
            let link = linker.unwrap_or("of");
            let full = if c.proper {
                format!("{} {link} {}", head.lower, ch.text)
            } else {
                format!("{} {link} {}", head.lower, phrase_of(toks, &c.words))
            };
            let weak = listed(WEAK_HEADS, &ch.lower) || listed(GENERIC_HEADS, &ch.lower);
            let obj = if c.proper {
                Object {
                    key: head_key(&head.lower),
                    head: head.lower.clone(),
                    phrase: full,
                    bigram: None,
                    fixed: None,
                    oppose,
                    trigger: trigger.into(),
                }
            } else if weak {
                // `restoration of the rule of law` → the cue `rule of law`; `use of force` →
                // `use of force`; `restoration of constitutional rule` → `constitutional rule`.
                let of_more = (toks.get(c.next).is_some_and(|t| t.lower == "of"))
                    .then(|| noun_phrase(toks, c.next + 1))
                    .flatten()
                    .filter(|m| !m.proper);
                let fixed = if let Some(m) = &of_more {
                    format!("{} of {}", ch.lower, phrase_of(toks, &m.words))
                } else if c.words.len() >= 2 {
                    phrase_of(toks, &c.words[c.words.len() - 2..])
                } else {
                    format!("{} {link} {}", head.lower, ch.lower)
                };
                let full = match &of_more {
                    Some(_) => format!("{} {link} {fixed}", head.lower),
                    None => full,
                };
                Object {
                    key: format!("{}_{}", stem(&head.lower), stem(&ch.lower)),
                    head: String::new(),
                    phrase: full,
                    bigram: None,
                    fixed: Some(fixed),
                    oppose,
                    trigger: trigger.into(),
                }
            } else {
                Object {
                    key: head_key(&ch.lower),
                    head: ch.lower.clone(),
                    phrase: full,
                    bigram: (c.words.len() >= 2)
                        .then(|| phrase_of(toks, &c.words[c.words.len() - 2..])),
                    fixed: None,
                    oppose,
                    trigger: trigger.into(),
                }
            };
            return vec![obj];
        }
    }
    if np.proper || listed(GENERIC_HEADS, &head.lower) {
        return Vec::new();
    }
    if listed(WEAK_HEADS, &head.lower) || light {
        // Only with its modifier (`military action`); the modifier must be a plain word.
        let Some(b) = bigram else {
            return Vec::new();
        };
        let modifier = &toks[np.words[np.words.len() - 2]];
        if modifier.cap() || listed(GENERIC_HEADS, &modifier.lower) {
            return Vec::new();
        }
        return vec![Object {
            key: format!("{}_{}", stem(&modifier.lower), stem(&head.lower)),
            head: String::new(),
            phrase,
            bigram: None,
            fixed: Some(b),
            oppose,
            trigger: trigger.into(),
        }];
    }
    if head.lower.chars().count() < 3
        || !head.lower.chars().all(char::is_alphabetic)
        || NOT_HEADS.contains(&head.lower.as_str())
    {
        return Vec::new();
    }
    vec![Object {
        key: head_key(&head.lower),
        head: head.lower.clone(),
        phrase,
        bigram,
        fixed: None,
        oppose,
        trigger: trigger.into(),
    }]
}

/// `to VERB [particle] [preposition] [object]` at `i` (the index of the verb, adverbs before it
/// skipped); a gerund (`against following orders`) reads the same way.
pub(crate) fn infinitive(toks: &[Tok], mut i: usize, oppose: bool, trigger: &str) -> Vec<Object> {
    while toks.get(i).is_some_and(is_adverb) {
        i += 1;
    }
    let Some(v) = toks.get(i).filter(|t| t.word && !t.cap()) else {
        return Vec::new();
    };
    if STOPS.contains(&v.lower.as_str()) && v.lower != "following" {
        return Vec::new();
    }
    let particle = toks.get(i + 1).filter(|t| {
        matches!(
            t.lower.as_str(),
            "down" | "up" | "out" | "back" | "off" | "away"
        )
    });
    let verb = match particle {
        Some(p) => format!("{} {}", v.lower, p.lower),
        None => v.lower.clone(),
    };
    let mut after = i + 1 + usize::from(particle.is_some());
    if let Some((_, label)) = INTRANSITIVE.iter().find(|(w, _)| *w == verb) {
        return vec![Object {
            key: stem(&verb.replace(' ', "_")),
            head: String::new(),
            phrase: label.to_lowercase(),
            bigram: None,
            fixed: Some(verb.clone()),
            oppose,
            trigger: trigger.into(),
        }];
    }
    // `to end the violence`: the object is opposed.
    let object_oppose = oppose ^ ENDING_VERBS.contains(&v.lower.as_str());
    if toks.get(after).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "to" | "for" | "from" | "on" | "with" | "against" | "in"
        )
    }) {
        after += 1;
    }
    let np = noun_phrase(toks, after);
    if let Some(np) = np.as_ref().filter(|np| !np.proper) {
        let found = np_objects(toks, np, object_oppose, trigger);
        if !found.is_empty() {
            return found;
        }
    }
    if LIGHT_VERBS.contains(&v.lower.as_str())
        || ENDING_VERBS.contains(&v.lower.as_str())
        || NOT_HEADS.contains(&v.lower.as_str())
        || v.lower.chars().count() < 4
        || !v.lower.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return Vec::new();
    }
    // The act is the target (`to reinstate Vell`, `to surrender`, `to de-escalate the
    // situation`).
    let phrase = match np.as_ref().filter(|np| np.proper) {
        Some(np) => format!("{} {}", verb, toks[*np.words.last().unwrap_or(&after)].text),
        None => verb.clone(),
    };
    vec![Object {
        key: stem(&v.lower),
        head: v.lower.clone(),
        phrase,
        bigram: None,
        fixed: None,
        oppose,
        trigger: trigger.into(),
    }]
}

/// The objects of every trigger in one sentence.
pub(crate) fn objects(toks: &[Tok]) -> Vec<Object> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = toks[i]
            .word
            .then(|| super::words::triggers_from(&toks[i].lower))
            .into_iter()
            .flatten()
            .filter(|(parts, _, _)| {
                parts
                    .iter()
                    .enumerate()
                    .all(|(k, p)| toks.get(i + k).is_some_and(|t| t.word && t.lower == *p))
            })
            .max_by_key(|(_, w, _)| w.len())
            .map(|(_, w, o)| (w, o));
        let Some((trigger, oppose)) = found else {
            i += 1;
            continue;
        };
        let n = trigger.split(' ').count();
        let mut j = i + n;
        while toks.get(j).is_some_and(is_adverb) {
            j += 1;
        }
        let mut got = Vec::new();
        if matches!(*trigger, "agreed to" | "refused to" | "refuses to") {
            got = infinitive(toks, j, *oppose, trigger);
        } else if toks.get(j).is_some_and(|t| t.lower == "to") {
            got = infinitive(toks, j + 1, *oppose, trigger);
        } else if toks.get(j).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "them" | "him" | "her" | "us" | "it" | "everyone"
            )
        }) && toks.get(j + 1).is_some_and(|t| t.lower == "to")
        {
            // `urged them to end the blockade`
            got = infinitive(toks, j + 2, *oppose, trigger);
        } else if [" against", " of", " for", " on"]
            .iter()
            .any(|e| trigger.ends_with(e))
            && toks.get(j).is_some_and(|t| {
                t.word && !t.cap() && t.lower.ends_with("ing") && t.lower.len() > 5
            })
        {
            // `warned against following orders`, `called for ending the siege`
            got = infinitive(toks, j, *oppose, trigger);
        } else if let Some(np) = noun_phrase(toks, j) {
            let next = toks.get(np.next).map(|t| t.lower.as_str());
            let to_next = next == Some("to");
            if to_next && (np.proper || addresses(trigger)) {
                got = infinitive(toks, np.next + 1, *oppose, trigger);
            } else if matches!(*trigger, "warned" | "warns" | "accused" | "accuses") {
                // `accused the soldiers of looting`, `warned the fighters against mutiny`
                if matches!(next, Some("of" | "against")) {
                    let k = np.next + 1;
                    got = if toks.get(k).is_some_and(|t| t.lower.ends_with("ing")) {
                        infinitive(toks, k, true, trigger)
                    } else {
                        noun_phrase(toks, k)
                            .map(|o| np_objects(toks, &o, true, trigger))
                            .unwrap_or_default()
                    };
                }
            } else if np.words.len() == 1
                && matches!(next, Some("and" | "or"))
                && noun_phrase(toks, np.next + 1).is_some_and(|n2| n2.words.len() >= 2)
            {
                // `financial and travel sanctions`: the first word is a modifier too.
                if let Some(np2) = noun_phrase(toks, np.next + 1) {
                    got = np_objects(toks, &np2, *oppose, trigger);
                }
            } else {
                got = np_objects(toks, &np, *oppose, trigger);
                // `condemned the coup and the violence`
                let starts_trigger = toks.get(np.next + 1).is_some_and(|t| {
                    TRIGGERS
                        .iter()
                        .any(|(w, _)| w.split(' ').next() == Some(t.lower.as_str()))
                });
                if !starts_trigger
                    && toks
                        .get(np.next)
                        .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or"))
                {
                    if let Some(np2) = noun_phrase(toks, np.next + 1) {
                        got.extend(np_objects(toks, &np2, *oppose, trigger));
                    }
                }
            }
        }
        out.extend(got);
        i += n;
    }
    out
}

/// Noun phrases of the headlines (each document's first sentence): topics, for when triggers
/// name too few targets. Their trigger is empty.
pub(crate) fn headline_topics(toks: &[Tok]) -> Vec<Object> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let opens = t.word
            && !t.cap()
            && !STOPS.contains(&t.lower.as_str())
            && !TRIGGERS
                .iter()
                .any(|(w, _)| w.split(' ').next() == Some(t.lower.as_str()));
        match opens.then(|| noun_phrase(toks, i)).flatten() {
            Some(mut np) if !np.proper => {
                // Headlines drop articles, so a longer run may hold a verb: keep the head and
                // one modifier.
                let n = np.words.len();
                if n > 2 {
                    np.words.drain(..n - 2);
                }
                out.extend(np_objects(toks, &np, false, ""));
                i = np.next.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

//! Targets: the objects of what the corpus's actors call for, condemn, reject, back or warn
//! against, grouped by their head noun.

use super::words::{
    addresses, slug, Texts, Tok, DETERMINERS, GENERIC_HEADS, INTRANSITIVE, LIGHT_HEADS, NOT_HEADS,
    STOPS, SYNONYMS, TRIGGERS, WEAK_HEADS,
};
use super::{Doc, SuggestedTarget};
use crate::stance::{Target, Valence};
use crate::text::stem::stem;
use std::collections::{BTreeMap, BTreeSet};

/// Most targets a suggestion keeps.
pub const MAX_TARGETS: usize = 10;
/// Most candidate targets counted through the texts (the most often named).
const CANDIDATES: usize = 300;

/// Fewest targets a suggestion tries to keep (by relaxing how often a target must be triggered).
pub const MIN_TARGETS: usize = 5;

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
struct Np {
    words: Vec<usize>,
    next: usize,
    proper: bool,
}

/// What groups an object by its head: the stem of the head, or of the first word of its
/// synonym set ([`SYNONYMS`]: `rebellion` and `uprising` are one target with `mutiny`).
fn head_key(head: &str) -> String {
    let st = stem(head);
    SYNONYMS
        .iter()
        .find(|set| set.iter().any(|w| stem(w) == st))
        .map_or(st, |set| stem(set[0]))
}

/// Whether `word` or its singular (`plans` → `plan`) is in `list`.
fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word) || word.strip_suffix('s').is_some_and(|w| list.contains(&w))
}

fn is_adverb(t: &Tok) -> bool {
    t.word && t.lower.len() > 4 && t.lower.ends_with("ly") && !t.cap()
}

/// Irregular participles that end a noun phrase (`the steps taken by …`).
const PARTICIPLES: &[&str] = &[
    "taken", "given", "shown", "made", "done", "seen", "known", "held", "led", "sent", "kept",
    "left", "paid", "told", "won", "put", "set", "cut", "brought", "found", "run",
];

/// Verbs too light to be a target themselves: only their object counts (`to seek talks`).
const LIGHT_VERBS: &[&str] = &[
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
const ENDING_VERBS: &[&str] = &[
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
fn noun_phrase(toks: &[Tok], mut i: usize) -> Option<Np> {
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

fn phrase_of(toks: &[Tok], words: &[usize]) -> String {
    words
        .iter()
        .map(|&w| toks[w].lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The objects of a noun phrase (with a light head's complement, `the release of X`).
fn np_objects(toks: &[Tok], np: &Np, oppose: bool, trigger: &str) -> Vec<Object> {
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
fn infinitive(toks: &[Tok], mut i: usize, oppose: bool, trigger: &str) -> Vec<Object> {
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
fn headline_topics(toks: &[Tok]) -> Vec<Object> {
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

/// Words that stand before nouns, not verbs.
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "of", "in", "by", "for", "against", "with", "over", "amid", "after",
];

/// A candidate target: every object with one key.
struct Candidate {
    key: String,
    objects: Vec<(usize, Object)>,
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len())))
        .map(|(s, n)| (s.to_string(), n))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The cue words of a candidate: its head nouns (a `*` stem when the stem is long enough to be
/// safe), the fixed phrases, and the bigrams that occur in two articles or more.
fn cues_of(c: &Candidate, texts: &Texts) -> Vec<String> {
    let mut cues: Vec<String> = Vec::new();
    let mut heads: BTreeSet<&str> = c
        .objects
        .iter()
        .map(|(_, o)| o.head.as_str())
        .filter(|h| !h.is_empty())
        .collect();
    // The synonyms of its heads that the articles use (`mutiny` with `rebellion`).
    let stems: BTreeSet<String> = heads.iter().map(|h| stem(h)).collect();
    for set in SYNONYMS {
        if set.iter().any(|w| stems.contains(&stem(w))) {
            heads.extend(set.iter().copied().filter(|w| texts.docs_with(w) > 0));
        }
    }
    if !heads.is_empty() {
        let st = stem(heads.iter().next().copied().unwrap_or(""));
        let safe = st.chars().count() >= 6
            && st.chars().all(|c| c.is_ascii_lowercase())
            && heads.iter().all(|h| h.starts_with(&st));
        if safe {
            cues.push(format!("{st}*"));
        } else {
            for h in &heads {
                cues.push(h.to_string());
                let plural = format!("{h}s");
                if !h.ends_with('s') && texts.docs_with(&plural) > 0 {
                    cues.push(plural);
                }
            }
        }
    }
    let fixed: BTreeSet<&str> = c
        .objects
        .iter()
        .filter_map(|(_, o)| o.fixed.as_deref())
        .collect();
    cues.extend(fixed.iter().map(|f| f.to_string()));
    let bigrams: BTreeSet<&str> = c
        .objects
        .iter()
        .filter_map(|(_, o)| o.bigram.as_deref())
        .collect();
    let mut bigrams: Vec<(&str, usize)> = bigrams
        .into_iter()
        .map(|b| (b, texts.docs_with(b)))
        .filter(|(_, n)| *n >= 2)
        .collect();
    bigrams.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (b, _) in bigrams.into_iter().take(3) {
        if !cues.iter().any(|c| covers(c, b)) {
            cues.push(b.to_string());
        }
    }
    cues.retain(|c| !c.trim_end_matches('*').is_empty());
    cues.dedup();
    cues
}

/// Whether cue `c` already matches the head of phrase `p` (`sanction*` covers `tough
/// sanctions`).
fn covers(c: &str, p: &str) -> bool {
    let last = p.rsplit(' ').next().unwrap_or(p);
    match c.strip_suffix('*') {
        Some(stem) => last.starts_with(stem),
        None => c == last,
    }
}

/// Whether two cues share a word (`security law` and `security`, `nation*` and `national
/// security`): they name one topic.
fn share_word(a: &str, b: &str) -> bool {
    a.split(' ').any(|x| {
        b.split(' ')
            .any(|y| match (x.strip_suffix('*'), y.strip_suffix('*')) {
                (Some(s), _) => y.trim_end_matches('*').starts_with(s),
                (_, Some(s)) => x.starts_with(s),
                _ => x == y,
            })
    })
}

/// Suggests targets from the documents.
pub(crate) fn suggest(docs: &[Doc], texts: &Texts) -> Vec<SuggestedTarget> {
    let mut by_key: BTreeMap<String, Candidate> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (k, s) in doc.sentences.iter().enumerate() {
            let toks = super::words::tokens(s);
            let mut found = objects(&toks);
            if k == 0 {
                // A headline topic must be a noun: the corpus puts an article or a preposition
                // before it somewhere (`the mutiny`, `of protests`).
                found.extend(headline_topics(&toks).into_iter().filter(|o| {
                    !o.head.is_empty()
                        && NOUN_MARKERS.iter().any(|d| {
                            let p = format!("{d} {}", o.head);
                            texts.docs_with(&p) > 0
                        })
                }));
            }
            for o in found {
                by_key
                    .entry(o.key.clone())
                    .or_insert_with(|| Candidate {
                        key: o.key.clone(),
                        objects: Vec::new(),
                    })
                    .objects
                    .push((d, o));
            }
        }
    }
    // Over a large corpus, only the most triggered candidates are counted through the texts.
    let mut candidates: Vec<&Candidate> = by_key.values().collect();
    candidates.sort_by_key(|c| std::cmp::Reverse(c.objects.len()));
    candidates.truncate(CANDIDATES);
    let mut scored: Vec<SuggestedTarget> = Vec::new();
    for c in candidates {
        let cues = cues_of(c, texts);
        if cues.is_empty() {
            continue;
        }
        let (articles, outlets, mentions) = super::reach(&cues, texts, docs);
        let real: Vec<&(usize, Object)> = c
            .objects
            .iter()
            .filter(|(_, o)| !o.trigger.is_empty())
            .collect();
        let triggered: BTreeSet<usize> = real.iter().map(|(d, _)| *d).collect();
        let oppose = real.iter().filter(|(_, o)| o.oppose).count();
        // The label: the commonest name a trigger gave, else a headline's. A weak head is named
        // by its cue (`constitutional order`); a headline topic by its head and a plain modifier
        // (headlines drop the words that tell verbs from nouns).
        let name = |o: &Object| -> String {
            match &o.fixed {
                Some(f) if o.head.is_empty() && !o.phrase.contains(" of ") => return f.clone(),
                _ => {}
            }
            if !o.trigger.is_empty() {
                return o.phrase.clone();
            }
            let words: Vec<&str> = o.phrase.split(' ').collect();
            match words.as_slice() {
                [.., m, h] if !m.ends_with('s') && !m.ends_with("ed") && !m.ends_with("ing") => {
                    format!("{m} {h}")
                }
                [.., h] => h.to_string(),
                [] => String::new(),
            }
        };
        let names: Vec<(bool, String)> = c
            .objects
            .iter()
            .map(|(_, o)| (!o.trigger.is_empty(), name(o)))
            .collect();
        let (phrase, _) = most_common(
            names
                .iter()
                .filter(|n| n.0 && n.1.split(' ').count() <= 3)
                .map(|n| n.1.as_str()),
        )
        .or_else(|| most_common(names.iter().filter(|n| n.0).map(|n| n.1.as_str())))
        .or_else(|| most_common(names.iter().map(|n| n.1.as_str())))
        .unwrap_or_else(|| (c.key.clone(), 0));
        let label = capitalise(&phrase.split(' ').take(6).collect::<Vec<_>>().join(" "));
        let mut triggers: Vec<String> = real.iter().map(|(_, o)| o.trigger.clone()).collect();
        triggers.sort();
        triggers.dedup();
        scored.push(SuggestedTarget {
            target: Target {
                id: slug(&label),
                label,
                cues,
                valence: if oppose * 2 > real.len() {
                    Valence::Against
                } else {
                    Valence::For
                },
            },
            triggered: real.len(),
            triggered_articles: triggered.len(),
            opposed: oppose,
            articles,
            outlets,
            mentions,
            triggers,
        });
    }
    scored.sort_by(|a, b| {
        (b.outlets, b.articles, b.triggered)
            .cmp(&(a.outlets, a.articles, a.triggered))
            .then(a.target.id.cmp(&b.target.id))
    });
    // First what triggers name in two articles, or twice; then what one trigger names or a
    // headline has, when three articles or more mention it; then, to reach the minimum, what a
    // trigger names in two articles.
    let passes: [&dyn Fn(&SuggestedTarget) -> bool; 3] = [
        &|t| t.triggered_articles >= 2 || t.triggered >= 2,
        &|t| t.articles >= 3,
        &|t| t.triggered >= 1 && t.articles >= 2,
    ];
    let mut kept: Vec<SuggestedTarget> = Vec::new();
    for (n, pass) in passes.iter().enumerate() {
        for t in &scored {
            if kept.len() >= MAX_TARGETS || (n > 1 && kept.len() >= MIN_TARGETS) {
                break;
            }
            if !pass(t) || kept.iter().any(|k| k.target.id == t.target.id) || overlaps(&kept, t) {
                continue;
            }
            kept.push(t.clone());
        }
    }
    kept
}

/// Whether a target's cues are already another kept target's.
fn overlaps(kept: &[SuggestedTarget], t: &SuggestedTarget) -> bool {
    kept.iter().any(|k| {
        t.target
            .cues
            .iter()
            .all(|c| k.target.cues.iter().any(|kc| share_word(kc, c)))
    })
}

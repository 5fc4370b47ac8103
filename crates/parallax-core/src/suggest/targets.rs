//! Targets: the objects of what the corpus's actors call for, condemn, reject, back or warn
//! against, grouped by their head noun.

use super::objects::*;
use super::words::{slug, Texts, SYNONYMS};
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

//! Actors: people after titles and around speech verbs, organisations and governments as the
//! subjects of speech and stance verbs, with aliases, gender and affiliation.

use super::countries::*;
use super::reading::*;
use super::words::{slug, tokens, Texts};
use super::{Doc, SuggestedActor};
use crate::stance::Actor;
use std::collections::{BTreeMap, BTreeSet};

/// Most actors a suggestion keeps.
pub const MAX_ACTORS: usize = 20;

/// Most candidate actors counted through the texts (those with the most evidence).
const CANDIDATES: usize = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Person,
    Org,
    Country,
}

/// What the corpus says about one actor.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub(crate) kind: Option<Kind>,
    pub(crate) names: BTreeMap<String, usize>,
    pub(crate) roles: BTreeMap<String, usize>,
    pub(crate) demonym_roles: BTreeSet<String>,
    pub(crate) affiliations: BTreeMap<String, usize>,
    pub(crate) genders: BTreeMap<&'static str, usize>,
    pub(crate) acronyms: BTreeSet<String>,
    pub(crate) places: BTreeSet<String>,
    pub(crate) evidence: usize,
    pub(crate) docs: BTreeSet<usize>,
}

pub(crate) fn is_outlet(name: &str) -> bool {
    crate::outlets::lookup(name).is_some()
}

/// Collects actors from the documents.
pub(crate) fn suggest(docs: &[Doc], texts: &Texts) -> Vec<SuggestedActor> {
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    let mut common = BTreeSet::new();
    for doc in docs {
        for s in &doc.sentences {
            for t in tokens(s) {
                if t.word && t.text.chars().all(|c| !c.is_uppercase()) {
                    common.insert(t.lower);
                }
            }
        }
    }
    let mut cx = Context {
        common: &common,
        names: BTreeMap::new(),
    };
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sentences {
            let toks = tokens(s);
            for (start, end) in runs(&toks) {
                collect(&toks, start, end, d, &mut seen, &mut cx);
            }
        }
    }
    // One-word person mentions (`Roe said`) count for the person with that surname.
    let surnames: BTreeMap<String, String> = seen
        .iter()
        .filter(|(k, v)| v.kind == Some(Kind::Person) && !k.starts_with("1:"))
        .map(|(k, _)| (k.clone(), k.clone()))
        .collect();
    let singles: Vec<String> = seen
        .keys()
        .filter(|k| k.starts_with("1:"))
        .cloned()
        .collect();
    for k in singles {
        let Some(one) = seen.remove(&k) else { continue };
        // The surname, or the family name first (`Wang said` for `Wang Yi`).
        let family_first = || {
            seen.iter()
                .find(|(_, v)| {
                    v.kind == Some(Kind::Person)
                        && v.names.keys().any(|n| {
                            n.split(' ').count() == 2
                                && n.split(' ')
                                    .next()
                                    .is_some_and(|f| f.to_lowercase() == k[2..])
                        })
                })
                .map(|(key, _)| key.clone())
        };
        if let Some(target) = surnames
            .get(&k[2..])
            .cloned()
            .or_else(family_first)
            .as_ref()
        {
            if let Some(p) = seen.get_mut(target) {
                p.evidence += one.evidence;
                p.docs.extend(one.docs);
                for (g, n) in one.genders {
                    *p.genders.entry(g).or_default() += n;
                }
            }
        } else if let Some(full) = cx.names.get(&k[2..]) {
            // `Roe said`, and `Jane Roe` named elsewhere without a title.
            let mut p = Seen {
                kind: Some(Kind::Person),
                ..one
            };
            p.names = full.clone();
            seen.insert(k[2..].to_string(), p);
        } else if one.evidence >= 2 && !seen.contains_key(&k[2..]) {
            // A one-word name that speaks and is nobody's surname: an organisation or a
            // government the country table does not know (`Wagner said`).
            seen.insert(
                k[2..].to_string(),
                Seen {
                    kind: Some(Kind::Org),
                    ..one
                },
            );
        }
    }
    merge_acronyms(&mut seen);
    genders_from_pronouns(docs, &mut seen);

    // Over a large corpus, only the actors with the most evidence are counted through the texts.
    let mut ranked: Vec<(&String, &Seen)> = seen.iter().filter(|(_, s)| s.kind.is_some()).collect();
    ranked.sort_by_key(|(_, s)| std::cmp::Reverse(s.evidence));
    ranked.truncate(CANDIDATES);
    let mut out: Vec<SuggestedActor> = Vec::new();
    for (key, s) in ranked {
        let Some(kind) = s.kind else { continue };
        let Some((name, _)) = s.names.iter().max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.split(' ').count().cmp(&b.0.split(' ').count()))
        }) else {
            continue;
        };
        let name = name.clone();
        let mut aliases: Vec<String> = s.names.keys().cloned().collect();
        let mut id = key.clone();
        match kind {
            Kind::Person => {
                // The short name: the surname, or the first name when the text uses that one
                // alone more (`Xi Jinping` → `Xi`).
                // `Luigi Di Maio` → `Di Maio`
                let parts: Vec<&str> = name.split(' ').collect();
                let last = match parts.as_slice() {
                    [.., p, l]
                        if parts.len() >= 3 && PARTICLES.contains(&p.to_lowercase().as_str()) =>
                    {
                        format!("{p} {l}")
                    }
                    _ => parts.last().copied().unwrap_or(&name).to_string(),
                };
                let first = name.split(' ').next().unwrap_or(&name).to_string();
                let alone = |w: &str| -> usize {
                    let w = super::words::fold_lower(w);
                    let full = super::words::fold_lower(&name);
                    let total = |c: &str| -> usize { texts.hits(c).iter().map(|x| x.1).sum() };
                    total(&w).saturating_sub(total(&full))
                };
                // … unless the first name starts another person's full name too.
                let others = seen
                    .values()
                    .flat_map(|v| v.names.keys())
                    .chain(cx.names.values().flat_map(|n| n.keys()))
                    .filter(|n| {
                        **n != name
                            && n.contains(' ')
                            && n.split(' ').next() == Some(first.as_str())
                    })
                    .count();
                let surname = if name.contains(' ')
                    && alone(&first) > alone(&last)
                    && alone(&last) == 0
                    && others == 0
                {
                    first
                } else {
                    last
                };
                if surname.chars().count() >= 2 && country_named(&surname).is_none() {
                    aliases.push(surname.clone());
                }
                id = slug(&surname);
                if let Some((role, _)) = s.roles.iter().max_by_key(|r| r.1) {
                    let unique = seen
                        .values()
                        .filter(|v| v.kind == Some(Kind::Person) && v.roles.contains_key(role))
                        .count()
                        == 1;
                    let the = format!("the {role}");
                    let specific = role.contains(' ')
                        || matches!(
                            role.as_str(),
                            "president" | "chancellor" | "pope" | "king" | "queen" | "premier"
                        );
                    if unique && specific && texts.docs_with(&the) > 0 {
                        aliases.push(the);
                    }
                }
                aliases.extend(s.demonym_roles.iter().cloned());
            }
            Kind::Org => aliases.extend(s.acronyms.iter().cloned()),
            Kind::Country => aliases.extend(s.places.iter().cloned()),
        }
        let mut uniq = Vec::new();
        for a in aliases {
            if !uniq.iter().any(|u: &String| u.eq_ignore_ascii_case(&a)) {
                uniq.push(a);
            }
        }
        let (articles, outlets, mentions) = super::reach(&uniq, texts, docs);
        let affiliation = match kind {
            Kind::Country | Kind::Org if s.affiliations.is_empty() => slug(&id),
            _ => s
                .affiliations
                .iter()
                .max_by_key(|a| a.1)
                .map_or_else(|| "unknown".to_string(), |a| a.0.clone()),
        };
        let gender = match kind {
            Kind::Person => {
                let m = s.genders.get("m").copied().unwrap_or(0);
                let f = s.genders.get("f").copied().unwrap_or(0);
                (m != f).then(|| if m > f { "m" } else { "f" }.to_string())
            }
            _ => None,
        };
        out.push(SuggestedActor {
            actor: Actor {
                id,
                name,
                aliases: uniq,
                affiliation,
                gender,
                discovered: false,
            },
            kind: match kind {
                Kind::Person => "person",
                Kind::Org => "organisation",
                Kind::Country => "government",
            }
            .to_string(),
            evidence: s.evidence,
            articles,
            outlets,
            mentions,
        });
    }
    out.retain(|a| a.evidence > 0 && a.articles > 0);
    out.sort_by(|a, b| {
        (b.articles, b.evidence, b.outlets)
            .cmp(&(a.articles, a.evidence, a.outlets))
            .then(a.actor.id.cmp(&b.actor.id))
    });
    let mut ids = BTreeSet::new();
    out.retain(|a| ids.insert(a.actor.id.clone()));
    out.truncate(MAX_ACTORS);
    out
}

/// An organisation named in full somewhere and by its acronym elsewhere is one actor, kept under
/// the acronym's key.
fn merge_acronyms(seen: &mut BTreeMap<String, Seen>) {
    let with: Vec<(String, BTreeSet<String>)> = seen
        .iter()
        .filter(|(_, v)| !v.acronyms.is_empty())
        .map(|(k, v)| (k.clone(), v.names.keys().cloned().collect()))
        .collect();
    for (key, names) in with {
        let same: Vec<String> = seen
            .iter()
            .filter(|(k, v)| {
                **k != key && v.kind == Some(Kind::Org) && v.names.keys().any(|n| names.contains(n))
            })
            .map(|(k, _)| k.clone())
            .collect();
        for k in same {
            let Some(other) = seen.remove(&k) else {
                continue;
            };
            if let Some(e) = seen.get_mut(&key) {
                for (n, c) in other.names {
                    *e.names.entry(n).or_default() += c;
                }
                for (a, c) in other.affiliations {
                    *e.affiliations.entry(a).or_default() += c;
                }
                e.evidence += other.evidence;
                e.docs.extend(other.docs);
            }
        }
    }
}

/// `he` and `she` vote for the gender of the one person named in the sentence, or of the one
/// person named in the sentence before when this one names nobody.
fn genders_from_pronouns(docs: &[Doc], seen: &mut BTreeMap<String, Seen>) {
    let people: Vec<(String, Vec<String>)> = seen
        .iter()
        .filter(|(_, v)| v.kind == Some(Kind::Person))
        .map(|(k, v)| {
            let mut words: Vec<String> = v.names.keys().cloned().collect();
            words.push(k.clone());
            (k.clone(), words)
        })
        .collect();
    // A word of a person's name (`Roe`, or `Jane Roe` as one word) → the person.
    let mut by_word: std::collections::HashMap<String, String> = Default::default();
    for (k, names) in &people {
        for n in names {
            if let Some(last) = n.rsplit(' ').next() {
                by_word.entry(last.to_string()).or_insert_with(|| k.clone());
            }
        }
    }
    for doc in docs {
        // The person named last in the sentence before, when it named only one.
        let mut previous: Option<String> = None;
        for s in &doc.sentences {
            let toks = tokens(s);
            let mut last: Option<String> = None;
            let mut named = BTreeSet::new();
            for t in &toks {
                let g = match t.lower.as_str() {
                    "he" | "him" | "himself" => Some("m"),
                    "she" | "herself" => Some("f"),
                    _ => None,
                };
                if let Some(g) = g {
                    if let Some(r) = last.as_ref().or(previous.as_ref()) {
                        if let Some(p) = seen.get_mut(r) {
                            *p.genders.entry(g).or_default() += 1;
                        }
                    }
                    continue;
                }
                if let Some(k) = t.word.then(|| by_word.get(t.text)).flatten() {
                    last = Some(k.clone());
                    named.insert(k.clone());
                }
            }
            previous = if named.len() == 1 { last } else { None };
        }
    }
}

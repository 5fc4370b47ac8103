//! Actors: people after titles and around speech verbs, organisations and governments as the
//! subjects of speech and stance verbs, with aliases, gender and affiliation.

use super::words::{
    not_a_name, slug, tokens, Texts, Tok, GENDERED_TITLES, ORG_WORDS, ROLE_WORDS, SPEECH,
    SUBJECT_FILLERS, TITLES,
};
use super::{Doc, SuggestedActor};
use crate::stance::Actor;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Most actors a suggestion keeps.
pub const MAX_ACTORS: usize = 20;

/// Most candidate actors counted through the texts (those with the most evidence).
const CANDIDATES: usize = 300;

/// A country of `data/countries.tsv`.
#[derive(Debug)]
pub(crate) struct Country {
    pub name: String,
    pub others: Vec<String>,
    pub demonyms: Vec<String>,
    pub places: Vec<String>,
}

/// The built-in country table.
pub(crate) fn countries() -> &'static [Country] {
    static TABLE: OnceLock<Vec<Country>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let list = |s: Option<&str>| -> Vec<String> {
            s.unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        };
        include_str!("../../data/countries.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cols = l.split('\t');
                Country {
                    name: cols.next().unwrap_or("").trim().to_string(),
                    others: list(cols.next()),
                    demonyms: list(cols.next()),
                    places: list(cols.next()),
                }
            })
            .collect()
    })
}

/// The country a name is (`France`, `the UK`), or whose capital or institution it is (`Moscow`,
/// `the Kremlin`): the country, and whether the name was a place rather than the country.
fn country_named(name: &str) -> Option<(&'static Country, bool)> {
    static BY_NAME: OnceLock<std::collections::HashMap<&'static str, (usize, bool)>> =
        OnceLock::new();
    let table = BY_NAME.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (i, c) in countries().iter().enumerate() {
            for p in &c.places {
                m.insert(p.as_str(), (i, true));
            }
            for o in c.others.iter().chain([&c.name]) {
                m.insert(o.as_str(), (i, false));
            }
        }
        m
    });
    let name = name.strip_prefix("the ").unwrap_or(name);
    let name = name.strip_prefix("The ").unwrap_or(name);
    table.get(name).map(|&(i, place)| (&countries()[i], place))
}

fn country_of_demonym(word: &str) -> Option<&'static Country> {
    static BY_DEMONYM: OnceLock<std::collections::HashMap<&'static str, usize>> = OnceLock::new();
    BY_DEMONYM
        .get_or_init(|| {
            let mut m = std::collections::HashMap::new();
            for (i, c) in countries().iter().enumerate() {
                for d in &c.demonyms {
                    m.insert(d.as_str(), i);
                }
            }
            m
        })
        .get(word)
        .map(|&i| &countries()[i])
}

/// The country a word names as a nationality, a possessive or a name.
fn country_of_word(t: &Tok) -> Option<&'static Country> {
    country_of_demonym(t.text)
        .or_else(|| t.possessive().and_then(|p| country_named(p).map(|c| c.0)))
        .or_else(|| country_named(t.text).map(|c| c.0))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Person,
    Org,
    Country,
}

/// What the corpus says about one actor.
#[derive(Debug, Default)]
struct Seen {
    kind: Option<Kind>,
    names: BTreeMap<String, usize>,
    roles: BTreeMap<String, usize>,
    demonym_roles: BTreeSet<String>,
    affiliations: BTreeMap<String, usize>,
    genders: BTreeMap<&'static str, usize>,
    acronyms: BTreeSet<String>,
    places: BTreeSet<String>,
    evidence: usize,
    docs: BTreeSet<usize>,
}

fn is_name_word(t: &Tok) -> bool {
    t.word && (t.cap() || t.acronym()) && t.text.chars().next().is_some_and(char::is_alphabetic)
}

const PARTICLES: &[&str] = &[
    "bin", "al", "de", "van", "von", "der", "den", "da", "di", "du", "dos", "el", "la", "le",
];

/// Runs of capitalised words (`Economic Community of West African States`, `Jane de Roe`).
fn runs(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        loop {
            if j < toks.len() && is_name_word(&toks[j]) && toks[j - 1].possessive().is_none() {
                j += 1;
            } else if j + 1 < toks.len()
                && toks[j].lower == "of"
                && is_name_word(&toks[j + 1])
                && toks[j - 1].possessive().is_none()
            {
                j += 2;
            } else if let Some(n) = (1..=2).find(|&n| {
                j + n < toks.len()
                    && toks[j..j + n]
                        .iter()
                        .all(|t| PARTICLES.contains(&t.lower.as_str()))
                    && is_name_word(&toks[j + n])
            }) {
                // `Jane van der Roe`
                j += n + 1;
            } else {
                break;
            }
        }
        out.push((start, j));
        i = j;
    }
    out
}

/// Whether a speech or stance verb follows `end` (the run is its subject), skipping fillers
/// (`on Sunday`, `also`) and an apposition between commas.
fn speech_after(toks: &[Tok], mut end: usize) -> bool {
    // `the Example Union (EU) said`
    if toks.get(end).is_some_and(|t| t.is("(")) && toks.get(end + 2).is_some_and(|t| t.is(")")) {
        end += 3;
    }
    if toks.get(end).is_some_and(|t| t.is(",")) {
        // `X, the foreign minister, said`
        if let Some(close) = (end + 1..toks.len().min(end + 14)).find(|&k| toks[k].is(",")) {
            end = close + 1;
        }
    }
    let mut skipped = 0;
    while let Some(t) = toks.get(end) {
        if SPEECH.contains(&t.lower.as_str()) {
            return true;
        }
        if t.word && SUBJECT_FILLERS.contains(&t.lower.as_str()) && skipped < 4 {
            skipped += 1;
            end += 1;
            continue;
        }
        return false;
    }
    false
}

/// Whether a speech verb or `according to` comes right before `start` (`said Jane Roe`).
fn speech_before(toks: &[Tok], start: usize, title_start: usize) -> bool {
    let mut k = title_start.min(start);
    while k > 0 && toks[k - 1].word && matches!(toks[k - 1].lower.as_str(), "the" | "a") {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    let prev = &toks[k - 1];
    SPEECH.contains(&prev.lower.as_str())
        || (prev.lower == "to" && k >= 2 && toks[k - 2].lower == "according")
        || (prev.is(",") && k >= 2 && toks[k - 2].is("\""))
}

/// An apposition after a person (`, the foreign minister of Freedonia,` or `, Freedonia's
/// foreign minister,`): the role words and the country or organisation.
fn apposition(toks: &[Tok], end: usize) -> (Vec<String>, Option<String>, bool) {
    let mut role = Vec::new();
    let mut aff = None;
    let mut explicit = false;
    if !toks.get(end).is_some_and(|t| t.is(",")) {
        return (role, aff, explicit);
    }
    for (n, t) in toks.iter().skip(end + 1).take(10).enumerate() {
        if !t.word || t.lower == "who" || SPEECH.contains(&t.lower.as_str()) {
            break;
        }
        // An apposition opens with a determiner, a title or a name (`, the foreign minister`,
        // `, Ruritania's envoy`); a clause or a phrase (`, in a column in The Post`, `, before
        // a lunch with …`) is none.
        let opens = matches!(t.lower.as_str(), "the" | "a" | "an")
            || ROLE_WORDS.contains(&t.lower.as_str())
            || TITLES.contains(&t.lower.as_str())
            || t.cap();
        if n == 0 && !opens {
            break;
        }
        if matches!(t.lower.as_str(), "the" | "a" | "an") {
            continue;
        }
        if ROLE_WORDS.contains(&t.lower.as_str())
            || (TITLES.contains(&t.lower.as_str()) && !t.cap() && t.lower != "of")
        {
            role.push(t.lower.clone());
        } else if let Some(c) = country_of_word(t) {
            aff.get_or_insert(slug(&c.name));
            explicit = true;
        } else if t.cap() && aff.is_none() {
            // `the foreign minister of Ruritania`, `Ruritania's foreign minister`: said
            // outright, so it outweighs a guess from a word before the name.
            aff = Some(slug(t.possessive().unwrap_or(t.text)));
            explicit = true;
        } else if t.acronym() && aff.is_none() {
            aff = Some(slug(t.text));
        }
    }
    // A role must end in a role word (`foreign minister`), not a descriptor.
    while role
        .last()
        .is_some_and(|r| !ROLE_WORDS.contains(&r.as_str()))
    {
        role.pop();
    }
    (role, aff, explicit)
}

fn is_outlet(name: &str) -> bool {
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

/// The country that tokens `i..` name as a nationality, a possessive or a name, trying two
/// words first (`Sri Lankan`, `Burkina Faso`): the country and how many tokens.
fn country_at(toks: &[&Tok], i: usize) -> Option<(&'static Country, usize)> {
    if i + 1 < toks.len() {
        let two = format!("{} {}", toks[i].text, toks[i + 1].text);
        let second = toks[i + 1].possessive().unwrap_or(toks[i + 1].text);
        let two_base = format!("{} {second}", toks[i].text);
        if let Some(c) = country_of_demonym(&two).or_else(|| country_named(&two_base).map(|c| c.0))
        {
            return Some((c, 2));
        }
    }
    country_of_word(toks[i]).map(|c| (c, 1))
}

/// What one sentence tells about the people in it, collected over the corpus.
pub(crate) struct Context<'a> {
    /// Words the corpus writes in lower case somewhere (`grain`, `sea`): never part of a
    /// person's name.
    pub common: &'a BTreeSet<String>,
    /// Full names seen without a title or a speech verb, by surname, for one-word mentions.
    pub names: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Reads one run of capitalised words.
fn collect(
    toks: &[Tok],
    start: usize,
    end: usize,
    doc: usize,
    seen: &mut BTreeMap<String, Seen>,
    cx: &mut Context,
) {
    let mut start = start;
    while start < end && not_a_name(&toks[start].lower) {
        start += 1;
    }
    if start >= end {
        return;
    }
    let words: Vec<&Tok> = toks[start..end].iter().collect();
    let text = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    let subject = speech_after(toks, end);
    // Lower-case title words right before the run (`foreign minister Jane Roe`), and what they
    // belong to (`Freedonia's`, `the Freedonian Foreign Ministry spokeswoman`).
    let mut t0 = start;
    while t0 > 0
        && toks[t0 - 1].word
        && !toks[t0 - 1].cap()
        && TITLES.contains(&toks[t0 - 1].lower.as_str())
        && toks[t0 - 1].lower != "of"
    {
        t0 -= 1;
    }
    let spoken = subject || speech_before(toks, start, t0);
    if is_outlet(&text) {
        return;
    }
    // A government: the whole run names a country, its capital or institution.
    if let Some((c, place)) = country_named(&text) {
        if !spoken {
            return;
        }
        let e = seen.entry(slug(&c.name)).or_default();
        e.kind = Some(Kind::Country);
        *e.names.entry(c.name.clone()).or_default() += 1;
        if place || text != c.name {
            e.places.insert(text.trim_start_matches("the ").to_string());
        }
        e.evidence += 1;
        e.docs.insert(doc);
        return;
    }
    // Where a person's name starts: after the last title, organisation or country word
    // (`Kremlin Spokesman Dmitry Peskov`, `Speaker of Parliament Jane Roe`).
    let mut name_start = 0;
    let mut i = 0;
    while i < words.len() {
        let t = words[i];
        if let Some((_, n)) = country_at(&words, i) {
            i += n;
            name_start = i;
        } else if TITLES.contains(&t.lower.as_str()) || ORG_WORDS.contains(&t.lower.as_str()) {
            i += 1;
            name_start = i;
        } else {
            i += 1;
        }
    }
    let has_role = words[..name_start].iter().any(|t| {
        ROLE_WORDS.contains(&t.lower.as_str()) || GENDERED_TITLES.iter().any(|g| g.0 == t.lower)
    });
    let tail = &words[name_start..];
    let person_tail = |tail: &[&Tok]| {
        !tail.is_empty()
            && tail.len() <= 4
            && tail.iter().all(|t| {
                !t.acronym()
                    && !not_a_name(&t.lower)
                    && !cx.common.contains(&t.lower)
                    && t.possessive().is_none()
                    && !t
                        .text
                        .split('-')
                        .skip(1)
                        .any(|p| p.chars().next().is_some_and(char::is_lowercase))
            })
    };
    let is_person = person_tail(tail)
        && (has_role || name_start == 0 || t0 < start || (tail.len() >= 2 && spoken));
    if !is_person {
        collect_org(toks, &words, &text, end, spoken, doc, seen);
        return;
    }
    // A person: titles, nationality and organisation first, then the name.
    let mut role: Vec<String> = Vec::new();
    let mut aff: Option<String> = None;
    let mut genders: Vec<&'static str> = Vec::new();
    let mut demonym = None;
    let mut org_words: Vec<&str> = Vec::new();
    for t in toks[t0..start].iter() {
        if ROLE_WORDS.contains(&t.lower.as_str()) || TITLES.contains(&t.lower.as_str()) {
            role.push(t.lower.clone());
        }
        if let Some((_, g)) = GENDERED_TITLES.iter().find(|(w, _)| *w == t.lower) {
            genders.push(g);
        }
    }
    if t0 < start {
        // The capitalised words before lower-case titles: `Freedonia's`, `the Freedonian
        // Foreign Ministry`, `Wagner`.
        let mut o = t0;
        while o > 0 && is_name_word(&toks[o - 1]) && !not_a_name(&toks[o - 1].lower) {
            o -= 1;
        }
        let owner: Vec<&Tok> = toks[o..t0].iter().collect();
        if let Some(c) = (0..owner.len()).find_map(|k| country_at(&owner, k)) {
            aff = Some(slug(&c.0.name));
        } else if !owner.is_empty() {
            let last = owner[owner.len() - 1];
            let mut name: Vec<&str> = owner[..owner.len() - 1].iter().map(|t| t.text).collect();
            name.push(last.possessive().unwrap_or(last.text));
            aff = Some(slug(&name.join(" ")));
        }
    }
    let mut k = 0;
    while k < name_start {
        if let Some((c, n)) = country_at(&words, k) {
            aff.get_or_insert(slug(&c.name));
            let d = words[k..k + n]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ");
            if country_of_demonym(&d).is_some() {
                demonym = Some(d);
            }
            k += n;
            continue;
        }
        let t = words[k];
        if TITLES.contains(&t.lower.as_str()) && !ORG_WORDS.contains(&t.lower.as_str()) {
            role.push(t.lower.clone());
        } else if !matches!(t.lower.as_str(), "the" | "a" | "an" | "this" | "that")
            // `Zelensky's spokesman`: a person's, not an organisation.
            && t.possessive().is_none()
        {
            org_words.push(t.text);
        }
        if let Some((_, g)) = GENDERED_TITLES.iter().find(|(w, _)| *w == t.lower) {
            genders.push(g);
        }
        k += 1;
    }
    if aff.is_none() && !org_words.is_empty() {
        // `UN Secretary-General`, `Speaker of Parliament`: the organisation of the title.
        aff = Some(slug(&org_words.join(" ")));
    }
    let name = tail;
    let (app_role, app_aff, app_explicit) = apposition(toks, end);
    let titled = !role.is_empty() || !app_role.is_empty();
    let full = name.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    let surname = name.last().map_or("", |t| t.text).to_lowercase();
    if !titled && !spoken {
        if name.len() >= 2 {
            *cx.names
                .entry(surname)
                .or_default()
                .entry(full)
                .or_default() += 1;
        }
        return;
    }
    if name.len() == 1 {
        // Only a surname: counted for the person with a full name, later.
        if spoken || titled {
            let e = seen.entry(format!("1:{surname}")).or_default();
            *e.names.entry(full).or_default() += 1;
            e.evidence += 1;
            e.docs.insert(doc);
            for g in genders {
                *e.genders.entry(g).or_default() += 1;
            }
        }
        return;
    }
    let e = seen.entry(surname).or_default();
    e.kind = Some(Kind::Person);
    *e.names.entry(full).or_default() += 1;
    role.retain(|r| {
        ROLE_WORDS.contains(&r.as_str())
            || matches!(
                r.as_str(),
                "foreign"
                    | "prime"
                    | "defence"
                    | "defense"
                    | "interior"
                    | "finance"
                    | "deputy"
                    | "vice"
            )
    });
    let role = if role.iter().any(|r| ROLE_WORDS.contains(&r.as_str())) {
        role
    } else {
        app_role
    };
    if let Some(last) = role.iter().rposition(|r| ROLE_WORDS.contains(&r.as_str())) {
        let r = role[..=last].join(" ");
        if let Some(d) = &demonym {
            e.demonym_roles.insert(format!("{d} {r}"));
        }
        *e.roles.entry(r).or_default() += 1;
    }
    // A country the table knows, or `of X` said outright, weighs more than a guess.
    let known = |a: &str| countries().iter().any(|c| slug(&c.name) == a);
    match (aff, app_aff) {
        (Some(a), _) if known(&a) => *e.affiliations.entry(a).or_default() += 2,
        (_, Some(b)) if app_explicit => *e.affiliations.entry(b).or_default() += 2,
        (Some(a), _) => *e.affiliations.entry(a).or_default() += 1,
        (None, Some(b)) => *e.affiliations.entry(b).or_default() += 1,
        (None, None) => {}
    }
    for g in genders {
        *e.genders.entry(g).or_default() += 1;
    }
    e.evidence += 1;
    e.docs.insert(doc);
}

/// An organisation: a run with an organisation word (`Example Union`, `Foreign Ministry`) or an
/// acronym, as the subject of a speech or stance verb.
fn collect_org(
    toks: &[Tok],
    words: &[&Tok],
    text: &str,
    end: usize,
    spoken: bool,
    doc: usize,
    seen: &mut BTreeMap<String, Seen>,
) {
    let org = words.iter().any(|t| ORG_WORDS.contains(&t.lower.as_str()))
        || (words.len() == 1 && words[0].acronym());
    if !org || !spoken {
        return;
    }
    if words.len() == 1 && !words[0].acronym() {
        // `Bloc threatens …` at the head of a sentence: a common noun.
        return;
    }
    if words
        .iter()
        .all(|t| ORG_WORDS.contains(&t.lower.as_str()) || TITLES.contains(&t.lower.as_str()))
    {
        // `Security Forces`, `Government`: no name in it.
        return;
    }
    // `Economic Community of West African States (ECOWAS)`
    let acronym = (toks.get(end).is_some_and(|t| t.is("("))
        && toks.get(end + 1).is_some_and(Tok::acronym)
        && toks.get(end + 2).is_some_and(|t| t.is(")")))
    .then(|| toks[end + 1].text.to_string());
    let key = match (&acronym, words.len() == 1 && words[0].acronym()) {
        (Some(a), _) => slug(a),
        (None, true) => slug(words[0].text),
        _ => slug(text),
    };
    // An acronym seen alone joins the organisation it abbreviates.
    let key = seen
        .iter()
        .find(|(_, v)| v.acronyms.iter().any(|a| a == text))
        .map_or(key, |(k, _)| k.clone());
    let e = seen.entry(key).or_default();
    e.kind = Some(Kind::Org);
    *e.names.entry(text.to_string()).or_default() += 1;
    if let Some(a) = acronym {
        e.acronyms.insert(a);
    }
    if let Some(c) = (0..words.len()).find_map(|k| country_at(words, k)) {
        *e.affiliations.entry(slug(&c.0.name)).or_default() += 1;
    }
    e.evidence += 1;
    e.docs.insert(doc);
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

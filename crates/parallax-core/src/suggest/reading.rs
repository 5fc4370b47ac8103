//! Reading one sentence for actors: runs of capitalised words, a title or a speech verb next to
//! them, an apposition after them, organisations as subjects.

use super::actors::*;
use super::countries::*;
use super::words::*;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn is_name_word(t: &Tok) -> bool {
    t.word && (t.cap() || t.acronym()) && t.text.chars().next().is_some_and(char::is_alphabetic)
}

pub(crate) const PARTICLES: &[&str] = &[
    "bin", "al", "de", "van", "von", "der", "den", "da", "di", "du", "dos", "el", "la", "le",
];

/// Runs of capitalised words (`Economic Community of West African States`, `Jane de Roe`).
pub(crate) fn runs(toks: &[Tok]) -> Vec<(usize, usize)> {
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
pub(crate) fn speech_after(toks: &[Tok], mut end: usize) -> bool {
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
pub(crate) fn speech_before(toks: &[Tok], start: usize, title_start: usize) -> bool {
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
pub(crate) fn apposition(toks: &[Tok], end: usize) -> (Vec<String>, Option<String>, bool) {
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

/// What one sentence tells about the people in it, collected over the corpus.
pub(crate) struct Context<'a> {
    /// Words the corpus writes in lower case somewhere (`grain`, `sea`): never part of a
    /// person's name.
    pub common: &'a BTreeSet<String>,
    /// Full names seen without a title or a speech verb, by surname, for one-word mentions.
    pub names: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Reads one run of capitalised words.
pub(crate) fn collect(
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
pub(crate) fn collect_org(
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

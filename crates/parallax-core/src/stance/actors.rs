//! Actors nobody listed: people, organisations and governments found in an article's own text,
//! and the titles that name them again.
//!
//! - a **title before a name** (`Foreign Minister Jane Roe`, `Ghanaian Foreign Minister Jane
//!   Roe`, `Harbour Council spokesman Ivo Tamm`): that person, with the nationality's country (or the
//!   organisation named before the title) as affiliation;
//! - a **name with a title in apposition** (`Jane Roe, the foreign minister, said`);
//! - a **name next to a speech verb** (`Jane Roe said`, `said Jane Roe`), and an organisation or
//!   country as the subject of one (`Ghana said`, `the African Union warned`);
//! - a found person who is in the profile (by name or surname) stays the profile's actor; every
//!   found person is named again by their surname and by their title (`the minister`, `the
//!   foreign minister`) for the rest of the article, and by `he`/`she` (a title like
//!   `spokeswoman` or `Mr` gives the gender; otherwise either pronoun may point back to them).
//!
//! Titles and nationalities are data files (`data/titles.txt`, `data/nationalities.tsv`).

use super::{Actor, Profile};
use crate::ingest::{Article, Role};
use crate::text::normalise::fold;
use std::sync::OnceLock;

/// Gender code of a found person the text does not give a gender for: `he` and `she` both may
/// point back to them.
pub const ANY_PERSON: &str = "u";

struct Tables {
    /// Title words (lower case), gender.
    titles: Vec<(Vec<String>, Option<&'static str>)>,
    /// Nationality words (lower case) → country name.
    nationalities: Vec<(Vec<String>, &'static str)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let data = |l: &&str| !l.trim().is_empty() && !l.starts_with('#');
        let titles = include_str!("../../data/titles.txt")
            .lines()
            .filter(data)
            .map(|l| {
                let (t, g) = match l.trim().split_once(':') {
                    Some((t, g)) => (t, Some(if g == "f" { "f" } else { "m" })),
                    None => (l.trim(), None),
                };
                (words_of(t), g)
            })
            .collect();
        let nationalities = include_str!("../../data/nationalities.tsv")
            .lines()
            .filter(data)
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, c)| (words_of(a), c.trim()))
            .collect();
        Tables {
            titles,
            nationalities,
        }
    })
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// A stable id from a name: folded, lower case, words joined by `_` (`Jane Roe` → `jane_roe`).
pub fn slug(name: &str) -> String {
    let folded = fold(name).to_lowercase();
    let mut out = String::new();
    for w in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push('_');
            }
            out.push_str(w);
        }
    }
    out
}

/// Capitalised words that are not names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "as",
    "with",
    "by",
    "from",
    "after",
    "before",
    "when",
    "while",
    "if",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "there",
    "here",
    "officials",
    "police",
    "protesters",
    "analysts",
    "sources",
    "witnesses",
    "residents",
    "critics",
    "authorities",
    "diplomats",
    "observers",
    "reports",
    "media",
    "state",
    "according",
    "meanwhile",
    "however",
    "also",
    "earlier",
    "later",
    "last",
    "read",
    "photo",
    "reuters",
    "afp",
    "ap",
    "news",
    "advertisement",
    "source",
    "quote",
    "details",
    "related",
    "people",
    "many",
    "some",
    "both",
    "all",
    "one",
    "two",
    "three",
];

/// Words that make a capitalised name an organisation.
const ORG_WORDS: &[&str] = &[
    "union",
    "council",
    "ministry",
    "organisation",
    "organization",
    "party",
    "front",
    "committee",
    "commission",
    "bank",
    "fund",
    "office",
    "department",
    "government",
    "agency",
    "association",
    "league",
    "nations",
    "states",
    "republic",
    "assembly",
    "parliament",
    "court",
    "army",
    "forces",
    "service",
    "group",
    "alliance",
    "community",
    "federation",
    "kingdom",
    "house",
    "bloc",
    "movement",
    "institute",
    "foundation",
    "watch",
    "international",
    "corps",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "stated",
    "announced",
    "wrote",
    "tweeted",
    "urged",
    "called",
    "insisted",
    "stressed",
    "noted",
    "declared",
    "argued",
    "replied",
    "condemned",
    "welcomed",
    "rejected",
    "denounced",
    "praised",
    "criticised",
    "criticized",
    "demanded",
];

struct Tok<'a> {
    text: &'a str,
    lower: String,
    cap: bool,
    /// The bytes after it up to the next word.
    after: &'a str,
}

fn toks(s: &str) -> Vec<Tok<'_>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let w = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                spans.push((b, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
        .iter()
        .enumerate()
        .map(|(k, &(b, e))| {
            let text = s[b..e].trim_end_matches('-');
            let next = spans.get(k + 1).map_or(s.len(), |n| n.0);
            // A name with a participle joined to it (`Tchiani-led forces`, `Kremlin-backed`)
            // ends before the hyphen; the participle is not part of it.
            let joined = text.rfind('-').filter(|&h| {
                matches!(
                    &text[h + 1..],
                    "led"
                        | "backed"
                        | "based"
                        | "born"
                        | "run"
                        | "owned"
                        | "allied"
                        | "aligned"
                        | "controlled"
                        | "supported"
                        | "linked"
                        | "appointed"
                        | "installed"
                        | "dominated"
                        | "sponsored"
                )
            });
            let (text, after) = match joined {
                Some(h) => (&text[..h], &s[b + h..next]),
                None => (text, &s[e..next]),
            };
            Tok {
                text,
                lower: text.to_lowercase(),
                cap: text.chars().next().is_some_and(char::is_uppercase),
                after,
            }
        })
        .collect()
}

/// A person or body found in the text.
#[derive(Clone, Debug)]
struct Found {
    name: String,
    title: Vec<String>,
    nationality: Option<&'static str>,
    org: Option<String>,
    gender: Option<&'static str>,
    person: bool,
}

fn title_at(t: &[Tok], i: usize) -> Option<(usize, Option<&'static str>)> {
    tables()
        .titles
        .iter()
        .filter(|(words, _)| {
            words.len() <= t.len() - i
                && words.iter().enumerate().all(|(k, w)| t[i + k].lower == *w)
                && (0..words.len() - 1).all(|k| t[i + k].after.trim().is_empty())
        })
        .max_by_key(|(w, _)| w.len())
        .map(|(w, g)| (w.len(), *g))
}

fn nationality_before(t: &[Tok], i: usize) -> Option<(usize, &'static str)> {
    tables()
        .nationalities
        .iter()
        .filter(|(words, _)| {
            words.len() <= i
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| t[i - words.len() + k].lower == *w)
        })
        .max_by_key(|(w, _)| w.len())
        .map(|(w, c)| (w.len(), *c))
}

/// Words that are never names: [`NOT_NAMES`], months and weekdays.
fn not_a_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower) || crate::date::is_calendar_name(lower)
}

fn is_name_word(t: &Tok) -> bool {
    t.cap
        && t.text.chars().count() > 1
        && !not_a_name(&t.lower)
        // A title-case headline's verb (`UN Chief Says …`) is not a name.
        && !SPEECH.contains(&t.lower.as_str())
        && title_word(&t.lower).is_none()
}

fn title_word(w: &str) -> Option<()> {
    tables()
        .titles
        .iter()
        .any(|(words, _)| words.len() == 1 && words[0] == w)
        .then_some(())
}

/// The capitalised name starting at `i` (at most 3 words, joined by spaces only).
fn name_at(t: &[Tok], i: usize) -> usize {
    let mut n = 0;
    // A nationality may begin a name only when a name word follows (`Ghanaian Harbour Council`, not
    // `Ghanaian Foreign Minister`).
    let nationality = |k: usize| {
        tables()
            .nationalities
            .iter()
            .any(|(w, _)| w.len() == 1 && w[0] == t[k].lower)
    };
    while i + n < t.len()
        && n < 3
        && is_name_word(&t[i + n])
        && title_at(t, i + n).is_none()
        && (!nationality(i + n)
            || (t[i + n].after == " "
                && t.get(i + n + 1)
                    .is_some_and(|x| is_name_word(x) && !nationality(i + n + 1))
                && title_at(t, i + n + 1).is_none()))
    {
        n += 1;
        if !t[i + n - 1].after.chars().all(|c| c == ' ') {
            break;
        }
    }
    n
}

fn name_text(t: &[Tok], i: usize, n: usize) -> String {
    t[i..i + n]
        .iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_org(name: &str) -> bool {
    words_of(name)
        .iter()
        .any(|w| ORG_WORDS.contains(&w.as_str()))
}

fn find_in(sentence: &str, out: &mut Vec<Found>) {
    let t = toks(sentence);
    let mut i = 0;
    while i < t.len() {
        // A title, then a name: `(Ghanaian) Foreign Minister Jane Roe`.
        if let Some((len, gender)) = title_at(&t, i) {
            let n = name_at(&t, i + len);
            let joined = t[i + len - 1].after.chars().all(|c| c == ' ');
            if n >= 1 && joined {
                let nat = nationality_before(&t, i);
                let org = match nat {
                    None if i > 0 && t[i - 1].cap && !not_a_name(&t[i - 1].lower) => {
                        Some(t[i - 1].text.to_string())
                    }
                    _ => None,
                };
                out.push(Found {
                    name: name_text(&t, i + len, n),
                    title: t[i..i + len].iter().map(|w| w.lower.clone()).collect(),
                    nationality: nat.map(|x| x.1),
                    org,
                    gender,
                    person: true,
                });
                i += len + n;
                continue;
            }
            // A title of a place, then the name in apposition: `the Foreign Minister of Ghana,
            // Jane Roe,`.
            if n == 0 && t.get(i + len).is_some_and(|w| w.lower == "of") {
                let place = name_at(&t, i + len + 1);
                let at = i + len + 1 + place;
                if place >= 1 && t[at - 1].after.trim() == "," {
                    let n = name_at(&t, at);
                    if n >= 2 {
                        out.push(Found {
                            name: name_text(&t, at, n),
                            title: t[i..i + len].iter().map(|w| w.lower.clone()).collect(),
                            nationality: None,
                            org: Some(name_text(&t, i + len + 1, place)),
                            gender,
                            person: true,
                        });
                        i = at + n;
                        continue;
                    }
                }
            }
        }
        let n = name_at(&t, i);
        if n == 0 {
            i += 1;
            continue;
        }
        let name = name_text(&t, i, n);
        let end = i + n;
        let last_after = t[end - 1].after;
        // A name, then a title in apposition: `Jane Roe, the (Ghanaian) foreign minister`.
        if last_after.trim() == "," {
            let mut j = end;
            if j < t.len() && matches!(t[j].lower.as_str(), "the" | "a" | "an") {
                j += 1;
            }
            let mut nat = None;
            for (words, country) in &tables().nationalities {
                if words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| t.get(j + k).is_some_and(|x| x.lower == *w))
                {
                    nat = Some((words.len(), *country));
                }
            }
            let j2 = j + nat.map_or(0, |x| x.0);
            if let Some((len, gender)) = title_at(&t, j2) {
                if n >= 2 {
                    out.push(Found {
                        name,
                        title: t[j2..j2 + len].iter().map(|w| w.lower.clone()).collect(),
                        nationality: nat.map(|x| x.1),
                        org: None,
                        gender,
                        person: true,
                    });
                    i = j2 + len;
                    continue;
                }
            }
        }
        // Next to a speech verb: `Jane Roe said`, `said Jane Roe`, `Ghana said`.
        let verb_after = last_after.trim().is_empty()
            && t.get(end)
                .is_some_and(|w| SPEECH.contains(&w.lower.as_str()));
        let verb_before = i > 0
            && t[i - 1].after.trim().is_empty()
            && matches!(
                t[i - 1].lower.as_str(),
                "said" | "says" | "added" | "told" | "wrote"
            );
        if verb_after || verb_before {
            let org = is_org(&name) || (i > 0 && t[i - 1].lower == "the");
            let sentence_start = i == 0;
            if n >= 2 || !sentence_start || org || verb_after {
                out.push(Found {
                    person: !org && n >= 2,
                    name,
                    title: Vec::new(),
                    nationality: None,
                    org: None,
                    gender: None,
                });
            }
        }
        i = end;
    }
}

/// What discovery adds to a profile for one article.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Actors the profile does not list.
    pub actors: Vec<Actor>,
    /// More names for actors (listed or found) in this article: `(alias, actor id)`.
    pub aliases: Vec<(String, String)>,
}

fn profile_actor<'p>(profile: &'p Profile, name: &str) -> Option<&'p Actor> {
    let full = name.to_lowercase();
    let last = full.rsplit(' ').next().unwrap_or("").to_string();
    profile
        .actors
        .iter()
        .find(|a| a.aliases.iter().any(|x| x.to_lowercase() == full))
        .or_else(|| {
            (full.contains(' ') && last.chars().count() > 2)
                .then(|| {
                    profile
                        .actors
                        .iter()
                        .find(|a| a.aliases.iter().any(|x| x.to_lowercase() == last))
                })
                .flatten()
        })
}

/// People, organisations and governments found in an article, merged with the profile's.
pub fn discover(article: &Article, profile: &Profile) -> Discovery {
    let mut found = Vec::new();
    if let Some(span) = article.title.span {
        find_in(article.slice(span), &mut found);
    }
    for p in &article.paragraphs {
        if matches!(p.role, Role::Body | Role::Standfirst) {
            for s in &p.sentences {
                find_in(article.slice(*s), &mut found);
            }
        }
    }
    let mut d = Discovery::default();
    let mut titled: Vec<String> = Vec::new();
    for f in found {
        let affiliation = f.nationality.map(slug).or_else(|| {
            f.org.as_deref().map(|o| {
                profile_actor(profile, o).map_or_else(|| slug(o), |a| a.affiliation.clone())
            })
        });
        let id = match profile_actor(profile, &f.name) {
            Some(a) => a.id.clone(),
            None => {
                let key = slug(&f.name);
                let surname = f.name.rsplit(' ').next().unwrap_or("").to_lowercase();
                // `Roe` after `Jane Roe`: the same person.
                let earlier = d.actors.iter().find(|a| {
                    a.id == key
                        || (!f.name.contains(' ')
                            && a.gender.is_some()
                            && a.name.to_lowercase().rsplit(' ').next() == Some(surname.as_str()))
                });
                match earlier {
                    Some(a) => a.id.clone(),
                    None if key.is_empty() => continue,
                    None => {
                        let mut aliases = vec![f.name.clone()];
                        if f.person && f.name.contains(' ') && surname.chars().count() > 2 {
                            aliases.push(f.name.rsplit(' ').next().unwrap_or("").to_string());
                        }
                        d.actors.push(Actor {
                            id: key.clone(),
                            name: f.name.clone(),
                            aliases,
                            affiliation: affiliation.clone().unwrap_or_else(|| key.clone()),
                            gender: f.person.then(|| f.gender.unwrap_or(ANY_PERSON).to_string()),
                            discovered: true,
                        });
                        key
                    }
                }
            }
        };
        // The title names them again: `the foreign minister`, `the minister`.
        if !f.title.is_empty()
            && !matches!(f.title[0].as_str(), "mr" | "ms" | "mrs" | "dr" | "official")
        {
            let full = f.title.join(" ");
            let head = f.title.last().cloned().unwrap_or_default();
            let mut forms = vec![format!("the {full}"), format!("the {head}")];
            if let Some(n) = f.nationality {
                let adj = tables()
                    .nationalities
                    .iter()
                    .find(|(_, c)| *c == n)
                    .map(|(w, _)| w.join(" "));
                if let Some(adj) = adj {
                    forms.push(format!("the {adj} {full}"));
                }
            }
            for form in forms {
                if !titled.contains(&form) {
                    titled.push(form.clone());
                    d.aliases.push((form, id.clone()));
                }
            }
        }
        // A listed actor found with their full name is also named by their surname.
        if f.person && f.name.contains(' ') && profile.actors.iter().any(|a| a.id == id) {
            let surname = f.name.rsplit(' ').next().unwrap_or("").to_string();
            if surname.chars().count() > 2 && !d.aliases.iter().any(|(a, _)| *a == surname) {
                d.aliases.push((surname, id.clone()));
            }
        }
    }
    d
}

impl Profile {
    /// This profile with the actors and names [`discover`] finds in `article`: what the article
    /// is tagged with.
    pub fn for_article(&self, article: &Article) -> Profile {
        // Actors found in other articles are not listed ones (and a large corpus finds many:
        // they are not copied for every article).
        let mut p = Profile {
            targets: self.targets.clone(),
            actors: self
                .actors
                .iter()
                .filter(|a| !a.discovered)
                .cloned()
                .collect(),
            groups: self.groups.clone(),
        };
        let d = discover(article, &p);
        p.actors.extend(d.actors);
        for (alias, id) in d.aliases {
            if let Some(a) = p.actors.iter_mut().find(|a| a.id == id) {
                if !a.aliases.iter().any(|x| x.eq_ignore_ascii_case(&alias)) {
                    a.aliases.push(alias);
                }
            }
        }
        p
    }
}

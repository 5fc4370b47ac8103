//! The countries of `data/countries.tsv`: by name, by demonym, by a word of a sentence.

use super::words::*;
use std::sync::OnceLock;

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
pub(crate) fn country_named(name: &str) -> Option<(&'static Country, bool)> {
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

pub(crate) fn country_of_demonym(word: &str) -> Option<&'static Country> {
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
pub(crate) fn country_of_word(t: &Tok) -> Option<&'static Country> {
    country_of_demonym(t.text)
        .or_else(|| t.possessive().and_then(|p| country_named(p).map(|c| c.0)))
        .or_else(|| country_named(t.text).map(|c| c.0))
}

/// The country that tokens `i..` name as a nationality, a possessive or a name, trying two
/// words first (`Sri Lankan`, `Burkina Faso`): the country and how many tokens.
pub(crate) fn country_at(toks: &[&Tok], i: usize) -> Option<(&'static Country, usize)> {
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

//! Known news outlets, wire agencies and reader apps, so that a dateline such as
//! `(UrduPoint News / Sputnik - …)` or a reader-app wrapper naming `Reuters` resolves to canonical
//! outlet names with a role.
//! An outlet the table does not know is still taken from a dateline, under the name it has there;
//! a corpus's `corpus.toml` can set the outlets of any article.

use serde::{Deserialize, Serialize};

/// How an outlet took part in publishing an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutletRole {
    /// The outlet that published the article under its name.
    Publisher,
    /// A wire agency whose copy the publisher carried.
    Wire,
    /// A reader app or aggregator the text was taken from ("via inkl").
    Aggregator,
}

impl OutletRole {
    /// Lower-case name used in JSON and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            OutletRole::Publisher => "publisher",
            OutletRole::Wire => "wire",
            OutletRole::Aggregator => "aggregator",
        }
    }
}

/// Kind of a known outlet in the built-in table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutletKind {
    /// A wire/news agency.
    Agency,
    /// A newspaper, broadcaster or site.
    Publication,
    /// A reader app or aggregator.
    Aggregator,
}

/// Built-in outlets: canonical name, kind, and the spellings that name it.
pub const KNOWN_OUTLETS: &[(&str, OutletKind, &[&str])] = &[
    (
        "UrduPoint",
        OutletKind::Publication,
        &["UrduPoint News", "UrduPoint", "urdupoint.com"],
    ),
    (
        "Sputnik",
        OutletKind::Agency,
        &["Sputnik", "Sputnik News", "RIA Novosti"],
    ),
    ("TASS", OutletKind::Agency, &["TASS", "ITAR-TASS"]),
    ("Reuters", OutletKind::Agency, &["Reuters"]),
    ("AP", OutletKind::Agency, &["AP", "Associated Press"]),
    ("AFP", OutletKind::Agency, &["AFP", "Agence France-Presse"]),
    ("ANSA", OutletKind::Agency, &["ANSA"]),
    (
        "dpa",
        OutletKind::Agency,
        &["dpa", "Deutsche Presse-Agentur"],
    ),
    ("Xinhua", OutletKind::Agency, &["Xinhua"]),
    ("Interfax", OutletKind::Agency, &["Interfax"]),
    ("BelTA", OutletKind::Agency, &["BelTA"]),
    ("EFE", OutletKind::Agency, &["EFE"]),
    (
        "Anadolu",
        OutletKind::Agency,
        &["Anadolu Agency", "Anadolu", "AA"],
    ),
    ("UNIAN", OutletKind::Agency, &["UNIAN"]),
    ("Ukrinform", OutletKind::Agency, &["Ukrinform"]),
    ("PAP", OutletKind::Agency, &["PAP"]),
    ("BBC", OutletKind::Publication, &["BBC", "BBC News"]),
    ("CNN", OutletKind::Publication, &["CNN"]),
    (
        "The Guardian",
        OutletKind::Publication,
        &["The Guardian", "Guardian"],
    ),
    ("Euronews", OutletKind::Publication, &["Euronews"]),
    (
        "Deutsche Welle",
        OutletKind::Publication,
        &["Deutsche Welle", "DW"],
    ),
    ("Al Jazeera", OutletKind::Publication, &["Al Jazeera"]),
    (
        "RFE/RL",
        OutletKind::Publication,
        &["RFE/RL", "Radio Free Europe/Radio Liberty", "Radio Liberty"],
    ),
    ("RT", OutletKind::Publication, &["RT", "Russia Today"]),
    ("inkl", OutletKind::Aggregator, &["inkl"]),
    (
        "Yahoo News",
        OutletKind::Aggregator,
        &["Yahoo News", "Yahoo!"],
    ),
    ("MSN", OutletKind::Aggregator, &["MSN"]),
    ("Google News", OutletKind::Aggregator, &["Google News"]),
    ("Apple News", OutletKind::Aggregator, &["Apple News"]),
    ("Flipboard", OutletKind::Aggregator, &["Flipboard"]),
    ("NewsBreak", OutletKind::Aggregator, &["NewsBreak"]),
    ("PressReader", OutletKind::Aggregator, &["PressReader"]),
    ("SmartNews", OutletKind::Aggregator, &["SmartNews"]),
];

/// Looks up a spelling in the built-in table (ASCII case-insensitive, whole name).
pub fn lookup(name: &str) -> Option<(&'static str, OutletKind)> {
    let name = name.trim();
    KNOWN_OUTLETS
        .iter()
        .find(|(_, _, aliases)| aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
        .map(|(canonical, kind, _)| (*canonical, *kind))
}

/// The first aggregator whose name appears as a word in `text`, with its byte range.
pub fn find_aggregator(text: &str) -> Option<(&'static str, usize, usize)> {
    for (canonical, kind, aliases) in KNOWN_OUTLETS {
        if *kind != OutletKind::Aggregator {
            continue;
        }
        for alias in *aliases {
            let mut from = 0;
            while let Some(pos) = text[from..].find(alias) {
                let s = from + pos;
                let e = s + alias.len();
                let before_ok = text[..s]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after_ok = text[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before_ok && after_ok {
                    return Some((canonical, s, e));
                }
                from = e;
            }
        }
    }
    None
}

//! Known news outlets, wire agencies and reader apps: the data table `data/outlets.tsv` (names,
//! the spellings that name each one, their web domains, whether they are a wire), so that a
//! dateline such as `(UrduPoint News / Sputnik - …)`, an agency tag, a byline, a credit line or an
//! article's address resolves to a canonical outlet with a role.
//!
//! An outlet the table does not know is still taken from a dateline, under the name it has there;
//! a corpus's `corpus.toml` can add outlets to the table (`[[outlet]]`) and set the outlets of any
//! article.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// How an outlet took part in publishing an article, or how the article names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OutletRole {
    /// The outlet that published the article under its name.
    Publisher,
    /// A wire agency whose copy the publisher carried.
    Wire,
    /// A reader app or aggregator the text was taken from ("via inkl").
    Aggregator,
    /// A source the article only cites ("according to TASS"): never the publisher.
    Cited,
    /// An agency credited for a photo only: never the publisher.
    Photo,
}

impl OutletRole {
    /// Lower-case name used in JSON and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            OutletRole::Publisher => "publisher",
            OutletRole::Wire => "wire",
            OutletRole::Aggregator => "aggregator",
            OutletRole::Cited => "cited",
            OutletRole::Photo => "photo",
        }
    }

    /// Whether the outlet carried the article (publisher, wire or aggregator), as opposed to
    /// being cited or credited for a photo.
    pub fn carries(self) -> bool {
        matches!(
            self,
            OutletRole::Publisher | OutletRole::Wire | OutletRole::Aggregator
        )
    }

    /// How strongly the role ties the outlet to the article: a stronger role wins when two
    /// signals name the same outlet.
    pub fn strength(self) -> u8 {
        match self {
            OutletRole::Publisher => 4,
            OutletRole::Wire => 3,
            OutletRole::Aggregator => 2,
            OutletRole::Cited => 1,
            OutletRole::Photo => 0,
        }
    }
}

/// Kind of a known outlet in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OutletKind {
    /// A wire/news agency.
    Agency,
    /// A newspaper, broadcaster or site.
    Publication,
    /// A reader app or aggregator.
    Aggregator,
}

impl OutletKind {
    /// Reads the table's kind column (`wire`, `publication`, `aggregator`).
    pub fn parse(s: &str) -> Option<OutletKind> {
        match s.trim() {
            "wire" | "agency" => Some(OutletKind::Agency),
            "publication" => Some(OutletKind::Publication),
            "aggregator" => Some(OutletKind::Aggregator),
            _ => None,
        }
    }
}

/// One outlet of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Canonical display name.
    pub name: String,
    /// Wire, publication or aggregator.
    pub kind: OutletKind,
    /// Spellings that name it in text, with their capitals.
    pub aliases: Vec<String>,
    /// Web domains, without `www.`.
    pub domains: Vec<String>,
    /// ISO 3166-1 alpha-2 code of its home country, `--` when international or unknown.
    pub country: String,
}

/// The outlet table: the built-in data plus whatever a corpus adds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    entries: Vec<Entry>,
    /// Exact spelling → entry.
    exact: HashMap<String, usize>,
    /// Lower-cased spelling → entry (only for spellings of five letters or more, so that `AP` or
    /// `Ap` in prose is never an outlet by case-folding).
    folded: HashMap<String, usize>,
    /// Domain → entry.
    domains: HashMap<String, usize>,
    /// Longest alias, in words.
    max_words: usize,
}

const BUILTIN: &str = include_str!("../data/outlets.tsv");

/// A problem in a table line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, as a sentence.
    pub problem: String,
}

impl Table {
    /// The built-in table, read once.
    pub fn builtin() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = Table::default();
            // The shipped file is checked by a test; a bad line is skipped rather than panicking.
            let _ = t.add_tsv(BUILTIN);
            t
        })
    }

    /// Reads tab-separated lines (`kind  name  alias|alias  domain|domain  country`) into the
    /// table; `#` starts a comment line. Lines with problems are skipped and reported.
    pub fn add_tsv(&mut self, src: &str) -> Vec<TableError> {
        let mut errors = Vec::new();
        for (i, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let kind = cols.first().and_then(|k| OutletKind::parse(k));
            match (kind, cols.get(1).map(|n| n.trim())) {
                (Some(kind), Some(name)) if !name.is_empty() => {
                    let split = |c: Option<&&str>| -> Vec<String> {
                        c.map(|s| {
                            s.split('|')
                                .map(str::trim)
                                .filter(|x| !x.is_empty())
                                .map(String::from)
                                .collect()
                        })
                        .unwrap_or_default()
                    };
                    self.add(Entry {
                        name: name.to_string(),
                        kind,
                        aliases: split(cols.get(2)),
                        domains: split(cols.get(3)),
                        country: cols.get(4).map_or("--", |c| c.trim()).to_string(),
                    });
                }
                _ => errors.push(TableError {
                    line: i + 1,
                    problem: "a line needs a kind (wire, publication or aggregator) and a name, separated by a tab".into(),
                }),
            }
        }
        errors
    }

    /// Adds an outlet; its spellings and domains take precedence over earlier entries'.
    pub fn add(&mut self, mut e: Entry) {
        // A name that is also a common word (`Time`, `Dawn`) is listed only by its full forms.
        if e.aliases.is_empty() {
            e.aliases.push(e.name.clone());
        }
        let idx = match self.entries.iter().position(|x| x.name == e.name) {
            Some(i) => {
                let old = &mut self.entries[i];
                old.kind = e.kind;
                for a in &e.aliases {
                    if !old.aliases.contains(a) {
                        old.aliases.push(a.clone());
                    }
                }
                for d in &e.domains {
                    if !old.domains.contains(d) {
                        old.domains.push(d.clone());
                    }
                }
                i
            }
            None => {
                self.entries.push(e);
                self.entries.len() - 1
            }
        };
        let entry = self.entries[idx].clone();
        for a in &entry.aliases {
            self.exact.insert(a.clone(), idx);
            if a.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
                self.folded.insert(a.to_lowercase(), idx);
            }
            self.max_words = self.max_words.max(a.split_whitespace().count());
        }
        for d in &entry.domains {
            self.domains
                .insert(d.trim_start_matches("www.").to_lowercase(), idx);
        }
    }

    /// Every outlet of the table.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The longest spelling, in words.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Looks a spelling up: exactly as written, or ignoring case for spellings of five letters or
    /// more. A leading `The` is optional.
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let name = name.trim().trim_matches(|c: char| {
            matches!(c, '(' | ')' | '[' | ']' | '/' | '.' | ',' | ':' | ';')
        });
        let name = name.trim();
        let try_one = |n: &str| {
            self.exact
                .get(n)
                .or_else(|| self.folded.get(&n.to_lowercase()))
                .map(|&i| &self.entries[i])
        };
        try_one(name).or_else(|| {
            name.strip_prefix("The ")
                .or_else(|| name.strip_prefix("the "))
                .and_then(try_one)
        })
    }

    /// Looks a spelling up exactly as written (capitals included).
    pub fn exact(&self, name: &str) -> Option<&Entry> {
        self.exact.get(name).map(|&i| &self.entries[i])
    }

    /// The outlet of a web address or a bare domain (`https://www.reuters.com/world/…`,
    /// `edition.cnn.com`): the longest registered suffix of its host.
    pub fn by_domain(&self, address: &str) -> Option<&Entry> {
        let host = host_of(address)?;
        let mut h = host.as_str();
        loop {
            if let Some(&i) = self.domains.get(h) {
                return Some(&self.entries[i]);
            }
            match h.split_once('.') {
                Some((_, rest)) if rest.contains('.') => h = rest,
                _ => return None,
            }
        }
    }
}

/// The lower-case host of an address or a bare domain, without `www.`.
pub fn host_of(address: &str) -> Option<String> {
    let a = address.trim();
    let rest = a
        .split_once("://")
        .map_or(a, |(scheme, r)| if scheme.len() <= 6 { r } else { a });
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let ok = host.contains('.')
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    ok.then_some(host)
}

/// Looks a spelling up in the built-in table: the canonical name and kind.
pub fn lookup(name: &str) -> Option<(&'static str, OutletKind)> {
    Table::builtin()
        .lookup(name)
        .map(|e| (e.name.as_str(), e.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_reads_without_problems() {
        let mut t = Table::default();
        let errors = t.add_tsv(BUILTIN);
        assert!(errors.is_empty(), "{errors:?}");
        let wires = t
            .entries()
            .iter()
            .filter(|e| e.kind == OutletKind::Agency)
            .count();
        assert!(t.entries().len() >= 300, "{}", t.entries().len());
        assert!(wires >= 40, "{wires}");
        // No spelling names two outlets.
        let mut seen = HashMap::new();
        for e in t.entries() {
            for a in &e.aliases {
                if let Some(other) = seen.insert(a.clone(), e.name.clone()) {
                    assert_eq!(other, e.name, "{a} names {other} and {}", e.name);
                }
            }
        }
    }

    #[test]
    fn lookups() {
        let t = Table::builtin();
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("canonical", "Reuters", Some("Reuters")),
            ("alias", "UrduPoint News", Some("UrduPoint")),
            ("long alias ignoring case", "ASSOCIATED PRESS", Some("AP")),
            ("short alias keeps its case", "Ap", None),
            ("optional the", "The Associated Press", Some("AP")),
            ("punctuation around", "(AFP)", Some("AFP")),
            ("unknown", "Harbour Daily", None),
        ];
        for (name, input, want) in cases {
            assert_eq!(t.lookup(input).map(|e| e.name.as_str()), *want, "{name}");
        }
    }

    #[test]
    fn domains() {
        let t = Table::builtin();
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "address",
                "https://www.reuters.com/world/europe/x",
                Some("Reuters"),
            ),
            (
                "subdomain",
                "https://edition.cnn.com/2023/07/17/x",
                Some("CNN"),
            ),
            ("bare domain", "tass.com", Some("TASS")),
            ("unknown", "https://example.org/x", None),
            ("not an address", "hello world", None),
        ];
        for (name, input, want) in cases {
            assert_eq!(t.by_domain(input).map(|e| e.name.as_str()), *want, "{name}");
        }
    }

    #[test]
    fn a_corpus_adds_outlets() {
        let mut t = Table::builtin().clone();
        t.add(Entry {
            name: "Harbour Daily".into(),
            kind: OutletKind::Publication,
            aliases: vec!["The Harbour Daily".into()],
            domains: vec!["harbourdaily.example".into()],
            country: "--".into(),
        });
        assert_eq!(t.lookup("The Harbour Daily").unwrap().name, "Harbour Daily");
        assert_eq!(
            t.by_domain("https://harbourdaily.example/a").unwrap().name,
            "Harbour Daily"
        );
    }
}

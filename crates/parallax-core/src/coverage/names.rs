//! How each outlet spells the names of the story.

use super::*;
use crate::export::Table;
use crate::text::names::name_key;
use crate::text::normalise::fold;
use crate::text::tokenize::{is_stopword, words};
use std::collections::{BTreeMap, HashMap};

/// One spelling of a name and who uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Spelling {
    /// The spelling, as most often written.
    pub text: String,
    /// Uses in the selected articles.
    pub total: u32,
    /// Per outlet: (outlet label, uses), most first.
    pub outlets: Vec<(String, u32)>,
}

/// A name written in more than one way.
#[derive(Clone, Debug, PartialEq)]
pub struct NameVariants {
    /// The transliteration key that joins the spellings.
    pub key: String,
    /// The spellings, most used first.
    pub spellings: Vec<Spelling>,
}

/// Strips a possessive ending: `Lukashenko's` → `Lukashenko`.
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Which spelling of each name each outlet uses: capitalised words of the article text whose
/// transliteration keys ([`crate::text::names`]) meet although their letters differ.
pub fn name_usage(sel: &Selection<'_>) -> Vec<NameVariants> {
    let corpus = sel.corpus;
    // key → folded spelling → (surface counts, outlet counts)
    type Uses = (HashMap<String, u32>, BTreeMap<String, u32>);
    let mut keys: BTreeMap<String, BTreeMap<String, Uses>> = BTreeMap::new();
    // Words the corpus also writes in lower case are common words, not names.
    let mut common: std::collections::HashSet<String> = std::collections::HashSet::new();
    for a in &corpus.articles {
        for (_, p) in a.main_paragraphs() {
            let text = a.slice(p.span);
            for span in words(text) {
                let w = &text[span.start..span.end];
                if w.starts_with(char::is_lowercase) {
                    common.insert(fold(w));
                }
            }
        }
    }
    for &d in &sel.docs {
        let a = &corpus.articles[d];
        let outlet = a.outlet_label();
        for (_, p) in a.main_paragraphs() {
            let text = a.slice(p.span);
            for span in words(text) {
                let w = strip_possessive(&text[span.start..span.end]);
                if !w.starts_with(char::is_uppercase) || w.chars().count() < 4 {
                    continue;
                }
                let folded = fold(w);
                if is_stopword(&folded) || common.contains(&folded) {
                    continue;
                }
                let Some(key) = name_key(&folded) else {
                    continue;
                };
                let uses = keys.entry(key).or_default().entry(folded).or_default();
                *uses.0.entry(w.to_string()).or_default() += 1;
                *uses.1.entry(outlet.clone()).or_default() += 1;
            }
        }
    }
    let mut out: Vec<NameVariants> = keys
        .into_iter()
        .filter(|(_, spellings)| {
            // Transliterations keep the first letter: `Interior` and `Another` share a key only.
            let mut firsts = spellings.keys().map(|s| s.chars().next());
            let first = firsts.next().flatten();
            spellings.len() > 1 && firsts.all(|f| f == first)
        })
        .map(|(key, spellings)| {
            let mut spellings: Vec<Spelling> = spellings
                .into_values()
                .map(|(surfaces, outlets)| {
                    let mut surfaces: Vec<(String, u32)> = surfaces.into_iter().collect();
                    surfaces.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    let mut outlets: Vec<(String, u32)> = outlets.into_iter().collect();
                    outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    Spelling {
                        text: surfaces[0].0.clone(),
                        total: surfaces.iter().map(|s| s.1).sum(),
                        outlets,
                    }
                })
                .collect();
            spellings.sort_by(|a, b| b.total.cmp(&a.total).then(a.text.cmp(&b.text)));
            NameVariants { key, spellings }
        })
        .collect();
    out.sort_by(|a, b| {
        let total = |n: &NameVariants| n.spellings.iter().map(|s| s.total).sum::<u32>();
        total(b).cmp(&total(a)).then(a.key.cmp(&b.key))
    });
    out
}

/// Name usage as a table: one line per name, spelling and outlet.
pub fn names_table(names: &[NameVariants]) -> Table {
    let mut rows = Vec::new();
    for n in names {
        for s in &n.spellings {
            for (outlet, uses) in &s.outlets {
                rows.push(vec![
                    n.spellings[0].text.clone().into(),
                    s.text.clone().into(),
                    outlet.clone().into(),
                    (*uses).into(),
                ]);
            }
        }
    }
    Table {
        name: "name-spellings".into(),
        columns: ["name", "spelling", "outlet", "uses"]
            .iter()
            .map(|c| c.to_string())
            .collect(),
        rows,
    }
}

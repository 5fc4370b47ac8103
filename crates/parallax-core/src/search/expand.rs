//! Query words → index terms: the exact stem, its aliases from the corpus's alias table, other
//! spellings of a name (by skeleton key), completions of `word*`,
//! and (when nothing else matched) words within the typo tolerance.

use super::MatchKind;
use crate::index::{Index, QueryWeights};
use crate::text::names::name_key;
use crate::text::tokenize::analyse;

/// Completions of `word*` taken at most.
pub const MAX_PREFIX_TERMS: usize = 512;

/// A query word expanded to index terms, each with its weight and how it matched.
#[derive(Clone, Debug, Default)]
pub struct Expansion {
    /// (term id, weight, kind), exact first.
    pub terms: Vec<(u32, f32, MatchKind)>,
}

impl Expansion {
    fn add(&mut self, id: u32, weight: f32, kind: MatchKind) {
        if !self.terms.iter().any(|(i, _, _)| *i == id) {
            self.terms.push((id, weight, kind));
        }
    }

    /// How `id` matched, if it is part of the expansion.
    pub fn kind_of(&self, id: u32) -> Option<MatchKind> {
        self.terms.iter().find(|t| t.0 == id).map(|t| t.2)
    }
}

/// Typo tolerance for a word of `letters` letters: none under 5, one edit up to 7, two from 8.
pub fn max_edits(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Expands one query word.
pub fn expand(index: &Index, text: &str, prefix: bool, fuzzy: bool, w: &QueryWeights) -> Expansion {
    let mut e = Expansion::default();
    let Some(t) = analyse(text, 0).into_iter().next() else {
        return e;
    };
    if let Some(id) = index.term_id(&t.term) {
        e.add(id, 1.0, MatchKind::Exact);
    }
    if prefix {
        // The commonest completions, when there are more than can be searched quickly.
        let mut ids: Vec<u32> = index
            .prefix_ids(&t.folded)
            .chain(index.surface_prefix_ids(&t.folded))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() > MAX_PREFIX_TERMS {
            ids.select_nth_unstable_by_key(MAX_PREFIX_TERMS - 1, |&id| {
                std::cmp::Reverse(index.doc_freq(id))
            });
            ids.truncate(MAX_PREFIX_TERMS);
        }
        for id in ids {
            e.add(id, w.prefix(), MatchKind::Prefix);
        }
    }
    for id in index.aliases_of(&t.term) {
        e.add(id, w.variant(), MatchKind::Variant);
    }
    // Nothing the corpus has, as typed or by its alias table: typo tolerance may step in (over
    // an index in static files, once the word's own dictionary is in, so that a word is not
    // taken for a typo while its shard is on the way).
    let unknown = e.terms.is_empty() && index.knows_whether_it_has(&t.term);
    // Other spellings of a name: when the word is one of the corpus's names, or is not in the
    // corpus at all (`Tsikhanouskaya` typed, `Tikhanovskaya` written) — never for a word the corpus
    // uses as an ordinary word (`center`).
    let letters = t.folded.chars().count();
    if letters >= 5 {
        if let Some(key) = name_key(&t.folded) {
            let variants = index.name_variants(&key);
            let own = index.term_id(&t.term);
            if own.is_none_or(|id| variants.contains(&id)) {
                for &id in variants {
                    e.add(id, w.variant(), MatchKind::Variant);
                }
            }
        }
    }
    let max = max_edits(letters);
    // For a word the corpus does not have, words within the typo tolerance too: a misspelt
    // ordinary word shares its name key with unrelated names, so variants alone would miss it.
    if fuzzy && unknown && max > 0 && t.folded.chars().all(char::is_alphabetic) {
        // Against stems (`sanctoins` → `sanction`) and against written forms (`priosners` →
        // `prisoners`, whose stem is `prison`); the nearest words only: two edits are tried when
        // nothing is one edit away. Of several, the commoner counts more (a misspelling of a
        // frequent word is the likelier). An ordinary word one edit away is what was meant,
        // rather than names with the same key; a name one edit away keeps its other spellings.
        for edits in 1..=max {
            let mut near: Vec<u32> = Vec::new();
            index.within_edits(&t.term, &t.folded, edits, |id| near.push(id));
            near.sort_unstable();
            near.dedup();
            let Some(most) = near.iter().map(|&id| index.doc_freq(id)).max() else {
                continue;
            };
            if edits == 1 && !near.iter().any(|id| e.kind_of(*id).is_some()) {
                e.terms.clear(); // only name variants were there
            }
            for id in near {
                let share = index.doc_freq(id) as f32 / most.max(1) as f32;
                e.add(id, w.fuzzy() * share, MatchKind::Fuzzy);
            }
            break;
        }
    }
    e
}

//! Query words → index terms: the exact stem, its aliases from the corpus's alias table, other
//! spellings of a name (by skeleton key), completions of `word*`,
//! and (when nothing else matched) words within the typo tolerance.

use super::MatchKind;
use crate::index::{edit_distance, letter_mask, Index, Weights};
use crate::text::names::name_key;
use crate::text::tokenize::analyse;

/// Completions of `word*` taken at most.
pub const MAX_PREFIX_TERMS: usize = 64;

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
pub fn expand(index: &Index, text: &str, prefix: bool, fuzzy: bool, w: &Weights) -> Expansion {
    let mut e = Expansion::default();
    let Some(t) = analyse(text, 0).into_iter().next() else {
        return e;
    };
    if let Some(id) = index.term_id(&t.term) {
        e.add(id, 1.0, MatchKind::Exact);
    }
    if prefix {
        let stems = index.prefix_ids(&t.folded);
        for id in stems
            .chain(index.surface_prefix_ids(&t.folded))
            .take(MAX_PREFIX_TERMS)
        {
            e.add(id, w.prefix, MatchKind::Prefix);
        }
    }
    for id in index.aliases_of(&t.term) {
        e.add(id, w.variant, MatchKind::Variant);
    }
    let letters = t.folded.chars().count();
    if letters >= 5 {
        if let Some(key) = name_key(&t.folded) {
            for &id in index.name_variants(&key) {
                e.add(id, w.variant, MatchKind::Variant);
            }
        }
    }
    let max = max_edits(letters);
    if fuzzy && e.terms.is_empty() && max > 0 && t.folded.chars().all(char::is_alphabetic) {
        // Against stems (`sanctoins` → `sanction`) and against written forms (`priosners` →
        // `prisoners`, whose stem is `prison`).
        let (term_masks, surface_masks) = index.letter_masks();
        for (typed, words, masks) in [
            (
                &t.term,
                &mut index
                    .terms
                    .iter()
                    .map(String::as_str)
                    .enumerate()
                    .map(|(i, s)| (i as u32, s))
                    as &mut dyn Iterator<Item = (u32, &str)>,
                term_masks,
            ),
            (
                &t.folded,
                &mut index.surfaces.iter().map(|(s, id)| (*id, s.as_str())),
                surface_masks,
            ),
        ] {
            let mask = letter_mask(typed);
            for ((id, cand), &m) in words.zip(masks.iter()) {
                if cand.len() + max < typed.len() || cand.len() > typed.len() + max {
                    continue;
                }
                if ((m ^ mask).count_ones() as usize) > 2 * max {
                    continue;
                }
                if edit_distance(typed, cand, max) <= max {
                    e.add(id, w.fuzzy, MatchKind::Fuzzy);
                }
            }
        }
    }
    e
}

//! The inverted index, built at compile time and embedded with the corpus.
//!
//! Units of retrieval are an article's headline and its paragraphs (standfirst, body, captions);
//! repeated paragraphs, credit lines and boilerplate are not indexed, so a copy-paste slip or a
//! reader app's sign-up prompt never counts as content. Each term keeps, per unit, the word
//! positions (for phrases). Ranking is BM25 over whole articles with field weights; passages are
//! ranked inside each article. The knobs are [`FieldWeights`] (index time) and [`QueryWeights`]
//! (query time).

use crate::ingest::{Article, Role};
use crate::text::tokenize::analyse;
use serde::{Deserialize, Serialize};

pub mod shards;
mod typo;
mod weights;

use std::collections::{BTreeMap, HashMap, HashSet};
pub use typo::*;
pub use weights::*;

/// Which part of an article a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitKind {
    /// The headline.
    Title,
    /// A paragraph, by its index in [`Article::paragraphs`].
    Paragraph(u32),
}

/// A searchable piece of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Index of the article in the corpus.
    pub doc: u32,
    /// Headline or paragraph.
    pub kind: UnitKind,
}

/// Where a term occurs in one unit (while an index is built; a built index keeps them flat, in
/// [`Postings`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posting {
    /// The unit.
    pub unit: u32,
    /// Word positions in the unit, ascending.
    pub positions: Vec<u32>,
}

/// The postings of every term in four flat arrays: no allocation per posting, so a large index
/// decodes in one pass and takes a fraction of the memory of a list per posting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Postings {
    /// Per term, where its postings start in `units` (one more entry than terms).
    term_start: Vec<u32>,
    /// Per posting, its unit (ascending within a term).
    units: Vec<u32>,
    /// Per posting, where its positions start in `positions` (one more entry than postings).
    pos_start: Vec<u32>,
    /// Word positions in the unit, ascending within a posting.
    positions: Vec<u32>,
}

/// One term's postings: a view into [`Postings`].
#[derive(Clone, Copy, Debug)]
pub struct List<'a> {
    units: &'a [u32],
    /// `units.len() + 1` entries, absolute offsets into `positions`.
    pos_start: &'a [u32],
    positions: &'a [u32],
}

impl Postings {
    /// Flattens lists of postings, one per term.
    pub fn from_lists(lists: &[Vec<Posting>]) -> Postings {
        let mut p = Postings::default();
        p.term_start.push(0);
        p.pos_start.push(0);
        for list in lists {
            for posting in list {
                p.units.push(posting.unit);
                p.positions.extend_from_slice(&posting.positions);
                p.pos_start.push(p.positions.len() as u32);
            }
            p.term_start.push(p.units.len() as u32);
        }
        p
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.term_start.len().saturating_sub(1)
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The postings of terms `range` (which must be within the terms) as postings of their own,
    /// the first term of the range numbered 0.
    pub fn range(&self, range: std::ops::Range<u32>) -> Postings {
        let mut p = Postings::default();
        p.term_start.push(0);
        p.pos_start.push(0);
        for id in range {
            for (unit, ps) in self.get(id).iter() {
                p.units.push(unit);
                p.positions.extend_from_slice(ps);
                p.pos_start.push(p.positions.len() as u32);
            }
            p.term_start.push(p.units.len() as u32);
        }
        p
    }

    /// The postings of term `id` (empty for an unknown id).
    pub fn get(&self, id: u32) -> List<'_> {
        const NONE: List<'static> = List::EMPTY;
        let id = id as usize;
        let (Some(&a), Some(&b)) = (self.term_start.get(id), self.term_start.get(id + 1)) else {
            return NONE;
        };
        let (a, b) = (a as usize, b as usize);
        match (self.units.get(a..b), self.pos_start.get(a..b + 1)) {
            (Some(units), Some(pos_start)) => List {
                units,
                pos_start,
                positions: &self.positions,
            },
            _ => NONE,
        }
    }

    /// Every term's postings, in term order.
    pub fn iter(&self) -> impl Iterator<Item = List<'_>> + '_ {
        (0..self.len() as u32).map(|id| self.get(id))
    }

    /// Lists of postings again (tests and tools).
    pub fn to_lists(&self) -> Vec<Vec<Posting>> {
        self.iter()
            .map(|l| {
                l.iter()
                    .map(|(unit, ps)| Posting {
                        unit,
                        positions: ps.to_vec(),
                    })
                    .collect()
            })
            .collect()
    }
}

impl<'a> List<'a> {
    /// No postings.
    pub const EMPTY: List<'static> = List {
        units: &[],
        pos_start: &[0],
        positions: &[],
    };

    /// Number of units the term occurs in.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the term occurs nowhere.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The units, ascending.
    pub fn units(&self) -> &'a [u32] {
        self.units
    }

    /// The positions of the `i`-th posting.
    pub fn positions(&self, i: usize) -> &'a [u32] {
        &self.positions[self.pos_start[i] as usize..self.pos_start[i + 1] as usize]
    }

    /// How many times the term occurs in the `i`-th posting's unit.
    pub fn count(&self, i: usize) -> usize {
        (self.pos_start[i + 1] - self.pos_start[i]) as usize
    }

    /// The postings whose units fall in `units`.
    pub fn within(&self, units: &std::ops::Range<u32>) -> List<'a> {
        let lo = self.units.partition_point(|&u| u < units.start);
        let hi = self.units.partition_point(|&u| u < units.end);
        List {
            units: &self.units[lo..hi],
            pos_start: &self.pos_start[lo..hi + 1],
            positions: self.positions,
        }
    }

    /// (unit, positions) of each posting.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &'a [u32])> + 'a {
        let l = *self;
        (0..l.len()).map(move |i| (l.units[i], l.positions(i)))
    }
}

/// The index of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Distinct terms, sorted (binary search; prefix ranges).
    pub terms: Vec<String>,
    /// Postings of each term, by unit (serialized delta- and varint-coded, see [`compact`]).
    #[serde(with = "compact")]
    pub postings: Postings,
    /// Name-variant keys, sorted, with the names that carry them: terms written with a capital
    /// and never in lower case.
    pub name_keys: Vec<(String, Vec<u32>)>,
    /// Folded words as written, where they differ from their stem, sorted, with the stem's id:
    /// typo tolerance and prefixes compare against what people type, not against stems.
    pub surfaces: Vec<(String, u32)>,
    /// The units.
    pub units: Vec<Unit>,
    /// The units that are photo captions, ascending (their field weight is read here, so ranking
    /// needs no paragraphs: a corpus in static files keeps those with the texts).
    pub captions: Vec<u32>,
    /// Number of words of each article (headline counted by its weight).
    pub doc_len: Vec<f32>,
    /// Number of articles each term occurs in.
    pub doc_freq: Vec<u32>,
    /// Groups of terms (stems) that name the same thing, from the corpus's alias table.
    pub aliases: Vec<Vec<String>>,
    /// The field weights the lengths were counted with.
    fields: FieldWeights,
    /// Where the postings are when they are kept in static files beside the page (then
    /// `postings` is empty); `None` when they are all in `postings`.
    pub shards: Option<shards::Shards>,
    /// Terms and written forms by length with their letter masks, for typo tolerance; built on
    /// first use.
    #[serde(skip)]
    typo: std::sync::OnceLock<[ByLength; 2]>,
}

impl Index {
    /// The field weights the index was built with.
    pub fn fields(&self) -> FieldWeights {
        self.fields
    }

    /// Indexes the articles of a corpus (in corpus order).
    pub fn build(articles: &[Article], weights: FieldWeights) -> Index {
        // Hash maps while collecting (no key allocation for words already seen), sorted at the end.
        let mut terms: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut surfaces: BTreeMap<String, String> = BTreeMap::new();
        // Terms also written in lower case (`Country` opening a sentence is not a name).
        let mut lower: HashSet<String> = HashSet::new();
        let mut units = Vec::new();
        let mut captions = Vec::new();
        let mut doc_len = Vec::with_capacity(articles.len());
        for (d, a) in articles.iter().enumerate() {
            let mut len = 0.0;
            let mut pieces: Vec<(UnitKind, &str, f32, bool)> = vec![(
                UnitKind::Title,
                a.title.text.as_str(),
                weights.title(),
                false,
            )];
            for (i, p) in a.paragraphs.iter().enumerate() {
                if p.repeat_of.is_some() {
                    continue;
                }
                let w = match p.role {
                    Role::Body | Role::Standfirst => 1.0,
                    Role::Caption => weights.caption(),
                    Role::Credit => continue,
                };
                let caption = p.role == Role::Caption;
                pieces.push((UnitKind::Paragraph(i as u32), a.slice(p.span), w, caption));
            }
            for (kind, text, w, caption) in pieces {
                let unit = units.len() as u32;
                if caption {
                    captions.push(unit);
                }
                units.push(Unit {
                    doc: d as u32,
                    kind,
                });
                let analysed = analyse(text, 0);
                len += w * analysed.len() as f32;
                for (pos, t) in analysed.into_iter().enumerate() {
                    if let Some(k) = &t.name_key {
                        let list = keys.entry(k.clone()).or_default();
                        if !list.contains(&t.term) {
                            list.push(t.term.clone());
                        }
                    } else if !lower.contains(&t.term)
                        && text[t.span.start..].starts_with(|c: char| c.is_lowercase())
                    {
                        lower.insert(t.term.clone());
                    }
                    if t.folded != t.term {
                        surfaces.entry(t.folded).or_insert_with(|| t.term.clone());
                    }
                    let postings = match terms.get_mut(&t.term) {
                        Some(p) => p,
                        None => terms.entry(t.term).or_default(),
                    };
                    match postings.last_mut() {
                        Some(p) if p.unit == unit => p.positions.push(pos as u32),
                        _ => postings.push(Posting {
                            unit,
                            positions: vec![pos as u32],
                        }),
                    }
                }
            }
            doc_len.push(len);
        }
        let mut sorted: Vec<(String, Vec<Posting>)> = terms.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, lists): (Vec<String>, Vec<Vec<Posting>>) = sorted.into_iter().unzip();
        // Only names: terms the corpus never writes in lower case.
        let name_keys = keys
            .into_iter()
            .filter_map(|(k, ts)| {
                let mut ids: Vec<u32> = ts
                    .iter()
                    .filter(|t| !lower.contains(*t))
                    .filter_map(|t| terms.binary_search(t).ok().map(|i| i as u32))
                    .collect();
                ids.sort_unstable();
                (!ids.is_empty()).then_some((k, ids))
            })
            .collect();
        let surfaces = surfaces
            .into_iter()
            .filter_map(|(surface, term)| {
                terms.binary_search(&term).ok().map(|i| (surface, i as u32))
            })
            .collect();
        let doc_freq = lists
            .iter()
            .map(|ps: &Vec<Posting>| {
                let mut docs: Vec<u32> = ps.iter().map(|p| units[p.unit as usize].doc).collect();
                docs.dedup();
                docs.len() as u32
            })
            .collect();
        let postings = Postings::from_lists(&lists);
        Index {
            terms,
            postings,
            name_keys,
            surfaces,
            units,
            captions,
            doc_len,
            doc_freq,
            aliases: Vec::new(),
            fields: weights,
            shards: None,
            typo: Default::default(),
        }
    }

    /// The postings of term `id`, wherever they are kept (see [`shards`]).
    pub fn list(&self, id: u32) -> List<'_> {
        match &self.shards {
            Some(s) => s.list(id),
            None => self.postings.get(id),
        }
    }

    /// This index with its postings and dictionary moved into shards: the index to keep (no
    /// postings, no terms, a shard map) and the files (the shards, then the words file). An index
    /// already in shards is returned as it is, with no files.
    pub fn into_shards(mut self, opts: shards::ShardOptions) -> (Index, Vec<shards::ShardFile>) {
        if self.shards.is_some() {
            return (self, Vec::new());
        }
        let (map, files) = shards::Shards::split(&self, opts);
        // The dictionary goes with the postings: the shards hold it.
        self.postings = Postings::default();
        self.terms = Vec::new();
        self.surfaces = Vec::new();
        self.name_keys = Vec::new();
        self.doc_freq = Vec::new();
        self.shards = Some(map);
        (self, files)
    }

    /// Id of a term.
    pub fn term_id(&self, term: &str) -> Option<u32> {
        if let Some(s) = &self.shards {
            return s.term_id(term);
        }
        find_term(&self.terms, term).map(|i| i as u32)
    }

    /// Whether [`Index::term_id`] can tell if `term` is indexed: always, but over an index in
    /// static files whose shard for it is not loaded yet.
    pub fn knows_whether_it_has(&self, term: &str) -> bool {
        self.shards.as_ref().is_none_or(|s| s.holds_dict_for(term))
    }

    /// Ids of the terms starting with `prefix`.
    pub fn prefix_ids(&self, prefix: &str) -> std::ops::Range<u32> {
        if let Some(s) = &self.shards {
            return s.prefix_ids(prefix);
        }
        let r = prefix_range(&self.terms, prefix);
        r.start as u32..r.end as u32
    }

    /// Sets the alias groups: each group's words are analysed like text, and the terms the index
    /// has are grouped (a group needs two to be of use).
    pub fn set_aliases(&mut self, groups: &[Vec<String>]) {
        self.aliases = groups
            .iter()
            .map(|g| {
                let mut terms: Vec<String> = g
                    .iter()
                    .filter_map(|w| {
                        crate::text::tokenize::analyse(w, 0)
                            .into_iter()
                            .next()
                            .map(|t| t.term)
                    })
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                terms
            })
            .filter(|g| g.len() > 1)
            .collect();
    }

    /// Ids of the indexed terms listed as aliases of `term` (which need not be indexed itself).
    pub fn aliases_of<'a>(&'a self, term: &'a str) -> impl Iterator<Item = u32> + 'a {
        self.aliases
            .iter()
            .filter(move |g| g.iter().any(|t| t == term))
            .flatten()
            .filter_map(|t| self.term_id(t))
    }

    /// Ids of the terms whose written forms start with `prefix`.
    pub fn surface_prefix_ids(&self, prefix: &str) -> Vec<u32> {
        if let Some(s) = &self.shards {
            return s.surface_prefix_ids(prefix);
        }
        surfaces_with_prefix(&self.surfaces, prefix).collect()
    }

    /// Terms written with a capital whose name key is `key`.
    pub fn name_variants(&self, key: &str) -> &[u32] {
        if let Some(s) = &self.shards {
            return s.name_variants(key);
        }
        keyed(&self.name_keys, key)
    }

    /// Number of articles containing the term.
    pub fn doc_freq(&self, term: u32) -> usize {
        if let Some(s) = &self.shards {
            return s.doc_freq(term);
        }
        self.doc_freq.get(term as usize).map_or(0, |&n| n as usize)
    }

    /// Calls `found` with the id of each term within `max` edits (adjacent transpositions count
    /// as one) of `stem`, and of each term whose written form is within `max` edits of `folded`.
    /// Only words of a length `max` or fewer bytes away are compared, and only those whose
    /// letters differ in at most `2 × max` letter-mask bits reach the edit distance.
    pub fn within_edits(&self, stem: &str, folded: &str, max: usize, found: impl FnMut(u32)) {
        if let Some(s) = &self.shards {
            return s.within_edits(stem, folded, max, found);
        }
        let lengths = self
            .typo
            .get_or_init(|| typo::by_length(&self.terms, &self.surfaces));
        typo::scan_words(
            lengths,
            &self.terms,
            &self.surfaces,
            (stem, folded, max),
            found,
        );
    }

    /// The units of article `doc` (they are contiguous).
    pub fn doc_units(&self, doc: u32) -> std::ops::Range<u32> {
        let start = self.units.partition_point(|u| u.doc < doc);
        let end = self.units.partition_point(|u| u.doc <= doc);
        start as u32..end as u32
    }

    /// Average article length.
    pub fn avg_doc_len(&self) -> f32 {
        if self.doc_len.is_empty() {
            1.0
        } else {
            (self.doc_len.iter().sum::<f32>() / self.doc_len.len() as f32).max(1.0)
        }
    }
}

// Lookups in a sorted list of words: the whole index's dictionary, or one shard's (`shards`).

/// The position of `term` in the sorted `terms`.
pub(crate) fn find_term(terms: &[String], term: &str) -> Option<usize> {
    terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
}

/// The positions of the words of the sorted `terms` that start with `prefix`.
pub(crate) fn prefix_range(terms: &[String], prefix: &str) -> std::ops::Range<usize> {
    let start = terms.partition_point(|t| t.as_str() < prefix);
    start..start + terms[start..].partition_point(|t| t.starts_with(prefix))
}

/// The term ids of the written forms (sorted) that start with `prefix`.
pub(crate) fn surfaces_with_prefix<'a>(
    surfaces: &'a [(String, u32)],
    prefix: &'a str,
) -> impl Iterator<Item = u32> + 'a {
    let start = surfaces.partition_point(|(s, _)| s.as_str() < prefix);
    surfaces[start..]
        .iter()
        .take_while(move |(s, _)| s.starts_with(prefix))
        .map(|(_, id)| *id)
}

/// The ids listed under `key` in the sorted `keys` (none when it is not there).
pub(crate) fn keyed<'a>(keys: &'a [(String, Vec<u32>)], key: &str) -> &'a [u32] {
    keys.binary_search_by(|(k, _)| k.as_str().cmp(key))
        .map_or(&[], |i| &keys[i].1)
}

pub mod compact;

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn compact_postings_round_trip() {
        use super::{compact, Posting};
        let postings = vec![
            vec![
                Posting {
                    unit: 0,
                    positions: vec![0, 5, 300],
                },
                Posting {
                    unit: 70_000,
                    positions: vec![2],
                },
            ],
            vec![],
            vec![Posting {
                unit: 3,
                positions: vec![u32::MAX - 1],
            }],
        ];
        let flat = super::Postings::from_lists(&postings);
        let bytes = compact::encode(&flat);
        assert_eq!(compact::decode(&bytes), Some(flat.clone()));
        assert_eq!(flat.to_lists(), postings);
        assert_eq!(flat.get(0).within(&(1..70_001)).units(), &[70_000]);
        assert_eq!(flat.get(0).positions(0), &[0, 5, 300]);
        assert!(flat.get(7).is_empty());
        assert!(super::Postings::default().get(0).is_empty());
        assert_eq!(compact::decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(compact::decode(&[0x80]), None);
    }

    #[test]
    fn distances() {
        let cases = [
            ("sanction", "sanction", 0),
            ("sanctoin", "sanction", 1),
            ("sancton", "sanction", 1),
            ("lukashenko", "lukashenka", 1),
            ("dialog", "dialogu", 1),
            ("kolesnikova", "kalesnikava", 2),
            ("abc", "xyz", 3),
        ];
        for (a, b, d) in cases {
            assert_eq!(edit_distance(a, b, 3), d, "{a} {b}");
        }
        assert_eq!(edit_distance("abcdef", "a", 2), 3);
    }
}

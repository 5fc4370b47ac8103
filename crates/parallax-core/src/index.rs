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
use std::collections::{BTreeMap, HashMap, HashSet};

/// A ranking weight given outside its range ([`FieldWeights::new`], [`QueryWeights::new`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WeightError {
    /// Which weight.
    pub name: &'static str,
    /// The value given.
    pub value: f32,
    /// The range it must fall in (both ends included).
    pub range: (f32, f32),
}

impl std::fmt::Display for WeightError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the ranking weight `{}` must be a number from {} to {}, not {}",
            self.name, self.range.0, self.range.1, self.value
        )
    }
}

impl std::error::Error for WeightError {}

fn in_range(name: &'static str, value: f32, lo: f32, hi: f32) -> Result<f32, WeightError> {
    if value.is_finite() && (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(WeightError {
            name,
            value,
            range: (lo, hi),
        })
    }
}

/// Index-time weights: how much a word counts by where it stands. Article lengths are counted
/// with them when the index is built, and the index keeps them ([`Index::fields`]), so that
/// scoring counts words the same way.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldWeights {
    title: f32,
    caption: f32,
}

impl FieldWeights {
    /// A word in the headline (0–10, default 1) and in a photo caption (0–10, default 0.5)
    /// against one in the body (1).
    pub fn new(title: f32, caption: f32) -> Result<FieldWeights, WeightError> {
        Ok(FieldWeights {
            title: in_range("title", title, 0.0, 10.0)?,
            caption: in_range("caption", caption, 0.0, 10.0)?,
        })
    }

    /// How much a word in the headline counts.
    pub fn title(&self) -> f32 {
        self.title
    }

    /// How much a word in a photo caption counts.
    pub fn caption(&self) -> f32 {
        self.caption
    }
}

impl Default for FieldWeights {
    fn default() -> FieldWeights {
        FieldWeights {
            title: 1.0,
            caption: 0.5,
        }
    }
}

/// Query-time knobs: BM25's and how much a looser match counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QueryWeights {
    k1: f32,
    b: f32,
    variant: f32,
    prefix: f32,
    fuzzy: f32,
}

impl QueryWeights {
    /// - `k1`, BM25 term-frequency saturation, 0–3 (default 1.2): higher lets repeated words
    ///   count longer;
    /// - `b`, BM25 length normalisation, 0–1 (default 0.75): 0 ignores article length, 1 fully
    ///   divides by it;
    /// - `variant`, the score share of a name variant (`Tikhanovskaya` for `Tsikhanouskaya`), 0–1
    ///   (default 0.9);
    /// - `prefix`, of a prefix completion (`sanct*`), 0–1 (default 0.8);
    /// - `fuzzy`, of a typo-tolerant match, 0–1 (default 0.5).
    pub fn new(
        k1: f32,
        b: f32,
        variant: f32,
        prefix: f32,
        fuzzy: f32,
    ) -> Result<Self, WeightError> {
        Ok(QueryWeights {
            k1: in_range("k1", k1, 0.0, 3.0)?,
            b: in_range("b", b, 0.0, 1.0)?,
            variant: in_range("variant", variant, 0.0, 1.0)?,
            prefix: in_range("prefix", prefix, 0.0, 1.0)?,
            fuzzy: in_range("fuzzy", fuzzy, 0.0, 1.0)?,
        })
    }

    /// BM25 term-frequency saturation.
    pub fn k1(&self) -> f32 {
        self.k1
    }

    /// BM25 length normalisation.
    pub fn b(&self) -> f32 {
        self.b
    }

    /// The score share of a name variant.
    pub fn variant(&self) -> f32 {
        self.variant
    }

    /// The score share of a prefix completion.
    pub fn prefix(&self) -> f32 {
        self.prefix
    }

    /// The score share of a typo-tolerant match.
    pub fn fuzzy(&self) -> f32 {
        self.fuzzy
    }
}

impl Default for QueryWeights {
    fn default() -> QueryWeights {
        QueryWeights {
            k1: 1.2,
            b: 0.75,
            variant: 0.9,
            prefix: 0.8,
            fuzzy: 0.5,
        }
    }
}

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

    /// The postings of term `id` (empty for an unknown id).
    pub fn get(&self, id: u32) -> List<'_> {
        const NONE: List<'static> = List {
            units: &[],
            pos_start: &[0],
            positions: &[],
        };
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
    /// Number of words of each article (headline counted by its weight).
    pub doc_len: Vec<f32>,
    /// Number of articles each term occurs in.
    pub doc_freq: Vec<u32>,
    /// Groups of terms (stems) that name the same thing, from the corpus's alias table.
    pub aliases: Vec<Vec<String>>,
    /// The field weights the lengths were counted with.
    fields: FieldWeights,
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
        let mut doc_len = Vec::with_capacity(articles.len());
        for (d, a) in articles.iter().enumerate() {
            let mut len = 0.0;
            let mut pieces: Vec<(UnitKind, &str, f32)> =
                vec![(UnitKind::Title, a.title.text.as_str(), weights.title())];
            for (i, p) in a.paragraphs.iter().enumerate() {
                if p.repeat_of.is_some() {
                    continue;
                }
                let w = match p.role {
                    Role::Body | Role::Standfirst => 1.0,
                    Role::Caption => weights.caption(),
                    Role::Credit => continue,
                };
                pieces.push((UnitKind::Paragraph(i as u32), a.slice(p.span), w));
            }
            for (kind, text, w) in pieces {
                let unit = units.len() as u32;
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
            doc_len,
            doc_freq,
            aliases: Vec::new(),
            fields: weights,
            typo: Default::default(),
        }
    }

    /// Id of a term.
    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the terms starting with `prefix`.
    pub fn prefix_ids(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start as u32..end as u32
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
    pub fn surface_prefix_ids<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.surfaces.partition_point(|(s, _)| s.as_str() < prefix);
        self.surfaces[start..]
            .iter()
            .take_while(move |(s, _)| s.starts_with(prefix))
            .map(|(_, id)| *id)
    }

    /// Terms written with a capital whose name key is `key`.
    pub fn name_variants(&self, key: &str) -> &[u32] {
        self.name_keys
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .map_or(&[], |i| &self.name_keys[i].1)
    }

    /// Number of articles containing the term.
    pub fn doc_freq(&self, term: u32) -> usize {
        self.doc_freq.get(term as usize).map_or(0, |&n| n as usize)
    }

    /// Calls `found` with the id of each term within `max` edits (adjacent transpositions count
    /// as one) of `stem`, and of each term whose written form is within `max` edits of `folded`.
    /// Only words of a length `max` or fewer bytes away are compared, and only those whose
    /// letters differ in at most `2 × max` letter-mask bits reach the edit distance.
    pub fn within_edits(&self, stem: &str, folded: &str, max: usize, mut found: impl FnMut(u32)) {
        let [terms, surfaces] = self.typo.get_or_init(|| {
            [
                ByLength::new(self.terms.iter().map(String::as_str)),
                ByLength::new(self.surfaces.iter().map(|(s, _)| s.as_str())),
            ]
        });
        terms.scan(stem, max, |i| &self.terms[i], |i| found(i as u32));
        surfaces.scan(
            folded,
            max,
            |i| &self.surfaces[i].0,
            |i| found(self.surfaces[i].1),
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

/// Compact serialization of postings, as four streams of LEB128 varints one after the other, so
/// that each holds numbers of one kind and compresses well (brotli finds the regularities of each):
/// per term the number of postings; per posting the unit as a difference from the previous one;
/// per posting the number of positions; per position the difference from the previous one. A
/// header gives the number of terms and the byte length of the first three streams.
pub mod compact {
    use super::Postings;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    fn put(out: &mut Vec<u8>, mut v: u32) {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    #[inline]
    fn get(bytes: &[u8], at: &mut usize) -> Option<u32> {
        // Most numbers take one byte.
        let first = *bytes.get(*at)?;
        if first < 0x80 {
            *at += 1;
            return Some(u32::from(first));
        }
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = *bytes.get(*at)?;
            *at += 1;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// Encodes all postings into one byte string.
    pub fn encode(postings: &Postings) -> Vec<u8> {
        let (mut lens, mut units, mut counts, mut positions) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for list in postings.iter() {
            put(&mut lens, list.len() as u32);
            let mut unit = 0;
            for (u, ps) in list.iter() {
                put(&mut units, u - unit);
                unit = u;
                put(&mut counts, ps.len() as u32);
                let mut pos = 0;
                for &x in ps {
                    put(&mut positions, x - pos);
                    pos = x;
                }
            }
        }
        let mut out =
            Vec::with_capacity(lens.len() + units.len() + counts.len() + positions.len() + 20);
        put(&mut out, postings.len() as u32);
        for stream in [&lens, &units, &counts] {
            put(&mut out, stream.len() as u32);
        }
        for stream in [lens, units, counts, positions] {
            out.extend(stream);
        }
        out
    }

    /// Reads `n` numbers written as differences from the previous one (the first from 0) and
    /// appends them to `out`; `None` unless they strictly ascend.
    fn ascending(bytes: &[u8], at: &mut usize, n: usize, out: &mut Vec<u32>) -> Option<()> {
        let mut v = 0u32;
        for k in 0..n {
            let delta = get(bytes, at)?;
            if k > 0 && delta == 0 {
                return None;
            }
            v = v.checked_add(delta)?;
            out.push(v);
        }
        Some(())
    }

    /// Decodes what [`encode`] wrote; `None` if the bytes are damaged (units or positions out of
    /// order included).
    pub fn decode(bytes: &[u8]) -> Option<Postings> {
        let mut at = 0;
        let terms = get(bytes, &mut at)? as usize;
        let mut starts = [0usize; 4];
        let mut next = 0usize;
        for s in starts.iter_mut().take(3) {
            *s = next;
            next = next.checked_add(get(bytes, &mut at)? as usize)?;
        }
        starts[3] = next;
        let body = bytes.get(at..)?;
        if next > body.len() {
            return None;
        }
        let [mut l, mut u, mut c, mut x] = starts;
        let (lens, units, counts, positions) = (
            &body[..starts[1]],
            &body[..starts[2]],
            &body[..starts[3]],
            body,
        );
        // Each posting and position takes at least one byte: the streams' lengths bound the
        // arrays, so damaged counts cannot make them huge.
        let mut out = Postings {
            term_start: Vec::with_capacity(terms.min(starts[1]) + 1),
            units: Vec::with_capacity(starts[2] - starts[1]),
            pos_start: Vec::with_capacity(starts[2] - starts[1] + 1),
            positions: Vec::with_capacity(body.len() - starts[3]),
        };
        out.term_start.push(0);
        out.pos_start.push(0);
        for _ in 0..terms {
            let n = get(lens, &mut l)? as usize;
            ascending(units, &mut u, n, &mut out.units)?;
            for _ in 0..n {
                let m = get(counts, &mut c)? as usize;
                ascending(positions, &mut x, m, &mut out.positions)?;
                out.pos_start.push(u32::try_from(out.positions.len()).ok()?);
            }
            out.term_start.push(u32::try_from(out.units.len()).ok()?);
        }
        (l == starts[1] && u == starts[2] && c == starts[3] && x == body.len()).then_some(out)
    }

    pub(super) fn serialize<S: Serializer>(postings: &Postings, s: S) -> Result<S::Ok, S::Error> {
        encode(postings).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Postings, D::Error> {
        let bytes = <&[u8]>::deserialize(d)?;
        decode(bytes).ok_or_else(|| serde::de::Error::custom("damaged postings"))
    }
}

/// Words grouped by byte length, each with its letter mask: a typo search reads only the lengths
/// it can reach.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ByLength {
    /// `starts[n]..starts[n + 1]` are the entries of words of `n` bytes.
    starts: Vec<u32>,
    /// (letter mask, index of the word in its list), by length.
    entries: Vec<(u32, u32)>,
}

impl ByLength {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> ByLength {
        let mut entries: Vec<(usize, u32, u32)> = words
            .enumerate()
            .map(|(i, w)| (w.len(), letter_mask(w), i as u32))
            .collect();
        entries.sort_by_key(|e| e.0);
        let longest = entries.last().map_or(0, |e| e.0);
        let mut starts = vec![0u32; longest + 2];
        for e in &entries {
            starts[e.0 + 1] += 1;
        }
        for n in 1..starts.len() {
            starts[n] += starts[n - 1];
        }
        ByLength {
            starts,
            entries: entries.into_iter().map(|(_, m, i)| (m, i)).collect(),
        }
    }

    fn scan<'a>(
        &self,
        typed: &str,
        max: usize,
        word: impl Fn(usize) -> &'a str,
        mut found: impl FnMut(usize),
    ) {
        let mask = letter_mask(typed);
        let lo = typed.len().saturating_sub(max).min(self.starts.len() - 1);
        let hi = (typed.len() + max + 1).min(self.starts.len() - 1);
        let range = self.starts[lo] as usize..self.starts[hi] as usize;
        for &(m, i) in &self.entries[range] {
            if (m ^ mask).count_ones() as usize <= 2 * max
                && edit_distance(typed, word(i as usize), max) <= max
            {
                found(i as usize);
            }
        }
    }
}

/// Which ASCII letters a word has, as bits; other characters share bit 26. Each edit changes at
/// most two bits, so words `k` edits apart differ in at most `2k` bits — a cheap filter before
/// [`edit_distance`].
pub fn letter_mask(word: &str) -> u32 {
    word.bytes().fold(0, |m, b| {
        m | if b.is_ascii_lowercase() {
            1 << (b - b'a')
        } else {
            1 << 26
        }
    })
}

/// Restricted Damerau–Levenshtein (optimal string alignment) distance, stopping early once it
/// must exceed `max`; returns `max + 1` then.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

fn osa<T: PartialEq>(a: &[T], b: &[T], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    // Three rows on the stack for the short words that typo tolerance compares.
    const W: usize = 48;
    if b.len() + 1 > W {
        return max + 1;
    }
    let w = b.len() + 1;
    let mut prev2 = [0usize; W];
    let mut prev = [0usize; W];
    let mut cur = [0usize; W];
    for (j, p) in prev.iter_mut().enumerate().take(w) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[b.len()].min(max + 1)
}

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

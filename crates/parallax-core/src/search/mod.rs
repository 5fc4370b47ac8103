//! Running a query over the corpus and its index: matching, BM25 ranking, passages with exact
//! highlight spans, facets, and the any-term fallback.

mod expand;
mod facets;
mod filters;
mod hint;
mod hits;
mod passages;

pub use expand::{max_edits, Expansion, MAX_PREFIX_TERMS};
pub use filters::{date_bucket, Facts, FilterError};
pub use hint::Hint;
pub use passages::SNIPPET_CHARS;

use crate::index::{Index, QueryWeights};
use crate::query::{parse, Clause, Field};
use crate::text::normalise::fold;
use crate::text::tokenize::is_stopword;
use crate::Corpus;
use expand::expand;
use facets::*;
use filters::{DateFilter, OutletFilter, StanceFilter};
use hits::*;
use serde::Serialize;

/// How a highlighted word matched its query word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same word (after folding and stemming).
    Exact,
    /// Another spelling of the same name (`Tikhanovskaya` for `Tsikhanouskaya`).
    Variant,
    /// A completion of `word*`.
    Prefix,
    /// Within the typo tolerance.
    Fuzzy,
}

/// A highlighted word in a passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Highlight {
    /// Bytes in the article's text (in the headline's text for a headline passage).
    pub start: usize,
    /// End of the bytes.
    pub end: usize,
    /// How it matched.
    pub kind: MatchKind,
    /// The query word (or phrase) it answers.
    pub query: String,
}

/// A paragraph (or the headline) of a hit, with its highlights.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    /// Paragraph index in the article, `None` for the headline.
    pub paragraph: Option<usize>,
    /// The snippet's bytes in the article's text (the paragraph, cut around the first match when
    /// long); for the headline, bytes of the headline.
    pub start: usize,
    /// End of the snippet.
    pub end: usize,
    /// Passage score (its share of the article's matches).
    pub score: f32,
    /// Highlighted words, in text order, inside the snippet.
    pub highlights: Vec<Highlight>,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Index in [`Corpus::articles`].
    pub doc: usize,
    /// Article id.
    pub id: String,
    /// BM25 score.
    pub score: f32,
    /// Best passages (by distinct query words matched, then weight), in reading order.
    pub passages: Vec<Passage>,
    /// The words of the article that matched, as written there (variants included).
    pub matched_terms: Vec<String>,
    /// The query's words (or phrases) this article lacks: empty for a full match, set for the
    /// articles that have only some of them.
    pub missing: Vec<String>,
}

/// A facet value and how many results have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// The value, as it goes in a filter (`TASS`, `2020-08`, `undated`).
    pub value: String,
    /// Number of results.
    pub count: usize,
    /// Whether a filter currently selects it.
    pub selected: bool,
}

/// Results of a query.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Results {
    /// The query as understood, in canonical form.
    pub understood: String,
    /// The best hits, best first: at most [`Options::limit`], each with its passages.
    pub hits: Vec<Hit>,
    /// How many articles match in all.
    pub total: usize,
    /// How many more articles have some but not all of the query's words. The best of them
    /// follow the full matches in [`Results::hits`] when those are fewer than the limit.
    pub partial: usize,
    /// No article had every term, so these are articles with any of them.
    pub fallback_any: bool,
    /// Short hints about the query (sentences by [`Hint`]'s `Display`).
    pub hints: Vec<Hint>,
    /// Outlet facet (counts ignore the outlet filter, respect the others).
    pub outlets: Vec<FacetValue>,
    /// Month (or year, for year-only dates) facet.
    pub dates: Vec<FacetValue>,
    /// Who takes a position (`actor:ID`), from the stance tags: how many matching articles
    /// name each actor (the outlet's own voice aside), most first. Like the other facets it
    /// counts every match the other filters admit, ignoring its own (`actor:`) filters.
    pub actors: Vec<FacetValue>,
    /// Positions on what (`stance:TARGET`): how many matching articles take a position on each
    /// target, most first; counts ignore the `stance:` filters, respect the others.
    pub stances: Vec<FacetValue>,
    /// Whether the query had anything to search for or filter by.
    pub active: bool,
}

/// Options of a search.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Ranking knobs.
    pub weights: QueryWeights,
    /// Hits returned (the best ones), each with passages and highlights.
    pub limit: usize,
    /// Passages per hit.
    pub passages: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            weights: QueryWeights::default(),
            limit: 20,
            passages: 3,
        }
    }
}

/// One positive or negative part of a query, ready to match.
enum Matcher {
    Term {
        label: String,
        exp: Expansion,
        optional: bool,
    },
    Phrase {
        label: String,
        words: Vec<Expansion>,
    },
}

impl Matcher {
    fn label(&self) -> &str {
        match self {
            Matcher::Term { label, .. } | Matcher::Phrase { label, .. } => label,
        }
    }

    fn is_optional(&self) -> bool {
        matches!(self, Matcher::Term { optional: true, .. })
    }
}

/// Units where a phrase occurs, sorted by unit, with the positions where it starts. The rarest
/// word's postings drive; the other words' postings are walked alongside with cursors (units
/// ascend in every list), so the cost is one pass over the lists, with no copying.
fn phrase_units(index: &Index, words: &[Expansion]) -> Vec<(u32, Vec<u32>)> {
    if words.is_empty() || words.iter().any(|w| w.terms.is_empty()) {
        return Vec::new();
    }
    let size = |e: &Expansion| e.terms.iter().map(|t| index.list(t.0).len()).sum::<usize>();
    let rarest = (0..words.len())
        .min_by_key(|&k| size(&words[k]))
        .unwrap_or(0);
    let mut hits: Vec<(u32, u32)> = Vec::new();
    for &(driver, _, _) in &words[rarest].terms {
        let mut cursors: Vec<Vec<usize>> = words.iter().map(|e| vec![0; e.terms.len()]).collect();
        let mut here: Vec<Vec<&[u32]>> = vec![Vec::new(); words.len()];
        let list = index.list(driver);
        for (unit, starts) in list.iter() {
            // The positions of every other word in this unit (any of its expansion terms).
            let mut all_present = true;
            for (k, e) in words.iter().enumerate() {
                here[k].clear();
                if k == rarest {
                    continue;
                }
                for (j, &(id, _, _)) in e.terms.iter().enumerate() {
                    let ps = index.list(id);
                    let c = &mut cursors[k][j];
                    *c += ps.units()[*c..].partition_point(|&q| q < unit);
                    if ps.units().get(*c) == Some(&unit) {
                        here[k].push(ps.positions(*c));
                    }
                }
                if here[k].is_empty() {
                    all_present = false;
                    break;
                }
            }
            if !all_present {
                continue;
            }
            for &pos in starts {
                let Some(start) = pos.checked_sub(rarest as u32) else {
                    continue;
                };
                let fits = (0..words.len()).all(|k| {
                    k == rarest
                        || here[k]
                            .iter()
                            .any(|list| list.binary_search(&(start + k as u32)).is_ok())
                });
                if fits {
                    hits.push((unit, start));
                }
            }
        }
    }
    hits.sort_unstable();
    hits.dedup();
    let mut out: Vec<(u32, Vec<u32>)> = Vec::new();
    for (unit, start) in hits {
        match out.last_mut() {
            Some((u, starts)) if *u == unit => starts.push(start),
            _ => out.push((unit, vec![start])),
        }
    }
    out
}

fn unit_weight(corpus: &Corpus, unit: u32) -> f32 {
    let w = corpus.index.fields();
    match corpus.facts().unit_class[unit as usize] {
        1 => w.title(),
        2 => w.caption(),
        _ => 1.0,
    }
}

/// Sums weighted occurrences per article over `(unit, count)` pairs sorted by unit, calling `sink`
/// once per article with its weighted term frequency.
fn per_doc(
    corpus: &Corpus,
    hits: impl Iterator<Item = (u32, usize)>,
    mut sink: impl FnMut(u32, f32),
) {
    let mut current: Option<(u32, f32)> = None;
    for (unit, count) in hits {
        let doc = corpus.index.units[unit as usize].doc;
        let add = unit_weight(corpus, unit) * count as f32;
        match &mut current {
            Some((d, f)) if *d == doc => *f += add,
            _ => {
                if let Some((d, f)) = current {
                    sink(d, f);
                }
                current = Some((doc, add));
            }
        }
    }
    if let Some((d, f)) = current {
        sink(d, f);
    }
}

/// [`per_doc`] over the postings of term `id`.
fn term_per_doc(corpus: &Corpus, id: u32, sink: impl FnMut(u32, f32)) {
    let list = corpus.index.list(id);
    per_doc(corpus, list.iter().map(|(unit, ps)| (unit, ps.len())), sink);
}

/// BM25's share for `f` weighted occurrences in an article whose length term is `norm`
/// (`k1 · (1 − b + b · length / average)`).
fn bm25(w: &QueryWeights, idf: f32, f: f32, norm: f32) -> f32 {
    idf * f * (w.k1() + 1.0) / (f + norm)
}

fn docs_matching(corpus: &Corpus, m: &Matcher, out: &mut [bool]) {
    let index = &corpus.index;
    match m {
        Matcher::Term { exp, .. } => {
            for &(id, _, _) in &exp.terms {
                for &unit in index.list(id).units() {
                    out[index.units[unit as usize].doc as usize] = true;
                }
            }
        }
        Matcher::Phrase { words, .. } => {
            for (u, _) in phrase_units(index, words) {
                out[index.units[u as usize].doc as usize] = true;
            }
        }
    }
}

/// A scored part of the query with, for a phrase, the units where it occurs.
type Active<'a> = (&'a Matcher, &'a [(u32, Vec<u32>)]);

/// Most clauses a query scores (one bit each).
const MAX_CLAUSES: usize = 64;

/// A stop word beside other words adds its weight when its idf is at least this (a word in about
/// 80% of the articles or fewer); the commonest ones are skipped, their weight being next to
/// nothing and their postings the longest.
const MIN_STOPWORD_IDF: f32 = 0.2;

/// Runs `input` over the corpus. Never fails; an empty or unusable query gives no hits.
pub fn search(corpus: &Corpus, input: &str, opts: &Options) -> Results {
    let index = &corpus.index;
    let w = &opts.weights;
    let q = parse(input);
    let mut res = Results {
        understood: q.to_string(),
        hints: q.hints.iter().cloned().map(Hint::from).collect(),
        ..Results::default()
    };

    let mut positive: Vec<Matcher> = Vec::new();
    let mut negative: Vec<Matcher> = Vec::new();
    let facts = corpus.facts();
    let mut outlet_filters: Vec<OutletFilter> = Vec::new();
    let mut date_filters: Vec<DateFilter> = Vec::new();
    let mut stance_filters: Vec<StanceFilter> = Vec::new();
    for c in &q.clauses {
        match c {
            Clause::Term {
                text,
                prefix,
                negated,
            } => {
                let m = Matcher::Term {
                    label: c.to_string().trim_start_matches('-').to_string(),
                    exp: expand(index, text, *prefix, !negated, w),
                    optional: !prefix && is_stopword(&fold(text)),
                };
                if *negated {
                    negative.push(m)
                } else {
                    positive.push(m)
                }
            }
            Clause::Phrase { words, negated } => {
                let m = Matcher::Phrase {
                    label: format!("\"{}\"", words.join(" ")),
                    words: words
                        .iter()
                        .map(|x| expand(index, x, false, false, w))
                        .collect(),
                };
                if *negated {
                    negative.push(m)
                } else {
                    positive.push(m)
                }
            }
            Clause::Filter {
                field: Field::Outlet,
                value,
                negated,
            } => outlet_filters.push(OutletFilter::new(facts, value, *negated)),
            Clause::Filter {
                field: Field::Date,
                value,
                negated,
            } => match DateFilter::new(value, *negated) {
                Ok(f) => date_filters.push(f),
                Err(e) => res.hints.push(e.into()),
            },
            Clause::Filter {
                field,
                value,
                negated,
            } => match StanceFilter::new(*field, value, *negated) {
                Ok(f) => stance_filters.push(f),
                Err(e) => res.hints.push(e.into()),
            },
        }
    }
    res.active = !positive.is_empty()
        || !outlet_filters.is_empty()
        || !date_filters.is_empty()
        || !stance_filters.is_empty();
    if !res.active {
        return res;
    }

    // Stop words are required only when the query has nothing else: requiring them would only
    // lose results. Beside other words they still add their BM25 weight (below).
    let all_optional = positive.iter().all(Matcher::is_optional);
    let mut scored: Vec<usize> = (0..positive.len())
        .filter(|&i| all_optional || !positive[i].is_optional())
        .collect();
    if scored.len() > MAX_CLAUSES {
        scored.truncate(MAX_CLAUSES);
        res.hints.push(Hint::TooManyWords { used: MAX_CLAUSES });
    }

    let n = corpus.articles.len();
    let avg = index.avg_doc_len();
    let norm: Vec<f32> = index
        .doc_len
        .iter()
        .map(|dl| w.k1() * (1.0 - w.b() + w.b() * dl / avg))
        .collect();
    let idf = |df: usize| (1.0 + (n as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    let mut score = vec![0f32; n];
    let mut mask = vec![0u64; n];
    let mut phrases: Vec<Vec<(u32, Vec<u32>)>> = vec![Vec::new(); positive.len()];
    for (bit, &ci) in scored.iter().enumerate() {
        let mut add = |d: u32, f: f32, weight: f32, idf: f32| {
            let d = d as usize;
            score[d] += weight * bm25(w, idf, f, norm[d]);
            mask[d] |= 1 << bit;
        };
        match &positive[ci] {
            Matcher::Term { exp, .. } => {
                for &(id, weight, _) in &exp.terms {
                    let idf = idf(index.doc_freq(id));
                    term_per_doc(corpus, id, |d, f| add(d, f, weight, idf));
                }
            }
            Matcher::Phrase { words, .. } => {
                let units = phrase_units(index, words);
                let mut docs: Vec<u32> = units
                    .iter()
                    .map(|(u, _)| index.units[*u as usize].doc)
                    .collect();
                docs.dedup();
                let idf = idf(docs.len());
                per_doc(corpus, units.iter().map(|(u, s)| (*u, s.len())), |d, f| {
                    add(d, f, 1.0, idf)
                });
                phrases[ci] = units;
            }
        }
    }

    // Stop words beside other words: not required, not highlighted, but their weight counts where
    // it is more than next to nothing (`will`, `more`, not `the`), as in plain BM25.
    if !all_optional {
        for m in positive.iter().filter(|m| m.is_optional()) {
            let Matcher::Term { exp, .. } = m else {
                continue;
            };
            for &(id, weight, _) in &exp.terms {
                let idf = idf(index.doc_freq(id));
                if idf < MIN_STOPWORD_IDF {
                    continue;
                }
                term_per_doc(corpus, id, |d, f| {
                    let d = d as usize;
                    score[d] += weight * bm25(w, idf, f, norm[d]);
                });
            }
        }
    }

    // Every scored clause is required; when no article has them all, any will do. Articles with
    // only some of them come after the full matches, when those are fewer than the limit.
    let required: u64 = if scored.len() >= 64 {
        u64::MAX
    } else {
        (1u64 << scored.len()) - 1
    };
    let mut term_docs: Vec<u32> = if scored.is_empty() {
        (0..n as u32).collect()
    } else {
        (0..n as u32)
            .filter(|&d| mask[d as usize] & required == required)
            .collect()
    };
    let mut partial_docs: Vec<u32> = Vec::new();
    if scored.len() > 1 {
        let some = (0..n as u32).filter(|&d| mask[d as usize] != 0);
        if term_docs.is_empty() {
            term_docs = some.collect();
            res.fallback_any = !term_docs.is_empty();
        } else {
            partial_docs = some
                .filter(|&d| mask[d as usize] & required != required)
                .collect();
        }
    }
    if !negative.is_empty() {
        let mut excluded = vec![false; n];
        for m in &negative {
            docs_matching(corpus, m, &mut excluded);
        }
        term_docs.retain(|&d| !excluded[d as usize]);
        partial_docs.retain(|&d| !excluded[d as usize]);
    }

    let outlet_ok = |d: u32| OutletFilter::all_admit(&outlet_filters, facts, d as usize);
    let date_ok = |d: u32| DateFilter::all_admit(&date_filters, facts, d as usize);
    facets(
        facts,
        &term_docs,
        &outlet_ok,
        &date_ok,
        &outlet_filters,
        &date_filters,
        &mut res,
    );

    let stance_ok = |d: u32| StanceFilter::all_admit(&stance_filters, corpus, d as usize);
    stance_facets(
        corpus,
        &term_docs,
        &|d| outlet_ok(d) && date_ok(d),
        &stance_filters,
        &mut res,
    );
    let admitted = |docs: Vec<u32>| -> Vec<(u32, f32)> {
        docs.into_iter()
            .filter(|&d| outlet_ok(d) && date_ok(d) && stance_ok(d))
            .map(|d| (d, score[d as usize]))
            .collect()
    };
    let full = admitted(term_docs);
    let partial = admitted(partial_docs);
    res.total = full.len();
    res.partial = partial.len();
    let by_rank = |a: &(u32, f32), b: &(u32, f32)| {
        b.1.total_cmp(&a.1).then_with(|| {
            corpus.articles[a.0 as usize]
                .id
                .cmp(&corpus.articles[b.0 as usize].id)
        })
    };
    let best = |mut ranked: Vec<(u32, f32)>, k: usize| {
        let k = k.min(ranked.len());
        if k == 0 {
            return Vec::new();
        }
        if k < ranked.len() {
            ranked.select_nth_unstable_by(k - 1, by_rank);
            ranked.truncate(k);
        }
        ranked.sort_by(by_rank);
        ranked
    };
    let mut ranked = best(full, opts.limit);
    let room = opts.limit - ranked.len();
    ranked.extend(best(partial, room));
    if ranked.is_empty() {
        return res;
    }
    let active: Vec<Active<'_>> = scored
        .iter()
        .map(|&ci| (&positive[ci], phrases[ci].as_slice()))
        .collect();
    res.hits = ranked
        .into_iter()
        .map(|(d, score)| {
            let have = mask[d as usize];
            let mut hit = Hit {
                doc: d as usize,
                id: corpus.articles[d as usize].id.clone(),
                score,
                passages: Vec::new(),
                matched_terms: Vec::new(),
                missing: active
                    .iter()
                    .enumerate()
                    .filter(|(bit, _)| have & (1 << bit) == 0)
                    .map(|(_, (m, _))| m.label().to_string())
                    .collect(),
            };
            if active.is_empty() && !stance_filters.is_empty() {
                stance_passages(corpus, &stance_filters, opts, &mut hit);
            } else {
                fill_passages(corpus, &active, opts, &mut hit);
            }
            hit
        })
        .collect();
    res
}

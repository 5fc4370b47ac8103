//! Running a query over the corpus and its index: matching, BM25 ranking, passages with exact
//! highlight spans, facets, and the any-term fallback.

use crate::index::{edit_distance, Index, UnitKind, Weights};
use crate::ingest::{Article, Precision, Role};
use crate::query::{parse, Clause, Field};
use crate::text::names::name_key;
use crate::text::normalise::fold;
use crate::text::tokenize::{analyse, is_stopword};
use crate::{Corpus, Span};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// Hits, best first (passages are filled for the first `limit`).
    pub hits: Vec<Hit>,
    /// No article had every term, so these are articles with any of them.
    pub fallback_any: bool,
    /// Short hints about the query.
    pub hints: Vec<String>,
    /// Outlet facet (counts ignore the outlet filter, respect the others).
    pub outlets: Vec<FacetValue>,
    /// Month (or year, for year-only dates) facet.
    pub dates: Vec<FacetValue>,
    /// Whether the query had anything to search for or filter by.
    pub active: bool,
}

/// Options of a search.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Ranking knobs.
    pub weights: Weights,
    /// Hits that get passages and highlights.
    pub limit: usize,
    /// Passages per hit.
    pub passages: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            weights: Weights::default(),
            limit: 20,
            passages: 3,
        }
    }
}

/// A query word expanded to index terms, with a weight each.
#[derive(Clone, Debug)]
struct Expansion {
    terms: Vec<(u32, f32, MatchKind)>,
}

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
}

fn expand(index: &Index, text: &str, prefix: bool, fuzzy: bool, w: &Weights) -> Expansion {
    let Some(t) = analyse(text, 0).into_iter().next() else {
        return Expansion { terms: Vec::new() };
    };
    let mut terms: Vec<(u32, f32, MatchKind)> = Vec::new();
    let add = |id: u32, weight: f32, kind: MatchKind, terms: &mut Vec<(u32, f32, MatchKind)>| {
        if !terms.iter().any(|(i, _, _)| *i == id) {
            terms.push((id, weight, kind));
        }
    };
    if let Some(id) = index.term_id(&t.term) {
        add(id, 1.0, MatchKind::Exact, &mut terms);
    }
    if prefix {
        let stems = index.prefix_ids(&t.folded);
        for id in stems.chain(index.surface_prefix_ids(&t.folded)).take(64) {
            add(id, w.prefix, MatchKind::Prefix, &mut terms);
        }
    }
    if t.folded.chars().count() >= 5 {
        if let Some(key) = name_key(&t.folded) {
            for &id in index.name_variants(&key) {
                add(id, w.variant, MatchKind::Variant, &mut terms);
            }
        }
    }
    let letters = t.folded.chars().count();
    if fuzzy && terms.is_empty() && letters >= 5 && t.folded.chars().all(char::is_alphabetic) {
        let max = if letters >= 8 { 2 } else { 1 };
        // Against stems (`sanctoins` → `sanction`) and against written forms (`priosners` →
        // `prisoners` → `prison`).
        let candidates = index
            .terms
            .iter()
            .enumerate()
            .map(|(id, s)| (s.as_str(), &t.term, id as u32));
        let written = index
            .surfaces
            .iter()
            .map(|(s, id)| (s.as_str(), &t.folded, *id));
        for (cand, typed, id) in candidates.chain(written) {
            let (m, n) = (cand.len(), typed.len());
            if m + max < n || m > n + max {
                continue;
            }
            if edit_distance(typed, cand, max) <= max {
                add(id, w.fuzzy, MatchKind::Fuzzy, &mut terms);
            }
        }
    }
    Expansion { terms }
}

/// Where a matcher occurs: unit → (word position, term id — `u32::MAX` for a phrase — and the
/// expansion's weight). For a phrase, the position of its first word.
type Occurrences = BTreeMap<u32, Vec<(u32, u32, f32)>>;

/// Per-unit occurrences of a matcher.
fn occurrences(index: &Index, m: &Matcher) -> Occurrences {
    // (position, term id, weight); for phrases the term id of the first word.
    let mut out: Occurrences = BTreeMap::new();
    match m {
        Matcher::Term { exp, .. } => {
            for &(id, w, _) in &exp.terms {
                for p in &index.postings[id as usize] {
                    let e = out.entry(p.unit).or_default();
                    e.extend(p.positions.iter().map(|&pos| (pos, id, w)));
                }
            }
        }
        Matcher::Phrase { words, .. } => {
            // Units where every word occurs, then consecutive positions.
            let mut per_word: Vec<HashMap<u32, BTreeSet<u32>>> = Vec::new();
            for e in words {
                let mut m: HashMap<u32, BTreeSet<u32>> = HashMap::new();
                for &(id, _, _) in &e.terms {
                    for p in &index.postings[id as usize] {
                        m.entry(p.unit)
                            .or_default()
                            .extend(p.positions.iter().copied());
                    }
                }
                per_word.push(m);
            }
            let Some(first) = per_word.first() else {
                return out;
            };
            for (&unit, starts) in first {
                for &s in starts {
                    let all = per_word.iter().enumerate().skip(1).all(|(k, m)| {
                        m.get(&unit)
                            .is_some_and(|set| set.contains(&(s + k as u32)))
                    });
                    if all {
                        out.entry(unit).or_default().push((s, u32::MAX, 1.0));
                    }
                }
            }
        }
    }
    out
}

fn unit_weight(corpus: &Corpus, index: &Index, unit: u32, w: &Weights) -> f32 {
    let u = index.units[unit as usize];
    match u.kind {
        UnitKind::Title => w.title,
        UnitKind::Paragraph(p) => match corpus.articles[u.doc as usize].paragraphs[p as usize].role
        {
            Role::Caption => w.caption,
            _ => 1.0,
        },
    }
}

/// The date bucket of an article for the date facet.
pub fn date_bucket(a: &Article) -> String {
    match (a.date.date, a.date.precision) {
        (None, _) => "undated".into(),
        (Some(d), Precision::Year) => format!("{:04}", d.year),
        (Some(d), _) => format!("{:04}-{:02}", d.year, d.month),
    }
}

fn outlet_matches(a: &Article, value: &str) -> bool {
    let v = fold(value.trim());
    a.outlets.iter().any(|o| fold(&o.name) == v)
        || (a.outlets.is_empty() && matches!(v.as_str(), "unknown" | "unknown outlet" | "none"))
}

/// First and last day an article can have been published on.
fn article_interval(a: &Article) -> Option<(String, String)> {
    let d = a.date.date?;
    Some(match a.date.precision {
        Precision::Day => (d.to_string(), d.to_string()),
        Precision::Month => (
            format!("{:04}-{:02}-01", d.year, d.month),
            format!("{:04}-{:02}-31", d.year, d.month),
        ),
        Precision::Year => (
            a.date.not_before.unwrap_or(d).to_string(),
            format!("{:04}-12-31", d.year),
        ),
    })
}

/// Whether a `date:` filter value admits the article. Values: `2020`, `2020-08`, `2020-08-14`,
/// ranges `A..B`, `..B`, `A..`, and `undated`.
fn date_matches(a: &Article, value: &str) -> Option<bool> {
    let v = value.trim();
    if matches!(v, "undated" | "none" | "unknown") {
        return Some(a.date.date.is_none());
    }
    let valid = |s: &str| {
        s.is_empty()
            || (s.len() == 4 || s.len() == 7 || s.len() == 10)
                && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    };
    let (lo, hi) = match v.split_once("..") {
        Some((lo, hi)) => (lo, hi),
        None => (v, v),
    };
    if !valid(lo) || !valid(hi) || (lo.is_empty() && hi.is_empty()) {
        return None;
    }
    let Some((start, end)) = article_interval(a) else {
        return Some(false);
    };
    // Compare as strings: a shorter bound covers everything it prefixes.
    let after_lo = lo.is_empty() || start.as_str() >= lo;
    let before_hi = hi.is_empty() || end.as_str() <= hi || end.starts_with(hi);
    Some(after_lo && before_hi)
}

/// Runs `input` over the corpus. Never fails; an empty or unusable query gives no hits.
pub fn search(corpus: &Corpus, input: &str, opts: &Options) -> Results {
    let index = &corpus.index;
    let w = &opts.weights;
    let q = parse(input);
    let mut res = Results {
        understood: q.to_string(),
        hints: q.hints.clone(),
        ..Results::default()
    };

    let mut positive: Vec<Matcher> = Vec::new();
    let mut negative: Vec<Matcher> = Vec::new();
    let mut outlet_filters: Vec<(String, bool)> = Vec::new();
    let mut date_filters: Vec<(String, bool)> = Vec::new();
    for c in &q.clauses {
        match c {
            Clause::Term { text, prefix, negated } => {
                let label = c.to_string().trim_start_matches('-').to_string();
                let folded = fold(text);
                let m = Matcher::Term {
                    label,
                    exp: expand(index, text, *prefix, !negated, w),
                    optional: !prefix && is_stopword(&folded),
                };
                if *negated { negative.push(m) } else { positive.push(m) }
            }
            Clause::Phrase { words, negated } => {
                let m = Matcher::Phrase {
                    label: format!("\"{}\"", words.join(" ")),
                    words: words.iter().map(|x| expand(index, x, false, false, w)).collect(),
                };
                if *negated { negative.push(m) } else { positive.push(m) }
            }
            Clause::Filter { field: Field::Outlet, value, negated } => outlet_filters.push((value.clone(), *negated)),
            Clause::Filter { field: Field::Date, value, negated } => {
                if corpus.articles.first().is_some_and(|a| date_matches(a, value).is_none()) {
                    res.hints.push(format!(
                        "“date:{value}” is not a date; write date:2020, date:2020-08, date:2020-08-14 or a range like date:2020-08-01..2020-08-20."
                    ));
                } else {
                    date_filters.push((value.clone(), *negated));
                }
            }
            Clause::Filter { field, .. } => res.hints.push(format!(
                "“{}:” filters need stance tagging, which is not part of this build yet; the filter was left out.",
                field.as_str()
            )),
        }
    }
    res.active = !positive.is_empty() || !outlet_filters.is_empty() || !date_filters.is_empty();
    if !res.active {
        return res;
    }

    let n_docs = corpus.articles.len();
    let occ: Vec<Occurrences> = positive.iter().map(|m| occurrences(index, m)).collect();
    let docs_of = |o: &Occurrences| -> BTreeSet<u32> {
        o.keys().map(|&u| index.units[u as usize].doc).collect()
    };
    let clause_docs: Vec<BTreeSet<u32>> = occ.iter().map(docs_of).collect();

    // AND over required clauses; stop words are optional unless the query is only stop words.
    let all_optional = positive
        .iter()
        .all(|m| matches!(m, Matcher::Term { optional: true, .. }));
    let required: Vec<usize> = (0..positive.len())
        .filter(|&i| all_optional || !matches!(positive[i], Matcher::Term { optional: true, .. }))
        .collect();
    let mut term_docs: BTreeSet<u32> = if positive.is_empty() {
        (0..n_docs as u32).collect()
    } else {
        let mut it = required.iter().map(|&i| clause_docs[i].clone());
        let first = it.next().unwrap_or_default();
        it.fold(first, |acc, s| acc.intersection(&s).copied().collect())
    };
    if term_docs.is_empty() && required.len() > 1 {
        term_docs = clause_docs.iter().flatten().copied().collect();
        res.fallback_any = !term_docs.is_empty();
    }
    for m in &negative {
        for d in docs_of(&occurrences(index, m)) {
            term_docs.remove(&d);
        }
    }

    let passes = |filters: &[(String, bool)], f: &dyn Fn(&Article, &str) -> bool, d: u32| {
        let a = &corpus.articles[d as usize];
        let (neg, pos): (Vec<_>, Vec<_>) = filters.iter().partition(|(_, n)| *n);
        (pos.is_empty() || pos.iter().any(|(v, _)| f(a, v))) && !neg.iter().any(|(v, _)| f(a, v))
    };
    let outlet_ok = |d: u32| passes(&outlet_filters, &outlet_matches, d);
    let date_ok = |d: u32| passes(&date_filters, &|a, v| date_matches(a, v).unwrap_or(true), d);

    // Facets: each ignores its own filter.
    let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
    let mut dates: BTreeMap<String, usize> = BTreeMap::new();
    for &d in &term_docs {
        let a = &corpus.articles[d as usize];
        if date_ok(d) {
            let names: BTreeSet<&str> = a.outlets.iter().map(|o| o.name.as_str()).collect();
            if names.is_empty() {
                *outlets.entry("Unknown outlet".into()).or_default() += 1;
            }
            for n in names {
                *outlets.entry(n.to_string()).or_default() += 1;
            }
        }
        if outlet_ok(d) {
            *dates.entry(date_bucket(a)).or_default() += 1;
        }
    }
    let selected =
        |filters: &[(String, bool)], v: &str| filters.iter().any(|(f, n)| !n && fold(f) == fold(v));
    res.outlets = outlets
        .into_iter()
        .map(|(value, count)| FacetValue {
            selected: selected(&outlet_filters, &value),
            value,
            count,
        })
        .collect();
    res.outlets
        .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    res.dates = dates
        .into_iter()
        .map(|(value, count)| FacetValue {
            selected: selected(&date_filters, &value),
            value,
            count,
        })
        .collect();

    let final_docs: Vec<u32> = term_docs
        .into_iter()
        .filter(|&d| outlet_ok(d) && date_ok(d))
        .collect();

    // BM25 per article.
    let avg = index.avg_doc_len();
    let n = n_docs as f32;
    let idf = |df: usize| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    let mut scored: Vec<(u32, f32)> = final_docs
        .iter()
        .map(|&d| {
            let dl = index.doc_len[d as usize];
            let norm = w.k1 * (1.0 - w.b + w.b * dl / avg);
            let mut score = 0.0;
            for o in &occ {
                // Term-frequency per expansion term within this article.
                let mut tf: BTreeMap<u32, (f32, f32)> = BTreeMap::new();
                for (&u, hits) in o.range(first_unit(index, d)..=last_unit(index, d)) {
                    let uw = unit_weight(corpus, index, u, w);
                    for &(_, id, weight) in hits {
                        let e = tf.entry(id).or_insert((0.0, weight));
                        e.0 += uw;
                    }
                }
                let docs_with = o
                    .keys()
                    .map(|&u| index.units[u as usize].doc)
                    .collect::<BTreeSet<_>>()
                    .len();
                for (id, (f, weight)) in tf {
                    let df = if id == u32::MAX {
                        docs_with
                    } else {
                        index.doc_freq(id)
                    };
                    score += weight * idf(df) * f * (w.k1 + 1.0) / (f + norm);
                }
            }
            (d, score)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            corpus.articles[a.0 as usize]
                .id
                .cmp(&corpus.articles[b.0 as usize].id)
        })
    });

    res.hits = scored
        .iter()
        .enumerate()
        .map(|(rank, &(d, score))| {
            let article = &corpus.articles[d as usize];
            let mut hit = Hit {
                doc: d as usize,
                id: article.id.clone(),
                score,
                passages: Vec::new(),
                matched_terms: Vec::new(),
            };
            if rank < opts.limit {
                fill_passages(corpus, &positive, &occ, d, opts, &mut hit);
            }
            hit
        })
        .collect();
    res
}

/// Units of an article are contiguous: the first one.
fn first_unit(index: &Index, doc: u32) -> u32 {
    index.units.partition_point(|u| u.doc < doc) as u32
}

fn last_unit(index: &Index, doc: u32) -> u32 {
    (index.units.partition_point(|u| u.doc <= doc) as u32).saturating_sub(1)
}

fn fill_passages(
    corpus: &Corpus,
    positive: &[Matcher],
    occ: &[Occurrences],
    d: u32,
    opts: &Options,
    hit: &mut Hit,
) {
    let index = &corpus.index;
    let article = &corpus.articles[d as usize];
    let (lo, hi) = (first_unit(index, d), last_unit(index, d));
    if lo > hi {
        return;
    }
    // Score units: distinct clauses matched first, then weighted occurrences.
    let mut units: BTreeMap<u32, (usize, f32)> = BTreeMap::new();
    for o in occ {
        for (&u, hits) in o.range(lo..=hi) {
            let e = units.entry(u).or_default();
            e.0 += 1;
            e.1 += hits.iter().map(|h| h.2).sum::<f32>();
        }
    }
    let mut ranked: Vec<(u32, (usize, f32))> = units.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(b.1 .1.total_cmp(&a.1 .1))
            .then(a.0.cmp(&b.0))
    });
    // The best passages, shown in reading order.
    ranked.truncate(opts.passages);
    ranked.sort_by_key(|r| r.0);
    let mut seen_terms: Vec<String> = Vec::new();
    for (u, (_, score)) in ranked {
        let unit = index.units[u as usize];
        let (paragraph, span) = match unit.kind {
            UnitKind::Title => (None, None),
            UnitKind::Paragraph(p) => (Some(p as usize), Some(article.paragraphs[p as usize].span)),
        };
        let text = span.map_or(article.title.text.as_str(), |s| article.slice(s));
        let offset = span.map_or(0, |s| s.start);
        let analysed = analyse(text, 0);
        let mut highlights = Vec::new();
        for (m, o) in positive.iter().zip(occ) {
            let Some(hits) = o.get(&u) else { continue };
            let len = match m {
                Matcher::Phrase { words, .. } => words.len(),
                Matcher::Term { .. } => 1,
            };
            for &(pos, id, _) in hits {
                let kind = match m {
                    Matcher::Term { exp, .. } => exp
                        .terms
                        .iter()
                        .find(|t| t.0 == id)
                        .map_or(MatchKind::Exact, |t| t.2),
                    Matcher::Phrase { .. } => MatchKind::Exact,
                };
                let toks = &analysed
                    [(pos as usize).min(analysed.len())..(pos as usize + len).min(analysed.len())];
                if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
                    highlights.push(Highlight {
                        start: offset + first.span.start,
                        end: offset + last.span.end,
                        kind,
                        query: m.label().to_string(),
                    });
                }
            }
        }
        highlights.sort_by_key(|h| (h.start, h.end));
        highlights.dedup_by(|a, b| a.start < b.end && a.start >= b.start);
        for h in &highlights {
            let surface = if paragraph.is_some() {
                article.text[h.start..h.end].to_string()
            } else {
                article.title.text[h.start..h.end].to_string()
            };
            if !seen_terms.contains(&surface) {
                seen_terms.push(surface);
            }
        }
        let (start, end) = match span {
            Some(s) => snippet_window(&article.text, s, highlights.first().map(|h| h.start)),
            None => (0, article.title.text.len()),
        };
        highlights.retain(|h| h.start >= start && h.end <= end);
        hit.passages.push(Passage {
            paragraph,
            start,
            end,
            score,
            highlights,
        });
    }
    hit.matched_terms = seen_terms;
}

/// At most [`SNIPPET_CHARS`] of a paragraph, around the first highlight, cut at word boundaries.
pub const SNIPPET_CHARS: usize = 320;

fn snippet_window(text: &str, span: Span, focus: Option<usize>) -> (usize, usize) {
    let para = &text[span.start..span.end];
    if para.chars().count() <= SNIPPET_CHARS {
        return (span.start, span.end);
    }
    let focus = focus.unwrap_or(span.start).clamp(span.start, span.end);
    let mut start = focus.saturating_sub(SNIPPET_CHARS / 3).max(span.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > span.start {
        start = text[start..focus.max(start)]
            .find(' ')
            .map_or(start, |i| start + i + 1);
    }
    let mut end = (start + SNIPPET_CHARS).min(span.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < span.end {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    (start, end)
}

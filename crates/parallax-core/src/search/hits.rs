//! A hit's passages: the paragraphs that match, with their highlights and snippets, and the
//! sentences a stance filter asks for.

use super::*;
use crate::index::{Index, UnitKind};
use crate::text::tokenize::word_spans;
use crate::Corpus;
use filters::StanceFilter;
use std::collections::BTreeMap;

pub(super) fn fill_passages(corpus: &Corpus, active: &[Active<'_>], opts: &Options, hit: &mut Hit) {
    let index = &corpus.index;
    let article = &corpus.articles[hit.doc];
    // Passages are read from the text: one not fetched yet (a corpus in static files) is asked
    // for, and the hit has no passages until it is in.
    if article.text.held().is_none() {
        let _ = article.text.len();
        return;
    }
    let units = index.doc_units(hit.doc as u32);
    // Score the article's units: distinct query parts matched first, then weighted occurrences.
    let mut by_unit: BTreeMap<u32, (usize, f32)> = BTreeMap::new();
    for (m, phrase) in active {
        let mut here: BTreeMap<u32, f32> = BTreeMap::new();
        match m {
            Matcher::Term { exp, .. } => {
                for &(id, weight, _) in &exp.terms {
                    for (unit, ps) in index.list(id).within(&units).iter() {
                        *here.entry(unit).or_default() += weight * ps.len() as f32;
                    }
                }
            }
            Matcher::Phrase { .. } => {
                let lo = phrase.partition_point(|(u, _)| *u < units.start);
                for (u, starts) in phrase[lo..].iter().take_while(|(u, _)| *u < units.end) {
                    *here.entry(*u).or_default() += starts.len() as f32;
                }
            }
        }
        for (u, s) in here {
            let e = by_unit.entry(u).or_default();
            e.0 += 1;
            e.1 += s;
        }
    }
    let mut ranked: Vec<(u32, (usize, f32))> = by_unit.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(b.1 .1.total_cmp(&a.1 .1))
            .then(a.0.cmp(&b.0))
    });
    // The best passages, shown in reading order.
    ranked.truncate(opts.passages);
    ranked.sort_by_key(|r| r.0);
    for (u, (_, score)) in ranked {
        let (paragraph, span) = match index.units[u as usize].kind {
            UnitKind::Title => (None, None),
            // A paragraph not held yet (its text part is being fetched) reads as the headline.
            UnitKind::Paragraph(p) => match article.paragraphs.get(p as usize) {
                Some(x) => (Some(p as usize), Some(x.span)),
                None => (None, None),
            },
        };
        let text = span.map_or(article.title.text.as_str(), |s| article.slice(s));
        let offset = span.map_or(0, |s| s.start);
        let mut highlights = highlight(index, u, text, active);
        for h in &mut highlights {
            h.start += offset;
            h.end += offset;
        }
        for h in &highlights {
            let surface = &text[h.start - offset..h.end - offset];
            if !hit.matched_terms.iter().any(|t| t == surface) {
                hit.matched_terms.push(surface.to_string());
            }
        }
        let (start, end) = match span {
            Some(s) => {
                passages::snippet_window(&article.text, s, highlights.first().map(|h| h.start))
            }
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
}

/// Marks the words of unit `u` (whose text is `text`) that the query's parts match, from the
/// positions in the index (phrases as one span).
pub(super) fn highlight(
    index: &Index,
    u: u32,
    text: &str,
    active: &[Active<'_>],
) -> Vec<Highlight> {
    let spans = word_spans(text);
    let one = u..u + 1;
    let mut out: Vec<Highlight> = Vec::new();
    let mut mark = |first: u32, len: usize, kind: MatchKind, query: &str| {
        let (a, b) = (first as usize, first as usize + len - 1);
        if let (Some(s), Some(e)) = (spans.get(a), spans.get(b)) {
            out.push(Highlight {
                start: s.start,
                end: e.end,
                kind,
                query: query.to_string(),
            });
        }
    };
    for (m, phrase) in active {
        match m {
            Matcher::Term { exp, label, .. } => {
                for &(id, _, kind) in &exp.terms {
                    for (_, ps) in index.list(id).within(&one).iter() {
                        for &pos in ps {
                            mark(pos, 1, kind, label);
                        }
                    }
                }
            }
            Matcher::Phrase { words, label } => {
                if let Ok(i) = phrase.binary_search_by_key(&u, |(unit, _)| *unit) {
                    for &start in &phrase[i].1 {
                        mark(start, words.len(), MatchKind::Exact, label);
                    }
                }
            }
        }
    }
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    // Keep the outermost of overlapping marks.
    let mut kept: Vec<Highlight> = Vec::with_capacity(out.len());
    for h in out {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

/// For a search by stance or actor alone: the tagged sentences are the passages, their cue words
/// highlighted.
pub(super) fn stance_passages(
    corpus: &Corpus,
    filters: &[StanceFilter],
    opts: &Options,
    hit: &mut Hit,
) {
    // The passages are shown from the text: a corpus in static files is asked for it.
    let _ = corpus.articles[hit.doc].text.len();
    let tags = corpus.stances.get(hit.doc).unwrap_or_default();
    for t in tags
        .iter()
        .filter(|t| filters.iter().any(|f| f.selects(corpus, &t.key())))
        .take(opts.passages)
    {
        let mut cues: Vec<crate::Span> = t.cues.clone();
        cues.sort_by_key(|c| c.start);
        cues.dedup_by(|a, b| a.start < b.end);
        let highlights = cues
            .into_iter()
            .map(|c| Highlight {
                start: c.start,
                end: c.end,
                kind: MatchKind::Exact,
                query: t.rule.to_string(),
            })
            .collect();
        hit.passages.push(Passage {
            paragraph: Some(t.paragraph),
            start: t.span.start,
            end: t.span.end,
            score: t.confidence,
            highlights,
        });
        let who = t.actor_surface.to_string();
        if !who.is_empty() && !hit.matched_terms.contains(&who) {
            hit.matched_terms.push(who);
        }
    }
}

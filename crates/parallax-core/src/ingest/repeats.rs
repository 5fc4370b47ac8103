//! Paragraphs repeated inside one article (copy-paste slips, a standfirst that reappears as the
//! lead).
//!
//! Measure: the share of a paragraph's word pairs (bigrams, counted with multiplicity) that also
//! occur in another paragraph — its *containment* in that paragraph. At or above
//! [`REPEAT_CONTAINMENT`], the paragraph is a repeat: of the earlier one when both contain each
//! other (the later copy is the repeat, but a standfirst is the repeat of the body paragraph that
//! restates it), otherwise of the one that contains it.

use super::{Paragraph, Repeat, Role};
use crate::text::tokenize::tokens;
use std::collections::HashMap;

/// Containment (0–1) at which a paragraph counts as a repeat of another.
pub const REPEAT_CONTAINMENT: f32 = 0.8;
/// Paragraphs with fewer words than this are never marked (short lines repeat by chance).
pub const MIN_WORDS: usize = 6;

/// Word pairs, each hashed to 64 bits (FNV-1a over both words), with their counts.
fn bigrams(text: &str) -> HashMap<u64, u32> {
    let hash = |w: &str, h: u64| {
        w.bytes()
            .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    };
    let words: Vec<String> = tokens(text).into_iter().map(|t| t.text).collect();
    let mut out = HashMap::new();
    for w in words.windows(2) {
        let h = hash(&w[1], hash(&w[0], 0xcbf2_9ce4_8422_2325) ^ 0xff);
        *out.entry(h).or_insert(0) += 1;
    }
    out
}

fn containment(a: &HashMap<u64, u32>, b: &HashMap<u64, u32>) -> f32 {
    let total: u32 = a.values().sum();
    if total == 0 {
        return 0.0;
    }
    let shared: u32 = a
        .iter()
        .map(|(k, n)| (*n).min(*b.get(k).unwrap_or(&0)))
        .sum();
    shared as f32 / total as f32
}

/// Sets [`Paragraph::repeat_of`] on every standfirst or body paragraph that repeats another.
pub fn mark(text: &str, paragraphs: &mut [Paragraph]) {
    let candidates: Vec<usize> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches!(p.role, Role::Body | Role::Standfirst)
                && text[p.span.start..p.span.end].split_whitespace().count() >= MIN_WORDS
        })
        .map(|(i, _)| i)
        .collect();
    let grams: Vec<_> = candidates
        .iter()
        .map(|&i| bigrams(&text[paragraphs[i].span.start..paragraphs[i].span.end]))
        .collect();
    for (ci, &i) in candidates.iter().enumerate() {
        let mut best: Option<Repeat> = None;
        for (cj, &j) in candidates.iter().enumerate() {
            if i == j {
                continue;
            }
            let here_in_there = containment(&grams[ci], &grams[cj]);
            if here_in_there < REPEAT_CONTAINMENT {
                continue;
            }
            let there_in_here = containment(&grams[cj], &grams[ci]);
            let mutual = there_in_here >= REPEAT_CONTAINMENT;
            // Mutual copies: a standfirst that the body repeats is the repeat (the body keeps the
            // full text); otherwise the later copy is. Without mutual containment, the contained
            // paragraph is the repeat.
            let is_repeat = if mutual {
                match (paragraphs[i].role, paragraphs[j].role) {
                    (Role::Standfirst, Role::Body) => true,
                    (Role::Body, Role::Standfirst) => false,
                    _ => j < i,
                }
            } else {
                here_in_there > there_in_here
            };
            if is_repeat && best.is_none_or(|b| here_in_there > b.containment) {
                best = Some(Repeat {
                    paragraph: j,
                    containment: here_in_there,
                });
            }
        }
        paragraphs[i].repeat_of = best;
    }
    // A repeat points at an original, never at another repeat.
    for i in 0..paragraphs.len() {
        let mut hops = 0;
        while let Some(r) = paragraphs[i].repeat_of {
            match paragraphs[r.paragraph].repeat_of {
                Some(next) if hops < paragraphs.len() && next.paragraph != i => {
                    paragraphs[i].repeat_of = Some(Repeat {
                        paragraph: next.paragraph,
                        containment: r.containment,
                    });
                    hops += 1;
                }
                _ => break,
            }
        }
    }
}

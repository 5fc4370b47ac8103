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

/// For each paragraph, the others that can contain at least [`REPEAT_CONTAINMENT`] of its word
/// pairs, in order (itself left out). Exact, not a guess: a paragraph that contains none of `a`'s
/// rarest pairs, taken until they hold more than the share `1 − REPEAT_CONTAINMENT` of its pairs,
/// lacks more than that share and cannot reach the threshold; so only paragraphs holding one of
/// those pairs are measured. Rare pairs have short lists, so a long article is not measured
/// pair by pair against every paragraph (which is quadratic).
fn likely_containers(grams: &[HashMap<u64, u32>]) -> Vec<Vec<usize>> {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, g) in grams.iter().enumerate() {
        for k in g.keys() {
            postings.entry(*k).or_default().push(i);
        }
    }
    grams
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let total: u32 = g.values().sum();
            let mut rare: Vec<(usize, u64, u32)> =
                g.iter().map(|(k, n)| (postings[k].len(), *k, *n)).collect();
            rare.sort_unstable();
            let allowed = (1.0 - REPEAT_CONTAINMENT) * total as f32;
            let mut taken = 0u32;
            let mut out: Vec<usize> = Vec::new();
            for (_, k, n) in rare {
                out.extend(postings[&k].iter().filter(|&&j| j != i));
                taken += n;
                // One pair more than the bound needs, so that rounding never drops a container.
                if taken as f32 > allowed + 1.0 {
                    break;
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect()
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
    let others = likely_containers(&grams);
    for (ci, &i) in candidates.iter().enumerate() {
        let mut best: Option<Repeat> = None;
        for &cj in &others[ci] {
            let j = candidates[cj];
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair measured, as before the candidates were narrowed.
    fn all_pairs(grams: &[HashMap<u64, u32>]) -> Vec<Vec<usize>> {
        (0..grams.len())
            .map(|i| (0..grams.len()).filter(|&j| j != i).collect())
            .collect()
    }

    /// The containers found among the candidates are exactly those found by measuring every pair.
    #[test]
    fn narrowing_the_candidates_loses_no_container() {
        let base =
            "the harbour board met on tuesday and approved the dredging plan for the east quay";
        let cases: Vec<(&str, Vec<String>)> = vec![
            (
                "a copy",
                vec![
                    base.into(),
                    "an unrelated line about ferries and tides and gulls today".into(),
                    base.into(),
                ],
            ),
            (
                "a copy with a word changed",
                vec![base.into(), base.replace("tuesday", "monday")],
            ),
            (
                "one contains the other",
                vec![
                    base.into(),
                    format!("{base} while the pilots waited outside the hall"),
                ],
            ),
            (
                "exactly at the threshold",
                vec![
                    "a b c d e f g h i j k".into(),
                    "a b c d e f g h i x y".into(),
                ],
            ),
            (
                "common pairs everywhere",
                (0..40)
                    .map(|n| {
                        format!(
                            "of the harbour of the quay of the {n} tide of the {} gull",
                            n * 7
                        )
                    })
                    .collect(),
            ),
            (
                "no repeats",
                (0..30)
                    .map(|n| format!("line {n} says {} things about {} boats", n * 3, n * 5))
                    .collect(),
            ),
        ];
        for (case, paragraphs) in cases {
            let grams: Vec<_> = paragraphs.iter().map(|p| bigrams(p)).collect();
            let containers = |lists: &[Vec<usize>]| -> Vec<Vec<usize>> {
                lists
                    .iter()
                    .enumerate()
                    .map(|(i, js)| {
                        js.iter()
                            .copied()
                            .filter(|&j| containment(&grams[i], &grams[j]) >= REPEAT_CONTAINMENT)
                            .collect()
                    })
                    .collect()
            };
            let narrowed = likely_containers(&grams);
            assert_eq!(
                containers(&narrowed),
                containers(&all_pairs(&grams)),
                "{case}"
            );
            assert!(
                narrowed.iter().all(|js| js.windows(2).all(|w| w[0] < w[1])),
                "{case}: in order"
            );
        }
    }
}

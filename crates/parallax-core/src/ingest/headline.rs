//! Which line is the headline, where the story starts, and which lines around them are the
//! page's chrome: a section label, a line before the headline, the headline printed again, a
//! list of other stories' headlines.

use super::layout::{dateline_in, word_count};
use super::lines::{is_prose_line, is_title_like, Unit};
use crate::Span;

/// The headline's unit, the unit the story starts at, and which units are prose.
pub(super) struct Choice {
    /// Index of the headline's unit.
    pub title: Option<usize>,
    /// Index of the first prose unit of the story.
    pub start: usize,
    /// Per unit: a paragraph of prose.
    pub prose: Vec<bool>,
}

/// Chooses the headline: the first headline-like line that the article's prose follows (see
/// the README's "How it works"). Captions printed twice are marked on the way.
pub(super) fn choose(text: &str, units: &mut [(Span, Unit)]) -> Choice {
    // A line printed twice in a row (an image's alternative text and its caption): a caption.
    for i in 0..units.len().saturating_sub(1) {
        let (a, b) = (units[i].0, units[i + 1].0);
        if matches!(units[i].1, Unit::Text | Unit::Caption)
            && matches!(units[i + 1].1, Unit::Text)
            && text[a.start..a.end].trim() == text[b.start..b.end].trim()
            && is_prose_line(&text[a.start..a.end])
        {
            units[i].1 = Unit::Caption;
            units[i + 1].1 = Unit::Caption;
        }
    }
    // A caption printed twice, once without its credit: the bare copy is a caption too.
    for i in 0..units.len().saturating_sub(1) {
        let (a, b) = (units[i].0, units[i + 1].0);
        if matches!(units[i].1, Unit::Text)
            && matches!(units[i + 1].1, Unit::Caption)
            && text[b.start..b.end].starts_with(text[a.start..a.end].trim())
        {
            units[i].1 = Unit::Caption;
        }
    }

    // Where the article starts: the first prose unit followed (past credits, captions, stamps and
    // chrome) by more prose or by nothing; the headline is the last headline-like line before it.
    let is_text = |u: &Unit| matches!(u, Unit::Text);
    let units_ro: &[(Span, Unit)] = units;
    let text_at = |i: usize| &text[units_ro[i].0.start..units_ro[i].0.end];
    let prose: Vec<bool> = (0..units.len())
        .map(|i| is_text(&units[i].1) && is_prose_line(text_at(i)))
        .collect();
    let next_text = |i: usize| (i + 1..units.len()).find(|&j| is_text(&units[j].1));
    let start = (0..units.len())
        .find(|&i| prose[i] && next_text(i).is_none_or(|j| prose[j]))
        .or_else(|| prose.iter().position(|p| *p))
        .unwrap_or(units.len());
    // The headline: the first headline-like line that is followed by the article's prose (at
    // least 25 words of it before the next headline-like line), looked for until 150 words of
    // prose have gone by; else the one followed by the most prose.
    // A line of prose length is a headline only as the file's first text, and only when it does
    // not read as a lead sentence (reported speech: `that`, `said`, `noted`, `told`).
    let first_text = (0..units.len()).find(|&i| is_text(&units[i].1));
    let candidate = |i: usize| {
        let t = text_at(i);
        let long = prose[i];
        let lead_like = [
            " that ",
            " said",
            " says",
            " noted",
            " told",
            " according to",
        ]
        .iter()
        .any(|w| t.contains(w));
        is_text(&units[i].1)
            && is_title_like(t)
            && (!long || (Some(i) == first_text && !lead_like))
            && dateline_in(text, units[i].0).is_none()
    };
    let mut title_at = None;
    let mut best: Option<(usize, usize)> = None;
    let mut seen_prose = 0;
    for i in 0..units.len() {
        if seen_prose >= 150 {
            break;
        }
        if prose[i] && !candidate(i) {
            seen_prose += word_count(text_at(i));
            continue;
        }
        if !candidate(i) || word_count(text_at(i)) < 4 && title_at.is_none() && best.is_some() {
            continue;
        }
        let following: usize = (i + 1..units.len())
            .take_while(|&j| {
                !candidate(j)
                    || word_count(text_at(j)) < 4
                    || text_at(j).trim() == text_at(i).trim()
            })
            .filter(|&j| prose[j])
            .map(|j| word_count(text_at(j)))
            .sum();
        if following >= 25 && word_count(text_at(i)) >= 4 {
            title_at = Some(i);
            break;
        }
        // A headline over a standfirst that has no full stop: the shorter line right above a
        // longer headline-like line that the prose follows.
        if following == 0 && word_count(text_at(i)) >= 4 {
            if let Some(j) = next_text(i).filter(|&j| candidate(j)) {
                let after: usize = (j + 1..units.len())
                    .take_while(|&k| !candidate(k) || word_count(text_at(k)) < 4)
                    .filter(|&k| prose[k])
                    .map(|k| word_count(text_at(k)))
                    .sum();
                if after >= 25 && word_count(text_at(j)) > word_count(text_at(i)) {
                    title_at = Some(i);
                    break;
                }
            }
        }
        if following > 0 && best.is_none_or(|(_, w)| following > w) {
            best = Some((i, following));
        }
    }
    // A file that opens with its headline, however short the story after it.
    let opening = (units.len() > 1
        && is_text(&units[0].1)
        && is_title_like(text_at(0))
        && !prose[0]
        && dateline_in(text, units[0].0).is_none())
    .then_some(0);
    let title_at = title_at.or(best.map(|b| b.0)).or(opening);
    let start = title_at
        .and_then(|t| (t + 1..units.len()).find(|&j| prose[j]))
        .unwrap_or(start);
    Choice {
        title: title_at,
        start,
        prose,
    }
}

/// Marks the chrome around the headline: lines before it, short section labels before the
/// story, the headline printed again, and runs of three or more headline-like lines after the
/// story has begun (other stories' headlines).
pub(super) fn mark_chrome(
    text: &str,
    units: &mut [(Span, Unit)],
    title_at: Option<usize>,
    title_text: Option<&str>,
    start: usize,
    prose: &[bool],
) {
    let is_text = |u: &Unit| matches!(u, Unit::Text);
    let body_from = title_at
        .map_or(0, |t| t + 1)
        .max(start.min(title_at.map_or(0, |t| t + 1)));
    for i in 0..units.len() {
        if title_at == Some(i) {
            continue;
        }
        let before_title = title_at.is_some_and(|t| i < t);
        let before_start = i < start;
        if is_text(&units[i].1) {
            let t = &text[units[i].0.start..units[i].0.end];
            let repeats_title = title_text == Some(t.trim().to_lowercase().as_str());
            if repeats_title {
                units[i].1 = Unit::Chrome("repeats the headline".into());
            } else if before_title
                || (before_start && i >= body_from && !prose[i] && word_count(t) <= 3)
            {
                units[i].1 = Unit::Chrome(if before_title {
                    "a line of the page before the headline".into()
                } else {
                    "a section label of the site".into()
                });
            } else if before_start && title_at.is_none() && !prose[i] && word_count(t) <= 3 {
                units[i].1 = Unit::Chrome("a section label of the site".into());
            }
        }
    }

    // A run of three or more headline-like lines after the story has begun: other stories' headlines.
    let mut i = start.max(title_at.map_or(0, |t| t + 1));
    while i < units.len() {
        let run_end = (i..units.len())
            .find(|&j| {
                !(is_text(&units[j].1)
                    && is_title_like(&text[units[j].0.start..units[j].0.end])
                    && !is_prose_line(&text[units[j].0.start..units[j].0.end]))
            })
            .unwrap_or(units.len());
        if run_end - i >= 3 {
            for unit in &mut units[i..run_end] {
                unit.1 = Unit::Chrome("a list of other stories' headlines".into());
            }
        }
        i = run_end.max(i + 1);
    }
}

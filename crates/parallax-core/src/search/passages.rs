//! Snippets: a window of a paragraph around its first match.

use crate::Span;

/// At most [`SNIPPET_CHARS`] of a paragraph, around the first highlight, cut at word boundaries.
pub const SNIPPET_CHARS: usize = 320;

pub(super) fn snippet_window(text: &str, span: Span, focus: Option<usize>) -> (usize, usize) {
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

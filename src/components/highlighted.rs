//! A snippet with its matches marked, built as text and `<mark>` nodes (never as HTML).

use leptos::prelude::*;
use parallax_core::search::{Highlight, MatchKind};

fn describe(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Exact => "exact",
        MatchKind::Variant => "variant",
        MatchKind::Prefix => "prefix",
        MatchKind::Fuzzy => "fuzzy",
    }
}

/// `text[start..end]` with `highlights` (sorted, inside the range) marked; an ellipsis shows where
/// the snippet cuts the paragraph.
pub fn highlighted(
    text: &str,
    start: usize,
    end: usize,
    // Where the whole paragraph starts and ends, to show cuts.
    bounds: (usize, usize),
    highlights: Vec<Highlight>,
) -> impl IntoView {
    let mut pieces = Vec::new();
    let mut pos = start;
    for h in highlights {
        if h.start < pos || h.end > end {
            continue;
        }
        if h.start > pos {
            pieces.push(text[pos..h.start].to_string().into_any());
        }
        let label = match h.kind {
            MatchKind::Exact => format!("matches {}", h.query),
            kind => format!("matches {} ({} match)", h.query, describe(kind)),
        };
        pieces.push(
            view! { <mark class=describe(h.kind) title=label>{text[h.start..h.end].to_string()}</mark> }.into_any(),
        );
        pos = h.end;
    }
    if pos < end {
        pieces.push(text[pos..end].to_string().into_any());
    }
    view! {
        <span class="snippet">
            {(start > bounds.0).then_some("… ")}
            {pieces}
            {(end < bounds.1).then_some(" …")}
        </span>
    }
}

//! The range controls under the timeline: a chip per month (or year) with articles, and two
//! date inputs. Each changes the range in the URL, like the timeline's brush.

use super::coverage_href;
use crate::Route;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use parallax_core::coverage::{DateRange, Timeline};
use parallax_core::date::Date;
use parallax_core::ingest::Precision;
use parallax_core::view_state::CoverageState;
use parallax_core::Corpus;
use std::sync::Arc;

/// Goes to the coverage view with another date range, keeping the scroll position.
pub(super) fn range_navigator(
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl Fn(DateRange) + Clone + 'static {
    let navigate = use_navigate();
    move |range: DateRange| {
        let url = route.with_untracked(|r| {
            coverage_href(
                r,
                CoverageState {
                    range,
                    ..state.get_untracked()
                },
            )
        });
        navigate(
            &url,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    }
}

/// Months (or years, for articles dated only to the year) with articles, as quick ranges.
fn presets(corpus: &Corpus, t: &Timeline) -> Vec<(String, DateRange, usize)> {
    let mut out: Vec<(String, DateRange, usize)> = Vec::new();
    for item in &t.items {
        let a = &corpus.articles[item.doc];
        let d = item.first;
        let (label, range) = if a.date.precision == Precision::Year {
            (
                d.year.to_string(),
                DateRange {
                    from: Date::new(d.year, 1, 1),
                    to: Date::new(d.year, 12, 31),
                },
            )
        } else {
            let from = Date::new(d.year, d.month, 1);
            let to = if d.month == 12 {
                Date::new(d.year + 1, 1, 1)
            } else {
                Date::new(d.year, d.month + 1, 1)
            }
            .map(|n| n.add_days(-1));
            let month = from.map(|f| f.human()).unwrap_or_default();
            (
                month
                    .split_once(' ')
                    .map_or(month.clone(), |x| x.1.to_string()),
                DateRange { from, to },
            )
        };
        match out.iter_mut().find(|p| p.0 == label) {
            Some(p) => p.2 += 1,
            None => out.push((label, range, 1)),
        }
    }
    out.sort_by_key(|p| p.1.from);
    out
}

#[component]
pub(super) fn RangeControls(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let t = corpus.timeline();
    let go = range_navigator(route, state);
    let chips = presets(&corpus, t)
        .into_iter()
        .map(|(label, r, n)| {
            let link = move || route.with(|rt| coverage_href(rt, CoverageState { range: r, ..state.get() }));
            let current = move || state.with(|s| s.range == r);
            view! {
                <li><a href=link class="chip" data-noscroll="" aria-current=move || current().then_some("true") data-testid="range-preset">
                    {label.clone()} " " <span class="count">{n}</span>
                </a></li>
            }
        })
        .collect_view();
    let (min, max) = (t.start.to_string(), t.end.to_string());
    let set_from = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let from = Date::parse_iso(&event_target_value(&ev));
            go(DateRange {
                from,
                ..state.get_untracked().range
            });
        }
    };
    let set_to = move |ev: leptos::ev::Event| {
        let to = Date::parse_iso(&event_target_value(&ev));
        go(DateRange {
            to,
            ..state.get_untracked().range
        });
    };
    view! {
        <div class="range-controls">
            <ul class="chips" aria-label="Limit to a period">{chips}</ul>
            <label>"From " <input type="date" min=min.clone() max=max.clone() data-testid="range-from"
                prop:value=move || state.with(|s| s.range.from.map(|d| d.to_string()).unwrap_or_default())
                on:change=set_from /></label>
            <label>"To " <input type="date" min=min max=max data-testid="range-to"
                prop:value=move || state.with(|s| s.range.to.map(|d| d.to_string()).unwrap_or_default())
                on:change=set_to /></label>
        </div>
    }
}

//! The timeline: each article on its date, one lane per outlet, and the brush that limits every
//! other section to a range of dates.

use super::{controls, plural};
use crate::components::export::{element_svg, TableExport};
use crate::{href, Route};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use parallax_core::coverage::DateRange;
use parallax_core::date::Date;
use parallax_core::view_state::{CoverageState, ViewState};
use parallax_core::Corpus;
use std::sync::Arc;

/// Colours of the outlets' lanes (Okabe–Ito, safe for colour-blind readers); lanes and labels
/// carry the same information, so colour is never the only signal.
const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#5b4a9e", "#3d3d3d",
];

/// The chart's geometry, in viewBox units. The chart writes it on itself as data attributes
/// (`data-width`, `data-left`, `data-plot-width`, `data-top`, `data-lane`) for the browser tests.
const W: f64 = 880.0;
const LEFT: f64 = 176.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 14.0;
const LANE: f64 = 30.0;
const PLOT_W: f64 = W - LEFT - RIGHT;

#[component]
pub(super) fn TimelineSection(
    corpus: Arc<Corpus>,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let t = corpus.timeline();
    let height = TOP + LANE * t.outlets.len().max(1) as f64 + 46.0;
    let axis = t.axis();
    let lanes = t.outlets.len();
    let x = move |d: Date| LEFT + axis.position(d) * PLOT_W;
    let svg_ref: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let drag: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let navigate = use_navigate();
    let frac = move |ev: &web_sys::PointerEvent| -> Option<f64> {
        let el = svg_ref.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return None;
        }
        let sx = (f64::from(ev.client_x()) - rect.left()) * W / rect.width();
        Some(((sx - LEFT) / PLOT_W).clamp(0.0, 1.0))
    };
    let go_brush = controls::range_navigator(route, state);
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(f) = frac(&ev) {
            drag.set(Some((f, f)));
        }
    };
    // The pointer is captured only once it really drags, so that a click still opens a mark.
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some((start, _)) = drag.get_untracked() else {
            return;
        };
        if let Some(f) = frac(&ev) {
            if (f - start).abs() * PLOT_W >= 4.0 {
                if let Some(el) = svg_ref.get_untracked() {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
            }
            drag.set(Some((start, f)));
        }
    };
    let on_up = move |_ev: web_sys::PointerEvent| {
        if let Some((a, b)) = drag.get_untracked() {
            drag.set(None);
            if (a - b).abs() * PLOT_W >= 4.0 {
                go_brush(DateRange {
                    from: Some(axis.day_at(a.min(b))),
                    to: Some(axis.day_at(a.max(b))),
                });
            }
        }
    };
    // The brush: the range being dragged, else the range of the URL.
    let brush = move || {
        let (x0, x1) = match drag.get() {
            Some((a, b)) => (LEFT + a.min(b) * PLOT_W, LEFT + a.max(b) * PLOT_W),
            None => {
                let r = state.with(|s| s.range);
                if r.is_all() {
                    return None;
                }
                let x0 = r.from.map_or(LEFT, x).clamp(LEFT, LEFT + PLOT_W);
                let x1 =
                    r.to.map_or(LEFT + PLOT_W, |d| x(d.add_days(1)))
                        .clamp(LEFT, LEFT + PLOT_W);
                (x0, x1)
            }
        };
        Some(view! {
            <rect class="brush" x=x0 y=TOP - 6.0 width=(x1 - x0).max(2.0) height=LANE * lanes as f64 + 8.0
                fill="#1d3557" fill-opacity="0.1" stroke="#1d3557" stroke-width="1" stroke-dasharray="3 2" />
        })
    };
    let lanes = t
        .outlets
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let y = TOP + LANE * i as f64 + LANE / 2.0;
            view! {
                <g data-testid="timeline-lane" data-outlet=o.clone()>
                    <line x1=LEFT x2=LEFT + PLOT_W y1=y y2=y stroke="#e4e1da" stroke-width="1" />
                    <text x=LEFT - 10.0 y=y + 4.0 text-anchor="end" font-size="12" fill=PALETTE[i % PALETTE.len()] font-weight="600">
                        <title>{o.clone()}</title>
                        {parallax_core::coverage::short_label(o, 20)}
                    </text>
                </g>
            }
        })
        .collect_view();
    let ticks = t
        .ticks(8)
        .into_iter()
        .map(|(d, label)| {
            let tx = x(d);
            let bottom = TOP + LANE * t.outlets.len() as f64;
            view! {
                <g>
                    <line x1=tx x2=tx y1=TOP - 4.0 y2=bottom + 4.0 stroke="#cfcac0" stroke-width="1" stroke-dasharray="2 3" />
                    <text x=tx y=bottom + 18.0 text-anchor="middle" font-size="11" fill="#4a5566">{label}</text>
                </g>
            }
        })
        .collect_view();
    let navigate_marks = navigate.clone();
    let marks = t
        .items
        .iter()
        .map(|item| {
            let a = &corpus.articles[item.doc];
            let colour = PALETTE[item.lane % PALETTE.len()];
            let y = TOP + LANE * item.lane as f64 + LANE / 2.0;
            let label = format!(
                "{} — {}, {}{}",
                a.title.text,
                t.outlets[item.lane],
                a.date.human(),
                if item.inferred { " (date inferred)" } else { "" }
            );
            let x0 = x(item.first);
            let (first, last) = (item.first, item.last);
            let in_range = move || state.with(|s| s.range.admits_days(first, last));
            let fill = if item.inferred { "#ffffff" } else { colour };
            let dash = if item.inferred { "3 2" } else { "none" };
            let shape = if item.first == item.last {
                view! { <circle cx=x0 cy=y r="7" fill=fill stroke=colour stroke-width="2.5" stroke-dasharray=dash /> }.into_any()
            } else {
                let w = (x(item.last.add_days(1)) - x0).max(8.0);
                view! { <rect x=x0 y=y - 6.0 width=w height="12" rx="6" fill=fill stroke=colour stroke-width="2.5" stroke-dasharray=dash /> }.into_any()
            };
            let target = route.with_untracked(|r| href(&r.path, &ViewState { doc: Some(a.id.clone()), ..Default::default() }));
            let open = {
                let navigate = navigate_marks.clone();
                let target = target.clone();
                move || navigate(&target, NavigateOptions::default())
            };
            let open_key = open.clone();
            view! {
                <g class="mark" class:outside=move || !in_range() tabindex="0" role="link" aria-label=label.clone()
                    data-testid="timeline-mark" data-doc=a.id.clone()
                    on:click=move |_| open()
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { open_key() }>
                    <title>{label.clone()}</title>
                    {shape}
                </g>
            }
        })
        .collect_view();
    let stated = t.items.iter().filter(|i| !i.inferred).count();
    let description = format!(
        "{} on a date axis from {} to {}, one lane per outlet: {} with the date stated, {} with the date inferred{}. Drag across the chart to limit every table below to a range of dates.",
        plural(t.items.len(), "article", "articles"),
        t.start.add_days(1).human(),
        t.end.add_days(-1).human(),
        stated,
        t.items.len() - stated,
        if t.undated.is_empty() { String::new() } else { format!(", {} undated (not shown)", t.undated.len()) }
    );
    view! {
        <section class="panel timeline" aria-labelledby="timeline-heading">
            <div class="section-head">
                <h2 id="timeline-heading">"Timeline"</h2>
                <TableExport corpus=corpus.clone() label="the timeline" svg=Callback::new(|()| element_svg("timeline-chart")) table=Callback::new({ let c = corpus.clone(); move |()| c.timeline().table(&c) }) />
            </div>
            <p class="section-note">"Each article on its publication date, one lane per outlet. Hollow, dashed marks are dates Parallax inferred from the text; a bar is a date known only to the month or year. Drag across the chart (or pick dates below) to limit every table on this page."</p>
            <div class="chart-scroll">
                <svg id="timeline-chart" node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {height}")
                    role="group" aria-labelledby="timeline-title timeline-desc" data-testid="timeline"
                    data-width=W data-left=LEFT data-plot-width=PLOT_W data-top=TOP data-lane=LANE
                    font-family="system-ui, sans-serif"
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=move |_| drag.set(None)>
                    <title id="timeline-title">"Articles over time, by outlet"</title>
                    <desc id="timeline-desc">{description}</desc>
                    <rect x="0" y="0" width=W height=height fill="#ffffff" />
                    {ticks}
                    {lanes}
                    {brush}
                    {marks}
                    <text x=LEFT + PLOT_W / 2.0 y=height - 6.0 text-anchor="middle" font-size="12" fill="#1b2330">"Publication date"</text>
                </svg>
            </div>
            <controls::RangeControls corpus=corpus route=route state=state />
        </section>
    }
}

//! The coverage view (`?view=coverage`): how each outlet covered the story. A timeline whose brush
//! limits everything below it, the outlets-or-actors × targets matrix with its drill-down, the
//! quote ledger, name spellings and figures across outlets. Every table downloads as CSV and
//! JSON, the timeline as SVG; every selection is in the URL.

use crate::components::export::{element_svg, TableExport};
use crate::components::figures::{figure_item, figure_row};
use crate::components::stance::ProfileNote;
use crate::{href, paragraph_href, Route};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use parallax_core::coverage::{
    self, polarity_colour, voice_opacity, Counts, DateRange, Rows, Statement, Timeline, POLARITIES,
    VOICES,
};
use parallax_core::date::Date;
use parallax_core::ingest::{Article, Precision};
use parallax_core::stance::{Polarity, Voice};
use parallax_core::view_state::{CoverageState, ViewState};
use parallax_core::Corpus;

/// Colours of the outlets' lanes (Okabe–Ito, safe for colour-blind readers); lanes and labels
/// carry the same information, so colour is never the only signal.
const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#5b4a9e", "#3d3d3d",
];

/// Sign and words of a polarity: `+` for, `−` against, `·` reports on.
fn polarity_sign(p: Polarity) -> (&'static str, &'static str) {
    let words = match p {
        Polarity::Support => "for",
        Polarity::Oppose => "against",
        Polarity::NeutralReport => "reporting without a side",
    };
    (coverage::polarity_sign(p), words)
}

fn voice_words(v: Voice) -> &'static str {
    match v {
        Voice::Quoted => "quoted",
        Voice::Reported => "reported",
        Voice::Outlet => "in the outlet's own words",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A table cell with nothing in it: a dash for the eye, `what` for screen readers.
fn empty_cell(what: &'static str) -> impl IntoView {
    view! { <td class="empty"><span aria-hidden="true">"–"</span><span class="visually-hidden">{what}</span></td> }
}

/// The link to the coverage view in another state.
fn coverage_href(route: &Route, c: CoverageState) -> String {
    href(
        &route.path,
        &ViewState {
            coverage: Some(c),
            ..Default::default()
        },
    )
}

/// The link to a paragraph in the reader.
fn reader_href(route: &Route, article: &Article, paragraph: usize) -> String {
    paragraph_href(&route.path, None, article, paragraph)
}

fn range_words(r: DateRange) -> String {
    match (r.from, r.to) {
        (Some(f), Some(t)) if f == t => f.human(),
        (Some(f), Some(t)) => format!("{} – {}", f.human(), t.human()),
        (Some(f), None) => format!("from {}", f.human()),
        (None, Some(t)) => format!("until {}", t.human()),
        (None, None) => "all dates".into(),
    }
}

/// The coverage view.
#[component]
pub fn CoverageView(corpus: &'static Corpus, route: Memo<Route>) -> impl IntoView {
    let state = Memo::new(move |_| route.with(|r| r.state.coverage.clone().unwrap_or_default()));
    let range = Memo::new(move |_| state.with(|s| s.range));
    let summary = move || {
        let sel = coverage::select(corpus, range.get());
        let mut text = format!(
            "{} of {} · {}",
            plural(sel.docs.len(), "article", "articles"),
            corpus.articles.len(),
            range_words(sel.range)
        );
        if sel.undated_left_out > 0 {
            text.push_str(&format!(
                " · {} left out",
                plural(sel.undated_left_out, "undated article", "undated articles")
            ));
        }
        text
    };
    let clear = move || {
        route.with(|r| {
            coverage_href(
                r,
                CoverageState {
                    range: DateRange::default(),
                    ..state.get()
                },
            )
        })
    };
    view! {
        <div class="coverage" data-testid="coverage">
            <div class="coverage-head">
                <h1>"Coverage across outlets"</h1>
                <p class="coverage-scope" aria-live="polite" data-testid="coverage-scope">
                    {summary}
                    {move || (!range.get().is_all()).then(|| view! {
                        " " <a href=clear class="clear-range" data-testid="clear-range" data-noscroll="">"Show all dates"</a>
                    })}
                </p>
            </div>
            <ProfileNote corpus=corpus />
            <TimelineSection corpus=corpus route=route state=state />
            <MatrixSection corpus=corpus route=route state=state />
            <LedgerSection corpus=corpus route=route state=state />
            <NamesSection corpus=corpus route=route state=state />
            <FiguresSection corpus=corpus route=route state=state />
        </div>
    }
}

const W: f64 = 880.0;
const LEFT: f64 = 176.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 14.0;
const LANE: f64 = 30.0;
const PLOT_W: f64 = W - LEFT - RIGHT;

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
fn TimelineSection(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let t = corpus.timeline();
    let height = TOP + LANE * t.outlets.len().max(1) as f64 + 46.0;
    let x = move |d: Date| LEFT + t.position(d) * PLOT_W;
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
    let go = {
        let navigate = navigate.clone();
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
    };
    let go_brush = go.clone();
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
                    from: Some(t.day_at(a.min(b))),
                    to: Some(t.day_at(a.max(b))),
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
            <rect class="brush" x=x0 y=TOP - 6.0 width=(x1 - x0).max(2.0) height=LANE * t.outlets.len() as f64 + 8.0
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
            let in_range = move || {
                let r = state.with(|s| s.range);
                r.admits(a)
            };
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
    let chips = presets(corpus, t)
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
        <section class="panel timeline" aria-labelledby="timeline-heading">
            <div class="section-head">
                <h2 id="timeline-heading">"Timeline"</h2>
                <TableExport corpus=corpus label="the timeline" svg=Callback::new(|()| element_svg("timeline-chart")) table=Callback::new(move |()| t.table(corpus)) />
            </div>
            <p class="section-note">"Each article on its publication date, one lane per outlet. Hollow, dashed marks are dates Parallax inferred from the text; a bar is a date known only to the month or year. Drag across the chart (or pick dates below) to limit every table on this page."</p>
            <div class="chart-scroll">
                <svg id="timeline-chart" node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {height}")
                    role="group" aria-labelledby="timeline-title timeline-desc" data-testid="timeline"
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
            <div class="range-controls">
                <ul class="chips" aria-label="Limit to a period">{chips}</ul>
                <label>"From " <input type="date" min=min.clone() max=max.clone() data-testid="range-from"
                    prop:value=move || state.with(|s| s.range.from.map(|d| d.to_string()).unwrap_or_default())
                    on:change=set_from /></label>
                <label>"To " <input type="date" min=min max=max data-testid="range-to"
                    prop:value=move || state.with(|s| s.range.to.map(|d| d.to_string()).unwrap_or_default())
                    on:change=set_to /></label>
            </div>
        </section>
    }
}

/// The small bar in a matrix cell: one segment per polarity and voice, as long as its count.
fn cell_bar(c: &Counts, max: u32) -> impl IntoView {
    const BAR: f64 = 72.0;
    let segments = c
        .bar(BAR / f64::from(max.max(1)))
        .into_iter()
        .map(|seg| {
            view! {
                <rect x=seg.x y="0" width=seg.width height="8" fill=polarity_colour(seg.polarity) fill-opacity=voice_opacity(seg.voice) />
            }
        })
        .collect_view();
    view! { <svg class="cell-bar" viewBox=format!("0 0 {BAR} 8") width=BAR height="8" aria-hidden="true">{segments}</svg> }
}

fn counts_words(c: &Counts) -> String {
    let mut parts = Vec::new();
    for p in POLARITIES {
        let n = c.of(p);
        if n == 0 {
            continue;
        }
        let voices: Vec<String> = VOICES
            .iter()
            .filter(|v| c.get(p, **v) > 0)
            .map(|v| format!("{} {}", c.get(p, *v), voice_words(*v)))
            .collect();
        parts.push(format!(
            "{n} {} ({})",
            polarity_sign(p).1,
            voices.join(", ")
        ));
    }
    parts.join("; ")
}

#[component]
fn MatrixSection(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let by = Memo::new(move |_| state.with(|s| s.by));
    let matrix = Memo::new(move |_| {
        coverage::matrix(&coverage::select(corpus, state.with(|s| s.range)), by.get())
    });
    let link = move |row: Option<String>, target: Option<String>| {
        route.with(|r| {
            coverage_href(
                r,
                CoverageState {
                    row,
                    target,
                    ..state.get()
                },
            )
        })
    };
    let toggle = move |rows: Rows| {
        let here = move || by.get() == rows;
        let href = move || {
            route.with(|r| {
                coverage_href(
                    r,
                    CoverageState {
                        by: rows,
                        row: None,
                        target: None,
                        ..state.get()
                    },
                )
            })
        };
        view! {
            <a href=href role="tab" data-noscroll="" aria-selected=move || here().to_string() class="tab" class:current=here
                data-testid=format!("rows-{}", rows.as_str())>
                {match rows { Rows::Outlets => "Outlets", Rows::Actors => "Actors" }}
            </a>
        }
    };
    let table = move || {
        matrix.with(|m| {
            let max = m.rows.iter().flat_map(|r| r.cells.iter().map(Counts::total)).max().unwrap_or(1);
            let selected = state.with(|s| (s.row.clone(), s.target.clone()));
            let heads = m
                .targets
                .iter()
                .map(|(id, label)| {
                    let is_sel = selected.0.is_none() && selected.1.as_deref() == Some(id.as_str());
                    view! {
                        <th scope="col" class:selected=is_sel>
                            <a href=link(None, Some(id.clone())) data-noscroll="" title=format!("Every statement on {}", label.to_lowercase())>{label.clone()}</a>
                        </th>
                    }
                })
                .collect_view();
            let rows = m
                .rows
                .iter()
                .map(|row| {
                    let row_sel = selected.0.as_deref() == Some(row.key.as_str());
                    let sub = match (row.via.is_empty(), row.group.is_empty()) {
                        (false, _) => Some(format!("{} · in {}", row.group, row.via.join(", "))),
                        (true, false) => Some(row.group.clone()),
                        (true, true) => Some(plural(row.articles, "article", "articles")),
                    };
                    let cells = m
                        .targets
                        .iter()
                        .zip(&row.cells)
                        .map(|((id, label), c)| {
                            let is_sel = row_sel && selected.1.as_deref() == Some(id.as_str());
                            if c.total() == 0 {
                                return empty_cell("no statements").into_any();
                            }
                            let signs = POLARITIES
                                .iter()
                                .filter(|p| c.of(**p) > 0)
                                .map(|p| {
                                    let (sign, _) = polarity_sign(*p);
                                    view! { <span class=format!("sign {}", crate::components::stance::polarity_words(*p).0)>{sign}{c.of(*p)}</span> }
                                })
                                .collect_view();
                            let words = format!("{} on {}: {}", row.label, label.to_lowercase(), counts_words(c));
                            let title = words.clone();
                            view! {
                                <td class:selected=is_sel>
                                    <a href=link(Some(row.key.clone()), Some(id.clone())) class="cell" data-noscroll="" title=title
                                        data-testid="matrix-cell" data-row=row.key.clone() data-target=id.clone()
                                        aria-current=is_sel.then_some("true")>
                                        <span class="signs" aria-hidden="true">{signs}</span>
                                        <span class="visually-hidden">{words}</span>
                                        {cell_bar(c, max)}
                                    </a>
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! {
                        <tr class:selected=row_sel data-testid="matrix-row" data-row=row.key.clone()>
                            <th scope="row">
                                <a href=link(Some(row.key.clone()), None) class="row-name" data-noscroll="">{row.label.clone()}</a>
                                {sub.map(|s| view! { <span class="row-sub">{s}</span> })}
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let empty = m.rows.is_empty().then(|| view! {
                <tr><td colspan=m.targets.len() + 1 class="empty-note">"No stance statements in the selected articles."</td></tr>
            });
            let first = match m.rows_by { Rows::Outlets => "Outlet", Rows::Actors => "Actor" };
            view! {
                <table class="matrix" data-testid="matrix">
                    <caption class="visually-hidden">{format!("Stance statements by {} and target", first.to_lowercase())}</caption>
                    <thead><tr><th scope="col">{first}</th>{heads}</tr></thead>
                    <tbody>{rows}{empty}</tbody>
                </table>
            }
        })
    };
    view! {
        <section class="panel matrix-panel" aria-labelledby="matrix-heading">
            <div class="section-head">
                <h2 id="matrix-heading">"Who takes which position"</h2>
                <div class="tabs" role="tablist" aria-label="Rows of the matrix">
                    {toggle(Rows::Outlets)}
                    {toggle(Rows::Actors)}
                </div>
                <TableExport corpus=corpus label="the matrix" table=Callback::new(move |()| matrix.with_untracked(|m| m.table()))
                    svg=Callback::new(move |()| Some(matrix.with_untracked(|m| m.svg("Who takes which position")))) />
            </div>
            <p class="section-note">
                "Stance statements of the selected articles, from the stance tags. "
                <span class="sign support">"+"</span>" for, "<span class="sign oppose">"−"</span>" against, "
                <span class="sign neutral">"·"</span>" reported without a side. In the bars, solid is quoted, lighter is reported speech, palest is the outlet's own framing. Select a cell, a row or a column to read the sentences."
            </p>
            <div class="table-scroll">{table}</div>
            <Drilldown corpus=corpus route=route state=state />
        </section>
    }
}

/// The sentence of a statement with its cue words marked.
fn marked_sentence(s: &Statement<'static>) -> impl IntoView {
    let a = s.article;
    let span = s.tag.span;
    let mut cues: Vec<_> = s
        .tag
        .cues
        .iter()
        .filter(|c| c.start >= span.start && c.end <= span.end)
        .copied()
        .collect();
    cues.sort();
    let mut out = Vec::new();
    let mut pos = span.start;
    for c in cues {
        if c.start < pos {
            continue;
        }
        if c.start > pos {
            out.push(a.text[pos..c.start].to_string().into_any());
        }
        out.push(view! { <mark>{a.slice(c).to_string()}</mark> }.into_any());
        pos = c.end;
    }
    out.push(a.text[pos..span.end].to_string().into_any());
    out
}

#[component]
fn Drilldown(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let close = move || {
        route.with(|r| {
            coverage_href(
                r,
                CoverageState {
                    row: None,
                    target: None,
                    ..state.get()
                },
            )
        })
    };
    // A new selection moves the focus (and the view) to its statements.
    let selection = Memo::new(move |_| state.with(|s| (s.row.clone(), s.target.clone())));
    Effect::new(move |previous: Option<()>| {
        let (row, target) = selection.get();
        if previous.is_some() && (row.is_some() || target.is_some()) {
            request_animation_frame(|| {
                if let Some(h) = document().get_element_by_id("drill-heading") {
                    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                        let _ = h.focus();
                    }
                }
            });
        }
    });
    move || {
        let s = state.get();
        if s.row.is_none() && s.target.is_none() {
            return ().into_any();
        }
        let sel = coverage::select(corpus, s.range);
        let list: Vec<Statement<'static>> =
            coverage::statements(&sel, s.by, s.row.as_deref(), s.target.as_deref());
        let who = s.row.as_deref().map(|r| match s.by {
            Rows::Outlets => r.to_string(),
            Rows::Actors => corpus.profile.actor_name(r),
        });
        let what = s
            .target
            .as_deref()
            .map(|t| corpus.profile.target_label(t).to_lowercase());
        let title = match (who, what) {
            (Some(w), Some(t)) => format!("{w} on {t}"),
            (Some(w), None) => format!("{w}: every position"),
            (None, Some(t)) => format!("Everyone on {t}"),
            (None, None) => String::new(),
        };
        let name = format!(
            "statements-{}{}",
            s.row.as_deref().unwrap_or("all"),
            s.target
                .as_deref()
                .map(|t| format!("-{t}"))
                .unwrap_or_default()
        )
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect::<String>();
        let export_list = list.clone();
        let items = list
            .iter()
            .map(|st| {
                let (class, word) = crate::components::stance::polarity_words(st.tag.stance);
                let link = route.with(|r| reader_href(r, st.article, st.tag.paragraph));
                view! {
                    <li class="statement" data-testid="statement">
                        <p class="statement-head">
                            <strong>{corpus.profile.actor_name(&st.tag.actor)}</strong>
                            " " <span class=format!("stance-badge {class}")><em>{word}</em></span>
                            " " {corpus.profile.target_label(&st.tag.target).to_lowercase()}
                            <span class="voice">" · " {voice_words(st.tag.voice)}</span>
                        </p>
                        <blockquote>{marked_sentence(st)}</blockquote>
                        <p class="statement-meta">
                            {st.article.outlet_label()} " · " {st.article.date.human()} " · "
                            <a href=link data-testid="statement-link">"Read ¶" {st.tag.paragraph + 1} " in context"</a>
                            <span class="rule" title=st.tag.rule.clone()>" · rule: " {st.tag.rule.clone()}</span>
                        </p>
                    </li>
                }
            })
            .collect_view();
        let none = list.is_empty().then(|| view! {
            <p class="empty-note">"No statements here in the selected articles. The link may come from another corpus or another date range."</p>
        });
        view! {
            <section class="drilldown" aria-labelledby="drill-heading" data-testid="drilldown">
                <div class="section-head">
                    <h3 id="drill-heading" tabindex="-1">{title} " — " {plural(list.len(), "statement", "statements")}</h3>
                    <TableExport corpus=corpus label="these statements" table=Callback::new(move |()| coverage::statements_table(corpus, &name, &export_list)) />
                    <a href=close class="close" data-noscroll="" aria-label="Close the statements">"Close ×"</a>
                </div>
                <ol class="statements">{items}</ol>
                {none}
            </section>
        }
        .into_any()
    }
}

#[component]
fn LedgerSection(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let groups =
        Memo::new(move |_| coverage::ledger(&coverage::select(corpus, state.with(|s| s.range))));
    let body = move || {
        groups.with(|groups| {
            if groups.is_empty() {
                return view! { <p class="empty-note">"Nobody is quoted or reported in the selected articles."</p> }.into_any();
            }
            groups
                .iter()
                .map(|g| {
                    let rows = g
                        .actors
                        .iter()
                        .map(|a| {
                            let link = route.with(|r| coverage_href(r, CoverageState { by: Rows::Actors, row: Some(a.actor.clone()), target: None, ..state.get() }));
                            let outlets = a
                                .outlets
                                .iter()
                                .map(|(o, q, r)| view! { <li>{o.clone()} " " <span class="count">{q + r}</span> {(*q > 0).then(|| format!(" ({q} quoted)"))}</li> })
                                .collect_view();
                            let positions = a
                                .positions
                                .iter()
                                .map(|(t, p, n)| {
                                    let (class, word) = crate::components::stance::polarity_words(*p);
                                    view! {
                                        <li><span class=format!("stance-badge {class}")><em>{word}</em> " " {corpus.profile.target_label(t).to_lowercase()}</span>
                                        {(*n > 1).then(|| format!(" ×{n}"))}</li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <tr data-testid="ledger-row">
                                    <th scope="row"><a href=link data-noscroll="">{a.name.clone()}</a>
                                        <span class="row-sub">{a.quoted} " quoted · " {a.reported} " reported"</span></th>
                                    <td><ul class="inline-list">{outlets}</ul></td>
                                    <td><ul class="inline-list">{positions}</ul></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody>
                            <tr class="group-row"><th scope="rowgroup" colspan="3">{g.label.clone()}</th></tr>
                            {rows}
                        </tbody>
                    }
                    .into_any()
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="panel ledger" aria-labelledby="ledger-heading">
            <div class="section-head">
                <h2 id="ledger-heading">"Quote ledger"</h2>
                <TableExport corpus=corpus label="the quote ledger" table=Callback::new(move |()| groups.with_untracked(|g| coverage::ledger_table(g))) />
            </div>
            <p class="section-note">"Who is quoted or paraphrased, by which outlet, how often and on what, grouped by affiliation. Select a name to see their statements in the matrix."</p>
            <div class="table-scroll">
                <table data-testid="ledger">
                    <thead><tr><th scope="col">"Actor"</th><th scope="col">"Heard in"</th><th scope="col">"Positions"</th></tr></thead>
                    {body}
                </table>
            </div>
        </section>
    }
}

#[component]
fn NamesSection(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let _ = route;
    let data = Memo::new(move |_| {
        let sel = coverage::select(corpus, state.with(|s| s.range));
        let names = coverage::name_usage(&sel);
        let mut outlets: Vec<String> = sel
            .docs
            .iter()
            .map(|&d| corpus.articles[d].outlet_label())
            .collect();
        outlets.sort();
        outlets.dedup();
        (names, outlets)
    });
    let body = move || {
        data.with(|(names, outlets)| {
            if names.is_empty() {
                return view! { <p class="empty-note">"Every name is spelled one way in the selected articles."</p> }.into_any();
            }
            let heads = outlets.iter().map(|o| view! { <th scope="col">{o.clone()}</th> }).collect_view();
            let groups = names
                .iter()
                .map(|n| {
                    let rows = n
                        .spellings
                        .iter()
                        .map(|s| {
                            let cells = outlets
                                .iter()
                                .map(|o| {
                                    let uses = s.outlets.iter().find(|x| x.0 == *o).map(|x| x.1);
                                    match uses {
                                        Some(u) => view! { <td class="uses">{u}</td> }.into_any(),
                                        None => empty_cell("not used").into_any(),
                                    }
                                })
                                .collect_view();
                            view! { <tr data-testid="spelling-row"><th scope="row">{s.text.clone()}</th>{cells}</tr> }
                        })
                        .collect_view();
                    view! {
                        <tbody>
                            <tr class="group-row"><th scope="rowgroup" colspan=outlets.len() + 1>
                                {plural(n.spellings.len(), "spelling", "spellings")} " of " {n.spellings[0].text.clone()}
                            </th></tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table data-testid="names">
                        <thead><tr><th scope="col">"Spelling"</th>{heads}</tr></thead>
                        {groups}
                    </table>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <section class="panel names" aria-labelledby="names-heading">
            <div class="section-head">
                <h2 id="names-heading">"How each outlet spells the names"</h2>
                <TableExport corpus=corpus label="the name spellings" table=Callback::new(move |()| data.with_untracked(|(n, _)| coverage::names_table(n))) />
            </div>
            <p class="section-note">"Names written more than one way, found by their transliteration: how often each outlet uses each spelling. The choice of spelling (Belarusian or Russian romanisation, or a typo) tells something about the outlet and its sources."</p>
            {body}
        </section>
    }
}

#[component]
fn FiguresSection(
    corpus: &'static Corpus,
    route: Memo<Route>,
    state: Memo<CoverageState>,
) -> impl IntoView {
    let figures = Memo::new(move |_| {
        coverage::figures_across(&coverage::select(corpus, state.with(|s| s.range)))
    });
    let body = move || {
        figures.with(|f| {
            if f.lines.is_empty() {
                return view! { <p class="empty-note">"The selected articles state no figures Parallax recognises."</p> }.into_any();
            }
            let heads = f.outlets.iter().map(|o| view! { <th scope="col">{o.clone()}</th> }).collect_view();
            let rows = f
                .lines
                .iter()
                .map(|line| {
                    let cells = line
                        .cells
                        .iter()
                        .map(|claims| {
                            if claims.is_empty() {
                                return empty_cell("not stated").into_any();
                            }
                            let items = claims
                                .iter()
                                .map(|c| {
                                    let a = &corpus.articles[c.doc];
                                    let link = route.with(|r| reader_href(r, a, c.figure.paragraph));
                                    figure_item(a, &c.figure, link, true)
                                })
                                .collect_view();
                            view! { <td><ul>{items}</ul></td> }.into_any()
                        })
                        .collect_view();
                    figure_row(line.measure, line.disagreement, cells)
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table data-testid="figures-across">
                        <thead><tr><th scope="col">"What is counted"</th>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <section class="panel figures" aria-labelledby="figures-heading">
            <div class="section-head">
                <h2 id="figures-heading">"Figures across outlets"</h2>
                <TableExport corpus=corpus label="the figures" table=Callback::new(move |()| figures.with_untracked(|f| f.table(corpus))) />
            </div>
            <p class="section-note">"> more than, ≥ at least, ≈ about, ~ order of magnitude (“several thousand”). A row is flagged when two articles' figures cannot both be true."</p>
            {body}
        </section>
    }
}

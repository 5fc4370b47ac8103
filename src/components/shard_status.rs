//! What the page says while the parts a search or a view needs (index parts, article texts) are
//! on their way, and when one could not be had (with a button to try again). Nothing is shown
//! when nothing is loading. [`WithTexts`] draws a view once the texts it shows are in.

use crate::shards::{LoadState, ShardLoads};
use leptos::prelude::*;
use parallax_core::Corpus;
use std::sync::Arc;

/// A size in bytes as a reader says it: KB under a megabyte, MB with one decimal above.
pub(crate) fn kb(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The loading line or the failure notice of `loads`.
#[component]
pub fn ShardStatus(loads: ShardLoads, corpus: Arc<Corpus>) -> impl IntoView {
    move || match loads.state.get() {
        LoadState::Idle => None,
        LoadState::Loading {
            what,
            done,
            of,
            bytes,
        } => Some(
            view! {
                <p class="shard-progress" role="status" data-testid="shard-progress">
                    <progress max=of value=done></progress>
                    {format!(
                        " Loading {what}: {done} of {of} part{} ({})…",
                        if of == 1 { "" } else { "s" },
                        kb(bytes)
                    )}
                </p>
            }
            .into_any(),
        ),
        LoadState::Failed { why, .. } => {
            let c = corpus.clone();
            Some(
                view! {
                    <div class="notice shard-error" role="alert" data-testid="shard-error">
                        <p>"This view cannot be shown yet: " {why}</p>
                        <button type="button" data-testid="shard-retry" on:click=move |_| loads.retry(c.clone())>
                            "Try again"
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
    }
}

/// Draws `children` once the texts of articles `docs` (every article when `None`) are in: over
/// an embedded corpus at once; over a corpus in static files after fetching the text parts it
/// lacks, with the loading line or the failure notice meanwhile.
#[component]
pub fn WithTexts(
    corpus: Arc<Corpus>,
    #[prop(into)] docs: Signal<Option<Vec<usize>>>,
    children: ChildrenFn,
) -> impl IntoView {
    let loads = ShardLoads::new();
    let c = corpus.clone();
    let needed = Memo::new(move |_| {
        loads.arrived.track();
        docs.with(|d| match d {
            Some(d) => c.texts_needed(d.iter().copied()),
            None => c.all_texts_needed(),
        })
    });
    loads.follow(corpus.clone(), needed);
    let ready = Memo::new(move |_| needed.with(Vec::is_empty));
    view! {
        <ShardStatus loads=loads corpus=corpus />
        {move || ready.get().then(|| children())}
    }
}

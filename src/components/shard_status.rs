//! What the page says while the index parts a search needs are on their way, and when one could
//! not be had (with a button to try again). Nothing is shown when nothing is loading.

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
        LoadState::Loading { done, of, bytes } => Some(
            view! {
                <p class="shard-progress" role="status" data-testid="shard-progress">
                    <progress max=of value=done></progress>
                    {format!(
                        " Loading the index for this search: {done} of {of} part{} ({})…",
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
                        <p>"This search cannot finish: " {why}</p>
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

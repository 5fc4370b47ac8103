//! Fetching the postings shards of a corpus kept in static files beside the page (see
//! `parallax_core::static_corpus`). The shards a query needs come from the core; this fetches
//! them from `corpus/` (relative to the page, so any host and sub-path works), hands their bytes
//! to the corpus (which keeps them for the session), and says how the loading goes.

use leptos::prelude::*;
use parallax_core::index::shards::Needed;
use parallax_core::Corpus;
use std::sync::Arc;

/// How the loading of shards goes.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LoadState {
    /// Nothing is loading.
    #[default]
    Idle,
    /// Shards are on their way.
    Loading {
        /// Shards arrived so far.
        done: usize,
        /// Shards asked for.
        of: usize,
        /// Their size in bytes.
        bytes: u64,
    },
    /// A shard could not be had; nothing is retried until the reader asks.
    Failed {
        /// What went wrong, as a sentence.
        why: String,
        /// The shards that were asked for.
        needed: Vec<Needed>,
    },
}

/// The shard loading of one page: its state, and a counter that moves each time shards arrive,
/// so searches that waited for them run again.
#[derive(Clone, Copy)]
pub struct ShardLoads {
    /// How the loading goes.
    pub state: RwSignal<LoadState>,
    /// Moves when shards arrive.
    pub arrived: RwSignal<u64>,
}

impl ShardLoads {
    /// No loading yet.
    pub fn new() -> ShardLoads {
        ShardLoads {
            state: RwSignal::new(LoadState::Idle),
            arrived: RwSignal::new(0),
        }
    }

    /// Fetches `needed` into `corpus`, unless a load is under way (it wakes the search when it
    /// ends, which then asks for what it still needs) or these very shards just failed (the
    /// reader retries with [`ShardLoads::retry`]).
    pub fn fetch(self, corpus: Arc<Corpus>, needed: Vec<Needed>) {
        match self.state.get_untracked() {
            LoadState::Loading { .. } => return,
            LoadState::Failed { needed: failed, .. } if failed == needed => return,
            _ => {}
        }
        self.start(corpus, needed);
    }

    /// Clears a failure (the search shown no longer needs those shards).
    pub fn forget_failure(self) {
        if matches!(self.state.get_untracked(), LoadState::Failed { .. }) {
            self.state.set(LoadState::Idle);
        }
    }

    /// Fetches again the shards that failed.
    pub fn retry(self, corpus: Arc<Corpus>) {
        if let LoadState::Failed { needed, .. } = self.state.get_untracked() {
            self.start(corpus, needed);
        }
    }

    fn start(self, corpus: Arc<Corpus>, needed: Vec<Needed>) {
        let Some(map) = corpus.index.shards.as_ref() else {
            return;
        };
        let todo: Vec<Needed> = needed
            .iter()
            .filter(|n| !map.is_loaded(n.shard))
            .cloned()
            .collect();
        if todo.is_empty() {
            // Loaded already (a search only asks for parts it lacks): nothing to wake.
            return;
        }
        self.state.set(LoadState::Loading {
            done: 0,
            of: todo.len(),
            bytes: todo.iter().map(|n| u64::from(n.bytes)).sum(),
        });
        let this = self;
        wasm_bindgen_futures::spawn_local(async move {
            let fetches = todo.iter().map(|n| async move {
                let got = get(&n.file).await;
                this.state.update(|s| {
                    if let LoadState::Loading { done, .. } = s {
                        *done += 1;
                    }
                });
                (n, got)
            });
            let mut failure = None;
            for (n, got) in futures::future::join_all(fetches).await {
                let Some(map) = corpus.index.shards.as_ref() else {
                    break;
                };
                let filled =
                    got.and_then(|bytes| map.fill(n.shard, &bytes).map_err(|e| e.to_string()));
                if let Err(why) = filled {
                    failure.get_or_insert(why);
                }
            }
            this.state.set(match failure {
                None => LoadState::Idle,
                Some(why) => LoadState::Failed { why, needed },
            });
            this.arrived.update(|n| *n += 1);
        });
    }
}

/// The bytes of the index part `corpus/<file>`, or why not, as a sentence.
pub(crate) async fn get(file: &str) -> Result<Vec<u8>, String> {
    get_file(file, "the index part").await
}

/// The bytes of `corpus/<file>` (`what` names it in messages), or why not, as a sentence.
pub(crate) async fn get_file(file: &str, what: &str) -> Result<Vec<u8>, String> {
    let url = format!("corpus/{file}");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| {
            format!("{what} {url} could not be fetched ({e}); check the connection and retry")
        })?;
    if !response.ok() {
        let (status, text) = (response.status(), response.status_text());
        return Err(if status == 404 || status == 410 {
            format!("the host answered {status} {text} for {what} {url}: upload the corpus/ folder of the build beside index.html")
        } else {
            format!("the host answered {status} {text} for {what} {url}; try again in a moment")
        });
    }
    response
        .binary()
        .await
        .map_err(|e| format!("{what} {url} stopped arriving ({e}); check the connection and retry"))
}

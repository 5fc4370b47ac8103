//! Fetching the parts of a corpus kept in static files beside the page (see
//! `parallax_core::static_corpus`): the postings shards a query needs, and the text parts of the
//! articles a view shows. Which parts come from the core; this fetches them from `corpus/`
//! (relative to the page, so any host and sub-path works), hands their bytes to the corpus (which
//! keeps them for the session), and says how the loading goes.

use leptos::prelude::*;
use parallax_core::index::shards::{Needed, PartKind};
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
        /// What is loading, for the reader: `the index for this search`, `the articles`.
        what: &'static str,
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

/// A counter that moves each time parts of the corpus arrive, for the whole page (provided in
/// the context): what read a missing text or postings list reads again.
#[derive(Clone, Copy)]
pub struct Arrivals(pub RwSignal<u64>);

/// The loading of one view: its state, and the page's counter of arrivals, so searches and views
/// that waited for parts run again.
#[derive(Clone, Copy)]
pub struct ShardLoads {
    /// How the loading goes.
    pub state: RwSignal<LoadState>,
    /// Moves when parts arrive (anywhere in the page).
    pub arrived: RwSignal<u64>,
}

impl ShardLoads {
    /// No loading yet.
    pub fn new() -> ShardLoads {
        ShardLoads {
            state: RwSignal::new(LoadState::Idle),
            arrived: use_context::<Arrivals>().map_or_else(|| RwSignal::new(0), |a| a.0),
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

    /// Keeps fetching what `needed` names whenever it names anything (it is worked out anew as
    /// parts arrive, so a view asks for what it still lacks).
    pub fn follow(self, corpus: Arc<Corpus>, needed: Memo<Vec<Needed>>) {
        Effect::new(move |_| {
            let n = needed.get();
            if !n.is_empty() {
                self.fetch(corpus.clone(), n);
            }
        });
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
        let todo: Vec<Needed> = needed
            .iter()
            .filter(|n| !corpus.is_loaded(n))
            .cloned()
            .collect();
        if todo.is_empty() {
            // Loaded already (a search only asks for parts it lacks): nothing to wake.
            return;
        }
        let what = if todo.iter().any(|n| n.kind == PartKind::Postings) {
            "the index for this search"
        } else {
            "the articles"
        };
        self.state.set(LoadState::Loading {
            what,
            done: 0,
            of: todo.len(),
            bytes: todo.iter().map(|n| u64::from(n.bytes)).sum(),
        });
        let this = self;
        wasm_bindgen_futures::spawn_local(async move {
            let fetches = todo.iter().map(|n| async move {
                let got = get(n).await;
                this.state.update(|s| {
                    if let LoadState::Loading { done, .. } = s {
                        *done += 1;
                    }
                });
                (n, got)
            });
            let mut failure = None;
            for (n, got) in futures::future::join_all(fetches).await {
                let filled = got.and_then(|bytes| corpus.fill(n, &bytes));
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

/// The bytes of the part `corpus/<file>` (`n` names it), or why not, as a sentence.
pub(crate) async fn get(n: &Needed) -> Result<Vec<u8>, String> {
    let what = match n.kind {
        PartKind::Postings => "the index part",
        PartKind::Texts => "the articles file",
    };
    get_file(&n.file, what).await
}

/// Fetches every text part `corpus` lacks (for what reads all the texts), or says why not.
pub(crate) async fn fetch_all_texts(corpus: &Corpus) -> Result<(), String> {
    let needed = corpus.all_texts_needed();
    let got = futures::future::join_all(needed.iter().map(get)).await;
    for (n, bytes) in needed.iter().zip(got) {
        corpus.fill(n, &bytes?)?;
    }
    Ok(())
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

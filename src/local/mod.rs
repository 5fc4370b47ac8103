//! Articles a reader adds in the page, wired to the browser: the core reads them
//! (`parallax_core::local`), [`read`] hands HTML to the browser's own parser, [`store`] keeps them
//! in IndexedDB, and this module rebuilds the corpus the views show.

mod read;
mod store;

pub use read::{read_file, read_pasted, ReadError};
pub use store::StorageError;

use futures::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use parallax_core::local::{LocalArticle, LocalArticles, Shelf};
use parallax_core::Corpus;
use std::rc::Rc;
use std::sync::Arc;
use store::Store;

/// How long the page waits for the browser's database before it opens without the additions.
const OPEN_TIMEOUT_MS: u32 = 4_000;

/// The embedded corpus with the additions, ingested, dated, indexed and tagged like the rest;
/// what `shown` (the corpus before the change) worked out for an addition is reused.
fn merged(embedded: &Arc<Corpus>, local: &[LocalArticle], shown: &Corpus) -> Arc<Corpus> {
    if local.is_empty() {
        return embedded.clone();
    }
    Arc::new(embedded.with_local_reusing(local, shown))
}

/// Whether the additions are kept in this browser.
#[derive(Clone, Debug, PartialEq)]
pub enum Keeping {
    /// The database is being opened and read; the page waits (with this sentence shown).
    Opening(String),
    /// Every addition is kept.
    Kept,
    /// They are not (all) kept: why. They last until the page is closed.
    NotKept(StorageError),
}

/// What the app knows about local additions, shared through the context.
#[derive(Clone, Copy)]
pub struct Local {
    /// The embedded corpus.
    embedded: StoredValue<Arc<Corpus>>,
    /// The additions.
    pub articles: RwSignal<Vec<LocalArticle>>,
    /// The corpus the views show: embedded plus additions. A change replaces it; the old one is
    /// freed with the views drawn over it.
    pub corpus: RwSignal<Arc<Corpus>>,
    /// The last drop or paste: ids added, what was refused and why, and the progress of a drop
    /// under way. Kept here, since adding rebuilds the corpus and redraws the page.
    pub report: RwSignal<Report>,
    /// Whether they are kept.
    pub keeping: RwSignal<Keeping>,
    /// Changes being written to the database now.
    pub writing: RwSignal<u32>,
    /// The open database (none before it opens, or when the browser has none).
    store: StoredValue<Option<Rc<Store>>, LocalStorage>,
    /// What the database holds.
    shelf: StoredValue<Shelf>,
}

/// What the last addition did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Ids added.
    pub added: Vec<String>,
    /// Files refused, each with the reason.
    pub problems: Vec<String>,
    /// While a drop is read: (files done, files, what is happening).
    pub progress: Option<(usize, usize, String)>,
}

impl Local {
    /// Starts with the embedded corpus, and opens this browser's database to read what it kept:
    /// until it has (see [`Keeping::Opening`]), the app shows a short status instead of the views,
    /// so a link to an added article opens it rather than saying it is missing.
    pub fn new(embedded: Arc<Corpus>) -> Local {
        let local = Local {
            corpus: RwSignal::new(embedded.clone()),
            articles: RwSignal::new(Vec::new()),
            report: RwSignal::new(Report::default()),
            keeping: RwSignal::new(Keeping::Opening(
                "Opening the articles added in this browser…".into(),
            )),
            writing: RwSignal::new(0),
            store: StoredValue::new_local(None),
            shelf: StoredValue::new(Shelf::new(&embedded.name)),
            embedded: StoredValue::new(embedded),
        };
        wasm_bindgen_futures::spawn_local(local.open());
        local
    }

    async fn open(self) {
        let name = self.embedded.with_value(|c| c.name.clone());
        let opened = match select(
            Box::pin(Store::open(&name)),
            TimeoutFuture::new(OPEN_TIMEOUT_MS),
        )
        .await
        {
            Either::Left((opened, _)) => opened,
            Either::Right(_) => Err(StorageError::Unavailable(
                "its database did not answer in time".into(),
            )),
        };
        let (kept, mut problems, keeping) = match opened {
            Ok(loaded) => {
                self.shelf.set_value(loaded.shelf);
                self.store.set_value(Some(Rc::new(loaded.store)));
                (loaded.articles, loaded.problems, Keeping::Kept)
            }
            // Without a database, what earlier versions kept in local storage is still shown.
            Err(e) => (
                store::legacy::read(&name).unwrap_or_default(),
                Vec::new(),
                Keeping::NotKept(e),
            ),
        };
        if !kept.is_empty() {
            self.keeping.set(Keeping::Opening(format!(
                "Analysing the {} article{} added in this browser…",
                kept.len(),
                if kept.len() == 1 { "" } else { "s" }
            )));
            // Lets the browser paint that before the work.
            TimeoutFuture::new(0).await;
            // Copies are looked for across every text: a corpus in static files fetches them
            // first. If they cannot be had, the additions stay kept, and are shown once added to.
            let embedded = self.embedded.get_value();
            match crate::shards::fetch_all_texts(&embedded).await {
                Ok(()) => self.corpus.set(merged(&embedded, &kept, &embedded)),
                Err(why) => problems.push(format!(
                    "The articles added in this browser are kept but not shown: {why}"
                )),
            }
            self.articles.set(kept);
        }
        if !problems.is_empty() {
            self.report.update(|r| r.problems = problems);
        }
        self.keeping.set(keeping);
    }

    /// Whether an article was added in this browser.
    pub fn is_local(&self, id: &str) -> bool {
        parallax_core::local::is_local_id(id)
            && self
                .articles
                .with_untracked(|l| l.iter().any(|a| a.id == id))
    }

    /// Adds articles after the kept ones (the same text twice is refused, with the reason), then
    /// rebuilds the corpus once and keeps them. Returns the ids added and the problems.
    pub fn add(&self, new: Vec<LocalArticle>) -> (Vec<String>, Vec<String>) {
        let mut all = LocalArticles {
            articles: self.articles.get_untracked(),
        };
        let (mut ids, mut problems) = (Vec::new(), Vec::new());
        for a in new {
            let id = a.id.clone();
            match all.add(a) {
                Ok(()) => ids.push(id),
                Err(e) => problems.push(e.to_string()),
            }
        }
        if !ids.is_empty() {
            self.set(all.articles);
        }
        (ids, problems)
    }

    /// Replaces the additions: rebuilds the corpus and writes the change to the database. When
    /// the write fails, [`Local::keeping`] says why; the additions stay in the page.
    pub fn set(&self, articles: Vec<LocalArticle>) {
        let changes = self.shelf.try_update_value(|s| s.changes(&articles));
        let shown = self.corpus.get_untracked();
        self.corpus
            .set(self.embedded.with_value(|e| merged(e, &articles, &shown)));
        self.articles.set(articles);
        let (Some(changes), Some(store)) = (changes, self.store.get_value()) else {
            return;
        };
        let this = *self;
        this.writing.update(|n| *n += 1);
        wasm_bindgen_futures::spawn_local(async move {
            let written = store.write(&changes).await;
            this.writing.update(|n| *n = n.saturating_sub(1));
            match written {
                Ok(()) => {
                    if this.keeping.with_untracked(|k| *k != Keeping::Kept) {
                        this.keeping.set(Keeping::Kept);
                    }
                }
                Err(e) => {
                    // What the database holds is not what the shelf expected: read it again, so
                    // the next change writes what is missing and deletes what is gone.
                    if let Ok((shelf, _, _)) = store.read().await {
                        this.shelf.set_value(shelf);
                    }
                    this.keeping.set(Keeping::NotKept(e));
                }
            }
        });
    }

    /// The additions as a bundle file.
    pub fn bundle(&self) -> String {
        LocalArticles {
            articles: self.articles.get_untracked(),
        }
        .to_bundle(&self.embedded.with_value(|c| c.name.clone()))
        .to_json()
    }
}

//! Where the additions are kept between visits: the browser's IndexedDB (through `rexie`), one
//! record per article as the core's [`Shelf`] lays them out. Additions that earlier versions kept
//! in local storage move here on the first load, and leave local storage once written.

use parallax_core::local::{key_range, Bundle, Changes, LocalArticle, Shelf};
use rexie::{KeyRange, ObjectStore, Rexie, TransactionMode, TransactionResult};
use std::fmt;
use wasm_bindgen::JsValue;

const DATABASE: &str = "parallax";
const STORE: &str = "additions";

/// Why the additions could not be kept or read back. They stay in the page until it is closed.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives the page no database (private browsing in some browsers, or disabled).
    Unavailable(String),
    /// The browser's storage for this page is full.
    Full,
    /// The database refused a read or a write.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser does not let the page keep data ({why}), so added articles last until the page is closed. Export them as a bundle to keep them."
            ),
            StorageError::Full => f.write_str(
                "The browser's storage for this page is full, so the last change was not kept; it lasts until the page is closed. Remove some added articles, or export them as a bundle first.",
            ),
            StorageError::Failed(why) => write!(
                f,
                "The browser could not keep the last change to the added articles ({why}); it lasts until the page is closed. Export them as a bundle to keep them."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// A database error in a few words (the DOM exception's name and message where there is one).
fn failed(e: rexie::Error) -> StorageError {
    let text = format!("{e:?}");
    if text.contains("QuotaExceeded") {
        return StorageError::Full;
    }
    let words = match &e {
        rexie::Error::IdbError(idb::Error::DomException(d)) => {
            format!("{}: {}", d.name(), d.message())
        }
        rexie::Error::IdbError(idb::Error::IndexedDbNotFound(_)) => "it offers no IndexedDB".into(),
        // idb's own sentence, with the browser's message.
        rexie::Error::IdbError(inner) => inner.to_string(),
        _ => e.to_string(),
    };
    StorageError::Failed(words)
}

/// The open database.
pub struct Store {
    db: Rexie,
    corpus: String,
}

/// What the database held for the corpus when the page opened.
pub struct Loaded {
    pub store: Store,
    pub shelf: Shelf,
    pub articles: Vec<LocalArticle>,
    /// Records that could not be read, and a failed move from local storage, as sentences.
    pub problems: Vec<String>,
}

impl Store {
    /// Opens the database and reads the corpus' additions, moving any from local storage first.
    pub async fn open(corpus: &str) -> Result<Loaded, StorageError> {
        let db = Rexie::builder(DATABASE)
            .version(1)
            .add_object_store(ObjectStore::new(STORE))
            .build()
            .await
            .map_err(|e| match failed(e) {
                StorageError::Failed(why) => StorageError::Unavailable(why),
                other => other,
            })?;
        let store = Store {
            db,
            corpus: corpus.to_string(),
        };
        let (mut shelf, mut articles, unreadable) = store.read().await?;
        let mut problems: Vec<String> = unreadable.iter().map(|u| u.to_string()).collect();
        if let Some(old) = legacy::read(corpus) {
            let mut all = articles.clone();
            all.extend(
                old.into_iter()
                    .filter(|a| !articles.iter().any(|k| k.id == a.id)),
            );
            match store.write(&shelf.changes(&all)).await {
                Ok(()) => legacy::clear(corpus),
                Err(e) => problems.push(e.to_string()),
            }
            articles = all;
        }
        Ok(Loaded {
            store,
            shelf,
            articles,
            problems,
        })
    }

    fn range(&self) -> Result<KeyRange, StorageError> {
        let (lo, hi) = key_range(&self.corpus);
        KeyRange::bound(&lo.into(), &hi.into(), Some(false), Some(true))
            .map_err(|e| failed(e.into()))
    }

    /// Reads the corpus' records back.
    pub async fn read(
        &self,
    ) -> Result<
        (
            Shelf,
            Vec<LocalArticle>,
            Vec<parallax_core::local::UnreadableRecord>,
        ),
        StorageError,
    > {
        let tx = self
            .db
            .transaction(&[STORE], TransactionMode::ReadOnly)
            .map_err(failed)?;
        let pairs = tx
            .store(STORE)
            .map_err(failed)?
            .scan(Some(self.range()?), None, None, None)
            .await
            .map_err(failed)?;
        let records: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| {
                (
                    k.as_string().unwrap_or_default(),
                    v.as_string().unwrap_or_default(),
                )
            })
            .collect();
        Ok(Shelf::restore(
            &self.corpus,
            records.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ))
    }

    /// Writes the changes in one transaction: all of them are kept, or none.
    pub async fn write(&self, changes: &Changes) -> Result<(), StorageError> {
        if changes.is_empty() {
            return Ok(());
        }
        let tx = self
            .db
            .transaction(&[STORE], TransactionMode::ReadWrite)
            .map_err(failed)?;
        let store = tx.store(STORE).map_err(failed)?;
        for key in &changes.delete {
            store.delete(JsValue::from_str(key)).await.map_err(failed)?;
        }
        for (key, value) in &changes.put {
            store
                .put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))
                .await
                .map_err(failed)?;
        }
        match tx.done().await.map_err(failed)? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(StorageError::Failed("the write was aborted".into())),
        }
    }
}

/// The local-storage bundle earlier versions kept the additions in.
pub mod legacy {
    use super::*;

    fn key(corpus: &str) -> String {
        format!("parallax.local.v1.{corpus}")
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The articles kept there, if any (an unreadable bundle is left where it is).
    pub fn read(corpus: &str) -> Option<Vec<LocalArticle>> {
        let json = storage()?.get_item(&key(corpus)).ok().flatten()?;
        Bundle::from_json(&json).ok().map(|b| b.articles)
    }

    /// Removes them once the database holds them.
    pub fn clear(corpus: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&key(corpus));
        }
    }
}

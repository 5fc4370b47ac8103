//! Benchmark hook (cargo feature `bench-hook`, off by default): exposes the real core search and
//! alignment over the embedded corpus to JavaScript, so the side-by-side benchmark in `bench/` can
//! time them with `performance.now()` over many repetitions. Trunk's loader puts these functions on
//! `window.wasmBindings`.

use crate::corpus::corpus;
use parallax_core::align::{align, Thresholds};
use parallax_core::ingest::{ingest_text, Article};
use parallax_core::search::{search, Options};
use std::sync::OnceLock;
use wasm_bindgen::prelude::wasm_bindgen;

/// Runs `query` exactly as the results view does (its first page of hits, with passages and
/// highlights) and returns how many articles match; 0 when the corpus cannot be opened.
#[wasm_bindgen]
pub fn bench_search(query: &str) -> u32 {
    let opts = Options {
        limit: crate::views::results::PAGE,
        ..Options::default()
    };
    corpus().map_or(0, |c| search(&c, query, &opts).total as u32)
}

/// The ids of the best `k` hits for `query`, one per line (for result-quality checks).
#[wasm_bindgen]
pub fn bench_top(query: &str, k: usize) -> String {
    let Ok(c) = corpus() else {
        return String::new();
    };
    let opts = Options {
        limit: k,
        ..Options::default()
    };
    let hits = search(&c, query, &opts).hits;
    hits.iter()
        .map(|h| h.id.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Words in each of the two long articles the alignment is timed on.
const LONG: usize = 5_000;

/// Two articles of about [`LONG`] words each, glued from the corpus's paragraphs; the second shares
/// every third paragraph of the first. Built once.
fn long_pair() -> &'static (Article, Article) {
    static PAIR: OnceLock<(Article, Article)> = OnceLock::new();
    PAIR.get_or_init(|| {
        let mut a = String::from("First long article\n\n");
        let mut b = String::from("Second long article\n\n");
        let (mut wa, mut wb) = (0, 0);
        let corpus = corpus().ok();
        let paragraphs = corpus.iter().flat_map(|c| {
            c.articles
                .iter()
                .flat_map(|x| x.main_paragraphs().map(move |(_, p)| x.slice(p.span)))
        });
        for (k, p) in paragraphs.enumerate() {
            let n = p.split_whitespace().count();
            if wa < LONG {
                a.push_str(p);
                a.push_str("\n\n");
                wa += n;
            }
            if wb < LONG && (k % 3 == 0 || wa >= LONG) {
                b.push_str(p);
                b.push_str("\n\n");
                wb += n;
            }
            if wa >= LONG && wb >= LONG {
                break;
            }
        }
        let meta = Default::default();
        (
            ingest_text("a", "a.txt", &a, &meta),
            ingest_text("b", "b.txt", &b, &meta),
        )
    })
}

/// Prepares the two long articles for [`bench_align`]; returns their word counts
/// (first × 100,000 + second).
#[wasm_bindgen]
pub fn bench_align_prepare() -> f64 {
    let (a, b) = long_pair();
    let count = |x: &Article| x.text.split_whitespace().count() as f64;
    count(a) * 100_000.0 + count(b)
}

/// Aligns the two prepared articles as the comparison view does; returns the aligned pairs.
#[wasm_bindgen]
pub fn bench_align() -> u32 {
    let (a, b) = long_pair();
    align(a, b, &Thresholds::default()).pairs.len() as u32
}

/// Bytes of WebAssembly memory in use (the corpus, its index and everything else).
#[wasm_bindgen]
pub fn bench_wasm_memory() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65_536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Over a corpus kept in static files, fetches every part `query` needs, index parts then the
/// texts of its first page of hits (as the results view would), and resolves to how many were
/// fetched; 0 over an embedded corpus or when nothing
/// was missing. Rejects with the reason when a part cannot be had.
#[wasm_bindgen]
pub fn bench_load(query: String) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let Ok(c) = corpus() else {
            return Ok(0.into());
        };
        let opts = Options {
            limit: crate::views::results::PAGE,
            ..Options::default()
        };
        let mut fetched = 0u32;
        // A search asks for the shards of its words, then for those its written forms, name
        // variants or typo neighbours point to (a typo first needs the words file), then for its
        // hits' texts; more rounds are there for safety.
        for _ in 0..8 {
            let parallax_core::static_corpus::Searched::Needs(needed) =
                c.search_static(&query, &opts)
            else {
                break;
            };
            let parts = needed.iter().map(crate::shards::get);
            for (n, got) in needed.iter().zip(futures::future::join_all(parts).await) {
                let bytes = got.map_err(|e| wasm_bindgen::JsValue::from_str(&e))?;
                c.fill(n, &bytes)
                    .map_err(|e| wasm_bindgen::JsValue::from_str(&e))?;
                fetched += 1;
            }
        }
        Ok(fetched.into())
    })
}

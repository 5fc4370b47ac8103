//! Writes what Parallax embeds for a corpus folder, for the benchmark in `bench/` to compress:
//! `cargo run --release -p parallax-core --example index_bytes -- DIR OUT_PREFIX` writes
//! `OUT_PREFIX.index` (the serialized search index), `OUT_PREFIX.corpus` (the whole embedded blob:
//! texts, analysis and index) and `OUT_PREFIX.text` (the article texts alone), and prints one JSON
//! line with the article count and the build time.

use parallax_core::fs::load_dir;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: index_bytes DIR OUT_PREFIX");
        std::process::exit(2);
    };
    let t = Instant::now();
    let corpus = match load_dir(&PathBuf::from(dir)) {
        Ok(l) => l.corpus,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let _ = corpus.facts();
    let ms = t.elapsed().as_millis();
    let index = postcard::to_allocvec(&corpus.index).expect("the index serializes");
    let text: String = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let write = |ext: &str, bytes: &[u8]| {
        std::fs::write(format!("{out}.{ext}"), bytes).unwrap_or_else(|e| {
            eprintln!("cannot write {out}.{ext}: {e}");
            std::process::exit(1);
        })
    };
    write("index", &index);
    let blob = corpus.encode();
    write("corpus", &blob);
    // What the page does first: decode the embedded blob (best of three).
    let decode_ms = (0..3)
        .map(|_| {
            let t = Instant::now();
            let c = parallax_core::Corpus::decode(&blob).expect("the corpus decodes");
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(c);
            ms
        })
        .fold(f64::INFINITY, f64::min);
    write("text", text.as_bytes());
    println!(
        "{{\"articles\":{},\"build_ms\":{ms},\"decode_ms\":{decode_ms:.1}}}",
        corpus.articles.len()
    );
}

//! Search benchmark: `cargo bench -p parallax-core --bench search [-- SIZES]`.
//!
//! For the seeds and for generated corpora (default 1,000 and 10,000 articles; pass sizes to
//! change), prints: ingest + index build time, index size raw / gzip / brotli per MB of article
//! text, and query latency p50 / p95 per kind of query (native, one core). Numbers, not pass/fail:
//! the targets are in the README.

use parallax_core::fs::load_dir;
use parallax_core::ingest::ingest_text;
use parallax_core::search::{search, Options};
use parallax_core::synth::generate;
use parallax_core::Corpus;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

const MIX: &[(&str, &[&str])] = &[
    (
        "rare",
        &["Linkevicius", "Biegun", "potash", "Yemen", "Latushko"],
    ),
    (
        "common",
        &[
            "Lukashenko",
            "opposition",
            "election",
            "Belarus",
            "protesters",
        ],
    ),
    (
        "stopword-heavy",
        &[
            "the opposition in the",
            "of the vote",
            "to the president",
            "in the country and",
        ],
    ),
    (
        "multi-term",
        &[
            "dialogue opposition Minsk",
            "sanctions European Union",
            "police detained protesters",
        ],
    ),
    (
        "phrase",
        &[
            "\"political prisoners\"",
            "\"presidential election\"",
            "\"European Union\"",
        ],
    ),
    ("prefix", &["sanct*", "protest*", "elect*", "Lukash*"]),
    (
        "fuzzy",
        &["sanctoins", "Lukashneko", "oppositon", "electoin"],
    ),
    (
        "name variant",
        &["Tsikhanouskaya", "Kalesnikava", "Lukashenka"],
    ),
    (
        "filtered",
        &[
            "outlet:TASS dialogue",
            "date:2020-08 sanctions",
            "-outlet:Reuters opposition",
        ],
    ),
    ("not found", &["xylophone", "quixotic zebra"]),
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn compressed(bytes: &[u8]) -> (usize, usize) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    let gz = gz.finish().unwrap().len();
    let mut br = Vec::new();
    brotli::BrotliCompress(
        &mut &bytes[..],
        &mut br,
        &brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        },
    )
    .unwrap();
    (gz, br.len())
}

fn report(label: &str, corpus: &Corpus, ingest_ms: f64, index_ms: f64) {
    let text_bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let mb = text_bytes as f64 / 1_048_576.0;
    let index = postcard::to_allocvec(&corpus.index).unwrap();
    let (gz, br) = compressed(&index);
    println!(
        "\n## {label}: {} articles, {:.2} MB of text, {} distinct terms",
        corpus.articles.len(),
        mb,
        corpus.index.terms.len()
    );
    println!(
        "build: {:.0} ms = ingest {ingest_ms:.0} ms + corpus passes and index {index_ms:.0} ms",
        ingest_ms + index_ms
    );
    println!(
        "index: {:.0} KB raw, {:.0} KB gzip, {:.0} KB brotli  →  {:.0} KB brotli per MB of text",
        index.len() as f64 / 1024.0,
        gz as f64 / 1024.0,
        br as f64 / 1024.0,
        br as f64 / 1024.0 / mb.max(1e-9)
    );
    let part = |bytes: Vec<u8>| compressed(&bytes).1 as f64 / 1024.0;
    let ix = &corpus.index;
    println!(
        "  of which (brotli, KB): postings {:.0}, terms {:.0}, written forms {:.0}, name keys {:.0}, units and lengths {:.0}",
        part(parallax_core::index::compact::encode(&ix.postings)),
        part(postcard::to_allocvec(&ix.terms).unwrap()),
        part(postcard::to_allocvec(&ix.surfaces).unwrap()),
        part(postcard::to_allocvec(&ix.name_keys).unwrap()),
        part(postcard::to_allocvec(&(&ix.units, &ix.doc_len, &ix.doc_freq)).unwrap()),
    );
    println!(
        "{:<16} {:>9} {:>9} {:>9}",
        "query kind", "p50 µs", "p95 µs", "max µs"
    );
    let opts = Options::default();
    let mut all = Vec::new();
    for (kind, queries) in MIX {
        let mut times = Vec::new();
        let reps = if corpus.articles.len() > 5000 { 10 } else { 40 };
        for q in *queries {
            let _ = search(corpus, q, &opts); // warm-up
            for _ in 0..reps {
                let t = Instant::now();
                let r = search(corpus, q, &opts);
                times.push(t.elapsed().as_secs_f64() * 1e6);
                std::hint::black_box(r);
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<16} {:>9.0} {:>9.0} {:>9.0}",
            kind,
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times.last().unwrap()
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "{:<16} {:>9.0} {:>9.0} {:>9.0}",
        "ALL",
        percentile(&all, 0.5),
        percentile(&all, 0.95),
        all.last().unwrap()
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    let seeds_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let t = Instant::now();
    let seeds = load_dir(&seeds_dir).expect("seeds").corpus;
    report("seeds", &seeds, t.elapsed().as_secs_f64() * 1e3, 0.0);
    for n in sizes {
        let generated = generate(&seeds, n, 42);
        let t = Instant::now();
        let articles = generated
            .files
            .iter()
            .map(|f| ingest_text(&f.name, &f.name, &f.text, &Default::default()))
            .collect();
        let ingest_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let corpus = Corpus::from_articles("generated", articles);
        let _ = corpus.facts();
        report(
            &format!("generated {n}"),
            &corpus,
            ingest_ms,
            t.elapsed().as_secs_f64() * 1e3,
        );
    }
}

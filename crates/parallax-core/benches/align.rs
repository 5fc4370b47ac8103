//! Alignment benchmark: `cargo bench -p parallax-core --bench align [-- SIZES]`.
//!
//! Prints the time to align two articles of about 5,000 words each (the page does this when two
//! articles are compared) and corpus-wide reuse detection over generated corpora (default 1,000
//! and 10,000 articles), with how many copied pairs it found against the generator's ground truth.

use parallax_core::align::{align, reuse, Thresholds};
use parallax_core::fs::load_dir;
use parallax_core::ingest::ingest_text;
use parallax_core::synth::generate;
use std::path::PathBuf;
use std::time::Instant;

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
    let seeds = load_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds"))
        .expect("seeds")
        .corpus;

    // Two long articles: generated articles glued until ~5,000 words, the second sharing a third
    // of the first's paragraphs.
    let pool = generate(&seeds, 200, 7);
    let mut a = String::from("First long article\n\n");
    let mut b = String::from("Second long article\n\n");
    let mut words = (0, 0);
    for (i, f) in pool.files.iter().enumerate() {
        let body: Vec<&str> = f.text.split("\n\n").skip(1).collect();
        for (k, p) in body.iter().enumerate() {
            if words.0 < 5000 {
                a.push_str(p);
                a.push_str("\n\n");
                words.0 += p.split_whitespace().count();
            }
            if words.1 < 5000 && (i % 2 == 1 || k % 3 == 0) {
                b.push_str(p);
                b.push_str("\n\n");
                words.1 += p.split_whitespace().count();
            }
        }
    }
    let x = ingest_text("a", "a.txt", &a, &Default::default());
    let y = ingest_text("b", "b.txt", &b, &Default::default());
    let t = Thresholds::default();
    let _ = align(&x, &y, &t);
    let mut times = Vec::new();
    let mut pairs = 0;
    for _ in 0..30 {
        let s = Instant::now();
        let al = align(&x, &y, &t);
        times.push(s.elapsed().as_secs_f64() * 1e3);
        pairs = al.pairs.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "align two articles of {} and {} words ({} and {} paragraphs): p50 {:.1} ms, p95 {:.1} ms, {} pairs",
        words.0,
        words.1,
        x.paragraphs.len(),
        y.paragraphs.len(),
        times[times.len() / 2],
        times[(times.len() * 95) / 100],
        pairs
    );

    for n in sizes {
        let generated = generate(&seeds, n, 42);
        let articles: Vec<_> = generated
            .files
            .iter()
            .map(|f| ingest_text(&f.name, &f.name, &f.text, &Default::default()))
            .collect();
        let s = Instant::now();
        let found = reuse(&articles, &t);
        let ms = s.elapsed().as_secs_f64() * 1e3;
        let truth: std::collections::HashSet<(usize, usize)> = generated
            .copies
            .iter()
            .map(|(c, src, _)| (*src.min(c), *src.max(c)))
            .collect();
        let hit = found.iter().filter(|r| truth.contains(&(r.a, r.b))).count();
        println!(
            "reuse over {n} articles: {ms:.0} ms, {} article pairs share copied paragraphs; {hit} of the {} planted copies found",
            found.len(),
            truth.len()
        );
    }
}

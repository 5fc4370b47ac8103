//! Embeds the corpus: reads `CORPUS_DIR` (default `seeds/`), ingests it with parallax-core, and
//! writes the serialized corpus to `$OUT_DIR/corpus.bin` for `include_bytes!`.
//! A bad article file stops the build with the file, line and a sentence on how to fix it.
//! A summary of the corpus (articles, outlets, dates, warnings, time taken) is printed as cargo
//! warnings so that every build shows it; over large folders, progress goes to stderr, which
//! cargo shows as it happens with `-vv`.

use std::path::PathBuf;
use std::time::Instant;

/// Folders with this many article files or more report progress.
const PROGRESS_FROM: usize = 200;

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let dir = match std::env::var_os("CORPUS_DIR") {
        Some(d) if !d.is_empty() => manifest.join(d), // an absolute path replaces the base
        _ => manifest.join("seeds"),
    };
    // Watching the folder catches added and removed files; the files catch edits.
    println!("cargo:rerun-if-changed={}", dir.display());
    let start = Instant::now();
    let mut step = 0;
    let mut progress = |done: usize, total: usize| {
        if total >= PROGRESS_FROM && done * 10 / total > step {
            step = done * 10 / total;
            eprintln!("parallax: ingested {done} of {total} article files");
        }
    };
    let loaded = match parallax_core::fs::load_dir_with_progress(&dir, &mut progress) {
        Ok(l) => l,
        Err(errors) => {
            eprintln!("error: {errors}");
            std::process::exit(1);
        }
    };
    for input in &loaded.inputs {
        println!("cargo:rerun-if-changed={}", input.display());
    }
    for w in &loaded.warnings {
        println!("cargo:warning={w}");
    }
    let bytes = loaded.corpus.encode();
    for line in parallax_core::summary::lines(&loaded.corpus, loaded.warnings.len()) {
        println!("cargo:warning={line}");
    }
    let secs = start.elapsed().as_secs_f64();
    let kb = bytes.len() as f64 / 1024.0;
    println!(
        "cargo:warning=built in {} from {}; {} embedded (corpus and search index, before compression)",
        if secs < 1.0 { format!("{:.0} ms", secs * 1e3) } else { format!("{secs:.1} s") },
        dir.display(),
        if kb < 1024.0 { format!("{kb:.0} KB") } else { format!("{:.1} MB", kb / 1024.0) }
    );
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("error: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

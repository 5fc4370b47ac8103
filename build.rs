//! Embeds the corpus: reads `CORPUS_DIR` (default `seeds/`), ingests it with parallax-core, and
//! writes the serialized corpus to `$OUT_DIR/corpus.bin` for `include_bytes!`.
//! A bad article file stops the build with the file, line and a sentence on how to fix it.
//! A summary of the corpus (articles, outlets, dates, warnings, time taken) is printed as cargo
//! warnings so that every build shows it; over large folders, progress goes to stderr, which
//! cargo shows as it happens with `-vv`.
//!
//! A large corpus (`PARALLAX_SHARD_FROM` articles or more, 2,000 by default; `never` turns it
//! off) is split: its head, text parts and postings shards go, named by their fingerprints,
//! into the pool `<target>/parallax-static/` with a manifest (`manifest.<head fingerprint>.txt`);
//! the wasm embeds only the head's name and size (`$OUT_DIR/corpus-head.txt`; `corpus.bin` is
//! then empty) and fetches the head at start, the rest as views need it. Trunk's post-build hook
//! `scripts/static-corpus.mjs` copies the files of the head the built wasm names into
//! `dist/corpus/`. `PARALLAX_SHARD_BYTES` sets the shard size (bytes of postings before
//! compression; 48 KiB by default), `PARALLAX_TEXT_BYTES` the text parts' (bytes of article text;
//! 4 KiB by default).

use std::path::PathBuf;
use std::time::Instant;

/// Folders with this many article files or more report progress.
const PROGRESS_FROM: usize = 200;

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-env-changed=PARALLAX_SHARD_FROM");
    println!("cargo:rerun-if-env-changed=PARALLAX_SHARD_BYTES");
    println!("cargo:rerun-if-env-changed=PARALLAX_TEXT_BYTES");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");
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
    let policy: parallax_core::static_corpus::ShardPolicy =
        match std::env::var("PARALLAX_SHARD_FROM") {
            Ok(v) if !v.trim().is_empty() => v.parse().unwrap_or_else(|e| {
                eprintln!("error: {e}");
                std::process::exit(1);
            }),
            _ => Default::default(),
        };
    let mut shard_opts = parallax_core::index::shards::ShardOptions::default();
    if let Ok(v) = std::env::var("PARALLAX_SHARD_BYTES") {
        match v.trim().parse::<usize>() {
            Ok(n) if n >= 256 => shard_opts.postings_bytes = n,
            _ => {
                eprintln!("error: PARALLAX_SHARD_BYTES is `{v}`: give a number of bytes, 256 or more (the default is {})", shard_opts.postings_bytes);
                std::process::exit(1);
            }
        }
    }
    if let Ok(v) = std::env::var("PARALLAX_TEXT_BYTES") {
        match v.trim().parse::<usize>() {
            Ok(n) if n >= 1 => shard_opts.part_bytes = n,
            _ => {
                eprintln!("error: PARALLAX_TEXT_BYTES is `{v}`: give a number of bytes of article text per text part, 1 or more (the default is {})", shard_opts.part_bytes);
                std::process::exit(1);
            }
        }
    }
    let mut head_line = String::new();
    let bytes = if policy.splits(loaded.corpus.articles.len()) {
        let split = loaded.corpus.to_static(shard_opts);
        let pool = target_dir(&manifest).join("parallax-static");
        if let Err(e) = write_pool(&pool, &split) {
            eprintln!(
                "error: cannot write the corpus files into {}: {e}",
                pool.display()
            );
            std::process::exit(1);
        }
        let shard_bytes: usize = split.shards.iter().map(|f| f.bytes.len()).sum();
        println!(
            "cargo:warning=split into static files (PARALLAX_SHARD_FROM), beside the page in corpus/: the head, {:.1} MB, fetched at start; {} text parts, {:.1} MB, fetched as views show their articles; {} postings shards, {:.1} MB in all, fetched as searches need them",
            split.opening_bytes() as f64 / (1024.0 * 1024.0),
            split.parts.len(),
            split.parts.iter().map(|f| f.bytes.len()).sum::<usize>() as f64 / (1024.0 * 1024.0),
            split.shards.len(),
            shard_bytes as f64 / (1024.0 * 1024.0)
        );
        head_line = format!("{} {}", split.head.name, split.opening_bytes());
        Vec::new()
    } else {
        loaded.corpus.encode()
    };
    for line in parallax_core::summary::lines(&loaded.corpus, loaded.warnings.len()) {
        println!("cargo:warning={line}");
    }
    let secs = start.elapsed().as_secs_f64();
    let kb = bytes.len() as f64 / 1024.0;
    println!(
        "cargo:warning=built in {} from {}; {}",
        if secs < 1.0 {
            format!("{:.0} ms", secs * 1e3)
        } else {
            format!("{secs:.1} s")
        },
        dir.display(),
        if bytes.is_empty() {
            "the wasm embeds only the head's name".to_string()
        } else if kb < 1024.0 {
            format!("{kb:.0} KB embedded (corpus and search index, before compression)")
        } else {
            format!(
                "{:.1} MB embedded (corpus and search index, before compression)",
                kb / 1024.0
            )
        }
    );
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let head = out_dir.join("corpus-head.txt");
    if let Err(e) = std::fs::write(&head, head_line) {
        eprintln!("error: cannot write {}: {e}", head.display());
        std::process::exit(1);
    }
    let out = out_dir.join("corpus.bin");
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("error: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

/// Cargo's target folder: `CARGO_TARGET_DIR` (relative to the package) or `target/`.
fn target_dir(manifest: &std::path::Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => manifest.join(d),
        _ => manifest.join("target"),
    }
}

/// Writes a split corpus's files into the pool (files already there are the same bytes, by their
/// names) and its manifest: the head's name, then the article parts' and the shards', one per line.
fn write_pool(
    pool: &std::path::Path,
    split: &parallax_core::static_corpus::StaticCorpus,
) -> std::io::Result<()> {
    std::fs::create_dir_all(pool)?;
    let mut manifest = String::new();
    for f in split.files() {
        let path = pool.join(&f.name);
        if !path.exists() {
            let tmp = pool.join(format!("{}.tmp", f.name));
            std::fs::write(&tmp, &f.bytes)?;
            std::fs::rename(&tmp, &path)?;
        }
        manifest.push_str(&f.name);
        manifest.push('\n');
    }
    let fp = split.head.name.split('.').nth(1).unwrap_or_default();
    std::fs::write(pool.join(format!("manifest.{fp}.txt")), manifest)
}

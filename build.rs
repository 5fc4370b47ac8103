//! Embeds the corpus: reads `CORPUS_DIR` (default `seeds/`), ingests it with parallax-core, and
//! writes the serialized corpus to `$OUT_DIR/corpus.bin` for `include_bytes!`.
//! A bad article file stops the build with the file, line and a sentence on how to fix it.

use std::path::PathBuf;

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
    let loaded = match parallax_core::fs::load_dir(&dir) {
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
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    if let Err(e) = std::fs::write(&out, loaded.corpus.encode()) {
        eprintln!("error: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

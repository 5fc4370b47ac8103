//! Ingest accepts any text, spans stay on character boundaries, and a corpus of it encodes,
//! decodes and answers a search.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::ingest::Meta;
use parallax_core::search::{search, Options};
use parallax_core::{ingest_text, Corpus};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = ingest_text("f", "f.txt", &text, &Meta::default());
    for p in &a.paragraphs {
        assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
        for s in &p.sentences {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let query: String = text.chars().take(30).collect();
    let corpus = Corpus::from_articles("fuzz", vec![a]);
    let back = Corpus::decode(&corpus.encode()).expect("a corpus decodes");
    let _ = search(&back, &query, &Options::default());
});

//! Prints how ingest segmented an article: `cargo run -p parallax-core --example dump -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let a = parallax_core::ingest_text("x", &path, &text, &Default::default());
    for s in &a.segments {
        println!(
            "[{:?} {}..{}] {:?}",
            s.kind,
            s.span.start,
            s.span.end,
            a.slice(s.span).chars().take(70).collect::<String>()
        );
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        println!(
            "¶{i} {:?} repeat_of={:?}",
            p.role,
            p.repeat_of.map(|r| r.paragraph)
        );
        for s in &p.sentences {
            println!("    · {}", a.slice(*s));
        }
    }
}

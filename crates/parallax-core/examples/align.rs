//! Prints the alignment of two seed articles: `cargo run -p parallax-core --example align -- 000 001`.
use parallax_core::align::{align, Thresholds};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = parallax_core::fs::load_dir(std::path::Path::new("seeds"))
        .expect("seeds")
        .corpus;
    let find = |p: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.id.starts_with(p))
            .expect("article")
    };
    let (a, b) = (find(&args[0]), find(&args[1]));
    let al = align(a, b, &Thresholds::default());
    for p in &al.pairs {
        let m = &p.measure;
        println!("¶{} ~ ¶{} {:?} copied {:.2} ({:.2}/{:.2}) dice {:.2} cover {:.2} names {:?} figures {:?}", p.a + 1, p.b + 1, p.kind, m.copied, m.copied_a_in_b, m.copied_b_in_a, m.dice, m.cover, m.shared_names, m.shared_figures);
        println!(
            "   A: {}",
            &a.slice(a.paragraphs[p.a].span)
                .chars()
                .take(100)
                .collect::<String>()
        );
        println!(
            "   B: {}",
            &b.slice(b.paragraphs[p.b].span)
                .chars()
                .take(100)
                .collect::<String>()
        );
    }
    println!(
        "only A: {:?}\nonly B: {:?}",
        al.only_a.iter().map(|p| p + 1).collect::<Vec<_>>(),
        al.only_b.iter().map(|p| p + 1).collect::<Vec<_>>()
    );
}

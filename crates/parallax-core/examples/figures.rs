//! Prints the figures of the seeds: `cargo run -p parallax-core --example figures`.
fn main() {
    let corpus = parallax_core::fs::load_dir(std::path::Path::new("seeds"))
        .expect("seeds")
        .corpus;
    for a in &corpus.articles {
        for f in parallax_core::figures::extract(a) {
            println!(
                "{} ¶{} {:<18} {:<12} {:?} [{}] {:?}",
                &a.id[..3],
                f.paragraph + 1,
                f.measure.label(),
                f.normalised(),
                a.slice(f.span),
                f.cue,
                f.subject
            );
        }
    }
    let all: Vec<_> = corpus.articles.iter().collect();
    for row in parallax_core::figures::table(&all) {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                c.iter()
                    .map(|f| f.normalised())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .collect();
        println!(
            "{:<18} disagree={} {:?}",
            row.measure.label(),
            row.disagreement,
            cells
        );
    }
}

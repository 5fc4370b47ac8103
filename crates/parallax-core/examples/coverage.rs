//! Prints the coverage views of the seeds: `cargo run -p parallax-core --example coverage`.
use parallax_core::coverage::{self, DateRange, Rows};

fn main() {
    let corpus = parallax_core::fs::load_dir(std::path::Path::new("seeds"))
        .expect("seeds")
        .corpus;
    let sel = coverage::select(&corpus, DateRange::default());
    for by in [Rows::Outlets, Rows::Actors] {
        let m = coverage::matrix(&sel, by);
        print!("{}", m.table().csv());
    }
    for g in coverage::ledger(&sel) {
        println!("## {}", g.label);
        for a in g.actors {
            println!(
                "  {} q{} r{} {:?} {:?}",
                a.name, a.quoted, a.reported, a.outlets, a.positions
            );
        }
    }
    let t = coverage::timeline(&corpus);
    println!("{} .. {} {:?}", t.start, t.end, t.ticks(8));
    print!("{}", t.table(&corpus).csv());
    for n in coverage::name_usage(&sel) {
        let s: Vec<String> = n
            .spellings
            .iter()
            .map(|s| format!("{} ({}: {:?})", s.text, s.total, s.outlets))
            .collect();
        println!("{}: {}", n.key, s.join(" | "));
    }
    print!("{}", coverage::figures_across(&sel).table(&corpus).csv());
}

//! The few lines that sum up a corpus after it is built: printed by the build script (as cargo
//! warnings, so they show) and by `parallax articles --summary`.

use crate::formats::Format;
use crate::ingest::Provenance;
use crate::Corpus;
use std::collections::BTreeMap;

/// How many outlets are named before "and N more".
const OUTLETS_SHOWN: usize = 8;

/// Sums up a corpus: articles (per format), outlets (most frequent first), date range, where the
/// dates come from, where the stance profile comes from, and how many warnings reading the
/// folder gave.
///
/// ```text
/// corpus “seeds”: 5 articles (5 .txt), 7 outlets, dated 14 Aug 2020 to 13 Jul 2021
/// outlets: UrduPoint 2, Sputnik 2, Reuters 1, TASS 1, inkl 1, …
/// dates: 3 stated in the files, 1 set in corpus.toml, 1 inferred, 0 unknown
/// stance profile: the built-in profile (the seed story)
/// warnings: none
/// ```
pub fn lines(corpus: &Corpus, warnings: usize) -> Vec<String> {
    let mut formats: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &corpus.articles {
        let f = Format::from_name(&a.file_name).map_or("other", Format::as_str);
        *formats.entry(f).or_default() += 1;
    }
    let formats: Vec<String> = ["txt", "md", "html", "other"]
        .iter()
        .filter_map(|f| formats.get(f).map(|n| format!("{n} .{f}")))
        .collect();
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &corpus.articles {
        for o in &a.outlets {
            *outlets.entry(o.name.as_str()).or_default() += 1;
        }
    }
    let mut by_count: Vec<(&str, usize)> = outlets.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let s = corpus.summary();
    let n = corpus.articles.len();
    let range = match s.date_range {
        Some((a, b)) if a == b => format!("dated {}", a.human()),
        Some((a, b)) => format!("dated {} to {}", a.human(), b.human()),
        None => "no dates".into(),
    };
    let mut first = format!(
        "corpus “{}”: {n} article{} ({}), {} outlet{}, {range}",
        corpus.name,
        if n == 1 { "" } else { "s" },
        formats.join(", "),
        by_count.len(),
        if by_count.len() == 1 { "" } else { "s" },
    );
    let unknown_outlet = corpus
        .articles
        .iter()
        .filter(|a| a.outlets.is_empty())
        .count();
    if unknown_outlet > 0 {
        first.push_str(&format!(" ({unknown_outlet} with no known outlet)"));
    }
    let mut outlet_line = by_count
        .iter()
        .take(OUTLETS_SHOWN)
        .map(|(name, n)| format!("{name} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    if by_count.len() > OUTLETS_SHOWN {
        outlet_line.push_str(&format!(" and {} more", by_count.len() - OUTLETS_SHOWN));
    }
    if outlet_line.is_empty() {
        outlet_line = "none named".into();
    }
    let count = |p: &[Provenance]| {
        corpus
            .articles
            .iter()
            .filter(|a| p.contains(&a.date.provenance))
            .count()
    };
    vec![
        first,
        format!("outlets: {outlet_line}"),
        format!(
            "dates: {} stated in the files, {} set in corpus.toml, {} inferred, {} unknown",
            count(&[Provenance::Header, Provenance::Text]),
            count(&[Provenance::Sidecar]),
            count(&[Provenance::Inferred]),
            count(&[Provenance::Unknown]),
        ),
        format!("stance profile: {}", corpus.profile_source.describe()),
        match warnings {
            0 => "warnings: none".into(),
            1 => "warnings: 1 (above)".into(),
            n => format!("warnings: {n} (above)"),
        },
    ]
}

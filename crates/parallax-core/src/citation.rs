//! Citation lines for shared links: outlet, title, date and the link, as plain text.

use crate::ingest::{Article, Provenance};

/// One article: `Reuters via inkl, “Title”, 18 Aug 2020. LINK`. An inferred date says so;
/// an unknown one is left out.
pub fn article(a: &Article, link: &str) -> String {
    let date = match a.date.provenance {
        Provenance::Unknown => None,
        Provenance::Inferred => Some(format!("{} (inferred)", a.date.human())),
        _ => Some(a.date.human()),
    }
    .filter(|_| a.date.date.is_some());
    let mut s = format!("{}, “{}”", a.outlet_label(), one_line(&a.title.text));
    if let Some(d) = date {
        s.push_str(", ");
        s.push_str(&d);
    }
    s.push_str(". ");
    s.push_str(link);
    s
}

/// Several articles compared: each as in [`article`] without the link, then the link once.
pub fn comparison(articles: &[&Article], link: &str) -> String {
    let parts: Vec<String> = articles
        .iter()
        .map(|a| article(a, "").trim_end_matches(". ").to_string())
        .collect();
    format!("Parallax comparison of {}. {link}", parts.join("; "))
}

/// Titles are one line in a citation, whatever the file held.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::ingest::{ingest_text, Meta};

    #[test]
    fn a_citation_names_outlet_title_date_and_link() {
        let meta = Meta {
            title: Some("Harbour\nreopens".into()),
            outlets: Some(vec!["Example Daily".into()]),
            date: crate::date::Date::parse_iso("2020-08-18"),
            ..Default::default()
        };
        let a = ingest_text("a", "a.txt", "The harbour reopened on Monday.\n", &meta);
        assert_eq!(
            super::article(&a, "https://x/?v=1&doc=a"),
            "Example Daily, “Harbour reopens”, 18 Aug 2020. https://x/?v=1&doc=a"
        );
        assert_eq!(
            super::comparison(&[&a, &a], "L"),
            "Parallax comparison of Example Daily, “Harbour reopens”, 18 Aug 2020; Example Daily, “Harbour reopens”, 18 Aug 2020. L"
        );
    }
}

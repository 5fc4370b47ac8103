//! Article ids for collected pages: the outlet and the headline as URL-friendly words
//! (`corran-post_dock-workers-walk-out-over-pay`), never an id the folder already has.

/// At most this many bytes of the outlet go into an id.
pub const OUTLET_MAX: usize = 30;
/// At most this many bytes of the headline go into an id.
pub const HEADLINE_MAX: usize = 60;

/// `s` in lower-case ASCII letters and digits joined by `-` (diacritics folded, Cyrillic
/// transliterated, other scripts dropped), cut at a word boundary to at most `max` bytes.
pub fn slug(s: &str, max: usize) -> String {
    let folded = crate::text::normalise::fold(s);
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = word.len() + usize::from(!out.is_empty());
        if out.len() + extra > max {
            if out.is_empty() {
                out.push_str(&word[..max.min(word.len())]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// The id of a collected page: `outlet_headline` (the host stands for an unknown outlet,
/// `article` for a missing headline), with `-2`, `-3`, … added while `taken` says the id (or one
/// differing only in case) is in use.
pub fn make_id(
    outlet: Option<&str>,
    headline: Option<&str>,
    host: Option<&str>,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let who = outlet
        .map(|o| slug(o, OUTLET_MAX))
        .filter(|s| !s.is_empty())
        .or_else(|| host.map(|h| slug(h, OUTLET_MAX)).filter(|s| !s.is_empty()));
    let what = headline
        .map(|h| slug(h, HEADLINE_MAX))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".into());
    let base = match who {
        Some(w) => format!("{w}_{what}"),
        None => what,
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            ("plain", "Corran Post", 30, "corran-post"),
            (
                "punctuation",
                "Dockers’ strike: talks fail — again!",
                60,
                "dockers-strike-talks-fail-again",
            ),
            ("diacritics", "Łódź café déjà vu", 60, "lodz-cafe-deja-vu"),
            ("cyrillic", "Ціханоўская", 60, "tsikhanouskaya"),
            ("cut at a word", "one two three four", 13, "one-two-three"),
            ("one long word", "abcdefghij", 4, "abcd"),
            ("nothing usable", "★ ☆ 中文", 60, ""),
        ];
        for (case, s, max, want) in cases {
            assert_eq!(slug(s, max), want, "{case}");
        }
    }

    #[test]
    fn ids_from_outlet_and_headline_never_collide() {
        let taken = |id: &str| {
            [
                "corran-post_dockers-strike",
                "corran-post_dockers-strike-2",
                "article",
            ]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(id))
        };
        // (case, outlet, headline, host, id)
        let cases = [
            (
                "outlet and headline",
                Some("Harbour Daily"),
                Some("Port reopens"),
                None,
                "harbour-daily_port-reopens",
            ),
            (
                "taken twice: -3",
                Some("Corran Post"),
                Some("Dockers STRIKE"),
                None,
                "corran-post_dockers-strike-3",
            ),
            (
                "the host for an unknown outlet",
                None,
                Some("Port reopens"),
                Some("news.example"),
                "news-example_port-reopens",
            ),
            (
                "no headline",
                Some("Harbour Daily"),
                None,
                None,
                "harbour-daily_article",
            ),
            ("nothing at all, taken", None, None, None, "article-2"),
            (
                "an outlet of no letters",
                Some("中文"),
                Some("Port"),
                Some("127.0.0.1"),
                "127-0-0-1_port",
            ),
        ];
        for (case, outlet, headline, host, want) in cases {
            assert_eq!(make_id(outlet, headline, host, &taken), want, "{case}");
        }
    }
}

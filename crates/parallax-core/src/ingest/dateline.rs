//! Datelines: the place (and often outlet and date) that opens a wire story.
//!
//! Forms read:
//! - `ROME (UrduPoint News / Sputnik - 27th August, 2020) Italy calls …`
//! - `BRUSSELS, August 14. /TASS/. The European Union …`
//! - `MOSCOW (Reuters) - Russian President …`
//! - `WASHINGTON, Aug 14 (AP) — …`
//! - `KYIV — …`

use crate::date::{find_dates, DateMention};
use crate::Span;

/// A dateline found at the start of a paragraph. All spans are absolute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The place as written.
    pub place: String,
    /// The dateline itself (place, outlets, date and separators), trimmed.
    pub span: Span,
    /// Where the story text begins.
    pub body_start: usize,
    /// Outlet names as written, with their spans.
    pub outlets: Vec<(String, Span)>,
    /// The date the dateline states.
    pub date: Option<DateMention>,
}

fn is_place_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
}

fn skip_spaces(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start().len())
}

/// A dash or colon separating dateline and story, with the spaces around it.
fn skip_separator(s: &str, at: usize) -> usize {
    let p = skip_spaces(s, at);
    for sep in ["--", "—", "–", "-", ":"] {
        if let Some(rest) = s[p..].strip_prefix(sep) {
            let glued = rest.starts_with(|c: char| c.is_uppercase());
            if rest.starts_with(char::is_whitespace) || glued {
                return skip_spaces(s, p + sep.len());
            }
        }
    }
    p
}

/// Closes a dateline whose story starts at `p`, if a story starts there.
fn finish(mut found: Found, text: &str, offset: usize, p: usize) -> Option<Found> {
    if !starts_story(&text[p..]) {
        return None;
    }
    found.span = Span::new(offset, offset + text[..p].trim_end().len());
    found.body_start = offset + p;
    Some(found)
}

/// `Niger (AP)`: one to three title-case words, then a bracket; the bracket's offset.
fn region_then_bracket(s: &str) -> Option<usize> {
    let mut at = 0;
    for _ in 0..3 {
        let w_end = s[at..].find(' ').map(|i| at + i)?;
        let w = &s[at..w_end];
        if !w.chars().next().is_some_and(char::is_uppercase)
            || crate::date::month_number(w).is_some()
        {
            return None;
        }
        at = w_end + 1;
        if s[at..].starts_with('(') {
            return Some(at);
        }
    }
    None
}

fn starts_story(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'')
    })
}

/// Outlet names in `inner` (`UrduPoint News / Sputnik`), split on `/`, `,`, `;` and ` and `.
fn outlet_names(inner: &str, base: usize, out: &mut Vec<(String, Span)>) {
    let mut pos = 0;
    for part in inner.split(['/', ',', ';']) {
        let mut sub_pos = pos;
        for name in part.split(" and ") {
            let t = name.trim();
            if !t.is_empty() && t.len() <= 40 && t.chars().any(char::is_alphabetic) {
                let lead = name.len() - name.trim_start().len();
                let s = base + sub_pos + lead;
                out.push((t.to_string(), Span::new(s, s + t.len())));
            }
            sub_pos += name.len() + " and ".len();
        }
        pos += part.len() + 1;
    }
}

/// Reads the parenthesised part: outlets, then an optional ` - date`.
fn parenthesised(inner: &str, base: usize, found: &mut Found) {
    let dates = find_dates(inner);
    let outlet_part_end = match dates.first() {
        Some(d) => {
            found.date = Some(DateMention {
                start: base + d.start,
                end: base + d.end,
                ..*d
            });
            inner[..d.start]
                .trim_end_matches([' ', '-', '–', '—', ','])
                .len()
        }
        None => inner.len(),
    };
    outlet_names(&inner[..outlet_part_end], base, &mut found.outlets);
}

/// A place written in title case (`Beijing`, `Addis Ababa`): only a dateline when a date or a
/// known outlet in brackets follows, so that a sentence's subject is never taken for one.
fn title_place_end(text: &str) -> Option<usize> {
    let mut end = 0;
    for w in text.split(' ').take(3) {
        let ok = w.chars().next().is_some_and(char::is_uppercase)
            && w.trim_end_matches(',')
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
        if !ok {
            break;
        }
        end += w.len();
        if w.ends_with(',') {
            return Some(end - 1);
        }
        end += 1;
        if text.get(end..).is_some_and(|r| r.starts_with('(')) {
            return Some(end - 1);
        }
    }
    None
}

/// `(AFP) - The talks …`: an agency in brackets opening the story, with no place.
fn bare_agency(text: &str, offset: usize) -> Option<Found> {
    let inner_end = text.strip_prefix('(')?.find(')')?;
    let inner = &text[1..1 + inner_end];
    crate::outlets::lookup(inner)?;
    let p = skip_separator(text, inner_end + 2);
    if p == inner_end + 2 || !starts_story(&text[p..]) {
        return None;
    }
    Some(Found {
        place: String::new(),
        span: Span::new(offset, offset + text[..p].trim_end().len()),
        body_start: offset + p,
        outlets: vec![(
            inner.to_string(),
            Span::new(offset + 1, offset + 1 + inner.len()),
        )],
        date: None,
    })
}

/// Finds a dateline at the start of `text` (which starts at byte `offset` of the file).
pub fn parse(text: &str, offset: usize) -> Option<Found> {
    if text.starts_with('(') {
        return bare_agency(text, offset);
    }
    if let Some(f) = parse_caps(text, offset) {
        return Some(f);
    }
    // A title-case place: accepted only with a date or a known agency after it.
    let end = title_place_end(text)?;
    let f = parse_from(text, offset, end)?;
    let known = f
        .outlets
        .iter()
        .any(|(n, _)| crate::outlets::lookup(n).is_some());
    (f.date.is_some() || known).then_some(f)
}

fn parse_caps(text: &str, offset: usize) -> Option<Found> {
    // The place: up to four all-capital words.
    let mut pos = 0;
    let mut place_end = 0;
    for _ in 0..4 {
        let word_end = text[pos..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '/'))
            .map_or(text.len(), |i| pos + i);
        let word = &text[pos..word_end];
        if word.is_empty() || !is_place_word(word) {
            break;
        }
        place_end = word_end;
        if !text[word_end..].starts_with(' ') {
            break;
        }
        pos = word_end + 1;
    }
    if place_end == 0 {
        return None;
    }
    parse_from(text, offset, place_end)
}

/// Reads what follows a place that ends at `place_end`.
fn parse_from(text: &str, offset: usize, place_end: usize) -> Option<Found> {
    let place = text[..place_end].trim_end_matches(['.', '-']).to_string();
    let mut found = Found {
        place,
        span: Span::new(offset, offset),
        body_start: offset,
        outlets: Vec::new(),
        date: None,
    };

    let mut p = skip_spaces(text, place_end);
    let rest = &text[p..];
    if rest.starts_with('(') {
        let close = p + rest.find(')')?;
        parenthesised(&text[p + 1..close], offset + p + 1, &mut found);
        p = skip_separator(text, close + 1);
    } else if rest.starts_with(',') {
        // `, August 14.` then `/TASS/.` or `(AP)`.
        p = skip_spaces(text, p + 1);
        // `PLACE, (Outlet - date) :Text`
        if text[p..].starts_with('(') {
            let close = p + text[p..].find(')')?;
            parenthesised(&text[p + 1..close], offset + p + 1, &mut found);
            if found.outlets.is_empty() {
                return None;
            }
            return finish(found, text, offset, skip_separator(text, close + 1));
        }
        if let Some(open) = region_then_bracket(&text[p..]) {
            let q = p + open;
            let close = q + text[q..].find(')')?;
            outlet_names(&text[q + 1..close], offset + q + 1, &mut found.outlets);
            if found.outlets.is_empty() {
                return None;
            }
            return finish(found, text, offset, skip_separator(text, close + 1));
        }
        let mut window_end = (p + 40).min(text.len());
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let d = find_dates(&text[p..window_end])
            .into_iter()
            .next()
            .filter(|d| d.start == 0)?;
        found.date = Some(DateMention {
            start: offset + p + d.start,
            end: offset + p + d.end,
            ..d
        });
        p = skip_spaces(text, p + d.end);
        if text[p..].starts_with('.') || text[p..].starts_with(',') {
            p = skip_spaces(text, p + 1);
        }
        // `TOKYO, Jun 30, 2020, Agency. Text`: a known agency's name closing the dateline.
        if let Some(dot) = text[p..].find(['.', '-', '–', '—']) {
            let name = text[p..p + dot].trim().trim_end_matches(',');
            let plain = !name.starts_with(['/', '(']);
            if plain
                && !name.is_empty()
                && name.len() <= 40
                && crate::outlets::lookup(name).is_some()
            {
                found.outlets.push((
                    name.to_string(),
                    Span::new(offset + p, offset + p + name.len()),
                ));
                let sep_len = text[p + dot..].chars().next().map_or(1, char::len_utf8);
                p = skip_spaces(text, p + dot + sep_len);
                if !starts_story(&text[p..]) {
                    return None;
                }
                found.span = Span::new(offset, offset + text[..p].trim_end().len());
                found.body_start = offset + p;
                return Some(found);
            }
        }
        let rest = &text[p..];
        if let Some(inner_end) = rest.strip_prefix('/').and_then(|r| r.find('/')) {
            if inner_end <= 40 {
                outlet_names(&rest[1..1 + inner_end], offset + p + 1, &mut found.outlets);
                p += inner_end + 2;
                if text[p..].starts_with('.') {
                    p += 1;
                }
            }
        } else if rest.starts_with('(') {
            let close = p + rest.find(')')?;
            outlet_names(&text[p + 1..close], offset + p + 1, &mut found.outlets);
            p = close + 1;
        }
        p = skip_separator(text, p);
    } else {
        let after = skip_separator(text, p);
        if after == p {
            return None;
        }
        p = after;
    }
    if !starts_story(&text[p..]) {
        return None;
    }
    let dateline_text = text[..p].trim_end();
    found.span = Span::new(offset, offset + dateline_text.len());
    found.body_start = offset + p;
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        /// (place, outlets, date text, where the story starts), or no dateline.
        type Want = Option<(
            &'static str,
            &'static [&'static str],
            Option<&'static str>,
            &'static str,
        )>;
        let cases: &[(&str, &str, Want)] = &[
            (
                "UrduPoint / Sputnik",
                "ROME (UrduPoint News / Sputnik - 27th August, 2020) Italy calls for",
                Some((
                    "ROME",
                    &["UrduPoint News", "Sputnik"],
                    Some("27th August, 2020"),
                    "Italy calls for",
                )),
            ),
            (
                "TASS",
                "BRUSSELS, August 14. /TASS/. The European Union will",
                Some((
                    "BRUSSELS",
                    &["TASS"],
                    Some("August 14"),
                    "The European Union will",
                )),
            ),
            (
                "Reuters",
                "MOSCOW (Reuters) - Russian President Vladimir Putin",
                Some((
                    "MOSCOW",
                    &["Reuters"],
                    None,
                    "Russian President Vladimir Putin",
                )),
            ),
            (
                "AP with date",
                "WASHINGTON, Aug 14 (AP) — The State Department",
                Some((
                    "WASHINGTON",
                    &["AP"],
                    Some("Aug 14"),
                    "The State Department",
                )),
            ),
            (
                "two-word place",
                "NEW YORK — Stocks fell",
                Some(("NEW YORK", &[], None, "Stocks fell")),
            ),
            (
                "plain sentence",
                "European leaders urged Russian President",
                None,
            ),
            (
                "dash glued to the story",
                "OSLO (Reuters) -Officials said",
                Some(("OSLO", &["Reuters"], None, "Officials said")),
            ),
            (
                "city, country and agency",
                "LIMA, Peru (AP) — The council met",
                Some(("LIMA", &["AP"], None, "The council met")),
            ),
            (
                "double hyphen after the agency",
                "ANKARA, March 3 (Xinhua) -- Talks resumed",
                Some(("ANKARA", &["Xinhua"], Some("March 3"), "Talks resumed")),
            ),
            (
                "space before a colon",
                "LISBON : Ministers met",
                Some(("LISBON", &[], None, "Ministers met")),
            ),
            (
                "title-case place with a date",
                "New Delhi, Mar 3 (PTI) The minister",
                Some(("New Delhi", &["PTI"], Some("Mar 3"), "The minister")),
            ),
            (
                "agency with no place",
                "(AFP) - The talks",
                Some(("", &["AFP"], None, "The talks")),
            ),
            (
                "title-case subject is no dateline",
                "Harbour Council said on Monday",
                None,
            ),
            ("acronym subject", "EU foreign ministers said", None),
            ("acronym with comma", "NATO, the alliance said, will", None),
            ("lower-case continuation", "ROME - and then", None),
        ];
        for (name, text, want) in cases {
            let got = parse(text, 10);
            match (got, want) {
                (None, None) => {}
                (Some(f), Some((place, outlets, date, body))) => {
                    assert_eq!(f.place, *place, "{name}");
                    let names: Vec<&str> = f.outlets.iter().map(|o| o.0.as_str()).collect();
                    assert_eq!(&names, outlets, "{name}");
                    for (n, s) in &f.outlets {
                        assert_eq!(&text[s.start - 10..s.end - 10], n, "{name}");
                    }
                    assert_eq!(
                        f.date.map(|d| &text[d.start - 10..d.end - 10]),
                        *date,
                        "{name}"
                    );
                    assert_eq!(&text[f.body_start - 10..], *body, "{name}");
                }
                (got, want) => panic!("{name}: got {got:?}, want {want:?}"),
            }
        }
    }
}

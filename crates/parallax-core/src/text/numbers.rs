//! Numbers stage: a number written in groups of three digits is one word, whose folded form is
//! its plain digits. `6,700`, `6 700` and `6.700` are all indexed as `6700`, so a search for any
//! of them (or for `6700`) finds the others, and the word's span covers the number as written, so
//! its highlight does too.
//!
//! It works on the words of [`super::tokenize::words`]. A *run* is a word of ASCII digits followed
//! by more words that start with a digit, each joined to the one before by exactly one separator
//! character, the same throughout: a comma, a dot, a no-break space (U+00A0), a narrow no-break
//! space (U+202F), a thin space (U+2009) or a plain space. A run is one number when
//!
//! - its first group has one to three digits and does not start with `0`, and every later group
//!   is exactly three digits (`1,250,000`; not `1,25`, `0,500`, `1234,567`, `6,700km`);
//! - it does not go on from digits before it (`A320,000,000`, `1234,567,890`);
//! - with dots, a single group (`6.700`) is read as thousands unless a percent follows it, right
//!   away or after one space (`%`, `‰`, `‱`, `percent…`, `per cent`, `pc`, `pct`): `6.700%` and
//!   `6.700 per cent` stay decimals. `80.1` and `3.14` are decimals anyway (their group is not
//!   three digits), but `3.141` is read as 3141: the one ambiguous case, decided for thousands;
//! - with plain spaces, which also stand between numbers that are not one: a word of four or more
//!   digits (a year) is never part of a run but ends it (`in 2020 300 people` is three words,
//!   `in 2020 100 000 people` has the number 100000), and a run right after a word and a mark
//!   (`COVID-19 100 000`, `US$6 700`) is not a number.
//!
//! Otherwise the run's words stay as they are, each its own word as before: decimals (`80.1`
//! is `80` and `1`), lists (`1,2,3`), dates (`14.08.2020`).

use crate::Span;

/// Whether `c` can separate groups of digits: comma, dot, plain space, no-break space, narrow
/// no-break space, thin space. No other word contains these, so folding drops them.
pub fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The words of `words` (spans of `text`, in order, as [`super::tokenize::words`] splits them),
/// with those that spell one number written in groups joined into one span.
pub fn join_groups(text: &str, words: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let len = number_len(text, &words, i).unwrap_or(1);
        out.push(Span::new(words[i].start, words[i + len - 1].end));
        i += len;
    }
    out
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// How many words from `words[i]` on spell one number in groups, if they do (two or more). A run
/// that is not one number is never read as a number from one of its later words either: those
/// are held to the digits before them ([`glued`]).
fn number_len(text: &str, words: &[Span], i: usize) -> Option<usize> {
    let word = |k: usize| &text[words[k].start..words[k].end];
    let first = word(i);
    if !all_digits(first) || first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let sep = text[words[i].end..]
        .chars()
        .next()
        .filter(|&c| is_group_separator(c))?;
    if i > 0 && glued(text, words[i - 1], words[i].start, sep) {
        return None;
    }
    let mut len = 1;
    while let Some(next) = words.get(i + len) {
        let end = words[i + len - 1].end;
        let joined = next.start == end + sep.len_utf8() && text[end..].starts_with(sep);
        let group = word(i + len);
        // Plain spaces: a year is never a group, and ends the run before it.
        let year = sep == ' ' && all_digits(group) && group.len() > 3;
        if !joined || !group.starts_with(|c: char| c.is_ascii_digit()) || year {
            break;
        }
        if group.len() != 3 || !all_digits(group) {
            return None;
        }
        len += 1;
    }
    let decimal = sep == '.' && len == 2 && percent_follows(&text[words[i + 1].end..]);
    (len > 1 && !decimal).then_some(len)
}

/// Whether a run starting at `start` is held to the word `prev` before it: by its separator after
/// digits (`A320,000`, `A320 100`; a year before spaces does not hold: `2020 300 000`), or, for
/// plain spaces, by a hyphen, slash or other mark right after a word (`COVID-19 100 000`).
fn glued(text: &str, prev: Span, start: usize, sep: char) -> bool {
    let mut between = text[prev.end..start].chars();
    let (Some(p), None) = (between.next(), between.next()) else {
        return false;
    };
    let before = &text[prev.start..prev.end];
    if p == sep {
        before.ends_with(|c: char| c.is_ascii_digit())
            && !(sep == ' ' && all_digits(before) && before.len() > 3)
    } else {
        sep == ' ' && !p.is_whitespace()
    }
}

/// Whether `rest` (the text after a number) starts with a percent sign or word, right away or
/// after one space.
fn percent_follows(rest: &str) -> bool {
    let rest = rest.strip_prefix(is_group_separator_space).unwrap_or(rest);
    if rest.starts_with(['%', '‰', '‱']) {
        return true;
    }
    let (word, after) = first_word(rest);
    word.get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case("percent"))
        || ["pc", "pct"].iter().any(|p| word.eq_ignore_ascii_case(p))
        || word.eq_ignore_ascii_case("per")
            && first_word(after.trim_start_matches(is_group_separator_space))
                .0
                .eq_ignore_ascii_case("cent")
}

fn is_group_separator_space(c: char) -> bool {
    is_group_separator(c) && !matches!(c, ',' | '.')
}

/// The letters at the start of `s`, and what follows them.
fn first_word(s: &str) -> (&str, &str) {
    s.split_at(s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len()))
}

#[cfg(test)]
mod tests {
    use crate::text::tokenize::analyse;

    /// (name, text, each word as written with its indexed term).
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );

    #[test]
    fn numbers_written_in_groups() {
        let cases: &[Case] = &[
            // Commas.
            ("comma group", "6,700", &[("6,700", "6700")]),
            (
                "comma groups",
                "1,250,000 people",
                &[("1,250,000", "1250000"), ("people", "peopl")],
            ),
            (
                "comma group inside a sentence",
                "More than 6,700 were detained.",
                &[
                    ("More", "more"),
                    ("than", "than"),
                    ("6,700", "6700"),
                    ("were", "were"),
                    ("detained", "detain"),
                ],
            ),
            (
                "comma groups in brackets and after a currency sign",
                "($6,700)",
                &[("6,700", "6700")],
            ),
            (
                "comma list stays a list",
                "1,2,3",
                &[("1", "1"), ("2", "2"), ("3", "3")],
            ),
            (
                "comma then space is a list",
                "1,000, 2,000",
                &[("1,000", "1000"), ("2,000", "2000")],
            ),
            (
                "group of two is not a thousands group",
                "1,25",
                &[("1", "1"), ("25", "25")],
            ),
            (
                "four-digit first group",
                "1234,567",
                &[("1234", "1234"), ("567", "567")],
            ),
            (
                "no number from inside a run",
                "1234,567,890",
                &[("1234", "1234"), ("567", "567"), ("890", "890")],
            ),
            (
                "broken run is left whole",
                "1,234,56",
                &[("1", "1"), ("234", "234"), ("56", "56")],
            ),
            ("leading zero", "0,500", &[("0", "0"), ("500", "500")]),
            (
                "digits glued to a unit",
                "6,700km",
                &[("6", "6"), ("700km", "700km")],
            ),
            (
                "range of two numbers",
                "5,000–6,700",
                &[("5,000", "5000"), ("6,700", "6700")],
            ),
            (
                "decimal point after groups",
                "1,250.5",
                &[("1,250", "1250"), ("5", "5")],
            ),
            // No-break, narrow no-break and thin spaces.
            ("no-break space", "6\u{a0}700", &[("6\u{a0}700", "6700")]),
            (
                "narrow no-break spaces",
                "1\u{202f}250\u{202f}000",
                &[("1\u{202f}250\u{202f}000", "1250000")],
            ),
            ("thin space", "6\u{2009}700", &[("6\u{2009}700", "6700")]),
            (
                "no-break space before a unit",
                "6\u{a0}700\u{a0}km",
                &[("6\u{a0}700", "6700"), ("km", "km")],
            ),
            (
                "separators are not mixed",
                "6\u{a0}700 000",
                &[("6\u{a0}700", "6700"), ("000", "000")],
            ),
            // Plain spaces.
            (
                "space group",
                "6 700 detained",
                &[("6 700", "6700"), ("detained", "detain")],
            ),
            (
                "space groups",
                "about 12 345 678 people",
                &[
                    ("about", "about"),
                    ("12 345 678", "12345678"),
                    ("people", "peopl"),
                ],
            ),
            (
                "known ambiguity: a small number before a three-digit one",
                "3 100-metre races",
                &[("3 100", "3100"), ("metre", "metr"), ("races", "race")],
            ),
            (
                "two spaces are not a group",
                "6  700",
                &[("6", "6"), ("700", "700")],
            ),
            (
                "no group across a line break",
                "6\n700",
                &[("6", "6"), ("700", "700")],
            ),
            // Years next to numbers.
            (
                "year then a number",
                "in 2020 300 people",
                &[
                    ("in", "in"),
                    ("2020", "2020"),
                    ("300", "300"),
                    ("people", "peopl"),
                ],
            ),
            (
                "year then a number in groups",
                "in 2020 100 000 people",
                &[
                    ("in", "in"),
                    ("2020", "2020"),
                    ("100 000", "100000"),
                    ("people", "peopl"),
                ],
            ),
            (
                "number then a year",
                "6 700 2020",
                &[("6 700", "6700"), ("2020", "2020")],
            ),
            (
                "day, month and year",
                "9 August 2020",
                &[("9", "9"), ("August", "august"), ("2020", "2020")],
            ),
            (
                "numbers in a row that are not groups",
                "6 700 12 people",
                &[
                    ("6", "6"),
                    ("700", "700"),
                    ("12", "12"),
                    ("people", "peopl"),
                ],
            ),
            (
                "year with a comma",
                "in 2020, 300 people",
                &[
                    ("in", "in"),
                    ("2020", "2020"),
                    ("300", "300"),
                    ("people", "peopl"),
                ],
            ),
            // Dots.
            ("dot group", "6.700", &[("6.700", "6700")]),
            ("dot groups", "1.250.000", &[("1.250.000", "1250000")]),
            (
                "dot group at the end of a sentence",
                "Sie zählten 6.700.",
                &[("Sie", "sie"), ("zählten", "zahlten"), ("6.700", "6700")],
            ),
            (
                "dot groups then a decimal comma",
                "1.234,5",
                &[("1.234", "1234"), ("5", "5")],
            ),
            (
                "dot groups with a percent",
                "1.250.000%",
                &[("1.250.000", "1250000")],
            ),
            (
                "three decimal places read as thousands",
                "3.141",
                &[("3.141", "3141")],
            ),
            // Decimals stay decimals (two words, as before).
            ("decimal", "80.1", &[("80", "80"), ("1", "1")]),
            ("decimal of two places", "3.14", &[("3", "3"), ("14", "14")]),
            (
                "decimal with a leading zero",
                "0.500",
                &[("0", "0"), ("500", "500")],
            ),
            (
                "decimal of four places",
                "6.7001",
                &[("6", "6"), ("7001", "7001")],
            ),
            (
                "dotted address",
                "192.168.1.1",
                &[("192", "192"), ("168", "168"), ("1", "1"), ("1", "1")],
            ),
            (
                "dotted date",
                "14.08.2020",
                &[("14", "14"), ("08", "08"), ("2020", "2020")],
            ),
            // Percentages.
            ("percentage", "80.1%", &[("80", "80"), ("1", "1")]),
            (
                "three places before a percent sign",
                "6.700%",
                &[("6", "6"), ("700", "700")],
            ),
            (
                "three places before a spaced percent sign",
                "6.700 %",
                &[("6", "6"), ("700", "700")],
            ),
            (
                "three places before percent",
                "6.700 percent",
                &[("6", "6"), ("700", "700"), ("percent", "percent")],
            ),
            (
                "three places before per cent",
                "6.700 per cent",
                &[("6", "6"), ("700", "700"), ("per", "per"), ("cent", "cent")],
            ),
            (
                "comma group before a percent sign",
                "1,200%",
                &[("1,200", "1200")],
            ),
            // Numbers inside words and ids.
            (
                "number in a hyphenated name",
                "COVID-19 cases",
                &[("COVID", "covid"), ("19", "19"), ("cases", "case")],
            ),
            (
                "hyphenated name before spaced groups",
                "COVID-19 100 000",
                &[
                    ("COVID", "covid"),
                    ("19", "19"),
                    ("100", "100"),
                    ("000", "000"),
                ],
            ),
            ("letters and digits", "A320", &[("A320", "a320")]),
            (
                "id before spaced groups",
                "A320 100 000",
                &[("A320", "a320"), ("100", "100"), ("000", "000")],
            ),
            (
                "id before comma groups",
                "A320,000,000",
                &[("A320", "a320"), ("000", "000"), ("000", "000")],
            ),
            (
                "currency glued to a word before spaced groups",
                "US$6 700",
                &[("US", "us"), ("6", "6"), ("700", "700")],
            ),
            (
                "currency glued to a word before comma groups",
                "US$6,700",
                &[("US", "us"), ("6,700", "6700")],
            ),
        ];
        for (name, text, want) in cases {
            let got: Vec<(&str, String)> = analyse(text, 0)
                .into_iter()
                .map(|t| (&text[t.span.start..t.span.end], t.term))
                .collect();
            let want: Vec<(&str, String)> = want.iter().map(|(w, t)| (*w, t.to_string())).collect();
            assert_eq!(got, want, "{name}: {text:?}");
        }
    }
}

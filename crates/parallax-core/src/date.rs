//! Calendar dates as news text writes them: ISO (`2020-08-27`), written out (`27th August, 2020`,
//! `August 14`, `29 May`, `July 13, 2021`), with or without a year.
//!
//! Only the proleptic Gregorian calendar is needed; the arithmetic is the classic days-from-civil
//! conversion, so no date library is pulled into the wasm build.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// A date if `year`-`month`-`day` exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = s.get(0..4)?.parse().ok()?;
        let month = s.get(5..7)?.parse().ok()?;
        let day = s.get(8..10)?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (index 3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    /// English name of the weekday, e.g. `Tuesday`.
    pub fn weekday_name(self) -> &'static str {
        WEEKDAYS[self.weekday() as usize]
    }

    /// A short human form, e.g. `27 Aug 2020`.
    pub fn human(self) -> String {
        let m = MONTHS[(self.month - 1) as usize];
        let mut short = m[..3].to_string();
        short[..1].make_ascii_uppercase();
        format!("{} {} {}", self.day, short, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Month number (1–12) of an English month name or its common abbreviation (`Aug`, `Sept`).
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() <= 4 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u8 + 1)
}

/// Whether a lower-case word is the full English name of a month or a weekday (`may`,
/// `monday`): never a person's or a place's name.
pub fn is_calendar_name(lower: &str) -> bool {
    MONTHS.contains(&lower) || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(lower))
}

/// Weekday index (0 = Monday) of an English weekday name.
pub fn weekday_number(word: &str) -> Option<u8> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|i| i as u8)
}

/// A date mention found in text, possibly without a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the mention in the text that was scanned.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Year when the mention states one.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u8,
    /// Day when the mention states one (`August 2020` has none).
    pub day: Option<u8>,
}

impl DateMention {
    /// The full date, if the mention has a year and a day that exist.
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day?)
    }
}

/// A word of text with its byte range.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '-' {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: s,
                end: i,
                text: &text[s..i],
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

/// `27`, `27th`, `1st` → 27, 1.
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !suffix.is_empty()
        && !["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str())
    {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = word.parse().ok()?;
        (1800..=2200).contains(&y).then_some(y)
    } else {
        None
    }
}

/// Finds every date mention in `text`: ISO dates, `27th August, 2020`, `August 14`, `July 13, 2021`,
/// `29 May`, `August 2020`. Mentions never overlap and come in text order.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // ISO date: the tokenizer keeps hyphens, so `2020-08-27` is one word.
        if let Some(d) = Date::parse_iso(w.text) {
            out.push(DateMention {
                start: w.start,
                end: w.end,
                year: Some(d.year),
                month: d.month,
                day: Some(d.day),
            });
            i += 1;
            continue;
        }
        let gap_ok = |a: Word, b: Word| {
            let between = &text[a.end..b.start];
            between.len() <= 3 && between.chars().all(|c| c == ' ' || c == ',' || c == '.')
        };
        // A year right after the second word, if any: (year, end of the mention, words used).
        let year_after = |second: Word| {
            ws.get(i + 2)
                .filter(|y| gap_ok(second, **y))
                .and_then(|y| year_number(y.text).map(|yn| (Some(yn), y.end, 3)))
                .unwrap_or((None, second.end, 2))
        };
        // Day Month [Year]
        if let (Some(day), Some(next)) = (day_number(w.text), ws.get(i + 1)) {
            if let Some(month) = month_number(next.text).filter(|_| gap_ok(w, *next)) {
                let (year, end, used) = year_after(*next);
                out.push(DateMention {
                    start: w.start,
                    end,
                    year,
                    month,
                    day: Some(day),
                });
                i += used;
                continue;
            }
        }
        // Month Day[, Year] | Month Year
        if let (Some(month), Some(next)) = (month_number(w.text), ws.get(i + 1)) {
            // `may` is also a verb: only a capitalised `May` names the month.
            let capitalised = w.text.chars().next().is_some_and(char::is_uppercase);
            if capitalised && gap_ok(w, *next) {
                if let Some(day) = day_number(next.text) {
                    let (year, end, used) = year_after(*next);
                    out.push(DateMention {
                        start: w.start,
                        end,
                        year,
                        month,
                        day: Some(day),
                    });
                    i += used;
                    continue;
                }
                if let Some(year) = year_number(next.text) {
                    out.push(DateMention {
                        start: w.start,
                        end: next.end,
                        year: Some(year),
                        month,
                        day: None,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekdays() {
        for (y, m, d, wd) in [
            (1970, 1, 1, "Thursday"),
            (2020, 8, 9, "Sunday"),
            (2020, 8, 18, "Tuesday"),
            (2021, 7, 13, "Tuesday"),
            (2000, 2, 29, "Tuesday"),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(Date::from_days(date.to_days()), date);
            assert_eq!(date.weekday_name(), wd, "{date}");
        }
        assert_eq!(Date::new(2021, 2, 29), None);
        assert_eq!(
            Date::new(2020, 8, 9).unwrap().add_days(9).to_string(),
            "2020-08-18"
        );
    }

    #[test]
    fn finds_written_dates() {
        /// (year, month, day) of each mention.
        type Want = &'static [(Option<i32>, u8, Option<u8>)];
        let cases: &[(&str, &str, Want)] = &[
            (
                "ordinal with comma",
                "Sputnik - 27th August, 2020)",
                &[(Some(2020), 8, Some(27))],
            ),
            (
                "month day",
                "BRUSSELS, August 14. /TASS/.",
                &[(None, 8, Some(14))],
            ),
            (
                "us style",
                "Russia July 13, 2021. Sputnik",
                &[(Some(2021), 7, Some(13))],
            ),
            (
                "day month",
                "arrested since 29 May.",
                &[(None, 5, Some(29))],
            ),
            (
                "month year",
                "the disputed August 2020 election",
                &[(Some(2020), 8, None)],
            ),
            ("iso", "date 2020-08-27 (@x)", &[(Some(2020), 8, Some(27))]),
            ("may the verb", "may 5 people", &[]),
            (
                "two",
                "on August 9 and 29 May",
                &[(None, 8, Some(9)), (None, 5, Some(29))],
            ),
            ("not a day", "August 95 things", &[]),
        ];
        for (name, text, want) in cases {
            let got: Vec<_> = find_dates(text)
                .iter()
                .map(|m| (m.year, m.month, m.day))
                .collect();
            assert_eq!(&got, want, "case {name}");
        }
    }
}

//! The pure half of `parallax collect` (building a corpus folder from a list of links): reading
//! the links file ([`links`]), judging a fetched page ([`judge`]: HTML, readable, an article),
//! making its id from outlet and headline ([`id`]), and what the folder's `corpus.toml` already
//! records and the entry a new article adds to it ([`record`]). The network half (HTTP client,
//! rate limit, retries, progress) lives in the `parallax` command; nothing here does I/O.

pub mod id;
pub mod judge;
pub mod links;
pub mod record;

pub use id::{make_id, slug};
pub use judge::{is_html, judge_page, Judged};
pub use links::{parse_links, Link, Links};
pub use record::{append, entry_toml, Recorded};

use std::fmt;

/// Why a link could not be added to the folder: one kind per cause, each with a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The line of the links file is not an `http://` or `https://` address.
    BadLink(String),
    /// The server answered 404 or 410.
    NotFound(u16),
    /// The server answered another error status (after retries, for 5xx and 429).
    Status(u16),
    /// The response is not an HTML page (its content type, or what it starts with).
    NotHtml(String),
    /// The page is larger than the limit (in bytes).
    TooLarge(u64),
    /// No answer in time (after retries).
    TimedOut,
    /// The page is in an encoding Parallax does not read, or holds no text.
    NotReadable(String),
    /// The page is HTML, but not an article (why).
    NotAnArticle(String),
    /// Too many redirects, or a redirect to something that is not a web address.
    Redirect(String),
    /// The host was not found, the connection failed, or the transfer broke (what happened).
    Network(String),
    /// The page could not be saved (what happened).
    Save(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadLink(why) => write!(f, "not a link: {why}"),
            Failure::NotFound(code) => write!(f, "not found (HTTP {code})"),
            Failure::Status(code) => write!(f, "the server answered HTTP {code}"),
            Failure::NotHtml(what) => write!(f, "not HTML ({what})"),
            Failure::TooLarge(limit) => write!(
                f,
                "too large: more than {} (raise --max-bytes to take it)",
                human_bytes(*limit)
            ),
            Failure::TimedOut => write!(f, "timed out (raise --timeout-secs to wait longer)"),
            Failure::NotReadable(why) => write!(f, "not readable: {why}"),
            Failure::NotAnArticle(why) => write!(f, "not an article: {why}"),
            Failure::Redirect(why) => write!(f, "bad redirect: {why}"),
            Failure::Network(why) => write!(f, "network error: {why}"),
            Failure::Save(why) => write!(f, "cannot save it: {why}"),
        }
    }
}

impl Failure {
    /// Whether trying again later may help (server errors, rate limiting, time-outs, a broken
    /// connection); the rest fail at once.
    pub fn retryable(&self) -> bool {
        match self {
            Failure::Status(code) => *code >= 500 || *code == 429 || *code == 408,
            Failure::TimedOut | Failure::Network(_) => true,
            _ => false,
        }
    }
}

/// `10 MB`, `512 KB`, `300 bytes`.
pub fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{} MB", n / 1_000_000),
        n if n >= 1_000_000 => format!("{:.1} MB", n as f64 / 1e6),
        n if n >= 1_000 => format!("{} KB", n / 1_000),
        n => format!("{n} bytes"),
    }
}

/// A moment as a TOML/RFC 3339 date-time in UTC, to the second: `2026-03-04T08:00:00Z`.
pub fn utc_timestamp(seconds_since_1970: i64) -> String {
    let days = seconds_since_1970.div_euclid(86_400);
    let s = seconds_since_1970.rem_euclid(86_400);
    let d = crate::date::Date::from_days(days);
    format!("{}T{:02}:{:02}:{:02}Z", d, s / 3600, s % 3600 / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_sizes() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (1_772_611_200, "2026-03-04T08:00:00Z"),
            (951_827_696, "2000-02-29T12:34:56Z"),
            (-1, "1969-12-31T23:59:59Z"),
        ];
        for (secs, want) in cases {
            assert_eq!(utc_timestamp(secs), want, "{secs}");
        }
        let sizes = [
            (10_000_000, "10 MB"),
            (2_500_000, "2.5 MB"),
            (64_000, "64 KB"),
            (300, "300 bytes"),
        ];
        for (n, want) in sizes {
            assert_eq!(human_bytes(n), want);
        }
    }

    #[test]
    fn only_passing_troubles_are_retried() {
        let cases = [
            (Failure::Status(503), true),
            (Failure::Status(429), true),
            (Failure::TimedOut, true),
            (Failure::Network("connection reset".into()), true),
            (Failure::NotFound(404), false),
            (Failure::Status(403), false),
            (Failure::TooLarge(10), false),
            (Failure::NotHtml("application/pdf".into()), false),
        ];
        for (f, want) in cases {
            assert_eq!(f.retryable(), want, "{f}");
        }
    }
}

//! The network half of `parallax collect`: one HTTP client (ureq with rustls, gzip and brotli,
//! redirects followed, a time-out for the whole exchange, a clear user agent), a polite delay
//! between two requests to one host, retries with exponential back-off, and a size limit.

use parallax_core::collect::Failure;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use ureq::ResponseExt;

/// The user agent: who is asking, and why.
pub const USER_AGENT: &str = concat!(
    "Parallax/",
    env!("CARGO_PKG_VERSION"),
    " (+link collection for media research)"
);

/// How many redirects are followed.
pub const MAX_REDIRECTS: u32 = 10;

/// The knobs of the client (the command's flags).
#[derive(Clone, Debug)]
pub struct Settings {
    /// Time allowed for one request, from connecting to the last byte.
    pub timeout: Duration,
    /// Wait at least this long between two requests to the same host.
    pub delay: Duration,
    /// Retries after a server error, a 429, a time-out or a broken connection.
    pub retries: u32,
    /// The first retry waits this long, each later one twice as long as the one before.
    pub backoff: Duration,
    /// Larger pages are refused.
    pub max_bytes: u64,
}

/// A page as it arrived.
pub struct Page {
    /// Where the address led, after redirects.
    pub final_url: String,
    /// The `Content-Type` header, if the server sent one.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

/// The HTTP client with its per-host clock.
pub struct Fetcher {
    agent: ureq::Agent,
    settings: Settings,
    last: HashMap<String, Instant>,
}

/// The host (and port) of an address, lower case, for the per-host delay.
fn host_key(address: &str) -> String {
    let rest = address.split_once("://").map_or(address, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority
        .rsplit('@')
        .next()
        .unwrap_or(authority)
        .to_ascii_lowercase()
}

/// The address with anything an HTTP request line cannot carry (non-ASCII letters, spaces)
/// percent-encoded, and its `#fragment` dropped.
pub fn request_form(address: &str) -> String {
    let address = address.split('#').next().unwrap_or(address);
    let mut out = String::with_capacity(address.len());
    for b in address.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Fetcher {
    /// A client with these settings.
    pub fn new(settings: Settings) -> Fetcher {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .user_agent(USER_AGENT)
            .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .build()
            .into();
        Fetcher {
            agent,
            settings,
            last: HashMap::new(),
        }
    }

    /// Waits until the host may be asked again (the delay after the end of its last exchange),
    /// and notes the time.
    fn wait_turn(&mut self, address: &str) {
        let key = host_key(address);
        if let Some(&at) = self.last.get(&key) {
            let ready = at + self.settings.delay;
            let now = Instant::now();
            if ready > now {
                std::thread::sleep(ready - now);
            }
        }
        self.last.insert(key, Instant::now());
    }

    /// Fetches a page, retrying what may pass (see [`Failure::retryable`]).
    pub fn fetch(&mut self, address: &str) -> Result<Page, Failure> {
        let address = request_form(address);
        let mut attempt = 0;
        loop {
            self.wait_turn(&address);
            let result = self.fetch_once(&address);
            // The delay runs from the end of the exchange (redirect hops included).
            self.last.insert(host_key(&address), Instant::now());
            match result {
                Ok(page) => return Ok(page),
                Err((f, retry_after)) if f.retryable() && attempt < self.settings.retries => {
                    let backoff = self.settings.backoff * 2u32.saturating_pow(attempt);
                    // A server's Retry-After is honoured up to a minute.
                    let wait = retry_after
                        .filter(|d| *d <= Duration::from_secs(60))
                        .map_or(backoff, |d| d.max(backoff));
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Err((f, _)) => return Err(f),
            }
        }
    }

    fn fetch_once(&self, address: &str) -> Result<Page, (Failure, Option<Duration>)> {
        let plain = |f: Failure| (f, None);
        let mut response = self
            .agent
            .get(address)
            .call()
            .map_err(|e| plain(self.failure(e)))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if !(200..300).contains(&status) {
            let retry_after = header("retry-after")
                .and_then(|s| s.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let f = match status {
                404 | 410 => Failure::NotFound(status),
                300..=399 => Failure::Redirect(format!(
                    "HTTP {status} with no usable Location, or more than {MAX_REDIRECTS} redirects"
                )),
                _ => Failure::Status(status),
            };
            return Err((f, retry_after));
        }
        let content_type = header("content-type");
        // A page that says it is larger than the limit is not read at all.
        if let Some(n) = response.body().content_length() {
            if n > self.settings.max_bytes {
                return Err(plain(Failure::TooLarge(self.settings.max_bytes)));
            }
        }
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.settings.max_bytes)
            .read_to_vec()
            .map_err(|e| plain(self.failure(e)))?;
        Ok(Page {
            final_url,
            content_type,
            bytes,
        })
    }

    /// The failure a client error stands for.
    fn failure(&self, e: ureq::Error) -> Failure {
        use ureq::Error as E;
        match e {
            E::Timeout(_) => Failure::TimedOut,
            E::BodyExceedsLimit(_) => Failure::TooLarge(self.settings.max_bytes),
            E::HostNotFound => Failure::Network("the host was not found".into()),
            E::ConnectionFailed => Failure::Network("the connection failed".into()),
            E::TooManyRedirects => {
                Failure::Redirect(format!("more than {MAX_REDIRECTS} redirects"))
            }
            E::RedirectFailed => Failure::Redirect("a redirect could not be followed".into()),
            E::BadUri(why) => Failure::BadLink(why),
            E::Http(why) => Failure::BadLink(why.to_string()),
            E::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Failure::TimedOut,
            E::Io(io) => Failure::Network(io.to_string()),
            E::Tls(why) => Failure::Network(format!("TLS: {why}")),
            other => Failure::Network(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_request_forms() {
        let cases = [
            ("https://A.example/x", "a.example"),
            ("http://127.0.0.1:8080/p?q", "127.0.0.1:8080"),
            ("https://user@b.example#f", "b.example"),
        ];
        for (address, want) in cases {
            assert_eq!(host_key(address), want);
        }
        assert_eq!(
            request_form("https://a.example/café story#top"),
            "https://a.example/caf%C3%A9%20story"
        );
        assert!(USER_AGENT.starts_with("Parallax/") && USER_AGENT.ends_with("media research)"));
    }
}

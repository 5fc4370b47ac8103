//! The links file of `parallax collect`: one address a line; blank lines and lines starting
//! with `#` are skipped, and so is a comment after the address (` # …`, after white space).

use super::Failure;

/// One address to fetch, with the line it was read from (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Line of the links file.
    pub line: usize,
    /// The address as written (trimmed).
    pub address: String,
}

/// What a links file holds: the addresses, in order and without repeats, and the lines that are
/// not addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// The addresses to fetch.
    pub links: Vec<Link>,
    /// Lines that are not web addresses: (line, text, why).
    pub bad: Vec<(usize, String, Failure)>,
    /// How many lines repeated an address given earlier.
    pub repeats: usize,
}

/// The address without its `#fragment` (which is never sent to the server), for comparing.
pub fn without_fragment(address: &str) -> &str {
    address.split('#').next().unwrap_or(address).trim()
}

/// Reads a links file (see the module's notes).
pub fn parse_links(text: &str) -> Links {
    let mut out = Links::default();
    let mut seen = std::collections::HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        // A comment after the address: ` # …` (a `#` right after the address is a fragment).
        let t = match t.find(char::is_whitespace) {
            Some(at) if t[at..].trim_start().starts_with('#') => &t[..at],
            _ => t,
        };
        match check(t) {
            Ok(()) => {
                if seen.insert(without_fragment(t).to_string()) {
                    out.links.push(Link {
                        line,
                        address: t.to_string(),
                    });
                } else {
                    out.repeats += 1;
                }
            }
            Err(why) => out.bad.push((line, t.to_string(), Failure::BadLink(why))),
        }
    }
    out
}

/// Whether an address is one `collect` fetches: `http://` or `https://`, a host, no spaces.
fn check(address: &str) -> Result<(), String> {
    let lower = address.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return Err(if lower.contains("://") {
            "only http:// and https:// addresses are fetched".into()
        } else {
            "a link starts with http:// or https://".into()
        });
    };
    if address.chars().any(char::is_whitespace) {
        return Err("an address has no spaces (write one address a line)".into());
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    if host.is_empty() || host.starts_with(':') {
        return Err("the address names no host".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_files_are_read_line_by_line() {
        let text = "\u{feff}# my links\n\nhttps://a.example/one\n  http://b.example/two?x=1   # a comment\nhttps://a.example/one#comments\nftp://c.example/file\nnot a link\nhttps:// spaced.example/x\nhttps:///nohost\nHTTPS://D.EXAMPLE/Caps\r\nhttps://e.example/frag#part\n";
        let got = parse_links(text);
        let links: Vec<(usize, &str)> = got
            .links
            .iter()
            .map(|l| (l.line, l.address.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                (3, "https://a.example/one"),
                (4, "http://b.example/two?x=1"),
                (10, "HTTPS://D.EXAMPLE/Caps"),
                (11, "https://e.example/frag#part"),
            ]
        );
        assert_eq!(got.repeats, 1);
        let bad: Vec<(usize, String)> = got
            .bad
            .iter()
            .map(|(l, _, f)| (*l, f.to_string()))
            .collect();
        assert_eq!(
            bad,
            [
                (
                    6,
                    "not a link: only http:// and https:// addresses are fetched".to_string()
                ),
                (
                    7,
                    "not a link: a link starts with http:// or https://".to_string()
                ),
                (
                    8,
                    "not a link: an address has no spaces (write one address a line)".to_string()
                ),
                (9, "not a link: the address names no host".to_string()),
            ]
        );
        assert_eq!(parse_links(""), Links::default());
    }
}

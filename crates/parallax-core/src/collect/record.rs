//! What a folder's `corpus.toml` already records, and the entry a collected article adds to it.
//!
//! New entries are appended as text, so everything already in the file — comments, aliases,
//! outlets, hand-made corrections — stays as it was:
//!
//! ```toml
//! [article."corran-post_dockers-strike"]
//! url = "https://corran.example/news/dockers-strike"
//! final_url = "https://www.corran.example/news/dockers-strike"
//! fetched = 2026-03-04T08:00:00Z
//! ```

use super::links::without_fragment;
use std::collections::{HashMap, HashSet};

/// The ids and addresses a folder already has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Ids in use (article files and sidecar entries), lower case: new ids must differ.
    ids: HashSet<String>,
    /// Each recorded address (`url` and `final_url`, without fragments) and its article's id.
    addresses: HashMap<String, String>,
}

impl Recorded {
    /// What a sidecar's text records (an empty text records nothing). Fails, with the parser's
    /// message, when the text is not valid TOML or its `article` is not a table of tables.
    pub fn from_sidecar(src: &str) -> Result<Recorded, String> {
        let mut out = Recorded::default();
        let table: toml::Table = toml::from_str(src).map_err(|e| e.message().trim().to_string())?;
        let Some(articles) = table.get("article") else {
            return Ok(out);
        };
        let articles = articles
            .as_table()
            .ok_or("`article` must be a table of articles ([article.\"ID\"])")?;
        for (id, entry) in articles {
            out.add_id(id);
            for key in ["url", "final_url"] {
                if let Some(u) = entry.get(key).and_then(|v| v.as_str()) {
                    out.add_address(u, id);
                }
            }
        }
        Ok(out)
    }

    /// Notes an id in use (an article file's name without its extension).
    pub fn add_id(&mut self, id: &str) {
        self.ids.insert(id.to_lowercase());
    }

    /// Notes an address as collected, as the article `id`.
    pub fn add_address(&mut self, address: &str, id: &str) {
        self.addresses
            .entry(without_fragment(address).to_string())
            .or_insert_with(|| id.to_string());
    }

    /// Whether the id (ignoring case) is in use.
    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains(&id.to_lowercase())
    }

    /// The article an address was collected as, if it was.
    pub fn article_at(&self, address: &str) -> Option<&str> {
        self.addresses
            .get(without_fragment(address))
            .map(String::as_str)
    }

    /// How many addresses are recorded.
    pub fn addresses(&self) -> usize {
        self.addresses.len()
    }
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The sidecar entry of a collected article; `fetched` is a date-time such as
/// [`super::utc_timestamp`] writes.
pub fn entry_toml(id: &str, url: &str, final_url: &str, fetched: &str) -> String {
    format!(
        "[article.{}]\nurl = {}\nfinal_url = {}\nfetched = {fetched}\n",
        quoted(id),
        quoted(url),
        quoted(final_url)
    )
}

/// `existing` sidecar text with `entry` appended after a blank line.
pub fn append(existing: &str, entry: &str) -> String {
    let mut out = existing.to_string();
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(entry);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_sidecar_records() {
        let src = "# hand-made\n[article.old]\ntitle = \"Old\"\nurl = \"https://a.example/old#top\"\n\n[article.\"Moved\"]\nurl = \"https://s.example/1\"\nfinal_url = \"https://b.example/moved\"\nfetched = 2026-03-04T08:00:00Z\n\n[[alias]]\nwords = [\"Kyiv\", \"Kiev\"]\n";
        let r = Recorded::from_sidecar(src).unwrap();
        let cases = [
            ("https://a.example/old", Some("old")),
            ("https://a.example/old#other", Some("old")),
            ("https://s.example/1", Some("Moved")),
            ("https://b.example/moved", Some("Moved")),
            ("https://b.example/new", None),
        ];
        for (address, want) in cases {
            assert_eq!(r.article_at(address), want, "{address}");
        }
        assert!(r.has_id("moved") && r.has_id("OLD") && !r.has_id("new"));
        assert_eq!(r.addresses(), 3);
        assert_eq!(Recorded::from_sidecar("").unwrap(), Recorded::default());
        assert!(Recorded::from_sidecar("article = 3").is_err());
        assert!(Recorded::from_sidecar("[article\n").is_err());
    }

    #[test]
    fn appended_entries_read_back_and_keep_the_rest() {
        let entry = entry_toml(
            "corran-post_dockers-strike",
            "https://s.example/a?q=\"x\"",
            "https://corran.example/a",
            "2026-03-04T08:00:00Z",
        );
        assert_eq!(
            entry,
            "[article.\"corran-post_dockers-strike\"]\nurl = 'https://s.example/a?q=\"x\"'\nfinal_url = \"https://corran.example/a\"\nfetched = 2026-03-04T08:00:00Z\n"
        );
        for existing in [
            "",
            "# mine\n[[alias]]\nwords = [\"a\", \"b\"]",
            "[article.x]\ntitle = \"X\"\n",
        ] {
            let text = append(existing, &entry);
            assert!(text.starts_with(existing));
            let r = Recorded::from_sidecar(&text).unwrap();
            assert_eq!(
                r.article_at("https://corran.example/a"),
                Some("corran-post_dockers-strike")
            );
        }
    }
}

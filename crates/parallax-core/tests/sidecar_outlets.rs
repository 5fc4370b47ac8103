//! A folder's `corpus.toml` adds outlets to the built-in table (`[[outlet]]`) and gives an
//! article's address (`url = "…"`); a saved page's canonical link gives it too. The address's
//! domain names the publisher.

use parallax_core::fs::load_dir;
use parallax_core::ingest::OutletRule;
use parallax_core::outlets::OutletRole;

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn the_sidecar_adds_outlets_and_addresses() {
    let dir = folder(&[
        ("a.txt", "Harbour reopens after the strike\n\nThe port reopened on Monday after the strike ended, the harbour master said in a statement to reporters.\n"),
        ("b.txt", "VALMORA (Coast Courier) - The port reopened on Monday after the strike, officials said in a statement.\n"),
        ("c.txt", "Dockers return\n\nDockers went back to work on Monday, ending the strike, according to the Harbour Gazette.\n"),
        (
            "corpus.toml",
            "[article.a]\nurl = \"https://www.harbourgazette.example/news/1\"\n\n[[outlet]]\nname = \"Harbour Gazette\"\nkind = \"publication\"\naliases = [\"The Harbour Gazette\", \"Harbour Gazette\"]\ndomains = [\"harbourgazette.example\"]\n",
        ),
    ]);
    let c = load_dir(dir.path()).unwrap().corpus;
    let a = c.get("a").unwrap();
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.harbourgazette.example/news/1")
    );
    let got: Vec<_> = a
        .outlets
        .iter()
        .map(|o| (o.name.as_str(), o.role, o.rule))
        .collect();
    assert_eq!(
        got,
        [("Harbour Gazette", OutletRole::Publisher, OutletRule::Url)]
    );
    // An unknown outlet in a dateline is kept as written.
    assert_eq!(c.get("b").unwrap().outlet_label(), "Coast Courier");
    // The added outlet is recognised in the text too: here only cited, never the publisher.
    let cited = c.get("c").unwrap();
    assert!(cited.outlets.is_empty());
    assert_eq!(cited.mentioned[0].name, "Harbour Gazette");
    assert_eq!(cited.mentioned[0].role, OutletRole::Cited);
}

#[test]
fn bad_sidecar_outlets_and_addresses_are_reported() {
    let dir = folder(&[
        (
            "a.txt",
            "The port reopened on Monday after the strike ended, the harbour master said.\n",
        ),
        (
            "corpus.toml",
            "[article.a]\nurl = \"not an address\"\n\n[[outlet]]\nname = \"X\"\nkind = \"blog\"\n",
        ),
    ]);
    let err = load_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("is not a web address"), "{err}");
    assert!(err.contains("needs a name and a kind"), "{err}");
}

#[test]
fn a_saved_page_gives_its_address() {
    let dir = folder(&[(
        "page.html",
        "<html><head><title>Port reopens</title><link rel=\"canonical\" href=\"https://www.reuters.com/world/port-reopens\"></head><body><article><h1>Port reopens</h1><p>The port reopened on Monday after the strike ended, the harbour master said in a statement to reporters at the gates.</p></article></body></html>",
    )]);
    let c = load_dir(dir.path()).unwrap().corpus;
    let a = c.get("page").unwrap();
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.reuters.com/world/port-reopens")
    );
    assert_eq!(a.outlets[0].name, "Reuters");
    assert_eq!(a.outlets[0].rule, OutletRule::Url);
}

/// `parallax collect` records `final_url` and `fetched` beside `url`; a sidecar without them reads
/// as before, and the final address's domain names the publisher (a short link's would not).
#[test]
fn collected_addresses_final_addresses_and_fetch_times_are_read() {
    let text = "Harbour reopens after the strike\n\nThe port reopened on Monday after the strike ended, the harbour master said in a statement to reporters.\n";
    let outlet =
        "\n[[outlet]]\nname = \"Harbour Gazette\"\ndomains = [\"harbourgazette.example\"]\n";
    // (case, article entry, publisher, error)
    let cases = [
        ("an old sidecar: url only", "url = \"https://harbourgazette.example/n/1\"", Some("Harbour Gazette"), None),
        (
            "a collected entry",
            "url = \"https://short.example/x\"\nfinal_url = \"https://www.harbourgazette.example/n/1\"\nfetched = 2026-03-04T08:00:00Z",
            Some("Harbour Gazette"),
            None,
        ),
        ("no entry at all", "", None, None),
        ("a bad final address", "final_url = \"nowhere\"", None, Some("the final_url “nowhere” of “a” is not a web address")),
        ("a fetch time without a time", "fetched = 2026-03-04", None, Some("needs a date and a time")),
        ("a fetch time as a string", "fetched = \"yesterday\"", None, Some("the sidecar is not valid")),
    ];
    for (case, entry, publisher, error) in cases {
        let sidecar = format!("[article.a]\n{entry}\n{outlet}");
        let dir = folder(&[("a.txt", text), ("corpus.toml", &sidecar)]);
        match (load_dir(dir.path()), error) {
            (Ok(l), None) => {
                let a = l.corpus.get("a").unwrap();
                let got = a
                    .outlets
                    .iter()
                    .find(|o| o.role == OutletRole::Publisher)
                    .map(|o| o.name.as_str());
                assert_eq!(got, publisher, "{case}");
            }
            (Err(e), Some(want)) => assert!(e.to_string().contains(want), "{case}: {e}"),
            (Ok(_), Some(want)) => panic!("{case}: loaded, but wanted the error “{want}”"),
            (Err(e), None) => panic!("{case}: {e}"),
        }
    }
}

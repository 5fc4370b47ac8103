//! `parallax collect` against a loopback HTTP server this test starts (127.0.0.1 only): pages
//! written for the tests (`tests/fixtures/collect-site/`), a redirect, a 404, a slow page, a
//! page that is not UTF-8, a huge one, one that is not an article, one that is not HTML, and one
//! that fails once before it answers. Checks the folder, the sidecar, the messages and the exit
//! codes, then that the folder builds into a corpus with every outlet, date and address.
//!
//! With `COLLECT_CORPUS_OUT=DIR` set, the collected folder is also copied to DIR, which is how
//! `make e2e` builds the page its browser test opens (`dist-collect/`).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/collect-site")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One request the server saw.
#[derive(Clone, Debug)]
struct Seen {
    path: String,
    at: Instant,
    headers: HashMap<String, String>,
}

/// The loopback site: a listener on 127.0.0.1 with a thread per connection.
struct Site {
    base: String,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Site {
    fn start() -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let (l, h) = (log.clone(), hits.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (l, h) = (l.clone(), h.clone());
                std::thread::spawn(move || serve(stream, &l, &h));
            }
        });
        Site { base, log }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn requests(&self, path: &str) -> Vec<Seen> {
        let log = self.log.lock().unwrap();
        log.iter().filter(|s| s.path == path).cloned().collect()
    }
}

fn compress(bytes: &[u8], encoding: &str) -> Vec<u8> {
    match encoding {
        "br" => {
            let mut out = Vec::new();
            let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
            w.write_all(bytes).unwrap();
            drop(w);
            out
        }
        _ => {
            let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            w.write_all(bytes).unwrap();
            w.finish().unwrap()
        }
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<Seen>>, hits: &Mutex<HashMap<String, usize>>) {
    let at = Instant::now();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let accepts = |enc: &str| {
        headers
            .get("accept-encoding")
            .is_some_and(|a| a.split(',').any(|x| x.trim() == enc))
    };
    let (br, gz) = (accepts("br"), accepts("gzip"));
    log.lock().unwrap().push(Seen {
        path: path.clone(),
        at,
        headers: headers.clone(),
    });
    let n = {
        let mut h = hits.lock().unwrap();
        let n = h.entry(path.clone()).or_default();
        *n += 1;
        *n
    };
    let html = "text/html; charset=utf-8";
    let page = |name: &str| (200, html, fixture(name), None::<String>);
    let (status, ctype, body, location) = match path.as_str() {
        "/news/dockers-strike" => page("full-metadata.html"),
        "/plain/wire-story" => (200, "text/html", fixture("no-metadata.html"), None),
        "/go/ferry" => (
            301,
            html,
            b"moved".to_vec(),
            Some("/news/ferry-fares".into()),
        ),
        "/news/ferry-fares" => page("json-ld-only.html"),
        "/fr/greve" => (
            200,
            "text/html; charset=iso-8859-1",
            fixture("latin1.html"),
            None,
        ),
        "/news/night-shifts" if n == 1 => (503, html, b"busy".to_vec(), None),
        "/news/night-shifts" => page("flaky.html"),
        "/news/talks-resume" => page("second-day.html"),
        "/world" => page("section-front.html"),
        "/report.pdf" => (
            200,
            "application/pdf",
            b"%PDF-1.7 not a page".to_vec(),
            None,
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            page("full-metadata.html")
        }
        "/huge" => {
            // 3 MB of markup, with no Content-Length: the limit must stop the read itself.
            let mut s = stream;
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>");
            let chunk =
                "<p>padding padding padding padding padding padding padding.</p>\n".repeat(1000);
            for _ in 0..50 {
                if s.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
            }
            return;
        }
        _ => (
            404,
            html,
            b"<html><body><h1>Not found</h1></body></html>".to_vec(),
            None,
        ),
    };
    let (body, encoding) = match path.as_str() {
        "/news/dockers-strike" if br => (compress(&body, "br"), Some("br")),
        "/plain/wire-story" if gz => (compress(&body, "gzip"), Some("gzip")),
        _ => (body, None),
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(e) = encoding {
        head.push_str(&format!("Content-Encoding: {e}\r\n"));
    }
    if let Some(l) = location {
        head.push_str(&format!("Location: {l}\r\n"));
    }
    head.push_str("\r\n");
    let mut s = stream;
    let _ = s
        .write_all(head.as_bytes())
        .and_then(|()| s.write_all(&body));
    let _ = s.flush();
}

/// Runs `parallax collect` with small delays and time-outs; `stdin` feeds `-`.
fn collect(links: &str, dir: &Path, stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["collect", links, "--out"])
        .arg(dir)
        .args(["--delay-ms", "150", "--timeout-secs", "1", "--retries", "1"])
        .args(["--backoff-ms", "20", "--max-bytes", "1000000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn html_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    v.sort();
    v
}

#[test]
fn collect_fills_a_folder_reruns_add_only_new_links_and_the_folder_builds() {
    let site = Site::start();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    // What the folder had before: a hand-made sidecar (kept as it is) and an article whose id
    // the first collected page would take (so that page gets `-2`).
    let before = "# my notes stay\n[[alias]]\nwords = [\"Corran\", \"Korran\"]\n";
    std::fs::write(dir.join("corpus.toml"), before).unwrap();
    let hand_made = "date 2026-05-03\n\nA note written by hand\n\nCORRAN (Corran Post) - This file was here before collect ran, and it must be left exactly as it was, with its own id and its own words about the port and its strike.\n";
    let hand_made_path = dir.join("corran-post_corran-dockers-walk-out-as-pay-talks-collapse.txt");
    std::fs::write(&hand_made_path, hand_made).unwrap();
    let links = tmp.path().join("links.txt");
    let first = format!(
        "# links for the Corran strike\n{}\n{}   # no metadata at all\n{}\n{}\n{}\n\n{}\n{}\n{}\n{}\n{}\nftp://files.example/x\n{}\n",
        site.url("/news/dockers-strike"),
        site.url("/plain/wire-story"),
        site.url("/go/ferry"),
        site.url("/fr/greve"),
        site.url("/news/night-shifts"),
        site.url("/missing"),
        site.url("/slow"),
        site.url("/huge"),
        site.url("/world"),
        site.url("/report.pdf"),
        site.url("/news/dockers-strike#comments"),
    );
    std::fs::write(&links, &first).unwrap();
    let started = Instant::now();
    let (code, stdout, stderr) = collect(links.to_str().unwrap(), &dir, None);
    let took = started.elapsed();
    assert_eq!(code, 1, "some links failed\n{stdout}\n{stderr}");

    // One line per failed link, with the reason, as it happens and again at the end.
    let reasons = [
        ("/missing", "not found (HTTP 404)"),
        ("/slow", "timed out"),
        ("/huge", "too large: more than 1 MB"),
        ("/world", "not an article: 0 paragraphs of running prose"),
        ("/report.pdf", "not HTML (application/pdf)"),
        (
            "ftp://files.example/x",
            "not a link: only http:// and https:// addresses are fetched",
        ),
    ];
    for (what, why) in reasons {
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(what) && l.contains(why))
            .collect();
        assert_eq!(
            lines.len(),
            2,
            "{what}: “{why}” once as it happens, once at the end\n{stderr}"
        );
    }
    assert!(stderr.contains("collected 5 new articles into"), "{stderr}");
    assert!(stderr.contains("6 links failed:"), "{stderr}");
    assert!(stderr.contains("1 repeated line skipped"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // The folder: five pages, the hand-made article untouched, the colliding id suffixed.
    let files = html_files(&dir);
    assert_eq!(
        files,
        [
            "corran-post_corran-dockers-walk-out-as-pay-talks-collapse-2.html",
            "harbour-daily_night-shift-bonus-at-heart-of-corran-dispute.html",
            "le-courrier-de-corran_le-port-de-corran-toujours-paralyse.html",
            "ostrava-ledger_ferry-fares-to-rise-as-corran-strike-drags-on.html",
            // No metadata: the outlet comes from the text's dateline.
            "reuters_port-strike-spreads-to-corran-rail-yard.html",
        ]
        .map(String::from),
        "{stdout}"
    );
    for f in &files {
        assert!(stdout.contains(&format!("saved   {f}")), "{f}\n{stdout}");
    }
    assert_eq!(std::fs::read_to_string(&hand_made_path).unwrap(), hand_made);
    // Saved as served: decompressed, bytes unchanged (the Latin-1 page stays Latin-1).
    assert_eq!(
        std::fs::read(dir.join("le-courrier-de-corran_le-port-de-corran-toujours-paralyse.html"))
            .unwrap(),
        fixture("latin1.html")
    );
    assert_eq!(
        std::fs::read(dir.join(&files[0])).unwrap(),
        fixture("full-metadata.html")
    );

    // The sidecar: what was there, then one entry per page with both addresses and the time.
    let sidecar = std::fs::read_to_string(dir.join("corpus.toml")).unwrap();
    assert!(sidecar.starts_with(before), "{sidecar}");
    let table: toml::Table = toml::from_str(&sidecar).unwrap();
    let articles = table["article"].as_table().unwrap();
    assert_eq!(articles.len(), 5);
    let entry = &articles["ostrava-ledger_ferry-fares-to-rise-as-corran-strike-drags-on"];
    assert_eq!(entry["url"].as_str(), Some(site.url("/go/ferry").as_str()));
    assert_eq!(
        entry["final_url"].as_str(),
        Some(site.url("/news/ferry-fares").as_str())
    );
    for (id, e) in articles {
        let fetched = e["fetched"]
            .as_datetime()
            .unwrap_or_else(|| panic!("{id}: fetched"));
        assert!(fetched.to_string().starts_with("20") && fetched.to_string().ends_with('Z'));
    }

    // Politeness: a clear user agent, gzip and brotli asked for, retries with back-off, and at
    // least the delay between two requests to the host.
    let all = site.log.lock().unwrap().clone();
    for s in &all {
        let ua = s.headers.get("user-agent").cloned().unwrap_or_default();
        assert!(
            ua.starts_with("Parallax/") && ua.contains("media research"),
            "{ua}"
        );
    }
    let ae = all[0]
        .headers
        .get("accept-encoding")
        .cloned()
        .unwrap_or_default();
    assert!(ae.contains("gzip") && ae.contains("br"), "{ae}");
    assert_eq!(
        site.requests("/news/night-shifts").len(),
        2,
        "one retry after the 503"
    );
    assert_eq!(site.requests("/missing").len(), 1, "a 404 is not retried");
    assert_eq!(
        site.requests("/slow").len(),
        2,
        "a time-out is retried once"
    );
    assert_eq!(
        site.requests("/news/dockers-strike").len(),
        1,
        "the repeated link is not fetched again"
    );
    let mut seen = all.clone();
    seen.sort_by_key(|s| s.at);
    for w in seen.windows(2) {
        // A redirect's second hop comes at once; every other request waits its turn.
        let gap = w[1].at - w[0].at;
        let hop = w[1].path == "/news/ferry-fares";
        assert!(
            hop || gap >= Duration::from_millis(150),
            "{} then {}: {gap:?} apart",
            w[0].path,
            w[1].path
        );
    }
    assert!(took < Duration::from_secs(20), "took {took:?}");

    // A second run, from standard input: what is there is skipped without a request, the new link
    // is added, and every link is read: exit code 0.
    let before_second = all.len();
    let second = format!(
        "{}\n{}\n{}\n",
        site.url("/news/dockers-strike"),
        site.url("/news/ferry-fares"),
        site.url("/news/talks-resume"),
    );
    let (code, stdout, stderr) = collect("-", &dir, Some(&second));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(
        stdout.contains("saved   corran-post_corran-strike-talks-to-resume-with-mediator.html"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("skipped ").count(), 2, "{stdout}");
    assert!(
        stderr.contains("collected 1 new article into")
            && stderr.contains("2 already there; every link was read"),
        "{stderr}"
    );
    let new_requests: Vec<String> = site.log.lock().unwrap()[before_second..]
        .iter()
        .map(|s| s.path.clone())
        .collect();
    assert_eq!(new_requests, ["/news/talks-resume"]);
    assert_eq!(html_files(&dir).len(), 6);

    // The folder builds: every article with an outlet, a stated date and its address.
    let loaded = parallax_core::fs::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let c = &loaded.corpus;
    assert_eq!(c.articles.len(), 7);
    // (id prefix, outlet label, date)
    let want = [
        ("reuters_", "Reuters", "2026-05-04"),
        (
            "corran-post_corran-dockers-walk-out-as-pay-talks-collapse-2",
            "Corran Post",
            "2026-05-04",
        ),
        ("corran-post_corran-strike", "Corran Post", "2026-05-06"),
        ("harbour-daily_", "Harbour Daily", "2026-05-05"),
        (
            "le-courrier-de-corran_",
            "Le Courrier de Corran",
            "2026-05-05",
        ),
        ("ostrava-ledger_", "Ostrava Ledger", "2026-05-05"),
    ];
    for (prefix, outlet, date) in want {
        let a = c
            .articles
            .iter()
            .find(|a| a.id.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}"));
        assert_eq!(a.outlet_label(), outlet, "{}", a.id);
        assert_eq!(a.date.iso(), date, "{}", a.id);
        assert_ne!(a.date.provenance.as_str(), "inferred", "{}", a.id);
        let url = a.url.as_deref().unwrap_or_default();
        assert!(url.starts_with(&site.base), "{}: {url}", a.id);
    }
    let fr = c
        .articles
        .iter()
        .find(|a| a.id.starts_with("le-courrier"))
        .unwrap();
    assert_eq!(fr.title.text, "Le port de Corran toujours paralysé");

    if let Some(out) = std::env::var_os("COLLECT_CORPUS_OUT") {
        let out = PathBuf::from(out);
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            std::fs::copy(e.path(), out.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn bad_starts_fail_with_a_sentence_and_no_request() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("c");
    let missing = tmp.path().join("nope.txt");
    let (code, _, stderr) = collect(missing.to_str().unwrap(), &dir, None);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot read the links file") && stderr.contains("one address a line"),
        "{stderr}"
    );

    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("corpus.toml"), "[article\n").unwrap();
    let links = tmp.path().join("links.txt");
    std::fs::write(&links, "https://127.0.0.1:9/x\n").unwrap();
    let (code, _, stderr) = collect(links.to_str().unwrap(), &dir, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("corpus.toml is not valid"), "{stderr}");

    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let (code, _, stderr) = collect(links.to_str().unwrap(), &file, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("is not a folder"), "{stderr}");

    // An empty list reads every link there is: none.
    let empty_dir = tmp.path().join("empty");
    let (code, _, stderr) = collect("-", &empty_dir, Some("# nothing yet\n"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("collected 0 new articles"), "{stderr}");
}

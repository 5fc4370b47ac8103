//! `parallax collect LINKS --out DIR`: fetches each link, saves each article as `ID.html` and
//! records its addresses and fetch time in the folder's `corpus.toml`. Links the folder already
//! has are skipped; a link that fails gets one line with the reason and the batch goes on.

use crate::fetch::{Fetcher, Settings};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_core::collect::{self, Failure, Recorded};
use parallax_core::fs::SIDECAR;
use parallax_core::ingest::Meta;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the command was asked.
pub struct Request {
    /// The links file, or `-` for standard input.
    pub links: PathBuf,
    /// The corpus folder.
    pub out: PathBuf,
    /// The client's knobs.
    pub settings: Settings,
}

/// One link's outcome.
enum Outcome {
    Saved(String),
    Known(String),
}

/// Reads the links (a file or standard input).
fn read_links(path: &Path) -> Result<(String, String), String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read the links from standard input: {e}"))?;
        return Ok(("standard input".into(), text));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "cannot read the links file {}: {e}. Give a text file with one address a line, or - to read them from standard input",
            path.display()
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "the links file {} is not UTF-8 text. Save it as UTF-8, one address a line",
            path.display()
        )
    })?;
    Ok((path.display().to_string(), text))
}

/// What the folder already has: its sidecar's entries and its article files' ids.
fn read_folder(dir: &Path) -> Result<(Recorded, String), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{} is not a folder. Give --out a folder (it is created if missing)",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the folder {}: {e}", dir.display()))?;
    let sidecar = dir.join(SIDECAR);
    let src = match std::fs::read_to_string(&sidecar) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", sidecar.display())),
    };
    let mut recorded = Recorded::from_sidecar(&src).map_err(|why| {
        format!(
            "{} is not valid ({why}). Fix it or move it away; collect adds to it and never rewrites what is there",
            sidecar.display()
        )
    })?;
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the folder {}: {e}", dir.display()))?;
    for e in entries.flatten() {
        if let Some(stem) = e.path().file_stem() {
            recorded.add_id(&stem.to_string_lossy());
        }
    }
    Ok((recorded, src))
}

/// Writes `bytes` to a new file `DIR/ID.html`, taking the next free id if the file appeared in
/// the meantime (nothing is ever overwritten). Returns the id used.
fn save_page(dir: &Path, id: &str, bytes: &[u8], recorded: &Recorded) -> Result<String, Failure> {
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            id.to_string()
        } else {
            format!("{id}-{n}")
        };
        n += 1;
        if recorded.has_id(&candidate) {
            continue;
        }
        let path = dir.join(format!("{candidate}.html"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                return f
                    .write_all(bytes)
                    .map(|()| candidate)
                    .map_err(|e| Failure::Save(format!("{}: {e}", path.display())))
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 10_000 => continue,
            Err(e) => return Err(Failure::Save(format!("{}: {e}", path.display()))),
        }
    }
}

/// Appends an entry to the sidecar: written to a hidden file beside it, then renamed over it,
/// so an interrupted run never leaves half an entry.
fn record(dir: &Path, entry: &str) -> Result<(), Failure> {
    let path = dir.join(SIDECAR);
    let tmp = dir.join(format!(".{SIDECAR}.part"));
    let existing = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Failure::Save(format!("{}: {e}", path.display()))),
    };
    std::fs::write(&tmp, collect::append(&existing, entry))
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| Failure::Save(format!("{}: {e}", path.display())))
}

/// Fetches, judges, saves and records one link.
fn one(
    fetcher: &mut Fetcher,
    dir: &Path,
    address: &str,
    recorded: &mut Recorded,
) -> Result<Outcome, Failure> {
    if let Some(id) = recorded.article_at(address) {
        return Ok(Outcome::Known(id.to_string()));
    }
    let page = fetcher.fetch(address)?;
    if let Some(id) = recorded.article_at(&page.final_url) {
        let id = id.to_string();
        recorded.add_address(address, &id);
        return Ok(Outcome::Known(id));
    }
    collect::is_html(page.content_type.as_deref(), &page.bytes)?;
    let meta = Meta {
        url: Some(address.to_string()),
        final_url: Some(page.final_url.clone()),
        ..Default::default()
    };
    let judged = collect::judge_page(
        "page.html",
        &page.bytes,
        page.content_type.as_deref(),
        &meta,
    )?;
    let host = parallax_core::outlets::host_of(&page.final_url);
    let id = collect::make_id(judged.outlet(), judged.headline(), host.as_deref(), &|id| {
        recorded.has_id(id)
    });
    let id = save_page(dir, &id, &page.bytes, recorded)?;
    recorded.add_id(&id);
    let fetched = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let entry = collect::entry_toml(
        &id,
        address,
        &page.final_url,
        &collect::utc_timestamp(fetched),
    );
    if let Err(f) = record(dir, &entry) {
        // The page without its entry would read as an article with no address: take it back.
        let _ = std::fs::remove_file(dir.join(format!("{id}.html")));
        return Err(f);
    }
    recorded.add_address(address, &id);
    recorded.add_address(&page.final_url, &id);
    Ok(Outcome::Saved(id))
}

/// Runs the command; exit code 0 when every link was read, 1 when some failed or nothing could
/// start.
pub fn run(req: Request) -> ExitCode {
    let (source, text) = match read_links(&req.links) {
        Ok(x) => x,
        Err(why) => {
            eprintln!("parallax: {why}");
            return ExitCode::FAILURE;
        }
    };
    let (mut recorded, _) = match read_folder(&req.out) {
        Ok(x) => x,
        Err(why) => {
            eprintln!("parallax: {why}");
            return ExitCode::FAILURE;
        }
    };
    let links = collect::parse_links(&text);
    let mut failed: Vec<(usize, String, Failure)> = links.bad.clone();
    for (line, link, why) in &failed {
        eprintln!("failed  {source}:{line} {link}: {why}");
    }
    let total = links.links.len() as u64;
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    let mut fetcher = Fetcher::new(req.settings);
    let (mut saved, mut known) = (0usize, 0usize);
    let mut out = std::io::stdout().lock();
    for link in &links.links {
        bar.set_message(link.address.clone());
        match one(&mut fetcher, &req.out, &link.address, &mut recorded) {
            Ok(Outcome::Saved(id)) => {
                saved += 1;
                bar.suspend(|| writeln!(out, "saved   {id}.html  {}", link.address))
                    .ok();
            }
            Ok(Outcome::Known(id)) => {
                known += 1;
                bar.suspend(|| {
                    writeln!(
                        out,
                        "skipped {} (already in the folder as {id})",
                        link.address
                    )
                })
                .ok();
            }
            Err(why) => {
                bar.suspend(|| eprintln!("failed  {source}:{} {}: {why}", link.line, link.address));
                failed.push((link.line, link.address.clone(), why));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    failed.sort_by_key(|(line, ..)| *line);
    let n = failed.len();
    let summary = format!(
        "collected {saved} new article{} into {}; {known} already there{}",
        if saved == 1 { "" } else { "s" },
        req.out.display(),
        if links.repeats > 0 {
            format!(
                "; {} repeated line{} skipped",
                links.repeats,
                if links.repeats == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        }
    );
    if n == 0 {
        eprintln!("{summary}; every link was read");
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "{summary}; {n} link{} failed:",
        if n == 1 { "" } else { "s" }
    );
    for (line, link, why) in &failed {
        eprintln!("  {source}:{line} {link}: {why}");
    }
    ExitCode::FAILURE
}

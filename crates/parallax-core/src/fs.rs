//! Reading a corpus folder: article files (`.txt`, `.md`, `.html`; see [`crate::formats`]) plus an
//! optional `corpus.toml` sidecar and `story.toml` profile.
//!
//! Every file is checked before giving up, so one build reports every problem at once.
//!
//! The sidecar sets or corrects metadata per article id (the file name without its extension):
//!
//! ```toml
//! [article."003_fa59a08e2227003b"]
//! title = "Europeans urge Putin to encourage dialogue in Belarus"
//! outlet = "Example Daily"          # or a list, publisher first: ["UrduPoint", "Sputnik"]
//! date = "2020-08-18"
//! url = "https://example.org/news/europeans-urge-putin"   # its address
//! final_url = "https://www.example.org/news/europeans-urge-putin"  # after redirects
//! fetched = 2026-03-04T08:00:00Z    # when `parallax collect` fetched it
//!
//! [[alias]]                         # words that name the same thing: a search for one finds all
//! words = ["Belarus", "Byelorussia", "Belorussia"]
//! ```

use crate::date::Date;
use crate::error::{line_of, CorpusError, CorpusErrors, ErrorKind};
use crate::formats::{self, Format, EXTENSIONS};
use crate::ingest::Meta;
use crate::Corpus;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Name of the optional metadata sidecar in a corpus folder.
pub const SIDECAR: &str = "corpus.toml";

/// Name of the optional story profile (stance targets and actors) in a corpus folder; without
/// one, the built-in profile of the seed story is used when it fits the articles, else a
/// profile suggested from them ([`crate::suggest`]; the corpus records which in
/// [`Corpus::profile_source`]).
pub const STORY: &str = "story.toml";

/// A corpus read from disk, with what was skipped.
#[derive(Debug)]
pub struct Loaded {
    /// The corpus.
    pub corpus: Corpus,
    /// Files that were skipped or need attention, as sentences.
    pub warnings: Vec<String>,
    /// Every file whose change must rebuild the corpus (articles and sidecar).
    pub inputs: Vec<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarFile {
    #[serde(default)]
    article: BTreeMap<String, SidecarArticle>,
    #[serde(default)]
    alias: Vec<AliasGroup>,
    #[serde(default)]
    outlet: Vec<SidecarOutlet>,
}

/// `[[outlet]]`: an outlet the built-in table lacks (or more spellings and domains for one it has).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarOutlet {
    name: toml::Spanned<String>,
    #[serde(default)]
    kind: Option<toml::Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasGroup {
    words: toml::Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarArticle {
    title: Option<toml::Spanned<String>>,
    outlet: Option<toml::Spanned<OneOrMany>>,
    date: Option<toml::Spanned<String>>,
    url: Option<toml::Spanned<String>>,
    /// Where the address led after redirects (written by `parallax collect`).
    final_url: Option<toml::Spanned<String>>,
    /// When the page was fetched (written by `parallax collect`), a TOML date-time.
    fetched: Option<toml::Spanned<toml::value::Datetime>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

fn sidecar_error(path: &Path, src: &str, at: Option<usize>, problem: String) -> CorpusError {
    CorpusError::new(
        ErrorKind::Sidecar,
        path,
        at.map(|a| line_of(src.as_bytes(), a)),
        problem,
        "Fix that entry (see “Your own articles” in the README for the format) or delete the sidecar",
    )
}

/// What a sidecar says: per-article metadata, alias groups, and outlets added to the table.
type Sidecar = (
    HashMap<String, Meta>,
    Vec<Vec<String>>,
    Vec<crate::outlets::Entry>,
);

fn read_sidecar(
    path: &Path,
    ids: &HashMap<String, PathBuf>,
    errors: &mut Vec<CorpusError>,
) -> Sidecar {
    let mut out = HashMap::new();
    let mut aliases = Vec::new();
    let mut outlets = Vec::new();
    let src = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            let at = e.utf8_error().valid_up_to();
            errors.push(sidecar_error(
                path,
                "",
                None,
                format!("the sidecar is not valid UTF-8 (at byte {at})"),
            ));
            return (out, aliases, outlets);
        }
        Err(e) => {
            errors.push(CorpusError::new(
                ErrorKind::Io,
                path,
                None,
                format!("the sidecar cannot be read ({e})"),
                "Check its permissions",
            ));
            return (out, aliases, outlets);
        }
    };
    let parsed: SidecarFile = match toml::from_str(&src) {
        Ok(p) => p,
        Err(e) => {
            let at = e.span().map(|s| s.start);
            let msg = e.message().trim().trim_end_matches('.').to_string();
            errors.push(sidecar_error(
                path,
                &src,
                at,
                format!("the sidecar is not valid: {msg}"),
            ));
            return (out, aliases, outlets);
        }
    };
    for (id, entry) in parsed.article {
        let key_at = src.find(&format!("\"{id}\"")).or_else(|| src.find(&id));
        if !ids.contains_key(&id) {
            errors.push(sidecar_error(
                path,
                &src,
                key_at,
                format!(
                    "the sidecar describes article “{id}”, but no article file {id}.txt, {id}.md or {id}.html is in the folder"
                ),
            ));
            continue;
        }
        let mut meta = Meta::default();
        if let Some(t) = entry.title {
            if t.get_ref().trim().is_empty() {
                errors.push(sidecar_error(
                    path,
                    &src,
                    Some(t.span().start),
                    format!("the title of “{id}” is empty"),
                ));
            }
            meta.title = Some(t.into_inner());
        }
        if let Some(o) = entry.outlet {
            let span = o.span();
            let names = match o.into_inner() {
                OneOrMany::One(s) => vec![s],
                OneOrMany::Many(v) => v,
            };
            if names.is_empty() || names.iter().any(|n| n.trim().is_empty()) {
                errors.push(sidecar_error(
                    path,
                    &src,
                    Some(span.start),
                    format!("an outlet of “{id}” is empty"),
                ));
            }
            meta.outlets = Some(names);
        }
        if let Some(d) = entry.date {
            match Date::parse_iso(d.get_ref()) {
                Some(date) => meta.date = Some(date),
                None => errors.push(sidecar_error(
                    path,
                    &src,
                    Some(d.span().start),
                    format!(
                        "the date “{}” of “{id}” is not a calendar date in the form YYYY-MM-DD",
                        d.get_ref()
                    ),
                )),
            }
        }
        if let Some(u) = entry.url {
            if crate::outlets::host_of(u.get_ref()).is_none() {
                errors.push(sidecar_error(
                    path,
                    &src,
                    Some(u.span().start),
                    format!("the url “{}” of “{id}” is not a web address", u.get_ref()),
                ));
            }
            meta.url = Some(u.into_inner());
        }
        if let Some(u) = entry.final_url {
            if crate::outlets::host_of(u.get_ref()).is_none() {
                errors.push(sidecar_error(
                    path,
                    &src,
                    Some(u.span().start),
                    format!(
                        "the final_url “{}” of “{id}” is not a web address",
                        u.get_ref()
                    ),
                ));
            }
            meta.final_url = Some(u.into_inner());
        }
        if let Some(f) = entry.fetched {
            if f.get_ref().date.is_none() || f.get_ref().time.is_none() {
                errors.push(sidecar_error(
                    path,
                    &src,
                    Some(f.span().start),
                    format!(
                        "the fetched time “{}” of “{id}” needs a date and a time, like 2026-03-04T08:00:00Z",
                        f.get_ref()
                    ),
                ));
            }
        }
        out.insert(id, meta);
    }
    for o in parsed.outlet {
        let at = o.name.span().start;
        let kind = match o.kind.as_ref().map(|k| k.get_ref().as_str()) {
            None => Some(crate::outlets::OutletKind::Publication),
            Some(k) => crate::outlets::OutletKind::parse(k),
        };
        let name = o.name.into_inner();
        match kind {
            Some(kind) if !name.trim().is_empty() => outlets.push(crate::outlets::Entry {
                name: name.trim().to_string(),
                kind,
                aliases: o.aliases,
                domains: o.domains,
                country: o.country.unwrap_or_else(|| "--".into()),
            }),
            _ => errors.push(sidecar_error(
                path,
                &src,
                Some(at),
                "an [[outlet]] needs a name and a kind of \"wire\", \"publication\" or \"aggregator\"".into(),
            )),
        }
    }
    for group in parsed.alias {
        let at = group.words.span().start;
        let words = group.words.into_inner();
        if words.len() < 2 || words.iter().any(|w| w.split_whitespace().count() != 1) {
            errors.push(sidecar_error(
                path,
                &src,
                Some(at),
                "an alias group needs two or more single words".into(),
            ));
            continue;
        }
        aliases.push(words);
    }
    (out, aliases, outlets)
}

/// The UTF-16 variant a file's byte-order mark announces, if it has one.
fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> CorpusError {
    CorpusError::new(
        ErrorKind::Io,
        path,
        None,
        format!("it cannot be read ({e})"),
        "Check that it exists and that you may read it",
    )
}

/// Reads every article of a corpus folder; the corpus is named after the folder.
pub fn load_dir(dir: &Path) -> Result<Loaded, CorpusErrors> {
    load_dir_with_progress(dir, &mut |_, _| {})
}

/// Like [`load_dir`], calling `progress(done, total)` after each article file is read and
/// ingested (for a progress display over large folders).
pub fn load_dir_with_progress(
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Loaded, CorpusErrors> {
    let fail = |e: CorpusError| CorpusErrors(vec![e]);
    if !dir.is_dir() {
        return Err(fail(CorpusError::new(
            ErrorKind::NotAFolder,
            dir,
            None,
            "this is not a folder",
            "Point CORPUS_DIR (or --corpus) at the folder that holds the article files (.txt, .md or .html)",
        )));
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| fail(io_error(dir, &e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut files: Vec<(String, PathBuf, Format)> = Vec::new();
    let mut ids: HashMap<String, PathBuf> = HashMap::new();
    let mut folded: HashMap<String, PathBuf> = HashMap::new();
    let mut sidecar = None;
    for path in entries {
        let file_name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if file_name.starts_with('.') {
            continue;
        }
        if file_name == SIDECAR {
            sidecar = Some(path);
            continue;
        }
        if file_name == STORY {
            continue;
        }
        let format = Format::from_name(&file_name).filter(|_| !path.is_dir());
        let Some(format) = format else {
            warnings.push(format!(
                "{}: skipped (article files end in {EXTENSIONS}; besides them only {SIDECAR} and {STORY} are read)",
                path.display()
            ));
            continue;
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(other) = folded.get(&id.to_lowercase()) {
            errors.push(CorpusError::new(
                ErrorKind::DuplicateId,
                &path,
                None,
                format!("its id “{id}” is already taken by {} (ids are file names without the extension, compared ignoring case)", other.display()),
                "Rename one of the two files",
            ));
            continue;
        }
        folded.insert(id.to_lowercase(), path.clone());
        ids.insert(id.clone(), path.clone());
        files.push((id, path, format));
    }

    let (metas, aliases, extra_outlets) = match &sidecar {
        Some(p) => read_sidecar(p, &ids, &mut errors),
        None => Default::default(),
    };
    // Outlets the sidecar adds extend the built-in table for every article of the folder.
    let table = (!extra_outlets.is_empty()).then(|| {
        let mut t = crate::outlets::Table::builtin().clone();
        for e in extra_outlets {
            t.add(e);
        }
        std::sync::Arc::new(t)
    });

    let mut articles = Vec::new();
    let total = files.len();
    for (done, (id, path, format)) in files.iter().enumerate() {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(io_error(path, &e));
                continue;
            }
        };
        if let Some(encoding) = utf16_bom(&bytes) {
            errors.push(CorpusError::new(
                ErrorKind::NotUtf8,
                path,
                None,
                format!("the file is {encoding} (it starts with a {encoding} byte-order mark), not UTF-8"),
                format!("Save it as UTF-8, for example with `iconv -f {encoding} -t UTF-8 old.txt > new.txt`"),
            ));
            continue;
        }
        let extracted = match formats::extract(*format, path, &bytes) {
            Ok(x) => x,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let file_name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut meta = metas.get(id).cloned().unwrap_or_default();
        meta.table = table.clone();
        articles.push(formats::ingest_extracted(id, &file_name, &extracted, &meta));
        progress(done + 1, total);
    }
    if errors.is_empty() && articles.is_empty() {
        errors.push(CorpusError::new(
            ErrorKind::NoArticles,
            dir,
            None,
            "the folder holds no article files (.txt, .md or .html)",
            "Add at least one article as a UTF-8 .txt file, a Markdown .md file or a saved .html page",
        ));
    }
    let story = dir.join(STORY);
    let profile = if story.is_file() {
        match crate::stance::Profile::read(&story) {
            Ok(p) => p,
            Err(why) => {
                errors.push(CorpusError::new(
                    ErrorKind::Sidecar,
                    &story,
                    None,
                    format!("the story profile cannot be read ({why})"),
                    "Fix it (the format is in crates/parallax-core/profiles/default.toml) or delete it to use the built-in profile",
                ));
                crate::stance::Profile::default()
            }
        }
    } else {
        crate::stance::Profile::builtin()
    };
    if !errors.is_empty() {
        return Err(CorpusErrors(errors));
    }
    // Without a story.toml, the built-in profile is used only if it fits the articles (see
    // `suggest::FIT_THRESHOLD`); else a profile suggested from them.
    let mut source = if story.is_file() {
        crate::corpus::ProfileSource::Story
    } else {
        crate::corpus::ProfileSource::Builtin
    };
    let mut profile = profile;
    if !story.is_file() {
        let fit = crate::suggest::fit(&profile, &articles);
        if !fit.fits() {
            profile = crate::suggest::suggest(&articles).profile();
            source = crate::corpus::ProfileSource::Suggested {
                builtin_hits_per_thousand_words: fit.per_thousand_words(),
            };
        }
    }
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "corpus".into());
    let mut inputs: Vec<PathBuf> = files.into_iter().map(|(_, p, _)| p).collect();
    inputs.extend(sidecar);
    if story.is_file() {
        inputs.push(story);
    }
    let mut corpus = Corpus::build(&name, articles, &aliases, profile);
    corpus.profile_source = source;
    Ok(Loaded {
        corpus,
        warnings,
        inputs,
    })
}

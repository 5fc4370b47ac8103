//! `parallax`: the Parallax core on the command line, over any corpus folder.

use clap::{Parser, Subcommand};
use parallax_core::fs::load_dir;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod collect;
mod fetch;
mod report;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how outlets covered the same story."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the articles of a corpus with their metadata.
    Articles {
        /// The corpus folder (article .txt, .md or .html files, an optional corpus.toml and story.toml).
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Print one JSON object per article instead of a table.
        #[arg(long)]
        json: bool,
        /// Print only a summary: articles, outlets, date range, where dates come from, warnings.
        #[arg(long, conflicts_with = "json")]
        summary: bool,
    },
    /// Search a corpus with the same code the page runs.
    Search {
        /// The corpus folder (or a corpus file encoded by a build, as the bench writes them, or a built
        /// page's folder whose corpus is in static files, dist/ with corpus/).
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Print one JSON object per hit (doc, score, passages, matched_terms).
        #[arg(long)]
        json: bool,
        /// How many hits get passages.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Run every line of this file as a query and print, per query, one line with the ids of
        /// its best `limit` hits separated by spaces (ranking evaluations).
        #[arg(long, conflicts_with_all = ["json", "query"])]
        queries: Option<PathBuf>,
        /// The query, e.g. `"political prisoners" outlet:TASS -sanctions`.
        #[arg(required_unless_present = "queries")]
        query: Option<String>,
    },
    /// Align two articles: shared, edited and paraphrased paragraphs, and what only one has.
    Compare {
        /// The corpus folder.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Print JSON (one object with `pairs`, `only_a`, `only_b`).
        #[arg(long)]
        json: bool,
        /// First article id.
        a: String,
        /// Second article id.
        b: String,
    },
    /// Every pair of articles that share verbatim or edited copies of paragraphs.
    Reuse {
        /// The corpus folder.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Print one JSON object per article pair.
        #[arg(long)]
        json: bool,
    },
    /// Stance tags: who takes which position on which target, with the cues and the rule.
    Stance {
        /// The corpus folder.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// A story profile (TOML) to use instead of the corpus's story.toml or the built-in one.
        #[arg(long)]
        profile: Option<PathBuf>,
        /// Print one JSON object per tag.
        #[arg(long)]
        json: bool,
    },
    /// The numeric claims of each article, normalised (what they count, value, qualifier).
    Figures {
        /// The corpus folder.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Print one JSON object per article.
        #[arg(long)]
        json: bool,
    },
    /// Coverage tables over the corpus (what the page's coverage view shows), as CSV or JSON: the
    /// stance matrix rolled up by outlet or actor, the quote ledger, name spellings, figures
    /// across outlets, or the timeline.
    Coverage {
        /// The corpus folder.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Which table.
        #[arg(long, value_enum, default_value_t = CoverageTable::Matrix)]
        table: CoverageTable,
        /// The matrix's rows.
        #[arg(long, value_enum, default_value_t = RowsArg::Outlet)]
        by: RowsArg,
        /// Only articles that can date from this day on (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only articles that can date from this day or earlier (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Print JSON (with the corpus version) instead of CSV.
        #[arg(long)]
        json: bool,
    },
    /// Story profiles: `parallax profile suggest` writes a starting story.toml from a corpus.
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// Build a corpus folder from a list of links: fetch each page, save it as ID.html (the id made
    /// from outlet and headline) and record its address, final address and fetch time in the
    /// folder's corpus.toml. Run it again to add new links: those already there are skipped.
    /// Exit code 0 when every link was read, 1 when some failed (listed at the end).
    Collect {
        /// A text file with one address a line (`#` starts a comment), or `-` for standard input.
        links: PathBuf,
        /// The corpus folder to fill (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Wait at least this long between two requests to the same host (milliseconds).
        #[arg(long, default_value_t = 1000)]
        delay_ms: u64,
        /// Give up on a page after this long (seconds, decimals allowed).
        #[arg(long, default_value_t = 30.0)]
        timeout_secs: f64,
        /// Retries after a server error (5xx, 429), a time-out or a broken connection.
        #[arg(long, default_value_t = 2)]
        retries: u32,
        /// Wait before the first retry (milliseconds); each later retry waits twice as long.
        #[arg(long, default_value_t = 1000)]
        backoff_ms: u64,
        /// Refuse pages larger than this (bytes, after decompression).
        #[arg(long, default_value_t = 10_000_000)]
        max_bytes: u64,
    },
    /// Write a deterministic synthetic corpus (news-like statistics, vocabulary seeded by a template corpus) to a folder.
    Generate {
        /// The template corpus whose words, word pairs and names seed the vocabulary.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// How many articles.
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// Random seed: the same seed gives the same files.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// The folder to write (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Also write the planted wire copies here, one JSON object per line (`article`,
        /// `paragraph`, `source`, `source_paragraph` — file names and body paragraph indices, 0 for
        /// the lead — and `verbatim`): ground truth for reuse detection. Keep it outside `--out`.
        #[arg(long)]
        truth: Option<PathBuf>,
    },
}

/// What `parallax profile` does.
#[derive(Subcommand)]
enum ProfileAction {
    /// Suggest a story profile (targets, actors) from what the corpus's actors call for,
    /// condemn, reject, back or warn against, and who says so; prints what it found and how well
    /// the built-in profile fits on stderr.
    Suggest {
        /// The corpus folder.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Write the profile here (e.g. the folder's story.toml) instead of to stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// The tables of `parallax coverage`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum CoverageTable {
    Matrix,
    Ledger,
    Names,
    Figures,
    Timeline,
}

/// Rows of the coverage matrix.
#[derive(Clone, Copy, clap::ValueEnum)]
enum RowsArg {
    Outlet,
    Actor,
}

/// The planted copies of a generated corpus as JSON lines.
fn truth_lines(g: &parallax_core::synth::Generated) -> String {
    g.truth
        .iter()
        .map(|c| {
            format!(
                "{{\"article\":\"{}\",\"paragraph\":{},\"source\":\"{}\",\"source_paragraph\":{},\"verbatim\":{}}}\n",
                g.files[c.article].name, c.paragraph, g.files[c.source].name, c.source_paragraph, c.verbatim
            )
        })
        .collect()
}

fn load(corpus: &std::path::Path) -> Option<parallax_core::fs::Loaded> {
    // A corpus file encoded by a build (the bench writes them), or a built page's folder (or its
    // corpus/) with the corpus in static files: read as the page reads them.
    let read = |result: Result<parallax_core::Corpus, String>| match result {
        Ok(corpus) => Some(parallax_core::fs::Loaded {
            corpus,
            warnings: Vec::new(),
            inputs: Vec::new(),
        }),
        Err(e) => {
            eprintln!("parallax: {}: {e}", corpus.display());
            None
        }
    };
    if corpus.is_file() {
        return read(
            std::fs::read(corpus)
                .map_err(|e| e.to_string())
                .and_then(|b| parallax_core::Corpus::decode(&b).map_err(|e| e.to_string())),
        );
    }
    if parallax_core::static_corpus::static_dir(corpus).is_some() {
        return read(parallax_core::static_corpus::read_static(corpus).map_err(|e| e.to_string()));
    }
    match load_dir(corpus) {
        Ok(l) => {
            for w in &l.warnings {
                eprintln!("parallax: warning: {w}");
            }
            Some(l)
        }
        Err(e) => {
            eprint!("parallax: {e}");
            None
        }
    }
}

fn finish(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Articles {
            corpus,
            json,
            summary,
        } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            finish(if summary {
                parallax_core::summary::lines(&loaded.corpus, loaded.warnings.len())
                    .iter()
                    .try_for_each(|l| writeln!(out, "{l}"))
            } else if json {
                loaded.corpus.articles.iter().try_for_each(|a| {
                    let line =
                        serde_json::to_string(&report::ArticleJson::new(a)).unwrap_or_default();
                    writeln!(out, "{line}")
                })
            } else {
                report::table(&loaded.corpus, &mut out)
            })
        }
        Command::Search {
            corpus,
            json,
            limit,
            queries,
            query,
        } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let opts = parallax_core::search::Options {
                limit,
                ..Default::default()
            };
            if let Some(file) = queries {
                let text = match std::fs::read_to_string(&file) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("parallax: {}: {e}", file.display());
                        return ExitCode::FAILURE;
                    }
                };
                return finish(text.lines().try_for_each(|q| {
                    let r = parallax_core::search::search(&loaded.corpus, q, &opts);
                    let ids: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
                    writeln!(out, "{}", ids.join(" "))
                }));
            }
            let query = query.unwrap_or_default();
            let results = parallax_core::search::search(&loaded.corpus, &query, &opts);
            for h in &results.hints {
                eprintln!("parallax: hint: {h}");
            }
            if results.fallback_any {
                eprintln!("parallax: no article has every term; showing articles with any of them");
            }
            finish(report::search(&loaded.corpus, &results, json, &mut out))
        }
        Command::Compare { corpus, json, a, b } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let c = &loaded.corpus;
            let (Some(x), Some(y)) = (c.get(&a), c.get(&b)) else {
                let missing = if c.get(&a).is_none() { &a } else { &b };
                eprintln!(
                    "parallax: no article “{missing}” in {}; `parallax articles` lists the ids",
                    corpus.display()
                );
                return ExitCode::FAILURE;
            };
            let al = parallax_core::align::align(x, y, &Default::default());
            finish(report::compare(x, y, &al, json, &mut out))
        }
        Command::Reuse { corpus, json } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let found = parallax_core::align::reuse(&loaded.corpus.articles, &Default::default());
            finish(report::reuse(&loaded.corpus, &found, json, &mut out))
        }
        Command::Stance {
            corpus,
            profile,
            json,
        } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let profile = match profile {
                None => loaded.corpus.profile.clone(),
                Some(path) => match parallax_core::stance::Profile::read(&path) {
                    Ok(p) => p,
                    Err(why) => {
                        eprintln!(
                            "parallax: {}: the story profile cannot be read ({why})",
                            path.display()
                        );
                        return ExitCode::FAILURE;
                    }
                },
            };
            finish(report::stance(&loaded.corpus, &profile, json, &mut out))
        }
        Command::Figures { corpus, json } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            finish(report::figures(&loaded.corpus, json, &mut out))
        }
        Command::Coverage {
            corpus,
            table,
            by,
            from,
            to,
            json,
        } => {
            use parallax_core::coverage::{self, DateRange, Rows};
            let mut range = DateRange::default();
            for (arg, slot) in [(&from, &mut range.from), (&to, &mut range.to)] {
                if let Some(text) = arg {
                    match parallax_core::date::Date::parse_iso(text) {
                        Some(d) => *slot = Some(d),
                        None => {
                            eprintln!("parallax: “{text}” is not a date (use YYYY-MM-DD)");
                            return ExitCode::FAILURE;
                        }
                    }
                }
            }
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let c = &loaded.corpus;
            let sel = coverage::select(c, range);
            let by = match by {
                RowsArg::Outlet => Rows::Outlets,
                RowsArg::Actor => Rows::Actors,
            };
            let t = match table {
                CoverageTable::Matrix => coverage::matrix(&sel, by).table(),
                CoverageTable::Ledger => coverage::ledger_table(&coverage::ledger(&sel)),
                CoverageTable::Names => coverage::names_table(&coverage::name_usage(&sel)),
                CoverageTable::Figures => coverage::figures_across(&sel).table(c),
                CoverageTable::Timeline => coverage::timeline(c).table(c),
            };
            let text = if json {
                t.json(&c.name, &c.version, "")
            } else {
                t.csv().trim_start_matches('\u{feff}').to_string()
            };
            finish(out.write_all(text.as_bytes()))
        }
        Command::Profile {
            action: ProfileAction::Suggest { corpus, out: file },
        } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let articles = &loaded.corpus.articles;
            let s = parallax_core::suggest::suggest(articles);
            let name = corpus.display().to_string();
            let text = parallax_core::suggest::to_toml(&s, &name);
            let builtin =
                parallax_core::suggest::fit(&parallax_core::stance::Profile::builtin(), articles);
            let own = parallax_core::suggest::fit(&s.profile(), articles);
            for line in report::suggestion(&s, &builtin, &own) {
                eprintln!("{line}");
            }
            match file {
                None => finish(out.write_all(text.as_bytes())),
                Some(path) => match std::fs::write(&path, text) {
                    Ok(()) => {
                        eprintln!("wrote {}", path.display());
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("parallax: cannot write {}: {e}", path.display());
                        ExitCode::FAILURE
                    }
                },
            }
        }
        Command::Collect {
            links,
            out: dir,
            delay_ms,
            timeout_secs,
            retries,
            backoff_ms,
            max_bytes,
        } => {
            if !(timeout_secs.is_finite() && timeout_secs > 0.0 && timeout_secs <= 86_400.0) {
                eprintln!("parallax: --timeout-secs must be more than 0 and at most 86400");
                return ExitCode::FAILURE;
            }
            collect::run(collect::Request {
                links,
                out: dir,
                settings: fetch::Settings {
                    timeout: std::time::Duration::from_secs_f64(timeout_secs),
                    delay: std::time::Duration::from_millis(delay_ms),
                    retries,
                    backoff: std::time::Duration::from_millis(backoff_ms),
                    max_bytes,
                },
            })
        }
        Command::Generate {
            corpus,
            articles,
            seed,
            out: dir,
            truth,
        } => {
            let Some(loaded) = load(&corpus) else {
                return ExitCode::FAILURE;
            };
            let generated = parallax_core::synth::generate(&loaded.corpus, articles, seed);
            let written = std::fs::create_dir_all(&dir).and_then(|()| {
                generated
                    .files
                    .iter()
                    .try_for_each(|f| std::fs::write(dir.join(&f.name), &f.text))
            });
            let written = written.and_then(|()| match &truth {
                None => Ok(()),
                Some(path) => std::fs::write(path, truth_lines(&generated)),
            });
            if let Err(e) = written {
                eprintln!("parallax: cannot write to {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            finish(writeln!(
                out,
                "wrote {} articles to {} ({} copy wire paragraphs from an earlier article)",
                generated.files.len(),
                dir.display(),
                generated.copies.len()
            ))
        }
    }
}

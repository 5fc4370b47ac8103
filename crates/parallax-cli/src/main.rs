//! `parallax`: the Parallax core on the command line, over any corpus folder.

use clap::{Parser, Subcommand};
use parallax_core::fs::load_dir;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
        /// The corpus folder (article .txt files and an optional corpus.toml).
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// Print one JSON object per article instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Articles { corpus, json } => {
            let loaded = match load_dir(&corpus) {
                Ok(l) => l,
                Err(e) => {
                    eprint!("parallax: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for w in &loaded.warnings {
                eprintln!("parallax: warning: {w}");
            }
            let mut out = std::io::stdout().lock();
            let result = if json {
                loaded.corpus.articles.iter().try_for_each(|a| {
                    let line =
                        serde_json::to_string(&report::ArticleJson::new(a)).unwrap_or_default();
                    writeln!(out, "{line}")
                })
            } else {
                report::table(&loaded.corpus, &mut out)
            };
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
    }
}

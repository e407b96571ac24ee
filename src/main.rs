//! The `storyline` command: a thin shell over the library.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use storyline::{Options, OutputFormat};

#[derive(Parser)]
#[command(
    name = "storyline",
    version,
    about = "Turns news coverage into stories people can trust."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize articles (files or folders; .txt, .html, .jsonl) as one story, every
    /// sentence citing every source that reports it.
    Summarize(SummarizeArgs),
    /// Sort a mixed stream of articles into stories (one event each), summarize each, and
    /// report copies across the stream.
    Cluster(ClusterArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

#[derive(Args)]
struct Common {
    /// Options file (TOML or JSON with the fields of the options struct); flags override it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Args)]
struct SummarizeArgs {
    /// Files or folders (read recursively, sorted, hidden files skipped).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Word budget of the summary.
    #[arg(long, value_name = "N")]
    words: Option<usize>,
    /// Show why each sentence was chosen.
    #[arg(long)]
    explain: bool,
    /// Update summary: what articles published on or after DATE (YYYY-MM-DD) add to the
    /// earlier ones.
    #[arg(long, value_name = "DATE")]
    since: Option<chrono::NaiveDate>,
    /// Update summary: the reader has seen these articles (ids); say what the others add.
    #[arg(long, value_name = "ARTICLE", num_args = 1..)]
    seen: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct ClusterArgs {
    /// Files or folders (read recursively, sorted, hidden files skipped).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Word budget of each story's summary.
    #[arg(long, value_name = "N")]
    words: Option<usize>,
    #[command(flatten)]
    common: Common,
}

fn load_options(common: &Common) -> Result<Options> {
    let mut opts = match &common.config {
        None => Options::default(),
        Some(path) => {
            let s = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the options file", path.display()))?;
            if path.extension().is_some_and(|e| e == "json") {
                serde_json::from_str(&s)
                    .with_context(|| format!("{}: bad options", path.display()))?
            } else {
                toml::from_str(&s).with_context(|| format!("{}: bad options", path.display()))?
            }
        }
    };
    if let Some(f) = common.format {
        opts.format = match f {
            Format::Text => OutputFormat::Text,
            Format::Markdown => OutputFormat::Markdown,
            Format::Json => OutputFormat::Json,
        };
    }
    Ok(opts)
}

fn summarize(args: SummarizeArgs) -> Result<ExitCode> {
    let mut opts = load_options(&args.common)?;
    if let Some(w) = args.words {
        opts.words = w;
    }
    opts.explain |= args.explain;
    let update = args.since.is_some() || !args.seen.is_empty();
    let seen = storyline::summarize::update::Seen {
        since: args.since,
        ids: args.seen,
    };
    let result = if update {
        storyline::summarize::update::update_paths(&args.paths, &seen, &opts)
    } else {
        storyline::summarize_paths(&args.paths, &opts)
    };
    let run = match result {
        Ok(run) => run,
        Err(storyline::Error::NoArticles(errors)) => {
            for e in &errors {
                eprintln!("storyline: skipped: {e}");
            }
            eprintln!("storyline: error: {}", storyline::Error::NoArticles(errors));
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    for e in &run.errors {
        eprintln!("storyline: skipped: {e}");
    }
    let out = storyline::render::render(&[(&run.story, &run.summary)], &opts);
    print!("{out}");
    // The process ends now: freeing every article, word and vector one by one would cost
    // about 5% of a large run for nothing.
    std::mem::forget(run);
    Ok(ExitCode::SUCCESS)
}

fn cluster(args: ClusterArgs) -> Result<ExitCode> {
    let mut opts = load_options(&args.common)?;
    if let Some(w) = args.words {
        opts.words = w;
    }
    let run = match storyline::cluster::cluster_paths(&args.paths, &opts) {
        Ok(run) => run,
        Err(storyline::Error::NoArticles(errors)) => {
            for e in &errors {
                eprintln!("storyline: skipped: {e}");
            }
            eprintln!("storyline: error: {}", storyline::Error::NoArticles(errors));
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    for e in &run.errors {
        eprintln!("storyline: skipped: {e}");
    }
    print!("{}", storyline::cluster::report::render(&run, &opts));
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(a) => summarize(a),
        Command::Cluster(a) => cluster(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

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
    /// Analyse articles as one story: entities, who said what, claims the sources share and
    /// where they conflict, single-source facts, copies (plus the summary).
    Analyze(SummarizeArgs),
    /// Summarize every cluster of a dataset (<cluster>/docs/*.txt, <cluster>/refs/*.txt) and
    /// score the summaries with ROUGE; or, with --score-only, score a folder of summaries.
    Eval(EvalArgs),
    /// Print the main article text of HTML pages (the same extraction HTML ingestion uses).
    Extract(ExtractArgs),
    /// Show one stage's output per article as JSON Lines, with byte offsets into its text.
    Inspect(InspectArgs),
    /// Store articles (files, folders, JSON Lines, RSS/Atom/JSON Feed) in the database and
    /// assign them to stories. Idempotent.
    Ingest(IngestArgs),
    /// Serve the stories of the database: HTTP API and web page.
    Serve(ServeArgs),
    /// Sort a mixed stream of articles into stories (one event each), summarize each, and
    /// report copies across the stream.
    Cluster(ClusterArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Args)]
struct ExtractArgs {
    /// HTML pages, or folders of them (.html, .htm, .xhtml).
    #[arg(required = true)]
    pages: Vec<PathBuf>,
    /// Write DIR/<file stem>.txt for each page instead of printing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Output format: the text, or one JSON object per page (text, title, date, site name, author).
    #[arg(long, value_enum, default_value = "text")]
    format: ExtractFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum StageArg {
    /// Regions: `kind` is kept, or what was removed (prompt, caption, embed, ...).
    Clean,
    /// Sentences of the kept text, with their `paragraph`.
    Sentences,
    /// Named entity mentions: `kind` (PER, LOC, ORG, MISC), `entity` (merged entity's id), `name`.
    Entities,
    /// Time expressions: TIMEX3 `type`, `value`, `granularity`.
    Dates,
    /// Direct quotes: `speaker` (canonical name or null), `speaker_text`, `verb`.
    Quotes,
}

#[derive(Args)]
struct InspectArgs {
    /// Which stage to show. Entities and quotes read all the articles given as one story
    /// (as `analyze` does), so an entity id is the same in every article.
    #[arg(long, value_enum)]
    stage: StageArg,
    /// Files or folders (.txt, .html, .jsonl).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Reference date for relative time expressions when an article has no date of its own.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<chrono::NaiveDate>,
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
    /// One story per event, or per topic (events of one kind merged) [default: event, or
    /// the config's cluster.granularity].
    #[arg(long, value_enum)]
    granularity: Option<GranularityArg>,
    #[command(flatten)]
    common: Common,
}

#[derive(Clone, Copy, ValueEnum)]
enum GranularityArg {
    Event,
    Topic,
}

#[derive(Args)]
struct EvalArgs {
    /// The dataset folder.
    dataset: PathBuf,
    /// Word budget of the summaries, and ROUGE's word limit (default: summarize's budget).
    #[arg(long, value_name = "N")]
    words: Option<usize>,
    /// Write each summary to DIR/<cluster>.txt (one sentence per line).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Score the summaries in DIR (<cluster>.txt) instead of summarizing.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    score_only: Option<PathBuf>,
    /// Scoring convention.
    #[arg(long, value_enum, default_value = "rouge155")]
    scorer: ScorerArg,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct IngestArgs {
    /// Files or folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The database file [default: ./storyline.db].
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScorerArg {
    Rouge155,
    RougeScore,
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080]; anything but loopback needs --token.
    #[arg(long, value_name = "HOST:PORT")]
    addr: Option<String>,
    /// The database file [default: ./storyline.db].
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Writes need `Authorization: Bearer TOKEN`. Prefer the environment variable: a flag is
    /// visible to other users in the process list.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "STORYLINE_TOKEN",
        hide_env_values = true
    )]
    token: Option<String>,
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
        Err(storyline::Error::NoArticles(errors)) => return Ok(no_articles(errors)),
        Err(e) => return Err(e.into()),
    };
    report_skipped(&run.errors);
    let out = storyline::render::render(&[(&run.story, &run.summary)], &opts);
    print!("{out}");
    // The process ends now: freeing every article, word and vector one by one would cost
    // about 5% of a large run for nothing.
    std::mem::forget(run);
    Ok(ExitCode::SUCCESS)
}

fn analyze(args: SummarizeArgs) -> Result<ExitCode> {
    let mut opts = load_options(&args.common)?;
    if let Some(w) = args.words {
        opts.words = w;
    }
    opts.explain |= args.explain;
    let run = match storyline::analyze::analyze_paths(&args.paths, &opts) {
        Ok(run) => run,
        Err(storyline::Error::NoArticles(errors)) => return Ok(no_articles(errors)),
        Err(e) => return Err(e.into()),
    };
    report_skipped(&run.errors);
    let stories = [(&run.story, &run.summary, &run.analysis)];
    let out = storyline::analyze::report::render(&stories, &opts);
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    use storyline::eval::{EvalOptions, Scorer};
    let mut opts = load_options(&args.common)?;
    if let Some(w) = args.words {
        opts.words = w;
    }
    let json = match opts.format {
        OutputFormat::Text => false,
        OutputFormat::Json => true,
        OutputFormat::Markdown => anyhow::bail!("eval prints text or json"),
    };
    let eval_opts = EvalOptions {
        scorer: match args.scorer {
            ScorerArg::Rouge155 => Scorer::Rouge155,
            ScorerArg::RougeScore => Scorer::RougeScore,
        },
        words: opts.words,
        ..EvalOptions::default()
    };
    let n = storyline::eval::clusters(&args.dataset)?.len();
    let bar = indicatif::ProgressBar::new(n as u64).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} clusters {elapsed_precise}")
            .expect("a valid template"),
    );
    let tick = || bar.inc(1);
    let report = match &args.score_only {
        Some(dir) => storyline::eval::score_dir(&args.dataset, dir, &eval_opts, &tick)?,
        None => {
            storyline::eval::evaluate(&args.dataset, &opts, &eval_opts, args.out.as_deref(), &tick)?
        }
    };
    bar.finish_and_clear();
    print!("{}", if json { report.json() } else { report.text() });
    Ok(ExitCode::SUCCESS)
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    use storyline::extract::{extract_paths, to_json_line};
    let opts = Options::default();
    let run = extract_paths(&args.pages, &opts);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let mut errors = run.errors;
    let mut written = 0;
    let several = run.pages.len() > 1;
    for x in &run.pages {
        match (&args.out, args.format) {
            (Some(dir), _) => match storyline::extract::write_text(dir, x) {
                Ok(_) => written += 1,
                Err(e) => errors.push(e),
            },
            (None, ExtractFormat::Json) => println!("{}", to_json_line(x)),
            (None, ExtractFormat::Text) if several => {
                println!("==> {} <==\n{}\n", x.path.display(), x.page.text)
            }
            (None, ExtractFormat::Text) => println!("{}", x.page.text),
        }
    }
    for e in &errors {
        eprintln!("storyline: skipped: {e}");
    }
    if let Some(dir) = &args.out {
        eprintln!("storyline: wrote {written} file(s) to {}", dir.display());
    }
    Ok(if run.pages.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn inspect(args: InspectArgs) -> Result<ExitCode> {
    use storyline::inspect::{inspect_paths, to_json_line, Stage};
    let stage = match args.stage {
        StageArg::Clean => Stage::Clean,
        StageArg::Sentences => Stage::Sentences,
        StageArg::Entities => Stage::Entities,
        StageArg::Dates => Stage::Dates,
        StageArg::Quotes => Stage::Quotes,
    };
    let run = inspect_paths(&args.paths, stage, args.date, &Options::default());
    for a in &run.articles {
        println!("{}", to_json_line(a));
    }
    report_skipped(&run.errors);
    Ok(if run.articles.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn ingest(args: IngestArgs) -> Result<ExitCode> {
    use storyline::store::ingest::{ingest_into, Progress};
    let mut opts = load_options(&args.common)?;
    if let Some(db) = args.db {
        opts.serve.db = db;
    }
    let bar = if args.quiet {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(0)
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>8} [{bar:40}] {pos}/{len}")
            .expect("progress template")
            .progress_chars("=> "),
    );
    let report = ingest_into(&opts.serve.db, &args.paths, &opts, &mut |p| {
        let (msg, done, total) = match p {
            Progress::Files(d, t) => ("files", d, t),
            Progress::Stories(d, t) => ("stories", d, t),
        };
        bar.set_message(msg);
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    for e in &report.errors {
        eprintln!("storyline: skipped: {e}");
    }
    println!(
        "{} files: {} articles added, {} updated, {} unchanged; {} stories changed ({})",
        report.files,
        report.added,
        report.updated,
        report.unchanged,
        report.stories.len(),
        opts.serve.db.display()
    );
    let usable = report.added + report.updated + report.unchanged;
    Ok(if usable > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn serve(args: ServeArgs) -> Result<ExitCode> {
    let mut opts = load_options(&args.common)?;
    if let Some(a) = args.addr {
        opts.serve.addr = a;
    }
    if let Some(db) = args.db {
        opts.serve.db = db;
    }
    if args.token.is_some() {
        opts.serve.token = args.token;
    }
    storyline::server::serve(&opts, |addr| {
        println!(
            "storyline: serving {} on http://{addr}/",
            opts.serve.db.display()
        );
    })?;
    Ok(ExitCode::SUCCESS)
}

fn cluster(args: ClusterArgs) -> Result<ExitCode> {
    let mut opts = load_options(&args.common)?;
    if let Some(w) = args.words {
        opts.words = w;
    }
    if let Some(g) = args.granularity {
        opts.cluster.granularity = match g {
            GranularityArg::Event => storyline::cluster::Granularity::Event,
            GranularityArg::Topic => storyline::cluster::Granularity::Topic,
        };
    }
    let run = match storyline::cluster::cluster_paths(&args.paths, &opts) {
        Ok(run) => run,
        Err(storyline::Error::NoArticles(errors)) => return Ok(no_articles(errors)),
        Err(e) => return Err(e.into()),
    };
    report_skipped(&run.errors);
    print!("{}", storyline::cluster::report::render(&run, &opts));
    Ok(ExitCode::SUCCESS)
}

/// One stderr line per input that could not be used.
fn report_skipped(errors: &[storyline::Error]) {
    for e in errors {
        eprintln!("storyline: skipped: {e}");
    }
}

/// Reports a batch in which no input gave an article: every refused input, then the reason.
/// Exit status 2.
fn no_articles(errors: Vec<storyline::Error>) -> ExitCode {
    report_skipped(&errors);
    eprintln!("storyline: error: {}", storyline::Error::NoArticles(errors));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(a) => summarize(a),
        Command::Analyze(a) => analyze(a),
        Command::Eval(a) => eval(a),
        Command::Extract(a) => extract(a),
        Command::Inspect(a) => inspect(a),
        Command::Ingest(a) => ingest(a),
        Command::Serve(a) => serve(a),
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

//! storyline turns news coverage into stories people can trust.
//!
//! The pipeline, one module per stage, each reading the one data model of [`model`]:
//!
//! | stage | module | gives |
//! |---|---|---|
//! | read files, HTML, JSON Lines | [`ingest`] | [`model::Article`] (text as read) |
//! | mark boilerplate | [`clean`] | [`clean::Region`]s (byte spans + kind) |
//! | split sentences | [`sentences`] | [`sentences::Sentence`]s (byte spans) |
//! | words, stems | [`words`] | [`words::Word`]s (byte spans) |
//! | one article prepared | [`doc`] | [`doc::Doc`] |
//! | merge a story | [`story`], [`copies`] | [`story::Story`] (vocabulary, TF-IDF, copies) |
//! | summarize | [`mod@summarize`] | [`summarize::Summary`] (spans + sources) |
//! | time expressions (TIMEX3) | [`time`] | [`time::TimeMention`]s (byte spans + values) |
//! | analyze | [`analyze`] | [`analyze::Analysis`] (entities, quotes, claims, conflicts, timeline) |
//! | render | [`render`] | text, Markdown, JSON |
//! | sort a stream into stories, copies across it | [`cluster`] | stories, each summarized |
//! | measure quality | [`eval`] | ROUGE as ROUGE-1.5.5 computes it, over a dataset |
//! | main text of HTML pages | [`extract`] | [`extract::Page`] (text, title, date, site, author) |
//! | look at one stage | [`inspect`] | [`inspect::Inspected`] (items with byte spans) |
//! | keep articles and stories (SQLite), ingest | [`store`] | stored stories, cached renderings |
//! | serve the API and the web page | [`server`] | HTTP (axum) |
//!
//! Articles are prepared independently (in parallel); everything that compares articles is
//! the merge step. See `ARCHITECTURE.md` for the design.
#![deny(missing_docs)]

pub mod analyze;
pub mod clean;
pub mod cluster;
pub mod copies;
pub mod doc;
pub mod error;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod inspect;
pub mod model;
pub mod options;
pub mod render;
pub mod sentences;
pub mod server;
pub mod store;
pub mod story;
pub mod summarize;
pub mod time;
pub mod words;

pub use error::{Error, Result};
pub use model::{Article, Span};
pub use options::{Options, OutputFormat};
pub use story::Story;
pub use summarize::{summarize, Summary};

use std::path::Path;

/// The result of summarizing a batch of paths as one story.
#[derive(Debug)]
pub struct Run {
    /// The story.
    pub story: Story,
    /// Its summary.
    pub summary: Summary,
    /// Inputs that could not be used (the rest went through).
    pub errors: Vec<Error>,
}

/// Reads `paths` (files and folders) as one story and summarizes it.
///
/// Bad inputs are returned in [`Run::errors`]; only when no input gives an article is the
/// whole call an error ([`Error::NoArticles`]).
pub fn summarize_paths<P: AsRef<Path>>(paths: &[P], opts: &Options) -> Result<Run> {
    opts.validate()?;
    let loaded = ingest::load(paths, opts);
    if loaded.articles.is_empty() {
        return Err(Error::NoArticles(loaded.errors));
    }
    let story = Story::from_articles(loaded.articles);
    let summary = summarize(&story, opts);
    Ok(Run {
        story,
        summary,
        errors: loaded.errors,
    })
}

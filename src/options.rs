//! Options shared by the library, the CLI, the HTTP API and config files.
//!
//! One serde struct with defaults: a config file or a JSON request body can name
//! any subset of the fields and the rest keep their default values.

use serde::{Deserialize, Serialize};

/// How a result is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Plain text, one summary sentence per line with its sources.
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// The JSON contract (see `ARCHITECTURE.md`).
    Json,
}

/// Every option of the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Word budget of a summary (whitespace-separated words). Never exceeded.
    pub words: usize,
    /// Output format.
    pub format: OutputFormat,
    /// Attach to each summary sentence why it was chosen.
    pub explain: bool,
    /// Largest input file accepted, in bytes. Larger files are refused with an error.
    pub max_file_bytes: u64,
    /// Shortest sentence (in words) the summarizer may choose.
    pub min_sentence_words: usize,
    /// Longest sentence (in words) the summarizer may choose.
    pub max_sentence_words: usize,
    /// Two sentences at least this similar (0..1, weighted cosine of stems) say the same thing:
    /// the summary never holds both, and an article holding one supports the other.
    pub same_content: f64,
    /// Strength of the position prior of sentence selection: the first sentence of an article
    /// counts `1 + P` times, the second `1 + P/2`, and so on (news puts what matters first).
    pub position_prior: f64,
    /// Two sentences sharing at least this share (0..1) of the smaller one's weighted concepts
    /// (stem bigrams that several sources carry) say the same thing, even when their wording
    /// differs ("Blinken met Lavrov in Geneva" told twice); above 1, this test is off and only
    /// `same_content` applies.
    pub concept_overlap: f64,
    /// An article supports (is cited for) a summary sentence when one of its sentences holds
    /// at least this share (0..1) of the summary sentence's weighted content stems.
    pub support: f64,
    /// Clustering a stream into stories (`storyline cluster`).
    pub cluster: crate::cluster::ClusterOptions,
    /// Options of `storyline analyze`.
    #[serde(default)]
    pub analyze: crate::analyze::AnalyzeOptions,
    /// `storyline serve` and `storyline ingest`: address, database, token, limits.
    #[serde(default)]
    pub serve: crate::server::ServeOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            words: 100,
            format: OutputFormat::Text,
            explain: false,
            max_file_bytes: 20 * 1024 * 1024,
            min_sentence_words: 6,
            max_sentence_words: 80,
            same_content: 0.5,
            support: 0.4,
            position_prior: 0.5,
            concept_overlap: 1.1,
            cluster: crate::cluster::ClusterOptions::default(),
            analyze: Default::default(),
            serve: crate::server::ServeOptions::default(),
        }
    }
}

impl Options {
    /// Checks that the options make sense together.
    pub fn validate(&self) -> crate::Result<()> {
        if self.words == 0 {
            return Err(crate::Error::Options("words must be at least 1".into()));
        }
        if self.min_sentence_words > self.max_sentence_words {
            return Err(crate::Error::Options(
                "min_sentence_words is above max_sentence_words".into(),
            ));
        }
        for (name, v) in [
            ("same_content", self.same_content),
            ("support", self.support),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(crate::Error::Options(format!(
                    "{name} must lie between 0 and 1"
                )));
            }
        }
        if !(self.position_prior >= 0.0 && self.position_prior.is_finite()) {
            return Err(crate::Error::Options(
                "position_prior must be a finite number at least 0".into(),
            ));
        }
        if self.concept_overlap.is_nan() || self.concept_overlap <= 0.0 {
            return Err(crate::Error::Options(
                "concept_overlap must be above 0 (above 1 turns it off)".into(),
            ));
        }
        Ok(())
    }
}

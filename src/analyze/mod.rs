//! Analysis of a story: who is named, who said what, which facts the sources share, where
//! they conflict, what only one source reports, and which articles copy others.
//!
//! Every part reads the same [`Story`] (sentences with TF-IDF vectors and content bags,
//! copies, independence groups) and refers back to the articles with byte spans, so that each
//! finding can be checked against the words it came from; [`report`] renders the result.
//! Nothing here needs a model: rules, an in-repo gazetteer and the story's own statistics.

pub mod claims;
pub mod entities;
mod entity_appositions;
mod entity_context;
mod entity_cues;
mod entity_detect;
mod entity_headline_body;
mod entity_headline_types;
mod entity_headlines;
mod entity_institutions;
mod entity_joins;
mod entity_known;
mod entity_leading_words;
mod entity_metonymy;
mod entity_named_cities;
mod entity_nicknames;
mod entity_phrases;
mod entity_products;
mod entity_quoted;
mod entity_run_evidence;
mod entity_run_extent;
mod entity_run_kind;
mod entity_run_suffix;
mod entity_special_tokens;
mod entity_sports;
mod entity_story;
mod entity_words;
pub mod gazetteer;
pub mod numbers;
pub mod quotes;
pub mod report;
pub mod timeline;
pub mod tokens;

use crate::error::Result;
use crate::options::Options;
use crate::story::Story;
use crate::summarize::Summary;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Options of the analysis (the `analyze` table of a config file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyzeOptions {
    /// Claim alignment.
    pub claims: claims::ClaimOptions,
}

/// What analysis found in a story.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// People, places, organisations.
    pub entities: entities::Entities,
    /// Direct quotes and their groups across articles.
    pub quotes: quotes::Quotes,
    /// Claims, conflicts and single-source facts.
    pub claims: claims::Claims,
    /// Dated events in order.
    pub timeline: timeline::Timeline,
}

/// Analyses a story.
pub fn analyze(story: &Story, opts: &AnalyzeOptions) -> Analysis {
    let entities = entities::Entities::build(story);
    let quotes = quotes::find(story, &entities);
    let mut claims = claims::find(story, &entities, &quotes, &opts.claims);
    let timeline = timeline::build(story, &claims, opts.claims.same_fact);
    claims::date_conflicts(story, &mut claims, &timeline);
    Analysis {
        entities,
        quotes,
        claims,
        timeline,
    }
}

/// The result of analysing a batch of paths as one story.
#[derive(Debug)]
pub struct AnalyzeRun {
    /// The story.
    pub story: Story,
    /// Its summary (the summarize contract is part of the analysis contract).
    pub summary: Summary,
    /// The analysis.
    pub analysis: Analysis,
    /// Inputs that could not be used (the rest went through).
    pub errors: Vec<crate::Error>,
}

/// Reads `paths` as one story, summarizes and analyses it. Bad inputs are handled as in
/// [`crate::summarize_paths`]: reported in [`AnalyzeRun::errors`], the rest goes through.
pub fn analyze_paths<P: AsRef<Path>>(paths: &[P], opts: &Options) -> Result<AnalyzeRun> {
    let run = crate::summarize_paths(paths, opts)?;
    let analysis = analyze(&run.story, &opts.analyze);
    Ok(AnalyzeRun {
        story: run.story,
        summary: run.summary,
        analysis,
        errors: run.errors,
    })
}

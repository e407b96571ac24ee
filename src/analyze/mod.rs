//! Analysis of a story: who is named, who said what, which facts the sources share, where
//! they conflict, what only one source reports, and which articles copy others.
//!
//! Every part reads the same [`Story`] (sentences with TF-IDF vectors, copies, independence
//! groups) and refers back to the articles with byte spans; [`report`] renders the result.

pub mod entities;
pub mod gazetteer;
pub mod quotes;
pub mod tokens;

use crate::story::Story;

/// What analysis found in a story.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// People, places, organisations.
    pub entities: entities::Entities,
    /// Direct quotes and their groups across articles.
    pub quotes: quotes::Quotes,
}

/// Analyses a story.
pub fn analyze(story: &Story) -> Analysis {
    let entities = entities::Entities::build(story);
    let quotes = quotes::find(story, &entities);
    Analysis { entities, quotes }
}

//! Analysis of a story: who is named, who said what, which facts the sources share, where
//! they conflict, what only one source reports, and which articles copy others.
//!
//! Every part reads the same [`Story`] (sentences with TF-IDF vectors, copies, independence
//! groups) and refers back to the articles with byte spans; [`report`] renders the result.

pub mod claims;
pub mod entities;
pub mod gazetteer;
pub mod numbers;
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
    /// Claims, conflicts and single-source facts.
    pub claims: claims::Claims,
}

/// Analyses a story.
pub fn analyze(story: &Story) -> Analysis {
    let entities = entities::Entities::build(story);
    let quotes = quotes::find(story, &entities);
    let claims = claims::find(story, &entities, &quotes, &claims::ClaimOptions::default());
    Analysis {
        entities,
        quotes,
        claims,
    }
}

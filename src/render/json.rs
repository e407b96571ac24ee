//! The JSON contract (other tools read it: fields are only ever added, never renamed).

use crate::story::Story;
use crate::summarize::{Explanation, Summary};
use serde::Serialize;

/// Top level: `{"stories": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub struct StoriesJson {
    /// The stories.
    pub stories: Vec<StoryJson>,
}

/// One story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryJson {
    /// Stable id derived from the article ids.
    pub id: String,
    /// Its articles.
    pub articles: Vec<ArticleJson>,
    /// The summary sentences in reading order.
    pub summary: Vec<SentenceJson>,
    /// Words in the summary.
    pub words: usize,
}

/// An article of a story.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleJson {
    /// Article id.
    pub id: String,
    /// Outlet name.
    pub source: String,
    /// Headline, or null.
    pub title: Option<String>,
    /// `YYYY-MM-DD`, or null.
    pub published: Option<String>,
    /// Address, or null.
    pub url: Option<String>,
}

/// One summary sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceJson {
    /// The sentence as it stands in the article.
    pub text: String,
    /// Id of the article it was taken from.
    pub article: String,
    /// First byte in that article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Ids of every article that carries its content.
    pub sources: Vec<String>,
    /// Why it was chosen (with `explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Explanation>,
}

/// A stable story id: a hash of its sorted article ids.
pub fn story_id(story: &Story) -> String {
    let mut ids: Vec<&str> = story.docs.iter().map(|d| d.article.id.as_str()).collect();
    ids.sort_unstable();
    format!(
        "s{:012x}",
        xxhash_rust::xxh3::xxh3_64(ids.join("\n").as_bytes()) >> 16
    )
}

/// Builds the JSON value of a summarized story.
pub fn story_json(story: &Story, summary: &Summary, explain: bool) -> StoryJson {
    let id_of = |d: usize| story.docs[d].article.id.clone();
    StoryJson {
        id: story_id(story),
        articles: story
            .docs
            .iter()
            .map(|d| ArticleJson {
                id: d.article.id.clone(),
                source: d.article.source.clone(),
                title: d.article.title.clone(),
                published: d
                    .article
                    .published
                    .map(|p| p.format("%Y-%m-%d").to_string()),
                url: d.article.url.clone(),
            })
            .collect(),
        summary: summary
            .sentences
            .iter()
            .map(|s| SentenceJson {
                text: s.span.of(&story.docs[s.doc].article.text).to_string(),
                article: id_of(s.doc),
                start: s.span.start,
                end: s.span.end,
                sources: s.sources.iter().map(|&d| id_of(d)).collect(),
                why: explain.then(|| s.explanation.clone()),
            })
            .collect(),
        words: summary.words,
    }
}

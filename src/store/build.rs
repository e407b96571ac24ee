//! Building the served form of a story from its stored articles.
//!
//! A [`StoryDoc`] is the JSON contract of `summarize` (`id`, `articles`, `summary`, `words`;
//! fields only added) plus what a running desk needs: a stable id, a headline, when it last
//! changed, and for every summary sentence the sentence of each source that carries it
//! (`cites`), so a reader can check each source's own words. It is what the store caches
//! and the server sends.

use crate::options::Options;
use crate::render::json::story_json;
use crate::store::{format_ms, CachedDoc, Store, Stored, StoryId, StoryRow};
use crate::story::Story;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A story as served (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryDoc {
    /// The store's id of the story (stable while articles join it).
    pub id: String,
    /// Headline: the title of the article the summary opens with, else the first title.
    pub title: String,
    /// Last change (RFC 3339).
    pub updated: String,
    /// Bumped by every change to the story's articles.
    pub version: i64,
    /// Number of distinct sources (outlets).
    pub sources: usize,
    /// Its articles, oldest first.
    pub articles: Vec<ArticleDoc>,
    /// The summary sentences in reading order.
    pub summary: Vec<SentenceDoc>,
    /// Words in the summary.
    pub words: usize,
    /// Fields of the contract this server does not know by name, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An article of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleDoc {
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
    /// When the store received it (RFC 3339).
    pub added: String,
    /// Other contract fields, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One summary sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceDoc {
    /// The sentence as it stands in its article.
    pub text: String,
    /// Id of the article it was taken from.
    pub article: String,
    /// First byte in that article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Ids of every article that carries its content.
    pub sources: Vec<String>,
    /// For each of `sources`, in the same order, the sentence of that article that carries it.
    pub cites: Vec<Cite>,
    /// Other contract fields, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a source says a summary sentence's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cite {
    /// Article id.
    pub article: String,
    /// First byte of its matching sentence in that article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Similarity to the summary sentence (1 for the sentence itself).
    pub similarity: f64,
}

/// Builds the served form of story `id` from its stored articles, and the list row to save
/// with it (headline and lead filled in).
pub fn build_story(
    id: StoryId,
    row: &StoryRow,
    stored: Vec<Stored>,
    opts: &Options,
) -> (StoryDoc, StoryRow) {
    let added: Vec<i64> = stored.iter().map(|s| s.added_ms).collect();
    let story = Story::from_articles(stored.into_iter().map(|s| s.article).collect());
    let summary = crate::summarize(&story, opts);
    let contract =
        serde_json::to_value(story_json(&story, &summary, false)).expect("JSON of plain data");
    let mut obj = match contract {
        Value::Object(o) => o,
        _ => Map::new(),
    };
    let take = |obj: &mut Map<String, Value>, k: &str| obj.remove(k).unwrap_or(Value::Null);
    let mut articles: Vec<ArticleDoc> = Vec::new();
    if let Value::Array(arts) = take(&mut obj, "articles") {
        for (i, a) in arts.into_iter().enumerate() {
            let mut a = a;
            if let Value::Object(m) = &mut a {
                m.insert("added".into(), Value::String(format_ms(added[i])));
            }
            articles.push(serde_json::from_value(a).expect("contract article"));
        }
    }
    let mut sentences: Vec<SentenceDoc> = Vec::new();
    if let Value::Array(ss) = take(&mut obj, "summary") {
        for (s, v) in summary.sentences.iter().zip(ss) {
            let cites: Vec<Cite> =
                crate::summarize::support::supports(&story, s.unit, opts.support)
                    .into_iter()
                    .map(|sup| {
                        let unit = &story.units[sup.unit];
                        let span = story.docs[sup.doc].sentences[unit.sent].span;
                        Cite {
                            article: story.docs[sup.doc].article.id.clone(),
                            start: span.start,
                            end: span.end,
                            similarity: (sup.similarity * 1000.0).round() / 1000.0,
                        }
                    })
                    .collect();
            let mut v = v;
            if let Value::Object(m) = &mut v {
                m.insert("cites".into(), serde_json::to_value(cites).expect("cites"));
            }
            sentences.push(serde_json::from_value(v).expect("contract sentence"));
        }
    }
    let words = take(&mut obj, "words").as_u64().unwrap_or(0) as usize;
    obj.remove("id");
    let title = sentences
        .first()
        .and_then(|s| articles.iter().find(|a| a.id == s.article))
        .and_then(|a| a.title.clone())
        .or_else(|| articles.iter().find_map(|a| a.title.clone()))
        .or_else(|| sentences.first().map(|s| shorten(&s.text, 90)))
        .unwrap_or_else(|| format!("Story {id}"));
    let lead = sentences.first().map(|s| s.text.clone());
    let doc = StoryDoc {
        id: id.to_string(),
        title: title.clone(),
        updated: format_ms(row.updated_ms),
        version: row.version,
        sources: row.sources,
        articles,
        summary: sentences,
        words,
        extra: obj,
    };
    let row = StoryRow {
        title: Some(title),
        lead,
        ..row.clone()
    };
    (doc, row)
}

/// Builds story `id` from the store and saves the result as its cached rendering (unless the
/// story changed meanwhile). `None` when there is no such story.
pub fn rebuild(
    store: &dyn Store,
    id: StoryId,
    opts: &Options,
) -> crate::Result<Option<(StoryDoc, CachedDoc)>> {
    let Some(row) = store.story(id)? else {
        return Ok(None);
    };
    let stored = store.articles(id)?;
    let (doc, row) = build_story(id, &row, stored, opts);
    let cached = CachedDoc {
        version: row.version,
        json: serde_json::to_string(&doc).expect("JSON of plain data"),
    };
    store.save_cached(id, &row, &cached)?;
    Ok(Some((doc, cached)))
}

/// The first `n` characters of `s`, cut at a word, with an ellipsis when cut.
fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_point_at_each_sources_sentence() {
        let arts =
            crate::ingest::load(&crate::store::example_paths(), &Options::default()).articles;
        let texts: std::collections::HashMap<String, String> = arts
            .iter()
            .map(|a| (a.id.clone(), a.text.clone()))
            .collect();
        let stored = arts
            .into_iter()
            .map(|article| Stored {
                article,
                story: 7,
                added_ms: 0,
            })
            .collect();
        let row = StoryRow {
            id: 7,
            title: None,
            lead: None,
            articles: 5,
            sources: 5,
            newest: None,
            updated_ms: 0,
            version: 3,
        };
        let (doc, row) = build_story(7, &row, stored, &Options::default());
        assert_eq!(doc.id, "7");
        assert!(!doc.summary.is_empty());
        assert_eq!(row.lead.as_deref(), Some(doc.summary[0].text.as_str()));
        for s in &doc.summary {
            assert_eq!(&texts[&s.article][s.start..s.end], s.text);
            let cited: Vec<&str> = s.cites.iter().map(|c| c.article.as_str()).collect();
            assert_eq!(cited, s.sources);
            for c in &s.cites {
                assert!(!texts[&c.article][c.start..c.end].trim().is_empty());
            }
        }
        let v = serde_json::to_value(&doc).unwrap();
        let back: StoryDoc = serde_json::from_value(v).unwrap();
        assert_eq!(back, doc);
    }
}

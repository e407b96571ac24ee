//! The embedded store behind `storyline ingest` and `storyline serve`.
//!
//! A news desk keeps what it was given: articles with their text as read (so every span stays
//! valid), the story each article belongs to, and a cached rendering of each story that is
//! thrown away whenever the story changes and rebuilt on demand. The [`Store`] trait is the
//! seam for another backend (PostgreSQL) later; [`sqlite::SqliteStore`] is the default.
//!
//! Assigning a new article to a story is behind the [`assign::Assign`] trait, implemented by
//! [`stream::StreamAssign`] with the online clusterer of the `cluster` module (the one
//! `storyline cluster` runs and the clustering bench measures).

pub mod assign;
pub mod build;
pub mod feed;
pub mod ingest;
mod migrations;
pub mod sqlite;
pub mod stream;

use crate::model::Article;
use serde::{Deserialize, Serialize};

pub use assign::Assign;
pub use build::{build_story, StoryDoc};
pub use sqlite::SqliteStore;
pub use stream::StreamAssign;

/// A story's id in the store (stable while articles join it).
pub type StoryId = i64;

/// What happened to one article of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PutStatus {
    /// New article, stored.
    Added,
    /// Same id as a stored article but different content: replaced.
    Updated,
    /// Same id and same content as a stored article: nothing changed.
    Unchanged,
}

/// The outcome for one article of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Put {
    /// Article id.
    pub id: String,
    /// Story it belongs to.
    pub story: StoryId,
    /// What happened.
    pub status: PutStatus,
}

/// A story as listed (without its articles).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Id.
    pub id: StoryId,
    /// Headline chosen when the story was last built (None before the first build).
    pub title: Option<String>,
    /// First summary sentence when last built.
    pub lead: Option<String>,
    /// Number of articles.
    pub articles: usize,
    /// Number of distinct sources (outlets).
    pub sources: usize,
    /// Newest publication date among its articles (`YYYY-MM-DD`), when known.
    pub newest: Option<String>,
    /// Last change, milliseconds since the Unix epoch.
    pub updated_ms: i64,
    /// Bumped by every change to the story's articles.
    pub version: i64,
}

/// A stored article with its bookkeeping.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The article as read.
    pub article: Article,
    /// Its story.
    pub story: StoryId,
    /// When it was stored (or last replaced), milliseconds since the Unix epoch.
    pub added_ms: i64,
}

/// Which stories to list.
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    /// Only stories changed at or after this time (milliseconds since the Unix epoch).
    pub since_ms: Option<i64>,
    /// Full-text query over the articles' titles and text (words, all required).
    pub q: Option<String>,
    /// At most this many (newest first).
    pub limit: usize,
}

/// A built rendering of a story, as cached.
#[derive(Debug, Clone)]
pub struct CachedDoc {
    /// Story version it was built from.
    pub version: i64,
    /// The JSON text.
    pub json: String,
}

/// Storage of articles and stories.
///
/// Every method that writes commits before it returns `Ok`: what a caller acknowledges is
/// on disk.
pub trait Store: Send + Sync {
    /// Stores a batch in one transaction, assigning each new article to a story with
    /// `assign`. On error nothing of the batch is stored (and `assign` may hold entries for
    /// it: rebuild it with [`Store::load_index`]).
    fn put(&self, batch: Vec<Article>, assign: &mut dyn Assign) -> crate::Result<Vec<Put>>;
    /// Feeds every stored article to `assign` ([`Assign::restore`], to rebuild its index at
    /// start-up).
    fn load_index(&self, assign: &mut dyn Assign) -> crate::Result<usize>;
    /// Stories, newest change first.
    fn stories(&self, query: &StoryQuery) -> crate::Result<Vec<StoryRow>>;
    /// One story.
    fn story(&self, id: StoryId) -> crate::Result<Option<StoryRow>>;
    /// A story's articles, oldest first.
    fn articles(&self, id: StoryId) -> crate::Result<Vec<Stored>>;
    /// The cached rendering of a story and the story's current version.
    fn cached(&self, id: StoryId) -> crate::Result<Option<(i64, Option<CachedDoc>)>>;
    /// Saves a rendering built from `version`; ignored (returns false) when the story has
    /// changed since.
    fn save_cached(&self, id: StoryId, row: &StoryRow, doc: &CachedDoc) -> crate::Result<bool>;
    /// Stories whose cached rendering is missing or stale.
    fn stale(&self) -> crate::Result<Vec<StoryId>>;
    /// Number of stored articles.
    fn count_articles(&self) -> crate::Result<usize>;
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Formats milliseconds since the epoch as RFC 3339 (UTC, milliseconds).
pub fn format_ms(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// Parses a `since` value: RFC 3339, `YYYY-MM-DD` (midnight UTC), or milliseconds since the
/// epoch.
pub fn parse_since(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(ms) = s.parse::<i64>() {
        return Some(ms);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp_millis());
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
}

/// The five seed articles of the bundled example (its `.txt` files; the folder also holds a
/// README). Test helper.
#[cfg(test)]
pub(crate) fn example_paths() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/geneva-2022");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/geneva-2022")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_forms() {
        assert_eq!(parse_since("1700000000000"), Some(1_700_000_000_000));
        assert_eq!(parse_since("1970-01-02"), Some(86_400_000));
        assert_eq!(parse_since("1970-01-01T00:00:01.5Z"), Some(1500));
        assert_eq!(parse_since("yesterday"), None);
        assert_eq!(format_ms(1500), "1970-01-01T00:00:01.500Z");
    }
}

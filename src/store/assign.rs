//! Which story a new article joins.
//!
//! This is a seam: [`Assign`] is what the store calls, once per new article, inside the
//! transaction that stores it, and once per stored article when an index is rebuilt at
//! start-up. [`super::stream::StreamAssign`] implements it with the `cluster` module's online
//! clusterer.

use crate::model::Article;
use crate::store::StoryId;

/// Assigns new articles to stories.
pub trait Assign: Send {
    /// Files a new article: the story it joins, or a new one opened with `new_story`.
    fn assign(
        &mut self,
        article: &Article,
        new_story: &mut dyn FnMut() -> crate::Result<StoryId>,
    ) -> crate::Result<StoryId>;
    /// Records a stored article and its story (when the index is rebuilt at start-up).
    fn restore(&mut self, article: &Article, story: StoryId);
}

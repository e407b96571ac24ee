//! The store's assigner: the `cluster` module's online clusterer behind [`Assign`].
//!
//! A stored article's story is final (readers hold links to it), so the store files each new
//! article where the online clusterer puts it on arrival ([`crate::cluster::online`]): the
//! same clusterer, options and features that `storyline cluster` runs and the clustering
//! bench measures, without the refinement pass that may move articles later. Copies join
//! their original's story, and stories go quiet after `cluster.quiet_days`.
//!
//! The clusterer numbers its stories from 0; the store's ids come from the database. This
//! keeps the map between the two. At start-up every stored article is fed again in storage
//! order ([`Assign::restore`]): a clusterer story takes the store id of the first stored
//! article it receives, so new articles keep joining the stories readers already know, even
//! where the replay would have grouped the old ones differently.

use crate::cluster::online::Clusterer;
use crate::cluster::ClusterOptions;
use crate::doc::Doc;
use crate::model::Article;
use crate::store::{Assign, StoryId};

/// Files articles with the online clusterer. See the module docs.
#[derive(Debug)]
pub struct StreamAssign {
    clusterer: Clusterer,
    /// Store id of each clusterer story, once it has one.
    ids: Vec<Option<StoryId>>,
}

impl StreamAssign {
    /// An empty assigner with the given clustering options.
    pub fn new(opts: &ClusterOptions) -> StreamAssign {
        StreamAssign {
            clusterer: Clusterer::new(opts.clone()),
            ids: Vec::new(),
        }
    }

    /// Feeds `article` to the clusterer: the clusterer story it joins, and its store id if
    /// that story has one.
    fn file(&mut self, article: &Article) -> (usize, Option<StoryId>) {
        let story = self.clusterer.add_doc(&Doc::new(article.clone())).story;
        if self.ids.len() <= story {
            self.ids.resize(story + 1, None);
        }
        (story, self.ids[story])
    }
}

impl Assign for StreamAssign {
    fn assign(
        &mut self,
        article: &Article,
        new_story: &mut dyn FnMut() -> crate::Result<StoryId>,
    ) -> crate::Result<StoryId> {
        match self.file(article) {
            (_, Some(id)) => Ok(id),
            (story, None) => {
                let id = new_story()?;
                self.ids[story] = Some(id);
                Ok(id)
            }
        }
    }

    fn restore(&mut self, article: &Article, stored: StoryId) {
        if let (story, None) = self.file(article) {
            self.ids[story] = Some(stored);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, Span};

    fn seeds() -> Vec<Article> {
        let loaded =
            crate::ingest::load(&crate::store::example_paths(), &crate::Options::default());
        assert_eq!(loaded.articles.len(), 5, "example corpus");
        loaded.articles
    }

    fn art(id: &str, title: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            source: id.into(),
            url: None,
            title: Some(title.into()),
            published: None,
            path: "t".into(),
            line: None,
            format: Format::Text,
            body: Span::new(0, text.len()),
            title_span: None,
            text: text.into(),
        }
    }

    fn counter() -> impl FnMut() -> crate::Result<StoryId> {
        let mut next = 0;
        move || {
            next += 1;
            Ok(next)
        }
    }

    #[test]
    fn the_five_seed_articles_form_one_story() {
        // Truth: ../shared/README.md and examples/geneva-2022/README.md say the five seed
        // articles report one event.
        let mut a = StreamAssign::new(&ClusterOptions::default());
        let mut new = counter();
        let stories: Vec<StoryId> = seeds()
            .iter()
            .map(|x| a.assign(x, &mut new).unwrap())
            .collect();
        assert_eq!(stories, vec![1; 5]);
    }

    #[test]
    fn an_unrelated_article_starts_a_new_story() {
        let mut a = StreamAssign::new(&ClusterOptions::default());
        for x in seeds() {
            a.restore(&x, 7);
        }
        let other = art(
            "apples",
            "Normandy apple harvest falls short",
            "Orchards across Normandy picked fewer apples this autumn after a late frost, \
             growers in Calvados and the Orne said, and cider makers expect higher prices.",
        );
        assert_eq!(a.assign(&other, &mut || Ok(8)).unwrap(), 8);
    }

    #[test]
    fn restored_stories_keep_their_store_ids() {
        // The store grouped the seeds as two stories; after a restart a new related article
        // joins the story of the first stored article its clusterer story received.
        let arts = seeds();
        let mut a = StreamAssign::new(&ClusterOptions::default());
        for (i, x) in arts.iter().enumerate() {
            a.restore(x, if i < 2 { 40 } else { 41 });
        }
        let mut again = arts[3].clone();
        again.id = "again".into();
        assert_eq!(
            a.assign(&again, &mut || panic!("no new story")).unwrap(),
            40
        );
    }
}

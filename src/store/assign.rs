//! Which story a new article joins.
//!
//! This is a seam: [`Assign`] is what the store calls, once per new article, inside the
//! transaction that stores it. [`TermIndex`] is a deliberately simple first version, meant
//! to be replaced by the stream clustering of the `cluster` module: an inverted index over
//! the content stems of an article's headline and lead (names count more), idf-weighted
//! cosine against every earlier article that shares a rare term, and single-link joining
//! when the best match reaches a threshold and the two dates (when known) are close.

use crate::model::{Article, Span};
use crate::store::StoryId;
use chrono::NaiveDate;
use std::collections::HashMap;

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

/// Documents in the background of the idf: keeps weights sensible while the index is small.
const PRIOR_DOCS: f64 = 50.0;
/// Words of the body read for an article's terms (the lead carries the event).
const LEAD_WORDS: usize = 250;

/// One indexed article.
#[derive(Debug, Clone)]
struct Entry {
    story: StoryId,
    date: Option<NaiveDate>,
    /// Distinct term ids with a weight factor (names count more).
    terms: Vec<(u32, f64)>,
}

/// The first assigner: single-link over idf-weighted rare terms. See the module docs.
#[derive(Debug, Clone)]
pub struct TermIndex {
    /// Lowest cosine at which an article joins the story of its best match.
    pub threshold: f64,
    /// Largest gap in days between two dated articles of one story.
    pub max_days: i64,
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    postings: Vec<Vec<u32>>,
    entries: Vec<Entry>,
}

impl Default for TermIndex {
    fn default() -> Self {
        TermIndex::new(0.2, 7)
    }
}

impl TermIndex {
    /// An empty index.
    pub fn new(threshold: f64, max_days: i64) -> Self {
        TermIndex {
            threshold,
            max_days,
            ids: HashMap::new(),
            df: Vec::new(),
            postings: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Number of indexed articles.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn idf(&self, df: u32) -> f64 {
        ((self.entries.len() as f64 + PRIOR_DOCS) / (df as f64 + 1.0)).ln()
    }

    /// Distinct content stems of the headline and the lead, with 1.5 for names.
    fn terms(article: &Article) -> Vec<(String, f64)> {
        let mut out: HashMap<String, f64> = HashMap::new();
        let mut add = |text: &str, span: Span, limit: usize| {
            let mut first = true;
            for w in crate::words::words(text, span).into_iter().take(limit) {
                let name = w.capital && !first;
                first = false;
                if w.stop || w.lower.chars().count() < 3 || w.lower.chars().all(|c| c.is_numeric())
                {
                    continue;
                }
                let f = if name { 1.5 } else { 1.0 };
                let e = out.entry(w.stem.into()).or_insert(f);
                *e = e.max(f);
            }
        };
        if let Some(t) = &article.title {
            add(t, Span::new(0, t.len()), usize::MAX);
        }
        add(&article.text, article.body, LEAD_WORDS);
        let mut v: Vec<(String, f64)> = out.into_iter().collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    fn norm(&self, terms: &[(u32, f64)]) -> f64 {
        terms
            .iter()
            .map(|&(t, f)| (self.idf(self.df[t as usize]) * f).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// The best-matching indexed article's story and its cosine, if any shares a term.
    pub fn best(&self, article: &Article) -> Option<(StoryId, f64)> {
        let terms = Self::terms(article);
        let n = self.entries.len() as f64;
        let known: Vec<(u32, f64)> = terms
            .iter()
            .filter_map(|(s, f)| self.ids.get(s).map(|&id| (id, *f)))
            .collect();
        // The new article's own vector: unknown terms have df 0.
        let own_norm = terms
            .iter()
            .map(|(s, f)| {
                let df = self.ids.get(s).map_or(0, |&id| self.df[id as usize]);
                (self.idf(df) * f).powi(2)
            })
            .sum::<f64>()
            .sqrt();
        let mut dot: HashMap<u32, f64> = HashMap::new();
        for &(t, f) in &known {
            let df = self.df[t as usize];
            // Rare terms only: a term in most articles finds no story.
            if df as f64 > (0.1 * n).max(20.0) {
                continue;
            }
            let w = self.idf(df);
            for &e in &self.postings[t as usize] {
                let ef = self.entries[e as usize]
                    .terms
                    .iter()
                    .find(|x| x.0 == t)
                    .map_or(1.0, |x| x.1);
                *dot.entry(e).or_insert(0.0) += w * f * w * ef;
            }
        }
        let date = article.published;
        dot.into_iter()
            .filter(|(e, _)| {
                let other = self.entries[*e as usize].date;
                match (date, other) {
                    (Some(a), Some(b)) => (a - b).num_days().abs() <= self.max_days,
                    _ => true,
                }
            })
            .map(|(e, d)| {
                let entry = &self.entries[e as usize];
                let cos = d / (own_norm * self.norm(&entry.terms)).max(1e-9);
                (entry.story, cos)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

impl Assign for TermIndex {
    fn assign(
        &mut self,
        article: &Article,
        new_story: &mut dyn FnMut() -> crate::Result<StoryId>,
    ) -> crate::Result<StoryId> {
        let story = match self.best(article).filter(|(_, cos)| *cos >= self.threshold) {
            Some((s, _)) => s,
            None => new_story()?,
        };
        self.restore(article, story);
        Ok(story)
    }

    fn restore(&mut self, article: &Article, story: StoryId) {
        let e = self.entries.len() as u32;
        let mut terms = Vec::new();
        for (s, f) in Self::terms(article) {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(s).or_insert(next);
            if id as usize == self.df.len() {
                self.df.push(0);
                self.postings.push(Vec::new());
            }
            self.df[id as usize] += 1;
            self.postings[id as usize].push(e);
            terms.push((id, f));
        }
        self.entries.push(Entry {
            story,
            date: article.published,
            terms,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Option<Vec<Article>> {
        let loaded =
            crate::ingest::load(&crate::store::example_paths(), &crate::Options::default());
        (!loaded.articles.is_empty()).then_some(loaded.articles)
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
            format: crate::model::Format::Text,
            body: Span::new(0, text.len()),
            title_span: None,
            text: text.into(),
        }
    }

    #[test]
    fn the_five_seed_articles_form_one_story() {
        // Truth: ../shared/README.md and examples/geneva-2022/README.md say the five seed
        // articles report one event.
        let arts = seeds().expect("example corpus");
        let mut idx = TermIndex::default();
        let mut next = 0;
        let mut stories = Vec::new();
        for a in &arts {
            let s = idx
                .assign(a, &mut || {
                    next += 1;
                    Ok(next)
                })
                .unwrap();
            stories.push(s);
        }
        assert!(stories.iter().all(|&s| s == stories[0]), "{stories:?}");
    }

    #[test]
    fn an_unrelated_article_starts_a_new_story() {
        let arts = seeds().expect("example corpus");
        let mut idx = TermIndex::default();
        for a in &arts {
            idx.restore(a, 1);
        }
        let other = art(
            "apples",
            "Normandy apple harvest falls short",
            "Orchards across Normandy picked fewer apples this autumn after a late frost, \
             growers in Calvados and the Orne said, and cider makers expect higher prices.",
        );
        let best = idx.best(&other);
        assert_eq!(idx.assign(&other, &mut || Ok(2)).unwrap(), 2, "{best:?}");
    }
}

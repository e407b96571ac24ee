//! One article prepared for analysis: cleaned, split into sentences, tokenized.
//!
//! Preparing a document needs nothing but the article itself, so a batch prepares its
//! documents in parallel; everything that compares documents happens afterwards in
//! [`crate::story`].

use crate::clean::{clean, Region};
use crate::model::Article;
use crate::sentences::{sentences, Sentence};
use crate::words::{words, Word};

/// An article with its regions, sentences and words.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The article as read.
    pub article: Article,
    /// Its regions (what is kept, what is boilerplate).
    pub regions: Vec<Region>,
    /// Its sentences (kept regions only).
    pub sentences: Vec<Sentence>,
    /// The words of each sentence.
    pub words: Vec<Vec<Word>>,
    /// The words of the headline (when the headline is in the text).
    pub title_words: Vec<Word>,
}

impl Doc {
    /// Prepares an article.
    pub fn new(article: Article) -> Doc {
        let regions = clean(&article);
        let sentences = sentences(&article, &regions);
        let sentence_words: Vec<Vec<Word>> = sentences
            .iter()
            .map(|s| words(&article.text, s.span))
            .collect();
        let title_words = match (&article.title_span, &article.title) {
            (Some(span), _) => words(&article.text, *span),
            (None, Some(t)) => crate::words::words(t, crate::model::Span::new(0, t.len()))
                .into_iter()
                .map(|mut w| {
                    // Not an offset into the article: mark it as empty.
                    w.span = crate::model::Span::new(0, 0);
                    w
                })
                .collect(),
            _ => Vec::new(),
        };
        Doc {
            article,
            regions,
            sentences,
            words: sentence_words,
            title_words,
        }
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].span.of(&self.article.text)
    }
}

//! One article prepared for analysis: cleaned, split into sentences, tokenized.
//!
//! Preparing a document needs nothing but the article itself, so a batch prepares its
//! documents in parallel; everything that compares documents happens afterwards in
//! [`crate::story`].
//!
//! Preparation has two halves, [`Doc::words_first`] (clean, then words and stems of each kept
//! paragraph) and [`WordsFirst::finish`] (sentences, and each sentence's words taken from its
//! paragraph's). A batch can run the first half of every document while the sentence
//! splitter builds its tables once per process, which takes about as long as preparing
//! a few articles ([`crate::story::Story::from_articles`] does).

use crate::clean::{clean, Region, RegionKind};
use crate::model::{Article, Span};
use crate::sentences::{sentences_in, Sentence};
use crate::words::{words_in, Lang, Word};

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
    /// The language its words were stemmed in ([`Lang::detect`] on its kept text).
    pub lang: Lang,
}

/// The first half of preparing an article: its regions and the words of each kept paragraph.
#[derive(Debug)]
pub struct WordsFirst {
    article: Article,
    regions: Vec<Region>,
    paragraph_words: Vec<Vec<Word>>,
    lang: Lang,
}

impl Doc {
    /// Prepares an article.
    pub fn new(article: Article) -> Doc {
        Doc::words_first(article).finish()
    }

    /// The first half of [`Doc::new`]: cleaning, and the words of each kept paragraph.
    pub fn words_first(article: Article) -> WordsFirst {
        let regions = clean(&article);
        let lang = crate::sentences::language(&article, &regions);
        let paragraph_words = regions
            .iter()
            .filter(|r| r.kind == RegionKind::Kept)
            .map(|r| words_in(&article.text, r.span, lang))
            .collect();
        WordsFirst {
            article,
            regions,
            paragraph_words,
            lang,
        }
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].span.of(&self.article.text)
    }
}

impl WordsFirst {
    /// The second half of [`Doc::new`]: sentences, each with its words.
    pub fn finish(self) -> Doc {
        let WordsFirst {
            article,
            regions,
            paragraph_words,
            lang,
        } = self;
        let sentences = sentences_in(&article, &regions, lang);
        let text = &article.text;
        let mut sentence_words: Vec<Vec<Word>> = Vec::with_capacity(sentences.len());
        let mut first = 0;
        for (p, pw) in paragraph_words.into_iter().enumerate() {
            let mut last = first;
            while last < sentences.len() && sentences[last].paragraph == p {
                last += 1;
            }
            let sents = &sentences[first..last];
            if cuts_between_words(text, sents) {
                distribute(pw, sents, &mut sentence_words);
            } else {
                sentence_words.extend(sents.iter().map(|s| words_in(text, s.span, lang)));
            }
            first = last;
        }
        let title_words = match (&article.title_span, &article.title) {
            (Some(span), _) => words_in(text, *span, lang),
            (None, Some(t)) => words_in(t, Span::new(0, t.len()), lang)
                .into_iter()
                .map(|mut w| {
                    // Not an offset into the article: mark it as empty.
                    w.span = Span::new(0, 0);
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
            lang,
        }
    }
}

/// True when a paragraph's words are exactly its sentences' words: every cut between two
/// sentences is ASCII white space followed by an ASCII character, where UAX #29 always
/// breaks and no rule looks across. Otherwise (a cut inside "said.The", or before a
/// combining mark) each sentence is tokenized on its own.
fn cuts_between_words(text: &str, sents: &[Sentence]) -> bool {
    sents.windows(2).all(|w| {
        let gap = &text.as_bytes()[w[0].span.end..w[1].span.start];
        !gap.is_empty()
            && gap.iter().all(|b| matches!(b, b' ' | b'\t'..=b'\r'))
            && text.as_bytes()[w[1].span.start].is_ascii()
    })
}

/// Hands a paragraph's words to its sentences, by position.
fn distribute(words: Vec<Word>, sents: &[Sentence], out: &mut Vec<Vec<Word>>) {
    let mut words = words.into_iter().peekable();
    for s in sents {
        let mut mine = Vec::new();
        while let Some(w) = words.next_if(|w| w.span.start < s.span.end) {
            mine.push(w);
        }
        out.push(mine);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text_article;
    use std::path::Path;

    /// Every sentence's words are what tokenizing that sentence alone gives.
    fn check(text: &str) {
        let doc = Doc::new(text_article(Path::new("a.txt"), text.as_bytes().to_vec()).unwrap());
        assert_eq!(doc.words.len(), doc.sentences.len());
        for (s, ws) in doc.sentences.iter().zip(&doc.words) {
            assert_eq!(
                *ws,
                words_in(&doc.article.text, s.span, doc.lang),
                "{:?}",
                s.span.of(text)
            );
        }
    }

    #[test]
    fn sentence_words_equal_tokenizing_each_sentence() {
        check("Title Here\nHe said so. Then he left.\n\nIt was 3.5 p.m. on Jan. 21. U.S. troops came.");
        // Cuts with no space, or before a combining mark, fall back to each sentence alone.
        check("He said.The talks ended. \u{301}Then what? \u{201c}Yes.\u{201d} Done.");
    }

    #[test]
    fn sentence_words_on_the_seeds_and_multinews() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(format!("{root}/seeds"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        for c in std::fs::read_dir(format!("{root}/data/multinews-200"))
            .into_iter()
            .flatten()
            .flatten()
        {
            files.extend(
                std::fs::read_dir(c.path().join("docs"))
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path()),
            );
        }
        if files.is_empty() {
            eprintln!("skipped: {root} is absent");
            return;
        }
        for f in files {
            if let Ok(text) = std::fs::read_to_string(&f) {
                if !text.trim().is_empty() {
                    check(&text);
                }
            }
        }
    }
}

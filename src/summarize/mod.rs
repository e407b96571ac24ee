//! Multi-document extractive summarization with citations.
//!
//! 1. [`concepts`]: weigh concepts (stem bigrams) by how many independent sources carry them;
//! 2. [`select`]: choose sentences that cover the most concept weight within the budget,
//!    never two that say the same thing;
//! 3. [`support`]: find every source that carries each chosen sentence's content;
//! 4. order the sentences by article date, then position.

pub mod concepts;
pub mod select;
pub mod support;
pub mod update;

use crate::model::Span;
use crate::options::Options;
use crate::story::Story;
use serde::Serialize;

/// Why a sentence was chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Concepts the sentence covers (as "stem stem") with their weights, heaviest first.
    pub concepts: Vec<(String, f64)>,
    /// Sum of the weights of the concepts it covers.
    pub weight: f64,
    /// Supporting articles (ids) with the similarity of their best-matching sentence.
    pub support: Vec<(String, f64)>,
}

/// One sentence of a summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarySentence {
    /// Unit index in the story.
    pub unit: usize,
    /// Document the sentence was taken from.
    pub doc: usize,
    /// Its byte range in that document's text.
    pub span: Span,
    /// Every document that carries its content, in document order.
    pub sources: Vec<usize>,
    /// Why it was chosen.
    pub explanation: Explanation,
}

/// A story's summary.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// The sentences in reading order.
    pub sentences: Vec<SummarySentence>,
    /// Total whitespace-separated words.
    pub words: usize,
}

/// Summarizes a story within `opts.words` words.
pub fn summarize(story: &Story, opts: &Options) -> Summary {
    let weights = concepts::weigh(story);
    let chosen = select::select(story, &weights, opts);
    assemble(
        story,
        chosen,
        &weights.unit_concepts,
        |c| weights.weight.get(&c).copied(),
        opts,
    )
}

/// Puts chosen units in reading order (article date, then position) and gives each its
/// supporting sources and its explanation: the unit's concepts that have a weight in
/// `weight` (`None`: no weight), heaviest first. Shared by the summary and the update summary.
fn assemble(
    story: &Story,
    mut chosen: Vec<usize>,
    unit_concepts: &[Vec<concepts::Concept>],
    weight: impl Fn(concepts::Concept) -> Option<f64>,
    opts: &Options,
) -> Summary {
    chosen.sort_by_key(|&u| {
        let unit = &story.units[u];
        let date = story.docs[unit.doc].article.published;
        (date.is_none(), date, unit.sent, unit.doc)
    });
    let mut words = 0;
    let sentences = chosen
        .into_iter()
        .map(|u| {
            let unit = &story.units[u];
            words += unit.words;
            let sup = support::supports(story, u, opts.support);
            let mut cs: Vec<(String, f64)> = unit_concepts[u]
                .iter()
                .filter_map(|&c| weight(c).map(|w| (c, w)))
                .map(|(c, w)| {
                    let (a, b) = concepts::parts(c);
                    (
                        format!("{} {}", story.vocab.stem(a), story.vocab.stem(b)),
                        w,
                    )
                })
                .collect();
            cs.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let explanation = Explanation {
                weight: cs.iter().map(|c| c.1).sum(),
                concepts: cs,
                support: sup
                    .iter()
                    .map(|s| (story.docs[s.doc].article.id.clone(), s.similarity))
                    .collect(),
            };
            SummarySentence {
                unit: u,
                doc: unit.doc,
                span: story.docs[unit.doc].sentences[unit.sent].span,
                sources: sup.iter().map(|s| s.doc).collect(),
                explanation,
            }
        })
        .collect();
    Summary { sentences, words }
}

//! Which sources carry a sentence's content.
//!
//! An article supports a summary sentence when one of its sentences says the same thing:
//! an exact copy, a near-copy or a close paraphrase. The test is containment: the share of
//! the summary sentence's content (distinct content stems weighted by a smoothed IDF, so that
//! the story's topical words still count) that the other sentence also holds, at or above
//! `Options::support`. Story-wide TF-IDF cosine is not used here: it gives almost no weight
//! to the words every article shares, which are exactly the words a restated fact is made
//! of ("a written response … next week"). The article the sentence was taken from always
//! supports it.

use crate::story::{containment, Story};

/// One supporting article and the sentence of it that matches best.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    /// Document index.
    pub doc: usize,
    /// Unit index of the matching sentence.
    pub unit: usize,
    /// Similarity (1 for the sentence itself).
    pub similarity: f64,
}

/// Every document that carries the content of unit `u`, in document order.
pub fn supports(story: &Story, u: usize, threshold: f64) -> Vec<Support> {
    let unit = &story.units[u];
    let mut out = Vec::new();
    for d in 0..story.docs.len() {
        if d == unit.doc {
            out.push(Support {
                doc: d,
                unit: u,
                similarity: 1.0,
            });
            continue;
        }
        let best = story
            .doc_units(d)
            .map(|t| (containment(&unit.bag, &story.units[t].bag) as f64, t))
            .fold(None, |acc: Option<(f64, usize)>, x| match acc {
                Some(a) if a.0 >= x.0 => Some(a),
                _ => Some(x),
            });
        if let Some((sim, t)) = best {
            if sim >= threshold {
                out.push(Support {
                    doc: d,
                    unit: t,
                    similarity: sim,
                });
            }
        }
    }
    out
}

//! Which sources carry a sentence's content.
//!
//! An article supports a summary sentence when one of its sentences says the same thing:
//! an exact copy, a near-copy or a close paraphrase (TF-IDF cosine at or above
//! `Options::same_content`). The article the sentence was taken from always supports it.

use crate::story::{cosine, Story};

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
            .map(|t| (cosine(&unit.vector, &story.units[t].vector) as f64, t))
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

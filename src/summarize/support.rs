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

/// How much of what the other independent sources report each of `units` restates: the sum,
/// over the story's independence groups other than the unit's own, of the best match between
/// the unit and a sentence of that group, a match being the mean of the two containments (how
/// much of the unit the sentence holds, and how much of the sentence the unit holds). Indexed
/// like `story.units`; 0 for units not asked for.
///
/// Unlike [`supports`], which decides citations with a threshold, this is graded: a sentence
/// that half-restates what three other outlets say scores higher than one no other outlet
/// touches, which is what a multi-document summary should say first. Copies of one article
/// count once, as in concept weighting. Computed through an inverted index of content stems,
/// so its cost follows the shared stems, not the square of the sentence count.
pub fn restatement(story: &Story, units: &[usize]) -> Vec<f64> {
    let n = story.units.len();
    let mut out = vec![0.0; n];
    if story.n_groups < 2 || units.is_empty() {
        return out;
    }
    let total: Vec<f32> = story
        .units
        .iter()
        .map(|u| u.bag.iter().map(|(_, w)| w).sum())
        .collect();
    let group: Vec<usize> = story.units.iter().map(|u| story.group[u.doc]).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); story.vocab.len()];
    for (t, unit) in story.units.iter().enumerate() {
        for &(s, _) in &unit.bag {
            postings[s as usize].push(t as u32);
        }
    }
    let mut shared = vec![0.0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut best = vec![0.0f64; story.n_groups];
    for &u in units {
        let own = group[u];
        if total[u] <= 0.0 {
            continue;
        }
        for &(s, w) in &story.units[u].bag {
            for &t in &postings[s as usize] {
                if group[t as usize] == own {
                    continue;
                }
                if shared[t as usize] == 0.0 {
                    touched.push(t);
                }
                shared[t as usize] += w;
            }
        }
        for &t in &touched {
            let t = t as usize;
            let g = group[t];
            let m = 0.5 * (shared[t] / total[u] + shared[t] / total[t]) as f64;
            if m > best[g] {
                best[g] = m;
            }
            shared[t] = 0.0;
        }
        touched.clear();
        out[u] = best.iter().sum();
        best.iter_mut().for_each(|b| *b = 0.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Engineers found deep cracks in the old river bridge on Tuesday. The mayor plans a parade for the spring festival.";
    const B: &str = "The old river bridge has deep cracks, engineers found on Tuesday. Tickets for the concert went on sale.";
    const C: &str = "Deep cracks were found in the old river bridge by engineers. The weather stayed mild all week.";

    #[test]
    fn what_other_sources_say_is_restated_more() {
        let s = Story::from_texts(&[A, B, C]);
        let all: Vec<usize> = (0..s.units.len()).collect();
        let r = restatement(&s, &all);
        let (cracks, parade) = (s.doc_units(0).start, s.doc_units(0).start + 1);
        assert!(s.unit_text(cracks).contains("cracks"));
        assert!(s.unit_text(parade).contains("parade"));
        // Two other sources restate the cracks, each with a match above one half.
        assert!(r[cracks] > 1.0, "{}", r[cracks]);
        assert!(
            r[parade] < 0.5 * r[cracks],
            "{} vs {}",
            r[parade],
            r[cracks]
        );
        // Units not asked for stay at zero.
        let only = restatement(&s, &[cracks]);
        assert_eq!(only[parade], 0.0);
        assert_eq!(only[cracks], r[cracks]);
    }

    #[test]
    fn a_single_source_restates_nothing() {
        let s = Story::from_texts(&[A]);
        let all: Vec<usize> = (0..s.units.len()).collect();
        assert!(restatement(&s, &all).iter().all(|&x| x == 0.0));
    }

    #[test]
    fn a_copy_counts_as_its_original() {
        // B twice is one independent source: the cracks sentence of A gets one group's best
        // match (at most 1), not one per copy.
        let twice = Story::from_texts(&[A, B, B]);
        assert_eq!(twice.n_groups, 2);
        let u = twice.doc_units(0).start;
        let r = restatement(&twice, &[u])[u];
        assert!(r > 0.5 && r <= 1.0, "{r}");
    }
}

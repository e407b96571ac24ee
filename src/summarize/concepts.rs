//! Concepts and their weights.
//!
//! A concept is a pair of adjacent stems that are not both stopwords (Gillick & Favre
//! 2009). Its weight grows with the number of *independent* sources that mention it (copies
//! count once, see [`crate::copies`]), so that content many outlets report is preferred.

use crate::story::Story;
use rustc_hash::FxHashMap as HashMap;

/// A concept id: two stem ids packed into one number.
pub type Concept = u64;

/// The concept of two adjacent stems.
pub fn concept(a: u32, b: u32) -> Concept {
    ((a as u64) << 32) | b as u64
}

/// The two stem ids of a concept.
pub fn parts(c: Concept) -> (u32, u32) {
    ((c >> 32) as u32, c as u32)
}

/// The concepts of a word sequence (stems and stopword flags), without repeats.
pub fn concepts_of(stems: &[u32], stop: &[bool]) -> Vec<Concept> {
    let mut out: Vec<Concept> = stems
        .windows(2)
        .zip(stop.windows(2))
        .filter(|(_, st)| !(st[0] && st[1]))
        .map(|(w, _)| concept(w[0], w[1]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Concept weights of a story and the concepts of each unit.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Weight of each concept that counts (absent: weight 0).
    pub weight: HashMap<Concept, f64>,
    /// Concepts of each unit that have a weight.
    pub unit_concepts: Vec<Vec<Concept>>,
}

/// Weighs concepts by the number of independent sources that mention them.
///
/// With two or more independent sources, a concept must appear in at least two of them;
/// with one source, it must appear in at least two sentences. Concepts first seen in a
/// document's opening sentences weigh a little more.
pub fn weigh(story: &Story) -> Weights {
    let all: Vec<Vec<Concept>> = story
        .units
        .iter()
        .map(|u| concepts_of(&u.stems, &u.stop))
        .collect();
    // Every (concept, group, early) occurrence, sorted: a concept's run gives its sentence
    // count, its distinct groups and whether it occurs early, with no map per concept.
    let mut seen: Vec<(Concept, usize, bool)> = Vec::with_capacity(all.iter().map(Vec::len).sum());
    for (u, cs) in story.units.iter().zip(&all) {
        let g = story.group[u.doc];
        seen.extend(cs.iter().map(|&c| (c, g, u.sent < 3)));
    }
    seen.sort_unstable();
    let multi = story.n_groups >= 2;
    let mut weight = HashMap::default();
    for run in seen.chunk_by(|a, b| a.0 == b.0) {
        let df = run.chunk_by(|a, b| a.1 == b.1).count() as f64;
        let f = run.len() as f64;
        let w = if multi {
            if df < 2.0 {
                continue;
            }
            df
        } else {
            if f < 2.0 {
                continue;
            }
            f
        };
        let bonus = if run.iter().any(|o| o.2) { 1.2 } else { 1.0 };
        weight.insert(run[0].0, w * bonus);
    }
    let unit_concepts = all
        .into_iter()
        .map(|cs| cs.into_iter().filter(|c| weight.contains_key(c)).collect())
        .collect();
    Weights {
        weight,
        unit_concepts,
    }
}

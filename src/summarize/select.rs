//! Choosing sentences: budgeted maximum concept coverage, greedy.
//!
//! Each step takes the sentence whose not-yet-covered concept weight per word (length
//! scaled by a power below one, as in Lin & Bilmes 2011) is highest, among those that fit
//! the remaining budget and do not say what an already chosen sentence says.

use super::concepts::{Concept, Weights};
use crate::options::Options;
use crate::story::{cosine, Story};
use rustc_hash::FxHashSet as HashSet;

/// Length scaling exponent of the greedy ratio.
const LENGTH_POWER: f64 = 0.6;

/// True when a unit may be chosen at all.
pub fn eligible(story: &Story, u: usize, opts: &Options) -> bool {
    let unit = &story.units[u];
    if unit.words < opts.min_sentence_words || unit.words > opts.max_sentence_words {
        return false;
    }
    let text = story.unit_text(u);
    let first = text.chars().next().unwrap_or(' ');
    // A fragment left over from a quotation or a list, or a question.
    if first.is_lowercase() || text.trim_end().ends_with('?') || text.trim_end().ends_with(':') {
        return false;
    }
    balanced_quotes(text) && !dangling_start(text)
}

/// Words that tie a sentence to the one before it: out of that context it reads wrongly.
const DANGLING: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "also",
    "still",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "instead",
    "otherwise",
    "thus",
    "hence",
    "therefore",
];

fn dangling_start(text: &str) -> bool {
    let first: String = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    DANGLING.contains(&first.as_str())
}

fn balanced_quotes(text: &str) -> bool {
    let open = text.matches('\u{201c}').count();
    let close = text.matches('\u{201d}').count();
    let straight = text.matches('"').count();
    open == close && straight % 2 == 0
}

/// Chooses units (indices into `story.units`) within the word budget.
pub fn select(story: &Story, weights: &Weights, opts: &Options) -> Vec<usize> {
    let candidates: Vec<usize> = (0..story.units.len())
        .filter(|&u| eligible(story, u, opts) && !weights.unit_concepts[u].is_empty())
        .collect();
    let mut covered: HashSet<Concept> = HashSet::default();
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0usize;
    loop {
        let mut best: Option<(f64, usize)> = None;
        for &u in &candidates {
            let unit = &story.units[u];
            if chosen.contains(&u) || used + unit.words > opts.words {
                continue;
            }
            let gain: f64 = weights.unit_concepts[u]
                .iter()
                .filter(|c| !covered.contains(c))
                .map(|c| weights.weight[c])
                .sum();
            if gain <= 0.0 {
                continue;
            }
            let score = gain / (unit.words as f64).powf(LENGTH_POWER);
            if best.is_none_or(|(b, _)| score > b) {
                if chosen.iter().any(|&c| {
                    cosine(&story.units[c].vector, &unit.vector) as f64 >= opts.same_content
                }) {
                    continue;
                }
                best = Some((score, u));
            }
        }
        let Some((_, u)) = best else { break };
        covered.extend(weights.unit_concepts[u].iter().copied());
        used += story.units[u].words;
        chosen.push(u);
    }
    chosen
}

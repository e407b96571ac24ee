//! Update summaries: what the newer articles add to what the reader has already seen.
//!
//! As in the DUC 2007 and TAC 2008–2009 update tasks, the reader knows the earlier articles
//! (those published before a date, or named); the update summary takes sentences from the
//! newer articles only, prefers the concepts (stem bigrams, as in [`super::concepts`]) that
//! no seen article mentions, weighed by how many independent newer sources carry them, and
//! never takes a sentence that says what a seen sentence says (TF-IDF cosine at or above
//! `Options::same_content`, the same test as support and redundancy).

use super::concepts::{concepts_of, Concept};
use super::select::eligible;
use super::Summary;
use crate::options::Options;
use crate::story::{cosine, Story};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Length scaling exponent of the greedy ratio (as in [`super::select`]).
const LENGTH_POWER: f64 = 0.6;

/// What the reader has seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    /// Articles published before this date are seen; so are undated ones (they cannot be
    /// shown to be new).
    pub since: Option<NaiveDate>,
    /// Ids of articles the reader has seen.
    pub ids: Vec<String>,
}

impl Seen {
    /// True when the reader has seen document `d` of the story.
    pub fn has_seen(&self, story: &Story, d: usize) -> bool {
        let a = &story.docs[d].article;
        if self.ids.contains(&a.id) {
            return true;
        }
        match (self.since, a.published) {
            (Some(since), Some(p)) => p < since,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

/// The update summary of a story for a reader who has seen `seen`, within `opts.words`.
/// Empty when no article is new.
pub fn update(story: &Story, seen: &Seen, opts: &Options) -> Summary {
    let seen_doc: Vec<bool> = (0..story.docs.len())
        .map(|d| seen.has_seen(story, d))
        .collect();
    let unit_concepts: Vec<Vec<Concept>> = story
        .units
        .iter()
        .map(|u| concepts_of(&u.stems, &u.stop))
        .collect();
    let old: HashSet<Concept> = story
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| seen_doc[u.doc])
        .flat_map(|(i, _)| unit_concepts[i].iter().copied())
        .collect();
    let old_units: Vec<usize> = (0..story.units.len())
        .filter(|&u| seen_doc[story.units[u].doc])
        .collect();
    // Weight of a new concept: the independent newer sources that carry it.
    let mut groups: HashMap<Concept, HashSet<usize>> = HashMap::new();
    for (i, u) in story.units.iter().enumerate() {
        if seen_doc[u.doc] {
            continue;
        }
        for &c in &unit_concepts[i] {
            if !old.contains(&c) {
                groups.entry(c).or_default().insert(story.group[u.doc]);
            }
        }
    }
    let weight: HashMap<Concept, f64> = groups
        .into_iter()
        .map(|(c, g)| (c, g.len() as f64))
        .collect();
    let repeats_seen = |u: usize| {
        old_units.iter().any(|&o| {
            cosine(&story.units[o].vector, &story.units[u].vector) as f64 >= opts.same_content
        })
    };
    let candidates: Vec<usize> = (0..story.units.len())
        .filter(|&u| !seen_doc[story.units[u].doc] && eligible(story, u, opts))
        .filter(|&u| unit_concepts[u].iter().any(|c| weight.contains_key(c)))
        .filter(|&u| !repeats_seen(u))
        .collect();
    let mut covered: HashSet<Concept> = HashSet::new();
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0;
    loop {
        let mut best: Option<(f64, usize)> = None;
        for &u in &candidates {
            let unit = &story.units[u];
            if chosen.contains(&u) || used + unit.words > opts.words {
                continue;
            }
            let gain: f64 = unit_concepts[u]
                .iter()
                .filter(|c| !covered.contains(c))
                .filter_map(|c| weight.get(c))
                .sum();
            if gain <= 0.0 {
                continue;
            }
            let score = gain / (unit.words as f64).powf(LENGTH_POWER);
            if best.is_none_or(|(b, _)| score > b)
                && !chosen.iter().any(|&c| {
                    cosine(&story.units[c].vector, &unit.vector) as f64 >= opts.same_content
                })
            {
                best = Some((score, u));
            }
        }
        let Some((_, u)) = best else { break };
        covered.extend(unit_concepts[u].iter().copied());
        used += story.units[u].words;
        chosen.push(u);
    }
    super::assemble(
        story,
        chosen,
        &unit_concepts,
        |c| weight.get(&c).copied(),
        opts,
    )
}

/// Reads `paths` as one story and writes its update summary for a reader who has seen `seen`.
pub fn update_paths<P: AsRef<std::path::Path>>(
    paths: &[P],
    seen: &Seen,
    opts: &Options,
) -> crate::Result<crate::Run> {
    let mut run = crate::summarize_paths(paths, opts)?;
    run.summary = update(&run.story, seen, opts);
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text_article;
    use std::path::Path;

    fn story(texts: &[(&str, &str)]) -> Story {
        Story::from_articles(
            texts
                .iter()
                .map(|(id, t)| {
                    text_article(Path::new(&format!("{id}.txt")), t.as_bytes().to_vec()).unwrap()
                })
                .collect(),
        )
    }

    #[test]
    fn only_new_content_from_new_articles() {
        let s = story(&[
            ("a", "date 2022-01-20\n\nThe foreign ministers will meet in Geneva on Friday to discuss the troop build-up. Officials expect no breakthrough from the talks."),
            ("b", "date 2022-01-21\n\nThe foreign ministers met in Geneva on Friday to discuss the troop build-up. Both sides agreed to continue talks next week after written answers."),
        ]);
        let opts = Options::default();
        let seen = Seen {
            since: NaiveDate::from_ymd_opt(2022, 1, 21),
            ids: vec![],
        };
        let m = update(&s, &seen, &opts);
        let texts: Vec<&str> = m
            .sentences
            .iter()
            .map(|x| x.span.of(&s.docs[x.doc].article.text))
            .collect();
        assert_eq!(
            texts,
            ["Both sides agreed to continue talks next week after written answers."]
        );
        // Seeing everything leaves nothing to say.
        let all = Seen {
            since: None,
            ids: vec!["a".into(), "b".into()],
        };
        assert!(update(&s, &all, &opts).sentences.is_empty());
    }
}

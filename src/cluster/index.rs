//! Candidate stories for a new article, from an inverted index over rare features.
//!
//! Comparing a new article with every story would make the stream quadratic. Each story is
//! instead filed under the few heaviest (rarest, most repeated) features of its articles;
//! a new article looks up its own heaviest features and is compared only with the stories
//! found there. Stories that went quiet are dropped from the lists as they are met, so the
//! lists hold live stories only and the cost per article stays flat as the stream grows.

use std::collections::HashMap;

/// Feature key → stories filed under it.
#[derive(Debug, Default, Clone)]
pub struct StoryIndex {
    postings: HashMap<u64, Vec<u32>>,
}

impl StoryIndex {
    /// Files `story` under `key` (once).
    pub fn insert(&mut self, key: u64, story: u32) {
        let list = self.postings.entry(key).or_default();
        if list.last() != Some(&story) && !list.contains(&story) {
            list.push(story);
        }
    }

    /// The live stories filed under any of `keys`, each once, in order of first story id.
    /// `live` tells whether a story still takes articles; others are removed from the lists.
    pub fn candidates(&mut self, keys: &[u64], live: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for k in keys {
            if let Some(list) = self.postings.get_mut(k) {
                list.retain(|&s| live(s));
                out.extend_from_slice(list);
                if list.is_empty() {
                    self.postings.remove(k);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Moves every filing of story `from` to story `into` (after a merge).
    pub fn rename(&mut self, keys: &[u64], from: u32, into: u32) {
        for k in keys {
            if let Some(list) = self.postings.get_mut(k) {
                list.retain(|&s| s != from);
                if !list.contains(&into) {
                    list.push(into);
                }
            }
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.postings.len()
    }

    /// True when nothing is filed.
    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_skip_quiet_stories_and_repeat_none() {
        let mut ix = StoryIndex::default();
        ix.insert(1, 0);
        ix.insert(1, 1);
        ix.insert(2, 1);
        ix.insert(2, 2);
        ix.insert(2, 2);
        assert_eq!(ix.candidates(&[1, 2, 3], |_| true), vec![0, 1, 2]);
        assert_eq!(ix.candidates(&[1, 2], |s| s != 1), vec![0, 2]);
        // Story 1 was dropped from the lists for good.
        assert_eq!(ix.candidates(&[1], |_| true), vec![0]);
    }
}

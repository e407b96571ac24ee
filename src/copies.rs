//! Copies: which articles contain (most of) another.
//!
//! Each article's kept text becomes a set of hashed word 5-grams (shingles). The share of
//! article B found in article A is `|A ∩ B| / |B|`. An article that holds most of another
//! (a republished wire story, or seed 001 quoting seed 002 whole) is not independent
//! support for what the other says.

use crate::doc::Doc;
use rustc_hash::FxHashMap;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle.
const SHINGLE: usize = 5;

/// Share of B inside A at or above which A counts as a copy holder of B.
pub const COPY_SHARE: f64 = 0.5;

/// Article `article` contains `share` of article `contains`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Copy {
    /// Index of the article that holds the other.
    pub article: usize,
    /// Index of the article that is held.
    pub contains: usize,
    /// Share of `contains` found in `article` (0..1).
    pub share: f64,
}

/// The shingle set of a document (lower-case words of its kept sentences), as hashes,
/// sorted and without repeats.
///
/// A shingle's hash combines the hashes of its words by position, so no string is built.
pub fn shingles(doc: &Doc) -> Vec<u64> {
    let hashes: Vec<u64> = doc
        .words
        .iter()
        .flatten()
        .map(|w| xxh3_64(w.lower.as_bytes()))
        .collect();
    let combine = |win: &[u64]| {
        win.iter().fold(0x9e37_79b9_7f4a_7c15u64, |acc, h| {
            (acc.rotate_left(17) ^ h).wrapping_mul(0x100_0000_01b3)
        })
    };
    let mut set: Vec<u64> = if hashes.len() < SHINGLE {
        if hashes.is_empty() {
            Vec::new()
        } else {
            vec![combine(&hashes)]
        }
    } else {
        hashes.windows(SHINGLE).map(combine).collect()
    };
    set.sort_unstable();
    set.dedup();
    set
}

/// Every pair where one document holds at least `COPY_SHARE` of another.
///
/// Shared shingles are counted over the shingles sorted with their documents (an inverted
/// index without a map), so the cost follows the shingles documents actually share, not the
/// number of document pairs.
pub fn find_copies(docs: &[Doc]) -> Vec<Copy> {
    let sets: Vec<Vec<u64>> = docs.iter().map(shingles).collect();
    let mut postings: Vec<(u64, u32)> = sets
        .iter()
        .enumerate()
        .flat_map(|(d, set)| set.iter().map(move |&h| (h, d as u32)))
        .collect();
    postings.sort_unstable();
    // shared[(a, b)]: how many shingles of b are also in a.
    let mut shared = PairCounts::new(docs.len());
    for with in postings.chunk_by(|x, y| x.0 == y.0) {
        // A shingle in very many documents is boilerplate, not a sign of copying.
        if with.len() < 2 || with.len() > 64 {
            continue;
        }
        for &(_, a) in with {
            for &(_, b) in with {
                if a != b {
                    shared.add(a, b);
                }
            }
        }
    }
    let mut out: Vec<Copy> = shared
        .into_pairs()
        .filter_map(|((a, b), n)| {
            let share = n as f64 / sets[b as usize].len() as f64;
            (share >= COPY_SHARE).then_some(Copy {
                article: a as usize,
                contains: b as usize,
                share,
            })
        })
        .collect();
    out.sort_by_key(|c| (c.contains, c.article));
    out
}

/// Counts per ordered pair of documents: a dense table for a story's few documents, a map
/// for a large batch.
enum PairCounts {
    Dense(usize, Vec<u32>),
    Sparse(FxHashMap<(u32, u32), u32>),
}

impl PairCounts {
    /// Most documents counted in a dense table (4 MiB).
    const DENSE: usize = 1024;

    fn new(n: usize) -> PairCounts {
        if n <= Self::DENSE {
            PairCounts::Dense(n, vec![0; n * n])
        } else {
            PairCounts::Sparse(FxHashMap::default())
        }
    }

    fn add(&mut self, a: u32, b: u32) {
        match self {
            PairCounts::Dense(n, v) => v[a as usize * *n + b as usize] += 1,
            PairCounts::Sparse(m) => *m.entry((a, b)).or_insert(0) += 1,
        }
    }

    fn into_pairs(self) -> Box<dyn Iterator<Item = ((u32, u32), u32)>> {
        match self {
            PairCounts::Dense(n, v) => Box::new(
                v.into_iter()
                    .enumerate()
                    .filter(|&(_, c)| c > 0)
                    .map(move |(i, c)| (((i / n) as u32, (i % n) as u32), c)),
            ),
            PairCounts::Sparse(m) => Box::new(m.into_iter()),
        }
    }
}

/// Independence groups: documents linked by a copy relation share a group. Returns the group
/// of each document (groups numbered from 0 in order of first document).
pub fn groups(n: usize, copies: &[Copy]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for c in copies {
        let (ra, rb) = (find(&mut parent, c.article), find(&mut parent, c.contains));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut ids = vec![usize::MAX; n];
    let mut next = 0;
    (0..n)
        .map(|i| {
            let r = find(&mut parent, i);
            if ids[r] == usize::MAX {
                ids[r] = next;
                next += 1;
            }
            ids[r]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text_article;
    use std::path::Path;

    fn doc(id: &str, s: &str) -> Doc {
        Doc::new(text_article(Path::new(&format!("{id}.txt")), s.as_bytes().to_vec()).unwrap())
    }

    #[test]
    fn containment_is_found_and_groups_merge() {
        let inner = "The two diplomats met in Geneva for about ninety minutes on Friday. They agreed to talk again next week after written answers.";
        let outer = format!("An opinion piece starts here with its own words. {inner} Then it goes on with more commentary of its own.");
        let other = "A completely different story about football results in the premier league this weekend.";
        let docs = vec![doc("a", &outer), doc("b", inner), doc("c", other)];
        let copies = find_copies(&docs);
        assert_eq!(copies.len(), 1, "{copies:?}");
        assert_eq!((copies[0].article, copies[0].contains), (0, 1));
        assert!((copies[0].share - 1.0).abs() < 1e-9);
        assert_eq!(groups(3, &copies), vec![0, 0, 1]);
    }
}

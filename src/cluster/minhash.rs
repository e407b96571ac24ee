//! Copies across a stream: exact duplicates, near-duplicates and containment, without
//! comparing every pair.
//!
//! Each article's words become hashed 5-word shingles (as in [`crate::copies`]). Three sketches
//! of that set find copies among all earlier articles in near-constant time per article:
//! - a hash of the whole word sequence finds **exact** duplicates;
//! - a MinHash signature, split into LSH bands, finds **near-duplicates** (estimated Jaccard
//!   similarity of the shingle sets at or above a threshold): a band that matches exactly
//!   makes a candidate, and the signatures' agreement confirms it;
//! - a consistent sample of the shingles (those whose hash is 0 modulo [`SAMPLE_MOD`], Broder's
//!   "mod-m" sample) in an inverted index estimates **containment** `|A ∩ B| / |B|`, which
//!   Jaccard similarity misses when one article is much longer than the other (an opinion
//!   piece that quotes a wire story whole).
//!
//! A copy is not an independent source: the clusterer puts it in its original's story, and
//! the story's own pairwise check ([`crate::copies`]) groups them for support counting.

use crate::doc::Doc;
use serde::Serialize;
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle (as in [`crate::copies`]).
pub const SHINGLE: usize = 5;
/// Values in a MinHash signature.
pub const SIGNATURE: usize = 64;
/// LSH bands (rows per band = `SIGNATURE / BANDS`).
pub const BANDS: usize = 16;
/// A shingle is in the containment sample when its hash is 0 modulo this.
pub const SAMPLE_MOD: u64 = 8;
/// A sampled shingle found in more articles than this is boilerplate and no longer filed.
const MAX_POSTING: usize = 200;
/// Fewest shared sampled shingles for a containment.
const MIN_SHARED: usize = 3;

/// How an article copies an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// The same words.
    Exact,
    /// Nearly the same words (MinHash estimate of Jaccard similarity).
    NearDuplicate,
    /// The later article holds most of the earlier one.
    Contains,
    /// The later article is mostly made of part of the earlier one.
    ContainedIn,
}

/// Article `copy` (arrived later) copies article `original`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamCopy {
    /// Arrival index of the later article.
    pub copy: usize,
    /// Arrival index of the earlier article.
    pub original: usize,
    /// How.
    pub kind: CopyKind,
    /// Jaccard estimate (exact, near-duplicate) or share contained (containment), 0..1.
    pub score: f64,
}

/// The sketches of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    /// Hash of the whole lower-cased word sequence (None when there are no words).
    pub exact: Option<u64>,
    /// MinHash signature of the shingle set.
    pub signature: Vec<u64>,
    /// The sampled shingles, sorted and unique.
    pub sample: Vec<u64>,
}

/// The splitmix64 finalizer: a cheap, well-mixing bijection of 64-bit values, so that
/// `mix(h ^ seed)` acts as one random permutation per seed.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One seed per signature value (fixed, so signatures are the same on every run).
const SEEDS: [u64; SIGNATURE] = {
    let mut s = [0u64; SIGNATURE];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut i = 0;
    while i < SIGNATURE {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        s[i] = x ^ (x >> 29);
        i += 1;
    }
    s
};

/// The shingle hashes of a word sequence (one shingle for fewer than [`SHINGLE`] words).
pub fn shingle_hashes(words: &[&str]) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE {
        return vec![xxh3_64(words.join(" ").as_bytes())];
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| xxh3_64(w.join(" ").as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Sketch {
    /// Sketches a document's kept words (headline excluded: outlets rewrite headlines).
    pub fn from_doc(doc: &Doc) -> Sketch {
        let words: Vec<&str> = doc
            .words
            .iter()
            .flatten()
            .map(|w| w.lower.as_str())
            .collect();
        if words.is_empty() {
            // A headline-only article: sketch its headline.
            let t: Vec<&str> = doc.title_words.iter().map(|w| w.lower.as_str()).collect();
            return Sketch::from_words(&t);
        }
        Sketch::from_words(&words)
    }

    /// Sketches a word sequence.
    pub fn from_words(words: &[&str]) -> Sketch {
        let shingles = shingle_hashes(words);
        let exact = (!words.is_empty()).then(|| xxh3_64(words.join(" ").as_bytes()));
        let signature = if shingles.is_empty() {
            Vec::new()
        } else {
            (0..SIGNATURE as u64)
                .map(|i| {
                    shingles
                        .iter()
                        .map(|&h| mix(h ^ SEEDS[i as usize]))
                        .min()
                        .unwrap_or(u64::MAX)
                })
                .collect()
        };
        let sample = shingles
            .iter()
            .copied()
            .filter(|h| h % SAMPLE_MOD == 0)
            .collect();
        Sketch {
            exact,
            signature,
            sample,
        }
    }

    /// Share of signature values two sketches agree on (estimates Jaccard similarity).
    pub fn jaccard(&self, other: &Sketch) -> f64 {
        if self.signature.is_empty() || other.signature.is_empty() {
            return 0.0;
        }
        let same = self
            .signature
            .iter()
            .zip(&other.signature)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / self.signature.len() as f64
    }
}

/// Thresholds of copy detection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyThresholds {
    /// Estimated Jaccard similarity at or above which two articles are near-duplicates.
    pub near_duplicate: f64,
    /// Share of one article found in another at or above which it is contained.
    pub containment: f64,
}

/// Every earlier article's sketch, indexed for lookup.
#[derive(Debug, Default)]
pub struct CopyIndex {
    sketches: Vec<Sketch>,
    exact: HashMap<u64, usize>,
    bands: Vec<HashMap<u64, Vec<u32>>>,
    samples: HashMap<u64, Vec<u32>>,
}

impl CopyIndex {
    /// Number of articles seen.
    pub fn len(&self) -> usize {
        self.sketches.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.sketches.is_empty()
    }

    /// Finds the earlier articles the new one copies (best first: exact, then highest
    /// score), then files it as article number `self.len()`.
    pub fn add(&mut self, sketch: Sketch, t: &CopyThresholds) -> Vec<StreamCopy> {
        let me = self.sketches.len();
        let mut found: HashMap<usize, StreamCopy> = HashMap::new();
        let mut put = |c: StreamCopy| {
            let better = match found.get(&c.original) {
                None => true,
                Some(old) => rank(&c) > rank(old),
            };
            if better {
                found.insert(c.original, c);
            }
        };
        if let Some(e) = sketch.exact {
            if let Some(&o) = self.exact.get(&e) {
                put(StreamCopy {
                    copy: me,
                    original: o,
                    kind: CopyKind::Exact,
                    score: 1.0,
                });
            }
        }
        if self.bands.is_empty() {
            self.bands = vec![HashMap::new(); BANDS];
        }
        let rows = SIGNATURE / BANDS;
        let band_keys: Vec<u64> = if sketch.signature.len() == SIGNATURE {
            sketch
                .signature
                .chunks(rows)
                .map(|c| {
                    let bytes: Vec<u8> = c.iter().flat_map(|v| v.to_le_bytes()).collect();
                    xxh3_64(&bytes)
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut near: Vec<u32> = Vec::new();
        for (b, k) in band_keys.iter().enumerate() {
            if let Some(list) = self.bands[b].get(k) {
                near.extend_from_slice(list);
            }
        }
        near.sort_unstable();
        near.dedup();
        for o in near {
            let j = sketch.jaccard(&self.sketches[o as usize]);
            if j >= t.near_duplicate {
                put(StreamCopy {
                    copy: me,
                    original: o as usize,
                    kind: CopyKind::NearDuplicate,
                    score: j,
                });
            }
        }
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for h in &sketch.sample {
            if let Some(list) = self.samples.get(h) {
                for &o in list {
                    *shared.entry(o).or_insert(0) += 1;
                }
            }
        }
        for (o, n) in shared {
            if n < MIN_SHARED {
                continue;
            }
            let theirs = self.sketches[o as usize].sample.len().max(1) as f64;
            let mine = sketch.sample.len().max(1) as f64;
            let (held, holds) = (n as f64 / theirs, n as f64 / mine);
            let c = if held >= holds {
                (CopyKind::Contains, held)
            } else {
                (CopyKind::ContainedIn, holds)
            };
            if c.1 >= t.containment {
                put(StreamCopy {
                    copy: me,
                    original: o as usize,
                    kind: c.0,
                    score: c.1.min(1.0),
                });
            }
        }
        // File the new article.
        if let Some(e) = sketch.exact {
            self.exact.entry(e).or_insert(me);
        }
        for (b, k) in band_keys.into_iter().enumerate() {
            self.bands[b].entry(k).or_default().push(me as u32);
        }
        for &h in &sketch.sample {
            let list = self.samples.entry(h).or_default();
            if list.len() < MAX_POSTING {
                list.push(me as u32);
            }
        }
        self.sketches.push(sketch);
        let mut out: Vec<StreamCopy> = found.into_values().collect();
        out.sort_by(|a, b| {
            rank(b)
                .partial_cmp(&rank(a))
                .unwrap()
                .then(a.original.cmp(&b.original))
        });
        out
    }
}

fn rank(c: &StreamCopy) -> (u8, f64) {
    let k = match c.kind {
        CopyKind::Exact => 3,
        CopyKind::NearDuplicate => 2,
        CopyKind::Contains | CopyKind::ContainedIn => 1,
    };
    (k, c.score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    fn text(n: usize, seed: usize) -> String {
        (0..n)
            .map(|i| format!("w{}", (i * 7919 + seed * 104729) % 100_003))
            .collect::<Vec<_>>()
            .join(" ")
    }

    const T: CopyThresholds = CopyThresholds {
        near_duplicate: 0.8,
        containment: 0.5,
    };

    #[test]
    fn exact_near_and_contained_copies_are_found() {
        let base = text(300, 1);
        let other = text(300, 2);
        // One word in 300 changed: a near-duplicate.
        let mut w = words(&base);
        w[150] = "changed";
        let near = w.join(" ");
        // The base wrapped in twice as much other text: holds all of it.
        let wrapper = format!("{} {} {}", text(300, 3), base, text(300, 4));
        let mut ix = CopyIndex::default();
        assert!(ix.add(Sketch::from_words(&words(&base)), &T).is_empty());
        assert!(ix.add(Sketch::from_words(&words(&other)), &T).is_empty());
        let c = ix.add(Sketch::from_words(&words(&base)), &T);
        assert_eq!((c[0].original, c[0].kind), (0, CopyKind::Exact));
        let c = ix.add(Sketch::from_words(&words(&near)), &T);
        assert_eq!(c[0].original, 0);
        assert_eq!(c[0].kind, CopyKind::NearDuplicate, "{c:?}");
        let c = ix.add(Sketch::from_words(&words(&wrapper)), &T);
        assert!(
            c.iter()
                .any(|c| c.original == 0 && c.kind == CopyKind::Contains),
            "{c:?}"
        );
        assert!(c.iter().all(|c| c.original != 1), "{c:?}");
        // An excerpt of the wrapper that is mostly the base.
        let excerpt = words(&base)[..200].join(" ");
        let c = ix.add(Sketch::from_words(&words(&excerpt)), &T);
        assert!(
            c.iter()
                .any(|c| c.original == 4 && c.kind == CopyKind::ContainedIn),
            "{c:?}"
        );
    }

    #[test]
    fn jaccard_estimate_is_close() {
        // 296 shingles each, 196 shared: Jaccard 196/396 = 0.495 (64 values: s.d. about 0.06).
        let a = text(300, 5);
        let b = format!("{} {}", words(&a)[100..].join(" "), text(100, 6));
        let (sa, sb) = (
            Sketch::from_words(&words(&a)),
            Sketch::from_words(&words(&b)),
        );
        let j = sa.jaccard(&sb);
        assert!((0.35..0.65).contains(&j), "{j}");
    }
}

//! The online clusterer: one article at a time, in date order.
//!
//! This is single-pass clustering (Allan et al.'s topic detection and tracking) made cheap
//! and stable:
//! - an article's features are weighed by how rare they are in the stream *so far* (the
//!   document frequencies only grow, so an article's vector is fixed on arrival and the
//!   result never depends on articles yet to come);
//! - it is compared only with the live stories that share one of its heaviest features
//!   ([`super::index`]), by cosine with the story's centroid (the sum of its articles'
//!   vectors: every article of the story has a say, so one stray article cannot drag
//!   unrelated ones in as single-link chaining would);
//! - it joins the best story at or above the threshold (lower for short articles such as
//!   headlines, whose cosine with a centroid is small even when they belong: see
//!   [`super::ClusterOptions::short_features`]), or starts a new one;
//! - when the article also reaches the threshold with other stories whose centroids are
//!   close to its story's (cosine at or above `merge`), those stories are merged: an early
//!   split that later articles show to be one event is undone;
//! - a copy of an earlier article ([`super::minhash`]) joins its original's story outright;
//! - a story with no new article for `quiet_days` goes quiet: it takes no more articles;
//!   a headline's cosine also fades with the days between it and the story
//!   ([`super::ClusterOptions::short_decay_days`], see [`super::short`]).
//!
//! A headline's maybe-names (capitalized words its own text cannot tell from capitalized
//! ordinary words, [`Kind::MaybeName`]) are left out on arrival; refinement weighs those the
//! stream has used as names anywhere as names (see [`super::short`]).
//!
//! The batch run ([`super::cluster_docs`]) feeds this same clusterer in the same order, so
//! batch and online build the same stories by construction. [`Clusterer::stories`] refines
//! them ([`super::refine`]) without changing the state; [`Clusterer::provisional_stories`]
//! are the stories as filed on arrival.
//!
//! Counts are damped as `1 + ln(count)`. BM25-style weights, `tf·(k1+1) / (tf + k1·(1 − b +
//! b·len/avglen))` with the mean length over the stream so far, were measured against it
//! (`cargo bench --bench cluster_quality`, choose F1 / reported F1; as shipped: ECB+ event
//! .919/.898, ECB+ topic .907/.931, UCI .808/.775): k1 1.2, b 0.75 gave .918/.895,
//! .897/.932, .820/.777; k1 1.2, b 0.3 gave .912/.891, .897/.930, .820/.777; k1 2, b 0
//! gave .904/.894, .907/.930, .820/.777. UCI gains, but ECB+ events lose on both parts, so
//! the log damping stays.

use super::features::{DocFeatures, Feature, Kind};
use super::index::StoryIndex;
use super::minhash::{CopyIndex, CopyThresholds, Sketch, StreamCopy};
use super::ClusterOptions;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// A sparse vector: (feature key, weight), sorted by key.
type Sparse = Vec<(u64, f32)>;

/// Largest centroid kept (features); a longer one keeps its heaviest.
const MAX_CENTROID: usize = 1500;

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// Story number (in order of creation, from 0).
    pub story: usize,
    /// True when the article started the story.
    pub new_story: bool,
    /// Earlier articles it copies.
    pub copies: Vec<StreamCopy>,
}

#[derive(Debug, Clone, Default)]
struct StoryState {
    /// Sum of member vectors, sorted by key.
    centroid: Vec<(u64, f32)>,
    norm: f32,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    members: Vec<usize>,
    /// Keys the story is filed under.
    keys: Vec<u64>,
}

impl StoryState {
    /// False once merged into another story.
    fn alive(&self) -> bool {
        !self.members.is_empty()
    }
}

/// Stories built so far from a stream of articles.
#[derive(Debug)]
pub struct Clusterer {
    opts: ClusterOptions,
    df: HashMap<u64, u32>,
    n: u32,
    now: Option<NaiveDate>,
    stories: Vec<StoryState>,
    story_of: Vec<usize>,
    index: StoryIndex,
    copy_index: CopyIndex,
    copies: Vec<StreamCopy>,
    /// Per article (arrival index): its kept features with their weight before IDF, its
    /// date, and whether it copies an earlier one; what refinement reads.
    kept: Vec<Kept>,
    /// Name keys the stream has used as names.
    names: HashSet<u64>,
    /// Maybe-name keys with the number of articles that hold them as maybe-names.
    maybe_df: HashMap<u64, u32>,
}

/// What the clusterer keeps of an article for refinement.
#[derive(Debug, Clone)]
struct Kept {
    /// Kept features, sorted by key: (key, sublinear count × kind weight).
    base: Vec<(u64, f32)>,
    /// Its maybe-names (see [`Kind::MaybeName`]): (key, weight before IDF); refinement
    /// counts those the stream has used as names.
    maybe: Vec<(u64, f32)>,
    date: Option<NaiveDate>,
    copy: bool,
    /// A headline standing alone.
    headline: bool,
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(opts: ClusterOptions) -> Clusterer {
        Clusterer {
            opts,
            df: HashMap::new(),
            n: 0,
            now: None,
            stories: Vec::new(),
            story_of: Vec::new(),
            index: StoryIndex::default(),
            copy_index: CopyIndex::default(),
            copies: Vec::new(),
            kept: Vec::new(),
            names: HashSet::new(),
            maybe_df: HashMap::new(),
        }
    }

    /// Prepares and adds one document (see [`Clusterer::add`]).
    pub fn add_doc(&mut self, doc: &crate::doc::Doc) -> Assignment {
        let f = DocFeatures::from_doc(doc, self.opts.title_boost as f32);
        self.add(&f, Sketch::from_doc(doc), doc.article.published)
    }

    /// Adds the next article of the stream (articles must come in date order; undated ones
    /// never make a story go quiet). Its arrival index is the number of articles added before.
    pub fn add(&mut self, f: &DocFeatures, sketch: Sketch, date: Option<NaiveDate>) -> Assignment {
        let me = self.story_of.len();
        if let Some(d) = date {
            self.now = Some(self.now.map_or(d, |n| n.max(d)));
        }
        let (vector, base, maybe) = self.weigh(f);
        let t = CopyThresholds {
            near_duplicate: self.opts.near_duplicate,
            containment: self.opts.containment,
        };
        let copies = self.copy_index.add(sketch, &t);
        let keys = heaviest(&vector, self.opts.index_features);
        // A headline's link fades with the days between it and a story.
        let tau = if f.headline {
            self.opts.short_decay_days
        } else {
            0.0
        };
        let fade = |st: &StoryState| {
            super::short::decay(super::short::gap_days(date, st.first, st.last), tau)
        };
        // A copy joins its original's story; a headline's only while the fade leaves at
        // least half its link (a headline repeated a day later, "US stocks open lower on weak
        // Asian data", is most often news of its own).
        let mut chosen = copies
            .iter()
            .map(|c| self.story_of[c.original])
            .find(|&s| self.live(s) && fade(&self.stories[s]) >= 0.5);
        let pinned = chosen.is_some();
        // Other stories the article also belongs in: merge candidates.
        let mut also: Vec<usize> = Vec::new();
        if chosen.is_none() {
            let (stories, now, quiet) = (&self.stories, self.now, self.opts.quiet_days);
            let cands = self
                .index
                .candidates(&keys, |s| is_live(&stories[s as usize], now, quiet));
            let threshold = self.opts.threshold_for(vector.len());
            let mut best: Option<(f32, usize)> = None;
            for s in cands {
                let st = &self.stories[s as usize];
                let sim =
                    dot(&vector, &st.centroid) / st.norm.max(f32::MIN_POSITIVE) * fade(st) as f32;
                if sim as f64 >= threshold {
                    also.push(s as usize);
                }
                if best.is_none_or(|(b, _)| sim > b) {
                    best = Some((sim, s as usize));
                }
            }
            chosen = best
                .filter(|(sim, _)| *sim as f64 >= threshold)
                .map(|(_, s)| s);
        }
        let new_story = chosen.is_none();
        let story = chosen.unwrap_or_else(|| {
            self.stories.push(StoryState::default());
            self.stories.len() - 1
        });
        let st = &mut self.stories[story];
        st.centroid = add_vectors(&st.centroid, &vector);
        st.norm = st.centroid.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        st.members.push(me);
        if let Some(d) = date {
            st.first = Some(st.first.map_or(d, |f| f.min(d)));
            st.last = Some(st.last.map_or(d, |l| l.max(d)));
        }
        for &k in &keys {
            if !st.keys.contains(&k) {
                st.keys.push(k);
            }
            self.index.insert(k, story as u32);
        }
        self.story_of.push(story);
        for b in also {
            if b != story && self.stories[b].alive() {
                let (x, y) = (&self.stories[story], &self.stories[b]);
                let sim = dot(&x.centroid, &y.centroid) / (x.norm * y.norm).max(f32::MIN_POSITIVE);
                if sim as f64 >= self.opts.merge {
                    self.merge(b, story);
                }
            }
        }
        self.kept.push(Kept {
            base,
            maybe,
            date,
            // A headline kept from its original's story by the fade may move at refinement.
            copy: pinned || (!copies.is_empty() && tau == 0.0),
            headline: f.headline,
        });
        self.copies.extend(copies.iter().cloned());
        Assignment {
            story,
            new_story,
            copies,
        }
    }

    /// Moves every article of story `from` into story `into`; `from` is left empty.
    fn merge(&mut self, from: usize, into: usize) {
        let gone = std::mem::take(&mut self.stories[from]);
        for &m in &gone.members {
            self.story_of[m] = into;
        }
        self.index.rename(&gone.keys, from as u32, into as u32);
        let st = &mut self.stories[into];
        st.members.extend(gone.members);
        st.members.sort_unstable();
        st.centroid = add_vectors(&st.centroid, &gone.centroid);
        st.norm = st.centroid.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        st.last = st.last.max(gone.last);
        st.first = match (st.first, gone.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for k in gone.keys {
            if !st.keys.contains(&k) {
                st.keys.push(k);
            }
        }
    }

    /// True when story `s` still takes articles.
    pub fn live(&self, s: usize) -> bool {
        is_live(&self.stories[s], self.now, self.opts.quiet_days)
    }

    /// The stories as filed on arrival (before refinement): arrival indices of their
    /// articles, stories in order of creation (stories merged into another are left out).
    pub fn provisional_stories(&self) -> Vec<Vec<usize>> {
        self.stories
            .iter()
            .filter(|s| s.alive())
            .map(|s| s.members.clone())
            .collect()
    }

    /// The stories after refinement ([`super::refine`]) of everything read so far: arrival
    /// indices of their articles, stories in order of their first article. Reads the state
    /// and changes nothing, so a stream can ask at any time; asked at the end, it gives
    /// exactly the batch result.
    pub fn stories(&self) -> Vec<Vec<usize>> {
        if self.opts.refine_passes == 0
            && self.opts.refine_merge >= 1.0
            && self.opts.short_merge >= 1.0
            && self.opts.granularity == super::Granularity::Event
            && self.opts.split == 0.0
        {
            return self.provisional_stories();
        }
        let n = self.n as f64 + self.opts.idf_prior;
        let vectors: Vec<Vec<(u64, f32)>> = self
            .kept
            .par_iter()
            .map(|k| {
                // A maybe-name the stream has used as a name is one; a name's document
                // frequency counts its maybe-name occurrences too.
                let name = |key: &u64| self.names.contains(key);
                let df = |key: &u64| {
                    let maybe = if name(key) {
                        self.maybe_df.get(key).copied().unwrap_or(0)
                    } else {
                        0
                    };
                    (self.df[key] + maybe) as f64
                };
                let mut v: Vec<(u64, f32)> = k
                    .base
                    .iter()
                    .chain(k.maybe.iter().filter(|(key, _)| name(key)))
                    .map(|&(key, b)| (key, b * (n / df(&key)).ln() as f32))
                    .filter(|x| x.1 > 0.0)
                    .collect();
                v.sort_unstable_by_key(|x| x.0);
                let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|(_, x)| *x /= norm);
                }
                v
            })
            .collect();
        let items: Vec<super::refine::Item> = vectors
            .iter()
            .zip(&self.kept)
            .map(|(v, k)| super::refine::Item {
                vector: v,
                date: k.date,
                pinned: k.copy,
                headline: k.headline,
            })
            .collect();
        let labels = super::refine::refine(&items, &self.story_of, &self.opts);
        let mut first: Vec<Option<usize>> = vec![None; labels.len().max(self.stories.len())];
        let mut out: Vec<Vec<usize>> = Vec::new();
        for (a, &l) in labels.iter().enumerate() {
            let slot = *first[l].get_or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            out[slot].push(a);
        }
        out
    }

    /// The story of each article as filed on arrival, by arrival index.
    pub fn story_of(&self) -> &[usize] {
        &self.story_of
    }

    /// Every copy found so far (arrival indices).
    pub fn copies(&self) -> &[StreamCopy] {
        &self.copies
    }

    /// A feature's weight before IDF: sublinear count × its kind's weight.
    fn base_weight(&self, x: &Feature) -> f64 {
        let kind = match x.kind {
            Kind::Name | Kind::MaybeName => self.opts.name_weight,
            Kind::Number => self.opts.number_weight,
            Kind::Stem => 1.0,
            Kind::Pair => super::short::PAIR_WEIGHT,
        };
        (1.0 + (x.count as f64).ln()) * kind
    }

    /// The article's weighted, normalized vector: sublinear counts × kind weight × the
    /// stream's inverse document frequency so far (the article itself included), its
    /// `max_features` heaviest features kept; with the kept features' weights before IDF.
    fn weigh(&mut self, f: &DocFeatures) -> (Sparse, Sparse, Sparse) {
        self.n += 1;
        // Maybe-names wait for refinement, which knows every name the stream has used.
        let (feats, maybes): (Vec<&Feature>, Vec<&Feature>) =
            f.features.iter().partition(|x| x.kind != Kind::MaybeName);
        for x in &feats {
            *self.df.entry(x.key).or_insert(0) += 1;
            if x.kind == Kind::Name {
                self.names.insert(x.key);
            }
        }
        let maybe: Sparse = maybes
            .iter()
            .map(|x| {
                *self.maybe_df.entry(x.key).or_insert(0) += 1;
                (x.key, self.base_weight(x) as f32)
            })
            .collect();
        let n = self.n as f64 + self.opts.idf_prior;
        let mut v: Vec<(u64, f32, f32)> = feats
            .iter()
            .map(|x| {
                let idf = (n / self.df[&x.key] as f64).ln();
                let base = self.base_weight(x);
                (x.key, (base * idf) as f32, base as f32)
            })
            .filter(|(_, w, _)| *w > 0.0)
            .collect();
        if v.len() > self.opts.max_features {
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(self.opts.max_features);
        }
        v.sort_unstable_by_key(|x| x.0);
        let norm = v.iter().map(|(_, x, _)| x * x).sum::<f32>().sqrt();
        let base = v.iter().map(|&(k, _, b)| (k, b)).collect();
        let v = v
            .into_iter()
            .map(|(k, x, _)| (k, if norm > 0.0 { x / norm } else { x }))
            .collect();
        (v, base, maybe)
    }
}

fn is_live(s: &StoryState, now: Option<NaiveDate>, quiet_days: u32) -> bool {
    if !s.alive() {
        return false;
    }
    match (s.last, now) {
        (Some(l), Some(n)) => (n - l).num_days() <= quiet_days as i64,
        _ => true,
    }
}

/// The keys of the `k` heaviest features (ties by key).
fn heaviest(v: &[(u64, f32)], k: usize) -> Vec<u64> {
    let mut w: Vec<(u64, f32)> = v.to_vec();
    w.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    w.into_iter().take(k).map(|x| x.0).collect()
}

/// Dot product of two sparse vectors sorted by key.
pub fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    crate::story::cosine(a, b)
}

/// Sum of two sparse vectors sorted by key, keeping at most [`MAX_CENTROID`] entries.
fn add_vectors(a: &[(u64, f32)], b: &[(u64, f32)]) -> Vec<(u64, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    if out.len() > MAX_CENTROID {
        out.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out.truncate(MAX_CENTROID * 2 / 3);
        out.sort_unstable_by_key(|x| x.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_sum_and_dot() {
        let a = [(1, 1.0), (3, 2.0)];
        let b = [(2, 1.0), (3, 1.0)];
        assert_eq!(add_vectors(&a, &b), vec![(1, 1.0), (2, 1.0), (3, 3.0)]);
        assert_eq!(dot(&a, &b), 2.0);
    }

    #[test]
    fn quiet_after_the_configured_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let s = StoryState {
            last: d("2022-01-21"),
            members: vec![0],
            ..Default::default()
        };
        assert!(is_live(&s, d("2022-01-24"), 3));
        assert!(!is_live(&s, d("2022-01-25"), 3));
        assert!(is_live(&s, None, 3));
    }
}

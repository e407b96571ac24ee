//! A story: the documents about one event, merged into one vocabulary.
//!
//! This is the "merge" step after per-document preparation: stems are interned into ids,
//! copies are found, and every sentence becomes a [`Unit`] with a TF-IDF vector for
//! similarity. The summarizer and the analyses read a [`Story`].

use crate::copies::{find_copies, groups, Copy};
use crate::doc::Doc;
use crate::model::Article;
use crate::words::{count_words, Shared, Word};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// Stem ids.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: HashMap<Shared, u32>,
    stems: Vec<Shared>,
}

impl Vocab {
    /// The id of a stem, adding it when new.
    pub fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        self.add(Shared::from(stem))
    }

    /// The id of a word's stem, adding it when new (sharing the word's string).
    pub fn intern_shared(&mut self, stem: &Shared) -> u32 {
        if let Some(&id) = self.ids.get(stem.as_str()) {
            return id;
        }
        self.add(stem.clone())
    }

    fn add(&mut self, stem: Shared) -> u32 {
        let id = self.stems.len() as u32;
        self.ids.insert(stem.clone(), id);
        self.stems.push(stem);
        id
    }

    /// The stem of an id.
    pub fn stem(&self, id: u32) -> &str {
        &self.stems[id as usize]
    }

    /// Number of stems.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// A sentence of the story, ready for selection and comparison.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Document index.
    pub doc: usize,
    /// Sentence index within the document.
    pub sent: usize,
    /// Stem ids of its words, in order.
    pub stems: Vec<u32>,
    /// Stopword flags of its words, in order.
    pub stop: Vec<bool>,
    /// Whitespace-separated words (what the budget counts).
    pub words: usize,
    /// L2-normalised TF-IDF vector over content stems, sorted by stem id.
    pub vector: Vec<(u32, f32)>,
    /// Distinct content stems, sorted, each with its smoothed IDF weight (`ln(N/df) + 1`),
    /// for containment: how much of one sentence's content another holds.
    pub bag: Vec<(u32, f32)>,
}

/// The documents of one story and what is derived from comparing them.
#[derive(Debug, Clone)]
pub struct Story {
    /// The documents, in input order.
    pub docs: Vec<Doc>,
    /// Stem ids.
    pub vocab: Vocab,
    /// Every sentence of every document, documents in order.
    pub units: Vec<Unit>,
    /// First unit of each document (and the total at the end).
    pub doc_start: Vec<usize>,
    /// Which documents hold which.
    pub copies: Vec<Copy>,
    /// Independence group of each document (copies share one).
    pub group: Vec<usize>,
    /// Number of independence groups.
    pub n_groups: usize,
    /// Stem ids of each document's headline.
    pub title_stems: Vec<Vec<u32>>,
}

impl Story {
    /// Prepares articles (in parallel) and merges them into a story.
    ///
    /// While the first halves of preparation run (cleaning, words), one thread builds the
    /// sentence splitter's tables, which every second half needs: in a short-lived process
    /// that work is no longer on the critical path.
    pub fn from_articles(articles: Vec<Article>) -> Story {
        let (_, halves) = rayon::join(crate::sentences::warm_up, || {
            articles
                .into_par_iter()
                .map(Doc::words_first)
                .collect::<Vec<_>>()
        });
        let docs: Vec<Doc> = halves.into_par_iter().map(|h| h.finish()).collect();
        Story::from_docs(docs)
    }

    /// A story of plain-text articles named `0.txt`, `1.txt`, … (for unit tests).
    #[cfg(test)]
    pub(crate) fn from_texts(texts: &[&str]) -> Story {
        Story::from_articles(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    crate::ingest::text_article(
                        std::path::Path::new(&format!("{i}.txt")),
                        t.as_bytes().to_vec(),
                    )
                    .unwrap()
                })
                .collect(),
        )
    }

    /// Merges prepared documents into a story.
    pub fn from_docs(docs: Vec<Doc>) -> Story {
        let mut vocab = Vocab::default();
        let mut units = Vec::new();
        let mut doc_start = Vec::with_capacity(docs.len() + 1);
        let mut title_stems = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            doc_start.push(units.len());
            for (s, ws) in doc.words.iter().enumerate() {
                units.push(Unit {
                    doc: d,
                    sent: s,
                    stems: ws.iter().map(|w| vocab.intern_shared(&w.stem)).collect(),
                    stop: ws.iter().map(|w| w.stop).collect(),
                    words: count_words(doc.sentence_text(s)),
                    vector: Vec::new(),
                    bag: Vec::new(),
                });
            }
            title_stems.push(intern_words(&mut vocab, &doc.title_words));
        }
        doc_start.push(units.len());
        weigh_vectors(&mut units, vocab.len());
        let copies = find_copies(&docs);
        let group = groups(docs.len(), &copies);
        let n_groups = group.iter().copied().max().map_or(0, |m| m + 1);
        Story {
            docs,
            vocab,
            units,
            doc_start,
            copies,
            group,
            n_groups,
            title_stems,
        }
    }

    /// The text of a unit.
    pub fn unit_text(&self, u: usize) -> &str {
        let unit = &self.units[u];
        self.docs[unit.doc].sentence_text(unit.sent)
    }

    /// The units of document `d`.
    pub fn doc_units(&self, d: usize) -> std::ops::Range<usize> {
        self.doc_start[d]..self.doc_start[d + 1]
    }
}

fn intern_words(vocab: &mut Vocab, words: &[Word]) -> Vec<u32> {
    words.iter().map(|w| vocab.intern_shared(&w.stem)).collect()
}

/// Fills each unit's TF-IDF vector (content stems only; IDF over the story's sentences).
fn weigh_vectors(units: &mut [Unit], n_stems: usize) {
    // Each unit's content stems, sorted: counted runs give both its distinct stems (for the
    // document frequencies) and its term frequencies, with no map per sentence.
    let sorted: Vec<Vec<u32>> = units
        .iter()
        .map(|u| {
            let mut v: Vec<u32> = u.content_stems().collect();
            v.sort_unstable();
            v
        })
        .collect();
    let mut df = vec![0u32; n_stems];
    for v in &sorted {
        for (s, _) in runs(v) {
            df[s as usize] += 1;
        }
    }
    let n = units.len().max(1) as f32;
    for (u, stems) in units.iter_mut().zip(&sorted) {
        let mut v: Vec<(u32, f32)> = runs(stems)
            .map(|(s, c)| {
                (
                    s,
                    c as f32 * ((n + 1.0) / (df[s as usize] as f32 + 0.5)).ln(),
                )
            })
            .collect();
        u.bag = v
            .iter()
            .map(|&(s, _)| (s, (n / df[s as usize] as f32).ln() + 1.0))
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, x)| *x /= norm);
        }
        u.vector = v;
    }
}

/// The distinct values of a sorted slice, each with how many times it occurs.
fn runs(sorted: &[u32]) -> impl Iterator<Item = (u32, u32)> + '_ {
    sorted
        .chunk_by(|a, b| a == b)
        .map(|r| (r[0], r.len() as u32))
}

impl Unit {
    /// Stem ids of the content (non-stop) words.
    pub fn content_stems(&self) -> impl Iterator<Item = u32> + '_ {
        self.stems
            .iter()
            .zip(&self.stop)
            .filter(|(_, &st)| !st)
            .map(|(&s, _)| s)
    }
}

/// Dot product of two sparse vectors sorted by key; for L2-normalised vectors, their cosine.
pub fn cosine<K: Ord + std::marker::Copy>(a: &[(K, f32)], b: &[(K, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Share of `a`'s content (IDF-weighted distinct content stems) that `b` also holds (0..1).
/// Asymmetric: a short sentence is contained in a long one that repeats it.
pub fn containment(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let total: f32 = a.iter().map(|(_, w)| w).sum();
    if total == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    shared / total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_is_asymmetric() {
        let short = [(1, 1.0), (2, 1.0)];
        let long = [(1, 1.0), (2, 1.0), (3, 2.0)];
        assert_eq!(containment(&short, &long), 1.0);
        assert_eq!(containment(&long, &short), 0.5);
        assert_eq!(containment(&[], &long), 0.0);
    }

    #[test]
    fn cosine_of_sparse_vectors() {
        let a = [(1, 0.6), (3, 0.8)];
        let b = [(1, 0.6), (2, 0.8)];
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert!((cosine(&a, &b) - 0.36).abs() < 1e-6);
        assert_eq!(cosine(&a, &[]), 0.0);
    }
}

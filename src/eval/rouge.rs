//! ROUGE scores of one summary against its references.
//!
//! [`rouge155`] reproduces ROUGE-1.5.5 with the DUC settings (`-n 4 -m -2 4 -u -f A -p 0.5`
//! and ROUGE-L): hits and counts are summed over the references before dividing ("model
//! average", `-f A`), every recall and precision is rounded to five decimals as the Perl
//! prints them, and F is computed from the rounded values. Its quirks are kept on purpose
//! (the skip-bigram unigrams leave out a summary's last token; ROUGE-L is the union LCS of
//! each reference sentence with all summary sentences, clipped by unigram counts), because
//! published numbers carry them.
//!
//! [`rouge_score`] follows Google's rouge-score package instead: F1 per reference, the best
//! reference kept, plain LCS over the whole token sequence for ROUGE-L.

use super::tokenize;
use serde::Serialize;
use std::collections::HashMap;

/// Recall, precision and F-measure (0..1).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// Recall.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// F-measure (F1 with the default alpha 0.5).
    pub f1: f64,
}

/// The measures reported, in order.
pub const ROUGE155_METRICS: [&str; 5] = ["ROUGE-1", "ROUGE-2", "ROUGE-4", "ROUGE-SU4", "ROUGE-L"];

/// The measures of the rouge-score convention, in order.
pub const ROUGE_SCORE_METRICS: [&str; 4] = ["ROUGE-1", "ROUGE-2", "ROUGE-4", "ROUGE-L"];

/// Perl's `sprintf("%7.5f", x)` read back as a number: rounded to five decimals, exact ties
/// to even (as C's printf rounds the exact binary value).
pub fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().expect("a formatted number")
}

/// Token ids: grams are compared as id sequences.
#[derive(Default)]
struct Interner(HashMap<String, u32>);

impl Interner {
    fn ids(&mut self, tokens: &[String]) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let n = self.0.len() as u32;
                *self.0.entry(t.clone()).or_insert(n)
            })
            .collect()
    }
}

type Grams = HashMap<Vec<u32>, u32>;

/// `createNGram`: n-gram counts and their total.
fn ngrams(t: &[u32], n: usize) -> (Grams, u32) {
    let mut g = Grams::new();
    let mut count = 0;
    if t.len() >= n {
        for w in t.windows(n) {
            *g.entry(w.to_vec()).or_insert(0) += 1;
            count += 1;
        }
    }
    (g, count)
}

/// `createSkipBigram` with `-u`: skip bigrams at most `skip` words apart plus unigrams, the
/// loop (as in the Perl) never reaching the last token as a unigram.
fn skip_bigrams(t: &[u32], skip: usize) -> (Grams, u32) {
    let mut g = Grams::new();
    let mut count = 0;
    for i in 0..t.len().saturating_sub(1) {
        *g.entry(vec![t[i]]).or_insert(0) += 1;
        count += 1;
        for j in i + 1..t.len().min(i + skip + 2) {
            *g.entry(vec![t[i], t[j]]).or_insert(0) += 1;
            count += 1;
        }
    }
    (g, count)
}

/// Clipped matches of peer grams in model grams.
fn hits(model: &Grams, peer: &Grams) -> u32 {
    model
        .iter()
        .map(|(k, &m)| peer.get(k).map_or(0, |&p| p.min(m)))
        .sum()
}

/// R, P, F from totals, rounded as the Perl does.
fn prf155(hit: f64, model: f64, peer: f64, alpha: f64) -> Prf {
    let r = if model != 0.0 {
        round5(hit / model)
    } else {
        0.0
    };
    let p = if peer != 0.0 { round5(hit / peer) } else { 0.0 };
    let d = (1.0 - alpha) * p + alpha * r;
    let f = if d > 0.0 { round5(p * r / d) } else { 0.0 };
    Prf {
        recall: r,
        precision: p,
        f1: f,
    }
}

/// `lcs_inner` + `markLCS`: marks the model positions of one LCS of `model` and `peer`,
/// with the Perl's tie-breaking (up before left).
fn mark_lcs(model: &[u32], peer: &[u32], mask: &mut [bool]) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 {
        return;
    }
    let w = n + 1;
    let mut c = vec![0u32; (m + 1) * w];
    // 0 none, 1 diagonal, 2 up, 3 left.
    let mut b = vec![0u8; (m + 1) * w];
    for i in 1..=m {
        for j in 1..=n {
            if model[i - 1] == peer[j - 1] {
                c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
                b[i * w + j] = 1;
            } else if c[(i - 1) * w + j] >= c[i * w + j - 1] {
                c[i * w + j] = c[(i - 1) * w + j];
                b[i * w + j] = 2;
            } else {
                c[i * w + j] = c[i * w + j - 1];
                b[i * w + j] = 3;
            }
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match b[i * w + j] {
            1 => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
}

fn unigram_counts(sents: &[Vec<u32>]) -> HashMap<u32, i64> {
    let mut g = HashMap::new();
    for s in sents {
        for &t in s {
            *g.entry(t).or_insert(0) += 1;
        }
    }
    g
}

/// `lcs`: summary-level union LCS hits of one model against the peer, and the model length.
fn union_lcs(model: &[Vec<u32>], peer: &[Vec<u32>]) -> (u32, u32) {
    let mut model_1 = unigram_counts(model);
    let mut peer_1 = unigram_counts(peer);
    let (mut hit, mut base) = (0, 0);
    for ms in model {
        let mut mask = vec![false; ms.len()];
        base += ms.len() as u32;
        for ps in peer {
            mark_lcs(ms, ps, &mut mask);
        }
        for (j, &t) in ms.iter().enumerate() {
            if !mask[j] {
                continue;
            }
            let (Some(mc), Some(pc)) = (model_1.get(&t).copied(), peer_1.get(&t).copied()) else {
                continue;
            };
            if mc > 0 && pc > 0 {
                hit += 1;
                *model_1.get_mut(&t).expect("present") -= 1;
                *peer_1.get_mut(&t).expect("present") -= 1;
            }
        }
    }
    (hit, base)
}

/// ROUGE-1.5.5 scores ([`ROUGE155_METRICS`]) of a summary file's bytes against reference
/// files' bytes, both read one sentence per line and cut to `limit` words (0: no limit).
pub fn rouge155(peer: &[u8], models: &[Vec<u8>], limit: usize) -> [Prf; 5] {
    const ALPHA: f64 = 0.5;
    let mut ids = Interner::default();
    let to_ids = |ids: &mut Interner, bytes: &[u8]| -> Vec<Vec<u32>> {
        tokenize::rouge155_sentences(bytes, limit, true)
            .iter()
            .map(|s| ids.ids(s))
            .collect()
    };
    let peer_s = to_ids(&mut ids, peer);
    let peer_flat: Vec<u32> = peer_s.concat();
    let model_s: Vec<Vec<Vec<u32>>> = models.iter().map(|m| to_ids(&mut ids, m)).collect();
    let mut out = [Prf::default(); 5];
    // ROUGE-1, -2, -4.
    for (k, n) in [1usize, 2, 4].into_iter().enumerate() {
        let (pg, pc) = ngrams(&peer_flat, n);
        let (mut hit, mut mc, mut pct) = (0u32, 0u32, 0u32);
        for m in &model_s {
            let (mg, c) = ngrams(&m.concat(), n);
            hit += hits(&mg, &pg);
            mc += c;
            pct += pc;
        }
        out[k] = prf155(hit as f64, mc as f64, pct as f64, ALPHA);
    }
    // ROUGE-SU4.
    {
        let (pg, pc) = skip_bigrams(&peer_flat, 4);
        let (mut hit, mut mc, mut pct) = (0u32, 0u32, 0u32);
        for m in &model_s {
            let (mg, c) = skip_bigrams(&m.concat(), 4);
            hit += hits(&mg, &pg);
            mc += c;
            pct += pc;
        }
        out[3] = prf155(hit as f64, mc as f64, pct as f64, ALPHA);
    }
    // ROUGE-L.
    {
        let (mut hit, mut mc, mut pct) = (0u32, 0u32, 0u32);
        for m in &model_s {
            let (h, base) = union_lcs(m, &peer_s);
            hit += h;
            mc += base;
            pct += peer_flat.len() as u32;
        }
        out[4] = prf155(hit as f64, mc as f64, pct as f64, ALPHA);
    }
    out
}

fn f1(hit: f64, model: f64, peer: f64) -> Prf {
    let r = if model > 0.0 { hit / model } else { 0.0 };
    let p = if peer > 0.0 { hit / peer } else { 0.0 };
    let f = if r + p > 0.0 {
        2.0 * r * p / (r + p)
    } else {
        0.0
    };
    Prf {
        recall: r,
        precision: p,
        f1: f,
    }
}

fn lcs_len(a: &[u32], b: &[u32]) -> u32 {
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// rouge-score scores ([`ROUGE_SCORE_METRICS`], stemming on) of a summary against references:
/// per measure, the reference with the best F1.
pub fn rouge_score(peer: &str, refs: &[String]) -> [Prf; 4] {
    let mut ids = Interner::default();
    let p = ids.ids(&tokenize::rouge_score_tokens(peer, true));
    let rs: Vec<Vec<u32>> = refs
        .iter()
        .map(|r| ids.ids(&tokenize::rouge_score_tokens(r, true)))
        .collect();
    let mut out = [Prf::default(); 4];
    for r in &rs {
        let mut s = [Prf::default(); 4];
        for (k, n) in [1usize, 2, 4].into_iter().enumerate() {
            let (pg, pc) = ngrams(&p, n);
            let (rg, rc) = ngrams(r, n);
            s[k] = f1(hits(&rg, &pg) as f64, rc as f64, pc as f64);
        }
        s[3] = f1(lcs_len(r, &p) as f64, r.len() as f64, p.len() as f64);
        for k in 0..4 {
            if s[k].f1 > out[k].f1 {
                out[k] = s[k];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_printf() {
        assert_eq!(round5(1.0 / 64.0), 0.01562);
        assert_eq!(round5(3.0 / 64.0), 0.04688);
        assert_eq!(round5(2.0 / 3.0), 0.66667);
    }

    #[test]
    fn identical_summary_scores_one() {
        let t = b"The cats sat on the mat.\nDogs barked loudly at night.\n".to_vec();
        let s = rouge155(&t, std::slice::from_ref(&t), 0);
        for p in s {
            assert_eq!(p.f1, 1.0);
        }
    }

    #[test]
    fn lcs_example_from_the_rouge_paper() {
        // Lin (2004), section 3.2: reference "w1 w2 w3 w4 w5", candidates "w1 w2 w6 w7 w8"
        // and "w1 w3 w8 w9 w5": union LCS = "w1 w2 w3 w5", recall 4/5.
        let model = b"w1 w2 w3 w4 w5\n".to_vec();
        let peer = b"w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5\n";
        let s = rouge155(peer, &[model], 0);
        assert_eq!(s[4].recall, 0.8);
        assert_eq!(s[4].precision, 0.4);
    }

    #[test]
    fn rouge_score_readme_example() {
        // rouge-score's README: score(target 'The quick brown fox jumps over the lazy dog',
        // prediction 'The quick brown dog jumps on the log.') gives rouge1 P 0.75 R 0.66667
        // F 0.70588 and rougeL P 0.625 R 0.55556 F 0.58824.
        let s = rouge_score(
            "The quick brown dog jumps on the log.",
            &["The quick brown fox jumps over the lazy dog".to_string()],
        );
        let close = |a: f64, b: f64| (a - b).abs() < 1e-4;
        assert!(
            close(s[0].precision, 0.75) && close(s[0].recall, 0.66667) && close(s[0].f1, 0.70588)
        );
        assert!(
            close(s[3].precision, 0.625) && close(s[3].recall, 0.55556) && close(s[3].f1, 0.58824)
        );
    }

    #[test]
    fn skip_bigrams_leave_out_the_last_unigram() {
        let (g, n) = skip_bigrams(&[1, 2, 3], 4);
        // unigrams 1, 2 and bigrams 1-2, 1-3, 2-3.
        assert_eq!(n, 5);
        assert!(!g.contains_key(&vec![3]));
    }
}

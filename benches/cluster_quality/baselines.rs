//! The baselines people reach for: TF-IDF vectors (content stems, IDF over the set, L2
//! normalized) clustered by average-link agglomerative clustering cut at a similarity
//! threshold, or by single-pass online clustering (join the most similar centroid at or
//! above a threshold, else start a cluster).

use std::collections::HashMap;
use storyline::doc::Doc;

pub type Vector = Vec<(u32, f32)>;

/// TF-IDF vectors of the documents' content stems (headline included).
pub fn tfidf(docs: &[&Doc]) -> Vec<Vector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let tfs: Vec<HashMap<u32, f32>> = docs
        .iter()
        .map(|d| {
            let mut tf = HashMap::new();
            for w in d.words.iter().flatten().chain(&d.title_words) {
                if w.stop || !w.lower.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let n = ids.len() as u32;
                let id = *ids.entry(w.stem.to_string()).or_insert(n);
                *tf.entry(id).or_insert(0.0) += 1.0;
            }
            tf
        })
        .collect();
    let mut df = vec![0f32; ids.len()];
    for tf in &tfs {
        for &k in tf.keys() {
            df[k as usize] += 1.0;
        }
    }
    let n = docs.len() as f32;
    tfs.into_iter()
        .map(|tf| {
            let mut v: Vector = tf
                .into_iter()
                .map(|(k, c)| (k, c * ((1.0 + n) / (1.0 + df[k as usize])).ln() + c))
                .collect();
            // Sorted before summing, so the norm (and every score) is the same from run to
            // run whatever order the hash map hands the terms out in.
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            v.iter_mut()
                .for_each(|x| x.1 /= norm.max(f32::MIN_POSITIVE));
            v
        })
        .collect()
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    storyline::story::cosine(a, b)
}

/// The merges of average-link (UPGMA) clustering on cosine similarity, by the
/// nearest-neighbour chain algorithm (O(n²)): `(a, b, similarity)`, most similar first.
pub fn average_link(vs: &[Vector]) -> Vec<(usize, usize, f32)> {
    let n = vs.len();
    let mut sim = vec![0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = dot(&vs[i], &vs[j]);
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    let mut size = vec![1f32; n];
    let mut active = vec![true; n];
    let mut alive = n;
    let mut merges = Vec::new();
    let mut chain: Vec<usize> = Vec::new();
    while alive > 1 {
        if chain.is_empty() {
            chain.push((0..n).find(|&i| active[i]).unwrap());
        }
        let a = *chain.last().unwrap();
        let prev = if chain.len() >= 2 {
            Some(chain[chain.len() - 2])
        } else {
            None
        };
        let mut best = prev.unwrap_or(usize::MAX);
        let mut best_s = prev.map_or(f32::NEG_INFINITY, |p| sim[a * n + p]);
        for x in 0..n {
            if active[x] && x != a && sim[a * n + x] > best_s {
                best_s = sim[a * n + x];
                best = x;
            }
        }
        if Some(best) == prev {
            chain.pop();
            chain.pop();
            let (keep, gone) = (a.min(best), a.max(best));
            merges.push((keep, gone, best_s));
            let (sa, sb) = (size[keep], size[gone]);
            for x in 0..n {
                if active[x] && x != keep && x != gone {
                    let s = (sa * sim[keep * n + x] + sb * sim[gone * n + x]) / (sa + sb);
                    sim[keep * n + x] = s;
                    sim[x * n + keep] = s;
                }
            }
            size[keep] += size[gone];
            active[gone] = false;
            alive -= 1;
        } else {
            chain.push(best);
        }
    }
    merges.sort_by(|a, b| b.2.total_cmp(&a.2));
    merges
}

/// Flat clusters: every merge at or above `threshold` applied.
pub fn cut(n: usize, merges: &[(usize, usize, f32)], threshold: f32) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(a, b, s) in merges {
        if s < threshold {
            break;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    (0..n).map(|i| find(&mut parent, i)).collect()
}

/// Single-pass clustering in the given order: each vector joins the cluster whose centroid
/// is most similar (exhaustive comparison) when at or above `threshold`.
pub fn single_pass(vs: &[Vector], threshold: f32) -> Vec<usize> {
    let mut centroids: Vec<HashMap<u32, f32>> = Vec::new();
    let mut norms: Vec<f32> = Vec::new();
    let mut out = Vec::with_capacity(vs.len());
    for v in vs {
        let mut best: Option<(f32, usize)> = None;
        for (c, cen) in centroids.iter().enumerate() {
            let s: f32 = v
                .iter()
                .map(|(k, x)| x * cen.get(k).copied().unwrap_or(0.0))
                .sum::<f32>()
                / norms[c];
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, c));
            }
        }
        let c = match best {
            Some((s, c)) if s >= threshold => c,
            _ => {
                centroids.push(HashMap::new());
                norms.push(1.0);
                centroids.len() - 1
            }
        };
        for (k, x) in v {
            *centroids[c].entry(*k).or_insert(0.0) += x;
        }
        norms[c] = centroids[c].values().map(|x| x * x).sum::<f32>().sqrt();
        out.push(c);
    }
    out
}

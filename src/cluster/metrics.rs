//! Scores of a clustering against gold labels: B-cubed precision, recall and F1 (Bagga &
//! Baldwin 1998, per item), normalized mutual information (arithmetic-mean normalization,
//! as scikit-learn's default) and the adjusted Rand index (Hubert & Arabie 1985).
//!
//! They live in the library so the benches and the tests score the same way.

use serde::Serialize;
use std::collections::HashMap;

/// The scores of one clustering.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// B-cubed precision.
    pub precision: f64,
    /// B-cubed recall.
    pub recall: f64,
    /// B-cubed F1.
    pub f1: f64,
    /// Normalized mutual information.
    pub nmi: f64,
    /// Adjusted Rand index.
    pub ari: f64,
    /// Number of clusters found.
    pub clusters: usize,
}

type Counts<'a, A, B> = (
    HashMap<(&'a A, &'a B), f64>,
    HashMap<&'a A, f64>,
    HashMap<&'a B, f64>,
);

fn contingency<'a, A: Eq + std::hash::Hash, B: Eq + std::hash::Hash>(
    gold: &'a [A],
    found: &'a [B],
) -> Counts<'a, A, B> {
    let mut both = HashMap::new();
    let mut g = HashMap::new();
    let mut f = HashMap::new();
    for (a, b) in gold.iter().zip(found) {
        *both.entry((a, b)).or_insert(0.0) += 1.0;
        *g.entry(a).or_insert(0.0) += 1.0;
        *f.entry(b).or_insert(0.0) += 1.0;
    }
    (both, g, f)
}

/// Scores `found` (a cluster label per item) against `gold` (a class label per item).
pub fn score<A, B>(gold: &[A], found: &[B]) -> Scores
where
    A: Eq + std::hash::Hash,
    B: Eq + std::hash::Hash,
{
    assert_eq!(gold.len(), found.len());
    let n = gold.len() as f64;
    let (both, g, f) = contingency(gold, found);
    // B-cubed: for each item, the share of its cluster that shares its class (precision)
    // and of its class that shares its cluster (recall); summed per cell.
    let mut p = 0.0;
    let mut r = 0.0;
    for (&(a, b), &c) in &both {
        p += c * c / f[b];
        r += c * c / g[a];
    }
    let (precision, recall) = if n > 0.0 { (p / n, r / n) } else { (1.0, 1.0) };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    // NMI.
    let h = |m: &dyn Fn() -> Vec<f64>| -> f64 {
        -m().iter().map(|&c| (c / n) * (c / n).ln()).sum::<f64>()
    };
    let hg = h(&|| g.values().copied().collect());
    let hf = h(&|| f.values().copied().collect());
    let mi: f64 = both
        .iter()
        .map(|(&(a, b), &c)| (c / n) * ((n * c) / (g[a] * f[b])).ln())
        .sum();
    let nmi = if hg + hf > 0.0 {
        (2.0 * mi / (hg + hf)).clamp(0.0, 1.0)
    } else {
        1.0
    };
    // ARI.
    let c2 = |x: f64| x * (x - 1.0) / 2.0;
    let sum_ij: f64 = both.values().map(|&c| c2(c)).sum();
    let sum_a: f64 = g.values().map(|&c| c2(c)).sum();
    let sum_b: f64 = f.values().map(|&c| c2(c)).sum();
    let expected = sum_a * sum_b / c2(n).max(f64::MIN_POSITIVE);
    let max = (sum_a + sum_b) / 2.0;
    let ari = if (max - expected).abs() < 1e-12 {
        1.0
    } else {
        (sum_ij - expected) / (max - expected)
    };
    Scores {
        precision,
        recall,
        f1,
        nmi,
        ari,
        clusters: f.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_all_in_one() {
        let gold = [0, 0, 1, 1];
        let s = score(&gold, &[5, 5, 7, 7]);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.nmi, s.ari),
            (1.0, 1.0, 1.0, 1.0, 1.0)
        );
        let s = score(&gold, &[0, 0, 0, 0]);
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
        assert_eq!(s.nmi, 0.0);
        assert_eq!(s.ari, 0.0);
    }

    #[test]
    fn values_worked_by_hand() {
        // Gold {a,b,c} {d,e}; found {a,b} {c,d,e}.
        // B-cubed precision: a,b: 1; c: 1/3; d,e: 2/3 → (2 + 1/3 + 4/3)/5 = 11/15.
        // Recall: a,b: 2/3; c: 1/3; d,e: 1 → (4/3 + 1/3 + 2)/5 = 11/15.
        let s = score(&[0, 0, 0, 1, 1], &[0, 0, 1, 1, 1]);
        assert!((s.precision - 11.0 / 15.0).abs() < 1e-12);
        assert!((s.recall - 11.0 / 15.0).abs() < 1e-12);
        // ARI: sum_ij = C(2,2)+C(1,2)+C(2,2) = 2; rows 3+1 = 4; cols 1+3 = 4; C(5,2) = 10;
        // expected 1.6; max 4 → (2-1.6)/(4-1.6) = 1/6. (scikit-learn gives 0.1666...)
        assert!((s.ari - 1.0 / 6.0).abs() < 1e-12, "{}", s.ari);
        // NMI: H(gold) = H(found) = -(.6 ln .6 + .4 ln .4) = 0.67301;
        // MI = .4 ln(10/6) + .2 ln(5/9) + .4 ln(10/6) = 0.29110 → 0.29110 / 0.67301 = 0.43254.
        assert!((s.nmi - 0.43254).abs() < 1e-4, "{}", s.nmi);
    }
}

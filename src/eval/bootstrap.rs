//! Dataset averages with bootstrap confidence intervals, as ROUGE-1.5.5 computes them.
//!
//! ROUGE-1.5.5 does not print the plain mean: it resamples the per-summary scores
//! `-r` times (resample `i` seeded with `srand(i)`, Perl's own `drand48`), prints the mean
//! of the resampled means, and reads the confidence interval off the sorted resamples with
//! a linear interpolation. Reproducing the generator makes the printed figures identical,
//! not merely close.

use super::rouge::{round5, Prf};
use serde::Serialize;

/// Perl's `rand` since 5.20: the 48-bit linear congruential generator of `drand48`, seeded
/// the way Perl's `srand` seeds it.
#[derive(Debug, Clone)]
pub struct PerlRand(u64);

impl PerlRand {
    /// `srand(seed)`.
    pub fn new(seed: u32) -> Self {
        PerlRand(0x330E + ((seed as u64) << 16))
    }

    /// `rand()`: uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = (self.0.wrapping_mul(0x5_DEEC_E66D).wrapping_add(0xB)) & ((1u64 << 48) - 1);
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// An average with its confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Interval {
    /// The average (ROUGE-1.5.5: the mean of the resampled means).
    pub mean: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Averages of recall, precision and F with their intervals.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Average {
    /// Recall.
    pub recall: Interval,
    /// Precision.
    pub precision: Interval,
    /// F-measure.
    pub f1: Interval,
}

/// `computeAverages` for per-summary averaging (`-t 0`): `scores` in the order of the Perl's
/// sorted instance ids, `resamples` (`-r`) at `confidence` percent (`-c`).
pub fn average(scores: &[Prf], resamples: usize, confidence: f64) -> Average {
    let n = scores.len();
    if n == 0 || resamples == 0 {
        return Average::default();
    }
    let mut samples: [Vec<f64>; 3] = [
        Vec::with_capacity(resamples),
        Vec::with_capacity(resamples),
        Vec::with_capacity(resamples),
    ];
    for i in 0..resamples {
        let mut rng = PerlRand::new(i as u32);
        let mut sum = [0.0f64; 3];
        for _ in 0..n {
            let k = (rng.next_f64() * n as f64) as usize;
            sum[0] += scores[k].recall;
            sum[1] += scores[k].precision;
            sum[2] += scores[k].f1;
        }
        for (s, v) in samples.iter_mut().zip(sum) {
            s.push(v / n as f64);
        }
    }
    let delta = resamples as f64 * ((100.0 - confidence) / 2.0) / 100.0;
    let ci_ua = (resamples as f64 - delta - 1.0) as usize;
    let ci_la = delta as usize;
    let ratio = resamples as f64 - delta - 1.0 - ci_ua as f64;
    let at = |s: &[f64], i: usize| s.get(i).copied().unwrap_or(s[s.len() - 1]);
    let interval = |s: &mut Vec<f64>| {
        s.sort_by(f64::total_cmp);
        let mean = round5(s.iter().sum::<f64>() / s.len() as f64);
        let low = round5(at(s, ci_la) + (at(s, ci_la + 1) - at(s, ci_la)) * ratio);
        let high = round5(at(s, ci_ua) + (at(s, ci_ua + 1) - at(s, ci_ua)) * ratio);
        Interval { mean, low, high }
    };
    let [mut r, mut p, mut f] = samples;
    Average {
        recall: interval(&mut r),
        precision: interval(&mut p),
        f1: interval(&mut f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_rand_sequence() {
        // perl -e 'srand(0); print rand(), " ", rand(), "\n"; srand(5); print rand(), "\n"'
        // (perl 5.36) prints 0.17082803610629 0.749901980484964 and 0.524839579434232.
        let mut r = PerlRand::new(0);
        assert!((r.next_f64() - 0.17082803610629).abs() < 1e-13);
        assert!((r.next_f64() - 0.749901980484964).abs() < 1e-13);
        let mut r = PerlRand::new(5);
        assert!((r.next_f64() - 0.524839579434232).abs() < 1e-13);
    }

    #[test]
    fn constant_scores_have_a_point_interval() {
        let s = vec![
            Prf {
                recall: 0.5,
                precision: 0.25,
                f1: 0.33333
            };
            10
        ];
        let a = average(&s, 1000, 95.0);
        assert_eq!(a.recall.mean, 0.5);
        assert_eq!(a.recall.low, 0.5);
        assert_eq!(a.f1.high, 0.33333);
    }
}

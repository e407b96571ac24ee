//! What an evaluation run gives, and how it is printed.

use super::bootstrap::Average;
use super::rouge::Prf;
use super::Scorer;
use serde::Serialize;
use std::fmt::Write;

/// The scores of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterResult {
    /// Cluster (folder) name.
    pub cluster: String,
    /// Whitespace-separated words of the summary (before any word limit).
    pub words: usize,
    /// Seconds spent reading and summarizing the cluster (absent when only scoring).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds: Option<f64>,
    /// One score per measure, in the order of [`Report::metrics`].
    pub scores: Vec<Prf>,
    /// Inputs of the cluster that could not be used.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

/// A dataset's evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The dataset folder.
    pub dataset: String,
    /// The system scored: `storyline`, or the name of a folder of summaries.
    pub system: String,
    /// The scoring convention.
    pub scorer: Scorer,
    /// Word limit applied to summaries and references (ROUGE-1.5.5 `-l`; 0: none).
    pub words: usize,
    /// Clusters in the dataset (some may lack a summary when scoring a folder).
    pub clusters_total: usize,
    /// The measures, in order.
    pub metrics: Vec<&'static str>,
    /// Dataset averages with confidence intervals, one per measure.
    pub averages: Vec<Average>,
    /// Per-cluster scores.
    pub clusters: Vec<ClusterResult>,
}

impl Report {
    /// Average seconds per cluster spent summarizing, when measured.
    pub fn seconds_per_cluster(&self) -> Option<f64> {
        let s: Vec<f64> = self.clusters.iter().filter_map(|c| c.seconds).collect();
        (!s.is_empty()).then(|| s.iter().sum::<f64>() / s.len() as f64)
    }

    /// The averages as a table: one row per measure, recall, precision and F (x100) each
    /// with its confidence interval.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {} of {} clusters scored, {} ({}), word limit {}",
            self.system,
            self.clusters.len(),
            self.clusters_total,
            self.dataset,
            self.scorer.name(),
            if self.words == 0 {
                "none".to_string()
            } else {
                self.words.to_string()
            },
        );
        let _ = writeln!(
            out,
            "{:<10} {:>24} {:>24} {:>24}",
            "measure", "recall", "precision", "F1"
        );
        let cell = |i: &super::bootstrap::Interval| {
            format!(
                "{:.2} ({:.2}-{:.2})",
                i.mean * 100.0,
                i.low * 100.0,
                i.high * 100.0
            )
        };
        for (m, a) in self.metrics.iter().zip(&self.averages) {
            let _ = writeln!(
                out,
                "{:<10} {:>24} {:>24} {:>24}",
                m,
                cell(&a.recall),
                cell(&a.precision),
                cell(&a.f1)
            );
        }
        if let Some(s) = self.seconds_per_cluster() {
            let _ = writeln!(out, "summarizing: {:.3} s per cluster (mean)", s);
        }
        out
    }

    /// The report as JSON (averages and per-cluster scores).
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes") + "\n"
    }
}

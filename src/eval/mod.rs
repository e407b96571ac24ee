//! Summary quality, measured the way the field measures it.
//!
//! Published summarization results are ROUGE-1.5.5 figures (a Perl script from 2004) with
//! the DUC settings `-n 4 -m -a -l N -x -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u`. Small
//! differences in tokenization, stemming or averaging move scores by tenths of a point,
//! which is the size of the differences between systems; so [`rouge`] reproduces the script
//! step by step (its Porter stemmer in [`porter`], its byte-level tokenization and word
//! limit in [`tokenize`], its bootstrap in [`bootstrap`]) and is checked against it on a
//! real dataset (`tests/rouge155.rs`). Google's rouge-score convention is offered too, as
//! many recent papers report it.
//!
//! [`dataset`] runs the `summarize` pipeline over a folder of clusters, or scores a folder
//! of summaries that other systems wrote, so that every system goes through one scorer.

pub mod bootstrap;
pub mod dataset;
pub mod porter;
pub mod report;
pub mod rouge;
pub mod tokenize;

pub use dataset::{clusters, evaluate, score_dir, Cluster};
pub use report::{ClusterResult, Report};

use serde::{Deserialize, Serialize};

/// Which scoring convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scorer {
    /// ROUGE-1.5.5 with the DUC settings, R-SU4, R-L; recall, precision and F
    /// averaged over references; summaries and references cut to the word limit.
    #[default]
    Rouge155,
    /// Google's rouge-score (`use_stemmer=True`), R-L; best reference by F1;
    /// no word limit.
    RougeScore,
}

impl Scorer {
    /// The measures this scorer reports, in order.
    pub fn metrics(self) -> &'static [&'static str] {
        match self {
            Scorer::Rouge155 => &rouge::ROUGE155_METRICS,
            Scorer::RougeScore => &rouge::ROUGE_SCORE_METRICS,
        }
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Scorer::Rouge155 => "rouge155",
            Scorer::RougeScore => "rouge-score",
        }
    }
}

/// How summaries are scored.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOptions {
    /// The convention.
    pub scorer: Scorer,
    /// Word limit applied before scoring (ROUGE-1.5.5 `-l`; 0: none). Ignored by rouge-score.
    pub words: usize,
    /// Bootstrap resamples (`-r`).
    pub resamples: usize,
    /// Confidence level in percent (`-c`).
    pub confidence: f64,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            scorer: Scorer::Rouge155,
            words: 100,
            resamples: 1000,
            confidence: 95.0,
        }
    }
}

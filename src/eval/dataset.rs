//! A summarization dataset on disk and the runs over it.
//!
//! The layout is `<cluster>/docs/*.txt` (the articles) and `<cluster>/refs/*.txt` (human
//! summaries). Documents are read in natural order (`doc2` before `doc10`), so that "first
//! article" means what the dataset's builder meant; clusters are independent and run in
//! parallel.

use super::report::{ClusterResult, Report};
use super::rouge::{self, Prf};
use super::{bootstrap, EvalOptions, Scorer};
use crate::error::{Error, Result};
use crate::options::Options;
use crate::story::Story;
use crate::summarize::{summarize, Summary};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One cluster of the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Folder name.
    pub name: String,
    /// Its articles, in natural order.
    pub docs: Vec<PathBuf>,
    /// Its reference summaries, sorted by name.
    pub refs: Vec<PathBuf>,
}

/// Compares names with digit runs as numbers: `doc2` < `doc10`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn parts(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let b = s.as_bytes();
        for i in 1..=b.len() {
            if i == b.len() || b[i].is_ascii_digit() != b[start].is_ascii_digit() {
                out.push((b[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let o = match (x.0, y.0) {
            (true, true) => {
                let (tx, ty) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
                tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty))
            }
            _ => x.1.cmp(y.1),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| a.cmp(b))
}

fn txt_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut out: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file())
        .collect();
    out.sort_by(|a, b| natural_cmp(&a.to_string_lossy(), &b.to_string_lossy()));
    Ok(out)
}

/// The clusters of a dataset folder: every sub-folder with a `refs/` folder, sorted the way
/// ROUGE-1.5.5 orders its evaluation ids (which fixes its bootstrap samples).
pub fn clusters(dataset: &Path) -> Result<Vec<Cluster>> {
    let rd = std::fs::read_dir(dataset).map_err(|source| Error::Io {
        path: dataset.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for e in rd.filter_map(|e| e.ok()) {
        let dir = e.path();
        if !dir.join("refs").is_dir() {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        let docs = if dir.join("docs").is_dir() {
            txt_files(&dir.join("docs"))?
        } else {
            Vec::new()
        };
        let mut refs = txt_files(&dir.join("refs"))?;
        refs.sort();
        if refs.is_empty() {
            continue;
        }
        out.push(Cluster { name, docs, refs });
    }
    out.sort_by(|a, b| format!("{}.S", a.name).cmp(&format!("{}.S", b.name)));
    if out.is_empty() {
        return Err(Error::bad_file(
            dataset,
            "no cluster here (expected <cluster>/docs/*.txt and <cluster>/refs/*.txt)",
        ));
    }
    Ok(out)
}

/// A summary as evaluation files hold it: its sentences, one per line, whitespace collapsed.
pub fn summary_lines(story: &Story, summary: &Summary) -> String {
    let mut out = String::new();
    for s in &summary.sentences {
        let text = s.span.of(&story.docs[s.doc].article.text);
        out.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push('\n');
    }
    out
}

/// Summarizes one cluster with the `summarize` pipeline; the summary lines and the errors.
pub fn summarize_cluster(c: &Cluster, opts: &Options) -> (String, Vec<String>) {
    let loaded = crate::ingest::load(&c.docs, opts);
    let errors = loaded.errors.iter().map(|e| e.to_string()).collect();
    if loaded.articles.is_empty() {
        return (String::new(), errors);
    }
    let story = Story::from_articles(loaded.articles);
    let summary = summarize(&story, opts);
    (summary_lines(&story, &summary), errors)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Scores one summary (the bytes of its file) against a cluster's references.
pub fn score(summary: &[u8], c: &Cluster, eval: &EvalOptions) -> Result<Vec<Prf>> {
    let refs = c.refs.iter().map(|r| read(r)).collect::<Result<Vec<_>>>()?;
    Ok(match eval.scorer {
        Scorer::Rouge155 => rouge::rouge155(summary, &refs, eval.words).to_vec(),
        Scorer::RougeScore => {
            let refs: Vec<String> = refs
                .iter()
                .map(|r| String::from_utf8_lossy(r).into_owned())
                .collect();
            rouge::rouge_score(&String::from_utf8_lossy(summary), &refs).to_vec()
        }
    })
}

fn finish(
    system: String,
    dataset: &Path,
    total: usize,
    results: Vec<ClusterResult>,
    eval: &EvalOptions,
) -> Report {
    let metrics = eval.scorer.metrics();
    let averages = (0..metrics.len())
        .map(|k| {
            let s: Vec<Prf> = results.iter().map(|r| r.scores[k]).collect();
            bootstrap::average(&s, eval.resamples, eval.confidence)
        })
        .collect();
    Report {
        dataset: dataset.display().to_string(),
        system,
        scorer: eval.scorer,
        words: eval.words,
        clusters_total: total,
        metrics: metrics.to_vec(),
        averages,
        clusters: results,
    }
}

/// Summarizes every cluster (in parallel) with `opts`, writes `out/<cluster>.txt` when `out`
/// is given, and scores each summary. `progress` is called once per finished cluster.
pub fn evaluate(
    dataset: &Path,
    opts: &Options,
    eval: &EvalOptions,
    out: Option<&Path>,
    progress: &(dyn Fn() + Sync),
) -> Result<Report> {
    opts.validate()?;
    let cs = clusters(dataset)?;
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let results = cs
        .par_iter()
        .map(|c| {
            let t = Instant::now();
            let (text, errors) = summarize_cluster(c, opts);
            let seconds = t.elapsed().as_secs_f64();
            if let Some(dir) = out {
                let path = dir.join(format!("{}.txt", c.name));
                std::fs::write(&path, &text).map_err(|source| Error::Io { path, source })?;
            }
            let scores = score(text.as_bytes(), c, eval)?;
            progress();
            Ok(ClusterResult {
                cluster: c.name.clone(),
                words: crate::words::count_words(&text),
                seconds: Some(seconds),
                scores,
                errors,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(finish("storyline".into(), dataset, cs.len(), results, eval))
}

/// Scores the summaries in `system` (`<cluster>.txt`, one sentence per line) against the
/// dataset's references; clusters without a summary file are left out, as ROUGE-1.5.5's
/// driver does.
pub fn score_dir(
    dataset: &Path,
    system: &Path,
    eval: &EvalOptions,
    progress: &(dyn Fn() + Sync),
) -> Result<Report> {
    let cs = clusters(dataset)?;
    let results = cs
        .par_iter()
        .filter_map(|c| {
            let path = system.join(format!("{}.txt", c.name));
            if !path.is_file() {
                progress();
                return None;
            }
            let r = read(&path).and_then(|bytes| {
                let scores = score(&bytes, c, eval)?;
                Ok(ClusterResult {
                    cluster: c.name.clone(),
                    words: crate::words::count_words(&String::from_utf8_lossy(&bytes)),
                    seconds: None,
                    scores,
                    errors: Vec::new(),
                })
            });
            progress();
            Some(r)
        })
        .collect::<Result<Vec<_>>>()?;
    let name = system
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| system.display().to_string());
    Ok(finish(name, dataset, cs.len(), results, eval))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut v = vec!["doc10.txt", "doc2.txt", "doc1.txt", "a.txt", "doc02.txt"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            ["a.txt", "doc1.txt", "doc02.txt", "doc2.txt", "doc10.txt"]
        );
    }
}

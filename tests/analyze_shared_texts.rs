//! The analysis stages (entities, dates, quotes, claims) run over every news text in `../shared/data` (ECB+ articles,
//! Multi-News documents, UCI headlines, the extraction benchmark's gold texts) without a
//! panic: rule code meets text no fixture holds (a round-13 article once crashed the
//! nickname rule). Needs `../shared` beside the repository; skips when it is absent.

use std::path::{Path, PathBuf};
use storyline::analyze::{analyze, AnalyzeOptions};
use storyline::{Article, Story};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// Every `.txt` file under `dir`, sorted.
fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn analysis_never_panics_on_the_shared_news_texts() {
    let data = shared();
    if !data.exists() {
        eprintln!("skipped: {} is absent", data.display());
        return;
    }
    let mut docs: Vec<(String, String)> = Vec::new();
    for sub in ["ecbplus/docs", "multinews-200", "article-extraction-dev"] {
        for p in texts(&data.join(sub)) {
            if let Ok(t) = std::fs::read_to_string(&p) {
                docs.push((p.display().to_string(), t));
            }
        }
    }
    let csv = data.join("uci-news-headlines/uci_news_aggregator_first6366rows.csv");
    if let Ok(t) = std::fs::read_to_string(&csv) {
        // The title is the second field; a quoted one may hold commas. Good enough to feed
        // the tagger headline-like lines: the whole row minus its id.
        for (i, line) in t.lines().enumerate().skip(1) {
            let row = line.split_once(',').map_or(line, |x| x.1);
            docs.push((format!("{}:{}", csv.display(), i + 1), row.to_string()));
        }
    }
    assert!(
        docs.len() > 1000,
        "expected the shared texts, found {}",
        docs.len()
    );
    let mut failed = Vec::new();
    for (name, text) in &docs {
        let story = Story::from_articles(vec![Article::from_text(name.clone(), text.clone())]);
        if std::panic::catch_unwind(|| analyze(&story, &AnalyzeOptions::default())).is_err() {
            failed.push(name.clone());
        }
    }
    assert!(failed.is_empty(), "analysis panicked on {failed:?}");
}

//! Speed of the time-expression tagger on real news: every sentence of the five seed
//! articles and of the 570 Multi-News articles in `../shared` (as `analyze` will call it),
//! and the same articles tagged whole.
//!
//! `cargo bench --bench time` measures; under `cargo test` (no `--bench` argument) it only
//! runs one pass over the seeds only, so that the bench stays compiled and working.

use std::path::Path;
use std::time::Instant;
use storyline::doc::Doc;
use storyline::time::{article_reference, tag};
use storyline::{Options, Span};

fn main() {
    let measure = std::env::args().any(|a| a == "--bench");
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    if !shared.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let mut paths = vec![shared.join("seeds")];
    let mut clusters: Vec<_> = std::fs::read_dir(shared.join("data/multinews-200"))
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.path().join("docs"))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    clusters.sort();
    if measure {
        paths.extend(clusters);
    }
    let loaded = storyline::ingest::load(&paths, &Options::default());
    let docs: Vec<Doc> = loaded.articles.into_iter().map(Doc::new).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.article.text.len()).sum();
    let rounds = if measure { 20 } else { 1 };

    let mut mentions = 0;
    let t = Instant::now();
    for _ in 0..rounds {
        mentions = 0;
        for d in &docs {
            let text = &d.article.text;
            let reference = article_reference(&d.article);
            for s in &d.sentences {
                mentions += tag(text, s.span, reference).len();
            }
        }
    }
    let per_sentence = t.elapsed().as_secs_f64() / rounds as f64;

    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            let text = &d.article.text;
            std::hint::black_box(tag(text, Span::new(0, text.len()), d.article.published));
        }
    }
    let whole = t.elapsed().as_secs_f64() / rounds as f64;

    println!(
        "{} articles, {} sentences, {:.2} MB, {} mentions",
        docs.len(),
        sentences,
        bytes as f64 / 1e6,
        mentions
    );
    println!(
        "per sentence: {:.1} ms in all, {:.2} µs per sentence, {:.1} µs per article, {:.1} MB/s",
        per_sentence * 1e3,
        per_sentence * 1e6 / sentences as f64,
        per_sentence * 1e6 / docs.len() as f64,
        bytes as f64 / 1e6 / per_sentence
    );
    println!(
        "whole articles: {:.1} ms in all, {:.1} µs per article, {:.1} MB/s",
        whole * 1e3,
        whole * 1e6 / docs.len() as f64,
        bytes as f64 / 1e6 / whole
    );
}

//! In-process cost of each summarize stage: preparing articles (clean, split, tokenize),
//! merging the story (vocabulary, TF-IDF, copies), and summarizing, on the bundled seeds
//! and, when `../shared` is there, on the first 100 Multi-News documents.
//! `cargo bench --bench summarize`; the end-to-end process figures are in bench/summarize.sh.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::PathBuf;
use storyline::doc::Doc;
use storyline::{ingest, summarize, Article, Options, Story};

fn load(paths: &[PathBuf]) -> Vec<Article> {
    ingest::load(paths, &Options::default()).articles
}

fn hundred() -> Option<Vec<PathBuf>> {
    let mn = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/multinews-200");
    // Cluster folders only: the data folder also holds a README and the original JSON Lines.
    let mut clusters: Vec<PathBuf> = std::fs::read_dir(&mn)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("docs").is_dir())
        .collect();
    clusters.sort();
    let mut docs = Vec::new();
    for c in clusters {
        let mut ds: Vec<PathBuf> = std::fs::read_dir(c.join("docs"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        ds.sort_by_key(|p| {
            let s = p.file_stem().unwrap().to_string_lossy().to_string();
            s.trim_start_matches("doc").parse::<u32>().unwrap_or(0)
        });
        docs.extend(ds);
    }
    docs.truncate(100);
    Some(docs)
}

fn stages(c: &mut Criterion, name: &str, articles: Vec<Article>) {
    let opts = Options::default();
    let mut g = c.benchmark_group(name);
    g.sample_size(20);
    g.bench_function("prepare", |b| {
        b.iter(|| articles.iter().cloned().map(Doc::new).collect::<Vec<_>>())
    });
    let docs: Vec<Doc> = articles.iter().cloned().map(Doc::new).collect();
    g.bench_function("merge", |b| {
        b.iter(|| Story::from_docs(black_box(docs.clone())))
    });
    let story = Story::from_docs(docs);
    g.bench_function("summarize", |b| {
        b.iter(|| summarize(black_box(&story), &opts))
    });
    g.bench_function("all", |b| {
        b.iter(|| summarize(&Story::from_articles(black_box(articles.clone())), &opts))
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/geneva-2022");
    stages(c, "seeds", load(&[seeds]));
    match hundred() {
        Some(paths) => stages(c, "hundred", load(&paths)),
        None => eprintln!("skipped the 100-article story: ../shared is absent"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

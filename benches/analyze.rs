//! What `analyze` adds to a run: on the bundled seed story (examples/geneva-2022) and, when
//! `../shared` is there, on one 9-article Multi-News cluster: the summarize pipeline from
//! articles, the same plus the analysis, the analysis alone on a prepared story, and each
//! analysis stage. `cargo bench --bench analyze`; process figures: bench/analyze.sh.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::PathBuf;
use storyline::analyze::{analyze, claims, entities::Entities, quotes, AnalyzeOptions};
use storyline::{ingest, summarize, Article, Options, Story};

fn load(path: PathBuf) -> Vec<Article> {
    ingest::load(&[path], &Options::default()).articles
}

fn stages(c: &mut Criterion, name: &str, articles: Vec<Article>) {
    let opts = Options::default();
    let aopts = AnalyzeOptions::default();
    let mut g = c.benchmark_group(name);
    g.sample_size(30);
    g.bench_function("summarize (from articles)", |b| {
        b.iter(|| summarize(&Story::from_articles(black_box(articles.clone())), &opts))
    });
    g.bench_function("summarize + analyze (from articles)", |b| {
        b.iter(|| {
            let story = Story::from_articles(black_box(articles.clone()));
            let summary = summarize(&story, &opts);
            (analyze(&story, &aopts), summary)
        })
    });
    let story = Story::from_articles(articles.clone());
    g.bench_function("analysis alone", |b| {
        b.iter(|| analyze(black_box(&story), &aopts))
    });
    g.bench_function("entities", |b| {
        b.iter(|| Entities::build(black_box(&story)))
    });
    let ents = Entities::build(&story);
    g.bench_function("quotes", |b| {
        b.iter(|| quotes::find(black_box(&story), &ents))
    });
    let qs = quotes::find(&story, &ents);
    g.bench_function("claims", |b| {
        b.iter(|| claims::find(black_box(&story), &ents, &qs, &aopts.claims))
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    stages(c, "analyze seeds", load(root.join("examples/geneva-2022")));
    let cluster = root.join("../shared/data/multinews-200/088_6db3807942c3/docs");
    if cluster.is_dir() {
        stages(c, "analyze multinews-088", load(cluster));
    } else {
        eprintln!("skipped the Multi-News cluster: ../shared is absent");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

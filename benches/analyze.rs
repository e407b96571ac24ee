//! What `analyze` adds to a run on the seed story (`../shared/seeds`): the summarize pipeline
//! alone (read, prepare, merge, summarize), the same plus the analysis, and the analysis alone
//! on a prepared story. Run with `cargo bench --bench analyze`; skips when ../shared is absent.

use std::path::Path;
use storyline::analyze::{analyze, AnalyzeOptions};
use storyline::Options;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

fn main() {
    if !Path::new(SEEDS).is_dir() {
        eprintln!("skipped: {SEEDS} is absent");
        return;
    }
    divan::main();
}

#[divan::bench]
fn summarize_seeds() -> storyline::Run {
    storyline::summarize_paths(&[SEEDS], &Options::default()).unwrap()
}

#[divan::bench]
fn summarize_and_analyze_seeds() -> storyline::analyze::AnalyzeRun {
    storyline::analyze::analyze_paths(&[SEEDS], &Options::default()).unwrap()
}

#[divan::bench]
fn analysis_only_seeds(bencher: divan::Bencher) {
    let run = storyline::summarize_paths(&[SEEDS], &Options::default()).unwrap();
    let opts = AnalyzeOptions::default();
    bencher.bench(|| analyze(divan::black_box(&run.story), &opts));
}

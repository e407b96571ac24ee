//! In-process time of one whole summarize call, the figure to set beside sumy LexRank's
//! summarize call (bench/summarize_speed.py reads what this prints).
//!
//! One call is everything `storyline summarize DIR` does between process start-up and exit:
//! read the files, clean, split sentences, words and stems, merge the story, summarize,
//! render the text output, and free it all. Before each call the stem caches are emptied, so
//! no call profits from the words an earlier one stemmed; what stays warm is only what any
//! long-lived process keeps (code in cache, tables built once such as the sentence splitter's
//! regular expressions). The first call is not timed.
//!
//! Wall time is what the comparison uses; on a loaded machine it also holds waits, so the mean
//! CPU time of a call (all threads, from /proc/self/task/*/schedstat) is printed beside it.
//!
//! `cargo bench --bench summarize_call -- [--runs N] [--words N] DIR...` prints one JSON
//! object per folder: `{"dir", "runs", "median_ms", "min_ms", "p90_ms", "cpu_ms"}`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;
use storyline::{render::render, summarize_paths, Options};

fn main() {
    let mut runs = 201usize;
    let mut opts = Options::default();
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            // cargo bench passes --bench to harness-less benches.
            "--bench" => {}
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--words" => opts.words = args.next().and_then(|n| n.parse().ok()).expect("--words N"),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/geneva-2022");
        dirs.push(seeds);
    }
    for dir in dirs {
        let call = || {
            let run = summarize_paths(std::slice::from_ref(&dir), &opts).expect("a usable folder");
            let out = render(&[(&run.story, &run.summary)], &opts);
            black_box(out.len());
        };
        call();
        let cpu0 = cpu_ns();
        let mut ms: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                storyline::words::clear_stem_caches();
                let t = Instant::now();
                call();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        let cpu_ms = (cpu_ns() - cpu0) as f64 / 1e6 / ms.len() as f64;
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        println!(
            "{}",
            serde_json::json!({
                "dir": dir.display().to_string(),
                "runs": ms.len(),
                "median_ms": at(0.5),
                "min_ms": ms[0],
                "p90_ms": at(0.9),
                "cpu_ms": cpu_ms,
            })
        );
    }
}

/// CPU time of every thread of this process so far, in nanoseconds (0 where /proc is absent).
fn cpu_ns() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

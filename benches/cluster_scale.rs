//! Scale: clustering 1,000, 10,000 and 100,000 articles, time and peak memory each.
//!
//! `cargo bench --bench cluster_scale [-- N...]`
//!
//! The articles are built from the real ones in `../shared/data` (Multi-News documents,
//! ECB+ documents, the seeds): each synthetic article takes a base article, keeps about 80%
//! of its sentences in a lightly shuffled order, drops one word in 20, adds two sentences of
//! another article, and gets a date in one of several "epochs" of its base (so one base makes
//! several stories, months apart). Each size runs in its own process so that its peak
//! resident memory (VmHWM) is its own. Timed: preparing every article (clean, sentences,
//! words), features, copy sketches, and the online clustering, end to end.

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::Instant;
use storyline::cluster::{cluster_articles, ClusterOptions};
use storyline::model::{Article, Format, Span};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn texts(shared: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut push_dir = |dir: PathBuf| {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if p.extension().is_some_and(|e| e == "txt") {
                    if let Ok(s) = std::fs::read_to_string(&p) {
                        out.push(s);
                    }
                }
            }
        }
    };
    push_dir(shared.join("seeds"));
    push_dir(shared.join("data/ecbplus/docs"));
    if let Ok(rd) = std::fs::read_dir(shared.join("data/multinews-200")) {
        let mut cs: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        cs.sort();
        for c in cs {
            push_dir(c.join("docs"));
        }
    }
    out
}

fn sentences(t: &str) -> Vec<&str> {
    t.split(['\n', '.'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 4)
        .collect()
}

fn build(n: usize, bases: &[String]) -> Vec<Article> {
    let mut rng = Rng(0x5eed_1234_abcd);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let split: Vec<Vec<&str>> = bases.iter().map(|b| sentences(b)).collect();
    (0..n)
        .map(|i| {
            let b = rng.below(bases.len());
            let other = rng.below(bases.len());
            let mut sents: Vec<&str> = split[b]
                .iter()
                .copied()
                .filter(|_| rng.below(10) < 8)
                .collect();
            for k in 1..sents.len() {
                if rng.below(5) == 0 {
                    sents.swap(k - 1, k);
                }
            }
            for _ in 0..2 {
                if !split[other].is_empty() {
                    let s = split[other][rng.below(split[other].len())];
                    let at = rng.below(sents.len() + 1);
                    sents.insert(at, s);
                }
            }
            let mut text = String::new();
            for s in sents {
                let words: Vec<&str> = s
                    .split_whitespace()
                    .filter(|_| rng.below(20) != 0)
                    .collect();
                text.push_str(&words.join(" "));
                text.push_str(". ");
            }
            let epoch = rng.below(4) as u64;
            let day = (b as u64 * 7 + epoch * 90 + rng.below(3) as u64) % 365;
            let published = start.checked_add_days(chrono::Days::new(day));
            let id = format!("a{i:06}");
            Article {
                source: format!("outlet{}", i % 50),
                id: id.clone(),
                url: None,
                title: None,
                published,
                path: PathBuf::from(format!("{id}.txt")),
                line: None,
                format: Format::Text,
                body: Span::new(0, text.len()),
                title_span: None,
                text,
            }
        })
        .collect()
}

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|x| x.parse().ok()))
        })
        .unwrap_or(0)
}

fn child(n: usize) {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let bases = texts(&shared);
    let t0 = Instant::now();
    let articles = build(n, &bases);
    let built = t0.elapsed().as_secs_f64();
    let bar = ProgressBar::new(n as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} {per_sec} eta {eta}").unwrap(),
    );
    bar.set_message(format!("clustering {n}"));
    let t1 = Instant::now();
    // `STORYLINE_CLUSTER` may hold a JSON object of `ClusterOptions` fields (as in the
    // quality bench) to time other settings.
    let opts: ClusterOptions = match std::env::var("STORYLINE_CLUSTER") {
        Ok(s) if !s.trim().is_empty() => {
            serde_json::from_str(&s).expect("STORYLINE_CLUSTER: ClusterOptions JSON")
        }
        _ => ClusterOptions::default(),
    };
    let c = cluster_articles(&articles, &opts, &|done| bar.set_position(done as u64));
    let secs = t1.elapsed().as_secs_f64();
    bar.finish_and_clear();
    println!(
        "RESULT {n} {secs:.2} {} {} {} {built:.2}",
        peak_kib(),
        c.stories.len(),
        c.copies.len()
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this without it: skip.
    if !std::env::args().any(|a| a == "--bench" || a == "--child") {
        println!("bench: run with cargo bench");
        return;
    }
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let Some(pos) = std::env::args().position(|a| a == "--child") {
        let n = std::env::args()
            .nth(pos + 1)
            .and_then(|x| x.parse().ok())
            .expect("--child N");
        child(n);
        return;
    }
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.join("data").exists() {
        println!("skipped: {} is absent", shared.display());
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        args.iter().filter_map(|a| a.parse().ok()).collect()
    };
    let exe = std::env::current_exe().unwrap();
    println!("| articles | clustering time (s) | peak memory (MiB) | stories | copies | building the input (s) |");
    println!("|---|---|---|---|---|---|");
    for n in sizes {
        let out = std::process::Command::new(&exe)
            .args(["--child", &n.to_string()])
            .stderr(std::process::Stdio::inherit())
            .output()
            .expect("run child");
        let s = String::from_utf8_lossy(&out.stdout);
        let Some(line) = s.lines().find(|l| l.starts_with("RESULT")) else {
            println!("| {n} | failed | | | | |");
            continue;
        };
        let f: Vec<&str> = line.split_whitespace().collect();
        let mib = f[3].parse::<f64>().unwrap_or(0.0) / 1024.0;
        println!(
            "| {n} | {} | {mib:.0} | {} | {} | {} |",
            f[2], f[4], f[5], f[6]
        );
    }
}

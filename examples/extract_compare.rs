//! Runs the Rust HTML extractors on a folder of pages and writes `OUT/<extractor>/<id>.txt`,
//! printing the wall and CPU time per page of each (`name<TAB>wall ms<TAB>cpu ms<TAB>failures`),
//! so that `bench/extract.sh` can score them all with the benchmark's own metric. Timing is
//! the same as `bench/extract_py.py`'s: decoded pages in memory, one untimed warm-up call,
//! then `REPEAT` (default 3) timed passes over all pages, the fastest pass reported.
//! Build with `--features bench-extractors`.
//!
//! Usage: `extract_compare PAGES_DIR OUT_DIR [extractor...]` (extractors: storyline,
//! rs-trafilatura, trafilatura-rs, dom_smoothie, dom_smoothie-formatted, dom_smoothie-ds;
//! default all). With `DUMP_HTML=DIR`, the dom_smoothie variants also write the article HTML
//! they chose to `DIR/<id>.html`, for studying what is left inside it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Extractor = fn(&str) -> Option<String>;

fn storyline_x(html: &str) -> Option<String> {
    storyline::extract::extract_html(html).ok().map(|p| p.text)
}

fn rs_trafilatura_x(html: &str) -> Option<String> {
    rs_trafilatura::extract(html).ok().map(|r| r.content_text)
}

fn trafilatura_x(html: &str) -> Option<String> {
    trafilatura::extract(html, &trafilatura::Options::default())
        .ok()
        .map(|r| r.content_text)
}

thread_local! {
    /// The page being extracted, for `DUMP_HTML`.
    static CURRENT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn dom_smoothie_with(html: &str, cfg: dom_smoothie::Config) -> Option<String> {
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
    let a = r.parse().ok()?;
    if let Ok(dir) = std::env::var("DUMP_HTML") {
        let _ = std::fs::create_dir_all(&dir);
        let id = CURRENT.with(|c| c.borrow().clone());
        let _ = std::fs::write(format!("{dir}/{id}.html"), a.content.to_string());
    }
    Some(a.text_content.to_string())
}

fn dom_smoothie_x(html: &str) -> Option<String> {
    dom_smoothie_with(html, dom_smoothie::Config::default())
}

fn dom_smoothie_fmt_x(html: &str) -> Option<String> {
    dom_smoothie_with(
        html,
        dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            keep_classes: true,
            ..Default::default()
        },
    )
}

fn dom_smoothie_ds_x(html: &str) -> Option<String> {
    dom_smoothie_with(
        html,
        dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            candidate_select_mode: dom_smoothie::CandidateSelectMode::DomSmoothie,
            ..Default::default()
        },
    )
}

/// CPU time of this thread: the machine is shared, so wall time alone would measure the
/// neighbours' load as much as the extractor.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec we pass.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: extract_compare PAGES_DIR OUT_DIR [extractor...]");
        std::process::exit(2);
    }
    let pages = Path::new(&args[0]);
    let out = PathBuf::from(&args[1]);
    let all: [(&str, Extractor); 6] = [
        ("storyline", storyline_x),
        ("rs-trafilatura", rs_trafilatura_x),
        ("trafilatura-rs", trafilatura_x),
        ("dom_smoothie", dom_smoothie_x),
        ("dom_smoothie-formatted", dom_smoothie_fmt_x),
        ("dom_smoothie-ds", dom_smoothie_ds_x),
    ];
    let chosen: Vec<&(&str, Extractor)> = all
        .iter()
        .filter(|(n, _)| args.len() == 2 || args[2..].iter().any(|a| a == n))
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(pages)
        .expect("pages dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    // Decoding is the same for every extractor: done once, outside the timing.
    let docs: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("read page");
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, storyline::ingest::decode_html(&bytes))
        })
        .collect();
    // Like bench/extract_py.py: one untimed call first (lazy set-up such as compiled regexes is
    // not per-page work), then REPEAT timed passes over all pages; the fastest pass counts.
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    for (name, f) in chosen {
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).expect("out dir");
        if let Some((_, html)) = docs.first() {
            let _ = f(html);
        }
        let (mut total, mut cpu) = (Duration::MAX, Duration::MAX);
        let mut failed = 0;
        for pass in 0..repeat {
            let (mut pass_total, mut pass_cpu) = (Duration::ZERO, Duration::ZERO);
            for (id, html) in &docs {
                CURRENT.with(|c| *c.borrow_mut() = id.clone());
                let (t, c) = (Instant::now(), thread_cpu());
                let text = f(html);
                pass_total += t.elapsed();
                pass_cpu += thread_cpu() - c;
                if pass == 0 {
                    let text = text.unwrap_or_else(|| {
                        failed += 1;
                        String::new()
                    });
                    std::fs::write(dir.join(format!("{id}.txt")), text).expect("write");
                }
            }
            total = total.min(pass_total);
            cpu = cpu.min(pass_cpu);
        }
        let n = docs.len().max(1) as f64;
        println!(
            "{name}\t{:.2}\t{:.2}\t{failed}",
            total.as_secs_f64() * 1000.0 / n,
            cpu.as_secs_f64() * 1000.0 / n
        );
    }
}

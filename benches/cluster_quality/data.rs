//! Loading the gold clustering sets from `../shared/data`.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use storyline::ingest::text_article;
use storyline::model::{Article, Format, Span};

/// One labelled article.
pub struct Item {
    pub article: Article,
    /// Fine gold label (ECB+ subtopic, UCI story).
    pub event: String,
    /// Coarse gold label (ECB+ topic; UCI: the story again).
    pub topic: u32,
}

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// ECB+ documents with their labels, the opening source-URL line of `ecbplus` documents
/// removed (it names the event).
pub fn ecbplus(dir: &Path) -> Vec<Item> {
    let labels = std::fs::read_to_string(dir.join("labels.tsv")).expect("labels.tsv");
    let mut out = Vec::new();
    for line in labels.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (id, topic, sub) = (f[0], f[1].parse::<u32>().unwrap(), f[2]);
        let path = dir.join("docs").join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&path).expect("doc");
        let text = if id.ends_with("ecbplus") {
            text.split_once('\n').map(|x| x.1).unwrap_or("").to_string()
        } else {
            text
        };
        let article = text_article(&path, text.into_bytes()).expect("usable ECB+ doc");
        out.push(Item {
            article,
            event: sub.to_string(),
            topic,
        });
    }
    out
}

/// Splits a CSV line with quoted fields ("" escapes a quote).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// UCI News Aggregator headlines (headline only) with their gold story.
pub fn uci(file: &Path) -> Vec<Item> {
    let s = std::fs::read_to_string(file).expect("uci csv");
    let mut stories: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for line in s.lines().skip(1) {
        let f = csv_fields(line);
        if f.len() < 8 {
            continue;
        }
        let (id, title, publisher, story, ts) = (&f[0], &f[1], &f[3], &f[5], &f[7]);
        let ms: i64 = ts.parse().unwrap_or(0);
        let published = chrono::DateTime::from_timestamp_millis(ms).map(|d| d.date_naive());
        if !stories.contains(story) {
            stories.push(story.clone());
        }
        let topic = stories.iter().position(|x| x == story).unwrap() as u32;
        // Stress test (`STORYLINE_BENCH_UCI_SPREAD=N`): in this file every gold story lies
        // on one day, so the k-th headline of each story is moved k mod N days later, to
        // see what a setting costs a story that runs over several days.
        let published = match spread() {
            n if n > 1 => {
                let k = out.iter().filter(|i: &&Item| i.event == *story).count() as u64;
                published.map(|d| d + chrono::Days::new(k % n))
            }
            _ => published,
        };
        out.push(Item {
            article: headline_article(id, publisher, title, published),
            event: story.clone(),
            topic,
        });
    }
    out
}

/// Days over which each UCI gold story is spread (`STORYLINE_BENCH_UCI_SPREAD`, 1: as is).
fn spread() -> u64 {
    std::env::var("STORYLINE_BENCH_UCI_SPREAD")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// An article made of a headline alone (its text is the headline, its body empty).
pub fn headline_article(
    id: &str,
    source: &str,
    title: &str,
    published: Option<NaiveDate>,
) -> Article {
    Article {
        id: id.to_string(),
        source: source.to_string(),
        url: None,
        title: Some(title.to_string()),
        published,
        path: PathBuf::from(format!("{id}.txt")),
        line: None,
        format: Format::Text,
        body: Span::new(title.len(), title.len()),
        title_span: Some(Span::new(0, title.len())),
        text: title.to_string(),
    }
}

/// A fixed shuffle (the stream order of undated sets), so runs are repeatable.
pub fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut x = seed.max(1);
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// The hand-written multilingual set (`tests/fixtures/multilingual`): event and kind of
/// each article (kinds numbered in order of first appearance).
pub fn multilingual(dir: &Path) -> Vec<Item> {
    let labels = std::fs::read_to_string(dir.join("labels.tsv")).expect("labels.tsv");
    let mut kinds: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for line in labels.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (file, event, kind) = (f[0], f[1], f[3]);
        if !kinds.iter().any(|k| k == kind) {
            kinds.push(kind.to_string());
        }
        let path = dir.join("docs").join(file);
        let bytes = std::fs::read(&path).expect("multilingual doc");
        out.push(Item {
            article: text_article(&path, bytes).expect("usable multilingual doc"),
            event: event.to_string(),
            topic: kinds.iter().position(|k| k == kind).unwrap() as u32,
        });
    }
    out
}

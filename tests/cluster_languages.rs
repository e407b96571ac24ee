//! End-to-end: non-English and mixed-language news (`tests/fixtures/multilingual`, 40
//! hand-written articles in 7 languages about 8 fictional events, two of each kind, gold
//! labels in `labels.tsv`): each article's language is recognised, and `storyline cluster`
//! never puts two events in one story while it keeps together the articles one event has in
//! one language.

mod common;

use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use storyline::doc::Doc;
use storyline::ingest::text_article;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/multilingual");

/// (article id, event, language) per line of `labels.tsv`.
fn labels() -> Vec<(String, String, String)> {
    std::fs::read_to_string(Path::new(FIXTURE).join("labels.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].trim_end_matches(".txt").to_string(),
                f[1].to_string(),
                f[2].to_string(),
            )
        })
        .collect()
}

#[test]
fn every_article_is_read_in_its_own_language() {
    for (id, _, lang) in labels() {
        let path = Path::new(FIXTURE).join("docs").join(format!("{id}.txt"));
        let doc = Doc::new(text_article(&path, std::fs::read(&path).unwrap()).unwrap());
        assert_eq!(doc.lang.code(), lang, "{id}");
    }
}

#[test]
fn stories_never_mix_events_and_keep_each_language_together() {
    let out = common::storyline(["cluster", "--format", "json", &format!("{FIXTURE}/docs")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut story_of: HashMap<String, usize> = HashMap::new();
    for (i, s) in json["stories"].as_array().unwrap().iter().enumerate() {
        for a in s["articles"].as_array().unwrap() {
            story_of.insert(a["id"].as_str().unwrap().to_string(), i);
        }
    }
    let labels = labels();
    assert_eq!(story_of.len(), labels.len());
    for (a, ea, la) in &labels {
        for (b, eb, lb) in &labels {
            if ea != eb {
                assert_ne!(
                    story_of[a], story_of[b],
                    "{a} and {b} report different events"
                );
            } else if la == lb {
                assert_eq!(
                    story_of[a], story_of[b],
                    "{a} and {b}: one event, one language"
                );
            }
        }
    }
    // Some stories cross languages (names and numbers link them).
    let crossing = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            let langs: std::collections::HashSet<&str> = s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| &a["id"].as_str().unwrap()[2..4])
                .collect();
            langs.len() >= 3
        })
        .count();
    assert!(
        crossing >= 4,
        "{crossing} stories span three languages or more"
    );
}

/// English news stays English: every ECB+ and Multi-News article, and all but one in a
/// thousand UCI headlines (short texts, where detection is least sure). Skips when
/// `../shared` is absent.
#[test]
fn english_corpora_stay_english() {
    let Some(shared) = common::shared().map(|p| p.join("data")) else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(shared.join("ecbplus/docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for c in std::fs::read_dir(shared.join("multinews-200")).unwrap() {
        let docs = c.unwrap().path().join("docs");
        if docs.is_dir() {
            files.extend(std::fs::read_dir(docs).unwrap().map(|e| e.unwrap().path()));
        }
    }
    assert!(files.len() > 1500);
    for p in files {
        let a = text_article(&p, std::fs::read(&p).unwrap()).unwrap();
        let lang = storyline::sentences::language(&a, &storyline::clean::clean(&a));
        assert_eq!(lang, storyline::words::Lang::English, "{}", p.display());
    }
    let csv = std::fs::read_to_string(
        shared.join("uci-news-headlines/uci_news_aggregator_first6366rows.csv"),
    )
    .unwrap();
    let titles: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    let other = titles
        .iter()
        .filter(|t| storyline::words::Lang::detect(t) != storyline::words::Lang::English)
        .count();
    assert!(
        other * 1000 <= titles.len(),
        "{other} of {} headlines",
        titles.len()
    );
}

//! The canonical seed story at 100 words: no boilerplate, no two sentences saying the same
//! thing, and every sentence citing every article that carries its content.
//! Needs `../shared/seeds` (skips when absent).

mod common;

use storyline::clean::RegionKind;
use storyline::summarize::support::supports;
use storyline::{ingest, summarize, Options, Story};

fn seed_story() -> Option<Story> {
    let Some(shared) = common::shared() else {
        eprintln!("skipped: ../shared/seeds is absent");
        return None;
    };
    let loaded = ingest::load(&[shared.join("seeds")], &Options::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 5);
    Some(Story::from_articles(loaded.articles))
}

/// Lower-case letters and digits only, so that curly and straight quotes compare equal.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Boilerplate phrases in the seeds, found by reading them (not by running storyline).
const SEED_BOILERPLATE: &[&str] = &[
    "Sign up to receive our latest news",
    "By submitting this form",
    "Leave a Reply",
    "[Credit: AP]",
    "pic.twitter.com",
    "(@SecBlinken)",
    "| Just The News",
    "Ambiguous diplomacy",
    "Spain jumps into the fray",
];

#[test]
fn seed_summary_has_no_boilerplate() {
    let Some(story) = seed_story() else { return };
    let summary = summarize(&story, &Options::default());
    assert!(!summary.sentences.is_empty());
    for s in &summary.sentences {
        let doc = &story.docs[s.doc];
        let text = s.span.of(&doc.article.text);
        for junk in SEED_BOILERPLATE {
            assert!(!text.contains(junk), "boilerplate {junk:?} in {text:?}");
        }
        let region = doc
            .regions
            .iter()
            .find(|r| r.span.start <= s.span.start && s.span.end <= r.span.end);
        assert_eq!(region.map(|r| r.kind), Some(RegionKind::Kept), "{text}");
    }
}

#[test]
fn seed_boilerplate_is_marked() {
    let Some(story) = seed_story() else { return };
    for junk in SEED_BOILERPLATE {
        let mut found = false;
        for doc in &story.docs {
            if let Some(at) = doc.article.text.find(junk) {
                found = true;
                let kind = doc
                    .regions
                    .iter()
                    .find(|r| r.span.start <= at && at < r.span.end)
                    .map(|r| r.kind);
                assert!(
                    kind.is_some_and(|k| k != RegionKind::Kept),
                    "{junk:?} kept ({kind:?})"
                );
            }
        }
        assert!(found, "{junk:?} is not in the seeds");
    }
}

#[test]
fn seed_summary_never_says_the_same_thing_twice() {
    let Some(story) = seed_story() else { return };
    let summary = summarize(&story, &Options::default());
    let texts: Vec<Vec<String>> = summary
        .sentences
        .iter()
        .map(|s| {
            s.span
                .of(&story.docs[s.doc].article.text)
                .split_whitespace()
                .map(norm)
                .filter(|w| w.len() > 3)
                .collect()
        })
        .collect();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            let a: std::collections::HashSet<&String> = texts[i].iter().collect();
            let b: std::collections::HashSet<&String> = texts[j].iter().collect();
            let overlap = a.intersection(&b).count() as f64 / a.len().min(b.len()).max(1) as f64;
            assert!(overlap < 0.6, "sentences {i} and {j} overlap {overlap:.2}");
        }
    }
}

#[test]
fn every_verbatim_carrier_is_cited() {
    let Some(story) = seed_story() else { return };
    let summary = summarize(&story, &Options::default());
    for s in &summary.sentences {
        let text = norm(s.span.of(&story.docs[s.doc].article.text));
        for (d, doc) in story.docs.iter().enumerate() {
            if norm(&doc.article.text).contains(&text) {
                assert!(
                    s.sources.contains(&d),
                    "{} carries {text:?} but is not cited",
                    doc.article.id
                );
            }
        }
    }
}

#[test]
fn swift_and_severe_cites_001_and_002() {
    let Some(story) = seed_story() else { return };
    let ids = |docs: &[usize]| -> Vec<String> {
        docs.iter()
            .map(|&d| story.docs[d].article.id[..3].to_string())
            .collect()
    };
    // The sentence in 002 and its copy inside 001 are each supported by both.
    let units: Vec<usize> = (0..story.units.len())
        .filter(|&u| story.unit_text(u).contains("swift and severe"))
        .collect();
    assert_eq!(units.len(), 2, "one in 001, one in 002");
    for u in units {
        let docs: Vec<usize> = supports(&story, u, Options::default().support)
            .iter()
            .map(|s| s.doc)
            .collect();
        let got = ids(&docs);
        assert!(
            got.contains(&"001".to_string()) && got.contains(&"002".to_string()),
            "{got:?}"
        );
    }
    // And in the 100-word summary, where it is chosen.
    let summary = summarize(&story, &Options::default());
    let s = summary
        .sentences
        .iter()
        .find(|s| {
            s.span
                .of(&story.docs[s.doc].article.text)
                .contains("swift and severe")
        })
        .expect("the summary reports the threatened response");
    let got = ids(&s.sources);
    assert!(
        got.contains(&"001".to_string()) && got.contains(&"002".to_string()),
        "{got:?}"
    );
}

#[test]
fn seed_001_contains_002() {
    let Some(story) = seed_story() else { return };
    let c = story
        .copies
        .iter()
        .find(|c| {
            story.docs[c.article].article.id.starts_with("001")
                && story.docs[c.contains].article.id.starts_with("002")
        })
        .expect("001 holds 002");
    assert!(c.share > 0.9, "{}", c.share);
    assert_eq!(story.group[c.article], story.group[c.contains]);
    assert_eq!(story.n_groups, 4);
}

//! Entity tagging against a small hand-annotated dev set (`tests/fixtures/analyze-ner-dev.txt`,
//! CoNLL-2003 types, annotated by reading the text). Exact-span, exact-type precision, recall
//! and F1, overall and per type; `cargo test --test analyze_ner_eval -- --nocapture` prints
//! them. The floor asserted is a regression guard, not a target.

use std::collections::BTreeMap;
use storyline::analyze::entities::Entities;
use storyline::{Article, Story};

/// An annotated entity: start, end, type.
type Gold = (usize, usize, String);

/// Gold documents: text, and their entities.
fn gold() -> Vec<(String, Vec<Gold>)> {
    let raw = include_str!("fixtures/analyze-ner-dev.txt");
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut spans = Vec::new();
    for line in raw.lines().chain(std::iter::once("")) {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut spans)));
            }
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let inner = &rest[open + 1..];
            let close = inner.find(']').expect("closing bracket");
            let (kind, words) = inner[..close].split_once(' ').expect("[TYPE words]");
            let start = text.len();
            text.push_str(words);
            spans.push((start, text.len(), kind.to_string()));
            rest = &inner[close + 1..];
        }
        text.push_str(rest);
    }
    docs
}

fn article(i: usize, text: String) -> Article {
    Article::from_text(format!("d{i}"), text)
}

#[test]
fn entity_f1_on_the_dev_set() {
    let docs = gold();
    let mut tp: BTreeMap<String, usize> = BTreeMap::new();
    let mut fp: BTreeMap<String, usize> = BTreeMap::new();
    let mut fn_: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (text, spans)) in docs.iter().enumerate() {
        // Each document is its own story: no help from other articles.
        let story = Story::from_articles(vec![article(i, text.clone())]);
        let ents = Entities::build(&story);
        let pred: Vec<Gold> = ents
            .mentions
            .iter()
            .map(|m| {
                (
                    m.span.start,
                    m.span.end,
                    ents.entities[m.entity].kind.label().to_string(),
                )
            })
            .collect();
        for p in &pred {
            if spans.contains(p) {
                *tp.entry(p.2.clone()).or_default() += 1;
            } else {
                *fp.entry(p.2.clone()).or_default() += 1;
                eprintln!("  extra  {} {:?}", p.2, &text[p.0..p.1]);
            }
        }
        for g in spans {
            if !pred.contains(g) {
                *fn_.entry(g.2.clone()).or_default() += 1;
                eprintln!("  missed {} {:?}", g.2, &text[g.0..g.1]);
            }
        }
    }
    let f1 = |t: usize, p: usize, n: usize| {
        let pr = t as f64 / (t + p).max(1) as f64;
        let rc = t as f64 / (t + n).max(1) as f64;
        (
            pr,
            rc,
            if pr + rc > 0.0 {
                2.0 * pr * rc / (pr + rc)
            } else {
                0.0
            },
        )
    };
    let (mut at, mut ap, mut an) = (0, 0, 0);
    for k in ["PER", "LOC", "ORG", "MISC"] {
        let (t, p, n) = (
            tp.get(k).copied().unwrap_or(0),
            fp.get(k).copied().unwrap_or(0),
            fn_.get(k).copied().unwrap_or(0),
        );
        let (pr, rc, f) = f1(t, p, n);
        println!("{k:4}  gold {:3}  P {pr:.3}  R {rc:.3}  F1 {f:.3}", t + n);
        at += t;
        ap += p;
        an += n;
    }
    let (pr, rc, f) = f1(at, ap, an);
    println!("all   gold {:3}  P {pr:.3}  R {rc:.3}  F1 {f:.3}", at + an);
    assert!(f >= 0.5, "entity F1 fell to {f:.3}");
}

//! Dev evaluation of the time-expression tagger against the hand-annotated TIMEX3 gold in
//! `tests/fixtures/timex/gold.jsonl` (the five seed articles and ten Multi-News documents;
//! see the README there for the conventions and for the held-out rounds, each annotated and
//! committed before the tagger first ran on it).
//!
//! Scores as TempEval-3 does: extent F1 strict (same bytes) and relaxed (overlap), and value
//! F1 where a true positive is a relaxed match with the same value (type F1 likewise).
//! Prints the figures and the misses; asserts the goal of value F1 ≥ 0.80.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use storyline::time::tag;
use storyline::Span;

#[derive(Deserialize)]
struct Line {
    doc: String,
    path: Option<String>,
    reference: Option<String>,
    split: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
    #[serde(rename = "type")]
    kind: Option<String>,
    value: Option<String>,
}

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed_gold: usize,
    relaxed_system: usize,
    value: usize,
    kind: usize,
}

fn f1(p_num: usize, p_den: usize, r_num: usize, r_den: usize) -> (f64, f64, f64) {
    let p = if p_den == 0 {
        0.0
    } else {
        p_num as f64 / p_den as f64
    };
    let r = if r_den == 0 {
        0.0
    } else {
        r_num as f64 / r_den as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[test]
fn timex_dev_set() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    if !shared.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let gold_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/timex/gold.jsonl"
    );
    let mut docs: BTreeMap<String, (String, NaiveDate, String)> = BTreeMap::new();
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in std::fs::read_to_string(gold_path).unwrap().lines() {
        let l: Line = serde_json::from_str(line).unwrap();
        match (l.path, l.reference, l.start, l.end, l.kind, l.value) {
            (Some(p), Some(r), ..) => {
                let date = NaiveDate::parse_from_str(&r, "%Y-%m-%d").unwrap();
                docs.insert(l.doc, (p, date, l.split.unwrap_or_default()));
            }
            (_, _, Some(start), Some(end), Some(kind), Some(value)) => {
                gold.entry(l.doc).or_default().push(Gold {
                    start,
                    end,
                    kind,
                    value,
                })
            }
            _ => panic!("bad gold line: {line}"),
        }
    }
    let mut totals: BTreeMap<String, Counts> = BTreeMap::new();
    println!(
        "{:<12} {:>4} {:>4} {:>7} {:>7} {:>7}",
        "doc", "gold", "sys", "strict", "relaxed", "value"
    );
    for (doc, (path, reference, split)) in &docs {
        let text = std::fs::read_to_string(shared.join(path)).unwrap();
        let sys = tag(&text, Span::new(0, text.len()), Some(*reference));
        let g = gold.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        let mut c = Counts {
            gold: g.len(),
            system: sys.len(),
            ..Counts::default()
        };
        for m in &sys {
            let over: Vec<&Gold> = g
                .iter()
                .filter(|x| x.start < m.span.end && m.span.start < x.end)
                .collect();
            if !over.is_empty() {
                c.relaxed_system += 1;
            } else {
                println!(
                    "  extra  {doc}: {:?} {} {}",
                    m.span.of(&text),
                    m.kind.as_str(),
                    m.value
                );
            }
        }
        for x in g {
            let over = sys
                .iter()
                .find(|m| x.start < m.span.end && m.span.start < x.end);
            match over {
                Some(m) => {
                    c.relaxed_gold += 1;
                    if m.span.start == x.start && m.span.end == x.end {
                        c.strict += 1;
                    } else {
                        println!(
                            "  extent {doc}: gold {:?} system {:?}",
                            &text[x.start..x.end],
                            m.span.of(&text)
                        );
                    }
                    if m.value == x.value {
                        c.value += 1;
                    } else {
                        println!(
                            "  value  {doc}: {:?} gold {} system {}",
                            &text[x.start..x.end],
                            x.value,
                            m.value
                        );
                    }
                    if m.kind.as_str() == x.kind {
                        c.kind += 1;
                    }
                }
                None => println!(
                    "  missed {doc}: {:?} {} {}",
                    &text[x.start..x.end],
                    x.kind,
                    x.value
                ),
            }
        }
        let (_, _, fs) = f1(c.strict, c.system, c.strict, c.gold);
        let (_, _, fr) = f1(c.relaxed_system, c.system, c.relaxed_gold, c.gold);
        let (_, _, fv) = f1(c.value, c.system, c.value, c.gold);
        println!(
            "{doc:<12} {:>4} {:>4} {fs:>7.3} {fr:>7.3} {fv:>7.3}",
            c.gold, c.system
        );
        let all = totals.entry(split.clone()).or_default();
        all.gold += c.gold;
        all.system += c.system;
        all.strict += c.strict;
        all.relaxed_gold += c.relaxed_gold;
        all.relaxed_system += c.relaxed_system;
        all.value += c.value;
        all.kind += c.kind;
    }
    let mut dev_value = 0.0;
    for (split, all) in &totals {
        let strict = f1(all.strict, all.system, all.strict, all.gold);
        let relaxed = f1(all.relaxed_system, all.system, all.relaxed_gold, all.gold);
        let value = f1(all.value, all.system, all.value, all.gold);
        let kind = f1(all.kind, all.system, all.kind, all.gold);
        println!("[{split}] gold {} system {}", all.gold, all.system);
        for (name, (p, r, f)) in [
            ("extent strict", strict),
            ("extent relaxed", relaxed),
            ("type", kind),
            ("value", value),
        ] {
            println!("[{split}] {name:<15} P {p:.3} R {r:.3} F1 {f:.3}");
        }
        if split == "dev" {
            dev_value = value.2;
        }
    }
    // The goal (HeidelTime scores about 0.78 value F1 on TempEval-3 news). The dev
    // documents were read while writing the rules, so the held-out figure is the honest one;
    // it is printed, and the goal is asserted on the dev set, which must never regress.
    assert!(
        dev_value >= 0.80,
        "dev value F1 {dev_value:.3} below the 0.80 goal"
    );
}

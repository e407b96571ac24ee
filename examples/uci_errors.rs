//! Where storyline's headline stories go wrong on the UCI choosing part: per gold story, the
//! stories its headlines were filed in (splits), and per story, the gold stories it mixes
//! (merges), with a few headlines of each piece. A debugging aid for `src/cluster/short.rs`.
//!
//! `cargo run --release --example uci_errors [-- THRESHOLD [report]]` (default threshold:
//! `ClusterOptions::default()`; `report` lists the reporting part instead, only to check that
//! a change generalises, never to tune on). `STORYLINE_CLUSTER` may hold a JSON object of
//! `ClusterOptions` fields, as for the `cluster_quality` bench.

#[path = "../benches/cluster_quality/data.rs"]
#[allow(dead_code)]
mod data;

use std::collections::BTreeMap;
use storyline::cluster::metrics::score;
use storyline::cluster::{cluster_docs, ClusterOptions};
use storyline::doc::Doc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let base: ClusterOptions = match std::env::var("STORYLINE_CLUSTER") {
        Ok(s) if !s.trim().is_empty() => serde_json::from_str(&s).expect("ClusterOptions JSON"),
        _ => ClusterOptions::default(),
    };
    let threshold = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(base.threshold);
    let want = u32::from(args.iter().any(|a| a == "report"));
    let shared = data::shared();
    let file = shared.join("data/uci-news-headlines/uci_news_aggregator_first6366rows.csv");
    if !file.exists() {
        println!("skipped: {} is absent", file.display());
        return;
    }
    let mut items: Vec<data::Item> = data::uci(&file)
        .into_iter()
        .filter(|i| i.topic % 2 == want)
        .collect();
    // The file lists each story's headlines together, and a day's headlines arrive in file
    // order: `SHUFFLE=SEED` mixes them (as a live stream would) to check that a change does
    // not live off that order.
    if let Some(seed) = std::env::var("SHUFFLE").ok().and_then(|s| s.parse().ok()) {
        data::shuffle(&mut items, seed);
    }
    let docs: Vec<Doc> = items.iter().map(|i| Doc::new(i.article.clone())).collect();
    let gold: Vec<String> = items.iter().map(|i| i.topic.to_string()).collect();
    let opts = ClusterOptions { threshold, ..base };
    if std::env::var("TRACE").is_ok() {
        trace(&items, &docs, &opts);
    }
    let stories = cluster_docs(&docs, &opts).stories;
    let mut label = vec![0; docs.len()];
    for (s, m) in stories.iter().enumerate() {
        for &i in m {
            label[i] = s;
        }
    }
    let sc = score(&gold, &label);
    println!(
        "threshold {threshold:.2}: B-cubed P {:.3} R {:.3} F1 {:.3}, {} stories for {} gold",
        sc.precision,
        sc.recall,
        sc.f1,
        stories.len(),
        items
            .iter()
            .map(|i| i.topic)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    let title = |i: usize| items[i].article.title.clone().unwrap_or_default();
    // gold topic → story → headlines
    let mut by_gold: BTreeMap<u32, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        by_gold
            .entry(it.topic)
            .or_default()
            .entry(label[i])
            .or_default()
            .push(i);
    }
    println!("\n## Splits: gold stories filed in more than one story");
    for (g, parts) in &by_gold {
        if parts.len() < 2 {
            continue;
        }
        let total: usize = parts.values().map(Vec::len).sum();
        println!("\ngold {g} ({total} headlines) in {} stories:", parts.len());
        let mut parts: Vec<_> = parts.iter().collect();
        parts.sort_by_key(|(_, m)| std::cmp::Reverse(m.len()));
        for (s, m) in parts {
            println!(
                "  story {s}: {} of {} (story size {})",
                m.len(),
                total,
                stories[*s].len()
            );
            for &i in m.iter().take(3) {
                println!("      {}", title(i));
            }
        }
    }
    println!("\n## Merges: stories holding more than one gold story");
    for (s, m) in stories.iter().enumerate() {
        let mut golds: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &i in m {
            golds.entry(items[i].topic).or_default().push(i);
        }
        if golds.len() < 2 {
            continue;
        }
        println!("\nstory {s} ({} headlines):", m.len());
        let mut golds: Vec<_> = golds.into_iter().collect();
        golds.sort_by_key(|(_, m)| std::cmp::Reverse(m.len()));
        for (g, m) in golds {
            let days: std::collections::BTreeSet<String> = m
                .iter()
                .filter_map(|&i| items[i].article.published)
                .map(|d| d.format("%m-%d").to_string())
                .collect();
            println!(
                "  gold {g}: {} ({})",
                m.len(),
                Vec::from_iter(days).join(", ")
            );
            for &i in m.iter().take(3) {
                println!("      {}", title(i));
            }
        }
    }
}

/// Trace: for each gold story, where its first headline (in arrival order) went.
pub fn trace(items: &[data::Item], docs: &[Doc], opts: &ClusterOptions) {
    use storyline::cluster::online::Clusterer;
    let order = storyline::cluster::arrival_order(docs);
    let mut c = Clusterer::new(opts.clone());
    let mut gold_of_story: BTreeMap<usize, BTreeMap<u32, usize>> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for &i in &order {
        let a = c.add_doc(&docs[i]);
        let g = items[i].topic;
        let first = seen.insert(g);
        if first && !a.new_story {
            println!(
                "TRACE gold {g} first headline joined story {} holding {:?}: {}",
                a.story,
                gold_of_story.get(&a.story),
                items[i].article.title.clone().unwrap_or_default()
            );
        }
        *gold_of_story
            .entry(a.story)
            .or_default()
            .entry(g)
            .or_default() += 1;
    }
}

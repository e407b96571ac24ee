//! Online = batch: feeding articles one at a time, in date order, builds the same stories
//! as the batch run; and stories go quiet after the configured time.

use std::path::Path;
use storyline::cluster::online::Clusterer;
use storyline::cluster::{arrival_order, cluster_articles, cluster_docs, ClusterOptions};
use storyline::doc::Doc;
use storyline::ingest::{load, text_article};
use storyline::Options;

fn docs_from_shared() -> Option<Vec<Doc>> {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    if !shared.join("data/ecbplus").exists() {
        eprintln!("skipped: ../shared is absent");
        return None;
    }
    // The seeds, ten Multi-News clusters and ECB+ topics 1-4 (both events of each).
    let mut paths = vec![shared.join("seeds")];
    let mut clusters: Vec<_> = std::fs::read_dir(shared.join("data/multinews-200"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    clusters.sort();
    paths.extend(clusters.into_iter().take(10).map(|c| c.join("docs")));
    let mut ecb: Vec<_> = std::fs::read_dir(shared.join("data/ecbplus/docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            ["1_", "2_", "3_", "4_"].iter().any(|t| n.starts_with(t))
        })
        .collect();
    ecb.sort();
    paths.extend(ecb);
    let loaded = load(&paths, &Options::default());
    assert!(loaded.articles.len() > 100);
    Some(loaded.articles.into_iter().map(Doc::new).collect())
}

/// Feeds the documents one at a time in arrival order, each prepared on its own as it
/// arrives, and returns the clusterer and its stories as indices into `docs`.
fn one_at_a_time(docs: &[Doc], opts: &ClusterOptions) -> (Clusterer, Vec<Vec<usize>>) {
    let order = arrival_order(docs);
    let mut c = Clusterer::new(opts.clone());
    for &i in &order {
        c.add_doc(&docs[i]);
    }
    let online = c
        .stories()
        .into_iter()
        .map(|m| m.into_iter().map(|a| order[a]).collect())
        .collect();
    (c, online)
}

#[test]
fn one_at_a_time_builds_the_batch_stories() {
    let Some(docs) = docs_from_shared() else {
        return;
    };
    let opts = ClusterOptions::default();
    let batch = cluster_docs(&docs, &opts);
    let (c, online) = one_at_a_time(&docs, &opts);
    assert_eq!(online, batch.stories);
    assert!(batch.stories.len() > 10 && batch.stories.len() < docs.len());
    // Refinement only regroups: the provisional (on-arrival) stories hold the same articles.
    let mut provisional: Vec<usize> = c.provisional_stories().into_iter().flatten().collect();
    provisional.sort_unstable();
    assert_eq!(provisional, (0..docs.len()).collect::<Vec<_>>());
    // The lean path (documents not kept) agrees too.
    let articles: Vec<_> = docs.iter().map(|d| d.article.clone()).collect();
    let lean = cluster_articles(&articles, &opts, &|_| {});
    assert_eq!(lean.stories, batch.stories);
    assert_eq!(lean.copies, batch.copies);
    // At topic granularity too, and the topics are unions of the event stories.
    let topic_opts = ClusterOptions {
        granularity: storyline::cluster::Granularity::Topic,
        ..ClusterOptions::default()
    };
    let topics = cluster_docs(&docs, &topic_opts);
    let (_, online) = one_at_a_time(&docs, &topic_opts);
    assert_eq!(online, topics.stories);
    assert!(topics.stories.len() < batch.stories.len());
    let mut topic_of = vec![usize::MAX; docs.len()];
    for (t, members) in topics.stories.iter().enumerate() {
        for &a in members {
            topic_of[a] = t;
        }
    }
    for story in &batch.stories {
        assert!(story.iter().all(|&a| topic_of[a] == topic_of[story[0]]));
    }
}

fn article(id: &str, date: &str) -> Doc {
    let text = format!(
        "date {date}\n\nFirefighters in Valparaiso fought a forest fire that burned 300 hectares near Viña del Mar. Governor Rodrigo Mundaca ordered evacuations of 2,000 residents. Report {id}."
    );
    Doc::new(text_article(Path::new(&format!("{id}.txt")), text.into_bytes()).unwrap())
}

#[test]
fn a_story_goes_quiet_after_the_configured_days() {
    let docs = vec![
        article("a", "2024-02-01"),
        article("b", "2024-02-05"),
        article("c", "2024-03-20"),
    ];
    let opts = ClusterOptions {
        quiet_days: 7,
        ..ClusterOptions::default()
    };
    assert_eq!(
        cluster_docs(&docs, &opts).stories,
        vec![vec![0, 1], vec![2]]
    );
    let opts = ClusterOptions {
        quiet_days: 60,
        ..ClusterOptions::default()
    };
    assert_eq!(cluster_docs(&docs, &opts).stories, vec![vec![0, 1, 2]]);
}

#[test]
fn asking_for_the_stories_mid_stream_changes_nothing() {
    let Some(docs) = docs_from_shared() else {
        return;
    };
    let opts = ClusterOptions::default();
    let order = arrival_order(&docs);
    let mut plain = Clusterer::new(opts.clone());
    let mut asked = Clusterer::new(opts.clone());
    for (k, &i) in order.iter().enumerate() {
        plain.add_doc(&docs[i]);
        asked.add_doc(&docs[i]);
        if k % 40 == 0 {
            // A stream refines whenever it reports; the state it goes on from is untouched.
            asked.stories();
        }
    }
    assert_eq!(asked.stories(), plain.stories());
    assert_eq!(asked.provisional_stories(), plain.provisional_stories());
}

#[path = "../benches/cluster_quality/data.rs"]
#[allow(dead_code)]
mod data;

#[test]
fn headlines_one_at_a_time_build_the_batch_stories() {
    // Headlines take their own path (word pairs, the headline merge: cluster::short).
    let file = data::shared().join("data/uci-news-headlines/uci_news_aggregator_first6366rows.csv");
    if !file.exists() {
        eprintln!("skipped: ../shared is absent");
        return;
    }
    let items = data::uci(&file);
    let docs: Vec<Doc> = items
        .iter()
        .step_by(6)
        .map(|i| Doc::new(i.article.clone()))
        .collect();
    let opts = ClusterOptions::default();
    let batch = cluster_docs(&docs, &opts);
    let (_, online) = one_at_a_time(&docs, &opts);
    assert_eq!(online, batch.stories);
    assert!(batch.stories.len() > 20 && batch.stories.len() < docs.len() / 2);
    let articles: Vec<_> = docs.iter().map(|d| d.article.clone()).collect();
    assert_eq!(
        cluster_articles(&articles, &opts, &|_| {}).stories,
        batch.stories
    );
}

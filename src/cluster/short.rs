//! Short texts (headlines, briefs): word pairs as features, and a merge of their own.
//!
//! A headline names five to ten things, so one shared common word ("American", "posts",
//! "deal") is a large part of its vector, and the first headline of a new story can join an
//! unrelated story through it ("American Eagle offers few details into CEO search" joined a
//! story on Americans riding transit, then the rest of its story followed). Two adjacent
//! content words are far rarer together than apart ("american eagle", "mt gox", "top
//! banana"), so a headline standing alone also gets its adjacent content-word pairs as
//! features, at [`PAIR_WEIGHT`]: shared pairs pull one story's headlines together, a single shared common
//! word counts for less. That alone raises precision and lowers recall (outlets paraphrase),
//! so refinement then merges stories made mostly of short texts down to their own average
//! link ([`super::ClusterOptions::short_merge`]), far lower than articles need. Long
//! articles are left as they are: their many words already tell stories apart, pairs would
//! only cost memory, and ECB+ is unchanged.
//!
//! Measured on the UCI headlines (`cargo bench --bench cluster_quality`, choose F1 / reported
//! F1, threshold chosen; before: .808 / .775): pairs at weight 0.3 / 0.5 without the merge
//! .805 / .772, .815 / .766; with `short_merge` 0.03: .861 / .777 (kept) and 0.5: .855 / .776;
//! the merge without pairs at 0.02 / 0.03 / 0.035 / 0.04 / 0.05 / 0.06: .813 / .767, .848 /
//! .782, .854 / .767, .852 / .776, .834 / .754, .827 / .760. Filing a short text by its
//! nearest neighbours (the mean cosine of its three closest headlines in a story) instead of
//! by centroid, or only when one of the story's headlines is close enough (cosine 0.1 – 0.3),
//! cut recall far more than it raised precision (choose F1 .55 – .78); so did moving
//! headlines by average link instead of centroid cosine at refinement (.76 – .78).
//!
//! A headline in Title Case capitalizes every word, so it cannot tell its names from its
//! other words (a sentence-case headline can, after its first word), and such a headline
//! had no name features, which left it less alike to the sentence-case headlines of its own
//! story than they are to each other. Its capitalized words (and a sentence-case
//! headline's first word) are *maybe-names* ([`super::features::Kind::MaybeName`]):
//! refinement counts one as a name when some text of the stream used it as a name
//! ("Snowden", "Chiquita", "Gox"), and drops it otherwise ("Unveils"). Measured on the UCI
//! choosing part (choose F1 / reported F1, threshold chosen; before: .861 / .777 at 0.32):
//! .866 / .790 at 0.41, and above the old figure at every threshold from 0.24 to 0.50
//! (+.001 to +.017); at the default threshold .854 / .769 (before .846 / .784). With each
//! day's headlines mixed (`SHUFFLE=1` / `2`, choosing part, threshold 0.3) .833 / .844
//! (before .811 / .840). Known names on arrival too, instead of only at refinement: .859 /
//! .785 (seen as a name once), .852 / .788 (twice), .856 / .789 (three times); both
//! together .855 / .776. Only a headline standing alone has maybe-names: an article with a
//! body tells its names by its body ([`super::features`]), and maybe-names in every
//! article's headline moved ECB+ events to .930 / .920 (threshold chosen 0.01).
//! `short_merge` measured again with maybe-names: 0.025 .858 / .787, 0.03 .866 / .790,
//! 0.035 .859 / .787, 0.04 .857 / .785; 0.03 stays.
//!
//! Also measured and not kept (UCI choosing / reported F1, threshold chosen): a second
//! move pass for short texts after the headline merge, .857 / .781 (one pass), .854 / .756
//! (two); merging headline stories only when their average link is also at least `r` × the
//! lesser average link within them (cohesion), r 0.3 / 0.5 / 0.7: .851 / .778, .819 / .765,
//! .805 / .772, and with `short_merge` lowered to 0.015 – 0.025: .834 – .859.
//!
//! The UCI file lists each story's headlines together, so its stream is kinder than a live
//! one. With each day's headlines mixed (`cargo run --release --example uci_errors -- 0.3`
//! with `SHUFFLE=1` / `2`), the merge matters more: choosing part .722 / .767 without it,
//! .811 / .840 with it.
//!
//! Time ([`super::ClusterOptions::short_decay_days`]). A news aggregator's story is a burst:
//! two bursts on one subject are two stories ("Wall Street edges lower after record" one day,
//! "Wall Street closes lower" the next; GM's internal recall probe one day, the criminal
//! probe the next), and a headline shares too few words with a story to tell them apart
//! by words alone. So a headline standing alone has links that fade with the days between:
//! its cosine with a story's centroid on arrival and at refinement's moves, and the headline
//! merge's average link (of two stories made mostly of such headlines), are multiplied by
//! `exp(−gap / tau)` ([`decay`]); and a headline that copies another joins its original's
//! story outright only while that factor is at least 1/2 (the day after,
//! "US stocks open lower on weak Asian data" is a copy of the day before's headline, and it
//! carried the next day's market story into the first). Measured on the UCI choosing part
//! (choose F1, threshold chosen; before .866 at 0.41): tau 2 .878 (0.40), 1 .879 (0.58,
//! kept), 0.5 .903 (0.38), 0.25 .917 (0.58); at the default threshold (tau 1, 0.5, 0.25)
//! .874, .879, .910 (before .854). But every gold story of the UCI file lies on one day:
//! with each spread over three days (the bench's `STORYLINE_BENCH_UCI_SPREAD=3`) the same
//! taus score .865, .860, .795, .447 (off .857), so a short tau cuts a story that runs for
//! days into one story a day; tau 1 is the best that keeps such stories (see
//! [`super::ClusterOptions::short_decay_days`]). With
//! each day's headlines mixed (`SHUFFLE=1` / `2`, choosing part, threshold 0.3): .902 /
//! .903 (before .833 / .844). Without one of its parts (tau 0.25, `uci_errors` at
//! thresholds 0.41 / 0.58: .912 / .917 with all): copies joining across days .879 / .885;
//! no fade on arrival .871 / .865; none at the moves .853 / .852; none at the headline merge
//! .880 / .879.
//! Articles with a body are never faded, however short: fading every text under [`SHORT`]
//! features would also split one-paragraph briefs of one story a few days apart.
//! Also measured and not kept: filing a short text only in a story it shares at least two
//! (three) features with, on top of the fade (to keep a single common word from
//! linking): .902 / .906 (.906 / .908) at 0.41 / 0.58, recall lost.

use crate::doc::Doc;
use crate::words::Word;
use chrono::NaiveDate;

/// Weighted features below which refinement counts an article as short: the same bound
/// under which [`super::split`] leaves stories uncut.
pub const SHORT: usize = super::split::MIN_FEATURES;

/// Weight of a word pair against a content stem (chosen on the UCI choosing part: 0.3
/// .861, 0.5 .855, 0.7 .851, with `short_merge` 0.03).
pub const PAIR_WEIGHT: f64 = 0.3;

/// True for a headline standing alone: a document with a headline and no content word in
/// its body. (Pairs for every text with fewer than [`SHORT`] content words in its body, as
/// ECB+'s one-paragraph briefs, lowered ECB+ event F1 on the choosing part, .919 to .916;
/// from their body words too, to .911.)
pub fn is_headline(doc: &Doc, content: impl Fn(&Word) -> bool) -> bool {
    !doc.title_words.is_empty() && !doc.words.iter().flatten().any(content)
}

/// The pairs of adjacent content words of `words` (stems, joined by a space), stopwords
/// skipped.
pub fn pairs(words: &[Word], content: impl Fn(&Word) -> bool) -> Vec<String> {
    let kept: Vec<&Word> = words.iter().filter(|w| content(w)).collect();
    kept.windows(2)
        .map(|p| format!("{} {}", p[0].stem.as_str(), p[1].stem.as_str()))
        .collect()
}

/// True for an article vector with fewer than [`SHORT`] weighted features (how refinement
/// tells a short text, having only the vectors).
pub fn is_short_vector(v: &[(u64, f32)]) -> bool {
    v.len() < SHORT
}

/// Days from date `d` to the span `first ..= last` (0 inside it, or when a date is missing).
pub fn gap_days(d: Option<NaiveDate>, first: Option<NaiveDate>, last: Option<NaiveDate>) -> i64 {
    match (d, first, last) {
        (Some(d), Some(f), Some(l)) => (f - d).num_days().max((d - l).num_days()).max(0),
        _ => 0,
    }
}

/// A story's dates: its first and its last.
pub type Dates = (Option<NaiveDate>, Option<NaiveDate>);

/// Days between two stories' dates (0 when they overlap, or when a date is missing).
pub fn span_gap_days(a: Dates, b: Dates) -> i64 {
    match (a, b) {
        ((Some(f1), Some(l1)), (Some(f2), Some(l2))) => {
            (f2 - l1).num_days().max((f1 - l2).num_days()).max(0)
        }
        _ => 0,
    }
}

/// The weight of a headline's link across `gap` days: `exp(−gap / tau)`; 1 when `tau`
/// is 0 (no decay) or the gap is 0 (see [`super::ClusterOptions::short_decay_days`]).
pub fn decay(gap: i64, tau: f64) -> f64 {
    if tau <= 0.0 || gap <= 0 {
        1.0
    } else {
        (-(gap as f64) / tau).exp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text_article;
    use std::path::Path;

    fn doc(s: &str) -> Doc {
        Doc::new(text_article(Path::new("a.txt"), s.as_bytes().to_vec()).unwrap())
    }

    const HEADLINE: &str = "American Eagle offers few details into CEO search";

    #[test]
    fn adjacent_content_words_pair_up_across_stopwords() {
        let d = Doc::new(crate::model::Article {
            title: Some(HEADLINE.into()),
            title_span: Some(crate::model::Span::new(0, HEADLINE.len())),
            body: crate::model::Span::new(HEADLINE.len(), HEADLINE.len()),
            ..text_article(Path::new("a.txt"), HEADLINE.as_bytes().to_vec()).unwrap()
        });
        let content = |w: &Word| !w.stop && w.lower.chars().count() >= 2;
        let p = pairs(&d.title_words, content);
        assert_eq!(p.first().map(String::as_str), Some("american eagl"));
        assert!(p.contains(&"ceo search".to_string()), "{p:?}");
        // "into" is a stopword: "details" and "CEO" pair across it.
        assert!(p.contains(&"detail ceo".to_string()), "{p:?}");
        assert!(is_headline(&d, content));
        // A headline with a body, and a text without a headline, are not headlines alone.
        assert!(!is_headline(
            &doc("Storm floods valley\n\nRivers rose."),
            content
        ));
        assert!(!is_headline(&doc(HEADLINE), content));
    }

    #[test]
    fn links_fade_with_the_days_between() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let span = (d("2014-03-10"), d("2014-03-12"));
        assert_eq!(gap_days(d("2014-03-11"), span.0, span.1), 0);
        assert_eq!(gap_days(d("2014-03-15"), span.0, span.1), 3);
        assert_eq!(gap_days(d("2014-03-08"), span.0, span.1), 2);
        assert_eq!(gap_days(None, span.0, span.1), 0);
        assert_eq!(span_gap_days(span, (d("2014-03-12"), d("2014-03-20"))), 0);
        assert_eq!(span_gap_days((d("2014-03-14"), d("2014-03-20")), span), 2);
        assert_eq!(span_gap_days(span, (None, None)), 0);
        assert_eq!(decay(0, 0.25), 1.0);
        assert_eq!(decay(3, 0.0), 1.0);
        assert!((decay(1, 0.5) - (-2.0f64).exp()).abs() < 1e-12);
        assert!(decay(2, 1.0) < decay(1, 1.0));
    }

    /// A headline standing alone, published on `day` of March 2014.
    fn headline(id: &str, title: &str, day: u32) -> Doc {
        Doc::new(crate::model::Article {
            title: Some(title.into()),
            title_span: Some(crate::model::Span::new(0, title.len())),
            body: crate::model::Span::new(title.len(), title.len()),
            published: NaiveDate::from_ymd_opt(2014, 3, day),
            ..text_article(Path::new(&format!("{id}.txt")), title.as_bytes().to_vec()).unwrap()
        })
    }

    #[test]
    fn headlines_days_apart_make_stories_of_their_own_when_links_fade() {
        // One subject, two bursts: a launch, and an update two days later (its first
        // headline repeats one of the launch's word for word).
        let docs = [
            headline("a", "Titanfall launches on Xbox One today", 10),
            headline("b", "Titanfall launch draws crowds to Xbox One stores", 10),
            headline("c", "Respawn's Titanfall launches on Xbox One and PC", 10),
            headline("d", "Titanfall launches on Xbox One today", 12),
            headline("e", "Titanfall update fixes Xbox One matchmaking", 12),
            headline("f", "Respawn patches Titanfall matchmaking on Xbox One", 12),
        ];
        let story = |tau: f64| {
            let o = super::super::ClusterOptions {
                short_decay_days: tau,
                ..Default::default()
            };
            let c = super::super::cluster_docs(&docs, &o);
            let mut of = vec![0; docs.len()];
            for (s, m) in c.stories.iter().enumerate() {
                m.iter().for_each(|&i| of[i] = s);
            }
            of
        };
        let off = story(0.0);
        assert!(off.iter().all(|&s| s == off[0]), "{off:?}");
        let on = story(0.25);
        assert_eq!(on[0], on[1]);
        assert_eq!(on[0], on[2]);
        assert_eq!(on[3], on[4]);
        assert_eq!(on[3], on[5]);
        assert_ne!(on[0], on[3], "{on:?}");
    }

    #[test]
    fn a_headline_story_that_runs_for_days_stays_one_at_the_default() {
        // One story told a day at a time: each day's headlines share the story's words.
        let docs = [
            headline(
                "a",
                "Malaysia Airlines jet missing over South China Sea",
                10,
            ),
            headline(
                "b",
                "Missing Malaysia Airlines jet: search widens in South China Sea",
                10,
            ),
            headline(
                "c",
                "Search for missing Malaysia Airlines jet widens to Strait of Malacca",
                11,
            ),
            headline(
                "d",
                "Malaysia Airlines jet search: military radar saw plane turn back",
                11,
            ),
            headline(
                "e",
                "Missing Malaysia Airlines jet: search moves to Indian Ocean",
                12,
            ),
            headline("f", "Malaysia Airlines jet search enters Indian Ocean", 12),
        ];
        let c = super::super::cluster_docs(&docs, &super::super::ClusterOptions::default());
        assert_eq!(c.stories.len(), 1, "{:?}", c.stories);
        let cut = super::super::cluster_docs(
            &docs,
            &super::super::ClusterOptions {
                short_decay_days: 0.25,
                ..Default::default()
            },
        );
        assert!(cut.stories.len() > 1, "{:?}", cut.stories);
    }
}

//! Invariants of the analysis on arbitrary text: it never panics, and every span it reports
//! lies inside its article's text on character boundaries.

use proptest::prelude::*;
use storyline::analyze::{analyze, AnalyzeOptions};
use storyline::{Article, Span, Story};

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn article(i: usize, text: String) -> Article {
    Article::from_text(format!("d{i}"), text)
}

/// Pieces news text is made of, including the marks and names the rules look at.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Secretary of State Antony J. Blinken ".to_string()),
        Just("Mr. Lavrov said ".to_string()),
        Just("\u{201c}We will see,\u{201d} he added. ".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just("\u{2018}frank\u{2019} ".to_string()),
        Just("over 100,000 troops ".to_string()),
        Just("no agreement was reached. ".to_string()),
        Just("reached a truce. ".to_string()),
        Just("the U.S. and US ".to_string()),
        Just("\n\n".to_string()),
        Just(" | Just The News\n".to_string()),
        "[A-Za-z\u{e9}\u{2014}\u{2019} ,.]{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_stay_inside_the_text(docs in prop::collection::vec(prop::collection::vec(piece(), 1..30), 1..4)) {
        let articles: Vec<_> = docs
            .iter()
            .enumerate()
            .map(|(i, ps)| article(i, ps.concat()))
            .collect();
        let story = Story::from_articles(articles);
        let a = analyze(&story, &AnalyzeOptions::default());
        let text = |d: usize| story.docs[d].article.text.as_str();
        for m in &a.entities.mentions {
            prop_assert!(valid(text(m.doc), m.span) && valid(text(m.doc), m.full));
            prop_assert!(m.full.start <= m.span.start && m.span.end <= m.full.end);
        }
        for q in &a.quotes.quotes {
            prop_assert!(valid(text(q.doc), q.span));
            if let Some(s) = &q.speaker {
                prop_assert!(valid(text(q.doc), s.span));
            }
        }
        for c in &a.claims.claims {
            for k in &c.conflicts {
                prop_assert!(valid(text(k.doc), k.span));
            }
        }
    }
}

//! Property: every item of every stage is exactly the bytes it says it covers.

use proptest::prelude::*;
use std::path::Path;
use storyline::inspect::{inspect_article, Stage};

/// Article-like text: words (some non-ASCII), punctuation, quotes, abbreviations, blank lines,
/// `date` headers and boilerplate lines.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,10}",
        Just("Zürich".to_string()),
        Just("naïve".to_string()),
        Just("—".to_string()),
        Just("“Yes,” he said.".to_string()),
        Just("\"No\" said".to_string()),
        Just("Secretary of State Antony Blinken".to_string()),
        Just("Sergei Lavrov told".to_string()),
        Just("Geneva".to_string()),
        Just("the New York Times".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("Jan. 21".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("Follow us on Twitter".to_string()),
        Just("date 2022-01-21".to_string()),
        Just("  ".to_string()),
        Just("\u{feff}".to_string()),
    ];
    prop::collection::vec(piece, 1..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn items_are_exact_spans(text in article_text()) {
        let Ok(article) = storyline::ingest::text_article(Path::new("p.txt"), text.clone().into_bytes()) else {
            return Ok(());
        };
        prop_assert_eq!(&article.text, &text);
        for stage in Stage::ALL {
            let out = inspect_article(&article, stage, None);
            let mut last_end = 0;
            for item in &out.items {
                prop_assert!(item.start <= item.end && item.end <= text.len());
                prop_assert_eq!(item.text.as_str(), &text[item.start..item.end]);
                prop_assert!(item.start >= last_end, "items overlap or go backwards");
                last_end = item.end;
            }
        }
    }
}

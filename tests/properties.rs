//! Invariants: splitting loses no text; summaries never exceed their budget; every
//! summary span is the text it claims.

use proptest::prelude::*;
use storyline::model::{Article, Span};
use storyline::sentences::split;
use storyline::{summarize, Options, Story};

fn words() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Blinken",
        "met",
        "Lavrov",
        "in",
        "Geneva",
        "U.S.",
        "Jan.",
        "21",
        "Mr.",
        "said",
        "the",
        "troops",
        "100,000",
        "\u{201c}We",
        "know\u{201d}",
        "Sec.",
        "No.",
        "3.5",
        "...",
        "talks",
        "Russia",
        "Ukraine",
        "J.",
        "caf\u{e9}",
        "\u{1F600}",
        "over",
        "week",
        "next",
        "response",
        "written",
    ]);
    let punct = prop::sample::select(vec!["", "", "", ".", ",", "?", "!", ".\u{201d}", ":"]);
    prop::collection::vec((word, punct), 1..60).prop_map(|ws| {
        ws.into_iter()
            .map(|(w, p)| format!("{w}{p}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn article(id: usize, text: String) -> Article {
    Article::from_text(format!("a{id}"), text)
}

proptest! {
    #[test]
    fn splitting_loses_no_text(text in words(), pad in "[ \t]{0,3}") {
        let para = format!("{pad}{text}{pad}");
        let spans = split(&para, Span::new(0, para.len()));
        let mut last = 0;
        for s in &spans {
            prop_assert!(s.start >= last && s.end > s.start && s.end <= para.len());
            prop_assert!(para.is_char_boundary(s.start) && para.is_char_boundary(s.end));
            last = s.end;
        }
        let joined: String = spans.iter().map(|s| s.of(&para)).collect();
        let a: String = para.chars().filter(|c| !c.is_whitespace()).collect();
        let b: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn the_budget_is_never_exceeded(
        texts in prop::collection::vec(prop::collection::vec(words(), 1..6), 1..5),
        budget in 1usize..150,
    ) {
        let arts: Vec<Article> = texts
            .into_iter()
            .enumerate()
            .map(|(i, paras)| article(i, paras.join("\n\n")))
            .collect();
        let story = Story::from_articles(arts);
        let opts = Options { words: budget, ..Options::default() };
        let summary = summarize(&story, &opts);
        let mut total = 0;
        for s in &summary.sentences {
            let text = s.span.of(&story.docs[s.doc].article.text);
            total += text.split_whitespace().count();
            prop_assert!(s.sources.contains(&s.doc));
        }
        prop_assert!(total <= budget, "{} > {}", total, budget);
        prop_assert_eq!(total, summary.words);
    }
}

//! Invariants of the time tagger on arbitrary input: no panic, every span inside the given
//! span and on character boundaries, mentions in order without overlaps, and the same
//! mentions for an expression whatever text surrounds it.

use chrono::NaiveDate;
use proptest::prelude::*;
use storyline::time::{reference_date, tag};
use storyline::Span;

/// Text built from news-like pieces, so that expressions actually occur and meet noise.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Friday".to_string()),
        Just("this Friday, Jan. 21".to_string()),
        Just("next week".to_string()),
        Just("two days ago".to_string()),
        Just("5 p.m.".to_string()),
        Just("12:01am".to_string()),
        Just("2022-01-19".to_string()),
        Just("an hour-and-a-half".to_string()),
        Just("May, 2 2014".to_string()),
        Just("1990s".to_string()),
        Just("every Friday".to_string()),
        Just(" said ".to_string()),
        Just(" will ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("“".to_string()),
        Just("é".to_string()),
        "[a-zA-Z0-9 ,.:'’/-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn reference() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1900i32..2100, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_lie_inside_and_on_boundaries(text in newsy(), a in 0usize..200, b in 0usize..200, r in reference()) {
        let span = Span { start: a.min(b), end: a.max(b) };
        let found = tag(&text, span, r);
        let mut last_end = 0;
        for m in &found {
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(m.span.start >= span.start && m.span.end <= span.end.min(text.len()));
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last_end, "overlap or disorder");
            last_end = m.span.end;
            prop_assert!(!m.value.is_empty());
        }
    }

    #[test]
    fn whole_text_never_panics(text in any::<String>(), r in reference()) {
        let _ = tag(&text, Span::new(0, text.len()), r);
        let _ = reference_date(&text);
    }

    #[test]
    fn an_expression_reads_the_same_after_any_sentence(prefix in "[A-Za-z ,]{0,40}") {
        // The same sentence after an unrelated one: same extent and value.
        let sentence = "Blinken met Lavrov on Tuesday, Jan. 18, 2022.";
        let text = format!("{prefix}. {sentence}");
        let found = tag(&text, Span::new(0, text.len()), None);
        let m = found.iter().find(|m| m.value == "2022-01-18");
        prop_assert!(m.is_some(), "{:?}", found);
        prop_assert_eq!(m.unwrap().span.of(&text), "Tuesday, Jan. 18, 2022");
    }
}

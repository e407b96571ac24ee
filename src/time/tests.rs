//! Cases from real news text (mostly the seed articles), each value worked out by hand
//! from the TIMEX3 guidelines and the calendar of January 2022.

use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// Tags `text` and returns (extent, type, value) for each mention.
fn run(text: &str, reference: Option<NaiveDate>) -> Vec<(String, &'static str, String)> {
    tag(text, Span::new(0, text.len()), reference)
        .into_iter()
        .map(|m| (m.span.of(text).to_string(), m.kind.as_str(), m.value))
        .collect()
}

/// Asserts that `text` holds exactly one mention, with this extent, type and value.
#[track_caller]
fn one(text: &str, reference: Option<NaiveDate>, extent: &str, kind: &str, value: &str) {
    let got = run(text, reference);
    assert_eq!(got.len(), 1, "{text:?}: {got:?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].1, got[0].2.as_str()),
        (extent, kind, value),
        "{text:?}"
    );
}

const FRI: (i32, u32, u32) = (2022, 1, 21);
const WED: (i32, u32, u32) = (2022, 1, 19);

fn r(x: (i32, u32, u32)) -> Option<NaiveDate> {
    d(x.0, x.1, x.2)
}

#[test]
fn absolute_dates() {
    let cases = [
        (
            "@SecBlinken) January 18, 2022",
            "January 18, 2022",
            "2022-01-18",
        ),
        (
            "he departs, Tuesday, Jan. 18, 2022, at Andrews",
            "Tuesday, Jan. 18, 2022",
            "2022-01-18",
        ),
        (
            "Northern Ireland, Friday, May, 2 2014. Police",
            "Friday, May, 2 2014",
            "2014-05-02",
        ),
        (
            "Belfast, Saturday, May, 3, 2014, in reference",
            "Saturday, May, 3, 2014",
            "2014-05-03",
        ),
        (
            "In this Tuesday Feb. 19, 2008 file photo",
            "Tuesday Feb. 19, 2008",
            "2008-02-19",
        ),
        (
            "signed on 21 January 2022 in Geneva",
            "21 January 2022",
            "2022-01-21",
        ),
        ("date 2022-01-19 Amidst", "2022-01-19", "2022-01-19"),
        ("the title of the 1974 film", "1974", "1974"),
        ("channeled 1970s action star", "1970s", "197"),
        ("music of the '90s returned", "'90s", "199"),
        ("in January 2022 they met", "January 2022", "2022-01"),
        ("prices rose in 2021.", "2021", "2021"),
    ];
    for (text, extent, value) in cases {
        one(text, None, extent, "DATE", value);
        one(text, r(FRI), extent, "DATE", value);
    }
}

#[test]
fn dates_without_year_take_it_from_the_reference() {
    one(
        "met in Geneva this Friday, Jan. 21, aimed at",
        r(FRI),
        "this Friday, Jan. 21",
        "DATE",
        "2022-01-21",
    );
    one(
        "On Thursday, Jan. 20, reports indicate",
        r(FRI),
        "Thursday, Jan. 20",
        "DATE",
        "2022-01-20",
    );
    one(
        "the negotiations on January 10 between Kremlin",
        r(WED),
        "January 10",
        "DATE",
        "2022-01-10",
    );
    one(
        "a treaty that it released in December.",
        d(2022, 1, 23),
        "December",
        "DATE",
        "2021-12",
    );
    one(
        "Tennessee is among the states holding their primaries on March 1, also called",
        d(2015, 10, 3),
        "March 1",
        "DATE",
        "2016-03-01",
    );
    one("met on Jan. 21", None, "Jan. 21", "DATE", "XXXX-01-21");
}

#[test]
fn weekdays_follow_the_tense() {
    // The case: "on Tuesday" in an article of Wednesday 19 January 2022.
    one(
        "Blinken on Tuesday set out to meet Lavrov",
        r(WED),
        "Tuesday",
        "DATE",
        "2022-01-18",
    );
    one(
        "in a meeting scheduled for Friday, an official said",
        r(WED),
        "Friday",
        "DATE",
        "2022-01-21",
    );
    one(
        "they had agreed to meet in person on Friday",
        r(WED),
        "Friday",
        "DATE",
        "2022-01-21",
    );
    one(
        "Blinken met Friday with Lavrov",
        r(FRI),
        "Friday",
        "DATE",
        "2022-01-21",
    );
    one(
        "Robles said Thursday.",
        r(FRI),
        "Thursday",
        "DATE",
        "2022-01-20",
    );
    one(
        "Blinken on Wednesday said that",
        r(FRI),
        "Wednesday",
        "DATE",
        "2022-01-19",
    );
    one(
        "He will fly to Kyiv on Monday.",
        r(WED),
        "Monday",
        "DATE",
        "2022-01-24",
    );
    one(
        "He flew to Kyiv on Monday.",
        r(WED),
        "Monday",
        "DATE",
        "2022-01-17",
    );
    one(
        "He will fly to Kyiv next Monday.",
        r(WED),
        "next Monday",
        "DATE",
        "2022-01-24",
    );
    one(
        "He flew to Kyiv last Monday.",
        r(WED),
        "last Monday",
        "DATE",
        "2022-01-17",
    );
    one("They met on Friday.", None, "Friday", "DATE", "XXXX-WXX-5");
}

#[test]
fn relative_periods() {
    one(
        "reached a truce until next week.",
        r(FRI),
        "next week",
        "DATE",
        "2022-W04",
    );
    one(
        "messaging from the White House this week, Blinken",
        r(FRI),
        "this week",
        "DATE",
        "2022-W03",
    );
    one(
        "Earlier this week, Lavrov met Blinken",
        d(2022, 1, 23),
        "Earlier this week",
        "DATE",
        "2022-W03",
    );
    one(
        "and NATO counterparts, later this weekend.",
        r(WED),
        "later this weekend",
        "DATE",
        "2022-W03-WE",
    );
    one(
        "any breakthroughs in the coming week in talks",
        r(WED),
        "the coming week",
        "DATE",
        "2022-W04",
    );
    one(
        "sales fell last month",
        r(FRI),
        "last month",
        "DATE",
        "2021-12",
    );
    one("it grew last year", r(FRI), "last year", "DATE", "2021");
    one(
        "Two days ago, the Times reported",
        r(FRI),
        "Two days ago",
        "DATE",
        "2022-01-19",
    );
    one(
        "He left yesterday",
        r(FRI),
        "yesterday",
        "DATE",
        "2022-01-20",
    );
    one(
        "to happen today, but",
        r(FRI),
        "today",
        "DATE",
        "2022-01-21",
    );
    one(
        "He speaks tonight",
        r(FRI),
        "tonight",
        "TIME",
        "2022-01-21TNI",
    );
    one(
        "This morning, Blinken met Lavrov",
        r(FRI),
        "This morning",
        "TIME",
        "2022-01-21TMO",
    );
    one(
        "tweeted Sunday afternoon saying",
        d(2016, 8, 14),
        "Sunday afternoon",
        "TIME",
        "2016-08-14TAF",
    );
    one(
        "reached a truce until next week.",
        None,
        "next week",
        "DATE",
        "XXXX-WXX",
    );
}

#[test]
fn times_of_day() {
    one(
        "The talks start at 5 p.m. in Geneva",
        r(FRI),
        "5 p.m.",
        "TIME",
        "2022-01-21T17:00",
    );
    one(
        "The talks start at 6:30 p.m. in Geneva",
        r(FRI),
        "6:30 p.m.",
        "TIME",
        "2022-01-21T18:30",
    );
    one(
        "The law takes effect at 12:01am.",
        r(FRI),
        "12:01am",
        "TIME",
        "2022-01-21T00:01",
    );
    one(
        "The law takes effect at 12:01am.",
        None,
        "12:01am",
        "TIME",
        "XXXX-XX-XXT00:01",
    );
}

#[test]
fn durations() {
    let cases = [
        (
            "in Geneva for about an hour-and-a-half as the",
            "about an hour-and-a-half",
            "PT1H30M",
        ),
        (
            "will be sent within three or four days, Robles",
            "three or four days",
            "PXD",
        ),
        ("Over the course of two days, Blinken", "two days", "P2D"),
        ("a speech of 90 minutes", "90 minutes", "PT90M"),
        ("said during his hourlong speech", "hourlong", "PT1H"),
        ("Hours before Mr. Blinken spoke", "Hours", "PTXH"),
        (
            "written responses in the coming days",
            "the coming days",
            "PXD",
        ),
        (
            "have evolved significantly over the years.",
            "the years",
            "PXY",
        ),
        ("a two-day summit", "two-day", "P2D"),
        ("within five business days", "five business days", "P5D"),
        ("in the past two weeks", "the past two weeks", "P2W"),
    ];
    for (text, extent, value) in cases {
        one(text, r(FRI), extent, "DURATION", value);
    }
}

#[test]
fn sets_and_references() {
    one(
        "They meet every Friday.",
        r(FRI),
        "every Friday",
        "SET",
        "XXXX-WXX-5",
    );
    one("The paper appears daily.", r(FRI), "daily", "SET", "P1D");
    one("a weekly briefing", r(FRI), "weekly", "SET", "P1W");
    one(
        "which now surrounds the country",
        r(FRI),
        "now",
        "DATE",
        "PRESENT_REF",
    );
    one(
        "Russia, at present, has 100,000 troops",
        r(FRI),
        "present",
        "DATE",
        "PRESENT_REF",
    );
    one(
        "forces recently sent to Ukraine",
        r(FRI),
        "recently",
        "DATE",
        "PAST_REF",
    );
    one(
        "Right now, the plan is",
        r(FRI),
        "Right now",
        "DATE",
        "PRESENT_REF",
    );
}

#[test]
fn not_time_expressions() {
    for text in [
        "Russia has 100,000 troops on the border.",
        "Blinken had said on ABC’s “This Week.”",
        "Russia may attempt to invade Ukraine.",
        "Tennessee holds primaries on Super Tuesday",
        "He will present written responses.",
        "I know that there are plans in place.",
        "A 20-year-old man was arrested.",
        "Season 42 of Saturday Night Live premiers on NBC",
    ] {
        assert_eq!(run(text, r(FRI)), vec![], "{text:?}");
    }
}

#[test]
fn reference_date_from_a_dateline() {
    assert_eq!(
        reference_date("GENEVA, Friday, Jan. 21, 2022 — Blinken met Lavrov on Friday."),
        r(FRI)
    );
    assert_eq!(
        reference_date(" date 2022-01-19 Amidst a highly tense situation"),
        r(WED)
    );
    assert_eq!(
        reference_date("Blinken met Lavrov on Friday, Jan. 21."),
        None
    );
    assert_eq!(reference_date(""), None);
}

#[test]
fn spans_index_the_whole_text_and_stay_inside_the_given_span() {
    let text = "Intro. On Tuesday, Jan. 18, 2022, he left. Next week he returns.";
    let start = text.find("On").unwrap();
    let end = text.find(" Next").unwrap();
    let found = tag(text, Span::new(start, end), None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.of(text), "Tuesday, Jan. 18, 2022");
    assert_eq!(found[0].date, d(2022, 1, 18));
    assert_eq!(found[0].granularity, Granularity::Day);
    assert!(!found[0].relative);
    // A span past the end or inside a character is narrowed, not a panic.
    assert!(tag("é Friday", Span::new(1, 100), None).len() == 1);
}

#[test]
fn article_reference_prefers_the_metadata_date() {
    let text = "GENEVA, Friday, Jan. 21, 2022 — Blinken met Lavrov.".to_string();
    let mut a = crate::model::Article {
        id: "a".into(),
        source: "a".into(),
        url: None,
        title: None,
        published: d(2022, 1, 22),
        path: "a.txt".into(),
        line: None,
        format: crate::model::Format::Text,
        body: Span::new(0, text.len()),
        text,
        title_span: None,
    };
    assert_eq!(article_reference(&a), d(2022, 1, 22));
    a.published = None;
    assert_eq!(article_reference(&a), r(FRI));
}

#[test]
fn reference_date_only_from_a_dateline_position() {
    // Datelines and headers seen in Multi-News documents.
    let cases = [
        (
            "Posted Tuesday, November 21, 2017 5:27 pm",
            Some((2017, 11, 21)),
        ),
        ("Published on Aug 11, 2016\nText.", Some((2016, 8, 11))),
        (
            "CHICAGO, Nov. 30, 2018 /PRNewswire/ -- United Airlines",
            Some((2018, 11, 30)),
        ),
        (
            "MONDAY, Jan. 25, 2016 (HealthDay News) -- Colon cancer",
            Some((2016, 1, 25)),
        ),
        ("By Jane Doe | March 10, 2012", Some((2012, 3, 10))),
        ("Headline\nFebruary 2, 2018\nBody.", Some((2018, 2, 2))),
        // Reported events and captions, not the article's date.
        (
            "FILE - In this Nov. 10, 2009 file photo Mikhail Kalashnikov",
            None,
        ),
        ("On Oct. 3, 1995, a jury acquitted O.J. Simpson.", None),
        (
            "The new tax went into effect on January 1, 2018 and adds 1.75 cents.",
            None,
        ),
        (
            "A visitor arrives at a gated house in Woodland Hills on Tuesday, Jan. 24, 2017.",
            None,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            reference_date(text),
            want.and_then(|(y, m, dd)| d(y, m, dd)),
            "{text:?}"
        );
    }
    // A caption first, then the dateline: the dateline is taken.
    assert_eq!(
        reference_date(
            "FILE - In this May 4, 2001 photo, a man.\nPosted: Wednesday, June 27, 2012 1:32 PM"
        ),
        d(2012, 6, 27)
    );
}

#[test]
fn a_date_line_is_a_date_and_nothing_else() {
    // First lines of ECB+ documents.
    for line in [
        "June 06 , 2013",
        "Friday , June 7 , 2013",
        "Updated Saturday , December 05 , 2009 8 : 28 PM",
        "Updated : November 11 , 2011 20 : 09 IST",
        "9 : 53 AM , MON 22 JUL 2013",
        "Nov 13 , 2007 , 1 : 17pm EST",
        "12 January 2010 @ 09 : 29 pm",
        "February 29 , 2012 , 7 : 32 p . m . ET",
        "Published: March 13, 2013",
        "THURSDAY , JUNE 30 , 2005",
    ] {
        assert!(is_date_line(line), "{line:?}");
    }
    for line in [
        // Headlines and sentences that hold a date.
        "Esther Williams , swimming star , dies at 91",
        "Vincent 'The Chin' Gigante died while in prison custody on December 19 , 2005 .",
        "On Oct. 3, 1995, a jury acquitted him",
        "Polygamist prophet Warren Jeffs charged againJuly 23 , 2008 . 4 : 49 pm",
        // A dateline's place: the entities read it.
        "March 14 , 2013 - UNITED STATES -",
        "INDONESIA , July 2 , 2013",
        // No complete date.
        "Friday , June 7",
        "8 : 28 PM",
        "",
    ] {
        assert!(!is_date_line(line), "{line:?}");
    }
}

//! The TIMEX3 values a mention resolves to.
//!
//! TIMEX3 (TimeML, as scored in TempEval-3) is what public benchmarks judge, so a
//! mention carries exactly its attributes: a type, and a value string in ISO 8601 form
//! extended with `X` for unknown digits, `W` weeks, `WE` weekends, parts of day (`TMO`)
//! and seasons (`SU`), plus `PRESENT_REF`/`PAST_REF`/`FUTURE_REF`. The granularity and the
//! first day are derived for the timeline, which orders mentions and shows them at the
//! precision the text gave.

use crate::model::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "Jan. 21", "next week", "2021", "now".
    Date,
    /// A time of day, or a part of a day: "5 p.m.", "this morning".
    Time,
    /// A length of time: "two days", "90 minutes".
    Duration,
    /// A recurrence: "every Friday", "daily".
    Set,
}

impl TimexType {
    /// The TIMEX3 name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How precise a value is: the smallest calendar unit it names.
///
/// For a duration or a set it is the unit the length is counted in (`P2D` → day);
/// for `PRESENT_REF`-like values it is [`Granularity::Vague`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Seconds, minutes or hours: a clock time.
    Time,
    /// A part of a day ("this morning").
    PartOfDay,
    /// One day.
    Day,
    /// A week or a weekend.
    Week,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
    /// No calendar unit ("now", "recently").
    Vague,
}

impl Granularity {
    /// The lower-case name used in JSON: `time`, `partofday`, `day`, `week`, `month`,
    /// `season`, `year`, `decade`, `century` or `vague`.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::PartOfDay => "partofday",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::Vague => "vague",
        }
    }
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMention {
    /// The expression's bytes in the text given to [`crate::time::tag`], following the TIMEX3
    /// extent rules: no leading preposition ("on"), but its determiners and modifiers
    /// ("this Friday, Jan. 21", "earlier this week", "about an hour-and-a-half").
    pub span: Span,
    /// The TIMEX3 type.
    pub kind: TimexType,
    /// The TIMEX3 value: `2022-01-21`, `2022-W04`, `2022-W03-WE`, `2022-01`, `2022`, `199`,
    /// `2022-01-21T17:00`, `2022-01-21TMO`, `P2D`, `PT1H30M`, `PXD`, `XXXX-WXX-5`,
    /// `PRESENT_REF`, … Digits that could not be resolved (no reference date) are `X`.
    pub value: String,
    /// The smallest unit the value names.
    pub granularity: Granularity,
    /// For a resolved `DATE` or `TIME`: the first day of the period it names (the day
    /// itself, the Monday of a week, the Saturday of a weekend, the 1st of a month, 1 January
    /// of a year or of a decade's first year). `None` for durations, sets, vague references
    /// and values with unresolved digits.
    pub date: Option<NaiveDate>,
    /// True when the value was computed from the reference date ("next week", "Friday",
    /// "Jan. 21" without a year), false when the text alone gave it ("Jan. 21, 2022") or
    /// when it needs no date at all (durations, sets).
    pub relative: bool,
}

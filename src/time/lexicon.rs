//! The words time expressions are made of, as small lookup functions.
//!
//! Kept apart from the grammar so that a word list can grow without touching the rules.
//! Every function takes a lower-cased token.

/// A calendar unit of a duration or a relative date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration designator ("D" in `P2D`) and whether it goes after the `T`.
    pub(crate) fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// A unit word, singular or plural, with whether it was plural.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Month number (1–12) of a month name or abbreviation, and whether it is an abbreviation.
pub(crate) fn month(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Weekday (0 = Monday) of a day name or abbreviation, and whether it is an abbreviation.
pub(crate) fn weekday(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "monday" => (0, false),
        "tuesday" => (1, false),
        "wednesday" => (2, false),
        "thursday" => (3, false),
        "friday" => (4, false),
        "saturday" => (5, false),
        "sunday" => (6, false),
        "mon" => (0, true),
        "tue" | "tues" => (1, true),
        "wed" => (2, true),
        "thu" | "thur" | "thurs" => (3, true),
        "fri" => (4, true),
        "sat" => (5, true),
        "sun" => (6, true),
        _ => return None,
    })
}

/// The plural of a weekday ("Fridays"), for sets.
pub(crate) fn weekday_plural(w: &str) -> Option<u32> {
    let stem = w.strip_suffix('s')?;
    match weekday(stem) {
        Some((d, false)) => Some(d),
        _ => None,
    }
}

/// Part of a day and its TIMEX3 code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Season and its TIMEX3 code.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A cardinal number word (one to ninety-nine are built by the grammar from these).
pub(crate) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Vague quantities that make a duration's count unknown ("several days" → `PXD`).
pub(crate) fn vague_quantity(w: &str) -> bool {
    matches!(
        w,
        "several" | "few" | "many" | "multiple" | "some" | "numerous"
    )
}

/// Approximators and bounds that TIMEX3 keeps inside a duration's extent (as its `mod`).
pub(crate) fn duration_modifier(w: &str) -> bool {
    matches!(
        w,
        "about" | "nearly" | "almost" | "approximately" | "roughly" | "around" | "some" | "just"
    )
}

/// Adjectives with a built-in duration ("hourlong").
pub(crate) fn long_adjective(w: &str) -> Option<Unit> {
    Some(match w {
        "hourlong" => Unit::Hour,
        "daylong" => Unit::Day,
        "weeklong" => Unit::Week,
        "monthlong" => Unit::Month,
        "yearlong" => Unit::Year,
        "decadelong" => Unit::Decade,
        _ => return None,
    })
}

/// Adverbs of frequency that are TIMEX3 sets ("daily" → `P1D`).
pub(crate) fn frequency_adverb(w: &str) -> Option<&'static str> {
    Some(match w {
        "hourly" => "PT1H",
        "daily" => "P1D",
        "nightly" => "TNI",
        "weekly" => "P1W",
        "biweekly" => "P2W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "yearly" | "annually" => "P1Y",
        _ => return None,
    })
}

/// Time zones kept inside a clock time's extent ("5 p.m. EST").
pub(crate) fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "et" | "est"
            | "edt"
            | "ct"
            | "cst"
            | "cdt"
            | "mt"
            | "mst"
            | "mdt"
            | "pt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
    )
}

/// Capitalised words that make a following weekday part of a name ("Super Tuesday").
pub(crate) fn weekday_name_prefix(w: &str) -> bool {
    matches!(
        w,
        "super"
            | "black"
            | "good"
            | "bloody"
            | "easter"
            | "palm"
            | "cyber"
            | "ash"
            | "holy"
            | "fat"
            | "giving"
            | "maundy"
            | "whit"
    )
}

/// Titles before a name: their full stop never ends a sentence.
pub(crate) fn title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "sec"
            | "st"
            | "no"
            | "vs"
    )
}

/// Words whose full stop ends a sentence only before a capitalised word.
pub(crate) fn abbreviation(w: &str) -> bool {
    w.chars().count() == 1
        || month(w).is_some_and(|(_, abbr)| abbr)
        || weekday(w).is_some_and(|(_, abbr)| abbr)
        || matches!(w, "jr" | "sr" | "inc" | "corp" | "co" | "ltd")
}

/// Lower-case words that can begin a time expression, besides month and weekday names,
/// digits and apostrophes ("'90s"). The grammar is only tried where one of these stands.
pub(crate) fn starts_expression(w: &str) -> bool {
    unit(w).is_some()
        || number_word(w).is_some()
        || vague_quantity(w)
        || duration_modifier(w)
        || long_adjective(w).is_some()
        || frequency_adverb(w).is_some()
        || matches!(
            w,
            "this"
                | "next"
                | "coming"
                | "last"
                | "past"
                | "previous"
                | "the"
                | "recent"
                | "early"
                | "late"
                | "earlier"
                | "later"
                | "mid"
                | "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "now"
                | "right"
                | "currently"
                | "presently"
                | "nowadays"
                | "present"
                | "these"
                | "recently"
                | "lately"
                | "every"
                | "each"
                | "once"
                | "twice"
                | "a"
                | "an"
                | "more"
                | "less"
                | "fewer"
                | "at"
                | "up"
                | "shortly"
                | "noon"
                | "midday"
                | "midnight"
        )
}

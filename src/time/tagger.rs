//! Finding time expressions: a small grammar over tokens.
//!
//! Each rule looks at the tokens from one position and, when it matches, says how many
//! tokens the expression covers and what it means ([`Expr`]), before any reference date is
//! known; the longest match at a position wins and the scan goes on after it. Extents follow
//! TIMEX3: a leading preposition stays out ("on Friday" → "Friday"), determiners and
//! modifiers stay in ("this Friday, Jan. 21", "earlier this week", "about two hours").

use super::lexicon::{self, Unit};
use super::tokens::Token;

/// How a weekday or a period is shifted from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// No determiner: the sentence's tense decides ("on Friday").
    Bare,
    /// "this".
    This,
    /// "next", "coming".
    Next,
    /// "last", "past", "previous".
    Last,
}

/// A count of units: exact (possibly fractional) or vague ("several", "three or four").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Count {
    Exact(f64),
    Vague,
}

/// What an expression means before it is anchored to a reference date.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly partial: "Jan. 21", "January 2022", "2022-01-19", "in
    /// December"; with an optional part of day or clock time.
    Cal {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        part: Option<&'static str>,
        clock: Option<(u32, u32)>,
    },
    /// A weekday (0 = Monday): "Friday", "this Friday", "last Tuesday night".
    Weekday {
        wd: u32,
        shift: Shift,
        part: Option<&'static str>,
        clock: Option<(u32, u32)>,
    },
    /// A day counted from the reference: "today" (0), "yesterday" (-1), "tonight" (0, NI).
    DayOffset {
        offset: i64,
        part: Option<&'static str>,
        clock: Option<(u32, u32)>,
    },
    /// A clock time alone: "5 p.m.".
    Clock(u32, u32),
    /// A calendar period around the reference: "this week" (0), "next month" (1),
    /// "last year" (-1); `weekend` for "this weekend".
    Period { unit: Unit, shift: i64, weekend: bool },
    /// "the weekend" without a determiner: the tense decides which.
    Weekend,
    /// A season, this/next/last or of a given year.
    Season { code: &'static str, shift: i64, year: Option<i32> },
    /// "two days ago".
    Ago { count: Count, unit: Unit },
    /// A decade by its first three digits: "1990s" → 199.
    Decade(i32),
    /// A century by its first two digits: "the 20th century" → 19.
    Century(i32),
    /// A length of time.
    Duration { count: Count, unit: Unit },
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Ref(&'static str),
    /// A recurrence with its TIMEX3 value.
    Set(String),
}

/// One expression found: tokens `[from, to)` and what they mean.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub from: usize,
    pub to: usize,
    pub expr: Expr,
}

/// Finds every time expression in `toks`, left to right, without overlaps.
pub(crate) fn find(toks: &[Token<'_>]) -> Vec<Found> {
    let g = Grammar { t: toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match g.best_at(i) {
            Some((to, expr)) => {
                out.push(Found { from: i, to, expr });
                i = to;
            }
            None => i += 1,
        }
    }
    out
}

struct Grammar<'t, 'a> {
    t: &'t [Token<'a>],
}

type Match = Option<(usize, Expr)>;

const SHIFT_WORDS: &[(&str, Shift)] = &[
    ("this", Shift::This),
    ("next", Shift::Next),
    ("coming", Shift::Next),
    ("last", Shift::Last),
    ("past", Shift::Last),
    ("previous", Shift::Last),
];

impl Grammar<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    /// Token `i` exists and touches the token before it (no space).
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }

    fn prev(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    fn best_at(&self, i: usize) -> Match {
        let rules: [fn(&Self, usize) -> Match; 10] = [
            Self::iso_date,
            Self::weekday_date,
            Self::month_date,
            Self::day_month,
            Self::clock_rule,
            Self::relative_day,
            Self::period,
            Self::quantity,
            Self::year_or_decade,
            Self::refs_and_sets,
        ];
        let mut best: Match = None;
        for r in rules {
            if let Some((to, e)) = r(self, i) {
                if to > i && best.as_ref().is_none_or(|(b, _)| to > *b) {
                    best = Some((to, e));
                }
            }
        }
        best
    }

    // ---------- pieces ----------

    /// A month name at `i` (capitalised; abbreviations may take a full stop). Returns the
    /// month and the index after it.
    fn month_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.t.get(i)?;
        if !t.is_capitalised() {
            return None;
        }
        let (m, abbr) = lexicon::month(&t.lower)?;
        if abbr && self.w(i + 1) == "." && self.tight(i + 1) {
            Some((m, i + 2, true))
        } else {
            Some((m, i + 1, abbr))
        }
    }

    /// A weekday name at `i`, not part of a name such as "Super Tuesday".
    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if !t.is_capitalised() {
            return None;
        }
        let (d, abbr) = lexicon::weekday(&t.lower)?;
        if i > 0 && self.t[i - 1].is_capitalised() && lexicon::weekday_name_prefix(self.prev(i)) {
            return None;
        }
        if abbr {
            if self.w(i + 1) == "." && self.tight(i + 1) {
                return Some((d, i + 2));
            }
            return None;
        }
        Some((d, i + 1))
    }

    /// A day of the month (1–31), with an optional ordinal suffix ("21st").
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.text.len() > 2 {
            return None;
        }
        let d = t.number().filter(|d| (1..=31).contains(d))?;
        // Not a clock time or a decimal ("21:30", "2.5").
        if matches!(self.w(i + 1), ":" | ".") && self.t.get(i + 2).is_some_and(|n| n.number().is_some() && !n.gap) && self.tight(i + 1) {
            return None;
        }
        if matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") && self.tight(i + 1) {
            return Some((d, i + 2));
        }
        Some((d, i + 1))
    }

    /// A four-digit year (1000–2999) not followed by more digits ("2,000").
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t.get(i)?;
        if t.text.len() != 4 {
            return None;
        }
        let y = t.number().filter(|y| (1000..=2999).contains(y))?;
        if matches!(self.w(i + 1), "," | "." | ":")
            && self.tight(i + 1)
            && self.t.get(i + 2).is_some_and(|n| n.is_digits() && !n.gap)
        {
            return None;
        }
        Some((y as i32, i + 1))
    }

    /// An optional comma at `i`.
    fn comma(&self, i: usize) -> usize {
        if self.w(i) == "," {
            i + 1
        } else {
            i
        }
    }

    /// An approximate-position modifier before a period or a month: "early", "mid-", …
    /// Returns the index after it.
    fn position_modifier(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "early" | "late" | "earlier" | "later" => Some(i + 1),
            "mid" if self.w(i + 1) == "-" && self.tight(i + 1) && self.tight(i + 2) => Some(i + 2),
            _ => None,
        }
    }

    // ---------- rules ----------

    /// 2022-01-19, 2022/01/19, 1/19/2022.
    fn iso_date(&self, i: usize) -> Match {
        let t = self.t.get(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/") || !self.tight(i + 1) || !self.tight(i + 2) {
            return None;
        }
        if self.w(i + 3) != sep || !self.tight(i + 3) || !self.tight(i + 4) {
            return None;
        }
        let (a, b, c) = (t, self.t.get(i + 2)?, self.t.get(i + 4)?);
        let (y, m, d) = if a.text.len() == 4 && b.text.len() <= 2 && c.text.len() <= 2 {
            (a.number()?, b.number()?, c.number()?)
        } else if sep == "/" && a.text.len() <= 2 && b.text.len() <= 2 && c.text.len() == 4 {
            (c.number()?, a.number()?, b.number()?)
        } else {
            return None;
        };
        chrono::NaiveDate::from_ymd_opt(y as i32, m, d)?;
        // Not part of a longer number or code.
        if self.t.get(i + 5).is_some_and(|n| !n.gap && (n.is_digits() || n.is_word())) {
            return None;
        }
        Some((i + 5, Expr::Cal { year: Some(y as i32), month: Some(m), day: Some(d), part: None, clock: None }))
    }

    /// Month-day(-year) from `i`: "Jan. 21", "January 18, 2022", "May, 2 2014", "January
    /// 2022", "January of 2022", or a month alone where the context makes it a month.
    fn month_date_from(&self, i: usize, allow_bare: bool) -> Option<(usize, Option<i32>, u32, Option<u32>)> {
        let (m, j, abbr) = self.month_at(i)?;
        let k = self.comma(j);
        if let Some((d, k2)) = self.day_at(k) {
            // "May 2, 2014", "May, 2 2014", "May, 3, 2014".
            let k3 = self.comma(k2);
            if let Some((y, k4)) = self.year_at(k3) {
                return Some((k4, Some(y), m, Some(d)));
            }
            return Some((k2, None, m, Some(d)));
        }
        if let Some((y, k2)) = self.year_at(k) {
            return Some((k2, Some(y), m, None));
        }
        if self.w(j) == "of" {
            if let Some((y, k2)) = self.year_at(j + 1) {
                return Some((k2, Some(y), m, None));
            }
        }
        if !allow_bare || abbr {
            return None;
        }
        // A month alone: ambiguous names need a preposition before them.
        let p = self.prev(i);
        let ctx = matches!(
            p,
            "in" | "since" | "until" | "till" | "by" | "of" | "during" | "early" | "late"
                | "mid" | "from" | "through" | "before" | "after" | "last" | "next" | "this"
                | "-" | "to" | "between" | "and" | "or" | "around"
        );
        if !ctx && matches!(m, 3 | 5 | 8) {
            return None;
        }
        Some((j, None, m, None))
    }

    fn month_date(&self, i: usize) -> Match {
        let (start_ok, j) = match self.position_modifier(i) {
            Some(j) => (true, j),
            None => (false, i),
        };
        let (to, year, month, day) = self.month_date_from(j, true)?;
        if start_ok && day.is_some() {
            return None;
        }
        let (to, clock) = self.trailing_clock(to);
        Some((to, Expr::Cal { year, month: Some(month), day, part: None, clock }))
    }

    /// "21 January 2022", "21 January".
    fn day_month(&self, i: usize) -> Match {
        let (d, j) = self.day_at(i)?;
        let (m, k, _) = self.month_at(j)?;
        if let Some((y, k2)) = self.year_at(self.comma(k)) {
            return Some((k2, Expr::Cal { year: Some(y), month: Some(m), day: Some(d), part: None, clock: None }));
        }
        Some((k, Expr::Cal { year: None, month: Some(m), day: Some(d), part: None, clock: None }))
    }

    /// "Tuesday, Jan. 18, 2022", "this Friday, Jan. 21", "Friday", "last Tuesday night",
    /// "Friday morning".
    fn weekday_date(&self, i: usize) -> Match {
        let (shift, j) = match SHIFT_WORDS.iter().find(|(w, _)| *w == self.w(i)) {
            Some((_, s)) if !matches!(s, Shift::Bare) => (*s, i + 1),
            _ => (Shift::Bare, i),
        };
        let (wd, k) = self.weekday_at(j)?;
        // A date in apposition: the date decides.
        let k2 = self.comma(k);
        if let Some((to, year, month, day)) = self.month_date_from(k2, false) {
            if day.is_some() {
                // "In this Tuesday, Feb. 19, 2008 file photo": "this" only points at the photo.
                if shift == Shift::This && year.is_some() {
                    return None;
                }
                let (to, clock) = self.trailing_clock(to);
                return Some((to, Expr::Cal { year, month: Some(month), day, part: None, clock }));
            }
        }
        // "Friday's" stays "Friday"; "Friday morning".
        let (to, part) = match self.t.get(k).and_then(|t| lexicon::part_of_day(&t.lower)) {
            Some(p) if self.t[k].gap => (k + 1, Some(p)),
            _ => (k, None),
        };
        let (to, clock) = self.trailing_clock(to);
        Some((to, Expr::Weekday { wd, shift, part, clock }))
    }

    /// "at 5 p.m." after a day: "Friday at 5 p.m." (the "at" is inside, as TimeBank does
    /// for a day and its time).
    fn trailing_clock(&self, to: usize) -> (usize, Option<(u32, u32)>) {
        if self.w(to) == "at" {
            if let Some((end, h, m)) = self.clock_at(to + 1) {
                return (end, Some((h, m)));
            }
        }
        (to, None)
    }

    /// A clock time at `i`: "5 p.m.", "6:30 p.m.", "12:01am", "noon", "midnight",
    /// "10 o'clock", and "14:30" after "at". Returns (end, hour, minute).
    fn clock_at(&self, i: usize) -> Option<(usize, u32, u32)> {
        match self.w(i) {
            "noon" | "midday" => return Some((i + 1, 12, 0)),
            "midnight" => return Some((i + 1, 24, 0)),
            _ => {}
        }
        let h = self.t.get(i)?.number().filter(|h| *h <= 24 && self.t[i].text.len() <= 2)?;
        let mut j = i + 1;
        let mut m = 0;
        let mut has_minutes = false;
        if self.w(j) == ":" && self.tight(j) && self.tight(j + 1) {
            let mt = self.t.get(j + 1)?;
            if mt.text.len() == 2 {
                m = mt.number().filter(|m| *m < 60)?;
                has_minutes = true;
                j += 2;
            }
        }
        // a.m. / p.m. / am / pm
        let (ampm, end) = match self.w(j) {
            "am" | "pm" => (Some(self.w(j) == "pm"), j + 1),
            "a" | "p" if self.w(j + 1) == "." && self.w(j + 2) == "m" && self.tight(j + 1) && self.tight(j + 2) => {
                let pm = self.w(j) == "p";
                let end = if self.w(j + 3) == "." && self.tight(j + 3) { j + 4 } else { j + 3 };
                (Some(pm), end)
            }
            "o" if self.w(j + 1) == "'" || self.w(j + 1) == "’" => {
                if self.w(j + 2) == "clock" {
                    (None, j + 3)
                } else {
                    return None;
                }
            }
            _ => (None, j),
        };
        let h = match ampm {
            Some(pm) => {
                if h == 0 || h > 12 {
                    return None;
                }
                match (pm, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                }
            }
            None if end > j => h, // o'clock
            None => {
                // A bare "14:30" only right after "at".
                if !has_minutes || !matches!(self.prev(i), "at" | "by" | "until" | "from") {
                    return None;
                }
                h
            }
        };
        let end = if self.t.get(end).is_some_and(|t| lexicon::time_zone(&t.lower) && t.text.chars().all(|c| c.is_ascii_uppercase())) {
            end + 1
        } else {
            end
        };
        Some((end, h, m))
    }

    /// A clock time, optionally approximate and followed by its day: "5 p.m. Friday",
    /// "about 9:30 p.m. Saturday", "6:30 p.m. Jan. 21".
    fn clock_rule(&self, i: usize) -> Match {
        let i = if matches!(self.w(i), "about" | "around" | "approximately" | "roughly" | "shortly" | "just") {
            match self.w(i + 1) {
                "before" | "after" => i + 2,
                _ => i + 1,
            }
        } else {
            i
        };
        let (end, h, m) = self.clock_at(i)?;
        let k = self.comma(end);
        if let Some((to, Expr::Weekday { wd, shift, part: None, clock: None })) = self.weekday_date(k) {
            return Some((to, Expr::Weekday { wd, shift, part: None, clock: Some((h, m)) }));
        }
        if let Some((to, Expr::Cal { year, month, day: Some(d), .. })) = self.month_date(k) {
            return Some((to, Expr::Cal { year, month, day: Some(d), part: None, clock: Some((h, m)) }));
        }
        if let Some((to, Expr::DayOffset { offset, part: None, clock: None })) = self.relative_day(k) {
            return Some((to, Expr::DayOffset { offset, part: None, clock: Some((h, m)) }));
        }
        Some((end, Expr::Clock(h, m)))
    }

    /// today, tonight, yesterday (morning), tomorrow, this morning, last night.
    fn relative_day(&self, i: usize) -> Match {
        let w = self.w(i);
        let part_after = |j: usize| match self.t.get(j).and_then(|t| lexicon::part_of_day(&t.lower)) {
            Some(p) => (j + 1, Some(p)),
            None => (j, None),
        };
        let (offset, to, part) = match w {
            "today" => {
                // "USA Today" and other names.
                if i > 0 && self.t[i].is_capitalised() && self.t[i - 1].is_capitalised() && !self.t[i].newline && self.t[i - 1].is_word() && !matches!(self.prev(i), "and" | "but") {
                    return None;
                }
                (0, i + 1, None)
            }
            "tonight" => (0, i + 1, Some("NI")),
            "yesterday" => {
                let (to, p) = part_after(i + 1);
                (-1, to, p)
            }
            "tomorrow" => {
                let (to, p) = part_after(i + 1);
                (1, to, p)
            }
            "this" => match lexicon::part_of_day(self.w(i + 1)) {
                Some(p) => (0, i + 2, Some(p)),
                None => return None,
            },
            "last" if self.w(i + 1) == "night" => (-1, i + 2, Some("NI")),
            _ => return None,
        };
        let (to, clock) = self.trailing_clock(to);
        Some((to, Expr::DayOffset { offset, part, clock }))
    }

    /// this/next/last week|month|year|weekend|season, earlier this week, the coming week.
    fn period(&self, i: usize) -> Match {
        let j = self.position_modifier(i).unwrap_or(i);
        let (the, j) = if j == i && self.w(i) == "the" { (true, i + 1) } else { (false, j) };
        let shift = match self.w(j) {
            "this" if !the => 0,
            "next" | "coming" => 1,
            "last" | "past" | "previous" => -1,
            _ => {
                // "the weekend".
                if the && self.w(j) == "weekend" {
                    return Some((j + 1, Expr::Weekend));
                }
                return None;
            }
        };
        let u = self.t.get(j + 1)?;
        // A title in quotes: ABC's "This Week".
        if u.is_capitalised() && !u.text.chars().all(|c| c.is_uppercase()) && j > 0 && self.t[j - 1].is_open_quote() {
            return None;
        }
        let to = j + 2;
        if u.lower == "weekend" {
            return Some((to, Expr::Period { unit: Unit::Week, shift, weekend: true }));
        }
        if let Some(code) = lexicon::season(&u.lower) {
            return Some((to, Expr::Season { code, shift, year: None }));
        }
        let (unit, plural) = lexicon::unit(&u.lower)?;
        if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        if the && shift == -1 {
            // "the past week": a duration.
            return Some((to, Expr::Duration { count: Count::Exact(1.0), unit }));
        }
        if matches!(unit, Unit::Day) {
            return None;
        }
        Some((to, Expr::Period { unit, shift, weekend: false }))
    }

    /// A count at `i`: digits, number words, "a"/"an", "a few", ranges ("three or four").
    /// Returns (end, count, singular-article).
    fn count_at(&self, i: usize) -> Option<(usize, Count, bool)> {
        let w = self.w(i);
        if w == "a" || w == "an" {
            if self.w(i + 1) == "few" || self.w(i + 1) == "couple" {
                let end = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                let c = if self.w(i + 1) == "couple" { Count::Exact(2.0) } else { Count::Vague };
                return Some((end, c, false));
            }
            return Some((i + 1, Count::Exact(1.0), true));
        }
        if lexicon::vague_quantity(w) {
            return Some((i + 1, Count::Vague, false));
        }
        let (n, mut end) = self.number_at(i)?;
        // A range: "three or four", "two to three", "2-3".
        if matches!(self.w(end), "or" | "to" | "-") {
            if let Some((_, e2)) = self.number_at(end + 1) {
                return Some((e2, Count::Vague, false));
            }
        }
        // "one and a half", "two-and-a-half" handled by the unit rule.
        if self.w(end) == "." && self.tight(end) && self.t.get(end + 1).is_some_and(|t| t.is_digits() && !t.gap) {
            let frac: f64 = format!("0.{}", self.t[end + 1].text).parse().ok()?;
            end += 2;
            return Some((end, Count::Exact(n as f64 + frac), false));
        }
        Some((end, Count::Exact(n as f64), false))
    }

    /// A cardinal: digits (not a year-like four digits followed by a unit is fine) or words
    /// up to ninety-nine ("twenty-five").
    fn number_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if let Some(n) = t.number() {
            // "100,000" is not a count of time units.
            if self.w(i + 1) == "," && self.t.get(i + 2).is_some_and(|n| n.is_digits() && !n.gap) {
                return None;
            }
            if i > 0 && matches!(self.prev(i), "," | "." | "$") && !t.gap {
                return None;
            }
            return Some((n, i + 1));
        }
        let n = lexicon::number_word(&t.lower)?;
        if n >= 20 && n < 100 && self.w(i + 1) == "-" && self.tight(i + 1) && self.tight(i + 2) {
            if let Some(u) = lexicon::number_word(self.w(i + 2)).filter(|u| *u < 10) {
                return Some((n + u, i + 3));
            }
        }
        Some((n, i + 1))
    }

    /// Durations and "ago": "two days", "90 minutes", "about an hour-and-a-half",
    /// "three or four days", "two-day", "hourlong", "two days ago", "the past two weeks",
    /// "the coming days", "over the years", "hours before".
    fn quantity(&self, i: usize) -> Match {
        if let Some(u) = lexicon::long_adjective(self.w(i)) {
            return Some((i + 1, Expr::Duration { count: Count::Exact(1.0), unit: u }));
        }
        // "the past two weeks", "the next few days", "the coming days", "the years".
        if self.w(i) == "the" || self.w(i) == "recent" {
            let j = i + 1;
            let (j, dir) = match self.w(j) {
                "past" | "last" | "next" | "coming" | "previous" | "following" => (j + 1, true),
                _ => (j, self.w(i) == "recent"),
            };
            if let Some((k, count, single)) = self.count_at(j).filter(|(_, _, s)| !s) {
                let (unit, plural) = lexicon::unit(self.w(k))?;
                if plural || !single {
                    let to = k + 1;
                    return Some((to, Expr::Duration { count, unit }));
                }
                return None;
            }
            let (unit, plural) = lexicon::unit(self.w(j))?;
            if !plural {
                return None;
            }
            let anchored = matches!(self.w(j + 1), "after" | "before" | "following" | "leading" | "since" | "of" | "when" | "that" | "ahead");
            if dir || (!anchored && matches!(self.prev(i), "over" | "in" | "for" | "through" | "during" | "across" | "within")) {
                return Some((j + 1, Expr::Duration { count: Count::Vague, unit }));
            }
            return None;
        }
        // An optional approximator, kept in the extent.
        let (j, modded) = if lexicon::duration_modifier(self.w(i)) {
            (i + 1, true)
        } else if matches!(self.w(i), "more" | "less" | "fewer") && self.w(i + 1) == "than" {
            (i + 2, true)
        } else if self.w(i) == "at" && matches!(self.w(i + 1), "least" | "most") {
            (i + 2, true)
        } else if self.w(i) == "up" && self.w(i + 1) == "to" {
            (i + 2, true)
        } else {
            (i, false)
        };
        // Bare plural units: "hours before", "for decades", "days ago".
        if !modded {
            if let Some((unit, true)) = lexicon::unit(self.w(i)) {
                if self.w(i + 1) == "ago" {
                    return Some((i + 2, Expr::Ago { count: Count::Vague, unit }));
                }
                let after = matches!(self.w(i + 1), "before" | "after" | "later" | "earlier");
                if self.prev(i) == "the" {
                    return None;
                }
                let before = matches!(self.prev(i), "for" | "within" | "after" | "in" | "over") && !matches!(self.w(i + 1), "of" | "-");
                if (after || before) && !matches!(unit, Unit::Second) {
                    return Some((i + 1, Expr::Duration { count: Count::Vague, unit }));
                }
                return None;
            }
        }
        let (k, count, single) = self.count_at(j)?;
        let hyphen = self.w(k) == "-" && self.tight(k) && self.tight(k + 1);
        let k = if hyphen { k + 1 } else { k };
        let (unit, plural) = lexicon::unit(self.w(k))?;
        if single && plural {
            return None;
        }
        // "two-year-old": an age of a person or thing, not a time expression here.
        if hyphen && self.w(k + 1) == "-" && self.w(k + 2) == "old" {
            return None;
        }
        let mut to = k + 1;
        let mut count = count;
        // "hour-and-a-half", "an hour and a half".
        let and_half = |p: usize| {
            let sep = |q: usize, s: &str| self.w(q) == s;
            if sep(p, "-") && sep(p + 1, "and") && sep(p + 2, "-") && sep(p + 3, "a") && sep(p + 4, "-") && sep(p + 5, "half") {
                Some(p + 6)
            } else if sep(p, "and") && sep(p + 1, "a") && sep(p + 2, "half") {
                Some(p + 3)
            } else {
                None
            }
        };
        if let (Some(e), Count::Exact(n)) = (and_half(to), count) {
            to = e;
            count = Count::Exact(n + 0.5);
        }
        if self.w(to) == "ago" && !hyphen {
            return Some((to + 1, Expr::Ago { count, unit }));
        }
        // "three times a day" is a set, found by its own rule.
        if single && matches!(self.prev(j), "times" | "twice" | "once") {
            return None;
        }
        Some((to, Expr::Duration { count, unit }))
    }

    /// 2021, in 2021, early 2021, the 1990s, '90s, the 20th century.
    fn year_or_decade(&self, i: usize) -> Match {
        let j = self.position_modifier(i).unwrap_or(i);
        // '90s
        if matches!(self.w(j), "'" | "’") {
            let t = self.t.get(j + 1)?;
            if t.text.len() == 2 && self.tight(j + 1) && self.w(j + 2) == "s" && self.tight(j + 2) {
                let n = t.number()? as i32;
                if n % 10 == 0 {
                    let century = if n >= 30 { 19 } else { 20 };
                    return Some((j + 3, Expr::Decade(century * 10 + n / 10)));
                }
            }
            return None;
        }
        // the 20th century
        if let Some(t) = self.t.get(j) {
            if let Some(n) = t.number().filter(|n| (1..=30).contains(n)) {
                if matches!(self.w(j + 1), "st" | "nd" | "rd" | "th") && self.tight(j + 1) {
                    if self.w(j + 2) == "century" {
                        return Some((j + 3, Expr::Century(n as i32 - 1)));
                    }
                    if self.w(j + 2) == "-" && self.w(j + 3) == "century" {
                        return Some((j + 4, Expr::Century(n as i32 - 1)));
                    }
                }
            }
        }
        let (y, k) = self.year_at(j)?;
        if self.w(k) == "s" && self.tight(k) {
            if y % 10 == 0 {
                return Some((k + 1, Expr::Decade(y / 10)));
            }
            return None;
        }
        if !(1800..=2100).contains(&y) {
            return None;
        }
        // A bare number is a year only where a year is expected.
        let before = self.prev(j);
        // "a friend's 2000 death".
        let possessive = before == "s" && j >= 2 && matches!(self.w(j - 2), "'" | "’") && self.tight(j - 1);
        let after = self.t.get(k);
        let ok = j > i
            || possessive
            || matches!(
                before,
                "in" | "since" | "by" | "of" | "from" | "until" | "till" | "to" | "the" | "before"
                    | "after" | "during" | "through" | "between" | "and" | "year" | "fiscal"
                    | "circa" | "around" | "for" | "summer" | "spring" | "winter" | "fall"
                    | "autumn" | "(" | "-"
            )
            || after.is_none_or(|t| !t.is_word() && !t.is_digits() && !matches!(t.text, "%" | "-" | "$"));
        if !ok || matches!(before, "$" | "#" | "no" | "number" | "route" | "flight") {
            return None;
        }
        // "summer 2021" / "the summer of 2021" are found by the season rule.
        Some((k, Expr::Cal { year: Some(y), month: None, day: None, part: None, clock: None }))
    }

    /// now, currently, recently, the past/future, every Friday, daily, twice a week.
    fn refs_and_sets(&self, i: usize) -> Match {
        let w = self.w(i);
        let r = |to: usize, v: &'static str| Some((to, Expr::Ref(v)));
        match w {
            "now" => {
                if self.w(i + 1) == "-" && self.tight(i + 1) {
                    return None;
                }
                return r(i + 1, "PRESENT_REF");
            }
            "right" | "just" if self.w(i + 1) == "now" => return r(i + 2, "PRESENT_REF"),
            "currently" | "presently" | "nowadays" => return r(i + 1, "PRESENT_REF"),
            "present" if self.prev(i) == "at" => return r(i + 1, "PRESENT_REF"),
            "these" if self.w(i + 1) == "days" && !matches!(self.w(i + 2), "of" | "ago") => {
                return r(i + 2, "PRESENT_REF")
            }
            "recently" | "lately" => return r(i + 1, "PAST_REF"),
            "the" => {
                let (j, near) = match self.w(i + 1) {
                    "near" | "distant" | "foreseeable" | "immediate" => (i + 2, true),
                    _ => (i + 1, false),
                };
                let next = self.t.get(j + 1);
                let free = next.is_none_or(|t| lexicon::unit(&t.lower).is_none() && t.number().is_none() && !lexicon::vague_quantity(&t.lower) && t.lower != "few");
                if self.w(j) == "future" && free && (near || matches!(self.prev(i), "in" | "for" | "into")) {
                    return r(j + 1, "FUTURE_REF");
                }
                if self.w(j) == "past" && !near && free && matches!(self.prev(i), "in" | "into" | "from") {
                    return r(j + 1, "PAST_REF");
                }
                return None;
            }
            _ => {}
        }
        // Sets.
        if let Some(v) = lexicon::frequency_adverb(w) {
            if !self.t[i].is_capitalised() || self.t[i].newline || i == 0 {
                return Some((i + 1, Expr::Set(v.to_string())));
            }
            return None;
        }
        if let Some(d) = self.t.get(i).filter(|t| t.is_capitalised()).and_then(|t| lexicon::weekday_plural(&t.lower)) {
            if matches!(self.prev(i), "on" | "most" | "some") {
                return Some((i + 1, Expr::Set(format!("XXXX-WXX-{}", d + 1))));
            }
            return None;
        }
        if matches!(w, "every" | "each") {
            if let Some((d, to)) = self.weekday_at(i + 1) {
                return Some((to, Expr::Set(format!("XXXX-WXX-{}", d + 1))));
            }
            if let Some(p) = lexicon::part_of_day(self.w(i + 1)) {
                return Some((i + 2, Expr::Set(format!("T{p}"))));
            }
            if let Some((unit, false)) = lexicon::unit(self.w(i + 1)) {
                return Some((i + 2, Expr::Set(super::resolve::duration_value(Count::Exact(1.0), unit))));
            }
            if w == "every" {
                if let Some((k, Count::Exact(n), false)) = self.count_at(i + 1) {
                    if let Some((unit, true)) = lexicon::unit(self.w(k)) {
                        return Some((k + 1, Expr::Set(super::resolve::duration_value(Count::Exact(n), unit))));
                    }
                }
            }
            return None;
        }
        // "twice a week", "three times a year".
        let j = match w {
            "once" | "twice" => i + 1,
            _ => {
                let (k, _, single) = self.count_at(i)?;
                if single || self.w(k) != "times" {
                    return None;
                }
                k + 1
            }
        };
        if matches!(self.w(j), "a" | "per" | "each" | "every") {
            if let Some((unit, false)) = lexicon::unit(self.w(j + 1)) {
                return Some((j + 2, Expr::Set(super::resolve::duration_value(Count::Exact(1.0), unit))));
            }
        }
        None
    }
}

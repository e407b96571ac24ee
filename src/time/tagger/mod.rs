//! Finding time expressions: a small grammar over tokens.
//!
//! Each rule looks at the tokens from one position and, when it matches, says how many
//! tokens the expression covers and what it means ([`Expr`]), before any reference date is
//! known; the longest match at a position wins and the scan goes on after it. Extents follow
//! TIMEX3: a leading preposition stays out ("on Friday" → "Friday"), determiners and
//! modifiers stay in ("this Friday, Jan. 21", "earlier this week", "about two hours").

mod calendar;
mod clock;
mod quantity;
mod refs;

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
    /// "a": any such day ("flying on a Sunday").
    Any,
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
    Period {
        unit: Unit,
        shift: i64,
        weekend: bool,
    },
    /// "the weekend" without a determiner: the tense decides which.
    Weekend,
    /// A season, this/next/last or of a given year.
    Season {
        code: &'static str,
        shift: i64,
        year: Option<i32>,
    },
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
        self.t.get(i).map(|t| t.lower.as_ref()).unwrap_or("")
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

    /// Whether an expression can start at token `i`: a cheap test that skips most words.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.t[i];
        if !t.is_word() {
            return t.is_digits() || matches!(t.text, "'" | "’");
        }
        let w = t.lower.as_ref();
        lexicon::starts_expression(w)
            || (t.is_capitalised()
                && (lexicon::month(w).is_some()
                    || lexicon::weekday(w).is_some()
                    || lexicon::weekday_plural(w).is_some()))
    }

    fn best_at(&self, i: usize) -> Match {
        if !self.may_start(i) {
            return None;
        }
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
}

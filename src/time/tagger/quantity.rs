//! Counts of units: durations ("two days", "about an hour-and-a-half", "the past two
//! weeks"), "two days ago", and calendar periods around today ("next week").

use super::{Count, Expr, Grammar, Match};
use crate::time::lexicon::{self, Unit};

impl Grammar<'_, '_> {
    /// this/next/last week|month|year|weekend|season, earlier this week, the coming week.
    pub(super) fn period(&self, i: usize) -> Match {
        let j = self.position_modifier(i).unwrap_or(i);
        let (the, j) = if j == i && self.w(i) == "the" {
            (true, i + 1)
        } else {
            (false, j)
        };
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
        if u.is_capitalised()
            && !u.text.chars().all(|c| c.is_uppercase())
            && j > 0
            && self.t[j - 1].is_open_quote()
        {
            return None;
        }
        let to = j + 2;
        if u.lower == "weekend" {
            return Some((
                to,
                Expr::Period {
                    unit: Unit::Week,
                    shift,
                    weekend: true,
                },
            ));
        }
        if let Some(code) = lexicon::season(&u.lower) {
            return Some((
                to,
                Expr::Season {
                    code,
                    shift,
                    year: None,
                },
            ));
        }
        let (unit, plural) = lexicon::unit(&u.lower)?;
        if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        if the && shift == -1 {
            // "the past week": a duration.
            return Some((
                to,
                Expr::Duration {
                    count: Count::Exact(1.0),
                    unit,
                },
            ));
        }
        if matches!(unit, Unit::Day) {
            return None;
        }
        Some((
            to,
            Expr::Period {
                unit,
                shift,
                weekend: false,
            },
        ))
    }

    /// A count at `i`: digits, number words, "a"/"an", "a few", ranges ("three or four").
    /// Returns (end, count, singular-article).
    pub(super) fn count_at(&self, i: usize) -> Option<(usize, Count, bool)> {
        let w = self.w(i);
        if w == "a" || w == "an" {
            if self.w(i + 1) == "few" || self.w(i + 1) == "couple" {
                let end = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                let c = if self.w(i + 1) == "couple" {
                    Count::Exact(2.0)
                } else {
                    Count::Vague
                };
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
        if self.w(end) == "."
            && self.tight(end)
            && self.t.get(end + 1).is_some_and(|t| t.is_digits() && !t.gap)
        {
            let frac: f64 = format!("0.{}", self.t[end + 1].text).parse().ok()?;
            end += 2;
            return Some((end, Count::Exact(n as f64 + frac), false));
        }
        Some((end, Count::Exact(n as f64), false))
    }

    /// A cardinal: digits (not a year-like four digits followed by a unit is fine) or words
    /// up to ninety-nine ("twenty-five").
    pub(super) fn number_at(&self, i: usize) -> Option<(u32, usize)> {
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
        if (20..100).contains(&n) && self.w(i + 1) == "-" && self.tight(i + 1) && self.tight(i + 2)
        {
            if let Some(u) = lexicon::number_word(self.w(i + 2)).filter(|u| *u < 10) {
                return Some((n + u, i + 3));
            }
        }
        Some((n, i + 1))
    }

    /// Durations and "ago": "two days", "90 minutes", "about an hour-and-a-half",
    /// "three or four days", "two-day", "hourlong", "two days ago", "the past two weeks",
    /// "the coming days", "over the years", "hours before".
    pub(super) fn quantity(&self, i: usize) -> Match {
        if let Some(u) = lexicon::long_adjective(self.w(i)) {
            return Some((
                i + 1,
                Expr::Duration {
                    count: Count::Exact(1.0),
                    unit: u,
                },
            ));
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
            let anchored = matches!(
                self.w(j + 1),
                "after"
                    | "before"
                    | "following"
                    | "leading"
                    | "since"
                    | "of"
                    | "when"
                    | "that"
                    | "ahead"
            );
            if dir
                || (!anchored
                    && matches!(
                        self.prev(i),
                        "over" | "in" | "for" | "through" | "during" | "across" | "within"
                    ))
            {
                return Some((
                    j + 1,
                    Expr::Duration {
                        count: Count::Vague,
                        unit,
                    },
                ));
            }
            return None;
        }
        // An optional approximator, kept in the extent.
        let (j, modded) = if lexicon::duration_modifier(self.w(i)) {
            (i + 1, true)
        } else if (matches!(self.w(i), "more" | "less" | "fewer") && self.w(i + 1) == "than")
            || (self.w(i) == "at" && matches!(self.w(i + 1), "least" | "most"))
            || (self.w(i) == "up" && self.w(i + 1) == "to")
        {
            (i + 2, true)
        } else {
            (i, false)
        };
        // Bare plural units: "hours before", "for decades", "days ago".
        if !modded {
            if let Some((unit, true)) = lexicon::unit(self.w(i)) {
                if self.w(i + 1) == "ago" {
                    return Some((
                        i + 2,
                        Expr::Ago {
                            count: Count::Vague,
                            unit,
                        },
                    ));
                }
                let after = matches!(self.w(i + 1), "before" | "after" | "later" | "earlier");
                if self.prev(i) == "the" {
                    return None;
                }
                let before = matches!(self.prev(i), "for" | "within" | "after" | "in" | "over")
                    && !matches!(self.w(i + 1), "of" | "-");
                if (after || before) && !matches!(unit, Unit::Second) {
                    return Some((
                        i + 1,
                        Expr::Duration {
                            count: Count::Vague,
                            unit,
                        },
                    ));
                }
                return None;
            }
        }
        let (k, count, single) = self.count_at(j)?;
        let hyphen = self.w(k) == "-" && self.tight(k) && self.tight(k + 1);
        let k = if hyphen { k + 1 } else { k };
        // "five business days", "ten working days".
        let k = match (self.w(k), self.w(k + 1)) {
            ("business" | "working" | "school" | "calendar" | "trading", "days" | "day") => k + 1,
            _ => k,
        };
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
            if sep(p, "-")
                && sep(p + 1, "and")
                && sep(p + 2, "-")
                && sep(p + 3, "a")
                && sep(p + 4, "-")
                && sep(p + 5, "half")
            {
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
}

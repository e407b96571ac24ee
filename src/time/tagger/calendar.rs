//! Calendar dates: "Jan. 21", "Tuesday, Jan. 18, 2022", "2022-01-19", "in December",
//! "2021", "the 1990s", and the pieces they are built from (month, weekday, day, year).

use super::{Expr, Grammar, Match, Shift, SHIFT_WORDS};
use crate::time::lexicon;

impl Grammar<'_, '_> {
    /// A month name at `i` (capitalised; abbreviations may take a full stop). Returns the
    /// month and the index after it.
    pub(super) fn month_at(&self, i: usize) -> Option<(u32, usize, bool)> {
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
    pub(super) fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.text.len() > 2 {
            return None;
        }
        let d = t.number().filter(|d| (1..=31).contains(d))?;
        // Not a clock time or a decimal ("21:30", "2.5").
        if matches!(self.w(i + 1), ":" | ".")
            && self
                .t
                .get(i + 2)
                .is_some_and(|n| n.number().is_some() && !n.gap)
            && self.tight(i + 1)
        {
            return None;
        }
        if matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") && self.tight(i + 1) {
            return Some((d, i + 2));
        }
        Some((d, i + 1))
    }

    /// A four-digit year (1000–2999) not followed by more digits ("2,000").
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
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
    pub(super) fn comma(&self, i: usize) -> usize {
        if self.w(i) == "," {
            i + 1
        } else {
            i
        }
    }

    /// An approximate-position modifier before a period or a month: "early", "mid-", …
    /// Returns the index after it.
    pub(super) fn position_modifier(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "early" | "late" | "earlier" | "later" => Some(i + 1),
            "mid" if self.w(i + 1) == "-" && self.tight(i + 1) && self.tight(i + 2) => Some(i + 2),
            _ => None,
        }
    }

    /// 2022-01-19, 2022/01/19, 1/19/2022.
    pub(super) fn iso_date(&self, i: usize) -> Match {
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
        if self
            .t
            .get(i + 5)
            .is_some_and(|n| !n.gap && (n.is_digits() || n.is_word()))
        {
            return None;
        }
        Some((
            i + 5,
            Expr::Cal {
                year: Some(y as i32),
                month: Some(m),
                day: Some(d),
                part: None,
                clock: None,
            },
        ))
    }

    /// Month-day(-year) from `i`: "Jan. 21", "January 18, 2022", "May, 2 2014", "January
    /// 2022", "January of 2022", or a month alone where the context makes it a month.
    pub(super) fn month_date_from(
        &self,
        i: usize,
        allow_bare: bool,
    ) -> Option<(usize, Option<i32>, u32, Option<u32>)> {
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
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "of"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "from"
                | "through"
                | "before"
                | "after"
                | "last"
                | "next"
                | "this"
                | "-"
                | "to"
                | "between"
                | "and"
                | "or"
                | "around"
        );
        if !ctx && matches!(m, 3 | 5 | 8) {
            return None;
        }
        Some((j, None, m, None))
    }

    pub(super) fn month_date(&self, i: usize) -> Match {
        let (start_ok, j) = match self.position_modifier(i) {
            Some(j) => (true, j),
            None => (false, i),
        };
        let (to, year, month, day) = self.month_date_from(j, true)?;
        if start_ok && day.is_some() {
            return None;
        }
        let (to, clock) = self.trailing_clock(to);
        Some((
            to,
            Expr::Cal {
                year,
                month: Some(month),
                day,
                part: None,
                clock,
            },
        ))
    }

    /// "21 January 2022", "21 January".
    pub(super) fn day_month(&self, i: usize) -> Match {
        let (d, j) = self.day_at(i)?;
        let (m, k, _) = self.month_at(j)?;
        if let Some((y, k2)) = self.year_at(self.comma(k)) {
            return Some((
                k2,
                Expr::Cal {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                    part: None,
                    clock: None,
                },
            ));
        }
        Some((
            k,
            Expr::Cal {
                year: None,
                month: Some(m),
                day: Some(d),
                part: None,
                clock: None,
            },
        ))
    }

    /// "Tuesday, Jan. 18, 2022", "this Friday, Jan. 21", "Friday", "last Tuesday night",
    /// "Friday morning".
    pub(super) fn weekday_date(&self, i: usize) -> Match {
        // "late Friday", "early Monday": the position stays in the extent (TIMEX3 `mod`).
        let i = match self.w(i) {
            "early" | "late" => i + 1,
            _ => i,
        };
        let (shift, j) = match SHIFT_WORDS.iter().find(|(w, _)| *w == self.w(i)) {
            Some((_, s)) if !matches!(s, Shift::Bare) => (*s, i + 1),
            _ if self.w(i) == "a" => (Shift::Any, i + 1),
            _ => (Shift::Bare, i),
        };
        let (wd, k) = self.weekday_at(j)?;
        // "Saturday Night Live", "Monday Night Football": a name, not a time.
        if self.t.get(k).is_some_and(|t| {
            t.is_capitalised()
                && !t.text.chars().all(char::is_uppercase)
                && lexicon::part_of_day(&t.lower).is_some()
        }) {
            return None;
        }
        // A date in apposition: the date decides.
        let k2 = self.comma(k);
        if let Some((to, year, month, day)) = self.month_date_from(k2, false) {
            if day.is_some() {
                // "In this Tuesday, Feb. 19, 2008 file photo": "this" only points at the photo.
                if shift == Shift::This && year.is_some() {
                    return None;
                }
                let (to, clock) = self.trailing_clock(to);
                return Some((
                    to,
                    Expr::Cal {
                        year,
                        month: Some(month),
                        day,
                        part: None,
                        clock,
                    },
                ));
            }
        }
        // "Friday's" stays "Friday"; "Friday morning".
        let (to, part) = match self.t.get(k).and_then(|t| lexicon::part_of_day(&t.lower)) {
            Some(p) if self.t[k].gap => (k + 1, Some(p)),
            _ => (k, None),
        };
        let (to, clock) = self.trailing_clock(to);
        Some((
            to,
            Expr::Weekday {
                wd,
                shift,
                part,
                clock,
            },
        ))
    }

    /// 2021, in 2021, early 2021, the 1990s, '90s, the 20th century.
    pub(super) fn year_or_decade(&self, i: usize) -> Match {
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
        let possessive =
            before == "s" && j >= 2 && matches!(self.w(j - 2), "'" | "’") && self.tight(j - 1);
        let after = self.t.get(k);
        let ok = j > i
            || possessive
            || matches!(
                before,
                "in" | "since"
                    | "by"
                    | "of"
                    | "from"
                    | "until"
                    | "till"
                    | "to"
                    | "the"
                    | "before"
                    | "after"
                    | "during"
                    | "through"
                    | "between"
                    | "and"
                    | "year"
                    | "fiscal"
                    | "circa"
                    | "around"
                    | "for"
                    | "summer"
                    | "spring"
                    | "winter"
                    | "fall"
                    | "autumn"
                    | "("
                    | "-"
            )
            || after.is_none_or(|t| {
                !t.is_word() && !t.is_digits() && !matches!(t.text, "%" | "-" | "$")
            });
        if !ok || matches!(before, "$" | "#" | "no" | "number" | "route" | "flight") {
            return None;
        }
        // "summer 2021" / "the summer of 2021" are found by the season rule.
        Some((
            k,
            Expr::Cal {
                year: Some(y),
                month: None,
                day: None,
                part: None,
                clock: None,
            },
        ))
    }
}

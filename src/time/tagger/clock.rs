//! Clock times and days named relative to today: "5 p.m.", "12:01am", "about 9:30 p.m.
//! Saturday", "yesterday morning", "tonight".

use super::{Expr, Grammar, Match};
use crate::time::lexicon;

impl Grammar<'_, '_> {
    /// "at 5 p.m." after a day: "Friday at 5 p.m." (the "at" is inside, as TimeBank does
    /// for a day and its time).
    pub(super) fn trailing_clock(&self, to: usize) -> (usize, Option<(u32, u32)>) {
        if self.w(to) == "at" {
            if let Some((end, h, m)) = self.clock_at(to + 1) {
                return (end, Some((h, m)));
            }
        }
        (to, None)
    }

    /// A clock time at `i`: "5 p.m.", "6:30 p.m.", "12:01am", "noon", "midnight",
    /// "10 o'clock", and "14:30" after "at". Returns (end, hour, minute).
    pub(super) fn clock_at(&self, i: usize) -> Option<(usize, u32, u32)> {
        match self.w(i) {
            "noon" | "midday" => return Some((i + 1, 12, 0)),
            "midnight" => return Some((i + 1, 24, 0)),
            _ => {}
        }
        let h = self
            .t
            .get(i)?
            .number()
            .filter(|h| *h <= 24 && self.t[i].text.len() <= 2)?;
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
            "a" | "p"
                if self.w(j + 1) == "."
                    && self.w(j + 2) == "m"
                    && self.tight(j + 1)
                    && self.tight(j + 2) =>
            {
                let pm = self.w(j) == "p";
                let end = if self.w(j + 3) == "." && self.tight(j + 3) {
                    j + 4
                } else {
                    j + 3
                };
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
        let end = if self.t.get(end).is_some_and(|t| {
            lexicon::time_zone(&t.lower) && t.text.chars().all(|c| c.is_ascii_uppercase())
        }) {
            end + 1
        } else {
            end
        };
        Some((end, h, m))
    }

    /// A clock time, optionally approximate and followed by its day: "5 p.m. Friday",
    /// "about 9:30 p.m. Saturday", "6:30 p.m. Jan. 21".
    pub(super) fn clock_rule(&self, i: usize) -> Match {
        let i = if matches!(
            self.w(i),
            "about" | "around" | "approximately" | "roughly" | "shortly" | "just"
        ) {
            match self.w(i + 1) {
                "before" | "after" => i + 2,
                _ => i + 1,
            }
        } else {
            i
        };
        let (end, h, m) = self.clock_at(i)?;
        let k = self.comma(end);
        if let Some((
            to,
            Expr::Weekday {
                wd,
                shift,
                part: None,
                clock: None,
            },
        )) = self.weekday_date(k)
        {
            return Some((
                to,
                Expr::Weekday {
                    wd,
                    shift,
                    part: None,
                    clock: Some((h, m)),
                },
            ));
        }
        if let Some((
            to,
            Expr::Cal {
                year,
                month,
                day: Some(d),
                ..
            },
        )) = self.month_date(k)
        {
            return Some((
                to,
                Expr::Cal {
                    year,
                    month,
                    day: Some(d),
                    part: None,
                    clock: Some((h, m)),
                },
            ));
        }
        if let Some((
            to,
            Expr::DayOffset {
                offset,
                part: None,
                clock: None,
            },
        )) = self.relative_day(k)
        {
            return Some((
                to,
                Expr::DayOffset {
                    offset,
                    part: None,
                    clock: Some((h, m)),
                },
            ));
        }
        Some((end, Expr::Clock(h, m)))
    }

    /// today, tonight, yesterday (morning), tomorrow, this morning, last night.
    pub(super) fn relative_day(&self, i: usize) -> Match {
        let w = self.w(i);
        let part_after = |j: usize| match self.t.get(j).and_then(|t| lexicon::part_of_day(&t.lower))
        {
            Some(p) => (j + 1, Some(p)),
            None => (j, None),
        };
        let (offset, to, part) = match w {
            "today" => {
                // "USA Today" and other names.
                if i > 0
                    && self.t[i].is_capitalised()
                    && self.t[i - 1].is_capitalised()
                    && !self.t[i].newline
                    && self.t[i - 1].is_word()
                    && !matches!(self.prev(i), "and" | "but")
                {
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
        Some((
            to,
            Expr::DayOffset {
                offset,
                part,
                clock,
            },
        ))
    }
}

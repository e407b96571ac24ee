//! Vague references ("now", "recently", "the future") and sets ("every Friday", "daily",
//! "twice a week").

use super::{Count, Expr, Grammar, Match};
use crate::time::lexicon;
use crate::time::resolve::duration_value;

impl Grammar<'_, '_> {
    /// now, currently, recently, the past/future, every Friday, daily, twice a week.
    pub(super) fn refs_and_sets(&self, i: usize) -> Match {
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
                let free = next.is_none_or(|t| {
                    lexicon::unit(&t.lower).is_none()
                        && t.number().is_none()
                        && !lexicon::vague_quantity(&t.lower)
                        && t.lower != "few"
                });
                if self.w(j) == "future"
                    && free
                    && (near || matches!(self.prev(i), "in" | "for" | "into"))
                {
                    return r(j + 1, "FUTURE_REF");
                }
                if self.w(j) == "past"
                    && !near
                    && free
                    && matches!(self.prev(i), "in" | "into" | "from")
                {
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
        if let Some(d) = self
            .t
            .get(i)
            .filter(|t| t.is_capitalised())
            .and_then(|t| lexicon::weekday_plural(&t.lower))
        {
            // "on Mondays, Tuesdays and Saturdays": a list after the first.
            let listed = i >= 2
                && matches!(self.prev(i), "," | "and" | "or")
                && lexicon::weekday_plural(self.w(i - 2)).is_some();
            if listed || matches!(self.prev(i), "on" | "most" | "some") {
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
                return Some((i + 2, Expr::Set(duration_value(Count::Exact(1.0), unit))));
            }
            if w == "every" {
                if let Some((k, Count::Exact(n), false)) = self.count_at(i + 1) {
                    if let Some((unit, true)) = lexicon::unit(self.w(k)) {
                        return Some((k + 1, Expr::Set(duration_value(Count::Exact(n), unit))));
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
                return Some((j + 2, Expr::Set(duration_value(Count::Exact(1.0), unit))));
            }
        }
        None
    }
}

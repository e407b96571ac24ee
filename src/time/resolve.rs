//! Normalizing an expression to its TIMEX3 value against the article's reference date.
//!
//! News writes relative to its own publication day: "on Tuesday" in an article of
//! Wednesday 19 January 2022 is 18 January, "this Friday" is the 21st, "next week" is
//! 2022-W04. Where the calendar alone cannot decide (a bare weekday, a month-day without a
//! year, a month alone), the sentence's tense chooses the direction, as HeidelTime does:
//! past looks back, future looks ahead, otherwise the nearest wins. Without a reference
//! date, absolute values are kept and the rest get `X` digits, as TIMEX3 allows.

use super::lexicon::Unit;
use super::tagger::{Count, Expr, Shift};
use super::timex::{Granularity, TimexType};
use super::tokens::Tense;
use chrono::{Datelike, Duration as Days, NaiveDate};

/// A resolved value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub granularity: Granularity,
    pub date: Option<NaiveDate>,
    pub relative: bool,
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The TIMEX3 duration value of a count of units: `P2D`, `PT90M`, `PT1H30M`, `PXD`.
pub(crate) fn duration_value(count: Count, unit: Unit) -> String {
    let (d, time) = unit.designator();
    let t = if time { "T" } else { "" };
    match count {
        Count::Vague => format!("P{t}X{d}"),
        Count::Exact(n) if n.fract() == 0.5 && matches!(unit, Unit::Hour | Unit::Minute) => {
            let small = if unit == Unit::Hour { "30M" } else { "30S" };
            let whole = n.trunc() as i64;
            if whole == 0 {
                format!("PT{small}")
            } else {
                format!("PT{whole}{d}{small}")
            }
        }
        Count::Exact(n) => format!("P{t}{}{d}", fmt_num(n)),
    }
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Granularity::Time,
        Unit::Day => Granularity::Day,
        Unit::Week => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
    }
}

fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::days(d.weekday().num_days_from_monday() as i64)
}

fn add_months(year: i32, month: u32, n: i64) -> (i32, u32) {
    let idx = year as i64 * 12 + (month as i64 - 1) + n;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// Chooses among candidate dates by tense: past → the latest not after `r`; future → the
/// earliest not before; otherwise the nearest (a tie goes to the past).
fn by_tense(r: NaiveDate, tense: Tense, cands: &[NaiveDate]) -> Option<NaiveDate> {
    let past = cands.iter().filter(|d| **d <= r).max().copied();
    let future = cands.iter().filter(|d| **d >= r).min().copied();
    match tense {
        Tense::Past => past.or(future),
        Tense::Future => future.or(past),
        _ => match (past, future) {
            (Some(p), Some(f)) => Some(if (r - p) <= (f - r) { p } else { f }),
            (p, f) => p.or(f),
        },
    }
}

fn with_time(value: String, part: Option<&str>, clock: Option<(u32, u32)>) -> (String, bool) {
    match (clock, part) {
        (Some((h, m)), _) => (format!("{value}T{h:02}:{m:02}"), true),
        (None, Some(p)) => (format!("{value}T{p}"), true),
        (None, None) => (value, false),
    }
}

fn date_like(
    value: String,
    date: Option<NaiveDate>,
    part: Option<&str>,
    clock: Option<(u32, u32)>,
    relative: bool,
) -> Resolved {
    let (value, is_time) = with_time(value, part, clock);
    let granularity = match (clock, part) {
        (Some(_), _) => Granularity::Time,
        (None, Some(_)) => Granularity::PartOfDay,
        _ => Granularity::Day,
    };
    Resolved {
        kind: if is_time {
            TimexType::Time
        } else {
            TimexType::Date
        },
        value,
        granularity,
        date,
        relative,
    }
}

fn plain(
    kind: TimexType,
    value: String,
    granularity: Granularity,
    date: Option<NaiveDate>,
    relative: bool,
) -> Resolved {
    Resolved {
        kind,
        value,
        granularity,
        date,
        relative,
    }
}

fn season_start(code: &str, year: i32) -> Option<NaiveDate> {
    let m = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    NaiveDate::from_ymd_opt(year, m, 1)
}

/// Resolves `expr` against `reference` (the article's date) with the tense of its sentence.
/// `None` when the expression names an impossible date ("Feb. 30, 2022").
pub(crate) fn resolve(expr: &Expr, reference: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    use TimexType::*;
    Some(match *expr {
        Expr::Cal {
            year,
            month,
            day,
            part,
            clock,
        } => match (year, month, day) {
            (Some(y), Some(m), Some(d)) => {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                date_like(day_value(date), Some(date), part, clock, false)
            }
            (None, Some(m), Some(d)) => {
                if !(1..=31).contains(&d) {
                    return None;
                }
                match reference {
                    Some(r) => {
                        let cands: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1)
                            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                            .collect();
                        let date = by_tense(r, tense, &cands)?;
                        date_like(day_value(date), Some(date), part, clock, true)
                    }
                    None => date_like(format!("XXXX-{m:02}-{d:02}"), None, part, clock, true),
                }
            }
            (Some(y), Some(m), None) => plain(
                Date,
                format!("{y:04}-{m:02}"),
                Granularity::Month,
                NaiveDate::from_ymd_opt(y, m, 1),
                false,
            ),
            (None, Some(m), None) => match reference {
                Some(r) => {
                    let cands: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1)
                        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, 1))
                        .collect();
                    let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
                    let date = by_tense(first, tense, &cands)?;
                    plain(
                        Date,
                        format!("{:04}-{m:02}", date.year()),
                        Granularity::Month,
                        Some(date),
                        true,
                    )
                }
                None => plain(Date, format!("XXXX-{m:02}"), Granularity::Month, None, true),
            },
            (Some(y), None, _) => plain(
                Date,
                format!("{y:04}"),
                Granularity::Year,
                NaiveDate::from_ymd_opt(y, 1, 1),
                false,
            ),
            (None, None, _) => return None,
        },
        Expr::Weekday {
            wd,
            shift,
            part,
            clock,
        } => match reference {
            _ if shift == Shift::Any => {
                let v = format!("XXXX-WXX-{}", wd + 1);
                let mut r = date_like(v, None, part, clock, false);
                r.granularity = Granularity::Day;
                r
            }
            Some(r) => {
                let rw = r.weekday().num_days_from_monday() as i64;
                let back = (rw - wd as i64).rem_euclid(7); // days back to the latest such day (0 = r)
                let past = r - Days::days(back);
                let future = r + Days::days((wd as i64 - rw).rem_euclid(7));
                let date = match shift {
                    Shift::Bare => by_tense(r, tense, &[past, future])?,
                    Shift::This => {
                        if tense == Tense::Past {
                            past
                        } else {
                            future
                        }
                    }
                    Shift::Next => {
                        if future == r {
                            r + Days::days(7)
                        } else {
                            future
                        }
                    }
                    Shift::Last | Shift::Any => {
                        if past == r {
                            r - Days::days(7)
                        } else {
                            past
                        }
                    }
                };
                date_like(day_value(date), Some(date), part, clock, true)
            }
            None => date_like(format!("XXXX-WXX-{}", wd + 1), None, part, clock, true),
        },
        Expr::DayOffset {
            offset,
            part,
            clock,
        } => match reference {
            Some(r) => {
                let d = r + Days::days(offset);
                date_like(day_value(d), Some(d), part, clock, true)
            }
            None => date_like("XXXX-XX-XX".to_string(), None, part, clock, true),
        },
        Expr::Clock(h, m) => {
            let day = reference
                .map(day_value)
                .unwrap_or_else(|| "XXXX-XX-XX".to_string());
            plain(
                Time,
                format!("{day}T{h:02}:{m:02}"),
                Granularity::Time,
                reference,
                true,
            )
        }
        Expr::Period {
            unit,
            shift,
            weekend,
        } => period(unit, shift, weekend, reference)?,
        Expr::Weekend => {
            let shift = match reference {
                Some(r) if tense == Tense::Past && r.weekday().num_days_from_monday() < 5 => -1,
                _ => 0,
            };
            period(Unit::Week, shift, true, reference)?
        }
        Expr::Season { code, shift, year } => {
            let y = match (year, reference) {
                (Some(y), _) => Some(y),
                (None, Some(r)) => Some(r.year() + shift as i32),
                (None, None) => None,
            };
            match y {
                Some(y) => plain(
                    Date,
                    format!("{y:04}-{code}"),
                    Granularity::Season,
                    season_start(code, y),
                    year.is_none(),
                ),
                None => plain(
                    Date,
                    format!("XXXX-{code}"),
                    Granularity::Season,
                    None,
                    true,
                ),
            }
        }
        Expr::Ago { count, unit } => match (count, reference) {
            (Count::Exact(n), Some(r)) if n.fract() == 0.0 => {
                let n = n as i64;
                match unit {
                    Unit::Day => {
                        let d = r - Days::days(n);
                        plain(Date, day_value(d), Granularity::Day, Some(d), true)
                    }
                    Unit::Week => {
                        let d = monday(r - Days::days(7 * n));
                        plain(Date, week_value(d), Granularity::Week, Some(d), true)
                    }
                    Unit::Month => {
                        let (y, m) = add_months(r.year(), r.month(), -n);
                        plain(
                            Date,
                            format!("{y:04}-{m:02}"),
                            Granularity::Month,
                            NaiveDate::from_ymd_opt(y, m, 1),
                            true,
                        )
                    }
                    Unit::Year => {
                        let y = r.year() - n as i32;
                        plain(
                            Date,
                            format!("{y:04}"),
                            Granularity::Year,
                            NaiveDate::from_ymd_opt(y, 1, 1),
                            true,
                        )
                    }
                    Unit::Decade => {
                        let y = r.year() - 10 * n as i32;
                        plain(
                            Date,
                            format!("{:03}", y / 10),
                            Granularity::Decade,
                            NaiveDate::from_ymd_opt(y / 10 * 10, 1, 1),
                            true,
                        )
                    }
                    _ => plain(Date, "PAST_REF".to_string(), Granularity::Vague, None, true),
                }
            }
            (Count::Exact(_), None) => {
                let (v, g) = match unit {
                    Unit::Day => ("XXXX-XX-XX", Granularity::Day),
                    Unit::Week => ("XXXX-WXX", Granularity::Week),
                    Unit::Month => ("XXXX-XX", Granularity::Month),
                    Unit::Year => ("XXXX", Granularity::Year),
                    _ => ("PAST_REF", Granularity::Vague),
                };
                plain(Date, v.to_string(), g, None, true)
            }
            _ => plain(Date, "PAST_REF".to_string(), Granularity::Vague, None, true),
        },
        Expr::Decade(d) => plain(
            Date,
            format!("{d:03}"),
            Granularity::Decade,
            NaiveDate::from_ymd_opt(d * 10, 1, 1),
            false,
        ),
        Expr::Century(c) => plain(
            Date,
            format!("{c:02}"),
            Granularity::Century,
            NaiveDate::from_ymd_opt(c * 100, 1, 1),
            false,
        ),
        Expr::Duration { count, unit } => plain(
            Duration,
            duration_value(count, unit),
            unit_granularity(unit),
            None,
            false,
        ),
        Expr::Ref(v) => plain(Date, v.to_string(), Granularity::Vague, None, false),
        Expr::Set(ref v) => {
            let g = if v.starts_with("XXXX-WXX") {
                Granularity::Day
            } else if v.starts_with('T') {
                Granularity::PartOfDay
            } else if v.starts_with("PT") {
                Granularity::Time
            } else {
                match v.chars().last() {
                    Some('D') => Granularity::Day,
                    Some('W') => Granularity::Week,
                    Some('M') => Granularity::Month,
                    _ => Granularity::Year,
                }
            };
            plain(Set, v.clone(), g, None, false)
        }
    })
}

fn period(unit: Unit, shift: i64, weekend: bool, reference: Option<NaiveDate>) -> Option<Resolved> {
    use TimexType::Date;
    let Some(r) = reference else {
        let (v, g) = match unit {
            Unit::Week if weekend => ("XXXX-WXX-WE", Granularity::Week),
            Unit::Week => ("XXXX-WXX", Granularity::Week),
            Unit::Month => ("XXXX-XX", Granularity::Month),
            Unit::Decade => ("XXX", Granularity::Decade),
            Unit::Century => ("XX", Granularity::Century),
            _ => ("XXXX", Granularity::Year),
        };
        return Some(plain(Date, v.to_string(), g, None, true));
    };
    Some(match unit {
        Unit::Week => {
            let m = monday(r) + Days::days(7 * shift);
            if weekend {
                plain(
                    Date,
                    format!("{}-WE", week_value(m)),
                    Granularity::Week,
                    Some(m + Days::days(5)),
                    true,
                )
            } else {
                plain(Date, week_value(m), Granularity::Week, Some(m), true)
            }
        }
        Unit::Month => {
            let (y, mo) = add_months(r.year(), r.month(), shift);
            plain(
                Date,
                format!("{y:04}-{mo:02}"),
                Granularity::Month,
                NaiveDate::from_ymd_opt(y, mo, 1),
                true,
            )
        }
        Unit::Year => {
            let y = r.year() + shift as i32;
            plain(
                Date,
                format!("{y:04}"),
                Granularity::Year,
                NaiveDate::from_ymd_opt(y, 1, 1),
                true,
            )
        }
        Unit::Decade => {
            let d = r.year() / 10 + shift as i32;
            plain(
                Date,
                format!("{d:03}"),
                Granularity::Decade,
                NaiveDate::from_ymd_opt(d * 10, 1, 1),
                true,
            )
        }
        Unit::Century => {
            let c = r.year() / 100 + shift as i32;
            plain(
                Date,
                format!("{c:02}"),
                Granularity::Century,
                NaiveDate::from_ymd_opt(c * 100, 1, 1),
                true,
            )
        }
        _ => return None,
    })
}

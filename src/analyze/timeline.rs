//! The story's timeline: dated events in order, each with its sentence and its sources.
//!
//! Every kept sentence is tagged by [`crate::time`] against its article's own date (the
//! metadata date, else a dateline found in the text; for an undated article, see
//! [`references`]). A sentence with a resolved calendar
//! date becomes an event at the precision the text gave (a clock time or part of a day
//! counts as its day; a season as its month). The same event told by several articles (their
//! sentences state the same claim, or say the same thing at the same date) is one entry
//! citing them all.

use super::claims::Claims;
use crate::model::Span;
use crate::story::{containment, Story};
use crate::time::{article_reference, tag, Granularity, TimeMention, TimexType};
use chrono::{Datelike, NaiveDate};

/// Timeline precision: what the contract calls granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A day.
    Day,
    /// A week (Monday first).
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
}

impl Precision {
    /// `day`, `week`, `month` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    fn of(g: Granularity) -> Option<Precision> {
        match g {
            Granularity::Time | Granularity::PartOfDay | Granularity::Day => Some(Precision::Day),
            Granularity::Week => Some(Precision::Week),
            Granularity::Month | Granularity::Season => Some(Precision::Month),
            Granularity::Year => Some(Precision::Year),
            _ => None,
        }
    }
}

/// A dated mention in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    /// Unit (sentence) index.
    pub unit: usize,
    /// The time expression's bytes.
    pub span: Span,
    /// First day of the period.
    pub date: NaiveDate,
    /// Precision.
    pub precision: Precision,
    /// The TIMEX3 value.
    pub value: String,
}

/// One timeline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// First day of the period.
    pub date: NaiveDate,
    /// Precision.
    pub precision: Precision,
    /// The sentence that tells it (first article).
    pub unit: usize,
    /// The time expression in that sentence.
    pub when: Span,
    /// Every sentence (unit) that tells it.
    pub units: Vec<usize>,
    /// Documents, in order.
    pub docs: Vec<usize>,
}

/// The dated mentions of a story and its timeline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Reference date of each document, when known.
    pub reference: Vec<Option<NaiveDate>>,
    /// Every resolved date mention, by unit.
    pub dated: Vec<Dated>,
    /// Events in date order.
    pub events: Vec<Event>,
}

/// Tags every sentence and builds the timeline.
pub fn build(story: &Story, claims: &Claims, same_fact: f32) -> Timeline {
    let reference = references(story);
    let mut dated = Vec::new();
    for (u, unit) in story.units.iter().enumerate() {
        let doc = &story.docs[unit.doc];
        let span = doc.sentences[unit.sent].span;
        for m in tag(&doc.article.text, span, reference[unit.doc]) {
            if let Some(d) = keep(&m) {
                dated.push(Dated {
                    unit: u,
                    span: m.span,
                    date: d.0,
                    precision: d.1,
                    value: m.value.clone(),
                });
            }
        }
    }
    let claim_of = |u: usize| claims.claims.iter().position(|c| c.units.contains(&u));
    let mut events: Vec<Event> = Vec::new();
    for d in &dated {
        let same = events.iter_mut().find(|e| {
            e.date == d.date
                && e.precision == d.precision
                && !e.units.contains(&d.unit)
                && (claim_of(e.unit).is_some() && claim_of(e.unit) == claim_of(d.unit)
                    || similar(story, e.unit, d.unit, same_fact))
        });
        match same {
            Some(e) => {
                e.units.push(d.unit);
                let doc = story.units[d.unit].doc;
                if !e.docs.contains(&doc) {
                    e.docs.push(doc);
                    e.docs.sort_unstable();
                }
            }
            None => {
                if events
                    .iter()
                    .any(|e| e.unit == d.unit && e.date == d.date && e.precision == d.precision)
                {
                    continue;
                }
                events.push(Event {
                    date: d.date,
                    precision: d.precision,
                    unit: d.unit,
                    when: d.span,
                    units: vec![d.unit],
                    docs: vec![story.units[d.unit].doc],
                })
            }
        }
    }
    events.sort_by_key(|e| (e.date, e.precision, e.unit));
    Timeline {
        reference,
        dated,
        events,
    }
}

/// Each article's reference date: its own (metadata, `date` header, dateline); else the
/// latest month-and-day it names ("this Friday, Jan. 21"), in the year of the story's dated
/// articles (an article is written on or after the days it reports); else the latest
/// reference of the story. `None` only when no article of the story can be dated.
pub fn references(story: &Story) -> Vec<Option<NaiveDate>> {
    let own: Vec<Option<NaiveDate>> = story
        .docs
        .iter()
        .map(|d| article_reference(&d.article))
        .collect();
    let year = own.iter().flatten().max().map(|d| d.year());
    let mut refs = own.clone();
    for (d, doc) in story.docs.iter().enumerate() {
        if refs[d].is_some() {
            continue;
        }
        let Some(year) = year else { continue };
        let text = &doc.article.text;
        refs[d] = doc
            .sentences
            .iter()
            .flat_map(|s| tag(text, s.span, None))
            .filter_map(|m| {
                let v = m.value.strip_prefix("XXXX-")?;
                let (mo, day) = v.split_once('-')?;
                NaiveDate::from_ymd_opt(year, mo.parse().ok()?, day.parse().ok()?)
            })
            .max();
    }
    let latest = refs.iter().flatten().max().copied();
    refs.iter().map(|r| r.or(latest)).collect()
}

fn keep(m: &TimeMention) -> Option<(NaiveDate, Precision)> {
    if !matches!(m.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    Some((m.date?, Precision::of(m.granularity)?))
}

fn similar(story: &Story, u: usize, v: usize, same_fact: f32) -> bool {
    let (a, b) = (&story.units[u].bag, &story.units[v].bag);
    containment(a, b).max(containment(b, a)) >= same_fact
}

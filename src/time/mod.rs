//! Time expressions: finding them in news text and normalizing them to TIMEX3.
//!
//! A timeline and date conflicts need every "Friday", "next week" and "Jan. 21" turned into
//! a calendar value, at the precision the text gave, anchored on the article's own date.
//! No crate finds such expressions inside running text, so this module does it in two
//! steps kept apart: a grammar over tokens finds each expression and what it means
//! (grammar rules that need no reference date), then the meaning is resolved against
//! the reference date and the sentence's tense. The output follows TIMEX3 (TimeML, as
//! judged by TempEval-3): extents without leading prepositions, values such as
//! `2022-01-21`, `2022-W04`, `P2D`, `PRESENT_REF`.
//!
//! Everything is pure and works on byte spans of the caller's text, so it can run on every
//! sentence of every article in parallel.
//!
//! ```
//! use chrono::NaiveDate;
//! use storyline::time::{tag, TimexType};
//! use storyline::Span;
//!
//! let text = "Blinken met Lavrov on Tuesday and will return next week.";
//! let wednesday = NaiveDate::from_ymd_opt(2022, 1, 19);
//! let found = tag(text, Span::new(0, text.len()), wednesday);
//! assert_eq!(found[0].span.of(text), "Tuesday");
//! assert_eq!(found[0].value, "2022-01-18");
//! assert_eq!(found[1].span.of(text), "next week");
//! assert_eq!(found[1].value, "2022-W04");
//! assert_eq!(found[1].kind, TimexType::Date);
//! ```

pub(crate) mod lexicon;
mod resolve;
mod tagger;
mod timex;
mod tokens;

pub use timex::{Granularity, TimeMention, TimexType};

use crate::model::Span;
use chrono::NaiveDate;

/// Finds the time expressions inside `span` of `text` and normalizes them against
/// `reference`, the article's date (its publication date; see [`reference_date`] when it
/// has none).
///
/// Spans in the result index `text` (not the sub-slice), lie inside `span` and on character
/// boundaries, and come in text order without overlaps. A `span` reaching past the text or
/// cutting a character is narrowed to the characters it covers. Pass a sentence (or a whole
/// article: sentences are found inside it for the tense of each mention). Without a
/// reference date, absolute values are kept ("Jan. 18, 2022") and the rest get `X` digits
/// (`XXXX-WXX-5` for "Friday", `XXXX-WXX` for "next week"). A clock time without its day
/// ("about 9 p.m.") takes the day of the latest day-precise mention before it in `span`, else
/// the reference date.
pub fn tag(text: &str, span: Span, reference: Option<NaiveDate>) -> Vec<TimeMention> {
    let Some((start, end)) = narrow(text, span) else {
        return Vec::new();
    };
    let toks = tokens::tokenize(text, start, end);
    if toks.is_empty() {
        return Vec::new();
    }
    let bounds = tokens::sentence_bounds(&toks);
    // A clock time alone ("left about 9 p.m.") belongs to the day last spoken of.
    let mut last_day: Option<NaiveDate> = None;
    tagger::find(&toks)
        .into_iter()
        .filter_map(|f| {
            let tense = tokens::tense_at(&toks, &bounds, f.from, f.to);
            let anchor = match f.expr {
                tagger::Expr::Clock(..) => last_day.or(reference),
                _ => reference,
            };
            let r = resolve::resolve(&f.expr, anchor, tense)?;
            if r.granularity <= Granularity::Day && r.date.is_some() {
                last_day = r.date;
            }
            Some(TimeMention {
                span: Span::new(toks[f.from].start, toks[f.to - 1].end),
                kind: r.kind,
                value: r.value,
                granularity: r.granularity,
                date: r.date,
                relative: r.relative,
            })
        })
        .collect()
}

/// How far into an article [`reference_date`] looks for a dateline, in bytes.
pub const DATELINE_BYTES: usize = 600;

/// An article's own date from its text, for articles without a metadata date: the first
/// complete calendar date (day, month and year: "Friday, Jan. 21, 2022", "January 21,
/// 2022", "21 January 2022", "2022-01-21") within the first [`DATELINE_BYTES`] bytes that
/// stands where datelines and `date` headers sit: first on its line, or after no more than a
/// dateline's lead-in ("GENEVA,", "Posted Tuesday,", "Published on", "By Jane Doe |").
/// A date inside a sentence or a caption ("FILE - In this Nov. 10, 2009 file photo", "On
/// Oct. 3, 1995, a jury …") reports an event, not the article's date. Callers try
/// `Article::published` first.
pub fn reference_date(text: &str) -> Option<NaiveDate> {
    let mut end = text.len().min(DATELINE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    tag(text, Span::new(0, end), None)
        .into_iter()
        .filter(|m| !m.relative && m.granularity <= Granularity::Day && m.date.is_some())
        .find(|m| {
            let line_start = text[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
            is_dateline_lead_in(&text[line_start..m.span.start])
        })
        .and_then(|m| m.date)
}

/// True when `line` is a date line and nothing else: a complete calendar date, with no
/// more around it than a weekday, "published", "posted" or "updated", a clock time and its
/// zone; no place, as a dateline's "GENEVA," would be ("June 06 , 2013",
/// "Friday, June 7, 2013", "Updated Saturday, December 05, 2009 8:28 PM",
/// "Published: March 13, 2013", "06/06/13 07:05 PM ET"). Such a line opening a plain-text
/// article is its date, not its headline.
pub fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.split_whitespace().count() > 16 {
        return false;
    }
    let found = tag(line, Span::new(0, line.len()), None);
    if !found
        .iter()
        .any(|m| !m.relative && m.granularity <= Granularity::Day && m.date.is_some())
    {
        return false;
    }
    // What the mentions leave must be lead-in words, clock digits and zones.
    let mut rest = String::new();
    let mut at = 0;
    for m in &found {
        rest.push_str(&line[at..m.span.start]);
        rest.push(' ');
        at = m.span.end;
    }
    rest.push_str(&line[at..]);
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '|' | '(' | ')' | '/' | '@'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '—' | '–' | '·' | '•')))
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.to_ascii_lowercase().as_str(),
                    "a" | "p" | "m" | "am" | "pm" | "a.m" | "p.m" | "at" | "et" | "pt" | "ct"
                )
                || is_clock(w)
                || is_zone(w)
                || w.parse::<chrono::Weekday>().is_ok()
                || w.eq_ignore_ascii_case("on")
                || LEAD_IN_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x))
        })
}

/// A time zone's abbreviation: "EST", "GMT", "HKT", "IST".
fn is_zone(w: &str) -> bool {
    (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// A clock time written as one word: "7:38pm", "02:22", "11:34PM", "10:10AM".
fn is_clock(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let digits = lower.trim_end_matches("am").trim_end_matches("pm");
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// Words that lead into a dateline's date.
const LEAD_IN_WORDS: [&str; 5] = ["date", "dateline", "published", "posted", "updated"];

/// True when `prefix` (the text of a line before a date) is empty or only a dateline's
/// lead-in: place names in capitals, weekdays, "date", "published", "posted", "updated",
/// "on" after one of those (a line opening "On" starts a sentence), separators; or a byline
/// ("By …") ending in a separator.
fn is_dateline_lead_in(prefix: &str) -> bool {
    let p = prefix.trim();
    if p.starts_with("By ") && p.ends_with(['|', '—', '–', '-', ',', '·', '•']) {
        return p.split_whitespace().count() <= 8;
    }
    p.split_whitespace().enumerate().all(|(i, w)| {
        let w =
            w.trim_matches(|c: char| matches!(c, ',' | ':' | '|' | '—' | '–' | '-' | '·' | '•'));
        w.is_empty()
            || LEAD_IN_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x))
            || w.parse::<chrono::Weekday>().is_ok()
            || (i > 0 && w.eq_ignore_ascii_case("on"))
            || (w.chars().any(|c| c.is_alphabetic())
                && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '\''))
    })
}

/// The reference date of an article: its publication date when known
/// (`Article::published`), else the dateline date found by [`reference_date`].
pub fn article_reference(article: &crate::model::Article) -> Option<NaiveDate> {
    article.published.or_else(|| reference_date(&article.text))
}

/// `span` clipped to `text` and to character boundaries; `None` when nothing is left.
fn narrow(text: &str, span: Span) -> Option<(usize, usize)> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len());
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

#[cfg(test)]
mod tests;

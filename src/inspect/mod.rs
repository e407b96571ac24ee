//! Showing what one stage of the pipeline did to each article, with exact offsets.
//!
//! `storyline inspect` exists so that a person (or a benchmark script) can check any stage
//! on its own: every item carries the byte range it covers in the article's text as read,
//! so it can be compared with hand annotation or another tool without guessing alignment.
//! Each stage is rendered from the same library calls the pipeline makes, never imitated:
//! entities and quotes read all the articles given as one story, as `analyze` does, because
//! that is where their merged entities and speakers come from.

mod merged;

use crate::error::{Error, Result};
use crate::model::{Article, Span};
use crate::options::Options;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use std::path::Path;

/// A stage whose output can be inspected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Regions: what cleaning kept and what it removed ([`crate::clean`]).
    Clean,
    /// Sentences of the kept regions ([`crate::sentences`]).
    Sentences,
    /// Named entity mentions (PER, LOC, ORG, MISC) with their merged entity.
    Entities,
    /// Time expressions with TIMEX3 values.
    Dates,
    /// Quotations with speaker and verb.
    Quotes,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::Clean,
        Stage::Sentences,
        Stage::Entities,
        Stage::Dates,
        Stage::Quotes,
    ];

    /// The stage's name as written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Clean => "clean",
            Stage::Sentences => "sentences",
            Stage::Entities => "entities",
            Stage::Dates => "dates",
            Stage::Quotes => "quotes",
        }
    }

    /// True when the stage reads all the articles as one story (entities are merged across
    /// them, and quotes name their speaker by the merged entity).
    pub fn per_story(self) -> bool {
        matches!(self, Stage::Entities | Stage::Quotes)
    }
}

impl std::str::FromStr for Stage {
    type Err = Error;

    fn from_str(s: &str) -> Result<Stage> {
        Stage::ALL
            .into_iter()
            .find(|st| st.name() == s)
            .ok_or_else(|| {
                Error::Options(format!(
                    "unknown stage `{s}` (one of: clean, sentences, entities, dates, quotes)"
                ))
            })
    }
}

/// One item of a stage's output: a span of the article's text and what the stage says of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `article.text[start..end]`.
    pub text: String,
    /// The stage's fields (`kind`, `entity`, `value`, …), by name.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

impl Item {
    fn new(article: &Article, span: Span) -> Item {
        Item {
            start: span.start,
            end: span.end,
            text: span.of(&article.text).to_string(),
            fields: Map::new(),
        }
    }

    fn with(mut self, key: &str, value: impl Into<Value>) -> Item {
        self.fields.insert(key.to_string(), value.into());
        self
    }
}

/// One line of `inspect` output: an article and its items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspected {
    /// The article's id.
    pub article: String,
    /// The stage's items, in text order.
    pub items: Vec<Item>,
}

/// The date relative expressions of `article` are resolved against: the article's own date
/// (metadata, else a dateline: [`crate::time::article_reference`]), else `fallback` (the
/// `--date` option).
pub fn reference_date(article: &Article, fallback: Option<NaiveDate>) -> Option<NaiveDate> {
    crate::time::article_reference(article).or(fallback)
}

/// Runs `stage` on one article, as a story of its own for [`Stage::per_story`] stages.
pub fn inspect_article(article: &Article, stage: Stage, date: Option<NaiveDate>) -> Inspected {
    inspect_articles(vec![article.clone()], stage, date)
        .pop()
        .unwrap_or_else(|| Inspected {
            article: article.id.clone(),
            items: Vec::new(),
        })
}

/// Runs `stage` on `articles` read as one story: one [`Inspected`] per article, in order.
/// Per-article stages look at each article alone; entities and quotes are merged across all
/// of them, as `analyze` merges them.
pub fn inspect_articles(
    articles: Vec<Article>,
    stage: Stage,
    date: Option<NaiveDate>,
) -> Vec<Inspected> {
    let items_of: fn(&Article, Option<NaiveDate>) -> Vec<Item> = match stage {
        Stage::Clean => |a, _| clean_items(a),
        Stage::Sentences => |a, _| sentence_items(a),
        Stage::Dates => |a, date| date_items(a, reference_date(a, date)),
        Stage::Entities | Stage::Quotes => return merged::inspect_story(articles, stage),
    };
    articles
        .iter()
        .map(|article| Inspected {
            article: article.id.clone(),
            items: items_of(article, date),
        })
        .collect()
}

fn clean_items(article: &Article) -> Vec<Item> {
    crate::clean::clean(article)
        .into_iter()
        .map(|r| {
            let kind = serde_json::to_value(r.kind).unwrap_or(Value::Null);
            Item::new(article, r.span).with("kind", kind)
        })
        .collect()
}

fn sentence_items(article: &Article) -> Vec<Item> {
    let regions = crate::clean::clean(article);
    crate::sentences::sentences(article, &regions)
        .into_iter()
        .map(|s| Item::new(article, s.span).with("paragraph", s.paragraph))
        .collect()
}

/// Time expressions of the kept text, each with its TIMEX3 `type`, `value` and `granularity`.
/// The headline is tagged too: it is part of the text as read.
fn date_items(article: &Article, reference: Option<NaiveDate>) -> Vec<Item> {
    let regions = crate::clean::clean(article);
    regions
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                crate::clean::RegionKind::Kept
                    | crate::clean::RegionKind::Title
                    | crate::clean::RegionKind::Heading
            )
        })
        .flat_map(|r| crate::time::tag(&article.text, r.span, reference))
        .map(|m| {
            Item::new(article, m.span)
                .with("type", serde_json::to_value(m.kind).unwrap_or(Value::Null))
                .with("value", m.value)
                .with(
                    "granularity",
                    serde_json::to_value(m.granularity).unwrap_or(Value::Null),
                )
        })
        .collect()
}

/// What inspecting a batch gave.
#[derive(Debug, Default)]
pub struct InspectRun {
    /// One entry per usable article, in input order.
    pub articles: Vec<Inspected>,
    /// One error per input that could not be used.
    pub errors: Vec<Error>,
}

/// Reads `paths` (any input format, folders too) as one story and runs `stage` on every
/// article ([`inspect_articles`]). Bad inputs go to [`InspectRun::errors`] and the rest goes
/// through.
pub fn inspect_paths<P: AsRef<Path>>(
    paths: &[P],
    stage: Stage,
    date: Option<NaiveDate>,
    opts: &Options,
) -> InspectRun {
    let loaded = crate::ingest::load(paths, opts);
    InspectRun {
        articles: inspect_articles(loaded.articles, stage, date),
        errors: loaded.errors,
    }
}

/// Renders one article's items as a JSON Lines line (without the newline).
pub fn to_json_line(inspected: &Inspected) -> String {
    serde_json::to_string(inspected).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(s: &str) -> Article {
        crate::ingest::text_article(Path::new("a.txt"), s.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn clean_items_index_the_text() {
        let a = article(
            "date 2022-01-21\nHeadline Here\n\nFirst paragraph. Two.\n\nFollow us on Twitter\n",
        );
        let out = inspect_article(&a, Stage::Clean, None);
        let kinds: Vec<_> = out.items.iter().map(|i| i.fields["kind"].clone()).collect();
        assert_eq!(kinds, ["header", "title", "kept", "share"].map(Value::from));
        for i in &out.items {
            assert_eq!(i.text, a.text[i.start..i.end]);
        }
    }

    #[test]
    fn sentences_are_spans() {
        let a = article("One sentence here. Another one there.\n\nA new paragraph.");
        let out = inspect_article(&a, Stage::Sentences, None);
        let texts: Vec<_> = out.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "One sentence here.",
                "Another one there.",
                "A new paragraph."
            ]
        );
        assert_eq!(out.items[2].fields["paragraph"], 1);
    }

    #[test]
    fn unknown_stages_are_errors() {
        assert!("words".parse::<Stage>().is_err());
        assert_eq!("dates".parse::<Stage>().unwrap(), Stage::Dates);
        for st in Stage::ALL {
            assert_eq!(st.name().parse::<Stage>().unwrap(), st);
        }
    }

    /// Values from the TIMEX3 guidelines: a weekday in a past-tense sentence is the one before
    /// the reference date; "next week" is the ISO week after it.
    #[test]
    fn dates_are_timex3_against_the_reference() {
        let a = article("Blinken met Lavrov on Tuesday and will return next week.");
        let out = inspect_article(&a, Stage::Dates, NaiveDate::from_ymd_opt(2022, 1, 19));
        let got: Vec<(&str, &Value, &Value)> = out
            .items
            .iter()
            .map(|i| (i.text.as_str(), &i.fields["type"], &i.fields["value"]))
            .collect();
        assert_eq!(
            got,
            [
                ("Tuesday", &Value::from("DATE"), &Value::from("2022-01-18")),
                ("next week", &Value::from("DATE"), &Value::from("2022-W04")),
            ]
        );
        // The article's own date wins over --date.
        let b = article("date 2022-01-21\nThe talks ended on Friday.");
        let out = inspect_article(&b, Stage::Dates, NaiveDate::from_ymd_opt(2000, 1, 1));
        assert_eq!(out.items[0].fields["value"], "2022-01-21");
    }

    #[test]
    fn json_line_shape() {
        let a = article("Text here.");
        let line = to_json_line(&inspect_article(&a, Stage::Sentences, None));
        assert_eq!(
            line,
            r#"{"article":"a","items":[{"start":0,"end":10,"text":"Text here.","paragraph":0}]}"#
        );
    }
}

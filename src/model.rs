//! The data model that flows through every stage.
//!
//! An [`Article`] keeps its text exactly as read; every later stage refers back to it
//! with [`Span`]s (byte ranges), never with copied strings, so that every citation can
//! point at the very bytes it came from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span's text in `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain text file.
    Text,
    /// An HTML page (its main text extracted).
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
}

/// One news article as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a file's name without extension, or the `id` field of JSON Lines.
    pub id: String,
    /// Human name of the outlet: the site name when known, else the id.
    pub source: String,
    /// Where the article was published, when known.
    pub url: Option<String>,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// The file the article came from.
    pub path: PathBuf,
    /// The 1-based line, for JSON Lines input.
    pub line: Option<usize>,
    /// The format it was read from.
    pub format: Format,
    /// The article's text as read: the file's bytes for plain text, the `text` field for
    /// JSON Lines, the extracted main text for HTML. Every [`Span`] indexes this string.
    pub text: String,
    /// Where the body starts and ends in `text` (after a `date` header and a headline line).
    pub body: Span,
    /// The headline's span in `text`, when the headline is part of the text.
    pub title_span: Option<Span>,
}

impl Article {
    /// An article made of plain text alone: id and source `id`, path `<id>.txt`, no metadata,
    /// the whole text as body (what tests and in-memory callers need).
    pub fn from_text(id: impl Into<String>, text: String) -> Article {
        let id = id.into();
        Article {
            source: id.clone(),
            url: None,
            title: None,
            published: None,
            path: format!("{id}.txt").into(),
            line: None,
            format: Format::Text,
            body: Span::new(0, text.len()),
            title_span: None,
            text,
            id,
        }
    }

    /// The body text.
    pub fn body_text(&self) -> &str {
        self.body.of(&self.text)
    }
}

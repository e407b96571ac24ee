//! JSON Lines: one article per line with `id`, `source`, `url`, `title`, `published`,
//! and `text` or `html`.

use crate::error::{Error, Result};
use crate::model::{Article, Format, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::path::Path;

/// An article as it appears in JSON Lines and in the HTTP API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JsonArticle {
    /// Stable id (defaults to `<file stem>-<line>`).
    pub id: Option<String>,
    /// Outlet name (defaults to the site name of HTML, else the id).
    pub source: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date: `YYYY-MM-DD` or an RFC 3339 time stamp.
    pub published: Option<String>,
    /// Plain text of the article.
    pub text: Option<String>,
    /// HTML of the article page (used when `text` is absent).
    pub html: Option<String>,
}

fn field_str(obj: &Map<String, Value>, name: &str) -> std::result::Result<Option<String>, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(format!(
            "field `{name}`: expected a string, found {}",
            kind_name(other)
        )),
    }
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses a publication date: `YYYY-MM-DD`, or the date part of an RFC 3339 / ISO 8601 time.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(t.date_naive());
    }
    s.get(..10)
        .filter(|_| {
            s.as_bytes()
                .get(10)
                .is_some_and(|b| *b == b'T' || *b == b' ')
        })
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

impl JsonArticle {
    /// Reads the fields from a JSON value, with a message naming the field on error.
    pub fn from_value(v: &Value) -> std::result::Result<Self, String> {
        let obj = v
            .as_object()
            .ok_or_else(|| format!("expected a JSON object, found {}", kind_name(v)))?;
        Ok(JsonArticle {
            id: field_str(obj, "id")?,
            source: field_str(obj, "source")?,
            url: field_str(obj, "url")?,
            title: field_str(obj, "title")?,
            published: field_str(obj, "published")?,
            text: field_str(obj, "text")?,
            html: field_str(obj, "html")?,
        })
    }

    /// Turns the record into an article; `default_id` is used when `id` is absent.
    pub fn into_article(
        self,
        path: &Path,
        line: Option<usize>,
        default_id: String,
    ) -> std::result::Result<Article, String> {
        let id = self
            .id
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(default_id);
        let published = match &self.published {
            None => None,
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(parse_published(s).ok_or_else(|| {
                format!("field `published`: expected YYYY-MM-DD or an RFC 3339 time, found {s:?}")
            })?),
        };
        let mut article = match (self.text, self.html) {
            (Some(text), _) if !text.trim().is_empty() => {
                let mut a = Article {
                    id: id.clone(),
                    source: id.clone(),
                    url: None,
                    title: None,
                    published: None,
                    path: path.to_path_buf(),
                    line,
                    format: Format::Jsonl,
                    body: Span::new(0, text.len()),
                    title_span: None,
                    text,
                };
                if self.title.is_none() {
                    super::text::split_header_and_title(&mut a);
                }
                a
            }
            (_, Some(html)) if !html.trim().is_empty() => {
                let mut a = super::html::article_from_html(path, &html, id.clone()).map_err(
                    |e| match e {
                        Error::BadInput { reason, .. } => format!("field `html`: {reason}"),
                        other => other.to_string(),
                    },
                )?;
                a.line = line;
                a.format = Format::Jsonl;
                a
            }
            _ => return Err("no article text: give a non-empty `text` or `html` field".into()),
        };
        if let Some(s) = self.source.filter(|s| !s.trim().is_empty()) {
            article.source = s;
        }
        if self.url.is_some() {
            article.url = self.url;
        }
        if let Some(t) = self.title.filter(|t| !t.trim().is_empty()) {
            article.title = Some(t);
        }
        if published.is_some() {
            article.published = published;
        }
        Ok(article)
    }
}

/// Reads a JSON Lines file. Bad lines go to `errors`; blank lines are skipped.
pub fn jsonl_articles(path: &Path, bytes: &[u8], errors: &mut Vec<Error>) -> Result<Vec<Article>> {
    let stem = super::file_id(path);
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let Ok(s) = std::str::from_utf8(raw) else {
            errors.push(Error::bad_line(path, line, "invalid UTF-8"));
            continue;
        };
        if s.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(s)
            .map_err(|e| format!("not JSON: {e}"))
            .and_then(|v| JsonArticle::from_value(&v))
            .and_then(|j| j.into_article(path, Some(line), format!("{stem}-{line}")));
        match parsed {
            Ok(a) => out.push(a),
            Err(reason) => errors.push(Error::bad_line(path, line, reason)),
        }
    }
    if out.is_empty() && errors.is_empty() {
        return Err(Error::bad_file(path, "no JSON Lines records"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (Vec<Article>, Vec<String>) {
        let mut errs = Vec::new();
        let arts =
            jsonl_articles(Path::new("in.jsonl"), s.as_bytes(), &mut errs).unwrap_or_default();
        (arts, errs.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn all_fields() {
        let (a, e) = read(
            r#"{"id":"x1","source":"DW","url":"https://dw.com/a","title":"T","published":"2022-01-21","text":"Blinken met Lavrov."}"#,
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(a[0].id, "x1");
        assert_eq!(a[0].source, "DW");
        assert_eq!(a[0].url.as_deref(), Some("https://dw.com/a"));
        assert_eq!(a[0].title.as_deref(), Some("T"));
        assert_eq!(a[0].published, NaiveDate::from_ymd_opt(2022, 1, 21));
        assert_eq!(a[0].text, "Blinken met Lavrov.");
        assert_eq!(a[0].line, Some(1));
    }

    #[test]
    fn rfc3339_date_and_default_id() {
        let (a, e) =
            read("\n{\"published\":\"2022-01-21T09:30:00+01:00\",\"text\":\"Words here.\"}\n");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(a[0].id, "in-2");
        assert_eq!(a[0].published, NaiveDate::from_ymd_opt(2022, 1, 21));
    }

    #[test]
    fn bad_lines_are_reported_and_the_rest_kept() {
        let (a, e) = read(concat!(
            "{\"id\":\"ok\",\"text\":\"Fine text.\"}\n",
            "{not json}\n",
            "{\"id\":\"a\",\"published\":\"yesterday\",\"text\":\"x\"}\n",
            "{\"id\":\"b\",\"title\":7,\"text\":\"x\"}\n",
            "{\"id\":\"c\"}\n",
            "[1,2]\n",
        ));
        assert_eq!(a.len(), 1);
        assert_eq!(e.len(), 5, "{e:?}");
        assert!(
            e[0].starts_with("in.jsonl:2: not JSON: key must be a string"),
            "{}",
            e[0]
        );
        assert_eq!(
            e[1],
            "in.jsonl:3: field `published`: expected YYYY-MM-DD or an RFC 3339 time, found \"yesterday\""
        );
        assert_eq!(
            e[2],
            "in.jsonl:4: field `title`: expected a string, found a number"
        );
        assert_eq!(
            e[3],
            "in.jsonl:5: no article text: give a non-empty `text` or `html` field"
        );
        assert_eq!(e[4], "in.jsonl:6: expected a JSON object, found an array");
    }
}

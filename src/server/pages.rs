//! The web page: the story list and the story page, rendered on the server (askama
//! templates in `templates/`, which escape every value: article text never becomes markup).
//!
//! No JavaScript: a citation is a link to its sentence, highlighted where it stands in the
//! source's article (CSS `:target`), so the page works the same with scripts off and the
//! Content-Security-Policy can forbid every script.

use super::api::{built, ApiError};
use super::state::AppState;
use crate::model::Span;
use crate::store::{format_ms, StoryDoc, StoryQuery, StoryRow};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// One story in the list.
struct ListItem {
    href: String,
    title: String,
    lead: String,
    sources: usize,
    articles: usize,
    when: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    q: String,
    items: Vec<ListItem>,
}

/// A citation: a source's name linking to its sentence.
struct CiteView {
    source: String,
    anchor: String,
    quote: String,
}

struct SentenceView {
    text: String,
    cites: Vec<CiteView>,
}

/// A piece of an article paragraph; `mark` is the anchor of a cited sentence.
struct Part {
    text: String,
    mark: Option<String>,
}

struct ArticleView {
    anchor: String,
    source: String,
    title: String,
    published: String,
    url: Option<String>,
    paragraphs: Vec<Vec<Part>>,
}

#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage {
    title: String,
    sources: usize,
    articles_n: usize,
    updated: String,
    sentences: Vec<SentenceView>,
    articles: Vec<ArticleView>,
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage {
    what: String,
}

fn page(t: impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("template: {e}")).into_response(),
    }
}

/// The 404 page.
pub fn not_found_page() -> Response {
    let mut r = page(NotFoundPage {
        what: "There is no such page.".into(),
    });
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

/// A human date: `21 January 2022`.
fn human_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso.get(..10).unwrap_or(iso), "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_default()
}

/// Only `http(s)` addresses become links (never `javascript:` or `data:`).
fn safe_url(url: Option<&str>) -> Option<String> {
    let u = url?.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| u.to_string())
}

/// Query of the list page.
#[derive(Debug, Deserialize)]
pub struct IndexQuery {
    q: Option<String>,
}

fn list_item(r: StoryRow) -> ListItem {
    ListItem {
        href: format!("/stories/{}", r.id),
        title: r.title.unwrap_or_else(|| format!("Story {}", r.id)),
        lead: r.lead.unwrap_or_default(),
        sources: r.sources,
        articles: r.articles,
        when: r
            .newest
            .map(|d| human_date(&d))
            .unwrap_or_else(|| human_date(&format_ms(r.updated_ms))),
    }
}

/// `GET /`: the stories, newest change first; `?q=` searches.
pub async fn index(
    State(st): State<Arc<AppState>>,
    Query(q): Query<IndexQuery>,
) -> Result<Response, ApiError> {
    let text = q.q.unwrap_or_default();
    let query = StoryQuery {
        since_ms: None,
        q: Some(text.clone()).filter(|s| !s.trim().is_empty()),
        limit: st.opts.serve.max_list,
    };
    let st2 = st.clone();
    let rows = tokio::task::spawn_blocking(move || st2.store.stories(&query)).await??;
    // A story not built yet has no headline: build it now rather than show a number.
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        if r.title.is_none() {
            if let Ok(b) = built(&st, r.id).await {
                let mut r = r;
                r.title = Some(b.doc.title.clone());
                r.lead = b.doc.summary.first().map(|s| s.text.clone());
                items.push(list_item(r));
                continue;
            }
        }
        items.push(list_item(r));
    }
    Ok(page(IndexPage { q: text, items }))
}

/// Splits an article's body into paragraphs, marking the cited spans.
fn paragraphs(text: &str, body: Span, marks: &[(Span, String)]) -> Vec<Vec<Part>> {
    let mut out = Vec::new();
    let mut start = body.start;
    let body_text = body.of(text);
    for line in body_text.split('\n') {
        let (ls, le) = (start, start + line.len());
        start = le + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        let mut at = ls;
        let mut here: Vec<&(Span, String)> = marks
            .iter()
            .filter(|(s, _)| s.start >= ls && s.end <= le && s.start >= at)
            .collect();
        here.sort_by_key(|(s, _)| s.start);
        for (s, anchor) in here {
            if s.start < at {
                continue;
            }
            if s.start > at {
                parts.push(Part {
                    text: text[at..s.start].to_string(),
                    mark: None,
                });
            }
            parts.push(Part {
                text: text[s.start..s.end].to_string(),
                mark: Some(anchor.clone()),
            });
            at = s.end;
        }
        if at < le {
            parts.push(Part {
                text: text[at..le].to_string(),
                mark: None,
            });
        }
        out.push(parts);
    }
    out
}

fn anchor(article: usize, start: usize) -> String {
    format!("a{article}-{start}")
}

fn story_page(doc: &StoryDoc, stored: Vec<crate::store::Stored>) -> StoryPage {
    let index: HashMap<&str, usize> = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let source_of: HashMap<&str, &str> = doc
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.source.as_str()))
        .collect();
    let texts: HashMap<&str, &crate::Article> = stored
        .iter()
        .map(|s| (s.article.id.as_str(), &s.article))
        .collect();
    let mut marks: Vec<Vec<(Span, String)>> = vec![Vec::new(); doc.articles.len()];
    let sentences = doc
        .summary
        .iter()
        .map(|s| SentenceView {
            text: s.text.clone(),
            cites: s
                .cites
                .iter()
                .filter_map(|c| {
                    let i = *index.get(c.article.as_str())?;
                    let art = texts.get(c.article.as_str())?;
                    let quote = art.text.get(c.start..c.end)?.to_string();
                    let a = anchor(i, c.start);
                    let span = Span::new(c.start, c.end);
                    if !marks[i].iter().any(|(s, _)| *s == span) {
                        marks[i].push((span, a.clone()));
                    }
                    Some(CiteView {
                        source: source_of
                            .get(c.article.as_str())
                            .unwrap_or(&"?")
                            .to_string(),
                        anchor: a,
                        quote,
                    })
                })
                .collect(),
        })
        .collect();
    let articles = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let paras = texts
                .get(a.id.as_str())
                .map(|art| paragraphs(&art.text, art.body, &marks[i]))
                .unwrap_or_default();
            ArticleView {
                anchor: format!("a{i}"),
                source: a.source.clone(),
                title: a.title.clone().unwrap_or_default(),
                published: a.published.as_deref().map(human_date).unwrap_or_default(),
                url: safe_url(a.url.as_deref()),
                paragraphs: paras,
            }
        })
        .collect();
    StoryPage {
        title: doc.title.clone(),
        sources: doc.sources,
        articles_n: doc.articles.len(),
        updated: human_date(&doc.updated),
        sentences,
        articles,
    }
}

/// `GET /stories/{id}`: the story page.
pub async fn story(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let Ok(id) = id.parse::<i64>() else {
        return Ok(not_found_page());
    };
    let b = match built(&st, id).await {
        Ok(b) => b,
        Err(ApiError(StatusCode::NOT_FOUND, _)) => return Ok(not_found_page()),
        Err(e) => return Err(e),
    };
    let st2 = st.clone();
    let stored = tokio::task::spawn_blocking(move || st2.store.articles(id)).await??;
    Ok(page(story_page(&b.doc, stored)))
}

/// `GET /static/style.css`.
pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            safe_url(Some("https://a.org/x")).as_deref(),
            Some("https://a.org/x")
        );
        assert_eq!(safe_url(Some(" javascript:alert(1)")), None);
        assert_eq!(safe_url(Some("JAVASCRIPT:alert(1)")), None);
        assert_eq!(safe_url(Some("data:text/html,<b>")), None);
        assert_eq!(safe_url(None), None);
    }

    #[test]
    fn paragraphs_keep_every_byte_and_mark_spans() {
        let text = "Head\nFirst one. Second one.\n\nThird.";
        let body = Span::new(5, text.len());
        let marks = vec![(Span::new(16, 27), "a0-16".to_string())];
        let ps = paragraphs(text, body, &marks);
        assert_eq!(ps.len(), 2);
        let joined: Vec<String> = ps
            .iter()
            .map(|p| p.iter().map(|x| x.text.as_str()).collect())
            .collect();
        assert_eq!(joined, ["First one. Second one.", "Third."]);
        assert_eq!(ps[0][1].text, "Second one.");
        assert_eq!(ps[0][1].mark.as_deref(), Some("a0-16"));
    }

    #[test]
    fn article_text_is_escaped() {
        let p = NotFoundPage {
            what: "<script>alert(1)</script>".into(),
        };
        let html = p.render().unwrap();
        assert!(!html.contains("<script>alert"));
        assert!(
            html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"),
            "{html}"
        );
    }
}

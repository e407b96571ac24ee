//! The JSON API: articles in, stories out.

use super::state::AppState;
use crate::ingest::JsonArticle;
use crate::store::{parse_since, StoryId, StoryQuery};
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

/// An error answer: a status and a message (`{"error": "..."}`).
#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub String);

impl ApiError {
    fn bad(msg: impl Into<String>) -> Self {
        ApiError(StatusCode::BAD_REQUEST, msg.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, axum::Json(json!({ "error": self.1 }))).into_response()
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> Self {
        eprintln!("storyline serve: {e}");
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("worker failed: {e}"),
        )
    }
}

/// The token check for writes: `Authorization: Bearer <token>` when the server has one.
pub async fn require_token(
    State(st): State<Arc<AppState>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if let Some(token) = &st.opts.serve.token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if !given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())) {
            let mut r = ApiError(
                StatusCode::UNAUTHORIZED,
                "writes need the header `Authorization: Bearer <token>`".into(),
            )
            .into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return r;
        }
    }
    next.run(req).await
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Reads a request body as a batch of articles; the message names the article and field.
pub fn parse_batch(body: &[u8], max_batch: usize) -> Result<Vec<crate::Article>, String> {
    let v: Value =
        serde_json::from_slice(body).map_err(|e| format!("the body is not valid JSON: {e}"))?;
    let (items, batch) = match v {
        Value::Array(a) => (a, true),
        o @ Value::Object(_) => (vec![o], false),
        _ => return Err("expected an article (a JSON object) or an array of articles".into()),
    };
    if items.is_empty() {
        return Err("the batch is empty".into());
    }
    if items.len() > max_batch {
        return Err(format!(
            "the batch holds {} articles, above the limit of {max_batch} (option serve.max_batch)",
            items.len()
        ));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = |e: String| {
            if batch {
                format!("article {i} of the batch: {e}")
            } else {
                e
            }
        };
        let record = JsonArticle::from_value(item).map_err(at)?;
        let canonical = serde_json::to_string(item).unwrap_or_default();
        let default_id = format!(
            "api-{:016x}",
            xxhash_rust::xxh3::xxh3_64(canonical.as_bytes())
        );
        let a = record
            .into_article(std::path::Path::new("api"), None, default_id)
            .map_err(at)?;
        out.push(a);
    }
    Ok(out)
}

/// `POST /api/articles`: one article or a batch; answers after the commit.
pub async fn post_articles(
    State(st): State<Arc<AppState>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let batch = parse_batch(&body, st.opts.serve.max_batch).map_err(ApiError::bad)?;
    let st2 = st.clone();
    let puts = tokio::task::spawn_blocking(move || {
        let mut assign = st2.assign.lock().expect("assigner");
        let r = st2.store.put(batch, assign.as_mut());
        drop(assign);
        if r.is_err() {
            let _ = st2.reset_assign();
        }
        r
    })
    .await??;
    let mut touched: Vec<StoryId> = puts
        .iter()
        .filter(|p| p.status != crate::store::PutStatus::Unchanged)
        .map(|p| p.story)
        .collect();
    touched.sort_unstable();
    touched.dedup();
    for id in touched {
        st.cache.invalidate(id);
        let _ = st.rebuild.send(id);
    }
    Ok(axum::Json(json!({ "articles": puts })).into_response())
}

/// Query of `GET /api/stories`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    since: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
}

fn since_ms(s: &Option<String>) -> Result<Option<i64>, ApiError> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse_since(s).map(Some).ok_or_else(|| {
            ApiError::bad(format!(
                "query `since`: expected an RFC 3339 time, YYYY-MM-DD or milliseconds since 1970, found {s:?}"
            ))
        }),
    }
}

fn json_bytes(b: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], b).into_response()
}

/// `GET /api/stories?since=&q=&limit=`: `{"stories": [...]}`, newest change first.
pub async fn list_stories(
    State(st): State<Arc<AppState>>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let query = StoryQuery {
        since_ms: since_ms(&q.since)?,
        q: q.q.filter(|s| !s.trim().is_empty()),
        limit: q
            .limit
            .unwrap_or(st.opts.serve.max_list)
            .clamp(1, st.opts.serve.max_list),
    };
    let st2 = st.clone();
    let body = tokio::task::spawn_blocking(move || -> crate::Result<Vec<u8>> {
        let rows = st2.store.stories(&query)?;
        let mut out = b"{\"stories\":[".to_vec();
        let mut first = true;
        for r in rows {
            if let Some(b) = st2.story(r.id)? {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend_from_slice(&b.json);
            }
        }
        out.extend_from_slice(b"]}");
        Ok(out)
    })
    .await??;
    Ok(json_bytes(Bytes::from(body)))
}

fn story_id(s: &str) -> Result<StoryId, ApiError> {
    s.parse::<StoryId>()
        .map_err(|_| ApiError(StatusCode::NOT_FOUND, format!("no story {s:?}")))
}

/// The rendered story, from memory when it is there.
pub async fn built(st: &Arc<AppState>, id: StoryId) -> Result<Arc<super::state::Built>, ApiError> {
    if let (_, Some(b)) = st.cache.get(id) {
        return Ok(b);
    }
    let st2 = st.clone();
    tokio::task::spawn_blocking(move || st2.story(id))
        .await??
        .ok_or_else(|| ApiError(StatusCode::NOT_FOUND, format!("no story {id}")))
}

/// `GET /api/stories/{id}`.
pub async fn get_story(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let b = built(&st, story_id(&id)?).await?;
    Ok(json_bytes(b.json.clone()))
}

/// Query of `GET /api/stories/{id}/updates`.
#[derive(Debug, Deserialize)]
pub struct SinceQuery {
    since: Option<String>,
}

/// `GET /api/stories/{id}/updates?since=`: articles added since, and the current summary
/// when the story changed since.
pub async fn story_updates(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(q): Query<SinceQuery>,
) -> Result<Response, ApiError> {
    let since = since_ms(&q.since)?.unwrap_or(i64::MIN);
    let b = built(&st, story_id(&id)?).await?;
    let doc = &b.doc;
    let after = |t: &str| parse_since(t).is_some_and(|ms| ms >= since);
    let changed = after(&doc.updated);
    let articles: Vec<_> = doc.articles.iter().filter(|a| after(&a.added)).collect();
    let mut v = json!({
        "id": doc.id,
        "version": doc.version,
        "updated": doc.updated,
        "changed": changed,
        "articles": articles,
    });
    if changed {
        v["title"] = json!(doc.title);
        v["summary"] = json!(doc.summary);
        v["words"] = json!(doc.words);
    }
    Ok(axum::Json(v).into_response())
}

/// `GET /healthz`: the store answers.
pub async fn healthz(State(st): State<Arc<AppState>>) -> Response {
    let st2 = st.clone();
    match tokio::task::spawn_blocking(move || st2.store.count_articles()).await {
        Ok(Ok(n)) => axum::Json(json!({ "status": "ok", "articles": n })).into_response(),
        Ok(Err(e)) => ApiError(StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
        Err(e) => ApiError(StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

/// Answers for unknown paths.
pub async fn not_found(headers: HeaderMap) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if wants_html {
        super::pages::not_found_page()
    } else {
        ApiError(StatusCode::NOT_FOUND, "no such path".into()).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_errors_name_the_article_and_field() {
        let e = parse_batch(br#"{"title": 3, "text": "x"}"#, 10).unwrap_err();
        assert_eq!(e, "field `title`: expected a string, found a number");
        let e = parse_batch(
            br#"[{"text":"Fine words."},{"text":"x","published":"soon"}]"#,
            10,
        )
        .unwrap_err();
        assert!(
            e.starts_with("article 1 of the batch: field `published`"),
            "{e}"
        );
        let e = parse_batch(b"{\"text\": \"x\",}", 10).unwrap_err();
        assert!(e.starts_with("the body is not valid JSON"), "{e}");
        assert!(parse_batch(b"[]", 10).is_err());
        assert!(parse_batch(b"[{\"text\":\"a\"},{\"text\":\"b\"}]", 1)
            .unwrap_err()
            .contains("above the limit"));
    }

    #[test]
    fn ids_default_to_a_content_hash() {
        let a = parse_batch(br#"{"text":"Same words."}"#, 10).unwrap();
        let b = parse_batch(br#"{"text":"Same words."}"#, 10).unwrap();
        assert_eq!(a[0].id, b[0].id);
        assert!(a[0].id.starts_with("api-"));
    }

    #[test]
    fn token_comparison() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }
}

//! `storyline serve`: the HTTP API and the web page over the store.
//!
//! The server is a thin layer: handlers parse, call the store and the story builder on
//! blocking threads, and answer. Rendered stories are cached in memory as the exact bytes
//! sent (rebuilt when a story changes), because reading a story is by far the most common
//! request. Writes are acknowledged only after the store's transaction commits.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Options of `storyline serve` (and the database of `storyline ingest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServeOptions {
    /// Address to listen on. Anything but loopback needs a token.
    pub addr: String,
    /// The database file.
    pub db: PathBuf,
    /// When set, writes need `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Most articles in one `POST /api/articles`.
    pub max_batch: usize,
    /// Most stories in one listing.
    pub max_list: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: "127.0.0.1:8080".into(),
            db: PathBuf::from("storyline.db"),
            token: None,
            max_body_bytes: 16 * 1024 * 1024,
            max_batch: 1000,
            max_list: 50,
        }
    }
}

pub mod api;
pub mod pages;
pub mod sections;
pub mod state;

use crate::options::Options;
use crate::store::{SqliteStore, Store, StreamAssign};
use crate::{Error, Result};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use state::AppState;
use std::collections::BTreeSet;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy sent with every answer: no scripts at all, nothing from elsewhere.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   base-uri 'none'; frame-ancestors 'none'";

/// Resolves the listen address and refuses anything but loopback without a token.
pub fn listen_addr(opts: &ServeOptions) -> Result<SocketAddr> {
    let addrs: Vec<SocketAddr> = opts
        .addr
        .to_socket_addrs()
        .map_err(|e| Error::Serve(format!("address {:?}: {e}", opts.addr)))?
        .collect();
    let first = *addrs
        .first()
        .ok_or_else(|| Error::Serve(format!("address {:?} resolves to nothing", opts.addr)))?;
    if let Some(t) = &opts.token {
        if t.trim().is_empty() {
            return Err(Error::Serve("the token is empty".into()));
        }
    } else if addrs.iter().any(|a| !a.ip().is_loopback()) {
        return Err(Error::Serve(format!(
            "refusing to listen on {first} without a token: anyone who can reach it could \
             write; pass --token, or listen on 127.0.0.1"
        )));
    }
    Ok(first)
}

/// The application: every route with its layers.
pub fn router(state: Arc<AppState>) -> Router {
    let limit = state.opts.serve.max_body_bytes;
    let writes = Router::new()
        .route("/api/articles", post(api::post_articles))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::require_token,
        ));
    Router::new()
        .route("/", get(pages::index))
        .route("/stories/{id}", get(pages::story))
        .route("/static/style.css", get(pages::style))
        .route("/healthz", get(api::healthz))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/stories", get(api::list_stories))
        .route("/api/stories/{id}", get(api::get_story))
        .route("/api/stories/{id}/updates", get(api::story_updates))
        .merge(writes)
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .with_state(state)
}

/// Opens the store and builds the shared state; also gives the receiver of rebuild requests.
pub fn open_state(
    opts: &Options,
) -> Result<(Arc<AppState>, tokio::sync::mpsc::UnboundedReceiver<i64>)> {
    let store = SqliteStore::open(&opts.serve.db)?;
    let mut index = StreamAssign::new(&opts.cluster);
    store.load_index(&mut index)?;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let state = Arc::new(AppState {
        store: Arc::new(store) as Arc<dyn Store>,
        assign: Mutex::new(Box::new(index)),
        cache: state::Cache::default(),
        opts: opts.clone(),
        building: Mutex::new(()),
        rebuild: tx,
    });
    Ok((state, rx))
}

/// Rebuilds changed stories in the background, so that readers find them ready.
async fn rebuild_worker(state: Arc<AppState>, mut rx: tokio::sync::mpsc::UnboundedReceiver<i64>) {
    while let Some(first) = rx.recv().await {
        let mut ids = BTreeSet::from([first]);
        while let Ok(id) = rx.try_recv() {
            ids.insert(id);
        }
        for id in ids {
            let st = state.clone();
            if let Ok(Err(e)) = tokio::task::spawn_blocking(move || st.story(id)).await {
                eprintln!("storyline serve: rebuilding story {id}: {e}");
            }
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// Runs the server until SIGINT or SIGTERM. `ready` is called with the bound address once
/// the server accepts connections (with port 0 the system picks the port).
pub fn serve(opts: &Options, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    opts.validate()?;
    let addr = listen_addr(&opts.serve)?;
    let (state, rx) = open_state(opts)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Serve(format!("cannot start the runtime: {e}")))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::Serve(format!("cannot listen on {addr}: {e}")))?;
        let bound = listener
            .local_addr()
            .map_err(|e| Error::Serve(e.to_string()))?;
        for id in state.store.stale()? {
            let _ = state.rebuild.send(id);
        }
        tokio::spawn(rebuild_worker(state.clone(), rx));
        ready(bound);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| Error::Serve(e.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(addr: &str, token: Option<&str>) -> ServeOptions {
        ServeOptions {
            addr: addr.into(),
            token: token.map(String::from),
            ..Default::default()
        }
    }

    #[test]
    fn non_loopback_needs_a_token() {
        assert!(listen_addr(&opts("127.0.0.1:0", None)).is_ok());
        assert!(listen_addr(&opts("[::1]:0", None)).is_ok());
        let e = listen_addr(&opts("0.0.0.0:8080", None)).unwrap_err();
        assert!(
            e.to_string().contains("refusing to listen on 0.0.0.0:8080"),
            "{e}"
        );
        assert!(listen_addr(&opts("0.0.0.0:8080", Some("s3cret"))).is_ok());
        assert!(listen_addr(&opts("127.0.0.1:0", Some(" "))).is_err());
    }
}

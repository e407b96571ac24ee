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

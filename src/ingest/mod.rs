//! Reading articles: plain text, HTML, JSON Lines, and folders of these.
//!
//! [`load`] never stops at a bad input: every file or line that cannot be used becomes an
//! [`Error`] in [`Loaded::errors`] (naming the file, the line and the reason) and the rest
//! of the batch goes on.

mod html;
mod jsonl;
mod text;
mod walk;

pub use html::{decode_html, html_article};
pub use jsonl::{jsonl_articles, JsonArticle};
pub use text::text_article;
pub(crate) use walk::collect as collect_files;

use crate::error::{Error, Result};
use crate::model::Article;
use crate::options::Options;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a batch of paths gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Usable articles, in input order (folders sorted by path).
    pub articles: Vec<Article>,
    /// One error per input that could not be used.
    pub errors: Vec<Error>,
}

/// The kind of file, from its extension and, failing that, its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
}

fn kind_of(path: &Path, bytes: &[u8]) -> Kind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Kind::Html,
        Some("jsonl" | "ndjson") => Kind::Jsonl,
        Some("txt" | "text" | "md") => Kind::Text,
        _ => {
            let head = &bytes[..bytes.len().min(1024)];
            let head = String::from_utf8_lossy(head).to_ascii_lowercase();
            let head = head.trim_start_matches('\u{feff}').trim_start();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                Kind::Html
            } else if head.starts_with('{') {
                Kind::Jsonl
            } else {
                Kind::Text
            }
        }
    }
}

/// True when the bytes look like a binary file rather than text (UTF-16 text, which holds
/// NUL bytes, is recognized by its byte-order mark).
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Reads a file's bytes, refusing files above the size limit, empty files and binary files.
pub fn read_checked(path: &Path, opts: &Options) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > opts.max_file_bytes {
        return Err(Error::bad_file(
            path,
            format!(
                "file is {:.1} MiB, above the limit of {:.1} MiB (option max_file_bytes)",
                meta.len() as f64 / 1048576.0,
                opts.max_file_bytes as f64 / 1048576.0
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::bad_file(path, "empty file"));
    }
    if looks_binary(&bytes) {
        return Err(Error::bad_file(
            path,
            "binary file (it holds NUL bytes), not text",
        ));
    }
    Ok(bytes)
}

/// Expands files and folders into a sorted list of files (recursively, hidden entries skipped);
/// paths that cannot be read become errors.
pub fn expand<P: AsRef<Path>>(paths: &[P]) -> (Vec<PathBuf>, Vec<Error>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for p in paths {
        walk::collect(p.as_ref(), &mut files, &mut errors);
    }
    (files, errors)
}

/// Reads one file into articles (one, or one per JSON Lines line).
///
/// For JSON Lines, bad lines are pushed to `errors` and the good ones returned.
pub fn read_file(path: &Path, opts: &Options, errors: &mut Vec<Error>) -> Result<Vec<Article>> {
    let bytes = read_checked(path, opts)?;
    match kind_of(path, &bytes) {
        Kind::Text => Ok(vec![text_article(path, bytes)?]),
        Kind::Html => Ok(vec![html_article(path, &bytes)?]),
        Kind::Jsonl => jsonl_articles(path, &bytes, errors),
    }
}

/// Reads files and folders (recursively, sorted, hidden entries skipped).
///
/// Article ids are made unique: a repeated id gets `-2`, `-3`, … appended.
pub fn load<P: AsRef<Path>>(paths: &[P], opts: &Options) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        walk::collect(p.as_ref(), &mut files, &mut loaded.errors);
    }
    for f in &files {
        match read_file(f, opts, &mut loaded.errors) {
            Ok(mut arts) => loaded.articles.append(&mut arts),
            Err(e) => loaded.errors.push(e),
        }
    }
    make_ids_unique(&mut loaded.articles);
    loaded
}

fn make_ids_unique(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in articles.iter_mut() {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let new_id = format!("{}-{}", a.id, n);
            if a.source == a.id {
                a.source = new_id.clone();
            }
            a.id = new_id;
        }
    }
}

/// The id of a file: its name without the extension.
pub(crate) fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_extension_then_content() {
        assert_eq!(kind_of(Path::new("a.HTML"), b""), Kind::Html);
        assert_eq!(kind_of(Path::new("a.jsonl"), b""), Kind::Jsonl);
        assert_eq!(
            kind_of(Path::new("a"), b"  <!DOCTYPE html><p>x"),
            Kind::Html
        );
        assert_eq!(kind_of(Path::new("a"), b"{\"id\":1}"), Kind::Jsonl);
        assert_eq!(kind_of(Path::new("a"), b"Plain words."), Kind::Text);
    }

    #[test]
    fn repeated_ids_get_a_suffix() {
        let a = text_article(Path::new("x/a.txt"), b"Some text here.".to_vec()).unwrap();
        let mut v = vec![a.clone(), a.clone(), a];
        make_ids_unique(&mut v);
        let ids: Vec<_> = v.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a-3"]);
        assert_eq!(v[1].source, "a-2");
    }
}

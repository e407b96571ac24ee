//! Main-text extraction from HTML pages: the article's text and its metadata.
//!
//! This is the one code path for HTML: `storyline extract` prints what it gives, and
//! [`crate::ingest`] builds articles from it, so what a user sees with `extract` is exactly
//! what the pipeline reads.

mod meta;
pub mod refine;
mod strip;

use crate::error::{Error, Result};
use crate::options::Options;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What was extracted from one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// The main article text: one paragraph per line, paragraphs separated by a blank line.
    pub text: String,
    /// The headline, when known.
    pub title: Option<String>,
    /// The publication date (`YYYY-MM-DD`), when known.
    pub date: Option<chrono::NaiveDate>,
    /// The site's name (or host name), when known.
    pub site_name: Option<String>,
    /// The author(s), when known.
    pub author: Option<String>,
    /// The page's canonical address, when known.
    pub url: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// No main text was found (a page of scripts, styles or navigation only).
    #[error("no article text found in the page{}", if .0.is_empty() { String::new() } else { format!(" ({})", .0) })]
    NoText(String),
}

const NO_TEXT: &str = "only scripts, styles or navigation?";

/// Extracts the main text and metadata of a decoded HTML page.
///
/// A readability pass (`dom_smoothie`) picks the article element and reads the metadata
/// (JSON-LD, Open Graph, meta tags); [`refine::paragraphs`] then drops the boilerplate
/// inside it.
pub fn extract_html(html: &str) -> std::result::Result<Page, ExtractError> {
    let cfg = dom_smoothie::Config {
        keep_classes: true,
        ..Default::default()
    };
    let html = strip::strip_heavy(html);
    let mut reader = dom_smoothie::Readability::new(html.as_str(), None, Some(cfg))
        .map_err(|e| ExtractError::NoText(e.to_string()))?;
    // The readability pass fails only when it finds no candidate element at all.
    let article = reader
        .parse()
        .map_err(|_| ExtractError::NoText(NO_TEXT.into()))?;
    // The article element is still in the readability pass's tree: walk it there rather
    // than parsing `article.content` (its HTML) again.
    let root = reader.doc.select_single("#readability-page-1");
    let mut paras = match root.nodes().first() {
        Some(node) => refine::paragraphs_of(node),
        None => refine::paragraphs(&article.content),
    };
    if !has_words(&paras, 5) {
        // The rules removed (almost) everything: the page is a short one whose only text
        // looked like boilerplate; the readability text is better than nothing.
        paras = article
            .text_content
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
    }
    if !has_words(&paras, 5) {
        return Err(ExtractError::NoText(NO_TEXT.into()));
    }
    let clean = |s: Option<String>| {
        s.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    Ok(Page {
        text: paras.join("\n\n"),
        title: clean(Some(article.title)),
        date: article.published_time.as_deref().and_then(meta::parse_date),
        site_name: clean(article.site_name),
        author: clean(article.byline),
        url: clean(article.url),
    })
}

/// True when `paras` hold at least `n` words (counting stops there).
fn has_words(paras: &[String], n: usize) -> bool {
    paras
        .iter()
        .flat_map(|p| p.split_whitespace())
        .nth(n - 1)
        .is_some()
}

/// One page extracted from a file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extracted {
    /// The file.
    pub path: PathBuf,
    /// The file name without extension (the article id HTML ingestion gives it).
    pub id: String,
    /// What was extracted.
    #[serde(flatten)]
    pub page: Page,
}

/// Reads, decodes and extracts one HTML file, with the same checks as ingestion (size limit,
/// empty and binary files refused).
pub fn extract_file(path: &Path, opts: &Options) -> Result<Extracted> {
    let bytes = crate::ingest::read_checked(path, opts)?;
    let html = crate::ingest::decode_html(&bytes);
    let page = extract_html(&html).map_err(|e| Error::bad_file(path, e.to_string()))?;
    Ok(Extracted {
        path: path.to_path_buf(),
        id: crate::ingest::file_id(path),
        page,
    })
}

/// What extracting a batch gave.
#[derive(Debug, Default)]
pub struct ExtractRun {
    /// The pages that gave an article, in input order (folders sorted).
    pub pages: Vec<Extracted>,
    /// One error per page or path that could not be used.
    pub errors: Vec<Error>,
}

/// True for the file names taken from a folder: `.html`, `.htm`, `.xhtml`.
fn is_html_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

/// Extracts every page named in `paths`: files are read as HTML whatever their name; folders
/// give their HTML files (recursively, sorted). A bad page becomes an error and the batch goes on.
pub fn extract_paths<P: AsRef<Path>>(paths: &[P], opts: &Options) -> ExtractRun {
    let mut run = ExtractRun::default();
    for p in paths {
        let p = p.as_ref();
        let (files, errors) = crate::ingest::expand(&[p]);
        run.errors.extend(errors);
        let from_folder = p.is_dir();
        for f in files.iter().filter(|f| !from_folder || is_html_name(f)) {
            match extract_file(f, opts) {
                Ok(x) => run.pages.push(x),
                Err(e) => run.errors.push(e),
            }
        }
    }
    run
}

/// Writes `DIR/<id>.txt` holding the page's text; returns the file written.
pub fn write_text(dir: &Path, x: &Extracted) -> Result<PathBuf> {
    let out = dir.join(format!("{}.txt", x.id));
    std::fs::write(&out, format!("{}\n", x.page.text)).map_err(|source| Error::Io {
        path: out.clone(),
        source,
    })?;
    Ok(out)
}

/// One JSON object (one line) for a page: `file`, `id`, `title`, `date`, `site_name`,
/// `author`, `url`, `text`.
pub fn to_json_line(x: &Extracted) -> String {
    let v = serde_json::json!({
        "file": x.path.display().to_string(),
        "id": x.id,
        "title": x.page.title,
        "date": x.page.date,
        "site_name": x.page.site_name,
        "author": x.page.author,
        "url": x.page.url,
        "text": x.page.text,
    });
    v.to_string()
}

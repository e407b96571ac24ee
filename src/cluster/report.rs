//! Rendering a clustering: the stories as the summarize command renders them, then the
//! copies found across the stream.
//!
//! The JSON is the summarize contract (`{"stories": [...]}`, see [`crate::render::json`])
//! with one story per event and one added top-level field, `copies`.

use super::minhash::CopyKind;
use super::ClusterRun;
use crate::options::{Options, OutputFormat};
use crate::render::json::{story_json, StoryJson};
use serde::Serialize;
use std::fmt::Write;

/// One copy across the stream, by article id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyJson {
    /// The later article.
    pub copy: String,
    /// The earlier article it copies.
    pub original: String,
    /// How it copies it.
    pub kind: CopyKind,
    /// Jaccard estimate or share contained (0..1, three decimals).
    pub score: f64,
}

/// The JSON of a clustering.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterJson {
    /// The stories, biggest first.
    pub stories: Vec<StoryJson>,
    /// Copies across the stream.
    pub copies: Vec<CopyJson>,
}

fn kind_name(k: CopyKind) -> &'static str {
    match k {
        CopyKind::Exact => "exact copy of",
        CopyKind::NearDuplicate => "near-duplicate of",
        CopyKind::Contains => "holds most of",
        CopyKind::ContainedIn => "is mostly taken from",
    }
}

/// Renders a clustering in the format of `opts`.
pub fn render(run: &ClusterRun, opts: &Options) -> String {
    match opts.format {
        OutputFormat::Json => {
            let v = ClusterJson {
                stories: run
                    .stories
                    .iter()
                    .map(|(s, m)| story_json(s, m, opts.explain))
                    .collect(),
                copies: run.copies.clone(),
            };
            let mut out = serde_json::to_string_pretty(&v).expect("JSON of plain data");
            out.push('\n');
            out
        }
        OutputFormat::Text => {
            let mut out = String::new();
            for (i, (s, m)) in run.stories.iter().enumerate() {
                let ids: Vec<&str> = s.docs.iter().map(|d| d.article.id.as_str()).collect();
                let _ = writeln!(
                    out,
                    "== Story {} ({} articles: {})",
                    i + 1,
                    ids.len(),
                    ids.join(", ")
                );
                out.push_str(&crate::render::render(&[(s, m)], opts));
                out.push('\n');
            }
            if !run.copies.is_empty() {
                let _ = writeln!(out, "== Copies");
                for c in &run.copies {
                    let _ = writeln!(
                        out,
                        "{} {} {} ({:.2})",
                        c.copy,
                        kind_name(c.kind),
                        c.original,
                        c.score
                    );
                }
            }
            out
        }
        OutputFormat::Markdown => {
            let mut out = String::new();
            for (s, m) in &run.stories {
                out.push_str(&crate::render::render(&[(s, m)], opts));
                out.push('\n');
            }
            if !run.copies.is_empty() {
                let _ = writeln!(
                    out,
                    "## Copies\n\n| article | copies | original | score |\n|---|---|---|---|"
                );
                for c in &run.copies {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {:.2} |",
                        c.copy,
                        kind_name(c.kind),
                        c.original,
                        c.score
                    );
                }
            }
            out
        }
    }
}

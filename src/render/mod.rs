//! Rendering results as text, Markdown or JSON.

pub mod json;

use crate::options::{Options, OutputFormat};
use crate::story::Story;
use crate::summarize::Summary;
use std::fmt::Write;

/// Renders summarized stories in the format of `opts`.
pub fn render(stories: &[(&Story, &Summary)], opts: &Options) -> String {
    match opts.format {
        OutputFormat::Json => {
            let v = json::StoriesJson {
                stories: stories
                    .iter()
                    .map(|(s, m)| json::story_json(s, m, opts.explain))
                    .collect(),
            };
            let mut out = serde_json::to_string_pretty(&v).expect("JSON of plain data");
            out.push('\n');
            out
        }
        OutputFormat::Text => {
            let parts: Vec<String> = stories.iter().map(|(s, m)| text(s, m, opts)).collect();
            parts.join("\n")
        }
        OutputFormat::Markdown => {
            let parts: Vec<String> = stories.iter().map(|(s, m)| markdown(s, m, opts)).collect();
            parts.join("\n")
        }
    }
}

fn source_names(story: &Story, docs: &[usize]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for &d in docs {
        let n = story.docs[d].article.source.as_str();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(", ")
}

fn sentence_text<'a>(story: &'a Story, s: &crate::summarize::SummarySentence) -> &'a str {
    s.span.of(&story.docs[s.doc].article.text)
}

fn text(story: &Story, summary: &Summary, opts: &Options) -> String {
    let mut out = String::new();
    for s in &summary.sentences {
        let _ = writeln!(
            out,
            "{} [{}]",
            sentence_text(story, s),
            source_names(story, &s.sources)
        );
        if opts.explain {
            explain_lines(&mut out, s, "    ");
        }
    }
    out
}

fn explain_lines(out: &mut String, s: &crate::summarize::SummarySentence, indent: &str) {
    let e = &s.explanation;
    let cs: Vec<String> = e
        .concepts
        .iter()
        .take(8)
        .map(|(c, w)| format!("{c} ({w:.1})"))
        .collect();
    let _ = writeln!(
        out,
        "{indent}why: concept weight {:.1}: {}",
        e.weight,
        cs.join(", ")
    );
    let sup: Vec<String> = e
        .support
        .iter()
        .map(|(id, sim)| format!("{id} ({sim:.2})"))
        .collect();
    let _ = writeln!(out, "{indent}supported by: {}", sup.join(", "));
}

fn markdown(story: &Story, summary: &Summary, opts: &Options) -> String {
    let mut out = String::new();
    let title = story
        .docs
        .iter()
        .find_map(|d| d.article.title.clone())
        .unwrap_or_else(|| "Story".to_string());
    let _ = writeln!(out, "## {}\n", md_escape(&title));
    for s in &summary.sentences {
        let _ = writeln!(
            out,
            "- {} *[{}]*",
            md_escape(sentence_text(story, s)),
            md_escape(&source_names(story, &s.sources))
        );
        if opts.explain {
            explain_lines(&mut out, s, "  - ");
        }
    }
    let _ = writeln!(out, "\n### Articles\n");
    let _ = writeln!(out, "| id | source | date | title |\n|---|---|---|---|");
    for d in &story.docs {
        let a = &d.article;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md_escape(&a.id),
            md_escape(&a.source),
            a.published.map(|p| p.to_string()).unwrap_or_default(),
            md_escape(a.title.as_deref().unwrap_or(""))
        );
    }
    out
}

/// Escapes the characters Markdown would read as markup.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

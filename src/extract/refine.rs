//! Turning the article element a readability pass chose into clean paragraphs.
//!
//! A readability pass (`dom_smoothie`) finds the element that holds the article well, but
//! keeps what sits inside it: photo captions and credits, "related stories" link lists,
//! newsletter boxes, share bars, date and byline lines. Measured on the development pages,
//! those are most of what it gets wrong (precision .92, recall .99). This pass removes them
//! with rules that look only at the markup and the text, never at a site: element names
//! (`figure`, `aside`, `header`, …), class and id words (`caption`, `related`, `share`, …),
//! link density, and short boilerplate lines. Each rule was kept only when the benchmark
//! metric showed it helped (see `bench/extract.sh`).

use dom_query::{Document, NodeData, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// Elements dropped with everything inside them.
const DROP_TAGS: &[&str] = &[
    "figure",
    "figcaption",
    "aside",
    "nav",
    "footer",
    "header",
    "form",
    "button",
    "script",
    "style",
    "noscript",
    "iframe",
    "svg",
    "select",
    "textarea",
    "input",
    "label",
    "template",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "main",
    "figure",
    "caption",
    "address",
    "details",
    "summary",
];

/// Class or id words of boxes that are not the article.
static BAD_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)caption|credit|byline|related|share|social|newsletter|promo|advert|sponsor|subscribe|breadcrumb|disclaimer|copyright",
    )
    .expect("valid regex")
});

/// Lines that are only a widget label.
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(advert(isement)?|ad|sponsored|this slideshow requires javascript\.?|image|photo|video|loading\.*|share( this)?( article| story)?|tweet|email|print|comments?|close|\|)$",
    )
    .expect("valid regex")
});

/// Phrases of prompts, credits, date and byline lines; applied to lines of at most 25 words.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(subscribe to|sign up for|newsletter|follow (us|her|him|them) on|have a tip\?|tell us what you think|all rights reserved|click here|clicking here|this document is subject to copyright|^citation:|^©|^credit:|\(image: |getty images|^photo:|^image:|^updated:?|^published:?|^posted:?|your email|successfully subscribed|continue reading|sharing is caring|see more:|don't miss|affiliate)",
    )
    .expect("valid regex")
});

/// A byline: "By First Last", optionally "and …", then the end, a dash or a comma.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[Bb][Yy] [A-Z][\w.'-]+( [A-Z][\w.'-]+)*( and [A-Z].*)?( -|,|$)")
        .expect("valid regex")
});

/// The paragraphs of the article HTML `content`, boilerplate removed, one per line.
pub fn paragraphs(content: &str) -> Vec<String> {
    let doc = Document::from(content);
    paragraphs_of(&doc.root())
}

/// The paragraphs under `node` (an article element already in a parsed tree), boilerplate
/// removed, one per line: the same as [`paragraphs`] of its HTML, without serialising and
/// parsing it again.
pub fn paragraphs_of(node: &NodeRef) -> Vec<String> {
    let mut buf = String::new();
    walk(node, &mut buf);
    buf.split('\n')
        .filter_map(collapse_spaces)
        .filter(|l| !boilerplate_line(l))
        .collect()
}

/// `line` with its white space collapsed to single spaces and trimmed; `None` when blank.
fn collapse_spaces(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    let mut out = String::from(words.next()?);
    for w in words {
        out.push(' ');
        out.push_str(w);
    }
    Some(out)
}

/// True for a line that is a widget label, a prompt, a credit, or a date or byline line.
pub fn boilerplate_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    LABEL_LINE.is_match(line)
        || (words <= 25 && (BOILERPLATE.is_match(line) || BYLINE.is_match(line)))
}

/// Characters of text and of link text in a subtree (see [`text_len`]).
#[derive(Clone, Copy, Default)]
struct Len {
    text: usize,
    links: usize,
}

impl std::ops::AddAssign for Len {
    fn add_assign(&mut self, o: Len) {
        self.text += o.text;
        self.links += o.links;
    }
}

/// Appends the kept text under `node` to `out`, and returns the text and link lengths of the
/// whole subtree (dropped parts included), so that an element's link density is known when
/// its children are done: one pass over the tree, whatever its depth.
fn walk(node: &NodeRef, out: &mut String) -> Len {
    if node.is_text() {
        return node.query_or(Len::default(), |n| match &n.data {
            NodeData::Text { contents } => {
                out.push_str(contents);
                let text = text_len(contents);
                Len { text, links: 0 }
            }
            _ => Len::default(),
        });
    }
    if !node.is_element() && !node.is_document() && !node.is_fragment() {
        return Len::default();
    }
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if node.is_element() && dropped_by_name_or_class(node, &name) {
        return subtree_len(node);
    }
    let mark = out.len();
    let block = BLOCK_TAGS.contains(&name.as_str());
    if block {
        out.push('\n');
    }
    let mut len = Len::default();
    for child in node.children_it(false) {
        len += walk(&child, out);
    }
    if block {
        out.push('\n');
    }
    if name == "a" {
        len.links = len.text;
    }
    if matches!(
        name.as_str(),
        "ul" | "ol" | "div" | "p" | "section" | "table"
    ) {
        let list = matches!(name.as_str(), "ul" | "ol");
        if len.text > 0 && len.links * 10 > len.text * 6 && (list || len.text < 400) {
            out.truncate(mark);
        }
    }
    len
}

fn dropped_by_name_or_class(node: &NodeRef, name: &str) -> bool {
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if !matches!(name, "body" | "html" | "article" | "main") {
        let class = node.class().map(|c| c.to_string()).unwrap_or_default();
        let id = node.id_attr().map(|c| c.to_string()).unwrap_or_default();
        if BAD_CLASS.is_match(&class) || BAD_CLASS.is_match(&id) {
            return true;
        }
    }
    false
}

/// Characters of a text with its white space collapsed (one per word gap).
fn text_len(t: &str) -> usize {
    t.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

/// Text and link lengths of a subtree that is not walked (a dropped element).
fn subtree_len(node: &NodeRef) -> Len {
    if node.is_text() {
        let text = node.query_or(0, |n| match &n.data {
            NodeData::Text { contents } => text_len(contents),
            _ => 0,
        });
        return Len { text, links: 0 };
    }
    let mut len = Len::default();
    for c in node.children_it(false) {
        len += subtree_len(&c);
    }
    if node.has_name("a") {
        len.links = len.text;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_and_drops_captions_and_link_lists() {
        let html = r#"<div><p>The first paragraph of the story, with enough words.</p>
<figure><img src="x.jpg"><figcaption>A photo caption (Reuters)</figcaption></figure>
<p>Second paragraph <a href="/x">with a link</a> inside running text.</p>
<ul><li><a href="/a">Related story one</a></li><li><a href="/b">Related story two</a></li></ul>
<div class="share-bar">Share on Facebook</div>
<p>Advertisement</p></div>"#;
        assert_eq!(
            paragraphs(html),
            [
                "The first paragraph of the story, with enough words.",
                "Second paragraph with a link inside running text."
            ]
        );
    }

    #[test]
    fn a_list_of_text_is_kept() {
        let html =
            "<div><p>Intro.</p><ul><li>First point made here</li><li>Second point</li></ul></div>";
        assert_eq!(
            paragraphs(html),
            ["Intro.", "First point made here", "Second point"]
        );
    }

    #[test]
    fn boilerplate_lines() {
        assert!(boilerplate_line(
            "By Justine Coleman - 11/18/19 11:04 PM EST"
        ));
        assert!(boilerplate_line(
            "Subscribe to the Morning Review newsletter"
        ));
        assert!(boilerplate_line("UPDATED: Tue., Nov. 19, 2019"));
        assert!(!boilerplate_line(
            "By the end of the week, the talks had failed."
        ));
        assert!(!boilerplate_line(
            "Lavrov said he could not tell whether the talks were on the right track."
        ));
    }
}

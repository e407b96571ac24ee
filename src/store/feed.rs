//! RSS, Atom and JSON Feed files as articles (`feed-rs`).
//!
//! An item becomes an article through the same path as a JSON Lines record
//! ([`JsonArticle`]), so it gets the same defaults and the same errors: its full content
//! when the feed carries it, else its summary; HTML when the feed says so. A short HTML
//! summary has no "main text" for the extractor to find, so it falls back to the text of
//! its tags.

use crate::error::Error;
use crate::ingest::JsonArticle;
use crate::model::Article;
use std::path::Path;

/// True when the bytes look like a feed: an RSS or Atom document, or a JSON Feed.
pub fn looks_like_feed(path: &Path, bytes: &[u8]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    if matches!(ext.as_deref(), Some("rss" | "atom")) {
        return true;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with('<')
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")))
        || (head.starts_with('{') && head.contains("jsonfeed.org/version"))
}

/// The items of a feed. Items that cannot be used go to `errors` (with the item's number).
pub fn feed_articles(path: &Path, bytes: &[u8], errors: &mut Vec<Error>) -> Vec<Article> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            errors.push(Error::bad_file(path, format!("not a readable feed: {e}")));
            return Vec::new();
        }
    };
    let site = feed.title.as_ref().map(|t| t.content.trim().to_string());
    let mut out = Vec::new();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let (body, is_html) = match (&entry.content, &entry.summary) {
            (Some(c), _) if c.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => (
                c.body.clone().unwrap_or_default(),
                c.content_type.to_string().contains("html"),
            ),
            (_, Some(s)) => (
                s.content.clone(),
                s.content_type.to_string().contains("html"),
            ),
            _ => (String::new(), false),
        };
        let id = if entry.id.trim().is_empty() {
            url.clone()
        } else {
            Some(entry.id.clone())
        };
        let record = JsonArticle {
            id,
            source: site.clone().filter(|s| !s.is_empty()),
            url,
            title: entry.title.as_ref().map(|t| strip_tags(&t.content)),
            published: entry.published.or(entry.updated).map(|t| t.to_rfc3339()),
            text: (!is_html).then(|| body.clone()),
            html: is_html.then(|| body.clone()),
        };
        let default_id = format!("{}-{n}", crate::ingest::file_id(path));
        let made = record
            .clone()
            .into_article(path, Some(n), default_id.clone())
            .or_else(|e| {
                if is_html {
                    JsonArticle {
                        text: Some(strip_tags(&body)),
                        html: None,
                        ..record
                    }
                    .into_article(path, Some(n), default_id)
                } else {
                    Err(e)
                }
            });
        match made {
            Ok(a) => out.push(a),
            Err(reason) => {
                errors.push(Error::bad_line(path, n, format!("feed item {n}: {reason}")))
            }
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(Error::bad_file(path, "the feed has no items"));
    }
    out
}

/// The text of an HTML fragment: tags dropped (block tags become line breaks), the common
/// entities decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        if ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"]
            .iter()
            .any(|b| {
                tag == *b || tag.starts_with(&format!("{b} ")) || tag.starts_with(&format!("{b}/"))
            })
        {
            out.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let lines: Vec<&str> = decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><guid>w-1</guid><title>Blinken and Lavrov meet</title><link>https://example.com/1</link>
<pubDate>Fri, 21 Jan 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Blinken met Lavrov in Geneva on Friday. They spoke for 90 minutes.&lt;/p&gt;</description></item>
<item><guid>w-2</guid><title>Empty</title></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let p = Path::new("wire.rss");
        assert!(looks_like_feed(Path::new("x.xml"), RSS.as_bytes()));
        let mut errors = Vec::new();
        let arts = feed_articles(p, RSS.as_bytes(), &mut errors);
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        assert_eq!(a.id, "w-1");
        assert_eq!(a.source, "Example Wire");
        assert_eq!(a.url.as_deref(), Some("https://example.com/1"));
        assert_eq!(a.title.as_deref(), Some("Blinken and Lavrov meet"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2022, 1, 21));
        assert!(
            a.text.contains("Blinken met Lavrov in Geneva on Friday."),
            "{}",
            a.text
        );
        assert!(!a.text.contains("<p>"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].to_string().contains("feed item 2"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn json_feed_is_recognised() {
        let j = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_text":"Words of the item here.","date_published":"2022-01-21T10:00:00Z"}]}"#;
        assert!(looks_like_feed(Path::new("f.json"), j.as_bytes()));
        let mut errors = Vec::new();
        let arts = feed_articles(Path::new("f.json"), j.as_bytes(), &mut errors);
        assert_eq!(arts.len(), 1, "{errors:?}");
        assert_eq!(arts[0].text, "Words of the item here.");
    }

    #[test]
    fn tags_are_stripped() {
        assert_eq!(
            strip_tags("<p>a &amp; b</p><p>c<br/>d</p>"),
            "a & b\n\nc\n\nd"
        );
    }
}

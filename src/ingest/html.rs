//! HTML pages: charset decoding, then main-text extraction ([`crate::extract`]).

use crate::error::{Error, Result};
use crate::model::{Article, Format, Span};
use std::path::Path;

/// Decodes an HTML page to a string: a byte-order mark first, then a `<meta charset>` (or
/// `http-equiv` content type) in the first 2 KB, then UTF-8 if the bytes are valid UTF-8,
/// then a statistical guess (`chardetng`).
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(2048)]) {
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    det.guess(None, true)
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn meta_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + 8..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Builds an article from an HTML page: its main text, title, date and site name.
///
/// Spans of the article index the extracted main text.
pub fn html_article(path: &Path, bytes: &[u8]) -> Result<Article> {
    let html = decode_html(bytes);
    article_from_html(path, &html, crate::ingest::file_id(path))
}

/// Extracts an article from decoded HTML, with the given id.
pub(crate) fn article_from_html(path: &Path, html: &str, id: String) -> Result<Article> {
    let page =
        crate::extract::extract_html(html).map_err(|e| Error::bad_file(path, e.to_string()))?;
    Ok(Article {
        source: page.site_name.clone().unwrap_or_else(|| id.clone()),
        id,
        url: page.url,
        title: page.title,
        published: page.date,
        path: path.to_path_buf(),
        line: None,
        format: Format::Html,
        body: Span::new(0, page.text.len()),
        title_span: None,
        text: page.text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Blinken meets Lavrov | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-01-21T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Blinken meets Lavrov</h1>
<p>Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov in Geneva on Friday for about ninety minutes.</p>
<p>The two diplomats agreed to keep talking, and Blinken promised a written response to Russia's proposals next week.</p>
<p>Lavrov called the talks constructive and useful, but said he could not tell whether they were on the right track.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"#;

    #[test]
    fn extracts_text_and_metadata() {
        let a = html_article(Path::new("p/page.html"), PAGE.as_bytes()).unwrap();
        assert_eq!(a.id, "page");
        assert_eq!(a.source, "Example News");
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2022, 1, 21));
        assert!(a.text.contains("Sergey Lavrov in Geneva"), "{}", a.text);
        assert!(!a.text.contains("Home"));
        assert!(!a.text.contains("All rights reserved"));
    }

    #[test]
    fn script_only_page_is_refused() {
        let page = "<html><head><script>var a = 1; function f() { return a; }</script></head><body><script>f()</script></body></html>";
        let e = html_article(Path::new("s.html"), page.as_bytes()).unwrap_err();
        assert!(
            e.to_string().starts_with("s.html: no article text found"),
            "{e}"
        );
    }

    #[test]
    fn charset_from_meta_tag() {
        let mut bytes = b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf".to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(b"</p></body></html>");
        assert!(decode_html(&bytes).contains("caf\u{e9}"));
    }

    #[test]
    fn charset_from_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<p>naïve</p>".as_bytes());
        assert_eq!(decode_html(&bytes), "<p>naïve</p>");
    }

    #[test]
    fn charset_guessed_when_not_declared() {
        let bytes = b"<p>Stra\xdfe und Caf\xe9 sind sch\xf6n, sagt der M\xfcller.</p>";
        let s = decode_html(bytes);
        assert!(s.contains("Straße"), "{s}");
    }
}

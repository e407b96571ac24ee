//! Plain text articles: an optional `date YYYY-MM-DD` header, an optional date line ("June 6,
//! 2013", kept out of the headline), then an optional headline line.

use crate::error::{Error, Result};
use crate::model::{Article, Format, Span};
use chrono::NaiveDate;
use std::path::Path;

/// Builds an article from the bytes of a plain text file.
///
/// The text must be UTF-8. The id is the file name without extension; the source is the id.
pub fn text_article(path: &Path, bytes: Vec<u8>) -> Result<Article> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        Error::bad_line(
            path,
            line,
            format!("invalid UTF-8 at byte {at}; convert the file to UTF-8"),
        )
    })?;
    let id = super::file_id(path);
    let mut article = Article {
        source: id.clone(),
        id,
        url: None,
        title: None,
        published: None,
        path: path.to_path_buf(),
        line: None,
        format: Format::Text,
        body: Span::new(0, text.len()),
        title_span: None,
        text,
    };
    split_header_and_title(&mut article);
    if article.body_text().trim().is_empty() {
        return Err(Error::bad_file(path, "no article text after the header"));
    }
    Ok(article)
}

/// Reads the `date` header and the headline of a text article, and sets the body after them.
pub(crate) fn split_header_and_title(article: &mut Article) {
    let text = &article.text;
    let mut pos = 0;
    if text.starts_with('\u{feff}') {
        pos = 3;
    }
    if let Some((date, after)) = date_header(&text[pos..]) {
        article.published = Some(date);
        pos += after;
    }
    pos += leading_ws(&text[pos..]);
    // A date line before the headline ("June 06, 2013") is part of the header: it dates the
    // article (see `crate::time::article_reference`) and is no headline.
    if let Some(end) = text[pos..].find('\n') {
        if crate::time::is_date_line(&text[pos..pos + end]) && !text[pos + end..].trim().is_empty()
        {
            pos += end;
            pos += leading_ws(&text[pos..]);
        }
    }
    if let Some(len) = headline_len(&text[pos..]) {
        let span = Span::new(pos, pos + len);
        article.title = Some(span.of(text).trim().to_string());
        article.title_span = Some(span);
        pos += len;
        pos += leading_ws(&text[pos..]);
    }
    article.body = Span::new(pos, text.len());
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// `date YYYY-MM-DD` at the start (after white space), followed by white space or the end.
/// Returns the date and the byte length of the header.
fn date_header(s: &str) -> Option<(NaiveDate, usize)> {
    let ws = leading_ws(s);
    let rest = &s[ws..];
    let lower = rest.get(..5)?.to_ascii_lowercase();
    if lower != "date " && lower != "date:" {
        return None;
    }
    let after_kw = rest[5..].trim_start_matches([' ', '\t']);
    let skipped = rest.len() - after_kw.len();
    let candidate = after_kw.get(..10)?;
    let date = NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok()?;
    let tail = &after_kw[10..];
    if !(tail.is_empty() || tail.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((date, ws + skipped + 10))
}

/// The length of the first line when it reads as a headline: no closing sentence
/// punctuation, at most 30 words, not boilerplate, and more text after it.
fn headline_len(s: &str) -> Option<usize> {
    let end = s.find('\n')?;
    let line = s[..end].trim();
    if line.is_empty() || s[end..].trim().is_empty() {
        return None;
    }
    let words = line.split_whitespace().count();
    let last = line.chars().last()?;
    let closes_sentence = matches!(last, '.' | '!' | '?' | '"' | '\u{201d}' | ':' | ';' | ',');
    let boilerplate =
        crate::clean::line_kind(line).is_some_and(|k| k != crate::clean::RegionKind::Heading);
    if closes_sentence || words > 30 || boilerplate {
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(s: &str) -> Article {
        text_article(Path::new("dir/abc.txt"), s.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn plain_text_without_header() {
        let a = art("First sentence here. Second one.\n\nMore.");
        assert_eq!(a.id, "abc");
        assert_eq!(a.source, "abc");
        assert_eq!(a.published, None);
        assert_eq!(a.title, None);
        assert_eq!(a.body.start, 0);
    }

    #[test]
    fn date_header_on_its_own_line() {
        let a = art("date 2022-01-19\nThe text starts here.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2022, 1, 19));
        assert_eq!(a.body_text(), "The text starts here.");
    }

    #[test]
    fn date_header_inline_as_in_seed_003() {
        let a = art(" date 2022-01-19 Amidst a highly tense situation, he met.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2022, 1, 19));
        assert!(a.body_text().starts_with("Amidst"));
    }

    #[test]
    fn not_a_date_header() {
        let a = art("dates 2022-01-19 are here.");
        assert_eq!(a.published, None);
        let a = art("date 2022-13-45 is not a date.");
        assert_eq!(a.published, None);
    }

    #[test]
    fn headline_is_taken_when_it_looks_like_one() {
        let a = art("Blinken Meets Lavrov in Geneva\nThe two met on Friday.");
        assert_eq!(a.title.as_deref(), Some("Blinken Meets Lavrov in Geneva"));
        assert_eq!(a.body_text(), "The two met on Friday.");
        assert_eq!(
            a.title_span.unwrap().of(&a.text),
            "Blinken Meets Lavrov in Geneva"
        );
    }

    #[test]
    fn a_sentence_is_not_a_headline() {
        let a = art("The two met on Friday.\nThen they left.");
        assert_eq!(a.title, None);
    }

    #[test]
    fn a_lone_line_is_not_a_headline() {
        let a = art("No full stop at the end");
        assert_eq!(a.title, None);
    }

    #[test]
    fn a_date_line_is_no_headline_and_the_headline_follows_it() {
        let a =
            art("Friday , June 7 , 2013\nHollywood's mermaid Esther Williams dies\nShe was 91.");
        assert_eq!(
            a.title.as_deref(),
            Some("Hollywood's mermaid Esther Williams dies")
        );
        assert_eq!(a.body_text(), "She was 91.");
        assert_eq!(a.published, None);
        // Without a headline after it, the text starts after the date line.
        let a = art("June 06 , 2013\nEsther Williams , swimming star , dies at 91");
        assert_eq!(a.title, None);
        assert_eq!(
            a.body_text(),
            "Esther Williams , swimming star , dies at 91"
        );
        // A date line after the headline stays in the text.
        let a = art("Esther Williams dies at 91\nJune 06 , 2013\nShe was 91.");
        assert_eq!(a.title.as_deref(), Some("Esther Williams dies at 91"));
        assert!(a.body_text().starts_with("June 06"));
        // A date line alone is the article's text.
        let a = art("June 06 , 2013");
        assert_eq!(a.body_text(), "June 06 , 2013");
    }

    #[test]
    fn a_photo_caption_is_not_a_headline() {
        let a = art("Protesters remain on site (David M Warren / Staff Photographer)\n\nText.");
        assert_eq!(a.title, None);
    }

    #[test]
    fn invalid_utf8_names_line_and_byte() {
        let e = text_article(Path::new("bad.txt"), b"ok\nok\n\xff\xfe".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.txt:3: invalid UTF-8 at byte 6; convert the file to UTF-8"
        );
    }

    #[test]
    fn bom_is_skipped() {
        let a = art("\u{feff}Text here.");
        assert_eq!(a.body_text(), "Text here.");
    }
}

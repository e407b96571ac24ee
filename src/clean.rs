//! Cleaning: marking what is not news so that no later stage uses it.
//!
//! Cleaning never rewrites an article. It cuts the article's text into [`Region`]s (byte
//! spans, one per paragraph line, plus the header and the headline) and gives each a
//! [`RegionKind`]: [`RegionKind::Kept`] for news text, or what the paragraph was found to be
//! (a sign-up prompt, a photo caption, an embedded post, …). Only kept regions reach the
//! sentence splitter.
//!
//! The rules look at one paragraph at a time. They are deliberately conservative: most
//! of them apply only to short paragraphs, because a long paragraph that mentions a
//! "newsletter" or "Twitter" is usually news.

use crate::model::{Article, Span};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What a region of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// News text: used by every later stage.
    Kept,
    /// A metadata header (`date YYYY-MM-DD`, a date line before the headline).
    Header,
    /// The headline.
    Title,
    /// A section heading inside the article.
    Heading,
    /// Sign-up, subscription, comment and log-in prompts, "read more" links.
    Prompt,
    /// A photo caption or credit.
    Caption,
    /// An embedded post (tweet, Instagram) or video player text.
    Embed,
    /// An advertisement marker.
    Advert,
    /// Share and follow lines.
    Share,
    /// The headline of another article pasted inline ("… | Just The News").
    PastedHeadline,
    /// A byline or an agency credit line.
    Byline,
    /// Web-archive and error-page boilerplate.
    PageChrome,
}

/// A span of an article and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Byte range in the article's text.
    pub span: Span,
    /// What it is.
    pub kind: RegionKind,
}

/// Cuts an article into regions: the header, the headline, then one region per non-empty
/// line of the body. White space between regions is not covered.
pub fn clean(article: &Article) -> Vec<Region> {
    let text = &article.text;
    let mut regions = Vec::new();
    let head_end = article.title_span.map_or(article.body.start, |t| t.start);
    let head = Span::new(0, head_end.min(article.body.start));
    if !head
        .of(text)
        .trim()
        .trim_start_matches('\u{feff}')
        .is_empty()
    {
        regions.push(trimmed(text, head, RegionKind::Header));
    }
    if let Some(t) = article.title_span {
        regions.push(trimmed(text, t, RegionKind::Title));
    }
    let mut pos = article.body.start;
    // A body of one line is the article's text, even when it reads like a heading.
    let one_line = !article.body_text().trim().contains('\n');
    for line in article.body_text().split_inclusive('\n') {
        let span = Span::new(pos, pos + line.len());
        pos += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let kind = match line_kind(line.trim()) {
            Some(RegionKind::Heading) | None if one_line => RegionKind::Kept,
            k => k.unwrap_or(RegionKind::Kept),
        };
        regions.push(trimmed(text, span, kind));
    }
    regions
}

fn trimmed(text: &str, span: Span, kind: RegionKind) -> Region {
    let s = span.of(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    Region {
        span: Span::new(start, end.max(start)),
        kind,
    }
}

/// Phrases that mark a prompt in any paragraph of up to 40 words.
const PROMPTS: &[&str] = &[
    "by submitting this form",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments are closed",
    "click here",
    "read the full",
    "related:",
    "related articles",
    "related stories",
    "recommended for you",
    "all rights reserved",
    "terms of use",
    "terms of service",
    "privacy policy",
    "already a subscriber",
    "enable javascript",
    "your browser",
    "top of page",
    "story continued below",
    "story continues below",
    "toggle caption",
    "the interactive transcript",
    "rating is available when the video",
    "this video is unavailable",
    "sorry, the page you requested",
    "add a location to your tweets",
    "tweet with a location",
    "we'd love to hear",
    "join the conversation",
    "text size",
    "click to play",
    "tap to play",
    "to stay up to date on the latest",
];

/// Phrases that mark a prompt only in a short paragraph (up to 12 words): in a longer one
/// they are usually news ("the newsletter reported…").
const SHORT_PROMPTS: &[&str] = &[
    "sign up",
    "subscribe",
    "newsletter",
    "read more",
    "more from ",
    "cookie",
    "log in",
    "continue reading",
    "get the latest",
];

const SHARE: &[&str] = &[
    "share this",
    "share on",
    "share via",
    "follow us",
    "follow @",
    "email this",
    "print this",
    "tweet this",
    "play facebook",
];

const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "reddit",
    "whatsapp",
    "linkedin",
    "pinterest",
    "email",
    "print",
    "share",
    "tweet",
    "comments",
    "comment",
    "instagram",
    "flipboard",
    "youtube",
    "google+",
    "tumblr",
    "copy",
    "link",
    "messenger",
    "sms",
];

const CHROME: &[&str] = &[
    "alexa internet",
    "wayback machine",
    "internet archive",
    "page not found",
    "404 not found",
    "javascript is disabled",
    "access denied",
];

/// Phrases of an embedded post, anywhere in a paragraph.
const EMBED: &[&str] = &[
    "pic.twitter.com/",
    "view this post on instagram",
    "a post shared by",
];

/// Which lists of phrases occur in a lower-cased paragraph (bits in the order of `LISTS`).
///
/// One pass of an Aho-Corasick automaton over the paragraph answers what a substring
/// search per phrase (some sixty of them) used to.
fn phrase_lists(lower: &str) -> u8 {
    const LISTS: [&[&str]; 5] = [CHROME, EMBED, PROMPTS, SHORT_PROMPTS, SHARE];
    static AC: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    let (ac, list_of) = AC.get_or_init(|| {
        let mut pats = Vec::new();
        let mut list_of = Vec::new();
        for (i, list) in LISTS.iter().enumerate() {
            pats.extend(list.iter().copied());
            list_of.extend(std::iter::repeat_n(1u8 << i, list.len()));
        }
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(pats)
            .expect("valid phrases");
        (ac, list_of)
    });
    ac.find_overlapping_iter(lower)
        .fold(0, |m, hit| m | list_of[hit.pattern().as_usize()])
}

const IN_CHROME: u8 = 1;
const IN_EMBED: u8 = 2;
const IN_PROMPTS: u8 = 4;
const IN_SHORT_PROMPTS: u8 = 8;
const IN_SHARE: u8 = 16;

/// What a paragraph is when it is not news, or `None` when it is news.
///
/// The paragraph is given without its surrounding white space.
pub fn line_kind(line: &str) -> Option<RegionKind> {
    let lower = if line.is_ascii() {
        line.to_ascii_lowercase()
    } else {
        line.to_lowercase()
    };
    let words = crate::words::count_words(line);
    let lists = phrase_lists(&lower);
    if lists & IN_CHROME != 0 {
        return Some(RegionKind::PageChrome);
    }
    if is_embed(line, &lower, lists & IN_EMBED != 0) {
        return Some(RegionKind::Embed);
    }
    if is_caption(line, &lower, words) {
        return Some(RegionKind::Caption);
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if bare == "advertisement"
        || bare == "sponsored"
        || bare == "advertisement continue reading the main story"
        || bare == "photo advertisement continue reading the main story"
        || lower.starts_with("story continues below advertisement")
    {
        return Some(RegionKind::Advert);
    }
    if (words <= 40 && lists & IN_PROMPTS != 0) || (words <= 12 && lists & IN_SHORT_PROMPTS != 0) {
        return Some(RegionKind::Prompt);
    }
    if words <= 12 && (lists & IN_SHARE != 0 || is_share_row(&lower)) {
        return Some(RegionKind::Share);
    }
    if is_byline(line, words) {
        return Some(RegionKind::Byline);
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some(RegionKind::PageChrome);
    }
    let closed = closes_sentence(line);
    if !closed && words <= 30 && pasted_headline(line) {
        return Some(RegionKind::PastedHeadline);
    }
    if !closed && words <= 15 {
        return Some(RegionKind::Heading);
    }
    None
}

/// True when the line ends like a sentence (a full stop, question or exclamation mark,
/// possibly followed by closing quotes or brackets).
fn closes_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '\u{2026}'])
        && !t.ends_with("..")
        && !(line.ends_with(['\'', '\u{2019}']) && line.starts_with(['\'', '\u{2018}']))
}

fn is_share_row(lower: &str) -> bool {
    let toks: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '|' || c == ',' || c == '/')
        .filter(|t| !t.is_empty())
        .collect();
    !toks.is_empty() && toks.iter().all(|t| SHARE_WORDS.contains(t))
}

/// `phrase`: one of `EMBED` occurs in `lower`.
fn is_embed(line: &str, lower: &str, phrase: bool) -> bool {
    if phrase || lower.starts_with("embedded video") {
        return true;
    }
    // "— Name (@handle) January 18, 2022" at the end of an embedded tweet.
    if let Some(at) = line.rfind("(@") {
        let before = &line[..at];
        let dash = before
            .rfind(['\u{2014}', '\u{2013}'])
            .or_else(|| before.rfind(" - "));
        let after = &line[at..];
        if dash.is_some() && after.contains(')') && after.chars().any(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    false
}

fn is_caption(line: &str, lower: &str, words: usize) -> bool {
    let credit_tail = [
        "[credit:",
        "(credit:",
        "(photo:",
        "(photo by",
        "(ap photo",
        "(reuters",
        "(getty",
        "(image:",
        "(afp",
        "photographer)",
        "/ap)",
        "/reuters)",
        "/getty images)",
        "/afp)",
    ];
    if let Some(open) = lower.rfind(['(', '[']) {
        let tail = &lower[open..];
        if tail.ends_with([')', ']'])
            && (credit_tail
                .iter()
                .any(|c| tail.starts_with(c) || tail.ends_with(c))
                || (tail.contains(" / ") && tail.len() < 60))
        {
            return true;
        }
    }
    if agency_photo(lower) {
        return true;
    }
    let heads = [
        "photo:",
        "image:",
        "caption:",
        "photograph:",
        "image copyright",
        "image caption",
        "photo credit",
    ];
    if heads.iter().any(|h| lower.starts_with(h)) {
        return true;
    }
    if words <= 8 && !closes_sentence(line) {
        let credit = [
            "photo",
            "photograph by",
            "courtesy",
            "getty images",
            "/reuters",
            "/ap",
            "/npr",
            "/abc",
            "/afp",
        ];
        if credit
            .iter()
            .any(|c| lower.starts_with(c) || lower.ends_with(c))
        {
            return true;
        }
    }
    false
}

/// A news agency's photo caption pasted into the text as a paragraph: "FILE - In this May 4,
/// 2001, file photo, a man believed to be …", "This image provided by the … shows …". Such a
/// paragraph describes a picture (often years old), not the news, and is long enough to pass
/// every length rule.
fn agency_photo(lower: &str) -> bool {
    if lower
        .strip_prefix("file")
        .is_some_and(|r| r.trim_start().starts_with(['-', '\u{2013}', '\u{2014}']))
    {
        return true;
    }
    // "In this [date] [file] photo", "This [undated booking] image": between "this" and the
    // picture word only a date and a few caption words, so "This week the senator posted a
    // photo …" stays news.
    let Some(rest) = lower
        .strip_prefix("in this ")
        .or_else(|| lower.strip_prefix("this "))
    else {
        return false;
    };
    const BEFORE: &[&str] = &[
        "file", "undated", "booking", "still", "handout", "aerial", "family", "video",
    ];
    let date_word = |w: &str| {
        crate::time::lexicon::month(w).is_some()
            || matches!(crate::time::lexicon::weekday(w), Some((_, false)))
    };
    for w in rest.split_whitespace().take(10) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w {
            "photo" | "photograph" | "image" | "picture" => return true,
            _ if w.is_empty()
                || w.chars().all(|c| c.is_ascii_digit())
                || BEFORE.contains(&w)
                || date_word(w) => {}
            _ => return false,
        }
    }
    false
}

fn is_byline(line: &str, words: usize) -> bool {
    if words > 10 || closes_sentence(line) {
        return false;
    }
    let l = line.trim_start_matches(['\u{2014}', '\u{2013}', '-', ' ']);
    let lower = l.to_lowercase();
    lower.starts_with("by ")
        || lower.starts_with("with assistance by")
        || lower.starts_with("reporting by")
}

/// "Some Headline Words | Outlet Name" or "… - Outlet": a headline with a site name after a bar.
fn pasted_headline(line: &str) -> bool {
    let Some(bar) = line.rfind(" | ") else {
        return false;
    };
    let outlet = line[bar + 3..].trim();
    let n = outlet.split_whitespace().count();
    (1..=5).contains(&n) && outlet.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text_article;
    use std::path::Path;

    #[test]
    fn boilerplate_kinds() {
        let cases: &[(&str, Option<RegionKind>)] = &[
            ("Sign up to receive our latest news!", Some(RegionKind::Prompt)),
            ("By submitting this form, I agree to the terms.", Some(RegionKind::Prompt)),
            ("Leave a Reply", Some(RegionKind::Prompt)),
            ("Advertisement", Some(RegionKind::Advert)),
            ("ADVERTISEMENT", Some(RegionKind::Advert)),
            ("Story continues below advertisement", Some(RegionKind::Advert)),
            ("Share this article", Some(RegionKind::Share)),
            ("Facebook Twitter Email", Some(RegionKind::Share)),
            ("Follow us on Facebook, Twitter, Google+, Tumblr!", Some(RegionKind::Share)),
            (
                "Secretary of State Antony Blinken waves as he departs, Tuesday, Jan. 18, 2022, at Andrews Air Force Base, Md. Blinken is en route to Ukraine, Switzerland, and Germany. [Credit: AP]",
                Some(RegionKind::Caption),
            ),
            (
                "Members of Occupy Philadelphia remain on site at City Hall into the evening of Nov. 28. (David M Warren / Staff Photographer)",
                Some(RegionKind::Caption),
            ),
            ("(Image: Getty)", Some(RegionKind::Caption)),
            ("Jonathan Ernst/Reuters", Some(RegionKind::Caption)),
            (
                "I\u{2019}m traveling to Kyiv and Berlin. pic.twitter.com/dAP2nkrXfK \u{2014} Secretary Antony Blinken (@SecBlinken) January 18, 2022",
                Some(RegionKind::Embed),
            ),
            (
                "Great news today \u{2014} Jane Doe (@janedoe) March 3, 2020",
                Some(RegionKind::Embed),
            ),
            (
                "Blinken met with Russian diplomats in hopes of easing tensions over potential Ukraine invasion | Just The News",
                Some(RegionKind::PastedHeadline),
            ),
            ("Ambiguous diplomacy", Some(RegionKind::Heading)),
            ("'Diplomacy is not dead..'", Some(RegionKind::Heading)),
            ("By JOHN SMITH, Associated Press", Some(RegionKind::Byline)),
            ("___", Some(RegionKind::PageChrome)),
            (
                "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
                Some(RegionKind::PageChrome),
            ),
            // News that mentions the same words stays.
            (
                "The newsletter, which has 40,000 readers, reported on Tuesday that the mayor would sign up for a second term.",
                None,
            ),
            ("Lavrov called the talks \u{201c}constructive and useful.\u{201d}", None),
            ("\u{201c}We will understand that when we receive the U.S. written response,\u{201d} he added.", None),
            ("At least that\u{2019}s the way it seems.", None),
            // Agency photo captions pasted as paragraphs, and news that merely mentions a photo.
            (
                "FILE - In this May 4, 2001, file photo, a man stands at an airport gate in Tokyo.",
                Some(RegionKind::Caption),
            ),
            (
                "FILE- In this Monday, May 31, 1999 file photo, the family waits outside the court.",
                Some(RegionKind::Caption),
            ),
            (
                "This image provided by the county jail shows the defendant on Tuesday, Sept. 25, 2018.",
                Some(RegionKind::Caption),
            ),
            (
                "In this Jan. 29, 2006, file photo, a car passes in front of the company's sign.",
                Some(RegionKind::Caption),
            ),
            (
                "Video Loading Video Unavailable Click to play Tap to play The video will start in 8 Cancel Play now",
                Some(RegionKind::Prompt),
            ),
            (
                "This week the senator posted a photo of the letter on Twitter, and the committee responded.",
                None,
            ),
            (
                "Filed in federal court on Monday, the lawsuit names three officers.",
                None,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(line_kind(line), *want, "{line}");
        }
    }

    /// The regions of a text article as (text, kind); checks that the text is kept as read.
    fn regions_of(raw: &str) -> Vec<(String, RegionKind)> {
        let a = text_article(Path::new("a.txt"), raw.as_bytes().to_vec()).unwrap();
        assert_eq!(a.text, raw);
        clean(&a)
            .iter()
            .map(|r| (r.span.of(&a.text).to_string(), r.kind))
            .collect()
    }

    fn expect(pairs: &[(&str, RegionKind)]) -> Vec<(String, RegionKind)> {
        pairs.iter().map(|(t, k)| (t.to_string(), *k)).collect()
    }

    #[test]
    fn regions_cover_header_title_and_paragraphs_without_rewriting() {
        let raw = "date 2022-01-21\nA Headline Here\nFirst paragraph of news.\n\nAdvertisement\n\nSecond paragraph.\n";
        assert_eq!(
            regions_of(raw),
            expect(&[
                ("date 2022-01-21", RegionKind::Header),
                ("A Headline Here", RegionKind::Title),
                ("First paragraph of news.", RegionKind::Kept),
                ("Advertisement", RegionKind::Advert),
                ("Second paragraph.", RegionKind::Kept),
            ])
        );
    }

    #[test]
    fn a_date_line_is_header_and_a_lone_line_is_text() {
        let raw = "June 06 , 2013\nEsther Williams , swimming star , dies at 91\n";
        assert_eq!(
            regions_of(raw),
            expect(&[
                ("June 06 , 2013", RegionKind::Header),
                (
                    "Esther Williams , swimming star , dies at 91",
                    RegionKind::Kept
                ),
            ])
        );
        // The same line among others is a section heading.
        let raw = "Text of the article.\nA Section Heading\nMore text.\n";
        assert_eq!(regions_of(raw)[1].1, RegionKind::Heading);
    }
}

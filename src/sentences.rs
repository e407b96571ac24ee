//! Sentence splitting for news English.
//!
//! `sentencex` does the first cut inside each kept paragraph; a repair pass then joins
//! cuts it makes after abbreviations and initials that news uses all the time ("Sec.",
//! "Tues.", "Antony J. Blinken", "Jan. 21", "No. 2") and after clock times that go on with a
//! weekday, a month or a time zone ("found at 5 p.m. Monday on the patio", "8 p.m. ET"), and drops cuts inside an
//! unfinished quotation when the next part is lower-case ("… very short notice,” he said).
//! A quotation of several sentences inside one paragraph is kept as one sentence, so that
//! no sentence holds half a quote.
//! Every sentence is a byte span of the article's text, trimmed of white space; together
//! they cover every non-space byte of the kept paragraphs (nothing is lost).

use crate::clean::{Region, RegionKind};
use crate::model::{Article, Span};
use crate::words::Lang;

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the article's text.
    pub span: Span,
    /// Index of the paragraph (kept region) within the article, from 0.
    pub paragraph: usize,
    /// Index of the sentence within the article, from 0.
    pub position: usize,
}

/// Abbreviations after which a full stop does not end a sentence when more text follows
/// on the same line (titles, months, days, states, common short forms).
const ALWAYS_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "cmdr", "maj", "rev", "fr", "sec", "secy", "pres", "supt", "insp", "det", "st", "mt", "ft",
    "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "approx", "est", "dept", "univ", "assn", "bros", "e.g", "i.e", "cf", "al",
];

/// Abbreviations that may also end a sentence: joined only when the next word starts with a
/// lower-case letter or a digit.
const MAYBE_ABBREV: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "jr", "sr", "calif", "md", "va",
    "wash", "ill", "mass", "penn", "conn", "fla", "ga", "tenn", "tex", "ariz", "colo", "mich",
    "minn", "wis", "ky", "la", "ala", "okla", "ore", "nev", "n.y", "n.j", "d.c", "a.m", "p.m",
    "etc", "ave", "blvd", "rd", "mich", "pa", "ind",
];

/// Splits `span` of `text` (one paragraph) into sentence spans.
pub fn split(text: &str, span: Span) -> Vec<Span> {
    split_in(text, span, Lang::English)
}

/// [`split`] for a paragraph in language `lang` (its abbreviations).
pub fn split_in(text: &str, span: Span, lang: Lang) -> Vec<Span> {
    let para = span.of(text);
    let mut cuts: Vec<Span> = sentencex::get_sentence_boundaries(lang.code(), para)
        .into_iter()
        .map(|b| Span::new(span.start + b.start_byte, span.start + b.end_byte))
        .collect();
    if cuts.is_empty() {
        cuts.push(span);
    }
    // Make the pieces contiguous so that no byte is lost, whatever the splitter returned.
    let mut spans: Vec<Span> = Vec::with_capacity(cuts.len());
    let mut pos = span.start;
    for (i, c) in cuts.iter().enumerate() {
        let end = if i + 1 == cuts.len() {
            span.end
        } else {
            c.end.clamp(pos, span.end)
        };
        if end > pos {
            spans.push(Span::new(pos, end));
            pos = end;
        }
    }
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(prev) if should_join(prev.of(text), s.of(text)) => prev.end = s.end,
            _ => merged.push(s),
        }
    }
    merged.into_iter().filter_map(|s| trim(text, s)).collect()
}

fn trim(text: &str, s: Span) -> Option<Span> {
    let t = s.of(text);
    let start = s.start + (t.len() - t.trim_start().len());
    let end = s.start + t.trim_end().len();
    (end > start).then(|| Span::new(start, end))
}

/// The word before the final full stop, lower-cased, without leading punctuation.
fn last_word(prev: &str) -> Option<String> {
    let t = prev.trim_end();
    let t = t.strip_suffix('.')?;
    let word = t
        .rsplit(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}' | '\'' | '\u{2018}' | '[')
        })
        .next()?;
    Some(word.to_lowercase())
}

fn should_join(prev: &str, next: &str) -> bool {
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    // A quotation that goes on after a cut: `… notice,” he said` or `“… now.” he said`.
    if first.is_lowercase() {
        return true;
    }
    if let Some(w) = last_word(prev) {
        if ALWAYS_ABBREV.contains(&w.as_str()) {
            return true;
        }
        // A single initial: "Antony J. Blinken", "Vladimir V. Putin".
        if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) && prev.trim_end().len() > 2
        {
            // Drop the initial and its full stop (the initial may be more than one byte: "É.").
            let before = prev.trim_end().trim_end_matches('.');
            let before = before
                .strip_suffix(|c: char| c.is_alphabetic())
                .unwrap_or(before);
            if before.ends_with(|c: char| c.is_whitespace()) && first.is_uppercase() {
                return true;
            }
        }
        if MAYBE_ABBREV.contains(&w.as_str()) && (first.is_ascii_digit() || first.is_lowercase()) {
            return true;
        }
        if (w == "a.m" || w == "p.m") && goes_on_after_time(next) {
            return true;
        }
    }
    false
}

/// Time zones that go on a clock time rather than start a new sentence: "at 8 p.m. ET". (Days
/// and months go on it too: "at 5 p.m. Monday on the back patio", "at 9 a.m. Jan. 21".)
const TIME_ZONES: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc",
    "bst", "cet", "cest", "local",
];

/// True when `next`, the text after a cut behind "a.m." or "p.m.", continues the time
/// expression: a weekday, a month (for "May", only when a day number follows), a time zone
/// ("Eastern", "Pacific", … only before "time", "Standard" or "Daylight").
fn goes_on_after_time(next: &str) -> bool {
    let mut words = next
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let second = words.next().unwrap_or("");
    let lower = first.to_lowercase();
    // "May" only before a number ("at 5 p.m. May 3"), below: "… p.m. May I …" is a new sentence.
    let day_or_month = crate::time::lexicon::weekday(&lower).is_some()
        || (lower != "may" && crate::time::lexicon::month(&lower).is_some());
    if day_or_month || TIME_ZONES.contains(&lower.as_str()) {
        return true;
    }
    match lower.as_str() {
        "may" => second.starts_with(|c: char| c.is_ascii_digit()),
        "eastern" | "pacific" | "central" | "mountain" | "atlantic" => {
            matches!(second, "time" | "Time" | "Standard" | "Daylight")
        }
        _ => false,
    }
}

/// Builds the splitter's tables (`sentencex` compiles its regular expressions on first use,
/// once per process, which costs about as much as splitting a few articles). Calling this
/// is never needed; it lets a caller do that work on another thread ahead of time.
pub fn warm_up() {
    // Plain sentences only: they build the tables every paragraph needs, and none of those
    // that only rarer text (ellipses, citations) does.
    let s = "He met Mr. Smith. Then he left.";
    std::hint::black_box(split(s, Span::new(0, s.len())));
}

/// The sentences of an article: every kept region split, numbered in order.
pub fn sentences(article: &Article, regions: &[Region]) -> Vec<Sentence> {
    sentences_in(article, regions, language(article, regions))
}

/// The language of an article's kept text ([`Lang::detect`]).
pub fn language(article: &Article, regions: &[Region]) -> Lang {
    // Only the first `DETECT_BYTES` are read: copy no more.
    let mut sample = String::new();
    for r in regions.iter().filter(|r| r.kind == RegionKind::Kept) {
        let room = crate::words::DETECT_BYTES.saturating_sub(sample.len());
        if room == 0 {
            break;
        }
        let text = r.span.of(&article.text);
        let mut end = text.len().min(room);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        sample.push_str(&text[..end]);
        sample.push('\n');
    }
    Lang::detect(&sample)
}

/// [`sentences`] of an article in language `lang`.
pub fn sentences_in(article: &Article, regions: &[Region], lang: Lang) -> Vec<Sentence> {
    let mut out = Vec::new();
    let kept = regions.iter().filter(|r| r.kind == RegionKind::Kept);
    for (paragraph, r) in kept.enumerate() {
        for span in split_in(&article.text, r.span, lang) {
            out.push(Sentence {
                span,
                paragraph,
                position: out.len(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Vec<&str> {
        split(s, Span::new(0, s.len()))
            .into_iter()
            .map(|sp| sp.of(s))
            .collect()
    }

    /// Hard cases from real news text: each input and the sentences it must give.
    #[test]
    fn hard_news_cases() {
        let table: &[(&str, &[&str])] = &[
            (
                "U.S. Secretary of State Antony Blinken met Lavrov. They talked.",
                &["U.S. Secretary of State Antony Blinken met Lavrov.", "They talked."],
            ),
            (
                "They met this Friday, Jan. 21, in Geneva. It was brief.",
                &["They met this Friday, Jan. 21, in Geneva.", "It was brief."],
            ),
            (
                "US Sec. of State Blinken met Lavrov. No deal.",
                &["US Sec. of State Blinken met Lavrov.", "No deal."],
            ),
            (
                "Secretary of State Antony J. Blinken spoke on Tues. after the talks. Lavrov left.",
                &["Secretary of State Antony J. Blinken spoke on Tues. after the talks.", "Lavrov left."],
            ),
            (
                "Mr. Blinken warned that President Vladimir V. Putin was poised to strike. He said so.",
                &["Mr. Blinken warned that President Vladimir V. Putin was poised to strike.", "He said so."],
            ),
            (
                "He is the No. 2 official at the department. Ms. Smith is No. 3.",
                &["He is the No. 2 official at the department.", "Ms. Smith is No. 3."],
            ),
            (
                "Inflation rose 3.5 percent in 2021. Prices fell 0.2 percent.",
                &["Inflation rose 3.5 percent in 2021.", "Prices fell 0.2 percent."],
            ),
            (
                "He paused ... and then went on. Diplomacy is not dead... Talks go on. \u{201c}We know that there are plans in place,\u{201d} he said, \u{201c}and that gives him the capacity.\u{201d}",
                &[
                    "He paused ... and then went on.",
                    "Diplomacy is not dead...",
                    "Talks go on.",
                    "\u{201c}We know that there are plans in place,\u{201d} he said, \u{201c}and that gives him the capacity.\u{201d}",
                ],
            ),
            (
                "\u{201c}We didn\u{2019}t expect a breakthrough. But we are on a clearer path.\u{201d} Lavrov disagreed.",
                // A quotation of several sentences stays whole, so no piece has half a quote.
                &[
                    "\u{201c}We didn\u{2019}t expect a breakthrough. But we are on a clearer path.\u{201d}",
                    "Lavrov disagreed.",
                ],
            ),
            (
                "The meeting was held in Washington, D.C. on Monday. It ended at 5 p.m. on the dot.",
                &["The meeting was held in Washington, D.C. on Monday.", "It ended at 5 p.m. on the dot."],
            ),
            (
                // A clock time goes on with a weekday, a month or a time zone; a capitalised
                // sentence start after it is still a new sentence.
                "The body was found around 5 p.m. Monday on the back patio. Police came at 9 a.m. Tuesday.",
                &["The body was found around 5 p.m. Monday on the back patio.", "Police came at 9 a.m. Tuesday."],
            ),
            (
                "Polls close at 8 p.m. ET in most states. Results follow at 10 P.M. EST, officials said.",
                &["Polls close at 8 p.m. ET in most states.", "Results follow at 10 P.M. EST, officials said."],
            ),
            (
                "The vote is at 11 a.m. Jan. 21 in Geneva. A second one is at 3 p.m. May 4.",
                &["The vote is at 11 a.m. Jan. 21 in Geneva.", "A second one is at 3 p.m. May 4."],
            ),
            (
                "It starts at 7 p.m. Eastern time tonight. It ended at 5 p.m. The police said so. It ended at 6 a.m. May God help them.",
                &[
                    "It starts at 7 p.m. Eastern time tonight.",
                    "It ended at 5 p.m.",
                    "The police said so.",
                    "It ended at 6 a.m.",
                    "May God help them.",
                ],
            ),
            (
                "The deadline passed at 5 p.m. and the crowd stayed. It came at 5 p.m. Eastern Europe is calm.",
                &["The deadline passed at 5 p.m. and the crowd stayed.", "It came at 5 p.m.", "Eastern Europe is calm."],
            ),
            (
                "Shares of Apple Inc. rose. The U.S. economy grew.",
                &["Shares of Apple Inc. rose.", "The U.S. economy grew."],
            ),
            (
                "Gen. Mark Milley and Sen. Bob Menendez spoke. Gov. Newsom of Calif. did not.",
                &["Gen. Mark Milley and Sen. Bob Menendez spoke.", "Gov. Newsom of Calif. did not."],
            ),
            (
                "Is diplomacy dead? Not yet! The talks go on.",
                &["Is diplomacy dead?", "Not yet!", "The talks go on."],
            ),
            (
                "A heading without a full stop",
                &["A heading without a full stop"],
            ),
        ];
        for (input, want) in table {
            assert_eq!(cut(input), *want, "input: {input}");
        }
    }

    #[test]
    fn spans_are_offsets_into_the_text() {
        let text = "xx Para one. Two here. yy";
        let got = split(text, Span::new(3, 22));
        let strs: Vec<&str> = got.iter().map(|s| s.of(text)).collect();
        assert_eq!(strs, ["Para one.", "Two here."]);
    }
}

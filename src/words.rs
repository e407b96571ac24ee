//! Words: tokens with byte spans, lower-cased, stemmed (Snowball English), stopwords marked.

use crate::model::Span;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the article's text (a possessive `'s` excluded).
    pub span: Span,
    /// Lower-cased form.
    pub lower: String,
    /// Stem of the lower-cased form (Snowball English).
    pub stem: String,
    /// True for a stopword (function words, and news function words such as "said").
    pub stop: bool,
    /// True when the word starts with an upper-case letter.
    pub capital: bool,
}

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| include_str!("stopwords.txt").split_whitespace().collect())
}

/// True for a stopword (lower-case input).
pub fn is_stopword(lower: &str) -> bool {
    stopwords().contains(lower)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Irregular past forms mapped to their base form before stemming, so that "met" and
/// "meeting", "told" and "tells" share a stem (Snowball leaves irregular verbs apart).
const IRREGULAR: &[(&str, &str)] = &[
    ("met", "meet"),
    ("told", "tell"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("came", "come"),
    ("made", "make"),
    ("found", "find"),
    ("thought", "think"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("sought", "seek"),
    ("fought", "fight"),
    ("caught", "catch"),
    ("taught", "teach"),
    ("held", "hold"),
    ("kept", "keep"),
    ("left", "leave"),
    ("lost", "lose"),
    ("sent", "send"),
    ("spent", "spend"),
    ("built", "build"),
    ("began", "begin"),
    ("begun", "begin"),
    ("knew", "know"),
    ("known", "know"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("broke", "break"),
    ("broken", "break"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("ran", "run"),
    ("won", "win"),
    ("sat", "sit"),
    ("stood", "stand"),
    ("understood", "understand"),
    ("led", "lead"),
    ("fled", "flee"),
    ("paid", "pay"),
    ("laid", "lay"),
    ("heard", "hear"),
    ("shot", "shoot"),
    ("struck", "strike"),
    ("hit", "hit"),
    ("sold", "sell"),
    ("felt", "feel"),
    ("meant", "mean"),
    ("became", "become"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("woke", "wake"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("overtook", "overtake"),
    ("undertook", "undertake"),
    ("arose", "arise"),
    ("bore", "bear"),
    ("born", "bear"),
    ("dealt", "deal"),
    ("fed", "feed"),
    ("slept", "sleep"),
    ("swept", "sweep"),
    ("wept", "weep"),
    ("sped", "speed"),
    ("bled", "bleed"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("sang", "sing"),
    ("sung", "sing"),
    ("rang", "ring"),
    ("shook", "shake"),
    ("shaken", "shake"),
];

/// Stems a lower-case word (Snowball English, i.e. Porter2), after mapping irregular past
/// forms to their base form.
///
/// Stems are cached per thread (news repeats its words; stemming is the costliest step of
/// preparing an article); the cache is emptied when it reaches `STEM_CACHE` entries.
pub fn stem(lower: &str) -> String {
    thread_local! {
        static CACHE: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
    }
    CACHE.with(|c| {
        if let Some(s) = c.borrow().get(lower) {
            return s.clone();
        }
        let base = IRREGULAR
            .iter()
            .find(|(form, _)| *form == lower)
            .map_or(lower, |(_, base)| base);
        let s = stemmer().stem(base).into_owned();
        let mut c = c.borrow_mut();
        if c.len() >= STEM_CACHE {
            c.clear();
        }
        c.insert(lower.to_string(), s.clone());
        s
    })
}

/// Most stems kept in a thread's cache.
const STEM_CACHE: usize = 200_000;

/// The words of `span` in `text`: runs of letters and digits (UAX #29 word boundaries),
/// with a possessive `'s` / `’s` dropped.
pub fn words(text: &str, span: Span) -> Vec<Word> {
    let s = span.of(text);
    let mut out = Vec::new();
    for (off, w) in s.split_word_bound_indices() {
        if !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .filter(|x| !x.is_empty())
            .unwrap_or(w);
        let lower = w.to_lowercase();
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let stop = is_stopword(&lower);
        let stem = if lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            lower.clone()
        } else {
            stem(&lower)
        };
        out.push(Word {
            span: Span::new(span.start + off, span.start + off + w.len()),
            lower,
            stem,
            stop,
            capital,
        });
    }
    out
}

/// The number of whitespace-separated words in a string (how budgets are counted).
pub fn count_words(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_spans_stems_and_stop_flags() {
        let t = "Russia\u{2019}s 100,000 troops said.";
        let w = words(t, Span::new(0, t.len()));
        let got: Vec<(&str, &str, bool)> = w
            .iter()
            .map(|w| (w.span.of(t), w.stem.as_str(), w.stop))
            .collect();
        assert_eq!(
            got,
            [
                ("Russia", "russia", false),
                ("100,000", "100,000", false),
                ("troops", "troop", false),
                ("said", "said", true)
            ]
        );
        assert!(w[0].capital);
    }

    #[test]
    fn irregular_verbs_share_a_stem_with_their_base() {
        assert_eq!(stem("met"), stem("meeting"));
        assert_eq!(stem("told"), stem("tells"));
        assert_eq!(stem("written"), stem("writes"));
    }

    #[test]
    fn counting_words_by_white_space() {
        assert_eq!(count_words("  a b\n c  "), 3);
        assert_eq!(count_words(""), 0);
    }
}

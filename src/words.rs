//! Words: tokens with byte spans, lower-cased, stemmed (Snowball, in the article's language:
//! [`Lang`]), stopwords marked.
//!
//! Tokens are UAX #29 words. Most news text is ASCII, where the UAX #29 rules reduce to a few
//! byte tests, so ASCII stretches are cut by [`ascii_words`] (tested equal to
//! `unicode-segmentation` on every Multi-News document) and only the rest goes through the
//! full Unicode segmenter: this and the stem cache make tokenizing several times cheaper.

use crate::model::Span;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet;
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

mod english;
mod lang;

pub use lang::{Lang, DETECT_BYTES};

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the article's text (a possessive `'s` excluded).
    pub span: Span,
    /// Lower-cased form.
    pub lower: Shared,
    /// Stem of the lower-cased form (Snowball, in the text's language; English by default).
    pub stem: Shared,
    /// True for a stopword (function words, and news function words such as "said").
    pub stop: bool,
    /// True when the word starts with an upper-case letter.
    pub capital: bool,
}

/// An immutable string shared by every occurrence of the same word form.
///
/// News repeats its words: a story of a few articles has thousands of words but only a
/// few hundred forms. Sharing one allocation per form (made when the form is first seen,
/// see [`words`]) spares an allocation and a free for every word and every stem, and lets
/// the story's vocabulary keep its stems without copying them.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared(Arc::from(s))
    }
}

impl From<Shared> for String {
    fn from(s: Shared) -> String {
        s.as_str().to_string()
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

fn stopwords() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
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

fn irregular() -> &'static FxHashMap<&'static str, &'static str> {
    static MAP: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| IRREGULAR.iter().copied().collect())
}

/// Stems a lower-case word (Snowball English, i.e. Porter2), after mapping irregular past
/// forms to their base form.
///
/// Stems are cached per thread (news repeats its words; stemming is the costliest step of
/// preparing an article); the cache is emptied when it reaches `STEM_CACHE` entries.
pub fn stem(lower: &str) -> String {
    STEMS.with(|c| {
        if let Some(s) = c.borrow().get(lower) {
            return s.clone();
        }
        let s = stem_uncached(lower);
        let mut c = c.borrow_mut();
        if c.len() >= STEM_CACHE {
            c.clear();
        }
        if c.capacity() == 0 {
            c.reserve(4096);
        }
        c.insert(lower.to_string(), s.clone());
        s
    })
}

/// [`stem`] without its cache.
fn stem_uncached(lower: &str) -> String {
    let base = irregular().get(lower).copied().unwrap_or(lower);
    english::stem(base).unwrap_or_else(|| stemmer().stem(base).into_owned())
}

thread_local! {
    static STEMS: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
    /// The forms seen, per language ([`Lang::index`]).
    static FORMS: RefCell<Vec<FxHashMap<Shared, Form>>> = const { RefCell::new(Vec::new()) };
}

/// What a token (as written) gives every word written so.
#[derive(Clone)]
struct Form {
    len: usize,
    lower: Shared,
    stem: Shared,
    stop: bool,
    capital: bool,
}

/// Empties the stem caches of this thread and of every thread of rayon's global pool, so
/// that the next call stems from scratch (benchmarks use this to time cold calls).
pub fn clear_stem_caches() {
    fn clear() {
        STEMS.with(|c| c.borrow_mut().clear());
        FORMS.with(|c| c.borrow_mut().iter_mut().for_each(|m| m.clear()));
    }
    clear();
    rayon::broadcast(|_| clear());
}

/// Most stems kept in a thread's cache.
const STEM_CACHE: usize = 200_000;

/// The words of `span` in `text`: runs of letters and digits (UAX #29 word boundaries),
/// with a possessive `'s` / `’s` dropped.
///
/// Each distinct form is lower-cased, looked up and stemmed once per thread (the forms are
/// kept until the cache holds `STEM_CACHE` of them, or [`clear_stem_caches`]); every
/// other word written the same way shares its strings.
pub fn words(text: &str, span: Span) -> Vec<Word> {
    words_in(text, span, Lang::English)
}

/// [`words`] of a text in language `lang`: its stemmer and its stopwords.
pub fn words_in(text: &str, span: Span, lang: Lang) -> Vec<Word> {
    let s = span.of(text);
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    FORMS.with(|c| {
        let mut all = c.borrow_mut();
        let i = lang.index();
        if all.len() <= i {
            all.resize_with(i + 1, FxHashMap::default);
        }
        let forms = &mut all[i];
        if forms.len() >= STEM_CACHE {
            forms.clear();
        }
        for_each_token(s, |off, w| {
            if let Some(word) = make_word(forms, span.start + off, w, lang) {
                out.push(word);
            }
        });
    });
    out
}

fn make_word(forms: &mut FxHashMap<Shared, Form>, at: usize, w: &str, lang: Lang) -> Option<Word> {
    if !w.chars().any(char::is_alphanumeric) {
        return None;
    }
    let form = match forms.get(w) {
        Some(f) => f.clone(),
        None => {
            let f = new_form(w, lang);
            forms.insert(Shared::from(w), f.clone());
            f
        }
    };
    Some(Word {
        span: Span::new(at, at + form.len),
        lower: form.lower,
        stem: form.stem,
        stop: form.stop,
        capital: form.capital,
    })
}

/// What a token (holding a letter or digit) gives as a word: its length without a
/// possessive `'s`, lower case, stem, stopword and capital flags.
fn new_form(w: &str, lang: Lang) -> Form {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .filter(|x| !x.is_empty())
        .unwrap_or(w);
    let lower = if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    };
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let stop = lang.is_stopword(&lower);
    let lower = Shared::from(lower.as_str());
    let stem = if lower
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
    {
        lower.clone()
    } else {
        // Each form is stemmed once (the form cache), so the stem cache would only cost.
        let stem = if lang == Lang::English {
            stem_uncached(&lower)
        } else {
            lang.stemmer().stem(&lower).into_owned()
        };
        if stem == *lower {
            lower.clone()
        } else {
            Shared::from(stem.as_str())
        }
    };
    Form {
        len: w.len(),
        lower,
        stem,
        stop,
        capital,
    }
}

/// Calls `f(offset, token)` for the UAX #29 word tokens of `s` that hold a letter, digit or
/// `_` (the others are punctuation and white space, which no caller keeps).
///
/// `s` is cut at its ASCII spaces (UAX #29 always breaks before a space, and after one
/// unless a space or a combining mark follows); an ASCII piece is tokenized by
/// [`ascii_words`], any other by `unicode-segmentation`, starting at the space before it so
/// that a combining mark right after a space is treated as the standard says.
fn for_each_token<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < b.len() && b[i] != b' ' {
            ascii &= b[i] < 0x80;
            i += 1;
        }
        if ascii {
            ascii_words(&s[start..i], |o, w| f(start + o, w));
        } else {
            let from = if start > 0 { start - 1 } else { start };
            for (o, w) in s[from..i].split_word_bound_indices() {
                f(from + o, w);
            }
        }
    }
}

/// UAX #29 word boundaries restricted to ASCII text: calls `f(offset, token)` for each token
/// made of letters, digits and `_` (rules WB5–WB13b: letters and digits join, `_` joins
/// them, `:` joins two letters, `,` and `;` join two digits, `.` and `'` join two letters or
/// two digits). Tokens of punctuation or white space are skipped.
pub fn ascii_words<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            if i < b.len() && word(b[i]) {
                i += 1;
                continue;
            }
            // A middle character between two letters or two digits.
            if i + 1 < b.len() {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                let letters = prev.is_ascii_alphabetic()
                    && next.is_ascii_alphabetic()
                    && matches!(mid, b':' | b'.' | b'\'');
                let digits = prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && matches!(mid, b',' | b';' | b'.' | b'\'');
                if letters || digits {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        f(start, &s[start..i]);
    }
}

/// The number of whitespace-separated words in a string (how budgets are counted).
pub fn count_words(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // ASCII: the same white space as `char::is_whitespace` (which, unlike
    // `u8::is_ascii_whitespace`, includes the vertical tab).
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let ws = matches!(b, b' ' | b'\t'..=b'\r');
        n += usize::from(!ws && !in_word);
        in_word = !ws;
    }
    n
}

/// The text of every Multi-News document in `../shared` (tests that read real news), or
/// `None`, with a skip message, when `../shared` is absent.
#[cfg(test)]
pub(crate) fn multinews_texts() -> Option<Vec<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/multinews-200");
    let Ok(clusters) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {dir} is absent");
        return None;
    };
    let mut texts = Vec::new();
    for c in clusters.flatten() {
        for d in std::fs::read_dir(c.path().join("docs"))
            .into_iter()
            .flatten()
            .flatten()
        {
            texts.push(std::fs::read_to_string(d.path()).unwrap_or_default());
        }
    }
    Some(texts)
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

    /// UAX #29 word tokens that hold a letter or digit, as `unicode-segmentation` finds them.
    fn reference(s: &str) -> Vec<(usize, &str)> {
        s.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .collect()
    }

    fn ours(s: &str) -> Vec<(usize, &str)> {
        let mut v = Vec::new();
        for_each_token(s, |o, w| v.push((o, w)));
        v.retain(|(_, w)| w.chars().any(char::is_alphanumeric));
        v
    }

    #[test]
    fn ascii_tokens_follow_uax29() {
        for s in [
            "U.S. troops, 100,000 of them; 3.5% at 5:30 p.m. on Jan. 21.",
            "don't stop__now a_b _x x_ 1_2 a.1 1.a a:b 1:2 1;2 a;b 1'2 a'b a..b 1,,2",
            "e.g. i.e., x.y.z. \"quoted\" (paren) [b] a-b a/b a\tb 12\n34 ...a a... 'tis",
            "  leading and trailing  ",
            "",
        ] {
            assert_eq!(ours(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn mixed_text_follows_uax29() {
        let s = "Russia\u{2019}s caf\u{e9} na\u{ef}ve \u{201c}No.\u{201d} \u{301}x x \u{301}y \u{2014} 2\u{2019}3 l\u{2019}\u{e9}t\u{e9}";
        assert_eq!(ours(s), reference(s));
    }

    #[test]
    fn tokens_follow_uax29_on_multinews() {
        let Some(texts) = multinews_texts() else {
            return;
        };
        let mut n = 0;
        for text in &texts {
            for line in text.lines() {
                assert_eq!(ours(line), reference(line), "{line:?}");
                n += 1;
            }
        }
        assert!(n > 1000, "{n} lines");
    }

    proptest::proptest! {
        #[test]
        fn tokens_follow_uax29_on_random_text(s in "[a-cA-C0-2 .,;:'_\"\t\n\u{e9}\u{2019}\u{301}\u{2014}-]{0,40}") {
            proptest::prop_assert_eq!(ours(&s), reference(&s));
        }
    }

    #[test]
    fn counting_words_by_white_space() {
        assert_eq!(count_words("  a b\n c  "), 3);
        assert_eq!(count_words(""), 0);
        for s in [
            "a\x0bb",
            "a\x0cb\r\nc",
            " x ",
            "\u{a0}a\u{a0}b",
            "a\u{2003}b c",
        ] {
            assert_eq!(count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }
}

//! Tokens for the time grammar, and the tense of the sentence around a mention.
//!
//! The grammar needs more than words: whether a full stop sits right after a letter
//! ("p.m.", "Jan."), whether two pieces touch ("2022-01-19", "12:01am"), where a line
//! ends. A small scanner that keeps those facts is simpler and faster than regular
//! expressions over the raw text, and every token keeps its byte span.

use std::borrow::Cow;

/// One token: a run of letters, a run of digits, or one other non-space character.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Byte offset of the first byte in the whole text.
    pub start: usize,
    /// Byte offset one past the last byte in the whole text.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
    /// Lower-cased (borrowed when the text already is).
    pub lower: Cow<'a, str>,
    /// White space comes right before it (or it is the first token).
    pub gap: bool,
    /// A line break comes right before it.
    pub newline: bool,
}

impl Token<'_> {
    /// All digits.
    pub fn is_digits(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// The number, when all digits and short enough.
    pub fn number(&self) -> Option<u32> {
        if self.is_digits() && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// Starts with a letter.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// One punctuation character equal to `c`.
    pub fn is(&self, c: char) -> bool {
        let mut it = self.text.chars();
        it.next() == Some(c) && it.next().is_none()
    }

    /// An opening quotation mark.
    pub fn is_open_quote(&self) -> bool {
        matches!(self.text, "\"" | "“" | "‘" | "'")
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Class {
    Letter,
    Digit,
    Other,
}

fn class(c: char) -> Class {
    if c.is_alphabetic() {
        Class::Letter
    } else if c.is_ascii_digit() {
        Class::Digit
    } else {
        Class::Other
    }
}

/// Splits `text[start..end]` into tokens whose offsets index `text`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let slice = &text[start..end];
    let mut out = Vec::new();
    let mut gap = true;
    let mut newline = false;
    let mut cur: Option<(usize, Class)> = None;
    fn push<'a>(
        out: &mut Vec<Token<'a>>,
        slice: &'a str,
        base: usize,
        s: usize,
        e: usize,
        gap: &mut bool,
        nl: &mut bool,
    ) {
        let t = &slice[s..e];
        out.push(Token {
            start: base + s,
            end: base + e,
            text: t,
            lower: if t.chars().any(char::is_uppercase) {
                Cow::Owned(t.to_lowercase())
            } else {
                Cow::Borrowed(t)
            },
            gap: *gap,
            newline: *nl,
        });
        *gap = false;
        *nl = false;
    }
    for (i, c) in slice.char_indices() {
        let k = if c.is_whitespace() {
            None
        } else {
            Some(class(c))
        };
        if let Some((s, ck)) = cur {
            if k != Some(ck) || ck == Class::Other {
                push(&mut out, slice, start, s, i, &mut gap, &mut newline);
                cur = None;
            }
        }
        match k {
            None => {
                gap = true;
                if c == '\n' || c == '\r' {
                    newline = true;
                }
            }
            Some(k) => {
                if cur.is_none() {
                    cur = Some((i, k));
                }
            }
        }
    }
    if let Some((s, _)) = cur {
        push(
            &mut out,
            slice,
            start,
            s,
            slice.len(),
            &mut gap,
            &mut newline,
        );
    }
    out
}

/// For each token, the index of the first token of its sentence and one past its last.
pub(crate) fn sentence_bounds(toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut starts = vec![0usize];
    for i in 1..toks.len() {
        let t = &toks[i];
        let prev = &toks[i - 1];
        let after_stop = t.gap && matches!(prev.text, "." | "!" | "?");
        let before = if i >= 2 && prev.is('.') && !prev.gap {
            toks[i - 2].lower.as_ref()
        } else {
            ""
        };
        let continues = crate::time::lexicon::title(before)
            || (crate::time::lexicon::abbreviation(before)
                && (t.number().is_some() || !t.is_capitalised()));
        let boundary = t.newline || (after_stop && !continues);
        if boundary {
            starts.push(i);
        }
    }
    starts.push(toks.len());
    let mut bounds = Vec::with_capacity(toks.len());
    for w in starts.windows(2) {
        for _ in w[0]..w[1] {
            bounds.push((w[0], w[1]));
        }
    }
    bounds
}

/// The tense that decides which way a bare weekday or month points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Past ("met", "said", "was").
    Past,
    /// Present ("is", "meets"): the nearest candidate wins.
    Present,
    /// Future ("will", "is scheduled for", "to meet").
    Future,
    /// No verb found: the nearest candidate wins.
    Unknown,
}

/// Past forms that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "met",
    "said",
    "told",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "held",
    "saw",
    "spoke",
    "left",
    "began",
    "brought",
    "thought",
    "sent",
    "got",
    "knew",
    "found",
    "became",
    "felt",
    "kept",
    "lost",
    "paid",
    "ran",
    "sat",
    "stood",
    "won",
    "wrote",
    "fell",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "heard",
    "hit",
    "led",
    "meant",
    "put",
    "quit",
    "rose",
    "shot",
    "struck",
    "sought",
    "taught",
    "threw",
    "understood",
    "woke",
    "wore",
    "hung",
    "fought",
    "bought",
    "caught",
    "built",
    "drew",
    "ate",
    "forgot",
    "hid",
    "laid",
    "lit",
    "slid",
    "spent",
    "swore",
    "tore",
    "withdrew",
    "overtook",
    "undertook",
    "beat",
    "bore",
    "bid",
    "set",
    "cut",
    "let",
    "spread",
];

const NOT_PAST_ED: &[&str] = &[
    "need", "seed", "speed", "red", "bed", "feed", "indeed", "hundred", "bred", "shed", "wed",
    "led", "creed", "greed", "breed", "proceed", "succeed", "exceed", "steed", "weed", "embed",
];

/// Words after which a past participle or a "to" speaks of the future.
fn is_scheduling(w: &str) -> bool {
    matches!(
        w,
        "scheduled" | "slated" | "due" | "expected" | "set" | "planned" | "poised" | "planning"
    )
}

fn word_tense(toks: &[Token<'_>], i: usize) -> Option<Tense> {
    let w = toks[i].lower.as_ref();
    let next = toks.get(i + 1).map(|t| t.lower.as_ref()).unwrap_or("");
    if matches!(w, "will" | "shall" | "would" | "ll" | "gonna") {
        return Some(Tense::Future);
    }
    if w == "going" && next == "to" {
        return Some(Tense::Future);
    }
    if is_scheduling(w) && matches!(next, "for" | "to") {
        return Some(Tense::Future);
    }
    if w == "to" {
        // An infinitive ("agreed to meet", "plans to travel"): lower-case verb-like word.
        let n = toks.get(i + 1)?;
        let nl = n.lower.as_ref();
        let function_word = matches!(
            nl,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "this"
                | "that"
                | "these"
                | "those"
                | "have"
                | "date"
                | "some"
                | "all"
                | "any"
                | "more"
                | "about"
                | "around"
                | "as"
                | "what"
                | "which"
                | "whom"
                | "him"
                | "them"
                | "us"
                | "me"
                | "it"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "other"
        );
        if n.is_word() && !n.is_capitalised() && !function_word && !nl.ends_with("ed") {
            return Some(Tense::Future);
        }
        return None;
    }
    if matches!(
        w,
        "is" | "are" | "am" | "has" | "have" | "says" | "does" | "do"
    ) {
        return Some(Tense::Present);
    }
    if IRREGULAR_PAST.contains(&w) {
        return Some(Tense::Past);
    }
    // A passive participle ("to be arraigned", "was arrested"): its auxiliary decides.
    // After a determiner it is an adjective ("the suspected wreckage").
    let adjective = i > 0
        && matches!(
            toks[i - 1].lower.as_ref(),
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
        );
    let passive = adjective
        || i > 0
            && matches!(
                toks[i - 1].lower.as_ref(),
                "be" | "been" | "being" | "is" | "are" | "was" | "were"
            );
    if w.len() > 4
        && !passive
        && w.ends_with("ed")
        && toks[i].is_word()
        && !toks[i].is_capitalised()
        && !NOT_PAST_ED.contains(&w)
    {
        return Some(Tense::Past);
    }
    None
}

/// The tense governing tokens `[from, to)`: the nearest marker before them in their
/// sentence, else the nearest after (as HeidelTime does with part-of-speech tags).
pub(crate) fn tense_at(
    toks: &[Token<'_>],
    bounds: &[(usize, usize)],
    from: usize,
    to: usize,
) -> Tense {
    let (s, e) = bounds[from];
    for i in (s..from).rev() {
        if let Some(t) = word_tense(toks, i) {
            return t;
        }
    }
    for i in to..e {
        if let Some(t) = word_tense(toks, i) {
            return t;
        }
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, word: &str) -> Tense {
        let toks = tokenize(text, 0, text.len());
        let b = sentence_bounds(&toks);
        let i = toks.iter().position(|t| t.text == word).unwrap();
        tense_at(&toks, &b, i, i + 1)
    }

    #[test]
    fn tokens_keep_offsets_and_gaps() {
        let text = "at 12:01am, “Jan. 21”";
        let toks = tokenize(text, 3, text.len());
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            ["12", ":", "01", "am", ",", "“", "Jan", ".", "21", "”"]
        );
        assert!(toks[0].gap && !toks[1].gap && !toks[3].gap && toks[8].gap);
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn tense_from_nearest_verb() {
        assert_eq!(
            tense_of("Blinken met Friday with Lavrov.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("He will meet Lavrov on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("a meeting scheduled for Friday, he said.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("They had agreed to meet in person on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Blinken on Wednesday said that", "Wednesday"),
            Tense::Past
        );
        assert_eq!(tense_of("Friday.", "Friday"), Tense::Unknown);
    }

    #[test]
    fn sentences_do_not_end_after_month_abbreviations() {
        let text = "He left on Jan. 21 in Geneva. They met.";
        let toks = tokenize(text, 0, text.len());
        let b = sentence_bounds(&toks);
        let geneva = toks.iter().position(|t| t.text == "Geneva").unwrap();
        let they = toks.iter().position(|t| t.text == "They").unwrap();
        assert_eq!(b[0].0, 0);
        assert_eq!(b[geneva].0, 0);
        assert_eq!(b[they].0, they);
    }
}

//! Name-aware tokens: unlike [`crate::words`], a token keeps the full stops of initials and
//! abbreviations ("U.S.", "J.", "Sec.") and records the punctuation before it, because
//! names are runs of capitalised tokens with nothing but spaces between them.

use crate::model::Span;

/// Abbreviations whose full stop belongs to the token.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "maj", "rev", "sec", "pres", "det", "st", "jr", "sr", "inc", "corp", "co", "ltd", "md", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "brig", "mt",
    "ft", "no", "vs", "dept",
];

/// Abbreviations that keep their full stop only when capitalised (states and provinces in AP
/// style, street words, abbreviated given names): "Oakville, Ont.", "Old Colony Rd.", "Jos. A.
/// Bank".
const CAP_ABBREV: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ill", "kan", "kans", "ky",
    "mass", "mich", "minn", "miss", "mo", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "wis",
    "wyo", "ont", "que", "alta", "sask", "rd", "ave", "blvd", "ga", "la", "va", "ind", "tex",
    "mont", "wash", "alta", "nfld", "jos", "wm", "chas", "thos", "jas", "benj", "robt", "saml",
];

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the article's text.
    pub span: Span,
    /// Start of the gap (punctuation and space) before it; the gap is `gap_start..span.start`.
    pub gap_start: usize,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.of(text)
    }

    /// The text between the previous token and this one.
    pub fn gap<'a>(&self, text: &'a str) -> &'a str {
        &text[self.gap_start..self.span.start]
    }
}

/// True when the token starts with an upper-case letter.
pub fn is_capital(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// True for an initial such as "J." or "V.".
pub fn is_initial(t: &str) -> bool {
    let mut c = t.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// True for a token of two or more letters, all upper case ("NATO", "KYIV"), or an
/// abbreviation with a small linking letter or two inside ("BoE", "DoJ", "TfL").
pub fn is_all_caps(t: &str) -> bool {
    let b = t.as_bytes();
    let linked = (3..=4).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[b.len() - 1].is_ascii_uppercase()
        && b[1..b.len() - 1].iter().all(u8::is_ascii_lowercase);
    linked
        || t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Tokens of `span` in `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let s = span.of(text);
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut gap_start = span.start;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            // Joiners inside a token: "U.S", "hour-and-a-half", "O'Brien", "Russia’s".
            let digits = d == ',' && c.is_ascii_digit();
            if matches!(d, '.' | '\'' | '\u{2019}' | '-' | '&') || digits {
                let next = s[j + d.len_utf8()..].chars().next();
                if next.is_some_and(|n| {
                    if digits {
                        n.is_ascii_digit()
                    } else {
                        n.is_alphanumeric()
                    }
                }) {
                    it.next();
                    continue;
                }
            }
            break;
        }
        let mut tok = &s[start..end];
        // The full stop of an abbreviation or initial belongs to it.
        if b.get(end) == Some(&b'.') {
            let lower = tok.to_lowercase();
            let single = tok.chars().count() == 1 && is_capital(tok);
            let cap = is_capital(tok) && CAP_ABBREV.contains(&lower.as_str());
            if single || cap || tok.contains('.') || ABBREV.contains(&lower.as_str()) {
                end += 1;
                it.next();
                tok = &s[start..end];
            }
        }
        // A possessive is not part of the name.
        let mut tok_end = end;
        for suf in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if tok.len() > suf.len() + 1 && tok.ends_with(suf) {
                tok_end = end - suf.len();
                break;
            }
        }
        out.push(Tok {
            span: Span::new(span.start + start, span.start + tok_end),
            gap_start,
        });
        gap_start = span.start + tok_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of all of `t`, as text.
    fn texts(t: &str) -> Vec<&str> {
        tokenize(t, Span::new(0, t.len()))
            .iter()
            .map(|k| k.text(t))
            .collect()
    }

    #[test]
    fn tokens_keep_initials_and_abbreviations() {
        let t = "US Sec. of State Antony J. Blinken met Russia\u{2019}s envoy in the U.S.";
        let got = texts(t);
        assert_eq!(
            got,
            [
                "US", "Sec.", "of", "State", "Antony", "J.", "Blinken", "met", "Russia", "envoy",
                "in", "the", "U.S."
            ]
        );
    }

    #[test]
    fn an_abbreviated_given_name_keeps_its_full_stop() {
        let t = "Men's Wearhouse buys Jos. A. Bank. Jos is in Nigeria. The jos. case";
        let got = texts(t);
        assert_eq!(
            got,
            [
                "Men",
                "Wearhouse",
                "buys",
                "Jos.",
                "A.",
                "Bank",
                "Jos",
                "is",
                "in",
                "Nigeria",
                "The",
                "jos",
                "case"
            ]
        );
    }

    #[test]
    fn gaps_hold_the_punctuation() {
        let t = "spokesman, Dmitri S. Peskov";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert_eq!(toks[1].gap(t), ", ");
        assert!(is_initial(toks[2].text(t)));
        assert!(!is_initial(toks[1].text(t)));
        assert!(is_all_caps("NATO") && !is_all_caps("Nato"));
        assert!(is_all_caps("BoE") && is_all_caps("TfL") && !is_all_caps("Bob"));
    }
}

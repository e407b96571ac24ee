//! Nicknames inside a person's name: "Luis Gerardo (Jerry) Ortiz", "Dwayne “The Rock”
//! Johnson". The scan sees a name, a bracketed or quoted word and a surname as three mentions;
//! they are one person, named in full.

use super::entities::{Kind, Raw};
use super::gazetteer::Gazetteer;
use crate::model::Span;

/// The brackets and quotes a nickname stands in, opening and closing.
const MARKS: &[(&str, &str)] = &[
    ("(", ")"),
    ("\"", "\""),
    ("\u{201c}", "\u{201d}"),
    ("'", "'"),
    ("\u{2018}", "\u{2019}"),
];

/// Whether `gap` (the text between a given name and a surname) holds only a nickname of one
/// or two capitalised words in brackets or quotes ("(Jerry)", "“The Rock”").
fn nickname(gap: &str) -> bool {
    let Some(inner) = gap.strip_prefix(' ').and_then(|g| g.strip_suffix(' ')) else {
        return false;
    };
    MARKS.iter().any(|(open, close)| {
        inner
            .strip_prefix(open)
            .and_then(|x| x.strip_suffix(close))
            .is_some_and(|x| {
                let words: Vec<&str> = x.split(' ').collect();
                words.len() <= 2
                    && words.iter().all(|w| {
                        w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                    })
            })
    })
}

/// Joins a person's name, a nickname after it and a one-word surname after that into one
/// person's mention. `out` is sorted by position.
pub(super) fn nicknames(text: &str, out: &mut Vec<Raw>) {
    let g = Gazetteer::get();
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, c) = (&out[k], &out[k + 1]);
        // The text between `a` and a later mention (none when they overlap).
        let gap = |e: &Raw| text.get(a.span.end..e.span.start);
        // The nickname itself may or may not be a mention between them.
        let (c, skip) = if c.span.end <= a.span.end {
            (c, 1)
        } else if gap(c).is_some_and(nickname) {
            (c, 0)
        } else if k + 2 < out.len() && gap(&out[k + 2]).is_some_and(nickname) {
            (&out[k + 2], 1)
        } else {
            k += 1;
            continue;
        };
        let surname = c.span.of(text);
        let joins = a.kind == Some(Kind::Per)
            && (a.span.of(text).contains(' ') || g.is_first_name(a.span.of(text)))
            && !surname.contains(' ')
            && matches!(c.kind, None | Some(Kind::Per));
        if !joins || c.span.start < a.span.end {
            k += 1;
            continue;
        }
        let span = Span::new(a.span.start, c.span.end);
        let full = Span::new(a.full.start.min(span.start), span.end);
        out.drain(k + 1..=k + 1 + skip);
        out[k] = Raw {
            full,
            ..Raw::typed(span, Kind::Per)
        };
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_mentions_are_left_alone() {
        let text = "Gary Gomes, 35, was arrested.";
        let mut out = vec![
            Raw::typed(Span::new(0, 10), Kind::Per),
            Raw::typed(Span::new(5, 14), Kind::Per),
            Raw::typed(Span::new(6, 12), Kind::Per),
        ];
        nicknames(text, &mut out);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_nickname_between_given_names_and_a_surname_joins_them() {
        let text = "Deputy Luis Gerardo (Jerry) Ortiz died.";
        let at = |w: &str| {
            let s = text.find(w).expect("word");
            Span::new(s, s + w.len())
        };
        let mut out = vec![
            Raw::typed(at("Luis Gerardo"), Kind::Per),
            Raw::typed(at("Jerry"), Kind::Per),
            Raw::typed(at("Ortiz"), Kind::Per),
        ];
        nicknames(text, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, at("Luis Gerardo (Jerry) Ortiz"));
        assert!(nickname(" \u{201c}The Rock\u{201d} "));
        assert!(!nickname(" (D-Texas) ") && !nickname(" and "));
    }
}

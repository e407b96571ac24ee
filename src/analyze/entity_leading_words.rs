//! A person's name run into the common words before it: "Executive Bob Dudley", "Detectives
//! Charlie Beck", "Diva Stacy Keibler", "More News Videos Bill Cosby". A capitalised run whose
//! first words are all ordinary English words (a job, a label, a headline's word) and whose
//! last one or two words follow a given name is that person's name alone.

use super::entities::{Kind, Raw};
use super::gazetteer::Gazetteer;
use super::tokens::{is_all_caps, is_capital};
use crate::model::Span;

/// Words of a title of a work, not of a job or a label.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "with", "for", "in", "on", "at", "to", "from", "by",
];

/// A word that may stand in a person's name after the given name: capitalised, letters with
/// an inner hyphen, apostrophe or point ("O'Neill", "Jr."), not in capitals.
fn name_word(w: &str) -> bool {
    is_capital(w)
        && !is_all_caps(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || "-.'\u{2019}".contains(c))
}

/// Narrows each mention in `out` that is common words before a given name and a surname to
/// the person's name (see the module's summary).
pub(super) fn leading_words(text: &str, out: &mut [Raw]) {
    let g = Gazetteer::get();
    for r in out.iter_mut() {
        if r.gaz.is_some() || r.kind == Some(Kind::Org) {
            continue;
        }
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut pos = r.span.start;
        for w in r.span.of(text).split(' ') {
            words.push((pos, w));
            pos += w.len() + 1;
        }
        if words.len() < 3 || words.iter().any(|(_, w)| w.is_empty()) {
            continue;
        }
        let at = (1..words.len() - 1).find(|&p| {
            let (_, given) = words[p];
            let rest = &words[p + 1..];
            let last = rest[rest.len() - 1].1;
            g.is_first_name(given)
                && name_word(given)
                && (1..=2).contains(&rest.len())
                && rest.iter().all(|(_, w)| name_word(w))
                && g.may_be_surname(last)
                && words[..p].iter().all(|(_, w)| {
                    // "Popcorn With Peter Travers" is a show's title, not a label.
                    !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
                        && is_capital(w)
                        && g.is_plain_word(w)
                })
        });
        if let Some(p) = at {
            r.span = Span::new(words[p].0, r.span.end);
            r.retype(Kind::Per);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, kind: Option<Kind>) -> (String, Option<Kind>) {
        let mut out = vec![Raw {
            kind,
            ..Raw::typed(Span::new(0, text.len()), Kind::Misc)
        }];
        leading_words(text, &mut out);
        (out[0].span.of(text).to_string(), out[0].kind)
    }

    #[test]
    fn common_words_before_a_person_are_left_out() {
        assert_eq!(
            run("Executive Bob Dudley", None),
            ("Bob Dudley".to_string(), Some(Kind::Per))
        );
        assert_eq!(
            run("Detectives Charlie Beck", Some(Kind::Misc)).0,
            "Charlie Beck"
        );
    }

    #[test]
    fn names_that_are_not_common_words_stay_whole() {
        // "Goldman" is no ordinary word; "Will" is a given name; two words are left alone.
        assert_eq!(
            run("Goldman Sachs Lloyd Blankfein", None).0,
            "Goldman Sachs Lloyd Blankfein"
        );
        assert_eq!(run("Will Bob Dudley", None).0, "Will Bob Dudley");
        assert_eq!(run("Executive Dudley", None).0, "Executive Dudley");
    }
}

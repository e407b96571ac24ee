//! Surnames that the gazetteer knows as companies: in a story that names "Michael McDonald" or
//! "John M. Ford", a lone "McDonald's" or "Ford" is that person (and his possessive), not the
//! restaurant chain or the carmaker. [`super::entities::Entities::build`] runs this over a
//! story's mentions before it merges them.

use super::entities::{Kind, Raw};
use super::gazetteer::{GazKind, Gazetteer};
use std::collections::HashSet;

/// The possessive endings a company's name may hold ("McDonald's").
const POSSESSIVES: &[&str] = &["'s", "\u{2019}s"];

/// Turns a one-word company of the gazetteer whose name (less a possessive) is the surname of
/// a person named in full in the same story into an untyped name, which the merging then
/// joins to that person. `raws` holds (document, sentence, mention); `text_of` gives a
/// document's text.
pub(super) fn people_over_companies<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
) {
    let g = Gazetteer::get();
    let surnames: HashSet<String> = raws
        .iter()
        .filter(|(_, _, r)| r.kind == Some(Kind::Per) && r.gaz.is_none())
        .filter_map(|(d, _, r)| {
            let words: Vec<&str> = r.span.of(text_of(*d)).split_whitespace().collect();
            (words.len() >= 2 && g.is_first_name(words[0])).then(|| words[words.len() - 1])
        })
        .map(str::to_string)
        .collect();
    if surnames.is_empty() {
        return;
    }
    for (d, _, r) in raws.iter_mut() {
        let Some(e) = r.gaz else { continue };
        if !matches!(g.entries[e].kind, GazKind::Org | GazKind::Media) {
            continue;
        }
        let name = r.span.of(text_of(*d));
        let bare = POSSESSIVES
            .iter()
            .find_map(|p| name.strip_suffix(p))
            .unwrap_or(name);
        if bare.contains(' ') || !surnames.contains(bare) {
            continue;
        }
        r.span.end = r.span.start + bare.len();
        r.full = r.span;
        r.gaz = None;
        r.kind = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn a_company_named_like_a_person_of_the_story_is_that_person() {
        let text = "John M. Ford wrote it. Ford's fans and Ford agree. Google did not.";
        let at = |w: &str, from: usize| {
            let s = from + text[from..].find(w).expect("word");
            Span::new(s, s + w.len())
        };
        let g = Gazetteer::get();
        let entry = |name: &str| g.entries.iter().position(|e| e.name == name);
        let ford = entry("Ford Motor")
            .or_else(|| entry("Ford"))
            .expect("Ford is known");
        let google = entry("Google").expect("Google is known");
        let mut raws = vec![
            (0, None, Raw::typed(at("John M. Ford", 0), Kind::Per)),
            (0, None, Raw::known(at("Ford's", 20), Kind::Org, ford)),
            (0, None, Raw::known(at("Ford", 36), Kind::Org, ford)),
            (0, None, Raw::known(at("Google", 0), Kind::Org, google)),
        ];
        people_over_companies(&mut raws, |_| text);
        assert_eq!(raws[1].2.span.of(text), "Ford");
        assert_eq!((raws[1].2.kind, raws[1].2.gaz), (None, None));
        assert_eq!((raws[2].2.kind, raws[2].2.gaz), (None, None));
        assert_eq!(raws[3].2.gaz, Some(google));
    }
}

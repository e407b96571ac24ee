//! Corrections that need the whole story's mentions, which [`super::entities::Entities::build`]
//! runs before it merges them: surnames that the gazetteer knows as companies (in a story that
//! names "Michael McDonald" or "John M. Ford", a lone "McDonald's" or "Ford" is that person,
//! not the restaurant chain or the carmaker), a word a strong cue typed as an organisation
//! once ("WeWork executives"), and a work's title whose "The" a sentence's start cut off.

use super::entities::{Kind, Raw};
use super::gazetteer::{GazKind, Gazetteer};
use crate::model::Span;
use std::collections::{HashMap, HashSet};

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

/// The mirror of [`people_over_companies`]: a one-word name that only a list of given names or
/// surnames typed as a person (no title, no gazetteer entry), and that opens the name of an
/// organisation the story names in several words ("Chiquita" beside "Chiquita Brands
/// International"), is untyped, so that the merging joins it to that organisation and the
/// story's cues, not the list, decide its kind. A surname of the story's people stays theirs.
pub(super) fn companies_over_given_names<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
) {
    let g = Gazetteer::get();
    let openers: HashSet<&str> = raws
        .iter()
        .filter(|(_, _, r)| r.kind == Some(Kind::Org) && !r.weak)
        .map(|(d, _, r)| r.span.of(text_of(*d)))
        .filter(|name| name.contains(' '))
        .filter_map(|name| name.split_whitespace().next())
        .collect();
    if openers.is_empty() {
        return;
    }
    let people = story_surnames(raws, &text_of);
    for (d, _, r) in raws.iter_mut() {
        let name = r.span.of(text_of(*d));
        if r.kind == Some(Kind::Per)
            && r.gaz.is_none()
            && r.full == r.span
            && !name.contains(' ')
            && (g.is_first_name(name) || g.is_surname(name))
            && openers.contains(name)
            && !people.contains(name)
        {
            r.kind = None;
            r.weak = false;
        }
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

/// One word that a strong cue typed as an organisation somewhere in the story ("WeWork
/// executives", "the drug company, Chimerix", "the CEO of Hipcricket") is an organisation in
/// its other mentions too, where only a weak cue typed it: a reporting verb after it
/// ("Chimerix said": a person), a preposition before it ("from Hipcricket": a place), or
/// nothing. A mention with a title, a gazetteer entry or several words keeps its type. A cue
/// in title-case text (`in_head`) counts only for its own mention: there every word is
/// capitalised, and a headline stream's "Auditions" or "Revealed" would spread to the rest.
pub(super) fn organisations_everywhere<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
    in_head: impl Fn(usize, Span) -> bool,
) {
    let g = Gazetteer::get();
    let single = |d: usize, r: &Raw| {
        let name = r.span.of(text_of(d));
        (!name.contains(' ') && r.gaz.is_none() && r.full == r.span).then_some(name)
    };
    let orgs: HashSet<&str> = raws
        .iter()
        .filter(|(d, _, r)| r.kind == Some(Kind::Org) && !r.weak && !in_head(*d, r.span))
        .filter_map(|(d, _, r)| single(*d, r))
        .filter(|w| !g.is_first_name(w) && !g.is_surname(w))
        .collect();
    if orgs.is_empty() {
        return;
    }
    // "Paul Manafort": a surname of the story's people stays theirs.
    let people = story_surnames(raws, &text_of);
    // "Titanfall developer" once, "the game 'Titanfall'" many times: a word typed otherwise
    // more often than as an organisation, outside title case, is left to its mentions.
    let votes = kind_votes(raws, &text_of, &in_head);
    let orgs: HashSet<&str> = orgs
        .into_iter()
        .filter(|w| !people.contains(*w))
        .filter(|w| {
            votes
                .get(w)
                .is_none_or(|v| 2 * v[slot(Kind::Org)] >= v.iter().sum::<usize>())
        })
        .collect();
    for (d, _, r) in raws.iter_mut() {
        // A product stays one ("KitKat" bars of the maker "KitKat").
        if single(*d, r).is_some_and(|w| orgs.contains(w))
            && matches!(r.kind, None | Some(Kind::Per | Kind::Loc))
        {
            r.kind = Some(Kind::Org);
            r.weak = false;
        }
    }
}

/// One kind per story: a name the gazetteer does not hold, typed by its own words around it
/// outside title case (`in_head` tells title-case text) mostly as one kind, is that kind in all
/// its mentions ("the game 'Titanfall'" many times, "Titanfall developer" and "Insider claims
/// Titanfall has" once each), title-case headlines and doubtful mentions included. A word that
/// ends the name of one of the story's people is left to the merging, which makes it theirs.
pub(super) fn one_kind_per_story<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
    in_head: impl Fn(usize, Span) -> bool,
) {
    let votes = kind_votes(raws, &text_of, &in_head);
    let surnames = story_surnames(raws, &text_of);
    let known: HashSet<&str> = raws
        .iter()
        .filter(|(_, _, r)| r.gaz.is_some())
        .map(|(d, _, r)| r.span.of(text_of(*d)))
        .collect();
    let decided: HashMap<&str, Kind> = votes
        .into_iter()
        .filter(|(name, _)| !known.contains(name) && !surnames.contains(name))
        .filter_map(|(name, v)| {
            let total: usize = v.iter().sum();
            let (i, best) = v.iter().enumerate().max_by_key(|(_, c)| **c)?;
            (total >= MIN_VOTES && 2 * best > total).then_some((name, KINDS[i]))
        })
        .collect();
    if decided.is_empty() {
        return;
    }
    for (d, _, r) in raws.iter_mut() {
        if r.gaz.is_some() {
            continue;
        }
        if let Some(&k) = decided.get(r.span.of(text_of(*d))) {
            r.kind = Some(k);
            r.weak = false;
        }
    }
}

/// For each name, how many of its mentions outside title case a cue typed as each kind (in the
/// order of [`KINDS`]); mentions in doubt do not vote.
fn kind_votes<'a>(
    raws: &[(usize, Option<usize>, Raw)],
    text_of: &impl Fn(usize) -> &'a str,
    in_head: &impl Fn(usize, Span) -> bool,
) -> HashMap<&'a str, [usize; 4]> {
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    for (d, _, r) in raws {
        if let Some(k) = r.kind.filter(|_| !r.weak && !in_head(*d, r.span)) {
            let name = r.span.of(text_of(*d));
            votes.entry(name).or_default()[slot(k)] += 1;
        }
    }
    votes
}

/// The last words of the story's people named in several words ("Manafort" of "Paul
/// Manafort"): a lone mention of one is left to the merging, which makes it theirs.
fn story_surnames<'a>(
    raws: &[(usize, Option<usize>, Raw)],
    text_of: &impl Fn(usize) -> &'a str,
) -> HashSet<&'a str> {
    raws.iter()
        .filter(|(_, _, r)| r.kind == Some(Kind::Per))
        .map(|(d, _, r)| r.span.of(text_of(*d)))
        .filter(|name| name.contains(' '))
        .filter_map(|name| name.split_whitespace().last())
        .collect()
}

/// A kind's place in a vote's counts ([`KINDS`]).
fn slot(kind: Kind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The kinds in the order of a vote's counts.
const KINDS: [Kind; 4] = [Kind::Per, Kind::Loc, Kind::Org, Kind::Misc];

/// The fewest typed mentions outside title case that settle a name's kind for its story.
const MIN_VOTES: usize = 2;

/// "The Dragon Waiting is a cabinet of wonders": where the story names a work "The Dragon
/// Waiting", a mention "Dragon Waiting" right after a "The" (which the scan drops at a
/// sentence's start) is that work, with its "The".
pub(super) fn works_keep_the<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
) {
    let works: HashSet<&str> = raws
        .iter()
        .filter(|(_, _, r)| r.kind == Some(Kind::Misc) && r.gaz.is_none())
        .map(|(d, _, r)| r.span.of(text_of(*d)))
        .filter(|w| w.starts_with("The ") && w.contains(' '))
        .collect();
    if works.is_empty() {
        return;
    }
    for (d, _, r) in raws.iter_mut() {
        let text = text_of(*d);
        let with_the =
            r.span.start >= 4 && text.get(r.span.start - 4..r.span.start) == Some("The ");
        if with_the && works.contains(&text[r.span.start - 4..r.span.end]) {
            r.span.start -= 4;
            r.full.start = r.full.start.min(r.span.start);
            r.retype(Kind::Misc);
        }
    }
}

/// "near The Geysers", "The Commercial Appeal reported": a capitalised "The" inside a
/// sentence is no part of a place's or an organisation's name that no list knows (a listed
/// name keeps its own: "The Hague"). Runs to the end of the mentions' typing.
pub(super) fn the_outside_places_and_organisations<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
) {
    for (d, _, r) in raws.iter_mut() {
        if r.gaz.is_some() || !matches!(r.kind, Some(Kind::Loc | Kind::Org)) {
            continue;
        }
        let name = r.span.of(text_of(*d));
        if name
            .strip_prefix("The ")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        {
            if r.full.start == r.span.start {
                r.full.start += 4;
            }
            r.span.start += 4;
        }
    }
}

/// The span of the `nth` occurrence of `w` in `text` (test set-up).
#[cfg(test)]
fn nth_span(text: &str, nth: usize, w: &str) -> Span {
    let s = text.match_indices(w).nth(nth).expect("word").0;
    Span::new(s, s + w.len())
}

#[cfg(test)]
mod story_tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn a_capitalised_the_stays_outside_an_unlisted_place_or_organisation() {
        let text = "They met near The Geysers. The Commercial Appeal said so. The Dark Overlord";
        let sp = |w: &str| nth_span(text, 0, w);
        let mut raws = vec![
            (0, None, Raw::typed(sp("The Geysers"), Kind::Loc)),
            (0, None, Raw::typed(sp("The Commercial Appeal"), Kind::Org)),
            (0, None, Raw::typed(sp("The Dark Overlord"), Kind::Per)),
            (0, None, Raw::known(sp("The Geysers"), Kind::Loc, 0)),
        ];
        the_outside_places_and_organisations(&mut raws, |_| text);
        let names: Vec<&str> = raws.iter().map(|r| r.2.span.of(text)).collect();
        assert_eq!(
            names,
            [
                "Geysers",
                "Commercial Appeal",
                "The Dark Overlord",
                "The Geysers"
            ]
        );
        assert_eq!(raws[0].2.full, raws[0].2.span);
    }

    #[test]
    fn a_word_typed_an_organisation_once_is_one_everywhere() {
        let text = "Chimerix executives met. Chimerix said no. Paris said no. Paul Paris";
        let sp = |nth: usize, w: &str| nth_span(text, nth, w);
        let mut raws = vec![
            (0, None, Raw::typed(sp(0, "Chimerix"), Kind::Org)),
            (0, None, Raw::typed(sp(1, "Chimerix"), Kind::Per)),
            (0, None, Raw::typed(sp(0, "Paris"), Kind::Per)),
            (0, None, Raw::typed(sp(0, "Paul Paris"), Kind::Per)),
            (0, None, Raw::typed(sp(1, "Paris"), Kind::Org)),
        ];
        organisations_everywhere(&mut raws, |_| text, |_, _| false);
        assert_eq!(raws[1].2.kind, Some(Kind::Org));
        assert_eq!(raws[2].2.kind, Some(Kind::Per));
    }

    #[test]
    fn an_organisation_cue_in_title_case_or_outvoted_stays_put() {
        let text = "Auditions Executives Quit. Auditions said no. Titanfall developer. \
                    'Titanfall' and 'Titanfall' ship. Titanfall said";
        let sp = |nth: usize, w: &str| nth_span(text, nth, w);
        let head = sp(0, "Auditions Executives Quit");
        let mut raws = vec![
            (0, None, Raw::typed(sp(0, "Auditions"), Kind::Org)),
            (0, None, Raw::typed(sp(1, "Auditions"), Kind::Per)),
            (0, None, Raw::typed(sp(0, "Titanfall"), Kind::Org)),
            (0, None, Raw::typed(sp(1, "Titanfall"), Kind::Misc)),
            (0, None, Raw::typed(sp(2, "Titanfall"), Kind::Misc)),
            (0, None, Raw::typed(sp(3, "Titanfall"), Kind::Per)),
        ];
        let in_head = |_, s: Span| head.start <= s.start && s.end <= head.end;
        organisations_everywhere(&mut raws, |_| text, in_head);
        // The cue in the title-case line counts for that line only.
        assert_eq!(raws[1].2.kind, Some(Kind::Per));
        // One organisation cue against two works and a person: no spreading.
        assert_eq!(raws[5].2.kind, Some(Kind::Per));
    }

    #[test]
    fn a_given_name_that_opens_a_company_of_the_story_is_left_to_the_merging() {
        let text = "Chiquita Brands International agreed. Chiquita shares rose. Mr. Chiquita \
                    spoke. Tyson said. Mike Tyson won. Tyson Foods fell.";
        let sp = |nth: usize, w: &str| nth_span(text, nth, w);
        let mut titled = Raw::typed(sp(2, "Chiquita"), Kind::Per);
        titled.full = Span::new(titled.span.start - 4, titled.span.end);
        let mut raws = vec![
            (
                0,
                None,
                Raw::typed(sp(0, "Chiquita Brands International"), Kind::Org),
            ),
            (0, None, Raw::typed(sp(1, "Chiquita"), Kind::Per)),
            (0, None, titled),
            (0, None, Raw::typed(sp(0, "Tyson"), Kind::Per)),
            (0, None, Raw::typed(sp(0, "Mike Tyson"), Kind::Per)),
            (0, None, Raw::typed(sp(0, "Tyson Foods"), Kind::Org)),
        ];
        companies_over_given_names(&mut raws, |_| text);
        assert_eq!(raws[1].2.kind, None);
        // A title makes a person, and a surname of the story's people stays theirs.
        assert_eq!(raws[2].2.kind, Some(Kind::Per));
        assert_eq!(raws[3].2.kind, Some(Kind::Per));
    }

    #[test]
    fn a_work_named_with_the_keeps_it_at_a_sentence_start() {
        let text = "a book called The Dragon Waiting. The Dragon Waiting is good. Dragon Waiting";
        let sp = |nth: usize, w: &str| nth_span(text, nth, w);
        let mut raws = vec![
            (0, None, Raw::typed(sp(0, "The Dragon Waiting"), Kind::Misc)),
            (0, None, Raw::typed(sp(1, "Dragon Waiting"), Kind::Misc)),
            (0, None, Raw::typed(sp(2, "Dragon Waiting"), Kind::Misc)),
        ];
        works_keep_the(&mut raws, |_| text);
        assert_eq!(raws[1].2.span.of(text), "The Dragon Waiting");
        assert_eq!(raws[2].2.span.of(text), "Dragon Waiting");
    }
}

#[cfg(test)]
mod vote_tests {
    use super::*;

    #[test]
    fn a_name_takes_the_kind_most_of_its_story_gives_it() {
        let text = "Titanfall Launch Today. the game 'Titanfall' ships. a look at 'Titanfall'. \
                    Insider says Titanfall sold. Paul Chimerix, Chimerix, 'Chimerix', 'Chimerix'.";
        let sp = |nth: usize, w: &str| nth_span(text, nth, w);
        let head = sp(0, "Titanfall Launch Today");
        let mut doubtful = Raw::typed(sp(0, "Titanfall"), Kind::Misc);
        doubtful.kind = None;
        doubtful.weak = true;
        let mut raws = vec![
            (0, None, doubtful),
            (0, None, Raw::typed(sp(1, "Titanfall"), Kind::Misc)),
            (0, None, Raw::typed(sp(2, "Titanfall"), Kind::Misc)),
            (0, None, Raw::typed(sp(3, "Titanfall"), Kind::Per)),
            (0, None, Raw::typed(sp(0, "Paul Chimerix"), Kind::Per)),
            (0, None, Raw::typed(sp(1, "Chimerix"), Kind::Per)),
            (0, None, Raw::typed(sp(2, "Chimerix"), Kind::Misc)),
            (0, None, Raw::typed(sp(3, "Chimerix"), Kind::Misc)),
        ];
        let in_head = |_, s: Span| head.start <= s.start && s.end <= head.end;
        one_kind_per_story(&mut raws, |_| text, in_head);
        // Two works against one person: a work, in title case and in doubt too.
        assert_eq!(raws[3].2.kind, Some(Kind::Misc));
        assert_eq!(raws[0].2.kind, Some(Kind::Misc));
        assert!(!raws[0].2.weak);
        // A surname of the story's people is left to the merging.
        assert_eq!(raws[5].2.kind, Some(Kind::Per));
    }
}

//! Names that are not runs of capitalised words: titles of works in quotes, which may hold
//! small lower-case words, and pairs of known names joined by a hyphen ("Canada-Russia").

use super::entities::{Kind, Raw};
use super::entity_detect::gaz_kind;
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_all_caps, is_capital};
use crate::model::Span;

/// Small words a title keeps in lower case ("Raise One to Right Now").
const TITLE_SMALL: &[&str] = &[
    "a", "an", "and", "the", "of", "to", "in", "on", "for", "at", "with", "by", "or", "from", "is",
    "be",
];

/// A quoted run in title case is the name of a work (MISC): "The Jinx: The Life and Deaths of
/// Robert Durst", "Raise One to Right Now". It replaces the names found inside it.
pub(super) fn quoted_titles(text: &str, span: Span, out: &mut Vec<Raw>) {
    let sub = span.of(text);
    let mut from = 0;
    let mut found = false;
    while let Some(o) = sub[from..].find(['"', '\u{201c}']) {
        let open = from + o;
        let inner_start = open + sub[open..].chars().next().map_or(1, char::len_utf8);
        let Some(c) = sub[inner_start..].find(['"', '\u{201d}']) else {
            break;
        };
        let close = inner_start + c;
        from = close + sub[close..].chars().next().map_or(1, char::len_utf8);
        let raw = &sub[inner_start..close];
        let inner = raw.trim_end_matches([',', '.', ' ']).trim_start();
        let words: Vec<&str> = inner.split_whitespace().collect();
        let capitals = words.iter().filter(|w| is_capital(w)).count();
        // One capitalised word in quotes inside a sentence, after a word ("in "Jumanji," he
        // played", "NBC's "Today" show"), is a title too; not at the sentence's start.
        let before = sub[..open].trim_end();
        let single = words.len() == 1
            && is_capital(words[0])
            && !is_all_caps(words[0])
            && words[0].chars().all(|c| c.is_alphanumeric() || c == '-')
            && before.ends_with(|c: char| {
                c.is_alphanumeric() || c == ',' || c == '\u{2019}' || c == '\''
            });
        // "Mrs. Doubtfire": the full stop of a title abbreviation is no sentence break.
        let stops = inner.split(". ").count().saturating_sub(1).saturating_sub(
            ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "St. "]
                .iter()
                .map(|a| inner.matches(a).count())
                .sum(),
        );
        let title = single
            || (2..=12).contains(&words.len())
                && capitals >= 2
                && is_capital(words[0])
                && stops == 0
                && words.iter().all(|w| {
                    is_capital(w)
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || TITLE_SMALL.contains(w)
                });
        if !title {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let s = span.start + inner_start + lead;
        let e = s + inner.len();
        out.retain(|r| r.span.end <= s || r.span.start >= e);
        out.push(Raw {
            span: Span::new(s, e),
            full: Span::new(s, e),
            kind: Some(Kind::Misc),
            gaz: None,
            weak: false,
            modifier: false,
        });
        found = true;
    }
    if found {
        out.sort_by_key(|r| r.span.start);
    }
}

/// Words after a hyphen that make the name before it a place: "Charlotte-based",
/// "Cleveland-area", "Austin-headquartered" (people are not "based" anywhere).
const PLACE_COMPOUNDS: &[&str] = &["based", "area", "headquartered", "born"];

/// The known place or nationality before the hyphen of a compound ("Canadian-born"), or any
/// name before a compound that only a place makes ("Charlotte-based", even where the
/// gazetteer knows Charlotte as a given name) when no capitalised word comes right before
/// it (`joined`: "Palo Alto-based" is left to the gazetteer).
pub(super) fn hyphen_prefix(t: &str, start: usize, joined: bool) -> Option<Raw> {
    let (head, tail) = t.split_once('-')?;
    if !is_capital(head) {
        return None;
    }
    let g = Gazetteer::get();
    let span = Span::new(start, start + head.len());
    let known = g
        .find(head, |s, e| s == 0 && e == head.len())
        .into_iter()
        .next()
        .filter(|m| {
            matches!(
                g.entries[m.entry].kind,
                GazKind::Loc | GazKind::Misc | GazKind::Org | GazKind::Media
            )
        });
    if let Some(m) = known {
        return Some(Raw::known(span, gaz_kind(g.entries[m.entry].kind), m.entry));
    }
    // "Glasgow-born", "Orlando-area": a large city that is also a name.
    let place_compound = !joined
        && (PLACE_COMPOUNDS.contains(&tail) || g.is_named_city(head))
        && !is_all_caps(head)
        && head.chars().count() >= 3
        && head.chars().all(char::is_alphabetic);
    place_compound.then(|| Raw::typed(span, Kind::Loc))
}

/// The whole gazetteer name `word` starting at `start`, if there is one.
pub(super) fn known_name(g: &Gazetteer, word: &str, start: usize) -> Option<Raw> {
    if !is_capital(word) {
        return None;
    }
    let m = g
        .find(word, |s, e| s == 0 && e == word.len())
        .into_iter()
        .next()?;
    let kind = g.entries[m.entry].kind;
    (kind != GazKind::Title).then(|| {
        Raw::known(
            Span::new(start, start + word.len()),
            gaz_kind(kind),
            m.entry,
        )
    })
}

/// Words for Americans (or another nation's people) of an origin ("Japanese-Americans",
/// "Mexican American"): with the origin's demonym before them, one group's name.
const GROUP_TAIL: &[&str] = &["American", "Americans", "Canadian", "Canadians"];

/// A demonym hyphen-joined to "Americans" ("Japanese-Americans"): one MISC name.
pub(super) fn ethnic_compound(t: &str, start: usize) -> Option<Raw> {
    let (head, tail) = t.split_once('-')?;
    if !GROUP_TAIL.contains(&tail) {
        return None;
    }
    let g = Gazetteer::get();
    let a = known_name(g, head, start)?;
    (a.kind == Some(Kind::Misc)).then(|| Raw::typed(Span::new(start, start + t.len()), Kind::Misc))
}

/// Joins a nationality and "Americans" written apart ("Japanese Americans") into one name.
pub(super) fn ethnic_groups(text: &str, out: &mut Vec<Raw>) {
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let join = a.kind == Some(Kind::Misc)
            && b.kind == Some(Kind::Misc)
            && a.span.end + 1 == b.span.start
            && &text[a.span.end..b.span.start] == " "
            && GROUP_TAIL.contains(&&text[b.span.start..b.span.end])
            && !GROUP_TAIL.contains(&&text[a.span.start..a.span.end]);
        if join {
            let end = out[k].span.end;
            out[k - 1] = Raw::typed(Span::new(out[k - 1].span.start, end), Kind::Misc);
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Continents and oceans, which make one region name with a hyphen-joined neighbour.
const REGION_PART: &[&str] = &[
    "Asia",
    "Pacific",
    "Atlantic",
    "Africa",
    "Europe",
    "America",
    "Arctic",
    "Mediterranean",
];

/// Both halves of a hyphen-joined pair of known names ("Canada-Russia"), each its own mention.
pub(super) fn hyphen_pair(t: &str, start: usize) -> Option<[Raw; 2]> {
    let (head, tail) = t.split_once('-')?;
    // "Asia-Pacific", "Euro-Atlantic": a continent or ocean joined to another names one region.
    if tail.contains('-') || [head, tail].iter().any(|w| REGION_PART.contains(w)) {
        return None;
    }
    let g = Gazetteer::get();
    // "(D-Minn.)", "R-W.Va.": a party's letter and a state, two mentions.
    if matches!(head, "D" | "R" | "I") {
        let b = known_name(g, tail, start + 2)?;
        return (b.kind == Some(Kind::Loc))
            .then(|| [Raw::typed(Span::new(start, start + 1), Kind::Misc), b]);
    }
    let a = known_name(g, head, start)?;
    let b = known_name(g, tail, start + head.len() + 1)?;
    Some([a, b])
}

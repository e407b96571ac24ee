//! Cues for institutions whose names carry no ordinary organisation word: military units
//! numbered by an ordinal ("442nd Regimental Combat Team"), schools named short ("Bellingham
//! High", "Cedar Hill ISD"), colleges named by their state ("Oregon State"), broadcasters' call
//! signs ("CKY-TV"), and the two-letter postal code of a state after a town ("San Diego, CA").
//! The scan in [`super::entity_detect`] asks these before its general rules.

use super::entities::{Kind, Raw};
use super::entity_context::GazAt;
use super::entity_detect::plain_gap;
use super::entity_words::ORG_SUFFIX;
use super::gazetteer::Gazetteer;
use super::tokens::{is_all_caps, Tok};
use crate::model::Span;

/// Words that end a military unit's name after an ordinal ("82nd Airborne Division", "101st
/// Airborne", "5th Fleet").
const UNIT_WORDS: &[&str] = &[
    "Battalion",
    "Regiment",
    "Brigade",
    "Division",
    "Squadron",
    "Wing",
    "Corps",
    "Fleet",
    "Army",
    "Infantry",
    "Airborne",
    "Cavalry",
    "Artillery",
    "Team",
    "Marines",
    "Command",
    "Group",
    "Precinct",
];

/// A military unit (or a police precinct) named by an ordinal at token `i` and capitalised
/// words ending in a unit's word: "100th Infantry Battalion", "442nd Regimental Combat Team",
/// "82nd Airborne Division". Returns the token after the name.
pub(super) fn military_unit(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks[i].text(text);
    let digits = t.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &t[digits.len()..];
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || !matches!(suffix, "st" | "nd" | "rd" | "th")
    {
        return None;
    }
    let mut end = None;
    let mut k = i + 1;
    while k < toks.len() && k <= i + 4 && plain_gap(toks[k].gap(text)) {
        let w = toks[k].text(text);
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        if UNIT_WORDS.contains(&w) {
            end = Some(k + 1);
        }
        k += 1;
    }
    end
}

/// Short last words of schools' names ("Bellingham High", "Permenter Middle", "Lincoln
/// Elementary", "Cedar Hill ISD"): an organisation after a place or another name.
pub(super) const SCHOOL_SUFFIX: &[&str] = &["High", "Middle", "Elementary", "ISD", "CISD"];

/// US states whose name before "State" names a university (and its teams): "Oregon State",
/// "Ohio State". "New York State" and "Washington State" are more often the states themselves.
const STATE_COLLEGES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Mexico",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Penn",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Virginia",
    "Wayne",
    "Boise",
    "Fresno",
    "San Diego",
    "San Jose",
    "Kent",
    "Ball",
    "Sacramento",
    "Wichita",
    "Youngstown",
];

/// True when `place` followed by "State" names a university ("Oregon State").
pub(super) fn state_college(place: &str) -> bool {
    STATE_COLLEGES.contains(&place)
}

/// True for a broadcaster's call sign with its band ("CKY-TV", "WNBC-TV", "KQED-FM").
pub(super) fn call_sign(w: &str) -> bool {
    w.split_once('-').is_some_and(|(sign, band)| {
        (3..=4).contains(&sign.len())
            && sign.chars().all(|c| c.is_ascii_uppercase())
            && matches!(band, "TV" | "FM" | "AM" | "DT")
    })
}

/// USPS codes of the states and districts, written after a town ("San Diego, CA").
pub(super) const POSTAL: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// True when the word at token `s` is a state's postal code right after a place and a comma
/// ("San Diego, CA", "Tampa, FL").
pub(super) fn postal_state(text: &str, toks: &[Tok], out: &[Raw], s: usize) -> bool {
    POSTAL.contains(&toks[s].text(text))
        && toks[s].gap(text) == ", "
        && out
            .last()
            .is_some_and(|p| p.span.end == toks[s].gap_start && p.kind == Some(Kind::Loc))
}

/// True when the name ending at token `j - 1` is a person's in an illness's name ("Crohn's
/// disease", "Tourette's syndrome"): no entity.
pub(super) fn eponym_illness(text: &str, toks: &[Tok], j: usize) -> bool {
    j < toks.len()
        && matches!(toks[j].gap(text), "'s " | "\u{2019}s " | " ")
        && matches!(toks[j].text(text), "disease" | "syndrome" | "palsy")
}

/// True when the title-case run `s..j` of a headline opens with a person's name: a given name
/// of the list and a surname ("Kathryn Bigelow Wins", "Seamus Murphy"), not an ordinary word
/// ("Grace Period").
pub(super) fn headline_person(text: &str, toks: &[Tok], s: usize, j: usize) -> bool {
    let g = Gazetteer::get();
    let tx = |k: usize| toks[k].text(text);
    s + 2 <= j
        && g.is_first_name(tx(s))
        && !is_all_caps(tx(s))
        && !is_all_caps(tx(s + 1))
        && g.may_be_surname(tx(s + 1))
}

/// Epithets that follow a given name with "the" ("John the Apostle", "Alfred the Great").
const EPITHETS: &[&str] = &[
    "Apostle",
    "Baptist",
    "Evangelist",
    "Theologian",
    "Great",
    "Elder",
    "Younger",
    "Conqueror",
    "Confessor",
];

/// The token after an epithet that goes on the given name ending at token `j - 1` ("John the
/// Apostle").
pub(super) fn epithet(text: &str, toks: &[Tok], j: usize) -> Option<usize> {
    let g = Gazetteer::get();
    (j + 1 < toks.len()
        && g.is_first_name(toks[j - 1].text(text))
        && toks[j].text(text) == "the"
        && plain_gap(toks[j].gap(text))
        && plain_gap(toks[j + 1].gap(text))
        && EPITHETS.contains(&toks[j + 1].text(text)))
    .then_some(j + 2)
}

/// A county's name before a title ("Bexar County Sheriff Javier Salazar", "Los Angeles County
/// Sheriff"), tokens `s..j` (or a lone "County" after a known place, which joins it): pushed as
/// a place, unless the title opens an office's name ("Bexar County Sheriff's Department").
pub(super) fn county_before_title(
    text: &str,
    toks: &[Tok],
    gaz_at: &GazAt,
    out: &mut Vec<Raw>,
    s: usize,
    j: usize,
) {
    let n = toks.len();
    let office = gaz_at[j].is_some_and(|(_, k)| {
        k + 1 < n
            && matches!(toks[k + 1].gap(text), "'s " | "\u{2019}s ")
            && ORG_SUFFIX.contains(&toks[k + 1].text(text))
    });
    if office
        || !matches!(
            toks[j - 1].text(text),
            "County" | "Parish" | "Township" | "Borough"
        )
    {
        return;
    }
    let mut from = s;
    if let Some(p) = out.last().filter(|p| {
        j - s == 1
            && p.kind == Some(Kind::Loc)
            && p.span.end == toks[s].gap_start
            && plain_gap(toks[s].gap(text))
    }) {
        from = toks
            .iter()
            .position(|t| t.span.start == p.span.start)
            .unwrap_or(s);
        out.pop();
    }
    if j - from >= 2 {
        out.push(Raw::typed(span_of(toks, from, j), Kind::Loc));
    }
}

/// The span of tokens `a..b`.
pub(super) fn span_of(toks: &[Tok], a: usize, b: usize) -> Span {
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_signs_and_units() {
        assert!(call_sign("CKY-TV") && call_sign("WNBC-TV") && !call_sign("AK-47"));
        let t = "members of the 442nd Regimental Combat Team fought";
        let toks = super::super::tokens::tokenize(t, Span::new(0, t.len()));
        let i = toks.iter().position(|k| k.text(t) == "442nd").unwrap();
        let j = military_unit(t, &toks, i).unwrap();
        assert_eq!(span_of(&toks, i, j).of(t), "442nd Regimental Combat Team");
        let t = "on 17th Street";
        let toks = super::super::tokens::tokenize(t, Span::new(0, t.len()));
        assert!(military_unit(t, &toks, 1).is_none());
    }
}

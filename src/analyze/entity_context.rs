//! Cues that type a name by the words around it rather than by its own shape: a list it stands
//! in with a known name ("Gannett and GateHouse"), the business nouns around a company ("WeWork's
//! shares", "shares of Tribune"), model designations of products ("737 Max jets", "RAV4") and
//! numbered streets ("17th Street", "101 Highway"). Most unknown names in news carry no title or
//! suffix; these cues catch the commonest of them, and the scan in [`super::entity_detect`]
//! consults them only for a name it could not type otherwise.

use super::entities::{Kind, Raw};
use super::entity_detect::{gaz_kind, plain_gap};
use super::entity_words::is_stop;
use super::entity_words::{BUSINESS_AFTER, BUSINESS_BEFORE, BUSINESS_OF, PRODUCT_AFTER};
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_capital, Tok};
use crate::model::Span;

/// Gazetteer match starting at each token: (entry, last token).
pub(super) type GazAt = [Option<(usize, usize)>];

/// True for the words between two names of a list; a comma alone only between names that are
/// no person's ("Scott Kirby, United's president" is an apposition).
fn coordinator(gap: &str, kind: Kind) -> bool {
    match gap.trim() {
        "and" | ", and" | "or" | ", or" => true,
        "," => kind != Kind::Per,
        _ => false,
    }
}

/// The type of a known name in a list with the untyped name at tokens `s..j`: the mention just
/// before it ("Blue Origin and SpaceX" read backwards, "GateHouse and also McClatchy") or the
/// gazetteer name just after it ("Gannett and GateHouse"). Names in one list are most often of
/// one kind.
pub(super) fn coordinated(
    text: &str,
    toks: &[Tok],
    gaz_at: &GazAt,
    out: &[Raw],
    s: usize,
    j: usize,
) -> Option<Kind> {
    let g = Gazetteer::get();
    let n = toks.len();
    // "Sierra Nevada Corporation": a name that goes on is not the whole name.
    if j < n && plain_gap(toks[j].gap(text)) && toks[j].text(text).starts_with(char::is_uppercase) {
        return None;
    }
    let before = out
        .last()
        .and_then(|p| p.kind.filter(|_| !p.weak).map(|k| (p, k)))
        .filter(|(p, k)| {
            p.span.end <= toks[s].span.start
                && coordinator(&text[p.span.end..toks[s].span.start], *k)
        })
        .map(|(_, k)| k);
    if before.is_some() {
        return before;
    }
    if j >= n {
        return None;
    }
    let mut k = j;
    let comma = toks[k].gap(text).trim() == ",";
    if matches!(toks[k].text(text), "and" | "or") && k + 1 < n {
        if !(comma || plain_gap(toks[k].gap(text))) || !plain_gap(toks[k + 1].gap(text)) {
            return None;
        }
        k += 1;
    } else if !comma {
        return None;
    }
    let (e, _) = gaz_at[k]?;
    let kind = g.entries[e].kind;
    let and = k > j;
    (kind != GazKind::Title && (and || kind != GazKind::Per)).then(|| gaz_kind(kind))
}

/// True when business words around tokens `s..j` make the name a company's: a noun after it,
/// possessive or not ("WeWork shares", "WeWork's parent company", "Tribune's former chairman"),
/// or a phrase before it ("shares of Tribune", "a stake in Alden").
pub(super) fn business(text: &str, toks: &[Tok], s: usize, j: usize) -> bool {
    let n = toks.len();
    let tx = |k: usize| toks[k].text(text);
    let after = j < n && {
        let gap = toks[j].gap(text);
        let poss = matches!(gap, "'s " | "\u{2019}s ");
        let k = if poss
            && j + 1 < n
            && matches!(tx(j), "former" | "new" | "parent" | "chief" | "top" | "own")
        {
            j + 1
        } else {
            j
        };
        (plain_gap(gap) || poss) && plain_gap(toks[k].gap(text)) && BUSINESS_AFTER.contains(&tx(k))
    };
    let before = s >= 2
        && plain_gap(toks[s].gap(text))
        && plain_gap(toks[s - 1].gap(text))
        && BUSINESS_OF.contains(&(tx(s - 2), tx(s - 1)))
        || s >= 1 && plain_gap(toks[s].gap(text)) && BUSINESS_BEFORE.contains(&tx(s - 1));
    after || before
}

/// The type of a lone unknown word at token `s` (no ordinary word, no known name, nothing else
/// to type it; `j` is the token after it): after "by" or "with" most often a company or group
/// ("bought by Cadbury", "an attorney with Earthjustice"), after an article or a possessive a
/// product ("a Maserati", "Boeing's Dreamliner"), unless it goes on or stands before a noun
/// ("the Wasilla Bible Church", "a Waitrose supermarket"): then it is another name's part or a
/// modifier.
pub(super) fn lone_unknown(text: &str, toks: &[Tok], s: usize, j: usize) -> Option<Kind> {
    if s == 0 {
        return None;
    }
    let n = toks.len();
    let tx = |k: usize| toks[k].text(text);
    let prev = tx(s - 1);
    let gap = toks[s].gap(text);
    let goes_on = j < n
        && plain_gap(toks[j].gap(text))
        && (is_capital(tx(j)) || !is_stop(&tx(j).to_lowercase()));
    if plain_gap(gap) && matches!(prev, "by" | "with") {
        Some(Kind::Org)
    } else if !goes_on
        && (plain_gap(gap) && matches!(prev, "the" | "a" | "an" | "new")
            || matches!(gap, "'s " | "\u{2019}s "))
    {
        Some(Kind::Misc)
    } else {
        None
    }
}

/// True for an aircraft's or a machine's model number ("737", "787-9", "777x"): three or four
/// digits, maybe a dash and digits or one lower-case letter; not a year.
fn model_number(t: &str) -> bool {
    let (head, tail) = t.split_once('-').unwrap_or((t, ""));
    let digits = head.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let letters = head.len() - digits.len();
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    (3..=4).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && letters <= 1
        && tail.chars().all(|c| c.is_ascii_digit())
        && !year
}

/// A product named by its model number at token `i` ("737 Max jets", "Boeing 787-9
/// Dreamliner"): it counts when a maker of the gazetteer stands right before it or a product
/// noun ("jet", "sedan", "rifle") right after it and the capitalised words that go with it.
/// Returns the first token (the maker's, when it joins) and the token after the name.
pub(super) fn model(text: &str, toks: &[Tok], gaz_at: &GazAt, i: usize) -> Option<(usize, usize)> {
    let n = toks.len();
    let tx = |k: usize| toks[k].text(text);
    if !model_number(tx(i)) {
        return None;
    }
    let mut j = i + 1;
    while j < n
        && j < i + 3
        && plain_gap(toks[j].gap(text))
        && tx(j).starts_with(char::is_uppercase)
        && gaz_at[j].is_none()
    {
        j += 1;
    }
    let g = Gazetteer::get();
    // The maker right before ("Boeing 737"), not a possessive ("Boeing's 787-9").
    let maker = (i.saturating_sub(4)..i).find(|&k| {
        gaz_at[k].is_some_and(|(e, end)| end + 1 == i && g.entries[e].kind == GazKind::Org)
    });
    let maker = maker.filter(|_| plain_gap(toks[i].gap(text)));
    let noun = j < n && plain_gap(toks[j].gap(text)) && PRODUCT_AFTER.contains(&tx(j));
    match maker {
        Some(k) => Some((k, j)),
        None => noun.then_some((i, j)),
    }
}

/// True for a model name of letters and digits ("RAV4", "AK-47", "F-35"): a product, unless it
/// is a broadcaster's call sign ("KCAL9", "WNBC-4").
pub(super) fn model_name(w: &str) -> bool {
    let digit = w.chars().any(|c| c.is_ascii_digit());
    let upper = w.chars().filter(char::is_ascii_uppercase).count();
    let call_sign = (w.starts_with('K') || w.starts_with('W'))
        && w.chars().take(4).all(|c| c.is_ascii_uppercase());
    digit
        && upper >= 1
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && w.len() <= 8
        && !call_sign
}

/// True when `text[sp]` is a time zone's abbreviation after a clock time ("06:00 BST",
/// "10 a.m. EST", "02:00 GMT"): a time zone is no name.
pub(super) fn time_zone(text: &str, sp: Span) -> bool {
    let w = sp.of(text);
    let zone = (2..=5).contains(&w.len())
        && w.chars().all(|c| c.is_ascii_uppercase())
        && (w.ends_with('T') || w == "UTC");
    let before = text[..sp.start].trim_end();
    zone && sp.start > before.len()
        && (before.ends_with(|c: char| c.is_ascii_digit())
            || ["a.m.", "p.m.", "am", "pm", "AM", "PM"]
                .iter()
                .any(|x| before.ends_with(x)))
}

/// True for an interstate highway's short name ("I-40", "I-95"): a road, not a model.
pub(super) fn interstate(w: &str) -> bool {
    w.strip_prefix("I-")
        .is_some_and(|d| (1..=3).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()))
}

/// Street words a number before them belongs with ("101 Highway", "Route 66" is the other way).
const NUMBERED_ROADS: &[&str] = &["Highway", "Freeway", "Expressway", "Interstate", "Turnpike"];
/// Street words after an ordinal ("17th Street", "Fifth Avenue" is a run of its own).
const STREETS: &[&str] = &[
    "Street",
    "St.",
    "Avenue",
    "Ave.",
    "Road",
    "Rd.",
    "Boulevard",
    "Blvd.",
    "Drive",
    "Lane",
    "Place",
    "Parkway",
    "Way",
    "Court",
    "Terrace",
];

/// Road words before a number ("Route 20", "FM 78", "Interstate 5").
const ROAD_HEADS: &[&str] = &["Route", "Highway", "Interstate", "FM", "Hwy.", "SR"];

/// True when the lone unknown word before token `j` is a genus before its species' epithet
/// ("Yersinia pestis", "Escherichia coli"): a Latin lower-case word that is no English one.
pub(super) fn species(text: &str, toks: &[Tok], j: usize) -> bool {
    let g = Gazetteer::get();
    j < toks.len()
        && plain_gap(toks[j].gap(text))
        && {
            let w = toks[j].text(text);
            w.len() >= 4
                && w.chars().all(|c| c.is_ascii_lowercase())
                && ["is", "us", "um", "ae", "ii", "i", "ens", "a"]
                    .iter()
                    .any(|x| w.ends_with(x))
                && !g.is_ordinary(w)
                && !is_stop(w)
        }
        && !g.is_ordinary(toks[j - 1].text(text))
}

/// A numbered road at token `i`: "17th Street", "101 Highway", "Route 20". Returns the token
/// after it.
pub(super) fn numbered_road(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let n = toks.len();
    let t = toks[i].text(text);
    if ROAD_HEADS.contains(&t) && i + 1 < n && plain_gap(toks[i + 1].gap(text)) {
        let next = toks[i + 1].text(text);
        let d = next.trim_end_matches(|c: char| c.is_ascii_uppercase());
        if (1..=4).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()) {
            return Some(i + 2);
        }
    }
    let digits = t.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || i + 1 >= n {
        return None;
    }
    let suffix = &t[digits.len()..];
    let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th");
    if !(ordinal || suffix.is_empty()) || !plain_gap(toks[i + 1].gap(text)) {
        return None;
    }
    let next = toks[i + 1].text(text);
    let fits = if ordinal {
        STREETS.contains(&next)
    } else {
        NUMBERED_ROADS.contains(&next)
    };
    fits.then_some(i + 2)
}

/// True when the title word at token `j` is the surname of the given name at token `i` right
/// before it ("Kevin King", "Carole King", "John Major"): a one-word title in title case after
/// a given name, with no capitalised word after it that the title could stand before
/// ("Kevin King Jones" is left alone).
pub(super) fn title_surname(text: &str, toks: &[Tok], gaz_at: &GazAt, i: usize, j: usize) -> bool {
    let g = Gazetteer::get();
    let n = toks.len();
    let tx = |k: usize| toks[k].text(text);
    j == i + 1
        && g.is_first_name(tx(i))
        && gaz_at[j].is_some_and(|(e, k)| k == j && g.entries[e].kind == GazKind::Title)
        && is_capital(tx(j))
        && tx(j).chars().skip(1).all(char::is_lowercase)
        && plain_gap(toks[j].gap(text))
        && !(j + 1 < n && plain_gap(toks[j + 1].gap(text)) && is_capital(tx(j + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_after_a_clock_time_are_no_names() {
        let text = "at 06:00 BST and 10 a.m. EST, BST said";
        let at = |w: &str, n: usize| {
            let s = text.match_indices(w).nth(n).expect("word").0;
            Span::new(s, s + w.len())
        };
        assert!(time_zone(text, at("BST", 0)) && time_zone(text, at("EST", 0)));
        assert!(!time_zone(text, at("BST", 1)));
    }

    #[test]
    fn interstates_are_roads_not_models() {
        assert!(interstate("I-40") && interstate("I-495"));
        assert!(!interstate("I-") && !interstate("F-35") && !interstate("I-4000"));
    }

    #[test]
    fn model_numbers_and_names() {
        assert!(model_number("737") && model_number("787-9") && model_number("777x"));
        assert!(!model_number("2019") && !model_number("12") && !model_number("300,000"));
        assert!(model_name("RAV4") && model_name("AK-47") && model_name("F-35"));
        assert!(!model_name("KCAL9") && !model_name("NATO") && !model_name("Max"));
    }

    /// Names and the types the scan gives them.
    fn typed(text: &str) -> Vec<(String, Option<Kind>)> {
        let span = crate::model::Span::new(0, text.len());
        super::super::entity_detect::detect(text, span, false)
            .iter()
            .map(|r| (text[r.span.start..r.span.end].to_string(), r.kind))
            .collect()
    }

    #[test]
    fn title_words_suffixes_and_landforms() {
        let has = |t: &str, name: &str, k: Kind| {
            assert!(
                typed(t).contains(&(name.to_string(), Some(k))),
                "{name} in {t:?}: {:?}",
                typed(t)
            )
        };
        has(
            "The professors freed were Kevin King and others.",
            "Kevin King",
            Kind::Per,
        );
        has(
            "He wrote for the Pittsburgh Post-Gazette last year.",
            "Pittsburgh Post-Gazette",
            Kind::Org,
        );
        has(
            "Snow fell on the Tibetan Plateau in winter.",
            "Tibetan Plateau",
            Kind::Loc,
        );
        has(
            "A ruling by the International Court of Justice in May.",
            "International Court of Justice",
            Kind::Org,
        );
        has(
            "Troops of the People\u{2019}s Liberation Army were seen.",
            "People\u{2019}s Liberation Army",
            Kind::Org,
        );
        assert!(
            !typed("The LSE said it was shocked.").contains(&("LSE".to_string(), Some(Kind::Per)))
        );
    }
}

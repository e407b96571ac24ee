//! Cues in a word's shape and in the words around a name that tell what it is: initials, brand
//! spellings, datelines, web addresses, seats of government meant as buildings. Kept apart from
//! the scan in [`super::entity_detect`] so that each cue can be read (and tested) on its own.

use super::entity_detect::plain_gap;
use super::entity_words::CALENDAR;
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_all_caps, is_capital, Tok};
use crate::model::Span;

/// "O.J.", "J.R.": initials that open a person's name.
pub(super) fn initials(w: &str) -> bool {
    w.len() >= 4
        && w.len() % 2 == 0
        && w.as_bytes()
            .chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// A web address ("Backpage.com") or a word with a capital inside ("MarketWatch",
/// "PRNewswire"; not "McDonald", "MacArthur", "DeShawn"): a company's or an outlet's name.
pub(super) fn brand_like(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    if [".com", ".org", ".net", ".co.uk", ".gov"]
        .iter()
        .any(|d| lower.ends_with(d) && lower.len() > d.len() + 1)
    {
        return true;
    }
    let b = w.as_bytes();
    if !w.is_ascii() || b.len() < 5 || !b[0].is_ascii_uppercase() {
        return false;
    }
    // An inner capital after a lower-case letter, with at least three letters before it.
    let inner = (3..b.len() - 1).any(|k| {
        b[k].is_ascii_uppercase() && b[k - 1].is_ascii_lowercase() && b[k + 1].is_ascii_lowercase()
    });
    let caps_then_word = b.len() >= 6
        && b[1].is_ascii_uppercase()
        && (2..b.len() - 1).any(|k| b[k].is_ascii_uppercase() && b[k + 1].is_ascii_lowercase())
        && b.iter().filter(|c| c.is_ascii_lowercase()).count() >= 3;
    let personal_prefix = ["Mac", "Van", "Von", "Der", "Des", "Del", "Della"]
        .iter()
        .any(|p| w.starts_with(p));
    w.chars().all(|c| c.is_ascii_alphanumeric()) && (inner && !personal_prefix || caps_then_word)
}

/// Particles that open a person's surname ("Van Gogh", "De Niro", "Von Braun", "Di Maio").
const PARTICLES: &[&str] = &["Van", "Von", "De", "Di", "Da", "Du"];

/// Two words, a surname's particle and a word that is no ordinary English word ("Van Gogh",
/// "De Niro"): a person's name, whatever preposition stands before it ("in Van Gogh's
/// painting"). Known places with a particle ("Da Nang") are the gazetteer's, found before.
pub(super) fn particle_name(words: &[&str]) -> bool {
    words.len() == 2
        && PARTICLES.contains(&words[0])
        && is_capital(words[1])
        && !is_all_caps(words[1])
        && !Gazetteer::get().is_ordinary(words[1])
}

/// True when token `k` is a model's one capital letter right after the token before it
/// ("Xbox One X", "iPhone X").
pub(super) fn model_letter(text: &str, toks: &[Tok], k: usize) -> bool {
    k < toks.len()
        && toks[k].gap(text) == " "
        && toks[k].text(text).len() == 1
        && toks[k].text(text).chars().all(|c| c.is_ascii_uppercase())
        && toks
            .get(k + 1)
            .is_none_or(|t| !(t.gap(text) == " " && is_capital(t.text(text))))
}

/// True when the capitals of `name` spell `acronym` ("Toxic Substances Control Act", "TSCA").
pub(super) fn spells(name: &str, acronym: &str) -> bool {
    let caps: String = name.chars().filter(char::is_ascii_uppercase).collect();
    caps == acronym
}

/// True when an all-capitals word is a known place in title case ("CAIRO", a dateline).
pub(super) fn capitalised_place(g: &Gazetteer, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let titled: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    g.find(&titled, |s, e| s == 0 && e == titled.len())
        .iter()
        .any(|m| g.entries[m.entry].kind == GazKind::Loc)
}

/// True when the token is part of a social-media handle, a hashtag or a web address: the
/// white-space-delimited chunk holding it starts with "@" or "#" (after an opening bracket) or
/// holds "://", "www." or ".com/".
pub(super) fn in_link(text: &str, tok: Tok) -> bool {
    let from = tok.span.start
        - text[..tok.span.start]
            .rsplit(char::is_whitespace)
            .next()
            .map_or(0, str::len);
    let to = tok.span.end
        + text[tok.span.end..]
            .split(char::is_whitespace)
            .next()
            .map_or(0, str::len);
    let chunk = &text[from..to];
    let head = chunk.trim_start_matches(['(', '[', '"', '\u{201c}']);
    head.starts_with(['@', '#'])
        || chunk.contains("://")
        || chunk.contains("www.")
        || chunk.contains(".com/")
}

/// Seats of government named like their occupants ("the White House said" is the
/// administration).
const SEATS: &[&str] = &[
    "White House",
    "Kremlin",
    "Pentagon",
    "Elysee Palace",
    "Blue House",
];

/// True when the seat of government at tokens `i..=j` is meant as the building: after "at the",
/// "in the", "outside the" and the like, or before "fence", "lawn", "grounds".
pub(super) fn building_sense(text: &str, toks: &[Tok], i: usize, j: usize) -> bool {
    let name = &text[toks[i].span.start..toks[j].span.end];
    if !SEATS.contains(&name) {
        return false;
    }
    let tx = |k: usize| toks[k].text(text);
    let plain = |k: usize| plain_gap(toks[k].gap(text));
    let before = i >= 2
        && tx(i - 1) == "the"
        && plain(i)
        && plain(i - 1)
        && (matches!(
            tx(i - 2),
            "at" | "in" | "inside" | "outside" | "near" | "into" | "around" | "toward" | "towards"
        ) || tx(i - 2) == "from" && i >= 3 && tx(i - 3) == "away");
    let after = j + 1 < toks.len()
        && plain(j + 1)
        && matches!(
            tx(j + 1),
            "fence" | "lawn" | "grounds" | "gate" | "gates" | "residence" | "complex" | "roof"
        );
    before || after
}

/// What a run of capitals opening a paragraph is.
#[derive(Debug, PartialEq)]
pub(super) enum Dateline {
    /// The place of a dateline ("AUSTIN, Texas (AP) —", "MADRID —").
    Place,
    /// A label before a dash ("FILE - In this photo"): no name.
    Label,
}

/// Tells a dateline's place from a caption's label: tokens `s..j`, all in capitals, at the
/// start of a paragraph, followed by a comma, a bracket or a dash.
pub(super) fn dateline(
    text: &str,
    span: Span,
    toks: &[Tok],
    s: usize,
    j: usize,
) -> Option<Dateline> {
    let opens = if s == 0 {
        span.start == 0 || text[..span.start].ends_with('\n')
    } else {
        toks[s].gap(text).contains('\n')
    };
    if !opens || !(s..j).all(|k| is_all_caps(toks[k].text(text))) {
        return None;
    }
    // "PUBLISHED FRIDAY, MARCH 8, 2013": a page's date line, no place.
    let furniture = (s..j).any(|k| {
        let w = toks[k].text(text);
        let mut title = w[..1].to_string();
        title.push_str(&w[1..].to_lowercase());
        CALENDAR.contains(&title.as_str())
            || matches!(w, "PUBLISHED" | "UPDATED" | "POSTED" | "MODIFIED")
    });
    if furniture {
        return Some(Dateline::Label);
    }
    let after = &text[toks[j - 1].span.end..];
    let after = after.strip_prefix('.').unwrap_or(after);
    let dash = [
        "\u{2014}",
        "\u{2013}",
        " \u{2014}",
        " \u{2013}",
        " -",
        "--",
        "-",
    ]
    .iter()
    .any(|d| after.starts_with(d));
    let g = Gazetteer::get();
    if j - s == 1 && dash && g.is_ordinary(toks[s].text(text)) {
        return Some(Dateline::Label);
    }
    // "KANYE WEST (@kanyewest)": the author of an embedded post.
    let bracket = after.starts_with(" (") && !after.starts_with(" (@");
    (dash || after.starts_with(", ") || bracket).then_some(Dateline::Place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::tokenize;

    #[test]
    fn a_page_date_line_is_no_dateline_place() {
        let text = "PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM";
        let toks = tokenize(text, Span::new(0, text.len()));
        let span = Span::new(0, text.len());
        assert_eq!(dateline(text, span, &toks, 0, 2), Some(Dateline::Label));
        let text = "AUSTIN, Texas";
        let toks = tokenize(text, Span::new(0, text.len()));
        let span = Span::new(0, text.len());
        assert_eq!(dateline(text, span, &toks, 0, 1), Some(Dateline::Place));
    }

    #[test]
    fn a_particle_before_an_unknown_word_opens_a_surname() {
        assert!(particle_name(&["Van", "Gogh"]));
        assert!(!particle_name(&["Van", "Service"]));
        assert!(!particle_name(&["Gogh"]));
    }

    #[test]
    fn a_lone_capital_after_a_product_line_is_its_model() {
        let text = "on Xbox One X and PS4";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(model_letter(text, &toks, 3));
        let text = "on Xbox One X Games";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(!model_letter(text, &toks, 3));
    }
}

//! Appositions that say what a name is: "Ascom, a global solutions provider focused on ...",
//! "Dräger, a global producer of medical technology", "Lumos – the charity dedicated to ...".
//! When the head noun of the noun phrase after the comma or dash is a word for a company or
//! an organisation, the name is an organisation, whatever the gazetteer or its position said.

use super::entities::{Kind, Raw};
use super::entity_words::ORG_BEFORE;

/// Head nouns of an apposition that make the name before it an organisation, besides
/// [`ORG_BEFORE`].
const ORG_HEADS: &[&str] = &[
    "provider",
    "producer",
    "developer",
    "supplier",
    "distributor",
    "operator",
    "organisation",
    "organization",
    "nonprofit",
    "non-profit",
    "foundation",
    "charity",
    "agency",
    "corporation",
    "subsidiary",
    "bank",
    "group",
    "company",
];

/// Words that end the noun phrase of an apposition before its head would be passed.
const STOPS: &[&str] = &[
    "of",
    "in",
    "for",
    "that",
    "which",
    "who",
    "with",
    "dedicated",
    "focused",
    "based",
    "known",
    "whose",
    "and",
    "to",
    "on",
    "at",
    "from",
    "founded",
    "specializing",
    "specialising",
    "headquartered",
    "run",
    "owned",
    "led",
];

/// Head nouns of an apposition that make the lone unknown name before it a person ("Fauzi, an
/// official from the local disaster agency").
const PERSON_HEADS: &[&str] = &[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "resident",
    "student",
    "teacher",
    "lawyer",
    "attorney",
    "officer",
    "nurse",
    "doctor",
    "worker",
    "employee",
    "professor",
    "researcher",
    "scientist",
    "analyst",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "neighbor",
    "neighbour",
    "veteran",
    "witness",
    "man",
    "woman",
    "boy",
    "girl",
    "actor",
    "actress",
    "singer",
    "journalist",
    "reporter",
    "pastor",
    "priest",
];

/// The head noun of the apposition that `rest` (the text right after a name) opens, if any.
fn apposition_head(rest: &str) -> Option<&str> {
    let opened = [
        ", a ",
        ", an ",
        ", the ",
        " – the ",
        " — the ",
        " - the ",
        " – a ",
        " — a ",
    ]
    .iter()
    .find_map(|o| rest.strip_prefix(o));
    let phrase = opened?;
    let mut head = "";
    for (k, w) in phrase.split(' ').enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if k == 5 || STOPS.contains(&bare) {
            break;
        }
        // "the Sochi Olympics, the latest being a group ...": no noun phrase.
        let nested = matches!(bare, "a" | "an" | "the" | "being" | "is" | "was");
        if nested || bare.is_empty() || !bare.chars().all(|c| c.is_lowercase() || c == '-') {
            return None;
        }
        head = bare;
        if bare.len() != w.len() {
            break;
        }
    }
    Some(head)
}

/// Whether `rest` (the text right after a name) opens an apposition whose head is a word for
/// an organisation.
fn org_apposition(rest: &str) -> bool {
    apposition_head(rest)
        .is_some_and(|head| ORG_BEFORE.contains(&head) || ORG_HEADS.contains(&head))
}

/// Whether `rest` opens an apposition whose head is a word for a person.
fn person_apposition(rest: &str) -> bool {
    apposition_head(rest).is_some_and(|head| PERSON_HEADS.contains(&head))
}

/// Types as organisations the mentions of `out` in `text` that an apposition calls one, and
/// as people the lone names outside the gazetteer that one calls a person. A person named in
/// full and a work, event or product keep their type ("John Smith, a company spokesman" has
/// the head "spokesman" anyway).
pub(super) fn appositions(text: &str, out: &mut [Raw]) {
    for r in out.iter_mut() {
        let name = r.span.of(text);
        let person = r.kind == Some(Kind::Per) && (name.contains(' ') || r.gaz.is_some());
        if person || matches!(r.kind, Some(Kind::Org | Kind::Misc)) {
            continue;
        }
        if org_apposition(&text[r.span.end..]) {
            r.retype(Kind::Org);
        } else if r.gaz.is_none()
            && !name.contains(' ')
            && r.kind != Some(Kind::Per)
            && person_apposition(&text[r.span.end..])
        {
            // "Fauzi, an official from the agency": a lone unknown name is a person.
            r.retype(Kind::Per);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn an_apposition_headed_by_a_firm_word_makes_an_organisation() {
        assert!(org_apposition(
            ", a global solutions provider focused on healthcare"
        ));
        assert!(org_apposition(", a global producer of medical technology"));
        assert!(org_apposition(" – the charity dedicated to closing"));
        assert!(!org_apposition(", a company spokesman, said"));
        assert!(!org_apposition(", a city of two million"));
        assert!(!org_apposition(", the Texas company"));
        assert!(!org_apposition(", the latest being a group that"));
    }

    #[test]
    fn an_apposition_headed_by_a_person_word_makes_a_person() {
        assert!(person_apposition(
            ", an official from the local disaster agency, told"
        ));
        assert!(person_apposition(", a retired teacher, said"));
        assert!(!person_apposition(", a city of two million"));
        let text = "Fauzi, an official from the agency, told AFP.";
        let mut out = vec![Raw::typed(Span::new(0, 5), Kind::Loc)];
        appositions(text, &mut out);
        assert_eq!(out[0].kind, Some(Kind::Per));
    }

    #[test]
    fn the_mention_before_it_becomes_an_organisation() {
        let text = "Ascom, a global solutions provider, said so. Jane Doe, a charity founder.";
        let mut out = vec![
            Raw::typed(Span::new(0, 5), Kind::Loc),
            Raw::typed(Span::new(45, 53), Kind::Per),
        ];
        appositions(text, &mut out);
        assert_eq!(out[0].kind, Some(Kind::Org));
        assert_eq!(out[1].kind, Some(Kind::Per));
    }
}

//! A large city named like a person ("Orlando", "Cleveland", "Charlotte"), standing alone with
//! nothing that marks a person: the city. The gazetteer leaves such names out of its places, so
//! that "Austin" after "Lloyd" stays a surname; alone ("a judge in Orlando", "Cleveland police")
//! a news story means the place far more often than a person called by a given name.

use super::entities::{Kind, Raw};
use super::entity_words::REPORTING;
use super::gazetteer::Gazetteer;
use super::tokens::{is_all_caps, is_capital};

/// Nouns of kinship before a given name: the name is a relative's.
const KIN: &[&str] = &[
    "husband",
    "wife",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "grandson",
    "granddaughter",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancé",
    "fiancee",
    "fiancée",
];

/// Retypes as places the lone names of `out` that are large cities' names (see the module's
/// summary): no title before them, no capitalised word next to them, no reporting verb after.
pub(super) fn named_cities(text: &str, out: &mut [Raw]) {
    let g = Gazetteer::get();
    for r in out.iter_mut() {
        let name = r.span.of(text);
        if r.gaz.is_some()
            || !matches!(r.kind, None | Some(Kind::Per))
            || r.full != r.span
            || !g.is_named_city(name)
        {
            continue;
        }
        let before = text[..r.span.start].trim_end_matches(' ');
        let prev = before.rsplit([' ', '\n']).next().unwrap_or("");
        let rest = &text[r.span.end..];
        let next = rest
            .strip_prefix(' ')
            .and_then(|x| x.split_whitespace().next())
            .unwrap_or("");
        let next_word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        let joined = before.len() < r.span.start && is_capital(prev)
            || rest.starts_with(' ') && is_capital(next_word);
        let reported = REPORTING.contains(&next_word.to_lowercase().as_str());
        // "her husband Gary": a relative is a person.
        let kin = before.len() < r.span.start && KIN.contains(&prev.to_lowercase().as_str());
        // "Barry and Honey Sherman": a given name sharing the surname of the next person.
        let shared = rest
            .strip_prefix(" and ")
            .map(|x| x.split_whitespace().take(2).collect::<Vec<_>>())
            .is_some_and(|ws| {
                ws.len() == 2
                    && ws.iter().all(|w| {
                        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                        is_capital(w) && !is_all_caps(w)
                    })
                    && (g.is_first_name(ws[0]) || g.is_name_word(ws[0]))
            });
        let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
        if !joined && !reported && !possessive && !kin && !shared {
            r.retype(Kind::Loc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn kind_of(text: &str, name: &str) -> Option<Kind> {
        let start = text.find(name).unwrap();
        let mut out = vec![Raw::typed(Span::new(start, start + name.len()), Kind::Per)];
        named_cities(text, &mut out);
        out[0].kind
    }

    #[test]
    fn a_lone_city_named_like_a_person_is_the_city() {
        assert_eq!(
            kind_of("a judge in Orlando ruled", "Orlando"),
            Some(Kind::Loc)
        );
        assert_eq!(
            kind_of("Cleveland police said", "Cleveland"),
            Some(Kind::Loc)
        );
    }

    #[test]
    fn a_person_stays_a_person() {
        // A surname's neighbour, a reporting verb, a possessive.
        assert_eq!(kind_of("said Tom Cleveland", "Cleveland"), Some(Kind::Per));
        assert_eq!(
            kind_of("Orlando said on Monday", "Orlando"),
            Some(Kind::Per)
        );
        assert_eq!(kind_of("Orlando's lawyer", "Orlando"), Some(Kind::Per));
        // A relative, and a given name sharing the next person's surname.
        assert_eq!(kind_of("her husband Gary, of", "Gary"), Some(Kind::Per));
        assert_eq!(
            kind_of("to Barry and Honey Sherman?", "Barry"),
            Some(Kind::Per)
        );
    }
}

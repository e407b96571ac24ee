//! A large city named like a person ("Orlando", "Cleveland", "Charlotte"), standing alone with
//! nothing that marks a person: the city. The gazetteer leaves such names out of its places, so
//! that "Austin" after "Lloyd" stays a surname; alone ("a judge in Orlando", "Cleveland police")
//! a news story means the place far more often than a person called by a given name.

use super::entities::{Kind, Raw};
use super::entity_words::REPORTING;
use super::gazetteer::Gazetteer;
use super::tokens::is_capital;

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
        let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
        if !joined && !reported && !possessive {
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
    }
}

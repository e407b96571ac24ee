//! The words around a run of capitalised words that tell its kind, for the scan of
//! [`super::entity_detect`]: evidence of a person (a title, a given name, a middle initial, a
//! name-like shape, a reporting verb), a place word or an organisation word before or after
//! it, a town before its state, a town after a person's age.

use super::entity_detect::{plain_gap, Ctx};
use super::entity_run_suffix::Run;
use super::entity_words::DEMONYM_ENDINGS;
use super::entity_words::{LOC_AFTER, ORG_AFTER, ORG_BEFORE, PLACE_BEFORE, PLACE_OF, REPORTING};
use super::gazetteer::GazKind;
use super::tokens::{is_all_caps, is_initial};

/// What the run's words and the words around it say of its kind.
pub(super) struct Evidence<'a> {
    /// The run's words.
    pub(super) words: Vec<&'a str>,
    /// A title, a given name, a middle initial or a name-like shape: a person.
    pub(super) named: bool,
    /// Named, or a lone name-like word by a reporting verb, or a known surname or given name.
    pub(super) personal: bool,
    /// A place word before it ("in Bamako", "the province of Gansu").
    pub(super) after_place_word: bool,
    /// A lone word with a nationality's ending.
    pub(super) demonym: bool,
    /// An organisation word before it.
    pub(super) org_before: bool,
    /// An organisation word after it.
    pub(super) org_after: bool,
    /// A place word after it.
    pub(super) loc_after: bool,
    /// A town before its state or province.
    pub(super) town: bool,
    /// A town after a person's age.
    pub(super) age_of: bool,
    /// A title or a given name: a person unless a stronger cue says otherwise.
    pub(super) strong_person: bool,
    /// A lone name between an article and a place's or a business's noun.
    pub(super) article_noun: bool,
}

impl<'a> Evidence<'a> {
    /// Reads the evidence for `run`.
    pub(super) fn new(cx: &Ctx<'a>, run: &Run) -> Evidence<'a> {
        let (g, text, n) = (cx.g, cx.text, cx.n);
        let (toks, gaz_at) = (&cx.toks[..], &cx.gaz_at[..]);
        let tx = |k: usize| cx.tx(k);
        let Run {
            s,
            j,
            titled,
            last,
            person,
            ..
        } = *run;
        let words: Vec<&str> = (s..j).map(tx).collect();
        let inverted = s > 0
            && REPORTING.contains(&tx(s - 1))
            && !matches!(tx(s - 1), "called" | "calls")
            && plain_gap(toks[s].gap(text));
        let reported = j < n && REPORTING.contains(&tx(j));
        // Evidence of a person: a title, a given name, a middle initial, a two- or three-word
        // name in mixed case that looks like a name (a known surname last, or no ordinary
        // English word in it: "Guan Quanzhi" but not "Woodland Hills"), or a lone name next
        // to a reporting verb that is not an ordinary word ("Hamm said", not "Police say").
        let namelike = |w: &str| g.is_surname(w) || g.is_first_name(w) || !g.is_ordinary(w);
        let named = person
            || g.is_first_name(words[0])
            || words.iter().skip(1).any(|w| is_initial(w))
            || (2..=3).contains(&words.len())
                && !words.iter().any(|w| is_all_caps(w))
                && (g.is_surname(last) || words.iter().all(|w| namelike(w)))
            // "Peyton Manning was": a given name, or a surname that is no ordinary word, before
            // a surname that is also an ordinary word (not a compass point: "Hampton East").
            || words.len() == 2
                && g.is_name_word(last)
                && !matches!(last, "North" | "South" | "East" | "West")
                && (g.is_first_name(words[0]) || g.is_surname(words[0]))
                && !is_all_caps(words[0]);
        // "The LSE said": an acronym before a reporting verb is an organisation.
        let personal = named
            || words.len() == 1
                && (inverted || reported)
                && namelike(words[0])
                && !is_all_caps(words[0])
            || words.len() == 1 && (g.is_surname(words[0]) || g.is_first_name(words[0]))
            // "Warren said": a surname that is also an ordinary word, next to a reporting verb
            // and after no article ("the Court said").
            || words.len() == 1
                && (inverted || reported)
                && g.is_name_word(words[0])
                && !(s > 0 && matches!(tx(s - 1), "the" | "a" | "an" | "The" | "A" | "An"))
            // "the Bush administration", "the Obama era": a leader's surname.
            || words.len() == 1
                && !is_all_caps(words[0])
                && (namelike(words[0]) || g.is_name_word(words[0]))
                && j < n
                && plain_gap(toks[j].gap(text))
                && matches!(tx(j), "administration" | "presidency" | "era");
        // "in Bamako", "the province of Gansu".
        // "a tweet from Elon Musk": after "from", a name that looks like a person's is one.
        let from_person = s > 0 && tx(s - 1) == "from" && words.len() >= 2 && personal;
        let after_place_word = s > 0
            && plain_gap(toks[s].gap(text))
            && !from_person
            && (PLACE_BEFORE.contains(&tx(s - 1).to_lowercase().as_str())
                || s > 1
                    && tx(s - 1) == "of"
                    && PLACE_OF.contains(&tx(s - 2).to_lowercase().as_str()));
        let demonym = j - s == 1 && DEMONYM_ENDINGS.iter().any(|x| tx(s).ends_with(x));
        // Lower-case words around the name that tell its type: "security firm Global Rescue",
        // "the journal, Science" (organisations); "the Venetian resort", "the Exarchia district"
        // (places); "the Nour party".
        let before_word = |k: usize| {
            s >= k && {
                let gap = toks[s].gap(text);
                plain_gap(gap) || gap.trim() == ","
            }
        };
        let org_before = before_word(1) && ORG_BEFORE.contains(&tx(s - 1))
            // "according to the Berkshire Eagle": a source with "the" is an outlet or a body.
            || s >= 3
                && plain_gap(toks[s].gap(text))
                && (tx(s - 3), tx(s - 2), tx(s - 1)) == ("according", "to", "the");
        let next_lower = (j < n && plain_gap(toks[j].gap(text))).then(|| tx(j));
        let loc_after = next_lower.is_some_and(|w| LOC_AFTER.contains(&w));
        let org_after = next_lower.is_some_and(|w| ORG_AFTER.contains(&w));
        // "Forest Hill, Md.": a town before its state or province.
        let town = j + 1 < n && toks[j].gap(text) == ", " && {
            gaz_at[j].is_some_and(|(e, k)| {
                g.entries[e].kind == GazKind::Loc
                    && text[toks[k].span.end..]
                        .chars()
                        .next()
                        .is_none_or(|c| ",.;:)\u{2014}\n".contains(c))
            })
        };
        // "Christopher Tays, 32, of Franklin": the town after a person's age.
        let age_of = s >= 3
            && tx(s - 1) == "of"
            && plain_gap(toks[s].gap(text))
            && toks[s - 1].gap(text) == ", "
            && tx(s - 2).len() <= 3
            && tx(s - 2).chars().all(|c| c.is_ascii_digit());
        let strong_person = person || g.is_first_name(tx(s)) || titled.is_some();
        // "the Carlton hotel", "the Hilton store": a lone given name between an article and a
        // place's or a business's noun is no person.
        let article_noun = words.len() == 1
            && titled.is_none()
            && !person
            && s > 0
            && matches!(tx(s - 1), "the" | "a" | "an")
            && (loc_after || org_after);
        Evidence {
            words,
            named,
            personal,
            after_place_word,
            demonym,
            org_before,
            org_after,
            loc_after,
            town,
            age_of,
            strong_person,
            article_noun,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::entities::Kind;
    use super::super::entity_detect::detect;
    use crate::model::Span;

    /// The kind `detect` gives the mention `name` of `t`, if any.
    fn kind_of(t: &str, name: &str) -> Option<Kind> {
        detect(t, Span::new(0, t.len()), false)
            .into_iter()
            .find(|r| r.span.of(t) == name)
            .and_then(|r| r.kind)
    }

    #[test]
    fn surnames_that_are_ordinary_words_are_people_where_a_name_or_verb_says_so() {
        use Kind::Per;
        // A surname of the list before a surname that is an ordinary word.
        let t = "Yesterday Peyton Manning threw twice.";
        assert_eq!(kind_of(t, "Peyton Manning"), Some(Per));
        // A compass point ends a place's name.
        let t = "Yesterday Hampton East voted.";
        assert_ne!(kind_of(t, "Hampton East"), Some(Per));
        // Next to a reporting verb; not after an article.
        let t = "\"We know,\" Warren said. Later the Court said no.";
        assert_eq!(kind_of(t, "Warren"), Some(Per));
        assert_ne!(kind_of(t, "Court"), Some(Per));
        // A leader's era.
        let t = "It was weakened in the final days of the Bush administration.";
        assert_eq!(kind_of(t, "Bush"), Some(Per));
    }

    #[test]
    fn an_ordinary_word_or_a_common_noun_in_capitals_is_no_organisation() {
        let t = "UPDATE: the NICU got an ICBM and NASA said so.";
        assert_eq!(kind_of(t, "UPDATE"), None);
        assert_eq!(kind_of(t, "NICU"), None);
        assert_eq!(kind_of(t, "ICBM"), None);
        assert_eq!(kind_of(t, "NASA"), Some(Kind::Org));
    }
}

//! Teams named by their city, state or school ("Minnesota beat Buffalo", "New York improved to
//! 14-0-1", "missed New Orleans' season-finale", "Eastern Michigan rolled past Northern
//! Illinois"). In a sports story a place's name right before a result verb or a team's noun,
//! or right after "beat" or "against", stands for its club: an organisation.

use super::entities::{Kind, Raw};

/// Words that make a text a sports story, of which it needs [`SPORTS_NEEDED`].
const SPORTS_WORDS: &[&str] = &[
    "game",
    "games",
    "season",
    "playoffs",
    "playoff",
    "coach",
    "quarterback",
    "touchdown",
    "touchdowns",
    "goals",
    "innings",
    "halftime",
    "overtime",
    "roster",
    "league",
    "scored",
    "rebounds",
    "yards",
    "championship",
    "tournament",
];

/// How many sports words a sports story holds at least.
const SPORTS_NEEDED: usize = 3;

/// Verbs (and verb phrases) of a result after a team's name.
const RESULT_AFTER: &[&str] = &[
    "beat ",
    "beats ",
    "defeated ",
    "edged ",
    "routed ",
    "rolled past ",
    "improved to ",
    "fell to ",
    "lost to ",
    "rallied ",
    "clinched ",
    "blanked ",
    "outscored ",
    "topped ",
];

/// A team's nouns after its name, possessive or not ("New Orleans' season-finale").
const TEAM_NOUNS: &[&str] = &[
    "season",
    "season-finale",
    "game",
    "offense",
    "defense",
    "roster",
    "lineup",
    "coach",
    "quarterback",
    "head coach",
    "bench",
    "fans",
];

/// Words before a team's name ("against Detroit", "beat Buffalo").
const RESULT_BEFORE: &[&str] = &["against", "beat", "beats", "defeated", "past", "edged"];

/// True when `text` reads as a sports story.
fn sports_story(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| SPORTS_WORDS.contains(&w.to_lowercase().as_str()))
        .take(SPORTS_NEEDED)
        .count()
        >= SPORTS_NEEDED
}

/// Whether the place at `r` in `text` stands for its team by the words around it.
fn team_cue(text: &str, r: &Raw) -> bool {
    let after = &text[r.span.end..];
    let after = ["' ", "\u{2019} ", "'s ", "\u{2019}s "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .map(|rest| (rest, true))
        .unwrap_or_else(|| (after.strip_prefix(' ').unwrap_or(""), false));
    let (rest, possessive) = after;
    let verb = !possessive && RESULT_AFTER.iter().any(|v| rest.starts_with(v));
    let noun = possessive
        && TEAM_NOUNS.iter().any(|n| {
            rest.strip_prefix(n)
                .is_some_and(|x| !x.starts_with(char::is_alphanumeric))
        });
    let before = text[..r.span.start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| RESULT_BEFORE.contains(&w));
    verb || noun || before
}

/// Retypes as organisations the places of `raws` (document, sentence, mention) that stand for
/// a team in a sports story. `text_of` gives a document's text.
pub(super) fn teams_by_place<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
) {
    let mut sports: Vec<(usize, bool)> = Vec::new();
    for (d, _, r) in raws.iter_mut() {
        if r.kind != Some(Kind::Loc) {
            continue;
        }
        let text = text_of(*d);
        let is_sports = match sports.iter().find(|x| x.0 == *d) {
            Some(x) => x.1,
            None => {
                let v = sports_story(text);
                sports.push((*d, v));
                v
            }
        };
        if is_sports && team_cue(text, r) {
            r.retype(Kind::Org);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn a_place_before_a_result_in_a_sports_story_is_its_team() {
        let text = "Minnesota beat Buffalo. He missed New Orleans' season-finale. \
                    The game and the season went on; the coach smiled. Paris is big.";
        let at = |w: &str| {
            let s = text.find(w).expect("word");
            Span::new(s, s + w.len())
        };
        let mut raws: Vec<(usize, Option<usize>, Raw)> =
            ["Minnesota", "Buffalo", "New Orleans", "Paris"]
                .iter()
                .map(|w| (0, None, Raw::typed(at(w), Kind::Loc)))
                .collect();
        teams_by_place(&mut raws, |_| text);
        let kinds: Vec<_> = raws.iter().map(|r| r.2.kind).collect();
        assert_eq!(
            kinds,
            [
                Some(Kind::Org),
                Some(Kind::Org),
                Some(Kind::Org),
                Some(Kind::Loc)
            ]
        );
        // Outside a sports story a place stays a place.
        let text = "Minnesota beat Buffalo in a poll.";
        let mut raws = vec![(0, None, Raw::typed(Span::new(0, 9), Kind::Loc))];
        teams_by_place(&mut raws, |_| text);
        assert_eq!(raws[0].2.kind, Some(Kind::Loc));
    }
}

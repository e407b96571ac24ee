//! Teams named by their city, state or school ("Minnesota beat Buffalo", "New York improved to
//! 14-0-1", "missed New Orleans' season-finale", "Eastern Michigan rolled past Northern
//! Illinois"). In a sports story a place's name right before a result verb or a team's noun,
//! or right after "beat" or "against", stands for its club: an organisation. So does a
//! place right before a player's role or its sport ("Houston quarterback Matt Schaub", "North
//! Carolina basketball"), and, once one mention of a place is its team, every other mention of
//! that place in the story that no place's word marks ("in Jacksonville", "Jacksonville, Fla.").

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
    "secondary",
];

/// A player's role or a sport right after a team's name, without a possessive ("Houston
/// quarterback Matt Schaub", "North Carolina basketball").
const ROLE_AFTER: &[&str] = &[
    "quarterback",
    "coach",
    "head coach",
    "basketball",
    "football",
    "baseball",
    "hockey",
    "pitcher",
    "goalkeeper",
    "linebacker",
    "receiver",
    "running back",
    "cornerback",
    "guard",
    "forward",
];

/// Words before a place that keep it a place even where its team is named ("in Jacksonville").
const PLACE_WORDS_BEFORE: &[&str] = &["in", "In", "of", "near", "from", "to"];

/// Words before a team's name ("against Detroit", "beat Buffalo").
const RESULT_BEFORE: &[&str] = &[
    "against", "beat", "beats", "defeated", "past", "edged", "over", "visiting",
];

/// True when `text` reads as a sports story.
fn sports_story(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| SPORTS_WORDS.contains(&w.to_lowercase().as_str()))
        .take(SPORTS_NEEDED)
        .count()
        >= SPORTS_NEEDED
}

/// The word right before the mention `r` of `text`, a space apart.
fn word_before<'a>(text: &'a str, r: &Raw) -> Option<&'a str> {
    text[..r.span.start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
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
    let ends = |list: &[&str]| {
        list.iter().any(|n| {
            rest.strip_prefix(n)
                .is_some_and(|x| !x.starts_with(char::is_alphanumeric))
        })
    };
    let noun = if possessive {
        ends(TEAM_NOUNS)
    } else {
        ends(ROLE_AFTER)
    };
    let before = word_before(text, r).is_some_and(|w| RESULT_BEFORE.contains(&w));
    verb || noun || before
}

/// Retypes as organisations the places of `raws` (document, sentence, mention) that stand for
/// a team in a sports story. `text_of` gives a document's text.
pub(super) fn teams_by_place<'a>(
    raws: &mut [(usize, Option<usize>, Raw)],
    text_of: impl Fn(usize) -> &'a str,
) {
    let mut sports: Vec<(usize, bool)> = Vec::new();
    // (document, name) of the places retyped as their team.
    let mut teams: Vec<(usize, &str)> = Vec::new();
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
            teams.push((*d, r.span.of(text)));
        }
    }
    // The other mentions of a team's place in the same story, unless a place's word marks them.
    if teams.is_empty() {
        return;
    }
    for (d, _, r) in raws.iter_mut() {
        if r.kind != Some(Kind::Loc) {
            continue;
        }
        let text = text_of(*d);
        if teams.contains(&(*d, r.span.of(text))) && !place_marked(text, r) {
            r.retype(Kind::Org);
        }
    }
}

/// True when the words around the place at `r` make it a place ("in Jacksonville",
/// "Jacksonville, Fla.").
fn place_marked(text: &str, r: &Raw) -> bool {
    let before = word_before(text, r).is_some_and(|w| PLACE_WORDS_BEFORE.contains(&w));
    let after = text[r.span.end..]
        .strip_prefix(", ")
        .is_some_and(|x| x.starts_with(char::is_uppercase));
    before || after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// The kinds of the places at `spans` of one story `text` after [`teams_by_place`].
    fn kinds_after(text: &str, spans: &[Span]) -> Vec<Option<Kind>> {
        let mut raws: Vec<(usize, Option<usize>, Raw)> = spans
            .iter()
            .map(|&s| (0, None, Raw::typed(s, Kind::Loc)))
            .collect();
        teams_by_place(&mut raws, |_| text);
        raws.iter().map(|r| r.2.kind).collect()
    }

    #[test]
    fn a_place_before_a_result_in_a_sports_story_is_its_team() {
        let text = "Minnesota beat Buffalo. He missed New Orleans' season-finale. \
                    The game and the season went on; the coach smiled. Paris is big.";
        let at = |w: &str| {
            let s = text.find(w).expect("word");
            Span::new(s, s + w.len())
        };
        let spans = ["Minnesota", "Buffalo", "New Orleans", "Paris"].map(at);
        assert_eq!(
            kinds_after(text, &spans),
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

    #[test]
    fn a_role_after_a_place_and_the_team_s_other_mentions_make_organisations() {
        let text = "Houston quarterback Matt Schaub was hit. The team won over Evansville. \
                    Evansville fans left; the game was played in Evansville. Dallas won a game \
                    and the season ended; the coach smiled.";
        let nth = |w: &str, n: usize| {
            let s = text.match_indices(w).nth(n).expect("word").0;
            Span::new(s, s + w.len())
        };
        let spans = [
            nth("Houston", 0),
            nth("Evansville", 0),
            nth("Evansville", 1),
            nth("Evansville", 2),
            nth("Dallas", 0),
        ];
        assert_eq!(
            kinds_after(text, &spans),
            [
                Some(Kind::Org),
                Some(Kind::Org),
                Some(Kind::Org),
                // "in Evansville" is the town; "Dallas" is no team's name here.
                Some(Kind::Loc),
                Some(Kind::Loc)
            ]
        );
    }
}

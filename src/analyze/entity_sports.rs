//! Sports results: the lines of a results page name teams by their school's or club's place
//! ("Palm Bay d. Rockledge 70-44", "Rockledge (0-1):", "Palm Bay 18 22 13 17 — 70") and
//! players by their surname alone before a statistic ("Tolivert 25 points."). Read from the
//! text around a run of capitalised words, these cues type the run whatever the gazetteer
//! says of it: a team is an organisation, a player a person.

use super::entities::{Kind, Raw};
use crate::model::Span;

/// Words for a player's statistic after a number ("25 points", "6 steals").
const STATS: &[&str] = &[
    "points",
    "rebounds",
    "assists",
    "steals",
    "blocks",
    "goals",
    "saves",
    "tackles",
    "sacks",
    "strikeouts",
    "hits",
    "kills",
    "digs",
    "aces",
    "touchdowns",
    "yards",
    "pts",
    "reb",
    "ast",
];

/// Abbreviations a results line writes between the winner and the loser ("Palm Bay d.
/// Rockledge 70-44").
const DEFEATED: &[&str] = &[" d. ", " def. ", " dec. "];

/// Class years and event roles between a school's team and its athlete ("Wichita West
/// senior David Garcia", "Salina South diver Keetan Munsell").
const ATHLETES: &[&str] = &[
    "senior",
    "junior",
    "sophomore",
    "freshman",
    "diver",
    "swimmer",
    "sprinter",
    "wrestler",
    "golfer",
];

/// Compass words that end a school's name after its town ("Wichita North").
const COMPASS: &[&str] = &["North", "South", "East", "West"];

/// Words that open a football club's name before its city ("Athletic Bilbao").
const CLUBS: &[&str] = &[
    "Athletic",
    "Atletico",
    "Atlético",
    "Sporting",
    "Dynamo",
    "Dinamo",
    "Olympique",
    "Racing",
    "Borussia",
    "Inter",
];

/// Whether `w` is a word of a team's or player's name: capitalised, letters with an
/// apostrophe, hyphen or full stop inside.
fn name_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || "-'.\u{2019}".contains(c))
        && !w.ends_with('.')
}

/// Where the last word of `s` starts: just past its last whitespace.
fn word_start(s: &str) -> usize {
    s.char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// The run of up to three name words that ends right before byte `end` of `text`, on the
/// same line.
fn run_before(text: &str, end: usize) -> Option<Span> {
    let mut start = end;
    for _ in 0..3 {
        let head = &text[..start];
        let from = word_start(head);
        if !name_word(&head[from..]) {
            break;
        }
        start = from;
        if !text[..from].ends_with(' ') {
            break;
        }
        let before = &text[..from - 1];
        let prev = word_start(before);
        if !name_word(&before[prev..]) {
            break;
        }
        start = from - 1;
    }
    let start = start + usize::from(text[start..].starts_with(' '));
    (start < end).then(|| Span::new(start, end))
}

/// The run of up to three name words that starts at byte `start` of `text`, on the same
/// line.
fn run_after(text: &str, start: usize) -> Option<Span> {
    let mut end = start;
    let mut words = 0;
    while words < 3 {
        let rest = &text[end..];
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if !name_word(&rest[..len]) {
            break;
        }
        let next = end + len;
        words += 1;
        end = next;
        if !text[end..].starts_with(' ') {
            break;
        }
        let after = &text[end + 1..];
        let len = after.find(char::is_whitespace).unwrap_or(after.len());
        if !name_word(&after[..len]) {
            break;
        }
        end += 1;
    }
    (words > 0).then(|| Span::new(start, end))
}

/// Whether `s` opens with " N-N" (a score) and, when `record`, whether that score is in
/// brackets ("(1-0)").
fn score_at(s: &str, record: bool) -> bool {
    let Some(s) = s.strip_prefix(if record { " (" } else { " " }) else {
        return false;
    };
    let a = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if a == 0 || !s[a..].starts_with('-') {
        return false;
    }
    let b = &s[a + 1..];
    let n = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
    n > 0 && (!record || b[n..].starts_with(')'))
}

/// Whether `s` opens a score row: numbers by period, a dash, the total ("18 22 13 17 — 70").
fn score_row(s: &str) -> bool {
    let line = s.split('\n').next().unwrap_or("");
    let mut numbers = 0;
    let mut dash = false;
    for w in line.split_whitespace() {
        if w.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if matches!(w, "—" | "–" | "-") && numbers >= 2 && !dash {
            dash = true;
        } else {
            return false;
        }
    }
    dash && numbers >= 3
}

/// Whether `s` opens a player's statistic: " 25 points", " 6 steals".
fn stat_at(s: &str) -> bool {
    let Some(r) = s.strip_prefix(' ') else {
        return false;
    };
    let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
    if n == 0 || !r[n..].starts_with(' ') {
        return false;
    }
    let w = r[n + 1..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    STATS.contains(&w)
}

/// Types the teams and players of the results lines in `span` of `text`: every mention in
/// `out` that overlaps one is replaced by it.
pub(super) fn sports_results(text: &str, span: Span, out: &mut Vec<Raw>) {
    let mut found: Vec<(Span, Kind)> = Vec::new();
    let sub = span.of(text);
    for (at, _) in sub.match_indices(' ') {
        let at = span.start + at;
        let rest = &text[at..];
        // The name words right before this space: every cue below types them.
        let Some(before) = run_before(text, at) else {
            continue;
        };
        let team = score_at(rest, true) || score_row(rest);
        if team || stat_at(rest) {
            found.push((before, if team { Kind::Org } else { Kind::Per }));
        }
        // "Wichita West senior David Garcia", "Salina South diver Keetan Munsell".
        let word = rest[1..].split(' ').next().unwrap_or("");
        let athlete = ATHLETES.contains(&word)
            && rest[1 + word.len()..].starts_with(' ')
            && run_after(text, at + 2 + word.len())
                .is_some_and(|p| text[p.start..p.end].contains(' '));
        if athlete {
            found.push((before, Kind::Org));
        }
        for d in DEFEATED {
            if !rest.starts_with(d) {
                continue;
            }
            let loser = run_after(text, at + d.len());
            let scored = loser.is_some_and(|l| score_at(&text[l.end..], false));
            if let (Some(l), true) = (loser, scored) {
                found.push((before, Kind::Org));
                found.push((l, Kind::Org));
            }
        }
    }
    // "Wichita North's Miguel Bernal": a town and a compass word before a player.
    for (p, _) in sub
        .match_indices("'s ")
        .chain(sub.match_indices("\u{2019}s "))
    {
        let at = span.start + p;
        let Some(r) = run_before(text, at) else {
            continue;
        };
        let last = text[r.start..r.end].rsplit(' ').next().unwrap_or("");
        let player = run_after(text, text[at..].find(' ').map_or(at, |k| at + k + 1))
            .is_some_and(|p| text[p.start..p.end].contains(' '));
        if COMPASS.contains(&last) && r.start + last.len() < r.end && player {
            found.push((r, Kind::Org));
        }
    }
    // "Athletic Bilbao": a club's word before a place is the club.
    for r in out.iter() {
        if r.kind != Some(Kind::Loc) || !text[span.start..r.span.start].ends_with(' ') {
            continue;
        }
        if let Some(c) = run_before(text, r.span.start - 1) {
            let first = text[c.start..c.end].rsplit(' ').next().unwrap_or("");
            if CLUBS.contains(&first) && text[c.end..].starts_with(' ') {
                found.push((Span::new(c.end - first.len(), r.span.end), Kind::Org));
            }
        }
    }
    for (s, kind) in found {
        if s.start < span.start || s.end > span.end {
            continue;
        }
        out.retain(|r| r.span.end <= s.start || r.span.start >= s.end);
        out.push(Raw::typed(s, kind));
    }
    out.sort_by_key(|r| r.span.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Vec<(String, Kind)> {
        let mut out = Vec::new();
        sports_results(text, Span::new(0, text.len()), &mut out);
        out.iter()
            .map(|r| (r.span.of(text).to_string(), r.kind.expect("typed")))
            .collect()
    }

    #[test]
    fn a_results_line_names_two_teams() {
        assert_eq!(
            typed("Palm Bay d. Rockledge 70-44"),
            vec![
                ("Palm Bay".to_string(), Kind::Org),
                ("Rockledge".to_string(), Kind::Org)
            ]
        );
        // No score: an initial, not a result.
        assert!(typed("Mary d. Smith went home").is_empty());
    }

    #[test]
    fn a_record_or_score_row_follows_a_team() {
        assert_eq!(
            typed("Space Coast (0-1): Kairi Thomas-Brooks 18 points."),
            vec![
                ("Space Coast".to_string(), Kind::Org),
                ("Kairi Thomas-Brooks".to_string(), Kind::Per)
            ]
        );
        assert_eq!(
            typed("Rockledge 14 11 6 15 — 44"),
            vec![("Rockledge".to_string(), Kind::Org)]
        );
        assert!(typed("Paris 14 of them").is_empty());
    }

    #[test]
    fn a_surname_before_a_statistic_is_a_player() {
        assert_eq!(
            typed("Baker 6 points. Brown 4 rebounds."),
            vec![
                ("Baker".to_string(), Kind::Per),
                ("Brown".to_string(), Kind::Per)
            ]
        );
        assert!(typed("In 2019 20 points were scored").is_empty());
    }

    #[test]
    fn a_school_before_its_athlete_is_a_team() {
        assert_eq!(
            typed("Wichita West senior David Garcia won."),
            vec![("Wichita West".to_string(), Kind::Org)]
        );
        assert_eq!(
            typed("Wichita North's Miguel Bernal won."),
            vec![("Wichita North".to_string(), Kind::Org)]
        );
        // A place's possessive before a person stays a place.
        assert!(typed("Britain's Theresa May won.").is_empty());
        assert!(typed("a senior official").is_empty());
    }

    #[test]
    fn a_club_word_before_a_place_is_the_club() {
        let text = "They beat Athletic Bilbao.";
        let s = text.find("Bilbao").expect("place");
        let mut out = vec![Raw::typed(Span::new(s, s + 6), Kind::Loc)];
        sports_results(text, Span::new(0, text.len()), &mut out);
        let got: Vec<_> = out.iter().map(|r| (r.span.of(text), r.kind)).collect();
        assert_eq!(got, vec![("Athletic Bilbao", Some(Kind::Org))]);
    }
}

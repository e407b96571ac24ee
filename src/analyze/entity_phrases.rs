//! Names typed by a phrase around them rather than by their own words: a named day ("Black
//! Friday", "Cyber Monday"), a region named by a compass word ("the South", "the Northwest
//! Side"), a people after "ethnic" ("ethnic Tuaregs"), and a work named after a noun that says
//! so ("the novel The Road", "a book called The Dragon Waiting") or after its year
//! ("1972's Toulouse Street"). The scan in [`super::entity_detect`] runs these over its
//! mentions at the end; each replaces the mentions it overlaps.

use super::entities::{Kind, Raw};
use super::entity_detect::plain_gap;
use super::entity_words::{CALENDAR, PLACE_BEFORE, PLACE_OF};
use super::gazetteer::Gazetteer;
use super::tokens::{is_all_caps, is_capital, Tok};
use crate::model::Span;

/// Days of the week (the first seven words of [`CALENDAR`]): a capitalised word before one
/// names a day ("Black Friday").
fn is_weekday(w: &str) -> bool {
    CALENDAR[..7].contains(&w)
}

/// Capitalised words before a weekday that only date it ("Last Friday", "On Monday").
const DATING: &[&str] = &[
    "Last",
    "Next",
    "This",
    "That",
    "Every",
    "Each",
    "On",
    "By",
    "Since",
    "Until",
    "Till",
    "Early",
    "Late",
    "Before",
    "After",
    "Through",
    "From",
    "Between",
    "Of",
    "And",
    "Or",
    "But",
    "Starting",
    "Beginning",
    "Ending",
    "Until",
    "As",
    "Other",
    "Every",
    "Mid",
    "One",
    "Some",
];

/// Compass words that name a region after "the" ("the South", "the Southeast").
const REGIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

/// Nouns for works: a title-case name right after one, or after "called" near one, is a work.
/// Not the ones that are verbs as often ("show", "play", "track"): "polls show Biden".
const WORK_NOUNS: &[&str] = &[
    "book",
    "novel",
    "song",
    "album",
    "film",
    "movie",
    "series",
    "musical",
    "documentary",
    "podcast",
    "painting",
    "poem",
    "single",
    "memoir",
    "opera",
    "sitcom",
    "soundtrack",
    "anthology",
    "biography",
    "episode",
];

/// Verbs of making a work: a title-case run after one that opens with an article is a work
/// ("wrote A Song of Ice and Fire", "recorded The Road to Hell").
const AUTHORING: &[&str] = &[
    "wrote",
    "writes",
    "penned",
    "directed",
    "recorded",
    "released",
    "published",
    "authored",
];

/// Small words a title keeps in lower case between capitalised ones ("The Captain and Me").
const SMALL: &[&str] = &[
    "a", "an", "and", "the", "of", "to", "in", "on", "for", "at", "with", "by", "or", "from", "is",
    "be",
];

/// Puts a mention of `kind` over `sp`, dropping the mentions it overlaps.
fn put(out: &mut Vec<Raw>, sp: Span, kind: Kind) {
    out.retain(|r| r.span.end <= sp.start || r.span.start >= sp.end);
    out.push(Raw::typed(sp, kind));
}

/// The end (exclusive) of a title-case run from token `k`: capitalised words, with small
/// lower-case words between them, on plain gaps; at most ten words. `None` without one.
fn title_run(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let tx = |i: usize| toks[i].text(text);
    if k >= toks.len() || !is_capital(tx(k)) || CALENDAR.contains(&tx(k)) {
        return None;
    }
    let mut end = k + 1;
    let mut i = k + 1;
    // "O.J.: Made in America": a subtitle after a colon.
    while i < toks.len()
        && i < k + 10
        && (plain_gap(toks[i].gap(text)) || toks[i].gap(text) == ": " && i == end)
    {
        let w = tx(i);
        if is_capital(w) && !CALENDAR.contains(&w) {
            end = i + 1;
        } else if !SMALL.contains(&w) {
            break;
        }
        i += 1;
    }
    // "wrote A letter": an article alone is no title.
    (end > k + 1 || !matches!(tx(k), "The" | "A" | "An")).then_some(end)
}

/// The span of tokens `a..b`.
fn span(toks: &[Tok], a: usize, b: usize) -> Span {
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}

/// True when a mention that the gazetteer knows starts at token `k`.
fn known_at(out: &[Raw], tok: &Tok) -> bool {
    out.iter()
        .any(|r| r.gaz.is_some() && r.span.start <= tok.span.start && tok.span.end <= r.span.end)
}

/// "Black Friday", "Cyber Monday", "Super Tuesday": a capitalised word right before a weekday
/// names the day (MISC), unless it only dates it ("Last Friday") or is a name ("Biden Monday").
pub(super) fn named_days(text: &str, toks: &[Tok], out: &mut Vec<Raw>) {
    let g = Gazetteer::get();
    for k in 1..toks.len() {
        let (day, prev) = (toks[k].text(text), toks[k - 1].text(text));
        let named = is_weekday(day)
            && plain_gap(toks[k].gap(text))
            && is_capital(prev)
            && !is_all_caps(prev)
            && !CALENDAR.contains(&prev)
            && !DATING.contains(&prev)
            && !g.is_first_name(prev)
            && (!g.is_surname(prev) || g.is_ordinary(prev))
            && !known_at(out, &toks[k - 1])
            // "in South Richmond Hill Friday": the last word of a longer name dates it.
            && !(k >= 2
                && plain_gap(toks[k - 1].gap(text))
                && is_capital(toks[k - 2].text(text))
                && !DATING.contains(&toks[k - 2].text(text)))
            // "the town of Hama Thursday": a place's name before a date.
            && !(k >= 2 && PLACE_BEFORE.contains(&toks[k - 2].text(text)))
            && !(k >= 3
                && toks[k - 2].text(text) == "of"
                && PLACE_OF.contains(&toks[k - 3].text(text)));
        if named {
            put(out, span(toks, k - 1, k + 1), Kind::Misc);
        }
    }
}

/// "the South", "the Southeast", "the Northwest Side": a compass word after "the" and before
/// no other capitalised word names a region (LOC), and so does one before "Side".
pub(super) fn compass_regions(text: &str, toks: &[Tok], out: &mut Vec<Raw>) {
    let n = toks.len();
    for k in 1..n {
        if !REGIONS.contains(&toks[k].text(text)) || known_at(out, &toks[k]) {
            continue;
        }
        let next_plain = k + 1 < n && plain_gap(toks[k + 1].gap(text));
        let side = next_plain && toks[k + 1].text(text) == "Side";
        let after_the = toks[k - 1].text(text) == "the" && plain_gap(toks[k].gap(text));
        let alone = !(next_plain && is_capital(toks[k + 1].text(text)));
        // A longer name that holds it ("the North Lawn") stays as it is.
        let reach = span(toks, k, k + 1 + usize::from(side));
        let inside = out.iter().any(|r| {
            r.span.start < reach.end
                && reach.start < r.span.end
                && (r.span.start < reach.start || r.span.end > reach.end)
        });
        if side && !inside {
            put(out, reach, Kind::Loc);
        } else if after_the && alone && !inside {
            put(out, span(toks, k, k + 1), Kind::Loc);
        }
    }
}

/// "ethnic Tuaregs", "ethnic Uighur": a capitalised name after "ethnic" is a people (MISC).
pub(super) fn ethnic_people(text: &str, toks: &[Tok], out: &mut Vec<Raw>) {
    for k in 1..toks.len() {
        let w = toks[k].text(text);
        if toks[k - 1].text(text) == "ethnic"
            && plain_gap(toks[k].gap(text))
            && is_capital(w)
            && !is_all_caps(w)
        {
            put(out, toks[k].span, Kind::Misc);
        }
    }
}

/// Works: a title-case run right after a noun for a work ("the novel The Road"), after
/// "called", "titled" or "entitled" with such a noun shortly before ("a book called The Dragon
/// Waiting"), or after a year's possessive ("1972's Toulouse Street") is a work's name (MISC).
/// A run that opens with a given name or a known name is left alone ("the film Tom Hanks
/// made", "2019's Super Bowl").
pub(super) fn works(text: &str, toks: &[Tok], out: &mut Vec<Raw>) {
    let g = Gazetteer::get();
    let tx = |i: usize| toks[i].text(text);
    let mut k = 1;
    while k < toks.len() {
        let prev = tx(k - 1);
        let gap = toks[k].gap(text);
        let work_before =
            |from: usize| (from.saturating_sub(5)..from).any(|i| WORK_NOUNS.contains(&tx(i)));
        // "Martin wrote A Song of Ice and Fire": a title that opens with an article.
        let article = matches!(tx(k), "The" | "A" | "An") && k + 1 < toks.len();
        let cue = plain_gap(gap)
            && (WORK_NOUNS.contains(&prev)
                || matches!(prev, "called" | "titled" | "entitled") && work_before(k - 1)
                || AUTHORING.contains(&prev) && article)
            || matches!(gap, "'s " | "\u{2019}s ")
                && prev.len() == 4
                && prev.chars().all(|c| c.is_ascii_digit())
                && (prev.starts_with("19") || prev.starts_with("20"));
        let run = if cue { title_run(text, toks, k) } else { None };
        match run {
            Some(end) if !g.is_first_name(tx(k)) && !known_at(out, &toks[k]) => {
                put(out, span(toks, k, end), Kind::Misc);
                k = end;
            }
            _ => k += 1,
        }
    }
}

/// "Red Dead Redemption 2", "Grand Theft Auto 5": a name of two or more words that no rule
/// typed as a person or an organisation, followed by a lone digit, is a sequel's title (MISC).
pub(super) fn sequels(text: &str, toks: &[Tok], out: &mut [Raw]) {
    for r in out.iter_mut() {
        let Some(k) = toks.iter().position(|t| t.span.start >= r.span.end) else {
            continue;
        };
        let digit = toks[k].text(text);
        let sequel = plain_gap(toks[k].gap(text))
            && toks[k].gap_start == r.span.end
            && digit.len() == 1
            && ('2'..='9').contains(&digit.chars().next().unwrap_or('0'))
            && r.gaz.is_none()
            && !matches!(r.kind, Some(Kind::Per | Kind::Org))
            && r.span.of(text).split_whitespace().count() >= 2
            // "Gate 4 of": a digit before a noun-like capital or a unit is a number.
            && toks
                .get(k + 1)
                .is_none_or(|t| !plain_gap(t.gap(text)) || !is_capital(t.text(text)));
        if sequel {
            r.span.end = toks[k].span.end;
            r.full.end = r.full.end.max(r.span.end);
            r.kind = Some(Kind::Misc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::tokenize;

    /// The mentions each pass leaves in `text`, as (words, kind).
    fn run(text: &str, pass: fn(&str, &[Tok], &mut Vec<Raw>)) -> Vec<(String, Option<Kind>)> {
        let toks = tokenize(text, Span::new(0, text.len()));
        let mut out = Vec::new();
        pass(text, &toks, &mut out);
        out.sort_by_key(|r| r.span.start);
        out.iter()
            .map(|r| (r.span.of(text).to_string(), r.kind))
            .collect()
    }

    fn one(words: &str, kind: Kind) -> Vec<(String, Option<Kind>)> {
        vec![(words.to_string(), Some(kind))]
    }

    #[test]
    fn a_word_before_a_weekday_names_a_day_unless_it_dates_it() {
        assert_eq!(
            run("deals for Cyber Monday are out", named_days),
            one("Cyber Monday", Kind::Misc)
        );
        assert_eq!(run("Last Friday it rained", named_days), vec![]);
        assert_eq!(run("said John Monday", named_days), vec![]);
    }

    #[test]
    fn a_compass_word_after_the_is_a_region() {
        assert_eq!(
            run("robberies in the South, police said", compass_regions),
            one("South", Kind::Loc)
        );
        assert_eq!(
            run("a day care on the Northwest Side.", compass_regions),
            one("Northwest Side", Kind::Loc)
        );
        assert_eq!(run("from the North Lawn", compass_regions), vec![]);
        assert_eq!(run("they went south", compass_regions), vec![]);
    }

    #[test]
    fn a_digit_after_an_untyped_title_makes_a_sequel() {
        let text = "the Red Dead Redemption 2 port";
        let toks = tokenize(text, Span::new(0, text.len()));
        let mut out = vec![Raw {
            kind: None,
            ..Raw::typed(Span::new(4, 23), Kind::Loc)
        }];
        sequels(text, &toks, &mut out);
        assert_eq!(out[0].span.of(text), "Red Dead Redemption 2");
        assert_eq!(out[0].kind, Some(Kind::Misc));
        let text = "John Smith 2 goals";
        let toks = tokenize(text, Span::new(0, text.len()));
        let mut out = vec![Raw::typed(Span::new(0, 10), Kind::Per)];
        sequels(text, &toks, &mut out);
        assert_eq!(out[0].span.of(text), "John Smith");
    }

    #[test]
    fn a_name_after_ethnic_is_a_people() {
        assert_eq!(
            run("a rebellion by ethnic Tuaregs.", ethnic_people),
            one("Tuaregs", Kind::Misc)
        );
    }

    #[test]
    fn works_follow_their_nouns_and_years() {
        assert_eq!(
            run("The book was called The Dragon Waiting, and", works),
            one("The Dragon Waiting", Kind::Misc)
        );
        assert_eq!(
            run("performances of 1973\u{2019}s The Captain and Me.", works),
            one("The Captain and Me", Kind::Misc)
        );
        assert_eq!(
            run("in the film Parasite last year", works),
            one("Parasite", Kind::Misc)
        );
        assert_eq!(
            run("Martin wrote A Song of Ice and Fire, and", works),
            one("A Song of Ice and Fire", Kind::Misc)
        );
        // A shop called so is no work; a given name after the noun is a person's.
        assert_eq!(run("a shop called Books for Cooks", works), vec![]);
        assert_eq!(run("the film Tom Hanks made", works), vec![]);
    }
}

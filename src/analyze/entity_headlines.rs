//! Headlines: telling title case from sentence case, and the names a title-case headline holds.
//!
//! A headline in sentence case ("Snowden calls for better encryption") keeps its capitals for
//! names, so it is read like a sentence; one in title case ("Police Arrest Miley Cyrus Fan Who
//! Snuck Backstage") capitalises every word, so a capital there says nothing and the names
//! must come from lists and patterns: a given name and a surname anywhere in the run, a quoted
//! title ('True Detective'), and no organisation or place made of a headline's ordinary words
//! ("Oil Falls", "Stock Market News").

use super::entities::{Kind, Raw};
use super::entity_cues::initials;
use super::entity_headline_types::headline_types;
use super::entity_institutions::{headline_person, POSTAL};
use super::entity_words::{
    glued_particle, DEMONYM_ENDINGS, GEO_SUFFIX, LOC_SUFFIX, MEDIA_SUFFIX, MISC_SUFFIX, ORG_SUFFIX,
    REPORTING,
};
use super::gazetteer::Gazetteer;
use super::tokens::{is_all_caps, is_capital, is_initial, Tok};
use crate::clean::{Region, RegionKind};
use crate::model::Span;

/// Words a title-case headline may leave in lower case: articles, conjunctions and short
/// prepositions ("Titanfall to Thunder Into Game Stores", "Oil Falls to Around $101").
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "vs.", "v.", "with", "from", "into", "onto",
    "over", "than", "upon", "out", "amid", "after", "about",
];

/// State postal codes that are also words or common initials ("IN", "OR", "CO"): not read as
/// the state when they stand alone in a headline.
const AMBIGUOUS_POSTAL: &[&str] = &["CO", "HI", "ID", "IN", "MA", "ME", "OK", "OR", "PA"];

/// True when a headline is written in title case, so that its capitals say nothing: no word
/// after the first is a lower-case word that title case would capitalise. "Snowden calls for
/// better encryption", "iOS 7.1 update adds CarPlay support" are in sentence case; "Titanfall
/// to Thunder Into Game Stores Monday Night" is in title case.
pub fn title_case_headline(line: &str) -> bool {
    // A note in brackets keeps its own case ("A Soccer Game (official name to be announced)").
    let mut plain = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    if words.len() <= 1 {
        return words.first().is_some_and(|w| is_capital(w));
    }
    let lower = words
        .iter()
        .skip(1)
        .filter(|w| w.starts_with(char::is_lowercase) && !MINOR.contains(w))
        .count();
    // "He Put His Foot In His Mouth AGAIN!": a lower-case word or two among many capitalised
    // ones is a slip; "Lindsay Lohans reality show Whats the verdict" is in sentence case.
    let capitalised = words.iter().skip(1).filter(|w| is_capital(w)).count();
    lower == 0 || capitalised >= 4 * lower && lower == 1
}

/// The people, and the single words left in doubt, of a run of capitalised tokens `s..j` in a
/// title-case headline: a given name and a surname make a person wherever they stand in the
/// run ("Police Arrest Miley Cyrus Fan"), not only at its start. Each item is a token range,
/// its kind when known, and whether it is only weak.
pub(super) fn title_case_run(
    text: &str,
    toks: &[Tok],
    s: usize,
    j: usize,
) -> Vec<(usize, usize, Option<Kind>, bool)> {
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut k = s;
    while k < j {
        // Past the run's start an ordinary given name ("Will Soon Own") needs a surname that
        // is no ordinary word.
        let named = headline_person(text, toks, k, j)
            && (k == s
                || !g.is_ordinary(toks[k].text(text))
                || !g.is_ordinary(toks[k + 1].text(text)));
        // "Miley Cyrus", "Zac Efron": two names that are no ordinary words, side by side; or
        // initials before one ("J.C. Penney", "J. Crew").
        let lead = toks[k].text(text);
        let pair = k + 1 < j
            && (plain_name(text, toks, k) || is_initial(lead) || initials(lead))
            && plain_name(text, toks, k + 1);
        // "Neil deGrasse Tyson": a particle glued to the surname makes three words.
        let width = if k + 2 < j && glued_particle(toks[k + 1].text(text)) {
            3
        } else {
            2
        };
        if named || pair {
            out.push((k, k + width, Some(Kind::Per), false));
            k += width;
        } else {
            let kind = lone_kind(text, toks, k);
            out.push((k, k + 1, kind, kind.is_none()));
            k += 1;
        }
    }
    out
}

/// Token `k` reads like a personal name: capitalised, in mixed case, letters only (an
/// apostrophe or hyphen inside), no ordinary word, no brand with inner capitals.
fn plain_name(text: &str, toks: &[Tok], k: usize) -> bool {
    let g = Gazetteer::get();
    let w = toks[k].text(text);
    is_capital(w)
        && !is_all_caps(w)
        && w.chars().count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || "-'\u{2019}".contains(c))
        && w.chars()
            .skip(1)
            .all(|c| !c.is_uppercase() || w.starts_with("Mc"))
        && !g.is_ordinary(w)
        && !demonym(w)
}

/// "Nigerian", "Chinese", "Brazilians", "Danish": a nationality's ending.
fn demonym(w: &str) -> bool {
    DEMONYM_ENDINGS.iter().any(|x| w.ends_with(x)) || w.ends_with("ish")
}

/// The kind of a lone word of a title-case headline, when lists tell it: a common surname
/// that is no ordinary word, before a word (its verb), is a person ("Carney Faces Leadership
/// Test"). An abbreviation is
/// left in doubt: in headlines it names an event or a technology ("SXSW", "HD") as often as an
/// organisation.
fn lone_kind(text: &str, toks: &[Tok], k: usize) -> Option<Kind> {
    let g = Gazetteer::get();
    let w = toks[k].text(text);
    // The subject before its verb, as "Faces": not a place at a line's end ("BBC News, Lima").
    let subject = toks
        .get(k + 1)
        .is_some_and(|t| t.gap(text) == " " && is_capital(t.text(text)));
    (subject && plain_name(text, toks, k) && g.is_surname(w) && !g.is_name_word(w))
        .then_some(Kind::Per)
}

/// Whether a name typed by its last word ("Falls", "News", "Show") may stand in a title-case
/// headline: a run of words `words` of which at most four, not all ordinary words besides the
/// last ("Oil Falls", "Stock Market News", "Her Show" are headline words, not names).
pub(super) fn title_case_suffix_ok(words: &[&str]) -> bool {
    let g = Gazetteer::get();
    // A lone suffix word after a known name ("BBC News") stays, but not a verb that could be a
    // team's plural ("Ukraine Rattles Europe").
    let listed = |w: &str| {
        [
            ORG_SUFFIX,
            MEDIA_SUFFIX,
            LOC_SUFFIX,
            MISC_SUFFIX,
            GEO_SUFFIX,
        ]
        .iter()
        .any(|l| l.contains(&w))
    };
    // "Eagle Q4 Profit Falls": a figure or a quarter is no word of a name.
    words.len() == 1 && (listed(words[0]) || !g.is_ordinary(words[0]) || !words[0].ends_with('s'))
        || words.len() <= 4
            && words[..words.len() - 1].iter().any(|w| {
                (!g.is_ordinary(w) || is_all_caps(w)) && !w.chars().any(|c| c.is_ascii_digit())
            })
}

/// The one line of a document that holds nothing else, when it reads like a headline (at most
/// 25 words): a headline that ends with a question or an exclamation mark ("Are you ready for
/// Titanfall?", "Should I Update To Apple iOS 7.1? What Is New?"), which the cleaner keeps as
/// a sentence.
pub fn lone_headline(text: &str, regions: &[Region]) -> Option<Span> {
    match regions {
        [r] if r.kind == RegionKind::Kept => {
            let line = r.span.of(text);
            (!line.contains('\n') && line.split_whitespace().count() <= 25).then_some(r.span)
        }
        _ => None,
    }
}

/// A headline without its wire-service slugs ("COMMODITIES-China fears hit copper",
/// "UPDATE 2-Fed's Fisher says", "RPT-TIMELINE-Men's Wearhouse"): words in capitals, with a
/// number perhaps, glued by a hyphen to the headline's first word.
pub fn without_slug(text: &str, span: Span) -> Span {
    let mut start = span.start;
    loop {
        let rest = &text[start..span.end];
        let Some(h) = rest.find('-') else { break };
        let slug = &rest[..h];
        let after = rest[h + 1..].chars().next();
        let words: Vec<&str> = slug.split_whitespace().collect();
        let ok = !words.is_empty()
            && words.len() <= 3
            && !slug.starts_with(' ')
            && !slug.ends_with(' ')
            && is_all_caps(words[0])
            && words[0].len() >= 3
            && words.iter().all(|w| {
                is_all_caps(w) && w.chars().all(|c| c.is_ascii_uppercase() || c == '/')
                    || w.chars().all(|c| c.is_ascii_digit())
            })
            && after.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || "\"'\u{2018}\u{201c}".contains(c)
            });
        if !ok {
            break;
        }
        start += h + 1;
    }
    Span::new(start, span.end)
}

/// What a headline holds besides its runs of capitals: quoted titles ([`headline_titles`]); a
/// company's legal form after a known company ("Google Inc"); no ticker in brackets ("(URBN)")
/// and no word in capitals for emphasis ("MASSIVE", "LIVE"); a name that is an ordinary word
/// before "says" a person ("Fed's Fisher says"); a lone unknown word in doubt.
pub fn headline_names(text: &str, span: Span, out: &mut Vec<Raw>) {
    let g = Gazetteer::get();
    out.retain(|r| {
        if r.gaz.is_some() {
            return true;
        }
        let name = r.span.of(text);
        let words: Vec<&str> = name.split_whitespace().collect();
        let shouted = words.iter().all(|w| is_all_caps(w))
            && words.iter().any(|w| w.len() >= 4 && g.is_ordinary(w));
        let ticker = words.len() == 1
            && is_all_caps(name)
            && text[..r.span.start].ends_with('(')
            && text[r.span.end..].starts_with(')')
            && !text[span.start..r.span.start]
                .trim_end_matches('(')
                .trim_end()
                .is_empty();
        !shouted && !ticker
    });
    for r in out.iter_mut() {
        // "Why Chiquita (CQB) Is Up Today", "Cannabis Science Inc(OTCMKTS:CBIS)": a name before
        // its stock ticker is a company's.
        if r.gaz.is_none() && (r.weak || r.kind.is_none()) && ticker_after(&text[r.span.end..]) {
            r.kind = Some(Kind::Org);
            r.weak = false;
        }
        if r.kind != Some(Kind::Org) || r.span.end >= span.end {
            continue;
        }
        let rest = &text[r.span.end..span.end];
        let form = [
            "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd.", "Ltd", "plc", "PLC", "AG",
        ]
        .iter()
        .find(|f| {
            rest.strip_prefix(' ')
                .and_then(|x| x.strip_prefix(**f))
                .is_some_and(|x| x.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        });
        if let Some(f) = form {
            r.span.end += 1 + f.len();
            r.full.end = r.full.end.max(r.span.end);
            r.gaz = None;
        }
    }
    // "Fed's Fisher says", "Fisher Says Taper On Track": a name that is also an ordinary word,
    // before a reporting verb, is a person's.
    for r in out.iter_mut() {
        let name = r.span.of(text);
        let next = text[r.span.end..span.end]
            .strip_prefix(' ')
            .and_then(|x| x.split_whitespace().next())
            .map(str::to_lowercase);
        let reported = next.is_some_and(|w| {
            REPORTING.contains(&w.as_str()) && !matches!(w.as_str(), "called" | "calls")
        });
        if reported
            && r.gaz.is_none()
            && (r.weak || r.kind.is_none())
            && !name.contains(' ')
            && is_capital(name)
            && !is_all_caps(name)
            && (g.is_surname(name) || g.is_name_word(name) || g.is_first_name(name))
        {
            r.kind = Some(Kind::Per);
            r.weak = false;
        }
    }
    // "Hoboken, NJ", "Protest In NZ": a US state's postal code, or New Zealand's, standing
    // alone in a headline is the place, not an organisation's initials. Codes that are also
    // words or common initials ("IN", "OR", "ME", "OK", "HI", "CO", "PA", "MA", "ID") are not.
    for r in out.iter_mut() {
        let name = r.span.of(text);
        let postal = POSTAL.contains(&name) && !AMBIGUOUS_POSTAL.contains(&name) || name == "NZ";
        if r.gaz.is_none() && r.kind != Some(Kind::Per) && postal {
            r.kind = Some(Kind::Loc);
            r.weak = false;
        }
    }
    // "Microsoft pins hopes on Titanfall": a lone unknown word with nothing to type it, which
    // mid-sentence would be taken for a place, is in a headline as often a product or a
    // company; it stays only if the article names it too.
    for r in out.iter_mut() {
        let name = r.span.of(text);
        if r.kind.is_none() && r.gaz.is_none() && !name.contains(' ') && !r.modifier {
            r.weak = true;
        }
    }
    headline_titles(text, span, out);
    headline_types(text, span, out);
}

/// True when `rest` opens with a stock ticker in brackets: " (CQB)", "(NYSE:GM)".
fn ticker_after(rest: &str) -> bool {
    let Some(inner) = rest
        .trim_start_matches(' ')
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map(|(a, _)| a)
    else {
        return false;
    };
    let sym = inner.rsplit_once(':').map_or(inner, |(market, sym)| {
        if market.chars().all(|c| c.is_ascii_uppercase()) {
            sym
        } else {
            ""
        }
    });
    (1..=5).contains(&sym.len()) && sym.chars().all(|c| c.is_ascii_uppercase())
}

/// Quoted titles in a headline: a single- or double-quoted run of capitalised words is a work
/// (MISC), "Seth Rogen's 'Neighbors' moves into 'Animal House' zone", "'The Bachelor' finale";
/// one quoted word after "The" is a quotation ("Sales Now In The 'Millions'"). The names found
/// inside are replaced.
fn headline_titles(text: &str, span: Span, out: &mut Vec<Raw>) {
    let sub = span.of(text);
    let chars: Vec<(usize, char)> = sub.char_indices().collect();
    let opens = |c: char| matches!(c, '\'' | '"' | '\u{2018}' | '\u{201c}');
    let closes = |c: char| matches!(c, '\'' | '"' | '\u{2019}' | '\u{201d}');
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let before_ok = k == 0 || !chars[k - 1].1.is_alphanumeric();
        if !(opens(c) && before_ok) {
            k += 1;
            continue;
        }
        // The closing quote: after a non-space, before a non-letter.
        let close = (k + 2..chars.len()).find(|&m| {
            closes(chars[m].1)
                && !chars[m - 1].1.is_whitespace()
                && chars.get(m + 1).is_none_or(|n| !n.1.is_alphanumeric())
        });
        let Some(m) = close else {
            k += 1;
            continue;
        };
        let inner_start = at + c.len_utf8();
        let raw = &sub[inner_start..chars[m].0];
        let inner = raw.trim_end_matches([',', '.', ' ', ':', '?', '!']);
        let words: Vec<&str> = inner.split_whitespace().collect();
        let before = sub[..at].trim_end();
        let small = [
            "a", "an", "and", "the", "of", "to", "in", "on", "for", "at", "with",
        ];
        // "Mother: 'We Will Find Her'": a quotation after a colon that ends the headline.
        let after = sub[chars[m].0 + chars[m].1.len_utf8()..].trim();
        let said = before.ends_with(':') && after.chars().all(|c| !c.is_alphanumeric());
        let title = !said
            && !words.is_empty()
            && words.len() <= 8
            && is_capital(words[0])
            && words
                .iter()
                .all(|w| is_capital(w) || small.contains(w) || w.starts_with(char::is_numeric))
            && !(words.len() == 1 && (before.ends_with("The") || before.ends_with("the")))
            && !(words.len() == 1 && is_all_caps(words[0]));
        if title && !inner.is_empty() {
            let s = span.start + inner_start;
            let e = s + inner.len();
            out.retain(|r| r.span.end <= s || r.span.start >= e);
            out.push(Raw::typed(Span::new(s, e), Kind::Misc));
        }
        k = m + 1;
    }
    out.sort_by_key(|r| r.span.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_case_and_title_case_headlines() {
        assert!(!title_case_headline(
            "Snowden calls for better encryption to protect public"
        ));
        assert!(!title_case_headline("Snowden speaks"));
        assert!(!title_case_headline("iOS 7.1 update adds CarPlay support"));
        assert!(title_case_headline(
            "Titanfall to Thunder Into Game Stores Monday Night"
        ));
        assert!(title_case_headline("Oil Falls to Around $101 After China"));
        assert!(title_case_headline(
            "He Put His Foot In His Mouth AGAIN! 'Bachelor' Juan Pablo Makes R-Word Joke"
        ));
        assert!(title_case_headline("The Energy Weapon"));
        assert!(title_case_headline(
            "A Soccer Game (official name to be announced)"
        ));
    }

    #[test]
    fn quoted_titles_in_headlines() {
        let t = "Seth Rogen's 'Neighbors' moves into 'Animal House' zone, Sales In The 'Millions'";
        let mut out = Vec::new();
        headline_titles(t, Span::new(0, t.len()), &mut out);
        let found: Vec<&str> = out.iter().map(|r| r.span.of(t)).collect();
        assert_eq!(found, ["Neighbors", "Animal House"]);
        let t = "'The Voice:' Watch Singer, in two weeks' time";
        let mut out = Vec::new();
        headline_titles(t, Span::new(0, t.len()), &mut out);
        let found: Vec<&str> = out.iter().map(|r| r.span.of(t)).collect();
        assert_eq!(found, ["The Voice"]);
        let t = "Mother: 'We Will Find Her'";
        let mut out = Vec::new();
        headline_titles(t, Span::new(0, t.len()), &mut out);
        assert!(out.is_empty());
    }

    fn names(t: &str) -> Vec<(String, Option<Kind>)> {
        let mut out = super::super::entity_detect::detect(t, Span::new(0, t.len()), true);
        headline_names(t, Span::new(0, t.len()), &mut out);
        out.iter()
            .filter(|r| !r.weak)
            .map(|r| (r.span.of(t).to_string(), r.kind))
            .collect()
    }

    #[test]
    fn title_case_runs_find_people_abbreviations_and_legal_forms() {
        let found = names("Police Arrest Miley Cyrus Fan Who Snuck Backstage");
        assert!(found.contains(&("Miley Cyrus".into(), Some(Kind::Per))));
        let found = names("Carney Faces Leadership Test, Price Cut for UBS (URBN)");
        assert!(found.contains(&("Carney".into(), Some(Kind::Per))));
        assert!(!found.iter().any(|f| f.0 == "URBN"));
        let found = names("Apple Inc., Google Inc Maps Spat Spills Over");
        assert!(found.contains(&("Google Inc".into(), Some(Kind::Org))));
        let found = names("Fed's Fisher Says Taper On Track");
        assert!(found.contains(&("Fisher".into(), Some(Kind::Per))));
        let found = names("Xbox Goes MASSIVE Again");
        assert!(!found.iter().any(|f| f.0 == "MASSIVE"));
    }

    #[test]
    fn a_glued_particle_and_a_titled_two_word_name_stay_whole() {
        for t in [
            "Neil deGrasse Tyson on Cosmos, the Scientific Method, Religion",
            "How Does Neil deGrasse Tyson's Cosmos Compare to the Original?",
            "Neil deGrasse Tyson tells Stephen Colbert that science is true",
        ] {
            let found = names(t);
            assert!(
                found.contains(&("Neil deGrasse Tyson".into(), Some(Kind::Per))),
                "{t}: {found:?}"
            );
        }
        let found = names("Sen. Rand Paul Says US Must Take Strong Action");
        assert!(
            found.contains(&("Rand Paul".into(), Some(Kind::Per))),
            "{found:?}"
        );
        // An ordinary word after a title in title case is no person.
        let found = names("True Detective Finale Crashes HBO GO");
        assert!(!found.iter().any(|f| f.0 == "Finale"), "{found:?}");
        // A one-word name after a title still ends before the verb.
        let found = names("Sen. Warren Says Banks Must Pay");
        assert!(
            found.contains(&("Warren".into(), Some(Kind::Per))),
            "{found:?}"
        );
    }

    #[test]
    fn a_headline_that_opens_with_a_name_keeps_its_first_word() {
        let found = names("Miley Cyrus Posts Loss As Sales Fall Again");
        assert!(
            found.contains(&("Miley Cyrus".into(), Some(Kind::Per))),
            "{found:?}"
        );
        let found = names("J.K. Rowling Writes Again");
        assert!(
            found.contains(&("J.K. Rowling".into(), Some(Kind::Per))),
            "{found:?}"
        );
        // A quarter is no name, nor the words before a suffix with one among them.
        let found = names("American Eagle Q4 Profit Falls");
        assert!(
            !found
                .iter()
                .any(|f| f.0.contains("Q4") || f.0.contains("Falls")),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_line_is_a_headline() {
        let t = "Are you ready for Titanfall?";
        let r = [Region {
            span: Span::new(0, t.len()),
            kind: RegionKind::Kept,
        }];
        assert_eq!(lone_headline(t, &r), Some(Span::new(0, t.len())));
        assert_eq!(lone_headline(t, &[r[0], r[0]]), None);
    }

    #[test]
    fn slugs_and_tickers() {
        let t = "UPDATE 2-COMMODITIES-China fears hit copper";
        assert_eq!(
            without_slug(t, Span::new(0, t.len())).of(t),
            "China fears hit copper"
        );
        let t = "Ford-Firestone Debacle";
        assert_eq!(without_slug(t, Span::new(0, t.len())).of(t), t);
        let t = "US-China talks";
        assert_eq!(without_slug(t, Span::new(0, t.len())).of(t), t);
        assert!(ticker_after(" (CQB) Is Up Today"));
        assert!(ticker_after("(OTCMKTS:CBIS), HEMP"));
        assert!(!ticker_after(" (Video)"));
    }

    #[test]
    fn a_lone_unknown_word_in_a_headline_is_in_doubt() {
        let t = "Microsoft pins hopes on Titanfall boosting sales";
        let mut out = super::super::entity_detect::detect(t, Span::new(0, t.len()), false);
        headline_names(t, Span::new(0, t.len()), &mut out);
        assert!(out.iter().all(|r| r.span.of(t) != "Titanfall" || r.weak));
    }

    #[test]
    fn headline_words_are_no_names() {
        assert!(!title_case_suffix_ok(&["Oil", "Falls"]));
        assert!(!title_case_suffix_ok(&["Stock", "Market", "News"]));
        assert!(title_case_suffix_ok(&["Jacksonville", "Jaguars"]));
        assert!(title_case_suffix_ok(&["News"]));
        assert!(!title_case_suffix_ok(&["Rattles"]));
    }
}

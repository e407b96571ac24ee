//! Finding mentions in one text, before the story merges them ([`super::entities`]).
//!
//! Gazetteer matches first, then runs of capitalised tokens typed by what surrounds them: a
//! title or honorific before a run makes it a person; an organisation word before it or a
//! place word after it ("security firm Global Rescue", "the Venetian resort", "Forest Hill,
//! Md.") types it; "Hotel", "Agency", "Times" at its end make it a place or an organisation;
//! a given name of the list at its start makes it a person; initials, inner capitals and web
//! addresses tell the rest; for a name still untyped, the words around it decide
//! ([`super::entity_context`]: a list it shares with a known name, business nouns, an article
//! or "by" before a lone unknown word). Model numbers and numbered roads are found here too,
//! though they start with a digit. Sentence-initial and headline words are only *weak*
//! candidates.

use super::entities::{Kind, Raw};
use super::entity_appositions::appositions;
use super::entity_context::{
    business, coordinated, interstate, lone_unknown, model_name, species, time_zone, title_surname,
};
use super::entity_cues::{
    brand_like, capitalised_place, dateline, in_link, initials, particle_name, spells, Dateline,
};
use super::entity_headlines::{title_case_run, title_case_suffix_ok};
use super::entity_institutions::{
    call_sign, county_before_title, epithet, eponym_illness, postal_state, state_college,
    SCHOOL_SUFFIX,
};
use super::entity_joins::{ampersand_names, group_possessives, keep_possessive, possessive_ends};
use super::entity_known::known_name;
use super::entity_nicknames::nicknames;
use super::entity_phrases::{compass_regions, ethnic_people, named_days, sequels, works};
use super::entity_products::editions;
use super::entity_quoted::{ethnic_groups, quoted_titles};
use super::entity_special_tokens::special_token;
use super::entity_sports::sports_results;
use super::entity_words::{is_stop, DEMONYM_ENDINGS};
use super::entity_words::{
    CALENDAR, CONNECT, DIRECTION, GEO_SUFFIX, LOC_AFTER, LOC_HEAD, LOC_SUFFIX, MEDIA_SUFFIX,
    MISC_HEAD, MISC_SUFFIX, NOT_NAMES, ORG_AFTER, ORG_BEFORE, ORG_HEAD, ORG_SUFFIX, PLACE_BEFORE,
    PLACE_OF, REPORTING, ROAD_WORDS,
};
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_all_caps, is_capital, is_initial, tokenize, Tok};
use crate::model::Span;
use std::collections::HashMap;

pub(super) fn candidate(t: &str) -> bool {
    // "Canadian-born", "Moscow-based": a capital before a lower-case compound is no name.
    let compound = t
        .split_once('-')
        .is_some_and(|(_, b)| b.starts_with(char::is_lowercase));
    // "KOs", "CEOs": the plural of an abbreviation is a common noun.
    let plural_abbreviation = t.len() >= 3
        && t.ends_with('s')
        && t[..t.len() - 1].chars().all(|c| c.is_ascii_uppercase());
    (is_capital(t) || is_initial(t))
        && !CALENDAR.contains(&t)
        && !NOT_NAMES.contains(&t)
        && !compound
        && !plural_abbreviation
}

pub(super) fn plain_gap(g: &str) -> bool {
    g.chars().all(char::is_whitespace) && !g.contains('\n')
}

fn opens_sentence(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            '\u{201c}' | '"' | '\u{2018}' | '(' | '\u{2014}' | ':' | '\n' | '.' | '?' | '!' | '|'
        )
    })
}

/// The text being scanned and what is known of its tokens before the scan starts.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) span: Span,
    /// Title-case text, where capitals say nothing.
    pub(super) headline: bool,
    pub(super) g: &'static Gazetteer,
    pub(super) toks: Vec<Tok>,
    pub(super) n: usize,
    /// The token starting at each byte offset.
    pub(super) start_at: HashMap<usize, usize>,
    /// Gazetteer match starting at each token: (entry, last token).
    pub(super) gaz_at: Vec<Option<(usize, usize)>>,
}

impl<'a> Ctx<'a> {
    /// Tokenizes `span` of `text` and finds the gazetteer's matches in it.
    fn new(text: &'a str, span: Span, headline: bool) -> Ctx<'a> {
        let g = Gazetteer::get();
        let toks = tokenize(text, span);
        let n = toks.len();
        let start_at: HashMap<usize, usize> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.span.start, i))
            .collect();
        // "Macy's": a known name may end past a possessive the tokenizer split off.
        let end_at: HashMap<usize, usize> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.span.end, i))
            .chain(possessive_ends(text, &toks))
            .collect();
        let sub = span.of(text);
        let matches = g.find(sub, |s, e| {
            start_at.contains_key(&(span.start + s)) && end_at.contains_key(&(span.start + e))
        });
        let mut gaz_at: Vec<Option<(usize, usize)>> = vec![None; n];
        for m in &matches {
            let (i, j) = (
                start_at[&(span.start + m.start)],
                end_at[&(span.start + m.end)],
            );
            // "Doctor Who": a title before a capitalised stop word is a name's word, no title.
            let before_stop = j + 1 < n && {
                let next = toks[j + 1].text(text);
                is_capital(next) && is_stop(&next.to_lowercase())
            };
            if g.entries[m.entry].kind == GazKind::Title && before_stop {
                continue;
            }
            gaz_at[i] = Some((m.entry, j));
        }
        Ctx {
            text,
            span,
            headline,
            g,
            toks,
            n,
            start_at,
            gaz_at,
        }
    }

    /// The text of token `k`.
    pub(super) fn tx(&self, k: usize) -> &'a str {
        self.toks[k].text(self.text)
    }
}

/// What the scan carries from one token to the next.
pub(super) struct State {
    /// The mentions found so far.
    pub(super) out: Vec<Raw>,
    /// The last title (or place before it): (first token of the full form, token after it).
    pub(super) title: Option<(usize, usize)>,
    /// A place/nationality just before a title.
    pub(super) prefix: Option<(usize, usize)>,
}

/// Finds mention candidates in `span` of `text`. `headline` marks title-case text, where
/// capitals say nothing.
pub fn detect(text: &str, span: Span, headline: bool) -> Vec<Raw> {
    let cx = Ctx::new(text, span, headline);
    let mut st = State {
        out: Vec::new(),
        title: None,
        prefix: None,
    };
    let mut i = 0;
    while i < cx.n {
        i = step(&cx, &mut st, i);
    }
    corrections(&cx, st.out)
}

/// Reads the text from token `i` on and returns the token after what it took.
fn step(cx: &Ctx, st: &mut State, i: usize) -> usize {
    // "@CLewandowski_", "https://t.co/B4C5X6yktu", "#MeToo": handles, addresses and
    // hashtags are no names.
    if in_link(cx.text, cx.toks[i]) {
        return i + 1;
    }
    if let Some(next) = known_name(cx, st, i) {
        return next;
    }
    if let Some(next) = special_token(cx, &mut st.out, i) {
        return next;
    }
    capitalised_run(cx, st, i)
}

/// Reads the run of capitalised words from token `i` and returns the token after it.
fn capitalised_run(cx: &Ctx, st: &mut State, i: usize) -> usize {
    let (g, text, span, headline, n) = (cx.g, cx.text, cx.span, cx.headline, cx.n);
    let (toks, gaz_at, start_at) = (&cx.toks[..], &cx.gaz_at[..], &cx.start_at);
    let tx = |k: usize| cx.tx(k);
    let t = tx(i);
    let out = &mut st.out;
    // The number of tokens a linking phrase ("for the", "of the", "and the") adds to an
    // organisation's name run `i..j`, when one follows and a capitalised word after it.
    let org_link = |j: usize| -> Option<usize> {
        if j + 2 >= n {
            return None;
        }
        let link = tx(j);
        if !matches!(link, "for" | "of" | "and" | "on") {
            return None;
        }
        let the = usize::from(tx(j + 1) == "the");
        let word = j + 1 + the;
        // "UN Relief and Works Agency", "Organization for Security and Cooperation": the
        // words after the link end in an organisation's word.
        let tail_org = || {
            let mut k = word;
            while k < n && k < word + 4 && gaz_at[k].is_none() && candidate(tx(k)) {
                if k > word && !plain_gap(toks[k].gap(text)) {
                    break;
                }
                k += 1;
            }
            k > word && ORG_SUFFIX.contains(&tx(k - 1))
        };
        // "Memorial University of Newfoundland and the University of Utah": two names.
        if link == "and" && ORG_HEAD.contains(&tx(word)) {
            return None;
        }
        let tail = matches!(link, "and" | "for") && the == 0 && tail_org();
        let org = (i..j).any(|k| ORG_SUFFIX.contains(&tx(k)) || ORG_HEAD.contains(&tx(k))) || tail;
        let linked = (i..j).any(|k| tx(k).starts_with(char::is_lowercase)) || tail;
        let ok = org
            && (link != "and" || linked)
            // "International Court of Justice", "Ministry of Defence": "of" right after an
            // organisation's word.
            && (link != "of" || the == 1 || ORG_SUFFIX.contains(&tx(j - 1)))
            && word < n
            && (j..=word).all(|k| plain_gap(toks[k].gap(text)))
            && (gaz_at[word].is_none()
                // "Court of Justice": a title word names the organisation's field.
                || link == "of"
                    && the == 0
                    && gaz_at[word].is_some_and(|(e, k)| {
                        k == word && g.entries[e].kind == GazKind::Title
                    }))
            && candidate(tx(word));
        ok.then_some(word + 1 - j)
    };
    let mut j = i + 1;
    let titled_headline = headline && st.title.is_some_and(|(_, te)| te == i);
    loop {
        // In a headline a title's name ends at the surname ("Blinken Meets …").
        if titled_headline && !Gazetteer::get().is_first_name(tx(j - 1)) && !is_initial(tx(j - 1)) {
            break;
        }
        // "Michael Bloomberg", "Robert Ford": a one-word organisation after a given name is
        // a surname.
        // "John M. Ford": a middle initial between them too.
        let surname_gaz = (j == i + 1 || j == i + 2 && is_initial(tx(i + 1)))
            && j < n
            && g.is_first_name(tx(i))
            && gaz_at[j].is_some_and(|(e, k)| {
                k == j && matches!(g.entries[e].kind, GazKind::Org | GazKind::Media)
            });
        // "In Southern California": the compass word goes with the place after it.
        let compass = j + 1 < n
            && DIRECTION.contains(&tx(j))
            && gaz_at[j + 1]
                .is_some_and(|(e, _)| matches!(g.entries[e].kind, GazKind::Loc | GazKind::Misc));
        // "The Hunger Games", "Commonwealth Games": an event's last word that the gazetteer
        // knows alone ends the run.
        let suffix_gaz = j < n
            && !(j == i + 1 && tx(i) == "The")
            && gaz_at[j].is_some_and(|(e, k)| {
                k == j && g.entries[e].kind == GazKind::Misc && MISC_SUFFIX.contains(&tx(j))
            });
        if j < n
            && (gaz_at[j].is_none()
                || surname_gaz
                || suffix_gaz
                || title_surname(text, toks, gaz_at, i, j))
            && !compass
            && plain_gap(toks[j].gap(text))
            && candidate(tx(j))
        {
            j += 1;
        } else if j + 1 < n
            && CONNECT.contains(&tx(j))
            // "Mike Brown of Caltech": a person's name ends before "of".
            && !(tx(j) == "of" && g.is_first_name(tx(i)) && j - i >= 2)
            && plain_gap(toks[j].gap(text))
            && plain_gap(toks[j + 1].gap(text))
            && gaz_at[j + 1].is_none()
            && candidate(tx(j + 1))
        {
            j += 2;
        } else if let Some(skip) = org_link(j) {
            // "National Association for the Advancement of Colored People": an
            // organisation's long name goes on across "for the", "of the", "and the".
            j += skip;
        } else if let Some((_, k)) = (j + 1 < n && tx(j) == "of")
            .then(|| usize::from(j + 2 < n && tx(j + 1) == "the"))
            .and_then(|the| gaz_at.get(j + 1 + the).copied().flatten())
            // "University of Copenhagen", "Bank of England", "Investigative Committee of
            // the Russian Federation", "Summit of the Americas": a known place after "of".
            .filter(|&(e, _)| {
                g.entries[e].kind == GazKind::Loc
                    && (i..j).any(|k| {
                        ORG_HEAD.contains(&tx(k))
                            || ORG_SUFFIX.contains(&tx(k))
                            || MISC_SUFFIX.contains(&tx(k))
                    })
                    && plain_gap(toks[j].gap(text))
                    && plain_gap(toks[j + 1].gap(text))
            })
        {
            j = k + 1;
            // "University of Texas at Austin": the campus's place.
            if (i..j).any(|k| tx(k) == "University")
                && j + 1 < n
                && tx(j) == "at"
                && plain_gap(toks[j].gap(text))
                && plain_gap(toks[j + 1].gap(text))
                && candidate(tx(j + 1))
            {
                j = gaz_at[j + 1].map_or(j + 2, |(_, k)| k + 1);
            }
        } else {
            break;
        }
    }
    // "John the Apostle", "Alfred the Great": an epithet after a given name.
    if let Some(k) = epithet(text, toks, j) {
        j = k;
    }
    // "Magnolia Waco Properties, LLC": a company's legal form after a comma.
    if j < n
        && toks[j].gap(text) == ", "
        && matches!(
            tx(j),
            "Inc." | "Inc" | "LLC" | "Ltd." | "Ltd" | "Corp." | "Co." | "plc" | "LLP" | "L.P."
        )
    {
        j += 1;
    }
    // "W. County Road 600S", "Highway 101": a road's number after its name.
    if j < n
        && plain_gap(toks[j].gap(text))
        && LOC_SUFFIX.contains(&tx(j - 1))
        && ROAD_WORDS.contains(&tx(j - 1))
        && {
            let w = tx(j);
            let d = w.trim_end_matches(['N', 'S', 'E', 'W']);
            !d.is_empty() && d.len() <= 4 && d.chars().all(|c| c.is_ascii_digit())
        }
    {
        j += 1;
    }
    let mut s = i;
    let initial = i == 0 || opens_sentence(toks[i].gap(text));
    while initial && s + 1 < j && s == i && is_stop(&tx(s).to_lowercase()) {
        s += 1;
    }
    if s == i && j - s == 1 && is_stop(&t.to_lowercase()) {
        return j;
    }
    // "Archaeologist Giles Hamm": a sentence-initial word before a given name, or an
    // ordinary word before a name that ends in a surname.
    if initial
        && s == i
        && j - s >= 3
        && !g.is_first_name(tx(s))
        && (g.is_first_name(tx(s + 1)) || g.is_ordinary(tx(s)) && g.is_surname(tx(j - 1)))
    {
        s += 1;
        // "Courtesy of Linda Hooper": the linking word goes with the word before it.
        if s + 1 < j && CONNECT.contains(&tx(s)) {
            s += 1;
        }
    }
    let initial = initial && (s == i || j - s == 1);
    // "St. John the Theologian": a saint's "St." stands outside the name.
    if tx(s) == "St." && j - s >= 2 && g.is_first_name(tx(s + 1)) && j - s != 3 {
        s += 1;
    }
    // "Room 423", "Category 5": an ordinary word before a number is no name.
    if j - s == 1
        && j < n
        && g.is_ordinary(tx(s))
        && plain_gap(toks[j].gap(text))
        && tx(j).chars().all(|c| c.is_ascii_digit())
    {
        return j;
    }
    // "Crohn's disease": a person's name in an illness's is no mention; nor is a genus
    // before its species ("Yersinia pestis").
    if eponym_illness(text, toks, j) || j - s == 1 && species(text, toks, j) {
        return j;
    }
    // Words right before a title belong to it ("Public Information Officer Karges").
    if j < n
        && plain_gap(toks[j].gap(text))
        && gaz_at[j].is_some_and(|(e, _)| g.entries[e].kind == GazKind::Title)
        && !g.is_first_name(tx(s))
        // "Las Vegas Police Sgt. John Sheahan": an organisation's name before a title.
        && !ORG_SUFFIX.contains(&tx(j - 1))
    {
        // "Bexar County Sheriff Javier Salazar": the county is a place of its own.
        county_before_title(text, toks, gaz_at, out, s, j);
        st.prefix = Some((s, j));
        return j;
    }
    // A title just before the run (a lower-case one may stand before a comma).
    let titled = st.title.filter(|&(_, te)| {
        te == s && {
            let gap = toks[s].gap(text);
            plain_gap(gap) || (gap.trim() == "," && !is_capital(tx(te - 1)))
        }
    });
    let multi = j - s >= 2;
    // "West Avenue K", "W. County Road 600S": a letter or a number after a street's word.
    let last =
        if multi && (tx(j - 1).len() == 1 || tx(j - 1).starts_with(|c: char| c.is_ascii_digit())) {
            tx(j - 2)
        } else {
            tx(j - 1)
        };
    // "Pittsburgh Post-Gazette": the word after a hyphen is the name's suffix.
    let last = match last.rsplit_once('-') {
        // "News-Register", "Times-Picayune": two newspaper words.
        Some((head, tail))
            if ORG_SUFFIX.contains(&head)
                && (MEDIA_SUFFIX.contains(&tail) || ORG_SUFFIX.contains(&tail)) =>
        {
            head
        }
        Some((_, tail)) if ORG_SUFFIX.contains(&tail) || MEDIA_SUFFIX.contains(&tail) => tail,
        _ => last,
    };
    // A lone suffix word right after a known place or organisation ends its name ("West
    // Coast Bank", "Erie County", "Boston Marathon").
    let after_known = j - s == 1
        && out.last().is_some_and(|p| {
            p.gaz.is_some()
                && p.span.end == toks[s].gap_start
                && plain_gap(toks[s].gap(text))
                && (matches!(p.kind, Some(Kind::Loc | Kind::Org))
                    || p.kind == Some(Kind::Misc) && ORG_SUFFIX.contains(&last)
                    // "Tibetan Plateau", "Korean Peninsula": a nationality before a
                    // landform's word names a place.
                    || p.kind == Some(Kind::Misc) && GEO_SUFFIX.contains(&last))
        });
    // "Al-Ahram Center for Social and Historic Studies": an organisation's word before the
    // first linking word.
    let inside = |words: &[&str]| {
        multi
            && (s..j)
                .take_while(|&k| !tx(k).starts_with(char::is_lowercase))
                .any(|k| words.contains(&tx(k)))
            && (s..j).any(|k| tx(k).starts_with(char::is_lowercase))
    };
    let org_inside = inside(ORG_SUFFIX);
    // "Sacramento Bee", "Orange County Register": a newspaper's word after a place.
    let media = MEDIA_SUFFIX.contains(&last)
        && (after_known && out.last().is_some_and(|p| p.kind == Some(Kind::Loc))
            || multi && (s..j - 1).any(|k| LOC_SUFFIX.contains(&tx(k))));
    // "Bellingham High", "Cedar Hill ISD": a school; "Oregon State": a university.
    let school = (multi || after_known) && !headline && SCHOOL_SUFFIX.contains(&last);
    let college = after_known
        && last == "State"
        && out.last().is_some_and(|p| state_college(p.span.of(text)));
    // "Bellingham International Airport": a place's last word outweighs an organisation's
    // first.
    let org_head = ORG_HEAD.contains(&tx(s)) && !LOC_SUFFIX.contains(&last);
    let suffix_kind = if multi && (ORG_SUFFIX.contains(&last) || org_head || org_inside)
        || after_known && ORG_SUFFIX.contains(&last)
        || media
        || school
        || college
    {
        Some(Kind::Org)
    } else if multi
        && (LOC_SUFFIX.contains(&last) || LOC_HEAD.contains(&tx(s)))
        // "Maj. Glenn Hall": after a title, a given name and a surname are a person.
        && !(titled.is_some() && g.is_first_name(tx(s)) && g.is_surname(last))
        || after_known
            && LOC_SUFFIX.contains(&last)
            && out.last().is_some_and(|p| p.kind == Some(Kind::Loc))
        || after_known && GEO_SUFFIX.contains(&last)
    {
        Some(Kind::Loc)
    } else if after_known
        && out.last().is_some_and(|p| p.kind == Some(Kind::Loc))
        && last.len() > 4
        && last.ends_with('s')
        && !is_all_caps(last)
        && !LOC_SUFFIX.contains(&last)
        && !MISC_SUFFIX.contains(&last)
        && !g.is_surname(last)
        && !g.is_first_name(last)
    {
        // "Detroit Pistons", "Texas Rangers": a plural after a place names a team.
        Some(Kind::Org)
    } else if (multi || after_known) && MISC_SUFFIX.contains(&last)
        || inside(MISC_SUFFIX)
        || multi && MISC_HEAD.contains(&tx(s))
    {
        Some(Kind::Misc)
    } else {
        None
    };
    // "Oil Falls", "Stock Market News": a title-case headline's words are no name.
    let suffix_kind = suffix_kind
        .filter(|_| !headline || title_case_suffix_ok(&(s..j).map(tx).collect::<Vec<_>>()));
    // The place before an organisation's name is part of it ("Los Angeles Police
    // Department").
    // So is a nationality before an organisation's ("Syrian Army", "European Southern
    // Observatory"), and a place before an event's ("U.S. Clay Court Championship").
    if matches!(suffix_kind, Some(Kind::Org | Kind::Misc))
        || suffix_kind.is_some() && after_known
        // "Pecan Grove Mobile Home Park": a place's name after the place it is in.
        || suffix_kind == Some(Kind::Loc) && multi && LOC_SUFFIX.contains(&last)
    {
        // "U.S. Ski and Snowboard Association": an untyped name joined by "and".
        if suffix_kind == Some(Kind::Org) {
            if let Some(prev) = out.last().filter(|p| {
                p.kind.is_none()
                    && p.gaz.is_none()
                    && !p.weak
                    && toks[s].gap(text) == " "
                    && s > 0
                    && tx(s - 1) == "and"
                    && text[p.span.end..toks[s - 1].span.start].trim().is_empty()
            }) {
                s = start_at[&prev.span.start];
                out.pop();
            }
        }
        if let Some(prev) = out.last() {
            let adjacent = prev.span.end == toks[s].gap_start && plain_gap(toks[s].gap(text));
            let org_or_place = matches!(prev.kind, Some(Kind::Loc | Kind::Org))
                || prev.kind == Some(Kind::Misc) && suffix_kind == Some(Kind::Org)
                || prev.kind == Some(Kind::Misc) && GEO_SUFFIX.contains(&last);
            if adjacent && org_or_place && prev.gaz.is_some() {
                let k = start_at[&prev.span.start];
                out.pop();
                s = k;
                // "Magnolia Waco Properties, LLC": an untyped name before the place too.
                if let Some(before) = out.last() {
                    let adjacent =
                        before.span.end == toks[s].gap_start && plain_gap(toks[s].gap(text));
                    if adjacent && before.kind.is_none() && before.gaz.is_none() {
                        s = start_at[&before.span.start];
                        out.pop();
                    }
                }
            }
        }
    }
    // "Ford Bronco", "Airbus A320-200": a company's name before a capitalised word names a
    // product.
    let mut product = false;
    if suffix_kind.is_none()
        && j - s <= 2
        && titled.is_none()
        && !g.is_first_name(tx(s))
        // "Citigroup Analyst Upgrades": in a title-case headline, no ordinary word.
        && !(headline && (s..j).any(|k| g.is_ordinary(tx(k))))
    {
        if let Some(prev) = out.last().filter(|p| {
            p.gaz.is_some_and(|e| g.entries[e].kind == GazKind::Org)
                && p.span.end == toks[s].gap_start
                && plain_gap(toks[s].gap(text))
        }) {
            s = start_at[&prev.span.start];
            out.pop();
            product = true;
        }
    }
    // "researchers with The University of Texas": "The" is no part of an organisation's
    // or a place's name.
    if tx(s) == "The" && j - s >= 2 && matches!(suffix_kind, Some(Kind::Org | Kind::Loc)) {
        s += 1;
    }
    let mut run_start = s;
    let mut person = titled.is_some();
    if let (Some(k), Some((ts, _))) = (suffix_kind, titled) {
        // "the President Wilson Hotel": the title word is part of the name.
        let _ = k;
        run_start = ts;
        person = false;
    }
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
            && (g.is_surname(last) || words.iter().all(|w| namelike(w)));
    // "The LSE said": an acronym before a reporting verb is an organisation.
    let personal = named
        || words.len() == 1
            && (inverted || reported)
            && namelike(words[0])
            && !is_all_caps(words[0])
        || words.len() == 1 && (g.is_surname(words[0]) || g.is_first_name(words[0]));
    // "in Bamako", "the province of Gansu".
    // "a tweet from Elon Musk": after "from", a name that looks like a person's is one.
    let from_person = s > 0 && tx(s - 1) == "from" && words.len() >= 2 && personal;
    let after_place_word = s > 0
        && plain_gap(toks[s].gap(text))
        && !from_person
        && (PLACE_BEFORE.contains(&tx(s - 1).to_lowercase().as_str())
            || s > 1 && tx(s - 1) == "of" && PLACE_OF.contains(&tx(s - 2).to_lowercase().as_str()));
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
    match dateline(text, span, toks, s, j) {
        Some(Dateline::Place) => {
            let sp = Span::new(toks[s].span.start, toks[j - 1].span.end);
            out.push(Raw::typed(sp, Kind::Loc));
            st.title = None;
            st.prefix = None;
            return j;
        }
        Some(Dateline::Label) => {
            return j;
        }
        None => {}
    }
    let business = business(text, toks, s, j);
    let kind = if suffix_kind.is_some() {
        suffix_kind
    } else if product {
        Some(Kind::Misc)
    } else if words.len() == 1 && interstate(words[0]) {
        // "I-95": a road.
        Some(Kind::Loc)
    } else if words.len() == 1 && model_name(words[0]) {
        // "RAV4", "AK-47": a model's name.
        Some(Kind::Misc)
    } else if age_of && titled.is_none() {
        // A given name too ("Franklin", "Hope"): after an age and "of" it is the town.
        Some(Kind::Loc)
    } else if (org_before || org_after || words.len() == 1 && brand_like(words[0]))
        && (!strong_person || article_noun && org_after)
        // "Chris Pizzello/Invision/AP": a photo credit's agency after a slash.
        || words.len() == 1 && toks[s].gap(text) == "/" && !is_all_caps(words[0])
    {
        Some(Kind::Org)
    } else if words == ["House"] && s > 0 && tx(s - 1) == "the" {
        // "the House": the lower chamber.
        Some(Kind::Org)
    } else if words == ["Moon"] && s > 0 && tx(s - 1) == "the" {
        // "the Moon", capitalised, is a place like Earth.
        Some(Kind::Loc)
    } else if words.len() == 1 && postal_state(text, toks, out, s) {
        // "San Diego, CA".
        Some(Kind::Loc)
    } else if words.len() == 1 && call_sign(words[0]) {
        // "CKY-TV": a broadcaster.
        Some(Kind::Org)
    } else if (loc_after || town) && (!strong_person || article_noun)
        // "Orlando, Fla.": a lone given name before a state is its town.
        || town && words.len() == 1 && titled.is_none() && !person
    {
        Some(Kind::Loc)
    } else if words.len() >= 2 && initials(words[0]) && is_capital(last) && !is_all_caps(last) {
        // "O.J. Simpson".
        Some(Kind::Per)
    } else if demonym && !person && !g.is_first_name(tx(s)) {
        Some(Kind::Misc)
    } else if particle_name(&words) && !business {
        // "in Van Gogh's painting".
        Some(Kind::Per)
    } else if after_place_word
        && !person
        && !g.is_first_name(tx(s))
        && !words.iter().skip(1).any(|w| is_initial(w))
        // "analysts at Digital Foundry": a company's cue outweighs the preposition.
        && !business
    {
        Some(Kind::Loc)
    } else if business && !named && !g.is_surname(words[0]) {
        // "cable operator Seacom announced": a company's cue outweighs a reporting verb.
        Some(Kind::Org)
    } else if personal {
        Some(Kind::Per)
    } else if let Some(p) = out.last().filter(|p| {
        // "Compañía Panameña de Aviación S.A. (Copa)": a short name in brackets right after
        // a name is that name's abbreviation.
        words.len() == 1
            && !is_all_caps(words[0])
            && p.kind.is_some()
            && toks[s].gap(text).trim() == "("
            && p.span.end == toks[s].gap_start
            && text[toks[s].span.end..].starts_with(')')
    }) {
        p.kind
    } else if words.len() == 1 && is_all_caps(words[0]) && capitalised_place(g, words[0]) {
        // "MONTREAL—The Russian Embassy": a dateline.
        Some(Kind::Loc)
    } else if words.len() == 1 && is_all_caps(words[0]) && words[0].len() <= 6 {
        // "the Toxic Substances Control Act (TSCA)": an abbreviation in brackets has the
        // type of the name it abbreviates.
        let spelled = out.last().filter(|p| {
            toks[s].gap(text).trim() == "("
                && p.span.end == toks[s].gap_start
                && spells(&text[p.span.start..p.span.end], words[0])
        });
        match spelled {
            Some(p) if p.kind.is_some() => p.kind,
            _ if capitalised_place(g, words[0]) => Some(Kind::Loc),
            _ => Some(Kind::Org),
        }
    } else {
        None
    };
    // "Gannett and GateHouse": a name in a list with a known one is of its kind.
    let kind = match kind {
        None if !headline && !initial => coordinated(text, toks, gaz_at, out, s, j),
        k => k,
    };
    let kind = match kind {
        None if !headline && !initial && words.len() == 1 && !g.is_ordinary(words[0]) => {
            lone_unknown(text, toks, s, j)
        }
        k => k,
    };
    let full_start = match titled {
        Some((ts, _)) if person => ts,
        _ => run_start,
    };
    let modifier = j - s == 1
        && j < n
        && plain_gap(toks[j].gap(text))
        && tx(j).starts_with(char::is_lowercase)
        && s > 0
        && tx(s - 1).starts_with(char::is_lowercase)
        && !PLACE_BEFORE.contains(&tx(s - 1))
        && !matches!(tx(s - 1), "of" | "to" | "for" | "on" | "with" | "by");
    let mk = |a: usize, b: usize, kind: Option<Kind>, weak: bool, full: usize| Raw {
        span: Span::new(toks[a].span.start, toks[b - 1].span.end),
        full: Span::new(toks[full].span.start, toks[b - 1].span.end),
        kind,
        gaz: None,
        weak,
        modifier,
    };
    if headline && !person && suffix_kind.is_none() && !product {
        // "Kathryn Bigelow Wins": a given name and a surname open a headline's person.
        for (a, b, kind, weak) in title_case_run(text, toks, s, j) {
            out.push(mk(a, b, kind, weak, a));
        }
    } else {
        let weak = kind.is_none() && (initial || headline);
        out.push(mk(run_start, j, kind, weak, full_start));
    }
    st.title = None;
    st.prefix = None;
    j
}

/// The passes over all the mentions of the text once the scan is done.
fn corrections(cx: &Ctx, mut out: Vec<Raw>) -> Vec<Raw> {
    let (text, span, headline, toks) = (cx.text, cx.span, cx.headline, &cx.toks[..]);
    out.retain(|r| !time_zone(text, r.span));
    ethnic_groups(text, &mut out);
    keep_possessive(text, &mut out);
    if !headline {
        ampersand_names(text, toks, &mut out);
        group_possessives(text, toks, &mut out);
        named_days(text, toks, &mut out);
        compass_regions(text, toks, &mut out);
        ethnic_people(text, toks, &mut out);
        works(text, toks, &mut out);
        sequels(text, toks, &mut out);
        out.sort_by_key(|r| r.span.start);
        quoted_titles(text, span, &mut out);
    }
    nicknames(text, &mut out);
    sports_results(text, span, &mut out);
    appositions(text, &mut out);
    editions(text, span.end, &mut out);
    out
}

pub(super) fn gaz_kind(k: GazKind) -> Kind {
    match k {
        GazKind::Loc => Kind::Loc,
        GazKind::Org | GazKind::Media => Kind::Org,
        GazKind::Per | GazKind::Title => Kind::Per,
        GazKind::Misc => Kind::Misc,
    }
}

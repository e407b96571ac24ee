//! The kind a run of capitalised words takes from its own words, for the scan of
//! [`super::entity_detect`]: an organisation's, a place's or an event's word at its end or its
//! start ("Hotel", "Agency", "Times", "University"), a lone such word after a known name ("Erie
//! County", "Detroit Pistons"), and the known place or company before it that joins it ("Los
//! Angeles Police Department", "Ford Bronco").

use super::entities::{Kind, Raw};
use super::entity_detect::{plain_gap, Ctx, State};
use super::entity_headlines::title_case_suffix_ok;
use super::entity_institutions::{state_college, SCHOOL_SUFFIX};
use super::entity_words::{
    GEO_SUFFIX, LOC_HEAD, LOC_SUFFIX, MEDIA_SUFFIX, MISC_HEAD, MISC_SUFFIX, ORG_HEAD, ORG_SUFFIX,
};
use super::gazetteer::GazKind;
use super::tokens::{is_all_caps, is_capital};

/// A run of capitalised words `s..j` as its start and its kind are decided.
#[derive(Clone, Copy)]
pub(super) struct Run<'a> {
    /// Its first token; it moves back when the name before it joins it.
    pub(super) s: usize,
    /// The token after it.
    pub(super) j: usize,
    /// It opens a sentence: its capitals say little.
    pub(super) initial: bool,
    /// The title just before it: (first token of the title's full form, token after it).
    pub(super) titled: Option<(usize, usize)>,
    /// It has two words or more.
    pub(super) multi: bool,
    /// Its last word, past a street's letter or number and a hyphen.
    pub(super) last: &'a str,
    /// It is a lone word right after a known place or organisation.
    pub(super) after_known: bool,
    /// The kind its own words give it.
    pub(super) suffix_kind: Option<Kind>,
    /// It is a product named after the company before it.
    pub(super) product: bool,
    /// The token its mention starts at (a title word may be part of the name).
    pub(super) run_start: usize,
    /// The title before it makes it a person.
    pub(super) person: bool,
}

impl<'a> Run<'a> {
    /// The run `s..j` with its title, its last word and whether it follows a known name.
    pub(super) fn new(cx: &Ctx<'a>, st: &State, s: usize, j: usize, initial: bool) -> Run<'a> {
        let text = cx.text;
        let toks = &cx.toks[..];
        let tx = |k: usize| cx.tx(k);
        let out = &st.out;
        // A title just before the run (a lower-case one may stand before a comma). In a
        // title-case headline an ordinary word after a title is a headline's word ("True
        // Detective Finale", "Detective Season"), unless it is also a name ("Sen. Warren").
        let headline_word = |w: &str| cx.headline && cx.g.is_plain_word(w);
        let titled = st.title.filter(|&(_, te)| {
            te == s && !headline_word(tx(s)) && {
                let gap = toks[s].gap(text);
                plain_gap(gap) || (gap.trim() == "," && !is_capital(tx(te - 1)))
            }
        });
        let multi = j - s >= 2;
        // "West Avenue K", "W. County Road 600S": a letter or a number after a street's word.
        let last = if multi
            && (tx(j - 1).len() == 1 || tx(j - 1).starts_with(|c: char| c.is_ascii_digit()))
        {
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
        Run {
            s,
            j,
            initial,
            titled,
            multi,
            last,
            after_known,
            suffix_kind: None,
            product: false,
            run_start: s,
            person: false,
        }
    }
}

/// The kind the run's own words give it: an organisation's, a place's or an event's word at
/// its end or its start, or after a known name.
pub(super) fn suffix_kind(cx: &Ctx, out: &[Raw], run: &Run) -> Option<Kind> {
    let (g, text) = (cx.g, cx.text);
    let tx = |k: usize| cx.tx(k);
    let headline = cx.headline;
    let Run {
        s,
        j,
        titled,
        multi,
        last,
        after_known,
        ..
    } = *run;
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
    suffix_kind.filter(|_| !headline || title_case_suffix_ok(&(s..j).map(tx).collect::<Vec<_>>()))
}

/// Takes the known place or organisation (and an untyped name before it) right before a run
/// its own words typed into the run.
pub(super) fn join_known_before(cx: &Ctx, out: &mut Vec<Raw>, run: &mut Run) {
    let text = cx.text;
    let toks = &cx.toks[..];
    let tx = |k: usize| cx.tx(k);
    let start_at = &cx.start_at;
    let Run {
        multi,
        last,
        after_known,
        suffix_kind,
        ..
    } = *run;
    let mut s = run.s;
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
    run.s = s;
}

/// Takes a known company right before a short untyped run into it: the run names a product.
pub(super) fn product_after_company(cx: &Ctx, out: &mut Vec<Raw>, run: &mut Run) {
    let (g, text) = (cx.g, cx.text);
    let toks = &cx.toks[..];
    let tx = |k: usize| cx.tx(k);
    let (headline, start_at) = (cx.headline, &cx.start_at);
    let Run {
        j,
        titled,
        suffix_kind,
        ..
    } = *run;
    let mut s = run.s;
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
    run.s = s;
    run.product = product;
}

/// Where the run's mention starts: past an organisation's or a place's "The", or back at the
/// title that is part of its name; and whether the title makes it a person.
pub(super) fn name_start(cx: &Ctx, run: &mut Run) {
    let tx = |k: usize| cx.tx(k);
    let Run {
        j,
        titled,
        suffix_kind,
        ..
    } = *run;
    let mut s = run.s;
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
    run.s = s;
    run.run_start = run_start;
    run.person = person;
}

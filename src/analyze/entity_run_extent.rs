//! Where a run of capitalised words starts and ends, for the scan of [`super::entity_detect`]:
//! a run goes on across linking words ("Bank of England", "National Association for the
//! Advancement of Colored People"), an epithet, a company's legal form and a road's number, and
//! loses the sentence-initial words, stop words and saints' "St." before it; some runs are no
//! names at all ("Room 423", "Crohn's disease") or belong to the title after them.

use super::entities::{Kind, Raw};
use super::entity_context::{species, title_surname};
use super::entity_detect::{candidate, opens_sentence, plain_gap, Ctx, State};
use super::entity_institutions::{county_before_title, epithet, eponym_illness};
use super::entity_words::{glued_particle, is_stop};
use super::entity_words::{
    CONNECT, DIRECTION, LOC_SUFFIX, MISC_SUFFIX, ORG_HEAD, ORG_SUFFIX, ROAD_WORDS,
};
use super::gazetteer::GazKind;
use super::tokens::{is_all_caps, is_initial};
use crate::model::Span;

/// The token after the run of capitalised words that starts at token `i`; `title` is the last
/// title seen (a headline's titled name ends at its surname).
pub(super) fn run_end(cx: &Ctx, title: Option<(usize, usize)>, i: usize) -> usize {
    let (text, n) = (cx.text, cx.n);
    let toks = &cx.toks[..];
    let tx = |k: usize| cx.tx(k);
    let mut j = i + 1;
    let titled_headline = cx.headline && title.is_some_and(|(_, te)| te == i);
    let g = cx.g;
    loop {
        // In a headline a title's name ends at the surname ("Blinken Meets …"); a second word
        // that is no ordinary English word is the surname of a given name the list lacks
        // ("Sen. Rand Paul Says").
        if titled_headline {
            let given = |k: usize| g.is_first_name(tx(k)) || is_initial(tx(k));
            let surname_next = j == i + 1
                && j < n
                && !g.is_first_name(tx(i))
                && !g.is_ordinary(tx(j))
                && !is_all_caps(tx(j))
                && !is_all_caps(tx(i));
            if j == i + 2 && !given(i) || !given(j - 1) && !surname_next {
                break;
            }
        }
        match grow(cx, i, j) {
            Some(k) => j = k,
            None => break,
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
    j
}

/// How far the run `i..j` goes on past token `j`: the token after the words it takes next, or
/// `None` where it ends.
fn grow(cx: &Ctx, i: usize, j: usize) -> Option<usize> {
    let (g, text, n) = (cx.g, cx.text, cx.n);
    let (toks, gaz_at) = (&cx.toks[..], &cx.gaz_at[..]);
    let tx = |k: usize| cx.tx(k);
    // "Michael Bloomberg", "Robert Ford": a one-word organisation after a given name is
    // a surname.
    // "John M. Ford", "Neil deGrasse Tyson": a middle initial or a particle between them too.
    let surname_gaz = (j == i + 1
        || j == i + 2 && (is_initial(tx(i + 1)) || glued_particle(tx(i + 1))))
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
        && (candidate(tx(j))
            // "Neil deGrasse Tyson": a particle glued to a surname, inside a name.
            || glued_particle(tx(j))
                && j + 1 < n
                && plain_gap(toks[j + 1].gap(text))
                && candidate(tx(j + 1)))
    {
        Some(j + 1)
    } else if j + 1 < n
        && CONNECT.contains(&tx(j))
        // "Mike Brown of Caltech": a person's name ends before "of".
        && !(tx(j) == "of" && g.is_first_name(tx(i)) && j - i >= 2)
        && plain_gap(toks[j].gap(text))
        && plain_gap(toks[j + 1].gap(text))
        && gaz_at[j + 1].is_none()
        && candidate(tx(j + 1))
    {
        Some(j + 2)
    } else if let Some(skip) = org_link(cx, i, j) {
        // "National Association for the Advancement of Colored People": an
        // organisation's long name goes on across "for the", "of the", "and the".
        Some(j + skip)
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
        let j = k + 1;
        // "University of Texas at Austin": the campus's place.
        if (i..j).any(|k| tx(k) == "University")
            && j + 1 < n
            && tx(j) == "at"
            && plain_gap(toks[j].gap(text))
            && plain_gap(toks[j + 1].gap(text))
            && candidate(tx(j + 1))
        {
            Some(gaz_at[j + 1].map_or(j + 2, |(_, k)| k + 1))
        } else {
            Some(j)
        }
    } else {
        None
    }
}

/// The number of tokens a linking phrase ("for the", "of the", "and the") adds to an
/// organisation's name run `i..j`, when one follows and a capitalised word after it.
fn org_link(cx: &Ctx, i: usize, j: usize) -> Option<usize> {
    let (g, text, n) = (cx.g, cx.text, cx.n);
    let (toks, gaz_at) = (&cx.toks[..], &cx.gaz_at[..]);
    let tx = |k: usize| cx.tx(k);
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
}

/// Where the run `i..j` starts once the words that are no part of it are dropped, and whether
/// it opens a sentence; `None` when the run is no name at all.
pub(super) fn run_start(cx: &Ctx, i: usize, j: usize) -> Option<(usize, bool)> {
    let (g, text, n) = (cx.g, cx.text, cx.n);
    let toks = &cx.toks[..];
    let tx = |k: usize| cx.tx(k);
    let t = tx(i);
    let mut s = i;
    let initial = i == 0 || opens_sentence(toks[i].gap(text));
    while initial && s + 1 < j && s == i && is_stop(&tx(s).to_lowercase()) {
        s += 1;
    }
    if s == i && j - s == 1 && is_stop(&t.to_lowercase()) {
        return None;
    }
    // "Archaeologist Giles Hamm": a sentence-initial word before a given name, or an
    // ordinary word before a name that ends in a surname; in a title-case headline, where the
    // verbs after a name are capitalised too, only an ordinary word ("Miley Cyrus Posts").
    if initial
        && s == i
        && j - s >= 3
        && !g.is_first_name(tx(s))
        && (g.is_first_name(tx(s + 1)) && (!cx.headline || g.is_ordinary(tx(s)))
            || g.is_ordinary(tx(s)) && g.is_surname(tx(j - 1)))
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
        return None;
    }
    // "Crohn's disease": a person's name in an illness's is no mention; nor is a genus
    // before its species ("Yersinia pestis").
    if eponym_illness(text, toks, j) || j - s == 1 && species(text, toks, j) {
        return None;
    }
    Some((s, initial))
}

/// Words `s..j` right before a title: they belong to it (a county among them is a place of its
/// own). True when they were taken so.
pub(super) fn words_before_title(cx: &Ctx, st: &mut State, s: usize, j: usize) -> bool {
    let (g, text, n) = (cx.g, cx.text, cx.n);
    let (toks, gaz_at) = (&cx.toks[..], &cx.gaz_at[..]);
    let tx = |k: usize| cx.tx(k);
    // Words right before a title belong to it ("Public Information Officer Karges").
    if j < n
        && plain_gap(toks[j].gap(text))
        && gaz_at[j].is_some_and(|(e, _)| g.entries[e].kind == GazKind::Title)
        && !g.is_first_name(tx(s))
        // "Las Vegas Police Sgt. John Sheahan": an organisation's name before a title.
        && !ORG_SUFFIX.contains(&tx(j - 1))
    {
        // "Bexar County Sheriff Javier Salazar": the county is a place of its own.
        county_before_title(text, toks, gaz_at, &mut st.out, s, j);
        // "Mt. Gox CEO Mark Karpeles": the name before a company's officer is the company's.
        let officer = matches!(
            tx(j),
            "CEO" | "Chairman" | "chairman" | "Chairwoman" | "chairwoman"
        );
        if officer {
            let words: Vec<&str> = (s..j).map(tx).collect();
            if words.iter().any(|w| !g.is_ordinary(w) || is_all_caps(w))
                // In title case the verb before it is capitalised too ("Icahn Claims CEO").
                && (!cx.headline || words.len() <= 2 && !g.is_ordinary(words[words.len() - 1]))
                && st.out.last().is_none_or(|p| p.span.end <= toks[s].span.start)
            {
                st.out.push(Raw::typed(
                    Span::new(toks[s].span.start, toks[j - 1].span.end),
                    Kind::Org,
                ));
            }
        }
        st.prefix = Some((s, j));
        return true;
    }
    false
}

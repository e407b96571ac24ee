//! The kind of a run of capitalised words, for the scan of [`super::entity_detect`], once its
//! own words ([`super::entity_run_suffix`]) and the words around it
//! ([`super::entity_run_evidence`]) are read: the first rule that fits decides, from the
//! surest (its own suffix word) to the weakest (a list it shares with a known name, an article
//! before a lone unknown word). Also the dateline a run in capitals may be, and the mention
//! pushed for the run.

use super::entities::{Kind, Raw};
use super::entity_context::{business, coordinated, interstate, lone_unknown, model_name};
use super::entity_cues::{
    brand_like, capitalised_place, dateline, initials, particle_name, spells, Dateline,
};
use super::entity_detect::{plain_gap, Ctx, State};
use super::entity_headlines::title_case_run;
use super::entity_institutions::{call_sign, postal_state};
use super::entity_run_evidence::Evidence;
use super::entity_run_suffix::Run;
use super::entity_words::{LOC_HEAD, LOC_SUFFIX, PLACE_BEFORE};
use super::tokens::{is_all_caps, is_capital, is_initial};
use crate::model::Span;

/// A run all in capitals at a paragraph's start: a dateline's place is pushed, a caption's
/// label dropped. Returns the token after it.
pub(super) fn dateline_run(cx: &Ctx, st: &mut State, run: &Run) -> Option<usize> {
    let (text, span, toks) = (cx.text, cx.span, &cx.toks[..]);
    let (s, j) = (run.s, run.j);
    match dateline(text, span, toks, s, j)? {
        Dateline::Place => {
            let sp = Span::new(toks[s].span.start, toks[j - 1].span.end);
            st.out.push(Raw::typed(sp, Kind::Loc));
            st.title = None;
            st.prefix = None;
        }
        Dateline::Label => {}
    }
    Some(j)
}

/// The kind of the run from its own words and the evidence around it, then from the weaker
/// cues of [`super::entity_context`]; `None` when nothing tells it.
pub(super) fn run_kind(cx: &Ctx, out: &[Raw], run: &Run, ev: &Evidence) -> Option<Kind> {
    let kind = rule_kind(cx, out, run, ev);
    context_kind(cx, out, run, &ev.words, kind)
}

/// The kind the first rule that fits gives the run, from the surest (its own suffix word) on.
fn rule_kind(cx: &Ctx, out: &[Raw], run: &Run, ev: &Evidence) -> Option<Kind> {
    let (g, text, toks) = (cx.g, cx.text, &cx.toks[..]);
    let tx = |k: usize| cx.tx(k);
    let Run {
        s,
        j,
        titled,
        last,
        suffix_kind,
        product,
        person,
        ..
    } = *run;
    let words = &ev.words[..];
    let Evidence {
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
        ..
    } = *ev;
    let business = business(text, toks, s, j);
    // "bitcoin exchange Mt. Gox", "Mt. Gox CEO": a company's cue outweighs a mountain's word
    // at the start of the name (a place's word at its end still wins).
    let mountain_company = suffix_kind == Some(Kind::Loc)
        && LOC_HEAD.contains(&words[0])
        && !LOC_SUFFIX.contains(&last)
        && (org_before || business);
    if mountain_company {
        Some(Kind::Org)
    } else if suffix_kind.is_some() {
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
    } else if particle_name(words) && !business {
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
    } else if words.len() == 1
        && is_all_caps(words[0])
        && words[0].len() <= 6
        // "UPDATE", "ARMED", "WIN": an ordinary word in capitals is no abbreviation.
        && !(words[0].len() >= 3 && g.is_ordinary(words[0]))
    {
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
    }
}

/// For a run still untyped outside a headline's or a sentence's start: a list it shares with a
/// known name, or the words around a lone unknown word.
fn context_kind(
    cx: &Ctx,
    out: &[Raw],
    run: &Run,
    words: &[&str],
    kind: Option<Kind>,
) -> Option<Kind> {
    let (g, text, headline) = (cx.g, cx.text, cx.headline);
    let (toks, gaz_at) = (&cx.toks[..], &cx.gaz_at[..]);
    let (s, j, initial) = (run.s, run.j, run.initial);
    // "Gannett and GateHouse": a name in a list with a known one is of its kind.
    let kind = match kind {
        None if !headline && !initial => coordinated(text, toks, gaz_at, out, s, j),
        k => k,
    };
    match kind {
        None if !headline && !initial && words.len() == 1 && !g.is_ordinary(words[0]) => {
            lone_unknown(text, toks, s, j)
        }
        k => k,
    }
}

/// Pushes the run's mention of `kind` (in a title-case headline, the people and the words left
/// in doubt within it).
pub(super) fn push_run(cx: &Ctx, out: &mut Vec<Raw>, run: &Run, kind: Option<Kind>) {
    let (text, n) = (cx.text, cx.n);
    let toks = &cx.toks[..];
    let tx = |k: usize| cx.tx(k);
    let headline = cx.headline;
    let Run {
        s,
        j,
        initial,
        titled,
        suffix_kind,
        product,
        run_start,
        person,
        ..
    } = *run;
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
}

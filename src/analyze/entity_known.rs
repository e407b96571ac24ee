//! A gazetteer match met by the scan of [`super::entity_detect`]: a known place, organisation,
//! person, work or title at a token, and what it does to the names around it. A title is
//! remembered for the person after it; a place joins the event or the paper named after it
//! ("Sochi Olympics", "Anchorage Daily News"); an organisation's first word before a known
//! organisation joins it ("National Security Council"); an event's number and a product line's
//! word go on its name ("Super Bowl 50", "Xbox One").

use super::entities::{Kind, Raw};
use super::entity_cues::{brand_like, building_sense, model_letter};
use super::entity_detect::{candidate, gaz_kind, plain_gap, Ctx, State};
use super::entity_words::{DIRECTION, MISC_SUFFIX, ORG_HEAD, ORG_SUFFIX, PRODUCT_LINE};
use super::gazetteer::GazKind;
use crate::model::Span;

/// Reads the known name at token `i`, if any, and returns the token after what it took; `None`
/// when no gazetteer match starts at `i` or it is a given name before an unknown surname.
pub(super) fn known_name(cx: &Ctx, st: &mut State, i: usize) -> Option<usize> {
    if let Some(next) = compass_known(cx, st, i) {
        return Some(next);
    }
    let (e, j) = cx.gaz_at[i].filter(|_| !given_name(cx, i))?;
    let entry = &cx.g.entries[e];
    if let Some(next) = office(cx, st, i, e, j) {
        return Some(next);
    }
    if entry.kind == GazKind::Title {
        let start = match st.prefix {
            Some((ps, pe)) if pe == i && plain_gap(cx.toks[i].gap(cx.text)) => ps,
            _ => i,
        };
        st.title = Some((start, j + 1));
        st.prefix = None;
        return Some(j + 1);
    }
    if let Some(next) = place_before_event(cx, st, i, e, j) {
        return Some(next);
    }
    push_known(cx, st, i, e, j);
    if let Some(next) = event_number(cx, st, e, j) {
        return Some(next);
    }
    Some(j + 1)
}

/// "West African", "Southern California": a compass word joins the known place or group after
/// it. Returns the token after the name.
fn compass_known(cx: &Ctx, st: &mut State, i: usize) -> Option<usize> {
    let (g, text, toks, gaz_at, n) = (cx.g, cx.text, &cx.toks[..], &cx.gaz_at[..], cx.n);
    let tx = |k: usize| cx.tx(k);
    if DIRECTION.contains(&tx(i)) && gaz_at[i].is_none() && i + 1 < n {
        if let Some((e, j)) = gaz_at[i + 1] {
            let k = g.entries[e].kind;
            if matches!(k, GazKind::Loc | GazKind::Misc) && plain_gap(toks[i + 1].gap(text)) {
                st.out.push(Raw {
                    span: Span::new(toks[i].span.start, toks[j].span.end),
                    full: Span::new(toks[i].span.start, toks[j].span.end),
                    kind: Some(gaz_kind(k)),
                    gaz: None,
                    weak: false,
                    modifier: false,
                });
                st.title = None;
                st.prefix = None;
                return Some(j + 1);
            }
        }
    }
    None
}

/// A known one-word given name before an unknown capitalised word: the start of a run, read
/// with its surname, rather than a name of its own.
fn given_name(cx: &Ctx, i: usize) -> bool {
    let (g, text, toks, gaz_at, n) = (cx.g, cx.text, &cx.toks[..], &cx.gaz_at[..], cx.n);
    let tx = |k: usize| cx.tx(k);
    gaz_at[i].is_some_and(|(e, j)| {
        j == i
            && g.entries[e].kind != GazKind::Title
            && g.is_first_name(tx(i))
            && i + 1 < n
            && gaz_at[i + 1].is_none()
            && plain_gap(toks[i + 1].gap(text))
            && candidate(tx(i + 1))
    })
}

/// A title word `i..=j` that opens an office's name, pushed as an organisation with the place
/// before it. Returns the token after the office's word.
fn office(cx: &Ctx, st: &mut State, i: usize, e: usize, j: usize) -> Option<usize> {
    let (g, text, toks, n) = (cx.g, cx.text, &cx.toks[..], cx.n);
    let tx = |k: usize| cx.tx(k);
    let entry = &g.entries[e];
    let out = &mut st.out;
    // Title-case text often capitalises a title word that is not one ("Secretary").
    // "Broward Sheriff's Office": a title word in an office's name.
    let office = entry.kind == GazKind::Title
        && j + 1 < n
        && matches!(toks[j + 1].gap(text), "'s " | "\u{2019}s ")
        && ORG_SUFFIX.contains(&tx(j + 1));
    if !office {
        return None;
    }
    let mut start = match st.prefix {
        Some((ps, pe)) if pe == i && plain_gap(toks[i].gap(text)) => ps,
        _ => i,
    };
    if let Some(p) = out.last().filter(|p| {
        start == i
            && p.span.end == toks[i].gap_start
            && plain_gap(toks[i].gap(text))
            && matches!(p.kind, Some(Kind::Loc | Kind::Org))
    }) {
        start = cx.start_at[&p.span.start];
        out.pop();
    }
    let sp = Span::new(toks[start].span.start, toks[j + 1].span.end);
    out.push(Raw::typed(sp, Kind::Org));
    st.title = None;
    st.prefix = None;
    Some(j + 2)
}

/// A known event or paper `i..=j` right after a known place: the place's mention grows to take
/// it. Returns the token after it.
fn place_before_event(cx: &Ctx, st: &mut State, i: usize, e: usize, j: usize) -> Option<usize> {
    let (g, text, toks) = (cx.g, cx.text, &cx.toks[..]);
    let tx = |k: usize| cx.tx(k);
    let entry = &g.entries[e];
    // "Sochi Olympics", "Beijing Games": a place before an event names it.
    // "Anchorage Daily News", "N.Y. Daily News": a place before a known outlet's
    // name whose first word is a newspaper's word names that place's paper.
    let paper = entry.kind == GazKind::Media
        && matches!(tx(i), "Daily" | "Evening" | "Morning" | "Sunday")
        && plain_gap(toks[i].gap(text));
    let event = paper
        || entry.kind == GazKind::Misc
            && toks[j]
                .text(text)
                .split_whitespace()
                .last()
                .is_some_and(|w| MISC_SUFFIX.contains(&w))
            && plain_gap(toks[i].gap(text));
    if event {
        if let Some(prev) = st.out.last_mut().filter(|p| {
            p.span.end == toks[i].gap_start
                && p.gaz.is_some_and(|e| g.entries[e].kind == GazKind::Loc)
        }) {
            prev.span.end = toks[j].span.end;
            prev.full.end = toks[j].span.end;
            prev.kind = Some(if paper { Kind::Org } else { Kind::Misc });
            prev.gaz = None;
            st.title = None;
            st.prefix = None;
            return Some(j + 1);
        }
    }
    None
}

/// Pushes the known name `i..=j` (entry `e`), with an organisation's first word just before it;
/// a place, a group or an organisation may stand before a title, and a person takes the title
/// before it.
fn push_known(cx: &Ctx, st: &mut State, i: usize, e: usize, j: usize) {
    let (g, text, toks) = (cx.g, cx.text, &cx.toks[..]);
    let tx = |k: usize| cx.tx(k);
    let entry = &g.entries[e];
    let kind = gaz_kind(entry.kind);
    let out = &mut st.out;
    let building = entry.kind == GazKind::Org && building_sense(text, toks, i, j);
    // "National Security Council": an organisation's first word before a known one.
    let mut head = None;
    if let Some(p) = out.last().filter(|p| {
        entry.kind == GazKind::Org
            && (p.kind.is_none() || p.weak)
            && p.gaz.is_none()
            && p.span.end == toks[i].gap_start
            && plain_gap(toks[i].gap(text))
            && ORG_HEAD.contains(&p.span.of(text))
    }) {
        head = Some(cx.start_at[&p.span.start]);
        out.pop();
    }
    // "The Hill", "The Guardian": "The" is no part of an organisation's name.
    let from = if matches!(kind, Kind::Org) && tx(i) == "The" && j > i {
        i + 1
    } else {
        head.unwrap_or(i)
    };
    out.push(Raw {
        span: Span::new(toks[from].span.start, toks[j].span.end),
        full: Span::new(toks[head.unwrap_or(i)].span.start, toks[j].span.end),
        kind: Some(if building { Kind::Loc } else { kind }),
        gaz: (!building).then_some(e),
        weak: false,
        modifier: false,
    });
    if matches!(entry.kind, GazKind::Loc | GazKind::Misc | GazKind::Org) {
        st.prefix = Some((i, j + 1));
    }
    if entry.kind == GazKind::Per {
        attach_title(cx, &mut st.out, st.title, i);
    }
}

/// A gazetteer person right after a title: widen its full form.
fn attach_title(cx: &Ctx, out: &mut [Raw], title: Option<(usize, usize)>, i: usize) {
    if let (Some((ts, te)), Some(last)) = (title, out.last_mut()) {
        if te == i && plain_gap(cx.toks[i].gap(cx.text)) {
            last.full.start = cx.toks[ts].span.start;
        }
    }
}

/// An event's number or a product line's word after the known name ending at `j` (entry `e`),
/// added to the mention just pushed. Returns the token after it.
fn event_number(cx: &Ctx, st: &mut State, e: usize, j: usize) -> Option<usize> {
    let (g, text, toks, n) = (cx.g, cx.text, &cx.toks[..], cx.n);
    let tx = |k: usize| cx.tx(k);
    let entry = &g.entries[e];
    // "Super Bowl 50", "Super Bowl LIII": an event's number is part of its name.
    if entry.kind == GazKind::Misc && j + 1 < n && plain_gap(toks[j + 1].gap(text)) {
        let next = tx(j + 1);
        let numeral = next.chars().all(|c| c.is_ascii_digit())
            || next.len() <= 6 && next.chars().all(|c| "IVXLC".contains(c));
        // "Xbox One", "iPad Air": a product line's word after a product.
        let line = PRODUCT_LINE.contains(&next)
            || next == "Air" && brand_like(&entry.name)
            || next == "Air" && entry.name.starts_with(char::is_lowercase);
        if (numeral || line) && next.len() <= 6 {
            // "Xbox One X": a model's letter after the line's word.
            let k = j + 1 + usize::from(line && model_letter(text, toks, j + 2));
            if let Some(last) = st.out.last_mut() {
                last.span.end = toks[k].span.end;
                last.full.end = toks[k].span.end;
                last.gaz = None;
            }
            return Some(k + 1);
        }
    }
    None
}

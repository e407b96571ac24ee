//! Tokens the scan of [`super::entity_detect`] reads before it looks for a run of capitalised
//! words: one-token names of a hyphenated shape ("Japanese-Americans", "Canada-Russia"), names
//! that start with a digit (numbered roads, military units, model numbers), and tokens that
//! cannot open a name ("Canadian-born", lower-case words).

use super::entities::{Kind, Raw};
use super::entity_context::{model, numbered_road};
use super::entity_detect::{candidate, plain_gap, Ctx};
use super::entity_institutions::{military_unit, span_of};
use super::entity_quoted::{ethnic_compound, hyphen_pair, hyphen_prefix};
use super::gazetteer::GazKind;
use super::tokens::is_capital;
use crate::model::Span;

/// Reads token `i` when it is a special case rather than the start of a capitalised run, and
/// returns the token after what it took.
pub(super) fn special_token(cx: &Ctx, out: &mut Vec<Raw>, i: usize) -> Option<usize> {
    let (text, toks, gaz_at) = (cx.text, &cx.toks[..], &cx.gaz_at[..]);
    let t = cx.tx(i);
    // "Japanese-Americans": an ethnic group, one name.
    if let Some(raw) = ethnic_compound(t, toks[i].span.start) {
        out.push(raw);
        return Some(i + 1);
    }
    // "Canada-Russia relations": two known names joined by a hyphen are two mentions.
    if let Some(pair) = hyphen_pair(t, toks[i].span.start) {
        out.extend(pair);
        return Some(i + 1);
    }
    // "17th Street", "101 Highway": a numbered road.
    if let Some(j) = numbered_road(text, toks, i) {
        let sp = Span::new(toks[i].span.start, toks[j - 1].span.end);
        out.push(Raw::typed(sp, Kind::Loc));
        return Some(j);
    }
    // "442nd Regimental Combat Team": a military unit.
    if let Some(j) = military_unit(text, toks, i) {
        out.push(Raw::typed(span_of(toks, i, j), Kind::Org));
        return Some(j);
    }
    // "737 Max jets", "Boeing 787-9 Dreamliner": a model number.
    if let Some((k, j)) = model(text, toks, gaz_at, i) {
        if k < i
            && out
                .last()
                .is_some_and(|p| p.span.start == toks[k].span.start)
        {
            out.pop();
        }
        let sp = Span::new(toks[k].span.start, toks[j - 1].span.end);
        out.push(Raw::typed(sp, Kind::Misc));
        return Some(j);
    }
    if !candidate(t) {
        // "Canadian-born", "Moscow-based": the known name before the hyphen.
        // "Palo Alto-based": the name goes on before the hyphen's word.
        let joined = i > 0 && plain_gap(toks[i].gap(text)) && is_capital(toks[i - 1].text(text));
        if let Some(raw) = hyphen_prefix(t, toks[i].span.start, joined) {
            out.push(raw);
        } else if joined {
            joined_known_prefix(cx, out, i);
        }
        return Some(i + 1);
    }
    None
}

/// "Palo Alto-based": a known name of two or three words whose last word the hyphen of a
/// compound ends. It replaces what the words before took alone ("Palo").
fn joined_known_prefix(cx: &Ctx, out: &mut Vec<Raw>, i: usize) {
    let (text, toks, g) = (cx.text, &cx.toks[..], cx.g);
    let Some((head, _)) = cx.tx(i).split_once('-') else {
        return;
    };
    let end = toks[i].span.start + head.len();
    for back in 1..=2 {
        let Some(k) = i.checked_sub(back) else {
            return;
        };
        if !is_capital(cx.tx(k)) || (k < i - 1 && !plain_gap(toks[k + 1].gap(text))) {
            return;
        }
        let name = &text[toks[k].span.start..end];
        let hit = g
            .find(name, |s, e| s == 0 && e == name.len())
            .into_iter()
            .next()
            .filter(|m| g.entries[m.entry].kind == GazKind::Loc);
        if let Some(m) = hit {
            let sp = Span::new(toks[k].span.start, end);
            out.retain(|r| r.span.end <= sp.start || r.span.start >= sp.end);
            out.push(Raw::known(sp, Kind::Loc, m.entry));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::entity_detect::detect;
    use super::*;

    #[test]
    fn a_place_before_a_compound_s_hyphen_is_tagged_alone() {
        let t = "Palo Alto-based HP hired a Glasgow-born star from a South Dakota-sized farm.";
        let found: Vec<(&str, Option<Kind>)> = detect(t, Span::new(0, t.len()), false)
            .into_iter()
            .map(|r| (r.span.of(t), r.kind))
            .collect();
        for place in ["Palo Alto", "Glasgow", "South Dakota"] {
            assert!(
                found.contains(&(place, Some(Kind::Loc))),
                "{place}: {found:?}"
            );
        }
        assert!(!found.iter().any(|(n, _)| *n == "Palo"), "{found:?}");
    }
}

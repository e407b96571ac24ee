//! Tokens the scan of [`super::entity_detect`] reads before it looks for a run of capitalised
//! words: one-token names of a hyphenated shape ("Japanese-Americans", "Canada-Russia"), names
//! that start with a digit (numbered roads, military units, model numbers), and tokens that
//! cannot open a name ("Canadian-born", lower-case words).

use super::entities::{Kind, Raw};
use super::entity_context::{model, numbered_road};
use super::entity_detect::{candidate, plain_gap, Ctx};
use super::entity_institutions::{military_unit, span_of};
use super::entity_quoted::{ethnic_compound, hyphen_pair, hyphen_prefix};
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
        }
        return Some(i + 1);
    }
    None
}

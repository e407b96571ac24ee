//! Names the capitalised-run scan cuts in two at a joint it does not cross: a firm's two names
//! joined by "&" ("Ernst & Young", "Frost & Sullivan"), a name that holds a plural noun's
//! possessive ("St. Jude Children's Research Center", "People's Party"), and a known name that
//! ends in a possessive ("Macy's", "McDonald's"), whose "'s" the tokenizer splits off. The
//! scan in [`super::entity_detect`] runs these over its mentions at the end.

use super::entities::{Kind, Raw};
use super::entity_detect::plain_gap;
use super::entity_words::CALENDAR;
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_capital, Tok};
use crate::model::Span;

/// Plural nouns whose possessive stands inside names ("Children's Hospital", "Veterans'
/// Affairs", "Women's Health Center").
const GROUP_NOUNS: &[&str] = &[
    "Children", "Women", "Men", "People", "Veterans", "Workers", "Farmers", "Teachers", "Nurses",
    "Kids", "Citizens", "Mothers", "Soldiers", "Sailors", "Boys", "Girls",
];

/// The possessive endings the tokenizer splits off a name.
const POSSESSIVES: &[&str] = &["'s", "\u{2019}s"];

/// Ends of tokens followed by a possessive, as (end past the "'s", token): a gazetteer name
/// that holds its possessive ("Macy's") may end there.
pub(super) fn possessive_ends(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    toks.iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let rest = &text[t.span.end..];
            POSSESSIVES
                .iter()
                .find(|p| rest.starts_with(*p))
                .map(|p| (t.span.end + p.len(), i))
        })
        .collect()
}

/// A known name whose canonical form ends in a possessive ("Macy's", "Kellogg's") keeps it.
pub(super) fn keep_possessive(text: &str, out: &mut [Raw]) {
    let g = Gazetteer::get();
    for r in out.iter_mut() {
        let Some(e) = r.gaz else { continue };
        if !g.entries[e].name.ends_with("'s") {
            continue;
        }
        if let Some(p) = POSSESSIVES
            .iter()
            .find(|p| text[r.span.end..].starts_with(*p))
        {
            r.span.end += p.len();
            r.full.end = r.full.end.max(r.span.end);
        }
    }
}

/// Puts a mention of `kind` over `sp`, dropping the mentions it overlaps.
fn put(out: &mut Vec<Raw>, sp: Span, kind: Kind) {
    out.retain(|r| r.span.end <= sp.start || r.span.start >= sp.end);
    out.push(Raw::typed(sp, kind));
}

/// The mention that holds token `tok`, if any.
fn holding<'a>(out: &'a [Raw], tok: &Tok) -> Option<&'a Raw> {
    out.iter()
        .find(|r| r.span.start <= tok.span.start && tok.span.end <= r.span.end)
}

/// "Ernst & Young", "Frost & Sullivan", "Barnes & Noble": capitalised names on both sides of
/// a free-standing "&" are one organisation, unless one known name already spans it or a
/// known place stands before it.
pub(super) fn ampersand_names(text: &str, toks: &[Tok], out: &mut Vec<Raw>) {
    let g = Gazetteer::get();
    let n = toks.len();
    let cap = |i: usize| {
        let w = toks[i].text(text);
        is_capital(w) && !CALENDAR.contains(&w)
    };
    for k in 1..n {
        if toks[k].gap(text) != " & " || !cap(k - 1) || !cap(k) {
            continue;
        }
        let left = holding(out, &toks[k - 1]);
        if left.is_some_and(|r| {
            r.span.end > toks[k - 1].span.end
                || r.gaz.is_some_and(|e| g.entries[e].kind == GazKind::Loc)
        }) {
            continue;
        }
        // "King's Bar & Grill": the words before it, across a possessive too.
        let mut a = k - 1;
        while a > 0
            && a + 3 > k
            && (plain_gap(toks[a].gap(text))
                || POSSESSIVES
                    .iter()
                    .any(|p| toks[a].gap(text) == format!("{p} ")))
            && cap(a - 1)
        {
            a -= 1;
        }
        if let Some(r) = left {
            a = a.min(
                toks.iter()
                    .position(|t| t.span.start == r.span.start)
                    .unwrap_or(a),
            );
        }
        if toks[a].text(text) == "The" && a + 1 < k {
            a += 1;
        }
        let mut b = k + 1;
        while b < n && b < k + 3 && plain_gap(toks[b].gap(text)) && cap(b) {
            b += 1;
        }
        put(
            out,
            Span::new(toks[a].span.start, toks[b - 1].span.end),
            Kind::Org,
        );
    }
}

/// "St. Jude Children's Research Center", "Children's Learning Place": a plural noun's
/// possessive inside a name joins the names on both sides; the name after it gives the type
/// (an organisation when it tells none).
pub(super) fn group_possessives(text: &str, toks: &[Tok], out: &mut Vec<Raw>) {
    for k in 0..toks.len().saturating_sub(1) {
        let w = toks[k].text(text);
        let joint = toks[k + 1].gap(text);
        if !GROUP_NOUNS.contains(&w) || !POSSESSIVES.iter().any(|p| joint == format!("{p} ")) {
            continue;
        }
        let Some(right) = out
            .iter()
            .find(|r| r.span.start == toks[k + 1].span.start)
            .cloned()
        else {
            continue;
        };
        let kind = match right.kind {
            Some(Kind::Per) => continue,
            Some(Kind::Misc) if right.gaz.is_some() => Kind::Misc,
            Some(Kind::Loc) => Kind::Loc,
            _ => Kind::Org,
        };
        let mut start = holding(out, &toks[k]).map_or(toks[k].span.start, |r| r.span.start);
        // "The Children's Hospital": "The" stays outside.
        if text[start..].starts_with("The ") && start + 4 < toks[k].span.end {
            start += 4;
        }
        put(out, Span::new(start, right.span.end), kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::tokenize;

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text, Span::new(0, text.len()))
    }

    fn words(text: &str, out: &[Raw]) -> Vec<(String, Option<Kind>)> {
        let mut out = out.to_vec();
        out.sort_by_key(|r| r.span.start);
        out.iter()
            .map(|r| (r.span.of(text).to_string(), r.kind))
            .collect()
    }

    #[test]
    fn names_joined_by_an_ampersand_are_one_organisation() {
        let text = "a report by Frost & Sullivan said";
        let t = toks(text);
        // The scan found "Frost" and "Sullivan" apart.
        let mut out = vec![
            Raw::typed(t[3].span, Kind::Per),
            Raw::typed(t[4].span, Kind::Per),
        ];
        ampersand_names(text, &t, &mut out);
        assert_eq!(
            words(text, &out),
            vec![("Frost & Sullivan".to_string(), Some(Kind::Org))]
        );
        // Lower case on one side: no name.
        let text = "rock & roll";
        let mut out = Vec::new();
        ampersand_names(text, &toks(text), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_plural_possessive_joins_the_names_around_it() {
        let text = "at St. Jude Children\u{2019}s Research Center in Memphis";
        let t = toks(text);
        let mut out = vec![
            Raw::typed(Span::new(t[1].span.start, t[3].span.end), Kind::Loc),
            Raw::typed(Span::new(t[4].span.start, t[5].span.end), Kind::Org),
        ];
        group_possessives(text, &t, &mut out);
        assert_eq!(
            words(text, &out),
            vec![(
                "St. Jude Children\u{2019}s Research Center".to_string(),
                Some(Kind::Org)
            )]
        );
    }

    #[test]
    fn a_known_possessive_name_keeps_its_possessive() {
        let text = "clients such as Macy\u{2019}s and Ford";
        let t = toks(text);
        assert_eq!(possessive_ends(text, &t), vec![(t[3].span.end + 4, 3)]);
        let g = Gazetteer::get();
        let e = g
            .entries
            .iter()
            .position(|e| e.name == "Macy's")
            .expect("Macy's is in the gazetteer");
        let mut out = vec![Raw::known(t[3].span, Kind::Org, e)];
        keep_possessive(text, &mut out);
        assert_eq!(out[0].span.of(text), "Macy\u{2019}s");
    }
}

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
//!
//! This file holds the scan itself, one token at a time, and the passes after it; each step
//! lives in a file of its own: a known name ([`super::entity_known`]), the special tokens read
//! before a run ([`super::entity_special_tokens`]), a run's extent
//! ([`super::entity_run_extent`]), the kind its own words give it
//! ([`super::entity_run_suffix`]), the evidence around it ([`super::entity_run_evidence`]) and
//! the decision of its kind ([`super::entity_run_kind`]). The scan's state ([`State`]: the
//! mentions so far, the last title, the place before it) is passed to each step explicitly.

use super::entities::{Kind, Raw};
use super::entity_appositions::appositions;
use super::entity_context::time_zone;
use super::entity_cues::in_link;
use super::entity_joins::{ampersand_names, group_possessives, keep_possessive, possessive_ends};
use super::entity_known::known_name;
use super::entity_leading_words::leading_words;
use super::entity_named_cities::named_cities;
use super::entity_nicknames::nicknames;
use super::entity_phrases::{compass_regions, ethnic_people, named_days, sequels, works};
use super::entity_products::editions;
use super::entity_quoted::{ethnic_groups, quoted_titles};
use super::entity_run_evidence::Evidence;
use super::entity_run_extent::{run_end, run_start, words_before_title};
use super::entity_run_kind::{dateline_run, push_run, run_kind};
use super::entity_run_suffix::{
    join_known_before, name_start, product_after_company, suffix_kind, Run,
};
use super::entity_special_tokens::special_token;
use super::entity_sports::sports_results;
use super::entity_words::{is_stop, CALENDAR, NOT_NAMES};
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_capital, is_initial, tokenize, Tok};
use crate::model::Span;
use std::collections::HashMap;

/// True for a token that may be a name's word: capitalised or an initial, and no month, day
/// or word of the no-names list.
pub(super) fn candidate(t: &str) -> bool {
    // "Canadian-born", "Moscow-based": a capital before a lower-case compound is no name.
    let compound = t
        .split_once('-')
        .is_some_and(|(_, b)| b.starts_with(char::is_lowercase));
    // "KOs", "CEOs": the plural of an abbreviation is a common noun.
    let plural_abbreviation = t.len() >= 3
        && t.ends_with('s')
        && t[..t.len() - 1].chars().all(|c| c.is_ascii_uppercase());
    // "Q4 Profit", "1Q Sales": a fiscal quarter is a date.
    let quarter = matches!(t.as_bytes(), [b'Q', b'1'..=b'4'] | [b'1'..=b'4', b'Q']);
    (is_capital(t) || is_initial(t))
        && !quarter
        && !CALENDAR.contains(&t)
        && !NOT_NAMES.contains(&t)
        && !compound
        && !plural_abbreviation
}

/// True for a gap of spaces only, within one line.
pub(super) fn plain_gap(g: &str) -> bool {
    g.chars().all(char::is_whitespace) && !g.contains('\n')
}

/// True for a gap that may open a sentence (a stop, a quote, a bracket, a dash, a new line).
pub(super) fn opens_sentence(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            '\u{201c}' | '"' | '\u{2018}' | '(' | '\u{2014}' | ':' | '\n' | '.' | '?' | '!' | '|'
        )
    })
}

/// The text being scanned and what is known of its tokens before the scan starts.
pub(super) struct Ctx<'a> {
    /// The whole text.
    pub(super) text: &'a str,
    /// The part of it scanned.
    pub(super) span: Span,
    /// Title-case text, where capitals say nothing.
    pub(super) headline: bool,
    /// The gazetteer.
    pub(super) g: &'static Gazetteer,
    /// The tokens of `span`.
    pub(super) toks: Vec<Tok>,
    /// Their number.
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

/// Reads the run of capitalised words from token `i`, decides its kind and returns the token
/// after it.
fn capitalised_run(cx: &Ctx, st: &mut State, i: usize) -> usize {
    let j = run_end(cx, st.title, i);
    let Some((s, initial)) = run_start(cx, i, j) else {
        return j;
    };
    if words_before_title(cx, st, s, j) {
        return j;
    }
    let mut run = Run::new(cx, st, s, j, initial);
    run.suffix_kind = suffix_kind(cx, &st.out, &run);
    join_known_before(cx, &mut st.out, &mut run);
    product_after_company(cx, &mut st.out, &mut run);
    name_start(cx, &mut run);
    let ev = Evidence::new(cx, &run);
    if let Some(next) = dateline_run(cx, st, &run) {
        return next;
    }
    let kind = run_kind(cx, &st.out, &run, &ev);
    push_run(cx, &mut st.out, &run, kind);
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
    leading_words(text, &mut out);
    named_cities(text, &mut out);
    sports_results(text, span, &mut out);
    appositions(text, &mut out);
    editions(text, span.end, &mut out);
    out
}

/// The mention kind of a gazetteer kind (a title stands for a person).
pub(super) fn gaz_kind(k: GazKind) -> Kind {
    match k {
        GazKind::Loc => Kind::Loc,
        GazKind::Org | GazKind::Media => Kind::Org,
        GazKind::Per | GazKind::Title => Kind::Per,
        GazKind::Misc => Kind::Misc,
    }
}

//! Claims: the same fact stated by several sources, and where the sources part ways.
//!
//! Two sentences of different articles state the same fact when each holds enough of the
//! other's content (IDF-weighted containment of content stems, both ways, as in
//! [`crate::summarize::support`]). A claim is a sentence with its matches in other articles;
//! its support counts independence groups, not articles, so a copy adds nothing.
//!
//! Conflicts are looked for where sources can be compared line by line: the same counted
//! noun with a different figure or hedge ("100,000 troops" / "over 100,000 troops"), the same
//! person spelt differently, the same quote in different words, and statements about the
//! outcome with opposite polarity ("reached a truce" / "no agreement was reached"), where a
//! hedged or hypothetical statement ("would be an agreement", "didn't expect any
//! breakthroughs") is not taken as either.

use super::entities::{Entities, Kind};
use super::numbers::{quantities, Quantity};
use super::quotes::{norm_words, Quotes};
use super::tokens::tokenize;
use crate::clean::RegionKind;
use crate::model::Span;
use crate::story::{containment, Story};
use serde::Serialize;

/// What kind of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// A different figure or hedge for the same quantity.
    Number,
    /// A different date for the same event.
    Date,
    /// The same person or place named differently.
    Name,
    /// The same quote in different words.
    Quote,
    /// A statement that says the opposite.
    Contradiction,
}

/// One disagreeing version.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Kind.
    pub kind: ConflictKind,
    /// Where the version is stated (document, bytes).
    pub doc: usize,
    /// Its bytes in that document's text.
    pub span: Span,
    /// What the claim's own sentence says instead, when it says it in so many words.
    pub versus: Option<String>,
    /// Documents giving this version.
    pub docs: Vec<usize>,
}

/// A fact and the sources that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The sentence that states it (a unit of the story).
    pub unit: usize,
    /// Matching sentences in other articles (units), including `unit`.
    pub units: Vec<usize>,
    /// Documents that state it, in order.
    pub docs: Vec<usize>,
    /// Independent sources among them (independence groups).
    pub independent: usize,
    /// Where sources disagree.
    pub conflicts: Vec<Conflict>,
}

/// A sentence that only one independent source reports.
#[derive(Debug, Clone, PartialEq)]
pub struct SingleSource {
    /// The sentence (a unit).
    pub unit: usize,
    /// The document and its copies that hold the same sentence.
    pub docs: Vec<usize>,
    /// Names and figures in it that no other independent source mentions.
    pub unique: Vec<String>,
}

/// Claims and single-source facts of a story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims {
    /// Claims stated by two or more articles or with conflicts, best supported first.
    pub claims: Vec<Claim>,
    /// Facts only one independent source reports, in reading order.
    pub single_source: Vec<SingleSource>,
}

/// Thresholds of claim alignment.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClaimOptions {
    /// Two sentences state the same fact when the larger of their containments (each in the
    /// other, 0..1) reaches this…
    pub same_fact: f32,
    /// … and the smaller one reaches this.
    pub same_fact_min: f32,
    /// Shortest sentence (words) listed as a single-source fact.
    pub min_words: usize,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            same_fact: 0.4,
            same_fact_min: 0.2,
            min_words: 6,
        }
    }
}

/// The two containments of a pair of sentences, larger first.
fn similarity(story: &Story, u: usize, v: usize) -> (f32, f32) {
    let (a, b) = (&story.units[u].bag, &story.units[v].bag);
    let (x, y) = (containment(a, b), containment(b, a));
    (x.max(y), x.min(y))
}

/// Aligns sentences into claims, finds conflicts and single-source facts.
pub fn find(story: &Story, ents: &Entities, quotes: &Quotes, opts: &ClaimOptions) -> Claims {
    let n = story.units.len();
    let nd = story.docs.len();
    // Best match of each unit in each other document.
    let mut matches: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for (u, m) in matches.iter_mut().enumerate() {
        let du = story.units[u].doc;
        if story.units[u].words < opts.min_words {
            continue;
        }
        for d in (0..nd).filter(|&d| d != du) {
            let best = story
                .doc_units(d)
                .filter(|&v| story.units[v].words >= opts.min_words)
                .map(|v| (v, similarity(story, u, v)))
                .filter(|(_, (hi, lo))| *hi >= opts.same_fact && *lo >= opts.same_fact_min)
                .max_by(|a, b| (a.1 .0 + a.1 .1).total_cmp(&(b.1 .0 + b.1 .1)));
            if let Some((v, (hi, lo))) = best {
                m.push((v, (hi + lo) / 2.0));
            }
        }
    }
    let groups_of = |units: &[usize]| {
        let mut g: Vec<usize> = units
            .iter()
            .map(|&u| story.group[story.units[u].doc])
            .collect();
        g.sort_unstable();
        g.dedup();
        g.len()
    };
    let mut order: Vec<usize> = (0..n).filter(|&u| !matches[u].is_empty()).collect();
    let score = |u: usize| {
        let mut all: Vec<usize> = matches[u].iter().map(|m| m.0).collect();
        all.push(u);
        (
            groups_of(&all),
            all.len(),
            matches[u].iter().map(|m| m.1).sum::<f32>(),
        )
    };
    order.sort_by(|&a, &b| {
        let (sa, sb) = (score(a), score(b));
        sb.0.cmp(&sa.0)
            .then(sb.1.cmp(&sa.1))
            .then(sb.2.total_cmp(&sa.2))
            .then(a.cmp(&b))
    });
    let mut claim_of: Vec<Option<usize>> = vec![None; n];
    let mut claims: Vec<Claim> = Vec::new();
    for u in order {
        if claim_of[u].is_some() {
            continue;
        }
        let mut units = vec![u];
        for &(v, _) in &matches[u] {
            if claim_of[v].is_none() {
                units.push(v);
            }
        }
        if units.len() < 2 {
            continue;
        }
        let c = claims.len();
        for &v in &units {
            claim_of[v] = Some(c);
        }
        claims.push(new_claim(u, units));
    }
    let mut ensure = |claims: &mut Vec<Claim>,
                      claim_of: &mut Vec<Option<usize>>,
                      seed: usize,
                      more: &[usize]| {
        let c = match claim_of[seed].or_else(|| more.iter().find_map(|&v| claim_of[v])) {
            Some(c) => c,
            None => {
                claims.push(new_claim(seed, vec![seed]));
                claim_of[seed] = Some(claims.len() - 1);
                claims.len() - 1
            }
        };
        for &v in more {
            if claim_of[v].is_none() {
                claim_of[v] = Some(c);
                claims[c].units.push(v);
            }
        }
        c
    };
    // Figures: the same counted noun, a close value, another figure or hedge.
    let qs: Vec<Vec<Quantity>> = (0..n)
        .map(|u| {
            let un = &story.units[u];
            let doc = &story.docs[un.doc];
            quantities(&doc.article.text, doc.sentences[un.sent].span)
        })
        .collect();
    let with_qs: Vec<usize> = (0..n).filter(|&u| !qs[u].is_empty()).collect();
    for (k, &u) in with_qs.iter().enumerate() {
        for &v in &with_qs[k + 1..] {
            let (du, dv) = (story.units[u].doc, story.units[v].doc);
            if story.group[du] == story.group[dv] {
                continue;
            }
            for a in &qs[u] {
                for b in qs[v]
                    .iter()
                    .filter(|b| b.noun == a.noun && close(a.value, b.value))
                {
                    let (seed, other, qa, qb) = if claim_of[v].is_some() && claim_of[u].is_none() {
                        (v, u, b, a)
                    } else {
                        (u, v, a, b)
                    };
                    let c = ensure(&mut claims, &mut claim_of, seed, &[other]);
                    if qa.value != qb.value || qa.hedge != qb.hedge {
                        let od = story.units[other].doc;
                        let ot = &story.docs[od].article.text;
                        let st = &story.docs[story.units[seed].doc].article.text;
                        push_conflict(
                            &mut claims[c],
                            story,
                            ConflictKind::Number,
                            od,
                            qb.span,
                            Some(qa.span.of(st).to_string()),
                            ot,
                        );
                    }
                }
            }
        }
    }
    // Quotes in different words.
    for g in quotes.groups.iter().filter(|g| g.wording_differs) {
        let unit_of = |q: usize| story.doc_start[quotes.quotes[q].doc] + quotes.quotes[q].sent;
        let seed = unit_of(g.main);
        let more: Vec<usize> = g.quotes.iter().map(|&q| unit_of(q)).collect();
        let c = ensure(&mut claims, &mut claim_of, seed, &more);
        let own_doc = story.units[claims[c].unit].doc;
        let own = g
            .quotes
            .iter()
            .find(|&&q| quotes.quotes[q].doc == own_doc)
            .map_or(g.main, |&q| q);
        let own_q = &quotes.quotes[own];
        let own_text = own_q
            .span
            .of(&story.docs[own_q.doc].article.text)
            .to_string();
        let own_words = norm_words(&own_text);
        for &q in &g.quotes {
            let qq = &quotes.quotes[q];
            let t = &story.docs[qq.doc].article.text;
            if norm_words(qq.span.of(t)) != own_words {
                push_conflict(
                    &mut claims[c],
                    story,
                    ConflictKind::Quote,
                    qq.doc,
                    qq.span,
                    Some(own_text.clone()),
                    t,
                );
            }
        }
    }
    // Names spelt differently within one claim.
    for claim in claims.iter_mut() {
        name_conflicts(claim, story, ents);
    }
    // Statements of opposite polarity about the outcome.
    contradictions(story, &mut claims, &mut claim_of, &mut ensure);
    for c in claims.iter_mut() {
        c.units.sort_unstable();
        c.units.dedup();
        let mut docs: Vec<usize> = c.units.iter().map(|&u| story.units[u].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        c.independent = groups_of(&c.units);
        c.docs = docs;
    }
    let single_source = single_sources(story, ents, &qs, &matches, &claims, &claim_of, opts);
    claims.retain(|c| c.docs.len() >= 2 || !c.conflicts.is_empty());
    claims.sort_by(|a, b| {
        b.independent
            .cmp(&a.independent)
            .then(b.docs.len().cmp(&a.docs.len()))
            .then(a.unit.cmp(&b.unit))
    });
    Claims {
        claims,
        single_source,
    }
}

fn new_claim(unit: usize, units: Vec<usize>) -> Claim {
    Claim {
        unit,
        units,
        docs: Vec::new(),
        independent: 0,
        conflicts: Vec::new(),
    }
}

fn close(a: f64, b: f64) -> bool {
    a > 0.0 && b > 0.0 && (a - b).abs() <= 0.25 * a.max(b)
}

fn push_conflict(
    claim: &mut Claim,
    story: &Story,
    kind: ConflictKind,
    doc: usize,
    span: Span,
    versus: Option<String>,
    text: &str,
) {
    let t = norm_words(span.of(text));
    let same = |c: &Conflict| {
        c.kind == kind && norm_words(c.span.of(&story.docs[c.doc].article.text)) == t
    };
    match claim.conflicts.iter_mut().find(|c| same(c)) {
        Some(c) => {
            if !c.docs.contains(&doc) {
                c.docs.push(doc);
                c.docs.sort_unstable();
            }
        }
        None => claim.conflicts.push(Conflict {
            kind,
            doc,
            span,
            versus,
            docs: vec![doc],
        }),
    }
}

fn name_conflicts(claim: &mut Claim, story: &Story, ents: &Entities) {
    let seed_doc = story.units[claim.unit].doc;
    let mut forms: Vec<(usize, usize, Span)> = Vec::new(); // (entity, doc, span)
    for &u in &claim.units {
        let un = &story.units[u];
        for m in ents
            .mentions
            .iter()
            .filter(|m| m.doc == un.doc && m.sent == Some(un.sent))
        {
            if ents.entities[m.entity].kind == Kind::Per {
                forms.push((m.entity, un.doc, m.span));
            }
        }
    }
    let core = |d: usize, s: Span| {
        let t = s.of(&story.docs[d].article.text);
        let w: Vec<&str> = t
            .split_whitespace()
            .filter(|w| !super::tokens::is_initial(w))
            .collect();
        (w.len() >= 2).then(|| w.join(" "))
    };
    for &(e, d, s) in &forms {
        let Some(name) = core(d, s) else { continue };
        let own = forms
            .iter()
            .filter(|f| f.0 == e && f.1 == seed_doc)
            .find_map(|f| core(f.1, f.2));
        if let Some(own) = own {
            if own != name && d != seed_doc {
                let text = &story.docs[d].article.text;
                push_conflict(claim, story, ConflictKind::Name, d, s, Some(own), text);
            }
        }
    }
}

const OUTCOME: &[&str] = &[
    "truce",
    "agreement",
    "agreements",
    "deal",
    "accord",
    "breakthrough",
    "breakthroughs",
    "outcome",
    "ceasefire",
    "progress",
    "compromise",
    "consensus",
    "settlement",
];
const NEGATION: &[&str] = &[
    "no", "not", "never", "without", "failed", "nor", "neither", "lack",
];
const HEDGE: &[&str] = &[
    "would",
    "could",
    "may",
    "might",
    "can",
    "will",
    "hope",
    "hopes",
    "hoping",
    "expect",
    "expects",
    "expected",
    "attempt",
    "aim",
    "aimed",
    "if",
    "whether",
    "seek",
    "seeks",
    "try",
    "possible",
    "potential",
    "chance",
    "want",
    "wants",
    "sort",
    "kind",
    "towards",
    "toward",
];

/// +1 for a statement that an outcome was reached, -1 for one that it was not, 0 otherwise.
pub fn polarity(text: &str, span: Span) -> i8 {
    let toks: Vec<String> = tokenize(text, span)
        .iter()
        .map(|t| t.text(text).to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let mut result = 0;
    for (k, w) in toks.iter().enumerate() {
        if !OUTCOME.contains(&w.as_str()) {
            continue;
        }
        let window = &toks[k.saturating_sub(8)..k];
        if window.iter().any(|x| HEDGE.contains(&x.as_str())) {
            continue;
        }
        let neg = window
            .iter()
            .any(|x| NEGATION.contains(&x.as_str()) || x.ends_with("n't"));
        // An "outcome" or "progress" is news only when there is none.
        if !neg && matches!(w.as_str(), "outcome" | "progress") {
            continue;
        }
        result = if neg {
            -1
        } else if result == 0 {
            1
        } else {
            result
        };
    }
    result
}

/// The words around the first outcome noun of a sentence, up to the end of its clause
/// ("reached a truce until next week").
fn outcome_phrase(text: &str, span: Span) -> Option<String> {
    let toks = tokenize(text, span);
    let k = toks
        .iter()
        .position(|t| OUTCOME.contains(&t.text(text).to_lowercase().as_str()))?;
    let start = toks[k.saturating_sub(2)].span.start;
    let mut end = toks[k].span.end;
    for t in toks.iter().skip(k + 1).take(6) {
        if t.gap(text).contains([',', ';', ':', '.']) {
            break;
        }
        end = t.span.end;
    }
    Some(text[start..end].to_string())
}

type Ensure<'a> =
    dyn FnMut(&mut Vec<Claim>, &mut Vec<Option<usize>>, usize, &[usize]) -> usize + 'a;

fn contradictions(
    story: &Story,
    claims: &mut Vec<Claim>,
    claim_of: &mut Vec<Option<usize>>,
    ensure: &mut Ensure<'_>,
) {
    let mut pos = Vec::new();
    let mut neg: Vec<(usize, Span)> = Vec::new();
    for (u, un) in story.units.iter().enumerate() {
        let doc = &story.docs[un.doc];
        match polarity(&doc.article.text, doc.sentences[un.sent].span) {
            1 => pos.push(u),
            -1 => neg.push((un.doc, doc.sentences[un.sent].span)),
            _ => {}
        }
    }
    for (d, doc) in story.docs.iter().enumerate() {
        for r in doc.regions.iter().filter(|r| r.kind == RegionKind::Title) {
            if polarity(&doc.article.text, r.span) == -1 {
                neg.push((d, r.span));
            }
        }
    }
    neg.sort();
    for &p in &pos {
        let pd = story.units[p].doc;
        let against: Vec<&(usize, Span)> = neg
            .iter()
            .filter(|(d, _)| story.group[*d] != story.group[pd])
            .collect();
        if against.is_empty() {
            continue;
        }
        let c = ensure(claims, claim_of, p, &[]);
        let pdoc = &story.docs[pd];
        let versus = outcome_phrase(&pdoc.article.text, pdoc.sentences[story.units[p].sent].span);
        for &&(d, s) in &against {
            let text = &story.docs[d].article.text;
            push_conflict(
                &mut claims[c],
                story,
                ConflictKind::Contradiction,
                d,
                s,
                versus.clone(),
                text,
            );
        }
    }
}

fn single_sources(
    story: &Story,
    ents: &Entities,
    qs: &[Vec<Quantity>],
    matches: &[Vec<(usize, f32)>],
    claims: &[Claim],
    claim_of: &[Option<usize>],
    opts: &ClaimOptions,
) -> Vec<SingleSource> {
    let mut out: Vec<SingleSource> = Vec::new();
    let mut listed = vec![false; story.units.len()];
    for (u, un) in story.units.iter().enumerate() {
        if listed[u] || un.words < opts.min_words {
            continue;
        }
        let g = story.group[un.doc];
        let elsewhere = matches[u]
            .iter()
            .any(|&(v, _)| story.group[story.units[v].doc] != g)
            || claim_of[u].is_some_and(|c| {
                claims[c]
                    .units
                    .iter()
                    .any(|&v| story.group[story.units[v].doc] != g)
            });
        if elsewhere {
            continue;
        }
        let mut docs = vec![un.doc];
        for &(v, _) in &matches[u] {
            listed[v] = true;
            docs.push(story.units[v].doc);
        }
        docs.sort_unstable();
        docs.dedup();
        let mut unique = Vec::new();
        for m in ents
            .mentions
            .iter()
            .filter(|m| m.doc == un.doc && m.sent == Some(un.sent))
        {
            let e = &ents.entities[m.entity];
            if e.docs.iter().all(|&d| story.group[d] == g) && !unique.contains(&e.name) {
                unique.push(e.name.clone());
            }
        }
        let text = &story.docs[un.doc].article.text;
        for q in &qs[u] {
            let elsewhere = qs.iter().enumerate().any(|(v, qv)| {
                story.group[story.units[v].doc] != g
                    && qv
                        .iter()
                        .any(|x| x.noun == q.noun && close(x.value, q.value))
            });
            if !elsewhere {
                unique.push(q.span.of(text).to_string());
            }
        }
        out.push(SingleSource {
            unit: u,
            docs,
            unique,
        });
    }
    out
}

/// Adds a `date` conflict to each claim whose sentences, in independent sources, date the
/// fact to different days (each sentence's day-precise dates, none shared with the claim's
/// own sentence).
pub fn date_conflicts(story: &Story, claims: &mut Claims, timeline: &super::timeline::Timeline) {
    use super::timeline::Precision;
    let days = |u: usize| {
        timeline
            .dated
            .iter()
            .filter(move |d| d.unit == u && d.precision == Precision::Day)
    };
    for c in claims.claims.iter_mut() {
        let seed_doc = story.units[c.unit].doc;
        let own: Vec<&super::timeline::Dated> = days(c.unit).collect();
        let Some(first) = own.first() else { continue };
        let st = &story.docs[seed_doc].article.text;
        let versus = first.span.of(st).to_string();
        for u in c.units.clone() {
            let d = story.units[u].doc;
            if story.group[d] == story.group[seed_doc] {
                continue;
            }
            let theirs: Vec<&super::timeline::Dated> = days(u).collect();
            if !theirs.is_empty() && !theirs.iter().any(|t| own.iter().any(|o| o.date == t.date)) {
                let t = &story.docs[d].article.text;
                let span = theirs[0].span;
                push_conflict(
                    c,
                    story,
                    ConflictKind::Date,
                    d,
                    span,
                    Some(versus.clone()),
                    t,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pol(t: &str) -> i8 {
        polarity(t, Span::new(0, t.len()))
    }

    #[test]
    fn outcome_polarity() {
        assert_eq!(
            pol("the officials had a positive talk and reached a truce until next week."),
            1
        );
        assert_eq!(
            pol("So no agreement was reached between the two diplomats, as expected."),
            -1
        );
        assert_eq!(pol("No Ukraine Breakthroughs As of Yet"), -1);
        assert_eq!(
            pol("We didn\u{2019}t expect any major breakthroughs to happen today"),
            0
        );
        assert_eq!(
            pol("the positive outcome for both sides would be an agreement to de-escalate"),
            0
        );
        assert_eq!(pol("Blinken met Lavrov in Geneva."), 0);
    }
}

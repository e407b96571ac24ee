//! Direct quotes: who said what, in which words, in which articles.
//!
//! Quotation marks are paired per paragraph (curly and straight double quotes; single curly
//! quotes when they cannot be apostrophes). A paragraph that opens a quotation and does not
//! close it starts a *quoted article* (an outlet's text pasted in): it runs until a closing
//! mark with no opener, or, when the pasted text is another article of the story, for as long
//! as the paragraphs are found in that article. Quotes inside it are attributed to that
//! outlet as well.
//!
//! The speaker is found around a reporting verb outside the quotation marks of the same
//! sentence (a verb right after the quote first, then the nearest one before it, then any):
//! the nearest named person on its left, or right after it ("said Blinken"); a pronoun is the
//! last named speaker of the article ("he added"); a sentence that is only a quote takes the
//! speaker of the next sentence's attribution or, failing that, of the quote just before.

use super::entities::{Entities, Kind, REPORTING};
use super::tokens::{tokenize, Tok};
use crate::clean::RegionKind;
use crate::model::Span;
use crate::story::{cosine, Story};
use std::collections::HashMap;

/// Who said a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The entity, when the speaker is a named one (or a pronoun resolved to one).
    pub entity: Option<usize>,
    /// The words that name the speaker in the text ("Blinken", "he", "an official").
    pub span: Span,
}

/// One direct quote in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Document index.
    pub doc: usize,
    /// Sentence index.
    pub sent: usize,
    /// The quoted words (inside the marks).
    pub span: Span,
    /// The speaker, when found.
    pub speaker: Option<Speaker>,
    /// The reporting verb ("said", "told", "according to").
    pub verb: Option<String>,
    /// A fragment worked into the writer's sentence rather than a full quoted sentence.
    pub partial: bool,
    /// Outlets whose pasted article holds the quote (names as written).
    pub via: Vec<String>,
}

/// The same quote across articles.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteGroup {
    /// Indices into the quote list, by document.
    pub quotes: Vec<usize>,
    /// The wording most sources use (index of a member quote).
    pub main: usize,
    /// True when the sources quote different words (not one a part of the other).
    pub wording_differs: bool,
}

/// Quotes of a story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quotes {
    /// Every quote, by document then position.
    pub quotes: Vec<Quote>,
    /// Groups of the same quote, first appearance first.
    pub groups: Vec<QuoteGroup>,
}

const NOMINAL: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "diplomat",
    "diplomats",
    "minister",
    "government",
    "ministry",
    "source",
    "sources",
    "statement",
    "secretary",
    "president",
    "administration",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "report",
    "readout",
    "leader",
    "leaders",
    "police",
    "authorities",
];
const PRONOUN: &[&str] = &["he", "she", "He", "She", "they", "They", "I", "We", "we"];

fn is_open(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{00ab}')
}

fn is_close(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{00bb}')
}

/// Quotation marks of a paragraph: paired inner spans, whether a mark opened and stayed open
/// (first opener's position), and the first closer without an opener.
#[derive(Debug, Default)]
struct Marks {
    pairs: Vec<Span>,
    unclosed: Option<usize>,
    stray_close: Option<usize>,
}

fn scan(text: &str, span: Span) -> Marks {
    let s = span.of(text);
    let mut m = Marks::default();
    let mut open: Option<usize> = None;
    let mut single: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let abs = span.start + i;
        let straight_opens = c == '"' && open.is_none();
        if is_open(c) || straight_opens {
            if open.is_none() {
                open = Some(abs + c.len_utf8());
            }
        } else if is_close(c) || c == '"' {
            match open.take() {
                Some(o) => m.pairs.push(Span::new(o, abs)),
                None => {
                    if m.stray_close.is_none() {
                        m.stray_close = Some(abs);
                    }
                }
            }
        } else if c == '\u{2018}'
            && open.is_none()
            && prev.is_none_or(|p| p.is_whitespace() || p == '(')
        {
            single = Some(abs + c.len_utf8());
        } else if c == '\u{2019}' && open.is_none() && !next.is_some_and(char::is_alphanumeric) {
            if let Some(o) = single.take() {
                m.pairs.push(Span::new(o, abs));
            }
        }
    }
    m.unclosed = open;
    m
}

/// Paragraph spans of a document (from its sentences) with their sentence ranges.
fn paragraphs(story: &Story, d: usize) -> Vec<(Span, std::ops::Range<usize>)> {
    let doc = &story.docs[d];
    let mut out: Vec<(Span, std::ops::Range<usize>)> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        match out.last_mut() {
            Some((sp, r)) if doc.sentences[r.start].paragraph == s.paragraph => {
                sp.end = s.span.end;
                r.end = i + 1;
            }
            _ => out.push((s.span, i..i + 1)),
        }
    }
    out
}

/// The outlet named just before a quoted article: after "|" in a pasted headline, or a news
/// outlet named in the paragraph before.
fn outlet_before(story: &Story, ents: &Entities, d: usize, at: usize) -> Option<String> {
    let doc = &story.docs[d];
    let text = &doc.article.text;
    let before: Vec<_> = doc.regions.iter().filter(|r| r.span.end <= at).collect();
    for r in before.iter().rev().take(3) {
        if r.kind == RegionKind::PastedHeadline {
            if let Some((_, o)) = r.span.of(text).rsplit_once('|') {
                return Some(o.trim().to_string());
            }
        }
        if r.kind == RegionKind::Kept {
            let media = ents
                .within(d, r.span)
                .filter(|m| ents.entities[m.entity].media)
                .last()
                .map(|m| ents.entities[m.entity].name.clone());
            if media.is_some() {
                return media;
            }
        }
    }
    None
}

/// True when a sentence of document `d` is found (cosine ≥ 0.8) in document `other`.
fn found_in(story: &Story, d: usize, sent: usize, other: usize) -> bool {
    let u = story.doc_start[d] + sent;
    story
        .doc_units(other)
        .any(|v| cosine(&story.units[u].vector, &story.units[v].vector) >= 0.8)
}

/// Finds the quotes of a story and groups them.
pub fn find(story: &Story, ents: &Entities) -> Quotes {
    let mut quotes = Vec::new();
    for d in 0..story.docs.len() {
        doc_quotes(story, ents, d, &mut quotes);
    }
    let groups = group(story, &quotes);
    Quotes { quotes, groups }
}

fn doc_quotes(story: &Story, ents: &Entities, d: usize, out: &mut Vec<Quote>) {
    let doc = &story.docs[d];
    let text = &doc.article.text;
    let held: Vec<usize> = story
        .copies
        .iter()
        .filter(|c| c.article == d)
        .map(|c| c.contains)
        .collect();
    let mut block: Option<(Vec<String>, Option<usize>)> = None; // (outlets, copied doc)
    let mut last_speaker_at: Option<(usize, usize)> = None;
    let subjects = reporting_subjects(story, ents, d);
    let first = out.len();
    for (pspan, sents) in paragraphs(story, d) {
        let mut m = scan(text, pspan);
        let starts_open = pspan.of(text).starts_with(|c: char| is_open(c) || c == '"');
        if block.is_none()
            && starts_open
            && m.unclosed.is_some()
            && crate::words::count_words(pspan.of(text)) >= 12
        {
            let mut via: Vec<String> = outlet_before(story, ents, d, pspan.start)
                .into_iter()
                .collect();
            let copied = held
                .iter()
                .copied()
                .find(|&o| sents.clone().any(|s| found_in(story, d, s, o)));
            if let Some(o) = copied {
                let a = &story.docs[o].article;
                let src = a.source.clone();
                if src != a.id && !via.contains(&src) {
                    via.push(src);
                }
            }
            block = Some((via, copied));
            // Re-scan without the block's own opening mark.
            let skip = pspan.of(text).chars().next().map_or(0, char::len_utf8);
            m = scan(text, Span::new(pspan.start + skip, pspan.end));
        } else if let Some((_, Some(o))) = &block {
            if !sents.clone().any(|s| found_in(story, d, s, *o)) {
                block = None;
            }
        }
        let via: Vec<String> = block.as_ref().map(|b| b.0.clone()).unwrap_or_default();
        for q in &m.pairs {
            let inner = trim_quote(text, *q);
            if inner.is_empty() || !inner.of(text).chars().any(char::is_alphabetic) {
                continue;
            }
            let Some(sent) = sents.clone().find(|&s| {
                doc.sentences[s].span.start <= q.start && q.start < doc.sentences[s].span.end
            }) else {
                continue;
            };
            let latest = subjects
                .iter()
                .rev()
                .find(|(pos, _)| *pos < q.start)
                .copied();
            let recent = match (latest, last_speaker_at) {
                (Some((p, e)), Some((lp, _))) if p > lp => Some(e),
                (_, Some((_, le))) => Some(le),
                (Some((_, e)), None) => Some(e),
                (None, None) => None,
            };
            let (speaker, verb) = attribute(story, ents, d, sent, &m.pairs, *q, recent, out, first);
            if let Some(e) = speaker.as_ref().and_then(|s| s.entity) {
                if ents.entities[e].kind == Kind::Per {
                    last_speaker_at = Some((q.start, e));
                }
            }
            let words = crate::words::count_words(inner.of(text));
            // A title-case name of a work ("This Week") is not a quote.
            if (2..=4).contains(&words)
                && inner
                    .of(text)
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
            {
                continue;
            }
            let partial = inner.of(text).starts_with(|c: char| c.is_lowercase()) || words <= 4;
            out.push(Quote {
                doc: d,
                sent,
                span: inner,
                speaker,
                verb,
                partial,
                via: via.clone(),
            });
        }
        if block.is_some() && m.stray_close.is_some() {
            block = None;
        }
    }
}

/// People named as the subject of a reporting verb ("Mr. Blinken warned", "Robles said"),
/// with their position: whom a later "he" or "she" most likely means.
fn reporting_subjects(story: &Story, ents: &Entities, d: usize) -> Vec<(usize, usize)> {
    let doc = &story.docs[d];
    let text = doc.article.text.as_str();
    ents.mentions
        .iter()
        .filter(|m| m.doc == d && ents.entities[m.entity].kind == Kind::Per)
        .filter(|m| {
            let mut end = text.len().min(m.span.end + 40);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let rest = &text[m.span.end..end];
            let toks = tokenize(rest, Span::new(0, rest.len()));
            let reports = toks
                .iter()
                .take(3)
                .any(|t| REPORTING.contains(&t.text(rest)))
                && !toks
                    .first()
                    .is_some_and(|t| t.gap(rest).contains(['.', ',', '“', '”', '"']));
            // The subject of a sentence ("Vikki Joseph isn't satisfied.") or a source
            // ("according to Young") is also whom a later pronoun means.
            let opens = m
                .sent
                .is_some_and(|s| doc.sentences[s].span.start == m.full.start);
            let according = text[..m.full.start].trim_end().ends_with("according to");
            reports || opens || according
        })
        .map(|m| (m.span.start, m.entity))
        .collect()
}

fn trim_quote(text: &str, q: Span) -> Span {
    let s = q.of(text);
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let lead = s.len() - s.trim_start().len();
    Span::new(q.start + lead, q.start + t.len().max(lead))
}

fn outside(tok: &Tok, pairs: &[Span]) -> bool {
    !pairs
        .iter()
        .any(|p| tok.span.start >= p.start && tok.span.end <= p.end)
}

#[allow(clippy::too_many_arguments)]
fn attribute(
    story: &Story,
    ents: &Entities,
    d: usize,
    sent: usize,
    pairs: &[Span],
    q: Span,
    last_speaker: Option<usize>,
    prev: &[Quote],
    first: usize,
) -> (Option<Speaker>, Option<String>) {
    let doc = &story.docs[d];
    let text = &doc.article.text;
    let sspan = doc.sentences[sent].span;
    let toks: Vec<Tok> = tokenize(text, sspan)
        .into_iter()
        .filter(|t| outside(t, pairs))
        .collect();
    let verb_at = |k: usize| {
        let w = toks[k].text(text);
        REPORTING.contains(&w)
            || (w == "according" && toks.get(k + 1).is_some_and(|t| t.text(text) == "to"))
    };
    // A verb right after the quote, past nothing but the speaker's name and title.
    let mut after = None;
    for k in (0..toks.len())
        .filter(|&k| toks[k].span.start >= q.end)
        .take(8)
    {
        if verb_at(k) {
            after = Some(k);
            break;
        }
        let w = toks[k].text(text);
        let name_like = w.starts_with(char::is_uppercase)
            || NOMINAL.contains(&w)
            || matches!(w, "the" | "a" | "an" | "also" | "has" | "had" | "of");
        if !name_like {
            break;
        }
    }
    let verb = after
        .or_else(|| {
            (0..toks.len())
                .rev()
                .find(|&k| toks[k].span.end <= q.start && verb_at(k))
        })
        .or_else(|| (0..toks.len()).find(|&k| verb_at(k)));
    if let Some(v) = verb {
        let vt = toks[v].text(text);
        let verb_text = if vt == "according" {
            "according to".to_string()
        } else {
            vt.to_string()
        };
        let sp = if vt == "according" {
            right_speaker(ents, d, &toks[v + 1..], text)
        } else {
            left_speaker(ents, d, &toks[..v], pairs, q, text, last_speaker)
                .or_else(|| right_speaker(ents, d, &toks[v + 1..], text))
        };
        return (sp, Some(verb_text));
    }
    // A sentence that is only the quote: the next sentence's attribution ("He added …"), else
    // the speaker of the quote just before (a quote running on over sentences).
    let only_quote = toks
        .iter()
        .all(|t| t.span.start < q.start || t.span.end > q.end)
        && toks.len() <= 1;
    if only_quote || toks.is_empty() {
        if sent + 1 < doc.sentences.len() {
            let ns = doc.sentences[sent + 1].span;
            let nt = tokenize(text, ns);
            if let Some(k) = nt
                .iter()
                .take(4)
                .position(|t| REPORTING.contains(&t.text(text)))
            {
                if let Some(sp) = left_speaker(
                    ents,
                    d,
                    &nt[..k],
                    &[],
                    Span::new(ns.start, ns.start),
                    text,
                    last_speaker,
                ) {
                    return (Some(sp), Some(nt[k].text(text).to_string()));
                }
            }
        }
        if let Some(p) = prev[first..].last() {
            if p.sent + 1 == sent || p.sent == sent {
                return (p.speaker.clone(), p.verb.clone());
            }
        }
    }
    (None, None)
}

fn mention_ending_at<'a>(
    ents: &'a Entities,
    d: usize,
    tok: &Tok,
) -> Option<&'a super::entities::Mention> {
    ents.covering(d, tok.span)
}

/// The speaker left of a verb: the nearest person (or pronoun, or nominal like "an official").
fn left_speaker(
    ents: &Entities,
    d: usize,
    toks: &[Tok],
    pairs: &[Span],
    q: Span,
    text: &str,
    last_speaker: Option<usize>,
) -> Option<Speaker> {
    let _ = (pairs, q);
    for k in (0..toks.len()).rev() {
        let t = &toks[k];
        let w = t.text(text);
        if let Some(m) = mention_ending_at(ents, d, t) {
            let kind = ents.entities[m.entity].kind;
            if kind == Kind::Per || kind == Kind::Org {
                return Some(Speaker {
                    entity: Some(m.entity),
                    span: m.span,
                });
            }
            continue;
        }
        if PRONOUN.contains(&w) {
            let resolved = matches!(w, "he" | "He" | "she" | "She")
                .then_some(last_speaker)
                .flatten();
            return Some(Speaker {
                entity: resolved,
                span: t.span,
            });
        }
        if NOMINAL.contains(&w.to_lowercase().as_str()) {
            // The noun phrase: back to its determiner.
            let mut s = k;
            while s > 0 && k - s < 4 {
                let p = toks[s - 1].text(text);
                if matches!(
                    p.to_lowercase().as_str(),
                    "the" | "a" | "an" | "one" | "another" | "two" | "senior" | "several"
                ) {
                    s -= 1;
                    break;
                }
                if p.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(p, "senior" | "foreign" | "state")
                {
                    break;
                }
                s -= 1;
            }
            let entity = if matches!(w, "envoy" | "diplomat" | "minister" | "secretary") {
                last_speaker
            } else {
                None
            };
            return Some(Speaker {
                entity,
                span: Span::new(toks[s].span.start, t.span.end),
            });
        }
    }
    None
}

/// The speaker right after a verb ("said Public Information Officer Samantha Karges"): the
/// first person within a few words, else the first other name.
fn right_speaker(ents: &Entities, d: usize, toks: &[Tok], text: &str) -> Option<Speaker> {
    let mut other = None;
    for t in toks.iter().take(7) {
        if PRONOUN.contains(&t.text(text)) {
            break;
        }
        if let Some(m) = mention_ending_at(ents, d, t) {
            let sp = Speaker {
                entity: Some(m.entity),
                span: m.span,
            };
            if ents.entities[m.entity].kind == Kind::Per {
                return Some(sp);
            }
            other.get_or_insert(sp);
        }
    }
    other
}

/// Lower-case words of a quote (apostrophes unified).
pub fn norm_words(s: &str) -> Vec<String> {
    s.replace('\u{2019}', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn same_quote(a: &[String], b: &[String], same_speaker: bool) -> bool {
    if a == b {
        return true;
    }
    // One word changed, same speaker ("critical point" / "critical moment").
    if same_speaker
        && a.len() == b.len()
        && a.len() >= 2
        && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
    {
        return true;
    }
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() < 3 {
        return false;
    }
    let shared: Vec<&String> = small.iter().filter(|w| big.contains(w)).collect();
    if shared.len() * 10 < small.len() * 6 {
        return false;
    }
    let content = shared
        .iter()
        .filter(|w| !crate::words::is_stopword(w))
        .count();
    if content < 2 {
        return false;
    }
    let big_bi: Vec<(&str, &str)> = big
        .windows(2)
        .map(|p| (p[0].as_str(), p[1].as_str()))
        .collect();
    let shared_bi = small
        .windows(2)
        .filter(|p| big_bi.contains(&(p[0].as_str(), p[1].as_str())))
        .count();
    let small_bi = small.len() - 1;
    shared_bi >= 2 && shared_bi * 2 >= small_bi
}

fn group(story: &Story, quotes: &[Quote]) -> Vec<QuoteGroup> {
    let words: Vec<Vec<String>> = quotes
        .iter()
        .map(|q| norm_words(q.span.of(&story.docs[q.doc].article.text)))
        .collect();
    let n = quotes.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for i in 0..n {
        for j in i + 1..n {
            let same_doc = quotes[i].doc == quotes[j].doc;
            let spk = |q: &Quote| q.speaker.as_ref().and_then(|s| s.entity);
            let same_speaker = spk(&quotes[i]).is_some() && spk(&quotes[i]) == spk(&quotes[j]);
            let ok = if same_doc {
                words[i] == words[j]
            } else {
                same_quote(&words[i], &words[j], same_speaker)
            };
            if ok {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut groups: Vec<QuoteGroup> = by_root
        .into_values()
        .map(|members| {
            // The wording carried by the most independent sources, then the longest.
            let mut forms: Vec<(&Vec<String>, Vec<usize>, usize)> = Vec::new();
            for &q in &members {
                match forms.iter_mut().find(|f| *f.0 == words[q]) {
                    Some(f) => f.1.push(story.group[quotes[q].doc]),
                    None => forms.push((&words[q], vec![story.group[quotes[q].doc]], q)),
                }
            }
            for f in forms.iter_mut() {
                f.1.sort_unstable();
                f.1.dedup();
            }
            let main = forms
                .iter()
                .max_by(|a, b| {
                    a.1.len()
                        .cmp(&b.1.len())
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.2.cmp(&a.2))
                })
                .map_or(members[0], |f| f.2);
            let joined: Vec<String> = forms.iter().map(|f| f.0.join(" ")).collect();
            let wording_differs = joined.iter().any(|a| {
                joined
                    .iter()
                    .any(|b| a != b && !a.contains(b.as_str()) && !b.contains(a.as_str()))
            });
            QuoteGroup {
                quotes: members,
                main,
                wording_differs,
            }
        })
        .collect();
    groups.sort_by_key(|g| g.quotes[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_pair_and_report_an_open_quote() {
        let t = "“Blinken met Friday at a “critical moment,” he said. Ukraine.”";
        let m = scan(t, Span::new(3, t.len()));
        assert_eq!(
            m.pairs.iter().map(|p| p.of(t)).collect::<Vec<_>>(),
            ["critical moment,"]
        );
        assert!(m.stray_close.is_some());
        let t2 = "the officials had a ‘frank’ talk and it’s over";
        let m2 = scan(t2, Span::new(0, t2.len()));
        assert_eq!(
            m2.pairs.iter().map(|p| p.of(t2)).collect::<Vec<_>>(),
            ["frank"]
        );
    }

    #[test]
    fn one_changed_word_is_the_same_quote_only_for_one_speaker() {
        let a = norm_words("critical point");
        let b = norm_words("critical moment");
        assert!(same_quote(&a, &b, true));
        assert!(!same_quote(&a, &b, false));
        let c = norm_words("united, swift and stern");
        let e = norm_words("united, swift and severe response.");
        assert!(same_quote(&c, &e, false));
    }
}

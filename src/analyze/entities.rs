//! Named entities without a model: capitalisation, titles, suffixes, a gazetteer, aliases.
//!
//! Each article is scanned on its own ([`detect`]): gazetteer matches first, then runs of
//! capitalised tokens, typed by what surrounds them (a title or honorific before a run makes it
//! a person; "Hotel", "Agency", "Times" at its end make it a place or an organisation; a given
//! name of the list at its start makes it a person). Sentence-initial and headline words are
//! only *weak* candidates: kept when they turn out to be another mention's alias. Whether a
//! run looks like a person's name rests on lists, not on capitals alone: a known given name or
//! surname, or no ordinary English word in it ("Guan Quanzhi" is a person, "Woodland Hills"
//! is not); a lone unknown name mid-sentence that is no ordinary word is most often a place, and
//! a lone capitalised ordinary word with no evidence at all is no name ("Police", "Photo").
//!
//! The story then merges mentions into entities ([`Entities::build`]): gazetteer variants by
//! their canonical name ("U.S.", "US", "United States"), people by surname and a compatible
//! given name after folding common transliteration variants ("Antony"/"Anthony",
//! "Sergey"/"Sergei"), and a lone surname ("Blinken", "Mr. Blinken") to the person who
//! carries it; a lone name that opens a person's or an organisation's name ("Guan",
//! "Magnolia") joins it, and an untyped name takes the type the same name had before.

pub use super::entity_detect::detect;
use super::entity_detect::gaz_kind;
use super::entity_headline_body::{in_head, names_from_body};
use super::entity_headlines::{headline_names, lone_headline, title_case_headline, without_slug};
use super::entity_metonymy::teams_by_place;
use super::entity_story::{
    companies_over_given_names, one_kind_per_story, organisations_everywhere,
    people_over_companies, the_outside_places_and_organisations, works_keep_the,
};
pub(crate) use super::entity_words::REPORTING;
use super::gazetteer::{GazKind, Gazetteer};
use super::tokens::{is_all_caps, is_capital, is_initial};
use crate::clean::RegionKind;
use crate::model::Span;
use crate::story::Story;
use serde::Serialize;
use std::collections::HashMap;

/// Entity kinds (the CoNLL-2003 types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// A place.
    #[serde(rename = "LOC")]
    Loc,
    /// An organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Anything else with a name (nationalities, events, works).
    #[serde(rename = "MISC")]
    Misc,
}

impl Kind {
    /// The CoNLL label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Loc => "LOC",
            Kind::Org => "ORG",
            Kind::Misc => "MISC",
        }
    }
}

/// A mention found in one text, before merging.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    /// The name itself.
    pub span: Span,
    /// The name with its title and the place before it ("US Sec. of State Blinken").
    pub full: Span,
    /// Its kind, when the rules could tell.
    pub kind: Option<Kind>,
    /// Gazetteer entry, when it is one.
    pub gaz: Option<usize>,
    /// Only kept if it turns out to be an alias of another mention.
    pub weak: bool,
    /// For an untyped lone name: it stands before a noun like an adjective ("a Tuareg
    /// rebellion"), so it is more likely a nationality or group than a place.
    pub modifier: bool,
}

impl Raw {
    /// A mention of `span`, with no title or doubt, that is the gazetteer's entry `entry`.
    pub fn known(span: Span, kind: Kind, entry: usize) -> Raw {
        Raw {
            gaz: Some(entry),
            ..Raw::typed(span, kind)
        }
    }

    /// A cue has decided this mention's kind: it keeps its spans, and is no longer the
    /// gazetteer's entry nor in doubt.
    pub fn retype(&mut self, kind: Kind) {
        self.kind = Some(kind);
        self.gaz = None;
        self.weak = false;
    }

    /// A mention of `span` whose kind the rules know, with no title, gazetteer entry or doubt.
    pub fn typed(span: Span, kind: Kind) -> Raw {
        Raw {
            span,
            full: span,
            kind: Some(kind),
            gaz: None,
            weak: false,
            modifier: false,
        }
    }
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Document index.
    pub doc: usize,
    /// Sentence index in the document, when the mention is in a kept sentence.
    pub sent: Option<usize>,
    /// The name's bytes in the article's text.
    pub span: Span,
    /// With its title ("Secretary of State Antony Blinken").
    pub full: Span,
    /// Index of its entity.
    pub entity: usize,
}

/// An entity of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Every form it takes (with titles), in order of first appearance.
    pub variants: Vec<String>,
    /// Indices into [`Entities::mentions`].
    pub mentions: Vec<usize>,
    /// Documents that mention it, in order.
    pub docs: Vec<usize>,
    /// True for a news outlet.
    pub media: bool,
}

/// The entities of a story and their mentions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// Entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Mentions, by document then position.
    pub mentions: Vec<Mention>,
}

/// Folds spelling and transliteration variants of a name: lower case, "ph"→"f", "th"→"t",
/// "ey"→"ei", "y"→"i", "kh"→"h", "w"→"v", "ck"→"k", doubled letters once.
pub fn fold(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ñ' | 'ń' => 'n',
            c => c,
        })
        .collect();
    for (a, b) in [
        ("ph", "f"),
        ("th", "t"),
        ("kh", "h"),
        ("ck", "k"),
        ("ey", "ei"),
        ("y", "i"),
        ("w", "v"),
    ] {
        s = s.replace(a, b);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Name tokens of a person mention without initials: (given name, surname).
fn person_key(text: &str) -> (Option<String>, String) {
    let parts: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !is_initial(w) && !matches!(*w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"))
        .collect();
    let last = parts.last().map_or_else(String::new, |w| fold(w));
    let first = (parts.len() >= 2).then(|| fold(parts[0]));
    (first, last)
}

/// Where a raw mention is: document, sentence, name span, full span.
type RawPlace = (usize, Option<usize>, Span, Span);

struct Acc {
    kind: Kind,
    name: Option<String>,
    forms: Vec<(String, usize)>,
    mentions: Vec<RawPlace>,
    media: bool,
    first: Option<String>,
    last: String,
}

impl Entities {
    /// Finds and merges the entities of a story.
    pub fn build(story: &Story) -> Entities {
        let g = Gazetteer::get();
        // (doc, sentence, raw) in reading order; headlines as sentence None.
        let mut raws: Vec<(usize, Option<usize>, Raw)> = Vec::new();
        // (doc, span) of every title-case part: headlines and title-case sentences.
        let mut heads: Vec<(usize, Span)> = Vec::new();
        for (d, doc) in story.docs.iter().enumerate() {
            let text = &doc.article.text;
            // Every part of the text in reading order: headlines, sentences, and the lines the
            // cleaner set aside (captions, embedded posts, bylines), which name people and
            // places as much as the body does.
            // (span, in title case, sentence number, a headline)
            let mut parts: Vec<(Span, bool, Option<usize>, bool)> = Vec::new();
            // A one-line document is its headline.
            let lone = lone_headline(text, &doc.regions).is_some();
            for r in &doc.regions {
                let headline = matches!(
                    r.kind,
                    RegionKind::Title | RegionKind::PastedHeadline | RegionKind::Heading
                ) || lone && r.kind == RegionKind::Kept;
                if headline {
                    // A headline in sentence case is read like a sentence.
                    let span = without_slug(text, r.span);
                    parts.push((span, title_case_headline(span.of(text)), None, true));
                } else if !matches!(r.kind, RegionKind::Kept | RegionKind::Header) {
                    // Bylines, captions and posts are read as sentences, however many names
                    // they hold ("By John Smith and Mary Jones", "Read more: Mitt Romney").
                    parts.push((r.span, false, None, false));
                }
            }
            if !lone {
                for (s, sent) in doc.sentences.iter().enumerate() {
                    parts.push((sent.span, is_title_case(sent.span.of(text)), Some(s), false));
                }
            }
            parts.sort_by_key(|p| (p.0.start, p.2.is_some()));
            for (span, head, s, headline) in parts {
                if head {
                    heads.push((d, span));
                }
                let mut found = detect(text, span, head);
                if headline {
                    headline_names(text, span, &mut found);
                }
                for raw in found {
                    raws.push((d, s, raw));
                }
            }
        }
        let text_of = |d: usize| story.docs[d].article.text.as_str();
        // True when a span lies in a title-case part of its document.
        debug_assert!(heads.is_sorted_by_key(|&(d, h)| (d, h.start)));
        let in_head = |d: usize, sp: Span| in_head(&heads, d, sp);
        names_from_body(&mut raws, &heads, text_of);
        teams_by_place(&mut raws, text_of);
        people_over_companies(&mut raws, text_of);
        companies_over_given_names(&mut raws, text_of);
        organisations_everywhere(&mut raws, text_of, in_head);
        one_kind_per_story(&mut raws, text_of, in_head);
        works_keep_the(&mut raws, text_of);
        the_outside_places_and_organisations(&mut raws, text_of);
        let mut accs: Vec<Acc> = Vec::new();
        let mut by_gaz: HashMap<usize, usize> = HashMap::new();
        let mut by_text: HashMap<(Kind, String), usize> = HashMap::new();
        let add = |acc: &mut Acc, d: usize, s: Option<usize>, r: &Raw, text: &str| {
            acc.mentions.push((d, s, r.span, r.full));
            for f in [r.full.of(text), r.span.of(text)] {
                match acc.forms.iter_mut().find(|x| x.0 == f) {
                    Some(x) => x.1 += 1,
                    None => acc.forms.push((f.to_string(), 1)),
                }
            }
        };
        // Pass 1: gazetteer entries and multi-word people (the forms that define entities).
        let mut deferred = Vec::new();
        for (idx, (d, s, r)) in raws.iter().enumerate() {
            let text = text_of(*d);
            let name = r.span.of(text);
            if let Some(e) = r.gaz {
                let entry = &g.entries[e];
                let a = if entry.kind == GazKind::Per {
                    let (first, last) = person_key(&entry.name);
                    find_person(&accs, first.as_deref(), &last).unwrap_or_else(|| {
                        accs.push(new_acc(
                            Kind::Per,
                            Some(entry.name.clone()),
                            first,
                            last,
                            false,
                        ));
                        accs.len() - 1
                    })
                } else {
                    *by_gaz.entry(e).or_insert_with(|| {
                        accs.push(new_acc(
                            gaz_kind(entry.kind),
                            Some(entry.name.clone()),
                            None,
                            String::new(),
                            entry.kind == GazKind::Media,
                        ));
                        accs.len() - 1
                    })
                };
                if entry.kind == GazKind::Per && accs[a].name.is_none() {
                    accs[a].name = Some(entry.name.clone());
                }
                add(&mut accs[a], *d, *s, r, text);
            } else if r.kind == Some(Kind::Per) && name.split_whitespace().count() >= 2 {
                let (first, last) = person_key(name);
                let a = match find_person(&accs, first.as_deref(), &last) {
                    Some(a) => a,
                    None => {
                        accs.push(new_acc(Kind::Per, None, first, last, false));
                        accs.len() - 1
                    }
                };
                add(&mut accs[a], *d, *s, r, text);
            } else {
                deferred.push(idx);
            }
        }
        // Pass 2: lone names join the person whose surname they are; the rest stand alone.
        // Typed names first, then untyped ones of several words, then untyped single words,
        // so that a name is resolved with all the evidence the story holds.
        deferred.sort_by_key(|&idx| {
            let (d, _, r) = &raws[idx];
            let words = r.span.of(text_of(*d)).split_whitespace().count();
            match (r.kind.is_some() && !r.weak, words >= 2) {
                (true, _) => 0,
                (false, true) => 1,
                (false, false) => 2,
            }
        });
        for idx in deferred {
            let (d, s, r) = &raws[idx];
            let text = text_of(*d);
            let name = r.span.of(text);
            let single = name.split_whitespace().count() == 1;
            let untyped = r.kind.is_none() || r.weak;
            // "Kimbal Musk" after "Elon Musk", "Honey Sherman" after "Barry Sherman": an
            // untyped two- or three-word name ending in a known person's surname is a relative.
            let words: Vec<&str> = name.split_whitespace().collect();
            if r.kind.is_none()
                && (2..=3).contains(&words.len())
                && words.iter().all(|w| is_capital(w) && !is_all_caps(w))
            {
                let (first, last) = person_key(name);
                if accs.iter().any(|a| a.kind == Kind::Per && a.last == last) {
                    let a = match find_person(&accs, first.as_deref(), &last)
                        .filter(|&a| accs[a].first.is_some() && accs[a].first == first)
                    {
                        Some(a) => a,
                        None => {
                            accs.push(new_acc(Kind::Per, None, first, last, false));
                            accs.len() - 1
                        }
                    };
                    add(&mut accs[a], *d, *s, r, text);
                    continue;
                }
            }
            let alias = if single {
                let f = fold(name);
                let person = |by_first: bool| {
                    accs.iter()
                        .enumerate()
                        .filter(|(_, a)| a.kind == Kind::Per)
                        .filter(|(_, a)| {
                            if by_first {
                                a.first.as_deref() == Some(f.as_str())
                            } else {
                                a.last == f
                            }
                        })
                        .max_by_key(|(_, a)| a.mentions.len())
                        .map(|(i, _)| i)
                };
                // A surname alone, or (with nothing else to go by) a name that opens a person's
                // name ("Guan" after "Guan Quanzhi"), or the first word of an organisation's
                // ("Magnolia" after "Magnolia Homes").
                person(false)
                    .or_else(|| untyped.then(|| person(true)).flatten())
                    .or_else(|| {
                        untyped
                            .then(|| {
                                accs.iter().position(|a| {
                                    a.kind == Kind::Org
                                        && a.forms.iter().any(|(f, _)| {
                                            f.split_whitespace().count() >= 2
                                                && f.split_whitespace().next() == Some(name)
                                        })
                                })
                            })
                            .flatten()
                    })
            } else {
                None
            };
            // With no evidence of its own, a name is what the same name was before; a word in
            // doubt in a title-case part only where the name was seen outside title case too
            // (in a headline stream, every title-case headline capitalises "Auditions").
            let doubtful = r.weak && in_head(*d, r.span);
            let alias = alias.or_else(|| {
                untyped
                    .then(|| {
                        [Kind::Per, Kind::Loc, Kind::Org, Kind::Misc]
                            .iter()
                            .filter_map(|&k| {
                                let key = if k == Kind::Per {
                                    fold(name)
                                } else {
                                    name.to_string()
                                };
                                by_text.get(&(k, key)).copied()
                            })
                            .filter(|&a| {
                                !doubtful || accs[a].mentions.iter().any(|m| !in_head(m.0, m.2))
                            })
                            .max_by_key(|&a| (accs[a].mentions.len(), std::cmp::Reverse(a)))
                    })
                    .flatten()
            });
            let a = match alias {
                Some(a) => a,
                None if r.weak => continue,
                // A lone capitalised ordinary word with nothing to type it ("Police", "Photo",
                // "Office") is a common noun in a title or a label far more often than a name.
                None if r.kind.is_none() && single && g.is_ordinary(name) => continue,
                None => {
                    // A lone unknown name mid-sentence that is no ordinary word, given name or
                    // surname is most often a place ("Waco", "Liziba"), unless it modifies a
                    // noun ("a Tuareg rebellion").
                    let place = single && !r.modifier && !g.is_ordinary(name);
                    // Two or three capitalised words with nothing else to go by, one of them no
                    // ordinary English word, are most often a person's name ("Wolf Blitzer",
                    // "Mitt Romney"); not "the People", nor a plural ("Hertz Rental Cars").
                    let person = (2..=3).contains(&words.len())
                        && words[0] != "The"
                        && words.iter().all(|w| {
                            is_capital(w)
                                && !is_all_caps(w)
                                && w.chars().all(|c| c.is_alphabetic() || "-'.\u{2019}".contains(c))
                        })
                        && words.iter().any(|w| !g.is_ordinary(w))
                        && words.last().is_some_and(|w| g.may_be_surname(w))
                        && !words.last().is_some_and(|w| w.ends_with('s'))
                        // "West African": a nationality is no given name or surname.
                        && !words.iter().any(|w| {
                            !g.is_first_name(w)
                                && ["ian", "ean", "ese", "ican"].iter().any(|x| w.ends_with(x))
                        });
                    let kind = r.kind.unwrap_or(if place {
                        Kind::Loc
                    } else if person {
                        Kind::Per
                    } else {
                        Kind::Misc
                    });
                    let key = (
                        kind,
                        if kind == Kind::Per {
                            fold(name)
                        } else {
                            name.to_string()
                        },
                    );
                    *by_text.entry(key).or_insert_with(|| {
                        let (first, last) = person_key(name);
                        accs.push(new_acc(kind, None, first, last, false));
                        accs.len() - 1
                    })
                }
            };
            add(&mut accs[a], *d, *s, r, text);
        }
        for a in accs.iter_mut() {
            join_pieces(a, text_of);
        }
        finish(accs)
    }

    /// Mentions of document `doc` inside `span`.
    pub fn within(&self, doc: usize, span: Span) -> impl Iterator<Item = &Mention> + '_ {
        // Mentions are sorted by (document, start): start at the first one inside the span.
        let from = self
            .mentions
            .partition_point(|m| (m.doc, m.span.start) < (doc, span.start));
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.doc == doc && m.span.start < span.end)
            .filter(move |m| m.span.end <= span.end)
    }

    /// The mention of document `doc` that covers the byte range `span`, if any.
    pub fn covering(&self, doc: usize, span: Span) -> Option<&Mention> {
        let to = self
            .mentions
            .partition_point(|m| (m.doc, m.span.start) <= (doc, span.start));
        self.mentions[..to]
            .iter()
            .rev()
            .take_while(|m| m.doc == doc)
            .take(4)
            .find(|m| m.span.start <= span.start && span.end <= m.span.end)
    }
}

fn new_acc(
    kind: Kind,
    name: Option<String>,
    first: Option<String>,
    last: String,
    media: bool,
) -> Acc {
    Acc {
        kind,
        name,
        forms: Vec::new(),
        mentions: Vec::new(),
        media,
        first,
        last,
    }
}

/// The person with this surname and a compatible given name (equal after folding, or one an
/// initial of the other, or one missing).
fn find_person(accs: &[Acc], first: Option<&str>, last: &str) -> Option<usize> {
    accs.iter().position(|a| {
        a.kind == Kind::Per
            && a.last == last
            && match (first, a.first.as_deref()) {
                (Some(x), Some(y)) => {
                    x == y || x.len() == 1 && y.starts_with(x) || y.len() == 1 && x.starts_with(y)
                }
                _ => true,
            }
    })
}

/// Joins two mentions of one entity that stand a space apart in the same sentence into one,
/// where together they are one of the entity's forms: in a title-case headline, a name the
/// scan left in pieces ("Grant" "Gustin") that the story's other text names whole ("Grant
/// Gustin") joins its person piece by piece.
fn join_pieces<'a>(a: &mut Acc, text_of: impl Fn(usize) -> &'a str) {
    if a.mentions.len() < 2 {
        return;
    }
    a.mentions.sort_by_key(|m| (m.0, m.2.start));
    let mut out: Vec<RawPlace> = Vec::with_capacity(a.mentions.len());
    for m in a.mentions.drain(..) {
        if let Some(last) = out.last_mut() {
            let text = text_of(m.0);
            if last.0 == m.0
                && last.1 == m.1
                && last.2.end < m.2.start
                && &text[last.2.end..m.2.start] == " "
                && a.forms
                    .iter()
                    .any(|(f, _)| f == &text[last.2.start..m.2.end])
            {
                last.2 = Span::new(last.2.start, m.2.end);
                last.3 = Span::new(last.3.start.min(m.3.start), last.3.end.max(m.3.end));
                continue;
            }
        }
        out.push(m);
    }
    a.mentions = out;
}

fn finish(accs: Vec<Acc>) -> Entities {
    let mut ents: Vec<(Entity, Vec<RawPlace>)> = accs
        .into_iter()
        .filter(|a| !a.mentions.is_empty())
        .map(|a| {
            let name = a.name.clone().unwrap_or_else(|| canonical(&a));
            let mut docs: Vec<usize> = a.mentions.iter().map(|m| m.0).collect();
            docs.sort_unstable();
            docs.dedup();
            (
                Entity {
                    name,
                    kind: a.kind,
                    variants: a.forms.iter().map(|f| f.0.clone()).collect(),
                    mentions: Vec::new(),
                    docs,
                    media: a.media,
                },
                a.mentions,
            )
        })
        .collect();
    ents.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then_with(|| a.0.name.cmp(&b.0.name))
    });
    let mut mentions = Vec::new();
    for (e, (_, ms)) in ents.iter().enumerate() {
        for &(doc, sent, span, full) in ms {
            mentions.push(Mention {
                doc,
                sent,
                span,
                full,
                entity: e,
            });
        }
    }
    mentions.sort_by_key(|m| (m.doc, m.span.start));
    let mut entities: Vec<Entity> = ents.into_iter().map(|(e, _)| e).collect();
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(i);
    }
    Entities { entities, mentions }
}

/// The canonical name of a merged entity: for a person, the most frequent full name (given
/// name and surname, no initials); otherwise the most frequent form.
fn canonical(a: &Acc) -> String {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (order, (f, c)) in a.forms.iter().enumerate() {
        counts.push((f.clone(), *c, order));
    }
    let good = |f: &str| {
        let w: Vec<&str> = f.split_whitespace().collect();
        if a.kind == Kind::Per {
            w.len() >= 2
                && w.iter().all(|x| !is_initial(x))
                && !Gazetteer::get()
                    .find(f, |_, _| true)
                    .iter()
                    .any(|m| Gazetteer::get().entries[m.entry].kind == GazKind::Title)
        } else {
            true
        }
    };
    counts
        .iter()
        .filter(|(f, _, _)| good(f))
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.cmp(&a.2)))
        .or_else(|| counts.iter().min_by_key(|c| (c.0.len(), c.2)))
        .map(|c| c.0.clone())
        .unwrap_or_default()
}

/// True for a title-case line (most words capitalised): a headline.
pub fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 4 {
        return false;
    }
    let caps = words.iter().filter(|w| is_capital(w)).count();
    caps * 10 >= words.len() * 7 && !s.trim_end().ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, Option<Kind>, String, bool)> {
        detect(t, Span::new(0, t.len()), false)
            .into_iter()
            .map(|r| {
                (
                    r.span.of(t).to_string(),
                    r.kind,
                    r.full.of(t).to_string(),
                    r.weak,
                )
            })
            .collect()
    }

    #[test]
    fn titles_mark_people_and_widen_the_full_form() {
        let t = "Earlier, US Sec. of State Blinken met Mr. Lavrov at the President Wilson Hotel.";
        let f = found(t);
        assert!(f.contains(&("US".into(), Some(Kind::Loc), "US".into(), false)));
        assert!(f.contains(&(
            "Blinken".into(),
            Some(Kind::Per),
            "US Sec. of State Blinken".into(),
            false
        )));
        assert!(f.contains(&("Lavrov".into(), Some(Kind::Per), "Mr. Lavrov".into(), false)));
        assert!(f
            .iter()
            .any(|x| x.0 == "President Wilson Hotel" && x.1 == Some(Kind::Loc)));
    }

    fn has(f: &[(String, Option<Kind>, String, bool)], name: &str, kind: Kind) -> bool {
        f.iter().any(|x| x.0 == name && x.1 == Some(kind))
    }

    #[test]
    fn a_company_cue_outweighs_a_mountain_and_names_the_officer_company() {
        let f = found("Bitcoin exchange Mt. Gox filed for bankruptcy near Mount Kumgang.");
        assert!(has(&f, "Mt. Gox", Kind::Org), "{f:?}");
        assert!(has(&f, "Mount Kumgang", Kind::Loc), "{f:?}");
        let f = found("Fans raised the money via Kickstarter and flew via Dubai.");
        assert!(has(&f, "Kickstarter", Kind::Org), "{f:?}");
        assert!(has(&f, "Dubai", Kind::Loc), "{f:?}");
        let f = found("Later, Mt. Gox CEO Mark Karpeles apologised.");
        assert!(has(&f, "Mt. Gox", Kind::Org), "{f:?}");
        assert!(has(&f, "Mark Karpeles", Kind::Per), "{f:?}");
        // Only a name that is no ordinary word, in title case no verb before the officer.
        let f = found("Later, Former CEO Mark Karpeles apologised.");
        assert!(!f.iter().any(|x| x.0 == "Former"), "{f:?}");
        let t = "EBay Asks Shareholders To Vote Against PayPal Split While Icahn Claims CEO  ...";
        let f = detect(t, Span::new(0, t.len()), true);
        assert!(
            !f.iter().any(|r| !r.weak && r.span.of(t).contains("Claims")),
            "{f:?}"
        );
    }

    #[test]
    fn long_organisation_names_run_across_linking_words() {
        let f = found("She joined the National Association for the Advancement of Colored People.");
        let name = "National Association for the Advancement of Colored People";
        assert!(has(&f, name, Kind::Org), "{f:?}");
    }

    #[test]
    fn a_suffix_word_ends_the_known_name_before_it() {
        let f = found("Shares of Chicago Bank fell before the Chicago Marathon began.");
        assert!(has(&f, "Chicago Bank", Kind::Org), "{f:?}");
        assert!(has(&f, "Chicago Marathon", Kind::Misc), "{f:?}");
    }

    #[test]
    fn quoted_titles_are_works() {
        let f = found("She starred in \u{201c}A Night at the Opera,\u{201d} a comedy.");
        assert!(has(&f, "A Night at the Opera", Kind::Misc), "{f:?}");
        let f = found("He said \u{201c}we will win this\u{201d} and left.");
        assert!(f.iter().all(|x| x.1 != Some(Kind::Misc)), "{f:?}");
    }

    #[test]
    fn abbreviations_datelines_and_plurals() {
        let f = found("Under the Clean Water Act (CWA) rules apply.");
        assert!(has(&f, "CWA", Kind::Misc), "{f:?}");
        let f = found("PARIS (Reuters) - He has 30 KOs in his career.");
        assert!(has(&f, "PARIS", Kind::Loc), "{f:?}");
        assert!(f.iter().all(|x| x.0 != "KOs"), "{f:?}");
    }

    #[test]
    fn hyphen_pairs_storms_and_prisons() {
        let f = found("Talks on Canada-Russia relations began during an Asia-Pacific tour.");
        assert!(has(&f, "Canada", Kind::Loc), "{f:?}");
        assert!(has(&f, "Russia", Kind::Loc), "{f:?}");
        assert!(f.iter().all(|x| x.0 != "Asia"), "{f:?}");
        let f = found("Residents fled before Hurricane Irene reached the coast.");
        assert!(has(&f, "Hurricane Irene", Kind::Misc), "{f:?}");
        let f = found("He was held at the Montgomery County Correctional Facility overnight.");
        assert!(
            has(&f, "Montgomery County Correctional Facility", Kind::Loc),
            "{f:?}"
        );
    }

    #[test]
    fn sentence_initial_words_are_weak() {
        let f = found("Following the meeting, Blinken told reporters.");
        assert!(f.iter().all(|x| x.0 != "Following"));
        assert!(f.iter().any(|x| x.0 == "Blinken" && x.1 == Some(Kind::Per)));
    }

    #[test]
    fn words_around_a_name_tell_its_type() {
        let f = found("The team hired security firm Global Rescue for the games.");
        assert!(has(&f, "Global Rescue", Kind::Org), "{f:?}");
        let f = found("He was last seen near the Venetian resort on the boulevard.");
        assert!(has(&f, "Venetian", Kind::Loc), "{f:?}");
        let f = found("Lackey, of Forest Hill, Md., said he saw it.");
        assert!(has(&f, "Forest Hill", Kind::Loc), "{f:?}");
        assert!(has(&f, "Md.", Kind::Loc), "{f:?}");
    }

    #[test]
    fn products_offices_and_initials() {
        let f = found("He fled in a white Ford Bronco down the freeway.");
        assert!(has(&f, "Ford Bronco", Kind::Misc), "{f:?}");
        let f = found("It was a sting by the Broward Sheriff's Office last week.");
        assert!(has(&f, "Broward Sheriff's Office", Kind::Org), "{f:?}");
        let f = found("Then O.J. Simpson left prison.");
        assert!(has(&f, "O.J. Simpson", Kind::Per), "{f:?}");
        let f = found("The driver of the SUV got CPR at 0400 GMT in Room 12.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn nationalities_and_places_join_the_names_after_them() {
        let f = found("A fighter of the Free Syrian Army fired at Syrian Army positions.");
        assert!(has(&f, "Syrian Army", Kind::Org), "{f:?}");
        let f = found("Officials at the European Southern Observatory agreed.");
        assert!(has(&f, "European Southern Observatory", Kind::Org), "{f:?}");
        let f = found("She won the U.S. Clay Court Championship in Houston.");
        assert!(has(&f, "U.S. Clay Court Championship", Kind::Misc), "{f:?}");
    }

    #[test]
    fn one_quoted_word_after_a_word_is_a_title() {
        let f = found("In \u{201c}Jumanji,\u{201d} he played a man trapped in a game.");
        assert!(has(&f, "Jumanji", Kind::Misc), "{f:?}");
        let f = found("In \u{201c}Mrs. Doubtfire,\u{201d} he plays a voice actor.");
        assert!(has(&f, "Mrs. Doubtfire", Kind::Misc), "{f:?}");
    }

    #[test]
    fn datelines_labels_and_links() {
        let f = found("AUSTIN, Texas (AP) \u{2014} The vote was close.");
        assert!(has(&f, "AUSTIN", Kind::Loc), "{f:?}");
        let f = found("FILE - In this photo, Wendy Davis speaks.");
        assert!(f.iter().all(|x| x.0 != "FILE"), "{f:?}");
        let f = found("Read it https://t.co/B4C5X6yktu \u{2014} Brian Fallon (@BrianFallon) said.");
        assert!(
            f.iter()
                .all(|x| !x.0.contains("B4C5") && x.0 != "BrianFallon"),
            "{f:?}"
        );
    }

    #[test]
    fn long_names_seats_teams_and_credits() {
        let f = found("She works for the UN Relief and Works Agency in the camps.");
        assert!(has(&f, "UN Relief and Works Agency", Kind::Org), "{f:?}");
        let f = found("Researchers with The University of Texas at Austin agreed.");
        assert!(has(&f, "University of Texas at Austin", Kind::Org), "{f:?}");
        let f = found("He spoke at the Summit of the Americas last week.");
        assert!(has(&f, "Summit of the Americas", Kind::Misc), "{f:?}");
        let f = found("A man jumped the White House fence, and the White House said little.");
        assert!(has(&f, "White House", Kind::Loc), "{f:?}");
        assert!(has(&f, "White House", Kind::Org), "{f:?}");
        let f = found("The Detroit Pistons won again.");
        assert!(has(&f, "Detroit Pistons", Kind::Org), "{f:?}");
        let f = found("(Photo: Chris Pizzello/Invision/AP)");
        assert!(has(&f, "Invision", Kind::Org), "{f:?}");
    }

    #[test]
    fn untyped_name_pairs_are_people_when_one_word_is_no_ordinary_word() {
        let t = "The host was joined by Wolf Blitzer, who drove a Range Rover home.";
        let story = Story::from_articles(vec![crate::Article::from_text("a", t.to_string())]);
        let e = Entities::build(&story);
        let kind = |name: &str| {
            e.mentions
                .iter()
                .find(|m| m.span.of(t) == name)
                .map(|m| e.entities[m.entity].kind)
        };
        assert_eq!(kind("Wolf Blitzer"), Some(Kind::Per));
        assert_ne!(kind("Range Rover"), Some(Kind::Per));
    }

    #[test]
    fn lists_business_words_and_articles_type_unknown_names() {
        let f = found("The merged Gannett and Reuters may not diverge from the trend.");
        assert!(has(&f, "Gannett", Kind::Org), "{f:?}");
        let f = found("Neumann had borrowed against his WeWork shares last year.");
        assert!(has(&f, "WeWork", Kind::Org), "{f:?}");
        let f = found("It became the largest shareholder of Tribune last week.");
        assert!(has(&f, "Tribune", Kind::Org), "{f:?}");
        let f = found("The appeal was dismissed by Mondelez on Tuesday.");
        assert!(has(&f, "Mondelez", Kind::Org), "{f:?}");
        let f = found("The console needs the Kinect to operate at all.");
        assert!(has(&f, "Kinect", Kind::Misc), "{f:?}");
        let f = found("He was reported by the Sacramento Bee and the Orange County Register.");
        assert!(has(&f, "Sacramento Bee", Kind::Org), "{f:?}");
        assert!(has(&f, "Orange County Register", Kind::Org), "{f:?}");
    }

    #[test]
    fn products_roads_and_teams() {
        let f = found("Its fleet of 400 737 Max jets and a Boeing 787-9 Dreamliner were idle.");
        assert!(has(&f, "737 Max", Kind::Misc), "{f:?}");
        assert!(has(&f, "Boeing 787-9 Dreamliner", Kind::Misc), "{f:?}");
        let f = found("He showed the RAV4 and an AK-47 to KCAL9 reporters.");
        assert!(has(&f, "RAV4", Kind::Misc), "{f:?}");
        assert!(has(&f, "AK-47", Kind::Misc), "{f:?}");
        assert!(!has(&f, "KCAL9", Kind::Misc), "{f:?}");
        let f = found("Microsoft showed the Xbox One to the press.");
        assert!(has(&f, "Xbox One", Kind::Misc), "{f:?}");
        let f = found("Police stopped him near 17th Street and the 101 Highway.");
        assert!(has(&f, "17th Street", Kind::Loc), "{f:?}");
        assert!(has(&f, "101 Highway", Kind::Loc), "{f:?}");
        let f = found("Victor Burton, 57, of 3170 W. County Road 600S, was held.");
        assert!(has(&f, "W. County Road 600S", Kind::Loc), "{f:?}");
        let f = found("Officers arrested Christopher Tays, 32, of Franklin, on Monday.");
        assert!(has(&f, "Franklin", Kind::Loc), "{f:?}");
        let f = found("The Islanders beat the Minnesota Wild and the Sabres.");
        assert!(has(&f, "Islanders", Kind::Org), "{f:?}");
        assert!(has(&f, "Minnesota Wild", Kind::Org), "{f:?}");
        assert!(has(&f, "Sabres", Kind::Org), "{f:?}");
    }

    #[test]
    fn lone_ordinary_words_with_no_evidence_are_no_names() {
        let t = "The suspect fled, and Police found the car near a Grill on the corner.";
        let story = Story::from_articles(vec![crate::Article::from_text("a", t.to_string())]);
        let e = Entities::build(&story);
        let names: Vec<&str> = e.mentions.iter().map(|m| m.span.of(t)).collect();
        assert!(!names.contains(&"Grill"), "{names:?}");
    }

    #[test]
    fn folding_merges_transliterations() {
        assert_eq!(fold("Antony"), fold("Anthony"));
        assert_eq!(fold("Sergey"), fold("Sergei"));
        assert_eq!(fold("Zelensky"), fold("Zelenskyy"));
        assert_ne!(fold("Blinken"), fold("Lavrov"));
    }
}

#[cfg(test)]
mod story_tests {
    use super::*;

    /// The mentions of each document of a story of one-line articles, as (text, kind).
    fn tagged(lines: &[&str]) -> Vec<Vec<(String, Kind)>> {
        let story = Story::from_articles(
            lines
                .iter()
                .enumerate()
                .map(|(i, t)| crate::Article::from_text(format!("a{i}"), t.to_string()))
                .collect(),
        );
        let ents = Entities::build(&story);
        (0..lines.len())
            .map(|d| {
                ents.mentions
                    .iter()
                    .filter(|m| m.doc == d)
                    .map(|m| {
                        let text = &story.docs[d].article.text;
                        (m.span.of(text).to_string(), ents.entities[m.entity].kind)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_name_in_pieces_in_a_title_case_headline_is_one_mention() {
        let docs = tagged(&[
            "Check Out Grant Gustin's Full Costume For The Flash",
            "First full costume photo of Grant Gustin as the superhero",
        ]);
        assert!(
            docs[0].contains(&("Grant Gustin".to_string(), Kind::Per)),
            "{docs:?}"
        );
        assert!(
            !docs[0].iter().any(|(t, _)| t == "Grant" || t == "Gustin"),
            "{docs:?}"
        );
    }
}

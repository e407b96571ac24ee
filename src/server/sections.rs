//! The analysis sections of the story page, shaped for the template from the cached
//! [`StoryDoc`]: nothing is analysed here, so a page view costs a walk over the cached
//! document. Each finding names its outlets and links to their articles on the same page.

use crate::store::StoryDoc;
use std::collections::HashMap;

/// An outlet named under a finding, linking to its article on the page.
pub struct Chip {
    /// Outlet name.
    pub source: String,
    /// `#aN` of the article card.
    pub href: String,
}

/// A claim as shown.
pub struct ClaimView {
    /// The sentence.
    pub text: String,
    /// Its outlets.
    pub chips: Vec<Chip>,
    /// Independent sources stating it.
    pub independent: usize,
}

/// One side of a conflict.
pub struct SideView {
    /// What this side says.
    pub text: String,
    /// Who says it.
    pub chips: Vec<Chip>,
}

/// A conflict: its kind and the two sides.
pub struct ConflictView {
    /// `number`, `date`, `name`, `quote` or `contradiction`.
    pub kind: String,
    /// A reader's word for the kind.
    pub label: &'static str,
    /// The claim's version.
    pub ours: SideView,
    /// The differing version.
    pub theirs: SideView,
}

/// The conflicts about one claim.
pub struct ClaimConflicts {
    /// The claim the sources differ on.
    pub claim: String,
    /// Its conflicts.
    pub items: Vec<ConflictView>,
}

/// A single-source fact.
pub struct SingleView {
    /// The sentence.
    pub text: String,
    /// The outlet, then copies repeating it.
    pub chips: Vec<Chip>,
    /// Names and figures no other independent source mentions.
    pub unique: String,
}

/// One wording of a quote.
pub struct WordingView {
    /// The words.
    pub text: String,
    /// Who uses them.
    pub chips: Vec<Chip>,
}

/// A quote.
pub struct QuoteView {
    /// The wording most sources use.
    pub text: String,
    /// Reporting verb, or empty.
    pub verb: String,
    /// Outlets.
    pub chips: Vec<Chip>,
    /// Wordings, when they differ (flagged).
    pub wordings: Vec<WordingView>,
}

/// The quotes of one speaker.
pub struct SpeakerView {
    /// Speaker, or "Unattributed".
    pub name: String,
    /// Their quotes.
    pub quotes: Vec<QuoteView>,
}

/// A timeline entry.
pub struct EventView {
    /// The date at its granularity (`21 January 2022`, `December 2021`).
    pub date: String,
    /// `day`, `week`, `month` or `year`.
    pub granularity: String,
    /// The sentence.
    pub text: String,
    /// Outlets.
    pub chips: Vec<Chip>,
}

/// A copy relation.
pub struct CopyView {
    /// The article holding the other.
    pub article: Chip,
    /// The article held.
    pub contains: Chip,
    /// Share, in percent.
    pub percent: String,
    /// Each holds most of the other.
    pub near_duplicate: bool,
}

/// Every analysis section of a story page.
pub struct Sections {
    /// Independent sources in the story.
    pub independent: usize,
    /// Claims every independent source states.
    pub agreed: Vec<ClaimView>,
    /// When none is agreed by all: claims stated by several, most widely reported first.
    pub widely: Vec<ClaimView>,
    /// Conflicts, by claim.
    pub conflicts: Vec<ClaimConflicts>,
    /// Single-source facts shown first.
    pub single: Vec<SingleView>,
    /// The rest (folded).
    pub single_more: Vec<SingleView>,
    /// Quotes by speaker, most quoted first, unattributed last.
    pub speakers: Vec<SpeakerView>,
    /// Timeline.
    pub events: Vec<EventView>,
    /// Copies.
    pub copies: Vec<CopyView>,
}

/// Single-source facts shown before the rest is folded away.
const SINGLE_SHOWN: usize = 8;

/// A date at its granularity.
fn dated(iso: &str, granularity: &str) -> String {
    let Ok(d) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
        return iso.to_string();
    };
    match granularity {
        "year" => d.format("%Y").to_string(),
        "month" => d.format("%B %Y").to_string(),
        "week" => d.format("week of %-d %B %Y").to_string(),
        _ => d.format("%-d %B %Y").to_string(),
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "number" => "Different figures",
        "date" => "Different dates",
        "name" => "Different names",
        "quote" => "Different wording of a quote",
        "contradiction" => "Contradiction",
        _ => "Difference",
    }
}

/// Builds the sections from a cached story and its articles' texts (by id).
pub fn sections(doc: &StoryDoc, texts: &HashMap<&str, &str>) -> Sections {
    let index: HashMap<&str, usize> = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let chip = |id: &str| Chip {
        source: index
            .get(id)
            .map_or_else(|| id.to_string(), |&i| doc.articles[i].source.clone()),
        href: index
            .get(id)
            .map_or_else(String::new, |&i| format!("#a{i}")),
    };
    let chips = |ids: &[String]| ids.iter().map(|s| chip(s)).collect::<Vec<_>>();
    let claim_view = |c: &crate::analyze::report::ClaimJson| ClaimView {
        text: c.text.clone(),
        chips: chips(&c.sources),
        independent: c.independent_sources,
    };
    let all = doc.independent_sources;
    let agreed: Vec<ClaimView> = doc
        .claims
        .iter()
        .filter(|c| all >= 2 && c.independent_sources >= all)
        .map(claim_view)
        .collect();
    let mut widely: Vec<ClaimView> = Vec::new();
    if agreed.is_empty() {
        widely = doc
            .claims
            .iter()
            .filter(|c| c.independent_sources >= 2)
            .map(claim_view)
            .collect();
        widely.sort_by_key(|c| std::cmp::Reverse(c.independent));
    }
    let mut conflicts = Vec::new();
    for c in doc.claims.iter().filter(|c| !c.conflicts.is_empty()) {
        let mut items = Vec::new();
        for k in &c.conflicts {
            let kind = serde_json::to_value(k.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            // The claim's side: its other sources, narrowed to those whose text has the
            // words it is set against, when they are given.
            let others: Vec<&String> = c
                .sources
                .iter()
                .filter(|s| !k.sources.contains(s))
                .collect();
            let saying: Vec<String> = match &k.versus {
                Some(v) => others
                    .iter()
                    .filter(|s| {
                        texts
                            .get(s.as_str())
                            .is_some_and(|t| t.contains(v.as_str()))
                    })
                    .map(|s| s.to_string())
                    .collect(),
                None => others.iter().map(|s| s.to_string()).collect(),
            };
            let ours_ids = if !saying.is_empty() {
                saying
            } else if !others.is_empty() {
                others.into_iter().cloned().collect()
            } else {
                vec![c.article.clone()]
            };
            items.push(ConflictView {
                label: kind_label(&kind),
                kind,
                ours: SideView {
                    text: k.versus.clone().unwrap_or_else(|| c.text.clone()),
                    chips: chips(&ours_ids),
                },
                theirs: SideView {
                    text: k.text.clone(),
                    chips: chips(&k.sources),
                },
            });
        }
        conflicts.push(ClaimConflicts {
            claim: c.text.clone(),
            items,
        });
    }
    let mut single: Vec<SingleView> = doc
        .single_source
        .iter()
        .map(|s| {
            let mut ids = vec![s.source.clone()];
            ids.extend(s.also_in.iter().cloned());
            SingleView {
                text: s.text.clone(),
                chips: chips(&ids),
                unique: s.unique.join(", "),
            }
        })
        .collect();
    // Those naming something no one else mentions are the most telling: first.
    single.sort_by_key(|s| s.unique.is_empty());
    let single_more = single.split_off(single.len().min(SINGLE_SHOWN));
    let mut speakers: Vec<SpeakerView> = Vec::new();
    for q in &doc.quotes {
        let name = q.speaker.clone().unwrap_or_default();
        let view = QuoteView {
            text: q.text.clone(),
            verb: q.verb.clone().unwrap_or_default(),
            chips: chips(&q.sources),
            wordings: if q.wording_differs {
                q.variants
                    .iter()
                    .map(|v| WordingView {
                        text: v.text.clone(),
                        chips: chips(&v.sources),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        };
        match speakers.iter_mut().find(|s| s.name == name) {
            Some(s) => s.quotes.push(view),
            None => speakers.push(SpeakerView {
                name,
                quotes: vec![view],
            }),
        }
    }
    speakers.sort_by(|a, b| {
        (a.name.is_empty(), std::cmp::Reverse(a.quotes.len()))
            .cmp(&(b.name.is_empty(), std::cmp::Reverse(b.quotes.len())))
    });
    for s in &mut speakers {
        if s.name.is_empty() {
            s.name = "Unattributed".into();
        }
    }
    let events = doc
        .timeline
        .iter()
        .map(|e| EventView {
            date: dated(&e.date, &e.granularity),
            granularity: e.granularity.clone(),
            text: e.text.clone(),
            chips: chips(&e.sources),
        })
        .collect();
    let copies = doc
        .copies
        .iter()
        .map(|c| CopyView {
            article: chip(&c.article),
            contains: chip(&c.contains),
            percent: format!("{:.0}%", c.share * 100.0),
            near_duplicate: c.near_duplicate,
        })
        .collect();
    Sections {
        independent: all,
        agreed,
        widely,
        conflicts,
        single,
        single_more,
        speakers,
        events,
        copies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_at_their_granularity() {
        assert_eq!(dated("2022-01-21", "day"), "21 January 2022");
        assert_eq!(dated("2021-12-01", "month"), "December 2021");
        assert_eq!(dated("2022-01-01", "year"), "2022");
        assert_eq!(dated("2022-01-17", "week"), "week of 17 January 2022");
        assert_eq!(dated("soon", "day"), "soon");
    }
}

//! Rendering an analysis: the JSON contract (the summarize contract plus the analysis fields)
//! and a readable report in text or Markdown.

use super::claims::ConflictKind;
use super::quotes::norm_words;
use super::Analysis;
use crate::options::{Options, OutputFormat};
use crate::render::json::{story_json, StoryJson};
use crate::story::Story;
use crate::summarize::Summary;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Top level: `{"stories": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub struct AnalysisStoriesJson {
    /// The stories.
    pub stories: Vec<AnalysisStoryJson>,
}

/// One story: every field of the summarize contract, then the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct AnalysisStoryJson {
    /// The summarize contract.
    #[serde(flatten)]
    pub story: StoryJson,
    /// People, places, organisations, other names.
    pub entities: Vec<EntityJson>,
    /// Direct quotes, one per quote across articles.
    pub quotes: Vec<QuoteJson>,
    /// Dated events in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<TimelineJson>>,
    /// Facts stated by several articles, with their conflicts.
    pub claims: Vec<ClaimJson>,
    /// Facts only one independent source reports.
    pub single_source: Vec<SingleSourceJson>,
    /// Articles that hold (most of) another.
    pub copies: Vec<CopyJson>,
}

/// Where a piece of text is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceJson {
    /// Article id.
    pub article: String,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// An entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityJson {
    /// Canonical name.
    pub name: String,
    /// `PER`, `LOC`, `ORG` or `MISC`.
    pub kind: String,
    /// Every form it takes.
    pub variants: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Article ids.
    pub sources: Vec<String>,
    /// Each mention's place (the name without its title).
    pub offsets: Vec<PlaceJson>,
}

/// A quote across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteJson {
    /// The wording most sources use.
    pub text: String,
    /// The speaker's canonical name (or the words naming an unnamed one), or null.
    pub speaker: Option<String>,
    /// The reporting verb, or null.
    pub verb: Option<String>,
    /// Article ids.
    pub sources: Vec<String>,
    /// Each wording with its articles (when the articles differ).
    pub variants: Vec<VariantJson>,
    /// True when the wordings differ beyond one being part of another.
    pub wording_differs: bool,
    /// A fragment worked into the writer's sentence.
    pub partial: bool,
    /// Outlets whose pasted article holds the quote.
    pub quoted_from: Vec<String>,
    /// Each occurrence.
    pub offsets: Vec<PlaceJson>,
}

/// One wording of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantJson {
    /// The words.
    pub text: String,
    /// Article ids.
    pub sources: Vec<String>,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineJson {
    /// `YYYY-MM-DD` (the first day of a week, month or year).
    pub date: String,
    /// `day`, `week`, `month` or `year`.
    pub granularity: String,
    /// The sentence.
    pub text: String,
    /// Article ids.
    pub sources: Vec<String>,
    /// The time expression that dates it, as written.
    pub when: String,
    /// Where the sentence is (its first article).
    #[serde(flatten)]
    pub place: PlaceJson,
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimJson {
    /// The sentence stating it.
    pub text: String,
    /// Article id of that sentence.
    pub article: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Articles stating it.
    pub sources: Vec<String>,
    /// Independent sources among them (copies count once).
    pub independent_sources: usize,
    /// Where sources disagree.
    pub conflicts: Vec<ConflictJson>,
}

/// A disagreeing version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictJson {
    /// `number`, `date`, `name`, `quote` or `contradiction`.
    pub kind: ConflictKind,
    /// The version.
    pub text: String,
    /// Articles giving it.
    pub sources: Vec<String>,
    /// What the claim says instead, when it says it in so many words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<String>,
    /// Where the version is (its first article).
    #[serde(flatten)]
    pub place: PlaceJson,
}

/// A single-source fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleSourceJson {
    /// The sentence.
    pub text: String,
    /// The article id.
    pub source: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Copies of that article that repeat it.
    pub also_in: Vec<String>,
    /// Names and figures in it no other independent source mentions.
    pub unique: Vec<String>,
}

/// A copy relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyJson {
    /// The article that holds the other.
    pub article: String,
    /// The article held.
    pub contains: String,
    /// Share of `contains` found in `article` (0..1, three decimals).
    pub share: f64,
    /// True when each holds most of the other.
    pub near_duplicate: bool,
}

/// Builds the JSON value of an analysed story.
pub fn analysis_json(
    story: &Story,
    summary: &Summary,
    a: &Analysis,
    explain: bool,
) -> AnalysisStoryJson {
    let id = |d: usize| story.docs[d].article.id.clone();
    let ids = |ds: &[usize]| ds.iter().map(|&d| id(d)).collect::<Vec<_>>();
    let text = |d: usize, s: crate::Span| s.of(&story.docs[d].article.text).to_string();
    let ents = &a.entities;
    let entities = ents
        .entities
        .iter()
        .map(|e| EntityJson {
            name: e.name.clone(),
            kind: e.kind.label().to_string(),
            variants: e.variants.clone(),
            mentions: e.mentions.len(),
            sources: ids(&e.docs),
            offsets: e
                .mentions
                .iter()
                .map(|&m| {
                    let m = &ents.mentions[m];
                    PlaceJson {
                        article: id(m.doc),
                        start: m.span.start,
                        end: m.span.end,
                    }
                })
                .collect(),
        })
        .collect();
    let qs = &a.quotes.quotes;
    let speaker_name = |q: &super::quotes::Quote| {
        q.speaker.as_ref().map(|s| match s.entity {
            Some(e) => ents.entities[e].name.clone(),
            None => text(q.doc, s.span),
        })
    };
    let quotes = a
        .quotes
        .groups
        .iter()
        .map(|g| {
            let main = &qs[g.main];
            let mut docs: Vec<usize> = g.quotes.iter().map(|&q| qs[q].doc).collect();
            docs.dedup();
            let mut variants: Vec<(Vec<String>, String, Vec<usize>)> = Vec::new();
            for &q in &g.quotes {
                let t = text(qs[q].doc, qs[q].span);
                let w = norm_words(&t);
                match variants.iter_mut().find(|v| v.0 == w) {
                    Some(v) => {
                        if !v.2.contains(&qs[q].doc) {
                            v.2.push(qs[q].doc);
                        }
                    }
                    None => variants.push((w, t, vec![qs[q].doc])),
                }
            }
            // The most common named speaker of the group.
            let mut speakers: Vec<(String, usize)> = Vec::new();
            for &q in &g.quotes {
                if let Some(s) = speaker_name(&qs[q]) {
                    match speakers.iter_mut().find(|x| x.0 == s) {
                        Some(x) => x.1 += 1,
                        None => speakers.push((s, 1)),
                    }
                }
            }
            let speaker = speakers.iter().max_by_key(|x| x.1).map(|x| x.0.clone());
            let mut via: Vec<String> = Vec::new();
            for &q in &g.quotes {
                for v in &qs[q].via {
                    if !via.contains(v) {
                        via.push(v.clone());
                    }
                }
            }
            QuoteJson {
                text: text(main.doc, main.span),
                speaker,
                verb: g.quotes.iter().find_map(|&q| qs[q].verb.clone()),
                sources: ids(&docs),
                variants: if variants.len() > 1 {
                    variants
                        .into_iter()
                        .map(|v| VariantJson {
                            text: v.1,
                            sources: ids(&v.2),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                wording_differs: g.wording_differs,
                partial: g.quotes.iter().all(|&q| qs[q].partial),
                quoted_from: via,
                offsets: g
                    .quotes
                    .iter()
                    .map(|&q| PlaceJson {
                        article: id(qs[q].doc),
                        start: qs[q].span.start,
                        end: qs[q].span.end,
                    })
                    .collect(),
            }
        })
        .collect();
    let unit_place = |u: usize| {
        let un = &story.units[u];
        story.docs[un.doc].sentences[un.sent].span
    };
    let claims = a
        .claims
        .claims
        .iter()
        .map(|c| {
            let d = story.units[c.unit].doc;
            let sp = unit_place(c.unit);
            ClaimJson {
                text: text(d, sp),
                article: id(d),
                start: sp.start,
                end: sp.end,
                sources: ids(&c.docs),
                independent_sources: c.independent,
                conflicts: c
                    .conflicts
                    .iter()
                    .map(|k| ConflictJson {
                        kind: k.kind,
                        text: text(k.doc, k.span),
                        sources: ids(&k.docs),
                        versus: k.versus.clone(),
                        place: PlaceJson {
                            article: id(k.doc),
                            start: k.span.start,
                            end: k.span.end,
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    let single_source = a
        .claims
        .single_source
        .iter()
        .map(|s| {
            let d = story.units[s.unit].doc;
            let sp = unit_place(s.unit);
            SingleSourceJson {
                text: text(d, sp),
                source: id(d),
                start: sp.start,
                end: sp.end,
                also_in: s.docs.iter().filter(|&&x| x != d).map(|&x| id(x)).collect(),
                unique: s.unique.clone(),
            }
        })
        .collect();
    let copies = story
        .copies
        .iter()
        .map(|c| CopyJson {
            article: id(c.article),
            contains: id(c.contains),
            share: (c.share * 1000.0).round() / 1000.0,
            near_duplicate: story.copies.iter().any(|o| {
                o.article == c.contains
                    && o.contains == c.article
                    && o.share >= 0.8
                    && c.share >= 0.8
            }),
        })
        .collect();
    AnalysisStoryJson {
        story: story_json(story, summary, explain),
        entities,
        quotes,
        timeline: Some(
            a.timeline
                .events
                .iter()
                .map(|e| {
                    let d = story.units[e.unit].doc;
                    let sp = unit_place(e.unit);
                    TimelineJson {
                        date: e.date.format("%Y-%m-%d").to_string(),
                        granularity: e.precision.as_str().to_string(),
                        text: text(d, sp),
                        sources: ids(&e.docs),
                        when: text(d, e.when),
                        place: PlaceJson {
                            article: id(d),
                            start: sp.start,
                            end: sp.end,
                        },
                    }
                })
                .collect(),
        ),
        claims,
        single_source,
        copies,
    }
}

/// Renders analysed stories in the format of `opts`.
pub fn render(stories: &[(&Story, &Summary, &Analysis)], opts: &Options) -> String {
    let js: Vec<AnalysisStoryJson> = stories
        .iter()
        .map(|(s, m, a)| analysis_json(s, m, a, opts.explain))
        .collect();
    match opts.format {
        OutputFormat::Json => {
            let mut out = serde_json::to_string_pretty(&AnalysisStoriesJson { stories: js })
                .expect("JSON of plain data");
            out.push('\n');
            out
        }
        OutputFormat::Text => js
            .iter()
            .map(|j| report(j, false))
            .collect::<Vec<_>>()
            .join("\n"),
        OutputFormat::Markdown => js
            .iter()
            .map(|j| report(j, true))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The readable report: the same content as the JSON, as sections.
fn report(j: &AnalysisStoryJson, md: bool) -> String {
    let mut out = String::new();
    let esc = |s: &str| {
        if md {
            crate::render::md_escape(s)
        } else {
            s.to_string()
        }
    };
    let head = |out: &mut String, t: &str| {
        if md {
            let _ = writeln!(out, "\n### {t}\n");
        } else {
            let _ = writeln!(out, "\n{t}\n{}", "=".repeat(t.len()));
        }
    };
    let item = if md { "- " } else { "* " };
    let sub = if md { "  - " } else { "    - " };
    if md {
        let title = j
            .story
            .articles
            .iter()
            .find_map(|a| a.title.clone())
            .unwrap_or_else(|| "Story".into());
        let _ = writeln!(out, "## {}", esc(&title));
    }
    head(&mut out, "Summary");
    for s in &j.story.summary {
        let _ = writeln!(out, "{item}{} [{}]", esc(&s.text), s.sources.join(", "));
    }
    head(&mut out, "Entities");
    for e in &j.entities {
        let _ = writeln!(
            out,
            "{item}{} ({}, {} mentions, {}): {}",
            esc(&e.name),
            e.kind,
            e.mentions,
            e.sources.join(", "),
            esc(&e.variants.join("; "))
        );
    }
    head(&mut out, "Quotes");
    for q in &j.quotes {
        let who = q.speaker.as_deref().unwrap_or("unknown speaker");
        let verb = q.verb.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "{item}\u{201c}{}\u{201d} — {} ({}) [{}]",
            esc(&q.text),
            esc(who),
            verb,
            q.sources.join(", ")
        );
        if !q.quoted_from.is_empty() {
            let _ = writeln!(out, "{sub}quoted from: {}", esc(&q.quoted_from.join(", ")));
        }
        if q.wording_differs {
            for v in &q.variants {
                let _ = writeln!(
                    out,
                    "{sub}wording: \u{201c}{}\u{201d} [{}]",
                    esc(&v.text),
                    v.sources.join(", ")
                );
            }
        }
    }
    if let Some(t) = &j.timeline {
        head(&mut out, "Timeline");
        for e in t {
            let _ = writeln!(
                out,
                "{item}{} ({}): {} [{}]",
                e.date,
                e.granularity,
                esc(&e.text),
                e.sources.join(", ")
            );
        }
    }
    head(&mut out, "Claims");
    for c in &j.claims {
        let _ = writeln!(
            out,
            "{item}{} [{}; {} independent]",
            esc(&c.text),
            c.sources.join(", "),
            c.independent_sources
        );
        for k in &c.conflicts {
            let kind = serde_json::to_value(k.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let versus = k
                .versus
                .as_deref()
                .map(|v| format!(" (versus \u{201c}{}\u{201d})", esc(v)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{sub}conflict ({kind}): {}{versus} [{}]",
                esc(&k.text),
                k.sources.join(", ")
            );
        }
    }
    head(&mut out, "Single-source facts");
    for s in &j.single_source {
        let also = if s.also_in.is_empty() {
            String::new()
        } else {
            format!(", copied in {}", s.also_in.join(", "))
        };
        let uniq = if s.unique.is_empty() {
            String::new()
        } else {
            format!(" (only here: {})", esc(&s.unique.join(", ")))
        };
        let _ = writeln!(out, "{item}{}{uniq} [{}{also}]", esc(&s.text), s.source);
    }
    head(&mut out, "Copies");
    for c in &j.copies {
        let _ = writeln!(
            out,
            "{item}{} contains {:.0}% of {}",
            c.article,
            c.share * 100.0,
            c.contains
        );
    }
    out
}

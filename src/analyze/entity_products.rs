//! Product names that go on past what the rules found: a model's edition or variant word
//! after a product ("Nintendo Switch Lite", "iPhone 11 Pro Max", "Galaxy Note Ultra") belongs
//! to the product.

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
            if !EDITIONS.contains(&w) {
                break;
            }
            r.span.end += 1 + w.len();
            r.full.end = r.full.end.max(r.span.end);
        }
    }
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
}

//! Quantities stated in a sentence ("over 100,000 troops"): the value, its hedge ("over",
//! "about"), and the noun it counts, so that sources giving different figures for the same
//! thing can be found.

use super::tokens::tokenize;
use crate::model::Span;

/// A quantity in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// From the hedge (or the number) to the counted noun.
    pub span: Span,
    /// The value.
    pub value: f64,
    /// The hedge, normalised ("over", "about", "at least"), or empty.
    pub hedge: String,
    /// Stem of the counted noun.
    pub noun: String,
}

const HEDGES: &[(&str, &str)] = &[
    ("more than", "over"),
    ("over", "over"),
    ("above", "over"),
    ("upwards of", "over"),
    ("at least", "at least"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("up to", "up to"),
    ("fewer than", "under"),
    ("less than", "under"),
    ("under", "under"),
];

const SCALE: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Quantities in `span` of `text` (numbers written with digits; years are skipped).
pub fn quantities(text: &str, span: Span) -> Vec<Quantity> {
    let toks = tokenize(text, span);
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let w = t.text(text);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Ok(mut value) = w.replace(',', "").parse::<f64>() else {
            continue;
        };
        // A bare year or a day of the month is a date, not a quantity.
        if !w.contains(',')
            && ((1900.0..2100.0).contains(&value)
                || value < 32.0 && k > 0 && is_month(toks[k - 1].text(text)))
        {
            continue;
        }
        let mut j = k + 1;
        if let Some(&(_, m)) = toks
            .get(j)
            .and_then(|n| SCALE.iter().find(|(s, _)| *s == n.text(text)))
        {
            value *= m;
            j += 1;
        }
        let Some(noun) = toks.get(j) else { continue };
        let nw = noun.text(text).to_lowercase();
        if crate::words::is_stopword(&nw) || !nw.chars().all(char::is_alphabetic) {
            continue;
        }
        let mut start = t.span.start;
        let mut hedge = String::new();
        for (h, norm) in HEDGES {
            let n = h.split(' ').count();
            if k >= n {
                let prev: Vec<String> = toks[k - n..k]
                    .iter()
                    .map(|x| x.text(text).to_lowercase())
                    .collect();
                if prev.join(" ") == *h {
                    hedge = norm.to_string();
                    start = toks[k - n].span.start;
                    break;
                }
            }
        }
        out.push(Quantity {
            span: Span::new(start, noun.span.end),
            value,
            hedge,
            noun: crate::words::stem(&nw),
        });
    }
    out
}

fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Jan"
            | "January"
            | "Feb"
            | "February"
            | "Mar"
            | "March"
            | "Apr"
            | "April"
            | "May"
            | "Jun"
            | "June"
            | "Jul"
            | "July"
            | "Aug"
            | "August"
            | "Sep"
            | "Sept"
            | "September"
            | "Oct"
            | "October"
            | "Nov"
            | "November"
            | "Dec"
            | "December"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_values_and_nouns() {
        let t = "Moscow has concentrated over 100,000 troops and 2 million dollars since Jan. 10, 2022.";
        let q = quantities(t, Span::new(0, t.len()));
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].span.of(t), "over 100,000 troops");
        assert_eq!(
            (q[0].value, q[0].hedge.as_str(), q[0].noun.as_str()),
            (100000.0, "over", "troop")
        );
        assert_eq!(q[1].value, 2e6);
    }
}

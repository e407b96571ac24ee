//! Headline names typed by their shape and by the words around them, where a headline gives
//! no sentence to type them: a product by its spelling ("iOS 7.1", "IPhone 6", "CarPlay"), a
//! company by the business words next to it ("Chiquita Shares Rise", "to buy Fyffes",
//! "Fyffes Plc"), and a show before its season or finale ("Game Of Thrones Season 4").

use super::entities::{Kind, Raw};
use super::gazetteer::Gazetteer;
use crate::model::Span;

/// Words right after a name that make it a company's: its stock, its results, its legal form.
const COMPANY_AFTER: &[&str] = &[
    "shares", "stock", "stocks", "profit", "profits", "earnings", "revenue", "revenues", "ipo",
];

/// A company's legal form, the last word of its name ("Fyffes Plc").
const LEGAL_FORMS: &[&str] = &["plc", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc"];

/// Verbs of a deal: a name right before or after them is a company's ("X Buys Y", "X to
/// acquire Y"). "Buy" alone is left out: in a headline it is as often a reader's imperative
/// ("Buy Titanfall").
const DEAL_VERBS: &[&str] = &["buys", "acquires", "acquire", "merges"];

/// Words after a show's name that speak of it as a show: its season, finale or trailer.
const SHOW_AFTER: &[&str] = &[
    "season", "finale", "premiere", "trailer", "episode", "recap",
];

/// The words of `text` within `span`, each with its byte span, with the punctuation around
/// it ("'", ":", ",", a possessive "'s") left out.
fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = span.start;
    for w in text[span.start..span.end].split(' ') {
        let start = pos;
        pos += w.len() + 1;
        // A hashtag or a handle ("#TheBachelor", "@Apple") is not a name in running text.
        if w.starts_with(['#', '@']) {
            continue;
        }
        let trimmed = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = w.len() - trimmed.len();
        let core = trimmed
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim_end_matches('.');
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("’s"))
            .unwrap_or(core);
        if core.is_empty() {
            continue;
        }
        out.push(Span::new(start + lead, start + lead + core.len()));
    }
    out
}

/// True for a word spelt like a product: a lower-case "i" before a capital ("iOS", "iPhone",
/// "iTunes"), its title-case form ("IPhone", not "IPO"), or a word with a capital after a
/// small letter inside ("CarPlay", "PonoPlayer"), but not a surname's prefix ("McDonald",
/// "DeGrasse", "LeBron").
pub fn product_word(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    if c.len() < 3 || !c.iter().all(|c| c.is_alphanumeric()) {
        return false;
    }
    if c[0] == 'i' && c[1].is_uppercase() {
        return true;
    }
    if c[0] == 'I' && c[1].is_uppercase() && c[2..].iter().any(|c| c.is_lowercase()) {
        return c[2].is_lowercase();
    }
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
    ];
    if !c[0].is_uppercase() || PREFIXES.iter().any(|p| w.starts_with(p)) {
        return false;
    }
    // Two small letters before the inner capital and one after it: "CarPlay", not "BoE"
    // (an abbreviation) nor "MtGox".
    (2..c.len() - 1).any(|i| {
        c[i].is_uppercase()
            && c[i - 1].is_lowercase()
            && c[i - 2].is_lowercase()
            && c[i + 1].is_lowercase()
    })
}

/// The end of a version number right after `end` (" 7.1", " 6", " 5s"), or `end`.
fn version_end(text: &str, end: usize, limit: usize) -> usize {
    let rest = &text[end..limit];
    let Some(after) = rest.strip_prefix(' ') else {
        return end;
    };
    let n = after
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(after.len());
    let num = after[..n].trim_end_matches('.');
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return end;
    }
    let mut e = end + 1 + num.len();
    // A model letter glued to the number ("5s", "5c").
    let tail = &text[e..limit];
    let mut it = tail.chars();
    if let Some(c) = it.next() {
        if c.is_ascii_lowercase() && it.next().is_none_or(|d| !d.is_alphanumeric()) {
            e += 1;
        }
    }
    e
}

/// Types the names of the headline `span` of `text` in `out` by their shape and by the words
/// around them (see the module's summary); a name the gazetteer knows keeps its kind.
pub fn headline_types(text: &str, span: Span, out: &mut Vec<Raw>) {
    let g = Gazetteer::get();
    let ws = words(text, span);
    let lower: Vec<String> = ws.iter().map(|w| w.of(text).to_lowercase()).collect();
    let index = |pos: usize| ws.iter().position(|w| w.start == pos);
    let index_end = |pos: usize| ws.iter().position(|w| w.end == pos);
    // Products by their spelling.
    for w in &ws {
        let word = w.of(text);
        if !product_word(word) {
            continue;
        }
        let end = version_end(text, w.end, span.end);
        let over: Vec<usize> = (0..out.len())
            .filter(|&i| out[i].span.start < w.end && w.start < out[i].span.end)
            .collect();
        match over.as_slice() {
            [] => out.push(Raw::typed(Span::new(w.start, end), Kind::Misc)),
            [i] => {
                let r = &mut out[*i];
                let alone = r.span.start == w.start && r.span.end <= end;
                if alone
                    && r.gaz.is_none()
                    && (r.kind.is_none() || r.weak || r.kind == Some(Kind::Org))
                {
                    r.retype(Kind::Misc);
                    r.span = Span::new(w.start, end);
                    r.full = r.span;
                }
            }
            _ => {}
        }
    }
    for r in out.iter_mut() {
        if r.gaz.is_some() {
            continue;
        }
        let name = r.span.of(text);
        let single = !name.contains(' ');
        let first = index(r.span.start);
        let last = index_end(r.span.end);
        let next = last.and_then(|l| lower.get(l + 1)).map(String::as_str);
        let next2 = last.and_then(|l| lower.get(l + 2)).map(String::as_str);
        let prev = first
            .and_then(|f| f.checked_sub(1))
            .map(|p| lower[p].as_str());
        let prev2 = first
            .and_then(|f| f.checked_sub(2))
            .map(|p| lower[p].as_str());
        // A word in doubt that is also an ordinary word ("And Revenue") is no company.
        let unsure = (r.kind.is_none() || r.weak) && !(single && g.is_ordinary(name));
        // A lone given name that is no surname ("Chiquita buys Fyffes") does a deal as a
        // company: a person in a headline goes by the surname.
        let given =
            single && r.kind == Some(Kind::Per) && g.is_first_name(name) && !g.is_surname(name);
        // A ticker in brackets ("(NYSE:CCQB) Acquires") is no company's name.
        let bracketed = text[..r.span.start].ends_with(['(', ':']);
        // "Fyffes Plc", "Chiquita Shares": a company.
        let legal = name
            .rsplit(' ')
            .next()
            .is_some_and(|w| !single && LEGAL_FORMS.contains(&w.to_lowercase().as_str()));
        let company_after =
            next.is_some_and(|n| COMPANY_AFTER.contains(&n) || LEGAL_FORMS.contains(&n));
        let deal = next.is_some_and(|n| DEAL_VERBS.contains(&n))
            || (next == Some("to") && next2.is_some_and(|n| matches!(n, "buy" | "acquire")))
            || prev.is_some_and(|p| DEAL_VERBS.contains(&p))
            || (prev2 == Some("to") && prev == Some("buy"));
        if r.kind != Some(Kind::Org)
            && !bracketed
            && (legal
                || (single && company_after && (unsure || r.kind == Some(Kind::Per)))
                || (single && deal && (unsure || given)))
        {
            r.retype(Kind::Org);
            continue;
        }
        // "Game Of Thrones Season 4": the season is outside the show's name.
        if r.kind == Some(Kind::Misc) || unsure || r.kind == Some(Kind::Per) {
            let ns: Vec<&str> = name.split(' ').collect();
            if let Some(cut) = ns
                .iter()
                .position(|w| SHOW_AFTER.contains(&w.to_lowercase().as_str()))
                .filter(|&c| c > 0)
            {
                let keep: usize = ns[..cut].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
                r.span.end = r.span.start + keep;
                r.full = r.span;
                r.retype(Kind::Misc);
                continue;
            }
            if !single && next.is_some_and(|n| SHOW_AFTER.contains(&n)) && r.kind != Some(Kind::Per)
            {
                r.retype(Kind::Misc);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_by_their_spelling() {
        for w in ["iOS", "iPhone", "IPhone", "CarPlay", "PonoPlayer"] {
            assert!(product_word(w), "{w}");
        }
        for w in [
            "IPO", "McDonald", "DeGrasse", "Apple", "NASA", "LeBron", "is",
        ] {
            assert!(!product_word(w), "{w}");
        }
    }

    #[test]
    fn a_product_takes_its_version() {
        let text = "iOS 7.1 Is Out With CarPlay Support";
        let mut out = Vec::new();
        headline_types(text, Span::new(0, text.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|r| r.span.of(text)).collect();
        assert_eq!(got, ["iOS 7.1", "CarPlay"]);
        assert!(out.iter().all(|r| r.kind == Some(Kind::Misc)));
    }

    #[test]
    fn business_words_make_a_company() {
        let text = "Chiquita Shares Jump As Firm Agrees to buy Fyffes Plc";
        let mut out = vec![
            Raw::typed(Span::new(0, 8), Kind::Per),
            Raw::typed(Span::new(43, 53), Kind::Per),
            Raw {
                weak: true,
                ..Raw::typed(Span::new(21, 23), Kind::Org)
            },
        ];
        out[2].kind = None;
        headline_types(text, Span::new(0, text.len()), &mut out);
        assert!(out[..2].iter().all(|r| r.kind == Some(Kind::Org)));
        // "As" before "Firm" stays in doubt.
        assert_eq!(out[2].kind, None);
    }

    #[test]
    fn a_season_is_outside_the_show() {
        let text = "New Game Of Thrones Season 4 Trailer";
        let mut out = vec![Raw::typed(Span::new(4, 28), Kind::Misc)];
        headline_types(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out[0].span.of(text), "Game Of Thrones");
    }

    #[test]
    fn words_leave_punctuation_and_hashtags_out() {
        let text = "...Titanfall's \"iOS 7.1\" #TheBachelor Évian…";
        let got: Vec<&str> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| w.of(text))
            .collect();
        assert_eq!(got, ["Titanfall", "iOS", "7.1", "Évian"]);
    }
}

//! The Porter stemmer exactly as ROUGE-1.5.5 runs it.
//!
//! ROUGE-1.5.5 ships its own Perl transcription of Porter (1980), with one change by its
//! author (02/2004: a word in "-ement" does not also try "-ment" and "-ent" in step 4, but
//! the two later rules still run on what step 4 left). Scores only match the reference
//! tool when every word stems the same way, so this module follows the Perl line by line,
//! with the same regular expressions (leftmost match, as Perl finds it), rather than any
//! other Porter implementation (Snowball's Porter2 and NLTK's variant differ on many words).

use regex::Regex;
use std::sync::OnceLock;

struct Patterns {
    mgr0: Regex,
    meq1: Regex,
    mgr1: Regex,
    v: Regex,
    cvc: Regex,
    step1a: Regex,
    step2: Regex,
    step3: Regex,
    step4: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cc = format!("{c}[^aeiouy]*");
        let vv = format!("{v}[aeiou]*");
        let re = |s: &str| Regex::new(s).expect("valid stemmer pattern");
        Patterns {
            mgr0: re(&format!("^({cc})?{vv}{cc}")),
            meq1: re(&format!("^({cc})?{vv}{cc}({vv})?$")),
            mgr1: re(&format!("^({cc})?{vv}{cc}{vv}{cc}")),
            v: re(&format!("^({cc})?{v}")),
            cvc: re(&format!("^{cc}{v}[^aeiouwxy]$")),
            step1a: re("(ss|i)es$"),
            step2: re("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"),
            step3: re("(icate|ative|alize|iciti|ical|ful|ness)$"),
            step4: re("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$"),
        }
    })
}

fn step2_replacement(suffix: &str) -> &'static str {
    match suffix {
        "ational" => "ate",
        "tional" => "tion",
        "enci" => "ence",
        "anci" => "ance",
        "izer" => "ize",
        "bli" => "ble",
        "alli" => "al",
        "entli" => "ent",
        "eli" => "e",
        "ousli" => "ous",
        "ization" => "ize",
        "ation" => "ate",
        "ator" => "ate",
        "alism" => "al",
        "iveness" => "ive",
        "fulness" => "ful",
        "ousness" => "ous",
        "aliti" => "al",
        "iviti" => "ive",
        "biliti" => "ble",
        "logi" => "log",
        _ => unreachable!("step 2 suffix list"),
    }
}

fn step3_replacement(suffix: &str) -> &'static str {
    match suffix {
        "icate" => "ic",
        "alize" => "al",
        "iciti" => "ic",
        "ical" => "ic",
        "ative" | "ful" | "ness" => "",
        _ => unreachable!("step 3 suffix list"),
    }
}

/// Stems a lower-case ASCII word the way ROUGE-1.5.5's `stem` does.
///
/// Words shorter than three bytes come back unchanged. (ROUGE itself only calls the
/// stemmer on tokens longer than three bytes; see [`super::tokenize`].)
pub fn stem(word: &str) -> String {
    if word.len() < 3 {
        return word.to_string();
    }
    let p = patterns();
    let initial_y = word.starts_with('y');
    let mut w = if initial_y {
        format!("Y{}", &word[1..])
    } else {
        word.to_string()
    };

    // Step 1a.
    if let Some(m) = p.step1a.captures(&w) {
        let whole = m.get(0).expect("match");
        w = format!("{}{}", &w[..whole.start()], &m[1]);
    } else if w.len() >= 2 && w.ends_with('s') && !w[..w.len() - 1].ends_with('s') {
        w.pop();
    }
    // Step 1b.
    if let Some(prefix) = w.strip_suffix("eed") {
        if p.mgr0.is_match(prefix) {
            w.pop();
        }
    } else if let Some(prefix) = w.strip_suffix("ed").or_else(|| w.strip_suffix("ing")) {
        if p.v.is_match(prefix) {
            w = prefix.to_string();
            let b = w.as_bytes();
            let n = b.len();
            if w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz") {
                w.push('e');
            } else if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouylsz".contains(&b[n - 1]) {
                w.pop();
            } else if p.cvc.is_match(&w) {
                w.push('e');
            }
        }
    }
    // Step 1c.
    if let Some(prefix) = w.strip_suffix('y') {
        if p.v.is_match(prefix) {
            w = format!("{prefix}i");
        }
    }
    // Step 2.
    if let Some(m) = p.step2.find(&w) {
        let stem = &w[..m.start()];
        if p.mgr0.is_match(stem) {
            w = format!("{stem}{}", step2_replacement(m.as_str()));
        }
    }
    // Step 3.
    if let Some(m) = p.step3.find(&w) {
        let stem = &w[..m.start()];
        if p.mgr0.is_match(stem) {
            w = format!("{stem}{}", step3_replacement(m.as_str()));
        }
    }
    // Step 4, with ROUGE's 2004 change.
    if let Some(m) = p.step4.find(&w) {
        let stem = &w[..m.start()];
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("ment") {
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("ent") {
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    } else if w.ends_with("sion") || w.ends_with("tion") {
        let stem = &w[..w.len() - 3];
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    // Step 5.
    if let Some(stem) = w.strip_suffix('e') {
        if p.mgr1.is_match(stem) || (p.meq1.is_match(stem) && !p.cvc.is_match(stem)) {
            w = stem.to_string();
        }
    }
    if w.ends_with("ll") && p.mgr1.is_match(&w) {
        w.pop();
    }
    if initial_y {
        w.replace_range(0..1, "y");
    }
    w
}

#[cfg(test)]
mod tests {
    use super::stem;

    /// Pairs printed by ROUGE-1.5.5's own `stem` (the Perl subroutine run on each word; see
    /// `tests/fixtures/rouge155/README.md` for the command).
    const PERL: &str = include_str!("../../tests/fixtures/rouge155/porter.tsv");

    #[test]
    fn stems_like_rouge_155() {
        let mut n = 0;
        for line in PERL.lines() {
            let (word, want) = line.split_once('\t').expect("word<TAB>stem");
            assert_eq!(stem(word), want, "stem of {word:?}");
            n += 1;
        }
        assert!(n > 1000, "fixture has {n} words");
    }

    #[test]
    fn classic_examples() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("hopping", "hop"),
            ("relational", "relat"),
            ("yielding", "yield"),
            ("agreement", "agreem"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }
}

//! Snowball English (Porter2) for words of lower-case ASCII letters, written out directly.
//!
//! `rust-stemmers` interprets the Snowball program (suffix tables searched by `find_among`),
//! which makes stemming the costliest step of preparing an article. This is the same
//! algorithm, as rust-stemmers 1.2 implements it (the 2.0 exceptions `gener`, `commun`,
//! `arsen`, `exception1`, `exception2`), for the words nearly all news is made of: lower-case
//! ASCII letters. Any other word (digits, apostrophes, non-ASCII) is left to rust-stemmers.
//! Tests check that both give the same stem for every word of Multi-News.

/// The Porter2 stem of `w`, or `None` when `w` is not all lower-case ASCII letters.
pub fn stem(w: &str) -> Option<String> {
    let b = w.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if let Some(s) = exception1(w) {
        return Some(s.to_string());
    }
    if b.len() < 3 {
        return Some(w.to_string());
    }
    let mut s = b.to_vec();
    // Prelude: a y at the start or after a vowel is a consonant (Y).
    let mut y_found = false;
    if s[0] == b'y' {
        s[0] = b'Y';
        y_found = true;
    }
    for i in 0..s.len() - 1 {
        if is_v(s[i]) && s[i + 1] == b'y' {
            s[i + 1] = b'Y';
            y_found = true;
        }
    }
    let (p1, p2) = regions(&s);
    step_1a(&mut s);
    if !exception2(&s) {
        step_1b(&mut s, p1);
        step_1c(&mut s);
        step_2(&mut s, p1);
        step_3(&mut s, p1, p2);
        step_4(&mut s, p2);
        step_5(&mut s, p1, p2);
    }
    if y_found {
        for c in &mut s {
            if *c == b'Y' {
                *c = b'y';
            }
        }
    }
    // Only ASCII bytes were written.
    Some(String::from_utf8(s).expect("ASCII"))
}

fn is_v(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_v_wxy(c: u8) -> bool {
    matches!(
        c,
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'x' | b'Y'
    )
}

fn valid_li(c: u8) -> bool {
    matches!(
        c,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

fn exception1(w: &str) -> Option<&'static str> {
    Some(match w {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" => "sky",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => return None,
    })
}

fn exception2(s: &[u8]) -> bool {
    matches!(
        s,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// R1 and R2 start positions.
fn regions(s: &[u8]) -> (usize, usize) {
    let n = s.len();
    // After the first non-vowel that follows a vowel, from `from`.
    let after_vc = |from: usize| -> Option<usize> {
        let v = (from..n).find(|&i| is_v(s[i]))?;
        let c = (v + 1..n).find(|&i| !is_v(s[i]))?;
        Some(c + 1)
    };
    let p1 = if s.starts_with(b"gener") || s.starts_with(b"arsen") {
        Some(5)
    } else if s.starts_with(b"commun") {
        Some(6)
    } else {
        after_vc(0)
    };
    let Some(p1) = p1 else {
        return (n, n);
    };
    (p1, after_vc(p1).unwrap_or(n))
}

/// A short syllable ends `s`.
fn shortv(s: &[u8]) -> bool {
    let n = s.len();
    (n >= 3 && !is_v_wxy(s[n - 1]) && is_v(s[n - 2]) && !is_v(s[n - 3]))
        || (n == 2 && !is_v(s[1]) && is_v(s[0]))
}

/// The longest of `suffixes` that ends `s`, with its index.
fn longest<'a>(s: &[u8], suffixes: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, suf) in suffixes.enumerate() {
        if ends(s, suf.as_bytes()) && best.is_none_or(|b| b.1 < suf.len()) {
            best = Some((i, suf.len()));
        }
    }
    best.map(|b| b.0)
}

/// `s` ends with `suf` (a byte loop: most tests fail at the last byte, and a call to
/// `memcmp` per test cost more than the rest of stemming).
fn ends(s: &[u8], suf: &[u8]) -> bool {
    let (n, m) = (s.len(), suf.len());
    n >= m && (0..m).rev().all(|i| s[n - m + i] == suf[i])
}

fn replace(s: &mut Vec<u8>, suffix_len: usize, with: &str) {
    s.truncate(s.len() - suffix_len);
    s.extend_from_slice(with.as_bytes());
}

fn step_1a(s: &mut Vec<u8>) {
    let n = s.len();
    if ends(s, b"sses") {
        replace(s, 4, "ss");
    } else if ends(s, b"ied") || ends(s, b"ies") {
        let with = if n - 3 >= 2 { "i" } else { "ie" };
        replace(s, 3, with);
    } else if ends(s, b"ss") || ends(s, b"us") {
    } else if ends(s, b"s") && n >= 2 && s[..n - 2].iter().any(|&c| is_v(c)) {
        s.pop();
    }
}

fn step_1b(s: &mut Vec<u8>, p1: usize) {
    const SUF: &[&str] = &["ed", "eed", "ing", "edly", "eedly", "ingly"];
    let Some(i) = longest(s, SUF.iter().copied()) else {
        return;
    };
    let len = SUF[i].len();
    let st = s.len() - len;
    if matches!(SUF[i], "eed" | "eedly") {
        if st >= p1 {
            replace(s, len, "ee");
        }
        return;
    }
    if !s[..st].iter().any(|&c| is_v(c)) {
        return;
    }
    s.truncate(st);
    const DOUBLE: &[&[u8]] = &[
        b"bb", b"dd", b"ff", b"gg", b"mm", b"nn", b"pp", b"rr", b"tt",
    ];
    if ends(s, b"at") || ends(s, b"bl") || ends(s, b"iz") {
        s.push(b'e');
    } else if DOUBLE.iter().any(|d| ends(s, d)) {
        s.pop();
    } else if s.len() == p1 && shortv(s) {
        s.push(b'e');
    }
}

fn step_1c(s: &mut [u8]) {
    let n = s.len();
    if n >= 3 && matches!(s[n - 1], b'y' | b'Y') && !is_v(s[n - 2]) {
        s[n - 1] = b'i';
    }
}

fn step_2(s: &mut Vec<u8>, p1: usize) {
    const SUF: &[(&str, &str)] = &[
        ("tional", "tion"),
        ("enci", "ence"),
        ("anci", "ance"),
        ("abli", "able"),
        ("entli", "ent"),
        ("izer", "ize"),
        ("ization", "ize"),
        ("ational", "ate"),
        ("ation", "ate"),
        ("ator", "ate"),
        ("alism", "al"),
        ("aliti", "al"),
        ("alli", "al"),
        ("fulness", "ful"),
        ("ousli", "ous"),
        ("ousness", "ous"),
        ("iveness", "ive"),
        ("iviti", "ive"),
        ("biliti", "ble"),
        ("bli", "ble"),
        ("ogi", "og"),
        ("fulli", "ful"),
        ("lessli", "less"),
        ("li", ""),
    ];
    let Some(i) = longest(s, SUF.iter().map(|x| x.0)) else {
        return;
    };
    let (suf, with) = SUF[i];
    let st = s.len() - suf.len();
    if st < p1 {
        return;
    }
    match suf {
        "ogi" if st == 0 || s[st - 1] != b'l' => {}
        "li" if st == 0 || !valid_li(s[st - 1]) => {}
        _ => replace(s, suf.len(), with),
    }
}

fn step_3(s: &mut Vec<u8>, p1: usize, p2: usize) {
    const SUF: &[(&str, &str)] = &[
        ("tional", "tion"),
        ("ational", "ate"),
        ("alize", "al"),
        ("icate", "ic"),
        ("iciti", "ic"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
        ("ative", ""),
    ];
    let Some(i) = longest(s, SUF.iter().map(|x| x.0)) else {
        return;
    };
    let (suf, with) = SUF[i];
    let st = s.len() - suf.len();
    if st < p1 || (suf == "ative" && st < p2) {
        return;
    }
    replace(s, suf.len(), with);
}

fn step_4(s: &mut Vec<u8>, p2: usize) {
    const SUF: &[&str] = &[
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ];
    let Some(i) = longest(s, SUF.iter().copied()) else {
        return;
    };
    let suf = SUF[i];
    let st = s.len() - suf.len();
    if st < p2 {
        return;
    }
    if suf == "ion" && (st == 0 || !matches!(s[st - 1], b's' | b't')) {
        return;
    }
    s.truncate(st);
}

fn step_5(s: &mut Vec<u8>, p1: usize, p2: usize) {
    let n = s.len();
    match s.last() {
        Some(b'e') => {
            let st = n - 1;
            if st >= p2 || (st >= p1 && !shortv(&s[..st])) {
                s.pop();
            }
        }
        Some(b'l') => {
            let st = n - 1;
            if st >= p2 && st >= 1 && s[st - 1] == b'l' {
                s.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn check(words: impl IntoIterator<Item = String>) -> usize {
        let reference = Stemmer::create(Algorithm::English);
        let mut n = 0;
        for w in words {
            if let Some(ours) = stem(&w) {
                assert_eq!(ours, reference.stem(&w), "{w:?}");
                n += 1;
            }
        }
        n
    }

    #[test]
    fn equals_rust_stemmers_on_hard_cases() {
        let words =
            "skis skies dying lying tying idly gently ugly early only singly sky news howe \
            atlas cosmos bias andes inning innings outing canning herring earring proceed exceed \
            succeed generous generate communism arsenal caresses ponies ties cries gas gaps kiwis \
            us ss sses luxuriating hopping hoping filing fizzed bled feed agreed agreedly \
            conditionally happy cry by say sayings yes youth boyish toy toys crying \
            rationalization relational conditional valenci hesitanci digitizer conformabli \
            radicalli differentli vileli analogous vietnamization predication operator feudalism \
            decisiveness hopefulness callousness formaliti sensitiviti sensibiliti geologi \
            analogi fluentli fulli lessli hopelessli triplicate formative formalize electriciti \
            electrical hopeful goodness revival allowance inference airliner gyroscopic \
            adjustable defensible irritant replacement adjustment dependent adoption \
            communism activate angulariti homologous effective bowdlerize probate rate cease \
            controll roll a ab abc eyed eying ayy yyy yay ied ies eed oed";
        assert!(check(words.split_whitespace().map(String::from)) > 100);
    }

    #[test]
    fn equals_rust_stemmers_on_multinews_and_stopwords() {
        let mut words: std::collections::BTreeSet<String> = include_str!("../stopwords.txt")
            .split_whitespace()
            .map(String::from)
            .collect();
        let Some(texts) = crate::words::multinews_texts() else {
            return;
        };
        for text in &texts {
            for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
                if !w.is_empty() {
                    words.insert(w.to_ascii_lowercase());
                }
            }
        }
        assert!(check(words) > 10_000);
    }
}

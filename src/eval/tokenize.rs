//! Turning a summary file into the tokens ROUGE counts.
//!
//! ROUGE-1.5.5 works on bytes, not characters: it lower-cases ASCII only, cuts the summary to
//! the word limit by whitespace-separated words *before* punctuation is removed, then turns
//! every byte that is not an ASCII letter, digit or hyphen into a space, splits hyphens off,
//! and keeps only tokens that start with a letter or digit, stemming those longer than three
//! bytes. Each of these steps changes the counts, so each is reproduced as written in the Perl
//! (`readText`, `readText_LCS`, `createNGram`, `tokenizeText_LCS`).
//!
//! Google's rouge-score package tokenizes differently (lower-cases Unicode, keeps only
//! `[a-z0-9]` runs, no word limit); [`rouge_score_tokens`] follows it.

use super::porter;

/// Perl's `split(/\s+/, $s)`: a leading empty field when `s` starts with whitespace,
/// trailing empty fields dropped. Whitespace is ASCII (Perl's native rules on byte strings).
fn perl_split(s: &[u8]) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if is_space(s[i]) {
            out.push(&s[start..i]);
            while i < s.len() && is_space(s[i]) {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(&s[start..]);
    while out.last().is_some_and(|f| f.is_empty()) {
        out.pop();
    }
    out
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The sentences of a one-sentence-per-line ("SPL") file as ROUGE reads them: lines without
/// their final newline, empty lines skipped, ASCII upper case lowered.
pub fn spl_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.to_ascii_lowercase())
        .collect()
}

/// ROUGE's word limit (`-l N`), as `readText_LCS` applies it: whole sentences while they fit
/// strictly under the limit, then the first words of the next one to reach it exactly.
/// `limit == 0` keeps everything.
pub fn truncate(lines: Vec<Vec<u8>>, limit: usize) -> Vec<Vec<u8>> {
    if limit == 0 {
        return lines;
    }
    let mut out = Vec::new();
    let mut used = 0;
    for line in lines {
        let fields = perl_split(&line);
        if used + fields.len() < limit {
            used += fields.len();
            out.push(line);
        } else {
            let take = limit - used;
            let words: Vec<&[u8]> = fields.into_iter().take(take).collect();
            out.push(words.join(&b' '));
            break;
        }
    }
    out
}

/// ROUGE's clean-up of a text unit: hyphens split off, every byte that is not an ASCII
/// letter, digit or hyphen becomes a space; then its tokens, filtered and stemmed as `-m`
/// does (stopwords are kept: the DUC settings do not pass `-s`).
pub fn tokens(unit: &[u8], stem: bool) -> Vec<String> {
    let mut clean = Vec::with_capacity(unit.len() + 8);
    for &b in unit {
        if b == b'-' {
            clean.extend_from_slice(b" - ");
        } else if b.is_ascii_alphanumeric() {
            clean.push(b);
        } else {
            clean.push(b' ');
        }
    }
    let text = String::from_utf8(clean).expect("ASCII only");
    text.split_ascii_whitespace()
        .filter(|t| t.as_bytes()[0].is_ascii_lowercase() || t.as_bytes()[0].is_ascii_digit())
        .map(|t| {
            if stem && t.len() > 3 {
                porter::stem(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// A summary as ROUGE-1.5.5 sees it: the tokens of each (truncated) sentence. The n-gram
/// and skip-bigram scores read the sentences joined (n-grams cross sentence ends); ROUGE-L
/// reads them one by one.
pub fn rouge155_sentences(bytes: &[u8], limit: usize, stem: bool) -> Vec<Vec<String>> {
    truncate(spl_lines(bytes), limit)
        .iter()
        .map(|l| tokens(l, stem))
        .collect()
}

/// rouge-score's `tokenize`: Unicode lower case, runs of `[a-z0-9]`, Porter stem of tokens
/// longer than three characters (rouge-score uses NLTK's Porter; this uses ROUGE-1.5.5's,
/// which agrees on nearly all words).
pub fn rouge_score_tokens(text: &str, stem: bool) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(|t| {
            if stem && t.len() > 3 {
                porter::stem(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_split_keeps_a_leading_empty_field() {
        assert_eq!(perl_split(b" a  b "), vec![&b""[..], b"a", b"b"]);
        assert_eq!(perl_split(b"   "), Vec::<&[u8]>::new());
        assert_eq!(perl_split(b"a"), vec![&b"a"[..]]);
    }

    #[test]
    fn truncation_counts_raw_words() {
        let lines = spl_lines(b"One two three.\nFour five-six seven.\nEight.\n");
        let t = truncate(lines, 5);
        assert_eq!(
            t,
            vec![b"one two three.".to_vec(), b"four five-six".to_vec()]
        );
        // A sentence that ends exactly at the limit is still cut (to itself).
        let t = truncate(spl_lines(b"a b\nc d\ne\n"), 4);
        assert_eq!(t, vec![b"a b".to_vec(), b"c d".to_vec()]);
    }

    #[test]
    fn tokens_like_rouge() {
        assert_eq!(
            tokens("the u.s.-led talks' $5 caf\u{e9}s".as_bytes(), true),
            ["the", "u", "s", "led", "talk", "5", "caf", "s"]
        );
    }
}

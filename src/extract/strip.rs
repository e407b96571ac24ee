//! Cutting what no extractor reads before the HTML parser sees it.
//!
//! Profiling showed most extraction time in the HTML tokenizer, and most of the bytes it
//! works through on news pages are inline scripts, style sheets, SVG drawings and comments,
//! all of which the readability pass throws away after parsing. Removing them first with a
//! byte scan gives the same article text for less work. JSON-LD scripts are kept: they hold
//! the page's metadata (title, date, author).

/// Elements removed with their content (matched case-insensitively).
const HEAVY: [&str; 3] = ["script", "style", "svg"];

/// `html` without comments and without `script` (other than JSON-LD), `style` and `svg`
/// elements. An element left open runs to the end of the page, as a browser would read it.
pub(super) fn strip_heavy(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let (mut copied, mut i) = (0, 0);
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        let skip_to = if b[at + 1..].starts_with(b"!--") {
            Some(
                html[at + 4..]
                    .find("-->")
                    .map_or(b.len(), |e| at + 4 + e + 3),
            )
        } else {
            HEAVY
                .iter()
                .find(|t| tag_at(b, at + 1, t))
                .and_then(|t| element_end(html, at, t))
        };
        match skip_to {
            Some(end) => {
                out.push_str(&html[copied..at]);
                out.push(' ');
                copied = end;
                i = end;
            }
            None => i = at + 1,
        }
        if i >= b.len() {
            break;
        }
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// True when `b[at..]` starts with the tag name `t` followed by white space, `>` or `/`.
fn tag_at(b: &[u8], at: usize, t: &str) -> bool {
    let n = t.len();
    b.len() > at + n
        && b[at..at + n].eq_ignore_ascii_case(t.as_bytes())
        && matches!(
            b[at + n],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
        )
}

/// Where the element `t` opened at `at` ends (after its closing tag), or `None` to keep it
/// (a JSON-LD script).
fn element_end(html: &str, at: usize, t: &str) -> Option<usize> {
    let b = html.as_bytes();
    let open_end = html[at..].find('>').map_or(b.len(), |e| at + e + 1);
    if t == "script" && html[at..open_end].to_ascii_lowercase().contains("ld+json") {
        return None;
    }
    let mut j = open_end;
    while let Some(off) = html[j..].find("</") {
        let c = j + off;
        if tag_at(b, c + 2, t) {
            return Some(html[c..].find('>').map_or(b.len(), |e| c + e + 1));
        }
        j = c + 2;
    }
    Some(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_styles_svg_comments_keeps_json_ld() {
        let html = r#"<p>a</p><SCRIPT>if (x < 1) { y = "</p>"; }</script><p>b</p><style>p{}</style><!-- c --><svg><path/></svg><script type="application/ld+json">{"a":1}</script><p>é</p><scripts>k</scripts>"#;
        assert_eq!(
            strip_heavy(html),
            r#"<p>a</p> <p>b</p>   <script type="application/ld+json">{"a":1}</script><p>é</p><scripts>k</scripts>"#
        );
    }

    #[test]
    fn unclosed_elements_run_to_the_end() {
        assert_eq!(strip_heavy("<p>a</p><script>var s"), "<p>a</p> ");
        assert_eq!(strip_heavy("<p>a</p><!-- open"), "<p>a</p> ");
        assert_eq!(strip_heavy("text <"), "text <");
    }
}

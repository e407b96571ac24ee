//! Cutting what no extractor reads before the HTML parser sees it.
//!
//! Profiling (callgrind, `bench/extract.sh`) showed about half of extraction time in the HTML
//! tokenizer and tree builder, which work byte by byte (over 100 instructions a byte), and
//! much of the rest in the readability pass, which walks the whole tree several times. On news
//! pages most bytes are inline scripts, style sheets, SVG drawings and comments; of what is
//! left, much is navigation, indentation and attributes that nothing reads. One byte scan
//! removes them first, so the parser and the readability pass see the same article in a
//! third of the bytes:
//!
//! - comments, and the elements of [`Action::Drop`] with their content (JSON-LD scripts are
//!   kept: they hold the page's metadata), and of [`Action::DropBox`] when they are closed;
//! - `link` elements;
//! - every attribute not in [`KEEP_ATTRS`] (except on images, embeds and `meta`), and `href`
//!   values beyond their first [`HREF_KEEP`] bytes: the readability pass only asks whether a
//!   link is in-page (`#…`) or `javascript:`;
//! - runs of white space in text, cut to one character (not inside `pre` or `textarea`).
//!
//! Markup the scan does not understand (an unterminated quote, a lone `<`) is left as it is.

use memchr::memchr;

/// What the scan does with an element, by its name.
#[derive(Clone, Copy, PartialEq)]
enum Action {
    /// Removed with its content: never shown as text (or only without scripting).
    Drop,
    /// Removed with its content when its end tag is found: navigation, page footers and
    /// asides, which [`super::refine`] removes from the article anyway. Measured on the
    /// development pages, the readability pass picks the same article without them (`header`
    /// and `form` are not in this list: they changed its choice for the worse).
    DropBox,
    /// Removed (a void element): style sheets, preloads, icons.
    DropTag,
    /// Copied as it is, content included: white space matters in it.
    Verbatim,
    /// Kept with all its attributes: images and embeds (the readability pass weighs them by
    /// their addresses), metadata.
    KeepAttrs,
    /// Kept with the attributes in [`KEEP_ATTRS`].
    Filter,
}

/// The action for a tag name (any case).
fn action(name: &str) -> Action {
    let mut buf = [0u8; 8];
    if name.len() > buf.len() {
        return Action::Filter;
    }
    buf[..name.len()].copy_from_slice(name.as_bytes());
    buf.make_ascii_lowercase();
    match &buf[..name.len()] {
        b"script" | b"style" | b"svg" | b"noscript" | b"template" => Action::Drop,
        b"nav" | b"footer" | b"aside" => Action::DropBox,
        b"link" => Action::DropTag,
        b"pre" | b"textarea" | b"listing" => Action::Verbatim,
        b"img" | b"picture" | b"source" | b"figure" | b"video" | b"audio" | b"iframe"
        | b"embed" | b"object" | b"meta" | b"base" => Action::KeepAttrs,
        _ => Action::Filter,
    }
}

/// Elements whose content is raw text: it ends at the first matching end tag, whatever it holds.
fn is_raw_text(name: &str) -> bool {
    ["script", "style", "noscript", "textarea"]
        .iter()
        .any(|t| name.eq_ignore_ascii_case(t))
}

/// Attributes something reads: class and id words (scoring, boilerplate rules), visibility
/// (`hidden`, `style`, `aria-hidden`, `aria-modal`, `role`), bylines (`rel`, `itemprop`),
/// metadata (`content`, `property`, `name`, `type`, `lang`, `dir`, `charset`, `http-equiv`),
/// tables (`colspan`, `summary`, `datatable`) and links (`href`, shortened).
const KEEP_ATTRS: [&str; 21] = [
    "class",
    "id",
    "href",
    "style",
    "hidden",
    "aria-hidden",
    "aria-modal",
    "role",
    "rel",
    "itemprop",
    "content",
    "property",
    "name",
    "type",
    "lang",
    "dir",
    "charset",
    "http-equiv",
    "colspan",
    "summary",
    "datatable",
];

/// Bytes of an `href` value kept: enough to tell `#x` and `javascript:` from other links.
const HREF_KEEP: usize = 11;

/// `html` with what no extractor reads removed (see the module documentation). An element
/// left open runs to the end of the page, as a browser would read it.
pub(super) fn strip_heavy(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    // `html[copied..]` is not yet in `out`; the scan goes on at `i`.
    let (mut copied, mut i) = (0, 0);
    while let Some(off) = memchr(b'<', &b[i..]) {
        let at = i + off;
        i = at + 1;
        if b[at + 1..].starts_with(b"!--") {
            push_text(&mut out, &html[copied..at]);
            out.push(' ');
            let end = comment_end(b, at);
            (copied, i) = (end, end);
            continue;
        }
        let name_end = at
            + 1
            + b[at + 1..]
                .iter()
                .position(|&c| is_space(c) || c == b'/' || c == b'>')
                .unwrap_or(b.len() - at - 1);
        let name = &html[at + 1..name_end];
        if !name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
            continue; // an end tag, a doctype, or a `<` in text: left as it is
        }
        let Some(tag) = StartTag::scan(b, name_end) else {
            break; // an unterminated tag: the rest is copied as it is
        };
        push_text(&mut out, &html[copied..at]);
        copied = at;
        let act = match action(name) {
            Action::Drop if name.eq_ignore_ascii_case("script") && tag.is_json_ld(html) => {
                Action::Verbatim // the page's metadata
            }
            a => a,
        };
        let end = match act {
            Action::Drop => Some(element_end(b, tag.end, name).unwrap_or(b.len())),
            Action::DropBox => element_end(b, tag.end, name),
            Action::DropTag => Some(tag.end),
            Action::Verbatim => {
                let end = element_end(b, tag.end, name).unwrap_or(b.len());
                out.push_str(&html[at..end]);
                (copied, i) = (end, end);
                continue;
            }
            Action::KeepAttrs | Action::Filter => None,
        };
        if let Some(end) = end {
            if act != Action::DropTag {
                out.push(' ');
            }
            (copied, i) = (end, end);
            continue;
        }
        if act == Action::KeepAttrs || tag.attrs.is_empty() {
            i = tag.end; // copied as it is with the text after it
            continue;
        }
        out.push('<');
        out.push_str(name);
        for a in &tag.attrs {
            let attr_name = &html[a.start..a.name_end];
            if attr_name.eq_ignore_ascii_case("href") {
                out.push(' ');
                out.push_str(&html[a.start..a.value_start]);
                let value = &html[a.value_start..a.value_end];
                out.push_str(&value[..floor_char_boundary(value, HREF_KEEP)]);
                out.push_str(&html[a.value_end..a.end]);
            } else if KEEP_ATTRS.iter().any(|k| attr_name.eq_ignore_ascii_case(k)) {
                out.push(' ');
                out.push_str(&html[a.start..a.end]);
            }
        }
        out.push_str(if tag.self_closing { "/>" } else { ">" });
        (copied, i) = (tag.end, tag.end);
    }
    push_text(&mut out, &html[copied.min(html.len())..]);
    out
}

/// Where the comment opened at `at` ends (after `-->`), or the end of the page.
fn comment_end(b: &[u8], at: usize) -> usize {
    memchr::memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |e| at + 4 + e + 3)
}

/// Appends text to `out` with each run of white space cut to one character: a line break
/// when the run holds one (the line structure is what [`super::refine`] splits on), else a
/// space. Indentation is often a fifth of what is left of a page.
fn push_text(out: &mut String, text: &str) {
    let b = text.as_bytes();
    let mut from = 0;
    let mut j = 0;
    while j < b.len() {
        if is_space(b[j]) && j + 1 < b.len() && is_space(b[j + 1]) {
            let run_end = j + b[j..].iter().take_while(|&&c| is_space(c)).count();
            out.push_str(&text[from..j]);
            out.push(if b[j..run_end].contains(&b'\n') {
                '\n'
            } else {
                ' '
            });
            from = run_end;
            j = run_end;
        } else {
            j += 1;
        }
    }
    out.push_str(&text[from..]);
}

/// One attribute of a start tag, as byte offsets into the page: `start..name_end` is its name,
/// `value_start..value_end` its value without quotes (empty when it has none), `start..end`
/// the whole attribute.
struct Attr {
    start: usize,
    name_end: usize,
    value_start: usize,
    value_end: usize,
    end: usize,
}

/// A start tag's attributes and where it ends (after its `>`).
struct StartTag {
    attrs: Vec<Attr>,
    end: usize,
    self_closing: bool,
}

impl StartTag {
    /// Reads the attributes from `from` (just after the tag name) to the tag's `>`, following
    /// the HTML tokenizer's rules; `None` when the tag never ends.
    fn scan(b: &[u8], from: usize) -> Option<StartTag> {
        let mut attrs = Vec::new();
        let mut j = from;
        loop {
            let mut slash = false;
            while j < b.len() && (is_space(b[j]) || b[j] == b'/') {
                slash = b[j] == b'/';
                j += 1;
            }
            let c = *b.get(j)?;
            if c == b'>' {
                return Some(StartTag {
                    attrs,
                    end: j + 1,
                    self_closing: slash,
                });
            }
            let start = j;
            j += 1; // a name's first character may be anything, even `=`
            while j < b.len() && !(is_space(b[j]) || matches!(b[j], b'/' | b'>' | b'=')) {
                j += 1;
            }
            let name_end = j;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            let (mut value_start, mut value_end) = (name_end, name_end);
            if b.get(j) == Some(&b'=') {
                j += 1;
                while j < b.len() && is_space(b[j]) {
                    j += 1;
                }
                match *b.get(j)? {
                    q @ (b'"' | b'\'') => {
                        value_start = j + 1;
                        value_end = value_start + memchr(q, &b[value_start..])?;
                        j = value_end + 1;
                    }
                    _ => {
                        value_start = j;
                        while j < b.len() && !(is_space(b[j]) || b[j] == b'>') {
                            j += 1;
                        }
                        value_end = j;
                    }
                }
            } else {
                j = name_end;
            }
            attrs.push(Attr {
                start,
                name_end,
                value_start,
                value_end,
                end: j,
            });
        }
    }

    /// True for `<script type="application/ld+json">`.
    fn is_json_ld(&self, html: &str) -> bool {
        self.attrs.iter().any(|a| {
            html[a.start..a.name_end].eq_ignore_ascii_case("type")
                && html[a.value_start..a.value_end]
                    .to_ascii_lowercase()
                    .contains("ld+json")
        })
    }
}

/// Where the element `t` whose start tag ends at `from` ends (after its end tag), or `None`
/// when its end tag is missing. Raw-text elements end at the first `</t`; others count
/// nested `<t` tags, passing over comments and raw-text elements.
fn element_end(b: &[u8], from: usize, t: &str) -> Option<usize> {
    let raw = is_raw_text(t);
    let mut depth = 1usize;
    let mut j = from;
    while let Some(off) = memchr(b'<', &b[j..]) {
        let c = j + off;
        j = c + 1;
        if b.get(c + 1) == Some(&b'/') && tag_at(b, c + 2, t) {
            depth -= 1;
            if raw || depth == 0 {
                return Some(memchr(b'>', &b[c..]).map_or(b.len(), |e| c + e + 1));
            }
        } else if raw {
            continue;
        } else if tag_at(b, c + 1, t) {
            depth += 1;
        } else if b[c + 1..].starts_with(b"!--") {
            j = comment_end(b, c);
        } else if let Some(r) = ["script", "style"].iter().find(|r| tag_at(b, c + 1, r)) {
            j = element_end(b, c + 1, r)?;
        }
    }
    None
}

/// True when `b[at..]` starts with the tag name `t` followed by white space, `>` or `/`.
fn tag_at(b: &[u8], at: usize, t: &str) -> bool {
    let n = t.len();
    b.len() > at + n
        && b[at..at + n].eq_ignore_ascii_case(t.as_bytes())
        && (is_space(b[at + n]) || matches!(b[at + n], b'>' | b'/'))
}

/// HTML white space.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The largest char boundary of `s` at or below `n`.
fn floor_char_boundary(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_styles_svg_comments_keeps_json_ld() {
        let html = r#"<p>a</p><SCRIPT>if (x < 1) { y = "</p>"; }</script><p>b</p><style>p{}</style><!-- c --><svg><path/></svg><script type="application/ld+json">{"a":"<p x=1>"}</script><p>é</p><scripts>k</scripts>"#;
        assert_eq!(
            strip_heavy(html),
            r#"<p>a</p> <p>b</p>   <script type="application/ld+json">{"a":"<p x=1>"}</script><p>é</p><scripts>k</scripts>"#
        );
    }

    #[test]
    fn unclosed_elements_run_to_the_end() {
        assert_eq!(strip_heavy("<p>a</p><script>var s"), "<p>a</p> ");
        assert_eq!(strip_heavy("<p>a</p><!-- open"), "<p>a</p> ");
        assert_eq!(strip_heavy("text <"), "text <");
        assert_eq!(strip_heavy("a < b <p class=\"x"), "a < b <p class=\"x");
    }

    #[test]
    fn nested_templates_and_noscript() {
        let html = "<p>a</p><template><template>x</template>y</template><noscript><img src=a.jpg></noscript><p>b</p>";
        assert_eq!(strip_heavy(html), "<p>a</p>  <p>b</p>");
    }

    #[test]
    fn closed_navigation_boxes_are_removed() {
        let html = "<nav><ul><li><a>x</a></li></ul><nav>n</nav></nav><p>a</p><aside><script>s = '</aside>';</script><!-- </aside> --></aside><p>b</p><footer>f";
        assert_eq!(strip_heavy(html), " <p>a</p> <p>b</p><footer>f");
    }

    #[test]
    fn white_space_runs_are_cut_but_not_in_pre() {
        let html = "<p>a  \n   b\t\tc d</p>\n\n<pre>x\n\n  y</pre>";
        assert_eq!(strip_heavy(html), "<p>a\nb c d</p>\n<pre>x\n\n  y</pre>");
    }

    #[test]
    fn keeps_only_attributes_something_reads() {
        let html = r#"<div class="story" data-track='{"a": ">"}' onclick="go()" id=main><a href="https://example.com/a/long/path" title="t">link</a> <a href='#comments'>c</a><img data-src="x.jpg" alt="a"><link rel="preload" href="f.woff"><br/></div>"#;
        assert_eq!(
            strip_heavy(html),
            r#"<div class="story" id=main><a href="https://exa">link</a> <a href='#comments'>c</a><img data-src="x.jpg" alt="a"><br/></div>"#
        );
    }

    #[test]
    fn attribute_forms() {
        assert_eq!(
            strip_heavy("<p hidden x=1 y = '2'>t</p>"),
            "<p hidden>t</p>"
        );
        assert_eq!(strip_heavy("<td colspan=2 width=9>"), "<td colspan=2>");
        assert_eq!(strip_heavy("<a href=/x/ id=y/>"), "<a href=/x/ id=y/>");
        assert_eq!(strip_heavy("<br / x=1 />"), "<br/>");
        assert_eq!(
            strip_heavy("<a href=/é/aaaaaaaaaa>x</a>"),
            "<a href=/é/aaaaaaa>x</a>"
        );
    }

    proptest::proptest! {
        /// Any input, however broken, gives an answer: no slicing inside a character, no
        /// index past the end.
        #[test]
        fn never_panics(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<", ">", "/", "=", "\"", "'", " ", "\n", "<!--", "-->", "<p", "<a href=", "</p>",
                "<script", "</script>", "<nav>", "</nav", "<pre>", "</pre>", "é", "€", "x",
                "class", "data-x", "<link", "<svg", "</svg>", "<template>", "ld+json",
            ]),
            0..40,
        )) {
            let html: String = parts.concat();
            let _ = strip_heavy(&html);
        }
    }
}

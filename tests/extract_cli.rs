//! End-to-end tests of `storyline extract`: real-world page shapes written by hand, with the
//! text a reader would call the article as the expected value.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .output()
        .expect("run storyline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A news page with everything around the article that real pages have: a cookie banner,
/// navigation, a share bar, a photo with caption, a table and a list inside the article,
/// a related-stories list, a newsletter box, a comment section and a footer. Windows-1252
/// bytes declared in a meta tag, and unclosed `<p>` and `<li>` tags.
fn messy_page() -> Vec<u8> {
    let head = r##"<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Geneva talks end without breakthrough | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="Geneva talks end without breakthrough">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-01-21T14:30:00Z">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Geneva talks end without breakthrough</h1>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<p>Secretary of State Antony Blinken met Foreign Minister Sergey Lavrov in Geneva on Friday for about ninety minutes, and neither side announced a breakthrough.
<p>The meeting at a lakeside hotel was the latest in a series of talks meant to ease tensions over the troops massed near the border, officials on both sides said afterwards.
<figure><img src="talks.jpg"><figcaption>The two ministers before the talks (Photo: Example Agency)</figcaption></figure>
<p>Blinken said the United States would give a written response to the Russian proposals next week, and that both men had agreed to keep talking in the days ahead.
<p>The delegations compared their positions on three points:
<ul><li>the number of troops stationed near the border
<li>the future of arms control treaties in Europe
<li>a schedule for further meetings of the ministers</ul>
<table><tr><th>Delegation</th><th>Head</th></tr><tr><td>United States</td><td>Antony Blinken</td></tr><tr><td>Russia</td><td>Sergey Lavrov</td></tr></table>
<p>Lavrov told reporters he could not say whether the talks were on the right track, but called them constructive and useful for both governments.
<p>Analysts in Geneva said the caf"##;
    let tail = r##" talks had at least kept diplomacy alive, which most of them had not expected a week earlier.</p>
</article>
<section class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Nato allies meet in Brussels</a></li><li><a href="/b">Markets fall on border fears</a></li><li><a href="/c">What the troop build-up means</a></li></ul></section>
<div class="newsletter-signup">Sign up for our daily newsletter. <input type="email"></div>
<section id="comments" class="comments"><h3>24 comments</h3><div class="comment"><p>This is a reader comment that says the talks were a waste of time and money.</p></div></section>
</main>
<footer>Copyright 2022 Daily Example. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>"##;
    let mut bytes = head.as_bytes().to_vec();
    bytes.push(0xE9); // é in windows-1252: "café"
    bytes.extend_from_slice(tail.as_bytes());
    bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn messy_page_gives_the_article_only() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "geneva.html", &messy_page());
    let o = run(&["extract", &page]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for want in [
        "Secretary of State Antony Blinken met Foreign Minister Sergey Lavrov",
        "written response to the Russian proposals",
        "the number of troops stationed near the border",
        "a schedule for further meetings of the ministers",
        "Russia",
        "Sergey Lavrov",
        "called them constructive and useful",
        "the café talks had at least kept diplomacy alive",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    for unwanted in [
        "cookies",
        "Home",
        "Share on",
        "Photo: Example Agency",
        "Related stories",
        "Markets fall",
        "newsletter",
        "reader comment",
        "All rights reserved",
    ] {
        assert!(
            !text.contains(unwanted),
            "unwanted {unwanted:?} in:\n{text}"
        );
    }
    // List items stay separate paragraphs.
    assert!(
        text.contains("border\n\nthe future of arms control"),
        "{text}"
    );
}

#[test]
fn json_has_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "geneva.html", &messy_page());
    let o = run(&["extract", "--format", "json", &page]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["id"], "geneva");
    assert_eq!(v["title"], "Geneva talks end without breakthrough");
    assert_eq!(v["date"], "2022-01-21");
    assert_eq!(v["site_name"], "Daily Example");
    assert_eq!(v["author"], "Jane Reporter");
    assert!(v["text"]
        .as_str()
        .unwrap()
        .starts_with("Secretary of State"));
}

#[test]
fn bad_pages_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.html", &messy_page());
    let empty = write(dir.path(), "empty.html", b"  \n");
    let binary = write(dir.path(), "image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let scripts = write(
        dir.path(),
        "scripts.html",
        b"<html><head><script>var a = 1;</script></head><body><script>f()</script></body></html>",
    );
    let missing = dir
        .path()
        .join("missing.html")
        .to_string_lossy()
        .into_owned();
    let out = dir.path().join("out");
    let out_s = out.to_string_lossy().into_owned();
    let o = run(&[
        "extract", &empty, &binary, &good, &scripts, &missing, "--out", &out_s,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("{empty}: empty file")), "{err}");
    assert!(err.contains(&format!("{binary}: binary file")), "{err}");
    assert!(
        err.contains(&format!("{scripts}: no article text found")),
        "{err}"
    );
    assert!(err.contains(&format!("{missing}: cannot read")), "{err}");
    assert!(err.contains("wrote 1 file(s)"), "{err}");
    let text = std::fs::read_to_string(out.join("good.txt")).unwrap();
    assert!(text.contains("Blinken"), "{text}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn nothing_usable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.html", b"");
    let o = run(&["extract", &empty]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn charset_from_bom_and_guess() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<html><body><article><p>Die Gespräche in Genf über die Lage an der Grenze endeten am Freitag ohne Durchbruch, sagten beide Seiten danach.</p><p>Der Außenminister sprach von einem nützlichen Treffen und kündigte weitere Gespräche an.</p></article></body></html>";
    // UTF-16 with a byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in body.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    // ISO-8859-1 bytes with no declaration at all.
    let latin1: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
    let a = write(dir.path(), "bom.html", &utf16);
    let b = write(dir.path(), "guess.html", &latin1);
    let o = run(&["extract", &a, &b]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.matches("Die Gespräche in Genf über die Lage").count(),
        2,
        "{text}"
    );
    assert_eq!(text.matches("Der Außenminister").count(), 2, "{text}");
}

/// Every development page of the benchmark gives an article (the quality figures come from
/// `bench/extract.sh`, with the benchmark's own metric).
#[test]
fn every_dev_page_gives_text() {
    let data = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/article-extraction-dev/pages"
    ));
    if !data.is_dir() {
        eprintln!("skip: {} is absent", data.display());
        return;
    }
    let run = storyline::extract::extract_paths(&[data], &storyline::Options::default());
    assert!(run.errors.is_empty(), "{:?}", run.errors);
    assert_eq!(run.pages.len(), 91);
    assert!(run
        .pages
        .iter()
        .all(|p| p.page.text.split_whitespace().count() >= 20));
}

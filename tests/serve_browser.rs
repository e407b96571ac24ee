//! The web page in a real browser (headless Chromium driven by Playwright): the seeds are
//! posted through the API, the story page shows the summary and its citations, clicking a
//! citation shows the source's sentence in its article, and a hostile article runs nothing.
//! Screenshots are saved under `target/tmp/screenshots/`.
//!
//! Needs `chromium` (Debian) and `npm ci --prefix tests/browser` (scripts/setup-test-deps
//! installs both). Skips with a message when they are absent, except under CI=true.

mod serve_support;

use serde_json::{json, Value};
use serve_support::{seed_articles, Server};
use std::path::Path;
use std::process::Command;

fn missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} is absent (apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is absent".into());
    }
    let pw = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/browser/node_modules/playwright-core"
    );
    if !Path::new(pw).is_dir() {
        return Some("playwright-core is absent (npm ci --prefix tests/browser)".into());
    }
    None
}

#[test]
fn story_page_in_chromium() {
    if let Some(why) = missing() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("the browser test must run under CI: {why}; run scripts/setup-test-deps");
        }
        eprintln!("skipped: browser test: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(&dir.path().join("s.db"), &[]);
    let batch: Vec<Value> = seed_articles()
        .into_iter()
        .map(|(id, text)| json!({"id": id, "source": format!("Source {}", &id[..3]), "text": text}))
        .collect();
    let r = s.post_json("/api/articles", &Value::Array(batch).to_string(), &[]);
    assert_eq!(r.status, 200, "{}", r.body);
    let story = r.json()["articles"][0]["story"].as_i64().unwrap();
    let hostile = json!({
        "id": "hostile",
        "source": "<img src=x onerror=\"window.__pwned='source'\">Evil Wire",
        "title": "<script>window.__pwned='title'</script>Harbour strike ends in Rotterdam",
        "url": "javascript:window.__pwned='url'",
        "published": "2022-03-01",
        "text": "Dock workers in Rotterdam ended their strike on Tuesday <script>window.__pwned='text'</script> after the port authority agreed to new shifts.\n\nThe union said <img src=x onerror=\"window.__pwned='img'\"> members voted to accept the offer of the port authority.\n\nRead more at <a href=\"javascript:window.__pwned='link'\">this link</a> about the harbour deal and the new shifts for dock workers.\n\nShipping lines said the port of Rotterdam would clear its backlog of containers within a week."
    });
    let r = s.post_json("/api/articles", &hostile.to_string(), &[]);
    assert_eq!(r.status, 200, "{}", r.body);
    let xss = r.json()["articles"][0]["story"].as_i64().unwrap();
    assert_ne!(xss, story);

    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/story.mjs");
    let run = Command::new("node")
        .arg(script)
        .arg(s.url())
        .arg(&out)
        .arg(story.to_string())
        .arg(xss.to_string())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        run.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    assert!(out.join("story-cited.png").is_file());
    eprintln!("screenshots: {}", out.display());
}

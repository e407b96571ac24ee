//! End-to-end tests of `storyline summarize`: formats, inputs, the seed story's citations,
//! and bad input.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

fn json_of(args: &[&str]) -> Value {
    let out = storyline(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn example_text_snapshot() {
    let out = storyline(["summarize", "examples/geneva-2022"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!("example_text", stdout(&out));
}

#[test]
fn example_markdown_snapshot() {
    let out = storyline(["summarize", "examples/geneva-2022", "--format", "markdown"]);
    assert!(out.status.success());
    insta::assert_snapshot!("example_markdown", stdout(&out));
}

#[test]
fn example_json_snapshot_and_contract() {
    let v = json_of(&["summarize", "examples/geneva-2022", "--format", "json"]);
    let story = &v["stories"][0];
    assert_eq!(v["stories"].as_array().unwrap().len(), 1);
    for key in ["id", "articles", "summary", "words"] {
        assert!(story.get(key).is_some(), "missing {key}");
    }
    for a in story["articles"].as_array().unwrap() {
        for key in ["id", "source", "title", "published"] {
            assert!(a.get(key).is_some(), "article misses {key}");
        }
    }
    // Every sentence's text is exactly the bytes start..end of its article's file.
    for s in story["summary"].as_array().unwrap() {
        let path = example().join(format!("{}.txt", s["article"].as_str().unwrap()));
        let raw = std::fs::read(path).unwrap();
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&raw[start..end], s["text"].as_str().unwrap().as_bytes());
        assert!(s["sources"].as_array().unwrap().contains(&s["article"]));
    }
    insta::assert_json_snapshot!("example_json", v);
}

#[test]
fn explain_says_why() {
    let out = storyline(["summarize", "examples/geneva-2022", "--explain"]);
    let text = stdout(&out);
    assert!(text.contains("why: concept weight"), "{text}");
    assert!(text.contains("supported by:"), "{text}");
    let v = json_of(&[
        "summarize",
        "examples/geneva-2022",
        "--format",
        "json",
        "--explain",
    ]);
    let why = &v["stories"][0]["summary"][0]["why"];
    assert!(
        why["concepts"].as_array().is_some_and(|c| !c.is_empty()),
        "{why}"
    );
}

#[test]
fn the_budget_holds_at_every_size() {
    for words in [10, 25, 50, 100, 200] {
        let v = json_of(&[
            "summarize",
            "examples/geneva-2022",
            "--format",
            "json",
            "--words",
            &words.to_string(),
        ]);
        let story = &v["stories"][0];
        let counted: usize = story["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().split_whitespace().count())
            .sum();
        assert!(counted <= words, "{counted} > {words}");
        assert_eq!(story["words"].as_u64().unwrap() as usize, counted);
    }
}

#[test]
fn html_and_jsonl_inputs() {
    let v = json_of(&["summarize", "tests/fixtures/inputs", "--format", "json"]);
    let arts = v["stories"][0]["articles"].as_array().unwrap();
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["geneva", "wire-1", "wire-2"]);
    assert_eq!(arts[0]["source"], "Example Wire");
    assert_eq!(arts[0]["published"], "2022-01-21");
    assert_eq!(arts[1]["source"], "Wire One");
    assert_eq!(arts[1]["title"], "Blinken, Lavrov hold talks");
    assert_eq!(arts[1]["url"], "https://wire.example/1");
    assert_eq!(arts[2]["published"], "2022-01-22");
    let summary = v["stories"][0]["summary"].as_array().unwrap();
    assert!(!summary.is_empty());
    let all: String = summary
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    for junk in [
        "Log in",
        "cookies",
        "All rights reserved",
        "Other story",
        "tracking",
    ] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
}

#[test]
fn config_file_sets_options_and_flags_override() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("s.toml");
    std::fs::write(&cfg, "words = 30\nformat = \"json\"\n").unwrap();
    let v = json_of(&[
        "summarize",
        "examples/geneva-2022",
        "--config",
        cfg.to_str().unwrap(),
    ]);
    assert!(v["stories"][0]["words"].as_u64().unwrap() <= 30);
    let out = storyline([
        "summarize",
        "examples/geneva-2022",
        "--config",
        cfg.to_str().unwrap(),
        "--format",
        "text",
    ]);
    assert!(serde_json::from_slice::<Value>(&out.stdout).is_err());
    std::fs::write(&cfg, "wordz = 30\n").unwrap();
    let out = storyline([
        "summarize",
        "examples/geneva-2022",
        "--config",
        cfg.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field `wordz`"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn bad_inputs_are_reported_one_line_each_and_the_rest_summarized() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(
        example().join("002_7e9d83c13315fdbe.txt"),
        d.join("good.txt"),
    )
    .unwrap();
    write(d, "binary.bin", &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3]);
    write(d, "empty.txt", b"");
    write(d, "latin1.txt", b"Caf\xe9 au lait, said the mayor.\n");
    write(
        d,
        "scripts.html",
        b"<html><head><script>var x = 1;</script></head><body><script>go()</script></body></html>",
    );
    write(
        d,
        "lines.jsonl",
        b"{\"id\":\"j1\",\"text\":\"Blinken met Lavrov in Geneva on Friday for talks.\"}\n{oops\n",
    );
    write(d, ".hidden.txt", b"\0\0\0");
    // A 50 MB file: above the 20 MB default limit.
    let f = std::fs::File::create(d.join("huge.txt")).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let out = storyline([
        "summarize".as_ref(),
        d.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    // Only storyline's own lines: the HTML extractor may print a warning of its own.
    let err: String = stderr_in(&out, d)
        .lines()
        .filter(|l| l.starts_with("storyline:"))
        .map(|l| format!("{l}\n"))
        .collect();
    insta::assert_snapshot!("bad_inputs_stderr", err);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["stories"][0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good", "j1"]);
}

#[test]
fn nothing_usable_exits_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"   \n");
    let out = storyline(["summarize".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_in(&out, dir.path());
    assert_eq!(
        err,
        "storyline: skipped: <DIR>/empty.txt: empty file\nstoryline: error: no usable article in the input (<DIR>/empty.txt: empty file)\n"
    );
    let out = storyline(["summarize", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir: cannot read"));
}

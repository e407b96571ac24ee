//! End-to-end tests of `storyline inspect`: snapshots of the rendered JSON Lines on a seed
//! article, every input format, and errors.

use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/geneva-2022/003_c44f1b68d0f0e1b0.txt"
);

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .output()
        .expect("run storyline")
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Every item's `text` is exactly the bytes `start..end` of `text`.
fn check_offsets(v: &serde_json::Value, text: &str) {
    for item in v["items"].as_array().unwrap() {
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(item["text"].as_str().unwrap(), &text[s..e]);
    }
}

#[test]
fn clean_snapshot_on_a_seed() {
    let o = run(&["inspect", "--stage", "clean", SEED]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    insta::assert_snapshot!(out);
    check_offsets(&lines(&o)[0], &std::fs::read_to_string(SEED).unwrap());
}

#[test]
fn sentences_snapshot_on_a_seed() {
    let o = run(&["inspect", "--stage", "sentences", SEED]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    insta::assert_snapshot!(out);
    check_offsets(&lines(&o)[0], &std::fs::read_to_string(SEED).unwrap());
}

#[test]
fn every_input_format_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "Headline here\nFirst sentence of a. Second one.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.html"),
        "<html><head><title>B</title></head><body><article><p>The page b has a paragraph of text that is long enough to be an article. It has two sentences.</p></article></body></html>",
    )
    .unwrap();
    // Offsets of JSON Lines items index the UTF-8 bytes of the `text` field.
    std::fs::write(
        d.join("c.jsonl"),
        "{\"id\":\"c1\",\"text\":\"Zürich – naïve café talks. They ended.\"}\n{\"id\":\"c2\",\"text\":\"Another record here.\"}\n",
    )
    .unwrap();
    let o = run(&["inspect", "--stage", "sentences", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = lines(&o);
    let ids: Vec<&str> = v.iter().map(|l| l["article"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c1", "c2"]);
    let a_text = std::fs::read_to_string(d.join("a.txt")).unwrap();
    check_offsets(&v[0], &a_text);
    check_offsets(&v[2], "Zürich – naïve café talks. They ended.");
    let c1: Vec<&str> = v[2]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert_eq!(c1, ["Zürich – naïve café talks.", "They ended."]);
    assert_eq!(
        v[2]["items"][1]["start"],
        "Zürich – naïve café talks. ".len()
    );
    let b: Vec<&str> = v[1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        b,
        [
            "The page b has a paragraph of text that is long enough to be an article.",
            "It has two sentences."
        ]
    );
}

#[test]
fn bad_input_is_reported_and_the_rest_goes_through() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), "Some text here. More text.").unwrap();
    std::fs::write(d.join("bad.jsonl"), "{not json}\n").unwrap();
    std::fs::write(d.join("bin.txt"), b"\0\0\x01").unwrap();
    let o = run(&["inspect", "--stage", "clean", d.to_str().unwrap()]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:1: not JSON"), "{err}");
    assert!(err.contains("bin.txt: binary file"), "{err}");
    assert_eq!(lines(&o).len(), 1);
}

#[test]
fn a_stage_this_build_lacks_is_an_error_not_a_fake() {
    for stage in ["entities", "dates", "quotes"] {
        let st: storyline::inspect::Stage = stage.parse().unwrap();
        if st.available() {
            continue;
        }
        let o = run(&["inspect", "--stage", stage, SEED]);
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("stage `{stage}` is not available")),
            "{err}"
        );
    }
}

#[test]
fn dates_use_the_date_option_when_the_article_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("talks.txt");
    std::fs::write(
        &p,
        "The ministers met on Friday and will meet again in two weeks.\n",
    )
    .unwrap();
    let o = run(&[
        "inspect",
        "--stage",
        "dates",
        p.to_str().unwrap(),
        "--date",
        "2022-01-22",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = &lines(&o)[0];
    check_offsets(v, &std::fs::read_to_string(&p).unwrap());
    let items = v["items"].as_array().unwrap();
    // TIMEX3: "Friday" in a past-tense sentence of Saturday 2022-01-22 is 2022-01-21;
    // "two weeks" is a duration of P2W.
    assert_eq!(items[0]["text"], "Friday");
    assert_eq!(items[0]["type"], "DATE");
    assert_eq!(items[0]["value"], "2022-01-21");
    assert_eq!(items[1]["text"], "two weeks");
    assert_eq!(items[1]["type"], "DURATION");
    assert_eq!(items[1]["value"], "P2W");
}

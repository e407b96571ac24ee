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

/// Seeds 000 and 001 read as one story (as `analyze` reads them).
const SEED_000: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/geneva-2022/000_36538b33d38c4efc.txt"
);
const SEED_001: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/geneva-2022/001_42d85cc92ae7a98b.txt"
);

/// The item of `line` whose text is `text` at the first place the seed has it.
fn item_at<'a>(line: &'a serde_json::Value, seed: &str, text: &str) -> &'a serde_json::Value {
    let start = seed.find(text).expect("the seed has the text");
    line["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["start"] == start && i["text"] == text)
        .unwrap_or_else(|| panic!("no item `{text}` at {start}: {line}"))
}

/// From the seed text: 000 writes "Antony Blinken", 001 "Anthony Blinken" and "Sergei Lavrov"
/// where 000 writes "Sergey Lavrov"; each pair is one person. CoNLL types a newspaper as ORG,
/// a country or city as LOC.
#[test]
fn entities_are_merged_across_the_articles_given() {
    let o = run(&["inspect", "--stage", "entities", SEED_000, SEED_001]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = lines(&o);
    assert_eq!(v.len(), 2);
    let (t0, t1) = (
        std::fs::read_to_string(SEED_000).unwrap(),
        std::fs::read_to_string(SEED_001).unwrap(),
    );
    check_offsets(&v[0], &t0);
    check_offsets(&v[1], &t1);
    let antony = item_at(&v[0], &t0, "Antony Blinken");
    let anthony = item_at(&v[1], &t1, "Anthony Blinken");
    assert_eq!(antony["kind"], "PER");
    assert_eq!(anthony["kind"], "PER");
    assert_eq!(antony["entity"], anthony["entity"]);
    let sergey = item_at(&v[0], &t0, "Sergey Lavrov");
    let sergei = item_at(&v[1], &t1, "Sergei Lavrov");
    assert_eq!(sergey["kind"], "PER");
    assert_eq!(sergey["entity"], sergei["entity"]);
    assert_ne!(sergey["entity"], antony["entity"]);
    assert_eq!(item_at(&v[1], &t1, "New York Times")["kind"], "ORG");
    assert_eq!(item_at(&v[1], &t1, "Switzerland")["kind"], "LOC");
    assert_eq!(
        item_at(&v[0], &t0, "Geneva")["entity"],
        item_at(&v[1], &t1, "Geneva")["entity"]
    );
    // An id names one entity: one kind and one canonical name wherever it appears.
    let mut seen = std::collections::HashMap::new();
    for line in &v {
        for i in line["items"].as_array().unwrap() {
            assert!(["PER", "LOC", "ORG", "MISC"].contains(&i["kind"].as_str().unwrap()));
            let id = i["entity"].as_u64().expect("an entity id");
            let named = (i["kind"].clone(), i["name"].clone());
            assert_eq!(seen.entry(id).or_insert_with(|| named.clone()), &named);
        }
    }
}

/// From the seed text: both seeds quote Lavrov calling the talks "constructive and useful";
/// 000 says he "called" them so, and Blinken "described" the talk as "frank and substantive".
#[test]
fn quotes_have_speaker_and_verb() {
    let o = run(&["inspect", "--stage", "quotes", SEED_000, SEED_001]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = lines(&o);
    let (t0, t1) = (
        std::fs::read_to_string(SEED_000).unwrap(),
        std::fs::read_to_string(SEED_001).unwrap(),
    );
    check_offsets(&v[0], &t0);
    check_offsets(&v[1], &t1);
    let lavrov0 = item_at(&v[0], &t0, "constructive and useful.");
    let lavrov1 = item_at(&v[1], &t1, "constructive and useful");
    for q in [lavrov0, lavrov1] {
        let speaker = q["speaker"].as_str().expect("a named speaker");
        assert!(speaker.ends_with("Lavrov"), "{q}");
    }
    assert_eq!(lavrov0["speaker"], lavrov1["speaker"]);
    assert_eq!(lavrov0["verb"], "called");
    let blinken = item_at(&v[0], &t0, "frank and substantive");
    assert!(blinken["speaker"].as_str().unwrap().ends_with("Blinken"));
    assert_eq!(blinken["verb"], "described");
    // Every item has the three fields, null when unknown.
    for line in &v {
        for q in line["items"].as_array().unwrap() {
            for f in ["speaker", "speaker_text", "verb"] {
                assert!(q.get(f).is_some(), "{f} missing in {q}");
            }
        }
    }
}

/// A single article is a story of its own: quotes and entities work on JSON Lines too, with
/// offsets into the UTF-8 bytes of the `text` field.
#[test]
fn story_stages_on_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.jsonl");
    let text = "In Zürich, Foreign Minister Sergei Lavrov met reporters.\n\n“The talks were useful,” Lavrov said.";
    std::fs::write(
        &p,
        format!("{}\n", serde_json::json!({"id": "c1", "text": text})),
    )
    .unwrap();
    for stage in ["entities", "quotes"] {
        let o = run(&["inspect", "--stage", stage, p.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v = lines(&o);
        assert_eq!(v[0]["article"], "c1");
        check_offsets(&v[0], text);
        assert!(!v[0]["items"].as_array().unwrap().is_empty(), "{stage}");
    }
    let o = run(&["inspect", "--stage", "quotes", p.to_str().unwrap()]);
    let q = &lines(&o)[0]["items"][0];
    // The comma closing the quoted clause is the writer's, not the speaker's.
    assert_eq!(q["text"], "The talks were useful");
    assert_eq!(q["start"], text.find("The talks").unwrap());
    assert_eq!(q["speaker"], "Sergei Lavrov");
    assert_eq!(q["verb"], "said");
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

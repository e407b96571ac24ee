//! End-to-end tests of `storyline serve` and `storyline ingest` through the built binary.

mod serve_support;

use serde_json::{json, Value};
use serve_support::{seed_articles, Server};
use std::process::Command;

fn post_seeds(s: &Server, headers: &[(&str, &str)]) -> Value {
    let batch: Vec<Value> = seed_articles()
        .into_iter()
        .map(|(id, text)| json!({"id": id, "source": format!("Outlet {}", &id[..3]), "text": text}))
        .collect();
    let r = s.post_json("/api/articles", &Value::Array(batch).to_string(), headers);
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[test]
fn post_list_read_search_update() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(&dir.path().join("s.db"), &[]);
    assert_eq!(s.get("/healthz").json()["status"], "ok");

    let put = post_seeds(&s, &[]);
    let puts = put["articles"].as_array().unwrap();
    assert_eq!(puts.len(), 5);
    assert!(puts.iter().all(|p| p["status"] == "added"));
    // The five seeds report one event (../shared/README.md): one story.
    let story = puts[0]["story"].as_i64().unwrap();
    assert!(puts.iter().all(|p| p["story"] == story), "{puts:?}");

    let list = s.get("/api/stories").json();
    let stories = list["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    let doc = s.get(&format!("/api/stories/{story}")).json();
    assert_eq!(doc, stories[0]);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 5);
    assert_eq!(doc["sources"], 5);
    // Every summary sentence is the exact bytes of the article it names, as posted.
    let texts: std::collections::HashMap<String, String> = seed_articles().into_iter().collect();
    let summary = doc["summary"].as_array().unwrap();
    assert!(!summary.is_empty());
    for sent in summary {
        let art = sent["article"].as_str().unwrap();
        let (a, b) = (
            sent["start"].as_u64().unwrap() as usize,
            sent["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&texts[art][a..b], sent["text"].as_str().unwrap());
        let sources: Vec<&str> = sent["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(sources.contains(&art));
        for c in sent["cites"].as_array().unwrap() {
            let t = &texts[c["article"].as_str().unwrap()];
            let (a, b) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert!(!t[a..b].trim().is_empty());
        }
    }
    let version = doc["version"].as_i64().unwrap();

    // The same batch again changes nothing.
    let again = post_seeds(&s, &[]);
    assert!(again["articles"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["status"] == "unchanged"));
    assert_eq!(
        s.get(&format!("/api/stories/{story}")).json()["version"],
        version
    );

    // An unrelated article starts a second story; search tells them apart.
    let since = doc["updated"].as_str().unwrap().to_string();
    let r = s.post_json(
        "/api/articles",
        &json!({"id": "apples", "source": "Farm Weekly", "title": "Normandy apple harvest falls short",
                "published": "2022-09-30",
                "text": "Orchards across Normandy picked fewer apples this autumn after a late frost, growers in Calvados said. Cider makers expect higher prices next year."})
            .to_string(),
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let apples = r.json()["articles"][0]["story"].as_i64().unwrap();
    assert_ne!(apples, story);
    let ids = |path: &str| -> Vec<i64> {
        s.get(path).json()["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().parse().unwrap())
            .collect()
    };
    assert_eq!(ids("/api/stories"), [apples, story], "newest change first");
    assert_eq!(ids("/api/stories?q=Lavrov%20Geneva"), [story]);
    assert_eq!(ids("/api/stories?q=orchards"), [apples]);
    assert!(ids("/api/stories?q=zzzyx").is_empty());
    let later = s.get(&format!("/api/stories/{apples}")).json()["updated"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(ids(&format!("/api/stories?since={later}")), [apples]);

    // Updates: nothing new in the seed story since it was built; everything before.
    let up = s
        .get(&format!("/api/stories/{story}/updates?since={since}"))
        .json();
    assert_eq!(up["changed"], true);
    let up = s
        .get(&format!("/api/stories/{story}/updates?since=2999-01-01"))
        .json();
    assert_eq!(up["changed"], false);
    assert!(up["articles"].as_array().unwrap().is_empty());
    assert!(up.get("summary").is_none());
    assert_eq!(
        s.get(&format!("/api/stories/{story}/updates?since=soon"))
            .status,
        400
    );

    assert_eq!(s.get("/api/stories/999").status, 404);
    assert_eq!(s.get("/api/stories/abc").status, 404);
    let page = s.get(&format!("/stories/{story}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("What happened"));
    let home = s.get("/");
    assert!(home.body.contains("Normandy apple harvest falls short"));
}

#[test]
fn malformed_input_gets_400_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(&dir.path().join("s.db"), &[]);
    let cases = [
        (
            r#"{"id": "x", "title": 5, "text": "Some words."}"#,
            "field `title`",
        ),
        (
            r#"{"id": "x", "published": "next week", "text": "Some words."}"#,
            "field `published`",
        ),
        (
            r#"[{"text": "Fine words."}, {"source": ["a"], "text": "x"}]"#,
            "article 1 of the batch: field `source`",
        ),
        (r#"{"id": "x"}"#, "`text` or `html`"),
        (r#"{"id": "x", "text": "unterminated"#, "not valid JSON"),
        (r#""just a string""#, "expected an article"),
    ];
    for (body, want) in cases {
        let r = s.post_json("/api/articles", body, &[]);
        assert_eq!(r.status, 400, "{body}: {}", r.body);
        let msg = r.json()["error"].as_str().unwrap().to_string();
        assert!(msg.contains(want), "{body}: {msg}");
    }
    // Nothing of a refused batch was stored.
    assert_eq!(s.get("/healthz").json()["articles"], 0);
}

#[test]
fn body_limit_and_token() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[serve]\nmax_body_bytes = 2000\n").unwrap();
    let s = Server::start(
        &dir.path().join("s.db"),
        &["--token", "s3cret", "--config", cfg.to_str().unwrap()],
    );
    let small = json!({"id": "a", "text": "Blinken met Lavrov in Geneva."}).to_string();
    let r = s.post_json("/api/articles", &small, &[]);
    assert_eq!(r.status, 401);
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    let r = s.post_json(
        "/api/articles",
        &small,
        &[("Authorization", "Bearer wrong")],
    );
    assert_eq!(r.status, 401);
    let auth = [("Authorization", "Bearer s3cret")];
    assert_eq!(s.post_json("/api/articles", &small, &auth).status, 200);
    let big = json!({"id": "b", "text": "word ".repeat(1000)}).to_string();
    assert_eq!(s.post_json("/api/articles", &big, &auth).status, 413);
    // Reads need no token.
    assert_eq!(s.get("/api/stories").status, 200);
    assert_eq!(s.get("/healthz").json()["articles"], 1);
}

#[test]
fn refuses_a_public_address_without_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["serve", "--addr", "0.0.0.0:0", "--db"])
        .arg(dir.path().join("s.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refusing to listen on 0.0.0.0:0 without a token"),
        "{err}"
    );
}

#[test]
fn openapi_lists_every_route_and_headers_are_strict() {
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start(&dir.path().join("s.db"), &[]);
    let r = s.get("/api/openapi.json");
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for p in [
        "/api/articles",
        "/api/stories",
        "/api/stories/{id}",
        "/api/stories/{id}/updates",
        "/healthz",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
    let home = s.get("/");
    assert!(home
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(s.get("/nope").status, 404);
}

#[test]
fn ingest_then_serve_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let ex = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/geneva-2022");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(["ingest", "--quiet", "--db"])
            .arg(&db)
            .arg(ex)
            .output()
            .unwrap()
    };
    let out = run();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(first.contains("5 articles added"), "{first}");
    let out = run();
    let second = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        second.contains("0 articles added, 0 updated, 5 unchanged; 0 stories changed"),
        "{second}"
    );
    let s = Server::start(&db, &[]);
    let list = s.get("/api/stories").json();
    assert_eq!(list["stories"].as_array().unwrap().len(), 1);
    assert_eq!(list["stories"][0]["articles"].as_array().unwrap().len(), 5);
}

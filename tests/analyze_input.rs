//! Bad input for `storyline analyze`: handled as in summarize (one line per bad file on
//! stderr, the rest goes through; exit 2 when nothing is usable).

use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn bad_files_are_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Talks end\n\nSecretary of State Antony Blinken met Sergey Lavrov in Geneva on Friday. \
         \u{201c}We are on a clearer path,\u{201d} Blinken said.\n",
    )
    .unwrap();
    let out = run(&["analyze", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bin.txt") && err.contains("empty.txt"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = &v["stories"][0]["quotes"][0];
    assert_eq!(q["speaker"], "Antony Blinken");
}

#[test]
fn nothing_usable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = run(&["analyze", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("no usable article") && err.contains("empty.txt"),
        "{err}"
    );
    let missing = run(&["analyze", "/nonexistent/path/for/storyline"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn a_non_ascii_initial_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Talks\n\nThe mayor, Jos\u{e9} \u{c9}. Mart\u{ed}nez, said it was over. \u{201c}We are done,\u{201d} he said.\n",
    )
    .unwrap();
    let out = run(&["analyze", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

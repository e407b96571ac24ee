//! The rendered analysis report (Markdown and text) on a tiny two-article story, as insta
//! snapshots: a change in the layout shows up in review.

use std::process::Command;

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "date 2022-01-21\nTalks in Geneva\n\nSecretary of State Antony Blinken met Russian Foreign Minister \
         Sergey Lavrov in Geneva on Friday. Russia has 100,000 troops near the border. \
         \u{201c}We are on a clearer path,\u{201d} Blinken said.\n\nThe two sides reached a truce.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "date 2022-01-21\nNo breakthrough\n\nUS Secretary of State Anthony Blinken met Russian Foreign Minister \
         Sergei Lavrov in Geneva on Friday. Moscow has over 100,000 troops near the border. \
         \u{201c}We are on a clear path,\u{201d} Mr. Blinken said.\n\nNo agreement was reached.\n",
    )
    .unwrap();
    dir
}

fn render(format: &str) -> String {
    let dir = corpus();
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["analyze", dir.path().to_str().unwrap(), "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(render("markdown"));
}

#[test]
fn text_report() {
    insta::assert_snapshot!(render("text"));
}

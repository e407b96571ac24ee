//! Our ROUGE against the original ROUGE-1.5.5 Perl script, on multinews-200 at 260 words.
//!
//! The summaries are frozen in `tests/fixtures/rouge155/spans.tsv` as byte spans of the
//! dataset's articles (no article text is copied); `perl-output.txt` is what ROUGE-1.5.5
//! printed for them (command in the fixture's README). Needs `../shared`; skips without it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/multinews-200"
    ));
    p.is_dir().then(|| p.to_path_buf())
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rouge155")
        .join(name)
}

/// Runs of ASCII whitespace to one space, ends trimmed (as the fixture's make.py does).
fn collapse(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for w in b
        .split(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(w);
    }
    out
}

/// Perl's averages: ("ROUGE-1", "R") -> value.
fn perl_averages() -> BTreeMap<(String, String), f64> {
    let text = std::fs::read_to_string(fixture("perl-output.txt")).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("S ROUGE")) {
        let f: Vec<&str> = line.split_whitespace().collect();
        // S ROUGE-1 Average_R: 0.42311 (95%-conf.int. 0.39927 - 0.44744)
        let m = f[2].trim_start_matches("Average_").trim_end_matches(':');
        out.insert(
            (f[1].to_string(), m.to_string()),
            f[3].parse::<f64>().unwrap(),
        );
        out.insert(
            (f[1].to_string(), format!("{m}-low")),
            f[5].parse::<f64>().unwrap(),
        );
        let high = f[7].trim_end_matches(')');
        out.insert(
            (f[1].to_string(), format!("{m}-high")),
            high.parse::<f64>().unwrap(),
        );
    }
    out
}

#[test]
fn matches_rouge_155_on_multinews_200() {
    let Some(data) = shared() else {
        eprintln!("skipped: ../shared/data/multinews-200 is absent");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let spans = std::fs::read_to_string(fixture("spans.tsv")).unwrap();
    let mut summaries: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for entry in std::fs::read_dir(&data).unwrap() {
        let p = entry.unwrap().path();
        if p.join("refs").is_dir() {
            summaries.insert(
                p.file_name().unwrap().to_string_lossy().into_owned(),
                Vec::new(),
            );
        }
    }
    for line in spans.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let text = std::fs::read(data.join(f[0]).join("docs").join(f[1])).unwrap();
        let (s, e): (usize, usize) = (f[2].parse().unwrap(), f[3].parse().unwrap());
        let out = summaries.get_mut(f[0]).unwrap();
        out.extend(collapse(&text[s..e]));
        out.push(b'\n');
    }
    for (c, text) in &summaries {
        std::fs::write(dir.path().join(format!("{c}.txt")), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["eval", "--words", "260", "--format", "json", "--score-only"])
        .arg(dir.path())
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["clusters"].as_array().unwrap().len(), 200);
    let perl = perl_averages();
    let mut checked = 0;
    for (k, metric) in report["metrics"].as_array().unwrap().iter().enumerate() {
        let metric = metric.as_str().unwrap();
        let avg = &report["averages"][k];
        for (m, field) in [("R", "recall"), ("P", "precision"), ("F", "f1")] {
            for (suffix, bound) in [("", "mean"), ("-low", "low"), ("-high", "high")] {
                let want = perl[&(metric.to_string(), format!("{m}{suffix}"))];
                let got = avg[field][bound].as_f64().unwrap();
                assert!(
                    (got - want).abs() * 100.0 <= 0.05,
                    "{metric} {m}{suffix}: ours {got}, ROUGE-1.5.5 {want}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 5 * 3 * 3);
}

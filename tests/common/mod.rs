//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the repository, when it is there.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.join("seeds").is_dir().then_some(p)
}

/// The bundled example story.
pub fn example() -> PathBuf {
    root().join("examples/geneva-2022")
}

/// Runs the storyline binary with `args` from the repository root.
pub fn storyline<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run storyline")
}

/// Stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

/// Stderr as text, with `dir` replaced by `<DIR>` so that snapshots are stable.
pub fn stderr_in(o: &Output, dir: &Path) -> String {
    String::from_utf8(o.stderr.clone())
        .expect("UTF-8 stderr")
        .replace(&dir.display().to_string(), "<DIR>")
}

//! Expanding folders into a sorted list of files.

use crate::error::Error;
use std::path::{Path, PathBuf};

fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Appends `path` (a file) or every file below it (a folder, recursively, sorted by name,
/// hidden entries skipped) to `out`. A path that cannot be read becomes an error.
pub(crate) fn collect(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(source) => {
            errors.push(Error::Io {
                path: path.to_path_buf(),
                source,
            });
            return;
        }
    };
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(source) => {
            errors.push(Error::Io {
                path: path.to_path_buf(),
                source,
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !hidden(p))
        .collect();
    children.sort();
    for c in children {
        collect(&c, out, errors);
    }
}

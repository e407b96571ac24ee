//! Typed errors of the library.
//!
//! Every error that concerns one input says which file (and line, for JSON Lines)
//! it came from, so that a batch can report it and go on with the rest.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// One input (a file, or one line of a JSON Lines file) was refused.
    #[error("{}: {reason}", location(path, *line))]
    BadInput {
        /// The file.
        path: PathBuf,
        /// The 1-based line, for JSON Lines input.
        line: Option<usize>,
        /// Why it was refused.
        reason: String,
    },
    /// No input gave a usable article. Holds the error of every input that was refused.
    #[error("no usable article in the input{}", summary(.0))]
    NoArticles(Vec<Error>),
    /// The options are inconsistent.
    #[error("invalid option: {0}")]
    Options(String),
    /// The store (database) failed.
    #[error("store: {0}")]
    Store(String),
    /// The server cannot start as asked (address, token, port).
    #[error("serve: {0}")]
    Serve(String),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Store(e.to_string())
    }
}

fn summary(errors: &[Error]) -> String {
    match errors {
        [] => " (no input files)".to_string(),
        [one] => format!(" ({one})"),
        [first, rest @ ..] => format!(" ({first}; and {} more)", rest.len()),
    }
}

fn location(path: &std::path::Path, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{}:{l}", path.display()),
        None => path.display().to_string(),
    }
}

impl Error {
    /// Shorthand for a [`Error::BadInput`] about a whole file.
    pub fn bad_file(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Error::BadInput {
            path: path.into(),
            line: None,
            reason: reason.into(),
        }
    }

    /// Shorthand for a [`Error::BadInput`] about one line of a file.
    pub fn bad_line(path: impl Into<PathBuf>, line: usize, reason: impl Into<String>) -> Self {
        Error::BadInput {
            path: path.into(),
            line: Some(line),
            reason: reason.into(),
        }
    }
}

//! `storyline ingest`: files, folders, JSON Lines and feeds into the store.
//!
//! Articles are stored in batches, one transaction each, and assigned to stories as they
//! come; the stories they touched are rebuilt at the end so that a server started on the
//! database answers at once. Ingesting the same input twice changes nothing (articles are
//! keyed by id and compared by content).

use crate::error::Error;
use crate::options::Options;
use crate::store::{build, feed, Assign, PutStatus, SqliteStore, Store, StoryId, StreamAssign};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Articles per transaction.
const BATCH: usize = 200;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Files read.
    pub files: usize,
    /// New articles.
    pub added: usize,
    /// Articles replaced (same id, new content).
    pub updated: usize,
    /// Articles already stored as they are.
    pub unchanged: usize,
    /// Stories that gained or changed articles.
    pub stories: BTreeSet<StoryId>,
    /// Inputs that could not be used (the rest went through).
    pub errors: Vec<Error>,
}

/// Progress of an ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Files read so far, of the total.
    Files(usize, usize),
    /// Stories rebuilt so far, of the total.
    Stories(usize, usize),
}

/// Reads one file into articles: a feed, or whatever [`crate::ingest::read_file`] reads.
pub fn read_any(path: &Path, opts: &Options, errors: &mut Vec<Error>) -> Vec<crate::Article> {
    let head = std::fs::File::open(path).and_then(|f| {
        use std::io::Read;
        let mut buf = Vec::new();
        f.take(2048).read_to_end(&mut buf)?;
        Ok(buf)
    });
    let is_feed = head
        .as_deref()
        .is_ok_and(|h| feed::looks_like_feed(path, h));
    if is_feed {
        match std::fs::metadata(path) {
            Ok(m) if m.len() > opts.max_file_bytes => {
                errors.push(Error::bad_file(
                    path,
                    "file is above the limit (option max_file_bytes)",
                ));
                Vec::new()
            }
            _ => match std::fs::read(path) {
                Ok(bytes) => feed::feed_articles(path, &bytes, errors),
                Err(source) => {
                    errors.push(Error::Io {
                        path: path.to_path_buf(),
                        source,
                    });
                    Vec::new()
                }
            },
        }
    } else {
        match crate::ingest::read_file(path, opts, errors) {
            Ok(a) => a,
            Err(e) => {
                errors.push(e);
                Vec::new()
            }
        }
    }
}

/// Ingests `paths` into `store`, assigning with `assign`, then rebuilds the touched stories.
pub fn ingest_paths<P: AsRef<Path>>(
    store: &dyn Store,
    assign: &mut dyn Assign,
    paths: &[P],
    opts: &Options,
    progress: &mut dyn FnMut(Progress),
) -> crate::Result<IngestReport> {
    let mut report = IngestReport::default();
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        crate::ingest::collect_files(p.as_ref(), &mut files, &mut report.errors);
    }
    let mut pending = Vec::new();
    let total = files.len();
    let mut flush =
        |pending: &mut Vec<crate::Article>, report: &mut IngestReport| -> crate::Result<()> {
            if pending.is_empty() {
                return Ok(());
            }
            for put in store.put(std::mem::take(pending), assign)? {
                match put.status {
                    PutStatus::Added => report.added += 1,
                    PutStatus::Updated => report.updated += 1,
                    PutStatus::Unchanged => report.unchanged += 1,
                }
                if put.status != PutStatus::Unchanged {
                    report.stories.insert(put.story);
                }
            }
            Ok(())
        };
    for (i, f) in files.iter().enumerate() {
        pending.extend(read_any(f, opts, &mut report.errors));
        report.files += 1;
        if pending.len() >= BATCH {
            flush(&mut pending, &mut report)?;
        }
        progress(Progress::Files(i + 1, total));
    }
    flush(&mut pending, &mut report)?;
    let stale = store.stale()?;
    for (i, id) in stale.iter().enumerate() {
        build::rebuild(store, *id, opts)?;
        progress(Progress::Stories(i + 1, stale.len()));
    }
    Ok(report)
}

/// Opens the database at `db` and ingests `paths` into it (see [`ingest_paths`]).
pub fn ingest_into(
    db: &Path,
    paths: &[PathBuf],
    opts: &Options,
    progress: &mut dyn FnMut(Progress),
) -> crate::Result<IngestReport> {
    opts.validate()?;
    let store = SqliteStore::open(db)?;
    let mut index = StreamAssign::new(&opts.cluster);
    store.load_index(&mut index)?;
    ingest_paths(&store, &mut index, paths, opts, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingesting_twice_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let ex = crate::store::example_paths();
        let opts = Options::default();
        let first = ingest_into(&db, &ex, &opts, &mut |_| {}).unwrap();
        assert_eq!(first.added, 5);
        assert_eq!(first.stories.len(), 1);
        let again = ingest_into(&db, &ex, &opts, &mut |_| {}).unwrap();
        assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 5));
        assert!(again.stories.is_empty());
        let store = SqliteStore::open(&db).unwrap();
        assert!(store.stale().unwrap().is_empty());
        let (v, doc) = store
            .cached(*first.stories.first().unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(doc.unwrap().version, v);
    }
}

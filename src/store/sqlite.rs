//! The SQLite store (bundled SQLite, WAL, FTS5).
//!
//! Durability: WAL with `synchronous = FULL`, so a commit has reached the disk (the WAL is
//! fsynced) before [`Store::put`] returns. `NORMAL` would survive a killed process too (the
//! WAL is in the OS page cache) but could lose the last commits on a power cut, and a 2xx
//! means "kept": the cost is one fsync per batch, which batching amortizes.
//!
//! One writer connection behind a mutex (SQLite has one writer at a time anyway); readers
//! come from a small pool, and WAL lets them read while the writer writes.

use super::{
    migrations, now_ms, Assign, CachedDoc, Put, PutStatus, Store, Stored, StoryId, StoryQuery,
    StoryRow,
};
use crate::model::{Article, Format, Span};
use crate::{Error, Result};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Row};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A store in one SQLite file.
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

impl SqliteStore {
    /// Opens (creating when absent) the database at `path` and migrates its schema.
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn =
            Connection::open(path).map_err(|e| Error::Store(format!("{}: {e}", path.display())))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Store(format!(
                "{}: cannot switch to WAL (journal mode {mode})",
                path.display()
            )));
        }
        configure(&conn)?;
        migrations::migrate(&mut conn)?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let pooled = self.readers.lock().expect("reader pool").pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                c.busy_timeout(std::time::Duration::from_secs(10))?;
                c
            }
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().expect("reader pool");
        if pool.len() < 8 {
            pool.push(conn);
        }
        out
    }
}

/// A content hash of everything stored about an article (to tell a repeat from an update).
fn content_hash(a: &Article) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in [
        Some(a.source.as_str()),
        a.url.as_deref(),
        a.title.as_deref(),
        Some(a.text.as_str()),
    ] {
        h.update(part.unwrap_or("\u{0}").as_bytes());
        h.update(b"\x1f");
    }
    h.update(format!("{:?}{:?}{:?}", a.published, a.body, a.title_span).as_bytes());
    format!("{:032x}", h.digest128())
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Html => "html",
        Format::Jsonl => "jsonl",
    }
}

const ARTICLE_COLS: &str = "id, source, url, title, published, format, path, line, text, \
     body_start, body_end, title_start, title_end, story, added_ms";

fn article_from_row(r: &Row) -> rusqlite::Result<Stored> {
    let published: Option<String> = r.get(4)?;
    let format: String = r.get(5)?;
    let path: String = r.get(6)?;
    let line: Option<i64> = r.get(7)?;
    let (ts, te): (Option<i64>, Option<i64>) = (r.get(11)?, r.get(12)?);
    Ok(Stored {
        article: Article {
            id: r.get(0)?,
            source: r.get(1)?,
            url: r.get(2)?,
            title: r.get(3)?,
            published: published
                .as_deref()
                .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
            path: PathBuf::from(path),
            line: line.map(|l| l as usize),
            format: match format.as_str() {
                "html" => Format::Html,
                "jsonl" => Format::Jsonl,
                _ => Format::Text,
            },
            text: r.get(8)?,
            body: Span::new(r.get::<_, i64>(9)? as usize, r.get::<_, i64>(10)? as usize),
            title_span: ts.zip(te).map(|(s, e)| Span::new(s as usize, e as usize)),
        },
        story: r.get(13)?,
        added_ms: r.get(14)?,
    })
}

const STORY_COLS: &str = "id, title, lead, n_articles, n_sources, newest, updated_ms, version";

fn story_from_row(r: &Row) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: r.get(0)?,
        title: r.get(1)?,
        lead: r.get(2)?,
        articles: r.get::<_, i64>(3)? as usize,
        sources: r.get::<_, i64>(4)? as usize,
        newest: r.get(5)?,
        updated_ms: r.get(6)?,
        version: r.get(7)?,
    })
}

/// Quotes each word of a user query for FTS5 (all words required, no query syntax).
fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn article_params(a: &Article) -> [rusqlite::types::Value; 12] {
    use rusqlite::types::Value as V;
    let opt = |s: &Option<String>| s.clone().map(V::Text).unwrap_or(V::Null);
    [
        V::Text(a.source.clone()),
        opt(&a.url),
        opt(&a.title),
        a.published
            .map(|d| V::Text(d.format("%Y-%m-%d").to_string()))
            .unwrap_or(V::Null),
        V::Text(format_name(a.format).to_string()),
        V::Text(a.path.to_string_lossy().into_owned()),
        a.line.map(|l| V::Integer(l as i64)).unwrap_or(V::Null),
        V::Text(a.text.clone()),
        V::Integer(a.body.start as i64),
        V::Integer(a.body.end as i64),
        a.title_span
            .map(|s| V::Integer(s.start as i64))
            .unwrap_or(V::Null),
        a.title_span
            .map(|s| V::Integer(s.end as i64))
            .unwrap_or(V::Null),
    ]
}

/// The stored article `a` is another version of, if any; renames `a` when its id is taken.
///
/// The id of an article read from a plain text or HTML file is its file name, which other
/// folders reuse (`doc1.txt`): such an id names the same article only when it comes from the
/// same path, and otherwise gets `-2`, `-3`, … (as within one batch in
/// [`crate::ingest::load`]). Ids given by the input (JSON Lines, feeds, the API) are the
/// caller's key: the same id is the same article.
fn find_slot(tx: &Connection, a: &mut Article) -> Result<Option<(i64, StoryId, String)>> {
    let by_path = matches!(a.format, Format::Text | Format::Html);
    let base = a.id.clone();
    let path = a.path.to_string_lossy().into_owned();
    for n in 1.. {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let row: Option<(i64, StoryId, String, String)> = tx
            .query_row(
                "SELECT seq, story, hash, path FROM articles WHERE id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        match row {
            Some((seq, story, hash, p)) if !by_path || p == path => {
                a.id = id;
                return Ok(Some((seq, story, hash)));
            }
            Some(_) => continue,
            None => {
                if a.source == base && n > 1 {
                    a.source = id.clone();
                }
                a.id = id;
                return Ok(None);
            }
        }
    }
    unreachable!("ids run out")
}

impl Store for SqliteStore {
    fn put(&self, batch: Vec<Article>, assign: &mut dyn Assign) -> Result<Vec<Put>> {
        let mut conn = self.writer.lock().expect("writer");
        let tx = conn.transaction()?;
        let now = now_ms();
        let mut touched = BTreeSet::new();
        let mut out = Vec::with_capacity(batch.len());
        for mut a in batch {
            let hash = content_hash(&a);
            let existing = find_slot(&tx, &mut a)?;
            let (story, status) = match existing {
                Some((_, story, h)) if h == hash => (story, PutStatus::Unchanged),
                Some((seq, story, _)) => {
                    let p = article_params(&a);
                    tx.execute(
                        "UPDATE articles SET source=?1, url=?2, title=?3, published=?4, format=?5, \
                         path=?6, line=?7, text=?8, body_start=?9, body_end=?10, title_start=?11, \
                         title_end=?12, hash=?13, added_ms=?14 WHERE seq=?15",
                        rusqlite::params_from_iter(p.iter().cloned().chain([
                            hash.into(),
                            now.into(),
                            seq.into(),
                        ])),
                    )?;
                    touched.insert(story);
                    (story, PutStatus::Updated)
                }
                None => {
                    let story = assign.assign(&a, &mut || {
                        tx.execute(
                            "INSERT INTO stories(created_ms, updated_ms) VALUES (?1, ?1)",
                            [now],
                        )?;
                        Ok(tx.last_insert_rowid())
                    })?;
                    let p = article_params(&a);
                    tx.execute(
                        "INSERT INTO articles(source, url, title, published, format, path, line, \
                         text, body_start, body_end, title_start, title_end, hash, added_ms, id, \
                         story) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
                        rusqlite::params_from_iter(p.iter().cloned().chain([
                            hash.into(),
                            now.into(),
                            a.id.clone().into(),
                            story.into(),
                        ])),
                    )?;
                    touched.insert(story);
                    (story, PutStatus::Added)
                }
            };
            out.push(Put {
                id: a.id,
                story,
                status,
            });
        }
        for s in touched {
            tx.execute(
                "UPDATE stories SET version = version + 1, updated_ms = ?2, \
                 n_articles = (SELECT count(*) FROM articles WHERE story = ?1), \
                 n_sources = (SELECT count(DISTINCT source) FROM articles WHERE story = ?1), \
                 newest = (SELECT max(published) FROM articles WHERE story = ?1) \
                 WHERE id = ?1",
                params![s, now],
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    fn load_index(&self, assign: &mut dyn Assign) -> Result<usize> {
        self.read(|c| {
            let mut st = c.prepare(&format!("SELECT {ARTICLE_COLS} FROM articles ORDER BY seq"))?;
            let mut rows = st.query([])?;
            let mut n = 0;
            while let Some(r) = rows.next()? {
                let s = article_from_row(r)?;
                assign.restore(&s.article, s.story);
                n += 1;
            }
            Ok(n)
        })
    }

    fn stories(&self, query: &StoryQuery) -> Result<Vec<StoryRow>> {
        let since = query.since_ms.unwrap_or(i64::MIN);
        let limit = query.limit.max(1) as i64;
        self.read(|c| {
            let rows = match query.q.as_deref().and_then(fts_query) {
                Some(q) => {
                    let mut st = c.prepare(&format!(
                        "SELECT {STORY_COLS} FROM stories WHERE updated_ms >= ?1 AND id IN \
                         (SELECT a.story FROM articles_fts f JOIN articles a ON a.seq = f.rowid \
                          WHERE articles_fts MATCH ?2) \
                         ORDER BY updated_ms DESC, id DESC LIMIT ?3"
                    ))?;
                    let v = st
                        .query_map(params![since, q, limit], story_from_row)?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    v
                }
                None => {
                    let mut st = c.prepare(&format!(
                        "SELECT {STORY_COLS} FROM stories WHERE updated_ms >= ?1 \
                         ORDER BY updated_ms DESC, id DESC LIMIT ?2"
                    ))?;
                    let v = st
                        .query_map(params![since, limit], story_from_row)?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    v
                }
            };
            Ok(rows)
        })
    }

    fn story(&self, id: StoryId) -> Result<Option<StoryRow>> {
        self.read(|c| {
            Ok(c.query_row(
                &format!("SELECT {STORY_COLS} FROM stories WHERE id = ?1"),
                [id],
                story_from_row,
            )
            .optional()?)
        })
    }

    fn articles(&self, id: StoryId) -> Result<Vec<Stored>> {
        self.read(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {ARTICLE_COLS} FROM articles WHERE story = ?1 ORDER BY seq"
            ))?;
            let v = st
                .query_map([id], article_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        })
    }

    fn cached(&self, id: StoryId) -> Result<Option<(i64, Option<CachedDoc>)>> {
        self.read(|c| {
            let row: Option<(i64, Option<String>, Option<i64>)> = c
                .query_row(
                    "SELECT version, doc, doc_version FROM stories WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            Ok(row.map(|(version, doc, dv)| {
                let doc = doc
                    .zip(dv)
                    .filter(|(_, dv)| *dv == version)
                    .map(|(json, version)| CachedDoc { version, json });
                (version, doc)
            }))
        })
    }

    fn save_cached(&self, id: StoryId, row: &StoryRow, doc: &CachedDoc) -> Result<bool> {
        let conn = self.writer.lock().expect("writer");
        let n = conn.execute(
            "UPDATE stories SET doc = ?2, doc_version = ?3, title = ?4, lead = ?5 \
             WHERE id = ?1 AND version = ?3",
            params![id, doc.json, doc.version, row.title, row.lead],
        )?;
        Ok(n == 1)
    }

    fn stale(&self) -> Result<Vec<StoryId>> {
        self.read(|c| {
            let mut st = c.prepare(
                "SELECT id FROM stories WHERE doc_version IS NULL OR doc_version != version \
                 ORDER BY updated_ms DESC",
            )?;
            let v = st
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        })
    }

    fn count_articles(&self) -> Result<usize> {
        self.read(|c| {
            Ok(c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StreamAssign;

    fn art(id: &str, source: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            source: source.into(),
            url: None,
            title: Some(id.to_string()),
            published: chrono::NaiveDate::from_ymd_opt(2022, 1, 21),
            path: PathBuf::from("api"),
            line: None,
            format: Format::Jsonl,
            body: Span::new(0, text.len()),
            title_span: None,
            text: text.into(),
        }
    }

    #[test]
    fn put_is_idempotent_and_updates_replace() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
        let mut idx = StreamAssign::new(&crate::cluster::ClusterOptions::default());
        let a = art("a", "DW", "Blinken met Lavrov in Geneva on Friday.");
        let p = store.put(vec![a.clone()], &mut idx).unwrap();
        assert_eq!(p[0].status, PutStatus::Added);
        let v1 = store.story(p[0].story).unwrap().unwrap().version;
        let again = store.put(vec![a.clone()], &mut idx).unwrap();
        assert_eq!(again[0].status, PutStatus::Unchanged);
        assert_eq!(store.story(p[0].story).unwrap().unwrap().version, v1);
        let mut b = a.clone();
        b.text.push_str(" They talked.");
        b.body = Span::new(0, b.text.len());
        assert_eq!(
            store.put(vec![b], &mut idx).unwrap()[0].status,
            PutStatus::Updated
        );
        assert_eq!(store.count_articles().unwrap(), 1);
        let got = store.articles(p[0].story).unwrap();
        assert!(got[0].article.text.ends_with("They talked."));
        assert_eq!(got[0].article.published, a.published);
    }

    #[test]
    fn same_file_name_in_two_folders_is_two_articles() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
        let mut idx = StreamAssign::new(&crate::cluster::ClusterOptions::default());
        let mut a = art("doc1", "doc1", "Blinken met Lavrov in Geneva on Friday.");
        a.format = Format::Text;
        a.path = PathBuf::from("x/doc1.txt");
        let mut b = art(
            "doc1",
            "doc1",
            "The harvest of apples in Normandy was poor.",
        );
        b.format = Format::Text;
        b.path = PathBuf::from("y/doc1.txt");
        let p = store.put(vec![a.clone(), b.clone()], &mut idx).unwrap();
        assert_eq!(p[0].id, "doc1");
        assert_eq!(p[1].id, "doc1-2");
        assert_eq!(p[1].status, PutStatus::Added);
        let again = store.put(vec![b, a], &mut idx).unwrap();
        assert_eq!(again[0].id, "doc1-2");
        assert_eq!(again[1].id, "doc1");
        assert!(again.iter().all(|p| p.status == PutStatus::Unchanged));
        assert_eq!(store.count_articles().unwrap(), 2);
    }

    #[test]
    fn full_text_search_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let store = SqliteStore::open(&path).unwrap();
            let mut idx = StreamAssign::new(&crate::cluster::ClusterOptions::default());
            store
                .put(
                    vec![
                        art("a", "DW", "Blinken met Lavrov in Geneva on Friday."),
                        art("b", "BBC", "The harvest of apples in Normandy was poor."),
                    ],
                    &mut idx,
                )
                .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let q = |q: &str| {
            store
                .stories(&StoryQuery {
                    q: Some(q.into()),
                    limit: 10,
                    ..Default::default()
                })
                .unwrap()
                .len()
        };
        assert_eq!(q("geneva"), 1);
        assert_eq!(q("apples normandy"), 1);
        assert_eq!(q("geneva apples"), 0);
        assert_eq!(q("\"unbalanced AND ("), 0);
        assert_eq!(
            store
                .stories(&StoryQuery {
                    limit: 10,
                    ..Default::default()
                })
                .unwrap()
                .len(),
            2
        );
        assert_eq!(store.stale().unwrap().len(), 2);
    }
}

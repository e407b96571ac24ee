//! Versioned schema migrations, applied in order at open time.
//!
//! The schema version is SQLite's `user_version`. A migration is only ever appended, never
//! edited: a database made by an older storyline is brought forward step by step, each step
//! in its own transaction.

use rusqlite::Connection;

/// The migrations; index + 1 is the version each one brings the schema to.
const MIGRATIONS: &[&str] = &[
    // 1: articles, stories, full-text index over the articles.
    r#"
    CREATE TABLE stories (
        id          INTEGER PRIMARY KEY,
        created_ms  INTEGER NOT NULL,
        updated_ms  INTEGER NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        n_articles  INTEGER NOT NULL DEFAULT 0,
        n_sources   INTEGER NOT NULL DEFAULT 0,
        newest      TEXT,
        title       TEXT,
        lead        TEXT,
        doc         TEXT,
        doc_version INTEGER
    );
    CREATE INDEX stories_updated ON stories(updated_ms DESC);
    CREATE TABLE articles (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        story       INTEGER NOT NULL REFERENCES stories(id),
        hash        TEXT NOT NULL,
        added_ms    INTEGER NOT NULL,
        source      TEXT NOT NULL,
        url         TEXT,
        title       TEXT,
        published   TEXT,
        format      TEXT NOT NULL,
        path        TEXT NOT NULL,
        line        INTEGER,
        text        TEXT NOT NULL,
        body_start  INTEGER NOT NULL,
        body_end    INTEGER NOT NULL,
        title_start INTEGER,
        title_end   INTEGER
    );
    CREATE INDEX articles_story ON articles(story, seq);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    "#,
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database to [`VERSION`]; refuses a database from a newer storyline.
pub fn migrate(conn: &mut Connection) -> crate::Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > VERSION {
        return Err(crate::Error::Store(format!(
            "the database has schema version {current}, newer than this storyline's {VERSION}"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_refuses_newer() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        migrate(&mut c).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, VERSION);
        c.pragma_update(None, "user_version", VERSION + 1).unwrap();
        assert!(migrate(&mut c).is_err());
    }
}

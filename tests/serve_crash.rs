//! Nothing acknowledged is lost: the server is killed with SIGKILL while clients post
//! batches; after a restart every article whose POST got a 2xx is in the store.

mod serve_support;

use serde_json::json;
use serve_support::{request, Server};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CLIENTS: usize = 4;
const BATCH: usize = 10;

/// A made-up article; `n` picks its words so that articles differ.
fn article(id: &str, n: usize) -> serde_json::Value {
    const PLACES: [&str; 8] = [
        "Geneva", "Lagos", "Quito", "Oslo", "Hanoi", "Perth", "Lima", "Tunis",
    ];
    const THINGS: [&str; 8] = [
        "bridge", "election", "harvest", "strike", "flood", "budget", "trial", "summit",
    ];
    let place = PLACES[n % 8];
    let thing = THINGS[(n / 8) % 8];
    let mut text = format!("Officials in {place} spoke about the {thing} on Monday.\n\n");
    for k in 0..12 {
        text.push_str(&format!(
            "Report {n} paragraph {k}: residents of {place} described the {thing} at length, and the council promised a statement on item {k}.\n\n"
        ));
    }
    json!({"id": id, "source": format!("Wire {}", n % 5), "published": "2022-01-21", "text": text})
}

#[test]
fn sigkill_mid_ingest_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let mut server = Server::start(&db, &[]);
    let addr = server.addr;
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let failed = Arc::new(AtomicUsize::new(0));
    let batches = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..CLIENTS)
        .map(|t| {
            let (acked, stop, failed, batches) =
                (acked.clone(), stop.clone(), failed.clone(), batches.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    let ids: Vec<String> = (0..BATCH).map(|i| format!("c{t}-{n}-{i}")).collect();
                    let body: Vec<_> = ids
                        .iter()
                        .enumerate()
                        .map(|(i, id)| article(id, t * 7919 + n * BATCH + i))
                        .collect();
                    let body = serde_json::Value::Array(body).to_string();
                    match request(addr, "POST", "/api/articles", &[], Some(body.as_bytes())) {
                        Ok(r) if (200..300).contains(&r.status) => {
                            acked.lock().unwrap().extend(ids);
                            batches.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok(r) => panic!("unexpected answer {}: {}", r.status, r.body),
                        // The server died under this request: it was never acknowledged.
                        Err(_) => {
                            failed.fetch_add(1, Ordering::SeqCst);
                            return;
                        }
                    }
                    n += 1;
                }
            })
        })
        .collect();
    let start = Instant::now();
    while batches.load(Ordering::SeqCst) < 30 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    // SIGKILL while the clients keep posting.
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        !acked.is_empty(),
        "no batch was acknowledged before the kill"
    );
    drop(server);

    let server = Server::start(&db, &[]);
    let stored_n = server.get("/healthz").json()["articles"].as_u64().unwrap() as usize;
    drop(server);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let mut st = conn.prepare("SELECT id FROM articles").unwrap();
    let stored: HashSet<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let missing: Vec<&String> = acked.iter().filter(|id| !stored.contains(*id)).collect();
    eprintln!(
        "crash test: {} batches ({} articles) acknowledged before SIGKILL, {} requests cut off \
         in flight; after restart {} articles stored, {} acknowledged ones missing",
        acked.len() / BATCH,
        acked.len(),
        failed.load(Ordering::SeqCst),
        stored_n,
        missing.len()
    );
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    assert_eq!(stored.len(), stored_n);
    // A batch is one transaction: whole batches only.
    assert_eq!(stored_n % BATCH, 0);
}

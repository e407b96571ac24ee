//! What every handler shares: the store, the assigner, and the cache of rendered stories.

use crate::options::Options;
use crate::store::{build, Assign, CachedDoc, Store, StoryDoc, StoryId, StreamAssign};
use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::mpsc;

/// A rendered story: the JSON bytes sent for it and the parsed form the pages read.
#[derive(Debug)]
pub struct Built {
    /// Story version it was built from.
    pub version: i64,
    /// `GET /api/stories/{id}` answers exactly these bytes.
    pub json: Bytes,
    /// The same, parsed.
    pub doc: StoryDoc,
}

#[derive(Default)]
struct Slot {
    epoch: u64,
    built: Option<Arc<Built>>,
}

/// Rendered stories in memory, dropped when their story changes.
///
/// Each story has an epoch, bumped on every invalidation; a build started before an
/// invalidation carries the old epoch and is not kept, so a reader never caches a story
/// older than the last acknowledged write.
#[derive(Default)]
pub struct Cache {
    slots: RwLock<HashMap<StoryId, Slot>>,
}

impl Cache {
    /// The cached rendering (if any) and the epoch to insert with.
    pub fn get(&self, id: StoryId) -> (u64, Option<Arc<Built>>) {
        let slots = self.slots.read().expect("cache");
        slots
            .get(&id)
            .map_or((0, None), |s| (s.epoch, s.built.clone()))
    }

    /// Keeps `built` unless the story was invalidated since `epoch` was read.
    pub fn insert(&self, id: StoryId, epoch: u64, built: Arc<Built>) {
        let mut slots = self.slots.write().expect("cache");
        let slot = slots.entry(id).or_default();
        if slot.epoch == epoch
            && slot
                .built
                .as_ref()
                .is_none_or(|b| b.version <= built.version)
        {
            slot.built = Some(built);
        }
    }

    /// Drops the rendering of a story that changed.
    pub fn invalidate(&self, id: StoryId) {
        let mut slots = self.slots.write().expect("cache");
        let slot = slots.entry(id).or_default();
        slot.epoch += 1;
        slot.built = None;
    }
}

/// Shared state of the server.
pub struct AppState {
    /// The store.
    pub store: Arc<dyn Store>,
    /// Story assignment for new articles (locked for the length of a write).
    pub assign: Mutex<Box<dyn Assign>>,
    /// Rendered stories.
    pub cache: Cache,
    /// Pipeline and server options.
    pub opts: Options,
    /// One story build at a time (builds are CPU-bound; two readers of one stale story
    /// share the first one's work).
    pub building: Mutex<()>,
    /// Stories to rebuild in the background after a write.
    pub rebuild: mpsc::UnboundedSender<StoryId>,
}

impl AppState {
    /// The rendered story `id`, from memory, else from the store's cache, else built now.
    /// Blocking: call on a blocking thread. `None` when there is no such story.
    pub fn story(&self, id: StoryId) -> crate::Result<Option<Arc<Built>>> {
        let (epoch, hit) = self.cache.get(id);
        if let Some(b) = hit {
            return Ok(Some(b));
        }
        let _one = self.building.lock().expect("build lock");
        let (epoch2, hit) = self.cache.get(id);
        if let Some(b) = hit {
            return Ok(Some(b));
        }
        let epoch = epoch.max(epoch2);
        let cached = match self.store.cached(id)? {
            None => return Ok(None),
            Some((_, Some(doc))) => Some(doc),
            Some((_, None)) => None,
        };
        let (doc, cached) = match cached {
            Some(c) => match serde_json::from_str::<StoryDoc>(&c.json) {
                Ok(doc) => (doc, c),
                Err(_) => match build::rebuild(self.store.as_ref(), id, &self.opts)? {
                    Some(x) => x,
                    None => return Ok(None),
                },
            },
            None => match build::rebuild(self.store.as_ref(), id, &self.opts)? {
                Some(x) => x,
                None => return Ok(None),
            },
        };
        let built = Arc::new(built_from(doc, cached));
        self.cache.insert(id, epoch, built.clone());
        Ok(Some(built))
    }

    /// Rebuilds the assigner from the store (after a failed write left it ahead of the store).
    pub fn reset_assign(&self) -> crate::Result<()> {
        let mut fresh = StreamAssign::new(&self.opts.cluster);
        self.store.load_index(&mut fresh)?;
        *self.assign.lock().expect("assigner") = Box::new(fresh);
        Ok(())
    }
}

fn built_from(doc: StoryDoc, cached: CachedDoc) -> Built {
    Built {
        version: cached.version,
        json: Bytes::from(cached.json),
        doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(v: i64) -> Arc<Built> {
        Arc::new(Built {
            version: v,
            json: Bytes::new(),
            doc: serde_json::from_value(serde_json::json!({
                "id": "1", "title": "t", "updated": "", "version": v, "sources": 0,
                "independent_sources": 0,
                "articles": [], "summary": [], "words": 0, "entities": [], "quotes": [],
                "timeline": [], "claims": [], "single_source": [], "copies": []
            }))
            .unwrap(),
        })
    }

    #[test]
    fn a_build_started_before_an_invalidation_is_not_kept() {
        let c = Cache::default();
        let (e, none) = c.get(1);
        assert!(none.is_none());
        c.invalidate(1);
        c.insert(1, e, built(1));
        assert!(c.get(1).1.is_none());
        let (e, _) = c.get(1);
        c.insert(1, e, built(2));
        assert_eq!(c.get(1).1.unwrap().version, 2);
    }
}

//! The manifest of an output prefix in an object store, where nothing can be appended to, locked or renamed.
//!
//! Each run keeps its own objects in `<out>/.shrinkray/`, so shards on many machines never write one object
//! together: its records go out as it works, a chunk at a time, as create-only journal objects
//! (`journal-<shard>-<start>-<pid>-<n>.jsonl`, where `<shard>` is `3-of-8`, or `all`), so a killed run loses at
//! most its last chunk; at the end they are folded with the shard's earlier ones into its manifest object
//! (`manifest-<shard>.jsonl`), replacing only the version it read. Loading reads every manifest and journal
//! there, so an `--update` without `--shard`, or with another count, knows what every shard made.

use std::io::Cursor;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::folder::{JOURNAL_PREFIX, MANIFEST_DIR};
use super::records::{Manifest, Record};
use crate::engine::guard::{put_manifest_object, remove_journal_object};
use crate::engine::selection::Shard;
use crate::engine::storage::{self, PutMode, object_url};

/// A journal chunk goes out once this much is waiting, or this long after the last.
const CHUNK_BYTES: usize = 256 * 1024;
const CHUNK_AGE: Duration = Duration::from_secs(30);

/// What a shard's objects are called after: `3-of-8`, or `all` for a run that is not a shard.
fn tag(shard: Option<Shard>) -> String {
    shard.map_or_else(|| "all".to_owned(), |s| format!("{}-of-{}", s.index, s.count))
}

/// The manifest and journal objects in the manifest prefix `dir`, by URL, in key order.
fn manifest_objects(dir: &str) -> Vec<String> {
    let Ok(listing) = storage::list(dir, false) else {
        return Vec::new();
    };
    listing
        .filter_map(Result::ok)
        .map(|listed| listed.url)
        .filter(|url| {
            let name = url.rsplit('/').next().unwrap_or_default();
            (name.starts_with("manifest") || name.starts_with(JOURNAL_PREFIX)) && name.ends_with(".jsonl")
        })
        .collect()
}

/// The records of every manifest and journal object in the output prefix `out`'s `.shrinkray`. One that
/// cannot be read costs only copies made again.
pub(super) fn load(out: &Path) -> Manifest {
    let mut manifest = Manifest::default();
    let Some(dir) = object_url(&out.join(MANIFEST_DIR)) else {
        return manifest;
    };
    for url in manifest_objects(&dir) {
        if let Ok(bytes) = storage::read(Path::new(&url)) {
            manifest.read_from(Cursor::new(bytes));
        }
    }
    manifest
}

/// One run's records on their way to an object store.
pub(crate) struct ObjectJournal {
    /// The manifest prefix, `<out>/.shrinkray`.
    dir: String,
    tag: String,
    /// This run's journal objects are named from here, with a number after.
    stem: String,
    pending: Mutex<Pending>,
}

#[derive(Default)]
struct Pending {
    lines: Vec<u8>,
    since: Option<Instant>,
    chunks: u32,
    /// Why a chunk could not be written, the first time.
    error: Option<String>,
}

impl Pending {
    /// Writes what is waiting as the next journal object (named from `stem`), create-only.
    fn flush(&mut self, stem: &str) {
        if self.lines.is_empty() {
            return;
        }
        self.chunks += 1;
        let url = format!("{stem}-{:06}.jsonl", self.chunks);
        if let Err(e) = put_manifest_object(&url, &self.lines, PutMode::Create) {
            self.error
                .get_or_insert(format!("cannot write the journal: {e}: {url}"));
        }
        self.lines.clear();
        self.since = None;
    }
}

impl ObjectJournal {
    /// The journal of a run (shard `shard`) into the output prefix `out`.
    pub fn open(out: &Path, shard: Option<Shard>) -> Result<Self, String> {
        let dir = object_url(&out.join(MANIFEST_DIR)).ok_or_else(|| "not an object store".to_owned())?;
        let tag = tag(shard);
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let stem = format!("{dir}/{JOURNAL_PREFIX}{tag}-{stamp:024}-{}", std::process::id());
        Ok(Self {
            dir,
            tag,
            stem,
            pending: Mutex::new(Pending::default()),
        })
    }

    /// Notes one record; a chunk goes out when enough is waiting.
    pub fn record(&self, record: &Record) {
        let Ok(mut line) = serde_json::to_vec(record) else {
            return;
        };
        line.push(b'\n');
        if let Ok(mut pending) = self.pending.lock() {
            pending.lines.extend_from_slice(&line);
            let since = *pending.since.get_or_insert_with(Instant::now);
            if pending.lines.len() >= CHUNK_BYTES || since.elapsed() >= CHUNK_AGE {
                pending.flush(&self.stem);
            }
        }
    }

    /// Folds this shard's journals (this run's, and those of its runs that were killed) into its manifest
    /// object, and removes them. `Err` says why the records could not be kept.
    pub fn finish(self) -> Result<(), String> {
        let Self {
            dir,
            tag,
            stem,
            pending,
        } = self;
        let mut pending = pending
            .into_inner()
            .map_err(|_| "the journal was poisoned".to_owned())?;
        pending.flush(&stem);
        if let Some(error) = pending.error {
            return Err(error);
        }
        let target = format!("{}/manifest-{}.jsonl", dir, tag);
        let own_journal = format!("{}/{JOURNAL_PREFIX}{}-", dir, tag);
        let mut manifest = Manifest::default();
        // Replacing the manifest object replaces only the version read here: a second run of the same shard
        // finishing meanwhile makes this one fail, not lose its records.
        let mode = match storage::stat(Path::new(&target)) {
            Ok(stat) => {
                let bytes = storage::read(Path::new(&target))
                    .map_err(|e| format!("cannot read the manifest: {e}: {target}"))?;
                manifest.read_from(Cursor::new(bytes));
                stat.version.map_or(PutMode::Create, PutMode::Replace)
            }
            Err(_) => PutMode::Create,
        };
        let journals: Vec<String> = manifest_objects(&dir)
            .into_iter()
            .filter(|url| url.starts_with(&own_journal))
            .collect();
        for url in &journals {
            if let Ok(bytes) = storage::read(Path::new(url)) {
                manifest.read_from(Cursor::new(bytes));
            }
        }
        let mut out = Vec::new();
        for record in manifest.sorted() {
            serde_json::to_writer(&mut out, record).map_err(|e| e.to_string())?;
            out.push(b'\n');
        }
        put_manifest_object(&target, &out, mode).map_err(|e| format!("cannot write the manifest: {e}: {target}"))?;
        for url in journals {
            let _ = remove_journal_object(&url);
        }
        Ok(())
    }
}

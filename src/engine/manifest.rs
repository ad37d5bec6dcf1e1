//! What earlier runs made, kept in the output folder, so a run can skip the images whose copies are up to date
//! and replace (rather than number) the copies it made itself.
//!
//! Why a manifest and not a mark inside each copy: a copy may carry no metadata at all (BMP, QOI, "strip
//! metadata"), checking marks would mean opening and parsing every copy, and a manifest answers "is it up to
//! date?" from one file read and a `stat` of the input and of each copy, without opening the input. That is
//! what makes a re-run over 10,000 unchanged photos take a second rather than minutes.
//!
//! The folder `.shrinkray/` in the output folder holds `manifest.jsonl` (one record per input, rewritten
//! whole, through a temporary file and a rename, at the end of each run) and one `journal-….jsonl` per run,
//! to which a line is appended as each image finishes, so a run that is killed loses nothing it wrote. A run
//! holds a lock on its own journal; at the end it folds its journal, and those of runs that died, into the
//! manifest, under `lock` so two runs sharing an output folder (shards) never lose each other's records.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::keys::relative_key;

/// The folder, inside the output folder, that holds the manifest and the journals.
pub const MANIFEST_DIR: &str = ".shrinkray";
const MANIFEST_FILE: &str = "manifest.jsonl";
const JOURNAL_PREFIX: &str = "journal-";
const LOCK_FILE: &str = "lock";

/// One input and the copies a run made of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Record {
    /// The input's place below its root, root folder's name included, `/`-separated: the same key wherever
    /// the library is mounted.
    pub input: String,
    /// The input's size when it was read.
    pub bytes: u64,
    /// The input's modification time then, in nanoseconds since 1970.
    pub modified: Option<u64>,
    /// `fingerprint` of the settings the copies were made with.
    pub settings: String,
    /// Every copy, main one first.
    pub outputs: Vec<OutputRecord>,
}

/// One copy as it was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OutputRecord {
    /// Its path below the output folder, `/`-separated.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// Its modification time, in nanoseconds since 1970.
    pub modified: Option<u64>,
}

impl Record {
    /// The record of an input whose copies `outputs` were just written; a copy that cannot be examined is
    /// recorded with no time, so it never counts as up to date.
    pub fn new(
        input: String,
        bytes: u64,
        modified: Option<SystemTime>,
        settings: String,
        out_dir: &Path,
        outputs: &[&Path],
    ) -> Self {
        let outputs = outputs
            .iter()
            .map(|path| {
                let meta = fs::metadata(path).ok();
                OutputRecord {
                    path: relative_key(path.strip_prefix(out_dir).unwrap_or(path)),
                    bytes: meta.as_ref().map_or(0, fs::Metadata::len),
                    modified: meta.and_then(|m| m.modified().ok()).and_then(nanos),
                }
            })
            .collect();
        Self {
            input,
            bytes,
            modified: modified.and_then(nanos),
            settings,
            outputs,
        }
    }
}

impl OutputRecord {
    /// The file is there, as it was written: same size, same modification time. (A name that is not UTF-8 is
    /// recorded lossily, cannot be found again by it, and so never counts as up to date: it is made again.)
    fn intact(&self, out_dir: &Path) -> bool {
        self.intact_at(&out_dir.join(&self.path))
    }

    /// `intact`, for the file at `path`.
    fn intact_at(&self, path: &Path) -> bool {
        self.modified.is_some()
            && fs::metadata(path).is_ok_and(|m| {
                m.is_file() && m.len() == self.bytes && m.modified().ok().and_then(nanos) == self.modified
            })
    }
}

/// The records of earlier runs into one output folder, by input key. About 150 bytes per input.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    records: HashMap<String, Record>,
}

impl Manifest {
    /// Reads the manifest and every journal (those of runs still going or killed included) of `out_dir`. A
    /// missing or damaged file is as good as an empty one: the worst it costs is making copies again.
    pub fn load(out_dir: &Path) -> Self {
        let dir = out_dir.join(MANIFEST_DIR);
        let mut manifest = Self::default();
        if !dir.is_dir() {
            return manifest;
        }
        let _lock = lock(&dir);
        manifest.read(&dir.join(MANIFEST_FILE));
        for journal in journals(&dir) {
            manifest.read(&journal);
        }
        manifest
    }

    fn read(&mut self, path: &Path) {
        let Ok(file) = File::open(path) else { return };
        // A line cut short by a kill, or damaged, is skipped; the records around it still count.
        for line in BufReader::new(file).lines().map_while(Result::ok) {
            if let Ok(record) = serde_json::from_str::<Record>(&line) {
                self.records.insert(record.input.clone(), record);
            }
        }
    }

    /// The number of inputs recorded.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Whether an earlier run made copies of input `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.records.contains_key(key)
    }

    /// The record of `key` when its copies are up to date: the input has the recorded size and time, the
    /// settings the recorded fingerprint, and every copy is there as written.
    pub fn up_to_date(
        &self,
        key: &str,
        bytes: u64,
        modified: Option<SystemTime>,
        settings: &str,
        out_dir: &Path,
    ) -> Option<&Record> {
        let record = self.records.get(key)?;
        let same_input =
            record.bytes == bytes && record.modified.is_some() && record.modified == modified.and_then(nanos);
        (same_input
            && record.settings == settings
            && !record.outputs.is_empty()
            && record.outputs.iter().all(|o| o.intact(out_dir)))
        .then_some(record)
    }

    /// Whether `output` is a copy an earlier run made of input `key`, untouched since, so this run may
    /// replace it instead of writing a numbered copy beside it.
    pub fn is_own_copy(&self, key: &str, output: &Path, out_dir: &Path) -> bool {
        let Ok(inside) = output.strip_prefix(out_dir) else {
            return false;
        };
        let path = relative_key(inside);
        self.records
            .get(key)
            .is_some_and(|r| r.outputs.iter().any(|o| o.path == path && o.intact_at(output)))
    }
}

/// This run's journal: a line per finished image. Dropping it without `finish` leaves it for the next run
/// to read (as a kill would).
pub(crate) struct Journal {
    file: Mutex<File>,
    path: PathBuf,
    dir: PathBuf,
}

impl Journal {
    /// Starts a journal in `out_dir`'s manifest folder. `None` when it cannot be made (a read-only output
    /// folder would fail every image anyway); the run then simply leaves no record.
    pub fn open(out_dir: &Path) -> Option<Self> {
        let dir = out_dir.join(MANIFEST_DIR);
        fs::create_dir_all(&dir).ok()?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        // The start time first, zero-padded, so journals sort in the order their runs began.
        let path = dir.join(format!("{JOURNAL_PREFIX}{stamp:024}-{}.jsonl", std::process::id()));
        let file = OpenOptions::new().append(true).create_new(true).open(&path).ok()?;
        // Held until the run ends, to tell other runs that this journal is still being written.
        file.try_lock().ok()?;
        Some(Self {
            file: Mutex::new(file),
            path,
            dir,
        })
    }

    /// Appends one record as one write, so a kill leaves at most one line cut short.
    pub fn record(&self, record: &Record) {
        let Ok(mut line) = serde_json::to_vec(record) else {
            return;
        };
        line.push(b'\n');
        if let Ok(mut file) = self.file.lock() {
            // A record that cannot be written costs only a copy made again by a later incremental run.
            let _ = file.write_all(&line);
        }
    }

    /// Folds this journal, and those of runs that are gone, into the manifest.
    pub fn finish(self) {
        let Self { file, path, dir } = self;
        drop(file);
        let _lock = lock(&dir);
        let mut manifest = Manifest::default();
        manifest.read(&dir.join(MANIFEST_FILE));
        let mut folded = Vec::new();
        for journal in journals(&dir) {
            let ours = journal == path;
            // A journal whose lock can be taken belongs to a run that ended without folding it (killed).
            let gone = ours || File::open(&journal).is_ok_and(|f| f.try_lock().is_ok());
            if gone {
                manifest.read(&journal);
                folded.push(journal);
            }
        }
        let mut keys: Vec<&String> = manifest.records.keys().collect();
        keys.sort_unstable();
        let mut text = Vec::with_capacity(manifest.records.len() * 160);
        for key in keys {
            if let Ok(line) = serde_json::to_vec(&manifest.records[key]) {
                text.extend_from_slice(&line);
                text.push(b'\n');
            }
        }
        let mut tmp = match tempfile::Builder::new().prefix(".manifest-").tempfile_in(&dir) {
            Ok(tmp) => tmp,
            Err(_) => return,
        };
        if tmp.write_all(&text).is_ok() && tmp.persist(dir.join(MANIFEST_FILE)).is_ok() {
            for journal in folded {
                let _ = fs::remove_file(journal);
            }
        }
    }
}

/// The journals of `dir`, oldest run first.
fn journals(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(JOURNAL_PREFIX) && n.ends_with(".jsonl"))
        })
        .collect();
    found.sort();
    found
}

/// Takes the folder's lock, waiting for another run's fold to end; `None` (no lock) where locks do not work.
fn lock(dir: &Path) -> Option<File> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .ok()?;
    file.lock().ok()?;
    Some(file)
}

fn nanos(time: SystemTime) -> Option<u64> {
    time.duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| u64::try_from(d.as_nanos()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(dir: &Path, input: &str, output: &str) -> Record {
        let path = dir.join(output);
        fs::write(&path, b"copy").unwrap();
        Record::new(
            input.to_owned(),
            10,
            Some(UNIX_EPOCH + std::time::Duration::from_secs(5)),
            "s".to_owned(),
            dir,
            &[&path],
        )
    }

    #[test]
    fn a_killed_runs_journal_is_read_and_folded_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let killed = Journal::open(dir.path()).unwrap();
        killed.record(&record(dir.path(), "photos/a.jpg", "a.jpg"));
        // A kill: the journal is never finished, and its lock goes with the process (here, the file handle).
        drop(killed);
        let t = Some(UNIX_EPOCH + std::time::Duration::from_secs(5));
        assert!(
            Manifest::load(dir.path())
                .up_to_date("photos/a.jpg", 10, t, "s", dir.path())
                .is_some()
        );

        let next = Journal::open(dir.path()).unwrap();
        next.record(&record(dir.path(), "photos/b.jpg", "b.jpg"));
        next.finish();
        let left: Vec<_> = journals(&dir.path().join(MANIFEST_DIR));
        assert!(left.is_empty(), "{left:?}");
        let manifest = Manifest::load(dir.path());
        assert_eq!(manifest.len(), 2);
        // Changed input, changed settings, or a copy changed since: not up to date.
        assert!(manifest.up_to_date("photos/b.jpg", 11, t, "s", dir.path()).is_none());
        assert!(
            manifest
                .up_to_date("photos/b.jpg", 10, t, "other", dir.path())
                .is_none()
        );
        fs::write(dir.path().join("b.jpg"), b"edited").unwrap();
        assert!(manifest.up_to_date("photos/b.jpg", 10, t, "s", dir.path()).is_none());
        assert!(!manifest.is_own_copy("photos/b.jpg", &dir.path().join("b.jpg"), dir.path()));
        assert!(manifest.is_own_copy("photos/a.jpg", &dir.path().join("a.jpg"), dir.path()));
        assert!(!manifest.is_own_copy("photos/b.jpg", &dir.path().join("a.jpg"), dir.path()));
    }

    #[test]
    fn a_live_runs_journal_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let live = Journal::open(dir.path()).unwrap();
        live.record(&record(dir.path(), "photos/a.jpg", "a.jpg"));
        Journal::open(dir.path()).unwrap().finish();
        assert_eq!(journals(&dir.path().join(MANIFEST_DIR)), vec![live.path.clone()]);
        live.finish();
        assert_eq!(Manifest::load(dir.path()).len(), 1);
    }
}

//! The records of what earlier runs made, and the questions a plan asks of them: is this input's copy up to
//! date, and is this file a copy this very input made?

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::folder::{MANIFEST_DIR, MANIFEST_FILE, journals, lock};
use super::identity::{Identity, Input};
use crate::engine::guard::{open_regular, plain_relative};
use crate::engine::keys::relative_key;
use crate::engine::storage::{self, is_object};

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
    /// The id of the file system the input was on (absent in records of earlier versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fs: Option<String>,
    /// The input's canonical path there (absent in records of earlier versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// A fingerprint of the input's content (`content_of`), to know it again at another path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
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
    /// An object's version (its ETag) as written; absent for files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// How a record relates to an input with its key.
#[derive(PartialEq, Eq)]
enum Kin {
    /// The same file system and path: this input, perhaps edited since.
    Same,
    /// A record of an earlier version, which did not note where its input was.
    Unknown,
    /// Another input with the same key (another memory card, another root of that name).
    Other,
}

impl Record {
    /// The record of input `input` (its key `key`) whose copies `outputs` were just written; a copy that
    /// cannot be examined is recorded with no time, so it never counts as up to date.
    pub fn new(key: String, input: &Input, settings: String, out_dir: &Path, outputs: &[&Path]) -> Self {
        let outputs = outputs
            .iter()
            .map(|path| {
                let stat = storage::stat(path).ok();
                OutputRecord {
                    path: relative_key(path.strip_prefix(out_dir).unwrap_or(path)),
                    bytes: stat.as_ref().map_or(0, |s| s.len),
                    modified: stat.as_ref().and_then(|s| s.modified).and_then(nanos),
                    version: stat.and_then(|s| s.version),
                }
            })
            .collect();
        let Identity { fs, at } = input.identity().clone();
        Self {
            input: key,
            bytes: input.bytes,
            modified: input.modified.and_then(nanos),
            settings,
            outputs,
            fs,
            at,
            content: input.content().map(str::to_owned),
        }
    }

    fn kin(&self, input: &Input) -> Kin {
        let Some(at) = &self.at else { return Kin::Unknown };
        let id = input.identity();
        if id.at.as_ref() == Some(at) && id.fs == self.fs {
            Kin::Same
        } else {
            Kin::Other
        }
    }

    /// Whether this record and `other` are of one input (so `other`, newer, takes its place).
    fn same_input_as(&self, other: &Record) -> bool {
        self.at.is_some() && self.at == other.at && self.fs == other.fs
    }

    /// Every output path is a plain relative path (a manifest edited or planted by someone else cannot point
    /// a run at `../x` or `/etc/x`).
    fn confined(&self) -> bool {
        self.outputs.iter().all(|o| plain_relative(&o.path))
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
        if is_object(path) {
            // One HEAD: an object cannot be a link or a folder, and its ETag changes with its content.
            return self.version.is_some()
                && storage::stat(path).is_ok_and(|s| s.len == self.bytes && s.version == self.version);
        }
        self.modified.is_some()
            && fs::symlink_metadata(path).is_ok_and(|m| {
                m.is_file() && m.len() == self.bytes && m.modified().ok().and_then(nanos) == self.modified
            })
    }
}

/// The records of earlier runs into one output folder, by input key. About 250 bytes per input.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    records: HashMap<String, Vec<Record>>,
}

impl Manifest {
    /// Reads the manifest and every journal (those of runs still going or killed included) of `out_dir`. A
    /// missing or damaged file is as good as an empty one: the worst it costs is making copies again. A
    /// `.shrinkray` that is not a real folder is not read.
    pub fn load(out_dir: &Path) -> Self {
        let dir = out_dir.join(MANIFEST_DIR);
        let mut manifest = Self::default();
        if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return manifest;
        }
        let _lock = lock(&dir);
        manifest.read(&dir.join(MANIFEST_FILE));
        for journal in journals(&dir) {
            manifest.read(&journal);
        }
        manifest
    }

    /// Adds the records of the file at `path`. Each line stands alone: one cut short by a kill, damaged, or
    /// not UTF-8 is skipped, and the records after it still count.
    pub(super) fn read(&mut self, path: &Path) {
        let Ok(file) = open_regular(path, OpenOptions::new().read(true)) else {
            return;
        };
        // Line by line through one buffer: the file is never held whole (10,000 records are about 4 MB).
        self.read_from(BufReader::new(file));
    }

    /// Adds the records `reader` gives, one a line.
    pub(super) fn read_from(&mut self, mut reader: impl BufRead) {
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if let Ok(record) = serde_json::from_slice::<Record>(line.trim_ascii_end())
                && record.confined()
            {
                self.insert(record);
            }
        }
    }

    /// Adds `record`, in place of an older record of the same input and of any whose copies it took over.
    fn insert(&mut self, record: Record) {
        let list = self.records.entry(record.input.clone()).or_default();
        list.retain(|old| {
            !old.same_input_as(&record)
                && !old
                    .outputs
                    .iter()
                    .any(|o| record.outputs.iter().any(|n| n.path == o.path))
        });
        list.push(record);
    }

    /// Every record, in key order.
    pub(super) fn sorted(&self) -> Vec<&Record> {
        let mut keys: Vec<&String> = self.records.keys().collect();
        keys.sort_unstable();
        keys.into_iter().flat_map(|k| &self.records[k]).collect()
    }

    /// The number of records.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.records.values().map(Vec::len).sum()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Whether an earlier run made copies of an input with key `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.records.contains_key(key)
    }

    /// The record of `input` (key `key`) when its copies are up to date: the input has the recorded size and
    /// time, the settings the recorded fingerprint, every copy is there as written, and the record is this
    /// input's (same place, or an earlier version's record that did not say), or names another place but the
    /// very same content (the library mounted elsewhere).
    pub fn up_to_date(&self, key: &str, input: &Input, settings: &str, out_dir: &Path) -> Option<&Record> {
        let modified = input.modified.and_then(nanos);
        self.records.get(key)?.iter().find(|record| {
            record.bytes == input.bytes
                && record.modified.is_some()
                && record.modified == modified
                && record.settings == settings
                && !record.outputs.is_empty()
                && record.outputs.iter().all(|o| o.intact(out_dir))
                && match record.kin(input) {
                    Kin::Same | Kin::Unknown => true,
                    Kin::Other => record.content.is_some() && record.content.as_deref() == input.content(),
                }
        })
    }

    /// Whether `output` is a copy an earlier run made of this very input (same place), untouched since, so
    /// this run may replace it instead of writing a numbered copy beside it. A record of an earlier version,
    /// which does not say where its input was, proves it only while the input is exactly as it recorded (size
    /// and modification time to the nanosecond): another card's photo with the same name, or this one changed,
    /// gets a numbered copy instead.
    pub fn is_own_copy(&self, key: &str, input: &Input, output: &Path, out_dir: &Path) -> bool {
        let Ok(inside) = output.strip_prefix(out_dir) else {
            return false;
        };
        let path = relative_key(inside);
        let modified = input.modified.and_then(nanos);
        self.records.get(key).is_some_and(|records| {
            records.iter().any(|r| {
                r.outputs.iter().any(|o| o.path == path && o.intact_at(output))
                    && match r.kin(input) {
                        Kin::Same => true,
                        Kin::Unknown => r.bytes == input.bytes && r.modified.is_some() && r.modified == modified,
                        Kin::Other => false,
                    }
            })
        })
    }
}

fn nanos(time: SystemTime) -> Option<u64> {
    time.duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| u64::try_from(d.as_nanos()).ok())
}

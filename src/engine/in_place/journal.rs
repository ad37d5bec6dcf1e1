//! The journal of an in-place run, in Shrinkray's state folder (`$XDG_STATE_HOME/shrinkray/in-place/`), never in
//! the library: one JSON line per swap, synced before the original is touched, then a line when it is done.
//! A run holds a lock on its journal; a journal whose lock is free belongs to a run that ended, and the next
//! in-place run finishes whatever swap it was killed in.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::engine::guard::{SwapRecord, open_regular, real_dir, temp_builder};
use crate::engine::platform::{FileId, state_dir};

/// The folder of the journals below the state folder.
const FOLDER: &str = "in-place";

/// One line of a journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Line {
    /// The run began, keeping originals in `keep` ("the Trash" or the backup folder).
    Started {
        /// Where the originals go, in words.
        keep: String,
    },
    /// A swap is about to replace an original.
    Swap(SwapRecord),
    /// The swap whose copy had this temporary name is done.
    Done {
        /// The swap's `temp`.
        temp: String,
    },
    /// It was rolled back (the original in its place).
    RolledBack {
        /// The swap's `temp`.
        temp: String,
    },
    /// It was undone (the original back in its place).
    Undone {
        /// The swap's `temp`.
        temp: String,
    },
}

/// What a journal says of one swap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum State {
    /// Noted, nothing after: the run may have been killed in it.
    Pending,
    /// Done.
    Done,
    /// Rolled back.
    RolledBack,
    /// Undone.
    Undone,
}

/// The folder of the journals; `Err` when the system has no state folder.
pub(super) fn journal_dir() -> Result<PathBuf, String> {
    state_dir()
        .map(|d| d.join(FOLDER))
        .ok_or_else(|| "no folder for Shrinkray's records: the system names no home folder".to_owned())
}

/// Every journal, oldest run first.
pub fn journals() -> Vec<PathBuf> {
    let Ok(dir) = journal_dir() else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    found.sort();
    found
}

/// The swaps of the journal at `path`, in order, with what became of each.
pub(super) fn read(path: &Path) -> io::Result<Vec<(SwapRecord, State)>> {
    let file = open_regular(path, OpenOptions::new().read(true))?;
    let mut swaps: Vec<(SwapRecord, State)> = Vec::new();
    for line in BufReader::new(file).lines() {
        // A kill may cut the last line short: it is skipped.
        let Ok(line) = serde_json::from_str::<Line>(&line?) else {
            continue;
        };
        let (temp, state) = match line {
            Line::Swap(record) => {
                swaps.push((record, State::Pending));
                continue;
            }
            Line::Started { .. } => continue,
            Line::Done { temp } => (temp, State::Done),
            Line::RolledBack { temp } => (temp, State::RolledBack),
            Line::Undone { temp } => (temp, State::Undone),
        };
        if let Some(swap) = swaps.iter_mut().rev().find(|(r, _)| r.temp == temp) {
            swap.1 = state;
        }
    }
    Ok(swaps)
}

/// Appends `line` to the journal at `path` of a run that has ended, synced.
pub(super) fn append(path: &Path, line: &Line) -> io::Result<()> {
    let mut file = open_regular(path, OpenOptions::new().append(true))?;
    write_line(&mut file, line)
}

fn write_line(file: &mut File, line: &Line) -> io::Result<()> {
    let mut bytes = serde_json::to_vec(line).map_err(io::Error::other)?;
    bytes.push(b'\n');
    // One write, so a kill leaves at most one line cut short; synced, so a swap is never ahead of its record.
    file.write_all(&bytes)?;
    file.sync_data()
}

/// The copies earlier in-place runs put in place and that are still there unchanged (identity and size): an
/// input among them is not shrunk a second time.
pub(crate) fn swapped_before() -> HashSet<(FileId, u64)> {
    let mut done = HashSet::new();
    for path in journals() {
        for (record, state) in read(&path).unwrap_or_default() {
            if state == State::Done {
                done.insert((record.copy_id(), record.copy_bytes));
            }
        }
    }
    done
}

/// Holds the in-place lock: one in-place run or undo at a time for a user, so two never swap the same photo
/// and a run never settles the journal of one still going. `Err` says another holds it.
pub(super) fn hold() -> Result<File, String> {
    let dir = journal_dir()?;
    let why = |e: io::Error, path: &Path| format!("cannot use the in-place records: {e}: {}", path.display());
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(|e| why(e, parent))?;
    }
    real_dir(&dir).map_err(|e| why(e, &dir))?;
    let path = dir.join(".lock");
    let file = crate::engine::guard::open_lock_file(&path).map_err(|e| why(e, &path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(format!(
            "another in-place run or undo is going (wait for it to end): {}",
            path.display()
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(why(e, &path)),
    }
}

/// This run's journal, locked while the run lives.
pub(crate) struct SwapJournal {
    file: Mutex<File>,
    /// The in-place lock (`hold`), for as long as the run.
    _held: File,
}

impl SwapJournal {
    /// Starts a journal for a run keeping its originals in `keep`. `Err` says why none can be kept, and the
    /// run does not start: an in-place run never swaps without a record.
    pub(crate) fn open(keep: &str) -> Result<Self, String> {
        let held = hold()?;
        let dir = journal_dir()?;
        let why = |e: io::Error, path: &Path| format!("cannot keep the in-place journal: {e}: {}", path.display());
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let path = dir.join(format!("{stamp:024}-{}.jsonl", std::process::id()));
        let tmp = temp_builder(&dir, "in-place-").map_err(|e| why(e, &dir))?;
        tmp.as_file()
            .try_lock()
            .map_err(|e| why(io::Error::other(format!("cannot lock it: {e}")), &dir))?;
        let mut file = tmp.persist_noclobber(&path).map_err(|e| why(e.error, &path))?;
        write_line(&mut file, &Line::Started { keep: keep.to_owned() }).map_err(|e| why(e, &path))?;
        Ok(Self {
            file: Mutex::new(file),
            _held: held,
        })
    }

    /// Writes `line`, synced.
    pub(super) fn write(&self, line: &Line) -> io::Result<()> {
        let mut file = self
            .file
            .lock()
            .map_err(|_| io::Error::other("the journal's lock was poisoned"))?;
        write_line(&mut file, line)
    }
}

//! The manifest folder `.shrinkray/` and what lies in it: the manifest, the journals, the lock.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::engine::guard::open_regular;

/// The folder, inside the output folder, that holds the manifest and the journals.
pub const MANIFEST_DIR: &str = ".shrinkray";
/// The manifest, in the manifest folder.
pub(super) const MANIFEST_FILE: &str = "manifest.jsonl";
/// How a journal's name begins.
pub(super) const JOURNAL_PREFIX: &str = "journal-";
const LOCK_FILE: &str = "lock";

/// The journals of `dir` (regular files only), oldest run first.
pub(super) fn journals(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
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

/// Takes the folder's lock, waiting for another run's fold to end; `None` (no lock) where locks do not work
/// or `lock` is not a regular file (a FIFO there never blocks the run).
pub(super) fn lock(dir: &Path) -> Option<File> {
    let file = open_regular(
        &dir.join(LOCK_FILE),
        OpenOptions::new().create(true).truncate(false).write(true),
    )
    .ok()?;
    file.lock().ok()?;
    Some(file)
}

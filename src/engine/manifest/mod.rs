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
//! to which a line is appended as each image finishes, so a run that is killed loses nothing it wrote
//! (`journal.rs`). Records are found by key (the input's root folder name and path below it) and told apart
//! by what the input is (`identity.rs`): one key may hold the records of several inputs.

mod folder;
mod identity;
mod journal;
mod objects;
mod records;
mod run_lock;

use std::path::Path;

use crate::engine::selection::Shard;

pub use folder::MANIFEST_DIR;
pub(crate) use identity::{Identities, Input};
pub(crate) use journal::Journal;
use objects::ObjectJournal;
pub(crate) use records::{Manifest, Record};
pub(crate) use run_lock::RunLock;

/// Where a run's records go as it works: the output folder's journal file, or journal objects in an object
/// store (`objects.rs`).
pub(crate) enum Keeper {
    /// A journal file in `.shrinkray/`.
    File(Journal),
    /// Journal objects below `.shrinkray/`.
    Objects(ObjectJournal),
}

impl Keeper {
    /// Starts keeping the records of a run (shard `shard`) into `out_dir`. `Err` says, once, why this run
    /// will leave no record.
    pub fn open(out_dir: &Path, shard: Option<Shard>) -> Result<Self, String> {
        if crate::engine::storage::is_object(out_dir) {
            ObjectJournal::open(out_dir, shard).map(Self::Objects)
        } else {
            Journal::open(out_dir).map(Self::File)
        }
    }

    /// Notes one image's record.
    pub fn record(&self, record: &Record) {
        match self {
            Self::File(j) => j.record(record),
            Self::Objects(j) => j.record(record),
        }
    }

    /// Folds the records into the manifest. `Err` says why they could not be kept.
    pub fn finish(self) -> Result<(), String> {
        match self {
            Self::File(j) => j.finish(),
            Self::Objects(j) => j.finish(),
        }
    }
}

/// What earlier runs made in `out_dir`: its manifest folder's files, or its manifest objects.
pub(crate) fn load(out_dir: &Path) -> Manifest {
    if crate::engine::storage::is_object(out_dir) {
        objects::load(out_dir)
    } else {
        Manifest::load(out_dir)
    }
}

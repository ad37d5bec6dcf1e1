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
mod records;
mod run_lock;

pub use folder::MANIFEST_DIR;
pub(crate) use identity::{Identities, Input};
pub(crate) use journal::Journal;
pub(crate) use records::{Manifest, Record};
pub(crate) use run_lock::RunLock;

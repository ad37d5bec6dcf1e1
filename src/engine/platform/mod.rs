//! The few calls that differ between operating systems, each behind one function with a twin per platform, so
//! the rest of the engine never names `/proc`, Unix file ids or Windows handles.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(not(unix))]
mod windows;
#[cfg(not(unix))]
use windows as os;

pub(crate) use os::{file_system_id, host_parts, open_no_follow, process_is_alive};

use std::fs::Metadata;
use std::path::Path;

/// A file's identity (device and inode on Unix, a hash of the canonical path elsewhere), so an output that is
/// an input is caught even through hard links, symlinks or a case-insensitive file system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(u64, u64);

impl FileId {
    /// The identity of the file `meta` describes (read from `path`).
    #[cfg(unix)]
    pub(crate) fn of(_path: &Path, meta: &Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        Self(meta.dev(), meta.ino())
    }

    /// Without inode numbers, a hash of the canonical path stands in.
    #[cfg(not(unix))]
    pub(crate) fn of(path: &Path, _meta: &Metadata) -> Self {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let key = canonical.to_string_lossy().to_lowercase();
        Self(BuildHasherDefault::<DefaultHasher>::default().hash_one(key), 0)
    }
}

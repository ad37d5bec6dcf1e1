//! What a file is, whatever its path: the identity the guard compares.

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

    /// The identity of device `dev`, inode `ino`.
    #[cfg(unix)]
    pub(crate) fn from_parts(dev: u64, ino: u64) -> Self {
        Self(dev, ino)
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

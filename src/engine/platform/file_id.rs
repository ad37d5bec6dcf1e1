//! What a file is, whatever its path: the identity the guard compares.

use std::fs::Metadata;
use std::path::Path;

/// A file's identity (device and inode on Unix, volume serial number and file index on Windows), so an output that is
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

    /// The identity of device `dev`, inode `ino` (the volume and file index on Windows): what `parts` gave.
    pub(crate) fn from_parts(dev: u64, ino: u64) -> Self {
        Self(dev, ino)
    }

    /// The identity of the object `url`, or of one version of it (its ETag): a hash, marked so that it is
    /// never a local file's. An input is protected by its key alone (any version); a copy the plan saw is
    /// known by its version, so one replaced since is told apart.
    pub(crate) fn of_object(url: &str, version: Option<&str>) -> Self {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        // No file system uses device number u64::MAX.
        let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one((url, version));
        Self(u64::MAX, hash)
    }

    /// The two numbers, to be written down (the in-place journal) and read back with `from_parts`.
    pub(crate) fn parts(self) -> (u64, u64) {
        (self.0, self.1)
    }

    /// The volume serial number and file index of the file `meta` describes: a link itself when `meta` is a
    /// link's (`symlink_metadata`), else what the path leads to; a hash of the canonical path when they cannot
    /// be read.
    #[cfg(windows)]
    pub(crate) fn of(path: &Path, meta: &Metadata) -> Self {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        if let Some((volume, index)) = super::windows::file_index(path, !meta.file_type().is_symlink()) {
            return Self(volume, index);
        }
        let canonical = super::windows::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let key = canonical.to_string_lossy().to_lowercase();
        Self(BuildHasherDefault::<DefaultHasher>::default().hash_one(key), 0)
    }
}

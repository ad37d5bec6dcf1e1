//! What an input is, beyond its name: two memory cards both hold `DCIM/IMG_0001.jpg`, and two roots called
//! `DCIM` give one manifest key, yet their copies must never replace each other's.
//!
//! An input is known by the file system it is on and its canonical path there (so a photo edited in place, or
//! saved by an editor through a new file and a rename, is still the same input), and recognised elsewhere by a
//! fingerprint of its content (so the same library mounted at another path, unchanged, is still up to date).

use std::cell::OnceCell;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::engine::platform::file_system_id;
use crate::engine::storage::{self, object_url};

/// Bytes read from each end of a file for its fingerprint.
const ENDS: u64 = 64 * 1024;

/// Where an input lives: its file system and canonical path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Identity {
    /// The file system's id (`statvfs`'s `f_fsid`, the volume on Windows).
    pub fs: Option<String>,
    /// The canonical path.
    pub at: Option<String>,
}

impl Identity {
    /// The identity of the file at `path`; empty parts where they cannot be read.
    pub fn of(path: &Path) -> Self {
        // An object is where its URL says; the store is the "file system".
        if let Some(url) = object_url(path) {
            let store = url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
            return Self {
                fs: Some(store),
                at: Some(url),
            };
        }
        let Ok(canonical) = crate::engine::platform::canonicalize(path) else {
            return Self::default();
        };
        Self {
            fs: file_system_id(&canonical),
            at: Some(canonical.to_string_lossy().into_owned()),
        }
    }
}

/// `Identity::of` for many files, most in the same few folders (a plan's walk): a folder is resolved once, not
/// once per file, which keeps an incremental run over 10,000 unchanged photos to a `stat` and an `lstat` each.
#[derive(Default)]
pub(crate) struct Identities {
    /// The last folder resolved: as named, canonical, and its file system's id.
    last: Option<(PathBuf, PathBuf, Option<String>)>,
}

impl Identities {
    /// The identity of the file at `path`, as `Identity::of` gives it.
    pub fn of(&mut self, path: &Path) -> Identity {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Identity::of(path);
        };
        // A link's canonical path is its target's, which the folder does not tell.
        if std::fs::symlink_metadata(path).map_or(true, |m| m.file_type().is_symlink()) {
            return Identity::of(path);
        }
        if self.last.as_ref().is_none_or(|(named, ..)| named != parent) {
            let Ok(canonical) = crate::engine::platform::canonicalize(parent) else {
                return Identity::of(path);
            };
            let fs = file_system_id(&canonical);
            self.last = Some((parent.to_owned(), canonical, fs));
        }
        let Some((_, canonical, fs)) = &self.last else {
            return Identity::of(path);
        };
        Identity {
            fs: fs.clone(),
            at: Some(canonical.join(name).to_string_lossy().into_owned()),
        }
    }
}

/// A fingerprint of a file's content: its size and a CRC-32 of its first and last 64 KiB. Enough to tell one
/// photo from another with the same name and size (the pixels differ within the first kilobytes); read only
/// when a record names another place.
pub(crate) fn content_of(path: &Path) -> Option<String> {
    // An object's ETag changes with its content, and a HEAD gives it.
    if object_url(path).is_some() {
        return storage::stat(path).ok()?.version.map(|v| etag_fingerprint(&v));
    }
    let mut file = storage::open(path).ok()?;
    let len = file.len().ok()?;
    let mut crc = crc32fast::Hasher::new();
    let mut buf = vec![0; ENDS.min(len) as usize];
    file.read_exact(&mut buf).ok()?;
    crc.update(&buf);
    if len > ENDS {
        let from = len.saturating_sub(ENDS).max(ENDS);
        buf.resize((len - from) as usize, 0);
        file.seek(SeekFrom::Start(from)).ok()?;
        file.read_exact(&mut buf).ok()?;
        crc.update(&buf);
    }
    Some(format!("{len:x}-{:08x}", crc.finalize()))
}

/// An object's fingerprint: its ETag (the same content put the same way has the same one).
fn etag_fingerprint(version: &str) -> String {
    format!("etag:{}", version.trim_matches('"'))
}

/// One input as the manifest asks about it; its identity and fingerprint are read only when needed.
pub(crate) struct Input<'a> {
    /// The file.
    pub path: &'a Path,
    /// Its size.
    pub bytes: u64,
    /// Its modification time.
    pub modified: Option<SystemTime>,
    identity: OnceCell<Identity>,
    content: OnceCell<Option<String>>,
}

impl<'a> Input<'a> {
    /// The input at `path`, of this size and time.
    pub fn new(path: &'a Path, bytes: u64, modified: Option<SystemTime>) -> Self {
        Self {
            path,
            bytes,
            modified,
            identity: OnceCell::new(),
            content: OnceCell::new(),
        }
    }

    /// The same input, an object whose version (ETag) is `version`: its fingerprint, with no request. A file
    /// (`None`) keeps the fingerprint of its content.
    pub fn with_version(self, version: Option<&str>) -> Self {
        if let Some(version) = version {
            let _ = self.content.set(Some(etag_fingerprint(version)));
        }
        self
    }

    /// The same input, whose identity is already known.
    pub fn with_identity(self, identity: Identity) -> Self {
        let _ = self.identity.set(identity);
        self
    }

    /// Where it lives.
    pub fn identity(&self) -> &Identity {
        self.identity.get_or_init(|| Identity::of(self.path))
    }

    /// Its fingerprint.
    pub fn content(&self) -> Option<&str> {
        self.content.get_or_init(|| content_of(self.path)).as_deref()
    }
}

//! The rules every write is checked against: which files are the run's inputs, which names stay inside their
//! folder, and what stands at a path.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path};
use std::sync::Arc;

use crate::engine::platform::FileId;
use crate::engine::storage::{self, object_url};

/// The identities of a run's inputs: the files no rule may replace, truncate or delete.
#[derive(Clone, Debug, Default)]
pub struct Protected(Arc<HashSet<FileId>>);

impl Protected {
    /// Protects the files with these identities.
    pub(crate) fn new(ids: HashSet<FileId>) -> Self {
        Self(Arc::new(ids))
    }

    /// Protects the files either protects.
    pub(crate) fn union(&self, other: &Protected) -> Self {
        Self(Arc::new(self.0.union(&other.0).copied().collect()))
    }

    /// Whether the file at `path` is one of the inputs: itself, or through a symbolic link or a hard link.
    pub fn covers(&self, path: &Path) -> bool {
        if let Some(url) = object_url(path) {
            return self.0.contains(&FileId::of_object(&url, None));
        }
        let id = |m: fs::Metadata| FileId::of(path, &m);
        fs::symlink_metadata(path).is_ok_and(|m| self.0.contains(&id(m)))
            || fs::metadata(path).is_ok_and(|m| self.0.contains(&id(m)))
    }
}

/// Whether `path` is `root` followed by plain names only (no `..`, `.`, root or prefix parts): a name a
/// template, a size name or a manifest gave cannot lead out of the folder it is meant for.
pub(crate) fn confined(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root)
        .is_ok_and(|rest| rest.components().all(|c| matches!(c, Component::Normal(_))))
}

/// Whether a part of `path` below `root` is a name Windows keeps for a device (`CON`, `NUL`, `aux.jpg`,
/// `com1.png`...: the name before its first dot, without trailing spaces or case): opening one opens the
/// device, not a file. Checked on Windows only; elsewhere these are ordinary names.
pub(crate) fn names_a_device(root: &Path, path: &Path) -> bool {
    const DEVICES: [&str; 6] = ["con", "prn", "aux", "nul", "conin$", "conout$"];
    let reserved = |part: &std::ffi::OsStr| {
        let part = part.to_string_lossy().to_lowercase();
        let base = part.split('.').next().unwrap_or_default().trim_end_matches(' ');
        DEVICES.contains(&base)
            || (base.len() == 4 && (base.starts_with("com") || base.starts_with("lpt")) && {
                let last = base.as_bytes()[3];
                last.is_ascii_digit() && last != b'0'
            })
            || ["com", "lpt"].iter().any(|p| {
                base.strip_prefix(p)
                    .is_some_and(|n| ["\u{b9}", "\u{b2}", "\u{b3}"].contains(&n))
            })
    };
    path.strip_prefix(root).is_ok_and(|rest| {
        rest.components()
            .any(|c| matches!(c, Component::Normal(n) if reserved(n)))
    })
}

/// Whether `relative` (a `/`-separated path read from a file, such as the manifest) is plain names only.
pub(crate) fn plain_relative(relative: &str) -> bool {
    !relative.is_empty()
        && relative
            .split(['/', '\\'])
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains(':'))
}

/// What stands at a path a copy wants.
pub(crate) enum Found {
    /// Nothing.
    Nothing,
    /// A regular file that is no input, with its identity.
    File(FileId),
    /// One of the run's inputs.
    Input,
    /// Something Shrinkray never replaces: a folder, symbolic link, FIFO, device or socket.
    NotRegular,
}

/// Looks at `path` without following a symbolic link in its last part.
pub(crate) fn examine(path: &Path, protected: &Protected) -> Found {
    if let Some(url) = object_url(path) {
        if protected.covers(path) {
            return Found::Input;
        }
        return match storage::stat(path) {
            Ok(stat) => Found::File(FileId::of_object(&url, stat.version.as_deref())),
            // An object that cannot be looked at is taken as absent: the upload is create-only, so the store
            // itself refuses if one is there.
            Err(_) => Found::Nothing,
        };
    }
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Found::Nothing;
    };
    if protected.covers(path) {
        Found::Input
    } else if meta.is_file() {
        Found::File(FileId::of(path, &meta))
    } else {
        Found::NotRegular
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_device_names_are_caught_whatever_their_extension_or_case() {
        let root = Path::new("out");
        for name in [
            "CON",
            "nul.jpg",
            "Aux.JPG",
            "com1.png",
            "LPT9.webp",
            "con .jpg",
            "prn.tar.gz",
            "COM\u{b9}.jpg",
        ] {
            assert!(names_a_device(root, &root.join(name)), "{name}");
        }
        assert!(
            names_a_device(root, &root.join("aux").join("photo.jpg")),
            "a folder part"
        );
        for name in [
            "console.jpg",
            "com0.jpg",
            "com10.jpg",
            "lpt.jpg",
            "nully.png",
            "a.con",
            "photo.jpg",
        ] {
            assert!(!names_a_device(root, &root.join(name)), "{name}");
        }
        assert!(
            !names_a_device(Path::new("nul"), &Path::new("nul").join("a.jpg")),
            "the root is the user's"
        );
    }
}

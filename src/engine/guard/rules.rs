//! The rules every write is checked against: which files are the run's inputs, which names stay inside their
//! folder, and what stands at a path.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path};
use std::sync::Arc;

use crate::engine::platform::FileId;

/// The identities of a run's inputs: the files no rule may replace, truncate or delete.
#[derive(Clone, Debug, Default)]
pub struct Protected(Arc<HashSet<FileId>>);

impl Protected {
    /// Protects the files with these identities.
    pub(crate) fn new(ids: HashSet<FileId>) -> Self {
        Self(Arc::new(ids))
    }

    /// Whether the file at `path` is one of the inputs: itself, or through a symbolic link or a hard link.
    pub fn covers(&self, path: &Path) -> bool {
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

//! Writing one copy: confined to the output folder, whole or absent, replacing only the file the plan saw.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::rules::confined;
use super::temp::temp_builder;
use crate::engine::error::ImageError;
use crate::engine::platform::FileId;

/// Why the guard refused a write.
fn refusal(path: &Path, why: &str) -> ImageError {
    ImageError::Refused {
        why: why.to_owned(),
        path: path.to_owned(),
    }
}

/// The output folder as the user named it (copies are named below it) and as it resolves.
#[derive(Debug)]
pub(crate) struct OutputRoot {
    /// As given.
    pub given: PathBuf,
    /// Canonical.
    pub canonical: PathBuf,
}

/// Writes one copy at `path` inside `root`, through a temporary file renamed into place. With
/// `replaces` `None` an existing file is never replaced, even one that appeared after planning; with the
/// identity the plan saw, only that very file is (a file swapped in since, an input or not, is left alone).
/// `modified`, when given, becomes the file's modification time before it takes its name.
pub(crate) fn write_copy(
    root: &OutputRoot,
    path: &Path,
    bytes: &[u8],
    replaces: Option<FileId>,
    modified: Option<SystemTime>,
) -> Result<(), ImageError> {
    let write_err = |source: io::Error| ImageError::Write {
        source,
        path: path.to_owned(),
    };
    if !confined(&root.given, path) {
        return Err(refusal(path, "its name leads outside the output folder"));
    }
    let dir = path.parent().unwrap_or(&root.given);
    // A folder on the way may be a symbolic link planted to lead elsewhere (onto the originals): the deepest
    // one that exists must resolve inside the output folder before any folder is made below it, and the
    // folder itself once made.
    let inside = |d: &Path| fs::canonicalize(d).is_ok_and(|d| d.starts_with(&root.canonical));
    let existing = dir.ancestors().find(|d| fs::symlink_metadata(d).is_ok()).unwrap_or(dir);
    if !inside(existing) {
        return Err(refusal(path, "its folder leads outside the output folder"));
    }
    fs::create_dir_all(dir).map_err(write_err)?;
    if !inside(dir) {
        return Err(refusal(path, "its folder leads outside the output folder"));
    }
    let mut tmp = temp_builder(dir, "").map_err(write_err)?;
    tmp.write_all(bytes).map_err(write_err)?;
    if let Some(time) = modified {
        tmp.as_file().set_modified(time).map_err(write_err)?;
    }
    let persisted = match replaces {
        None => tmp.persist_noclobber(path).map(drop),
        Some(expected) => {
            match fs::symlink_metadata(path) {
                Ok(m) if !m.is_file() => return Err(refusal(path, "it is not a regular file")),
                Ok(m) if FileId::of(path, &m) != expected => {
                    return Err(refusal(path, "the file there changed since the job began"));
                }
                _ => {}
            }
            tmp.persist(path).map(drop)
        }
    };
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            ImageError::OutputAppeared { path: path.to_owned() }
        } else {
            write_err(e.error)
        }
    })
}

//! The output folder before planning: made (by a job) or only worked out (by a dry run).

use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::error::SetupError;
use crate::engine::storage::is_object;

/// The canonical path `dir` will have once created: its nearest existing ancestor's, with the rest appended.
pub(super) fn canonical_to_be(dir: &Path) -> PathBuf {
    if is_object(dir) {
        return dir.to_owned();
    }
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
    for existing in absolute.ancestors() {
        if let Ok(canonical) = crate::engine::platform::canonicalize(existing) {
            return match absolute.strip_prefix(existing) {
                Ok(rest) => canonical.join(rest),
                Err(_) => canonical,
            };
        }
    }
    absolute
}

pub(super) fn prepare_output_dir(dir: &Path) -> Result<PathBuf, SetupError> {
    let err = |source| SetupError::OutputDir {
        source,
        path: dir.to_owned(),
    };
    // An object store has no folders to make: a prefix exists once an object is below it.
    if is_object(dir) {
        return Ok(dir.to_owned());
    }
    fs::create_dir_all(dir).map_err(err)?;
    let canonical = crate::engine::platform::canonicalize(dir).map_err(err)?;
    if !canonical.is_dir() {
        return Err(err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            "not a folder",
        )));
    }
    Ok(canonical)
}

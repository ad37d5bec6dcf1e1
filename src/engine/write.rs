//! Writing an output so that it is either complete or absent: a temporary file in the destination folder,
//! renamed into place.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::error::ImageError;

/// Every temporary file starts with this, so a later run (and discovery) can recognise leftovers of a run that
/// was killed.
pub const TEMP_PREFIX: &str = ".shrinkray-tmp-";

/// Writes `bytes` to `path` through a temporary file in the same folder. With `replace` false an existing file
/// is never replaced, even one that appeared after planning.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], replace: bool) -> Result<(), ImageError> {
    let write_err = |source: io::Error| ImageError::Write {
        source,
        path: path.to_owned(),
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(write_err)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        // tempfile makes its files private (0600); a resized copy should get the usual permissions, with the
        // umask applied by the OS as for any new file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // Dropping `tmp` on any error below deletes the temporary file.
    let mut tmp = builder.tempfile_in(dir).map_err(write_err)?;
    tmp.write_all(bytes).map_err(write_err)?;
    let persisted = if replace {
        tmp.persist(path).map(drop)
    } else {
        tmp.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            ImageError::OutputAppeared { path: path.to_owned() }
        } else {
            write_err(e.error)
        }
    })
}

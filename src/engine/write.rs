//! Writing an output so that it is either complete or absent: a temporary file in the destination folder,
//! renamed into place.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

use super::error::ImageError;

/// Every temporary file starts with this, then the writing process's id and a dash, so a later run (and
/// discovery) can recognise leftovers of a run that was killed, and tell them from those of a run still going.
pub const TEMP_PREFIX: &str = ".shrinkray-tmp-";

/// Writes `bytes` to `path` through a temporary file in the same folder. With `replace` false an existing file
/// is never replaced, even one that appeared after planning. `modified`, when given, becomes the file's
/// modification time before it takes its name, so the finished file never shows another.
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    modified: Option<SystemTime>,
) -> Result<(), ImageError> {
    let write_err = |source: io::Error| ImageError::Write {
        source,
        path: path.to_owned(),
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(write_err)?;
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix);
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
    if let Some(time) = modified {
        tmp.as_file().set_modified(time).map_err(write_err)?;
    }
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

/// Removes the temporary files that killed runs left in `dir` (those whose process is gone); returns how many.
/// Files of a run still going, in this process or another, are left alone.
pub(crate) fn sweep_leftovers(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let stale = pid != std::process::id() && !process_is_alive(pid);
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn process_is_alive(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    // Elsewhere there is no cheap portable check without unsafe code: leftovers are kept (they are hidden
    // dot-files, and discovery never takes them for images).
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        true
    }
}

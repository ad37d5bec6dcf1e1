//! The system's own Trash on Windows (the Recycle Bin) and macOS (the Finder's Trash), through the `trash`
//! crate (MIT). These move a file into the Trash; the swap gives the copy the name right after.

use std::io;
use std::path::Path;

/// Nothing to reserve: the system chooses the place (`None`).
pub(super) fn reserve(_original: &Path) -> Result<Option<(std::path::PathBuf, std::path::PathBuf)>, String> {
    Ok(None)
}

/// Moves `original` into the system's Trash.
pub(super) fn give(original: &Path) -> io::Result<()> {
    trash::delete(original).map_err(|e| io::Error::other(format!("the Trash did not take it: {e}")))
}

/// Puts the item the Trash holds for `path` (the most recent one of that name from that folder) back.
#[cfg(windows)]
pub(super) fn take_back(path: &Path) -> io::Result<()> {
    let items = trash::os_limited::list().map_err(|e| io::Error::other(format!("cannot list the Trash: {e}")))?;
    let newest = items
        .into_iter()
        .filter(|item| item.original_path() == path)
        .max_by_key(|item| item.time_deleted)
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "the Trash no longer holds it"))?;
    trash::os_limited::restore_all([newest]).map_err(|e| io::Error::other(format!("cannot put it back: {e}")))
}

/// The macOS Trash cannot be read back by the `trash` crate: the Finder's "Put Back" does it.
#[cfg(not(windows))]
pub(super) fn take_back(_path: &Path) -> io::Result<()> {
    Err(io::Error::other(
        "the macOS Trash cannot be read back from here: use Put Back in the Finder",
    ))
}

//! Opening Shrinkray's own bookkeeping files (manifest, journals, lock) and folders so that a planted FIFO,
//! device or symbolic link can neither hang a run nor redirect its writes.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

use crate::engine::platform::open_no_follow;

/// Opens `path` as `options` say, refusing anything but a regular file: a symbolic link in its last part is not
/// followed, and a FIFO or device does not block the open (it is refused right after).
pub(crate) fn open_regular(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    let file = open_no_follow(path, options)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
    }
    Ok(file)
}

/// Makes sure `dir` is a real folder (made when missing, never a symbolic link or a file), so Shrinkray's own
/// files inside it stay inside the folder that holds it.
pub(crate) fn real_dir(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(m) if m.file_type().is_symlink() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is a symbolic link, not a folder",
        )),
        Ok(_) => Err(io::Error::new(io::ErrorKind::NotADirectory, "it is not a folder")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir(dir),
        Err(e) => Err(e),
    }
}

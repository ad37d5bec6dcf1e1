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
    if crate::engine::storage::is_object(dir) {
        return Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "an object store has no folders",
        ));
    }
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

/// Opens Shrinkray's own lock file at `path` (the one-window lock), creating it when missing and never
/// truncating it: a link or special file planted there is refused, not written through.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    open_regular(path, OpenOptions::new().create(true).truncate(false).write(true))
}

/// Removes the socket a Shrinkray that is gone left at `path`. Anything else there (a regular file, a link, a
/// folder) stays, and is an error.
#[cfg(unix)]
pub fn remove_stale_socket(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt;
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.file_type().is_socket() => fs::remove_file(path),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "something other than Shrinkray's socket is there",
        )),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_a_socket_is_removed_and_a_lock_is_never_opened_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("photo.jpg");
        fs::write(&photo, b"the user's photo").unwrap();
        assert!(remove_stale_socket(&photo).is_err());
        assert!(photo.is_file());
        let socket = dir.path().join("s.sock");
        drop(std::os::unix::net::UnixListener::bind(&socket).unwrap());
        remove_stale_socket(&socket).unwrap();
        assert!(!socket.exists());

        let link = dir.path().join("shrinkray.lock");
        std::os::unix::fs::symlink(&photo, &link).unwrap();
        assert!(open_lock_file(&link).is_err());
        assert_eq!(fs::read(&photo).unwrap(), b"the user's photo");
        assert!(open_lock_file(&dir.path().join("new.lock")).is_ok());
    }
}

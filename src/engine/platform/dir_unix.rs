//! A folder held open by its handle, so that every file made, renamed or removed in it stays in that very
//! folder: no path is looked up again between a check and its use, and no symbolic link is followed on the way
//! down from the output folder.

use std::ffi::OsStr;
use std::fs::File;
use std::io;
use std::os::fd::OwnedFd;
use std::path::Path;

use rustix::fs::{AtFlags, CWD, Mode, OFlags, mkdirat, openat, statat, unlinkat};

use super::file_id::FileId;

/// An open folder.
pub(crate) struct Dir(OwnedFd);

/// Folders on the way may not be links: `O_NOFOLLOW` on a link gives `ELOOP` (or `ENOTDIR` with
/// `O_DIRECTORY` on some systems), told apart here from other errors.
fn is_link_error(e: &rustix::io::Errno) -> bool {
    *e == rustix::io::Errno::LOOP || *e == rustix::io::Errno::NOTDIR
}

impl Dir {
    /// Opens `root` (an existing folder, canonical), then each of `parts` below it in turn, making those that
    /// are missing; `Err` of kind `InvalidInput` when one of them is a symbolic link (or not a folder).
    pub fn open_below(root: &Path, parts: &[&OsStr]) -> io::Result<Self> {
        let flags = OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::RDONLY;
        let mut fd = openat(CWD, root, flags, Mode::empty())?;
        for part in parts {
            // Made only when missing: a folder that exists (the usual case) costs one call, not two.
            let opened = match openat(&fd, *part, flags, Mode::empty()) {
                Err(rustix::io::Errno::NOENT) => match mkdirat(&fd, *part, Mode::from_raw_mode(0o777)) {
                    Ok(()) | Err(rustix::io::Errno::EXIST) => openat(&fd, *part, flags, Mode::empty()),
                    Err(e) => Err(e),
                },
                other => other,
            };
            fd = opened.map_err(|e| {
                if is_link_error(&e) {
                    io::Error::new(io::ErrorKind::InvalidInput, "a folder on the way is a link")
                } else {
                    e.into()
                }
            })?;
        }
        Ok(Self(fd))
    }

    /// Creates the new file `name` here for writing (0666 less the umask); fails if anything has that name.
    pub fn create_new(&self, name: &OsStr) -> io::Result<File> {
        let flags = OFlags::CREATE | OFlags::EXCL | OFlags::WRONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        Ok(File::from(openat(&self.0, name, flags, Mode::from_raw_mode(0o666))?))
    }

    /// What `name` here is, without following a link: its identity and whether it is a regular file; `None`
    /// when nothing has that name.
    pub fn examine(&self, name: &OsStr) -> io::Result<Option<(FileId, bool)>> {
        match statat(&self.0, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => {
                let regular = rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::RegularFile;
                // `dev_t` and `ino_t` are 64-bit here but not on every Unix (macOS's `dev_t` is 32-bit).
                #[allow(clippy::unnecessary_cast)]
                let (dev, ino) = (st.st_dev as u64, st.st_ino as u64);
                Ok(Some((FileId::from_parts(dev, ino), regular)))
            }
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Gives the file `from` the name `to`, both here; with `replace` false, never over an existing file
    /// (`AlreadyExists`).
    pub fn rename(&self, from: &OsStr, to: &OsStr, replace: bool) -> io::Result<()> {
        if replace {
            return Ok(rustix::fs::renameat(&self.0, from, &self.0, to)?);
        }
        #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
        {
            Ok(rustix::fs::renameat_with(
                &self.0,
                from,
                &self.0,
                to,
                rustix::fs::RenameFlags::NOREPLACE,
            )?)
        }
        #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
        {
            // A hard link fails on an existing name, as a rename without replacing should.
            rustix::fs::linkat(&self.0, from, &self.0, to, AtFlags::empty())?;
            Ok(unlinkat(&self.0, from, AtFlags::empty())?)
        }
    }

    /// Opens the regular file `name` here for reading, without following a link or blocking on a FIFO.
    pub fn open_read(&self, name: &OsStr) -> io::Result<File> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let file = File::from(openat(&self.0, name, flags, Mode::empty())?);
        if !file.metadata()?.is_file() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
        }
        Ok(file)
    }

    /// Gives the file `name` here a second name, `target` (a path in another folder on the same file system);
    /// fails if anything has that name. A link `name` is linked itself, never followed.
    pub fn link_to(&self, name: &OsStr, target: &Path) -> io::Result<()> {
        Ok(rustix::fs::linkat(&self.0, name, CWD, target, AtFlags::empty())?)
    }

    /// Removes the file `name` here.
    pub fn remove(&self, name: &OsStr) -> io::Result<()> {
        Ok(unlinkat(&self.0, name, AtFlags::empty())?)
    }
}

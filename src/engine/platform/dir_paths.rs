//! A folder by its path, for platforms without directory handles in the standard library (Windows): each step
//! checks that no folder on the way is a link, then uses the path.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::file_id::FileId;

/// A folder.
pub(crate) struct Dir(PathBuf);

impl Dir {
    /// `root` (an existing folder), then each of `parts` below it, made when missing; `Err` of kind
    /// `InvalidInput` when one of them is a link (or not a folder).
    pub fn open_below(root: &Path, parts: &[&OsStr]) -> io::Result<Self> {
        let mut dir = root.to_owned();
        for part in parts {
            dir.push(part);
            let mut found = fs::symlink_metadata(&dir);
            if found.as_ref().is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
                // Another worker may make it between the look and the make: either way, look again.
                if let Err(e) = fs::create_dir(&dir)
                    && e.kind() != io::ErrorKind::AlreadyExists
                {
                    return Err(e);
                }
                found = fs::symlink_metadata(&dir);
            }
            if !found?.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "a folder on the way is a link",
                ));
            }
        }
        Ok(Self(dir))
    }

    /// Creates the new file `name` here for writing; fails if anything has that name.
    pub fn create_new(&self, name: &OsStr) -> io::Result<File> {
        File::options().write(true).create_new(true).open(self.0.join(name))
    }

    /// What `name` here is, without following a link: its identity and whether it is a regular file.
    pub fn examine(&self, name: &OsStr) -> io::Result<Option<(FileId, bool)>> {
        let path = self.0.join(name);
        match fs::symlink_metadata(&path) {
            Ok(m) => Ok(Some((FileId::of(&path, &m), m.is_file()))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Gives the file `from` the name `to`; with `replace` false, never over an existing file.
    pub fn rename(&self, from: &OsStr, to: &OsStr, replace: bool) -> io::Result<()> {
        let (from, to) = (self.0.join(from), self.0.join(to));
        if replace {
            return fs::rename(from, to);
        }
        // A hard link fails on an existing name, as a rename without replacing should.
        fs::hard_link(&from, &to)?;
        fs::remove_file(from)
    }

    /// Opens the regular file `name` here for reading (a link is refused).
    pub fn open_read(&self, name: &OsStr) -> io::Result<File> {
        let path = self.0.join(name);
        if !fs::symlink_metadata(&path)?.is_file() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
        }
        File::open(path)
    }

    /// Gives the file `name` here a second name, `target` (on the same volume); fails if anything has that
    /// name.
    pub fn link_to(&self, name: &OsStr, target: &Path) -> io::Result<()> {
        fs::hard_link(self.0.join(name), target)
    }

    /// Removes the file `name` here.
    pub fn remove(&self, name: &OsStr) -> io::Result<()> {
        fs::remove_file(self.0.join(name))
    }
}

//! Files a run writes beside its copies, wherever the user points them (reports, failed lists, a saved
//! report): never onto an input or anything but a regular file, and whole or not at all.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::rules::{Found, Protected, examine};
use super::temp::{sweep_leftovers, temp_builder};

/// A file being written to a temporary name in its folder; it takes its name only at `commit`.
pub struct SideFile {
    tmp: tempfile::TempPath,
    path: PathBuf,
    protected: Protected,
}

/// Refuses `path` when it is one of the inputs or not a regular file.
fn check(path: &Path, protected: &Protected) -> io::Result<()> {
    match examine(path, protected) {
        Found::Input => Err(io::Error::other(
            "it is one of the inputs, which Shrinkray never replaces",
        )),
        Found::NotRegular => Err(io::Error::other("it is not a regular file")),
        Found::Nothing | Found::File(_) => Ok(()),
    }
}

impl SideFile {
    /// Starts writing `path` (its folder must exist). `kind` goes in the temporary name (`report-`). Fails at
    /// once for a path the run may not write, so the run stops before it starts.
    pub fn create(path: &Path, protected: &Protected, kind: &str) -> io::Result<(File, Self)> {
        check(path, protected)?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // Reports of killed runs left their temporary files here.
        sweep_leftovers(dir);
        let (file, tmp) = temp_builder(dir, kind)?.into_parts();
        Ok((
            file,
            Self {
                tmp,
                path: path.to_owned(),
                protected: protected.clone(),
            },
        ))
    }

    /// Where the file goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Gives the written file (flushed and synced by the caller) its name, checking the target again: an input
    /// or a special file put there meanwhile is left alone.
    pub fn commit(self) -> io::Result<PathBuf> {
        check(&self.path, &self.protected)?;
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(self.path)
    }
}

/// Copies the file `from` to `to` under the same rules (the app's "Save report…").
pub fn save_copy(from: &Path, to: &Path, protected: &Protected) -> io::Result<()> {
    let (mut file, side) = SideFile::create(to, protected, "save-")?;
    io::copy(&mut File::open(from)?, &mut file)?;
    file.sync_all()?;
    side.commit().map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::fs;
    use std::io::Write;

    use crate::engine::platform::FileId;

    #[test]
    fn an_input_or_a_link_to_one_is_never_written_and_a_plain_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("photo.json");
        fs::write(&input, b"jpeg bytes").unwrap();
        let meta = fs::metadata(&input).unwrap();
        let protected = Protected::new(HashSet::from([FileId::of(&input, &meta)]));
        let err = SideFile::create(&input, &protected, "report-").err().unwrap();
        assert!(err.to_string().contains("one of the inputs"), "{err}");
        let link = dir.path().join("link.csv");
        #[cfg(unix)]
        let made = std::os::unix::fs::symlink(&input, &link);
        #[cfg(windows)]
        let made = std::os::windows::fs::symlink_file(&input, &link);
        // Wine 8.0 answers with success and makes no link: nothing to try then.
        if made.is_ok() && fs::symlink_metadata(&link).is_ok() {
            assert!(SideFile::create(&link, &protected, "report-").is_err());
        }
        assert_eq!(fs::read(&input).unwrap(), b"jpeg bytes");

        let plain = dir.path().join("report.csv");
        fs::write(&plain, b"old").unwrap();
        let (mut file, side) = SideFile::create(&plain, &protected, "report-").unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(fs::read(&plain).unwrap(), b"old", "whole or not at all");
        side.commit().unwrap();
        assert_eq!(fs::read(&plain).unwrap(), b"new");
    }
}

//! Files Shrinkray makes for the desktop (file-manager menu entries): written whole, and replaced or removed
//! only when the file there carries Shrinkray's mark, so an entry the user wrote under the same name is never
//! touched.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

use super::files::open_regular;
use super::rules::Protected;
use super::side::SideFile;

/// Whether the regular file at `path` holds `mark` in its first kilobytes. A link or special file does not.
fn carries(path: &Path, mark: &str) -> io::Result<bool> {
    let mut head = Vec::new();
    open_regular(path, fs::OpenOptions::new().read(true))?
        .take(4096)
        .read_to_end(&mut head)?;
    Ok(String::from_utf8_lossy(&head).contains(mark))
}

/// Writes `text` to `path` (its folders made), whole or not at all: over nothing, or over a regular file that
/// carries `mark`. Anything else there (the user's own file, a link, a folder) is refused.
pub fn write_marked(path: &Path, text: &str, mark: &str, executable: bool) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() && !carries(path, mark)? {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file Shrinkray did not make is there",
        ));
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let (mut file, side) = SideFile::create(path, &Protected::default(), "menu-")?;
    file.write_all(text.as_bytes())?;
    #[cfg(unix)]
    if executable {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o755))?;
    }
    #[cfg(not(unix))]
    let _ = executable;
    file.sync_all()?;
    side.commit().map(drop)
}

/// Removes `path` when it is a regular file carrying `mark`; says whether it did. Nothing there is not an error.
pub fn remove_marked(path: &Path, mark: &str) -> io::Result<bool> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    if !carries(path, mark)? {
        return Ok(false);
    }
    fs::remove_file(path)?;
    Ok(true)
}

/// Removes the folder at `path` when it is a real folder (not a link) and empty; says whether it did.
pub fn remove_empty_folder(path: &Path) -> io::Result<bool> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => match fs::remove_dir(path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::DirectoryNotEmpty => Ok(false),
            Err(e) => Err(e),
        },
        Ok(_) => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_marked_regular_files_are_replaced_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("a/ours.desktop");
        write_marked(&ours, "# Made by X\nfirst", "Made by X", false).unwrap();
        write_marked(&ours, "# Made by X\nsecond", "Made by X", false).unwrap();
        assert_eq!(fs::read_to_string(&ours).unwrap(), "# Made by X\nsecond");

        let theirs = dir.path().join("theirs.desktop");
        fs::write(&theirs, "the user's own").unwrap();
        assert!(write_marked(&theirs, "# Made by X", "Made by X", false).is_err());
        assert!(!remove_marked(&theirs, "Made by X").unwrap());
        assert_eq!(fs::read_to_string(&theirs).unwrap(), "the user's own");

        #[cfg(unix)]
        {
            let link = dir.path().join("link.desktop");
            std::os::unix::fs::symlink(&ours, &link).unwrap();
            assert!(remove_marked(&link, "Made by X").is_err(), "a link is not followed");
            assert!(ours.is_file());
        }
        assert!(remove_marked(&ours, "Made by X").unwrap());
        assert!(!ours.exists());
    }
}

//! Where an in-place run keeps the originals it replaces: the system's Trash, or a folder the user names. An
//! original is kept *before* its copy takes its place, so at every moment it is in its place or kept.
//!
//! On Linux and the BSDs the Trash is the freedesktop one (`trash_xdg`), written here rather than through the
//! `trash` crate: the crate moves a file into the Trash, which would leave its name empty until the copy is
//! renamed there, while the guard gives the original a second name inside the Trash (a hard link, or a copy
//! where the file system has none) and only then replaces it. Windows' Recycle Bin and the macOS Trash are
//! reached through the `trash` crate (`trash_system`), which moves: a kill between the two steps leaves the
//! copy under its temporary name, and the next run finishes the swap from its journal.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::temp::temp_name;
use crate::engine::platform::{Dir, FileId};

#[cfg(any(windows, target_os = "macos"))]
use super::trash_system as trash;
#[cfg(all(unix, not(target_os = "macos")))]
use super::trash_xdg as trash;

/// Where the originals of an in-place run go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The system's Trash (freedesktop Trash on Linux, the Recycle Bin on Windows, the Finder's Trash on
    /// macOS), from which the user, or `--undo`, can put them back. The default.
    Trash,
    /// This folder, each original at its place below its input folder (`DIR/Photos/2024/a.jpg`), numbered
    /// when an earlier run's original is there already.
    Backup(PathBuf),
}

impl std::fmt::Display for Keep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Trash => f.write_str("the Trash"),
            Self::Backup(dir) => write!(f, "{}", dir.display()),
        }
    }
}

/// Where one original was kept, as the journal records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptAt {
    /// In a freedesktop Trash: its file in `files/` and its `.trashinfo` in `info/`.
    Trash {
        /// The original's place in the Trash.
        file: PathBuf,
        /// What tells the file manager where it came from.
        info: PathBuf,
    },
    /// In the backup folder.
    Backup {
        /// The original's place there.
        file: PathBuf,
    },
    /// Given to the system's Trash, which chose its place (Windows, macOS).
    System,
}

impl KeptAt {
    /// Chooses (and on Linux reserves, with its `.trashinfo`) the place `original` will be kept: `relative`
    /// is its place below its input folder, for a backup folder. `Err` says why it cannot be kept (another
    /// drive without a Trash, a read-only one).
    pub(crate) fn reserve(keep: &Keep, original: &Path, relative: &Path) -> Result<KeptAt, String> {
        match keep {
            Keep::Trash => in_trash(trash::reserve(original)?),
            Keep::Backup(dir) => reserve_backup(dir, relative),
        }
    }

    /// A place for the copy an undo takes out of `current`'s place, of the same kind as this one: the Trash,
    /// or beside this original in the backup folder (`a (shrunk).jpg`).
    pub(crate) fn reserve_for_undo(&self, current: &Path) -> Result<KeptAt, String> {
        match self {
            Self::Trash { .. } => in_trash(trash::reserve(current)?),
            Self::Backup { file } => {
                let folder = file.parent().unwrap_or(Path::new("."));
                let stem = current.file_stem().unwrap_or_default().to_string_lossy();
                let ext = current
                    .extension()
                    .map(|e| format!(".{}", e.to_string_lossy()))
                    .unwrap_or_default();
                reserve_backup(folder, Path::new(&format!("{stem} (shrunk){ext}")))
            }
            Self::System => Ok(Self::System),
        }
    }

    /// Keeps the file `name` in `dir` (the original, whose identity is `id`) at this place, leaving it where it
    /// is too (on Linux and in a backup folder; the system's Trash moves it).
    pub(crate) fn keep(&self, dir: &Dir, name: &OsStr, original: &Path) -> io::Result<()> {
        match self {
            Self::Trash { file, .. } | Self::Backup { file } => second_name(dir, name, file),
            Self::System => trash::give(original),
        }
    }

    /// Whether this place holds the original (`id`, `bytes` long); for the system's Trash, whether it has
    /// left its place (`in_place` false), the one sign there is.
    pub(crate) fn holds(&self, id: FileId, bytes: u64, in_place: bool) -> bool {
        match self {
            Self::Trash { file, .. } | Self::Backup { file } => match fs::symlink_metadata(file) {
                // A copy (no hard links there) is only ever given its name once whole.
                Ok(m) => m.is_file() && (FileId::of(file, &m) == id || m.len() == bytes),
                Err(_) => false,
            },
            Self::System => !in_place,
        }
    }

    /// Takes back a place that holds a second name of an original still in its place (a swap rolled back);
    /// never called while the original is not in its place.
    pub(crate) fn release(&self) {
        match self {
            Self::Trash { file, info } => {
                let _ = fs::remove_file(file);
                let _ = fs::remove_file(info);
            }
            Self::Backup { file } => {
                let _ = fs::remove_file(file);
            }
            Self::System => {}
        }
    }

    /// Puts the original back as `name` in `dir` (`path`), replacing what is there when `replace` (the copy,
    /// kept first by the caller) or never over anything otherwise.
    pub(crate) fn restore(&self, dir: &Dir, name: &OsStr, path: &Path, replace: bool) -> io::Result<()> {
        match self {
            Self::Trash { file, info } => {
                bring_back(file, dir, name, path, replace)?;
                // The entry's file is gone: its description would show an empty item in the Trash.
                let _ = fs::remove_file(info);
                Ok(())
            }
            Self::Backup { file } => bring_back(file, dir, name, path, replace),
            Self::System => trash::take_back(path),
        }
    }
}

/// A place the Trash reserved (its file and description), or the system's Trash.
fn in_trash(reserved: Option<(PathBuf, PathBuf)>) -> Result<KeptAt, String> {
    Ok(match reserved {
        Some((file, info)) => KeptAt::Trash { file, info },
        None => KeptAt::System,
    })
}

/// A free place for an original in the backup folder: `relative` below it, numbered ` (2)`, ` (3)` … when
/// taken. Its folders are made.
fn reserve_backup(dir: &Path, relative: &Path) -> Result<KeptAt, String> {
    let file = relative
        .to_str()
        .is_some_and(super::rules::plain_relative)
        .then(|| dir.join(relative))
        .ok_or_else(|| {
            format!(
                "its place in the backup folder leads outside it: {}",
                relative.display()
            )
        })?;
    let folder = file.parent().unwrap_or(dir);
    fs::create_dir_all(folder).map_err(|e| format!("cannot make the backup folder: {e}: {}", folder.display()))?;
    let stem = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let ext = file
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    for n in 1..10_000 {
        let candidate = if n == 1 {
            file.clone()
        } else {
            folder.join(format!("{stem} ({n}){ext}"))
        };
        if fs::symlink_metadata(&candidate).is_err() {
            return Ok(KeptAt::Backup { file: candidate });
        }
    }
    Err(format!(
        "no free name for it in the backup folder: {}",
        folder.display()
    ))
}

/// Gives `name` in `dir` the second name `target`: a hard link, or where the file system has none (FAT, or
/// another drive for a backup folder), a copy written whole under a temporary name first. Never over a file.
fn second_name(dir: &Dir, name: &OsStr, target: &Path) -> io::Result<()> {
    match dir.link_to(name, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut from = dir.open_read(name)?;
            copy_whole(&mut from, target)
        }
    }
}

/// Copies `from` to `target` through a temporary file beside it, synced, never over a file.
fn copy_whole(from: &mut fs::File, target: &Path) -> io::Result<()> {
    let (Some(folder), Some(target_name)) = (target.parent(), target.file_name()) else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no folder"));
    };
    copy_into(from, &Dir::open_below(folder, &[])?, target_name, false)
}

/// Copies `from` into `dir` as `name` (with its modification time) through a temporary file there, synced,
/// then renamed into place (over a file only when `replace`); the temporary file never stays.
fn copy_into(from: &mut fs::File, dir: &Dir, name: &OsStr, replace: bool) -> io::Result<()> {
    let tmp = std::ffi::OsString::from(temp_name("keep-"));
    let result = (|| {
        let mut out = dir.create_new(&tmp)?;
        let mut buf = Vec::new();
        from.read_to_end(&mut buf)?;
        out.write_all(&buf)?;
        if let Ok(modified) = from.metadata().and_then(|m| m.modified()) {
            out.set_modified(modified)?;
        }
        out.sync_all()?;
        dir.rename(&tmp, name, replace)
    })();
    if result.is_err() {
        let _ = dir.remove(&tmp);
    }
    result
}

/// Moves a kept original (`file`) back to `name` in `dir`: a rename on the same file system, else a copy.
fn bring_back(file: &Path, dir: &Dir, name: &OsStr, path: &Path, replace: bool) -> io::Result<()> {
    if replace {
        match fs::rename(file, path) {
            Err(e) if e.kind() == io::ErrorKind::CrossesDevices => {}
            other => return other,
        }
    } else {
        match fs::hard_link(file, path) {
            Ok(()) => return fs::remove_file(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
            Err(_) => {}
        }
    }
    // Another drive: a copy, renamed into place; the kept file stays where it is.
    copy_into(&mut fs::File::open(file)?, dir, name, replace)
}

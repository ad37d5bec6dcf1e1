//! The freedesktop Trash (Linux, the BSDs): `$XDG_DATA_HOME/Trash` for files on the home folder's drive,
//! `$topdir/.Trash/$uid` (a shared, sticky `.Trash`) or `$topdir/.Trash-$uid` on other drives. An entry is
//! reserved by creating its `.trashinfo` exclusively, as the specification asks, before its file arrives.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Reserves a place in the Trash of `original`'s drive: its `.trashinfo` is written, its file not yet.
/// Returns the place of the file in `files/` and of its description in `info/`.
pub(super) fn reserve(original: &Path) -> Result<Option<(PathBuf, PathBuf)>, String> {
    let meta = fs::symlink_metadata(original).map_err(|e| format!("cannot read it: {e}"))?;
    let trash = trash_for(original, meta.dev())?;
    let files = trash.join("files");
    let info = trash.join("info");
    for folder in [&files, &info] {
        private_dir(folder).map_err(|e| format!("the Trash cannot take it: {e}: {}", folder.display()))?;
    }
    let name = original.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_owned(), format!(".{ext}")),
        _ => (name.clone(), String::new()),
    };
    let text = format!(
        "[Trash Info]\nPath={}\nDeletionDate={}\n",
        escape(original),
        local_time_now()
    );
    for n in 1..10_000 {
        let entry = if n == 1 {
            name.clone()
        } else {
            format!("{stem}.{n}{ext}")
        };
        let file = files.join(&entry);
        let info_file = info.join(format!("{entry}.trashinfo"));
        if fs::symlink_metadata(&file).is_ok() {
            continue;
        }
        let created = OpenOptions::new()
            .write(true)
            .create_new(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&info_file);
        match created {
            Ok(mut f) => {
                let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
                if let Err(e) = written {
                    let _ = fs::remove_file(&info_file);
                    return Err(format!("the Trash cannot take it: {e}: {}", info_file.display()));
                }
                return Ok(Some((file, info_file)));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("the Trash cannot take it: {e}: {}", info_file.display())),
        }
    }
    Err(format!("the Trash has no free name for it: {}", files.display()))
}

/// The system's Trash is this one here: nothing is given to it otherwise.
pub(super) fn give(_original: &Path) -> io::Result<()> {
    Err(io::Error::other("the system's Trash is not used here"))
}

/// See `give`.
pub(super) fn take_back(_path: &Path) -> io::Result<()> {
    Err(io::Error::other("the system's Trash is not used here"))
}

/// The Trash folder for a file on device `dev`.
fn trash_for(original: &Path, dev: u64) -> Result<PathBuf, String> {
    let var = |name| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    let data_home = var("XDG_DATA_HOME").or_else(|| std::env::home_dir().map(|h| h.join(".local").join("share")));
    if let Some(home) = data_home
        && fs::create_dir_all(&home).is_ok()
        && fs::metadata(&home).is_ok_and(|m| m.dev() == dev)
    {
        let trash = home.join("Trash");
        private_dir(&trash).map_err(|e| format!("the Trash cannot take it: {e}: {}", trash.display()))?;
        return Ok(trash);
    }
    let top = top_dir(original, dev);
    let uid = user_id();
    let shared = top.join(".Trash");
    if let Ok(m) = fs::symlink_metadata(&shared)
        && m.is_dir()
        && m.mode() & 0o1000 != 0
    {
        let mine = shared.join(uid.to_string());
        if private_dir(&mine).is_ok() {
            return Ok(mine);
        }
    }
    let own = top.join(format!(".Trash-{uid}"));
    match private_dir(&own) {
        Ok(()) if fs::symlink_metadata(&own).is_ok_and(|m| m.uid() == uid) => Ok(own),
        Ok(()) => Err(format!("the Trash on its drive is not this user's: {}", own.display())),
        Err(e) => Err(format!(
            "the Trash cannot take it (its drive has no Trash this user may write): {e}: {}",
            own.display()
        )),
    }
}

/// This user's id.
fn user_id() -> u32 {
    // SAFETY: `getuid` takes nothing, cannot fail and touches no memory of ours.
    unsafe { libc::getuid() }
}

/// The top folder of the mount `original` is on: the highest of its folders still on device `dev`.
fn top_dir(original: &Path, dev: u64) -> PathBuf {
    let start = crate::engine::platform::canonicalize(original).unwrap_or_else(|_| original.to_owned());
    let mut top = start.parent().unwrap_or(Path::new("/")).to_owned();
    while let Some(up) = top.parent() {
        if fs::metadata(up).is_ok_and(|m| m.dev() == dev) {
            top = up.to_owned();
        } else {
            break;
        }
    }
    top
}

/// Makes `dir` (0700) when missing; a link or a file there is refused.
fn private_dir(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(io::Error::new(io::ErrorKind::InvalidInput, "it is not a folder")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            match fs::DirBuilder::new().recursive(false).mode(0o700).create(dir) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
                other => other,
            }
        }
        Err(e) => Err(e),
    }
}

/// The path as the specification writes it: URL-escaped bytes, `/` kept.
fn escape(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The local time as `YYYY-MM-DDThh:mm:ss`, as `DeletionDate` wants it.
fn local_time_now() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let t = libc::time_t::try_from(now).unwrap_or(0);
    let mut tm = std::mem::MaybeUninit::<libc::tm>::zeroed();
    // SAFETY: `t` is a valid time and `tm` a properly sized buffer that `localtime_r` fills when it returns
    // non-null, the only case in which it is read.
    let tm = unsafe {
        if libc::localtime_r(&t, tm.as_mut_ptr()).is_null() {
            return "1970-01-01T00:00:00".to_owned();
        }
        tm.assume_init()
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_are_escaped_as_urls() {
        assert_eq!(
            super::escape(std::path::Path::new("/home/a b/ü%.jpg")),
            "/home/a%20b/%C3%BC%25.jpg"
        );
    }
}

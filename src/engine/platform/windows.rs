//! Windows (and any platform without Unix calls): the same answers from what the standard library offers.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// The host name; Windows has no boot id or PID namespace the standard library can read (empty).
pub(crate) fn host_parts() -> [String; 3] {
    [
        std::env::var("COMPUTERNAME").unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}

/// Without a cheap check, every process is taken to be alive: a leftover is kept until it is a day old.
pub(crate) fn process_is_alive(_pid: u32) -> bool {
    true
}

/// Opens `path`; Windows has no FIFOs to block on, and the caller refuses anything but a regular file.
pub(crate) fn open_no_follow(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::other("a symbolic link"));
    }
    options.open(path)
}

/// The volume is named by the path's prefix (`C:`); `None` for paths without one.
pub(crate) fn file_system_id(path: &Path) -> Option<String> {
    match path.components().next()? {
        std::path::Component::Prefix(prefix) => Some(prefix.as_os_str().to_string_lossy().to_lowercase()),
        _ => None,
    }
}

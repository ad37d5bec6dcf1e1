//! Linux, macOS and the other Unixes.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// What tells this machine and this PID namespace from every other that may share a folder: the host name,
/// the boot id (a host rebooted reuses PIDs) and the PID namespace (containers on one host reuse them too).
/// Parts that cannot be read are empty.
pub(crate) fn host_parts() -> [String; 3] {
    let read = |path: &str| {
        std::fs::read_to_string(path)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut host = read("/proc/sys/kernel/hostname");
    if host.is_empty() {
        host = std::env::var("HOSTNAME").unwrap_or_default();
    }
    let boot = read("/proc/sys/kernel/random/boot_id");
    let namespace = std::fs::read_link("/proc/self/ns/pid")
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    [host, boot, namespace]
}

/// Whether process `pid` of this host and namespace is alive. Where that cannot be told (no `/proc`), it is
/// taken to be alive: a leftover is then kept until it is a day old.
pub(crate) fn process_is_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// Opens `path` without following a symbolic link in its last part and without blocking on a FIFO or a
/// device; the caller checks with the handle's metadata that it is a regular file.
pub(crate) fn open_no_follow(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path)
}

/// The id of the file system `path` is on (`statvfs`'s `f_fsid`), as hex; `None` when it cannot be read.
pub(crate) fn file_system_id(path: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c_path` is a NUL-terminated string and `stat` is a properly sized buffer that `statvfs` fills
    // whole when it returns 0, the only case in which it is read.
    let stat = unsafe {
        if libc::statvfs(c_path.as_ptr(), stat.as_mut_ptr()) != 0 {
            return None;
        }
        stat.assume_init()
    };
    #[allow(clippy::unnecessary_cast)]
    Some(format!("{:x}", stat.f_fsid as u64))
}

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

/// How many names (hard links) the file at `path` has, the last part not followed; `None` when it cannot be
/// read.
pub(crate) fn link_count(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).ok().map(|m| m.nlink())
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

/// The absolute path of `path` with every link resolved.
pub(crate) fn canonicalize(path: &Path) -> io::Result<std::path::PathBuf> {
    std::fs::canonicalize(path)
}

/// Puts the calling thread in the idle scheduling class (Linux's `SCHED_IDLE`: it runs only when nothing else
/// wants the core); best effort, as a failure only costs smoothness. Other Unixes keep the normal class.
pub(crate) fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: `param` is a valid sched_param for the call's duration; on Linux, pid 0 means the calling
    // thread alone (scheduling policy is per thread there). SCHED_IDLE needs no privilege.
    unsafe {
        let param = libc::sched_param { sched_priority: 0 };
        libc::sched_setscheduler(0, libc::SCHED_IDLE, &param);
    }
}

/// The memory this process may use: the machine's, or its control group's limit when lower (Linux); `None`
/// where it is not read.
pub(crate) fn usable_memory() -> Option<u64> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let total_kib: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    let total = total_kib * 1024;
    // cgroup v2 says "max" when there is no limit.
    let limit = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    Some(limit.map_or(total, |l| l.min(total)))
}

/// Lets glibc's allocator reuse the big per-image buffers (a 12 MP photo's planes and libjpeg-turbo's
/// coefficient buffer, tens of MB each) instead of mapping fresh pages for every image and faulting them in:
/// above its mmap threshold (at most 32 MB by itself) each such buffer is a new mapping, about a second of
/// system time per 120 photos. Both limits are raised together (one alone is slower: the heap then trims
/// what the next image needs again). Memory stays bounded by the job's images in flight; `release_free_memory`
/// gives it back when a job ends. Once per process; elsewhere the allocator needs no such help.
pub(crate) fn keep_image_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only sets the allocator's parameters; it takes no pointers.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 64 << 20);
            libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
        });
    }
}

/// Gives the memory the allocator holds free back to the system. glibc keeps what every thread freed in that
/// thread's arena, so a long-running watch, whose passes free everything they allocate, would sit at its
/// high-water mark; elsewhere (musl, macOS) the allocator returns memory by itself and this does nothing.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

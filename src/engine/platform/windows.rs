//! Windows: file ids, "is this process alive", worker priority and memory size through the Win32 API.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::windows::fs::OpenOptionsExt;
use std::os::windows::io::AsRawHandle;
use std::path::Path;

use windows_sys::Win32::Foundation::{
    CloseHandle, ERROR_INVALID_PARAMETER, ERROR_MORE_DATA, GetLastError, STILL_ACTIVE,
};
use windows_sys::Win32::Storage::FileSystem::{
    BY_HANDLE_FILE_INFORMATION, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OPEN_REPARSE_POINT, FILE_SHARE_DELETE,
    FILE_SHARE_READ, FILE_SHARE_WRITE, GetFileInformationByHandle, GetFinalPathNameByHandleW,
};
use windows_sys::Win32::System::SystemInformation::{GlobalMemoryStatusEx, MEMORYSTATUSEX};
use windows_sys::Win32::System::Threading::{
    GetCurrentThread, GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION, SetThreadPriority,
    THREAD_MODE_BACKGROUND_BEGIN, THREAD_PRIORITY_IDLE,
};

/// The host name; Windows has no boot id or PID namespace to add (empty), and a rebooted host's leftovers are
/// told apart by their writer being gone.
pub(crate) fn host_parts() -> [String; 3] {
    [
        std::env::var("COMPUTERNAME").unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}

/// Whether process `pid` is running; taken to be alive when that cannot be told (a leftover is then kept until
/// it is a day old).
pub(crate) fn process_is_alive(pid: u32) -> bool {
    // SAFETY: plain Win32 calls on a handle this function opens and closes; `code` outlives the call that
    // fills it.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // No such process is "invalid parameter"; anything else (access denied) means it exists.
            return GetLastError() != ERROR_INVALID_PARAMETER;
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(handle, &mut code);
        CloseHandle(handle);
        ok == 0 || code == STILL_ACTIVE as u32
    }
}

/// Opens `path` without following a symbolic link or junction in its last part (the link itself is opened and
/// refused); Windows has no FIFOs to block on, and the caller refuses anything but a regular file.
pub(crate) fn open_no_follow(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    let file = options.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT).open(path)?;
    if file.metadata()?.file_type().is_symlink() {
        return Err(io::Error::other("a symbolic link"));
    }
    Ok(file)
}

/// The volume is named by the path's prefix (`C:`, `\\server\share`); `None` for paths without one.
pub(crate) fn file_system_id(path: &Path) -> Option<String> {
    match path.components().next()? {
        std::path::Component::Prefix(prefix) => Some(prefix.as_os_str().to_string_lossy().to_lowercase()),
        _ => None,
    }
}

/// The volume serial number and file index of what `path` names, following a link in its last part when
/// `follow` (as `fs::metadata`) or not (as `fs::symlink_metadata`): the same file through any name, hard link
/// or letter case. `None` when it cannot be opened.
pub(crate) fn file_index(path: &Path, follow: bool) -> Option<(u64, u64)> {
    let info = file_information(path, follow)?;
    let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
    Some((u64::from(info.dwVolumeSerialNumber), index))
}

/// How many names (hard links) the file at `path` has, a link in its last part not followed; `None` when it
/// cannot be opened.
pub(crate) fn link_count(path: &Path) -> Option<u64> {
    file_information(path, false).map(|info| u64::from(info.nNumberOfLinks))
}

/// What `GetFileInformationByHandle` says of `path`.
fn file_information(path: &Path, follow: bool) -> Option<BY_HANDLE_FILE_INFORMATION> {
    let mut flags = FILE_FLAG_BACKUP_SEMANTICS;
    if !follow {
        flags |= FILE_FLAG_OPEN_REPARSE_POINT;
    }
    let file = OpenOptions::new()
        .access_mode(0)
        .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
        .custom_flags(flags)
        .open(path)
        .ok()?;
    let mut info = std::mem::MaybeUninit::<BY_HANDLE_FILE_INFORMATION>::uninit();
    // SAFETY: the handle is open for the call's duration and `info` is a properly sized buffer, read only
    // when the call says it filled it.
    let info = unsafe {
        if GetFileInformationByHandle(file.as_raw_handle(), info.as_mut_ptr()) == 0 {
            return None;
        }
        info.assume_init()
    };
    Some(info)
}

/// The absolute path of `path` with every link resolved (`\\?\C:\...`), as `fs::canonicalize`; paths
/// longer than about 500 characters are asked for with a buffer of the longest a path can be, as Wine answers
/// std's smaller first try with "more data available" instead of the length it needs.
pub(crate) fn canonicalize(path: &Path) -> io::Result<std::path::PathBuf> {
    use std::os::windows::ffi::OsStringExt;
    match std::fs::canonicalize(path) {
        Err(e) if e.raw_os_error() == Some(ERROR_MORE_DATA as i32) => {
            let file = OpenOptions::new()
                .access_mode(0)
                .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
                .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
                .open(path)?;
            let mut wide = vec![0u16; 32_768];
            // SAFETY: the handle is open for the call's duration and `wide` holds the length given.
            let n = unsafe { GetFinalPathNameByHandleW(file.as_raw_handle(), wide.as_mut_ptr(), wide.len() as u32, 0) };
            if n == 0 || n as usize >= wide.len() {
                // Wine 8.0 asks the file system with a buffer of 260 characters whatever it is given: the
                // absolute path then stands in (links in it stay, which the guard's file ids still see through).
                return std::path::absolute(path);
            }
            Ok(std::ffi::OsString::from_wide(&wide[..n as usize]).into())
        }
        other => other,
    }
}

/// Puts the calling thread at idle priority (it runs when nothing else wants the core, as Linux's
/// `SCHED_IDLE`) and in background mode (lower I/O and memory priority too); best effort, as a failure only
/// costs smoothness.
pub(crate) fn lower_thread_priority() {
    // SAFETY: GetCurrentThread returns a pseudo handle that needs no closing.
    unsafe {
        SetThreadPriority(GetCurrentThread(), THREAD_MODE_BACKGROUND_BEGIN);
        SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_IDLE);
    }
}

/// The machine's physical memory.
pub(crate) fn usable_memory() -> Option<u64> {
    let mut status = MEMORYSTATUSEX {
        dwLength: size_of::<MEMORYSTATUSEX>() as u32,
        // SAFETY: MEMORYSTATUSEX is plain integers, for which zero is valid.
        ..unsafe { std::mem::zeroed() }
    };
    // SAFETY: `status` is a MEMORYSTATUSEX with its length set, as the call requires.
    (unsafe { GlobalMemoryStatusEx(&mut status) } != 0).then_some(status.ullTotalPhys)
}

/// Keeps big image buffers for reuse: the Windows heap's large-block cache does so by itself, so nothing.
pub(crate) fn keep_image_buffers() {}

/// Gives free memory back to the system: the Windows heap decommits free segments by itself, so nothing.
pub(crate) fn release_free_memory() {}

#[cfg(test)]
mod tests {
    use super::*;
    use windows_sys::Win32::System::Threading::{GetThreadPriority, THREAD_PRIORITY_NORMAL};

    #[test]
    fn a_lowered_thread_runs_at_idle_priority_and_others_do_not() {
        // SAFETY: the pseudo handle of the calling thread.
        let priority = || unsafe { GetThreadPriority(GetCurrentThread()) };
        let lowered = std::thread::spawn(move || {
            lower_thread_priority();
            priority()
        });
        assert_eq!(lowered.join().unwrap(), THREAD_PRIORITY_IDLE);
        assert_eq!(std::thread::spawn(priority).join().unwrap(), THREAD_PRIORITY_NORMAL);
    }

    #[test]
    fn one_file_has_one_index_through_a_hard_link_and_any_letter_case() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jpg"), dir.path().join("b.jpg"));
        std::fs::write(&a, b"a").unwrap();
        std::fs::write(&b, b"b").unwrap();
        std::fs::hard_link(&a, dir.path().join("link.jpg")).unwrap();
        let id = file_index(&a, false).unwrap();
        assert_eq!(file_index(&dir.path().join("link.jpg"), false), Some(id));
        assert_eq!(file_index(&dir.path().join("A.JPG"), false), Some(id));
        assert_ne!(file_index(&b, false), Some(id));
        assert_eq!(file_index(&dir.path().join("missing.jpg"), true), None);
    }

    #[test]
    fn a_process_that_ended_is_not_alive_and_this_one_is() {
        assert!(process_is_alive(std::process::id()));
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .arg("--list")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!process_is_alive(pid));
    }

    #[test]
    fn the_memory_size_is_read() {
        assert!(usable_memory().is_some_and(|bytes| bytes > 256 << 20));
    }
}

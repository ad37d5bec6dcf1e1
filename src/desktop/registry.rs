//! The few registry calls the desktop integration needs (the per-user Explorer verbs, the app's
//! AppUserModelID), on `HKEY_CURRENT_USER`.

use std::io;

use windows_sys::Win32::Foundation::{ERROR_FILE_NOT_FOUND, ERROR_SUCCESS};
use windows_sys::Win32::System::Registry::{
    HKEY, HKEY_CURRENT_USER, KEY_READ, KEY_WRITE, REG_OPTION_NON_VOLATILE, REG_SZ, RegCloseKey, RegCreateKeyExW,
    RegDeleteTreeW, RegOpenKeyExW, RegSetValueExW,
};

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(std::iter::once(0)).collect()
}

fn check(status: u32) -> io::Result<()> {
    if status == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(io::Error::from_raw_os_error(status as i32))
    }
}

pub(crate) fn set(key: &str, name: &str, data: &str) -> io::Result<()> {
    let mut handle: HKEY = std::ptr::null_mut();
    // SAFETY: the strings are NUL-terminated UTF-16 that outlive the calls; `handle` is closed below.
    unsafe {
        check(RegCreateKeyExW(
            HKEY_CURRENT_USER,
            wide(key).as_ptr(),
            0,
            std::ptr::null(),
            REG_OPTION_NON_VOLATILE,
            KEY_WRITE,
            std::ptr::null(),
            &mut handle,
            std::ptr::null_mut(),
        ))?;
        let data = wide(data);
        let status = RegSetValueExW(
            handle,
            wide(name).as_ptr(),
            0,
            REG_SZ,
            data.as_ptr().cast(),
            (data.len() * 2) as u32,
        );
        RegCloseKey(handle);
        check(status)
    }
}

pub(crate) fn delete_tree(key: &str) -> io::Result<()> {
    // SAFETY: a NUL-terminated UTF-16 key name that outlives the call.
    let status = unsafe { RegDeleteTreeW(HKEY_CURRENT_USER, wide(key).as_ptr()) };
    if status == ERROR_FILE_NOT_FOUND {
        return Ok(());
    }
    check(status)
}

pub(crate) fn exists(key: &str) -> bool {
    let mut handle: HKEY = std::ptr::null_mut();
    // SAFETY: as in `set`; the handle is closed when opened.
    unsafe {
        let status = RegOpenKeyExW(HKEY_CURRENT_USER, wide(key).as_ptr(), 0, KEY_READ, &mut handle);
        if status == ERROR_SUCCESS {
            RegCloseKey(handle);
            true
        } else {
            false
        }
    }
}

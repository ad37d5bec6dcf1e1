//! Names and paths that Windows treats its own way, through the real CLI: letter case (one file to Windows and
//! macOS), names it keeps for devices, paths over 260 characters, and names that are not valid UTF-16. The
//! first runs everywhere; the rest are Windows only (run under Wine in CI), as they mean nothing elsewhere.

use crate::common;

#[cfg(windows)]
use std::fs;

use common::*;
use image::ImageFormat;

/// `A.jpg` and `a.png` would both become `a.jpg`; on a file system that ignores case the second would land on
/// the first. Each gets a copy of its own.
#[test]
fn names_differing_only_in_letter_case_get_a_copy_each() {
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    write_photo(&photos.join("A.jpg"), 64, 40, ImageFormat::Jpeg);
    write_photo(&photos.join("a.png"), 72, 40, ImageFormat::Png);
    let out = dir.path().join("out");
    let run = cli(&["--out", p(&out), "--format", "jpeg", p(&photos)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let copies = names_and_widths(&out.join("photos"));
    let mut widths: Vec<u32> = copies.iter().map(|(_, w)| *w).collect();
    widths.sort();
    assert_eq!(widths, [64, 72], "{copies:?}");
    let mut lower: Vec<String> = copies.iter().map(|(n, _)| n.to_lowercase()).collect();
    lower.dedup();
    assert_eq!(lower.len(), 2, "two names even without case: {copies:?}");
}

/// A copy whose name Windows keeps for a device (`nul.jpg` opens the NUL device, whatever the extension) is
/// refused with a clear error, never written "into" the device; other names in the same run are made.
#[cfg(windows)]
#[test]
fn a_copy_named_like_a_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    write_photo(&photos.join("b.png"), 64, 40, ImageFormat::Png);
    let out = dir.path().join("out");
    for device in ["nul", "CON", "aux", "com1", "lpt9 "] {
        let run = cli(&["--out", p(&out), "--format", "jpeg", "--name", device, p(&photos)]);
        let said = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{device}: {said}");
        assert!(said.contains("Windows keeps its name for a device"), "{device}: {said}");
        assert!(said.trim_end().ends_with(".jpg"), "the path last: {said}");
    }
    assert!(!out.join("photos").exists() || files_below(&out.join("photos")).is_empty());
    let run = cli(&["--out", p(&out), "--format", "jpeg", "--name", "{name}-con", p(&photos)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(out.join("photos/b-con.jpg").exists());
}

/// Inputs and outputs deeper than Windows' old 260-character limit work like any other.
#[cfg(windows)]
#[test]
fn paths_over_260_characters_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_owned();
    for i in 0..6 {
        deep.push(format!("{i}-a-folder-name-of-fifty-characters-to-go-deep-xx"));
    }
    let photos = deep.join("photos");
    write_photo(&photos.join("a.jpg"), 64, 40, ImageFormat::Jpeg);
    let out = deep.join("out");
    assert!(out.as_os_str().len() > 300);
    let run = cli(&["--out", p(&out), "--width", "32", p(&photos)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(dims(&out.join("photos/a.jpg")), (32, 20));
}

/// A name with a lone surrogate (valid to NTFS, not UTF-16) keeps its exact name in the copy.
#[cfg(windows)]
#[test]
fn a_name_that_is_not_valid_utf16_is_kept() {
    use std::os::windows::ffi::{OsStrExt, OsStringExt};
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    write_photo(&photos.join("b.png"), 64, 40, ImageFormat::Png);
    let stem: Vec<u16> = [0xD800].into_iter().chain("x".encode_utf16()).collect();
    let name = |ext: &str| {
        let mut wide = stem.clone();
        wide.extend(ext.encode_utf16());
        std::ffi::OsString::from_wide(&wide)
    };
    if let Err(e) = fs::copy(photos.join("b.png"), photos.join(name(".png"))) {
        // Wine keeps Windows names as UTF-8 file names on Linux, which cannot hold a lone surrogate.
        eprintln!("skipped: no file with a lone surrogate in its name could be made here ({e})");
        return;
    }
    let out = dir.path().join("out");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args([
            "--out".as_ref(),
            out.as_os_str(),
            "--format".as_ref(),
            "jpeg".as_ref(),
            photos.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let made: Vec<Vec<u16>> = fs::read_dir(out.join("photos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().encode_wide().collect())
        .collect();
    let wanted: Vec<u16> = name(".jpg").encode_wide().collect();
    assert!(made.contains(&wanted), "{made:?}");
}

/// Paths in Windows' verbatim form (`\\?\C:\...`, as canonical paths and some tools give them) work as inputs
/// and as the output folder, and the copy lands where the plain form says.
#[cfg(windows)]
#[test]
fn verbatim_paths_work_as_inputs_and_output() {
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    write_photo(&photos.join("a.jpg"), 64, 40, ImageFormat::Jpeg);
    let verbatim = |path: &std::path::Path| format!(r"\\?\{}", path.display());
    let out = dir.path().join("out");
    let run = cli(&["--out", &verbatim(&out), "--width", "32", &verbatim(&photos)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(dims(&out.join("photos/a.jpg")), (32, 20));
}

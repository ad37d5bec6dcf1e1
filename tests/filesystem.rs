//! What file systems do to a batch: special files, huge sparse files, odd and very long names, folders that
//! cannot be read or written, a disk that fills up. Each ends in clear per-file errors, no hang, no partial
//! output, and originals untouched.
//!
//! In its own test binary, not in `suite`: the sparse-file test counts the bytes the whole process has read, so
//! no other test may read files beside it. Unix only: FIFOs, permission bits, `/proc/self/io` and a mounted tiny
//! file system; Windows' names and paths are `suite`'s `windows_names`.
#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{ImageError, JobEvent, OutputFormat, Settings, TEMP_PREFIX};

/// No temporary file anywhere below `dir`, and every file there decodes whole.
fn only_complete_outputs(dir: &Path) {
    for file in files_below(dir) {
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            !name.starts_with(TEMP_PREFIX),
            "temporary file left: {}",
            file.display()
        );
        image::open(dir.join(&file)).unwrap_or_else(|e| panic!("{} does not decode: {e}", file.display()));
    }
}

/// A tmpfs mounted for one test, unmounted when dropped; `None` where mounting is not allowed.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(at: &Path, options: &str) -> Option<Mount> {
        fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(at.to_owned()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn devices_fifos_and_links_to_them_are_skipped_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("a.jpg"), 40, 30, ImageFormat::Jpeg);
    symlink("/dev/zero", root.join("zero.jpg")).unwrap();
    symlink("/dev/urandom", root.join("random.png")).unwrap();
    Command::new("mkfifo").arg(root.join("pipe.jpg")).status().unwrap();
    let events = run(
        &[root.clone(), PathBuf::from("/dev/zero")],
        settings_to(&dir.path().join("out")),
    );
    let s = summary(&events);
    assert_eq!(s.done, 1, "{events:?}");
    let skipped = skips(&events);
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(
        skipped.iter().all(|(_, why)| why == "not a regular file"),
        "{skipped:?}"
    );
    // Named directly, a device is an error the user sees.
    let failed = failures(&events);
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].1.starts_with("not a regular file") && failed[0].1.ends_with("/dev/zero"));
}

#[test]
fn huge_sparse_files_fail_at_once_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("a.jpg"), 40, 30, ImageFormat::Jpeg);
    // 8 GB each, almost all of it a hole: a JPEG and a PNG signature, then nothing.
    for (name, head) in [
        ("huge.jpg", &b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"[..]),
        ("huge.png", b"\x89PNG\r\n\x1a\n"),
    ] {
        let file = fs::File::create(root.join(name)).unwrap();
        std::io::Write::write_all(&mut &file, head).unwrap();
        file.set_len(8 << 30).unwrap();
    }
    let read_before = bytes_read();
    let events = run(&[root], settings_to(&dir.path().join("out")));
    let read = bytes_read() - read_before;
    // Reading them would be 16 GB; refusing reads a few headers. The count is the whole test process's, so
    // other tests running beside this one add their few megabytes of small images.
    assert!(read < 256 << 20, "{} MB read", read >> 20);
    assert_eq!(summary(&events).done, 1);
    let failed = failures(&events);
    assert_eq!(failed.len(), 2, "{failed:?}");
    for (path, message) in &failed {
        assert!(message.ends_with(&path.display().to_string()), "{message}");
    }
    assert!(
        failed.iter().any(|(_, m)| m.starts_with("file too large")),
        "{failed:?}"
    );
}

/// Bytes this process has read through system calls so far, cache hits included (`rchar` of /proc/self/io).
fn bytes_read() -> u64 {
    fs::read_to_string("/proc/self/io")
        .expect("/proc/self/io")
        .lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|v| v.trim().parse().ok())
        .expect("rchar in /proc/self/io")
}

#[test]
fn names_that_are_not_utf8_or_255_bytes_long_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    let latin1 = OsStr::from_bytes(b"caf\xE9.jpg");
    let long = format!("{}.jpg", "x".repeat(251));
    write_photo(&root.join(latin1), 40, 30, ImageFormat::Jpeg);
    write_photo(&root.join(&long), 40, 30, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    let events = run(std::slice::from_ref(&root), settings_to(&out));
    assert_eq!(summary(&events).done, 2, "{events:?}");
    assert_eq!(dims(&out.join("in").join(latin1)), (40, 30));
    assert_eq!(dims(&out.join("in").join(&long)), (40, 30));

    // Converted to WebP, the long name would be 256 bytes: the name is shortened to fit, and when the first
    // copies are not known as this run's own (no manifest), the second run's copy still gets its own
    // (shortened) numbered name.
    for _ in 0..2 {
        let settings = Settings {
            format: OutputFormat::WebP,
            ..settings_to(&out)
        };
        let events = run(std::slice::from_ref(&root), settings);
        assert_eq!(summary(&events).done, 2, "{events:?}");
        fs::remove_dir_all(out.join(shrinkray::engine::MANIFEST_DIR)).unwrap();
    }
    let webps: Vec<_> = files_below(&out.join("in"))
        .into_iter()
        .filter(|f| f.extension() == Some(OsStr::new("webp")))
        .collect();
    assert_eq!(webps.len(), 4, "{webps:?}");
    assert!(webps.iter().all(|f| f.as_os_str().len() <= 255), "{webps:?}");
}

#[test]
fn paths_longer_than_path_max_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("a.jpg"), 40, 30, ImageFormat::Jpeg);
    let photo = write_photo(&dir.path().join("deep.jpg"), 40, 30, ImageFormat::Jpeg);
    // 24 folders of 200 bytes: more than PATH_MAX (4096), made one relative step at a time as no absolute
    // path that long can be used (by perl, which is part of every Debian system, and whose chdir is the
    // system call itself).
    let made = Command::new("perl")
        .arg("-e")
        .arg(
            r#"my ($root, $photo) = @ARGV; open(my $in, "<:raw", $photo) or die; local $/; my $bytes = <$in>;
               chdir $root or die; for (1..24) { mkdir "d" x 200 or die; chdir "d" x 200 or die }
               open(my $out, ">:raw", "photo.jpg") or die; print $out $bytes;"#,
        )
        .arg(&root)
        .arg(&photo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = dir.path().join("out");
    let events = run(&[root], settings_to(&out));
    assert_eq!(summary(&events).done, 1, "{events:?}");
    let failed = failures(&events);
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].1.contains("name too long"), "{failed:?}");
    only_complete_outputs(&out);
}

/// Needs root to mount the small file system, so it is ignored unless asked for; `./run test` asks for it
/// when run as root, and then a mount that fails is a failure, not a skip.
#[test]
#[ignore = "needs root: mounts a 1 MB tmpfs (./run test includes it when run as root)"]
fn a_full_disk_fails_the_images_that_do_not_fit_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..6 {
        write_photo(&root.join(format!("{i}.png")), 600, 400, ImageFormat::Png);
    }
    let out = dir.path().join("small-disk");
    let _mount = Mount::tmpfs(&out, "size=1m").expect("cannot mount a tmpfs: this test needs root (CAP_SYS_ADMIN)");
    let events = run(&[root], settings_to(&out));
    let s = summary(&events);
    let failed = failures(&events);
    assert!(
        s.done >= 1 && !failed.is_empty(),
        "1 MB holds some of the six 700 KB copies: {events:?}"
    );
    assert_eq!(s.done + failed.len(), 6);
    for (_, message) in &failed {
        assert!(
            message.starts_with("cannot write the output: No space left on device"),
            "{message}"
        );
    }
    only_complete_outputs(&out);
}

/// `shrinkray-cli --json` as a user whom permissions bind: the test's own user, or, when that is root, `nobody`
/// through `setpriv`, running a copy of the binary placed in `dir` (the build folder may be closed to others).
/// Returns the events; panics, rather than skipping, when it cannot drop root.
fn run_cli_without_privileges(dir: &Path, args: &[&OsStr]) -> (Option<i32>, Vec<serde_json::Value>) {
    let root_user = is_root();
    let mut command = if root_user {
        let cli = dir.join("shrinkray-cli");
        fs::copy(env!("CARGO_BIN_EXE_shrinkray-cli"), &cli).unwrap();
        fs::set_permissions(&cli, fs::Permissions::from_mode(0o755)).unwrap();
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(cli);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
    };
    command.env("LC_ALL", "C");
    let output = command.arg("--json").args(args).output().expect("run shrinkray-cli");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.is_empty(),
        "shrinkray-cli printed nothing{}: {}",
        if root_user {
            " (could setpriv drop root to nobody?)"
        } else {
            ""
        },
        String::from_utf8_lossy(&output.stderr)
    );
    let events = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (output.status.code(), events)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn failed_events(events: &[serde_json::Value]) -> Vec<&str> {
    events
        .iter()
        .filter(|e| e["event"] == "failed")
        .map(|e| e["error"].as_str().unwrap())
        .collect()
}

#[test]
fn a_read_only_output_folder_fails_each_image_clearly() {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let root = dir.path().join("in");
    for i in 0..3 {
        write_photo(&root.join(format!("{i}.jpg")), 40, 30, ImageFormat::Jpeg);
    }
    let out = dir.path().join("read-only");
    fs::create_dir(&out).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    let (code, events) =
        run_cli_without_privileges(dir.path(), &[OsStr::new("--out"), out.as_os_str(), root.as_os_str()]);
    let failed = failed_events(&events);
    assert_eq!(code, Some(1), "{events:?}");
    assert_eq!(failed.len(), 3, "{events:?}");
    for message in &failed {
        assert!(message.starts_with("cannot write the output: "), "{message}");
        assert!(message.ends_with(".jpg"), "{message}");
    }
    assert!(files_below(&out).is_empty());
}

/// An unreadable file and an unreadable folder are each one error, the rest is done.
#[test]
fn unreadable_files_and_folders_are_one_error_each() {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("a.jpg"), 40, 30, ImageFormat::Jpeg);
    write_photo(&root.join("secret.jpg"), 40, 30, ImageFormat::Jpeg);
    write_photo(&root.join("closed/b.jpg"), 40, 30, ImageFormat::Jpeg);
    fs::set_permissions(root.join("secret.jpg"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(root.join("closed"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o777)).unwrap();

    let (code, events) =
        run_cli_without_privileges(dir.path(), &[OsStr::new("--out"), out.as_os_str(), root.as_os_str()]);
    let failed = failed_events(&events);
    assert_eq!(code, Some(1), "{events:?}");
    assert_eq!(failed.len(), 2, "{events:?}");
    for message in &failed {
        assert!(message.contains("Permission denied"), "{message}");
    }
    assert!(failed.iter().any(|m| m.ends_with("secret.jpg")));
    assert!(failed.iter().any(|m| m.ends_with("closed")));
    assert_eq!(dims(&out.join("in/a.jpg")), (40, 30));
}

#[test]
fn converted_names_never_overwrite_each_other_whatever_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    let inputs = [
        ("photo.jpg", 40, ImageFormat::Jpeg),
        ("photo.png", 41, ImageFormat::Png),
        ("PHOTO.jpg", 42, ImageFormat::Jpeg),
        ("photo.jpeg", 43, ImageFormat::Jpeg),
    ];
    for (name, width, format) in inputs {
        write_photo(&root.join(name), width, 30, format);
    }
    // The names the README promises, decided in input order: the same at any thread count.
    for threads in [1, 4] {
        let out = dir.path().join(format!("out-{threads}"));
        let settings = Settings {
            format: OutputFormat::Jpeg,
            threads: std::num::NonZeroUsize::new(threads),
            ..settings_to(&out)
        };
        let events = run(std::slice::from_ref(&root), settings);
        assert_eq!(summary(&events).done, 4, "{events:?}");
        // The widths tell the inputs apart.
        let named = names_and_widths(&out.join("in"));
        let expected = [
            ("PHOTO.jpg", 42),
            ("photo (1).jpg", 40),
            ("photo (2).jpg", 41),
            ("photo.jpeg", 43),
        ];
        assert_eq!(named, expected.map(|(n, w)| (n.to_owned(), w)), "{threads} threads");
    }
}

#[test]
fn originals_are_byte_identical_after_every_kind_of_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for (i, format) in [ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Gif, ImageFormat::Bmp]
        .into_iter()
        .enumerate()
    {
        write_photo(
            &root.join(format!("p{i}.{}", format.extensions_str()[0])),
            300,
            200,
            format,
        );
    }
    fs::write(root.join("broken.jpg"), b"\xFF\xD8\xFF\xE0 broken").unwrap();
    let hashes = || -> Vec<(PathBuf, Vec<u8>)> {
        files_below(&root)
            .into_iter()
            .map(|f| {
                let bytes = fs::read(root.join(&f)).unwrap();
                (f, bytes)
            })
            .collect()
    };
    let before = hashes();
    // Into a separate folder, into the input folder itself with every collision policy, and converted.
    let mut runs = vec![settings_to(&dir.path().join("out"))];
    for policy in [
        shrinkray::engine::Collision::Rename,
        shrinkray::engine::Collision::Overwrite,
        shrinkray::engine::Collision::Skip,
    ] {
        runs.push(Settings {
            on_collision: policy,
            ..settings_to(&root)
        });
    }
    runs.push(Settings {
        format: OutputFormat::Png,
        on_collision: shrinkray::engine::Collision::Overwrite,
        ..settings_to(&root)
    });
    // Files named one by one keep their bare names, so copies into their own folder meet the originals.
    let files: Vec<PathBuf> = before.iter().map(|(f, _)| root.join(f)).collect();
    for settings in runs {
        let events = run(&files, settings);
        assert!(summary(&events).setup_error.is_none(), "{events:?}");
        for event in &events {
            if let JobEvent::ImageFailed { error, .. } = event {
                assert!(
                    !matches!(error, ImageError::Write { .. }),
                    "a write failed, which may mean an input was touched: {error}"
                );
            }
        }
        let after: Vec<_> = hashes()
            .into_iter()
            .filter(|(f, _)| before.iter().any(|(b, _)| b == f))
            .collect();
        assert_eq!(after, before, "an original changed");
    }
}

#[test]
fn an_output_folder_removed_mid_run_ends_the_run_cleanly() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..30 {
        write_photo(&root.join(format!("{i:02}.jpg")), 800, 600, ImageFormat::Jpeg);
    }
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(["--json", "-j", "1", "--width", "400", "--out"])
        .arg(&out)
        .arg(&root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut events = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let first_done = line.contains(r#""event":"done""#);
        events.push(line);
        if first_done {
            // Gone from under the run in one step (as an unplugged drive is); deleting file by file would race
            // with the files the run keeps writing.
            fs::rename(&out, dir.path().join("gone")).unwrap();
            break;
        }
    }
    events.extend(lines.map(Result::unwrap));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(std::time::Instant::now() < deadline, "the run hangs");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(matches!(status.code(), Some(0 | 1)), "{status:?}");
    let per_image = events
        .iter()
        .filter(|l| l.contains(r#""event":"done""#) || l.contains(r#""event":"failed""#))
        .count();
    assert_eq!(per_image, 30, "one event per image: {events:?}");
    assert!(events.last().unwrap().contains(r#""event":"finished""#));
    if out.exists() {
        only_complete_outputs(&out);
    }
}
